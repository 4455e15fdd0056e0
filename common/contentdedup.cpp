// SPDX-License-Identifier: MIT
#include "contentdedup.h"

namespace Notify {

ContentDedup::ContentDedup(qsizetype capacity, qint64 hashWindowMs)
    : m_capacity(std::max<qsizetype>(1, capacity))
    , m_hashWindowMs(hashWindowMs)
{ }

bool ContentDedup::isFresh(const Seen &seen, qint64 nowMs) const
{
    return !seen.expires || nowMs - seen.seenMs < m_hashWindowMs;
}

bool ContentDedup::contains(const QByteArray &key, qint64 nowMs) const
{
    const auto it = m_seen.constFind(key);
    return it != m_seen.constEnd() && isFresh(*it, nowMs);
}

bool ContentDedup::accept(const QByteArray &key, bool expires, qint64 nowMs)
{
    if (key.isEmpty())
        return true;
    if (contains(key, nowMs))
        return false;
    insert(key, expires, nowMs);
    return true;
}

void ContentDedup::remember(const QByteArray &key, bool expires, qint64 nowMs)
{
    if (!key.isEmpty())
        insert(key, expires, nowMs);
}

void ContentDedup::insert(const QByteArray &key, bool expires, qint64 nowMs)
{
    const auto it = m_seen.find(key);
    if (it != m_seen.end()) {
        // Seen before (an expired hash, or remembered again): a new window, same place in line.
        it->seenMs = nowMs;
        it->expires = expires;
        return;
    }
    m_seen.insert(key, Seen{ nowMs, expires });
    m_order.push_back(key);
    while (qsizetype(m_order.size()) > m_capacity) {
        m_seen.remove(m_order.front());
        m_order.pop_front();
    }
}

QList<ContentDedup::Entry> ContentDedup::entries() const
{
    QList<Entry> out;
    out.reserve(qsizetype(m_order.size()));
    for (const QByteArray &key : m_order) {
        const Seen seen = m_seen.value(key);
        out.append(Entry{ key, seen.seenMs, seen.expires });
    }
    return out;
}

void ContentDedup::restore(const QList<Entry> &entries)
{
    m_seen.clear();
    m_order.clear();
    for (const Entry &entry : entries)
        insert(entry.key, entry.expires, entry.seenMs);
}

} // namespace Notify
