// SPDX-License-Identifier: MIT
#include "connectionworker.h"

#include "httprequestparser.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QSocketNotifier>
#include <QTcpSocket>
#include <QTimer>

#include <cerrno>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

Q_LOGGING_CATEGORY(lcWorker, "notify.server.worker", QtInfoMsg)

namespace Notify::Server {

namespace {

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

constexpr qint64 CloseLingerMs = 2000; // how long a closing socket may drain input
constexpr qsizetype ReadChunk = 64 * 1024;
constexpr int MaxIov = 64;

} // namespace

// Connections closed while a call is working through them are freed when the
// outermost call returns, so no pointer in use ever dangles.
class ConnectionWorker::DeferDelete
{
public:
    explicit DeferDelete(ConnectionWorker *worker)
        : m_worker(worker)
        , m_outermost(!worker->m_inBatch)
    {
        worker->m_inBatch = true;
    }
    ~DeferDelete()
    {
        if (!m_outermost)
            return;
        m_worker->m_inBatch = false;
        qDeleteAll(m_worker->m_doomed);
        m_worker->m_doomed.clear();
    }
    Q_DISABLE_COPY_MOVE(DeferDelete)

private:
    ConnectionWorker *m_worker;
    bool m_outermost;
};

struct ConnectionWorker::Connection
{
    explicit Connection(qint64 maxHeader, qint64 maxBody)
        : parser(maxHeader, maxBody)
    { }

    int fd = -1; ///< the descriptor while open, -1 once closed (in both I/O modes)
    QTcpSocket *socket = nullptr; ///< only in the Qt-sockets baseline mode
    quint64 id = 0;
    State state = State::Reading;
    HttpRequestParser parser;
    QHostAddress peer;

    QList<QByteArray> out; ///< unsent output; chunks are shared with other connections
    qsizetype outOffset = 0;
    qint64 outBytes = 0;
    quint32 interest = 0; ///< what epoll watches now
    bool closeAfterFlush = false;

    qint64 requestStartMs = 0; ///< first byte of the request being read, 0 when none
    qint64 lastActivityMs = 0;
    qint64 closeDeadlineMs = 0;

    // While streaming:
    quint64 streamId = 0;
    QString user;
    quint64 lastSeq = 0;
    bool replaying = false;
    bool replayRequested = false;
    bool stalled = false;
    bool dirty = false; ///< has live output waiting for the end-of-pass flush
    qint64 lastWriteMs = 0;
    qint64 streamEndMs = 0;
};

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
    m_epollFd = ::epoll_create1(EPOLL_CLOEXEC);
    if (m_epollFd < 0) {
        qCCritical(lcWorker) << "epoll_create1 failed:" << strerror(errno);
        return;
    }
    m_notifier = new QSocketNotifier(m_epollFd, QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &ConnectionWorker::onEpollReady);
    m_sweep = new QTimer(this);
    // Fine enough for the shortest interval in use, coarse enough to cost nothing.
    const qint64 shortest = std::min({ m_settings.heartbeatMs, m_settings.timeoutMs, m_settings.requestDeadlineMs,
                                       m_settings.idleKeepAliveMs, CloseLingerMs });
    m_sweep->setInterval(int(std::clamp<qint64>(shortest / 4, 5, 1000)));
    connect(m_sweep, &QTimer::timeout, this, &ConnectionWorker::onSweep);
    m_sweep->start();
}

ConnectionWorker::Connection *ConnectionWorker::connection(quint64 id) const
{
    return m_connections.value(id, nullptr);
}

void ConnectionWorker::addConnection(qintptr descriptor)
{
    const int fd = int(descriptor);
    if (m_settings.qtSockets) {
        addQtConnection(descriptor);
        return;
    }
    if (m_epollFd < 0) {
        ::close(fd);
        return;
    }
    const int flags = ::fcntl(fd, F_GETFL, 0);
    ::fcntl(fd, F_SETFL, flags | O_NONBLOCK);
    const int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);

    auto *c = new Connection(m_settings.maxHeaderBytes, m_settings.maxBodyBytes);
    c->fd = fd;
    c->id = m_nextConnectionId++;
    c->lastActivityMs = nowMs();
    sockaddr_storage address{};
    socklen_t length = sizeof address;
    if (::getpeername(fd, reinterpret_cast<sockaddr *>(&address), &length) == 0)
        c->peer.setAddress(reinterpret_cast<const sockaddr *>(&address));
    epoll_event ev{};
    ev.events = EPOLLIN;
    ev.data.ptr = c;
    if (::epoll_ctl(m_epollFd, EPOLL_CTL_ADD, fd, &ev) != 0) {
        qCWarning(lcWorker) << "epoll_ctl ADD failed:" << strerror(errno);
        ::close(fd);
        delete c;
        return;
    }
    c->interest = EPOLLIN;
    m_connections.insert(c->id, c);
    ++m_counters.connectionsOpen;
    ++m_counters.connectionsTotal;
}

