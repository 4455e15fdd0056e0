// SPDX-License-Identifier: MIT
#pragma once

#include "connectionsettings.h"
#include "framebatch.h"
#include "http/httprequest.h"
#include "http/httpresponse.h"
#include "transport.h"

#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QStringList>

#include <atomic>
#include <functional>
#include <memory>

class QTimer;

namespace Notify::Server {

struct Connection;

/// What the hub answers to a stream request that it accepted.
struct StreamStart
{
    quint64 streamId = 0;
    QString user;
    QByteArray bytes; ///< response head, preamble, then a `reset` or the first replay page
    quint64 lastSeq = 0; ///< the stream has everything up to here
    bool replayDone = true; ///< false: ask for the next page when the output has drained
    bool stalled = false; ///< fault injection: after these bytes, send nothing more
};

class ConnectionWorker;

/// The worker's view of the hub. Called on the worker's thread; the
/// implementation posts to its own thread.
class WorkerHost
{
public:
    virtual ~WorkerHost() = default;
    virtual void requestReceived(ConnectionWorker *worker, quint64 connectionId, const HttpRequest &request,
                                 const QHostAddress &peer)
        = 0;
    /// Requests read in one pass over ready sockets, in order: one call, so
    /// that a host can hand them over at once (one wake-up of its thread).
    struct Received
    {
        quint64 connectionId = 0;
        HttpRequest request;
        QHostAddress peer;
    };
    virtual void requestsReceived(ConnectionWorker *worker, const QList<Received> &requests)
    {
        for (const Received &r : requests)
            requestReceived(worker, r.connectionId, r.request, r.peer);
    }
    virtual void replayPageWanted(ConnectionWorker *worker, quint64 connectionId, quint64 streamId, const QString &user,
                                  quint64 afterSeq)
        = 0;
    virtual void streamClosed(ConnectionWorker *worker, quint64 streamId) = 0;
    /// Whether @p request opens an event stream (pure: any thread may ask).
    [[nodiscard]] virtual bool isStreamRequest(const HttpRequest &request) const = 0;

protected:
    WorkerHost() = default;
    Q_DISABLE_COPY_MOVE(WorkerHost)
};

/// Speaks HTTP/1.1 and SSE on the connections of one worker thread.
///
/// It parses requests and hands them to the hub, writes the hub's answers,
/// streams events (replay pages, live batches, heartbeats) and enforces the
/// deadlines: heartbeats, stream timeouts, request deadlines and idle
/// keep-alive connections are driven by one sweep timer. How bytes reach
/// the sockets is a Transport's job (epoll by default, QTcpSocket for the
/// baseline); nothing here depends on which.
///
/// Public slots are called from other threads through queued invocations.
class ConnectionWorker final : public QObject, private TransportEvents
{
    Q_OBJECT

public:
    using Settings = ConnectionSettings;

    struct Counters : Transport::Counters
    {
        std::atomic<qint64> connectionsOpen{ 0 };
        std::atomic<qint64> connectionsTotal{ 0 };
        std::atomic<qint64> streamsOpen{ 0 };
        std::atomic<qint64> eventsDelivered{ 0 };
        std::atomic<qint64> heartbeatsSent{ 0 };
        std::atomic<qint64> slowConsumersClosed{ 0 };
        std::atomic<qint64> streamsTimedOut{ 0 };
    };

    ConnectionWorker(int index, const Settings &settings, WorkerHost *host);
    ~ConnectionWorker() override;
    Q_DISABLE_COPY_MOVE(ConnectionWorker)

    [[nodiscard]] int index() const { return m_index; }

    /// A connection that asked for a stream, on its way to a stream worker:
    /// its descriptor, the request, and what arrived after it.
    using StreamHandOff = std::function<void(qintptr descriptor, const HttpRequest &request, const QByteArray &buffered,
                                             const QHostAddress &peer)>;
    /// Makes this worker the request lane (before start()): it serves every
    /// connection until one asks for a stream, then hands it to @p handOff,
    /// so that answers never wait behind the fan-out to thousands of streams.
    void setStreamHandOff(StreamHandOff handOff) { m_handOff = std::move(handOff); }
    [[nodiscard]] const Counters &counters() const { return m_counters; }

public slots:
    /// Must run on the worker's thread (after moveToThread): sets up the transport.
    void start();
    void addConnection(qintptr descriptor);
    /// A connection the request lane handed over with its stream request.
    void adoptStreamRequest(qintptr descriptor, const Notify::Server::HttpRequest &request, const QByteArray &buffered,
                            const QHostAddress &peer);
    void respond(quint64 connectionId, const Notify::Server::HttpResponse &response);
    void startStream(quint64 connectionId, const Notify::Server::StreamStart &start);
    void continueReplay(quint64 connectionId, quint64 streamId, const QByteArray &bytes, quint64 lastSeq, bool done);
    void deliver(const std::shared_ptr<const Notify::Server::FrameBatch> &batch);
    void closeStream(quint64 streamId);
    void closeAllStreams();
    /// Fault injection: open streams get nothing more (no events, no heartbeats).
    void stallAllStreams();
    /// Closes everything; the worker then does nothing more.
    void shutdown();

private:
    // TransportEvents
    void onReadable(Connection *c) override;
    void onDrained(Connection *c) override;
    void onPeerGone(Connection *c) override;
    void onBatchEnd() override;

    void onSweep();
    /// To the hub now, or with the others of this pass (see onBatchEnd()).
    /// Takes @p descriptor on (closed when the worker has no transport): the new connection, or null.
    Connection *adopt(qintptr descriptor);
    void hand(Connection *c, HttpRequest request);
    void processRequests(Connection *c);
    /// Hands @p c over to a stream worker; false when it has to stay here.
    bool handOff(Connection *c, const HttpRequest &request);
    void sendStreamBytes(Connection *c, const QByteArray &bytes, bool live);
    void destroy(Connection *c);
    [[nodiscard]] Connection *connection(quint64 id) const;

    int m_index;
    Settings m_settings;
    WorkerHost *m_host;
    StreamHandOff m_handOff; ///< set on the request lane
    QList<WorkerHost::Received> m_received; ///< read in this pass, for the hub
    Counters m_counters;
    Transport *m_transport = nullptr;
    QTimer *m_sweep = nullptr;
    quint64 m_nextConnectionId = 1;
    QHash<quint64, Connection *> m_connections;
    QHash<quint64, Connection *> m_streams;
    QHash<QString, QList<Connection *>> m_streamsByUser;
};

} // namespace Notify::Server

Q_DECLARE_METATYPE(Notify::Server::HttpResponse)
Q_DECLARE_METATYPE(Notify::Server::StreamStart)
