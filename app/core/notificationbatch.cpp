// SPDX-License-Identifier: MIT
#include "notificationbatch.h"

namespace Notify::Tray {

using Row = NotificationRows::Row;

NotificationBatch::NotificationBatch(NotificationRows &rows, quint64 &nextSerial, std::optional<qint64> oldestMs)
    : m_rows(rows)
    , m_nextSerial(nextSerial)
    , m_oldestMs(oldestMs)
{ }

int NotificationBatch::update(NotificationItem &target, const NotificationItem &incoming)
{
    const bool read = target.read || incoming.read;
    const int delta = int(!target.read) - int(!read);
    const NotificationItem before = std::exchange(target, incoming);
    target.read = read;
    // A notification event says nothing of its claim: the one known stays.
    if (!incoming.claimStated) {
        target.claimedBy = before.claimedBy;
        target.claimedAt = before.claimedAt;
        target.claimStated = before.claimStated;
    }
    target.escalated = before.escalated || incoming.escalated;
    return delta;
}

std::optional<int> NotificationBatch::add(const NotificationItem &incoming)
{
    if (const auto at = m_freshById.constFind(incoming.id); at != m_freshById.constEnd()) {
        m_unreadDelta += update(*m_fresh[*at].member(incoming.id), incoming);
        return std::nullopt;
    }
    if (const auto row = m_rows.rowOf(incoming.id)) {
        // An update of one we have: the fields change, a read flag stays.
        NotificationItem *target = m_rows[*row].member(incoming.id);
        const QDateTime createdAt = target->createdAt; // the row keeps its place
        m_unreadDelta += update(*target, incoming);
        target->createdAt = createdAt;
        return row;
    }
    m_unreadDelta += incoming.read ? 0 : 1;
    if (m_oldestMs && NotificationRows::keyOf(incoming, 0).ms < *m_oldestMs) {
        ++m_takenFromBeyond;
        m_unreadFromBeyond += incoming.read ? 0 : 1;
    }
    const QString group = NotificationRows::groupKey(incoming);
    const qint64 ms = incoming.createdAt.toMSecsSinceEpoch();
    // Identical to one a moment ago: it joins that row, which becomes this one's.
    if (const auto f = m_freshByGroup.constFind(group);
        f != m_freshByGroup.constEnd() && qAbs(ms - m_fresh.at(*f).key.ms) <= GroupWindowMs) {
        Row &r = m_fresh[*f];
        if (ms >= r.key.ms) {
            r.older.prepend(r.item);
            r.item = incoming;
            r.key = NotificationRows::keyOf(incoming, m_nextSerial++);
        } else {
            r.older.append(incoming);
        }
        m_freshById.insert(incoming.id, *f);
        return std::nullopt;
    }
    if (const auto g = m_rows.groupRow(group); g && ms >= g->ms && ms - g->ms <= GroupWindowMs) {
        if (const auto row = m_rows.rowOfKey(*g)) {
            // The row moves up to where its newest member goes.
            Row r = m_rows.at(*row);
            r.older.prepend(r.item);
            r.item = incoming;
            r.key = NotificationRows::keyOf(incoming, m_nextSerial++);
            const qsizetype index = m_fresh.size();
            for (const NotificationItem &member : std::as_const(r.older))
                m_freshById.insert(member.id, index);
            m_freshByGroup.insert(group, index);
            m_freshById.insert(incoming.id, index);
            m_moved.append({ *row, index });
            m_fresh.append(std::move(r));
            return std::nullopt;
        }
    }
    m_freshByGroup.insert(group, m_fresh.size());
    m_freshById.insert(incoming.id, m_fresh.size());
    m_fresh.append(Row{ incoming, {}, NotificationRows::keyOf(incoming, m_nextSerial++) });
    return std::nullopt;
}

} // namespace Notify::Tray
