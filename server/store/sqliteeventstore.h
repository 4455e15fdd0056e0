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
    ClaimOutcome claim(const QString &user, const QString &notificationId, const Claim &claim, qint64 nowMs) override;
    ClaimOutcome release(const QString &user, const QString &notificationId, bool admin, qint64 nowMs) override;
    QHash<QString, Claim> claims(const QStringList &notificationIds) override;
    qsizetype escalateDue(qint64 cutoffMs, qint64 nowMs, qsizetype limit) override;
    std::optional<qint64> nextEscalation() override;
    void setNotificationLimit(qint64 maxPerUser) override
    {
        EventStore::setNotificationLimit(maxPerUser);
        m_lists.setLimit(maxPerUser);
    }

private:
    bool exec(const QString &sql, QString *error = nullptr);
    /// Inserts @p events (seqs after the head, set in each) and their
    /// snapshots inside the caller's transaction; false with @p error when a
    /// statement failed (the caller rolls back).
    bool insertEvents(QList<StoredEvent> &events, QString *error);
    /// After the transaction of insertEvents() committed: the head moves,
    /// the counts are old, and the events go out.
    void inserted(const QList<StoredEvent> &events);
    /// The users notification @p notificationId reaches (empty: everybody),
    /// or nothing when there is no such notification.
    std::optional<QStringList> recipients(const QString &notificationId);
    /// The claim on @p notificationId, if any.
    std::optional<Claim> currentClaim(const QString &notificationId);
    /// Writes (or with a null @p claim deletes) the claim and stores its
    /// event, in one transaction.
    ClaimOutcome storeClaim(const QString &notificationId, const Claim &claim, const QStringList &audience,
                            qint64 nowMs);
    void refreshOldest();

    QString m_path;
    QString m_connectionName;
    QSqlDatabase m_db;
    std::unique_ptr<QSqlQuery> m_insertEvent;
    std::unique_ptr<QSqlQuery> m_updateHead;
    std::unique_ptr<QSqlQuery> m_insertNotification;
    std::unique_ptr<QSqlQuery> m_upsertOrder;
    std::unique_ptr<QSqlQuery> m_selectAfter;
    std::unique_ptr<QSqlQuery> m_insertEscalation;
    quint32 m_epoch = 0;
    quint64 m_head = 0;
    quint64 m_oldest = 1;
    SqliteNotificationLists m_lists; ///< after m_db, which it uses
};

} // namespace Notify::Server
