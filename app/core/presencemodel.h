// SPDX-License-Identifier: MIT
#pragma once

#include "common/protocol.h"

#include <QAbstractListModel>
#include <QHash>

namespace Notify::Tray {

/// Everybody's presence: a coloured dot, the name, the status and "since".
class PresenceModel final : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role {
        UserRole = Qt::UserRole + 1,
        StatusRole,
        SinceRole,
        DisplayNameRole,
        HandlingRole, ///< the titles of the notifications the user has claimed, newest first
    };
    /// The titles a tooltip lists of what someone handles; the rest are counted.
    static constexpr int MaxHandlingShown = 5;

    explicit PresenceModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    void apply(const Notify::Protocol::Presence &presence);
    void reset(const QList<Notify::Protocol::Presence> &users);
    [[nodiscard]] std::optional<Notify::Protocol::Presence> presenceOf(const QString &user) const;
    [[nodiscard]] int onlineCount() const;
    /// What each user has claimed (NotificationModel::handledBy()).
    void setHandling(const QHash<QString, QStringList> &handling);
    /// How people see @p user: the display name when known.
    [[nodiscard]] QString displayName(const QString &user) const;

private:
    QList<Notify::Protocol::Presence> m_users;
    QHash<QString, qsizetype> m_rowOf;
    QHash<QString, QStringList> m_handling;
};

} // namespace Notify::Tray
