// SPDX-License-Identifier: MIT
#pragma once

#include "httprequest.h"
#include "httpresponse.h"

#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QStringList>

#include <atomic>
#include <memory>

class QSocketNotifier;
class QTimer;

namespace Notify::Server {

/// One event, serialised once, on its way to every stream that may see it.
struct Frame
{
    quint64 seq = 0;
    QStringList audience; ///< empty: everybody
    QByteArray bytes; ///< "id: …\nevent: …\ndata: …\n\n"
};
using FrameBatch = QList<Frame>;

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
    virtual void replayPageWanted(ConnectionWorker *worker, quint64 connectionId, quint64 streamId, const QString &user,
                                  quint64 afterSeq)
        = 0;
    virtual void streamClosed(ConnectionWorker *worker, quint64 streamId) = 0;

protected:
    WorkerHost() = default;
    Q_DISABLE_COPY_MOVE(WorkerHost)
};

/// Owns the connections of one worker thread and does all their I/O.
///
/// Sockets are plain non-blocking descriptors in an epoll set of the
/// worker's own; Qt's event loop watches only the epoll descriptor (one
/// QSocketNotifier), so a pass costs O(ready sockets) instead of a poll()
/// over every socket. Writes go straight to the kernel; what does not fit
/// waits as a list of shared byte arrays, so one event broadcast to many slow
/// streams is held in memory once. Heartbeats, stream timeouts, request
/// deadlines and idle keep-alive connections are driven by one sweep timer.
///
/// Public slots are called from other threads through queued invocations.
class ConnectionWorker final : public QObject
{
    Q_OBJECT

public:
    struct Settings
    {
        qint64 heartbeatMs = 30'000;
        qint64 timeoutMs = 300'000;
        qint64 maxBufferedBytes = 1024 * 1024;
        qint64 requestDeadlineMs = 10'000;
        qint64 idleKeepAliveMs = 30'000;
        qint64 maxHeaderBytes = 16 * 1024;
        qint64 maxBodyBytes = 1024 * 1024;
        /// Baseline for benchmarks: a buffered QTcpSocket per connection on
        /// Qt's own event dispatcher, instead of the worker's epoll set.
        bool qtSockets = false;
    };

    struct Counters
    {
        std::atomic<qint64> connectionsOpen{ 0 };
        std::atomic<qint64> connectionsTotal{ 0 };
        std::atomic<qint64> streamsOpen{ 0 };
        std::atomic<qint64> eventsDelivered{ 0 };
        std::atomic<qint64> bytesSent{ 0 };
        std::atomic<qint64> heartbeatsSent{ 0 };
        std::atomic<qint64> slowConsumersClosed{ 0 };
        std::atomic<qint64> streamsTimedOut{ 0 };
        std::atomic<qint64> bufferedBytes{ 0 };
    };

    ConnectionWorker(int index, const Settings &settings, WorkerHost *host);
    ~ConnectionWorker() override;
    Q_DISABLE_COPY_MOVE(ConnectionWorker)

    [[nodiscard]] int index() const { return m_index; }
    [[nodiscard]] const Counters &counters() const { return m_counters; }

public slots:
    /// Must run on the worker's thread (after moveToThread): creates the epoll set.
    void start();
    void addConnection(qintptr descriptor);
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
    struct Connection;
    class DeferDelete;
    friend class DeferDelete;
    enum class State { Reading, AwaitingHub, Streaming, Closing };

    void addQtConnection(qintptr descriptor);
    void onEpollReady();
    void onSweep();
    void flushDirty();
    void handleEvents(Connection *c, quint32 events);
    void readFrom(Connection *c);
    void processRequests(Connection *c);
    void queue(Connection *c, const QByteArray &bytes);
    void flush(Connection *c);
    void updateInterest(Connection *c);
    void afterDrained(Connection *c);
    void beginClose(Connection *c);
    void destroy(Connection *c);
    void sendStreamBytes(Connection *c, const QByteArray &bytes, bool countsAgainstLimit);
    Connection *connection(quint64 id) const;

    int m_index;
    Settings m_settings;
    WorkerHost *m_host;
    Counters m_counters;
    int m_epollFd = -1;
    QSocketNotifier *m_notifier = nullptr;
    QTimer *m_sweep = nullptr;
    quint64 m_nextConnectionId = 1;
    QHash<quint64, Connection *> m_connections;
    QHash<quint64, Connection *> m_streams;
    QHash<QString, QList<Connection *>> m_streamsByUser;
    QList<Connection *> m_doomed; ///< closed during an epoll batch, freed after it
    QList<Connection *> m_dirty; ///< live output to write at the end of this pass
    bool m_flushScheduled = false;
    bool m_inBatch = false;
};

} // namespace Notify::Server

Q_DECLARE_METATYPE(Notify::Server::HttpResponse)
Q_DECLARE_METATYPE(Notify::Server::StreamStart)
