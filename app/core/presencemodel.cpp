// SPDX-License-Identifier: MIT
#include "presencemodel.h"

#include "displaytext.h"
#include "levelicons.h"

namespace Notify::Tray {

using namespace Notify::Protocol;

PresenceModel::PresenceModel(QObject *parent)
    : QAbstractListModel(parent)
{ }

int PresenceModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_users.size());
}

QVariant PresenceModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_users.size())
        return {};
    const Presence &p = m_users.at(index.row());
    const QString name = p.displayName.isEmpty() ? p.user : p.displayName;
    switch (role) {
    case Qt::DisplayRole: {
        const QString since = DisplayText::relativeTime(p.since, QDateTime::currentDateTimeUtc());
        if (p.status == PresenceStatus::Offline)
            return since.isEmpty() ? tr("%1 — offline").arg(name) : tr("%1 — last seen %2").arg(name, since);
        return tr("%1 — %2").arg(name, DisplayText::presenceName(p.status).toLower());
    }
    case Qt::AccessibleTextRole:
        return tr("%1, %2").arg(name, DisplayText::presenceName(p.status));
    case DisplayNameRole:
        return name;
    case Qt::DecorationRole:
        return LevelIcons::dot(LevelIcons::color(p.status));
    case Qt::ToolTipRole:
    case UserRole:
        return p.user;
    case StatusRole:
        return int(p.status);
    case SinceRole:
        return p.since;
    default:
        return {};
    }
}

void PresenceModel::apply(const Presence &presence)
{
    const auto it = m_rowOf.constFind(presence.user);
    if (it == m_rowOf.constEnd()) {
        beginInsertRows({}, int(m_users.size()), int(m_users.size()));
        m_rowOf.insert(presence.user, m_users.size());
        m_users.append(presence);
        endInsertRows();
        return;
    }
    Presence updated = presence;
    if (updated.displayName.isEmpty())
        updated.displayName = m_users.at(*it).displayName;
    m_users[*it] = updated;
    emit dataChanged(index(int(*it)), index(int(*it)));
}

void PresenceModel::reset(const QList<Presence> &users)
{
    beginResetModel();
    m_users.clear();
    m_rowOf.clear();
    for (const Presence &p : users) {
        m_rowOf.insert(p.user, m_users.size());
        m_users.append(p);
    }
    endResetModel();
}

std::optional<Presence> PresenceModel::presenceOf(const QString &user) const
{
    const auto it = m_rowOf.constFind(user);
    if (it == m_rowOf.constEnd())
        return std::nullopt;
    return m_users.at(*it);
}

int PresenceModel::onlineCount() const
{
    int online = 0;
    for (const Presence &p : m_users)
        online += p.status != PresenceStatus::Offline;
    return online;
}

QString PresenceModel::displayName(const QString &user) const
{
    const auto p = presenceOf(user);
    return p && !p->displayName.isEmpty() ? p->displayName : user;
}

} // namespace Notify::Tray
