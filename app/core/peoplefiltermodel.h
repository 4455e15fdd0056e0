// SPDX-License-Identifier: MIT
#pragma once

#include <QSortFilterProxyModel>

namespace Notify::Tray {

/// The People tab's order: colleagues only (not the signed-in user), online
/// first, then busy, away, offline, each by name.
class PeopleFilterModel final : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit PeopleFilterModel(QObject *parent = nullptr);
    void setMe(const QString &user);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    QString m_me;
};

} // namespace Notify::Tray
