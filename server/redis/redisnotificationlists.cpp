// SPDX-License-Identifier: MIT
#include "redisnotificationlists.h"

#include "rediseventstore.h"
#include "redisscripts.h"

#include <QJsonDocument>

namespace Notify::Server {

QList<NotificationRecord> RedisNotificationLists::notifications(const QString &user, bool unreadOnly, qsizetype limit,
                                                                qsizetype offset)
{
    QList<NotificationRecord> records;
    const auto reply
        = m_store.runScript(RedisScripts::notifications(),
                            { user.toUtf8(), unreadOnly ? "1" : "0", QByteArray::number(limit),
                              QByteArray::number(offset), QByteArray::number(m_store.notificationLimit()) });
    if (!reply)
        return records;
    for (qsizetype i = 0; i + 2 < reply->elements.size(); i += 3) {
        records << NotificationRecord{ quint64(reply->elements[i].toInteger()),
                                       QJsonDocument::fromJson(reply->elements[i + 1].string).object(),
                                       reply->elements[i + 2].toInteger() != 0 };
    }
    return records;
}

bool RedisNotificationLists::setRead(const QString &user, const QString &notificationId, bool read)
{
    const auto reply
        = m_store.runScript(RedisScripts::setRead(), { user.toUtf8(), notificationId.toUtf8(), read ? "1" : "0" });
    return reply && reply->toInteger() == 1;
}

QStringList RedisNotificationLists::markAllRead(const QString &user)
{
    QStringList ids;
    if (const auto reply = m_store.runScript(RedisScripts::markAllRead(),
                                             { user.toUtf8(), QByteArray::number(m_store.notificationLimit()) })) {
        for (const RedisReply &id : reply->elements)
            ids << QString::fromUtf8(id.string);
    }
    return ids;
}

NotificationCounts RedisNotificationLists::counts(const QString &user)
{
    const auto reply
        = m_store.runScript(RedisScripts::counts(), { user.toUtf8(), QByteArray::number(m_store.notificationLimit()) });
    if (!reply || reply->elements.size() != 3)
        return {};
    return { reply->elements[0].toInteger(), reply->elements[1].toInteger(), reply->elements[2].toInteger() };
}

bool RedisNotificationLists::trim(qint64 maxAgeMs, qint64 nowMs, qsizetype budget)
{
    if (m_trim.phase == "done")
        m_trim = Trim{ "owners", "0", false };
    const auto reply = m_store.runScript(
        RedisScripts::trim(),
        { QByteArray::number(m_store.notificationLimit()), QByteArray::number(maxAgeMs > 0 ? nowMs - maxAgeMs : 0),
          QByteArray::number(budget), m_trim.phase, m_trim.cursor, m_trim.dropped ? "1" : "0" });
    if (!reply || reply->elements.size() != 3) {
        m_trim = Trim{}; // Redis is away: the next minute's pass begins again
        return false;
    }
    m_trim.dropped = m_trim.dropped || reply->elements.at(0).toInteger() > 0;
    m_trim.phase = reply->elements.at(1).string;
    m_trim.cursor = reply->elements.at(2).string;
    return m_trim.phase != "done";
}

} // namespace Notify::Server
