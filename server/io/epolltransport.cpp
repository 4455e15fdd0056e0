// SPDX-License-Identifier: MIT
#include "epolltransport.h"

#include "connection.h"

#include <QLoggingCategory>
#include <QSocketNotifier>

#include <cerrno>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/timerfd.h>
#include <sys/uio.h>
#include <unistd.h>

Q_DECLARE_LOGGING_CATEGORY(lcWorker)

namespace Notify::Server {

namespace {
constexpr int MaxIov = 64;
constexpr int MaxEvents = 256;

qint64 monotonicNs()
{
    timespec now{};
    ::clock_gettime(CLOCK_MONOTONIC, &now);
    return qint64(now.tv_sec) * 1'000'000'000 + now.tv_nsec;
}
} // namespace

struct EpollConnection final : Connection
{
    using Connection::Connection;

    QList<QByteArray> out; ///< unsent output; chunks are shared with other connections
    qsizetype outOffset = 0;
    qint64 outBytes = 0;
    quint32 interest = 0; ///< what epoll watches now
    bool reading = true;
    bool dirty = false; ///< has live output waiting for the end-of-pass flush
};

namespace {
EpollConnection *epoll(Connection *c)
{
    return static_cast<EpollConnection *>(c);
}
} // namespace

EpollTransport::EpollTransport(TransportEvents *events, Counters *counters, qint64 minFlushIntervalUs, QObject *parent)
    : Transport(events, counters, parent)
    , m_minFlushIntervalNs(minFlushIntervalUs * 1000)
{ }

EpollTransport::~EpollTransport()
{
    if (m_timerFd >= 0)
        ::close(m_timerFd);
    if (m_epollFd >= 0)
        ::close(m_epollFd);
}

bool EpollTransport::start()
{
    m_epollFd = ::epoll_create1(EPOLL_CLOEXEC);
    if (m_epollFd < 0) {
        qCCritical(lcWorker) << "epoll_create1 failed:" << strerror(errno);
        return false;
    }
    if (m_minFlushIntervalNs > 0) {
        m_timerFd = ::timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK | TFD_CLOEXEC);
        epoll_event ev{};
        ev.events = EPOLLIN;
        ev.data.ptr = nullptr; // no connection: the pacing timer
        if (m_timerFd < 0 || ::epoll_ctl(m_epollFd, EPOLL_CTL_ADD, m_timerFd, &ev) != 0) {
            qCWarning(lcWorker) << "no timerfd, flushing without pacing:" << strerror(errno);
            m_minFlushIntervalNs = 0;
        }
    }
    m_notifier = new QSocketNotifier(m_epollFd, QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &EpollTransport::onEpollReady);
    return true;
}

Connection *EpollTransport::adopt(qintptr descriptor, qint64 maxHeaderBytes, qint64 maxBodyBytes)
{
    const int fd = int(descriptor);
    if (m_epollFd < 0) {
        ::close(fd);
        return nullptr;
    }
    const int flags = ::fcntl(fd, F_GETFL, 0);
    ::fcntl(fd, F_SETFL, flags | O_NONBLOCK);
    const int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);

    auto *c = new EpollConnection(maxHeaderBytes, maxBodyBytes);
    c->fd = fd;
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
        return nullptr;
    }
    c->interest = EPOLLIN;
    return c;
}

void EpollTransport::onEpollReady()
{
    epoll_event events[MaxEvents];
    // Bounded rounds per activation so timers and queued calls get their turn.
    for (int round = 0; round < 8; ++round) {
        const int n = ::epoll_wait(m_epollFd, events, MaxEvents, 0);
        if (n <= 0)
            break;
        const Batch batch(*this);
        for (int i = 0; i < n; ++i) {
            auto *c = static_cast<EpollConnection *>(events[i].data.ptr);
            if (!c) {
                quint64 expirations = 0;
                if (::read(m_timerFd, &expirations, sizeof expirations) < 0) { } // only to rearm it
                if (m_flushScheduled)
                    flushDirty();
                continue;
            }
            if (!c->isOpen())
                continue;
            const quint32 ready = events[i].events;
            if (ready & (EPOLLERR | EPOLLHUP)) {
                m_events->onPeerGone(c);
                continue;
            }
            if (ready & EPOLLOUT) {
                flush(c);
                if (!c->isOpen())
                    continue;
            }
            if (ready & EPOLLIN)
                m_events->onReadable(c);
        }
        if (n < MaxEvents)
            break;
    }
}

qint64 EpollTransport::read(Connection *c, char *buffer, qint64 size)
{
    for (;;) {
        const ssize_t n = ::recv(c->fd, buffer, size_t(size), 0);
        if (n >= 0)
            return n;
        if (errno == EINTR)
            continue;
        return (errno == EAGAIN || errno == EWOULDBLOCK) ? -1 : 0;
    }
}

