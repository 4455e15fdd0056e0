// SPDX-License-Identifier: MIT
#pragma once

#include "eventpublisher.h"
#include "io/connectionworker.h"
#include "serverconfig.h"
#include "userdirectory.h"

#include <QObject>

#include <functional>
#include <memory>

class QTimer;

namespace Notify::Server {

class ClusterState;
class CorsPolicy;
class Dialect;
class Escalator;
class EventLog;
class EventStore;
class FaultInjector;
class HttpFront;
class Listener;
class PasswordSignIn;
class PresenceTracker;
class RestApi;
class StreamEndpoint;
class StreamRegistry;
class WorkerPool;

/// The notify server: SSE streams and the REST API of docs/PROTOCOL.md.
///
/// It only wires the parts (docs/ARCHITECTURE.md): the Listener hands
/// accepted connections to the WorkerPool; workers post each request to the
/// HttpFront on this thread (the hub), which answers it through RestApi,
/// StreamEndpoint or FaultInjector; EventLog stores events in the
/// EventStore and fans them out in batches; StreamRegistry and
/// PresenceTracker follow the streams. All hub state is touched by this
/// thread only; workers and hub talk through queued calls.
class NotifyServer final : public QObject, public EventPublisher, private WorkerHost
{
    Q_OBJECT

public:
    /// What `--redis` runs on: the shared store and what the instances agree
    /// on. Notify::ServerRedis provides it (installRedisBackend()), so that
    /// only the programs that offer --redis link hiredis.
    struct SharedBackend
    {
        std::unique_ptr<EventStore> store;
        std::unique_ptr<ClusterState> cluster;
    };
    using SharedBackendFactory = std::function<std::optional<SharedBackend>(const ServerConfig &, QString *error)>;
    static void setSharedBackendFactory(SharedBackendFactory factory);

    explicit NotifyServer(const ServerConfig &config, QObject *parent = nullptr);
    ~NotifyServer() override;
    Q_DISABLE_COPY_MOVE(NotifyServer)

    /// Opens the store, loads users, listens, then starts the workers. On
    /// failure everything is undone, so start() may be called again.
    bool start(QString *error);
    /// Stops accepting, closes every connection and the store.
    void stop();

    [[nodiscard]] quint16 port() const;
    [[nodiscard]] const ServerConfig &config() const { return m_config; }
    [[nodiscard]] const UserDirectory &users() const { return m_users; }
    [[nodiscard]] EventStore &store() { return *m_store; }
    [[nodiscard]] PresenceTracker &presence() { return *m_presence; }
    [[nodiscard]] FaultInjector &faults() { return *m_faults; }
    [[nodiscard]] RestApi &api() { return *m_api; }
    [[nodiscard]] PasswordSignIn &signIn() { return *m_signIn; }
    /// With `--escalate-after`, else nullptr.
    [[nodiscard]] Escalator *escalator() { return m_escalator.get(); }

    std::optional<QByteArray> publish(const QByteArray &type, const QJsonObject &data, const QStringList &audience,
                                      QString *error = nullptr) override;
    void publishLater(QList<Publication> events, Published done) override;

    /// Number of open streams (all workers), for tests and metrics.
    [[nodiscard]] qint64 openStreams() const;
    [[nodiscard]] QByteArray metricsText() const;
    /// Closes every open stream now (the faults endpoint and tests use it).
    void dropAllStreams();

private:
    // WorkerHost (called on worker threads; each posts to the hub)
    void requestReceived(ConnectionWorker *worker, quint64 connectionId, const HttpRequest &request,
                         const QHostAddress &peer) override;
    void requestsReceived(ConnectionWorker *worker, const QList<Received> &requests) override;
    void replayPageWanted(ConnectionWorker *worker, quint64 connectionId, quint64 streamId, const QString &user,
                          quint64 afterSeq) override;
    void streamClosed(ConnectionWorker *worker, quint64 streamId) override;
    [[nodiscard]] bool isStreamRequest(const HttpRequest &request) const override;

    void enforceRetention();
    void trimNotificationsStep();
    bool openStore(QString *error);

    ServerConfig m_config;
    UserDirectory m_users;
    std::unique_ptr<EventStore> m_store;
    std::unique_ptr<ClusterState> m_cluster; ///< with --redis
    std::unique_ptr<WorkerPool> m_workers;
    std::unique_ptr<CorsPolicy> m_cors;
    std::unique_ptr<Dialect> m_dialect;
    std::unique_ptr<EventLog> m_log;
    std::unique_ptr<StreamRegistry> m_registry;
    std::unique_ptr<PresenceTracker> m_presence;
    std::unique_ptr<FaultInjector> m_faults;
    std::unique_ptr<RestApi> m_api;
    std::unique_ptr<Escalator> m_escalator;
    std::unique_ptr<StreamEndpoint> m_streams;
    std::unique_ptr<PasswordSignIn> m_signIn;
    std::unique_ptr<HttpFront> m_front;
    std::unique_ptr<Listener> m_listener;
    QTimer *m_retentionTimer = nullptr;
    bool m_trimming = false;
    /// Notifications deleted at most per step of a trim (a step takes milliseconds).
    static constexpr qsizetype TrimStepRows = 2'000;
};

} // namespace Notify::Server
