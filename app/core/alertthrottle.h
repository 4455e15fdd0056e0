// SPDX-License-Identifier: MIT
#pragma once

#include <QtGlobal>

namespace Notify::Tray {

/// Keeps a burst of alerts from becoming a wall of popups.
///
/// At most maxPerWindow alerts are shown one by one within windowMs; the
/// rest are counted and shown as one summary ("12 new notifications") when
/// the window ends. A replay after waking from sleep therefore raises a few
/// alerts and one summary. Pure logic on a millisecond clock the caller gives.
class AlertThrottle final
{
public:
    explicit AlertThrottle(int maxPerWindow = 3, qint64 windowMs = 10'000);

    enum class Decision { Show, Defer };
    /// An alert wants to be shown at @p nowMs.
    Decision offer(qint64 nowMs);
    /// When a deferred summary is due (-1: none pending).
    [[nodiscard]] qint64 summaryDueMs() const;
    /// The number of deferred alerts to summarise; resets the count.
    int takeSummary(qint64 nowMs);
    [[nodiscard]] int pending() const { return m_pending; }

private:
    int m_maxPerWindow;
    qint64 m_windowMs;
    qint64 m_windowStart = -1;
    int m_shownInWindow = 0;
    int m_pending = 0;
};

} // namespace Notify::Tray
