// SPDX-License-Identifier: MIT
#pragma once

#include "common/protocol.h"
#include "outbox.h"
#include "restclient.h"

#include <QObject>

#include <functional>

namespace Notify::Tray {

class AlertCenter;
class HistoryStore;
class MessageModel;
class NotificationModel;

/// What the user does that the server must hear of: read, unread, mark all
/// read, reply, one's own status. The window changes at once (a read row is
/// read), the server is told through the Outbox (reads, unreads and replies
/// survive failures and restarts), and when the server refuses, the change
/// is taken back and failed() says why, for the place where the user acted.
///
/// A backend may lack an endpoint (the reference Django backend has no
/// messages, no "unread" and no "read all"): when the stream opens, each
/// action's path is asked with a GET, which a server that has the
/// (POST-only) endpoint answers 405 and one without it 404; an action
/// whose request is answered that way later is marked missing too. A
/// missing action is not offered (offers()), with the reason, and "mark all
/// read" marks the listed ones one by one instead. Claims are the other way
/// round: not offered until the probe found the endpoint (a backend without
/// claims never shows a Claim button, not even for a moment).
///
/// A claim is not queued: it is the server's answer that says who handles
/// a notification (a 409 names whoever was first), and the window shows
/// only that.
class RestActions final : public QObject
{
    Q_OBJECT

public:
    enum class Action { Read, Unread, ReadAll, Reply, Presence, LoadOlder, Claim };
    Q_ENUM(Action)

    RestActions(RestClient *rest, HistoryStore *history, NotificationModel *notifications, MessageModel *messages,
                AlertCenter *alerts, QObject *parent = nullptr);

    /// The actions a previous run left: sent again, replies shown as pending.
    void restore();
    /// Another server: what it offers is asked again.
    void serverChanged();
    /// The stream opened: waiting actions go now; a new server is asked what it offers.
    void streamOpened();
    /// An answer of the server's to a request made elsewhere for @p action
    /// (the presence list for Presence): a missing endpoint says so.
    void learn(Action action, const RestClient::Answer &answer);

    void markRead(const QStringList &notificationIds);
    void markUnread(const QStringList &notificationIds);
    /// Everything read on the server (read-all); where it has no such
    /// request, the unread ones in the list, one by one.
    void markAllRead();
    void sendMessage(const QString &to, const QString &body);
    void setMyStatus(const QString &status);
    /// How people see a user (for "Bob is already handling this."); unset: the user name.
    void setNameLookup(std::function<QString(const QString &)> lookup) { m_nameOf = std::move(lookup); }
    /// Takes notification @p notificationId on (claim), or gives it back (release).
    void claim(const QString &notificationId);
    void release(const QString &notificationId);

    /// Whether the server has the endpoint @p action needs (true until it is
    /// known not to; for Claim, false until it is known to).
    [[nodiscard]] bool offers(Action action) const { return (m_missing & bit(action)) == 0; }
    /// Why @p action is not offered, for a tooltip; empty when it is.
    [[nodiscard]] QString missingReason(Action action) const;
    /// Reads and unreads the server has not taken yet (they hold over a snapshot).
    [[nodiscard]] QStringList waitingIds(Outbox::Kind kind) const { return m_outbox->notificationIds(kind); }
    [[nodiscard]] Outbox *outbox() const { return m_outbox; }

signals:
    /// @p action was refused and taken back (or will not be offered): why, for people.
    void failed(RestActions::Action action, const QString &message);
    /// A reply the server refused: what the user wrote, to give it back.
    void replyRefused(const QString &to, const QString &body, const QString &message);
    /// @p action could not reach the server yet: it is kept and tried again.
    void waiting(RestActions::Action action, const QString &message);
    void offersChanged();
    /// Every probe of what the server offers has been answered (offers() is known now).
    void probed();
    /// The server's counts changed in a way the list cannot tell (read-all).
    void countsChanged();
    /// The server said who handles a notification (the answer to a claim
    /// or a release, a 409's holder): applied at once, before its event.
    void claimAnswered(const Notify::Protocol::NotificationClaimed &claim);
    /// A claim or release of @p notificationId is over (answered, refused, or never sent).
    void claimDone(const QString &notificationId);
    /// A claim's answer named the user this token belongs to.
    void userLearned(const QString &user);

private:
    void probe();
    void setMissing(Action action);
    void onDelivered(const Outbox::Entry &entry, const RestClient::Answer &answer);
    void onFailed(const Outbox::Entry &entry, const RestClient::Answer &answer);
    void onWaiting(const Outbox::Entry &entry, const RestClient::Answer &answer);
    [[nodiscard]] static QString localMessageId(qint64 entryId);
    [[nodiscard]] static quint32 bit(Action action) { return 1u << unsigned(action); }

    RestClient *m_rest;
    HistoryStore *m_history;
    NotificationModel *m_notifications;
    MessageModel *m_messages;
    AlertCenter *m_alerts;
    Outbox *m_outbox;
    quint32 m_missing = 1u << unsigned(Action::Claim); ///< the actions the server has no endpoint for, as bits
    bool m_probed = false;
    int m_probesPending = 0;
    std::function<QString(const QString &)> m_nameOf;
};

} // namespace Notify::Tray
