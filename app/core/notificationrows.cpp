// SPDX-License-Identifier: MIT
#include "notificationrows.h"

#include <QSet>

#include <utility>

#include <algorithm>

namespace Notify::Tray {

NotificationRows::Key NotificationRows::keyOf(const NotificationItem &item, quint64 serial)
{
    return { item.createdAt.isValid() ? item.createdAt.toMSecsSinceEpoch() : 0, serial };
}

bool NotificationRows::newer(const Key &a, const Key &b)
{
    return a.ms != b.ms ? a.ms > b.ms : a.serial > b.serial;
}

void NotificationRows::sortNewestFirst(QList<Row> &rows)
{
    std::sort(rows.begin(), rows.end(), [](const Row &a, const Row &b) { return newer(a.key, b.key); });
}

QString NotificationRows::groupKey(const NotificationItem &item)
{
    return item.title + QChar(0x1f) + item.body + QChar(0x1f) + item.category + QChar(0x1f)
        + QString::number(int(item.level));
}

NotificationItem *NotificationRows::Row::member(const QString &id)
{
    if (item.id == id)
        return &item;
    const auto it = std::find_if(older.begin(), older.end(), [&id](const NotificationItem &o) { return o.id == id; });
    return it == older.end() ? nullptr : &*it;
}

int NotificationRows::Row::unread() const
{
    int unread = item.read ? 0 : 1;
    for (const NotificationItem &o : older)
        unread += o.read ? 0 : 1;
    return unread;
}

int NotificationRows::lowerBound(const Key &key) const
{
    const auto it = std::lower_bound(m_rows.cbegin(), m_rows.cend(), key,
                                     [](const Row &row, const Key &k) { return newer(row.key, k); });
    return int(it - m_rows.cbegin());
}

std::optional<int> NotificationRows::rowOfKey(const Key &key) const
{
    const int row = lowerBound(key);
    if (row < m_rows.size() && m_rows.at(row).key == key)
        return row;
    return std::nullopt;
}

std::optional<int> NotificationRows::rowOf(const QString &id) const
{
    const auto it = m_keyOf.constFind(id);
    return it == m_keyOf.constEnd() ? std::nullopt : rowOfKey(*it);
}

std::optional<NotificationRows::Key> NotificationRows::groupRow(const QString &groupKey) const
{
    const auto it = m_groups.constFind(groupKey);
    return it == m_groups.constEnd() ? std::nullopt : std::optional(*it);
}

void NotificationRows::remember(const Row &row)
{
    m_keyOf.insert(row.item.id, row.key);
    for (const NotificationItem &older : row.older)
        m_keyOf.insert(older.id, row.key);
    m_idCount += 1 + row.older.size();
    m_groups.insert(groupKey(row.item), row.key);
}

void NotificationRows::forget(const Row &row)
{
    m_keyOf.remove(row.item.id);
    for (const NotificationItem &older : row.older)
        m_keyOf.remove(older.id);
    m_idCount -= 1 + row.older.size();
    const auto group = m_groups.find(groupKey(row.item));
    if (group != m_groups.end() && *group == row.key)
        m_groups.erase(group);
}

void NotificationRows::insert(int at, QList<Row>::iterator first, qsizetype count)
{
    m_rows.insert(at, count, Row());
    std::move(first, first + count, m_rows.begin() + at);
}

void NotificationRows::clear()
{
    m_rows.clear();
    m_keyOf.clear();
    m_groups.clear();
    m_idCount = 0;
}

QStringList NotificationRows::memberIds(int row) const
{
    const Row &r = m_rows.at(row);
    QStringList ids{ r.item.id };
    for (const NotificationItem &older : r.older)
        ids << older.id;
    return ids;
}

int NotificationRows::unreadCount(Notify::Protocol::Level level) const
{
    // A scan (10,000 rows in microseconds), for the tray's state once a
    // second, rather than one more count to keep right through updates
    // that change a level.
    int count = 0;
    for (const Row &r : m_rows) {
        count += !r.item.read && r.item.level == level ? 1 : 0;
        for (const NotificationItem &older : r.older)
            count += !older.read && older.level == level ? 1 : 0;
    }
    return count;
}

QStringList NotificationRows::unreadIds() const
{
    QStringList ids;
    for (const Row &r : m_rows) {
        if (!r.item.read)
            ids << r.item.id;
        for (const NotificationItem &older : r.older) {
            if (!older.read)
                ids << older.id;
        }
    }
    return ids;
}

QStringList NotificationRows::categories() const
{
    QSet<QString> seen; // a list's contains() was a string compare per row per category, per batch
    QStringList out;
    for (const Row &r : m_rows) {
        if (!r.item.category.isEmpty() && !seen.contains(r.item.category)) {
            seen.insert(r.item.category);
            out << r.item.category;
        }
    }
    std::sort(out.begin(), out.end(),
              [](const QString &a, const QString &b) { // as people sort: "accounts" before "Billing"
                  return QString::localeAwareCompare(a.toCaseFolded(), b.toCaseFolded()) < 0;
              });
    return out;
}

QList<NotificationItem> NotificationRows::items() const
{
    QList<NotificationItem> out;
    out.reserve(m_idCount);
    for (auto row = m_rows.crbegin(); row != m_rows.crend(); ++row) {
        for (auto older = row->older.crbegin(); older != row->older.crend(); ++older)
            out << *older;
        out << row->item;
    }
    return out;
}

} // namespace Notify::Tray
