// SPDX-License-Identifier: MIT
#pragma once

#include "http/httpresponse.h"

#include <optional>

namespace Notify::Server {

struct HttpRequest;
struct User;
class WorkerPool;

/// Faults on demand for client developers (POST /api/v1/dev/faults/, admin
/// only; docs/PROTOCOL.md): the next streams fail with a status, stall or
/// send garbage, the next requests wait or fail, or every open stream is
/// dropped or stalled now.
class FaultInjector final
{
public:
    explicit FaultInjector(WorkerPool &workers);

    /// Answers POST /api/v1/dev/faults/.
    [[nodiscard]] HttpResponse handle(const HttpRequest &request, const User &user);

    /// The next @p count stream requests answer @p status (Retry-After for 429 and 503).
    void failStreams(int count, int status, int retryAfterSeconds = 1);
    /// The next @p count REST requests whose path starts with @p pathPrefix
    /// (empty: any) answer @p status (Retry-After for 429 and 503).
    void failRequests(int count, int status, const QByteArray &pathPrefix = {}, int retryAfterSeconds = 1);
    /// Requests still to be delayed.
    [[nodiscard]] int delaysPending() const { return m_plan.delayRequests; }

    /// How long the next request waits first, if it is to wait.
    [[nodiscard]] std::optional<int> takeDelay();
    /// The answer a stream request gets instead of a stream, if it is to fail.
    [[nodiscard]] std::optional<HttpResponse> takeStreamFailure();
    /// The answer a REST request to @p path gets instead, if it is to fail.
    [[nodiscard]] std::optional<HttpResponse> takeRequestFailure(const QByteArray &path);
    /// Whether the next stream sends its head and then nothing.
    [[nodiscard]] bool takeStall();

private:
    struct Plan
    {
        int failStreams = 0; ///< next N stream requests answer failStatus
        int failStatus = 503;
        int retryAfterSeconds = 1;
        int delayRequests = 0; ///< next N requests wait delayMs first
        int delayMs = 0;
        int stallStreams = 0; ///< next N streams send their head, then nothing
        int garbageStreams = 0; ///< next N streams send garbage bytes, then close
        int failRequests = 0; ///< next N REST requests under failPath answer failRequestStatus
        int failRequestStatus = 503;
        int failRequestRetryAfterSeconds = 1;
        QByteArray failPath;
    };

    WorkerPool &m_workers;
    Plan m_plan;
};

} // namespace Notify::Server
