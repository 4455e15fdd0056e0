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
    const QStringList handling = m_handling.value(p.user);
    //: Appended to a person in the People list: how many notifications they have claimed
    const QString handles = handling.isEmpty() ? QString() : tr(" · handling %n", nullptr, int(handling.size()));
    switch (role) {
    case Qt::DisplayRole: {
        const QString since = DisplayText::relativeTime(p.since, QDateTime::currentDateTimeUtc());
        if (p.status == PresenceStatus::Offline)
            return QString((since.isEmpty() ? tr("%1 — offline").arg(name) : tr("%1 — last seen %2").arg(name, since))
                           + handles);
        return QString(tr("%1 — %2").arg(name, DisplayText::presenceName(p.status).toLower()) + handles);
    }
    case Qt::AccessibleTextRole:
        return QString(tr("%1, %2").arg(name, DisplayText::presenceName(p.status)) + handles);
    case HandlingRole:
        return handling;
    case DisplayNameRole:
        return name;
    case Qt::DecorationRole:
        return LevelIcons::dot(LevelIcons::color(p.status));
    case Qt::ToolTipRole: {
        if (handling.isEmpty())
            return p.user;
        QStringList lines{ tr("%1 handles:").arg(name) };
        for (const QString &title : handling.mid(0, MaxHandlingShown))
            lines << QStringLiteral("• ") + title;
        if (handling.size() > MaxHandlingShown)
            lines << tr("and %n more", nullptr, int(handling.size() - MaxHandlingShown));
        return lines.join(u'\n');
    }
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

void PresenceModel::setHandling(const QHash<QString, QStringList> &handling)
{
    if (handling == m_handling)
        return;
    m_handling = handling;
    if (!m_users.isEmpty())
        emit dataChanged(index(0), index(int(m_users.size()) - 1));
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
