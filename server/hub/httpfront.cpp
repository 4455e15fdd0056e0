// SPDX-License-Identifier: MIT
#include "httpfront.h"

#include "dialect.h"
#include "faultinjector.h"
#include "http/accesslog.h"
#include "http/corspolicy.h"
#include "http/route.h"
#include "io/workerpool.h"
#include "passwordsignin.h"
#include "restapi.h"
#include "streamendpoint.h"
#include "userdirectory.h"

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QTimer>

Q_LOGGING_CATEGORY(lcAccess, "notify.server.access", QtInfoMsg)

namespace Notify::Server {

HttpFront::HttpFront(Parts parts, bool metricsPublic, QObject *parent)
    : QObject(parent)
    , m_parts(std::move(parts))
    , m_metricsPublic(metricsPublic)
{ }

void HttpFront::handle(ConnectionWorker *worker, quint64 connectionId, const HttpRequest &request, const QString &peer)
{
    ++m_requests;
    if (!m_accepting)
        return;
    if (Route::match(request.path).endpoint != Route::Endpoint::Faults) {
        if (const auto delayMs = m_parts.faults.takeDelay()) {
            QTimer::singleShot(*delayMs, this, [this, worker, connectionId, request, peer] {
                if (m_accepting)
                    dispatch(worker, connectionId, request, peer);
            });
            return;
        }
    }
    dispatch(worker, connectionId, request, peer);
}

void HttpFront::dispatch(ConnectionWorker *worker, quint64 connectionId, const HttpRequest &request,
                         const QString &peer)
{
    using E = Route::Endpoint;
    QElapsedTimer timer;
    timer.start();
    const Route route = Route::match(request.path);
    const auto answer = [&](const HttpResponse &response, const QString &user = {}) {
        reply(worker, connectionId, response, request, route, user, timer);
    };
    if (request.method == "OPTIONS" && m_parts.cors.enabled())
        return answer(CorsPolicy::preflight());
    if (route.endpoint == E::NotFound || !m_parts.dialect.serves(route.endpoint))
        return answer(HttpResponse::error(404, "not_found", QStringLiteral("no such endpoint")));
    if (!route.methods.contains(request.method)) {
        HttpResponse response
            = HttpResponse::error(405, "method_not_allowed",
                                  QStringLiteral("%1 is not allowed here").arg(QString::fromLatin1(request.method)));
        response.setHeader("Allow", route.methods.join(", "));
        return answer(response);
    }
    if (route.endpoint == E::Healthz) {
        // A load balancer's question: can this instance take events now?
        const QString problem = m_parts.health ? m_parts.health() : QString();
        if (problem.isEmpty())
            return answer(HttpResponse::json(200, QJsonObject{ { QStringLiteral("status"), QStringLiteral("ok") } }));
        HttpResponse response
            = HttpResponse::json(503,
                                 QJsonObject{ { QStringLiteral("status"), QStringLiteral("unavailable") },
                                              { QStringLiteral("store"), QStringLiteral("unavailable") },
                                              { QStringLiteral("message"), problem } });
        response.setHeader("Retry-After", "2");
        return answer(response);
    }
    if (route.endpoint == E::AuthToken || route.endpoint == E::DjangoAuthToken) {
        // Before any token: this is where a client gets one.
        return m_parts.signIn.handle(
            request, peer, route.endpoint == E::DjangoAuthToken,
            [this, worker, connectionId, request, route, timer](const HttpResponse &response, const QString &user) {
                reply(worker, connectionId, response, request, route, user, timer);
            });
    }
    if (route.endpoint == E::Metrics && m_metricsPublic)
        return answer(metricsResponse());

    const User *user = m_parts.users.authenticate(m_parts.dialect.token(request));
    if (!user)
        return answer(m_parts.dialect.unauthorized());
    switch (route.endpoint) {
    case E::Stream:
        if (auto refused = m_parts.streams.open(worker, connectionId, request, *user))
            return answer(*refused, user->name);
        qCInfo(lcAccess).noquote() << AccessLog::request(request.method, route, request.target.size()) << "stream"
                                   << user->name << timer.nsecsElapsed() / 1000 << "us";
        return;
    case E::Metrics:
        if (!user->admin)
            return answer(HttpResponse::error(403, "forbidden", QStringLiteral("metrics are for admins")), user->name);
        return answer(metricsResponse(), user->name);
    case E::Faults:
        return answer(m_parts.faults.handle(request, *user), user->name);
    default:
        if (auto failure = m_parts.faults.takeRequestFailure(request.path))
            return answer(*failure, user->name);
        return m_parts.api.handle(
            route, request, *user,
            [this, worker, connectionId, request, route, name = user->name, timer](const HttpResponse &response) {
                reply(worker, connectionId, response, request, route, name, timer);
            });
    }
}

HttpResponse HttpFront::metricsResponse() const
{
    HttpResponse response;
    response.body = m_parts.metrics();
    response.setHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
    return response;
}

void HttpFront::reply(ConnectionWorker *worker, quint64 connectionId, HttpResponse response, const HttpRequest &request,
                      const Route &route, const QString &user, const QElapsedTimer &timer)
{
    m_parts.cors.apply(response, request);
    if (!request.keepAlive())
        response.closeAfter = true;
    if (request.method == "HEAD")
        response.body.clear();
    qCInfo(lcAccess).noquote() << AccessLog::line(request.method, route, request.target.size(), response.status, user,
                                                  response.raw.isEmpty() ? response.body.size() : response.raw.size(),
                                                  timer.nsecsElapsed() / 1000);
    m_parts.workers.respond(worker, connectionId, response);
}

} // namespace Notify::Server
