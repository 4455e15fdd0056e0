// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QTimer>

#include <functional>

namespace Notify::Tray {

/// Runs an action at most once per interval: the first request after a
/// quiet spell at once, requests while it is cooling down once at its end.
/// For what follows a stream (counts, the tray icon) and would otherwise
/// be redrawn with every batch.
class Throttle final : public QObject
{
public:
    Throttle(int intervalMs, std::function<void()> action, QObject *parent)
        : QObject(parent)
        , m_action(std::move(action))
    {
        m_timer.setSingleShot(true);
        m_timer.setInterval(intervalMs);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            if (std::exchange(m_pending, false)) {
                m_action();
                m_timer.start();
            }
        });
    }

    void request()
    {
        if (m_timer.isActive()) {
            m_pending = true;
            return;
        }
        m_action();
        m_timer.start();
    }

private:
    std::function<void()> m_action;
    QTimer m_timer;
    bool m_pending = false;
};

} // namespace Notify::Tray
