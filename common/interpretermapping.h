// SPDX-License-Identifier: MIT
#pragma once

#include "protocol.h"

#include <QHash>
#include <QJsonObject>
#include <QSet>
#include <QStringList>

#include <optional>

namespace Notify {

/// The names EventInterpreter looks for: where the type is, which names mean
/// which contract type, which fields hold which contract field, and the
/// words for levels and presence. Built in (docs/BACKENDS.md), extended by a
/// mapping file whose names are tried first.
class InterpreterMapping final
{
public:
    /// The names of docs/PROTOCOL.md and of common Django backends.
    [[nodiscard]] static InterpreterMapping builtIn();

    /// Adds a mapping file (docs/BACKENDS.md); false with @p error naming
    /// what is wrong (nothing is changed then).
    bool load(const QString &path, QString *error);
    bool merge(const QJsonObject &mapping, QString *error);

    /// "Order-Update" -> "order_update": lower case, `-` and `.` read as `_`.
    [[nodiscard]] static QString normalized(QStringView name);

    /// The JSON fields that may name the type, in order.
    [[nodiscard]] const QStringList &typeFields() const { return m_typeFields; }
    /// The members that hold the payload when the type came from inside the JSON.
    [[nodiscard]] const QStringList &payloadFields() const { return m_payloadFields; }
    /// The contract type a name means, if any.
    [[nodiscard]] std::optional<QByteArray> contractType(QStringView name) const;
    /// Keep-alive and hello messages (`heartbeat`, `ping`, `connection_established`…): not events.
    [[nodiscard]] bool isControl(QStringView name) const;
    /// The source names of @p field of @p type, in order ("title" -> title, subject, …).
    [[nodiscard]] QStringList fieldNames(QByteArrayView type, const QString &field) const;
    [[nodiscard]] std::optional<Protocol::Level> level(QStringView word) const;
    [[nodiscard]] std::optional<Protocol::PresenceStatus> presence(QStringView word) const;

    /// The contract types a mapping may name, and their fields.
    [[nodiscard]] static const QHash<QByteArray, QStringList> &contractFields();

private:
    QStringList m_typeFields;
    QStringList m_payloadFields;
    QHash<QString, QByteArray> m_synonyms; ///< normalized name -> contract type
    QSet<QString> m_control;
    QHash<QString, QStringList> m_fields; ///< "type.field" -> source names
    QHash<QString, Protocol::Level> m_levels;
    QHash<QString, Protocol::PresenceStatus> m_presence;
};

} // namespace Notify
