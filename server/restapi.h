// SPDX-License-Identifier: MIT
#pragma once

#include "httprequest.h"
#include "httpresponse.h"

#include <QByteArrayList>
#include <QString>

namespace Notify::Server {

class NotifyServer;
struct User;

/// The REST endpoints of the contract: routing and handlers.
///
/// Pure request-in, response-out on the hub thread; the stream endpoint is
/// only recognised here and opened by NotifyServer, which owns the streams.
class RestApi final
{
public:
    enum class Route {
        NotFound,
        Healthz,
        Stream,
        Events,
        Notifications,
        NotificationRead,
        NotificationsReadAll,
        Orders,
        Presence,
        Messages,
        Metrics,
        Faults,
    };

    struct Match
    {
        Route route = Route::NotFound;
        QString parameter; ///< the notification id of NotificationRead
        QByteArrayList methods;
    };

    explicit RestApi(NotifyServer &server);

    /// Which endpoint a path names (a missing trailing slash is forgiven).
    [[nodiscard]] static Match match(const QByteArray &path);

    /// Answers an authenticated request for a REST route.
    [[nodiscard]] HttpResponse handle(const Match &match, const HttpRequest &request, const User &user);

private:
    HttpResponse events(const HttpRequest &request, const User &user);
    HttpResponse notifications(const HttpRequest &request, const User &user);
    HttpResponse markRead(const QString &notificationId, const User &user);
    HttpResponse markAllRead(const User &user);
    HttpResponse orders(const User &user);
    HttpResponse presence(const HttpRequest &request, const User &user);
    HttpResponse sendMessage(const HttpRequest &request, const User &user);
    HttpResponse publishEvent(const HttpRequest &request, const User &user);
    HttpResponse injectFault(const HttpRequest &request, const User &user);

    NotifyServer &m_server;
};

} // namespace Notify::Server
