// SPDX-License-Identifier: MIT
#include "batchclock.h"

#include <algorithm>

namespace Notify::Tray {

BatchClock::BatchClock(qint64 intervalMs, QObject *parent)
    : QObject(parent)
    , m_intervalMs(intervalMs)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &BatchClock::wave);
}

void BatchClock::request(QObject *who, std::function<void()> flush)
{
    const bool waiting
        = std::any_of(m_waiting.cbegin(), m_waiting.cend(), [who](const auto &entry) { return entry.first == who; });
    if (!waiting)
        m_waiting.append({ QPointer<QObject>(who), std::move(flush) });
    if (m_timer.isActive())
        return;
    const qint64 since = m_sinceWave.isValid() ? m_sinceWave.elapsed() : m_intervalMs;
    m_timer.start(int(std::clamp<qint64>(m_intervalMs - since, 0, m_intervalMs)));
}

void BatchClock::wave()
{
    m_sinceWave.start();
    // Taken first: a flush may ask for the next wave (a backlog in steps).
    const auto waiting = std::exchange(m_waiting, {});
    for (const auto &[who, flush] : waiting) {
        if (who)
            flush();
    }
}

} // namespace Notify::Tray
