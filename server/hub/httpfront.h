// SPDX-License-Identifier: MIT
#pragma once

#include "http/httprequest.h"
#include "http/httpresponse.h"

#include "http/route.h"

#include <QObject>

#include <functional>

class QElapsedTimer;

namespace Notify::Server {

class ConnectionWorker;
class CorsPolicy;
class Dialect;
class FaultInjector;
class PasswordSignIn;
class RestApi;
class StreamEndpoint;
class UserDirectory;
class WorkerPool;
struct Route;
struct User;

/// The front door of every request, on the hub thread: CORS preflights,
/// 404/405, /healthz, /metrics, password sign-in, authentication (401), then the stream, the
/// fault endpoint or the REST API. Every answer leaves through one place
/// that adds CORS headers, honours keep-alive and HEAD, and writes the
/// access log (targets redacted, tokens never logged).
class HttpFront final : public QObject
{
    Q_OBJECT

public:
    struct Parts
    {
        const UserDirectory &users;
        const CorsPolicy &cors;
        RestApi &api;
        StreamEndpoint &streams;
        FaultInjector &faults;
        WorkerPool &workers;
        const Dialect &dialect;
        PasswordSignIn &signIn;
        std::function<QByteArray()> metrics; ///< the Prometheus text
        std::function<QString()> health; ///< empty when healthy, else what is wrong (503)
    };

    HttpFront(Parts parts, bool metricsPublic, QObject *parent = nullptr);
    Q_DISABLE_COPY_MOVE(HttpFront)

    /// Answers a request that a worker read on @p connectionId.
    /// @p peer is the client's address (the sign-in's rate limit).
    void handle(ConnectionWorker *worker, quint64 connectionId, const HttpRequest &request, const QString &peer);
    /// Requests that arrive (or were delayed) after this are dropped: the server stops.
    void stopAccepting() { m_accepting = false; }
    [[nodiscard]] qint64 requestCount() const { return m_requests; }

private:
    void dispatch(ConnectionWorker *worker, quint64 connectionId, const HttpRequest &request, const QString &peer);
    [[nodiscard]] HttpResponse metricsResponse() const;
    void reply(ConnectionWorker *worker, quint64 connectionId, HttpResponse response, const HttpRequest &request,
               const Route &route, const QString &user, const QElapsedTimer &timer);

    Parts m_parts;
    bool m_metricsPublic;
    bool m_accepting = true;
    qint64 m_requests = 0;
};

} // namespace Notify::Server
