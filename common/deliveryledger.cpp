// SPDX-License-Identifier: MIT
#include "deliveryledger.h"

namespace Notify {

void DeliveryLedger::restore(DeliveryStore *store)
{
    m_journal = EventJournal(m_journal.capacity());
    m_dedup = ContentDedup(m_dedup.capacity());
    m_accepted.clear();
    m_seen.clear();
    m_contentKeys.clear();
    m_store = store;
    if (!store)
        return;
    for (const QByteArray &id : store->deliveredIds())
        m_journal.accept(id);
    m_journal.setLastEventId(store->lastEventId());
    m_dedup.restore(store->contentKeys());
}

bool DeliveryLedger::acceptId(const QByteArray &id)
{
    if (!m_journal.accept(id))
        return false;
    if (m_store)
        m_accepted << id;
    return true;
}

bool DeliveryLedger::acceptContent(const QByteArray &key, bool expires, qint64 nowMs)
{
    if (!m_dedup.accept(key, expires, nowMs))
        return false;
    if (m_store && !key.isEmpty()) // nothing to know it by: nothing to keep
        m_contentKeys << ContentDedup::Entry{ key, nowMs, expires };
    return true;
}

void DeliveryLedger::markSeen(const QByteArray &id)
{
    m_journal.markSeen(id);
    if (m_store)
        m_seen << id;
}

void DeliveryLedger::markSeenContent(const QByteArray &key, bool expires, qint64 nowMs)
{
    m_dedup.remember(key, expires, nowMs);
    if (m_store && !key.isEmpty())
        m_contentKeys << ContentDedup::Entry{ key, nowMs, expires };
}

void DeliveryLedger::setLastEventId(const QByteArray &id)
{
    m_journal.setLastEventId(id);
    if (m_store)
        m_store->setLastEventId(id);
}

void DeliveryLedger::commit()
{
    if (!m_store)
        return;
    if (!m_seen.isEmpty())
        m_store->rememberDelivered(std::exchange(m_seen, {}));
    if (!m_accepted.isEmpty())
        m_store->rememberEvents(std::exchange(m_accepted, {}));
    if (!m_contentKeys.isEmpty())
        m_store->rememberContentKeys(std::exchange(m_contentKeys, {}));
}

} // namespace Notify
