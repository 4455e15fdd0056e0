// SPDX-License-Identifier: MIT
#include "restapi.h"

#include "eventstore.h"
#include "notifyserver.h"
#include "protocol.h"
#include "userdirectory.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUrl>
#include <QUuid>

namespace Notify::Server {

namespace {

HttpResponse fieldError(const QString &field, const QString &message)
{
    HttpResponse response = HttpResponse::error(400, "invalid_field", field + u' ' + message);
    QJsonObject body = QJsonDocument::fromJson(response.body).object();
    body.insert(QStringLiteral("field"), field);
    response.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return response;
}

// Parses a JSON object body; on failure sets @p error to the answer.
std::optional<QJsonObject> jsonBody(const HttpRequest &request, HttpResponse &error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        error = HttpResponse::error(400, "invalid_json",
                                    QStringLiteral("the body is not valid JSON: %1 at offset %2")
                                        .arg(parseError.errorString())
                                        .arg(parseError.offset));
        return std::nullopt;
    }
    if (!doc.isObject()) {
        error = HttpResponse::error(400, "invalid_json", QStringLiteral("the body must be a JSON object"));
        return std::nullopt;
    }
    return doc.object();
}

// `limit`: absent gives @p fallback; above 1000 is clamped; anything but a
// positive integer is an error naming `limit`.
std::optional<qsizetype> limitParameter(const HttpRequest &request, qsizetype fallback, HttpResponse &error)
{
    if (!request.query.hasQueryItem(QStringLiteral("limit")))
        return fallback;
    const QString text = request.query.queryItemValue(QStringLiteral("limit"));
    bool ok = false;
    const qlonglong value = text.toLongLong(&ok);
    bool digits = !text.isEmpty();
    for (const QChar c : text)
        digits = digits && c.isDigit() && c.unicode() < 128;
    if (!ok || !digits || value <= 0) {
        error = fieldError(QStringLiteral("limit"), QStringLiteral("must be a positive integer"));
        return std::nullopt;
    }
    return qsizetype(std::min<qlonglong>(value, 1000));
}

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
    if (type == "notification") {
        fill("created_at");
        ok = Protocol::Notification::fromJson(data, &error).has_value();
    } else if (type == "notification_read") {
        ok = Protocol::NotificationRead::fromJson(data, &error).has_value();
    } else if (type == "order_status") {
        fill("updated_at");
        ok = Protocol::OrderStatus::fromJson(data, &error).has_value();
    } else if (type == "presence") {
        fill("since");
        ok = Protocol::Presence::fromJson(data, &error).has_value();
    } else if (type == "message") {
        fill("sent_at");
        ok = Protocol::Message::fromJson(data, &error).has_value();
    }
    if (ok)
        return std::nullopt;
    return error;
}

} // namespace

RestApi::RestApi(NotifyServer &server)
    : m_server(server)
{ }

RestApi::Match RestApi::match(const QByteArray &rawPath)
{
    QByteArray path = rawPath;
    if (!path.endsWith('/'))
        path += '/';
    const auto is = [&path](const char *p) { return path == p; };
    if (is("/healthz/"))
        return { Route::Healthz, {}, { "GET", "HEAD" } };
    if (is("/api/v1/notifications/sse/stream/") || is("/notifications/sse/stream/"))
        return { Route::Stream, {}, { "GET" } };
    if (is("/api/v1/events/"))
        return { Route::Events, {}, { "GET", "POST" } };
    if (is("/api/v1/notifications/"))
        return { Route::Notifications, {}, { "GET" } };
    if (is("/api/v1/notifications/read-all/"))
        return { Route::NotificationsReadAll, {}, { "POST" } };
    if (path.startsWith("/api/v1/notifications/") && path.endsWith("/read/")) {
        const QByteArray id = path.mid(22, path.size() - 22 - 6);
        if (!id.isEmpty() && !id.contains('/'))
            return { Route::NotificationRead, QUrl::fromPercentEncoding(id), { "POST" } };
    }
    if (is("/api/v1/orders/"))
        return { Route::Orders, {}, { "GET" } };
    if (is("/api/v1/presence/"))
        return { Route::Presence, {}, { "GET", "PUT" } };
    if (is("/api/v1/messages/"))
        return { Route::Messages, {}, { "POST" } };
    if (is("/metrics/"))
        return { Route::Metrics, {}, { "GET" } };
    if (is("/api/v1/dev/faults/"))
        return { Route::Faults, {}, { "POST" } };
    return {};
}

