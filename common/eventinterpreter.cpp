// SPDX-License-Identifier: MIT
#include "eventinterpreter.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTimeZone>

namespace Notify {

using namespace Protocol;
using Source = InterpretedEvent::Source;

namespace {

// What one interpretation works with.
struct Input
{
    const SseEvent &event;
    QString typeName; ///< as the server named it (for categories and hashes)
    QJsonObject payload;
    QDateTime arrival;
};

QJsonValue firstOf(const QJsonObject &object, const QStringList &names)
{
    for (const QString &name : names) {
        QJsonValue value = object.value(name);
        if (!value.isUndefined() && !value.isNull())
            return value;
    }
    return QJsonValue::Undefined;
}

// Ids: strings as they are, numbers as integers where they are whole.
QString idText(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isDouble()) {
        const double d = value.toDouble();
        return d == double(qint64(d)) ? QString::number(qint64(d)) : QString::number(d, 'g', 17);
    }
    return {};
}

QString text(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isDouble())
        return idText(value);
    if (value.isBool())
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return {};
}

// A user may be a name, a number, or an object with a name in it.
QString userText(const QJsonValue &value)
{
    if (value.isObject()) {
        return text(firstOf(value.toObject(),
                            { QStringLiteral("username"), QStringLiteral("user"), QStringLiteral("login"),
                              QStringLiteral("name"), QStringLiteral("id") }));
    }
    return text(value);
}

QString firstLine(const QString &body)
{
    const QString trimmed = body.trimmed();
    return trimmed.left(trimmed.indexOf(u'\n')).trimmed();
}

QByteArray hashKey(const QString &typeName, const QByteArray &data)
{
    QCryptographicHash hash(QCryptographicHash::Sha1);
    hash.addData(InterpreterMapping::normalized(typeName).toUtf8());
    hash.addData("\n");
    hash.addData(data);
    return hash.result().toHex().left(16);
}

} // namespace

EventInterpreter::EventInterpreter(InterpreterMapping mapping)
    : m_mapping(std::move(mapping))
{ }

