// SPDX-License-Identifier: MIT
#include "rediseventfeed.h"

#include "rediseventstore.h"

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcRedis)

namespace Notify::Server {

RedisEventFeed::RedisEventFeed(RedisAddress address, QByteArray prefix, quint32 epoch, quint64 afterSeq,
                               QByteArray afterControlId, QObject *context, Callbacks callbacks)
    : m_address(std::move(address))
    , m_prefix(std::move(prefix))
    , m_epoch(epoch)
    , m_afterSeq(afterSeq)
    , m_afterControl(std::move(afterControlId))
    , m_context(context)
    , m_callbacks(std::move(callbacks))
{ }

RedisEventFeed::~RedisEventFeed()
{
    stop();
}

void RedisEventFeed::stop()
{
    m_stop = true;
    wait();
}

bool RedisEventFeed::sleepUnlessStopped(qint64 ms)
{
    for (qint64 slept = 0; slept < ms && !m_stop; slept += 50)
        QThread::msleep(50);
    return !m_stop;
}

void RedisEventFeed::run()
{
    // The block time plus the command timeout: a Redis that stops answering
    // is noticed within seconds, not when TCP gives up.
    RedisConnection redis(m_address, 2000);
    const QByteArray events = m_prefix + "events";
    const QByteArray control = m_prefix + "control";
    qint64 backoffMs = 100;
    bool wasConnected = true;
    while (!m_stop) {
        if (!redis.isConnected()) {
            QString error;
            if (!redis.connect(&error)) {
                if (wasConnected)
                    qCWarning(lcRedis).noquote()
                        << "the event feed lost Redis at" << m_address.display()
                        << QStringLiteral("(%1); trying again with a backoff of up to 5 s").arg(error);
                wasConnected = false;
                m_connected = false;
                sleepUnlessStopped(backoffMs);
                backoffMs = std::min<qint64>(backoffMs * 2, 5000);
                continue;
            }
            // Redis lost its data if the epoch went: reading on would skip or repeat.
            const auto epoch = redis.command({ "GET", m_prefix + "epoch" });
            if (epoch && !epoch->isNil() && epoch->string.toUInt(nullptr, 16) != m_epoch) {
                const quint32 fresh = epoch->string.toUInt(nullptr, 16);
                qCCritical(lcRedis).noquote()
                    << "Redis has a new epoch" << epoch->string << ": its events were lost; every stream resyncs";
                m_epoch = fresh;
                m_afterSeq = 0;
                QMetaObject::invokeMethod(m_context, [cb = m_callbacks.epochChanged, fresh] { cb(fresh); });
            }
            if (!wasConnected) {
                ++m_reconnects;
                qCInfo(lcRedis).noquote() << "the event feed is reading from Redis again after seq" << m_afterSeq;
            }
            wasConnected = true;
            m_connected = true;
            backoffMs = 100;
        }
        const auto reply = redis.command({ "XREAD", "COUNT", "1000", "BLOCK", QByteArray::number(BlockMs), "STREAMS",
                                           events, control, QByteArray::number(m_afterSeq) + "-0", m_afterControl },
                                         nullptr, BlockMs + 2000);
        if (!reply || reply->isError()) {
            if (reply)
                qCWarning(lcRedis).noquote() << "XREAD failed:" << reply->string;
            redis.disconnect();
            continue;
        }
        if (reply->isNil())
            continue; // nothing new within the block time
        QList<StoredEvent> fresh;
        QList<QPair<QByteArray, QByteArray>> messages;
        for (const RedisReply &stream : reply->elements) {
            if (stream.elements.size() < 2)
                continue;
            const bool isEvents = stream.elements[0].string == events;
            for (const RedisReply &entry : stream.elements[1].elements) {
                if (isEvents) {
                    StoredEvent event = RedisEventStore::fromEntry(entry);
                    if (event.seq > m_afterSeq) {
                        m_afterSeq = event.seq;
                        fresh << std::move(event);
                    }
                } else if (entry.elements.size() == 2) {
                    m_afterControl = entry.elements[0].string;
                    const QList<RedisReply> &fields = entry.elements[1].elements;
                    for (qsizetype i = 0; i + 1 < fields.size(); i += 2)
                        messages << qMakePair(fields[i].string, fields[i + 1].string);
                }
            }
        }
        if (!fresh.isEmpty())
            QMetaObject::invokeMethod(m_context, [cb = m_callbacks.events, fresh] { cb(fresh); });
        if (!messages.isEmpty() && m_callbacks.control)
            QMetaObject::invokeMethod(m_context, [cb = m_callbacks.control, messages] { cb(messages); });
    }
    m_connected = false;
}

} // namespace Notify::Server
