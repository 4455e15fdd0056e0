// SPDX-License-Identifier: MIT
#include "connectionworker.h"

#include "batchslicer.h"
#include "connection.h"
#include "connectiondeadlines.h"
#include "epolltransport.h"
#include "qtsockettransport.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QTimer>

#include <unistd.h>

Q_LOGGING_CATEGORY(lcWorker, "notify.server.worker", QtInfoMsg)

namespace Notify::Server {

namespace {

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

constexpr qsizetype ReadChunk = qsizetype(64) * 1024;

} // namespace

using State = Connection::State;

ConnectionWorker::ConnectionWorker(int index, const Settings &settings, WorkerHost *host)
    : m_index(index)
    , m_settings(settings)
    , m_host(host)
{
    qRegisterMetaType<Notify::Server::HttpResponse>();
    qRegisterMetaType<Notify::Server::StreamStart>();
}

ConnectionWorker::~ConnectionWorker()
{
    shutdown();
}

void ConnectionWorker::start()
{
    if (m_settings.io == Settings::Io::QtSockets)
        m_transport = new QtSocketTransport(this, &m_counters, this);
    else
        m_transport = new EpollTransport(this, &m_counters, m_handOff ? 0 : m_settings.minFlushIntervalUs, this);
    if (!m_transport->start()) {
        delete m_transport;
        m_transport = nullptr;
        return;
    }
    m_sweep = new QTimer(this);
    m_sweep->setInterval(ConnectionDeadlines::sweepIntervalMs(m_settings));
    connect(m_sweep, &QTimer::timeout, this, &ConnectionWorker::onSweep);
    m_sweep->start();
}

Connection *ConnectionWorker::connection(quint64 id) const
{
    return m_connections.value(id, nullptr);
}

Connection *ConnectionWorker::adopt(qintptr descriptor)
{
    if (!m_transport) {
        ::close(int(descriptor));
        return nullptr;
    }
    Connection *c = m_transport->adopt(descriptor, m_settings.maxHeaderBytes, m_settings.maxBodyBytes);
    if (!c)
        return nullptr;
    c->id = m_nextConnectionId++;
    c->lastActivityMs = nowMs();
    m_connections.insert(c->id, c);
    ++m_counters.connectionsOpen;
    return c;
}

void ConnectionWorker::addConnection(qintptr descriptor)
{
    if (adopt(descriptor))
        ++m_counters.connectionsTotal;
}

void ConnectionWorker::adoptStreamRequest(qintptr descriptor, const HttpRequest &request, const QByteArray &buffered,
                                          const QHostAddress &peer)
{
    // Counted in connectionsTotal where it was accepted.
    Connection *c = adopt(descriptor);
    if (!c)
        return;
    c->peer = peer; // a TLS connection's pair end has none of its own
    if (!buffered.isEmpty())
        c->parser.feed(buffered); // a pipelined request, answered after this one
    c->state = State::AwaitingHub;
    m_transport->setReading(c, false); // until the hub has answered
    hand(c, request);
}

void ConnectionWorker::hand(Connection *c, HttpRequest request)
{
    if (!m_transport->inBatch()) {
        m_host->requestReceived(this, c->id, request, c->peer);
        return;
    }
    m_received.append(WorkerHost::Received{ c->id, std::move(request), c->peer });
}

void ConnectionWorker::onBatchEnd()
{
    if (!m_received.isEmpty())
        m_host->requestsReceived(this, std::exchange(m_received, {}));
}

void ConnectionWorker::onReadable(Connection *c)
{
    static thread_local char buffer[ReadChunk];
    // At most a few reads per wake-up, so one busy peer cannot starve the rest.
    for (int i = 0; i < 4; ++i) {
        const qint64 n = m_transport->read(c, buffer, ReadChunk);
        if (n < 0)
            return; // nothing more for now
        if (n == 0) {
            destroy(c);
            return;
        }
        c->lastActivityMs = nowMs();
        if (c->state != State::Reading)
            continue; // a stream or closing connection: what the peer sends is discarded
        if (!c->parser.hasPartialRequest())
            c->requestStartMs = c->lastActivityMs;
        c->parser.feed(QByteArrayView(buffer, n));
        processRequests(c);
        if (!c->isOpen() || c->state != State::Reading)
            return;
        if (n < ReadChunk)
            return;
    }
}

void ConnectionWorker::processRequests(Connection *c)
{
    switch (c->parser.status()) {
    case HttpRequestParser::Status::NeedMore:
        if (!c->parser.hasPartialRequest())
            c->requestStartMs = 0;
        return;
    case HttpRequestParser::Status::Error: {
        HttpResponse response = HttpResponse::error(c->parser.errorStatus(), "bad_request", c->parser.errorMessage());
        response.closeAfter = true;
        c->state = State::AwaitingHub; // so that respond() accepts it
        respond(c->id, response);
        return;
    }
    case HttpRequestParser::Status::Complete:
        break;
    }
    HttpRequest request = c->parser.takeRequest();
    c->requestStartMs = 0;
    if (m_handOff && handOff(c, request))
        return;
    c->state = State::AwaitingHub;
    m_transport->setReading(c, false); // until the hub has answered
    hand(c, std::move(request));
}

void ConnectionWorker::respond(quint64 connectionId, const HttpResponse &response)
{
    const Transport::Batch batch(*m_transport);
    Connection *c = connection(connectionId);
    if (!c || c->state != State::AwaitingHub)
        return;
    m_transport->write(c, response.toBytes());
    if (!c->isOpen())
        return;
    if (response.closeAfter) {
        c->closeAfterFlush = true;
        c->state = State::Closing;
        c->closeDeadlineMs = nowMs() + ConnectionDeadlines::CloseLingerMs;
        m_transport->setReading(c, true);
        if (c->isOpen() && m_transport->pendingBytes(c) == 0)
            onDrained(c);
        return;
    }
    c->state = State::Reading;
    c->lastActivityMs = nowMs();
    // A pipelined request may already be waiting in the parser.
    c->parser.parse();
    if (c->parser.hasPartialRequest())
        c->requestStartMs = c->lastActivityMs;
    processRequests(c);
    if (c->isOpen() && c->state == State::Reading)
        m_transport->setReading(c, true);
}

void ConnectionWorker::startStream(quint64 connectionId, const StreamStart &start)
{
    const Transport::Batch batch(*m_transport);
    Connection *c = connection(connectionId);
    if (!c || c->state != State::AwaitingHub) {
        // The client left while the hub was deciding: the hub counted a stream.
        m_host->streamClosed(this, start.streamId);
        return;
    }
    const qint64 now = nowMs();
    c->state = State::Streaming;
    c->streamId = start.streamId;
    c->user = start.user;
    c->lastSeq = start.lastSeq;
    c->replaying = !start.replayDone;
    c->replayRequested = false;
    c->stalled = start.stalled;
    // +-10 % jitter per stream, so that clients do not all come back at once.
    const double jitter = 0.9 + 0.2 * QRandomGenerator::global()->generateDouble();
    c->streamEndMs = now + qint64(double(m_settings.timeoutMs) * jitter);
    m_streams.insert(c->streamId, c);
    m_streamsByUser[c->user].append(c);
    ++m_counters.streamsOpen;
    m_transport->setReading(c, true); // that is how a closed peer is noticed
    if (!c->isOpen())
        return;
    sendStreamBytes(c, start.bytes, false);
    if (c->isOpen() && m_transport->pendingBytes(c) == 0)
        onDrained(c);
}

void ConnectionWorker::continueReplay(quint64 connectionId, quint64 streamId, const QByteArray &bytes, quint64 lastSeq,
                                      bool done)
{
    const Transport::Batch batch(*m_transport);
    Connection *c = connection(connectionId);
    if (!c || c->streamId != streamId || c->state != State::Streaming)
        return;
    c->replayRequested = false;
    c->lastSeq = std::max(c->lastSeq, lastSeq);
    c->replaying = !done;
    m_counters.eventsDelivered += bytes.count("\n\n");
    sendStreamBytes(c, bytes, false);
    if (c->isOpen() && m_transport->pendingBytes(c) == 0)
        onDrained(c);
}

void ConnectionWorker::deliver(const std::shared_ptr<const FrameBatch> &batch)
{
    if (batch->isEmpty() || m_streams.isEmpty())
        return;
    BatchSlicer slicer(batch);
    const auto deliverTo = [&](Connection *c) {
        if (!c->isOpen() || c->replaying || c->stalled || c->lastSeq >= slicer.lastSeq())
            return;
        qint64 events = 0;
        const QByteArray bytes = slicer.forStream(c->user, c->lastSeq, &events);
        if (events > 0) {
            m_counters.eventsDelivered += events;
            sendStreamBytes(c, bytes, true);
        }
        if (c->isOpen())
            c->lastSeq = slicer.lastSeq();
    };

    const Transport::Batch guard(*m_transport);
    if (!slicer.userOnly()) {
        const QList<Connection *> streams = m_streams.values();
        for (Connection *c : streams)
            deliverTo(c);
        return;
    }
    for (const QString &user : slicer.users()) {
        const QList<Connection *> streams = m_streamsByUser.value(user);
        for (Connection *c : streams)
            deliverTo(c);
    }
}

void ConnectionWorker::sendStreamBytes(Connection *c, const QByteArray &bytes, bool live)
{
    // Live output (events, heartbeats) waits for the end of this pass of the
    // event loop, so that everything arriving in one pass leaves in one write.
    if (live)
        m_transport->writeLater(c, bytes);
    else
        m_transport->write(c, bytes);
    if (!c->isOpen())
        return;
    c->lastWriteMs = nowMs();
    if (live && m_transport->pendingBytes(c) > m_settings.maxBufferedBytes) {
        // A client that does not read: close it rather than buffer without
        // bound. It resumes by id, so it loses nothing.
        qCInfo(lcWorker) << "closing slow stream" << c->streamId << "of" << c->user << "with"
                         << m_transport->pendingBytes(c) << "bytes unsent";
        ++m_counters.slowConsumersClosed;
        destroy(c);
    }
}

void ConnectionWorker::onDrained(Connection *c)
{
    if (c->closeAfterFlush && c->state == State::Closing) {
        // Half-close, then drain what the peer still sends until it closes or
        // the linger deadline passes: closing with unread input would reset
        // the connection and could destroy the answer in flight.
        m_transport->shutdownWrite(c);
        c->closeAfterFlush = false;
        return;
    }
    if (c->state == State::Streaming && c->replaying && !c->replayRequested && !c->stalled) {
        c->replayRequested = true;
        m_host->replayPageWanted(this, c->id, c->streamId, c->user, c->lastSeq);
    }
}

void ConnectionWorker::onPeerGone(Connection *c)
{
    destroy(c);
}

bool ConnectionWorker::handOff(Connection *c, const HttpRequest &request)
{
    if (!m_host->isStreamRequest(request))
        return false;
    const qintptr descriptor = m_transport->detach(c);
    if (descriptor < 0)
        return false; // output still pending (or a transport that cannot): it streams here
    const QByteArray buffered = c->parser.takeBuffered();
    m_connections.remove(c->id);
    --m_counters.connectionsOpen;
    const QHostAddress peer = c->peer;
    m_transport->release(c);
    m_handOff(descriptor, request, buffered, peer);
    return true;
}

void ConnectionWorker::destroy(Connection *c)
{
    if (!c->isOpen())
        return;
    m_transport->close(c);
    m_connections.remove(c->id);
    --m_counters.connectionsOpen;
    if (c->streamId != 0 && m_streams.remove(c->streamId) > 0) {
        auto it = m_streamsByUser.find(c->user);
        if (it != m_streamsByUser.end()) {
            it->removeOne(c);
            if (it->isEmpty())
                m_streamsByUser.erase(it);
        }
        --m_counters.streamsOpen;
        m_host->streamClosed(this, c->streamId);
    }
    m_transport->release(c);
}

void ConnectionWorker::closeStream(quint64 streamId)
{
    const Transport::Batch batch(*m_transport);
    if (Connection *c = m_streams.value(streamId, nullptr))
        destroy(c);
}

void ConnectionWorker::closeAllStreams()
{
    const Transport::Batch batch(*m_transport);
    const QList<Connection *> streams = m_streams.values();
    for (Connection *c : streams)
        destroy(c);
}

void ConnectionWorker::stallAllStreams()
{
    for (Connection *c : std::as_const(m_streams))
        c->stalled = true;
}

void ConnectionWorker::onSweep()
{
    const qint64 now = nowMs();
    const auto [expired, heartbeat] = ConnectionDeadlines::due(m_connections, m_settings, now);
    const Transport::Batch batch(*m_transport);
    for (Connection *c : std::as_const(expired)) {
        if (!c->isOpen())
            continue;
        if (c->state == State::Streaming) {
            ++m_counters.streamsTimedOut;
            destroy(c);
        } else if (c->state == State::Reading && c->requestStartMs != 0) {
            // The request did not arrive in time (a slow or stuck client).
            c->state = State::AwaitingHub;
            HttpResponse response = HttpResponse::error(408, "request_timeout",
                                                        QStringLiteral("the request was not complete within %1 s")
                                                            .arg(double(m_settings.requestDeadlineMs) / 1000));
            response.closeAfter = true;
            respond(c->id, response);
        } else {
            destroy(c); // idle keep-alive, or done closing
        }
    }
    if (!heartbeat.isEmpty()) {
        const QByteArray comment = ": heartbeat " + QByteArray::number(now) + "\n\n";
        for (Connection *c : std::as_const(heartbeat)) {
            if (!c->isOpen())
                continue;
            ++m_counters.heartbeatsSent;
            sendStreamBytes(c, comment, true);
        }
    }
}

void ConnectionWorker::shutdown()
{
    if (!m_transport)
        return;
    {
        const Transport::Batch batch(*m_transport);
        const QList<Connection *> all = m_connections.values();
        for (Connection *c : all)
            destroy(c);
    }
    if (m_sweep)
        m_sweep->stop();
    delete m_transport;
    m_transport = nullptr;
}

} // namespace Notify::Server
