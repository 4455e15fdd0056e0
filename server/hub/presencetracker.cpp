// SPDX-License-Identifier: MIT
#include "presencetracker.h"

#include "clusterstate.h"
#include "eventpublisher.h"
#include "userdirectory.h"

#include <QDateTime>
#include <QJsonArray>
#include <QTimer>

namespace Notify::Server {

using Protocol::PresenceStatus;

namespace {

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace

PresenceTracker::PresenceTracker(EventPublisher &publisher, const UserDirectory &users, qint64 graceMs,
                                 ClusterState *cluster, QObject *parent)
    : QObject(parent)
    , m_publisher(publisher)
    , m_users(users)
    , m_graceMs(graceMs)
    , m_cluster(cluster)
{
    if (m_cluster) {
        // Users another instance left online when it died.
        m_sweep = new QTimer(this);
        m_sweep->setInterval(2000);
        connect(m_sweep, &QTimer::timeout, this, &PresenceTracker::sweep);
        m_sweep->start();
    }
}

PresenceTracker::~PresenceTracker()
{
    for (State &state : m_states)
        delete state.grace;
}

void PresenceTracker::reset()
{
    for (State &state : m_states)
        delete state.grace;
    m_states.clear();
    const qint64 now = nowMs();
    for (const User &user : m_users.users()) {
        State state;
        state.sinceMs = now;
        m_states.insert(user.name, state);
    }
}

void PresenceTracker::change(const QString &user, State &state, PresenceStatus status)
{
    state.status = status;
    state.sinceMs = nowMs();
    m_publisher.publish(Protocol::Presence::TypeName, snapshot(user), {});
}

void PresenceTracker::streamOpened(const QString &user)
{
    State &state = m_states[user];
    ++state.streams;
    if (state.grace) {
        // Back within the grace period: others never saw them leave.
        delete state.grace;
        state.grace = nullptr;
        if (!m_cluster)
            return;
    }
    if (m_cluster) {
        if (m_cluster->comeOnline(user, nowMs()))
            m_publisher.publish(Protocol::Presence::TypeName, snapshot(user), {});
        return;
    }
    // The first stream (not back within the grace): whatever a demo showed
    // of this user meanwhile, a real client's presence wins.
    const PresenceStatus wanted = state.chosen.value_or(PresenceStatus::Online);
    if (state.streams == 1 && state.status != wanted)
        change(user, state, wanted);
}

void PresenceTracker::streamClosed(const QString &user)
{
    State &state = m_states[user];
    state.streams = std::max(0, state.streams - 1);
    if (m_cluster) {
        if (state.streams == 0 && !state.grace && m_cluster->streamsOf(user) == 0)
            startGrace(user, state);
        return;
    }
    if (state.streams > 0 || state.grace || state.status == PresenceStatus::Offline)
        return;
    startGrace(user, state);
}

void PresenceTracker::startGrace(const QString &user, State &state)
{
    state.grace = new QTimer(this);
    state.grace->setSingleShot(true);
    connect(state.grace, &QTimer::timeout, this, [this, user] { wentOffline(user); });
    state.grace->start(int(m_graceMs));
}

void PresenceTracker::wentOffline(const QString &user)
{
    State &state = m_states[user];
    state.grace->deleteLater();
    state.grace = nullptr;
    if (state.streams > 0)
        return;
    if (m_cluster) {
        // Only if no instance holds a stream of theirs; only one instance publishes it.
        if (m_cluster->goOffline(user, nowMs()))
            m_publisher.publish(Protocol::Presence::TypeName, snapshot(user), {});
        return;
    }
    state.chosen.reset();
    change(user, state, PresenceStatus::Offline);
}

void PresenceTracker::sweep()
{
    for (const QString &user : m_cluster->presentWithoutStreams()) {
        State &state = m_states[user];
        if (!state.grace && state.streams == 0)
            startGrace(user, state);
    }
}

void PresenceTracker::choose(const QString &user, PresenceStatus status)
{
    if (m_cluster) {
        if (m_cluster->choose(user, status, nowMs()))
            m_publisher.publish(Protocol::Presence::TypeName, snapshot(user), {});
        return;
    }
    State &state = m_states[user];
    state.chosen = status;
    if (state.status == PresenceStatus::Offline || state.status == status)
        return; // shown once they have a stream
    change(user, state, status);
}

void PresenceTracker::simulate(const QString &user, PresenceStatus status)
{
    State &state = m_states[user];
    if (state.streams > 0 || state.grace || state.status == status)
        return; // a real client's presence wins
    change(user, state, status);
}

QJsonObject PresenceTracker::snapshot(const QString &user) const
{
    if (!m_cluster)
        return snapshot(user, nullptr);
    const ClusterState::Presence shared = m_cluster->presence(user);
    return snapshot(user, &shared);
}

QJsonArray PresenceTracker::snapshots() const
{
    // One read of the deployment's presence for everybody, not one per user.
    const QHash<QString, ClusterState::Presence> shared
        = m_cluster ? m_cluster->presenceOfAll() : QHash<QString, ClusterState::Presence>();
    QJsonArray list;
    for (const User &user : m_users.users()) {
        const ClusterState::Presence none;
        const auto it = shared.constFind(user.name);
        list.append(snapshot(user.name, m_cluster ? (it != shared.constEnd() ? &*it : &none) : nullptr));
    }
    return list;
}

QJsonObject PresenceTracker::snapshot(const QString &user, const ClusterState::Presence *shared) const
{
    const User *u = m_users.find(user);
    State state = m_states.value(user);
    // The deployment's view; a demo colleague is simulated on this instance only.
    if (shared
        && (shared->status != PresenceStatus::Offline || state.status == PresenceStatus::Offline
            || state.streams > 0)) {
        state.status = shared->status;
        state.sinceMs = shared->sinceMs;
    }
    const qint64 since = state.sinceMs > 0 ? state.sinceMs : nowMs();
    return QJsonObject{
        { QStringLiteral("user"), user },
        { QStringLiteral("display_name"), u ? u->displayName : user },
        { QStringLiteral("status"), Protocol::toString(state.status) },
        { QStringLiteral("since"), Protocol::formatUtcTimestamp(QDateTime::fromMSecsSinceEpoch(since, Qt::UTC)) },
    };
}

} // namespace Notify::Server
