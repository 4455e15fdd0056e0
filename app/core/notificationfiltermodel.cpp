// SPDX-License-Identifier: MIT
#include "notificationfiltermodel.h"

#include "notificationmodel.h"

NotificationFilterModel::NotificationFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setDynamicSortFilter(true);
    sort(NotificationModel::TimeColumn, Qt::DescendingOrder);
}

void NotificationFilterModel::setSearchText(const QString &text)
{
    m_search = text.trimmed();
    invalidateFilter();
}

void NotificationFilterModel::setLevel(int level)
{
    m_level = level;
    invalidateFilter();
}

void NotificationFilterModel::setCategory(const QString &category)
{
    m_category = category;
    invalidateFilter();
}

void NotificationFilterModel::setUnreadOnly(bool unreadOnly)
{
    m_unreadOnly = unreadOnly;
    invalidateFilter();
}

bool NotificationFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (m_level >= 0 && index.data(NotificationModel::LevelRole).toInt() != m_level)
        return false;
    if (!m_category.isEmpty() && index.data(NotificationModel::CategoryRole).toString() != m_category)
        return false;
    if (m_unreadOnly && index.data(NotificationModel::ReadRole).toBool())
        return false;
    if (m_search.isEmpty())
        return true;
    return index.data(Qt::DisplayRole).toString().contains(m_search, Qt::CaseInsensitive)
        || index.data(NotificationModel::BodyRole).toString().contains(m_search, Qt::CaseInsensitive);
}

bool NotificationFilterModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (left.column() == NotificationModel::TimeColumn) {
        const QDateTime a = left.data(NotificationModel::CreatedRole).toDateTime();
        const QDateTime b = right.data(NotificationModel::CreatedRole).toDateTime();
        if (a != b)
            return a < b;
        return left.data(NotificationModel::EventIdRole).toByteArray()
            < right.data(NotificationModel::EventIdRole).toByteArray();
    }
    return QSortFilterProxyModel::lessThan(left, right);
}
