// SPDX-License-Identifier: MIT
#pragma once

#include "connectionworker.h"

#include <QHash>
#include <QList>
#include <QPair>

#include <vector>

class QThread;

namespace Notify::Server {

/// The connection worker threads, and every call the hub makes to them.
///
/// Each worker runs its own event loop on its own thread; everything here
/// posts a queued call, so the hub never touches a connection. With epoll,
/// accepted descriptors go to the request lane, which hands those that ask
/// for a stream to the stream workers round-robin; with Qt sockets they
/// are handed out round-robin at once.
class WorkerPool final
{
public:
    WorkerPool() = default;
    ~WorkerPool();
    Q_DISABLE_COPY_MOVE(WorkerPool)

    /// Starts @p count workers (once; a second call while running does nothing).
    void start(int count, const ConnectionWorker::Settings &settings, WorkerHost *host);
    /// Flushes and closes every connection, then ends the threads.
    void stop();
    [[nodiscard]] bool isRunning() const { return !m_workers.empty(); }

    void handOver(qintptr descriptor);
    void respond(ConnectionWorker *worker, quint64 connectionId, const HttpResponse &response);

    /// While one exists, respond() collects the answers and its end posts
    /// them once per worker: a group commit's acknowledgements cost one
    /// wake-up of each worker, not one each. Hub thread only.
    class ResponseBatch
    {
    public:
        explicit ResponseBatch(WorkerPool &pool);
        ~ResponseBatch();
        Q_DISABLE_COPY_MOVE(ResponseBatch)

    private:
        WorkerPool &m_pool;
        bool m_outermost;
    };
    void startStream(ConnectionWorker *worker, quint64 connectionId, const StreamStart &start);
    void continueReplay(ConnectionWorker *worker, quint64 connectionId, quint64 streamId, const QByteArray &bytes,
                        quint64 lastSeq, bool done);
    void closeStream(ConnectionWorker *worker, quint64 streamId);
    /// One batch to every worker: each writes each stream's part of it once.
    void deliver(const std::shared_ptr<const FrameBatch> &batch);
    void closeAllStreams();
    void stallAllStreams();

    /// The sum of every worker's counters (read without stopping them).
    struct Totals
    {
        qint64 connectionsOpen = 0;
        qint64 connectionsTotal = 0;
        qint64 streamsOpen = 0;
        qint64 eventsDelivered = 0;
        qint64 bytesSent = 0;
        qint64 heartbeatsSent = 0;
        qint64 slowConsumersClosed = 0;
        qint64 streamsTimedOut = 0;
        qint64 bufferedBytes = 0;
    };
    [[nodiscard]] Totals totals() const;

private:
    struct WorkerThread
    {
        ConnectionWorker *worker;
        QThread *thread;
    };
    std::vector<WorkerThread> m_workers;
    bool m_batching = false;
    QHash<ConnectionWorker *, QList<QPair<quint64, HttpResponse>>> m_batched;
    std::size_t m_next = 0;
    std::size_t m_streamWorkers = 0; ///< the first ones; the request lane, if any, is last
    std::size_t m_nextStream = 0; ///< touched by the lane's thread only
};

} // namespace Notify::Server
