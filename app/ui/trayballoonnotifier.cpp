// SPDX-License-Identifier: MIT
#include "trayballoonnotifier.h"

#include <QSystemTrayIcon>

TrayBalloonNotifier::TrayBalloonNotifier(QSystemTrayIcon *tray, QObject *parent)
    : Notifier(parent)
    , m_tray(tray)
{
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
