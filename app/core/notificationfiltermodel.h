// SPDX-License-Identifier: MIT
#pragma once

#include <QSortFilterProxyModel>

/// Newest first, with the window's search box and level/category filters.
class NotificationFilterModel final : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit NotificationFilterModel(QObject *parent = nullptr);

    void setSearchText(const QString &text);
    /// -1: every level.
    void setLevel(int level);
    /// Empty: every category.
    void setCategory(const QString &category);
    void setUnreadOnly(bool unreadOnly);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    QString m_search;
    int m_level = -1;
    QString m_category;
    bool m_unreadOnly = false;
};
