// SPDX-License-Identifier: MIT
#include "desktopnotifier.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QLoggingCategory>
#include <QSystemTrayIcon>

Q_LOGGING_CATEGORY(lcAlerts, "notify.tray.alerts", QtInfoMsg)

namespace {
const QString Service = QStringLiteral("org.freedesktop.Notifications");
const QString Path = QStringLiteral("/org/freedesktop/Notifications");
const QString Interface = QStringLiteral("org.freedesktop.Notifications");
} // namespace

DesktopNotifier::DesktopNotifier(QObject *parent)
    : QObject(parent)
{ }

bool DesktopNotifier::hasService() const
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected() || !bus.interface())
        return false;
    // Activatable services (a daemon started on demand) count too.
    return bus.interface()->isServiceRegistered(Service).value()
        || bus.interface()->activatableServiceNames().value().contains(Service);
}

void DesktopNotifier::show(const Alert &alert)
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!hasService()) {
        if (m_tray) {
            const auto icon = alert.urgency == Urgency::Critical ? QSystemTrayIcon::Critical
                : alert.urgency == Urgency::Low                  ? QSystemTrayIcon::NoIcon
                                                                 : QSystemTrayIcon::Information;
            m_tray->showMessage(alert.title, alert.body, icon, 8000);
        }
        return;
    }
    if (!m_connected) {
        bus.connect(Service, Path, Interface, QStringLiteral("ActionInvoked"), this,
                    SLOT(onActionInvoked(uint, QString)));
        bus.connect(Service, Path, Interface, QStringLiteral("NotificationClosed"), this, SLOT(onClosed(uint, uint)));
        m_connected = true;
    }
    QDBusMessage call = QDBusMessage::createMethodCall(Service, Path, Interface, QStringLiteral("Notify"));
    QVariantMap hints;
    hints.insert(QStringLiteral("urgency"), QVariant::fromValue(uchar(alert.urgency)));
    hints.insert(QStringLiteral("desktop-entry"), QStringLiteral("notify-tray"));
    hints.insert(QStringLiteral("category"), QStringLiteral("im.received"));
    call << QStringLiteral("notify") << uint(0) << QStringLiteral("notify-tray") << alert.title << alert.body
         << alert.actions << hints << int(alert.urgency == Urgency::Critical ? 0 : -1);
    auto *watcher = new QDBusPendingCallWatcher(bus.asyncCall(call), this);
    const QString key = alert.key;
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, key](QDBusPendingCallWatcher *w) {
        w->deleteLater();
        const QDBusPendingReply<uint> reply = *w;
        if (reply.isError()) {
            qCWarning(lcAlerts) << "the notification service refused an alert:" << reply.error().message();
            return;
        }
        m_keys.insert(reply.value(), key);
        emit shown(key, reply.value());
    });
}

void DesktopNotifier::onActionInvoked(uint id, const QString &action)
{
    const auto it = m_keys.constFind(id);
    if (it != m_keys.constEnd())
        emit actionInvoked(*it, action);
}

void DesktopNotifier::onClosed(uint id, uint)
{
    m_keys.remove(id);
}
