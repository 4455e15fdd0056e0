// SPDX-License-Identifier: MIT
#include "eventfeed.h"

#include "notificationlistfetcher.h"
#include "sseclient.h"

#include <QDateTime>
#include <QNetworkAccessManager>

namespace Notify {

EventFeed::EventFeed(SseClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_network(client->network())
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
            m_ledger->noteContent(event.contentKey, false, nowMs());
    } else if (!m_ledger->acceptContent(event.contentKey, event.contentKeyExpires, nowMs())) {
        return;
    }
    emit eventReady(event);
}

void EventFeed::onOpened()
{
    // With an id the server replays what was missed; without one, the list is all there is.
    if (!m_catchUpUrl.isValid() || !m_client->lastEventId().isEmpty())
        return;
    // A fetch on its way is replaced (the list is read afresh); whether it
    // reads history or catches up is decided when a list arrives.
    m_fetcher->fetch(m_network, RequestBuilder(m_client->settings().credentials), m_catchUpUrl);
}

void EventFeed::onCaughtUp(const QList<QJsonObject> &items)
{
    // Oldest first, as they happened. Lists are newest first: in reverse,
    // then those with a time in time order, in the places those with a time
    // have (a stable sort, so equal times keep the list's order); those
    // without one (the catch-up's time, the same for all) keep their place.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QList<InterpretedEvent> events;
    events.reserve(items.size());
    QList<qsizetype> timed; // the places of those with a time
    for (auto it = items.crbegin(); it != items.crend(); ++it) {
        InterpretedEvent interpreted
            = m_interpreter.interpret(Protocol::Notification::TypeName, *it, InterpretedEvent::Source::CatchUp, now);
        interpreted.read = NotificationListFetcher::isRead(*it);
        const auto *n = std::get_if<Protocol::Notification>(&interpreted.payload);
        if (n && n->createdAt != now)
            timed << events.size();
        events << interpreted;
    }
    QList<InterpretedEvent> inTimeOrder;
    inTimeOrder.reserve(timed.size());
    for (const qsizetype i : std::as_const(timed))
        inTimeOrder << events.at(i);
    std::stable_sort(inTimeOrder.begin(), inTimeOrder.end(), [](const InterpretedEvent &a, const InterpretedEvent &b) {
        return std::get<Protocol::Notification>(a.payload).createdAt
            < std::get<Protocol::Notification>(b.payload).createdAt;
    });
    for (qsizetype k = 0; k < timed.size(); ++k)
        events[timed.at(k)] = inTimeOrder.at(k);
    if (!m_catchUpOnFirstConnect && !std::exchange(m_historyRead, true)) {
        // The first list that arrives is history, whichever connect asked
        // for it (a stream that dropped before the first list came has no
        // history yet): no catch-up brings it. The stream is not asked: what
        // it sends is live, even if it reached the list before this fetch.
        for (const InterpretedEvent &event : std::as_const(events))
            m_history.insert(event.contentKey);
        emit logged(tr("%n notification(s) in the list before this start", nullptr, int(events.size())));
        return;
    }
    qsizetype delivered = 0;
    for (const InterpretedEvent &event : std::as_const(events)) {
        if (m_history.contains(event.contentKey)
            || !m_ledger->acceptContent(event.contentKey, event.contentKeyExpires, nowMs()))
            continue;
        ++delivered;
        emit eventReady(event);
    }
    emit logged(tr("caught up: %n new of %1 in the notifications list", nullptr, int(delivered)).arg(items.size()));
}

} // namespace Notify
