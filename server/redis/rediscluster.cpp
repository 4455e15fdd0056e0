// SPDX-License-Identifier: MIT
#include "rediscluster.h"

#include "rediseventstore.h"
#include "redisscripts.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QTimer>

Q_DECLARE_LOGGING_CATEGORY(lcRedis)

namespace Notify::Server {

RedisCluster::RedisCluster(RedisEventStore &store, qint64 leaseMs, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_leaseMs(leaseMs)
    , m_instance(QByteArray::number(QRandomGenerator::system()->generate64(), 36))
{ }

RedisCluster::~RedisCluster()
{
    m_store.setControlHandler({});
    // A clean stop gives the lease back at once; a killed instance's expires.
    m_store.run({ "DEL", leaseKey() });
}

bool RedisCluster::start(QString *error)
{
    if (!m_store.run({ "SET", leaseKey(), "1", "PX", QByteArray::number(m_leaseMs) }, error))
        return false;
    m_store.setControlHandler([this](const QByteArray &kind, const QByteArray &value) { onControl(kind, value); });
    m_renew = new QTimer(this);
    m_renew->setInterval(int(std::max<qint64>(100, m_leaseMs / 3)));
    connect(m_renew, &QTimer::timeout, this, &RedisCluster::renewLease);
    m_renew->start();
    qCInfo(lcRedis).noquote() << "instance" << m_instance << "with a lease of" << m_leaseMs << "ms";
    return true;
}

void RedisCluster::renewLease()
{
    // SET, not PEXPIRE: after Redis was down (or lost its data) the lease is back at once.
    m_store.run({ "SET", leaseKey(), "1", "PX", QByteArray::number(m_leaseMs) });
}

QByteArray RedisCluster::leaseKey() const
{
    return m_store.key(QByteArray("instance:" + m_instance));
}

QByteArray RedisCluster::member(quint64 streamId) const
{
    return m_instance + ':' + QByteArray::number(streamId);
}

void RedisCluster::onControl(const QByteArray &kind, const QByteArray &value)
{
    if (kind != "evict")
        return;
    const qsizetype colon = value.indexOf(':');
    if (colon < 0 || value.left(colon) != m_instance)
        return;
    evicted(value.mid(colon + 1).toULongLong());
}

ClusterState::Admission RedisCluster::admit(const QString &user, quint64 streamId, int maxPerUser, bool evictOldest)
{
    const auto reply
        = m_store.runScript(RedisScripts::admit(),
                            { user.toUtf8(), member(streamId), QByteArray::number(QDateTime::currentMSecsSinceEpoch()),
                              QByteArray::number(maxPerUser), evictOldest ? "1" : "0", m_instance });
    Admission admission;
    if (!reply || reply->elements.isEmpty()) {
        admission.accepted = false;
        admission.unavailable = true;
        return admission;
    }
    admission.accepted = reply->elements[0].toInteger() == 1;
    for (qsizetype i = 1; i < reply->elements.size(); ++i) {
        const QByteArray &victim = reply->elements[i].string;
        const qsizetype colon = victim.indexOf(':');
        if (colon > 0 && victim.left(colon) == m_instance)
            admission.evictedHere << victim.mid(colon + 1).toULongLong();
    }
    return admission;
}

void RedisCluster::released(const QString &user, quint64 streamId)
{
    m_store.run({ "ZREM", m_store.key(QByteArray("streams:" + user.toUtf8())), member(streamId) });
}

int RedisCluster::streamsOf(const QString &user)
{
    const auto reply = m_store.runScript(RedisScripts::streamCount(), { user.toUtf8() });
    return reply ? int(reply->toInteger()) : -1;
}

std::optional<ClusterState::Presence> RedisCluster::parsePresence(const QByteArray &value)
{
    // status|since ms|chosen
    const QList<QByteArray> parts = value.split('|');
    if (parts.size() != 3)
        return std::nullopt;
    Presence out;
    out.status = Protocol::presenceStatusFromString(QString::fromUtf8(parts[0])).value_or(out.status);
    out.sinceMs = parts[1].toLongLong();
    if (!parts[2].isEmpty())
        out.chosen = Protocol::presenceStatusFromString(QString::fromUtf8(parts[2]));
    return out;
}

ClusterState::Presence RedisCluster::presence(const QString &user)
{
    const auto reply = m_store.run({ "HGET", m_store.key("presence"), user.toUtf8() });
    if (!reply || reply->isNil())
        return {};
    return parsePresence(reply->string).value_or(Presence{});
}

QHash<QString, ClusterState::Presence> RedisCluster::presenceOfAll()
{
    QHash<QString, Presence> all;
    if (const auto reply = m_store.run({ "HGETALL", m_store.key("presence") })) {
        for (qsizetype i = 0; i + 1 < reply->elements.size(); i += 2) {
            if (const auto presence = parsePresence(reply->elements[i + 1].string))
                all.insert(QString::fromUtf8(reply->elements[i].string), *presence);
        }
    }
    return all;
}

bool RedisCluster::comeOnline(const QString &user, qint64 nowMs)
{
    const auto reply = m_store.runScript(RedisScripts::comeOnline(), { user.toUtf8(), QByteArray::number(nowMs) });
    return reply && reply->toInteger() == 1;
}

bool RedisCluster::goOffline(const QString &user, qint64 nowMs)
{
    const auto reply = m_store.runScript(RedisScripts::goOffline(), { user.toUtf8(), QByteArray::number(nowMs) });
    return reply && reply->toInteger() == 1;
}

bool RedisCluster::choose(const QString &user, Protocol::PresenceStatus status, qint64 nowMs)
{
    const auto reply = m_store.runScript(
        RedisScripts::choose(), { user.toUtf8(), Protocol::toString(status).toUtf8(), QByteArray::number(nowMs) });
    return reply && reply->toInteger() == 1;
}

QStringList RedisCluster::presentWithoutStreams()
{
    QStringList users;
    if (const auto reply = m_store.runScript(RedisScripts::presentWithoutStreams(), {})) {
        for (const RedisReply &user : reply->elements)
            users << QString::fromUtf8(user.string);
    }
    return users;
}

} // namespace Notify::Server
