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

/// Several users in one column: `\nalice\nbob\n`, so that `instr()` finds
/// `\n<user>\n` and nothing else.
QString membersText(const QStringList &users)
{
    return u'\n' + users.join(u'\n') + u'\n';
}

QStringList fromMembersText(const QString &text)
{
    return text.split(u'\n', Qt::SkipEmptyParts);
}

/// Whether @p column of @p table exists.
bool hasColumn(const QSqlDatabase &db, const QString &table, const QString &column, bool *primaryKey = nullptr)
{
    QSqlQuery info(db);
    if (!info.exec(QStringLiteral("PRAGMA table_info(%1)").arg(table)))
        return false;
    while (info.next()) {
        if (info.value(1).toString() == column) {
            if (primaryKey)
                *primaryKey = info.value(5).toInt() > 0;
            return true;
        }
    }
    return false;
}

/// A store from before groups kept one row per notification event, keyed
/// by its seq; a notification to a group now has a row per member (same
/// seq). Rebuilt once, in one transaction.
bool migrateNotificationsTable(const QSqlDatabase &db, QString *error)
{
    bool seqIsKey = false;
    if (!hasColumn(db, QStringLiteral("notifications"), QStringLiteral("seq"), &seqIsKey) || !seqIsKey)
        return true;
    QSqlQuery q(db);
    const bool ok = q.exec(QStringLiteral("SAVEPOINT migrate_notifications"))
        && q.exec(QStringLiteral("CREATE TABLE notifications_by_member(seq INTEGER NOT NULL, "
                                 "notification_id TEXT NOT NULL, user TEXT, data TEXT NOT NULL, "
                                 "created_ms INTEGER NOT NULL DEFAULT 0)"))
        && q.exec(QStringLiteral("INSERT INTO notifications_by_member(rowid, seq, notification_id, user, data, "
                                 "created_ms) SELECT seq, seq, notification_id, user, data, created_ms FROM "
                                 "notifications"))
        && q.exec(QStringLiteral("DROP TABLE notifications"))
        && q.exec(QStringLiteral("ALTER TABLE notifications_by_member RENAME TO notifications"))
        && q.exec(QStringLiteral("RELEASE migrate_notifications"));
    if (!ok) {
        if (error)
            *error = q.lastError().text();
        QSqlQuery undo(db);
        undo.exec(QStringLiteral("ROLLBACK TO migrate_notifications"));
        undo.exec(QStringLiteral("RELEASE migrate_notifications"));
    }
    return ok;
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
    m_insertEscalation.reset();
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
        && exec(QStringLiteral("CREATE TABLE IF NOT EXISTS notifications(seq INTEGER NOT NULL, "
                               "notification_id TEXT NOT NULL, user TEXT, data TEXT NOT NULL, "
                               "created_ms INTEGER NOT NULL DEFAULT 0)"),
                error)
        && (hasColumn(m_db, QStringLiteral("events"), QStringLiteral("members"))
            || exec(QStringLiteral("ALTER TABLE events ADD COLUMN members TEXT"), error))
        && addColumnOnce(m_db, QStringLiteral("notifications"), QStringLiteral("created_ms"),
                         // Rows of an older store: their event's time, else now (never deleted early).
                         QStringLiteral(
                             "UPDATE notifications SET created_ms = COALESCE((SELECT e.created_ms FROM events e "
                             "WHERE e.seq = notifications.seq), %1)")
                             .arg(QDateTime::currentMSecsSinceEpoch()),
                         error)
        // After created_ms is there (a store from before retention has none), before the indexes.
        && migrateNotificationsTable(m_db, error)
        && exec(QStringLiteral("CREATE INDEX IF NOT EXISTS notifications_by_id ON notifications(notification_id)"),
                error)
        && exec(QStringLiteral("CREATE INDEX IF NOT EXISTS notifications_by_user ON notifications(user, seq)"), error)
        && exec(QStringLiteral("CREATE INDEX IF NOT EXISTS notifications_by_time ON notifications(created_ms)"), error)
        && exec(QStringLiteral("CREATE TABLE IF NOT EXISTS notification_reads(user TEXT NOT NULL, "
                               "notification_id TEXT NOT NULL, PRIMARY KEY(user, notification_id))"),
                error)
        && exec(QStringLiteral("CREATE TABLE IF NOT EXISTS orders(order_id TEXT PRIMARY KEY, user TEXT, "
                               "seq INTEGER NOT NULL, data TEXT NOT NULL)"),
                error)
        && exec(QStringLiteral("CREATE TABLE IF NOT EXISTS claims(notification_id TEXT PRIMARY KEY, "
                               "claimed_by TEXT NOT NULL, claimed_at TEXT NOT NULL)"),
                error)
        && exec(QStringLiteral("CREATE TABLE IF NOT EXISTS escalations(seq INTEGER PRIMARY KEY, "
                               "notification_id TEXT NOT NULL, created_ms INTEGER NOT NULL)"),
                error)
        && exec(QStringLiteral("CREATE INDEX IF NOT EXISTS escalations_by_time ON escalations(created_ms)"), error);
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
    m_insertEvent->prepare(QStringLiteral(
        "INSERT INTO events(seq, type, data, user_a, user_b, created_ms, members) VALUES (?, ?, ?, ?, ?, ?, ?)"));
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
    m_selectAfter->prepare(
        QStringLiteral("SELECT seq, type, data, user_a, user_b, created_ms, members FROM events "
                       "WHERE seq > ? AND (user_a IS NULL OR user_a = ? OR user_b = ? OR instr(members, ?) > 0) "
                       "ORDER BY seq LIMIT ?"));
    m_selectAfter->setForwardOnly(true);
    m_insertEscalation = std::make_unique<QSqlQuery>(m_db);
    m_insertEscalation->prepare(
        QStringLiteral("INSERT OR REPLACE INTO escalations(seq, notification_id, created_ms) VALUES (?, ?, ?)"));
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

bool SqliteEventStore::insertEvents(QList<StoredEvent> &events, QString *error)
{
    const auto failed = [&](const QSqlQuery &query) {
        if (error)
            *error = query.lastError().text();
        qCWarning(lcStore) << "append failed:" << query.lastError().text();
        return false;
    };
    quint64 seq = m_head;
    for (StoredEvent &event : events) {
        event.seq = ++seq;
        m_insertEvent->bindValue(0, seq);
        m_insertEvent->bindValue(1, QString::fromUtf8(event.type));
        m_insertEvent->bindValue(2, QString::fromUtf8(event.data));
        m_insertEvent->bindValue(3, nullableText(event.audience.value(0)));
        m_insertEvent->bindValue(4, nullableText(event.audience.value(1)));
        m_insertEvent->bindValue(5, event.createdMs);
        // A group's members past the first two (a message has two at most).
        m_insertEvent->bindValue(6,
                                 event.audience.size() > 2 ? QVariant(membersText(event.audience))
                                                           : QVariant(QMetaType::fromType<QString>()));
        if (!m_insertEvent->exec())
            return failed(*m_insertEvent);

        // Snapshots: notifications keep their read state, orders their latest status.
        if (event.type == Protocol::Notification::TypeName) {
            const QJsonObject data = parseObject(event.data);
            const QString notificationId = data.value(u"notification_id").toVariant().toString();
            QSqlQuery &insert = *m_insertNotification;
            // One row for everybody, else one per recipient (a group's members).
            const QStringList rows = event.audience.isEmpty() ? QStringList{ QString() } : event.audience;
            for (const QString &user : rows) {
                insert.bindValue(0, seq);
                insert.bindValue(1, notificationId);
                insert.bindValue(2, nullableText(user));
                insert.bindValue(3, QString::fromUtf8(event.data));
                insert.bindValue(4, event.createdMs);
                if (!insert.exec())
                    return failed(insert);
            }
            if (escalation() && data.value(u"level").toString() == u"error") {
                m_insertEscalation->bindValue(0, seq);
                m_insertEscalation->bindValue(1, notificationId);
                m_insertEscalation->bindValue(2, event.createdMs);
                if (!m_insertEscalation->exec())
                    return failed(*m_insertEscalation);
            }
        } else if (event.type == Protocol::OrderStatus::TypeName) {
            const QJsonObject data = parseObject(event.data);
            QSqlQuery &upsert = *m_upsertOrder;
            upsert.bindValue(0, data.value(u"order_id").toVariant().toString());
            upsert.bindValue(1,
                             event.audience.size() > 1 ? QVariant(membersText(event.audience))
                                                       : nullableText(event.audience.value(0)));
            upsert.bindValue(2, seq);
            upsert.bindValue(3, QString::fromUtf8(event.data));
            if (!upsert.exec())
                return failed(upsert);
        }
    }
    m_updateHead->bindValue(0, QString::number(seq));
    if (!m_updateHead->exec())
        return failed(*m_updateHead);
    return true;
}

void SqliteEventStore::inserted(const QList<StoredEvent> &events)
{
    // Stored: now the counts may change and the events go out, in order.
    for (const StoredEvent &event : events) {
        if (event.type == Protocol::Notification::TypeName)
            m_lists.notificationAdded(event.audience);
    }
    m_head = events.last().seq;
    if (m_oldest > events.first().seq)
        m_oldest = events.first().seq;
    for (const StoredEvent &event : events)
        announce(event);
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
    if (!insertEvents(events, error) || !m_db.commit()) {
        if (error && error->isEmpty())
            *error = m_db.lastError().text();
        m_db.rollback();
        return false;
    }
    inserted(events);
    return true;
}

QList<StoredEvent> SqliteEventStore::eventsAfter(quint64 seq, const QString &user, qsizetype limit)
{
    QList<StoredEvent> events;
    QSqlQuery &query = *m_selectAfter;
    query.bindValue(0, seq);
    query.bindValue(1, user);
    query.bindValue(2, user);
    query.bindValue(3, membersText({ user }));
    query.bindValue(4, limit);
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
        if (!query.value(6).isNull())
            event.audience = fromMembersText(query.value(6).toString());
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
    query.prepare(QStringLiteral(
        "SELECT data FROM orders WHERE user IS NULL OR user = ? OR instr(user, ?) > 0 ORDER BY seq DESC"));
    query.addBindValue(user);
    query.addBindValue(membersText({ user }));
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

std::optional<QStringList> SqliteEventStore::recipients(const QString &notificationId)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT DISTINCT user FROM notifications WHERE notification_id = ?"));
    query.addBindValue(notificationId);
    if (!query.exec() || !query.next())
        return std::nullopt;
    QStringList users;
    do {
        if (query.value(0).isNull())
            return QStringList(); // a broadcast: everybody's
        users << query.value(0).toString();
    } while (query.next());
    users.sort();
    return users;
}

std::optional<Claim> SqliteEventStore::currentClaim(const QString &notificationId)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT claimed_by, claimed_at FROM claims WHERE notification_id = ?"));
    query.addBindValue(notificationId);
    if (!query.exec() || !query.next())
        return std::nullopt;
    return Claim{ query.value(0).toString(), query.value(1).toString() };
}

