// SPDX-License-Identifier: MIT
#pragma once

#include "notificationrows.h"

#include <QHash>
#include <QList>
#include <QPair>

#include <optional>

namespace Notify::Tray {

/// Sorts a batch of incoming notifications out against the list: updates
/// of ones it has (in place: the fields change, a read flag stays read),
/// identical ones (same title, body, level and category) within
/// GroupWindowMs that join one row ("×5") in the batch or in the list, and
/// new rows. It counts what the batch does to the unread ones; the model
/// then puts the rows in.
class NotificationBatch
{
public:
    static constexpr qint64 GroupWindowMs = 10 * 60 * 1000;

    /// @p oldestMs: new ones older than this were counted beyond the list.
    NotificationBatch(NotificationRows &rows, quint64 &nextSerial, std::optional<qint64> oldestMs);

    /// Takes @p incoming; returns the row of the list it updated in place, if it did.
    std::optional<int> add(const NotificationItem &incoming);

    /// An update of a notification we have: the fields change, a read flag
    /// stays read. Returns how the unread count changes.
    static int update(NotificationItem &target, const NotificationItem &incoming);

    /// Rows to go in: new ones, and those of the list that took a new member.
    [[nodiscard]] QList<NotificationRows::Row> &fresh() { return m_fresh; }
    /// Rows of the list that join a fresh row: (row, index in fresh()).
    [[nodiscard]] const QList<QPair<int, qsizetype>> &moved() const { return m_moved; }
    [[nodiscard]] int unreadDelta() const { return m_unreadDelta; }
    /// New ones that were counted beyond the list, and how many of them are unread.
    [[nodiscard]] qint64 takenFromBeyond() const { return m_takenFromBeyond; }
    [[nodiscard]] qint64 unreadFromBeyond() const { return m_unreadFromBeyond; }

private:
    NotificationRows &m_rows;
    quint64 &m_nextSerial;
    std::optional<qint64> m_oldestMs;
    QList<NotificationRows::Row> m_fresh;
    QHash<QString, qsizetype> m_freshById; ///< every id already in a fresh row
    QHash<QString, qsizetype> m_freshByGroup;
    QList<QPair<int, qsizetype>> m_moved;
    int m_unreadDelta = 0;
    qint64 m_takenFromBeyond = 0;
    qint64 m_unreadFromBeyond = 0;
};

} // namespace Notify::Tray
