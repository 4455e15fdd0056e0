// SPDX-License-Identifier: MIT
#pragma once

#include "notificationbatch.h"
#include "notificationitem.h"
#include "notificationrows.h"
#include "unreadcounts.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

#include <functional>

#include <optional>

namespace Notify::Tray {

/// The user's notifications, newest first, as the window shows them.
///
/// Made for bursts: apply() takes a batch and inserts its rows as ranges
/// (usually one range at the top), finds rows by binary search instead of
/// keeping an index per row, counts unread incrementally, and drops the
/// oldest beyond the capacity as one range at the bottom (the server still
/// has them: they count as beyond the list, see setBeyond()). Identical
/// notifications (same title, body, level and category) within a few
/// minutes share one row ("×5"); the row stands for all of them (read
/// together, its newest's time). Filtering is NotificationFilterModel's job.
///
/// The model says what changes, to views; NotificationRows keeps the rows
/// in order and finds them, NotificationBatch sorts a batch out (updates,
/// groups, new rows), UnreadCounts counts.
class NotificationModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { TitleColumn, LevelColumn, CategoryColumn, TimeColumn, ColumnCount };
    enum Role {
        IdRole = Qt::UserRole + 1, ///< the newest notification of the row
        ReadRole,
        LevelRole,
        CategoryRole,
        CreatedRole,
        BodyRole,
        EventIdRole,
        LinkRole,
        TitleRole,
        BodyLineRole, ///< the body's first line
        CountRole, ///< how many identical notifications the row stands for
        MemberIdsRole, ///< all of their ids
        ClaimedByRole, ///< who handles the row's newest (empty: nobody)
        ClaimedByNameRole, ///< the claimer as people read it (their display name)
        ClaimedByMeRole, ///< the signed-in user handles it (setMe())
        ClaimedAtRole,
        EscalatedRole, ///< nobody claimed it in time: announced again
    };
    Q_ENUM(Role)

    static constexpr qsizetype DefaultCapacity = 10'000;
    static constexpr qint64 GroupWindowMs = NotificationBatch::GroupWindowMs;
    /// A batch that would take more row signals than this (rows inserted in
    /// as many places, rows moving up to join a group) is one layout change.
    static constexpr qsizetype MaxRangeSignals = 16;

    explicit NotificationModel(QObject *parent = nullptr, qsizetype capacity = DefaultCapacity);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    /// The header of @p column (a Column), as the views show it.
    [[nodiscard]] static QString columnTitle(int column);

    /// A batch of new or updated notifications (updates keep a read flag).
    void apply(const QList<NotificationItem> &items);
    void upsert(const NotificationItem &item) { apply({ item }); }
    /// Older ones the user asked for (*Load older*): kept whatever the
    /// capacity, and no longer counted beyond the list. Returns how many
    /// were new here.
    qsizetype applyOlder(const QList<NotificationItem> &items);
    /// Replaces everything (a snapshot after a resync); nothing beyond.
    void reset(const QList<NotificationItem> &items);
    /// Reads made here or on another device (`notification_read`). Returns
    /// how many of @p ids are not in the list.
    qsizetype markRead(const QStringList &ids);
    /// Unread again (`notification_unread`). Returns how many of @p ids are not in the list.
    qsizetype markUnread(const QStringList &ids);

    /// The display name of a user, for "Handled by Bob" (unset: the user name).
    void setNameLookup(std::function<QString(const QString &)> lookup) { m_nameLookup = std::move(lookup); }
    [[nodiscard]] QString nameOf(const QString &user) const
    {
        const QString name = m_nameLookup ? m_nameLookup(user) : QString();
        return name.isEmpty() ? user : name;
    }

    /// Who the signed-in user is ("Handled by you").
    void setMe(const QString &user)
    {
        if (std::exchange(m_me, user) != user && !m_rows.isEmpty())
            emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    }

    /// Who handles notifications now (`notification_claimed`). Returns how
    /// many of them are not in the list.
    qsizetype setClaims(const QList<Notify::Protocol::NotificationClaimed> &claims);
    /// Announced again because nobody claimed them (`notification_escalated`).
    void markEscalated(const QStringList &ids);
    /// The unread errors nobody has claimed: what asks for attention.
    [[nodiscard]] int unclaimedUnreadErrors() const;
    /// Who handles what: each claimer's notifications (titles, newest first).
    [[nodiscard]] QHash<QString, QStringList> handledBy() const;

