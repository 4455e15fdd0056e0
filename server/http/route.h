// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArrayList>
#include <QString>

namespace Notify::Server {

/// Which endpoint of the contract a request path names, and the methods it takes.
struct Route
{
    enum class Endpoint {
        NotFound,
        Healthz,
        Stream,
        Events,
        Notifications,
        NotificationRead,
        NotificationUnread,
        NotificationsReadAll,
        Orders,
        Presence,
        Messages,
        NotificationClaim,
        Groups,
        AuthToken, ///< the contract's password sign-in
        DjangoAuthToken, ///< Django REST framework's obtain_auth_token
        Metrics,
        Faults,
    };

    Endpoint endpoint = Endpoint::NotFound;
    QString parameter; ///< the notification id of NotificationRead, NotificationUnread and NotificationClaim
    QByteArrayList methods;

    /// A missing trailing slash is forgiven.
    [[nodiscard]] static Route match(const QByteArray &path);
    /// The endpoint's path with placeholders (`/api/v1/notifications/<id>/read/`); empty for NotFound.
    [[nodiscard]] static QByteArray pattern(Endpoint endpoint);
};

} // namespace Notify::Server
