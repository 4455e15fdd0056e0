// SPDX-License-Identifier: MIT
#pragma once

#include "transport.h"

class QSocketNotifier;

namespace Notify::Server {

struct EpollConnection;

/// Non-blocking descriptors in an epoll set of the worker's own.
///
/// Qt's event loop watches only the epoll descriptor (one QSocketNotifier),
/// so a pass costs O(ready sockets) instead of a poll() over every socket
/// (Qt 6.4's dispatcher does the latter). Writes go straight to the kernel
/// with send(); what does not fit waits as a list of shared byte arrays, so
/// one event broadcast to many slow streams is held in memory once, and
/// leaves with sendmsg() on EPOLLOUT. Live output (writeLater) is flushed at
/// the end of the event-loop pass, so everything that arrived in one pass
/// leaves in one writev per connection; and at most once per
/// @p minFlushIntervalUs: output that comes sooner after a flush waits for
/// the rest of the interval (a timerfd in the epoll set), so that a stream
/// of events coalesces into fewer system calls while a lone event after a
/// quiet moment still leaves at once.
class EpollTransport final : public Transport
{
    Q_OBJECT

public:
    EpollTransport(TransportEvents *events, Counters *counters, qint64 minFlushIntervalUs = 0,
                   QObject *parent = nullptr);
    ~EpollTransport() override;
    Q_DISABLE_COPY_MOVE(EpollTransport)

    bool start() override;
    [[nodiscard]] Connection *adopt(qintptr descriptor, qint64 maxHeaderBytes, qint64 maxBodyBytes) override;
    qint64 read(Connection *c, char *buffer, qint64 size) override;
    void write(Connection *c, const QByteArray &bytes) override;
    void writeLater(Connection *c, const QByteArray &bytes) override;
    [[nodiscard]] qint64 pendingBytes(const Connection *c) const override;
    void setReading(Connection *c, bool reading) override;
    void shutdownWrite(Connection *c) override;
    void close(Connection *c) override;
    qintptr detach(Connection *c) override;

private:
    void onEpollReady();
    void flush(EpollConnection *c);
    void flushDirty();
    void scheduleFlush();
    void updateInterest(EpollConnection *c);

    int m_epollFd = -1;
    QSocketNotifier *m_notifier = nullptr;
    QList<EpollConnection *> m_dirty; ///< live output to write at the end of this pass
    bool m_flushScheduled = false;
    int m_timerFd = -1; ///< wakes the epoll set when a paced flush is due
    qint64 m_lastFlushNs = 0; ///< when the last flush of live output began (monotonic)
    qint64 m_minFlushIntervalNs = 0;
};

} // namespace Notify::Server
