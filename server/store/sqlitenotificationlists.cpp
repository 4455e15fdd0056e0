// SPDX-License-Identifier: MIT
#include "sqlitenotificationlists.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>

Q_DECLARE_LOGGING_CATEGORY(lcStore)

namespace Notify::Server {

namespace {

QJsonObject parseObject(const QByteArray &json)
{
    return QJsonDocument::fromJson(json).object();
}

} // namespace

void SqliteNotificationLists::notificationAdded(const QStringList &audience)
{
    if (audience.isEmpty()) {
        m_counts.clear(); // everybody's
        return;
    }
    for (const QString &user : audience)
        m_counts.remove(user);
}

QString SqliteNotificationLists::window()
{
    // Two index ranges merged in seq order (one for the user, one for the
    // broadcasts): SQLite's MERGE (UNION ALL), not a scan of every row.
    return QStringLiteral("WITH w AS (SELECT seq, notification_id, data FROM (SELECT seq, notification_id, data FROM "
                          "notifications WHERE user = ? UNION ALL SELECT seq, notification_id, data FROM notifications "
                          "WHERE user IS NULL) ORDER BY seq DESC LIMIT ?) ");
}

qint64 SqliteNotificationLists::windowSize() const
{
    return m_limit > 0 ? m_limit : -1; // SQLite: a negative LIMIT is none
}

QList<NotificationRecord> SqliteNotificationLists::notifications(const QString &user, bool unreadOnly, qsizetype limit,
                                                                 qsizetype offset)
{
    QSqlQuery query(m_db);
    if (unreadOnly) {
        // The unread among the newest the limit keeps.
        query.prepare(
            window()
            + QStringLiteral("SELECT w.seq, w.data, 0 FROM w WHERE NOT EXISTS (SELECT 1 FROM notification_reads "
                             "r WHERE r.user = ? AND r.notification_id = w.notification_id) "
                             "ORDER BY w.seq DESC LIMIT ? OFFSET ?"));
        query.addBindValue(user);
        query.addBindValue(windowSize());
        query.addBindValue(user);
        query.addBindValue(limit);
        query.addBindValue(offset);
    } else {
        // A page of the newest: the limit only shortens the last pages.
        if (m_limit > 0)
            limit = std::clamp<qsizetype>(m_limit - offset, 0, limit);
        query.prepare(QStringLiteral(
            "SELECT w.seq, w.data, r.user IS NOT NULL FROM (SELECT seq, notification_id, data FROM (SELECT seq, "
            "notification_id, data FROM notifications WHERE user = ? UNION ALL SELECT seq, notification_id, data FROM "
            "notifications WHERE user IS NULL) ORDER BY seq DESC LIMIT ? OFFSET ?) w LEFT JOIN notification_reads r "
            "ON r.user = ? AND r.notification_id = w.notification_id ORDER BY w.seq DESC"));
        query.addBindValue(user);
        query.addBindValue(limit);
        query.addBindValue(offset);
        query.addBindValue(user);
    }
    QList<NotificationRecord> records;
    if (!query.exec())
        return records;
    while (query.next())
        records << NotificationRecord{ query.value(0).toULongLong(), parseObject(query.value(1).toString().toUtf8()),
                                       query.value(2).toBool() };
    return records;
}

bool SqliteNotificationLists::hasNotification(const QString &user, const QString &notificationId)
{
    QSqlQuery visible(m_db);
    visible.prepare(
        QStringLiteral("SELECT 1 FROM notifications WHERE notification_id = ? AND (user IS NULL OR user = ?) "
                       "LIMIT 1"));
    visible.addBindValue(notificationId);
    visible.addBindValue(user);
    return visible.exec() && visible.next();
}

bool SqliteNotificationLists::markRead(const QString &user, const QString &notificationId)
{
    if (!hasNotification(user, notificationId))
        return false;
    m_counts.remove(user);
    QSqlQuery insert(m_db);
    insert.prepare(QStringLiteral("INSERT OR IGNORE INTO notification_reads(user, notification_id) VALUES (?, ?)"));
    insert.addBindValue(user);
    insert.addBindValue(notificationId);
    return insert.exec();
}

bool SqliteNotificationLists::markUnread(const QString &user, const QString &notificationId)
{
    if (!hasNotification(user, notificationId))
        return false;
    m_counts.remove(user);
    QSqlQuery remove(m_db);
    remove.prepare(QStringLiteral("DELETE FROM notification_reads WHERE user = ? AND notification_id = ?"));
    remove.addBindValue(user);
    remove.addBindValue(notificationId);
    return remove.exec();
}

NotificationCounts SqliteNotificationLists::counts(const QString &user)
{
    // Counting the newest 10,000 costs milliseconds: kept until something of that user's changes.
    if (const auto cached = m_counts.constFind(user); cached != m_counts.constEnd())
        return *cached;
    QSqlQuery query(m_db);
    query.prepare(
        window()
        + QStringLiteral("SELECT COUNT(*), COALESCE(SUM(r.user IS NULL), 0), "
                         "COUNT(DISTINCT CASE WHEN r.user IS NULL THEN w.notification_id END) FROM w "
                         "LEFT JOIN notification_reads r ON r.user = ? AND r.notification_id = w.notification_id"));
    query.addBindValue(user);
    query.addBindValue(windowSize());
    query.addBindValue(user);
    if (!query.exec() || !query.next())
        return {};
    const NotificationCounts counts{ query.value(0).toLongLong(), query.value(1).toLongLong(),
                                     query.value(2).toLongLong() };
    m_counts.insert(user, counts);
    return counts;
}

QStringList SqliteNotificationLists::markAllRead(const QString &user)
{
    m_counts.remove(user);
    QStringList ids;
    QSqlQuery unread(m_db);
    unread.prepare(
        window()
        + QStringLiteral("SELECT w.notification_id FROM w WHERE NOT EXISTS (SELECT 1 FROM notification_reads "
                         "r WHERE r.user = ? AND r.notification_id = w.notification_id) "
                         "GROUP BY w.notification_id ORDER BY MIN(w.seq)"));
    unread.addBindValue(user);
    unread.addBindValue(windowSize());
    unread.addBindValue(user);
    if (!unread.exec())
        return ids;
    while (unread.next())
        ids << unread.value(0).toString();
    m_db.transaction();
    QSqlQuery insert(m_db);
    insert.prepare(QStringLiteral("INSERT OR IGNORE INTO notification_reads(user, notification_id) VALUES (?, ?)"));
    for (const QString &id : std::as_const(ids)) {
        insert.bindValue(0, user);
        insert.bindValue(1, id);
        insert.exec();
    }
    m_db.commit();
    return ids;
}

qsizetype SqliteNotificationLists::deleteNotifications(const QString &select, const QVariantList &binds)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("DELETE FROM notifications WHERE rowid IN (%1)").arg(select));
    for (const QVariant &bind : binds)
        query.addBindValue(bind);
    if (!query.exec()) {
        qCWarning(lcStore) << "trimming failed:" << query.lastError().text();
        return 0;
    }
    const qsizetype deleted = query.numRowsAffected();
    if (deleted > 0) {
        m_trim.deleted = true;
        m_counts.clear();
    }
    return deleted;
}

