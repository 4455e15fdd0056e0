// SPDX-License-Identifier: MIT
#pragma once

#include "http/httpresponse.h"

#include <QString>

#include <optional>

namespace Notify::Server {

class ClusterState;
class ConnectionWorker;
class CorsPolicy;
class Dialect;
class EventLog;
class EventStore;
class FaultInjector;
class PresenceTracker;
class StreamRegistry;
class WorkerPool;
struct HttpRequest;
struct User;

/// GET /api/v1/notifications/sse/stream/: opens streams and feeds their replay.
///
/// A stream starts with the response head, `retry:` and `: connected`, then
/// either a `reset` (the id it resumes from cannot be replayed) or the first
/// page of replay; further pages are computed only when the worker says the
/// output has drained, so a far-behind client cannot make the server buffer
/// its history. The stream records the head at that moment and ignores live
/// frames up to it: no gap and no duplicate at the switch.
class StreamEndpoint final
{
public:
    /// @p cluster: the deployment's stream limit (with --redis), or null.
    StreamEndpoint(qint64 retryMs, EventStore &store, EventLog &log, StreamRegistry &registry,
                   PresenceTracker &presence, FaultInjector &faults, WorkerPool &workers, const CorsPolicy &cors,
                   const Dialect &dialect, ClusterState *cluster = nullptr);

    /// Opens a stream for @p user on the connection; when it cannot (the
    /// per-user limit, an injected fault), the answer to send instead.
    [[nodiscard]] std::optional<HttpResponse> open(ConnectionWorker *worker, quint64 connectionId,
                                                   const HttpRequest &request, const User &user);
    /// The next replay page, for a stream whose output drained.
    void sendReplayPage(ConnectionWorker *worker, quint64 connectionId, quint64 streamId, const QString &user,
                        quint64 afterSeq);
    /// A worker closed a stream.
    void closed(quint64 streamId);
    /// Closes a stream of ours that the limit evicted (here or on another instance).
    void evict(quint64 streamId);
    /// Closes every stream (they resync: the store lost its events).
    void dropAll();

private:
    [[nodiscard]] QByteArray head(const HttpRequest &request) const;
    /// 429 with Retry-After: the reconnection time in whole seconds, at least 1.
    [[nodiscard]] HttpResponse tooManyStreams() const;
    /// The admitted stream: replay or reset, registration, presence.
    std::optional<HttpResponse> start(ConnectionWorker *worker, quint64 connectionId, const HttpRequest &request,
                                      const User &user);

    qint64 m_retryMs;
    EventStore &m_store;
    EventLog &m_log;
    StreamRegistry &m_registry;
    PresenceTracker &m_presence;
    FaultInjector &m_faults;
    WorkerPool &m_workers;
    const CorsPolicy &m_cors;
    const Dialect &m_dialect;
    ClusterState *m_cluster;
};

} // namespace Notify::Server
