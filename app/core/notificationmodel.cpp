// SPDX-License-Identifier: MIT
#include "notificationmodel.h"

#include "displaytext.h"
#include "levelicons.h"

#include <QFont>
#include <QLocale>
#include <QSet>

#include <algorithm>

namespace {

bool newerThan(qint64 aMs, quint64 aSerial, qint64 bMs, quint64 bSerial)
{
    return aMs != bMs ? aMs > bMs : aSerial > bSerial;
}

} // namespace

NotificationItem NotificationItem::fromProtocol(const Notify::Protocol::Notification &n, const QByteArray &eventId,
                                                bool read)
{
    return { n.notificationId, n.title, n.body, n.category, n.link, n.level, n.createdAt, eventId, read };
}

QString NotificationItem::firstLine() const
{
    for (const QStringView line : QStringView(body).split(u'\n')) {
        const QStringView trimmed = line.trimmed();
        if (!trimmed.isEmpty() && trimmed != title)
            return trimmed.toString();
    }
    return {};
}

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

QString NotificationModel::groupKey(const NotificationItem &item)
{
    return item.title + QChar(0x1f) + item.body + QChar(0x1f) + item.category + QChar(0x1f)
        + QString::number(int(item.level));
}

NotificationModel::Key NotificationModel::keyOf(const NotificationItem &item, quint64 serial)
{
    return { item.createdAt.isValid() ? item.createdAt.toMSecsSinceEpoch() : 0, serial };
}

int NotificationModel::lowerBound(const Key &key) const
{
    // The first row that is not newer than @p key: where a row with it goes.
    const auto it = std::lower_bound(m_rows.cbegin(), m_rows.cend(), key, [](const Row &row, const Key &k) {
        return newerThan(row.key.ms, row.key.serial, k.ms, k.serial);
    });
    return int(it - m_rows.cbegin());
}

std::optional<int> NotificationModel::rowOfKey(const Key &key) const
{
    const int row = lowerBound(key);
    if (row < m_rows.size() && m_rows.at(row).key == key)
        return row;
    return std::nullopt;
}

std::optional<int> NotificationModel::rowOf(const QString &id) const
{
    const auto it = m_keyOf.constFind(id);
    return it == m_keyOf.constEnd() ? std::nullopt : rowOfKey(*it);
}

NotificationItem *NotificationModel::Row::member(const QString &id)
{
    if (item.id == id)
        return &item;
    const auto it = std::find_if(older.begin(), older.end(), [&id](const NotificationItem &o) { return o.id == id; });
    return it == older.end() ? nullptr : &*it;
}

int NotificationModel::update(NotificationItem &target, const NotificationItem &incoming)
{
    const bool read = target.read || incoming.read;
    const int delta = int(!target.read) - int(!read);
    target = incoming;
    target.read = read;
    return delta;
}

QStringList NotificationModel::memberIds(int row) const
{
    const Row &r = m_rows.at(row);
    QStringList ids{ r.item.id };
    for (const NotificationItem &older : r.older)
        ids << older.id;
    return ids;
}

void NotificationModel::remember(const Row &row)
{
    m_keyOf.insert(row.item.id, row.key);
    for (const NotificationItem &older : row.older)
        m_keyOf.insert(older.id, row.key);
    m_idCount += 1 + row.older.size();
}

void NotificationModel::forget(const Row &row)
{
    m_keyOf.remove(row.item.id);
    for (const NotificationItem &older : row.older)
        m_keyOf.remove(older.id);
    m_idCount -= 1 + row.older.size();
    const auto group = m_groups.find(groupKey(row.item));
    if (group != m_groups.end() && *group == row.key)
        m_groups.erase(group);
}

void NotificationModel::adjustUnread(int delta)
{
    if (delta == 0)
        return;
    m_unread += delta;
    emit unreadCountChanged(unreadCount());
}

int NotificationModel::unreadIn(const Row &row)
{
    int unread = row.item.read ? 0 : 1;
    for (const NotificationItem &older : row.older)
        unread += older.read ? 0 : 1;
    return unread;
}

void NotificationModel::setBeyond(qint64 notifications, std::optional<qint64> unread)
{
    const auto before = std::make_tuple(m_beyond, m_beyondUnread, m_beyondUnreadKnown);
    m_beyond = std::max<qint64>(0, notifications);
    m_beyondUnreadKnown = unread.has_value();
    m_beyondUnread = std::clamp<qint64>(unread.value_or(0), 0, m_beyond);
    // Any change of what is beyond the list is news for the counts ("37+", "8 more on the server").
    if (std::make_tuple(m_beyond, m_beyondUnread, m_beyondUnreadKnown) != before)
        emit unreadCountChanged(unreadCount());
}

void NotificationModel::setCapacity(qsizetype capacity)
{
    m_capacity = std::max(m_capacity, capacity);
}

