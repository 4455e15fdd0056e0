// SPDX-License-Identifier: MIT
#include "historystore.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QUuid>
#include <QVariant>

namespace Notify::Tray {

using namespace Notify::Protocol;

namespace {
constexpr int MaxDeliveredIds = 10'000;
constexpr int TrimEvery = 500; ///< writes between two trims (and at every open)
} // namespace

HistoryStore::HistoryStore(QString path)
    : m_path(std::move(path))
    , m_connection(QStringLiteral("notify-history-") + QUuid::createUuid().toString(QUuid::WithoutBraces))
{ }

HistoryStore::~HistoryStore()
{
    if (m_db.isOpen())
        m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connection);
}

QString HistoryStore::defaultPath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("history.sqlite"));
}

bool HistoryStore::exec(const QString &sql, QString *error) const
{
    QSqlQuery query(m_db);
    if (query.exec(sql))
        return true;
    if (error)
        *error = query.lastError().text();
    return false;
}

bool HistoryStore::open(QString *error)
{
    if (!m_path.isEmpty() && m_path != u":memory:")
        QDir().mkpath(QFileInfo(m_path).absolutePath());
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    m_db.setDatabaseName(m_path.isEmpty() ? QStringLiteral(":memory:") : m_path);
    if (!m_db.open()) {
        if (error)
            *error = m_db.lastError().text();
        return false;
    }
    const bool ready = exec(QStringLiteral("PRAGMA journal_mode=WAL"), error)
        && exec(QStringLiteral("PRAGMA synchronous=NORMAL"), error)
        && exec(QStringLiteral("CREATE TABLE IF NOT EXISTS notifications(id TEXT PRIMARY KEY, created_ms INTEGER, "
                               "read INTEGER NOT NULL, json TEXT NOT NULL)"),
                error)
        // Trimming to the newest MaxNotifications finds its cut-off by this index.
        && exec(QStringLiteral("CREATE INDEX IF NOT EXISTS notifications_by_time ON notifications(created_ms)"), error)
        && exec(QStringLiteral("CREATE TABLE IF NOT EXISTS order_history(n INTEGER PRIMARY KEY AUTOINCREMENT, "
                               "order_id TEXT NOT NULL, json TEXT NOT NULL)"),
                error)
        && exec(QStringLiteral(
                    "CREATE TABLE IF NOT EXISTS messages(id TEXT PRIMARY KEY, sent_ms INTEGER, json TEXT NOT NULL)"),
                error)
        && exec(QStringLiteral("CREATE TABLE IF NOT EXISTS delivered(n INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT "
                               "UNIQUE NOT NULL)"),
                error)
        && exec(QStringLiteral("CREATE TABLE IF NOT EXISTS content_keys(n INTEGER PRIMARY KEY AUTOINCREMENT, "
                               "key TEXT UNIQUE NOT NULL, seen_ms INTEGER NOT NULL, expires INTEGER NOT NULL)"),
                error)
        && exec(QStringLiteral("CREATE TABLE IF NOT EXISTS state(key TEXT PRIMARY KEY, value TEXT)"), error)
        && exec(QStringLiteral("CREATE TABLE IF NOT EXISTS outbox(n INTEGER PRIMARY KEY AUTOINCREMENT, "
                               "kind TEXT NOT NULL, json TEXT NOT NULL)"),
                error);
    if (!ready)
        return false;
    // What the last run left over its limits goes now.
    m_notificationsSinceTrim = m_rememberedSinceTrim = m_keysSinceTrim = TrimEvery;
    trim();
    return true;
}

HistoryStore::Transaction::Transaction(HistoryStore &store)
    : m_store(store)
    , m_outermost(store.m_transactionDepth++ == 0)
{
    if (m_outermost)
        m_store.m_db.transaction();
}

HistoryStore::Transaction::~Transaction()
{
    --m_store.m_transactionDepth;
    if (!m_outermost)
        return;
    m_store.trim();
    m_store.m_db.commit();
}

