// SPDX-License-Identifier: MIT
#pragma once

#include <QtGlobal>

namespace Notify::Server {

/// The limits and timers of every connection (docs/PROTOCOL.md, "The
/// stream" and "Bad input"), and how connections do their I/O. Part of
/// ServerConfig; each ConnectionWorker gets a copy.
struct ConnectionSettings
{
    enum class Io {
        Epoll, ///< raw descriptors in an epoll set per worker (EpollTransport)
        QtSockets, ///< `--io qt`, the benchmark baseline: a QTcpSocket each (QtSocketTransport)
    };

    qint64 heartbeatMs = 30'000;
    qint64 timeoutMs = 300'000;
    qint64 maxBufferedBytes = qint64(1024) * 1024;
    qint64 requestDeadlineMs = 10'000;
    qint64 idleKeepAliveMs = 30'000;
    qint64 maxHeaderBytes = qint64(16) * 1024;
    qint64 maxBodyBytes = qint64(1024) * 1024;
    Io io = Io::Epoll;
    /// Live output of a stream worker leaves at most once per this many
    /// microseconds (epoll only; 0: at the end of every pass). See EpollTransport.
    qint64 minFlushIntervalUs = 1'000;
};

} // namespace Notify::Server