ClaimOutcome SqliteEventStore::storeClaim(const QString &notificationId, const Claim &claim,
                                          const QStringList &audience, qint64 nowMs)
{
    ClaimOutcome outcome;
    QList<StoredEvent> events{ StoredEvent{ 0, QByteArray(Protocol::NotificationClaimed::TypeName),
                                            claimedData(notificationId, claim), audience, nowMs } };
    QSqlQuery write(m_db);
    if (claim.isNull()) {
        write.prepare(QStringLiteral("DELETE FROM claims WHERE notification_id = ?"));
        write.addBindValue(notificationId);
    } else {
        write.prepare(
            QStringLiteral("INSERT OR REPLACE INTO claims(notification_id, claimed_by, claimed_at) VALUES (?, ?, ?)"));
        write.addBindValue(notificationId);
        write.addBindValue(claim.by);
        write.addBindValue(claim.at);
    }
    // The claim and its event: both or neither, even through a kill -9.
    if (!m_db.transaction() || !write.exec() || !insertEvents(events, &outcome.error) || !m_db.commit()) {
        if (outcome.error.isEmpty())
            outcome.error = write.lastError().isValid() ? write.lastError().text() : m_db.lastError().text();
        m_db.rollback();
        return outcome;
    }
    inserted(events);
    outcome.status = ClaimOutcome::Status::Done;
    outcome.claim = claim;
    outcome.seq = events.first().seq;
    return outcome;
}