void HistoryStore::saveNotifications(const QList<NotificationItem> &items)
{
    if (items.isEmpty())
        return;
    const Transaction transaction(*this);
    QSqlQuery query(m_db);
    query.prepare(
        QStringLiteral("INSERT INTO notifications(id, created_ms, read, json) VALUES (?, ?, ?, ?) "
                       "ON CONFLICT(id) DO UPDATE SET json = excluded.json, read = MAX(read, excluded.read)"));
    for (const NotificationItem &item : items) {
        Notification n;
        n.notificationId = item.id;
        n.title = item.title;
        n.body = item.body;
        n.category = item.category;
        n.link = item.link;
        n.level = item.level;
        n.createdAt = item.createdAt;
        QJsonObject json = n.toJson();
        json.insert(QStringLiteral("event_id"), QString::fromUtf8(item.eventId));
        if (item.claimStated || !item.claimedBy.isEmpty()) {
            json.insert(QStringLiteral("claimed_by"), item.claimedBy.isEmpty() ? QJsonValue() : item.claimedBy);
            json.insert(QStringLiteral("claimed_at"),
                        item.claimedBy.isEmpty() ? QJsonValue()
                                                 : QJsonValue(Protocol::formatUtcTimestamp(item.claimedAt)));
        }
        if (item.escalated)
            json.insert(QStringLiteral("escalated"), true);
        query.bindValue(0, item.id);
        query.bindValue(1, item.createdAt.toMSecsSinceEpoch());
        query.bindValue(2, item.read ? 1 : 0);
        query.bindValue(3, QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact)));
        query.exec();
    }
    m_notificationsSinceTrim += items.size();
}

void HistoryStore::saveClaims(const QList<Notify::Protocol::NotificationClaimed> &claims)
{
    if (claims.isEmpty())
        return;
    const Transaction transaction(*this);
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("UPDATE notifications SET json = json_set(json, '$.claimed_by', ?, '$.claimed_at', "
                                 "?) WHERE id = ?"));
    for (const Notify::Protocol::NotificationClaimed &claim : claims) {
        const bool held = !claim.claimedBy.isEmpty();
        query.bindValue(0, held ? QVariant(claim.claimedBy) : QVariant(QMetaType::fromType<QString>()));
        query.bindValue(1,
                        held ? QVariant(Protocol::formatUtcTimestamp(claim.claimedAt))
                             : QVariant(QMetaType::fromType<QString>()));
        query.bindValue(2, claim.notificationId);
        query.exec();
    }
}

void HistoryStore::markEscalated(const QStringList &ids)
{
    if (ids.isEmpty())
        return;
    const Transaction transaction(*this);
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("UPDATE notifications SET json = json_set(json, '$.escalated', json('true')) "
                                 "WHERE id = ?"));
    for (const QString &id : ids) {
        query.bindValue(0, id);
        query.exec();
    }
}

void HistoryStore::trim()
{
    // Not on every write. The cut-off is the time of the MaxNotifications-th
    // newest, found through the index (no sort of the whole table).
    if (m_notificationsSinceTrim >= TrimEvery) {
        m_notificationsSinceTrim = 0;
        exec(QStringLiteral("DELETE FROM notifications WHERE created_ms < (SELECT created_ms FROM notifications "
                            "ORDER BY created_ms DESC LIMIT 1 OFFSET %1)")
                 .arg(MaxNotifications - 1));
    }
    if (m_rememberedSinceTrim >= TrimEvery) {
        m_rememberedSinceTrim = 0;
        exec(QStringLiteral("DELETE FROM delivered WHERE n <= (SELECT MAX(n) FROM delivered) - %1")
                 .arg(MaxDeliveredIds));
    }
    if (m_keysSinceTrim >= TrimEvery) {
        m_keysSinceTrim = 0;
        exec(QStringLiteral("DELETE FROM content_keys WHERE n <= (SELECT MAX(n) FROM content_keys) - %1")
                 .arg(Notify::ContentDedup::DefaultCapacity));
    }
}

