// SPDX-License-Identifier: MIT
// The contract's enum names and its event types' fromJson()/toJson(): one
// JSON reader (FieldReader) shared by every type. The scalar formats (event
// type names, UTC timestamps, event ids) are in protocolformats.cpp.
#include "protocol.h"

#include <QJsonArray>
#include <QJsonValue>
#include <QTimeZone>

#include <array>
#include <utility>

namespace Notify::Protocol {

namespace {

template<typename Enum, std::size_t N>
using NameTable = std::array<std::pair<Enum, const char16_t *>, N>;

constexpr NameTable<Level, 4> LevelNames{ {
    { Level::Info, u"info" },
    { Level::Success, u"success" },
    { Level::Warning, u"warning" },
    { Level::Error, u"error" },
} };
constexpr NameTable<OrderState, 7> OrderStateNames{ {
    { OrderState::Pending, u"pending" },
    { OrderState::Confirmed, u"confirmed" },
    { OrderState::Processing, u"processing" },
    { OrderState::Shipped, u"shipped" },
    { OrderState::Delivered, u"delivered" },
    { OrderState::Cancelled, u"cancelled" },
    { OrderState::Refunded, u"refunded" },
} };
constexpr NameTable<PresenceStatus, 4> PresenceNames{ {
    { PresenceStatus::Online, u"online" },
    { PresenceStatus::Away, u"away" },
    { PresenceStatus::Busy, u"busy" },
    { PresenceStatus::Offline, u"offline" },
} };
constexpr NameTable<ResetReason, 3> ResetReasonNames{ {
    { ResetReason::Expired, u"expired" },
    { ResetReason::UnknownEpoch, u"unknown_epoch" },
    { ResetReason::InvalidId, u"invalid_id" },
} };

template<typename Enum, std::size_t N>
QString nameOf(const NameTable<Enum, N> &table, Enum value)
{
    for (const auto &[e, name] : table) {
        if (e == value)
            return QString::fromUtf16(name);
    }
    Q_UNREACHABLE();
    return {};
}

template<typename Enum, std::size_t N>
std::optional<Enum> valueOf(const NameTable<Enum, N> &table, QStringView text)
{
    for (const auto &[e, name] : table) {
        if (text == QStringView(name))
            return e;
    }
    return std::nullopt;
}

template<typename Enum, std::size_t N>
QString allowedNames(const NameTable<Enum, N> &table)
{
    QStringList names;
    for (const auto &entry : table)
        names << QString::fromUtf16(entry.second);
    return names.join(u", ");
}

// Reads the fields of one JSON object, remembering the first error and
// every field it consumed (what is left over is "extra").
class FieldReader
{
public:
    explicit FieldReader(const QJsonObject &json)
        : m_json(json)
    { }

    bool failed() const { return m_error.has_value(); }

    bool fail(const QString &field, const QString &message)
    {
        if (!m_error)
            m_error = FieldError{ field, message };
        return false;
    }

    // A non-empty string; integers are accepted for identifiers and kept as text.
    bool identifier(const char *field, QString &out, bool required = true)
    {
        const QJsonValue v = take(field);
        const QString name = QString::fromLatin1(field);
        if (v.isUndefined() || v.isNull())
            return required ? fail(name, QStringLiteral("is required")) : true;
        if (v.isString() && !v.toString().isEmpty()) {
            out = v.toString();
            return true;
        }
        if (v.isDouble()) {
            const double d = v.toDouble();
            if (d == static_cast<double>(static_cast<qint64>(d))) {
                out = QString::number(static_cast<qint64>(d));
                return true;
            }
        }
        return fail(name, QStringLiteral("must be a non-empty string or an integer"));
    }

    bool string(const char *field, QString &out, bool required, bool allowEmpty = true)
    {
        const QJsonValue v = take(field);
        const QString name = QString::fromLatin1(field);
        if (v.isUndefined() || (v.isNull() && !required))
            return required ? fail(name, QStringLiteral("is required")) : true;
        if (!v.isString())
            return fail(name, QStringLiteral("must be a string"));
        if (!allowEmpty && v.toString().isEmpty())
            return fail(name, QStringLiteral("must not be empty"));
        out = v.toString();
        return true;
    }

