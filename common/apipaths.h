// SPDX-License-Identifier: MIT
#pragma once

// The paths of the notify API (docs/PROTOCOL.md, "The stream" and
// "REST"), in one place for the server's router and every client.

#include <QString>
#include <QUrl>

namespace Notify::ApiPath {

#define NOTIFY_API_PREFIX "/api/v1/"

inline constexpr char Stream[] = NOTIFY_API_PREFIX "notifications/sse/stream/";
/// The Django backend's path without the version prefix; served too.
inline constexpr char StreamAlias[] = "/notifications/sse/stream/";
inline constexpr char Events[] = NOTIFY_API_PREFIX "events/";
inline constexpr char Notifications[] = NOTIFY_API_PREFIX "notifications/";
inline constexpr char NotificationsReadAll[] = NOTIFY_API_PREFIX "notifications/read-all/";
inline constexpr char Orders[] = NOTIFY_API_PREFIX "orders/";
inline constexpr char Presence[] = NOTIFY_API_PREFIX "presence/";
inline constexpr char Messages[] = NOTIFY_API_PREFIX "messages/";
inline constexpr char Groups[] = NOTIFY_API_PREFIX "groups/";
/// Signing in with a password (`{"user","password"}` → `{"token"}`).
inline constexpr char AuthToken[] = NOTIFY_API_PREFIX "auth/token/";
/// Django REST framework's `obtain_auth_token`, where its documentation mounts it.
inline constexpr char DjangoAuthToken[] = "/api-token-auth/";
inline constexpr char Faults[] = NOTIFY_API_PREFIX "dev/faults/";
inline constexpr char Healthz[] = "/healthz";
inline constexpr char Metrics[] = "/metrics";

#undef NOTIFY_API_PREFIX

/// `/api/v1/notifications/<id>/<action>/`, the id percent-encoded.
inline QString notificationAction(const QString &notificationId, QLatin1StringView action)
{
    return QLatin1StringView(Notifications) + QString::fromLatin1(QUrl::toPercentEncoding(notificationId)) + u'/'
        + action + u'/';
}

/// `/api/v1/notifications/<id>/read/`.
inline QString notificationRead(const QString &notificationId)
{
    return notificationAction(notificationId, QLatin1StringView("read"));
}

/// `/api/v1/notifications/<id>/unread/`.
inline QString notificationUnread(const QString &notificationId)
{
    return notificationAction(notificationId, QLatin1StringView("unread"));
}

/// `/api/v1/notifications/<id>/claim/` (POST claims, DELETE releases).
inline QString notificationClaim(const QString &notificationId)
{
    return notificationAction(notificationId, QLatin1StringView("claim"));
}

} // namespace Notify::ApiPath
