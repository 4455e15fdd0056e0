// SPDX-License-Identifier: MIT
#pragma once

#include "eventstore.h"
#include "sqlitenotificationlists.h"

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
/// with a new epoch each time. The notifications lists (read state, counts,
/// trimming) are SqliteNotificationLists'.
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
        m_lists.setLimit(maxPerUser);
    }

private:
    bool exec(const QString &sql, QString *error = nullptr);
    void refreshOldest();

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
    SqliteNotificationLists m_lists; ///< after m_db, which it uses
};

} // namespace Notify::Server