    template<typename Enum, std::size_t N>
    bool enumeration(const char *field, const NameTable<Enum, N> &table, std::optional<Enum> &out, bool required)
    {
        const QJsonValue v = take(field);
        const QString name = QString::fromLatin1(field);
        if (v.isUndefined() || (v.isNull() && !required))
            return required ? fail(name, QStringLiteral("is required")) : true;
        if (!v.isString())
            return fail(name, QStringLiteral("must be a string"));
        out = valueOf(table, v.toString());
        if (!out)
            return fail(name, QStringLiteral("must be one of: ") + allowedNames(table));
        return true;
    }

    bool timestamp(const char *field, QDateTime &out, bool required = true)
    {
        QString text;
        if (!string(field, text, required))
            return false;
        if (text.isNull())
            return true;
        const auto time = parseUtcTimestamp(text);
        if (!time)
            return fail(QString::fromLatin1(field), QStringLiteral("must be an ISO 8601 timestamp in UTC"));
        out = *time;
        return true;
    }

    bool stringList(const char *field, QStringList &out)
    {
        const QJsonValue v = take(field);
        const QString name = QString::fromLatin1(field);
        if (v.isUndefined())
            return fail(name, QStringLiteral("is required"));
        if (!v.isArray())
            return fail(name, QStringLiteral("must be an array"));
        const QJsonArray array = v.toArray();
        QStringList ids;
        ids.reserve(array.size());
        for (qsizetype i = 0; i < array.size(); ++i) {
            const QJsonValue item = array.at(i);
            if (item.isString() && !item.toString().isEmpty())
                ids << item.toString();
            else if (item.isDouble() && item.toDouble() == static_cast<double>(static_cast<qint64>(item.toDouble())))
                ids << QString::number(static_cast<qint64>(item.toDouble()));
            else
                return fail(name + u'[' + QString::number(i) + u']',
                            QStringLiteral("must be a non-empty string or an integer"));
        }
        out = ids;
        return true;
    }

    // Reports the outcome; on success returns the fields nobody read.
    template<typename T>
    std::optional<T> finish(T value, QJsonObject T::*extra, FieldError *error)
    {
        if (m_error) {
            if (error)
                *error = *m_error;
            return std::nullopt;
        }
        value.*extra = m_json;
        return value;
    }

private:
    QJsonValue take(const char *field) { return m_json.take(QLatin1StringView(field)); }

