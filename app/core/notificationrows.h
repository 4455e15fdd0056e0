// SPDX-License-Identifier: MIT
#pragma once

#include "notificationitem.h"

#include <QHash>
#include <QList>
#include <QStringList>

#include <optional>
#include <utility>

namespace Notify::Tray {

/// The notification list's rows, newest first by (createdAt, arrival), and
/// how to find them: by binary search on a row's key instead of an index
/// per row, an id's row through its key, and per kind of identical
/// notifications the row that takes more of them. NotificationModel says
/// what changes; this keeps the order and the lookups right.
class NotificationRows
{
public:
    struct Key
    {
        qint64 ms = 0;
        quint64 serial = 0;
        friend bool operator==(const Key &, const Key &) = default;
    };
    struct Row
    {
        NotificationItem item; ///< the newest of the group
        QList<NotificationItem> older; ///< identical ones before it, newest first
        Key key;
        /// The member with @p id (the newest or an older one), or null.
        [[nodiscard]] NotificationItem *member(const QString &id);
        /// How many unread notifications the row stands for.
        [[nodiscard]] int unread() const;
    };

    [[nodiscard]] static Key keyOf(const NotificationItem &item, quint64 serial);
    /// Whether a row with @p a goes above one with @p b.
    [[nodiscard]] static bool newer(const Key &a, const Key &b);
    static void sortNewestFirst(QList<Row> &rows);
    /// What identical notifications share (title, body, category, level).
    [[nodiscard]] static QString groupKey(const NotificationItem &item);

    [[nodiscard]] qsizetype size() const { return m_rows.size(); }
    [[nodiscard]] bool isEmpty() const { return m_rows.isEmpty(); }
    [[nodiscard]] const Row &at(int row) const { return m_rows.at(row); }
    [[nodiscard]] Row &operator[](int row) { return m_rows[row]; }

    /// The first row that is not newer than @p key: where a row with it goes.
    [[nodiscard]] int lowerBound(const Key &key) const;
    [[nodiscard]] std::optional<int> rowOfKey(const Key &key) const;
    /// The row that holds notification @p id.
    [[nodiscard]] std::optional<int> rowOf(const QString &id) const;
    [[nodiscard]] bool contains(const QString &id) const { return m_keyOf.contains(id); }
    /// The key of the row that takes more notifications like those of @p groupKey.
    [[nodiscard]] std::optional<Key> groupRow(const QString &groupKey) const;

    /// A row is in the list now: its ids and its group find it.
    void remember(const Row &row);
    /// A row leaves the list (or changes its key).
    void forget(const Row &row);
    /// Moves a row (a group that took a new member goes up). Out and in again rather than
    /// QList::move(), which rotates the rows between one swap at a time: rows are
    /// relocatable, so taking one out and putting it back are two memmoves.
    void move(int from, int to)
    {
        Row row = m_rows.takeAt(from);
        m_rows.insert(to, std::move(row));
    }
    /// Puts @p count rows from @p first in at @p at (remember() them too).
    void insert(int at, QList<Row>::iterator first, qsizetype count);
    /// Keeps the first @p count rows (forget() the others first).
    void truncate(qsizetype count) { m_rows.resize(count); }
    /// Takes the rows out, to be merged and put back with replace().
    [[nodiscard]] QList<Row> take() { return std::exchange(m_rows, {}); }
    void replace(QList<Row> rows) { m_rows = std::move(rows); }
    void clear();

    /// Every notification of a row (the newest first).
    [[nodiscard]] QStringList memberIds(int row) const;
    [[nodiscard]] qsizetype idCount() const { return m_idCount; }
    [[nodiscard]] int unreadCount(Notify::Protocol::Level level) const;
    [[nodiscard]] QStringList unreadIds() const;
    /// The categories there are, sorted for people.
    [[nodiscard]] QStringList categories() const;
    /// Every notification (grouped ones too), oldest first.
    [[nodiscard]] QList<NotificationItem> items() const;

private:
    QList<Row> m_rows; ///< newest first: (createdAt, arrival) descending
    QHash<QString, Key> m_keyOf; ///< every notification id -> its row's key
    QHash<QString, Key> m_groups; ///< group key -> the row that takes more of its kind
    qsizetype m_idCount = 0;
};

} // namespace Notify::Tray

// A row is relocatable as its item is: new rows go in at the top of the list by memmove.
Q_DECLARE_TYPEINFO(Notify::Tray::NotificationRows::Row, Q_RELOCATABLE_TYPE);
