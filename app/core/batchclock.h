// SPDX-License-Identifier: MIT
#pragma once

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>
#include <utility>

namespace Notify::Tray {

/// When sessions apply what their streams brought: every session that has
/// something waits for the same wave, which runs in one pass of the event
/// loop, at most every interval. A desk's sources share one clock, so that
/// three sources change the window (its models, its painting, the tray's
/// badge) as often as one does; on clocks of their own they would do it three
/// times as often, and every batch has a fixed cost.
class BatchClock final : public QObject
{
    Q_OBJECT

public:
    explicit BatchClock(qint64 intervalMs, QObject *parent = nullptr);

    /// @p flush runs in the next wave: at the end of this pass of the event
    /// loop when the last wave is an interval ago, else when it will be.
    /// Asked again before the wave, @p who is still flushed once.
    void request(QObject *who, std::function<void()> flush);
    [[nodiscard]] qint64 intervalMs() const { return m_intervalMs; }

private:
    void wave();

    qint64 m_intervalMs;
    QTimer m_timer;
    QElapsedTimer m_sinceWave;
    QList<std::pair<QPointer<QObject>, std::function<void()>>> m_waiting;
};

} // namespace Notify::Tray