void ConnectionWorker::addQtConnection(qintptr descriptor)
{
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        ::close(int(descriptor));
        delete socket;
        return;
    }
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    auto *c = new Connection(m_settings.maxHeaderBytes, m_settings.maxBodyBytes);
    c->fd = int(descriptor);
    c->socket = socket;
    c->id = m_nextConnectionId++;
    c->lastActivityMs = nowMs();
    c->peer = socket->peerAddress();
    m_connections.insert(c->id, c);
    ++m_counters.connectionsOpen;
    ++m_counters.connectionsTotal;
    connect(socket, &QTcpSocket::readyRead, this, [this, c] {
        const DeferDelete guard(this);
        if (c->state != State::AwaitingHub)
            readFrom(c);
    });
    connect(socket, &QTcpSocket::bytesWritten, this, [this, c] {
        const DeferDelete guard(this);
        c->outBytes = c->socket->bytesToWrite();
        if (c->outBytes == 0)
            afterDrained(c);
    });
    connect(socket, &QTcpSocket::disconnected, this, [this, c] {
        const DeferDelete guard(this);
        destroy(c);
    });
}

void ConnectionWorker::onEpollReady()
{
    epoll_event events[256];
    // Bounded rounds per activation so timers and queued calls get their turn.
    for (int round = 0; round < 8; ++round) {
        const int n = ::epoll_wait(m_epollFd, events, 256, 0);
        if (n <= 0)
            break;
        const DeferDelete guard(this);
        for (int i = 0; i < n; ++i) {
            auto *c = static_cast<Connection *>(events[i].data.ptr);
            if (c->fd >= 0)
                handleEvents(c, events[i].events);
        }
        if (n < 256)
            break;
    }
}

void ConnectionWorker::handleEvents(Connection *c, quint32 events)
{
    if (events & (EPOLLERR | EPOLLHUP)) {
        // The peer is gone (or reset us); there is nobody left to write to.
        destroy(c);
        return;
    }
    if (events & EPOLLOUT) {
        flush(c);
        if (c->fd < 0)
            return;
    }
    if (events & EPOLLIN)
        readFrom(c);
}

