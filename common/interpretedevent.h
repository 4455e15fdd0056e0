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

    using Payload = std::variant<Protocol::Notification, Protocol::NotificationRead, Protocol::OrderStatus,
                                 Protocol::Presence, Protocol::Message, Protocol::Reset>;

    QByteArray id; ///< the SSE id; empty when the server sent none
    Payload payload;
    Source source = Source::Stream;
    QString note; ///< set when the event was guessed or is a generic fallback: why

    /// The contract's type name ("notification", "order_status", …).
    [[nodiscard]] QByteArray type() const;
    /// The normalized data, with the contract's field names.
    [[nodiscard]] QJsonObject data() const;
    [[nodiscard]] static QString sourceName(Source source);
};

} // namespace Notify
