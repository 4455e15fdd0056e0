// SPDX-License-Identifier: MIT
// MappedEventReader: how EventInterpreter reads other backends' events
// through an InterpreterMapping, one contract type at a time.
#include "mappedeventreader.h"

#include "eventinterpreter.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>

namespace Notify {

using namespace Protocol;

namespace {

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

} // namespace

QString MappedEventReader::firstLine(const QString &body)
{
    const QString trimmed = body.trimmed();
    return trimmed.left(trimmed.indexOf(u'\n')).trimmed();
}

QByteArray MappedEventReader::hashKey(const QString &typeName, const QByteArray &data)
{
    QCryptographicHash hash(QCryptographicHash::Sha1);
    hash.addData(InterpreterMapping::normalized(typeName).toUtf8());
    hash.addData("\n");
    hash.addData(data);
    return hash.result().toHex().left(16);
}

QByteArray MappedEventReader::Input::raw() const
{
    return data.isEmpty() ? QJsonDocument(whole).toJson(QJsonDocument::Compact) : data;
}

MappedEventReader::MappedEventReader(const InterpreterMapping &mapping, const QString &self)
    : m_mapping(mapping)
    , m_self(self)
{ }

QJsonValue MappedEventReader::field(const Input &in, const QByteArray &type, const char *name) const
{
    return firstOf(in.payload, m_mapping.fieldNames(type, QString::fromLatin1(name)));
}

InterpretedEvent MappedEventReader::notification(const Input &in, bool knownType) const
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
        n.body = QString::fromUtf8(in.raw().left(EventInterpreter::MaxRawBody));
    }
    if (n.title.isEmpty())
        n.title = firstLine(n.body);
    if (n.title.isEmpty())
        n.title = QStringLiteral("Notification");
    InterpretedEvent out;
    if (n.notificationId.isEmpty()) {
        const QByteArray hash = hashKey(in.typeName, in.raw());
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

std::optional<InterpretedEvent> MappedEventReader::order(const Input &in, QString *why) const
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
        out.contentKey
            = "o:" + o.orderId.toUtf8() + '|' + o.statusName().toUtf8() + '|' + formatUtcTimestamp(updated).toUtf8();
    } else {
        out.contentKey = "h:" + hashKey(in.typeName, in.raw());
        out.contentKeyExpires = true;
    }
    out.payload = std::move(o);
    return out;
}

std::optional<InterpretedEvent> MappedEventReader::presence(const Input &in, QString *why) const
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
    out.contentKey = "h:" + hashKey(in.typeName, in.raw());
    out.contentKeyExpires = true;
    out.payload = std::move(p);
    return out;
}

std::optional<InterpretedEvent> MappedEventReader::message(const Input &in, QString *why) const
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
        const QByteArray hash = hashKey(in.typeName, in.raw());
        m.messageId = QStringLiteral("h-") + QString::fromLatin1(hash);
        out.contentKey = "h:" + hash;
        out.contentKeyExpires = true;
    } else {
        out.contentKey = "m:" + m.messageId.toUtf8();
    }
    out.payload = std::move(m);
    return out;
}

template<typename T>
std::optional<InterpretedEvent> MappedEventReader::readState(const Input &in, QString *why) const
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
    out.contentKey = "h:" + hashKey(in.typeName, in.raw());
    out.contentKeyExpires = true;
    out.payload = std::move(r);
    return out;
}

template std::optional<InterpretedEvent> MappedEventReader::readState<NotificationRead>(const Input &, QString *) const;
template std::optional<InterpretedEvent> MappedEventReader::readState<NotificationUnread>(const Input &,
                                                                                          QString *) const;

} // namespace Notify