void ConnectionWorker::readFrom(Connection *c)
{
    static thread_local char buffer[ReadChunk];
    // At most a few reads per wake-up, so one busy peer cannot starve the rest.
    for (int i = 0; i < 4; ++i) {
        ssize_t n = 0;
        if (c->socket) {
            if (c->socket->bytesAvailable() == 0) {
                if (c->socket->state() != QAbstractSocket::ConnectedState)
                    destroy(c);
                return;
            }
            n = ssize_t(c->socket->read(buffer, sizeof buffer));
        } else {
            n = ::recv(c->fd, buffer, sizeof buffer, 0);
        }
        if (n == 0) {
            destroy(c);
            return;
        }
        if (n < 0) {
            if (errno == EINTR && !c->socket)
                continue;
            if (c->socket || (errno != EAGAIN && errno != EWOULDBLOCK))
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
        if (c->fd < 0 || c->state != State::Reading)
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
    c->state = State::AwaitingHub;
    c->requestStartMs = 0;
    updateInterest(c); // stop reading until the hub has answered
    m_host->requestReceived(this, c->id, request, c->peer);
}

void ConnectionWorker::respond(quint64 connectionId, const HttpResponse &response)
{
    const DeferDelete guard(this);
    Connection *c = connection(connectionId);
    if (!c || c->state != State::AwaitingHub)
        return;
    queue(c, response.toBytes());
    if (c->fd < 0)
        return;
    if (response.closeAfter) {
        c->closeAfterFlush = true;
        c->state = State::Closing;
        c->closeDeadlineMs = nowMs() + CloseLingerMs;
        updateInterest(c);
        if (c->outBytes == 0)
            afterDrained(c);
        return;
    }
    c->state = State::Reading;
    c->lastActivityMs = nowMs();
    updateInterest(c);
    // A pipelined request may already be waiting in the parser.
    c->parser.parse();
    if (c->parser.hasPartialRequest())
        c->requestStartMs = c->lastActivityMs;
    processRequests(c);
    if (c->socket && c->fd >= 0 && c->state == State::Reading && c->socket->bytesAvailable() > 0)
        readFrom(c); // Qt kept reading while the hub answered
}

void ConnectionWorker::startStream(quint64 connectionId, const StreamStart &start)
{
    const DeferDelete guard(this);
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
    updateInterest(c); // read again: that is how a closed peer is noticed
    sendStreamBytes(c, start.bytes, false);
    if (c->fd >= 0 && c->outBytes == 0)
        afterDrained(c);
}

void ConnectionWorker::continueReplay(quint64 connectionId, quint64 streamId, const QByteArray &bytes, quint64 lastSeq,
                                      bool done)
{
    const DeferDelete guard(this);
    Connection *c = connection(connectionId);
    if (!c || c->streamId != streamId || c->state != State::Streaming)
        return;
    c->replayRequested = false;
    c->lastSeq = std::max(c->lastSeq, lastSeq);
    c->replaying = !done;
    m_counters.eventsDelivered += bytes.count("\n\n");
    sendStreamBytes(c, bytes, false);
    if (c->fd >= 0 && c->outBytes == 0)
        afterDrained(c);
}

void ConnectionWorker::deliver(const std::shared_ptr<const FrameBatch> &batch)
{
    if (batch->isEmpty() || m_streams.isEmpty())
        return;
    const quint64 firstSeq = batch->first().seq;
    const quint64 lastSeq = batch->last().seq;
    bool allBroadcast = true;
    bool anyBroadcast = false;
    QStringList users;
    for (const Frame &frame : *batch) {
        if (frame.audience.isEmpty()) {
            anyBroadcast = true;
            continue;
        }
        allBroadcast = false;
        for (const QString &user : frame.audience) {
            if (!users.contains(user))
                users << user;
        }
    }

    // The whole batch as one buffer, built once, shared by every stream that
    // gets all of it: one write per stream, no copy per stream.
    QByteArray whole;
    const auto wholeBatch = [&]() -> const QByteArray & {
        if (whole.isEmpty()) {
            qsizetype size = 0;
            for (const Frame &frame : *batch)
                size += frame.bytes.size();
            whole.reserve(size);
            for (const Frame &frame : *batch)
                whole += frame.bytes;
        }
        return whole;
    };
    const auto deliverTo = [&](Connection *c) {
        if (c->fd < 0 || c->replaying || c->stalled || c->lastSeq >= lastSeq)
            return;
        if (allBroadcast && c->lastSeq < firstSeq) {
            m_counters.eventsDelivered += batch->size();
            sendStreamBytes(c, batch->size() == 1 ? batch->first().bytes : wholeBatch(), true);
        } else {
            QByteArray mine;
            qint64 count = 0;
            for (const Frame &frame : *batch) {
                if (frame.seq <= c->lastSeq)
                    continue;
                if (!frame.audience.isEmpty() && !frame.audience.contains(c->user))
                    continue;
                mine += frame.bytes;
                ++count;
            }
            if (count > 0) {
                m_counters.eventsDelivered += count;
                sendStreamBytes(c, mine, true);
            }
        }
        if (c->fd >= 0)
            c->lastSeq = lastSeq;
    };

    const DeferDelete guard(this);
    if (anyBroadcast) {
        const QList<Connection *> streams = m_streams.values();
        for (Connection *c : streams)
            deliverTo(c);
    } else {
        for (const QString &user : std::as_const(users)) {
            const QList<Connection *> streams = m_streamsByUser.value(user);
            for (Connection *c : streams)
                deliverTo(c);
        }
    }
}

void ConnectionWorker::sendStreamBytes(Connection *c, const QByteArray &bytes, bool countsAgainstLimit)
{
    if (countsAgainstLimit && !c->socket) {
        // Live output waits for the end of this pass of the event loop, so that
        // everything that arrives in one pass leaves in one writev per stream.
        if (bytes.isEmpty())
            return;
        c->out.append(bytes);
        c->outBytes += bytes.size();
        m_counters.bufferedBytes += bytes.size();
        if (!c->dirty) {
            c->dirty = true;
            m_dirty.append(c);
        }
        if (!m_flushScheduled) {
            m_flushScheduled = true;
            QMetaObject::invokeMethod(this, &ConnectionWorker::flushDirty, Qt::QueuedConnection);
        }
    } else {
        queue(c, bytes);
    }
    if (c->fd < 0)
        return;
    c->lastWriteMs = nowMs();
    if (countsAgainstLimit && c->outBytes > m_settings.maxBufferedBytes) {
        // A client that does not read: close it rather than buffer without
        // bound. It resumes by id, so it loses nothing.
        qCInfo(lcWorker) << "closing slow stream" << c->streamId << "of" << c->user << "with" << c->outBytes
                         << "bytes unsent";
        ++m_counters.slowConsumersClosed;
        destroy(c);
    }
}

void ConnectionWorker::queue(Connection *c, const QByteArray &bytes)
{
    if (bytes.isEmpty() || c->fd < 0)
        return;
    if (c->socket) {
        // Baseline mode: Qt buffers and flushes on a later pass of its event loop.
        c->socket->write(bytes);
        c->outBytes = c->socket->bytesToWrite();
        m_counters.bytesSent += bytes.size();
        return;
    }
    if (c->out.isEmpty()) {
        // The common case: the socket has room, the bytes go out now.
        const ssize_t n = ::send(c->fd, bytes.constData(), size_t(bytes.size()), MSG_NOSIGNAL | MSG_DONTWAIT);
        if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) {
            destroy(c);
            return;
        }
        const qsizetype written = n > 0 ? qsizetype(n) : 0;
        m_counters.bytesSent += written;
        if (written == bytes.size())
            return;
        c->out.append(bytes);
        c->outOffset = written;
        c->outBytes = bytes.size() - written;
        m_counters.bufferedBytes += c->outBytes;
        updateInterest(c);
        return;
    }
    c->out.append(bytes);
    c->outBytes += bytes.size();
    m_counters.bufferedBytes += bytes.size();
}

void ConnectionWorker::flush(Connection *c)
{
    while (!c->out.isEmpty()) {
        iovec iov[MaxIov];
        int count = 0;
        for (qsizetype i = 0; i < c->out.size() && count < MaxIov; ++i, ++count) {
            const QByteArray &chunk = c->out.at(i);
            const qsizetype skip = i == 0 ? c->outOffset : 0;
            iov[count].iov_base = const_cast<char *>(chunk.constData() + skip);
            iov[count].iov_len = size_t(chunk.size() - skip);
        }
        msghdr message{};
        message.msg_iov = iov;
        message.msg_iovlen = size_t(count);
        const ssize_t n = ::sendmsg(c->fd, &message, MSG_NOSIGNAL | MSG_DONTWAIT);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            if (errno == EAGAIN || errno == EWOULDBLOCK)
                break;
            destroy(c);
            return;
        }
        m_counters.bytesSent += n;
        m_counters.bufferedBytes -= n;
        c->outBytes -= n;
        qsizetype left = n;
        while (left > 0 && !c->out.isEmpty()) {
            const qsizetype available = c->out.first().size() - c->outOffset;
            if (left >= available) {
                left -= available;
                c->out.removeFirst();
                c->outOffset = 0;
            } else {
                c->outOffset += left;
                left = 0;
            }
        }
    }
    updateInterest(c);
    if (c->out.isEmpty())
        afterDrained(c);
}