void NotificationModel::takeFromBeyond(qint64 notifications, qint64 unread)
{
    m_beyond = std::max<qint64>(0, m_beyond - notifications);
    m_beyondUnread = std::clamp<qint64>(m_beyondUnread - unread, 0, m_beyond);
}

qsizetype NotificationModel::applyOlder(const QList<NotificationItem> &items)
{
    QList<NotificationItem> fresh;
    qint64 freshUnread = 0;
    for (const NotificationItem &item : items) {
        if (!m_keyOf.contains(item.id)) {
            fresh << item;
            freshUnread += item.read ? 0 : 1;
        }
    }
    setCapacity(m_rows.size() + fresh.size());
    // They were counted beyond the list (the server listed them after what
    // the list holds); now they are in it.
    takeFromBeyond(fresh.size(), freshUnread);
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
        const auto from = rowOfKey(oldKey);
        if (!from)
            continue;
        Row updated = std::move(fresh[index]);
        forget(m_rows.at(*from));
        const int to = std::min(lowerBound(updated.key), *from); // newer: at or above where it was
        if (to < *from) {
            beginMoveRows({}, *from, *from, {}, to);
            m_rows.move(*from, to);
            endMoveRows();
        }
        m_rows[to] = std::move(updated);
        remember(m_rows.at(to));
        m_groups.insert(groupKey(m_rows.at(to).item), m_rows.at(to).key);
        emit dataChanged(createIndex(to, 0), createIndex(to, ColumnCount - 1));
    }
}

void NotificationModel::apply(const QList<NotificationItem> &items)
{
    applyItems(items, true);
}

