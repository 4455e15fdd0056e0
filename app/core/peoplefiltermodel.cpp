// SPDX-License-Identifier: MIT
#include "peoplefiltermodel.h"

#include "presencemodel.h"

namespace Notify::Tray {

using Notify::Protocol::PresenceStatus;

namespace {

int rank(int status)
{
    switch (PresenceStatus(status)) {
    case PresenceStatus::Online:
        return 0;
    case PresenceStatus::Busy:
        return 1;
    case PresenceStatus::Away:
        return 2;
    case PresenceStatus::Offline:
        return 3;
    }
    return 4;
}

} // namespace

PeopleFilterModel::PeopleFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setDynamicSortFilter(true);
    sort(0);
}

void PeopleFilterModel::setMe(const QString &user)
{
    m_me = user;
    invalidate();
}

bool PeopleFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    return sourceModel()->index(sourceRow, 0, sourceParent).data(PresenceModel::UserRole).toString() != m_me;
}

bool PeopleFilterModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const int a = rank(left.data(PresenceModel::StatusRole).toInt());
    const int b = rank(right.data(PresenceModel::StatusRole).toInt());
    if (a != b)
        return a < b;
    return QString::localeAwareCompare(left.data(PresenceModel::DisplayNameRole).toString(),
                                       right.data(PresenceModel::DisplayNameRole).toString())
        < 0;
}

} // namespace Notify::Tray