HttpResponse RestApi::handle(const Match &match, const HttpRequest &request, const User &user)
{
    switch (match.route) {
    case Route::Events:
        return request.method == "POST" ? publishEvent(request, user) : events(request, user);
    case Route::Notifications:
        return notifications(request, user);
    case Route::NotificationRead:
        return markRead(match.parameter, user);
    case Route::NotificationsReadAll:
        return markAllRead(user);
    case Route::Orders:
        return orders(user);
    case Route::Presence:
        return presence(request, user);
    case Route::Messages:
        return sendMessage(request, user);
    case Route::Metrics: {
        if (!user.admin)
            return HttpResponse::error(403, "forbidden", QStringLiteral("metrics are for admins"));
        HttpResponse response;
        response.body = m_server.metricsText();
        response.setHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
        return response;
    }
    case Route::Faults:
        return injectFault(request, user);
    case Route::NotFound:
    case Route::Healthz:
    case Route::Stream:
        break;
    }
    return HttpResponse::error(404, "not_found", QStringLiteral("no such endpoint"));
}

HttpResponse RestApi::events(const HttpRequest &request, const User &user)
{
    HttpResponse error;
    const auto limit = limitParameter(request, 100, error);
    if (!limit)
        return error;
    EventStore &store = m_server.store();
    quint64 after = store.oldestSeq() - 1;
    const QString since = request.query.queryItemValue(QStringLiteral("since"), QUrl::FullyDecoded);
    if (!since.isEmpty()) {
        const auto resume = m_server.resumePoint(since.toUtf8());
        if (!resume.seq) {
            return HttpResponse::json(
                200,
                QJsonObject{ { QStringLiteral("events"), QJsonArray() },
                             { QStringLiteral("last_event_id"), QString::fromLatin1(m_server.headId()) },
                             { QStringLiteral("reset"), true } });
        }
        after = *resume.seq;
    }
    const quint64 head = store.headSeq();
    const QList<StoredEvent> events = store.eventsAfter(after, user.name, *limit);
    QJsonArray list;
    for (const StoredEvent &event : events) {
        list.append(QJsonObject{ { QStringLiteral("id"), QString::fromLatin1(m_server.eventId(event.seq)) },
                                 { QStringLiteral("event"), QString::fromUtf8(event.type) },
                                 { QStringLiteral("data"), QJsonDocument::fromJson(event.data).object() } });
    }
    // A short page means everything up to the head was looked at.
    const quint64 last = events.size() == *limit ? events.last().seq : std::max(head, after);
    return HttpResponse::json(
        200,
        QJsonObject{ { QStringLiteral("events"), list },
                     { QStringLiteral("last_event_id"), QString::fromLatin1(m_server.eventId(last)) },
                     { QStringLiteral("reset"), false } });
}

HttpResponse RestApi::notifications(const HttpRequest &request, const User &user)
{
    HttpResponse error;
    const auto limit = limitParameter(request, 100, error);
    if (!limit)
        return error;
    const QString unread = request.query.queryItemValue(QStringLiteral("unread"));
    const bool unreadOnly = unread == u"1" || unread == u"true";
    QJsonArray list;
    const QList<NotificationRecord> records = m_server.store().notifications(user.name, unreadOnly, *limit);
    for (const NotificationRecord &record : records) {
        QJsonObject item = record.data;
        item.insert(QStringLiteral("read"), record.read);
        item.insert(QStringLiteral("event_id"), QString::fromLatin1(m_server.eventId(record.seq)));
        list.append(item);
    }
    return HttpResponse::json(200, QJsonObject{ { QStringLiteral("notifications"), list } });
}

HttpResponse RestApi::markRead(const QString &notificationId, const User &user)
{
    // Another user's notification is answered like an unknown one: existence is not revealed.
    if (!m_server.store().markRead(user.name, notificationId))
        return HttpResponse::error(404, "not_found", QStringLiteral("no such notification"));
    m_server.publish("notification_read",
                     QJsonObject{ { QStringLiteral("notification_ids"), QJsonArray{ notificationId } } },
                     { user.name });
    return HttpResponse::noContent();
}

HttpResponse RestApi::markAllRead(const User &user)
{
    const QStringList ids = m_server.store().markAllRead(user.name);
    m_server.publish("notification_read",
                     QJsonObject{ { QStringLiteral("notification_ids"), QJsonArray::fromStringList(ids) } },
                     { user.name });
    return HttpResponse::noContent();
}

HttpResponse RestApi::orders(const User &user)
{
    QJsonArray list;
    const QList<QJsonObject> orders = m_server.store().orders(user.name);
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
        QJsonArray list;
        for (const User &u : m_server.users().users())
            list.append(m_server.presenceOf(u.name));
        return HttpResponse::json(200, QJsonObject{ { QStringLiteral("users"), list } });
    }
    HttpResponse error;
    const auto body = jsonBody(request, error);
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
    m_server.setPresence(user.name, value);
    return HttpResponse::noContent();
}

HttpResponse RestApi::sendMessage(const HttpRequest &request, const User &user)
{
    HttpResponse error;
    const auto body = jsonBody(request, error);
    if (!body)
        return error;
    const QJsonValue to = body->value(u"to");
    if (!to.isString() || to.toString().isEmpty())
        return fieldError(QStringLiteral("to"), QStringLiteral("must be a user name"));
    if (!m_server.users().find(to.toString()))
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
    if (!m_server.publish("message", data, audience, &storeError))
        return HttpResponse::error(500, "store_failed", storeError);
    return HttpResponse::json(201, QJsonObject{ { QStringLiteral("message_id"), messageId } });
}

