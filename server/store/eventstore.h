// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include "common/protocol.h"

#include <functional>
#include <optional>

namespace Notify::Server {

/// One stored event. `audience` is empty for a broadcast, else the users
/// who may see it (one, or sender and recipient of a message).
struct StoredEvent
{
    quint64 seq = 0;
    QByteArray type;
    QByteArray data; ///< compact JSON object, one line
    QStringList audience;
    qint64 createdMs = 0;

    [[nodiscard]] bool visibleTo(const QString &user) const { return audience.isEmpty() || audience.contains(user); }
};

/// A notification as the snapshot endpoint lists it.
struct NotificationRecord
{
    quint64 seq = 0;
    QJsonObject data;
    bool read = false;
};

/// A user's notifications counted: what the list pages over (its entries,
/// all or the unread ones: a notification published again under its id is
/// listed again), and how many notifications are unread (each id once),
/// the truth the clients' counts show.
struct NotificationCounts
{
    qint64 total = 0; ///< entries of the list
    qint64 unreadEntries = 0; ///< entries of the list with `unread=1`
    qint64 unread = 0; ///< unread notifications
};

/// Who handles a notification (`claimed_by`, `claimed_at`): empty when nobody does.
struct Claim
{
    QString by;
    QString at; ///< ISO 8601 UTC

    [[nodiscard]] bool isNull() const { return by.isEmpty(); }
};

/// What EventStore::claim() or release() did.
struct ClaimOutcome
{
    enum class Status {
        Done, ///< claimed or released: `notification_claimed` was stored (seq)
        Unchanged, ///< already so (claimed by the same user, or not claimed): no event
        Held, ///< claimed by someone else (claim): `claim` says by whom
        Forbidden, ///< claimed by someone else and not the caller's to release (release)
        NotFound, ///< no such notification among the caller's
        Failed, ///< the store failed (`error`)
    };
    Status status = Status::Failed;
    Claim claim; ///< the claim as it stands afterwards
    quint64 seq = 0; ///< Done: the `notification_claimed` event
    QString error;
};

/// Where a stream or a poll resumes after the id a client sent back: the
/// sequence number to replay after, or why it cannot (then `reset`).
struct ResumePoint
{
    std::optional<quint64> seq;
    Protocol::ResetReason reason = Protocol::ResetReason::InvalidId;
};

/// Where events and the state derived from them live.
///
/// Kept small on purpose: a Redis-backed store can implement the same
/// interface so that several server instances share one event log.
/// Everything here runs on the server's hub thread.
class EventStore
{
public:
    virtual ~EventStore() = default;

    /// Opens (and creates) the store; false with @p error on failure.
    virtual bool open(QString *error) = 0;

    [[nodiscard]] virtual quint32 epoch() const = 0;
    /// The newest sequence number; 0 while the store is empty.
    [[nodiscard]] virtual quint64 headSeq() const = 0;
    /// The oldest sequence number still retained (headSeq() + 1 when none is).
    [[nodiscard]] virtual quint64 oldestSeq() const = 0;

    /// Stores @p events durably, all or none, assigning them consecutive
    /// sequence numbers in their order (set in each), and updates the
    /// snapshots (notifications, orders): one transaction (SQLite) or one
    /// script call (Redis) however many there are. False, with @p error and
    /// nothing stored, when the store failed.
    virtual bool appendAll(QList<StoredEvent> &events, QString *error) = 0;
    /// appendAll() for one event. Returns its sequence number.
    std::optional<quint64> append(StoredEvent &event, QString *error)
    {
        QList<StoredEvent> one{ std::move(event) };
        const bool stored = appendAll(one, error);
        event = std::move(one.first());
        return stored ? std::optional<quint64>(event.seq) : std::nullopt;
    }

    /// Up to @p limit retained events after @p seq that @p user may see, in order.
    [[nodiscard]] virtual QList<StoredEvent> eventsAfter(quint64 seq, const QString &user, qsizetype limit) = 0;

    /// The user's notifications, newest first: @p limit of them after
    /// skipping the @p offset newest.
    [[nodiscard]] virtual QList<NotificationRecord> notifications(const QString &user, bool unreadOnly, qsizetype limit,
                                                                  qsizetype offset = 0)
        = 0;
    /// Marks one notification read; false when the user has no such notification.
    virtual bool markRead(const QString &user, const QString &notificationId) = 0;
    /// Marks all of the user's notifications read; returns the ids it marked.
    virtual QStringList markAllRead(const QString &user) = 0;
    /// Marks one notification unread again; false when the user has no such notification.
    virtual bool markUnread(const QString &user, const QString &notificationId) = 0;
    /// The user's notifications counted (the list's `count` and `unread_count`).
    [[nodiscard]] virtual NotificationCounts notificationCounts(const QString &user) = 0;

