// SPDX-License-Identifier: MIT
#include "trayicon.h"

#if NOTIFY_WITH_DBUS
#include "statusnotifiertrayicon.h"
#endif

#include <QSystemTrayIcon>

namespace Notify::Tray {

TrayIcon *TrayIcon::create(QMenu *menu, QObject *parent)
{
#if NOTIFY_WITH_DBUS
    return new StatusNotifierTrayIcon(menu, parent);
#else
    return new QtTrayIcon(menu, parent);
#endif
}

QtTrayIcon::QtTrayIcon(QMenu *menu, QObject *parent)
    : TrayIcon(parent)
    , m_icon(new QSystemTrayIcon(this))
{
    m_icon->setContextMenu(menu);
    connect(m_icon, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
        if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
            emit activated();
    });
}

void QtTrayIcon::setIcon(const QIcon &icon)
{
    m_icon->setIcon(icon);
}

void QtTrayIcon::setToolTip(const QString &title, const QStringList &lines)
{
    m_icon->setToolTip(title + QStringLiteral(" — ") + lines.join(u'\n'));
}

bool QtTrayIcon::isAvailable() const
{
    return QSystemTrayIcon::isSystemTrayAvailable();
}

void QtTrayIcon::setVisible(bool visible)
{
    m_icon->setVisible(visible);
}

} // namespace Notify::Tray
