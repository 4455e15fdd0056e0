// SPDX-License-Identifier: MIT
#pragma once

#include "connectionworker.h"
#include "protocol.h"
#include "serverconfig.h"
#include "userdirectory.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QObject>

#include <memory>
#include <optional>
#include <vector>

class QSslServer;
class QTcpServer;
class QThread;
class QTimer;

namespace Notify::Server {

class EventStore;
class RestApi;

/// The notify server: SSE streams and the REST API of ../shared/CONTRACT.md.
///
/// Threads: this object, the event store, the stream registry and presence
/// live on the thread that created the server (the hub). Connections live on
/// worker threads (ConnectionWorker), each with its own event loop; the
/// listener hands every accepted descriptor to the next worker. Requests go
/// from a worker to the hub and answers come back, both as queued calls, so
/// all state is touched by one thread only. A published event is stored,
/// serialised once, and posted once per worker per event-loop turn (a batch).
class NotifyServer final : public QObject, private WorkerHost
{
    Q_OBJECT

public:
    explicit NotifyServer(const ServerConfig &config, QObject *parent = nullptr);
    ~NotifyServer() override;
    Q_DISABLE_COPY_MOVE(NotifyServer)

    /// Opens the store, loads users, starts the workers and listens.
    bool start(QString *error);
    /// Stops accepting, closes every connection and the store.
    void stop();

    [[nodiscard]] quint16 port() const;
    [[nodiscard]] const ServerConfig &config() const { return m_config; }
    [[nodiscard]] UserDirectory &users() { return m_users; }
    [[nodiscard]] EventStore &store() { return *m_store; }

    /// Stores and fans out one event. @p audience empty: everybody. Returns
    /// the event id, or nothing with @p error set when the store failed.
    std::optional<QByteArray> publish(const QByteArray &type, const QJsonObject &data, const QStringList &audience,
                                      QString *error = nullptr);

    /// Where a stream or a poll resumes after the id a client sent back:
    /// the sequence number to replay after, or why it cannot (then `reset`).
    struct ResumePoint
    {
        std::optional<quint64> seq;
        Protocol::ResetReason reason = Protocol::ResetReason::InvalidId;
    };
    [[nodiscard]] ResumePoint resumePoint(const QByteArray &lastEventId) const;

    /// The event id for a sequence number of this store.
    [[nodiscard]] QByteArray eventId(quint64 seq) const;
    [[nodiscard]] QByteArray headId() const;

    // Presence, as the REST API shows and changes it.
    [[nodiscard]] QJsonObject presenceOf(const QString &user) const;
    /// Sets online/away/busy for a user; publishes when it changes what others see.
    void setPresence(const QString &user, const QString &status);

    /// The demo's colleagues who have no real stream: shows them with @p status.
    void simulatePresence(const QString &user, const QString &status);

    /// Number of open streams (all workers), for tests and metrics.
    [[nodiscard]] qint64 openStreams() const;
    [[nodiscard]] QByteArray metricsText() const;

    /// Faults for client developers (POST /api/v1/dev/faults), applied to
    /// the next requests: see docs/PROTOCOL.md.
    struct FaultPlan
    {
        int failStreams = 0; ///< next N stream requests answer failStatus
        int failStatus = 503;
        int retryAfterSeconds = 1;
        int delayRequests = 0; ///< next N requests wait delayMs first
        int delayMs = 0;
        int stallStreams = 0; ///< next N streams send their head, then nothing
        int garbageStreams = 0; ///< next N streams send garbage bytes, then close
    };
    [[nodiscard]] FaultPlan &faults() { return m_faults; }

    /// Closes every open stream now (the faults endpoint and tests use it).
    void dropAllStreams();
    /// Open streams get nothing more until they time out.
    void stallAllStreams();

signals:
    /// An event was stored (after its id was assigned).
    void published(const QByteArray &id, const QByteArray &type);
    void streamCountChanged(qint64 open);

private:
    struct StreamEntry
    {
        QString user;
        ConnectionWorker *worker = nullptr;
        qint64 openedMs = 0;
    };
    struct PresenceState
    {
        QString status = QStringLiteral("offline");
        QString chosen; ///< away/busy/online as set with PUT, kept while online
        qint64 sinceMs = 0;
        int streams = 0;
        QTimer *grace = nullptr;
    };

    // WorkerHost (called on worker threads)
    void requestReceived(ConnectionWorker *worker, quint64 connectionId, const HttpRequest &request,
                         const QHostAddress &peer) override;
    void replayPageWanted(ConnectionWorker *worker, quint64 connectionId, quint64 streamId, const QString &user,
                          quint64 afterSeq) override;
    void streamClosed(ConnectionWorker *worker, quint64 streamId) override;

    void handOver(qintptr descriptor);
    QSslServer *makeTlsServer(QString *error);
    void handleRequest(ConnectionWorker *worker, quint64 connectionId, const HttpRequest &request,
                       const QHostAddress &peer);
    void dispatchRequest(ConnectionWorker *worker, quint64 connectionId, const HttpRequest &request);
    void openStream(ConnectionWorker *worker, quint64 connectionId, const HttpRequest &request, const User &user);
    void sendReplayPage(ConnectionWorker *worker, quint64 connectionId, quint64 streamId, const QString &user,
                        quint64 afterSeq);
    void onStreamClosed(quint64 streamId);
    void flushBatch();
    void userStreamOpened(const QString &user);
    void userStreamClosed(const QString &user);
    void publishPresence(const QString &user);
    void reply(ConnectionWorker *worker, quint64 connectionId, HttpResponse response, const HttpRequest &request,
               const QString &user, const QElapsedTimer &timer);
    void addCors(HttpResponse &response, const HttpRequest &request) const;
    QByteArray frameFor(quint64 seq, const QByteArray &type, const QByteArray &data) const;
    /// One page of replay frames after @p afterSeq; sets @p lastSeq and @p done.
    QByteArray replayPage(const QString &user, quint64 afterSeq, quint64 &lastSeq, bool &done);
    void enforceRetention();

    ServerConfig m_config;
    UserDirectory m_users;
    std::unique_ptr<EventStore> m_store;
    std::unique_ptr<RestApi> m_api;
    QTcpServer *m_listener = nullptr;
    struct WorkerThread
    {
        ConnectionWorker *worker;
        QThread *thread;
    };
    std::vector<WorkerThread> m_workers;
    std::size_t m_nextWorker = 0;

    QHash<quint64, StreamEntry> m_streams;
    QHash<QString, QList<quint64>> m_streamsByUser; ///< oldest first
    quint64 m_nextStreamId = 1;
    QHash<QString, PresenceState> m_presence;

    FaultPlan m_faults;
    FrameBatch m_pendingBatch;
    bool m_flushScheduled = false;
    QTimer *m_retentionTimer = nullptr;
    qint64 m_eventsPublished = 0;
    qint64 m_streamsRejected = 0;
    qint64 m_streamsEvicted = 0;
    qint64 m_requests = 0;
    bool m_started = false;
};

} // namespace Notify::Server
