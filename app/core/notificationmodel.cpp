// SPDX-License-Identifier: MIT
#include "notificationmodel.h"

#include "displaytext.h"
#include "levelicons.h"

#include <QFont>
#include <QLocale>
#include <QSet>

#include <algorithm>

namespace Notify::Tray {

NotificationModel::NotificationModel(QObject *parent, qsizetype capacity)
    : QAbstractTableModel(parent)
    , m_capacity(capacity)
{ }

int NotificationModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int NotificationModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

void NotificationModel::adjustUnread(int delta)
{
    if (delta == 0)
        return;
    m_counts.adjustLoaded(delta);
    emit unreadCountChanged(unreadCount());
}

void NotificationModel::setBeyond(qint64 notifications, std::optional<qint64> unread)
{
    // Any change of what is beyond the list is news for the counts ("37+", "8 more on the server").
    if (m_counts.setBeyond(notifications, unread))
        emit unreadCountChanged(unreadCount());
}

void NotificationModel::setCapacity(qsizetype capacity)
{
    m_capacity = std::max(m_capacity, capacity);
}

qsizetype NotificationModel::applyOlder(const QList<NotificationItem> &items)
{
    QList<NotificationItem> fresh;
    qint64 freshUnread = 0;
    for (const NotificationItem &item : items) {
        if (!m_rows.contains(item.id)) {
            fresh << item;
            freshUnread += item.read ? 0 : 1;
        }
    }
    setCapacity(m_rows.size() + fresh.size());
    // They were counted beyond the list (the server listed them after what
    // the list holds); now they are in it.
    m_counts.takeFromBeyond(fresh.size(), freshUnread);
    applyItems(fresh, false);
    if (!fresh.isEmpty())
        emit unreadCountChanged(unreadCount()); // "N more on the server" is fewer
    return fresh.size();
}

void NotificationModel::moveUp(QList<Row> &fresh, const QList<QPair<int, qsizetype>> &moved)
{
    // By their old keys: rows shift as others move.
    QList<QPair<Key, qsizetype>> byKey;
    for (const auto &[row, index] : moved)
        byKey.append({ m_rows.at(row).key, index });
    for (const auto &[oldKey, index] : std::as_const(byKey)) {
        const auto from = m_rows.rowOfKey(oldKey);
        if (!from)
            continue;
        Row updated = std::move(fresh[index]);
        m_rows.forget(m_rows.at(*from));
        const int to = std::min(m_rows.lowerBound(updated.key), *from); // newer: at or above where it was
        if (to < *from) {
            beginMoveRows({}, *from, *from, {}, to);
            m_rows.move(*from, to);
            endMoveRows();
        }
        m_rows[to] = std::move(updated);
        m_rows.remember(m_rows.at(to));
        emit dataChanged(createIndex(to, 0), createIndex(to, ColumnCount - 1));
    }
}

void NotificationModel::apply(const QList<NotificationItem> &items)
{
    applyItems(items, true);
    // Only a list's items say who handles them; a stream's notification changes no claim.
    if (std::any_of(items.cbegin(), items.cend(), [](const NotificationItem &item) { return item.claimStated; }))
        emit claimsChanged();
}

void NotificationModel::applyItems(const QList<NotificationItem> &items, bool olderAreBeyond)
{
    // What is beyond the list is older than everything it holds: a new one
    // older than the oldest row is one of those (a stream delivering what
    // a snapshot counted but did not list), and is counted here instead.
    const std::optional<qint64> oldestMs = olderAreBeyond && m_counts.beyond() > 0 && !m_rows.isEmpty()
        ? std::optional(m_rows.at(int(m_rows.size()) - 1).key.ms)
        : std::nullopt;
    NotificationBatch batch(m_rows, m_nextSerial, oldestMs);
    for (const NotificationItem &incoming : items) {
        if (const auto row = batch.add(incoming))
            emit dataChanged(createIndex(*row, 0), createIndex(*row, ColumnCount - 1));
    }
    if (batch.takenFromBeyond() > 0) {
        // They move into the list: counted there now (adjustUnread), no longer beyond.
        m_counts.takeFromBeyond(batch.takenFromBeyond(), batch.unreadFromBeyond());
        if (batch.unreadDelta() == 0)
            emit unreadCountChanged(unreadCount()); // "N more on the server" is fewer
    }
    // The count first: whoever looks at the new rows sees it right.
    adjustUnread(batch.unreadDelta());
    QList<Row> &fresh = batch.fresh();
    const QList<QPair<int, qsizetype>> &moved = batch.moved();
    if (moved.size() > MaxRangeSignals) {
        relayout(std::move(fresh), moved);
    } else {
        // A few rows that take a new member move up (a move: views keep
        // their selection on it, the detail pane its row); the new ones go
        // in as ranges.
        moveUp(fresh, moved);
        QSet<qsizetype> movedIndexes;
        for (const auto &entry : std::as_const(moved))
            movedIndexes.insert(entry.second);
        QList<Row> rest;
        for (qsizetype i = 0; i < fresh.size(); ++i) {
            if (!movedIndexes.contains(i))
                rest << std::move(fresh[i]);
        }
        insertRows(std::move(rest));
    }
    trim();
}

void NotificationModel::insertRows(QList<Row> rows)
{
    if (rows.isEmpty())
        return;
    NotificationRows::sortNewestFirst(rows);
    // Runs that go into the same gap are inserted as one range; rows
    // scattered over many gaps (a catch-up of older ones) are merged in
    // one layout change instead of a signal per gap.
    QList<QPair<qsizetype, qsizetype>> runs; // [begin, end) of rows, in order
    for (qsizetype i = 0; i < rows.size();) {
        const int at = m_rows.lowerBound(rows.at(i).key);
        qsizetype end = i + 1;
        while (end < rows.size() && m_rows.lowerBound(rows.at(end).key) == at)
            ++end;
        runs.append({ i, end });
        i = end;
    }
    if (runs.size() > MaxRangeSignals) {
        relayout(std::move(rows), {});
        return;
    }
    int addedAtTop = 0;
    for (const auto &[begin, end] : std::as_const(runs)) {
        const int at = m_rows.lowerBound(rows.at(begin).key);
        beginInsertRows({}, at, at + int(end - begin) - 1);
        for (qsizetype k = begin; k < end; ++k)
            m_rows.remember(rows.at(k));
        m_rows.insert(at, rows.begin() + begin, end - begin);
        endInsertRows();
        if (at == 0)
            addedAtTop += int(end - begin);
    }
    if (addedAtTop > 0)
        emit rowsAddedAtTop(addedAtTop);
}

void NotificationModel::relayout(QList<Row> fresh, const QList<QPair<int, qsizetype>> &moved)
{
    emit layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    // Where every row that a view holds on to (selection, current) goes:
    // by its key, or, for a row that moved up, by its new key.
    QSet<int> movedRows;
    QHash<int, Key> newKeyOfRow;
    for (const auto &[row, index] : moved) {
        movedRows.insert(row);
        newKeyOfRow.insert(row, fresh.at(index).key);
        m_rows.forget(m_rows.at(row));
    }
    const QModelIndexList from = persistentIndexList();
    QList<Key> fromKeys;
    fromKeys.reserve(from.size());
    for (const QModelIndex &index : from)
        fromKeys << newKeyOfRow.value(index.row(), m_rows.at(index.row()).key);
    const std::optional<Key> firstKept = [&]() -> std::optional<Key> {
        for (int row = 0; row < m_rows.size(); ++row) {
            if (!movedRows.contains(row))
                return m_rows.at(row).key;
        }
        return std::nullopt;
    }();

    NotificationRows::sortNewestFirst(fresh);
    for (const Row &row : std::as_const(fresh))
        m_rows.remember(row);
    // Both lists are newest first: one merge.
    QList<Row> rows = m_rows.take();
    QList<Row> merged;
    merged.reserve(rows.size() - movedRows.size() + fresh.size());
    qsizetype f = 0;
    for (int row = 0; row < rows.size(); ++row) {
        if (movedRows.contains(row))
            continue;
        Row &old = rows[row];
        while (f < fresh.size() && NotificationRows::newer(fresh.at(f).key, old.key))
            merged.append(std::move(fresh[f++]));
        merged.append(std::move(old));
    }
    while (f < fresh.size())
        merged.append(std::move(fresh[f++]));
    m_rows.replace(std::move(merged));

    QModelIndexList to;
    to.reserve(from.size());
    for (qsizetype i = 0; i < from.size(); ++i) {
        const auto row = m_rows.rowOfKey(fromKeys.at(i));
        to << (row ? createIndex(*row, from.at(i).column()) : QModelIndex());
    }
    changePersistentIndexList(from, to);
    emit layoutChanged({}, QAbstractItemModel::VerticalSortHint);
    const int addedAtTop = firstKept ? m_rows.rowOfKey(*firstKept).value_or(0) : int(m_rows.size());
    if (addedAtTop > 0)
        emit rowsAddedAtTop(addedAtTop);
}

void NotificationModel::trim()
{
    if (m_rows.size() <= m_capacity)
        return;
    // The oldest go, at the bottom, as one range. The server still has
    // them: they are counted beyond the list (before the rows go, so that
    // whoever looks when they go sees the counts right), and *Load older*
    // brings them back.
    const int first = int(m_capacity);
    const int last = int(m_rows.size()) - 1;
    int unread = 0;
    qsizetype ids = 0;
    for (int row = first; row <= last; ++row) {
        unread += m_rows.at(row).unread();
        ids += 1 + m_rows.at(row).older.size();
    }
    m_counts.moveBeyond(ids, unread); // unreadCount() stays what it was
    beginRemoveRows({}, first, last);
    for (int row = first; row <= last; ++row)
        m_rows.forget(m_rows.at(row));
    m_rows.truncate(m_capacity);
    endRemoveRows();
    emit unreadCountChanged(unreadCount()); // the same total, but more of it beyond the list
}

void NotificationModel::reset(const QList<NotificationItem> &items)
{
    beginResetModel();
    m_rows.clear();
    endResetModel();
    const int before = unreadCount();
    m_counts.clear();
    apply(items); // says so when there are unread ones
    if (unreadCount() == 0 && before != 0)
        emit unreadCountChanged(0);
    emit claimsChanged(); // whatever was claimed before is gone or new
}

qsizetype NotificationModel::setRead(const QStringList &ids, bool read)
{
    int delta = 0;
    qsizetype unknown = 0;
    int first = int(m_rows.size()), last = -1;
    for (const QString &id : ids) {
        const auto row = m_rows.rowOf(id);
        if (!row) {
            ++unknown;
            continue;
        }
        NotificationItem *target = m_rows[*row].member(id);
        if (!target || target->read == read)
            continue;
        target->read = read;
        delta += read ? -1 : 1;
        first = std::min(first, *row);
        last = std::max(last, *row);
    }
    // The count first: whoever looks at the rows' change sees it right.
    adjustUnread(delta);
    if (last >= 0)
        emit dataChanged(createIndex(first, 0), createIndex(last, ColumnCount - 1));
    return unknown;
}

qsizetype NotificationModel::changeMembers(const QStringList &ids,
                                           const std::function<bool(NotificationItem &)> &change)
{
    qsizetype unknown = 0;
    int first = int(m_rows.size()), last = -1;
    for (const QString &id : ids) {
        const auto row = m_rows.rowOf(id);
        NotificationItem *target = row ? m_rows[*row].member(id) : nullptr;
        if (!target) {
            ++unknown;
            continue;
        }
        if (!change(*target))
            continue;
        first = std::min(first, *row);
        last = std::max(last, *row);
    }
    if (last >= 0)
        emit dataChanged(createIndex(first, 0), createIndex(last, ColumnCount - 1));
    return unknown;
}

qsizetype NotificationModel::setClaims(const QList<Notify::Protocol::NotificationClaimed> &claims)
{
    if (claims.isEmpty())
        return 0;
    // The last word on each notification is the one that holds.
    QHash<QString, const Notify::Protocol::NotificationClaimed *> last;
    QStringList ids;
    for (const auto &claim : claims) {
        if (!last.contains(claim.notificationId))
            ids << claim.notificationId;
        last.insert(claim.notificationId, &claim);
    }
    const qsizetype unknown = changeMembers(ids, [&last](NotificationItem &item) {
        const auto *claim = last.value(item.id);
        const QDateTime at = claim->claimedBy.isEmpty() ? QDateTime() : claim->claimedAt;
        const bool same = item.claimStated && item.claimedBy == claim->claimedBy && item.claimedAt == at;
        item.claimedBy = claim->claimedBy;
        item.claimedAt = at;
        item.claimStated = true;
        return !same;
    });
    emit claimsChanged();
    return unknown;
}

void NotificationModel::markEscalated(const QStringList &ids)
{
    changeMembers(ids, [](NotificationItem &item) { return !std::exchange(item.escalated, true); });
}

const NotificationItem *NotificationModel::find(const QString &id) const
{
    const auto row = m_rows.rowOf(id);
    if (!row)
        return nullptr;
    const Row &r = m_rows.at(*row);
    if (r.item.id == id)
        return &r.item;
    for (const NotificationItem &older : r.older) {
        if (older.id == id)
            return &older;
    }
    return nullptr;
}

int NotificationModel::unclaimedUnreadErrors() const
{
    const auto waiting = [](const NotificationItem &item) {
        return !item.read && item.claimedBy.isEmpty() && item.level == Notify::Protocol::Level::Error;
    };
    int count = 0;
    for (qsizetype row = 0; row < m_rows.size(); ++row) {
        const Row &r = m_rows.at(int(row));
        count += waiting(r.item);
        for (const NotificationItem &older : r.older)
            count += waiting(older);
    }
    return count;
}

QHash<QString, QStringList> NotificationModel::handledBy() const
{
    QHash<QString, QStringList> handled;
    for (qsizetype row = 0; row < m_rows.size(); ++row) {
        const Row &r = m_rows.at(int(row));
        if (!r.item.claimedBy.isEmpty())
            handled[r.item.claimedBy] << r.item.title;
        for (const NotificationItem &older : r.older) {
            if (!older.claimedBy.isEmpty())
                handled[older.claimedBy] << older.title;
        }
    }
    return handled;
}

qsizetype NotificationModel::markRead(const QStringList &ids)
{
    return setRead(ids, true);
}

qsizetype NotificationModel::markUnread(const QStringList &ids)
{
    return setRead(ids, false);
}

QVariant NotificationModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &r = m_rows.at(index.row());
    const NotificationItem &n = r.item;
    bool read = n.read;
    for (const NotificationItem &older : r.older)
        read = read && older.read;
    const int count = int(1 + r.older.size());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TitleColumn:
            return count > 1 ? tr("%1 ×%2").arg(n.title).arg(count) : n.title;
        case LevelColumn:
            return DisplayText::levelName(n.level);
        case CategoryColumn:
            return n.category;
        case TimeColumn:
            return DisplayText::eventTime(n.createdAt, QDateTime::currentDateTimeUtc());
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == TimeColumn)
            return QLocale().toString(n.createdAt.toLocalTime(), QLocale::LongFormat);
        return n.body.isEmpty() ? n.title : n.title + u'\n' + n.body;
    case Qt::AccessibleTextRole:
        if (index.column() == TitleColumn) {
            // What a screen reader says of the row: unread first, then the level.
            return QString((read ? tr("Read") : tr("Unread")) + QStringLiteral(", ") + DisplayText::levelName(n.level)
                           + QStringLiteral(": ") + n.title + (count > 1 ? tr(", %n times", nullptr, count) : QString())
                           + (n.firstLine().isEmpty() ? QString() : QStringLiteral(". ") + n.firstLine())
                           + (n.claimedBy.isEmpty() ? QString()
                                  : n.claimedBy == m_me
                                  ? QStringLiteral(". ") + tr("Handled by you")
                                  : QStringLiteral(". ") + tr("Handled by %1").arg(nameOf(n.claimedBy))));
        }
        return data(index, Qt::DisplayRole);
    case Qt::AccessibleDescriptionRole:
        return index.column() == TitleColumn ? n.body : QString();
    case Qt::FontRole:
        if (!read) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case Qt::DecorationRole:
        return index.column() == LevelColumn ? QVariant(LevelIcons::icon(n.level)) : QVariant();
    case IdRole:
        return n.id;
    case ReadRole:
        return read;
    case LevelRole:
        return int(n.level);
    case CategoryRole:
        return n.category;
    case CreatedRole:
        return n.createdAt;
    case BodyRole:
        return n.body;
    case EventIdRole:
        return n.eventId;
    case LinkRole:
        return n.link;
    case TitleRole:
        return n.title;
    case BodyLineRole:
        return n.firstLine();
    case CountRole:
        return count;
    case MemberIdsRole:
        return memberIds(index.row());
    case ClaimedByRole:
        return n.claimedBy;
    case ClaimedByNameRole:
        return n.claimedBy.isEmpty() ? QString() : nameOf(n.claimedBy);
    case ClaimedByMeRole:
        return !n.claimedBy.isEmpty() && n.claimedBy == m_me;
    case ClaimedAtRole:
        return n.claimedAt;
    case EscalatedRole:
        return n.escalated;
    default:
        return {};
    }
}

QVariant NotificationModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return columnTitle(section);
}

QString NotificationModel::columnTitle(int column)
{
    switch (column) {
    case TitleColumn:
        return tr("Notification");
    case LevelColumn:
        return tr("Level");
    case CategoryColumn:
        return tr("Category");
    case TimeColumn:
        return tr("Time");
    }
    return {};
}

} // namespace Notify::Tray
