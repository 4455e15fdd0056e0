// SPDX-License-Identifier: MIT
#include "sqliteeventstore.h"

#include <QDateTime>
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
    , m_lists(m_db, notificationLimit())
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
        if (event.type == Protocol::Notification::TypeName)
            m_lists.notificationAdded(event.audience);
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

QList<NotificationRecord> SqliteEventStore::notifications(const QString &user, bool unreadOnly, qsizetype limit,
                                                          qsizetype offset)
{
    return m_lists.notifications(user, unreadOnly, limit, offset);
}

bool SqliteEventStore::markRead(const QString &user, const QString &notificationId)
{
    return m_lists.markRead(user, notificationId);
}

bool SqliteEventStore::markUnread(const QString &user, const QString &notificationId)
{
    return m_lists.markUnread(user, notificationId);
}

QStringList SqliteEventStore::markAllRead(const QString &user)
{
    return m_lists.markAllRead(user);
}

NotificationCounts SqliteEventStore::notificationCounts(const QString &user)
{
    return m_lists.counts(user);
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

bool SqliteEventStore::trimNotifications(qint64 maxAgeMs, qint64 nowMs, qsizetype budget)
{
    return m_lists.trim(maxAgeMs, nowMs, budget);
}

} // namespace Notify::Server
