// SPDX-License-Identifier: MIT
#pragma once

#include "common/protocol.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace Notify::Server {

/// What several instances of one deployment must agree on: the per-user
/// stream limit and presence. Null for a single instance (its
/// StreamRegistry and PresenceTracker decide alone); RedisCluster shares it
/// through Redis, with a lease per instance so that the streams of an
/// instance that died are forgotten once its lease expires.
class ClusterState
{
public:
    virtual ~ClusterState() = default;

    struct Admission
    {
        bool accepted = true;
        bool unavailable = false; ///< nobody could be asked: 503
        QList<quint64> evictedHere; ///< streams of this instance to close
    };
    /// Admits stream @p streamId of @p user over the deployment; under
    /// evict-oldest the oldest streams anywhere make room (other instances
    /// are told to close theirs).
    virtual Admission admit(const QString &user, quint64 streamId, int maxPerUser, bool evictOldest) = 0;
    virtual void released(const QString &user, quint64 streamId) = 0;
    /// The user's open streams over the deployment (instances with a live lease).
    virtual int streamsOf(const QString &user) = 0;

    struct Presence
    {
        Protocol::PresenceStatus status = Protocol::PresenceStatus::Offline;
        qint64 sinceMs = 0;
        std::optional<Protocol::PresenceStatus> chosen;
    };
    [[nodiscard]] virtual Presence presence(const QString &user) = 0;
    /// Everybody's at once (users never seen are absent: offline).
    [[nodiscard]] virtual QHash<QString, Presence> presenceOfAll() = 0;
    /// Offline -> @p status (the chosen one or online). True for the one
    /// instance that made the change (it publishes the event).
    virtual bool comeOnline(const QString &user, qint64 nowMs) = 0;
    /// -> offline, if the user has no stream anywhere. True for the one that changed it.
    virtual bool goOffline(const QString &user, qint64 nowMs) = 0;
    /// PUT /api/v1/presence/: the chosen status; true when what others see changed.
    virtual bool choose(const QString &user, Protocol::PresenceStatus status, qint64 nowMs) = 0;
    /// Users shown as present with no stream left anywhere (their instance died).
    [[nodiscard]] virtual QStringList presentWithoutStreams() = 0;

    /// Called with the streams of this instance that another one evicted.
    void setEvictionHandler(std::function<void(quint64 streamId)> handler) { m_evicted = std::move(handler); }

protected:
    ClusterState() = default;
    Q_DISABLE_COPY_MOVE(ClusterState)

    void evicted(quint64 streamId) const
    {
        if (m_evicted)
            m_evicted(streamId);
    }

private:
    std::function<void(quint64)> m_evicted;
};

} // namespace Notify::Server
