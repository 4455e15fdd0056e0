// SPDX-License-Identifier: MIT
#include "eventlog.h"

#include "dialect.h"
#include "eventstore.h"
#include "workerpool.h"

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
