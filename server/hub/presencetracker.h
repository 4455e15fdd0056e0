// SPDX-License-Identifier: MIT
#pragma once

#include "clusterstate.h"
#include "common/protocol.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QObject>

#include <optional>

class QTimer;

namespace Notify::Server {

class EventPublisher;
class UserDirectory;

/// Who is online, following their streams (docs/PROTOCOL.md, "Presence").
///
/// A user goes `online` with their first open stream (or the status they
/// chose with PUT, kept while they have a stream) and `offline` when the last
/// one closed and no new one came within the grace period. Every change
/// others can see is published as a `presence` event.
class PresenceTracker final : public QObject
{
    Q_OBJECT

public:
    /// @p cluster: presence shared by the instances of a deployment (with
    /// --redis), or null. Then a user is online while any instance holds a
    /// stream of theirs, one instance publishes each change, and users whose
    /// instance died go offline once its lease expired and the grace passed.
    PresenceTracker(EventPublisher &publisher, const UserDirectory &users, qint64 graceMs,
                    ClusterState *cluster = nullptr, QObject *parent = nullptr);
    ~PresenceTracker() override;
    Q_DISABLE_COPY_MOVE(PresenceTracker)

    /// Everybody offline, since now (as far as a starting server knows).
    void reset();

    void streamOpened(const QString &user);
    void streamClosed(const QString &user);
    /// PUT /api/v1/presence/: online, away or busy; shown while the user has a stream.
    void choose(const QString &user, Protocol::PresenceStatus status);
    /// The demo's colleagues without a real stream: shown with @p status.
    void simulate(const QString &user, Protocol::PresenceStatus status);

    /// `{user, display_name, status, since}` as the snapshot lists it.
    [[nodiscard]] QJsonObject snapshot(const QString &user) const;
    /// Every user's, for GET /api/v1/presence/.
    [[nodiscard]] QJsonArray snapshots() const;

private:
    struct State
    {
        Protocol::PresenceStatus status = Protocol::PresenceStatus::Offline;
        std::optional<Protocol::PresenceStatus> chosen; ///< kept while online
        qint64 sinceMs = 0;
        int streams = 0;
        QTimer *grace = nullptr;
    };

    [[nodiscard]] QJsonObject snapshot(const QString &user, const ClusterState::Presence *shared) const;
    void change(const QString &user, State &state, Protocol::PresenceStatus status);
    void wentOffline(const QString &user);
    void startGrace(const QString &user, State &state);
    void sweep();

    EventPublisher &m_publisher;
    const UserDirectory &m_users;
    qint64 m_graceMs;
    ClusterState *m_cluster;
    QTimer *m_sweep = nullptr;
    QHash<QString, State> m_states;
};

} // namespace Notify::Server