    /// What the server has that the list does not hold: @p notifications
    /// in all, @p unread of them unread (unknown: a backend that does not
    /// count its unread ones).
    void setBeyond(qint64 notifications, std::optional<qint64> unread);
    [[nodiscard]] qint64 notificationsBeyond() const { return m_counts.beyond(); }
    /// Whether unreadCount() is the whole truth: false while notifications
    /// beyond the list may be unread without the server saying how many.
    [[nodiscard]] bool unreadCountExact() const { return m_counts.exact(); }

    /// The unread notifications, in the list and beyond it (the server's count).
    [[nodiscard]] int unreadCount() const { return m_counts.total(); }
    /// The unread notifications in the list.
    [[nodiscard]] int loadedUnreadCount() const { return m_counts.loaded(); }
    /// The unread notifications of @p level (errors make the tray ask for attention).
    [[nodiscard]] int unreadCount(Notify::Protocol::Level level) const { return m_rows.unreadCount(level); }
    [[nodiscard]] qsizetype notificationCount() const { return m_rows.idCount(); }
    [[nodiscard]] const NotificationItem &item(int row) const { return m_rows.at(row).item; }
    /// How many notifications of @p row are unread; the row is read when none is.
    [[nodiscard]] int unreadInRow(int row) const { return m_rows.at(row).unread(); }
    [[nodiscard]] bool rowRead(int row) const { return unreadInRow(row) == 0; }
    /// Every notification of a row (the newest first).
    [[nodiscard]] QStringList memberIds(int row) const { return m_rows.memberIds(row); }
    /// Notification @p id itself (a row's newest, or one of its repeats); nullptr when not in the list.
    [[nodiscard]] const NotificationItem *find(const QString &id) const;
    /// The row that holds notification @p id.
    [[nodiscard]] std::optional<int> rowOf(const QString &id) const { return m_rows.rowOf(id); }
    [[nodiscard]] qsizetype capacity() const { return m_capacity; }
    /// Tells views that @p row is to be looked at again (a filter's rule about it changed).
    void refresh(int row) { emit dataChanged(index(row, 0), index(row, ColumnCount - 1)); }
    /// Keeps at least @p capacity rows (the user loaded older ones).
    void setCapacity(qsizetype capacity);
    [[nodiscard]] QStringList unreadIds() const { return m_rows.unreadIds(); }
    /// The categories there are, sorted for people.
    [[nodiscard]] QStringList categories() const { return m_rows.categories(); }
    /// Every notification (grouped ones too), oldest first, for saving.
    [[nodiscard]] QList<NotificationItem> items() const { return m_rows.items(); }

signals:
    /// The counts changed: unreadCount() (in the list, or beyond it), or
    /// what is beyond the list (notificationsBeyond(), unreadCountExact()).
    void unreadCountChanged(int unread);
    /// Rows were added at the top, by insertion or in a layout change (a
    /// view that keeps its place wants to know).
    void rowsAddedAtTop(int count);
    /// Who handles some notification changed (setClaims(), reset(), apply()).
    void claimsChanged();

private:
    using Key = NotificationRows::Key;
    using Row = NotificationRows::Row;

    /// apply(); with @p olderAreBeyond, new ones older than the oldest row
    /// are taken from what is counted beyond the list.
    void applyItems(const QList<NotificationItem> &items, bool olderAreBeyond);
    void insertRows(QList<Row> rows);
    /// Moves and insertions all over the list as one layout change.
    void relayout(QList<Row> fresh, const QList<QPair<int, qsizetype>> &moved);
    /// Rows that took a new member (@p moved: row, index in @p fresh) move
    /// up to where their new key goes, each a row move.
    void moveUp(QList<Row> &fresh, const QList<QPair<int, qsizetype>> &moved);
    qsizetype setRead(const QStringList &ids, bool read);
    /// Changes the members @p ids of their rows through @p change; the rows that changed are said.
    qsizetype changeMembers(const QStringList &ids, const std::function<bool(NotificationItem &)> &change);
    void trim();
    void adjustUnread(int delta);

    NotificationRows m_rows;
    UnreadCounts m_counts;
    qsizetype m_capacity;
    quint64 m_nextSerial = 1;
    std::function<QString(const QString &)> m_nameLookup;
    QString m_me;
};

} // namespace Notify::Tray
