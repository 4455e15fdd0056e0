// SPDX-License-Identifier: MIT
#include "alertthrottle.h"

namespace Notify::Tray {

AlertThrottle::AlertThrottle(int maxPerWindow, qint64 windowMs)
    : m_maxPerWindow(maxPerWindow)
    , m_windowMs(windowMs)
{ }

AlertThrottle::Decision AlertThrottle::offer(qint64 nowMs)
{
    if (m_windowStart < 0 || nowMs - m_windowStart >= m_windowMs) {
        if (m_pending > 0)
            return ++m_pending, Decision::Defer; // the summary of the last window comes first
        m_windowStart = nowMs;
        m_shownInWindow = 0;
    }
    if (m_shownInWindow < m_maxPerWindow && m_pending == 0) {
        ++m_shownInWindow;
        return Decision::Show;
    }
    ++m_pending;
    return Decision::Defer;
}

qint64 AlertThrottle::summaryDueMs() const
{
    return m_pending > 0 ? m_windowStart + m_windowMs : -1;
}

int AlertThrottle::takeSummary(qint64 nowMs)
{
    const int count = m_pending;
    m_pending = 0;
    // The summary itself opens a new window, so the next burst is summarised too.
    m_windowStart = nowMs;
    m_shownInWindow = count > 0 ? m_maxPerWindow : 0;
    return count;
}

} // namespace Notify::Tray
