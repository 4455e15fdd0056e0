// SPDX-License-Identifier: MIT
#pragma once

#include "httprequest.h"
#include "httpresponse.h"
#include "route.h"

namespace Notify::Server {

class Dialect;
class EventPublisher;
class EventStore;
class PresenceTracker;
class UserDirectory;
struct User;

/// The REST endpoints of the contract, request in, response out, on the
/// hub thread. It reads the store, publishes through the publisher (which
/// stores and fans out), and knows users and presence; the stream, metrics
/// and faults are the HTTP front's.
class RestApi final
{
public:
    RestApi(EventPublisher &publisher, EventStore &store, const UserDirectory &users, PresenceTracker &presence,
            const Dialect &dialect);

    /// Answers an authenticated request for a REST route.
    [[nodiscard]] HttpResponse handle(const Route &route, const HttpRequest &request, const User &user);

private:
    HttpResponse events(const HttpRequest &request, const User &user);
    HttpResponse notifications(const HttpRequest &request, const User &user);
    HttpResponse markRead(const QString &notificationId, const User &user);
    HttpResponse markUnread(const QString &notificationId, const User &user);
    HttpResponse markAllRead(const User &user);
    HttpResponse orders(const User &user);
    HttpResponse presence(const HttpRequest &request, const User &user);
    HttpResponse sendMessage(const HttpRequest &request, const User &user);
    HttpResponse publishEvent(const HttpRequest &request, const User &user);

    [[nodiscard]] HttpResponse storeFailed(const QString &why) const;

    EventPublisher &m_publisher;
    EventStore &m_store;
    const UserDirectory &m_users;
    PresenceTracker &m_presence;
    const Dialect &m_dialect;
};

} // namespace Notify::Server
