// SPDX-License-Identifier: MIT
#include "notificationfiltermodel.h"

#include "notificationmodel.h"

namespace Notify::Tray {

NotificationFilterModel::NotificationFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    // The source is in order already (newest first): filtering only, never a sort.
    setDynamicSortFilter(true);
}

bool NotificationFilterModel::isFiltering() const
{
    return !m_search.isEmpty() || m_level >= 0 || !m_category.isEmpty() || m_unreadOnly || m_waitingOnly;
}

void NotificationFilterModel::clearFilters()
{
    m_search.clear();
    m_level = -1;
    m_category.clear();
    m_unreadOnly = false;
    m_waitingOnly = false;
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
    if ((!m_unreadOnly && !m_waitingOnly) || before.isEmpty())
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

void NotificationFilterModel::setWaitingOnly(bool waitingOnly)
{
    m_waitingOnly = waitingOnly;
    invalidateFilter();
}

bool NotificationFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &) const
{
    // The row itself, not QVariants of it: this runs for every row on every filter change.
    const auto *model = static_cast<const NotificationModel *>(sourceModel());
    const NotificationItem &n = model->item(sourceRow);
    if (m_level >= 0 && int(n.level) != m_level)
        return false;
    if (!m_category.isEmpty() && n.category != m_category)
        return false;
    if (m_unreadOnly && model->rowRead(sourceRow) && !m_kept.contains(n.id))
        return false;
    if (m_waitingOnly && !n.claimedBy.isEmpty() && !m_kept.contains(n.id))
        return false;
    if (m_search.isEmpty())
        return true;
    return n.title.contains(m_search, Qt::CaseInsensitive) || n.body.contains(m_search, Qt::CaseInsensitive)
        || n.category.contains(m_search, Qt::CaseInsensitive);
}

void NotificationFilterModel::setSourceModel(QAbstractItemModel *model)
{
    Q_ASSERT(!model || qobject_cast<NotificationModel *>(model));
    QSortFilterProxyModel::setSourceModel(model);
}

int NotificationFilterModel::shownUnreadCount() const
{
    const auto *model = static_cast<const NotificationModel *>(sourceModel());
    int unread = 0;
    for (int row = 0; row < rowCount(); ++row)
        unread += model->unreadInRow(mapToSource(index(row, 0)).row());
    return unread;
}

} // namespace Notify::Tray
