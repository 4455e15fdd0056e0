// SPDX-License-Identifier: MIT
#include "reconnectpolicy.h"

#include <QRandomGenerator>

#include <algorithm>

namespace Notify {

ReconnectPolicy::ReconnectPolicy(const Settings &settings)
    : m_settings(settings)
    , m_retryMs(settings.defaultRetryMs)
{ }

void ReconnectPolicy::setServerRetry(qint64 milliseconds)
{
    m_retryMs = std::clamp<qint64>(milliseconds, 0, m_settings.maxDelayMs);
}

qint64 ReconnectPolicy::nextDelay(QRandomGenerator &random)
{
    qint64 delay = m_retryMs;
    if (m_attempt > 0) {
        // Full jitter between the server's retry and retry * 2^attempt, capped.
        const int shift = std::min(m_attempt, 20);
        const qint64 bound = std::min<qint64>(m_settings.maxDelayMs, std::max<qint64>(m_retryMs, 250) << shift);
        delay = bound > m_retryMs ? m_retryMs + qint64(random.bounded(quint64(bound - m_retryMs + 1))) : bound;
    }
    ++m_attempt;
    delay = std::max(delay, m_floorMs);
    m_floorMs = 0;
    return delay;
}

void ReconnectPolicy::streamHealthy(qint64 openForMs)
{
    if (openForMs >= m_settings.healthyAfterMs)
        m_attempt = 0;
}

} // namespace Notify