HttpResponse RestApi::publishEvent(const HttpRequest &request, const User &user)
{
    if (!user.admin)
        return HttpResponse::error(403, "forbidden", QStringLiteral("publishing events is for admins"));
    HttpResponse error;
    const auto body = jsonBody(request, error);
    if (!body)
        return error;
    const QJsonValue typeValue = body->value(u"event");
    if (!typeValue.isString())
        return fieldError(QStringLiteral("event"), QStringLiteral("must be a string"));
    const QByteArray type = typeValue.toString().toUtf8();
    if (!Protocol::isValidEventType(type))
        return fieldError(QStringLiteral("event"), QStringLiteral("must match [a-z][a-z0-9_]{0,63}"));
    if (type == "reset")
        return fieldError(QStringLiteral("event"), QStringLiteral("reset is sent by the server only"));
    QStringList audience;
    if (body->contains(u"user") && !body->value(u"user").isNull()) {
        const QJsonValue target = body->value(u"user");
        if (!target.isString())
            return fieldError(QStringLiteral("user"), QStringLiteral("must be a user name"));
        if (!m_server.users().find(target.toString()))
            return fieldError(QStringLiteral("user"), QStringLiteral("is not a known user"));
        audience << target.toString();
    }
    const QJsonValue dataValue = body->value(u"data");
    if (!dataValue.isObject())
        return fieldError(QStringLiteral("data"), QStringLiteral("must be a JSON object"));
    QJsonObject data = dataValue.toObject();
    if (const auto invalid = validateData(type, data))
        return fieldError(QStringLiteral("data.") + invalid->field, invalid->message);
    if (type == "presence") {
        audience.clear(); // presence is for everybody
    } else if (type == "message") {
        audience = QStringList{ data.value(u"from").toVariant().toString() };
        const QString to = data.value(u"to").toVariant().toString();
        if (!audience.contains(to))
            audience << to;
    }
    QString storeError;
    const auto id = m_server.publish(type, data, audience, &storeError);
    if (!id)
        return HttpResponse::error(500, "store_failed", storeError);
    return HttpResponse::json(201, QJsonObject{ { QStringLiteral("id"), QString::fromLatin1(*id) } });
}

HttpResponse RestApi::injectFault(const HttpRequest &request, const User &user)
{
    if (!user.admin)
        return HttpResponse::error(403, "forbidden", QStringLiteral("fault injection is for admins"));
    HttpResponse error;
    const auto body = jsonBody(request, error);
    if (!body)
        return error;
    const QString action = body->value(u"action").toString();
    const auto count = [&body](int fallback) { return body->value(u"count").toInt(fallback); };
    if (body->contains(u"count") && (!body->value(u"count").isDouble() || body->value(u"count").toInt() < 1))
        return fieldError(QStringLiteral("count"), QStringLiteral("must be a positive integer"));
    NotifyServer::FaultPlan &plan = m_server.faults();
    if (action == u"drop_streams") {
        m_server.dropAllStreams();
    } else if (action == u"fail_streams") {
        const int status = body->value(u"status").toInt(503);
        static const QList<int> allowed{ 204, 401, 403, 404, 408, 410, 429, 500, 502, 503 };
        if (!allowed.contains(status))
            return fieldError(QStringLiteral("status"),
                              QStringLiteral("must be one of 204, 401, 403, 404, 408, 410, 429, 500, 502, 503"));
        plan.failStreams = count(1);
        plan.failStatus = status;
        plan.retryAfterSeconds = std::max(0, body->value(u"retry_after").toInt(1));
    } else if (action == u"delay") {
        const int ms = body->value(u"ms").toInt(-1);
        if (ms < 0 || ms > 600'000)
            return fieldError(QStringLiteral("ms"), QStringLiteral("must be a number of milliseconds up to 600000"));
        plan.delayRequests = count(1);
        plan.delayMs = ms;
    } else if (action == u"stall_streams") {
        if (body->contains(u"count"))
            plan.stallStreams = count(1);
        else
            m_server.stallAllStreams();
    } else if (action == u"garbage") {
        plan.garbageStreams = count(1);
    } else if (action == u"clear") {
        plan = NotifyServer::FaultPlan();
    } else {
        return fieldError(QStringLiteral("action"),
                          QStringLiteral("must be drop_streams, fail_streams, delay, stall_streams, garbage or clear"));
    }
    return HttpResponse::json(200,
                              QJsonObject{ { QStringLiteral("fail_streams"), plan.failStreams },
                                           { QStringLiteral("delay_requests"), plan.delayRequests },
                                           { QStringLiteral("stall_streams"), plan.stallStreams },
                                           { QStringLiteral("garbage_streams"), plan.garbageStreams } });
}

} // namespace Notify::Server
