// SPDX-License-Identifier: MIT
#pragma once

#include <QSortFilterProxyModel>

namespace Notify::Tray {

/// The window's search box and its level, category and unread filters over
/// NotificationModel (which keeps its rows newest first: no sorting here).
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
    /// "Waiting for someone": only what nobody has claimed.
    void setWaitingOnly(bool waitingOnly);
    [[nodiscard]] bool waitingOnly() const { return m_waitingOnly; }
    [[nodiscard]] bool isFiltering() const;
    /// Shows everything again (an item opened from the tray or an alert must be seen).
    void clearFilters();
    /// The unread notifications of the rows shown ("Mark shown as read").
    [[nodiscard]] QStringList shownUnreadIds() const;
    /// How many they are.
    [[nodiscard]] int shownUnreadCount() const;
    /// A NotificationModel only.
    void setSourceModel(QAbstractItemModel *model) override;
    /// The row the user is reading (its notifications' ids): it stays
    /// listed under "unread only" once it is read (and under "waiting for
    /// someone" once claimed), until the user moves on.
    /// The row kept before leaves then, if it no longer matches.
    void setKept(const QStringList &ids);
    [[nodiscard]] QStringList kept() const { return m_kept; }

signals:
    void filtersCleared();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_search;
    int m_level = -1;
    QString m_category;
    bool m_unreadOnly = false;
    bool m_waitingOnly = false;
    QStringList m_kept;
};

} // namespace Notify::Tray
