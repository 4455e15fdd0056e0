// SPDX-License-Identifier: MIT
#include "eventfeed.h"

#include "notificationlist.h"
#include "sseclient.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QNetworkAccessManager>

namespace Notify {

EventFeed::EventFeed(SseClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_network(new QNetworkAccessManager(this))
    , m_fetcher(new NotificationListFetcher(this))
{
    qRegisterMetaType<Notify::InterpretedEvent>();
    connect(client, &SseClient::eventReceived, this, &EventFeed::onEvent);
    connect(client, &SseClient::opened, this, &EventFeed::onOpened);
    connect(m_fetcher, &NotificationListFetcher::fetched, this, &EventFeed::onCaughtUp);
    connect(m_fetcher, &NotificationListFetcher::failed, this, [this](int status, const QString &message) {
        emit logged(tr("could not catch up from the notifications list (HTTP %1): %2").arg(status).arg(message));
    });
}

void EventFeed::setCatchUp(const QUrl &listUrl, bool onFirstConnect)
{
    m_catchUpUrl = listUrl;
    m_catchUpOnFirstConnect = onFirstConnect;
}

qint64 EventFeed::nowMs() const
{
    return clock ? clock() : QDateTime::currentMSecsSinceEpoch();
}

void EventFeed::onEvent(const SseEvent &event)
{
    const auto source = m_client->state() == SseClient::State::Polling ? InterpretedEvent::Source::Poll
                                                                       : InterpretedEvent::Source::Stream;
    const InterpretedEvent interpreted = m_interpreter.interpret(event, source);
    if (interpreted.control) {
        emit logged(interpreted.note);
        return;
    }
    offer(interpreted);
}

void EventFeed::offer(const InterpretedEvent &event)
{
    if (!event.id.isEmpty()) {
        // Exactness by id is the stream's (Last-Event-ID) and the journal's;
        // remembered so that a catch-up does not bring it again.
        if (!event.contentKeyExpires)
            m_dedup.remember(event.contentKey, false, nowMs());
    } else if (!m_dedup.accept(event.contentKey, event.contentKeyExpires, nowMs())) {
        return;
    }
    emit eventReady(event);
}

void EventFeed::onOpened()
{
    ++m_opens;
    // With an id the server replays what was missed; without one, the list is all there is.
    if (!m_catchUpUrl.isValid() || !m_client->lastEventId().isEmpty())
        return;
    // On a first connect that does not catch up, the list is only read to know
    // what is old: a later catch-up then brings what came since, not history.
    m_priming = m_opens == 1 && !m_catchUpOnFirstConnect;
    m_fetcher->fetch(m_network, RequestBuilder(m_client->settings().credentials), m_catchUpUrl);
}

void EventFeed::onCaughtUp(const QList<QJsonObject> &items)
{
    QList<InterpretedEvent> events;
    events.reserve(items.size());
    for (const QJsonObject &item : items) {
        const SseEvent event{ Protocol::Notification::TypeName,
                              QJsonDocument(item).toJson(QJsonDocument::Compact),
                              {} };
        InterpretedEvent interpreted = m_interpreter.interpret(event, InterpretedEvent::Source::CatchUp);
        interpreted.read = NotificationListFetcher::isRead(item);
        events << interpreted;
    }
    // Oldest first, as they happened (lists are newest first).
    const auto createdAt = [](const InterpretedEvent &e) {
        const auto *n = std::get_if<Protocol::Notification>(&e.payload);
        return n ? n->createdAt : QDateTime();
    };
    std::stable_sort(events.begin(), events.end(),
                     [&](const InterpretedEvent &a, const InterpretedEvent &b) { return createdAt(a) < createdAt(b); });
    if (std::exchange(m_priming, false)) {
        // History: no catch-up brings it. The stream is not asked: what it
        // sends is live, even if it reached the list before this fetch.
        for (const InterpretedEvent &event : std::as_const(events))
            m_history.insert(event.contentKey);
        emit logged(tr("%n notification(s) in the list before this start", nullptr, int(events.size())));
        return;
    }
    qsizetype delivered = 0;
    for (const InterpretedEvent &event : std::as_const(events)) {
        if (m_history.contains(event.contentKey) || !m_dedup.accept(event.contentKey, event.contentKeyExpires, nowMs()))
            continue;
        ++delivered;
        emit eventReady(event);
    }
    emit logged(tr("caught up: %n new of %1 in the notifications list", nullptr, int(delivered)).arg(items.size()));
}

} // namespace Notify