void NotificationModel::applyItems(const QList<NotificationItem> &items, bool olderAreBeyond)
{
    // What is beyond the list is older than everything it holds: a new one
    // older than the oldest row is one of those (a stream delivering what
    // a snapshot counted but did not list), and is counted here instead.
    const std::optional<qint64> oldestMs
        = olderAreBeyond && m_beyond > 0 && !m_rows.isEmpty() ? std::optional(m_rows.last().key.ms) : std::nullopt;
    qint64 takenFromBeyond = 0;
    qint64 unreadFromBeyond = 0;
    QList<Row> fresh;
    QHash<QString, qsizetype> freshById; // every id already in a fresh row
    QHash<QString, qsizetype> freshByGroup;
    QList<QPair<int, qsizetype>> moved; // existing rows that join a fresh row: (row, fresh index)
    int unreadDelta = 0;
    for (const NotificationItem &incoming : items) {
        if (const auto at = freshById.constFind(incoming.id); at != freshById.constEnd()) {
            unreadDelta += update(*fresh[*at].member(incoming.id), incoming);
            continue;
        }
        if (const auto row = rowOf(incoming.id)) {
            // An update of one we have: the fields change, a read flag stays.
            NotificationItem *target = m_rows[*row].member(incoming.id);
            const QDateTime createdAt = target->createdAt; // the row keeps its place
            unreadDelta += update(*target, incoming);
            target->createdAt = createdAt;
            emit dataChanged(createIndex(*row, 0), createIndex(*row, ColumnCount - 1));
            continue;
        }
        unreadDelta += incoming.read ? 0 : 1;
        if (oldestMs && keyOf(incoming, 0).ms < *oldestMs) {
            ++takenFromBeyond;
            unreadFromBeyond += incoming.read ? 0 : 1;
        }
        const QString group = groupKey(incoming);
        const qint64 ms = incoming.createdAt.toMSecsSinceEpoch();
        // Identical to one a moment ago: it joins that row, which becomes this one's.
        if (const auto f = freshByGroup.constFind(group);
            f != freshByGroup.constEnd() && qAbs(ms - fresh.at(*f).key.ms) <= GroupWindowMs) {
            Row &r = fresh[*f];
            if (ms >= r.key.ms) {
                r.older.prepend(r.item);
                r.item = incoming;
                r.key = keyOf(incoming, m_nextSerial++);
            } else {
                r.older.append(incoming);
            }
            freshById.insert(incoming.id, *f);
            continue;
        }
        if (const auto g = m_groups.constFind(group);
            g != m_groups.constEnd() && ms >= g->ms && ms - g->ms <= GroupWindowMs) {
            if (const auto row = rowOfKey(*g)) {
                // The row moves up to where its newest member goes.
                Row r = m_rows.at(*row);
                r.older.prepend(r.item);
                r.item = incoming;
                r.key = keyOf(incoming, m_nextSerial++);
                const qsizetype index = fresh.size();
                for (const NotificationItem &member : std::as_const(r.older))
                    freshById.insert(member.id, index);
                freshByGroup.insert(group, index);
                freshById.insert(incoming.id, index);
                moved.append({ *row, index });
                fresh.append(std::move(r));
                continue;
            }
        }
        freshByGroup.insert(group, fresh.size());
        freshById.insert(incoming.id, fresh.size());
        fresh.append(Row{ incoming, {}, keyOf(incoming, m_nextSerial++) });
    }
    if (takenFromBeyond > 0) {
        // They move into the list: counted there now (adjustUnread), no longer beyond.
        takeFromBeyond(takenFromBeyond, unreadFromBeyond);
        if (unreadDelta == 0)
            emit unreadCountChanged(unreadCount()); // "N more on the server" is fewer
    }
    // The count first: whoever looks at the new rows sees it right.
    adjustUnread(unreadDelta);
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
    std::sort(rows.begin(), rows.end(),
              [](const Row &a, const Row &b) { return newerThan(a.key.ms, a.key.serial, b.key.ms, b.key.serial); });
    // Runs that go into the same gap are inserted as one range; rows
    // scattered over many gaps (a catch-up of older ones) are merged in
    // one layout change instead of a signal per gap.
    QList<QPair<qsizetype, qsizetype>> runs; // [begin, end) of rows, in order
    for (qsizetype i = 0; i < rows.size();) {
        const int at = lowerBound(rows.at(i).key);
        qsizetype end = i + 1;
        while (end < rows.size() && lowerBound(rows.at(end).key) == at)
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
        const int at = lowerBound(rows.at(begin).key);
        beginInsertRows({}, at, at + int(end - begin) - 1);
        for (qsizetype k = begin; k < end; ++k) {
            remember(rows.at(k));
            m_groups.insert(groupKey(rows.at(k).item), rows.at(k).key);
        }
        m_rows.insert(at, end - begin, Row());
        std::move(rows.begin() + begin, rows.begin() + end, m_rows.begin() + at);
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
        forget(m_rows.at(row));
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

    std::sort(fresh.begin(), fresh.end(),
              [](const Row &a, const Row &b) { return newerThan(a.key.ms, a.key.serial, b.key.ms, b.key.serial); });
    for (const Row &row : std::as_const(fresh)) {
        remember(row);
        m_groups.insert(groupKey(row.item), row.key);
    }
    // Both lists are newest first: one merge.
    QList<Row> merged;
    merged.reserve(m_rows.size() - movedRows.size() + fresh.size());
    qsizetype f = 0;
    for (int row = 0; row < m_rows.size(); ++row) {
        if (movedRows.contains(row))
            continue;
        Row &old = m_rows[row];
        while (f < fresh.size() && newerThan(fresh.at(f).key.ms, fresh.at(f).key.serial, old.key.ms, old.key.serial))
            merged.append(std::move(fresh[f++]));
        merged.append(std::move(old));
    }
    while (f < fresh.size())
        merged.append(std::move(fresh[f++]));
    m_rows = std::move(merged);

    QModelIndexList to;
    to.reserve(from.size());
    for (qsizetype i = 0; i < from.size(); ++i) {
        const auto row = rowOfKey(fromKeys.at(i));
        to << (row ? createIndex(*row, from.at(i).column()) : QModelIndex());
    }
    changePersistentIndexList(from, to);
    emit layoutChanged({}, QAbstractItemModel::VerticalSortHint);
    const int addedAtTop = firstKept ? rowOfKey(*firstKept).value_or(0) : int(m_rows.size());
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
        unread += unreadIn(m_rows.at(row));
        ids += 1 + m_rows.at(row).older.size();
    }
    m_beyond += ids;
    m_beyondUnread += unread;
    m_unread -= unread; // moved beyond: unreadCount() stays what it was
    beginRemoveRows({}, first, last);
    for (int row = first; row <= last; ++row)
        forget(m_rows.at(row));
    m_rows.resize(m_capacity);
    endRemoveRows();
    emit unreadCountChanged(unreadCount()); // the same total, but more of it beyond the list
}

void NotificationModel::reset(const QList<NotificationItem> &items)
{
    beginResetModel();
    m_rows.clear();
    m_keyOf.clear();
    m_groups.clear();
    m_idCount = 0;
    endResetModel();
    const int before = unreadCount();
    m_unread = 0;
    m_beyond = 0;
    m_beyondUnread = 0;
    m_beyondUnreadKnown = true;
    apply(items); // says so when there are unread ones
    if (unreadCount() == 0 && before != 0)
        emit unreadCountChanged(0);
}

qsizetype NotificationModel::setRead(const QStringList &ids, bool read)
{
    int delta = 0;
    qsizetype unknown = 0;
    int first = int(m_rows.size()), last = -1;
    for (const QString &id : ids) {
        const auto row = rowOf(id);
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

qsizetype NotificationModel::markRead(const QStringList &ids)
{
    return setRead(ids, true);
}

qsizetype NotificationModel::markUnread(const QStringList &ids)
{
    return setRead(ids, false);
}

int NotificationModel::unreadCount(Notify::Protocol::Level level) const
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

QStringList NotificationModel::unreadIds() const
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

QStringList NotificationModel::categories() const
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

QList<NotificationItem> NotificationModel::items() const
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
                           + (n.firstLine().isEmpty() ? QString() : QStringLiteral(". ") + n.firstLine()));
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
    default:
        return {};
    }
}

QVariant NotificationModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
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
