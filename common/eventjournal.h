// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>

namespace Notify {

/// Exactly-once delivery to the application, on top of at-least-once on the wire.
///
/// Remembers the last event id and the ids of the most recent events it let
/// through (10,000 by default), and refuses any event it has seen, so a
/// replay after a reconnect, a restart of the app or a server that sends an
/// event twice never shows an alert twice. Its state is a small JSON document
/// the app stores (toJson()/fromJson(), or a file written atomically).
/// Events without an id cannot be recognised and always pass.
class EventJournal final
{
public:
    explicit EventJournal(qsizetype capacity = 10'000);

    /// True, and remembered, when @p id was not delivered before.
    bool accept(const QByteArray &id);
    /// Remembers @p id as delivered without moving the resume position (an
    /// event the app learned about from a snapshot rather than the stream).
    void markSeen(const QByteArray &id);
    [[nodiscard]] bool contains(const QByteArray &id) const { return m_seen.contains(id); }

    /// The id to resume from (what was last accepted, or set).
    [[nodiscard]] QByteArray lastEventId() const { return m_lastEventId; }
    void setLastEventId(const QByteArray &id) { m_lastEventId = id; }

    [[nodiscard]] qsizetype size() const { return m_order.size(); }
    [[nodiscard]] qsizetype capacity() const { return m_capacity; }

    [[nodiscard]] QByteArray toJson() const;
    /// Restores what toJson() wrote; false (and empty) for anything else.
    bool fromJson(const QByteArray &json);
    bool saveToFile(const QString &path, QString *error = nullptr) const;
    bool loadFromFile(const QString &path, QString *error = nullptr);

private:
    qsizetype m_capacity;
    QByteArray m_lastEventId;
    QList<QByteArray> m_order; ///< oldest first; a ring would save little here
    QHash<QByteArray, qsizetype> m_seen;
    qsizetype m_head = 0; ///< index of the oldest entry in m_order once full
};

} // namespace Notify
