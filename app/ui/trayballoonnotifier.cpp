// SPDX-License-Identifier: MIT
#include "trayballoonnotifier.h"

#include <QSystemTrayIcon>

namespace Notify::Tray {

TrayBalloonNotifier::TrayBalloonNotifier(QSystemTrayIcon *tray, QObject *parent)
    : Notifier(parent)
{
    setTray(tray);
}

void TrayBalloonNotifier::setTray(QSystemTrayIcon *tray)
{
    if (m_tray)
        disconnect(m_tray, nullptr, this, nullptr);
    m_tray = tray;
    if (!tray)
        return;
    connect(tray, &QSystemTrayIcon::messageClicked, this, [this] {
        if (!m_lastKey.isEmpty())
            emit actionInvoked(m_lastKey, QStringLiteral("default"));
    });
}

void TrayBalloonNotifier::show(const Alert &alert)
{
    if (!m_tray)
        return;
    const auto icon = alert.urgency == Urgency::Critical ? QSystemTrayIcon::Critical
        : alert.urgency == Urgency::Low                  ? QSystemTrayIcon::NoIcon
                                                         : QSystemTrayIcon::Information;
    m_lastKey = alert.key;
    m_tray->showMessage(alert.title, alert.body, icon, 8000);
    emit shown(alert.key);
}

} // namespace Notify::Tray
