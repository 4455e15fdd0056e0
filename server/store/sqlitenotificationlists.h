// SPDX-License-Identifier: MIT
#pragma once

#include "eventstore.h"

#include <QHash>
#include <QSqlDatabase>
#include <QVariantList>

namespace Notify::Server {

/// The notifications lists of SqliteEventStore: a user's list (their own
/// and the broadcasts, the newest of them as far as the limit goes), its
/// read state (notification_reads) and counts, and the trim of what is past
/// the limit or too old. The tables are the store's: it creates them, and
/// writes the notifications as it appends events (then notificationAdded()).
class SqliteNotificationLists final
{
public:
    /// @p db: the store's connection (opened later), used for as long as this lives.
    SqliteNotificationLists(QSqlDatabase &db, qint64 limit)
        : m_db(db)
        , m_limit(limit)
    { }

    /// EventStore::setNotificationLimit().
    void setLimit(qint64 maxPerUser)
    {
        m_limit = maxPerUser;
        m_counts.clear();
    }
    /// A notification for @p audience was stored (a user's, a group's
    /// members', or a broadcast): the counts of whom it reaches are old.
    void notificationAdded(const QStringList &audience);

    /// EventStore::notifications() and the rest, in the same words.
    [[nodiscard]] QList<NotificationRecord> notifications(const QString &user, bool unreadOnly, qsizetype limit,
                                                          qsizetype offset);
    bool markRead(const QString &user, const QString &notificationId);
    bool markUnread(const QString &user, const QString &notificationId);
    QStringList markAllRead(const QString &user);
    [[nodiscard]] NotificationCounts counts(const QString &user);
    /// One step of EventStore::trimNotifications(): true while more is left.
    bool trim(qint64 maxAgeMs, qint64 nowMs, qsizetype budget);

private:
public:
    /// Whether @p user may see notification @p notificationId.
    bool hasNotification(const QString &user, const QString &notificationId);

private:
    /// `WITH w AS (…)`: the newest notifications the user may see, as far as the limit goes (two binds: user, limit).
    [[nodiscard]] static QString window();
    [[nodiscard]] qint64 windowSize() const;
    /// Deletes the notification rows whose rowids @p select names; how many went.
    qsizetype deleteNotifications(const QString &select, const QVariantList &binds);

    QSqlDatabase &m_db;
    qint64 m_limit;
    /// A trim in progress: what it is at, the last user it finished, how
    /// far the read states have been looked through (rowid), and whether it
    /// deleted anything (then read states may be left over).
    struct Trim
    {
        enum Phase { Done, Users, Broadcasts, Age, Reads };
        Phase phase = Done;
        QString user;
        qint64 readsCursor = 0;
        bool deleted = false;
    };
    Trim m_trim;
    /// A trim step stops after this long, whatever is left (the next step goes on).
    static constexpr qint64 TrimStepMs = 20;
    // Rows one DELETE takes at most: its time grows faster than its rows
    // once they spread over more pages than the cache holds (2,000 at once
    // took 180 ms where 10 x 200 took 45), and the step's clock is only
    // looked at between statements.
    static constexpr qsizetype TrimStatementRows = 200;
    /// Each user's counts, until a notification of theirs comes or goes or is read.
    QHash<QString, NotificationCounts> m_counts;
};

} // namespace Notify::Server