void HistoryStore::markRead(const QStringList &ids)
{
    if (ids.isEmpty())
        return;
    const Transaction transaction(*this);
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("UPDATE notifications SET read = 1 WHERE id = ?"));
    for (const QString &id : ids) {
        query.bindValue(0, id);
        query.exec();
    }
}

void HistoryStore::markUnread(const QStringList &ids)
{
    if (ids.isEmpty())
        return;
    const Transaction transaction(*this);
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("UPDATE notifications SET read = 0 WHERE id = ?"));
    for (const QString &id : ids) {
        query.bindValue(0, id);
        query.exec();
    }
}

void HistoryStore::clearNotifications()
{
    exec(QStringLiteral("DELETE FROM notifications"));
}

QList<NotificationItem> HistoryStore::notifications() const
{
    QList<NotificationItem> items;
    QSqlQuery query(m_db);
    query.exec(QStringLiteral("SELECT json, read FROM notifications ORDER BY created_ms"));
    while (query.next()) {
        const QJsonObject json = QJsonDocument::fromJson(query.value(0).toString().toUtf8()).object();
        if (const auto n = Notification::fromJson(json))
            items << NotificationItem::fromProtocol(*n, json.value(u"event_id").toString().toUtf8(),
                                                    query.value(1).toBool());
    }
    return items;
}

void HistoryStore::saveOrders(const QList<OrderStatus> &statuses)
{
    if (statuses.isEmpty())
        return;
    const Transaction transaction(*this);
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("INSERT INTO order_history(order_id, json) VALUES (?, ?)"));
    for (const OrderStatus &status : statuses) {
        query.bindValue(0, status.orderId);
        query.bindValue(1, QString::fromUtf8(QJsonDocument(status.toJson()).toJson(QJsonDocument::Compact)));
        query.exec();
    }
}

QList<OrderStatus> HistoryStore::orderHistory() const
{
    QList<OrderStatus> list;
    QSqlQuery query(m_db);
    query.exec(QStringLiteral("SELECT json FROM order_history ORDER BY n"));
    while (query.next()) {
        if (const auto o
            = OrderStatus::fromStored(QJsonDocument::fromJson(query.value(0).toString().toUtf8()).object()))
            list << *o;
    }
    return list;
}

void HistoryStore::saveMessages(const QList<Message> &messages)
{
    if (messages.isEmpty())
        return;
    const Transaction transaction(*this);
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("INSERT OR IGNORE INTO messages(id, sent_ms, json) VALUES (?, ?, ?)"));
    for (const Message &message : messages) {
        query.bindValue(0, message.messageId);
        query.bindValue(1, message.sentAt.toMSecsSinceEpoch());
        query.bindValue(2, QString::fromUtf8(QJsonDocument(message.toJson()).toJson(QJsonDocument::Compact)));
        query.exec();
    }
}

QList<Message> HistoryStore::messages() const
{
    QList<Message> list;
    QSqlQuery query(m_db);
    query.exec(QStringLiteral("SELECT json FROM messages ORDER BY sent_ms"));
    while (query.next()) {
        if (const auto m = Message::fromJson(QJsonDocument::fromJson(query.value(0).toString().toUtf8()).object()))
            list << *m;
    }
    return list;
}

void HistoryStore::rememberEvents(const QByteArrayList &ids)
{
    if (ids.isEmpty())
        return;
    const Transaction transaction(*this);
    rememberDelivered(ids);
    setLastEventId(ids.last());
}

void HistoryStore::rememberDelivered(const QByteArrayList &ids)
{
    if (ids.isEmpty())
        return;
    const Transaction transaction(*this);
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("INSERT OR IGNORE INTO delivered(id) VALUES (?)"));
    for (const QByteArray &id : ids) {
        query.bindValue(0, QString::fromUtf8(id));
        query.exec();
    }
    m_rememberedSinceTrim += ids.size();
}

void HistoryStore::setState(const QString &key, const QString &value)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral(
        "INSERT INTO state(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value"));
    query.addBindValue(key);
    query.addBindValue(value);
    query.exec();
}

