// SPDX-License-Identifier: MIT
#include "unreadcounts.h"

#include <algorithm>
#include <tuple>

namespace Notify::Tray {

bool UnreadCounts::setBeyond(qint64 notifications, std::optional<qint64> unread)
{
    const auto before = std::make_tuple(m_beyond, m_beyondUnread, m_beyondUnreadKnown);
    m_beyond = std::max<qint64>(0, notifications);
    m_beyondUnreadKnown = unread.has_value();
    m_beyondUnread = std::clamp<qint64>(unread.value_or(0), 0, m_beyond);
    return std::make_tuple(m_beyond, m_beyondUnread, m_beyondUnreadKnown) != before;
}

void UnreadCounts::takeFromBeyond(qint64 notifications, qint64 unread)
{
    m_beyond = std::max<qint64>(0, m_beyond - notifications);
    m_beyondUnread = std::clamp<qint64>(m_beyondUnread - unread, 0, m_beyond);
}

void UnreadCounts::moveBeyond(qint64 notifications, int unread)
{
    m_beyond += notifications;
    m_beyondUnread += unread;
    m_unread -= unread;
}

void UnreadCounts::clear()
{
    m_unread = 0;
    m_beyond = 0;
    m_beyondUnread = 0;
    m_beyondUnreadKnown = true;
}

} // namespace Notify::Tray
