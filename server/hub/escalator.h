// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>

#include <functional>

class QTimer;

namespace Notify::Server {

class EventStore;

/// `--escalate-after`: announces each `error` notification that nobody
/// claimed within the time once more (`notification_escalated`, to its
/// recipients), through the store, which takes each one once in the whole
/// deployment (EventStore::escalateDue()).
///
/// It looks when the oldest waiting one falls due, and at least every
/// PollMs (another instance may have published one meanwhile).
class Escalator final : public QObject
{
    Q_OBJECT

public:
    Escalator(EventStore &store, qint64 afterMs, QObject *parent = nullptr);

    /// The clock, in ms since the epoch (tests inject one and call check()).
    void setClock(std::function<qint64()> clock) { m_clock = std::move(clock); }
    /// Escalates what is due now; returns how many were escalated.
    qsizetype check();
    [[nodiscard]] qint64 escalatedCount() const { return m_escalated; }

    static constexpr qint64 PollMs = 1'000;
    /// Escalated per store call; more wait for the next turn of the loop.
    static constexpr qsizetype BatchLimit = 500;

private:
    void schedule();

    EventStore &m_store;
    qint64 m_afterMs;
    std::function<qint64()> m_clock;
    QTimer *m_timer;
    qint64 m_escalated = 0;
    bool m_failed = false; ///< the last check's store call failed
};

} // namespace Notify::Server