QString HistoryStore::state(const QString &key) const
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT value FROM state WHERE key = ?"));
    query.addBindValue(key);
    return query.exec() && query.next() ? query.value(0).toString() : QString();
}

void HistoryStore::setLastEventId(const QByteArray &id)
{
    setState(QStringLiteral("last_event_id"), QString::fromUtf8(id));
}

void HistoryStore::saveServerCounts(const ServerCounts &counts)
{
    setState(QStringLiteral("server_notifications"), QString::number(counts.notifications));
    setState(QStringLiteral("server_unread"), counts.unread ? QString::number(*counts.unread) : QString());
}

std::optional<HistoryStore::ServerCounts> HistoryStore::serverCounts() const
{
    bool ok = false;
    ServerCounts counts;
    counts.notifications = state(QStringLiteral("server_notifications")).toLongLong(&ok);
    if (!ok)
        return std::nullopt;
    const QString unread = state(QStringLiteral("server_unread"));
    if (!unread.isEmpty())
        counts.unread = unread.toLongLong();
    return counts;
}

QByteArrayList HistoryStore::deliveredIds() const
{
    QByteArrayList ids;
    QSqlQuery query(m_db);
    query.exec(QStringLiteral("SELECT id FROM delivered ORDER BY n DESC LIMIT %1").arg(MaxDeliveredIds));
    while (query.next())
        ids.prepend(query.value(0).toString().toUtf8());
    return ids;
}

QByteArray HistoryStore::lastEventId() const
{
    return state(QStringLiteral("last_event_id")).toUtf8();
}

void HistoryStore::rememberContentKeys(const QList<Notify::ContentDedup::Entry> &entries)
{
    if (entries.isEmpty())
        return;
    const Transaction transaction(*this);
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("INSERT INTO content_keys(key, seen_ms, expires) VALUES (?, ?, ?) "
                                 "ON CONFLICT(key) DO UPDATE SET seen_ms = excluded.seen_ms"));
    for (const Notify::ContentDedup::Entry &entry : entries) {
        query.bindValue(0, QString::fromUtf8(entry.key));
        query.bindValue(1, entry.seenMs);
        query.bindValue(2, entry.expires ? 1 : 0);
        query.exec();
    }
    m_keysSinceTrim += entries.size();
}

QList<Notify::ContentDedup::Entry> HistoryStore::contentKeys() const
{
    QList<Notify::ContentDedup::Entry> entries;
    QSqlQuery query(m_db);
    query.exec(QStringLiteral("SELECT key, seen_ms, expires FROM content_keys ORDER BY n DESC LIMIT %1")
                   .arg(Notify::ContentDedup::DefaultCapacity));
    while (query.next())
        entries.prepend({ query.value(0).toString().toUtf8(), query.value(1).toLongLong(), query.value(2).toBool() });
    return entries;
}

qint64 HistoryStore::addToOutbox(const QString &kind, const QJsonObject &payload)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("INSERT INTO outbox(kind, json) VALUES (?, ?)"));
    query.addBindValue(kind);
    query.addBindValue(QString::fromUtf8(QJsonDocument(payload).toJson(QJsonDocument::Compact)));
    if (!query.exec())
        return 0;
    return query.lastInsertId().toLongLong();
}

void HistoryStore::removeFromOutbox(qint64 id)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("DELETE FROM outbox WHERE n = ?"));
    query.addBindValue(id);
    query.exec();
}

QList<HistoryStore::OutboxRow> HistoryStore::outbox() const
{
    QList<OutboxRow> rows;
    QSqlQuery query(m_db);
    query.exec(QStringLiteral("SELECT n, kind, json FROM outbox ORDER BY n"));
    while (query.next())
        rows << OutboxRow{ query.value(0).toLongLong(), query.value(1).toString(),
                           QJsonDocument::fromJson(query.value(2).toString().toUtf8()).object() };
    return rows;
}

} // namespace Notify::Tray
