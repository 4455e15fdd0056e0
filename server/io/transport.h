// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QObject>

#include <atomic>

namespace Notify::Server {

struct Connection;

/// What a Transport tells the worker that owns it, on the worker's thread.
class TransportEvents
{
public:
    virtual ~TransportEvents() = default;
    /// Input is waiting: call Transport::read().
    virtual void onReadable(Connection *c) = 0;
    /// Everything written to @p c has left.
    virtual void onDrained(Connection *c) = 0;
    /// The peer hung up or the connection failed; nobody is left to write to.
    virtual void onPeerGone(Connection *c) = 0;
    /// The outermost Transport::Batch ended (a pass over ready sockets is done).
    virtual void onBatchEnd() { }

protected:
    TransportEvents() = default;
    Q_DISABLE_COPY_MOVE(TransportEvents)
};

/// How one worker's connections move bytes: the seam under ConnectionWorker.
///
/// The worker speaks HTTP and SSE and never asks which transport it has;
/// EpollTransport (raw descriptors in an epoll set of the worker's own, the
/// default) and QtSocketTransport (a QTcpSocket each, the benchmark
/// baseline) implement it. A transport allocates its connections, so it also
/// frees them: a connection released while a Batch is open stays valid until
/// the outermost Batch ends, so that no pointer in use ever dangles.
class Transport : public QObject
{
    Q_OBJECT

public:
    struct Counters
    {
        std::atomic<qint64> bytesSent{ 0 };
        std::atomic<qint64> bufferedBytes{ 0 }; ///< waiting in user space for slow sockets
    };

    /// Scope in which released connections are not freed yet.
    class Batch
    {
    public:
        explicit Batch(Transport &transport);
        ~Batch();
        Q_DISABLE_COPY_MOVE(Batch)

    private:
        Transport &m_transport;
        bool m_outermost;
    };

    Transport(TransportEvents *events, Counters *counters, QObject *parent);
    ~Transport() override;
    Q_DISABLE_COPY_MOVE(Transport)

    /// Sets up on the worker's thread; false when the transport cannot run.
    virtual bool start() = 0;
    /// Takes an accepted descriptor; nullptr (descriptor closed) on failure.
    [[nodiscard]] virtual Connection *adopt(qintptr descriptor, qint64 maxHeaderBytes, qint64 maxBodyBytes) = 0;
    /// Up to @p size bytes: the count, 0 once the peer closed or failed, -1 when nothing is waiting.
    virtual qint64 read(Connection *c, char *buffer, qint64 size) = 0;
    /// Writes what the socket takes now and queues the rest.
    virtual void write(Connection *c, const QByteArray &bytes) = 0;
    /// Live output: written at the end of this event-loop pass, together with
    /// everything else written for @p c in the pass (one system call).
    virtual void writeLater(Connection *c, const QByteArray &bytes) = 0;
    /// Bytes written but not yet taken by the kernel.
    [[nodiscard]] virtual qint64 pendingBytes(const Connection *c) const = 0;
    /// Whether input is watched (not while the hub decides about a request).
    /// Turning it on reports input that already arrived.
    virtual void setReading(Connection *c, bool reading) = 0;
    /// Ends our direction once the output has left; input is still read.
    virtual void shutdownWrite(Connection *c) = 0;
    /// Closes at once (no event follows); release() frees it.
    virtual void close(Connection *c) = 0;
    /// Stops serving @p c without closing it and returns its descriptor for
    /// another worker to adopt; -1 when this transport cannot (then @p c is
    /// untouched). Nothing may be pending for it. release() frees it.
    virtual qintptr detach(Connection *c)
    {
        Q_UNUSED(c);
        return -1;
    }

    /// Frees @p c now, or when the outermost Batch ends.
    void release(Connection *c);
    /// Whether a Batch is open (its end calls TransportEvents::onBatchEnd()).
    [[nodiscard]] bool inBatch() const { return m_inBatch; }

protected:
    TransportEvents *m_events;
    Counters *m_counters;

private:
    QList<Connection *> m_doomed;
    bool m_inBatch = false;
};

} // namespace Notify::Server
