// SPDX-License-Identifier: MIT
#pragma once

#include "eventpublisher.h"
#include "http/httprequest.h"
#include "http/httpresponse.h"
#include "http/route.h"

#include <QDateTime>

#include <functional>

namespace Notify::Server {

class Dialect;
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

    using Answer = std::function<void(const HttpResponse &)>;
    /// Answers an authenticated request for a REST route through @p answer:
    /// at once, or (a publish) once the group commit it joined has stored it.
    void handle(const Route &route, const HttpRequest &request, const User &user, const Answer &answer);

    /// The claims audit (`notify_claims_total` in the metrics).
    struct ClaimAudit
    {
        qint64 claims = 0; ///< claims taken
        qint64 releases = 0; ///< claims released
        qint64 conflicts = 0; ///< claims refused: someone else holds it (409)
        qint64 refusedReleases = 0; ///< releases refused: not the claimer's (403)
    };
    [[nodiscard]] const ClaimAudit &claimAudit() const { return m_audit; }
    /// The clock claims are stamped with (tests inject one).
    void setClock(std::function<QDateTime()> clock) { m_clock = std::move(clock); }

    /// The most events one `POST /api/v1/events/` may carry in its batch form.
    static constexpr qsizetype MaxBatchEvents = 1'000;

private:
    [[nodiscard]] HttpResponse handleNow(const Route &route, const HttpRequest &request, const User &user);
    HttpResponse events(const HttpRequest &request, const User &user);
    HttpResponse notifications(const HttpRequest &request, const User &user);
    HttpResponse markRead(const QString &notificationId, const User &user);
    HttpResponse markUnread(const QString &notificationId, const User &user);
    HttpResponse markAllRead(const User &user);
    HttpResponse orders(const User &user);
    HttpResponse presence(const HttpRequest &request, const User &user);
    HttpResponse sendMessage(const HttpRequest &request, const User &user);
    HttpResponse claim(const QString &notificationId, const User &user);
    HttpResponse release(const QString &notificationId, const User &user);
    [[nodiscard]] HttpResponse groups(const User &user) const;
    void publishEvents(const HttpRequest &request, const User &user, const Answer &answer);
    /// One event of the single form (@p index -1) or the item @p index of a
    /// batch, checked and completed; on error, the response naming the field
    /// (`data.title`, `events[7].data.title`).
    std::optional<EventPublisher::Publication> publication(const QJsonObject &body, qsizetype index,
                                                           HttpResponse &error) const;

    [[nodiscard]] HttpResponse storeFailed(const QString &why) const;

    EventPublisher &m_publisher;
    EventStore &m_store;
    const UserDirectory &m_users;
    PresenceTracker &m_presence;
    const Dialect &m_dialect;
    ClaimAudit m_audit;
    std::function<QDateTime()> m_clock;
};

} // namespace Notify::Server
