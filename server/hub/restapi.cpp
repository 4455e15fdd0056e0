// SPDX-License-Identifier: MIT
#include "restapi.h"

#include "common/protocol.h"
#include "dialect.h"
#include "eventpublisher.h"
#include "http/jsonrequest.h"
#include "presencetracker.h"
#include "store/eventstore.h"
#include "userdirectory.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QUrl>
#include <QUuid>

Q_DECLARE_LOGGING_CATEGORY(lcServer)

namespace Notify::Server {

namespace {

using JsonRequest::fieldError;

QString nowTimestamp()
{
    return Protocol::formatUtcTimestamp(QDateTime::currentDateTimeUtc());
}

// Validates typed data the way the contract wants it and fills in missing
// timestamps. Returns the failing field (without the "data." prefix).
std::optional<Protocol::FieldError> validateData(const QByteArray &type, QJsonObject &data)
{
    const auto fill = [&data](const char *field) {
        if (!data.contains(QLatin1StringView(field)))
            data.insert(QLatin1StringView(field), nowTimestamp());
    };
    Protocol::FieldError error;
    bool ok = true;
    if (type == Protocol::Notification::TypeName) {
        fill("created_at");
        ok = Protocol::Notification::fromJson(data, &error).has_value();
    } else if (type == Protocol::NotificationRead::TypeName || type == Protocol::NotificationUnread::TypeName) {
        ok = Protocol::NotificationRead::fromJson(data, &error).has_value();
    } else if (type == Protocol::OrderStatus::TypeName) {
        fill("updated_at");
        ok = Protocol::OrderStatus::fromJson(data, &error).has_value();
    } else if (type == Protocol::Presence::TypeName) {
        fill("since");
        ok = Protocol::Presence::fromJson(data, &error).has_value();
    } else if (type == Protocol::Message::TypeName) {
        fill("sent_at");
        ok = Protocol::Message::fromJson(data, &error).has_value();
    } else if (type == Protocol::NotificationClaimed::TypeName) {
        ok = Protocol::NotificationClaimed::fromJson(data, &error).has_value();
    } else if (type == Protocol::NotificationEscalated::TypeName) {
        ok = Protocol::NotificationEscalated::fromJson(data, &error).has_value();
    }
    if (ok)
        return std::nullopt;
    return error;
}

} // namespace

RestApi::RestApi(EventPublisher &publisher, EventStore &store, const UserDirectory &users, PresenceTracker &presence,
                 const Dialect &dialect)
    : m_publisher(publisher)
    , m_store(store)
    , m_users(users)
    , m_presence(presence)
    , m_dialect(dialect)
{ }

void RestApi::handle(const Route &route, const HttpRequest &request, const User &user, const Answer &answer)
{
    if (route.endpoint == Route::Endpoint::Events && request.method == "POST" && m_store.available())
        publishEvents(request, user, answer);
    else
        answer(handleNow(route, request, user));
}

HttpResponse RestApi::handleNow(const Route &route, const HttpRequest &request, const User &user)
{
    using E = Route::Endpoint;
    // Every answer here comes from the store: none rather than a wrong one
    // (an empty list, a 404 for a notification that exists).
    if (!m_store.available())
        return storeFailed(m_store.unavailableReason());
    switch (route.endpoint) {
    case E::Events:
        return events(request, user);
    case E::Notifications:
        return notifications(request, user);
    case E::NotificationRead:
        return markRead(route.parameter, user);
    case E::NotificationUnread:
        return markUnread(route.parameter, user);
    case E::NotificationsReadAll:
        return markAllRead(user);
    case E::Orders:
        return orders(user);
    case E::Presence:
        return presence(request, user);
    case E::Messages:
        return sendMessage(request, user);
    case E::NotificationClaim:
        return request.method == "DELETE" ? release(route.parameter, user) : claim(route.parameter, user);
    case E::Groups:
        return groups(user);
    case E::NotFound:
    case E::Healthz:
    case E::Stream:
    case E::AuthToken:
    case E::DjangoAuthToken:
    case E::Metrics:
    case E::Faults:
        break;
    }
    return HttpResponse::error(404, "not_found", QStringLiteral("no such endpoint"));
}

HttpResponse RestApi::events(const HttpRequest &request, const User &user)
{
    HttpResponse error;
    const auto limit = JsonRequest::limit(request, 100, 1000, error);
    if (!limit)
        return error;
    quint64 after = m_store.oldestSeq() - 1;
    const QString since = request.query.queryItemValue(QStringLiteral("since"), QUrl::FullyDecoded);
    if (!since.isEmpty()) {
        const ResumePoint resume = m_store.resumePoint(since.toUtf8());
        if (!resume.seq) {
            // As the stream's `reset`, with its reason, so a polling client can say why.
            return HttpResponse::json(
                200,
                QJsonObject{ { QStringLiteral("events"), QJsonArray() },
                             { QStringLiteral("last_event_id"), QString::fromLatin1(m_store.headId()) },
                             { QStringLiteral("reset"), true },
                             { QStringLiteral("reason"), Protocol::toString(resume.reason) } });
        }
        after = *resume.seq;
    }
    const quint64 head = m_store.headSeq();
    const QList<StoredEvent> events = m_store.eventsAfter(after, user.name, *limit);
    QJsonArray list;
    for (const StoredEvent &event : events) {
        list.append(QJsonObject{ { QStringLiteral("id"), QString::fromLatin1(m_store.eventId(event.seq)) },
                                 { QStringLiteral("event"), QString::fromUtf8(event.type) },
                                 { QStringLiteral("data"), QJsonDocument::fromJson(event.data).object() } });
    }
    // A short page means everything up to the head was looked at.
    const quint64 last = events.size() == *limit ? events.last().seq : std::max(head, after);
    return HttpResponse::json(
        200,
        QJsonObject{ { QStringLiteral("events"), list },
                     { QStringLiteral("last_event_id"), QString::fromLatin1(m_store.eventId(last)) },
                     { QStringLiteral("reset"), false } });
}

HttpResponse RestApi::notifications(const HttpRequest &request, const User &user)
{
    return m_dialect.notifications(request, user.name, m_store);
}

HttpResponse RestApi::markRead(const QString &notificationId, const User &user)
{
    // Another user's notification is answered like an unknown one: existence is not revealed.
    if (!m_store.markRead(user.name, notificationId))
        return HttpResponse::error(404, "not_found", QStringLiteral("no such notification"));
    m_publisher.publish(Protocol::NotificationRead::TypeName,
                        QJsonObject{ { QStringLiteral("notification_ids"), QJsonArray{ notificationId } } },
                        { user.name });
    return HttpResponse::noContent();
}

HttpResponse RestApi::markUnread(const QString &notificationId, const User &user)
{
    if (!m_store.markUnread(user.name, notificationId))
        return HttpResponse::error(404, "not_found", QStringLiteral("no such notification"));
    m_publisher.publish(Protocol::NotificationUnread::TypeName,
                        QJsonObject{ { QStringLiteral("notification_ids"), QJsonArray{ notificationId } } },
                        { user.name });
    return HttpResponse::noContent();
}

HttpResponse RestApi::markAllRead(const User &user)
{
    const QStringList ids = m_store.markAllRead(user.name);
    m_publisher.publish(Protocol::NotificationRead::TypeName,
                        QJsonObject{ { QStringLiteral("notification_ids"), QJsonArray::fromStringList(ids) } },
                        { user.name });
    return HttpResponse::noContent();
}

HttpResponse RestApi::claim(const QString &notificationId, const User &user)
{
    using S = ClaimOutcome::Status;
    const QDateTime now = m_clock ? m_clock() : QDateTime::currentDateTimeUtc();
    const ClaimOutcome outcome = m_store.claim(
        user.name, notificationId, Claim{ user.name, Protocol::formatUtcTimestamp(now) }, now.toMSecsSinceEpoch());
    const auto claimBody = [&notificationId](const Claim &claim) {
        return QJsonObject{ { QStringLiteral("notification_id"), notificationId },
                            { QStringLiteral("claimed_by"), claim.by },
                            { QStringLiteral("claimed_at"), claim.at } };
    };
    switch (outcome.status) {
    case S::Done:
        ++m_audit.claims;
        qCInfo(lcServer).noquote() << "claim:" << user.name << "claimed" << notificationId;
        return HttpResponse::json(200, claimBody(outcome.claim));
    case S::Unchanged:
        return HttpResponse::json(200, claimBody(outcome.claim));
    case S::Held:
    case S::Forbidden: {
        ++m_audit.conflicts;
        QJsonObject body = claimBody(outcome.claim);
        body.insert(QStringLiteral("error"), QStringLiteral("claimed"));
        body.insert(QStringLiteral("message"),
                    QStringLiteral("%1 already handles this notification").arg(outcome.claim.by));
        return HttpResponse::json(409, body);
    }
    case S::NotFound:
        return HttpResponse::error(404, "not_found", QStringLiteral("no such notification"));
    case S::Failed:
        break;
    }
    return storeFailed(outcome.error);
}

HttpResponse RestApi::release(const QString &notificationId, const User &user)
{
    using S = ClaimOutcome::Status;
    const qint64 nowMs = (m_clock ? m_clock() : QDateTime::currentDateTimeUtc()).toMSecsSinceEpoch();
    const ClaimOutcome outcome = m_store.release(user.name, notificationId, user.admin, nowMs);
    switch (outcome.status) {
    case S::Done:
        ++m_audit.releases;
        qCInfo(lcServer).noquote() << "claim:" << user.name << "released" << notificationId;
        return HttpResponse::noContent();
    case S::Unchanged:
        return HttpResponse::noContent();
    case S::Held:
    case S::Forbidden: {
        ++m_audit.refusedReleases;
        HttpResponse response = HttpResponse::error(
            403, "forbidden",
            QStringLiteral("%1 handles this notification: only they or an admin can release it").arg(outcome.claim.by));
        return response;
    }
    case S::NotFound:
        return HttpResponse::error(404, "not_found", QStringLiteral("no such notification"));
    case S::Failed:
        break;
    }
    return storeFailed(outcome.error);
}

HttpResponse RestApi::groups(const User &user) const
{
    // The caller's groups (an admin's: every group), each with its members.
    QJsonArray list;
    const auto &all = m_users.groups();
    for (auto it = all.cbegin(); it != all.cend(); ++it) {
        if (!user.admin && !user.groups.contains(it.key()))
            continue;
        QJsonArray members;
        for (const QString &name : it.value()) {
            const User *member = m_users.find(name);
            members.append(QJsonObject{ { QStringLiteral("user"), name },
                                        { QStringLiteral("display_name"), member ? member->displayName : name } });
        }
        list.append(QJsonObject{ { QStringLiteral("name"), it.key() }, { QStringLiteral("members"), members } });
    }
    return HttpResponse::json(200, QJsonObject{ { QStringLiteral("groups"), list } });
}

HttpResponse RestApi::orders(const User &user)
{
    QJsonArray list;
    const QList<QJsonObject> orders = m_store.orders(user.name);
    for (const QJsonObject &order : orders) {
        QJsonObject item;
        for (const char *field : { "order_id", "status", "previous_status", "note", "updated_at" })
            item.insert(QLatin1StringView(field), order.value(QLatin1StringView(field)));
        list.append(item);
    }
    return HttpResponse::json(200, QJsonObject{ { QStringLiteral("orders"), list } });
}

HttpResponse RestApi::presence(const HttpRequest &request, const User &user)
{
    if (request.method == "GET") {
        return HttpResponse::json(200, QJsonObject{ { QStringLiteral("users"), m_presence.snapshots() } });
    }
    HttpResponse error;
    const auto body = JsonRequest::object(request, error);
    if (!body)
        return error;
    const QJsonValue status = body->value(u"status");
    if (!status.isString())
        return fieldError(QStringLiteral("status"), QStringLiteral("must be a string: online, away or busy"));
    const QString value = status.toString();
    if (value == u"offline")
        return fieldError(QStringLiteral("status"),
                          QStringLiteral("cannot be offline: offline follows the streams (online, away or busy)"));
    if (value != u"online" && value != u"away" && value != u"busy")
        return fieldError(QStringLiteral("status"), QStringLiteral("must be online, away or busy"));
    m_presence.choose(user.name, *Protocol::presenceStatusFromString(value));
    return HttpResponse::noContent();
}

HttpResponse RestApi::sendMessage(const HttpRequest &request, const User &user)
{
    HttpResponse error;
    const auto body = JsonRequest::object(request, error);
    if (!body)
        return error;
    const QJsonValue to = body->value(u"to");
    if (!to.isString() || to.toString().isEmpty())
        return fieldError(QStringLiteral("to"), QStringLiteral("must be a user name"));
    if (!m_users.find(to.toString()))
        return fieldError(QStringLiteral("to"), QStringLiteral("is not a known user"));
    const QJsonValue text = body->value(u"body");
    if (!text.isString())
        return fieldError(QStringLiteral("body"), QStringLiteral("must be a string"));
    if (text.toString().isEmpty())
        return fieldError(QStringLiteral("body"), QStringLiteral("must not be empty"));
    const QString messageId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QJsonObject data{ { QStringLiteral("message_id"), messageId },
                            { QStringLiteral("from"), user.name },
                            { QStringLiteral("to"), to.toString() },
                            { QStringLiteral("body"), text.toString() },
                            { QStringLiteral("sent_at"), nowTimestamp() } };
    QStringList audience{ user.name };
    if (to.toString() != user.name)
        audience << to.toString();
    QString storeError;
    if (!m_publisher.publish(Protocol::Message::TypeName, data, audience, &storeError))
        return storeFailed(storeError);
    return HttpResponse::json(201, QJsonObject{ { QStringLiteral("message_id"), messageId } });
}

HttpResponse RestApi::storeFailed(const QString &why) const
{
    // Nothing was acknowledged. A store that is away (Redis down) is worth
    // trying again shortly; a store that refused the write is an error.
    if (!m_store.available()) {
        HttpResponse response = HttpResponse::error(503, "store_unavailable", why);
        response.setHeader("Retry-After", "2");
        return response;
    }
    return HttpResponse::error(500, "store_failed", why);
}

void RestApi::publishEvents(const HttpRequest &request, const User &user, const Answer &answer)
{
    if (!user.admin)
        return answer(HttpResponse::error(403, "forbidden", QStringLiteral("publishing events is for admins")));
    HttpResponse error;
    const auto body = JsonRequest::object(request, error);
    if (!body)
        return answer(error);
    QList<EventPublisher::Publication> events;
    const bool batch = body->contains(u"events");
    if (!batch) {
        auto single = publication(*body, -1, error);
        if (!single)
            return answer(error);
        events << std::move(*single);
    } else {
        const QJsonValue items = body->value(u"events");
        if (!items.isArray())
            return answer(fieldError(QStringLiteral("events"), QStringLiteral("must be an array of events")));
        const QJsonArray array = items.toArray();
        if (array.isEmpty() || array.size() > MaxBatchEvents) {
            HttpResponse response
                = fieldError(QStringLiteral("events"),
                             QStringLiteral("must hold 1 to %1 events, not %2").arg(MaxBatchEvents).arg(array.size()));
            response.status = 422;
            return answer(response);
        }
        events.reserve(array.size());
        for (qsizetype i = 0; i < array.size(); ++i) {
            const QJsonValue value = array[i];
            std::optional<EventPublisher::Publication> item;
            if (value.isObject())
                item = publication(value.toObject(), i, error);
            else
                error = fieldError(QStringLiteral("events[%1]").arg(i), QStringLiteral("must be a JSON object"));
            if (!item) {
                // One invalid item rejects the batch: nothing of it is stored.
                QJsonObject named = QJsonDocument::fromJson(error.body).object();
                named.insert(QStringLiteral("index"), i);
                error.body = QJsonDocument(named).toJson(QJsonDocument::Compact);
                error.status = 422;
                return answer(error);
            }
            events << std::move(*item);
        }
    }
    // Stored with whatever else arrives in this turn of the hub's loop, and
    // acknowledged only once stored.
    m_publisher.publishLater(
        std::move(events),
        [this, batch, answer](const std::optional<QList<QByteArray>> &ids, const QString &storeError) {
            if (!ids)
                return answer(storeFailed(storeError));
            if (!batch)
                return answer(HttpResponse::json(
                    201, QJsonObject{ { QStringLiteral("id"), QString::fromLatin1(ids->first()) } }));
            QJsonArray list;
            for (const QByteArray &id : *ids)
                list.append(QString::fromLatin1(id));
            answer(HttpResponse::json(201, QJsonObject{ { QStringLiteral("ids"), list } }));
        });
}

std::optional<EventPublisher::Publication> RestApi::publication(const QJsonObject &body, qsizetype index,
                                                                HttpResponse &error) const
{
    const auto refuse = [&](const QString &field, const QString &message) {
        // The prefix is built only for an error: a batch of 1,000 valid items needs none.
        error = fieldError(index < 0 ? field : QStringLiteral("events[%1].%2").arg(index).arg(field), message);
        return std::nullopt;
    };
    const QJsonValue typeValue = body.value(u"event");
    if (!typeValue.isString())
        return refuse(QStringLiteral("event"), QStringLiteral("must be a string"));
    const QByteArray type = typeValue.toString().toUtf8();
    if (!Protocol::isValidEventType(type))
        return refuse(QStringLiteral("event"), QStringLiteral("must match [a-z][a-z0-9_]{0,63}"));
    if (type == Protocol::Reset::TypeName)
        return refuse(QStringLiteral("event"), QStringLiteral("reset is sent by the server only"));
    QStringList audience;
    if (body.contains(u"user") && !body.value(u"user").isNull()) {
        const QJsonValue target = body.value(u"user");
        if (!target.isString())
            return refuse(QStringLiteral("user"), QStringLiteral("must be a user name or @group"));
        const QString name = target.toString();
        if (name.startsWith(u'@')) {
            // A group: its members now are the audience, kept with the event.
            audience = m_users.members(name.mid(1));
            if (audience.isEmpty())
                return refuse(QStringLiteral("user"), QStringLiteral("is not a known group"));
        } else {
            if (!m_users.find(name))
                return refuse(QStringLiteral("user"), QStringLiteral("is not a known user"));
            audience << name;
        }
    }
    const QJsonValue dataValue = body.value(u"data");
    if (!dataValue.isObject())
        return refuse(QStringLiteral("data"), QStringLiteral("must be a JSON object"));
    QJsonObject data = dataValue.toObject();
    if (const auto invalid = validateData(type, data))
        return refuse(QStringLiteral("data.") + invalid->field, invalid->message);
    if (type == Protocol::Presence::TypeName) {
        audience.clear(); // presence is for everybody
    } else if (type == Protocol::Message::TypeName) {
        audience = QStringList{ data.value(u"from").toVariant().toString() };
        const QString to = data.value(u"to").toVariant().toString();
        if (!audience.contains(to))
            audience << to;
    }
    return EventPublisher::Publication{ type, std::move(data), std::move(audience) };
}

} // namespace Notify::Server
