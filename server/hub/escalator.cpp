// SPDX-License-Identifier: MIT
#include "escalator.h"

#include "store/eventstore.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QTimer>

#include <algorithm>

Q_DECLARE_LOGGING_CATEGORY(lcServer)

namespace Notify::Server {

Escalator::Escalator(EventStore &store, qint64 afterMs, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_afterMs(afterMs)
    , m_clock([] { return QDateTime::currentMSecsSinceEpoch(); })
    , m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    m_timer->setTimerType(Qt::PreciseTimer);
    connect(m_timer, &QTimer::timeout, this, [this] {
        check();
        // A store that refused (disk full, Redis read-only) is asked again in
        // a while, not at once: what is due stays due.
        if (m_failed)
            m_timer->start(int(PollMs));
        else
            schedule();
    });
    m_store.setEscalation(true);
    schedule();
}

qsizetype Escalator::check()
{
    const qint64 now = m_clock();
    const qsizetype escalated = m_store.escalateDue(now - m_afterMs, now, BatchLimit);
    m_failed = escalated < 0;
    if (escalated > 0) {
        m_escalated += escalated;
        qCInfo(lcServer) << "escalated" << escalated << "unclaimed error notification(s)";
    }
    return std::max<qsizetype>(escalated, 0);
}

void Escalator::schedule()
{
    qint64 wait = PollMs;
    if (const auto oldest = m_store.nextEscalation())
        wait = std::clamp(*oldest + m_afterMs - m_clock() + 1, qint64(0), PollMs);
    m_timer->start(int(wait));
}

} // namespace Notify::Server
