// SPDX-License-Identifier: MIT
#pragma once

// Internal to EventInterpreter (not for callers): the reading of events that
// are not exactly the contract's.

#include "interpretedevent.h"
#include "interpretermapping.h"

#include <QDateTime>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <optional>

namespace Notify {

/// Reads another backend's event as one contract type through an
/// InterpreterMapping: each contract field from the first of its known
/// names, times and ids as backends write them, a content key for
/// ContentDedup. Each reader but notification() returns nothing (with
/// @p why) when the event lacks what the type needs.
class MappedEventReader final
{
public:
    /// What one interpretation works with.
    struct Input
    {
        /// The event's data as it came; empty for an object from a list.
        QByteArray data;
        /// The whole event as JSON (the payload may be a part of it).
        QJsonObject whole;
        QString typeName; ///< as the server named it (for categories and hashes)
        QJsonObject payload;
        QDateTime arrival;

        /// The data as it came, or for an object from a list that object as
        /// compact JSON: written only where a hash or a raw body needs text.
        [[nodiscard]] QByteArray raw() const;
    };

    MappedEventReader(const InterpreterMapping &mapping, const QString &self);

    /// A notification. An unknown type is one too, with its name as category
    /// and, where nothing says more, as title with the raw data as body.
    [[nodiscard]] InterpretedEvent notification(const Input &in, bool knownType) const;
    [[nodiscard]] std::optional<InterpretedEvent> order(const Input &in, QString *why) const;
    [[nodiscard]] std::optional<InterpretedEvent> presence(const Input &in, QString *why) const;
    [[nodiscard]] std::optional<InterpretedEvent> message(const Input &in, QString *why) const;
    /// `notification_read` or, with @p T NotificationUnread, `notification_unread`.
    template<typename T>
    [[nodiscard]] std::optional<InterpretedEvent> readState(const Input &in, QString *why) const;

    /// The first line of @p body, trimmed.
    [[nodiscard]] static QString firstLine(const QString &body);
    /// The key of an event without an id: a hash of its type and data.
    [[nodiscard]] static QByteArray hashKey(const QString &typeName, const QByteArray &data);

private:
    [[nodiscard]] QJsonValue field(const Input &in, const QByteArray &type, const char *name) const;

    const InterpreterMapping &m_mapping;
    const QString &m_self;
};

} // namespace Notify
