// SPDX-License-Identifier: MIT
#include "faultinjector.h"

#include "http/httprequest.h"
#include "http/jsonrequest.h"
#include "io/workerpool.h"
#include "userdirectory.h"

#include <QRandomGenerator>

namespace Notify::Server {

FaultInjector::FaultInjector(WorkerPool &workers)
    : m_workers(workers)
{ }

HttpResponse FaultInjector::handle(const HttpRequest &request, const User &user)
{
    if (!user.admin)
        return HttpResponse::error(403, "forbidden", QStringLiteral("fault injection is for admins"));
    HttpResponse error;
    const auto body = JsonRequest::object(request, error);
    if (!body)
        return error;
    const QString action = body->value(u"action").toString();
    const auto count = [&body](int fallback) { return body->value(u"count").toInt(fallback); };
    if (body->contains(u"count") && (!body->value(u"count").isDouble() || body->value(u"count").toInt() < 1))
        return JsonRequest::fieldError(QStringLiteral("count"), QStringLiteral("must be a positive integer"));
    if (action == u"drop_streams") {
        m_workers.closeAllStreams();
    } else if (action == u"fail_streams") {
        const int status = body->value(u"status").toInt(503);
        static const QList<int> allowed{ 204, 401, 403, 404, 408, 410, 429, 500, 502, 503 };
        if (!allowed.contains(status))
            return JsonRequest::fieldError(
                QStringLiteral("status"),
                QStringLiteral("must be one of 204, 401, 403, 404, 408, 410, 429, 500, 502, 503"));
        failStreams(count(1), status, std::max(0, body->value(u"retry_after").toInt(1)));
    } else if (action == u"fail_requests") {
        const int status = body->value(u"status").toInt(503);
        static const QList<int> allowed{ 400, 404, 408, 429, 500, 502, 503 };
        if (!allowed.contains(status))
            return JsonRequest::fieldError(QStringLiteral("status"),
                                           QStringLiteral("must be one of 400, 404, 408, 429, 500, 502, 503"));
        if (body->contains(u"path") && !body->value(u"path").isString())
            return JsonRequest::fieldError(QStringLiteral("path"), QStringLiteral("must be a path prefix"));
        failRequests(count(1), status, body->value(u"path").toString().toUtf8(),
                     std::max(0, body->value(u"retry_after").toInt(1)));
    } else if (action == u"delay") {
        const int ms = body->value(u"ms").toInt(-1);
        if (ms < 0 || ms > 600'000)
            return JsonRequest::fieldError(QStringLiteral("ms"),
                                           QStringLiteral("must be a number of milliseconds up to 600000"));
        m_plan.delayRequests = count(1);
        m_plan.delayMs = ms;
    } else if (action == u"stall_streams") {
        if (body->contains(u"count"))
            m_plan.stallStreams = count(1);
        else
            m_workers.stallAllStreams();
    } else if (action == u"garbage") {
        m_plan.garbageStreams = count(1);
    } else if (action == u"clear") {
        m_plan = Plan();
    } else {
        return JsonRequest::fieldError(
            QStringLiteral("action"),
            QStringLiteral(
                "must be drop_streams, fail_streams, fail_requests, delay, stall_streams, garbage or clear"));
    }
    return HttpResponse::json(200,
                              QJsonObject{ { QStringLiteral("fail_streams"), m_plan.failStreams },
                                           { QStringLiteral("fail_requests"), m_plan.failRequests },
                                           { QStringLiteral("delay_requests"), m_plan.delayRequests },
                                           { QStringLiteral("stall_streams"), m_plan.stallStreams },
                                           { QStringLiteral("garbage_streams"), m_plan.garbageStreams } });
}

void FaultInjector::failStreams(int count, int status, int retryAfterSeconds)
{
    m_plan.failStreams = count;
    m_plan.failStatus = status;
    m_plan.retryAfterSeconds = retryAfterSeconds;
}

void FaultInjector::failRequests(int count, int status, const QByteArray &pathPrefix, int retryAfterSeconds)
{
    m_plan.failRequests = count;
    m_plan.failRequestStatus = status;
    m_plan.failPath = pathPrefix;
    m_plan.failRequestRetryAfterSeconds = retryAfterSeconds;
}

namespace {

HttpResponse injectedFailure(int status, int retryAfterSeconds)
{
    HttpResponse response = status == 204
        ? HttpResponse::noContent()
        : HttpResponse::error(status, "injected_fault", QStringLiteral("a fault injected for testing"));
    if (status == 401)
        response.setHeader("WWW-Authenticate", "Bearer");
    if (status == 429 || status == 503)
        response.setHeader("Retry-After", QByteArray::number(retryAfterSeconds));
    return response;
}

} // namespace

std::optional<HttpResponse> FaultInjector::takeRequestFailure(const QByteArray &path)
{
    if (m_plan.failRequests <= 0 || !path.startsWith(m_plan.failPath))
        return std::nullopt;
    --m_plan.failRequests;
    return injectedFailure(m_plan.failRequestStatus, m_plan.failRequestRetryAfterSeconds);
}

std::optional<int> FaultInjector::takeDelay()
{
    if (m_plan.delayRequests <= 0)
        return std::nullopt;
    --m_plan.delayRequests;
    return m_plan.delayMs;
}

std::optional<HttpResponse> FaultInjector::takeStreamFailure()
{
    if (m_plan.failStreams > 0) {
        --m_plan.failStreams;
        return injectedFailure(m_plan.failStatus, m_plan.retryAfterSeconds);
    }
    if (m_plan.garbageStreams > 0) {
        --m_plan.garbageStreams;
        HttpResponse response;
        response.raw = QByteArray("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream; charset=utf-8\r\n"
                                  "Cache-Control: no-cache\r\nConnection: close\r\n\r\n")
            + QByteArray("\xFF\xFE\x00garbage\r\r\n:::\ndata\x00: \xC3\x28\nid: bad\x00id\nretry: x1\n\n", 49);
        QByteArray noise(512, Qt::Uninitialized);
        for (char &c : noise)
            c = char(QRandomGenerator::global()->bounded(256));
        response.raw += noise;
        response.closeAfter = true;
        return response;
    }
    return std::nullopt;
}

bool FaultInjector::takeStall()
{
    if (m_plan.stallStreams <= 0)
        return false;
    --m_plan.stallStreams;
    return true;
}

} // namespace Notify::Server
