// SPDX-License-Identifier: MIT
#pragma once

#include <QtGlobal>

#include <optional>

namespace Notify::Tray {

/// The unread counts of the notification list: how many unread the list
/// holds, and what the server has beyond it (how many notifications, how
/// many of them unread, whether the server said). Plain bookkeeping: the
/// model says when the counts change.
class UnreadCounts
{
public:
    /// The unread notifications, in the list and beyond it.
    [[nodiscard]] int total() const { return int(m_unread + m_beyondUnread); }
    /// The unread notifications in the list.
    [[nodiscard]] int loaded() const { return m_unread; }
    [[nodiscard]] qint64 beyond() const { return m_beyond; }
    /// Whether total() is the whole truth: false while notifications beyond
    /// the list may be unread without the server saying how many.
    [[nodiscard]] bool exact() const { return m_beyond == 0 || m_beyondUnreadKnown; }

    /// Unread ones in the list came or went.
    void adjustLoaded(int delta) { m_unread += delta; }
    /// What the server has beyond the list; returns whether anything changed.
    bool setBeyond(qint64 notifications, std::optional<qint64> unread);
    /// Notifications counted beyond the list that are now in it.
    void takeFromBeyond(qint64 notifications, qint64 unread);
    /// Notifications that leave the list (trimmed) and are counted beyond it:
    /// total() stays what it was.
    void moveBeyond(qint64 notifications, int unread);
    /// Nothing in the list, nothing beyond it.
    void clear();

private:
    int m_unread = 0;
    qint64 m_beyond = 0;
    qint64 m_beyondUnread = 0;
    bool m_beyondUnreadKnown = true;
};

} // namespace Notify::Tray
