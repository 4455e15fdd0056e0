// SPDX-License-Identifier: MIT
#include "eventinterpreter.h"

#include <QDateTime>
#include <QJsonDocument>

namespace Notify {

using namespace Protocol;

namespace {

template<typename T>
std::optional<InterpretedEvent::Payload> typed(const QJsonObject &data, FieldError *error)
{
    if (auto value = T::fromJson(data, error))
        return InterpretedEvent::Payload(std::move(*value));
    return std::nullopt;
}

// A notification that says what arrived, for anything that is no contract event.
Notification generic(const SseEvent &event, const QString &title)
{
    Notification n;
    n.notificationId = QString::fromUtf8(event.id);
    n.title = title;
    n.body = QString::fromUtf8(event.data.left(EventInterpreter::MaxRawBody));
    n.category = QString::fromUtf8(event.type);
    n.createdAt = QDateTime::currentDateTimeUtc();
    return n;
}

} // namespace

InterpretedEvent EventInterpreter::interpret(const SseEvent &event, InterpretedEvent::Source source) const
{
    InterpretedEvent out;
    out.id = event.id;
    out.source = source;
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(event.data, &parseError);
    const QJsonObject data = doc.object();
    FieldError error;
    std::optional<InterpretedEvent::Payload> payload;
    if (doc.isObject()) {
        if (event.type == Notification::TypeName)
            payload = typed<Notification>(data, &error);
        else if (event.type == NotificationRead::TypeName)
            payload = typed<NotificationRead>(data, &error);
        else if (event.type == OrderStatus::TypeName)
            payload = typed<OrderStatus>(data, &error);
        else if (event.type == Presence::TypeName)
            payload = typed<Presence>(data, &error);
        else if (event.type == Message::TypeName)
            payload = typed<Message>(data, &error);
        else if (event.type == Reset::TypeName)
            payload = typed<Reset>(data, &error);
    }
    if (payload) {
        out.payload = std::move(*payload);
        return out;
    }
    // Types the app does not know, and data that is not what its type says,
    // are shown as what they are rather than dropped.
    out.payload = generic(event, QString::fromUtf8(event.type));
    if (!doc.isObject())
        out.note = QStringLiteral("the data is not a JSON object");
    else if (!error.field.isEmpty())
        out.note = QStringLiteral("an invalid %1 event (%2 %3)")
                       .arg(QString::fromUtf8(event.type), error.field, error.message);
    else
        out.note = QStringLiteral("a type this app does not know: %1").arg(QString::fromUtf8(event.type));
    return out;
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
