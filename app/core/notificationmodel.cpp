// SPDX-License-Identifier: MIT
#include "notificationmodel.h"

#include "displaytext.h"

#include "levelicons.h"

#include <QFont>

NotificationItem NotificationItem::fromProtocol(const Notify::Protocol::Notification &n, const QByteArray &eventId,
                                                bool read)
{
    return { n.notificationId, n.title, n.body, n.category, n.link, n.level, n.createdAt, eventId, read };
}

NotificationModel::NotificationModel(QObject *parent, qsizetype capacity)
    : QAbstractTableModel(parent)
    , m_capacity(capacity)
{ }

int NotificationModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

int NotificationModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant NotificationModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_items.size())
        return {};
    const NotificationItem &n = m_items.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TitleColumn:
            return n.title;
        case CategoryColumn:
            return n.category;
        case TimeColumn:
            return DisplayText::relativeTime(n.createdAt, QDateTime::currentDateTimeUtc());
        }
        return {};
    case Qt::ToolTipRole:
        return index.column() == TimeColumn ? QLocale().toString(n.createdAt.toLocalTime(), QLocale::LongFormat)
            : n.body.isEmpty()              ? n.title
                                            : n.title + u'\n' + n.body;
    case Qt::FontRole:
        if (!n.read) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case Qt::DecorationRole:
        return index.column() == TitleColumn ? QVariant(LevelIcons::icon(n.level)) : QVariant();
    case IdRole:
        return n.id;
    case ReadRole:
        return n.read;
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
    case CategoryColumn:
        return tr("Category");
    case TimeColumn:
        return tr("Time");
    }
    return {};
}

void NotificationModel::upsert(const NotificationItem &item)
{
    const auto it = m_rowOf.constFind(item.id);
    if (it != m_rowOf.constEnd()) {
        NotificationItem &existing = m_items[*it];
        const bool read = existing.read || item.read;
        existing = item;
        existing.read = read;
        emit dataChanged(index(int(*it), 0), index(int(*it), ColumnCount - 1));
    } else {
        beginInsertRows({}, int(m_items.size()), int(m_items.size()));
        m_rowOf.insert(item.id, m_items.size());
        m_items.append(item);
        endInsertRows();
        trim();
    }
    recount();
}

void NotificationModel::reset(const QList<NotificationItem> &items)
{
    beginResetModel();
    m_items.clear();
    m_rowOf.clear();
    for (const NotificationItem &item : items) {
        if (m_rowOf.contains(item.id))
            continue;
        m_rowOf.insert(item.id, m_items.size());
        m_items.append(item);
    }
    endResetModel();
    trim();
    recount();
}

void NotificationModel::trim()
{
    if (m_items.size() <= m_capacity)
        return;
    // Drop the oldest by creation time, so a late-arriving old one goes first.
    QList<qsizetype> order(m_items.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [this](qsizetype a, qsizetype b) { return m_items.at(a).createdAt < m_items.at(b).createdAt; });
    QList<bool> drop(m_items.size(), false);
    for (qsizetype i = 0; i < m_items.size() - m_capacity; ++i)
        drop[order.at(i)] = true;
    beginResetModel();
    QList<NotificationItem> kept;
    kept.reserve(m_capacity);
    for (qsizetype i = 0; i < m_items.size(); ++i) {
        if (!drop.at(i))
            kept.append(m_items.at(i));
    }
    m_items = kept;
    m_rowOf.clear();
    for (qsizetype i = 0; i < m_items.size(); ++i)
        m_rowOf.insert(m_items.at(i).id, i);
    endResetModel();
}

void NotificationModel::markRead(const QStringList &ids)
{
    for (const QString &id : ids) {
        const auto it = m_rowOf.constFind(id);
        if (it == m_rowOf.constEnd() || m_items.at(*it).read)
            continue;
        m_items[*it].read = true;
        emit dataChanged(index(int(*it), 0), index(int(*it), ColumnCount - 1));
    }
    recount();
}

void NotificationModel::markAllRead()
{
    markRead(unreadIds());
}

QStringList NotificationModel::unreadIds() const
{
    QStringList ids;
    for (const NotificationItem &n : m_items) {
        if (!n.read)
            ids << n.id;
    }
    return ids;
}

void NotificationModel::recount()
{
    int unread = 0;
    for (const NotificationItem &n : m_items)
        unread += n.read ? 0 : 1;
    if (unread != m_unread) {
        m_unread = unread;
        emit unreadCountChanged(unread);
    }
}
