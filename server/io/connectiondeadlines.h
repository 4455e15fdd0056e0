// SPDX-License-Identifier: MIT
#pragma once

#include "connectionsettings.h"

#include <QHash>
#include <QList>

namespace Notify::Server {

struct Connection;

/// When a worker's connections are due, by ConnectionSettings' timers: which
/// are past a deadline (a stream's end, a request not complete in time, an
/// idle keep-alive connection, a closing one's linger) and which streams
/// are due a heartbeat. Pure logic: ConnectionWorker's sweep acts on it.
class ConnectionDeadlines final
{
public:
    ConnectionDeadlines() = delete;

    /// How long a closing connection may drain what the peer still sends.
    static constexpr qint64 CloseLingerMs = 2000;

    /// How often to sweep: fine enough for the shortest interval in use,
    /// coarse enough to cost nothing.
    [[nodiscard]] static int sweepIntervalMs(const ConnectionSettings &settings);

    struct Due
    {
        QList<Connection *> expired; ///< to close, or (a request not complete in time) to answer 408
        QList<Connection *> heartbeat; ///< streams with nothing written for a heartbeat's interval
    };
    /// What of @p connections is due at @p nowMs.
    [[nodiscard]] static Due due(const QHash<quint64, Connection *> &connections, const ConnectionSettings &settings,
                                 qint64 nowMs);
};

} // namespace Notify::Server