void ConnectionWorker::afterDrained(Connection *c)
{
    if (c->closeAfterFlush && c->state == State::Closing) {
        // Half-close, then drain what the peer still sends until it closes or
        // the linger deadline passes: closing with unread input would reset
        // the connection and could destroy the answer in flight.
        if (c->socket)
            c->socket->disconnectFromHost();
        else
            ::shutdown(c->fd, SHUT_WR);
        c->closeAfterFlush = false;
        return;
    }
    if (c->state == State::Streaming && c->replaying && !c->replayRequested && !c->stalled) {
        c->replayRequested = true;
        m_host->replayPageWanted(this, c->id, c->streamId, c->user, c->lastSeq);
    }
}

void ConnectionWorker::updateInterest(Connection *c)
{
    if (c->fd < 0 || c->socket)
        return;
    quint32 wanted = 0;
    if (c->state != State::AwaitingHub)
        wanted |= EPOLLIN;
    if (!c->out.isEmpty())
        wanted |= EPOLLOUT;
    if (wanted == c->interest)
        return;
    epoll_event ev{};
    ev.events = wanted;
    ev.data.ptr = c;
    ::epoll_ctl(m_epollFd, EPOLL_CTL_MOD, c->fd, &ev);
    c->interest = wanted;
}

void ConnectionWorker::destroy(Connection *c)
{
    if (c->fd < 0)
        return;
    if (c->socket) {
        c->outBytes = 0; // Qt's buffer, never counted in bufferedBytes
        c->socket->disconnect(this);
        c->socket->abort();
        c->socket->deleteLater();
        c->socket = nullptr;
    } else {
        ::epoll_ctl(m_epollFd, EPOLL_CTL_DEL, c->fd, nullptr);
        ::close(c->fd);
    }
    c->fd = -1;
    m_counters.bufferedBytes -= c->outBytes;
    c->out.clear();
    c->outBytes = 0;
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
    if (c->dirty) {
        m_dirty.removeOne(c);
        c->dirty = false;
    }
    if (m_inBatch)
        m_doomed << c;
    else
        delete c;
}

