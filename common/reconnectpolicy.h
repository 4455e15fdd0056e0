// SPDX-License-Identifier: MIT
#pragma once

#include <QtGlobal>

class QRandomGenerator;

namespace Notify {

/// How long a client waits before it reconnects.
///
/// The first reconnect after a stream ended waits exactly the server's
/// reconnection time (`retry:`, 3 s when none), as the spec says. Each further
/// consecutive failure waits a random time between that and an exponentially
/// growing bound ("full jitter", so that many clients do not come back in
/// one wave), capped (15 s by default: a server back from a restart is seen
/// within 15 s, and 15,000 clients spread over 3 to 15 s are a gentle
/// return). A stream that stayed open and healthy for a while resets the
/// count. A server's `Retry-After` is a floor, and may be longer.
class ReconnectPolicy final
{
public:
    struct Settings
    {
        qint64 defaultRetryMs = 3000;
        qint64 maxDelayMs = 15'000;
        qint64 healthyAfterMs = 60'000; ///< open this long: failures are forgotten
    };

    ReconnectPolicy() = default;
    explicit ReconnectPolicy(const Settings &settings);

    /// A `retry:` field: the new base delay.
    void setServerRetry(qint64 milliseconds);
    [[nodiscard]] qint64 serverRetry() const { return m_retryMs; }

    /// The delay before the next attempt; counts the attempt.
    [[nodiscard]] qint64 nextDelay(QRandomGenerator &random);
    /// The delay for a failure that is likely to last (a captive portal): the cap.
    [[nodiscard]] qint64 longestDelay() const { return m_settings.maxDelayMs; }

    /// The next delay is at least this (a `Retry-After`), once.
    void setMinimumNextDelay(qint64 milliseconds) { m_floorMs = milliseconds; }

    /// The stream has been open and healthy for @p openForMs: forget failures
    /// when that is long enough.
    void streamHealthy(qint64 openForMs);
    void reset() { m_attempt = 0; }
    [[nodiscard]] int attempt() const { return m_attempt; }
    [[nodiscard]] const Settings &settings() const { return m_settings; }

private:
    Settings m_settings;
    qint64 m_retryMs = 3000;
    qint64 m_floorMs = 0;
    int m_attempt = 0;
};

} // namespace Notify
