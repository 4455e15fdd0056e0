// SPDX-License-Identifier: MIT
#pragma once

#include "contentdedup.h"
#include "eventjournal.h"

#include <QByteArrayList>

namespace Notify {

/// Where a DeliveryLedger keeps what it knows across restarts (the tray's
/// HistoryStore; notify-cli keeps nothing).
class DeliveryStore
{
public:
    virtual ~DeliveryStore() = default;

    /// Ids delivered, the last one the resume position.
    virtual void rememberEvents(const QByteArrayList &ids) = 0;
    /// Ids delivered otherwise (a snapshot), the resume position left alone.
    virtual void rememberDelivered(const QByteArrayList &ids) = 0;
    virtual void setLastEventId(const QByteArray &id) = 0;
    virtual void rememberContentKeys(const QList<ContentDedup::Entry> &entries) = 0;
    [[nodiscard]] virtual QByteArrayList deliveredIds() const = 0;
    [[nodiscard]] virtual QByteArray lastEventId() const = 0;
    [[nodiscard]] virtual QList<ContentDedup::Entry> contentKeys() const = 0;

protected:
    DeliveryStore() = default;
    DeliveryStore(const DeliveryStore &) = default;
    DeliveryStore &operator=(const DeliveryStore &) = default;
};

/// Exactly-once delivery for one source, in one place: the journal of event
/// ids (EventJournal, with the resume position) and the content keys of
/// events without ids (ContentDedup), restored from and written to a
/// DeliveryStore. EventFeed asks it about events without ids, the session
/// about those with one; what they accept is written at commit(), inside
/// the caller's transaction, so that what is remembered is what was applied.
class DeliveryLedger final
{
public:
    DeliveryLedger() = default;

    /// Forgets everything, then takes what @p store kept; from now on
    /// commit() writes there (null: nothing is kept).
    void restore(DeliveryStore *store);
    /// Nothing known yet: neither a resume position nor anything delivered without an id (a first run).
    [[nodiscard]] bool knowsNothing() const { return m_journal.lastEventId().isEmpty() && m_dedup.size() == 0; }

    /// True, and remembered, for an id not delivered before (it becomes the resume position).
    bool acceptId(const QByteArray &id);
    /// True, and remembered, for content not delivered before (an event without an id).
    bool acceptContent(const QByteArray &key, bool expires, qint64 nowMs);
    /// The content of an event that came by id: a catch-up without ids does not bring it again (not kept).
    void noteContent(const QByteArray &key, bool expires, qint64 nowMs) { m_dedup.remember(key, expires, nowMs); }
    /// Delivered otherwise (a snapshot shows it): neither a replay nor a
    /// catch-up alerts it again. The resume position stays.
    void markSeen(const QByteArray &id);
    void markSeenContent(const QByteArray &key, bool expires, qint64 nowMs);

    [[nodiscard]] QByteArray lastEventId() const { return m_journal.lastEventId(); }
    /// A new resume position (a reset), written at once.
    void setLastEventId(const QByteArray &id);
    [[nodiscard]] const EventJournal &journal() const { return m_journal; }

    /// Writes what was accepted or seen since the last commit.
    void commit();

private:
    EventJournal m_journal;
    ContentDedup m_dedup;
    DeliveryStore *m_store = nullptr;
    QByteArrayList m_accepted;
    QByteArrayList m_seen;
    QList<ContentDedup::Entry> m_contentKeys;
};

} // namespace Notify
