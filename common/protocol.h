// SPDX-License-Identifier: MIT
#pragma once

// The event types of the notify protocol (docs/PROTOCOL.md, "Events") as
// value types. They live together in one header, against the one-class-per-
// file habit, because they are one vocabulary: small aggregates that are read
// and written together and share one JSON reader.

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace Notify::Protocol {

Q_NAMESPACE

/// Where validation failed: the JSON field (e.g. "title", "notification_ids[2]")
/// and a sentence for people.
struct FieldError
{
    QString field;
    QString message;
};

enum class Level { Info, Success, Warning, Error };
Q_ENUM_NS(Level)

enum class OrderState { Pending, Confirmed, Processing, Shipped, Delivered, Cancelled, Refunded };
Q_ENUM_NS(OrderState)

enum class PresenceStatus { Online, Away, Busy, Offline };
Q_ENUM_NS(PresenceStatus)

enum class ResetReason { Expired, UnknownEpoch, InvalidId };
Q_ENUM_NS(ResetReason)

/// The contract's wire names of the enums ("info", "shipped", "unknown_epoch", …).
[[nodiscard]] QString toString(Level value);
[[nodiscard]] QString toString(OrderState value);
[[nodiscard]] QString toString(PresenceStatus value);
[[nodiscard]] QString toString(ResetReason value);
[[nodiscard]] std::optional<Level> levelFromString(QStringView text);
[[nodiscard]] std::optional<OrderState> orderStateFromString(QStringView text);
[[nodiscard]] std::optional<PresenceStatus> presenceStatusFromString(QStringView text);
[[nodiscard]] std::optional<ResetReason> resetReasonFromString(QStringView text);

/// True for the event type names anyone may publish: `[a-z][a-z0-9_]{0,63}`.
[[nodiscard]] bool isValidEventType(QByteArrayView type) noexcept;

/// ISO 8601 in UTC, as the contract wants timestamps: "Z" or "+00:00" only.
[[nodiscard]] std::optional<QDateTime> parseUtcTimestamp(const QString &text);
/// Formats with milliseconds only when there are some: 2026-11-28T11:42:23Z.
[[nodiscard]] QString formatUtcTimestamp(const QDateTime &time);

/// An event id `<epoch>-<seq>`: 8 lowercase hex digits, a decimal 64-bit counter.
struct EventId
{
    quint32 epoch = 0;
    quint64 seq = 0;

    [[nodiscard]] static std::optional<EventId> parse(QByteArrayView text);
    [[nodiscard]] QByteArray toByteArray() const;
    friend bool operator==(const EventId &, const EventId &) = default;
};

// Each type: fromJson() validates completely and returns nothing (with
// @p error filled) rather than a half-filled value; unknown fields are kept
// in `extra` and written back by toJson().

struct Notification
{
    QString notificationId;
    QString title;
    QString body;
    Level level = Level::Info;
    QString category;
    QString link;
    QDateTime createdAt;
    QJsonObject extra;

    static constexpr auto TypeName = "notification";
    [[nodiscard]] static std::optional<Notification> fromJson(const QJsonObject &json, FieldError *error = nullptr);
    [[nodiscard]] QJsonObject toJson() const;
};

struct NotificationRead
{
    QStringList notificationIds;
    QJsonObject extra;

    static constexpr auto TypeName = "notification_read";
    [[nodiscard]] static std::optional<NotificationRead> fromJson(const QJsonObject &json, FieldError *error = nullptr);
    [[nodiscard]] QJsonObject toJson() const;
};

/// `notification_unread`: the same shape as a read, the other way.
struct NotificationUnread : NotificationRead
{
    static constexpr auto TypeName = "notification_unread";
    [[nodiscard]] static std::optional<NotificationUnread> fromJson(const QJsonObject &json,
                                                                    FieldError *error = nullptr);
};

/// `notification_claimed`: who handles a notification now (`claimedBy`
/// empty: released, nobody does).
struct NotificationClaimed
{
    QString notificationId;
    QString claimedBy;
    QDateTime claimedAt;
    QJsonObject extra;

    static constexpr auto TypeName = "notification_claimed";
    [[nodiscard]] static std::optional<NotificationClaimed> fromJson(const QJsonObject &json,
                                                                     FieldError *error = nullptr);
    [[nodiscard]] QJsonObject toJson() const;
};

/// `notification_escalated`: an error notification nobody claimed in time, announced once more.
struct NotificationEscalated
{
    QString notificationId;
    QJsonObject extra;

    static constexpr auto TypeName = "notification_escalated";
    [[nodiscard]] static std::optional<NotificationEscalated> fromJson(const QJsonObject &json,
                                                                       FieldError *error = nullptr);
    [[nodiscard]] QJsonObject toJson() const;
};

struct OrderStatus
{
    QString orderId;
    OrderState status = OrderState::Pending;
    std::optional<OrderState> previousStatus;
    QString note;
    QDateTime updatedAt;
    QJsonObject extra;
    /// A status outside the contract's list, as another backend named it
    /// ("on_hold"); shown as it is. Empty for the contract's statuses.
    QString unlistedStatus;
    QString unlistedPreviousStatus;

    /// The status as people read it: the contract's name, or the unlisted one.
    [[nodiscard]] QString statusName() const;
    [[nodiscard]] QString previousStatusName() const;

    static constexpr auto TypeName = "order_status";
    [[nodiscard]] static std::optional<OrderStatus> fromJson(const QJsonObject &json, FieldError *error = nullptr);
    /// What toJson() wrote, unlisted statuses included (fromJson() refuses
    /// those, as the contract does): for the app's own history.
    [[nodiscard]] static std::optional<OrderStatus> fromStored(const QJsonObject &json);
    [[nodiscard]] QJsonObject toJson() const;
};

struct Presence
{
    QString user;
    QString displayName;
    PresenceStatus status = PresenceStatus::Offline;
    QDateTime since;
    QJsonObject extra;

    static constexpr auto TypeName = "presence";
    [[nodiscard]] static std::optional<Presence> fromJson(const QJsonObject &json, FieldError *error = nullptr);
    [[nodiscard]] QJsonObject toJson() const;
};

struct Message
{
    QString messageId;
    QString from;
    QString to;
    QString body;
    QDateTime sentAt;
    QJsonObject extra;

    static constexpr auto TypeName = "message";
    [[nodiscard]] static std::optional<Message> fromJson(const QJsonObject &json, FieldError *error = nullptr);
    [[nodiscard]] QJsonObject toJson() const;
};

struct Reset
{
    ResetReason reason = ResetReason::InvalidId;
    QString lastEventId;
    QJsonObject extra;

    static constexpr auto TypeName = "reset";
    [[nodiscard]] static std::optional<Reset> fromJson(const QJsonObject &json, FieldError *error = nullptr);
    [[nodiscard]] QJsonObject toJson() const;
};

} // namespace Notify::Protocol
