// SPDX-License-Identifier: MIT
#pragma once

#include "redisconnection.h"
#include "redisnotificationlists.h"
#include "store/eventstore.h"

#include <QElapsedTimer>
#include <QObject>

#include <functional>
#include <memory>

namespace Notify::Server {

class RedisEventFeed;

/// The event store of a deployment of several notify-server instances:
/// everything lives in one Redis (docs/DEPLOYMENT.md).
///
/// - Events are one Redis Stream whose entry ids are `<seq>-0`; a Lua
///   script takes the next seq (INCR) and appends (XADD) atomically, so
///   seqs are strictly increasing over the whole deployment and the stream
///   is in seq order. Retention is `MAXLEN ~` on every append and, by age,
///   `XTRIM MINID`.
/// - The snapshots (notifications and their read state, orders) are
///   written by the same script (RedisScripts::append); the notifications
///   lists are read, marked and trimmed by RedisNotificationLists.
/// - New events reach this instance's streams through RedisEventFeed, a
///   blocking XREAD on a thread of its own, for events published through any
///   instance, this one included; announce() hands them to the hub.
///
/// Commands run on the hub thread with a short timeout. When Redis does not
/// answer, available() is false, append() fails (the API answers 503 with
/// Retry-After), and connecting again is tried with a backoff of up to
/// 5 s, not on every request.
class RedisEventStore final : public QObject, public EventStore
{
    Q_OBJECT

public:
    /// @p prefix: the keys' prefix (several deployments can share a Redis).
    RedisEventStore(RedisAddress address, QByteArray prefix, qint64 maxEvents, QObject *parent = nullptr);
    ~RedisEventStore() override;
    Q_DISABLE_COPY_MOVE(RedisEventStore)

    /// Waits up to StartTimeoutMs for a Redis that is slow to answer or
    /// still loading its data; then commands time out after CommandTimeoutMs.
    bool open(QString *error) override;
    /// Until the deployment's parts have started (RedisCluster::start()):
    /// then commands get the hub's short timeout.
    void started();

    static constexpr int CommandTimeoutMs = 1000;
    static constexpr int StartTimeoutMs = 10'000;
    [[nodiscard]] quint32 epoch() const override { return m_epoch; }
    [[nodiscard]] quint64 headSeq() const override;
    [[nodiscard]] quint64 oldestSeq() const override;
    bool appendAll(QList<StoredEvent> &events, QString *error) override;
    [[nodiscard]] QList<StoredEvent> eventsAfter(quint64 seq, const QString &user, qsizetype limit) override;
    [[nodiscard]] QList<NotificationRecord> notifications(const QString &user, bool unreadOnly, qsizetype limit,
                                                          qsizetype offset = 0) override;
    bool markRead(const QString &user, const QString &notificationId) override;
    QStringList markAllRead(const QString &user) override;
    bool markUnread(const QString &user, const QString &notificationId) override;
    [[nodiscard]] NotificationCounts notificationCounts(const QString &user) override;
    ClaimOutcome claim(const QString &user, const QString &notificationId, const Claim &claim, qint64 nowMs) override;
    ClaimOutcome release(const QString &user, const QString &notificationId, bool admin, qint64 nowMs) override;
    [[nodiscard]] QHash<QString, Claim> claims(const QStringList &notificationIds) override;
    qsizetype escalateDue(qint64 cutoffMs, qint64 nowMs, qsizetype limit) override;
    [[nodiscard]] std::optional<qint64> nextEscalation() override;
    [[nodiscard]] QList<QJsonObject> orders(const QString &user) override;
    void enforceRetention(qint64 maxEvents, qint64 maxAgeMs, qint64 nowMs) override;
    bool trimNotifications(qint64 maxAgeMs, qint64 nowMs, qsizetype budget) override;
    [[nodiscard]] bool available() const override;
    [[nodiscard]] QString unavailableReason() const override;

    /// The hub's connection, for the cluster's shared state (RedisCluster).
    [[nodiscard]] RedisConnection &connection() { return *m_redis; }
    /// Runs a command, connecting first when needed (with the backoff).
    std::optional<RedisReply> run(const QList<QByteArray> &arguments, QString *error = nullptr);
    std::optional<RedisReply> runScript(const QByteArray &script, const QList<QByteArray> &arguments,
                                        QString *error = nullptr);
    [[nodiscard]] const QByteArray &prefix() const { return m_prefix; }
    [[nodiscard]] QByteArray key(QByteArrayView name) const { return m_prefix + name; }

    /// Control messages other instances left for this one (RedisCluster's evictions).
    void setControlHandler(std::function<void(const QByteArray &kind, const QByteArray &value)> handler)
    {
        m_control = std::move(handler);
    }
    /// Whether the feed of new events is reading (Redis reachable from its thread).
    [[nodiscard]] bool feedConnected() const;
    [[nodiscard]] qint64 reconnects() const override;

    static StoredEvent fromEntry(const RedisReply &entry);

private:
    bool ensureConnected(QString *error);
    /// Connects if needed, runs @p call, and turns a lost connection or an error reply into nothing.
    std::optional<RedisReply> checked(const QByteArray &what,
                                      const std::function<std::optional<RedisReply>(QString *)> &call, QString *error);
    void connectionLost(const QString &why);
    /// RedisScripts::claim(): claims (@p claim) or releases.
    ClaimOutcome runClaim(const QString &user, const QString &notificationId, bool claim, bool admin,
                          const Claim &wanted, qint64 nowMs);
    void onFeedEvents(const QList<StoredEvent> &events);
    void onFeedControl(const QList<QPair<QByteArray, QByteArray>> &messages);
    void onFeedEpoch(quint32 epoch);

    std::unique_ptr<RedisConnection> m_redis;
    QByteArray m_prefix;
    qint64 m_maxEvents;
    quint32 m_epoch = 0;
    mutable quint64 m_head = 0; ///< the last known head (when Redis does not answer)
    quint64 m_delivered = 0; ///< the newest seq announced to the hub
    QElapsedTimer m_sinceFailure;
    qint64 m_backoffMs = 0;
    QString m_lastError;
    qint64 m_reconnects = 0;
    RedisNotificationLists m_lists{ *this };
    std::unique_ptr<RedisEventFeed> m_feed;
    std::function<void(const QByteArray &, const QByteArray &)> m_control;
};

} // namespace Notify::Server
