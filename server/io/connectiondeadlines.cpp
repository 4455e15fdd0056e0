// SPDX-License-Identifier: MIT
#include "connectiondeadlines.h"

#include "connection.h"

#include <algorithm>

namespace Notify::Server {

int ConnectionDeadlines::sweepIntervalMs(const ConnectionSettings &settings)
{
    const qint64 shortest = std::min({ settings.heartbeatMs, settings.timeoutMs, settings.requestDeadlineMs,
                                       settings.idleKeepAliveMs, CloseLingerMs });
    return int(std::clamp<qint64>(shortest / 4, 5, 1000));
}

ConnectionDeadlines::Due ConnectionDeadlines::due(const QHash<quint64, Connection *> &connections,
                                                  const ConnectionSettings &settings, qint64 nowMs)
{
    using State = Connection::State;
    Due due;
    for (Connection *c : connections) {
        switch (c->state) {
        case State::Streaming:
            if (nowMs >= c->streamEndMs)
                due.expired << c;
            else if (nowMs - c->lastWriteMs >= settings.heartbeatMs && !c->stalled)
                due.heartbeat << c;
            break;
        case State::Reading:
            // A request that is not complete in time, or an idle keep-alive connection.
            if ((c->requestStartMs != 0 && nowMs - c->requestStartMs >= settings.requestDeadlineMs)
                || (c->requestStartMs == 0 && nowMs - c->lastActivityMs >= settings.idleKeepAliveMs))
                due.expired << c;
            break;
        case State::Closing:
            if (nowMs >= c->closeDeadlineMs)
                due.expired << c;
            break;
        case State::AwaitingHub:
            break;
        }
    }
    return due;
}

} // namespace Notify::Server
