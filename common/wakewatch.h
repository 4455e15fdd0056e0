// SPDX-License-Identifier: MIT
#pragma once

#include <QElapsedTimer>
#include <QObject>

#include <functional>

class QTimer;

namespace Notify {

/// Tells when waiting for the next reconnect attempt is pointless: the
/// machine woke from suspend (the wall clock jumped ahead of the monotonic
/// one, which stops while suspended) or the network came back
/// (QNetworkInformation, where the platform has a backend for it).
/// SseClient reconnects at once on either.
class WakeWatch final : public QObject
{
    Q_OBJECT

public:
    struct Settings
    {
        qint64 checkIntervalMs = 5'000;
        qint64 jumpMs = 10'000; ///< a difference of the two clocks beyond this is a jump
        /// The wall clock (ms since the epoch); tests replace it to fake a resume from suspend.
        std::function<qint64()> wallClock;
    };

    explicit WakeWatch(QObject *parent = nullptr);

    void setSettings(Settings settings) { m_settings = std::move(settings); }
    /// Watches from now on (again from now if it was watching).
    void start();
    void stop();
    [[nodiscard]] bool isActive() const;

signals:
    /// The wall clock moved @p jumpMs more (or less) than the monotonic one.
    void clockJumped(qint64 jumpMs);
    void networkBack();

private:
    void check();
    [[nodiscard]] qint64 wallNow() const;

    Settings m_settings;
    QTimer *m_timer;
    QElapsedTimer m_monotonic;
    qint64 m_wallAtCheck = 0;
    qint64 m_monoAtCheck = 0;
    bool m_reachabilityWatched = false;
};

} // namespace Notify
