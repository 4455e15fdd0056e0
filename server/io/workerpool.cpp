// SPDX-License-Identifier: MIT
#include "workerpool.h"

#include <QThread>

namespace Notify::Server {

namespace {

template<typename Call>
void post(ConnectionWorker *worker, Call &&call)
{
    QMetaObject::invokeMethod(worker, std::forward<Call>(call), Qt::QueuedConnection);
}

} // namespace

WorkerPool::~WorkerPool()
{
    stop();
}

void WorkerPool::start(int count, const ConnectionWorker::Settings &settings, WorkerHost *host)
{
    if (isRunning())
        return;
    // With epoll, one more worker is the request lane: it takes every new
    // connection, answers the REST requests, and hands a connection that asks
    // for a stream to a stream worker. The baseline (Qt sockets) has none.
    const bool lane = settings.io == ConnectionWorker::Settings::Io::Epoll;
    m_streamWorkers = std::size_t(count);
    for (int i = 0; i < count + (lane ? 1 : 0); ++i) {
        auto *thread = new QThread;
        const bool isLane = i == count;
        thread->setObjectName(isLane ? QStringLiteral("notify-requests") : QStringLiteral("notify-worker-%1").arg(i));
        auto *worker = new ConnectionWorker(i, settings, host);
        if (isLane) {
            worker->setStreamHandOff([this](qintptr descriptor, const HttpRequest &request, const QByteArray &buffered,
                                            const QHostAddress &peer) {
                // Runs on the lane's thread, the only one that counts here.
                ConnectionWorker *to = m_workers[m_nextStream++ % m_streamWorkers].worker;
                post(to, [to, descriptor, request, buffered, peer] {
                    to->adoptStreamRequest(descriptor, request, buffered, peer);
                });
            });
        }
        worker->moveToThread(thread);
        QObject::connect(thread, &QThread::finished, worker, &QObject::deleteLater);
        thread->start();
        QMetaObject::invokeMethod(worker, &ConnectionWorker::start, Qt::BlockingQueuedConnection);
        m_workers.push_back({ worker, thread });
    }
}

void WorkerPool::stop()
{
    for (const WorkerThread &w : m_workers) {
        // Flush what is queued and close every connection before the thread ends.
        QMetaObject::invokeMethod(w.worker, &ConnectionWorker::shutdown, Qt::BlockingQueuedConnection);
        w.thread->quit();
        w.thread->wait();
        delete w.thread;
    }
    m_workers.clear();
    m_next = 0;
    m_nextStream = 0;
}

void WorkerPool::handOver(qintptr descriptor)
{
    ConnectionWorker *worker
        = m_workers.size() > m_streamWorkers ? m_workers.back().worker : m_workers[m_next++ % m_workers.size()].worker;
    post(worker, [worker, descriptor] { worker->addConnection(descriptor); });
}

void WorkerPool::respond(ConnectionWorker *worker, quint64 connectionId, const HttpResponse &response)
{
    if (m_batching) {
        m_batched[worker].append({ connectionId, response });
        return;
    }
    post(worker, [worker, connectionId, response] { worker->respond(connectionId, response); });
}

WorkerPool::ResponseBatch::ResponseBatch(WorkerPool &pool)
    : m_pool(pool)
    , m_outermost(!pool.m_batching)
{
    m_pool.m_batching = true;
}

WorkerPool::ResponseBatch::~ResponseBatch()
{
    if (!m_outermost)
        return;
    m_pool.m_batching = false;
    for (auto it = m_pool.m_batched.begin(); it != m_pool.m_batched.end(); ++it) {
        ConnectionWorker *worker = it.key();
        post(worker, [worker, responses = std::move(it.value())] {
            for (const auto &[connectionId, response] : responses)
                worker->respond(connectionId, response);
        });
    }
    m_pool.m_batched.clear();
}

void WorkerPool::startStream(ConnectionWorker *worker, quint64 connectionId, const StreamStart &start)
{
    post(worker, [worker, connectionId, start] { worker->startStream(connectionId, start); });
}

void WorkerPool::continueReplay(ConnectionWorker *worker, quint64 connectionId, quint64 streamId,
                                const QByteArray &bytes, quint64 lastSeq, bool done)
{
    post(worker, [worker, connectionId, streamId, bytes, lastSeq, done] {
        worker->continueReplay(connectionId, streamId, bytes, lastSeq, done);
    });
}

void WorkerPool::closeStream(ConnectionWorker *worker, quint64 streamId)
{
    post(worker, [worker, streamId] { worker->closeStream(streamId); });
}

void WorkerPool::deliver(const std::shared_ptr<const FrameBatch> &batch)
{
    for (const WorkerThread &w : m_workers) {
        ConnectionWorker *worker = w.worker;
        post(worker, [worker, batch] { worker->deliver(batch); });
    }
}

void WorkerPool::closeAllStreams()
{
    for (const WorkerThread &w : m_workers) {
        ConnectionWorker *worker = w.worker;
        post(worker, [worker] { worker->closeAllStreams(); });
    }
}

void WorkerPool::stallAllStreams()
{
    for (const WorkerThread &w : m_workers) {
        ConnectionWorker *worker = w.worker;
        post(worker, [worker] { worker->stallAllStreams(); });
    }
}

WorkerPool::Totals WorkerPool::totals() const
{
    Totals t;
    for (const WorkerThread &w : m_workers) {
        const ConnectionWorker::Counters &c = w.worker->counters();
        t.connectionsOpen += c.connectionsOpen;
        t.connectionsTotal += c.connectionsTotal;
        t.streamsOpen += c.streamsOpen;
        t.eventsDelivered += c.eventsDelivered;
        t.bytesSent += c.bytesSent;
        t.heartbeatsSent += c.heartbeatsSent;
        t.slowConsumersClosed += c.slowConsumersClosed;
        t.streamsTimedOut += c.streamsTimedOut;
        t.bufferedBytes += c.bufferedBytes;
    }
    return t;
}

} // namespace Notify::Server
