// SPDX-License-Identifier: MIT
#include "route.h"

#include "common/apipaths.h"

#include <QUrl>

namespace Notify::Server {

Route Route::match(const QByteArray &rawPath)
{
    using E = Endpoint;
    QByteArray path = rawPath;
    if (!path.endsWith('/'))
        path += '/';
    const auto is = [&path](const char *p) {
        const QByteArrayView candidate(p);
        // The constants of the plain endpoints have no trailing slash.
        return path == candidate || (!candidate.endsWith('/') && path.chopped(1) == candidate);
    };
    if (is(ApiPath::Healthz))
        return { E::Healthz, {}, { "GET", "HEAD" } };
    if (is(ApiPath::Stream) || is(ApiPath::StreamAlias))
        return { E::Stream, {}, { "GET" } };
    if (is(ApiPath::Events))
        return { E::Events, {}, { "GET", "POST" } };
    if (is(ApiPath::Notifications))
        return { E::Notifications, {}, { "GET" } };
    if (is(ApiPath::NotificationsReadAll))
        return { E::NotificationsReadAll, {}, { "POST" } };
    const QByteArrayView notifications(ApiPath::Notifications);
    for (const auto &[suffix, endpoint] : { std::pair{ QByteArrayView("/read/"), E::NotificationRead },
                                            std::pair{ QByteArrayView("/unread/"), E::NotificationUnread },
                                            std::pair{ QByteArrayView("/claim/"), E::NotificationClaim } }) {
        if (path.startsWith(notifications) && path.endsWith(suffix)) {
            const QByteArray id = path.mid(notifications.size(), path.size() - notifications.size() - suffix.size());
            if (!id.isEmpty() && !id.contains('/')) {
                QByteArrayList methods{ "POST" };
                if (endpoint == E::NotificationClaim)
                    methods << "DELETE";
                return { endpoint, QUrl::fromPercentEncoding(id), methods };
            }
        }
    }
    if (is(ApiPath::Orders))
        return { E::Orders, {}, { "GET" } };
    if (is(ApiPath::Presence))
        return { E::Presence, {}, { "GET", "PUT" } };
    if (is(ApiPath::Messages))
        return { E::Messages, {}, { "POST" } };
    if (is(ApiPath::Groups))
        return { E::Groups, {}, { "GET" } };
    if (is(ApiPath::AuthToken))
        return { E::AuthToken, {}, { "POST" } };
    if (is(ApiPath::DjangoAuthToken))
        return { E::DjangoAuthToken, {}, { "POST" } };
    if (is(ApiPath::Metrics))
        return { E::Metrics, {}, { "GET" } };
    if (is(ApiPath::Faults))
        return { E::Faults, {}, { "POST" } };
    return {};
}

QByteArray Route::pattern(Endpoint endpoint)
{
    using E = Endpoint;
    switch (endpoint) {
    case E::NotFound:
        return {};
    case E::Healthz:
        return ApiPath::Healthz;
    case E::Stream:
        return ApiPath::Stream;
    case E::Events:
        return ApiPath::Events;
    case E::Notifications:
        return ApiPath::Notifications;
    case E::NotificationRead:
        return QByteArray(ApiPath::Notifications) + "<id>/read/";
    case E::NotificationUnread:
        return QByteArray(ApiPath::Notifications) + "<id>/unread/";
    case E::NotificationsReadAll:
        return ApiPath::NotificationsReadAll;
    case E::Orders:
        return ApiPath::Orders;
    case E::Presence:
        return ApiPath::Presence;
    case E::Messages:
        return ApiPath::Messages;
    case E::NotificationClaim:
        return QByteArray(ApiPath::Notifications) + "<id>/claim/";
    case E::Groups:
        return ApiPath::Groups;
    case E::AuthToken:
        return ApiPath::AuthToken;
    case E::DjangoAuthToken:
        return ApiPath::DjangoAuthToken;
    case E::Metrics:
        return ApiPath::Metrics;
    case E::Faults:
        return ApiPath::Faults;
    }
    return {};
}

} // namespace Notify::Server