ClaimOutcome SqliteEventStore::claim(const QString &user, const QString &notificationId, const Claim &claim,
                                     qint64 nowMs)
{
    ClaimOutcome outcome;
    // One hub thread runs every claim on this store: looking and writing
    // cannot interleave with another claim.
    if (!m_lists.hasNotification(user, notificationId)) {
        outcome.status = ClaimOutcome::Status::NotFound;
        return outcome;
    }
    if (const auto held = currentClaim(notificationId)) {
        outcome.status = held->by == user ? ClaimOutcome::Status::Unchanged : ClaimOutcome::Status::Held;
        outcome.claim = *held;
        return outcome;
    }
    const auto audience = recipients(notificationId);
    return storeClaim(notificationId, Claim{ user, claim.at }, audience.value_or(QStringList{ user }), nowMs);
}

ClaimOutcome SqliteEventStore::release(const QString &user, const QString &notificationId, bool admin, qint64 nowMs)
{
    ClaimOutcome outcome;
    const auto audience = recipients(notificationId);
    if (!audience || (!admin && !m_lists.hasNotification(user, notificationId))) {
        outcome.status = ClaimOutcome::Status::NotFound;
        return outcome;
    }
    const auto held = currentClaim(notificationId);
    if (!held) {
        outcome.status = ClaimOutcome::Status::Unchanged;
        return outcome;
    }
    if (held->by != user && !admin) {
        outcome.status = ClaimOutcome::Status::Forbidden;
        outcome.claim = *held;
        return outcome;
    }
    return storeClaim(notificationId, Claim{}, *audience, nowMs);
}

