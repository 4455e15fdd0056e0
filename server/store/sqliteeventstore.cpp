// SPDX-License-Identifier: MIT
#include "sqliteeventstore.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

Q_LOGGING_CATEGORY(lcStore, "notify.store", QtInfoMsg)

namespace Notify::Server {

namespace {

QVariant nullableText(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

QJsonObject parseObject(const QByteArray &json)
{
    return QJsonDocument::fromJson(json).object();
}

/// Adds @p column (an INTEGER, 0 by default) to @p table unless it has it,
/// and runs @p fill, both in one transaction: a fill that failed or was
/// killed leaves no column behind (rows left at 0 would be taken for very
/// old ones, and the age trim would delete them).
bool addColumnOnce(const QSqlDatabase &db, const QString &table, const QString &column, const QString &fill,
                   QString *error)
{
    QSqlQuery info(db);
    if (!info.exec(QStringLiteral("PRAGMA table_info(%1)").arg(table)))
        return false;
    while (info.next()) {
        if (info.value(1).toString() == column)
            return true;
    }
    info.finish();
    QSqlQuery alter(db);
    if (!alter.exec(QStringLiteral("SAVEPOINT add_column"))
        || !alter.exec(QStringLiteral("ALTER TABLE %1 ADD COLUMN %2 INTEGER NOT NULL DEFAULT 0").arg(table, column))
        || !alter.exec(fill) || !alter.exec(QStringLiteral("RELEASE add_column"))) {
        if (error)
            *error = alter.lastError().text();
        QSqlQuery undo(db);
        undo.exec(QStringLiteral("ROLLBACK TO add_column"));
        undo.exec(QStringLiteral("RELEASE add_column"));
        return false;
    }
    return true;
}

} // namespace

SqliteEventStore::SqliteEventStore(QString path)
    : m_path(std::move(path))
    , m_connectionName(QStringLiteral("notify-store-") + QUuid::createUuid().toString(QUuid::WithoutBraces))
{ }

SqliteEventStore::~SqliteEventStore()
{
    m_insertEvent.reset();
    m_updateHead.reset();
    m_insertNotification.reset();
    m_upsertOrder.reset();
    m_selectAfter.reset();
    if (m_db.isOpen())
        m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
}

bool SqliteEventStore::exec(const QString &sql, QString *error)
{
    QSqlQuery query(m_db);
    if (query.exec(sql))
        return true;
    const QString message = query.lastError().text();
    qCWarning(lcStore) << "SQL failed:" << sql << message;
    if (error)
        *error = message;
    return false;
}

bool SqliteEventStore::open(QString *error)
{
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    if (!m_db.isValid()) {
        if (error)
            *error = QStringLiteral("the Qt SQLite driver is not installed (Debian: libqt6sql6-sqlite)");
        return false;
    }
    m_db.setDatabaseName(m_path.isEmpty() ? QStringLiteral(":memory:") : m_path);
    if (!m_db.open()) {
        if (error)
            *error = m_db.lastError().text();
        return false;
    }
    const bool ok = (m_path.isEmpty()
                     || (exec(QStringLiteral("PRAGMA journal_mode=WAL"), error)
                         && exec(QStringLiteral("PRAGMA synchronous=NORMAL"), error)))
        && exec(QStringLiteral("PRAGMA foreign_keys=OFF"), error)
        && exec(QStringLiteral("CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)"), error)
        && exec(QStringLiteral("CREATE TABLE IF NOT EXISTS events(seq INTEGER PRIMARY KEY, type TEXT NOT NULL, "
                               "data TEXT NOT NULL, user_a TEXT, user_b TEXT, created_ms INTEGER NOT NULL)"),
                error)
        && exec(QStringLiteral("CREATE TABLE IF NOT EXISTS notifications(seq INTEGER PRIMARY KEY, "
                               "notification_id TEXT NOT NULL, user TEXT, data TEXT NOT NULL, "
                               "created_ms INTEGER NOT NULL DEFAULT 0)"),
                error)
        && exec(QStringLiteral("CREATE INDEX IF NOT EXISTS notifications_by_id ON notifications(notification_id)"),
                error)
        && addColumnOnce(m_db, QStringLiteral("notifications"), QStringLiteral("created_ms"),
                         // Rows of an older store: their event's time, else now (never deleted early).
                         QStringLiteral(
                             "UPDATE notifications SET created_ms = COALESCE((SELECT e.created_ms FROM events e "
                             "WHERE e.seq = notifications.seq), %1)")
                             .arg(QDateTime::currentMSecsSinceEpoch()),
                         error)
        && exec(QStringLiteral("CREATE INDEX IF NOT EXISTS notifications_by_user ON notifications(user, seq)"), error)
        && exec(QStringLiteral("CREATE INDEX IF NOT EXISTS notifications_by_time ON notifications(created_ms)"), error)
        && exec(QStringLiteral("CREATE TABLE IF NOT EXISTS notification_reads(user TEXT NOT NULL, "
                               "notification_id TEXT NOT NULL, PRIMARY KEY(user, notification_id))"),
                error)
        && exec(QStringLiteral("CREATE TABLE IF NOT EXISTS orders(order_id TEXT PRIMARY KEY, user TEXT, "
                               "seq INTEGER NOT NULL, data TEXT NOT NULL)"),
                error);
    if (!ok)
        return false;

    QSqlQuery meta(m_db);
    meta.exec(QStringLiteral("SELECT key, value FROM meta"));
    bool haveEpoch = false;
    while (meta.next()) {
        const QString key = meta.value(0).toString();
        if (key == u"epoch") {
            m_epoch = meta.value(1).toString().toUInt(nullptr, 16);
            haveEpoch = true;
        } else if (key == u"head") {
            m_head = meta.value(1).toString().toULongLong();
        }
    }
    if (!haveEpoch) {
        // A new store gets a random epoch, so ids from any other store are recognised.
        m_epoch = QRandomGenerator::system()->generate();
        QSqlQuery insert(m_db);
        insert.prepare(QStringLiteral("INSERT INTO meta(key, value) VALUES ('epoch', ?), ('head', '0')"));
        insert.addBindValue(QString::number(m_epoch, 16).rightJustified(8, u'0'));
        if (!insert.exec()) {
            if (error)
                *error = insert.lastError().text();
            return false;
        }
    }

    m_insertEvent = std::make_unique<QSqlQuery>(m_db);
    m_insertEvent->prepare(
        QStringLiteral("INSERT INTO events(seq, type, data, user_a, user_b, created_ms) VALUES (?, ?, ?, ?, ?, ?)"));
    m_updateHead = std::make_unique<QSqlQuery>(m_db);
    m_updateHead->prepare(QStringLiteral("UPDATE meta SET value = ? WHERE key = 'head'"));
    m_insertNotification = std::make_unique<QSqlQuery>(m_db);
    m_insertNotification->prepare(QStringLiteral(
        "INSERT INTO notifications(seq, notification_id, user, data, created_ms) VALUES (?, ?, ?, ?, ?)"));
    m_upsertOrder = std::make_unique<QSqlQuery>(m_db);
    m_upsertOrder->prepare(QStringLiteral("INSERT INTO orders(order_id, user, seq, data) VALUES (?, ?, ?, ?) "
                                          "ON CONFLICT(order_id) DO UPDATE SET user = excluded.user, "
                                          "seq = excluded.seq, data = excluded.data"));
    m_selectAfter = std::make_unique<QSqlQuery>(m_db);
    m_selectAfter->prepare(QStringLiteral("SELECT seq, type, data, user_a, user_b, created_ms FROM events "
                                          "WHERE seq > ? AND (user_a IS NULL OR user_a = ? OR user_b = ?) "
                                          "ORDER BY seq LIMIT ?"));
    m_selectAfter->setForwardOnly(true);
    refreshOldest();
    qCInfo(lcStore).noquote() << "event store" << (m_path.isEmpty() ? QStringLiteral("in memory") : m_path) << "epoch"
                              << QString::number(m_epoch, 16).rightJustified(8, u'0') << "head" << m_head;
    return true;
}

void SqliteEventStore::refreshOldest()
{
    QSqlQuery query(m_db);
    query.exec(QStringLiteral("SELECT MIN(seq) FROM events"));
    m_oldest = (query.next() && !query.value(0).isNull()) ? query.value(0).toULongLong() : m_head + 1;
}

bool SqliteEventStore::appendAll(QList<StoredEvent> &events, QString *error)
{
    if (events.isEmpty())
        return true;
    if (!m_db.transaction()) {
        if (error)
            *error = m_db.lastError().text();
        return false;
    }
    const auto failed = [&](const QSqlQuery &query) {
        if (error)
            *error = query.lastError().text();
        qCWarning(lcStore) << "append failed:" << query.lastError().text();
        m_db.rollback();
        return false;
    };
    quint64 seq = m_head;
    for (const StoredEvent &event : std::as_const(events)) {
        ++seq;
        m_insertEvent->bindValue(0, seq);
        m_insertEvent->bindValue(1, QString::fromUtf8(event.type));
        m_insertEvent->bindValue(2, QString::fromUtf8(event.data));
        m_insertEvent->bindValue(3, nullableText(event.audience.value(0)));
        m_insertEvent->bindValue(4, nullableText(event.audience.value(1)));
        m_insertEvent->bindValue(5, event.createdMs);
        if (!m_insertEvent->exec())
            return failed(*m_insertEvent);

        // Snapshots: notifications keep their read state, orders their latest status.
        const QString user = event.audience.size() == 1 ? event.audience.first() : QString();
        if (event.type == Protocol::Notification::TypeName) {
            const QJsonObject data = parseObject(event.data);
            QSqlQuery &insert = *m_insertNotification;
            insert.bindValue(0, seq);
            insert.bindValue(1, data.value(u"notification_id").toVariant().toString());
            insert.bindValue(2, nullableText(user));
            insert.bindValue(3, QString::fromUtf8(event.data));
            insert.bindValue(4, event.createdMs);
            if (!insert.exec())
                return failed(insert);
        } else if (event.type == Protocol::OrderStatus::TypeName) {
            const QJsonObject data = parseObject(event.data);
            QSqlQuery &upsert = *m_upsertOrder;
            upsert.bindValue(0, data.value(u"order_id").toVariant().toString());
            upsert.bindValue(1, nullableText(user));
            upsert.bindValue(2, seq);
            upsert.bindValue(3, QString::fromUtf8(event.data));
            if (!upsert.exec())
                return failed(upsert);
        }
    }
    m_updateHead->bindValue(0, QString::number(seq));
    if (!m_updateHead->exec())
        return failed(*m_updateHead);
    if (!m_db.commit()) {
        if (error)
            *error = m_db.lastError().text();
        m_db.rollback();
        return false;
    }
    // Stored: now the counts may change and the events go out, in order.
    quint64 next = m_head;
    for (StoredEvent &event : events) {
        event.seq = ++next;
        if (event.type == Protocol::Notification::TypeName) {
            if (event.audience.size() == 1)
                m_counts.remove(event.audience.first());
            else
                m_counts.clear();
        }
    }
    m_head = seq;
    if (m_oldest > events.first().seq)
        m_oldest = events.first().seq;
    for (const StoredEvent &event : std::as_const(events))
        announce(event);
    return true;
}

QList<StoredEvent> SqliteEventStore::eventsAfter(quint64 seq, const QString &user, qsizetype limit)
{
    QList<StoredEvent> events;
    QSqlQuery &query = *m_selectAfter;
    query.bindValue(0, seq);
    query.bindValue(1, user);
    query.bindValue(2, user);
    query.bindValue(3, limit);
    if (!query.exec()) {
        qCWarning(lcStore) << "replay query failed:" << query.lastError().text();
        return events;
    }
    while (query.next()) {
        StoredEvent event;
        event.seq = query.value(0).toULongLong();
        event.type = query.value(1).toString().toUtf8();
        event.data = query.value(2).toString().toUtf8();
        if (!query.value(3).isNull())
            event.audience << query.value(3).toString();
        if (!query.value(4).isNull())
            event.audience << query.value(4).toString();
        event.createdMs = query.value(5).toLongLong();
        events << event;
    }
    query.finish();
    return events;
}

QString SqliteEventStore::window()
{
    // Two index ranges merged in seq order (one for the user, one for the
    // broadcasts): SQLite's MERGE (UNION ALL), not a scan of every row.
    return QStringLiteral("WITH w AS (SELECT seq, notification_id, data FROM (SELECT seq, notification_id, data FROM "
                          "notifications WHERE user = ? UNION ALL SELECT seq, notification_id, data FROM notifications "
                          "WHERE user IS NULL) ORDER BY seq DESC LIMIT ?) ");
}

qint64 SqliteEventStore::windowSize() const
{
    return m_maxNotifications > 0 ? m_maxNotifications : -1; // SQLite: a negative LIMIT is none
}

QList<NotificationRecord> SqliteEventStore::notifications(const QString &user, bool unreadOnly, qsizetype limit,
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
        if (m_maxNotifications > 0)
            limit = std::clamp<qsizetype>(m_maxNotifications - offset, 0, limit);
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

bool SqliteEventStore::hasNotification(const QString &user, const QString &notificationId)
{
    QSqlQuery visible(m_db);
    visible.prepare(
        QStringLiteral("SELECT 1 FROM notifications WHERE notification_id = ? AND (user IS NULL OR user = ?) "
                       "LIMIT 1"));
    visible.addBindValue(notificationId);
    visible.addBindValue(user);
    return visible.exec() && visible.next();
}

bool SqliteEventStore::markRead(const QString &user, const QString &notificationId)
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

bool SqliteEventStore::markUnread(const QString &user, const QString &notificationId)
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

NotificationCounts SqliteEventStore::notificationCounts(const QString &user)
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

QStringList SqliteEventStore::markAllRead(const QString &user)
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

QList<QJsonObject> SqliteEventStore::orders(const QString &user)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT data FROM orders WHERE user IS NULL OR user = ? ORDER BY seq DESC"));
    query.addBindValue(user);
    QList<QJsonObject> result;
    if (!query.exec())
        return result;
    while (query.next())
        result << parseObject(query.value(0).toString().toUtf8());
    return result;
}

void SqliteEventStore::enforceRetention(qint64 maxEvents, qint64 maxAgeMs, qint64 nowMs)
{
    QSqlQuery query(m_db);
    if (maxEvents > 0 && m_head > quint64(maxEvents)) {
        query.prepare(QStringLiteral("DELETE FROM events WHERE seq <= ?"));
        query.addBindValue(m_head - quint64(maxEvents));
        query.exec();
    }
    if (maxAgeMs > 0) {
        query.prepare(QStringLiteral("DELETE FROM events WHERE created_ms < ?"));
        query.addBindValue(nowMs - maxAgeMs);
        query.exec();
    }
    refreshOldest();
}

qsizetype SqliteEventStore::deleteNotifications(const QString &select, const QVariantList &binds)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("DELETE FROM notifications WHERE seq IN (%1)").arg(select));
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

bool SqliteEventStore::trimNotifications(qint64 maxAgeMs, qint64 nowMs, qsizetype budget)
{
    // A step ends when its rows are deleted or its time is up, whichever
    // comes first: the hub is never held for long, whatever the work.
    QElapsedTimer step;
    step.start();
    const auto timeUp = [&step] { return step.elapsed() >= TrimStepMs; };
    qsizetype left = budget;
    const qint64 limit = m_maxNotifications;
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
            QStringLiteral("SELECT seq FROM notifications WHERE user = ? ORDER BY seq DESC LIMIT ? OFFSET ?"),
            { user, asked, limit });
        left -= deleted;
        if (deleted < asked)
            m_trim.user = user; // all of theirs went: the next user
    }
    while (m_trim.phase == Trim::Broadcasts && left > 0 && !timeUp()) {
        const qsizetype asked = std::min(left, TrimStatementRows);
        const qsizetype deleted = limit <= 0 ? 0
                                             : deleteNotifications(QStringLiteral("SELECT seq FROM notifications WHERE "
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
            : deleteNotifications(QStringLiteral("SELECT seq FROM notifications WHERE created_ms < ? "
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
            m_trim.phase = Trim::Done; // all looked through
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
