// SPDX-License-Identifier: MIT
#pragma once

#include "protocol.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <variant>

namespace Notify {

/// One received event as the client understands it: one of the contract's
/// typed events, whatever the server sent (see EventInterpreter).
struct InterpretedEvent
{
    /// Where the event came from.
    enum class Source { Stream, CatchUp, Poll };

    using Payload = std::variant<Protocol::Notification, Protocol::NotificationRead, Protocol::NotificationUnread,
                                 Protocol::OrderStatus, Protocol::Presence, Protocol::Message, Protocol::Reset,
                                 Protocol::NotificationClaimed, Protocol::NotificationEscalated>;

    QByteArray id; ///< the SSE id; empty when the server sent none
    Payload payload;
    Source source = Source::Stream;
    QString note; ///< set when the event is a generic fallback: why
    /// A keep-alive or hello message of the backend (`{"type":"heartbeat"}`):
    /// no event, nothing to show.
    bool control = false;
    /// What identifies the event's content where there is no SSE id
    /// (ContentDedup): "n:<notification id>", "m:<message id>",
    /// "o:<order>|<status>|<time>", or "h:<hash of type and data>".
    QByteArray contentKey;
    /// A hash key: remembered for a limited time only, so that the same
    /// plain-text alert on another day still shows.
    bool contentKeyExpires = false;
    /// A notification from a list that says it was read already.
    bool read = false;

    /// The contract's type name ("notification", "order_status", …).
    [[nodiscard]] QByteArray type() const;
    /// The normalized data, with the contract's field names.
    [[nodiscard]] QJsonObject data() const;
    [[nodiscard]] static QString sourceName(Source source);
};

} // namespace Notify

Q_DECLARE_METATYPE(Notify::InterpretedEvent)
