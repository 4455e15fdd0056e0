// SPDX-License-Identifier: MIT
#pragma once

#include "store/eventstore.h"

#include <QByteArray>

namespace Notify::Server {

class RedisEventStore;

/// The notifications lists of RedisEventStore: a user's list (their own
/// and the broadcasts, the newest of them as far as the store's
/// notificationLimit() goes), its read state and counts, and the trim of
/// what is past the limit or too old. Each is one Lua script (RedisScripts),
/// run through the store's connection; the store's append script writes
/// the notifications' keys as it stores them.
///
/// Keys, all under the prefix:
///   n:u:<user>, n:all  sorted sets of the seqs of a user's own notifications, and of the broadcasts
///   n:data, n:id       hashes seq -> the notification's JSON, and its notification id
///   n:owner            hash seq -> its user ('' for a broadcast)
///   n:time             sorted set seq by the time it was published (ms)
///   n:ids:u:<user>, n:ids:all  sets of the ids there are (a read names an id)
///   n:refs             hash "<owner>\n<id>" -> how many seqs carry that id
///   n:owners           set of the users with notifications of their own
///   read:<user>        set of the ids a user read; readers: the users with one
///                      (the trim clears the ids that went, reader by reader)
///   n:counts:<user>    hash: the user's counts as last computed (a day at most)
///   n:gen:all          counter: a broadcast came or went (every user's counts are old)
class RedisNotificationLists final
{
public:
    explicit RedisNotificationLists(RedisEventStore &store)
        : m_store(store)
    { }

    /// EventStore::notifications() and the rest, in the same words.
    [[nodiscard]] QList<NotificationRecord> notifications(const QString &user, bool unreadOnly, qsizetype limit,
                                                          qsizetype offset);
    /// markRead() (@p read) or markUnread(); false when the user has no such notification.
    bool setRead(const QString &user, const QString &notificationId, bool read);
    QStringList markAllRead(const QString &user);
    [[nodiscard]] NotificationCounts counts(const QString &user);
    /// One step of EventStore::trimNotifications(): true while more is left.
    bool trim(qint64 maxAgeMs, qint64 nowMs, qsizetype budget);

private:
    RedisEventStore &m_store;
    /// Where the trim stands (RedisScripts::trim's phase and cursor).
    struct Trim
    {
        QByteArray phase = "done";
        QByteArray cursor = "0";
        bool dropped = false;
    };
    Trim m_trim;
};

} // namespace Notify::Server