    QJsonObject m_json;
    std::optional<FieldError> m_error;
};

void putTimestamp(QJsonObject &json, const char *field, const QDateTime &time)
{
    if (time.isValid())
        json.insert(QLatin1StringView(field), formatUtcTimestamp(time));
}

void putOptional(QJsonObject &json, const char *field, const QString &value)
{
    if (!value.isNull())
        json.insert(QLatin1StringView(field), value);
}

} // namespace

QString toString(Level value)
{
    return nameOf(LevelNames, value);
}
QString toString(OrderState value)
{
    return nameOf(OrderStateNames, value);
}
QString toString(PresenceStatus value)
{
    return nameOf(PresenceNames, value);
}
QString toString(ResetReason value)
{
    return nameOf(ResetReasonNames, value);
}
std::optional<Level> levelFromString(QStringView text)
{
    return valueOf(LevelNames, text);
}
std::optional<OrderState> orderStateFromString(QStringView text)
{
    return valueOf(OrderStateNames, text);
}
std::optional<PresenceStatus> presenceStatusFromString(QStringView text)
{
    return valueOf(PresenceNames, text);
}
std::optional<ResetReason> resetReasonFromString(QStringView text)
{
    return valueOf(ResetReasonNames, text);
}

std::optional<Notification> Notification::fromJson(const QJsonObject &json, FieldError *error)
{
    FieldReader r(json);
    Notification n;
    std::optional<Level> level;
    r.identifier("notification_id", n.notificationId) && r.string("title", n.title, true, false)
        && r.string("body", n.body, false) && r.enumeration("level", LevelNames, level, false)
        && r.string("category", n.category, false) && r.string("link", n.link, false)
        && r.timestamp("created_at", n.createdAt);
    n.level = level.value_or(Level::Info);
    return r.finish(std::move(n), &Notification::extra, error);
}

QJsonObject Notification::toJson() const
{
    QJsonObject json = extra;
    json.insert(QLatin1StringView("notification_id"), notificationId);
    json.insert(QLatin1StringView("title"), title);
    putOptional(json, "body", body);
    json.insert(QLatin1StringView("level"), toString(level));
    putOptional(json, "category", category);
    putOptional(json, "link", link);
    putTimestamp(json, "created_at", createdAt);
    return json;
}

std::optional<NotificationRead> NotificationRead::fromJson(const QJsonObject &json, FieldError *error)
{
    FieldReader r(json);
    NotificationRead n;
    r.stringList("notification_ids", n.notificationIds);
    return r.finish(std::move(n), &NotificationRead::extra, error);
}

std::optional<NotificationUnread> NotificationUnread::fromJson(const QJsonObject &json, FieldError *error)
{
    auto read = NotificationRead::fromJson(json, error);
    if (!read)
        return std::nullopt;
    return NotificationUnread{ std::move(*read) };
}

QJsonObject NotificationRead::toJson() const
{
    QJsonObject json = extra;
    json.insert(QLatin1StringView("notification_ids"), QJsonArray::fromStringList(notificationIds));
    return json;
}

std::optional<NotificationClaimed> NotificationClaimed::fromJson(const QJsonObject &json, FieldError *error)
{
    FieldReader r(json);
    NotificationClaimed c;
    // Released: both null (or absent); claimed: both set.
    r.identifier("notification_id", c.notificationId) && r.string("claimed_by", c.claimedBy, false)
        && r.timestamp("claimed_at", c.claimedAt, false);
    if (!r.failed() && !c.claimedBy.isEmpty() && !c.claimedAt.isValid())
        r.fail(QStringLiteral("claimed_at"), QStringLiteral("is required when claimed_by is set"));
    return r.finish(std::move(c), &NotificationClaimed::extra, error);
}

QJsonObject NotificationClaimed::toJson() const
{
    QJsonObject json = extra;
    json.insert(QLatin1StringView("notification_id"), notificationId);
    json.insert(QLatin1StringView("claimed_by"), claimedBy.isEmpty() ? QJsonValue() : QJsonValue(claimedBy));
    json.insert(QLatin1StringView("claimed_at"),
                claimedBy.isEmpty() ? QJsonValue() : QJsonValue(formatUtcTimestamp(claimedAt)));
    return json;
}

std::optional<NotificationEscalated> NotificationEscalated::fromJson(const QJsonObject &json, FieldError *error)
{
    FieldReader r(json);
    NotificationEscalated e;
    r.identifier("notification_id", e.notificationId);
    return r.finish(std::move(e), &NotificationEscalated::extra, error);
}

QJsonObject NotificationEscalated::toJson() const
{
    QJsonObject json = extra;
    json.insert(QLatin1StringView("notification_id"), notificationId);
    return json;
}

std::optional<OrderStatus> OrderStatus::fromJson(const QJsonObject &json, FieldError *error)
{
    FieldReader r(json);
    OrderStatus o;
    std::optional<OrderState> status;
    r.identifier("order_id", o.orderId) && r.enumeration("status", OrderStateNames, status, true)
        && r.enumeration("previous_status", OrderStateNames, o.previousStatus, false) && r.string("note", o.note, false)
        && r.timestamp("updated_at", o.updatedAt);
    if (status)
        o.status = *status;
    return r.finish(std::move(o), &OrderStatus::extra, error);
}

std::optional<OrderStatus> OrderStatus::fromStored(const QJsonObject &json)
{
    // An unlisted status is read as a listed one, then put back as the text it was.
    QJsonObject listed = json;
    QString unlisted[2];
    const QLatin1StringView fields[2] = { QLatin1StringView("status"), QLatin1StringView("previous_status") };
    for (int i = 0; i < 2; ++i) {
        const QJsonValue value = json.value(fields[i]);
        if (value.isString() && !value.toString().isEmpty() && !orderStateFromString(value.toString())) {
            unlisted[i] = value.toString();
            listed.insert(fields[i], toString(OrderState::Pending));
        }
    }
    auto order = fromJson(listed);
    if (!order)
        return std::nullopt;
    order->unlistedStatus = unlisted[0];
    order->unlistedPreviousStatus = unlisted[1];
    if (!unlisted[1].isEmpty())
        order->previousStatus.reset();
    return order;
}

QString OrderStatus::statusName() const
{
    return unlistedStatus.isEmpty() ? toString(status) : unlistedStatus;
}

QString OrderStatus::previousStatusName() const
{
    if (!unlistedPreviousStatus.isEmpty())
        return unlistedPreviousStatus;
    return previousStatus ? toString(*previousStatus) : QString();
}

QJsonObject OrderStatus::toJson() const
{
    QJsonObject json = extra;
    json.insert(QLatin1StringView("order_id"), orderId);
    json.insert(QLatin1StringView("status"), statusName());
    if (!previousStatusName().isEmpty())
        json.insert(QLatin1StringView("previous_status"), previousStatusName());
    putOptional(json, "note", note);
    putTimestamp(json, "updated_at", updatedAt);
    return json;
}

std::optional<Presence> Presence::fromJson(const QJsonObject &json, FieldError *error)
{
    FieldReader r(json);
    Presence p;
    std::optional<PresenceStatus> status;
    r.string("user", p.user, true, false) && r.string("display_name", p.displayName, false)
        && r.enumeration("status", PresenceNames, status, true) && r.timestamp("since", p.since);
    if (status)
        p.status = *status;
    return r.finish(std::move(p), &Presence::extra, error);
}

QJsonObject Presence::toJson() const
{
    QJsonObject json = extra;
    json.insert(QLatin1StringView("user"), user);
    putOptional(json, "display_name", displayName);
    json.insert(QLatin1StringView("status"), toString(status));
    putTimestamp(json, "since", since);
    return json;
}

std::optional<Message> Message::fromJson(const QJsonObject &json, FieldError *error)
{
    FieldReader r(json);
    Message m;
    r.identifier("message_id", m.messageId) && r.string("from", m.from, true, false)
        && r.string("to", m.to, true, false) && r.string("body", m.body, true) && r.timestamp("sent_at", m.sentAt);
    return r.finish(std::move(m), &Message::extra, error);
}

QJsonObject Message::toJson() const
{
    QJsonObject json = extra;
    json.insert(QLatin1StringView("message_id"), messageId);
    json.insert(QLatin1StringView("from"), from);
    json.insert(QLatin1StringView("to"), to);
    json.insert(QLatin1StringView("body"), body);
    putTimestamp(json, "sent_at", sentAt);
    return json;
}

std::optional<Reset> Reset::fromJson(const QJsonObject &json, FieldError *error)
{
    FieldReader r(json);
    Reset reset;
    std::optional<ResetReason> reason;
    r.enumeration("reason", ResetReasonNames, reason, true) && r.string("last_event_id", reset.lastEventId, true);
    if (reason)
        reset.reason = *reason;
    return r.finish(std::move(reset), &Reset::extra, error);
}

QJsonObject Reset::toJson() const
{
    QJsonObject json = extra;
    json.insert(QLatin1StringView("reason"), toString(reason));
    json.insert(QLatin1StringView("last_event_id"), lastEventId);
    return json;
}

} // namespace Notify::Protocol
