// SPDX-License-Identifier: MIT
#pragma once

#include "redisconnection.h"
#include "store/eventstore.h"

#include <QThread>

#include <atomic>
#include <functional>

namespace Notify::Server {

/// New events from Redis, for one instance: a thread of its own blocks in
/// `XREAD BLOCK` on the event stream and the control stream, from the last
/// ids it read, and hands what it reads to the hub thread in order.
///
/// When Redis goes away it connects again with a backoff (0.1 s doubling to
/// 5 s), logs it, and resumes from the ids it had, so nothing appended
/// meanwhile is skipped. A new epoch in Redis (its data lost) is reported
/// instead of read past.
class RedisEventFeed final : public QThread
{
    Q_OBJECT

public:
    struct Callbacks
    {
        std::function<void(const QList<StoredEvent> &)> events;
        std::function<void(const QList<QPair<QByteArray, QByteArray>> &)> control;
        std::function<void(quint32 epoch)> epochChanged;
    };

    /// Reads events after @p afterSeq and control messages after @p afterControlId.
    /// The callbacks are called on @p context's thread.
    RedisEventFeed(RedisAddress address, QByteArray prefix, quint32 epoch, quint64 afterSeq, QByteArray afterControlId,
                   QObject *context, Callbacks callbacks);
    ~RedisEventFeed() override;
    Q_DISABLE_COPY_MOVE(RedisEventFeed)

    /// Stops reading (within the XREAD block time) and waits for the thread.
    void stop();
    [[nodiscard]] bool connected() const { return m_connected.load(); }
    [[nodiscard]] qint64 reconnects() const { return m_reconnects.load(); }

    static constexpr int BlockMs = 1000;

protected:
    void run() override;

private:
    bool sleepUnlessStopped(qint64 ms);

    RedisAddress m_address;
    QByteArray m_prefix;
    quint32 m_epoch;
    quint64 m_afterSeq;
    QByteArray m_afterControl;
    QObject *m_context;
    Callbacks m_callbacks;
    std::atomic<bool> m_stop{ false };
    std::atomic<bool> m_connected{ false };
    std::atomic<qint64> m_reconnects{ 0 };
};

} // namespace Notify::Server