    // Claims (docs/PROTOCOL.md, "Groups and claims"). A claim and its
    // `notification_claimed` event (to the notification's recipients) are
    // stored together, atomically with every other claim on the same store:
    // of two users claiming at once, exactly one wins, whichever instance
    // each asked.

    /// @p user takes notification @p notificationId on, at @p claim.at (its
    /// `by` is @p user); @p nowMs stamps the event.
    virtual ClaimOutcome claim(const QString &user, const QString &notificationId, const Claim &claim, qint64 nowMs)
        = 0;
    /// @p user releases it: allowed to the claimer, and to an admin (@p admin)
    /// whether or not a recipient.
    virtual ClaimOutcome release(const QString &user, const QString &notificationId, bool admin, qint64 nowMs) = 0;
    /// The claims held on @p notificationIds (those without are left out).
    [[nodiscard]] virtual QHash<QString, Claim> claims(const QStringList &notificationIds) = 0;

    /// Escalation (`--escalate-after`): while on, each `error` notification is
    /// remembered as it is stored, and escalateDue() announces the ones still
    /// unclaimed once.
    void setEscalation(bool on) { m_escalation = on; }
    [[nodiscard]] bool escalation() const { return m_escalation; }
    /// Stores `notification_escalated` (to its recipients) for each
    /// remembered error notification published before @p cutoffMs and still
    /// unclaimed, and forgets every one published before it, claimed or not:
    /// each is looked at once in the whole deployment. At most @p limit per
    /// call; returns how many were escalated (-1 when the store failed).
    virtual qsizetype escalateDue(qint64 cutoffMs, qint64 nowMs, qsizetype limit) = 0;
    /// The publication time of the oldest error notification waiting for
    /// escalateDue(), if any (when the next check is due).
    [[nodiscard]] virtual std::optional<qint64> nextEscalation() = 0;

    /// The event data of `notification_claimed`.
    [[nodiscard]] static QByteArray claimedData(const QString &notificationId, const Claim &claim);
    /// The event data of `notification_escalated`.
    [[nodiscard]] static QByteArray escalatedData(const QString &notificationId);

    /// The current status of every order the user may see.
    [[nodiscard]] virtual QList<QJsonObject> orders(const QString &user) = 0;

    /// Drops events beyond the newest @p maxEvents or older than @p maxAgeMs.
    virtual void enforceRetention(qint64 maxEvents, qint64 maxAgeMs, qint64 nowMs) = 0;

    /// A user's notifications list holds the newest @p maxPerUser of those
    /// they may see (0: no limit): the lists, their counts and "read all"
    /// look no further, and trimNotifications() deletes what is past it.
    virtual void setNotificationLimit(qint64 maxPerUser) { m_maxNotifications = maxPerUser; }
    [[nodiscard]] qint64 notificationLimit() const { return m_maxNotifications; }
    /// One step of trimming the notifications lists: deletes at most about
    /// @p budget rows (a user's own beyond the limit, broadcasts beyond it,
    /// everything older than @p maxAgeMs, and the read state of what went),
    /// so that no step holds the store for long. True while more is left.
    virtual bool trimNotifications(qint64 maxAgeMs, qint64 nowMs, qsizetype budget) = 0;

    /// Whether the store can take events now (Redis answering); false makes
    /// publishing answer 503 and /healthz say why.
    [[nodiscard]] virtual bool available() const { return true; }
    [[nodiscard]] virtual QString unavailableReason() const { return {}; }
    [[nodiscard]] virtual qint64 reconnects() const { return 0; }

    /// Who fans stored events out. A store tells of every event in seq
    /// order, once: SQLite as append() stores it, Redis as its feed reads
    /// what any instance appended.
    using StoredHandler = std::function<void(const StoredEvent &)>;
    void setStoredHandler(StoredHandler handler) { m_stored = std::move(handler); }
    /// Called when the store lost its events (a shared store whose data
    /// went): every open stream must resync.
    void setLostHandler(std::function<void()> handler) { m_lost = std::move(handler); }

    // The contract's rules on ids, the same for every store.

    /// The event id `<epoch>-<seq>` of a sequence number of this store.
    [[nodiscard]] QByteArray eventId(quint64 seq) const;
    [[nodiscard]] QByteArray headId() const { return eventId(headSeq()); }
    /// Where to resume after @p lastEventId: malformed, another epoch or
    /// beyond the head is `invalid_id`/`unknown_epoch`; events after it that
    /// are no longer retained is `expired`.
    [[nodiscard]] ResumePoint resumePoint(QByteArrayView lastEventId) const;

protected:
    EventStore() = default;
    Q_DISABLE_COPY_MOVE(EventStore)

    void announce(const StoredEvent &event) const
    {
        if (m_stored)
            m_stored(event);
    }

    void lost() const
    {
        if (m_lost)
            m_lost();
    }

    qint64 m_maxNotifications = 10'000;
    bool m_escalation = false;

private:
    StoredHandler m_stored;
    std::function<void()> m_lost;
};

} // namespace Notify::Server
