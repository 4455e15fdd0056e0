// SPDX-License-Identifier: MIT
#pragma once

#include "eventstore.h"

#include <QHash>
#include <QSqlDatabase>

#include <memory>

class QSqlQuery;

namespace Notify::Server {

/// EventStore on SQLite through Qt Sql.
///
/// A file database runs in WAL mode with synchronous=NORMAL: an event is
/// committed before appendAll() returns, so it survives a crash or `kill -9` of
/// the server (not a power cut; that would need synchronous=FULL at several
/// times the cost per event). An empty path gives a throwaway in-memory store
/// with a new epoch each time.
class SqliteEventStore final : public EventStore
{
public:
    explicit SqliteEventStore(QString path);
    ~SqliteEventStore() override;

    bool open(QString *error) override;
    quint32 epoch() const override { return m_epoch; }
    quint64 headSeq() const override { return m_head; }
    quint64 oldestSeq() const override { return m_oldest; }
    bool appendAll(QList<StoredEvent> &events, QString *error) override;
    QList<StoredEvent> eventsAfter(quint64 seq, const QString &user, qsizetype limit) override;
    QList<NotificationRecord> notifications(const QString &user, bool unreadOnly, qsizetype limit,
                                            qsizetype offset = 0) override;
    bool markRead(const QString &user, const QString &notificationId) override;
    QStringList markAllRead(const QString &user) override;
    bool markUnread(const QString &user, const QString &notificationId) override;
    NotificationCounts notificationCounts(const QString &user) override;
    QList<QJsonObject> orders(const QString &user) override;
    void enforceRetention(qint64 maxEvents, qint64 maxAgeMs, qint64 nowMs) override;
    bool trimNotifications(qint64 maxAgeMs, qint64 nowMs, qsizetype budget) override;
    void setNotificationLimit(qint64 maxPerUser) override
    {
        EventStore::setNotificationLimit(maxPerUser);
        m_counts.clear();
    }

private:
    bool exec(const QString &sql, QString *error = nullptr);
    /// Whether @p user may see notification @p notificationId.
    bool hasNotification(const QString &user, const QString &notificationId);
    void refreshOldest();
    /// `WITH w AS (…)`: the newest notifications the user may see, as far as the limit goes (two binds: user, limit).
    [[nodiscard]] static QString window();
    [[nodiscard]] qint64 windowSize() const;
    /// Deletes the notifications whose seqs @p select names; how many went.
    qsizetype deleteNotifications(const QString &select, const QVariantList &binds);

    QString m_path;
    QString m_connectionName;
    QSqlDatabase m_db;
    std::unique_ptr<QSqlQuery> m_insertEvent;
    std::unique_ptr<QSqlQuery> m_updateHead;
    std::unique_ptr<QSqlQuery> m_insertNotification;
    std::unique_ptr<QSqlQuery> m_upsertOrder;
    std::unique_ptr<QSqlQuery> m_selectAfter;
    quint32 m_epoch = 0;
    quint64 m_head = 0;
    quint64 m_oldest = 1;
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
