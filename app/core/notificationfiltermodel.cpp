// SPDX-License-Identifier: MIT
#include "notificationfiltermodel.h"

#include "notificationmodel.h"

NotificationFilterModel::NotificationFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    // The source is in order already (newest first): filtering only, never a sort.
    setDynamicSortFilter(true);
}

bool NotificationFilterModel::isFiltering() const
{
    return !m_search.isEmpty() || m_level >= 0 || !m_category.isEmpty() || m_unreadOnly;
}

void NotificationFilterModel::clearFilters()
{
    m_search.clear();
    m_level = -1;
    m_category.clear();
    m_unreadOnly = false;
    invalidateFilter();
    emit filtersCleared();
}

QStringList NotificationFilterModel::shownUnreadIds() const
{
    QStringList ids;
    for (int row = 0; row < rowCount(); ++row) {
        const QModelIndex i = index(row, 0);
        if (!i.data(NotificationModel::ReadRole).toBool())
            ids << i.data(NotificationModel::MemberIdsRole).toStringList();
    }
    return ids;
}

void NotificationFilterModel::setKept(const QStringList &ids)
{
    if (ids == m_kept)
        return;
    const QStringList before = std::exchange(m_kept, ids);
    if (!m_unreadOnly || before.isEmpty())
        return;
    // Only the row let go is looked at again (not the whole list).
    auto *model = qobject_cast<NotificationModel *>(sourceModel());
    for (const QString &id : before) {
        if (const auto row = model ? model->rowOf(id) : std::nullopt) {
            model->refresh(*row);
            return;
        }
    }
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
    if (m_unreadOnly && index.data(NotificationModel::ReadRole).toBool()
        && !m_kept.contains(index.data(NotificationModel::IdRole).toString()))
        return false;
    if (m_search.isEmpty())
        return true;
    return index.data(NotificationModel::TitleRole).toString().contains(m_search, Qt::CaseInsensitive)
        || index.data(NotificationModel::BodyRole).toString().contains(m_search, Qt::CaseInsensitive)
        || index.data(NotificationModel::CategoryRole).toString().contains(m_search, Qt::CaseInsensitive);
}