void EpollTransport::write(Connection *connection, const QByteArray &bytes)
{
    EpollConnection *c = epoll(connection);
    if (bytes.isEmpty() || !c->isOpen())
        return;
    if (c->out.isEmpty()) {
        // The common case: the socket has room, the bytes go out now.
        const ssize_t n = ::send(c->fd, bytes.constData(), size_t(bytes.size()), MSG_NOSIGNAL | MSG_DONTWAIT);
        if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) {
            m_events->onPeerGone(c);
            return;
        }
        const qsizetype written = n > 0 ? qsizetype(n) : 0;
        m_counters->bytesSent += written;
        if (written == bytes.size())
            return;
        c->out.append(bytes);
        c->outOffset = written;
        c->outBytes = bytes.size() - written;
        m_counters->bufferedBytes += c->outBytes;
        updateInterest(c);
        return;
    }
    c->out.append(bytes);
    c->outBytes += bytes.size();
    m_counters->bufferedBytes += bytes.size();
}

void EpollTransport::writeLater(Connection *connection, const QByteArray &bytes)
{
    EpollConnection *c = epoll(connection);
    if (bytes.isEmpty() || !c->isOpen())
        return;
    c->out.append(bytes);
    c->outBytes += bytes.size();
    m_counters->bufferedBytes += bytes.size();
    if (!c->dirty) {
        c->dirty = true;
        m_dirty.append(c);
    }
    if (!m_flushScheduled)
        scheduleFlush();
}

void EpollTransport::scheduleFlush()
{
    m_flushScheduled = true;
    const qint64 sinceNs = monotonicNs() - m_lastFlushNs;
    if (m_minFlushIntervalNs <= 0 || sinceNs >= m_minFlushIntervalNs) {
        // The end of this pass.
        QMetaObject::invokeMethod(this, &EpollTransport::flushDirty, Qt::QueuedConnection);
        return;
    }
    const qint64 waitNs = m_minFlushIntervalNs - sinceNs;
    itimerspec due{};
    due.it_value.tv_sec = time_t(waitNs / 1'000'000'000);
    due.it_value.tv_nsec = long(waitNs % 1'000'000'000);
    ::timerfd_settime(m_timerFd, 0, &due, nullptr);
}

void EpollTransport::flushDirty()
{
    const Batch batch(*this);
    m_flushScheduled = false;
    m_lastFlushNs = monotonicNs();
    const QList<EpollConnection *> dirty = std::exchange(m_dirty, {});
    for (EpollConnection *c : dirty) {
        c->dirty = false;
        if (c->isOpen() && !(c->interest & EPOLLOUT))
            flush(c); // a socket already waiting for EPOLLOUT is flushed when it comes
    }
}

void EpollTransport::flush(EpollConnection *c)
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
            m_events->onPeerGone(c);
            return;
        }
        m_counters->bytesSent += n;
        m_counters->bufferedBytes -= n;
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
        m_events->onDrained(c);
}

qint64 EpollTransport::pendingBytes(const Connection *c) const
{
    return static_cast<const EpollConnection *>(c)->outBytes;
}

void EpollTransport::setReading(Connection *c, bool reading)
{
    epoll(c)->reading = reading;
    updateInterest(epoll(c));
}

void EpollTransport::updateInterest(EpollConnection *c)
{
    if (!c->isOpen())
        return;
    quint32 wanted = 0;
    if (c->reading)
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

void EpollTransport::shutdownWrite(Connection *c)
{
    ::shutdown(c->fd, SHUT_WR);
}

qintptr EpollTransport::detach(Connection *connection)
{
    EpollConnection *c = epoll(connection);
    if (!c->isOpen() || c->outBytes > 0)
        return -1;
    ::epoll_ctl(m_epollFd, EPOLL_CTL_DEL, c->fd, nullptr);
    const int fd = c->fd;
    c->fd = -1;
    if (c->dirty) {
        m_dirty.removeOne(c);
        c->dirty = false;
    }
    return fd;
}

void EpollTransport::close(Connection *connection)
{
    EpollConnection *c = epoll(connection);
    if (!c->isOpen())
        return;
    ::epoll_ctl(m_epollFd, EPOLL_CTL_DEL, c->fd, nullptr);
    ::close(c->fd);
    c->fd = -1;
    m_counters->bufferedBytes -= c->outBytes;
    c->out.clear();
    c->outBytes = 0;
    if (c->dirty) {
        m_dirty.removeOne(c);
        c->dirty = false;
    }
}

} // namespace Notify::Server