QHash<QString, Claim> SqliteEventStore::claims(const QStringList &notificationIds)
{
    QHash<QString, Claim> found;
    if (notificationIds.isEmpty())
        return found;
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT notification_id, claimed_by, claimed_at FROM claims WHERE notification_id "
                                 "IN (SELECT value FROM json_each(?))"));
    query.addBindValue(QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(notificationIds)).toJson()));
    if (!query.exec())
        return found;
    while (query.next())
        found.insert(query.value(0).toString(), Claim{ query.value(1).toString(), query.value(2).toString() });
    return found;
}

qsizetype SqliteEventStore::escalateDue(qint64 cutoffMs, qint64 nowMs, qsizetype limit)
{
    QSqlQuery due(m_db);
    due.prepare(QStringLiteral("SELECT seq, notification_id FROM escalations WHERE created_ms < ? ORDER BY seq "
                               "LIMIT ?"));
    due.addBindValue(cutoffMs);
    due.addBindValue(limit);
    if (!due.exec())
        return -1;
    QList<quint64> looked;
    QList<StoredEvent> events;
    while (due.next()) {
        looked << due.value(0).toULongLong();
        const QString notificationId = due.value(1).toString();
        if (currentClaim(notificationId))
            continue;
        const auto audience = recipients(notificationId);
        if (!audience)
            continue; // gone from every list
        events << StoredEvent{ 0, QByteArray(Protocol::NotificationEscalated::TypeName), escalatedData(notificationId),
                               *audience, nowMs };
    }
    due.finish();
    if (looked.isEmpty())
        return 0;
    QString error;
    QSqlQuery forget(m_db);
    forget.prepare(QStringLiteral("DELETE FROM escalations WHERE seq = ?"));
    bool ok = m_db.transaction();
    for (const quint64 seq : std::as_const(looked)) {
        forget.bindValue(0, seq);
        ok = ok && forget.exec();
    }
    ok = ok && (events.isEmpty() || insertEvents(events, &error)) && m_db.commit();
    if (!ok) {
        qCWarning(lcStore) << "escalating failed:" << (error.isEmpty() ? m_db.lastError().text() : error);
        m_db.rollback();
        return -1;
    }
    if (!events.isEmpty())
        inserted(events);
    return events.size();
}

std::optional<qint64> SqliteEventStore::nextEscalation()
{
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("SELECT MIN(created_ms) FROM escalations")) || !query.next()
        || query.value(0).isNull())
        return std::nullopt;
    return query.value(0).toLongLong();
}

bool SqliteEventStore::trimNotifications(qint64 maxAgeMs, qint64 nowMs, qsizetype budget)
{
    return m_lists.trim(maxAgeMs, nowMs, budget);
}

} // namespace Notify::Server
