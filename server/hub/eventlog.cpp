// SPDX-License-Identifier: MIT
#include "eventlog.h"

#include "dialect.h"
#include "io/workerpool.h"
#include "store/eventstore.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QTimer>

Q_DECLARE_LOGGING_CATEGORY(lcServer)

namespace Notify::Server {

EventLog::EventLog(EventStore &store, WorkerPool &workers, const Dialect &dialect, qint64 flushDelayMs, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_workers(workers)
    , m_dialect(dialect)
    , m_flushDelayMs(flushDelayMs)
{
    // Every stored event, whichever instance published it, goes out from here.
    m_store.setStoredHandler([this](const StoredEvent &event) { enqueue(event); });
}

EventLog::~EventLog()
{
    m_store.setStoredHandler({});
}

void EventLog::enqueue(const StoredEvent &event)
{
    m_pendingBatch.append(Frame{ event.seq, event.audience, frame(event.seq, event.type, event.data) });
    if (!m_flushScheduled) {
        m_flushScheduled = true;
        if (m_flushDelayMs > 0)
            QTimer::singleShot(int(m_flushDelayMs), this, &EventLog::flushBatch);
        else
            QMetaObject::invokeMethod(this, &EventLog::flushBatch, Qt::QueuedConnection);
    }
}

std::optional<QByteArray> EventLog::publish(const QByteArray &type, const QJsonObject &data,
                                            const QStringList &audience, QString *error)
{
    StoredEvent event;
    event.type = type;
    event.data = QJsonDocument(data).toJson(QJsonDocument::Compact);
    event.audience = audience;
    event.createdMs = QDateTime::currentMSecsSinceEpoch();
    QString storeError;
    const auto seq = m_store.append(event, &storeError);
    if (!seq) {
        qCWarning(lcServer) << "could not store a" << type << "event:" << storeError;
        if (error)
            *error = storeError;
        return std::nullopt;
    }
    ++m_published; // it goes out when the store tells of it (enqueue)
    return m_store.eventId(*seq);
}

void EventLog::publishLater(QList<Publication> events, Published done)
{
    m_waiting.append(Waiting{ std::move(events), std::move(done) });
    if (!m_commitScheduled) {
        m_commitScheduled = true;
        // Queued behind the requests that the workers have already posted:
        // what arrived in this turn is stored in one go.
        QMetaObject::invokeMethod(this, &EventLog::commit, Qt::QueuedConnection);
    }
}

void EventLog::commit()
{
    m_commitScheduled = false;
    if (m_waiting.isEmpty())
        return;
    // Take whole publications, at least one, up to MaxCommitEvents events.
    qsizetype take = 0;
    qsizetype events = 0;
    while (take < m_waiting.size() && (take == 0 || events + m_waiting[take].events.size() <= MaxCommitEvents)) {
        events += m_waiting[take].events.size();
        ++take;
    }
    QList<Waiting> group = m_waiting.mid(0, take);
    m_waiting.remove(0, take);
    if (!m_waiting.isEmpty()) {
        m_commitScheduled = true;
        QMetaObject::invokeMethod(this, &EventLog::commit, Qt::QueuedConnection);
    }

    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    QList<StoredEvent> stored;
    stored.reserve(events);
    for (const Waiting &waiting : std::as_const(group)) {
        for (const Publication &publication : waiting.events) {
            StoredEvent event;
            event.type = publication.type;
            event.data = QJsonDocument(publication.data).toJson(QJsonDocument::Compact);
            event.audience = publication.audience;
            event.createdMs = nowMs;
            stored.append(std::move(event));
        }
    }
    QString storeError;
    ++m_commits;
    if (!m_store.appendAll(stored, &storeError)) {
        qCWarning(lcServer) << "could not store" << stored.size() << "events of" << group.size()
                            << "publications:" << storeError;
        const WorkerPool::ResponseBatch answers(m_workers);
        for (const Waiting &waiting : std::as_const(group))
            waiting.done(std::nullopt, storeError);
        return;
    }
    m_published += stored.size();
    const WorkerPool::ResponseBatch answers(m_workers);
    qsizetype at = 0;
    for (const Waiting &waiting : std::as_const(group)) {
        QList<QByteArray> ids;
        ids.reserve(waiting.events.size());
        for (qsizetype i = 0; i < waiting.events.size(); ++i)
            ids.append(m_store.eventId(stored[at++].seq));
        waiting.done(ids, QString());
    }
}

void EventLog::flushBatch()
{
    m_flushScheduled = false;
    if (m_pendingBatch.isEmpty())
        return;
    m_workers.deliver(std::make_shared<const FrameBatch>(std::exchange(m_pendingBatch, {})));
}

EventLog::ReplayPage EventLog::replayPage(const QString &user, quint64 afterSeq)
{
    const quint64 head = m_store.headSeq();
    const QList<StoredEvent> events = m_store.eventsAfter(afterSeq, user, ReplayPageEvents);
    ReplayPage page;
    for (const StoredEvent &event : events)
        page.bytes += frame(event.seq, event.type, event.data);
    page.done = events.size() < ReplayPageEvents;
    // With a shared store, events may have been appended after the head was
    // read: the page holds them, so the stream has everything up to them.
    page.lastSeq
        = page.done ? std::max({ head, afterSeq, events.isEmpty() ? 0 : events.last().seq }) : events.last().seq;
    return page;
}

QByteArray EventLog::frame(quint64 seq, const QByteArray &type, const QByteArray &data) const
{
    return m_dialect.frame(m_store.eventId(seq), type, data);
}

} // namespace Notify::Server
