// SPDX-License-Identifier: MIT
// EventInterpreter: finding an event's type, passing contract events as they
// are, the generic notification for the rest, and times as backends write
// them. Reading other backends' events field by field is MappedEventReader's.
#include "eventinterpreter.h"

#include "mappedeventreader.h"

#include <QJsonDocument>
#include <QTimeZone>

namespace Notify {

using namespace Protocol;
using Source = InterpretedEvent::Source;

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
    if (type == NotificationClaimed::TypeName)
        return exact<NotificationClaimed>(data);
    if (type == NotificationEscalated::TypeName)
        return exact<NotificationEscalated>(data);
    return std::nullopt;
}

// The raw data as a notification: for what is no JSON object, or no valid event.
InterpretedEvent generic(const QByteArray &type, const QByteArray &data, const QDateTime &arrival, const QString &note)
{
    Notification n;
    const QByteArray hash = MappedEventReader::hashKey(QString::fromUtf8(type), data);
    n.notificationId = QStringLiteral("h-") + QString::fromLatin1(hash);
    n.body = QString::fromUtf8(data.left(EventInterpreter::MaxRawBody));
    n.title = MappedEventReader::firstLine(n.body);
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

// An event whose data is the JSON object in @p in, named @p eventType by the
// event field (or by a field inside when @p typeInside).
InterpretedEvent interpretObject(const InterpreterMapping &mapping, const QString &self, const QByteArray &eventType,
                                 MappedEventReader::Input in, bool typeInside)
{
    const QString &typeName = in.typeName;
    if (mapping.isControl(typeName)) {
        InterpretedEvent out;
        out.control = true;
        out.note = QStringLiteral("a keep-alive message of the server (\"%1\")").arg(typeName);
        return out;
    }

    // Contract events (named by the event field) pass as they are.
    if (!typeInside) {
        if (auto exactEvent = exactContractEvent(eventType, in.whole))
            return std::move(*exactEvent);
        if (eventType == Reset::TypeName)
            return generic(eventType, in.raw(), in.arrival, QStringLiteral("an invalid reset event"));
    } else {
        for (const QString &field : mapping.payloadFields()) {
            if (in.whole.value(field).isObject()) {
                in.payload = in.whole.value(field).toObject();
                break;
            }
        }
    }
    // Claims named inside the JSON (a Django backend that added them,
    // docs/BACKENDS.md) are read as the contract's.
    if (typeInside
        && (typeName == QLatin1StringView(NotificationClaimed::TypeName)
            || typeName == QLatin1StringView(NotificationEscalated::TypeName))) {
        if (auto claim = exactContractEvent(typeName.toUtf8(), in.payload))
            return std::move(*claim);
    }
    const MappedEventReader reader(mapping, self);
    const std::optional<QByteArray> type = mapping.contractType(typeName);
    if (!type || *type == Notification::TypeName)
        return reader.notification(in, type.has_value());
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
        return generic(eventType, in.raw(), in.arrival, QStringLiteral("%1: shown as it came").arg(why));
    return std::move(*out);
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
        return finish(generic(event.type, event.data, when, why));
    }
    if (typeName.isEmpty())
        typeName = QString::fromLatin1(Notification::TypeName); // no type found: a notification
    MappedEventReader::Input in{ event.data, object, typeName, object, when };
    return finish(interpretObject(m_mapping, m_self, event.type, in, typeInside));
}

InterpretedEvent EventInterpreter::interpret(const QByteArray &type, const QJsonObject &object, Source source,
                                             const QDateTime &arrival, const QByteArray &id) const
{
    const QDateTime when = arrival.isValid() ? arrival.toUTC() : QDateTime::currentDateTimeUtc();
    InterpretedEvent out
        = interpretObject(m_mapping, m_self, type, { {}, object, QString::fromUtf8(type), object, when }, false);
    out.id = id;
    out.source = source;
    return out;
}

} // namespace Notify
