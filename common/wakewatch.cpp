// SPDX-License-Identifier: MIT
#include "wakewatch.h"

#include <QDateTime>
#include <QNetworkInformation>
#include <QTimer>

namespace Notify {

WakeWatch::WakeWatch(QObject *parent)
    : QObject(parent)
    , m_timer(new QTimer(this))
{
    connect(m_timer, &QTimer::timeout, this, &WakeWatch::check);
    m_monotonic.start();
}

qint64 WakeWatch::wallNow() const
{
    return m_settings.wallClock ? m_settings.wallClock() : QDateTime::currentMSecsSinceEpoch();
}

void WakeWatch::start()
{
    m_wallAtCheck = wallNow();
    m_monoAtCheck = m_monotonic.elapsed();
    m_timer->start(int(m_settings.checkIntervalMs));
    static const bool networkInformation
        = QNetworkInformation::loadBackendByFeatures(QNetworkInformation::Feature::Reachability);
    if (networkInformation && QNetworkInformation::instance() && !m_reachabilityWatched) {
        m_reachabilityWatched = true;
        connect(QNetworkInformation::instance(), &QNetworkInformation::reachabilityChanged, this,
                [this](QNetworkInformation::Reachability reachability) {
                    if (m_timer->isActive() && reachability == QNetworkInformation::Reachability::Online)
                        emit networkBack();
                });
    }
}

void WakeWatch::stop()
{
    m_timer->stop();
}

bool WakeWatch::isActive() const
{
    return m_timer->isActive();
}

void WakeWatch::check()
{
    const qint64 wall = wallNow();
    const qint64 mono = m_monotonic.elapsed();
    const qint64 jump = (wall - m_wallAtCheck) - (mono - m_monoAtCheck);
    m_wallAtCheck = wall;
    m_monoAtCheck = mono;
    if (std::abs(jump) > m_settings.jumpMs)
        emit clockJumped(jump);
}

} // namespace Notify