bool SqliteNotificationLists::trim(qint64 maxAgeMs, qint64 nowMs, qsizetype budget)
{
    // A step ends when its rows are deleted or its time is up, whichever
    // comes first: the hub is never held for long, whatever the work.
    QElapsedTimer step;
    step.start();
    const auto timeUp = [&step] { return step.elapsed() >= TrimStepMs; };
    qsizetype left = budget;
    const qint64 limit = m_limit;
    if (m_trim.phase == Trim::Done)
        m_trim = Trim{ Trim::Users, QStringLiteral(""), 0, false }; // "" (not null: NULL compares to nothing)
    // Each user's own past the newest `limit`: users one at a time, by the (user, seq) index.
    while (m_trim.phase == Trim::Users && left > 0 && !timeUp()) {
        QSqlQuery next(m_db);
        next.prepare(QStringLiteral("SELECT user FROM notifications WHERE user > ? ORDER BY user LIMIT 1"));
        next.addBindValue(m_trim.user);
        if (limit <= 0 || !next.exec() || !next.next()) {
            m_trim.phase = Trim::Broadcasts;
            break;
        }
        const QString user = next.value(0).toString();
        next.finish(); // a statement left open holds the WAL: its checkpoint would pile up for the next step
        const qsizetype asked = std::min(left, TrimStatementRows);
        const qsizetype deleted = deleteNotifications(
            QStringLiteral("SELECT rowid FROM notifications WHERE user = ? ORDER BY seq DESC LIMIT ? OFFSET ?"),
            { user, asked, limit });
        left -= deleted;
        if (deleted < asked)
            m_trim.user = user; // all of theirs went: the next user
    }
    while (m_trim.phase == Trim::Broadcasts && left > 0 && !timeUp()) {
        const qsizetype asked = std::min(left, TrimStatementRows);
        const qsizetype deleted = limit <= 0
            ? 0
            : deleteNotifications(QStringLiteral("SELECT rowid FROM notifications WHERE "
                                                 "user IS NULL ORDER BY seq DESC "
                                                 "LIMIT ? OFFSET ?"),
                                  { asked, limit });
        left -= deleted;
        if (deleted < asked)
            m_trim.phase = Trim::Age;
    }
    // Everything older than the days kept.
    while (m_trim.phase == Trim::Age && left > 0 && !timeUp()) {
        const qsizetype asked = std::min(left, TrimStatementRows);
        const qsizetype deleted = maxAgeMs <= 0
            ? 0
            : deleteNotifications(QStringLiteral("SELECT rowid FROM notifications WHERE created_ms < ? "
                                                 "LIMIT ?"),
                                  { nowMs - maxAgeMs, asked });
        left -= deleted;
        if (deleted < asked)
            m_trim.phase = m_trim.deleted ? Trim::Reads : Trim::Done;
    }
    // The read state of what went: looked through a slice of rows at a time.
    while (m_trim.phase == Trim::Reads && left > 0 && !timeUp()) {
        QSqlQuery slice(m_db);
        slice.prepare(QStringLiteral("SELECT MAX(rowid), COUNT(*) FROM (SELECT rowid FROM notification_reads "
                                     "WHERE rowid > ? ORDER BY rowid LIMIT ?)"));
        slice.addBindValue(m_trim.readsCursor);
        slice.addBindValue(std::min(left, TrimStatementRows * 5)); // only looked up, not deleted
        if (!slice.exec() || !slice.next() || slice.value(1).toLongLong() == 0) {
            slice.finish();
            // All looked through; and the claims of notifications that went.
            QSqlQuery claims(m_db);
            claims.exec(QStringLiteral("DELETE FROM claims WHERE NOT EXISTS (SELECT 1 FROM notifications n "
                                       "WHERE n.notification_id = claims.notification_id)"));
            m_trim.phase = Trim::Done;
            break;
        }
        const qint64 end = slice.value(0).toLongLong();
        const qint64 looked = slice.value(1).toLongLong();
        slice.finish();
        QSqlQuery orphans(m_db);
        orphans.prepare(QStringLiteral("DELETE FROM notification_reads WHERE rowid > ? AND rowid <= ? AND NOT EXISTS "
                                       "(SELECT 1 FROM notifications n WHERE n.notification_id = "
                                       "notification_reads.notification_id AND (n.user IS NULL OR "
                                       "n.user = notification_reads.user))"));
        orphans.addBindValue(m_trim.readsCursor);
        orphans.addBindValue(end);
        orphans.exec();
        left -= looked;
        m_trim.readsCursor = end;
    }
    return m_trim.phase != Trim::Done;
}

} // namespace Notify::Server
