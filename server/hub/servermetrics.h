// SPDX-License-Identifier: MIT
#pragma once

#include "io/workerpool.h"

namespace Notify::Server {

/// What GET /metrics reports, in the Prometheus text format.
struct ServerMetrics
{
    WorkerPool::Totals io;
    qint64 streamsRejected = 0;
    qint64 streamsEvicted = 0;
    qint64 eventsPublished = 0;
    qint64 publishCommits = 0;
    qint64 requests = 0;
    quint64 storeHead = 0;
    bool storeAvailable = true;
    qint64 storeReconnects = 0;
    qint64 claims = 0;
    qint64 releases = 0;
    qint64 claimConflicts = 0;
    qint64 releasesRefused = 0;
    qint64 escalations = 0;
    qint64 signIns = 0;
    qint64 signInsRefused = 0;
    qint64 signInsLimited = 0;

    [[nodiscard]] QByteArray text() const;
};

} // namespace Notify::Server
