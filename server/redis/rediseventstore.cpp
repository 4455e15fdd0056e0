// SPDX-License-Identifier: MIT
#include "rediseventstore.h"

#include "rediseventfeed.h"
#include "redisscripts.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QThread>
#include <QTimer>

#include <algorithm>

Q_LOGGING_CATEGORY(lcRedis, "notify.redis", QtInfoMsg)

namespace Notify::Server {

namespace {

/// A claim as the `claims` hash keeps it, `<by>\n<at>` (empty: none).
Claim claimOf(const QByteArray &held)
{
    const qsizetype cut = held.indexOf('\n');
    return cut > 0 ? Claim{ QString::fromUtf8(held.left(cut)), QString::fromUtf8(held.mid(cut + 1)) } : Claim{};
}

quint64 seqOfEntryId(const QByteArray &id)
{
    return id.left(id.indexOf('-')).toULongLong();
}

QJsonObject parseObject(const QByteArray &json)
{
    return QJsonDocument::fromJson(json).object();
}

} // namespace

RedisEventStore::RedisEventStore(RedisAddress address, QByteArray prefix, qint64 maxEvents, QObject *parent)
    : QObject(parent)
    , m_redis(std::make_unique<RedisConnection>(std::move(address), CommandTimeoutMs))
    , m_prefix(std::move(prefix))
    , m_maxEvents(maxEvents)
{ }

RedisEventStore::~RedisEventStore()
{
    if (m_feed)
        m_feed->stop();
}

StoredEvent RedisEventStore::fromEntry(const RedisReply &entry)
{
    StoredEvent event;
    if (entry.elements.size() != 2)
        return event;
    event.seq = seqOfEntryId(entry.elements[0].string);
    const QList<RedisReply> &fields = entry.elements[1].elements;
    QByteArray a;
    QByteArray b;
    for (qsizetype i = 0; i + 1 < fields.size(); i += 2) {
        const QByteArray &name = fields[i].string;
        const QByteArray &value = fields[i + 1].string;
        if (name == "t")
            event.type = value;
        else if (name == "d")
            event.data = value;
        else if (name == "c")
            event.createdMs = value.toLongLong();
        else if (name == "a")
            a = value;
        else if (name == "b")
            b = value;
        else if (name == "m")
            event.audience = QString::fromUtf8(value).split(u'\n', Qt::SkipEmptyParts);
    }
    if (!event.audience.isEmpty())
        return event; // a group's members, all of them
    if (!a.isEmpty())
        event.audience << QString::fromUtf8(a);
    if (!b.isEmpty())
        event.audience << QString::fromUtf8(b);
    return event;
}

bool RedisEventStore::ensureConnected(QString *error)
{
    if (m_redis->isConnected())
        return true;
    if (m_backoffMs > 0 && m_sinceFailure.isValid() && m_sinceFailure.elapsed() < m_backoffMs) {
        if (error)
            *error = QStringLiteral("Redis is unavailable (%1)").arg(m_lastError);
        return false;
    }
    QString why;
    if (!m_redis->connect(&why)) {
        connectionLost(why);
        if (error)
            *error = QStringLiteral("Redis is unavailable (%1)").arg(why);
        return false;
    }
    if (m_backoffMs > 0) {
        ++m_reconnects;
        qCInfo(lcRedis).noquote() << "connected to Redis again at" << m_redis->address().display();
    }
    m_backoffMs = 0;
    m_lastError.clear();
    return true;
}

void RedisEventStore::connectionLost(const QString &why)
{
    if (m_backoffMs == 0)
        qCWarning(lcRedis).noquote() << "lost Redis at" << m_redis->address().display()
                                     << QStringLiteral("(%1): publishing answers 503 until it is back").arg(why);
    m_lastError = why;
    m_backoffMs = m_backoffMs == 0 ? 100 : std::min<qint64>(m_backoffMs * 2, 5000);
    m_sinceFailure.start();
}

std::optional<RedisReply> RedisEventStore::checked(const QByteArray &what,
                                                   const std::function<std::optional<RedisReply>(QString *)> &call,
                                                   QString *error)
{
    if (!ensureConnected(error))
        return std::nullopt;
    QString why;
    auto reply = call(&why);
    if (!reply) {
        connectionLost(why);
        if (error)
            *error = QStringLiteral("Redis is unavailable (%1)").arg(why);
        return std::nullopt;
    }
    if (reply->isError()) {
        qCWarning(lcRedis).noquote() << what << "failed:" << reply->string;
        if (error)
            *error = QString::fromUtf8(reply->string);
        return std::nullopt;
    }
    return reply;
}

std::optional<RedisReply> RedisEventStore::run(const QList<QByteArray> &arguments, QString *error)
{
    return checked(
        arguments.value(0), [&](QString *why) { return m_redis->command(arguments, why); }, error);
}

std::optional<RedisReply> RedisEventStore::runScript(const QByteArray &script, const QList<QByteArray> &arguments,
                                                     QString *error)
{
    return checked(
        "a script",
        [&](QString *why) { return m_redis->eval(script, {}, QList<QByteArray>{ m_prefix } + arguments, why); }, error);
}

bool RedisEventStore::open(QString *error)
{
    // Nothing is served yet: a Redis that is slow to answer (a stalled disk
    // under appendfsync always) or still loading its data is waited for, up
    // to StartTimeoutMs, rather than taken for one that is not there.
    m_redis->setTimeout(StartTimeoutMs);
    QElapsedTimer waited;
    waited.start();
    QString why;
    if (!m_redis->connect(&why)) {
        if (error)
            *error = QStringLiteral("cannot reach Redis at %1: %2").arg(m_redis->address().display(), why);
        return false;
    }
    for (;;) {
        const auto pong = m_redis->command({ "PING" }, &why);
        if (!pong) {
            if (error)
                *error = QStringLiteral("cannot reach Redis at %1: %2").arg(m_redis->address().display(), why);
            return false;
        }
        if (!pong->isError() || !pong->string.startsWith("LOADING"))
            break;
        if (waited.elapsed() > StartTimeoutMs) {
            if (error)
                *error = QStringLiteral("Redis at %1 is still loading its data").arg(m_redis->address().display());
            return false;
        }
        QThread::msleep(100);
    }
    // The first instance of a deployment picks the epoch; the others take it.
    const QByteArray candidate = QByteArray::number(QRandomGenerator::system()->generate(), 16).rightJustified(8, '0');
    const auto set = run({ "SET", key("epoch"), candidate, "NX" }, error);
    const auto epoch = set ? run({ "GET", key("epoch") }, error) : std::nullopt;
    const auto head = epoch ? run({ "GET", key("seq") }, error) : std::nullopt;
    const auto lastControl = head ? run({ "XREVRANGE", key("control"), "+", "-", "COUNT", "1" }, error) : std::nullopt;
    if (!lastControl)
        return false;
    m_epoch = epoch->string.toUInt(nullptr, 16);
    m_head = quint64(head->toInteger());
    m_delivered = m_head;
    const QByteArray afterControl
        = lastControl->elements.isEmpty() ? QByteArray("0-0") : lastControl->elements[0].elements.value(0).string;
    m_feed = std::make_unique<RedisEventFeed>(
        m_redis->address(), m_prefix, m_epoch, m_head, afterControl, this,
        RedisEventFeed::Callbacks{
            [this](const QList<StoredEvent> &events) { onFeedEvents(events); },
            [this](const QList<QPair<QByteArray, QByteArray>> &messages) { onFeedControl(messages); },
            [this](quint32 fresh) { onFeedEpoch(fresh); } });
    m_feed->start();
    // Ready when the feed reads too: until then nothing published would reach our streams.
    while (!m_feed->connected() && waited.elapsed() < StartTimeoutMs)
        QThread::msleep(5);
    if (!m_feed->connected()) {
        if (error)
            *error = QStringLiteral("the event feed could not read from Redis at %1").arg(m_redis->address().display());
        return false;
    }
    // Noticed without waiting for a request: /healthz and the metrics follow
    // Redis within a second, and it is connected again as soon as it is back.
    auto *health = new QTimer(this);
    health->setInterval(1000);
    connect(health, &QTimer::timeout, this, [this] {
        if (!m_redis->isConnected())
            ensureConnected(nullptr);
        else
            run({ "PING" });
    });
    health->start();
    qCInfo(lcRedis).noquote() << "event store in Redis at" << m_redis->address().display() << "prefix" << m_prefix
                              << "epoch" << QString::fromLatin1(epoch->string) << "head" << m_head;
    return true;
}

void RedisEventStore::onFeedEvents(const QList<StoredEvent> &events)
{
    for (const StoredEvent &event : events) {
        if (event.seq <= m_delivered)
            continue;
        m_delivered = event.seq;
        m_head = std::max(m_head, event.seq);
        announce(event);
    }
}

void RedisEventStore::onFeedControl(const QList<QPair<QByteArray, QByteArray>> &messages)
{
    if (!m_control)
        return;
    for (const auto &[kind, value] : messages)
        m_control(kind, value);
}

void RedisEventStore::onFeedEpoch(quint32 epoch)
{
    m_epoch = epoch;
    m_head = 0;
    m_delivered = 0;
    lost();
}

bool RedisEventStore::feedConnected() const
{
    return m_feed && m_feed->connected();
}

qint64 RedisEventStore::reconnects() const
{
    return m_reconnects + (m_feed ? m_feed->reconnects() : 0);
}

bool RedisEventStore::available() const
{
    return m_redis->isConnected() && feedConnected();
}

QString RedisEventStore::unavailableReason() const
{
    if (available())
        return {};
    return QStringLiteral("Redis at %1 is unreachable%2")
        .arg(m_redis->address().display(),
             m_lastError.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(m_lastError));
}

quint64 RedisEventStore::headSeq() const
{
    // Asked of Redis, not of the feed: an id another instance just gave out
    // is not "beyond the head" here.
    auto *self = const_cast<RedisEventStore *>(this);
    if (const auto head = self->run({ "GET", key("seq") }))
        m_head = std::max(m_head, quint64(head->toInteger()));
    return m_head;
}

quint64 RedisEventStore::oldestSeq() const
{
    auto *self = const_cast<RedisEventStore *>(this);
    const auto first = self->run({ "XRANGE", key("events"), "-", "+", "COUNT", "1" });
    if (!first || first->elements.isEmpty())
        return headSeq() + 1;
    return seqOfEntryId(first->elements[0].elements.value(0).string);
}

bool RedisEventStore::appendAll(QList<StoredEvent> &events, QString *error)
{
    if (events.isEmpty())
        return true;
    QList<QByteArray> arguments;
    arguments.reserve(1 + events.size() * 6);
    arguments << QByteArray::number(m_maxEvents);
    for (const StoredEvent &event : std::as_const(events)) {
        QByteArray kind;
        QByteArray id;
        if (event.type == Protocol::Notification::TypeName) {
            const QJsonObject data = parseObject(event.data);
            kind = escalation() && data.value(u"level").toString() == u"error" ? "e" : "n";
            id = data.value(u"notification_id").toVariant().toString().toUtf8();
        } else if (event.type == Protocol::OrderStatus::TypeName) {
            kind = "o";
            id = parseObject(event.data).value(u"order_id").toVariant().toString().toUtf8();
        }
        arguments << event.type << event.data << event.audience.join(u'\n').toUtf8()
                  << QByteArray::number(event.createdMs) << kind << id;
    }
    const auto reply = runScript(RedisScripts::append(), arguments, error);
    if (!reply)
        return false;
    const quint64 last = quint64(reply->toInteger());
    quint64 seq = last - quint64(events.size());
    for (StoredEvent &event : events)
        event.seq = ++seq;
    m_head = std::max(m_head, last);
    // Fanned out when the feed reads them back, in the deployment's order.
    return true;
}

void RedisEventStore::started()
{
    m_redis->setTimeout(CommandTimeoutMs);
}

QList<StoredEvent> RedisEventStore::eventsAfter(quint64 seq, const QString &user, qsizetype limit)
{
    QList<StoredEvent> events;
    QByteArray from = '(' + QByteArray::number(seq) + "-0";
    const qsizetype page = std::max<qsizetype>(limit, 500);
    while (events.size() < limit) {
        const auto reply = run({ "XRANGE", key("events"), from, "+", "COUNT", QByteArray::number(page) });
        if (!reply)
            break;
        for (const RedisReply &entry : reply->elements) {
            StoredEvent event = fromEntry(entry);
            from = '(' + entry.elements.value(0).string;
            if (event.visibleTo(user)) {
                events << std::move(event);
                if (events.size() == limit)
                    break;
            }
        }
        if (reply->elements.size() < page)
            break;
    }
    return events;
}

QList<NotificationRecord> RedisEventStore::notifications(const QString &user, bool unreadOnly, qsizetype limit,
                                                         qsizetype offset)
{
    return m_lists.notifications(user, unreadOnly, limit, offset);
}

bool RedisEventStore::markRead(const QString &user, const QString &notificationId)
{
    return m_lists.setRead(user, notificationId, true);
}

QStringList RedisEventStore::markAllRead(const QString &user)
{
    return m_lists.markAllRead(user);
}

bool RedisEventStore::markUnread(const QString &user, const QString &notificationId)
{
    return m_lists.setRead(user, notificationId, false);
}

NotificationCounts RedisEventStore::notificationCounts(const QString &user)
{
    return m_lists.counts(user);
}

ClaimOutcome RedisEventStore::runClaim(const QString &user, const QString &notificationId, bool claim, bool admin,
                                       const Claim &wanted, qint64 nowMs)
{
    ClaimOutcome outcome;
    const auto reply = runScript(RedisScripts::claim(),
                                 { QByteArray::number(m_maxEvents), user.toUtf8(), notificationId.toUtf8(),
                                   claim ? QByteArrayLiteral("claim") : QByteArrayLiteral("release"), admin ? "1" : "0",
                                   (wanted.by + u'\n' + wanted.at).toUtf8(), claimedData(notificationId, wanted),
                                   QByteArray::number(nowMs) },
                                 &outcome.error);
    if (!reply)
        return outcome;
    using S = ClaimOutcome::Status;
    const qint64 status = reply->elements.value(0).toInteger();
    const QByteArray held = reply->elements.value(1).string;
    switch (status) {
    case 0:
        outcome.status = S::NotFound;
        break;
    case 1:
        outcome.status = S::Unchanged;
        outcome.claim = claimOf(held);
        break;
    case 2:
        outcome.status = claim ? S::Held : S::Forbidden;
        outcome.claim = claimOf(held);
        break;
    default:
        outcome.status = S::Done;
        outcome.claim = wanted;
        outcome.seq = held.toULongLong();
        m_head = std::max(m_head, outcome.seq);
        break;
    }
    return outcome;
}

ClaimOutcome RedisEventStore::claim(const QString &user, const QString &notificationId, const Claim &claim,
                                    qint64 nowMs)
{
    return runClaim(user, notificationId, true, false, Claim{ user, claim.at }, nowMs);
}

ClaimOutcome RedisEventStore::release(const QString &user, const QString &notificationId, bool admin, qint64 nowMs)
{
    return runClaim(user, notificationId, false, admin, Claim{}, nowMs);
}

QHash<QString, Claim> RedisEventStore::claims(const QStringList &notificationIds)
{
    QHash<QString, Claim> found;
    if (notificationIds.isEmpty())
        return found;
    QList<QByteArray> command{ "HMGET", key("claims") };
    for (const QString &id : notificationIds)
        command << id.toUtf8();
    const auto reply = run(command);
    if (!reply)
        return found;
    for (qsizetype i = 0; i < reply->elements.size() && i < notificationIds.size(); ++i) {
        if (const Claim claim = claimOf(reply->elements[i].string); !claim.isNull())
            found.insert(notificationIds[i], claim);
    }
    return found;
}

qsizetype RedisEventStore::escalateDue(qint64 cutoffMs, qint64 nowMs, qsizetype limit)
{
    const auto reply = runScript(RedisScripts::escalate(),
                                 { QByteArray::number(m_maxEvents), QByteArray::number(cutoffMs),
                                   QByteArray::number(nowMs), QByteArray::number(limit) });
    return reply ? qsizetype(reply->toInteger()) : -1;
}

std::optional<qint64> RedisEventStore::nextEscalation()
{
    const auto reply = run({ "ZRANGE", key("esc"), "0", "0", "WITHSCORES" });
    if (!reply || reply->elements.size() < 2)
        return std::nullopt;
    return reply->elements[1].string.toLongLong();
}

QList<QJsonObject> RedisEventStore::orders(const QString &user)
{
    struct Order
    {
        quint64 seq;
        QJsonObject data;
    };
    QList<Order> visible;
    if (const auto reply = run({ "HGETALL", key("orders") })) {
        for (qsizetype i = 1; i < reply->elements.size(); i += 2) {
            const QList<QByteArray> parts = reply->elements[i].string.split('\n');
            if (parts.size() < 3)
                continue;
            // The owner: empty (everybody), a user, or a group's members joined by ','.
            if (!parts[1].isEmpty() && !QString::fromUtf8(parts[1]).split(u',').contains(user))
                continue;
            const QByteArray data = reply->elements[i].string.mid(parts[0].size() + parts[1].size() + 2);
            visible << Order{ parts[0].toULongLong(), parseObject(data) };
        }
    }
    std::sort(visible.begin(), visible.end(), [](const Order &a, const Order &b) { return a.seq > b.seq; });
    QList<QJsonObject> out;
    out.reserve(visible.size());
    for (const Order &order : std::as_const(visible))
        out << order.data;
    return out;
}

void RedisEventStore::enforceRetention(qint64 maxEvents, qint64 maxAgeMs, qint64 nowMs)
{
    // Exact here (once a minute); appends trim approximately (`MAXLEN ~`,
    // whole stream nodes), which is cheaper and keeps at least as many.
    if (maxEvents > 0)
        run({ "XTRIM", key("events"), "MAXLEN", QByteArray::number(maxEvents) });
    if (maxAgeMs <= 0)
        return;
    // The ids are seqs, not times: find the first event young enough, then
    // trim below it (MINID), a page at a time.
    const qint64 cutoff = nowMs - maxAgeMs;
    QByteArray from = "-";
    for (;;) {
        const auto reply = run({ "XRANGE", key("events"), from, "+", "COUNT", "500" });
        if (!reply || reply->elements.isEmpty())
            return;
        for (const RedisReply &entry : reply->elements) {
            const StoredEvent event = fromEntry(entry);
            if (event.createdMs >= cutoff) {
                run({ "XTRIM", key("events"), "MINID", QByteArray::number(event.seq) + "-0" });
                return;
            }
            from = '(' + entry.elements.value(0).string;
        }
        if (reply->elements.size() < 500) {
            // Everything is older: keep none (the head stays, for ids).
            run({ "XTRIM", key("events"), "MAXLEN", "0" });
            return;
        }
    }
}

bool RedisEventStore::trimNotifications(qint64 maxAgeMs, qint64 nowMs, qsizetype budget)
{
    return m_lists.trim(maxAgeMs, nowMs, budget);
}

} // namespace Notify::Server
