// SPDX-License-Identifier: MIT
#include "outbox.h"

#include "common/apipaths.h"
#include "historystore.h"

#include <QMetaEnum>
#include <QSet>
#include <QTimer>

#include <optional>

namespace Notify::Tray {

using namespace Notify;

namespace {

QString kindName(Outbox::Kind kind)
{
    return QString::fromLatin1(QMetaEnum::fromType<Outbox::Kind>().valueToKey(int(kind))).toLower();
}

} // namespace

Outbox::Outbox(RestClient *rest, HistoryStore *history, QObject *parent)
    : QObject(parent)
    , m_rest(rest)
    , m_history(history)
    , m_retry(new QTimer(this))
{
    m_retry->setSingleShot(true);
    connect(m_retry, &QTimer::timeout, this, [this] {
        m_paused = false;
        pump();
    });
}

void Outbox::restore()
{
    if (!m_history)
        return;
    for (const HistoryStore::OutboxRow &row : m_history->outbox()) {
        Entry entry;
        entry.id = row.id;
        bool known = false;
        for (const Kind kind : { Kind::Read, Kind::Unread, Kind::Reply }) {
            if (row.kind == kindName(kind)) {
                entry.kind = kind;
                known = true;
            }
        }
        if (!known) {
            forget(row.id); // written by a later version: not ours to send
            continue;
        }
        entry.notificationId = row.payload.value(u"notification_id").toString();
        entry.to = row.payload.value(u"to").toString();
        entry.body = row.payload.value(u"body").toString();
        entry.createdAt = QDateTime::fromString(row.payload.value(u"created_at").toString(), Qt::ISODateWithMs);
        m_entries << entry;
    }
    pump();
}

qint64 Outbox::keep(const Entry &entry)
{
    qint64 id = 0;
    if (m_history) {
        QJsonObject payload{ { QStringLiteral("created_at"), entry.createdAt.toString(Qt::ISODateWithMs) } };
        if (entry.kind == Kind::Reply) {
            payload.insert(QStringLiteral("to"), entry.to);
            payload.insert(QStringLiteral("body"), entry.body);
        } else {
            payload.insert(QStringLiteral("notification_id"), entry.notificationId);
        }
        id = m_history->addToOutbox(kindName(entry.kind), payload);
    }
    if (id <= 0)
        id = m_nextLocalId--; // not kept (no history, or it failed): ids of our own, below the history's
    Entry kept = entry;
    kept.id = id;
    m_entries << kept;
    return id;
}

void Outbox::forget(qint64 id)
{
    if (m_history)
        m_history->removeFromOutbox(id);
    m_entries.removeIf([id](const Entry &e) { return e.id == id; });
}

qsizetype Outbox::indexOf(qint64 id) const
{
    for (qsizetype i = 0; i < m_entries.size(); ++i) {
        if (m_entries.at(i).id == id)
            return i;
    }
    return -1;
}

void Outbox::addStates(Kind kind, const QStringList &notificationIds)
{
    if (notificationIds.isEmpty())
        return;
    const Kind opposite = kind == Kind::Read ? Kind::Unread : Kind::Read;
    std::optional<HistoryStore::Transaction> transaction; // one write for a thousand reads
    if (m_history)
        transaction.emplace(*m_history);
    for (const QString &id : notificationIds) {
        // The opposite one, never sent: both together change nothing on the server.
        // (One that was sent and failed may have been done there after all.)
        const auto waiting = std::find_if(m_entries.cbegin(), m_entries.cend(), [&](const Entry &e) {
            return e.kind == opposite && e.notificationId == id && e.attempts == 0 && !m_inFlight.contains(e.id);
        });
        if (waiting != m_entries.cend()) {
            forget(waiting->id);
            continue;
        }
        Entry entry;
        entry.kind = kind;
        entry.notificationId = id;
        entry.createdAt = QDateTime::currentDateTimeUtc();
        keep(entry);
    }
    pump();
}

qint64 Outbox::addReply(const QString &to, const QString &body)
{
    Entry entry;
    entry.kind = Kind::Reply;
    entry.to = to;
    entry.body = body;
    entry.createdAt = QDateTime::currentDateTimeUtc();
    const qint64 id = keep(entry);
    pump();
    return id;
}

QList<Outbox::Entry> Outbox::clear()
{
    QList<Entry> given = m_entries;
    for (const Entry &entry : given)
        forget(entry.id);
    m_inFlight.clear(); // their answers find nothing to report
    return given;
}

void Outbox::flush()
{
    m_retry->stop();
    m_paused = false;
    m_backoffMs = FirstRetryMs;
    pump();
}

QStringList Outbox::notificationIds(Kind kind) const
{
    QStringList ids;
    for (const Entry &e : m_entries) {
        if (e.kind == kind)
            ids << e.notificationId;
    }
    return ids;
}

void Outbox::pump()
{
    if (m_paused)
        return;
    QSet<QString> busy; // notifications with a request on its way
    for (const qint64 id : std::as_const(m_inFlight)) {
        if (const qsizetype i = indexOf(id); i >= 0)
            busy.insert(m_entries.at(i).notificationId);
    }
    for (const Entry &entry : std::as_const(m_entries)) {
        if (m_inFlight.size() >= MaxInFlight)
            return;
        if (m_inFlight.contains(entry.id))
            continue;
        if (entry.kind != Kind::Reply) {
            if (busy.contains(entry.notificationId))
                continue;
            busy.insert(entry.notificationId);
        }
        send(entry);
    }
}

void Outbox::send(Entry entry)
{
    m_inFlight << entry.id;
    const qint64 id = entry.id;
    auto callback = [this, id](const RestClient::Answer &answer) { onAnswer(id, answer); };
    switch (entry.kind) {
    case Kind::Read:
        m_rest->post(ApiPath::notificationRead(entry.notificationId), {}, callback);
        break;
    case Kind::Unread:
        m_rest->post(ApiPath::notificationUnread(entry.notificationId), {}, callback);
        break;
    case Kind::Reply:
        m_rest->post(QLatin1StringView(ApiPath::Messages),
                     QJsonObject{ { QStringLiteral("to"), entry.to }, { QStringLiteral("body"), entry.body } },
                     callback);
        break;
    }
}

void Outbox::onAnswer(qint64 id, const RestClient::Answer &answer)
{
    m_inFlight.removeAll(id);
    const qsizetype index = indexOf(id);
    if (index < 0)
        return;
    Entry &entry = m_entries[index];
    ++entry.attempts;
    if (answer.ok()) {
        const Entry done = entry;
        forget(id);
        m_backoffMs = FirstRetryMs;
        emit delivered(done, answer);
        pump();
        return;
    }
    const bool tokenRefused = answer.status == 401 || answer.status == 403;
    if (answer.retryable() || tokenRefused) {
        // Kept. Everything waits: what failed for one fails for the others now.
        const Entry kept = entry;
        if (!m_paused) {
            m_paused = true;
            if (!tokenRefused) { // a refused token waits for the stream to open with a new one
                m_retry->start(int(std::max(m_backoffMs, answer.retryAfterMs)));
                m_backoffMs = std::min(m_backoffMs * 2, MaxRetryMs);
            }
        }
        emit waiting(kept, answer);
        return;
    }
    const Entry given = entry;
    forget(id);
    emit failed(given, answer);
    pump();
}

} // namespace Notify::Tray
