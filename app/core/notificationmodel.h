// SPDX-License-Identifier: MIT
#pragma once

#include "protocol.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QHash>
#include <QList>

#include <optional>

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
    /// The body's first non-empty line, for the row under the title.
    [[nodiscard]] QString firstLine() const;
};

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
    };
    Q_ENUM(Role)

    static constexpr qsizetype DefaultCapacity = 10'000;
    static constexpr qint64 GroupWindowMs = 10 * 60 * 1000;
    /// A batch that would take more row signals than this (rows inserted in
    /// as many places, rows moving up to join a group) is one layout change.
    static constexpr qsizetype MaxRangeSignals = 16;

    explicit NotificationModel(QObject *parent = nullptr, qsizetype capacity = DefaultCapacity);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

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

    /// What the server has that the list does not hold: @p notifications
    /// in all, @p unread of them unread (unknown: a backend that does not
    /// count its unread ones).
    void setBeyond(qint64 notifications, std::optional<qint64> unread);
    [[nodiscard]] qint64 notificationsBeyond() const { return m_beyond; }
    /// Whether unreadCount() is the whole truth: false while notifications
    /// beyond the list may be unread without the server saying how many.
    [[nodiscard]] bool unreadCountExact() const { return m_beyond == 0 || m_beyondUnreadKnown; }

    /// The unread notifications, in the list and beyond it (the server's count).
    [[nodiscard]] int unreadCount() const { return int(m_unread + m_beyondUnread); }
    /// The unread notifications in the list.
    [[nodiscard]] int loadedUnreadCount() const { return m_unread; }
    /// The unread notifications of @p level (errors make the tray ask for attention).
    [[nodiscard]] int unreadCount(Notify::Protocol::Level level) const;
    [[nodiscard]] qsizetype notificationCount() const { return m_idCount; }
    [[nodiscard]] const NotificationItem &item(int row) const { return m_rows.at(row).item; }
    /// How many notifications of @p row are unread; the row is read when none is.
    [[nodiscard]] int unreadInRow(int row) const { return unreadIn(m_rows.at(row)); }
    [[nodiscard]] bool rowRead(int row) const { return unreadInRow(row) == 0; }
    /// Every notification of a row (the newest first).
    [[nodiscard]] QStringList memberIds(int row) const;
    /// The row that holds notification @p id.
    [[nodiscard]] std::optional<int> rowOf(const QString &id) const;
    [[nodiscard]] qsizetype capacity() const { return m_capacity; }
    /// Tells views that @p row is to be looked at again (a filter's rule about it changed).
    void refresh(int row) { emit dataChanged(index(row, 0), index(row, ColumnCount - 1)); }
    /// Keeps at least @p capacity rows (the user loaded older ones).
    void setCapacity(qsizetype capacity);
    [[nodiscard]] QStringList unreadIds() const;
    /// The categories there are, sorted for people.
    [[nodiscard]] QStringList categories() const;
    /// Every notification (grouped ones too), oldest first, for saving.
    [[nodiscard]] QList<NotificationItem> items() const;

signals:
    /// The counts changed: unreadCount() (in the list, or beyond it), or
    /// what is beyond the list (notificationsBeyond(), unreadCountExact()).
    void unreadCountChanged(int unread);
    /// Rows were added at the top, by insertion or in a layout change (a
    /// view that keeps its place wants to know).
    void rowsAddedAtTop(int count);

private:
    struct Key
    {
        qint64 ms = 0;
        quint64 serial = 0;
        friend bool operator==(const Key &, const Key &) = default;
    };
    struct Row
    {
        NotificationItem item; ///< the newest of the group
        QList<NotificationItem> older; ///< identical ones before it, newest first
        Key key;
        /// The member with @p id (the newest or an older one), or null.
        [[nodiscard]] NotificationItem *member(const QString &id);
    };
    /// An update of a notification we have: the fields change, a read flag
    /// stays read. Returns how the unread count changes.
    static int update(NotificationItem &target, const NotificationItem &incoming);

    /// apply(); with @p olderAreBeyond, new ones older than the oldest row
    /// are taken from what is counted beyond the list.
    void applyItems(const QList<NotificationItem> &items, bool olderAreBeyond);
    /// Notifications counted beyond the list that are now in it (the counts only).
    void takeFromBeyond(qint64 notifications, qint64 unread);
    [[nodiscard]] static QString groupKey(const NotificationItem &item);
    [[nodiscard]] static Key keyOf(const NotificationItem &item, quint64 serial);
    [[nodiscard]] int lowerBound(const Key &key) const;
    [[nodiscard]] std::optional<int> rowOfKey(const Key &key) const;
    void insertRows(QList<Row> rows);
    /// Moves and insertions all over the list as one layout change.
    void relayout(QList<Row> fresh, const QList<QPair<int, qsizetype>> &moved);
    /// Rows that took a new member (@p moved: row, index in @p fresh) move
    /// up to where their new key goes, each a row move.
    void moveUp(QList<Row> &fresh, const QList<QPair<int, qsizetype>> &moved);
    void remember(const Row &row);
    void forget(const Row &row);
    qsizetype setRead(const QStringList &ids, bool read);
    void trim();
    void adjustUnread(int delta);
    /// How many unread notifications a row stands for.
    static int unreadIn(const Row &row);

    QList<Row> m_rows; ///< newest first: (createdAt, arrival) descending
    QHash<QString, Key> m_keyOf; ///< every notification id -> its row's key
    QHash<QString, Key> m_groups; ///< group key -> the row that takes more of its kind
    qsizetype m_capacity;
    quint64 m_nextSerial = 1;
    qsizetype m_idCount = 0;
    int m_unread = 0;
    qint64 m_beyond = 0;
    qint64 m_beyondUnread = 0;
    bool m_beyondUnreadKnown = true;
};