void ConnectionWorker::closeStream(quint64 streamId)
{
    const DeferDelete guard(this);
    if (Connection *c = m_streams.value(streamId, nullptr))
        destroy(c);
}

void ConnectionWorker::closeAllStreams()
{
    const DeferDelete guard(this);
    const QList<Connection *> streams = m_streams.values();
    for (Connection *c : streams)
        destroy(c);
}

void ConnectionWorker::flushDirty()
{
    const DeferDelete guard(this);
    m_flushScheduled = false;
    const QList<Connection *> dirty = std::exchange(m_dirty, {});
    for (Connection *c : dirty) {
        c->dirty = false;
        if (c->fd >= 0 && !(c->interest & EPOLLOUT))
            flush(c); // a socket already waiting for EPOLLOUT is flushed when it comes
    }
}

void ConnectionWorker::stallAllStreams()
{
    for (Connection *c : std::as_const(m_streams))
        c->stalled = true;
}

void ConnectionWorker::onSweep()
{
    const qint64 now = nowMs();
    QList<Connection *> expired;
    QList<Connection *> heartbeat;
    for (Connection *c : std::as_const(m_connections)) {
        switch (c->state) {
        case State::Streaming:
            if (now >= c->streamEndMs)
                expired << c;
            else if (now - c->lastWriteMs >= m_settings.heartbeatMs && !c->stalled)
                heartbeat << c;
            break;
        case State::Reading:
            if (c->requestStartMs != 0 && now - c->requestStartMs >= m_settings.requestDeadlineMs)
                expired << c;
            else if (c->requestStartMs == 0 && now - c->lastActivityMs >= m_settings.idleKeepAliveMs)
                expired << c;
            break;
        case State::Closing:
            if (now >= c->closeDeadlineMs)
                expired << c;
            break;
        case State::AwaitingHub:
            break;
        }
    }
    const DeferDelete guard(this);
    for (Connection *c : std::as_const(expired)) {
        if (c->fd < 0)
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
            if (c->fd < 0)
                continue;
            ++m_counters.heartbeatsSent;
            sendStreamBytes(c, comment, true);
        }
    }
}

void ConnectionWorker::shutdown()
{
    {
        const DeferDelete guard(this);
        const QList<Connection *> all = m_connections.values();
        for (Connection *c : all)
            destroy(c);
    }
    if (m_sweep)
        m_sweep->stop();
    if (m_notifier)
        m_notifier->setEnabled(false);
    if (m_epollFd >= 0) {
        ::close(m_epollFd);
        m_epollFd = -1;
    }
}

} // namespace Notify::Server
