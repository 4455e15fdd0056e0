// SPDX-License-Identifier: MIT
#include "eventjournal.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace Notify {

EventJournal::EventJournal(qsizetype capacity)
    : m_capacity(std::max<qsizetype>(1, capacity))
{ }

void EventJournal::markSeen(const QByteArray &id)
{
    const QByteArray last = m_lastEventId;
    accept(id);
    m_lastEventId = last;
}

bool EventJournal::accept(const QByteArray &id)
{
    if (id.isEmpty())
        return true;
    if (m_seen.contains(id))
        return false;
    if (m_order.size() < m_capacity) {
        m_order.append(id);
    } else {
        // Full: overwrite the oldest entry, in place.
        m_seen.remove(m_order.at(m_head));
        m_order[m_head] = id;
        m_head = (m_head + 1) % m_capacity;
    }
    m_seen.insert(id, 0);
    m_lastEventId = id;
    return true;
}

QByteArray EventJournal::toJson() const
{
    QJsonArray recent;
    for (qsizetype i = 0; i < m_order.size(); ++i)
        recent.append(QString::fromUtf8(m_order.at((m_head + i) % m_order.size())));
    return QJsonDocument(QJsonObject{ { QStringLiteral("version"), 1 },
                                      { QStringLiteral("last_event_id"), QString::fromUtf8(m_lastEventId) },
                                      { QStringLiteral("recent"), recent } })
        .toJson(QJsonDocument::Compact);
}

bool EventJournal::fromJson(const QByteArray &json)
{
    *this = EventJournal(m_capacity);
    QJsonParseError error;
    const QJsonObject root = QJsonDocument::fromJson(json, &error).object();
    if (error.error != QJsonParseError::NoError || root.value(u"version").toInt() != 1)
        return false;
    for (const auto &id : root.value(u"recent").toArray())
        accept(id.toString().toUtf8());
    m_lastEventId = root.value(u"last_event_id").toString().toUtf8();
    return true;
}

bool EventJournal::saveToFile(const QString &path, QString *error) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(toJson()) < 0 || !file.commit()) {
        if (error)
            *error = file.errorString();
        return false;
    }
    return true;
}

bool EventJournal::loadFromFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = file.errorString();
        return false;
    }
    if (!fromJson(file.readAll())) {
        if (error)
            *error = QStringLiteral("%1 is not an event journal").arg(path);
        return false;
    }
    return true;
}

} // namespace Notify
