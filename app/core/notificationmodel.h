// SPDX-License-Identifier: MIT
#pragma once

#include "protocol.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QHash>
#include <QList>

/// One notification as the window shows it.
struct NotificationItem
{
    QString id;
    QString title;
    QString body;
    QString category;
    QString link;
    Notify::Protocol::Level level = Notify::Protocol::Level::Info;
    QDateTime createdAt;
    QByteArray eventId;
    bool read = false;

    static NotificationItem fromProtocol(const Notify::Protocol::Notification &n, const QByteArray &eventId, bool read);
};

/// The user's notifications: one row each, unread ones in bold, the level as
/// an icon, the age as "2 min ago". Keeps at most capacity() rows, dropping
/// the oldest. Sorting and filtering are NotificationFilterModel's job.
class NotificationModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { TitleColumn, CategoryColumn, TimeColumn, ColumnCount };
    enum Role {
        IdRole = Qt::UserRole + 1,
        ReadRole,
        LevelRole,
        CategoryRole,
        CreatedRole,
        BodyRole,
        EventIdRole,
    };
    Q_ENUM(Role)

    static constexpr qsizetype DefaultCapacity = 10'000;

    explicit NotificationModel(QObject *parent = nullptr, qsizetype capacity = DefaultCapacity);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// Adds a notification, or updates the one with the same id.
    void upsert(const NotificationItem &item);
    /// Replaces everything (a snapshot after a resync).
    void reset(const QList<NotificationItem> &items);
    /// Reads made here or on another device (`notification_read`).
    void markRead(const QStringList &ids);
    void markAllRead();

    [[nodiscard]] int unreadCount() const { return m_unread; }
    [[nodiscard]] const NotificationItem &item(int row) const { return m_items.at(row); }
    [[nodiscard]] const QList<NotificationItem> &items() const { return m_items; }
    [[nodiscard]] qsizetype capacity() const { return m_capacity; }
    [[nodiscard]] QStringList unreadIds() const;

signals:
    void unreadCountChanged(int unread);

private:
    void recount();
    void trim();

    QList<NotificationItem> m_items; ///< in arrival order
    QHash<QString, qsizetype> m_rowOf;
    qsizetype m_capacity;
    int m_unread = 0;
};
