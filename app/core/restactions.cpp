// SPDX-License-Identifier: MIT
#include "restactions.h"

#include "alertcenter.h"
#include "common/apipaths.h"
#include "historystore.h"
#include "messagemodel.h"
#include "notificationmodel.h"

#include <QLoggingCategory>

namespace Notify::Tray {

Q_DECLARE_LOGGING_CATEGORY(lcSession)

using namespace Notify;

RestActions::RestActions(RestClient *rest, HistoryStore *history, NotificationModel *notifications,
                         MessageModel *messages, AlertCenter *alerts, QObject *parent)
    : QObject(parent)
    , m_rest(rest)
    , m_history(history)
    , m_notifications(notifications)
    , m_messages(messages)
    , m_alerts(alerts)
    , m_outbox(new Outbox(rest, history, this))
{
    connect(m_outbox, &Outbox::delivered, this, &RestActions::onDelivered);
    connect(m_outbox, &Outbox::failed, this, &RestActions::onFailed);
    connect(m_outbox, &Outbox::waiting, this, &RestActions::onWaiting);
}

QString RestActions::localMessageId(qint64 entryId)
{
    return QStringLiteral("outbox-%1").arg(entryId);
}

void RestActions::restore()
{
    m_outbox->restore();
    for (const Outbox::Entry &entry : m_outbox->entries()) {
        if (entry.kind == Outbox::Kind::Reply)
            m_messages->addPending(localMessageId(entry.id), entry.to, entry.body);
    }
}

void RestActions::serverChanged()
{
    m_probed = false;
    if (std::exchange(m_missing, bit(Action::Claim)) != bit(Action::Claim))
        emit offersChanged();
    // What was meant for the last server does not go to this one; it is said, not dropped in silence.
    const QList<Outbox::Entry> given = m_outbox->clear();
    for (const Outbox::Entry &entry : given) {
        if (entry.kind == Outbox::Kind::Reply)
            m_messages->removePending(localMessageId(entry.id));
    }
    if (!given.isEmpty())
        emit failed(Action::Read,
                    tr("%n action(s) meant for the previous server were not sent.", nullptr, int(given.size())));
}

void RestActions::streamOpened()
{
    m_outbox->flush();
    if (!std::exchange(m_probed, true))
        probe();
}

void RestActions::probe()
{
    // A GET on a POST-only endpoint: 405 where it exists, 404 where not.
    const QList<QPair<Action, QString>> paths{
        { Action::Reply, QLatin1StringView(ApiPath::Messages) },
        { Action::Unread, ApiPath::notificationUnread(QStringLiteral("probe")) },
        { Action::ReadAll, QLatin1StringView(ApiPath::NotificationsReadAll) },
    };
    m_probesPending = int(paths.size()) + 1;
    const auto answered = [this] {
        if (--m_probesPending == 0)
            emit probed();
    };
    for (const auto &endpoint : paths) {
        m_rest->get(endpoint.second, [this, answered, action = endpoint.first](const RestClient::Answer &answer) {
            if (answer.status == 404)
                setMissing(action);
            answered();
        });
    }
    // Claims: offered once the server shows it has them (405 to a GET).
    m_rest->get(ApiPath::notificationClaim(QStringLiteral("probe")),
                [this, answered](const RestClient::Answer &answer) {
                    if (answer.status == 405 && !offers(Action::Claim)) {
                        m_missing &= ~bit(Action::Claim);
                        qCInfo(lcSession) << "the server takes claims";
                        emit offersChanged();
                    }
                    answered();
                });
}

void RestActions::learn(Action action, const RestClient::Answer &answer)
{
    if (answer.status == 404 || answer.endpointMissing())
        setMissing(action);
}

void RestActions::setMissing(Action action)
{
    if (!offers(action))
        return;
    m_missing |= bit(action);
    qCInfo(lcSession).noquote() << "the server has no endpoint for" << QVariant::fromValue(action).toString();
    emit offersChanged();
}

QString RestActions::missingReason(Action action) const
{
    if (offers(action))
        return {};
    switch (action) {
    case Action::Unread:
        return tr("This server cannot mark notifications unread.");
    case Action::ReadAll:
        return tr("This server cannot mark everything read at once: the notifications in the list are marked one "
                  "by one.");
    case Action::Reply:
        return tr("This server does not take messages.");
    case Action::Presence:
        return tr("This server does not share who is online.");
    case Action::Read:
        return tr("This server cannot mark notifications read.");
    case Action::Claim:
        return tr("This server does not let people claim notifications.");
    case Action::LoadOlder:
        break;
    }
    return {};
}

void RestActions::markRead(const QStringList &notificationIds)
{
    if (notificationIds.isEmpty())
        return;
    // Read here at once, alerts gone; the server's notification_read confirms it.
    m_notifications->markRead(notificationIds);
    m_alerts->withdraw(notificationIds);
    if (m_history) {
        const HistoryStore::Transaction transaction(*m_history);
        m_history->markRead(notificationIds);
    }
    m_outbox->addStates(Outbox::Kind::Read, notificationIds);
}

void RestActions::markUnread(const QStringList &notificationIds)
{
    if (notificationIds.isEmpty())
        return;
    if (!offers(Action::Unread)) {
        emit failed(Action::Unread, missingReason(Action::Unread));
        return;
    }
    m_notifications->markUnread(notificationIds);
    if (m_history) {
        const HistoryStore::Transaction transaction(*m_history);
        m_history->markUnread(notificationIds);
    }
    m_outbox->addStates(Outbox::Kind::Unread, notificationIds);
}

void RestActions::markAllRead()
{
    const QStringList ids = m_notifications->unreadIds();
    if (!offers(Action::ReadAll)) {
        markRead(ids);
        return;
    }
    m_notifications->markRead(ids);
    m_alerts->withdraw(ids);
    m_rest->post(QLatin1StringView(ApiPath::NotificationsReadAll), {}, [this, ids](const RestClient::Answer &answer) {
        if (answer.ok()) {
            emit countsChanged(); // beyond the list too
            return;
        }
        if (answer.endpointMissing())
            setMissing(Action::ReadAll);
        // Not read on the server: not read here either.
        m_notifications->markUnread(ids);
        emit failed(Action::ReadAll, tr("Not marked read on the server: %1").arg(answer.message));
    });
}

void RestActions::sendMessage(const QString &to, const QString &body)
{
    if (!offers(Action::Reply)) {
        emit replyRefused(to, body, missingReason(Action::Reply));
        return;
    }
    const qint64 id = m_outbox->addReply(to, body);
    m_messages->addPending(localMessageId(id), to, body);
}

void RestActions::setMyStatus(const QString &status)
{
    m_rest->put(QLatin1StringView(ApiPath::Presence), QJsonObject{ { QStringLiteral("status"), status } },
                [this](const RestClient::Answer &answer) {
                    if (answer.ok())
                        return;
                    learn(Action::Presence, answer);
                    emit failed(Action::Presence, tr("Your status was not changed: %1").arg(answer.message));
                });
}

void RestActions::claim(const QString &notificationId)
{
    if (!offers(Action::Claim)) {
        emit failed(Action::Claim, missingReason(Action::Claim));
        emit claimDone(notificationId);
        return;
    }
    m_rest->post(
        ApiPath::notificationClaim(notificationId), {}, [this, notificationId](const RestClient::Answer &answer) {
            // Taken (200), or somebody was first (409): either way the answer says who handles it.
            if (answer.status == 200 || answer.status == 409) {
                if (auto claim = Protocol::NotificationClaimed::fromJson(answer.body)) {
                    claim->extra = {};
                    if (answer.status == 200)
                        emit userLearned(claim->claimedBy);
                    emit claimAnswered(*claim);
                }
                if (answer.status == 409) {
                    const QString holder = answer.body.value(u"claimed_by").toString();
                    const QString name = m_nameOf ? m_nameOf(holder) : QString();
                    emit failed(Action::Claim, tr("%1 is already handling this.").arg(name.isEmpty() ? holder : name));
                }
            } else {
                if (answer.endpointMissing())
                    setMissing(Action::Claim);
                emit failed(Action::Claim, tr("Not claimed: %1").arg(answer.message));
            }
            emit claimDone(notificationId);
        });
}

void RestActions::release(const QString &notificationId)
{
    m_rest->del(ApiPath::notificationClaim(notificationId), [this, notificationId](const RestClient::Answer &answer) {
        if (answer.ok()) {
            Protocol::NotificationClaimed released;
            released.notificationId = notificationId;
            emit claimAnswered(released);
        } else {
            emit failed(Action::Claim, tr("Not released: %1").arg(answer.message));
        }
        emit claimDone(notificationId);
    });
}

void RestActions::onDelivered(const Outbox::Entry &entry, const RestClient::Answer &answer)
{
    if (entry.kind == Outbox::Kind::Reply)
        m_messages->resolvePending(localMessageId(entry.id), answer.body.value(u"message_id").toVariant().toString());
}

void RestActions::onFailed(const Outbox::Entry &entry, const RestClient::Answer &answer)
{
    // 404 for a notification: the server does not know it (local only, or
    // gone), and what this app shows of it is all there is; unless it is
    // the endpoint that is missing (a server without "unread again" answers
    // its unknown path in JSON too): asked once more, as when the stream opens.
    const bool unknownItem = answer.status == 404 && !answer.endpointMissing() && entry.kind != Outbox::Kind::Reply;
    if (unknownItem && entry.kind == Outbox::Kind::Unread) {
        m_rest->get(ApiPath::notificationUnread(QStringLiteral("probe")),
                    [this, entry](const RestClient::Answer &probe) {
                        if (probe.status != 404)
                            return;
                        setMissing(Action::Unread);
                        m_notifications->markRead({ entry.notificationId });
                        if (m_history)
                            m_history->markRead({ entry.notificationId });
                        emit failed(Action::Unread, missingReason(Action::Unread));
                    });
        return;
    }
    if (unknownItem)
        return;
    switch (entry.kind) {
    case Outbox::Kind::Read:
        if (answer.endpointMissing())
            setMissing(Action::Read);
        m_notifications->markUnread({ entry.notificationId });
        if (m_history)
            m_history->markUnread({ entry.notificationId });
        emit failed(Action::Read, tr("Not marked read on the server: %1").arg(answer.message));
        return;
    case Outbox::Kind::Unread:
        if (answer.endpointMissing())
            setMissing(Action::Unread);
        m_notifications->markRead({ entry.notificationId });
        if (m_history)
            m_history->markRead({ entry.notificationId });
        emit failed(Action::Unread,
                    answer.endpointMissing() ? missingReason(Action::Unread)
                                             : tr("Not marked unread on the server: %1").arg(answer.message));
        return;
    case Outbox::Kind::Reply:
        if (answer.endpointMissing() || answer.status == 404)
            setMissing(Action::Reply);
        m_messages->removePending(localMessageId(entry.id));
        emit replyRefused(entry.to, entry.body,
                          offers(Action::Reply) ? tr("The message was not sent: %1").arg(answer.message)
                                                : missingReason(Action::Reply));
        return;
    }
}

void RestActions::onWaiting(const Outbox::Entry &entry, const RestClient::Answer &answer)
{
    const QString why = answer.status == 401 || answer.status == 403
        ? tr("the server refused your token; it goes out once the token is right")
        : tr("%1; trying again by itself").arg(answer.message);
    if (entry.kind == Outbox::Kind::Reply) {
        m_messages->setPendingState(localMessageId(entry.id), tr("Not sent yet"));
        emit waiting(Action::Reply, tr("Not sent yet: %1.").arg(why));
        return;
    }
    emit waiting(entry.kind == Outbox::Kind::Read ? Action::Read : Action::Unread,
                 tr("Not on the server yet: %1.").arg(why));
}

} // namespace Notify::Tray