QDateTime EventInterpreter::parseTime(const QJsonValue &value)
{
    double seconds = -1;
    if (value.isDouble()) {
        seconds = value.toDouble();
    } else if (value.isString()) {
        QString text = value.toString().trimmed();
        bool number = false;
        const double asNumber = text.toDouble(&number);
        if (number) {
            seconds = asNumber;
        } else {
            // Python's str(datetime) has a space where ISO 8601 has a T.
            if (text.size() > 10 && text.at(10) == u' ')
                text[10] = u'T';
            QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
            if (!time.isValid())
                return {};
            if (time.timeSpec() == Qt::LocalTime) // no offset given: UTC, as servers mean it
                time.setTimeSpec(Qt::UTC);
            return time.toUTC();
        }
    }
    if (seconds < 0)
        return {};
    const qint64 ms = seconds > 1e11 ? qint64(seconds) : qint64(seconds * 1000);
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

namespace {

class Reader
{
public:
    Reader(const InterpreterMapping &mapping, const QString &self)
        : m_mapping(mapping)
        , m_self(self)
    { }

    QJsonValue field(const Input &in, const QByteArray &type, const char *name) const
    {
        return firstOf(in.payload, m_mapping.fieldNames(type, QString::fromLatin1(name)));
    }

    // A notification. An unknown type is one too, with its name as category
    // and, where nothing says more, as title with the raw data as body.
    InterpretedEvent notification(const Input &in, bool knownType) const
    {
        const QByteArray t = Notification::TypeName;
        Notification n;
        n.notificationId = idText(field(in, t, "notification_id"));
        n.title = text(field(in, t, "title"));
        n.body = text(field(in, t, "body"));
        if (const auto level = m_mapping.level(text(field(in, t, "level"))))
            n.level = *level;
        n.category = text(field(in, t, "category"));
        n.link = text(field(in, t, "link"));
        const QDateTime created = EventInterpreter::parseTime(field(in, t, "created_at"));
        n.createdAt = created.isValid() ? created : in.arrival;
        if (!knownType && n.category.isEmpty())
            n.category = in.typeName;
        if (!knownType && n.title.isEmpty() && n.body.isEmpty()) {
            n.title = in.typeName;
            n.body = QString::fromUtf8(in.event.data.left(EventInterpreter::MaxRawBody));
        }
        if (n.title.isEmpty())
            n.title = firstLine(n.body);
        if (n.title.isEmpty())
            n.title = QStringLiteral("Notification");
        InterpretedEvent out;
        if (n.notificationId.isEmpty()) {
            const QByteArray hash = hashKey(in.typeName, in.event.data);
            n.notificationId = QStringLiteral("h-") + QString::fromLatin1(hash);
            out.contentKey = "h:" + hash;
            out.contentKeyExpires = true;
        } else {
            out.contentKey = "n:" + n.notificationId.toUtf8();
        }
        out.payload = std::move(n);
        if (!knownType)
            out.note
                = QStringLiteral("the type \"%1\" is not one this app knows: shown as a notification").arg(in.typeName);
        return out;
    }

    std::optional<InterpretedEvent> order(const Input &in, QString *why) const
    {
        const QByteArray t = OrderStatus::TypeName;
        OrderStatus o;
        o.orderId = idText(field(in, t, "order_id"));
        const QString status = text(field(in, t, "status"));
        if (o.orderId.isEmpty() || status.isEmpty()) {
            *why = QStringLiteral("an order update without %1").arg(o.orderId.isEmpty() ? u"an order id" : u"a status");
            return std::nullopt;
        }
        if (const auto state = orderStateFromString(InterpreterMapping::normalized(status)))
            o.status = *state;
        else
            o.unlistedStatus = status; // shown as the text it is
        const QString previous = text(field(in, t, "previous_status"));
        if (const auto state = orderStateFromString(InterpreterMapping::normalized(previous)))
            o.previousStatus = *state;
        else
            o.unlistedPreviousStatus = previous;
        o.note = text(field(in, t, "note"));
        const QDateTime updated = EventInterpreter::parseTime(field(in, t, "updated_at"));
        o.updatedAt = updated.isValid() ? updated : in.arrival;
        InterpretedEvent out;
        if (updated.isValid()) {
            out.contentKey = "o:" + o.orderId.toUtf8() + '|' + o.statusName().toUtf8() + '|'
                + formatUtcTimestamp(updated).toUtf8();
        } else {
            out.contentKey = "h:" + hashKey(in.typeName, in.event.data);
            out.contentKeyExpires = true;
        }
        out.payload = std::move(o);
        return out;
    }

    std::optional<InterpretedEvent> presence(const Input &in, QString *why) const
    {
        const QByteArray t = Presence::TypeName;
        Presence p;
        p.user = userText(field(in, t, "user"));
        p.displayName = text(field(in, t, "display_name"));
        std::optional<PresenceStatus> status = m_mapping.presence(text(field(in, t, "status")));
        if (!status) {
            const QJsonValue online = firstOf(in.payload, { QStringLiteral("online"), QStringLiteral("is_online") });
            if (online.isBool())
                status = online.toBool() ? PresenceStatus::Online : PresenceStatus::Offline;
        }
        if (p.user.isEmpty() || !status) {
            *why = p.user.isEmpty() ? QStringLiteral("a presence change without a user")
                                    : QStringLiteral("a presence change without a status this app knows");
            return std::nullopt;
        }
        p.status = *status;
        const QDateTime since = EventInterpreter::parseTime(field(in, t, "since"));
        p.since = since.isValid() ? since : in.arrival;
        InterpretedEvent out;
        out.contentKey = "h:" + hashKey(in.typeName, in.event.data);
        out.contentKeyExpires = true;
        out.payload = std::move(p);
        return out;
    }

    std::optional<InterpretedEvent> message(const Input &in, QString *why) const
    {
        const QByteArray t = Message::TypeName;
        Message m;
        m.messageId = idText(field(in, t, "message_id"));
        m.from = userText(field(in, t, "from"));
        m.to = userText(field(in, t, "to"));
        if (m.to.isEmpty())
            m.to = m_self;
        m.body = text(field(in, t, "body"));
        if (m.from.isEmpty() || m.body.isEmpty()) {
            *why = m.from.isEmpty() ? QStringLiteral("a message without a sender")
                                    : QStringLiteral("a message without a text");
            return std::nullopt;
        }
        const QDateTime sent = EventInterpreter::parseTime(field(in, t, "sent_at"));
        m.sentAt = sent.isValid() ? sent : in.arrival;
        InterpretedEvent out;
        if (m.messageId.isEmpty()) {
            const QByteArray hash = hashKey(in.typeName, in.event.data);
            m.messageId = QStringLiteral("h-") + QString::fromLatin1(hash);
            out.contentKey = "h:" + hash;
            out.contentKeyExpires = true;
        } else {
            out.contentKey = "m:" + m.messageId.toUtf8();
        }
        out.payload = std::move(m);
        return out;
    }

    /// `notification_read` or, with @p T NotificationUnread, `notification_unread`.
    template<typename T>
    std::optional<InterpretedEvent> readState(const Input &in, QString *why) const
    {
        T r;
        const QJsonValue ids = field(in, T::TypeName, "notification_ids");
        if (ids.isArray()) {
            for (const auto &id : ids.toArray()) {
                if (const QString s = idText(id); !s.isEmpty())
                    r.notificationIds << s;
            }
        } else if (const QString s = idText(ids); !s.isEmpty()) {
            r.notificationIds << s;
        }
        if (r.notificationIds.isEmpty()) {
            *why = QStringLiteral("a read or unread notice without notification ids");
            return std::nullopt;
        }
        InterpretedEvent out;
        out.contentKey = "h:" + hashKey(in.typeName, in.event.data);
        out.contentKeyExpires = true;
        out.payload = std::move(r);
        return out;
    }

private:
    const InterpreterMapping &m_mapping;
    const QString &m_self;
};

template<typename T>
std::optional<InterpretedEvent> exact(const QJsonObject &data)
{
    auto value = T::fromJson(data);
    if (!value)
        return std::nullopt;
    InterpretedEvent out;
    if constexpr (std::is_same_v<T, Notification>)
        out.contentKey = "n:" + value->notificationId.toUtf8();
    else if constexpr (std::is_same_v<T, Message>)
        out.contentKey = "m:" + value->messageId.toUtf8();
    else if constexpr (std::is_same_v<T, OrderStatus>)
        out.contentKey = "o:" + value->orderId.toUtf8() + '|' + value->statusName().toUtf8() + '|'
            + formatUtcTimestamp(value->updatedAt).toUtf8();
    out.payload = std::move(*value);
    return out;
}

// A contract event exactly as the contract says, if it is one.
std::optional<InterpretedEvent> exactContractEvent(const QByteArray &type, const QJsonObject &data)
{
    if (type == Notification::TypeName)
        return exact<Notification>(data);
    if (type == NotificationRead::TypeName)
        return exact<NotificationRead>(data);
    if (type == NotificationUnread::TypeName)
        return exact<NotificationUnread>(data);
    if (type == OrderStatus::TypeName)
        return exact<OrderStatus>(data);
    if (type == Presence::TypeName)
        return exact<Presence>(data);
    if (type == Message::TypeName)
        return exact<Message>(data);
    if (type == Reset::TypeName)
        return exact<Reset>(data);
    return std::nullopt;
}

// The raw data as a notification: for what is no JSON object, or no valid event.
InterpretedEvent generic(const SseEvent &event, const QDateTime &arrival, const QString &note)
{
    Notification n;
    const QByteArray hash = hashKey(QString::fromUtf8(event.type), event.data);
    n.notificationId = QStringLiteral("h-") + QString::fromLatin1(hash);
    n.body = QString::fromUtf8(event.data.left(EventInterpreter::MaxRawBody));
    n.title = firstLine(n.body);
    if (n.title.isEmpty())
        n.title = QStringLiteral("Notification");
    n.createdAt = arrival;
    InterpretedEvent out;
    out.payload = std::move(n);
    out.note = note;
    out.contentKey = "h:" + hash;
    out.contentKeyExpires = true;
    return out;
}

} // namespace

InterpretedEvent EventInterpreter::interpret(const SseEvent &event, Source source, const QDateTime &arrival) const
{
    const QDateTime when = arrival.isValid() ? arrival.toUTC() : QDateTime::currentDateTimeUtc();
    const auto finish = [&](InterpretedEvent out) {
        out.id = event.id;
        out.source = source;
        return out;
    };
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(event.data, &parseError);
    const bool isObject = parseError.error == QJsonParseError::NoError && doc.isObject();
    const QJsonObject object = doc.object();

    // The type: the SSE event field unless it is the default "message";
    // then a contract message, else a field inside the JSON.
    QString typeName;
    bool typeInside = false;
    if (event.type != Message::TypeName) {
        typeName = QString::fromUtf8(event.type);
    } else if (isObject) {
        if (auto message = exactContractEvent(Message::TypeName, object))
            return finish(std::move(*message));
        for (const QString &field : m_mapping.typeFields()) {
            const QJsonValue value = object.value(field);
            if (value.isString() && !value.toString().trimmed().isEmpty()) {
                typeName = value.toString().trimmed();
                typeInside = true;
                break;
            }
        }
    }
    if (!isObject) {
        const QString why = parseError.error != QJsonParseError::NoError
            ? QStringLiteral("the data is not JSON")
            : QStringLiteral("the data is JSON but not an object");
        return finish(generic(event, when, why));
    }
    if (typeName.isEmpty())
        typeName = QString::fromLatin1(Notification::TypeName); // no type found: a notification
    if (m_mapping.isControl(typeName)) {
        InterpretedEvent out;
        out.control = true;
        out.note = QStringLiteral("a keep-alive message of the server (\"%1\")").arg(typeName);
        return finish(std::move(out));
    }

    // Contract events (named by the event field) pass as they are.
    if (!typeInside) {
        if (auto exactEvent = exactContractEvent(event.type, object))
            return finish(std::move(*exactEvent));
        if (event.type == Reset::TypeName)
            return finish(generic(event, when, QStringLiteral("an invalid reset event")));
    }

    Input in{ event, typeName, object, when };
    if (typeInside) {
        for (const QString &field : m_mapping.payloadFields()) {
            if (object.value(field).isObject()) {
                in.payload = object.value(field).toObject();
                break;
            }
        }
    }
    const Reader reader(m_mapping, m_self);
    const std::optional<QByteArray> type = m_mapping.contractType(typeName);
    if (!type || *type == Notification::TypeName)
        return finish(reader.notification(in, type.has_value()));
    QString why;
    std::optional<InterpretedEvent> out;
    if (*type == OrderStatus::TypeName)
        out = reader.order(in, &why);
    else if (*type == Presence::TypeName)
        out = reader.presence(in, &why);
    else if (*type == Message::TypeName)
        out = reader.message(in, &why);
    else if (*type == NotificationRead::TypeName)
        out = reader.readState<NotificationRead>(in, &why);
    else if (*type == NotificationUnread::TypeName)
        out = reader.readState<NotificationUnread>(in, &why);
    if (!out)
        return finish(generic(event, when, QStringLiteral("%1: shown as it came").arg(why)));
    return finish(std::move(*out));
}

QByteArray InterpretedEvent::type() const
{
    return std::visit([](const auto &value) { return QByteArray(std::decay_t<decltype(value)>::TypeName); }, payload);
}

QJsonObject InterpretedEvent::data() const
{
    return std::visit([](const auto &value) { return value.toJson(); }, payload);
}

QString InterpretedEvent::sourceName(Source source)
{
    switch (source) {
    case Source::Stream:
        return QStringLiteral("stream");
    case Source::CatchUp:
        return QStringLiteral("catch-up");
    case Source::Poll:
        return QStringLiteral("poll");
    }
    return {};
}

} // namespace Notify
