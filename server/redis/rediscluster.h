// SPDX-License-Identifier: MIT
#pragma once

#include "hub/clusterstate.h"

#include <QObject>

class QTimer;

namespace Notify::Server {

class RedisEventStore;

/// ClusterState in Redis, next to the events (RedisEventStore's connection).
///
/// Each instance has a lease, `<prefix>instance:<id>`, that it renews every
/// third of its length; a user's streams are a sorted set of
/// `<instance>:<stream>` by opening time, and every script that counts them
/// first drops the members whose instance has no lease any more. So the
/// streams of an instance killed without cleaning up stop counting against
/// the limit, and stop keeping their user online, within one lease (15 s
/// by default, `--redis-lease`). Presence is one hash, `status|since|chosen`
/// per user, changed by compare-and-set scripts, so that exactly one
/// instance publishes each change. Streams evicted on other instances are
/// announced on the control stream that every instance's feed reads.
class RedisCluster final : public QObject, public ClusterState
{
    Q_OBJECT

public:
    RedisCluster(RedisEventStore &store, qint64 leaseMs, QObject *parent = nullptr);
    ~RedisCluster() override;
    Q_DISABLE_COPY_MOVE(RedisCluster)

    /// Takes the lease and starts renewing it.
    bool start(QString *error);
    [[nodiscard]] const QByteArray &instanceId() const { return m_instance; }

    Admission admit(const QString &user, quint64 streamId, int maxPerUser, bool evictOldest) override;
    void released(const QString &user, quint64 streamId) override;
    int streamsOf(const QString &user) override;
    [[nodiscard]] Presence presence(const QString &user) override;
    [[nodiscard]] QHash<QString, Presence> presenceOfAll() override;
    bool comeOnline(const QString &user, qint64 nowMs) override;
    bool goOffline(const QString &user, qint64 nowMs) override;
    bool choose(const QString &user, Protocol::PresenceStatus status, qint64 nowMs) override;
    [[nodiscard]] QStringList presentWithoutStreams() override;

private:
    void renewLease();
    [[nodiscard]] static std::optional<Presence> parsePresence(const QByteArray &value);
    void onControl(const QByteArray &kind, const QByteArray &value);
    [[nodiscard]] QByteArray member(quint64 streamId) const;
    [[nodiscard]] QByteArray leaseKey() const;

    RedisEventStore &m_store;
    qint64 m_leaseMs;
    QByteArray m_instance;
    QTimer *m_renew = nullptr;
};

} // namespace Notify::Server
