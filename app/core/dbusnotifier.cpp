// SPDX-License-Identifier: MIT
#include "dbusnotifier.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QLoggingCategory>

namespace Notify::Tray {

Q_LOGGING_CATEGORY(lcAlerts, "notify.tray.alerts", QtInfoMsg)

namespace {
const QString Service = QStringLiteral("org.freedesktop.Notifications");
const QString Path = QStringLiteral("/org/freedesktop/Notifications");
const QString Interface = QStringLiteral("org.freedesktop.Notifications");
} // namespace

DBusNotifier::DBusNotifier(QObject *parent)
    : Notifier(parent)
{ }

bool DBusNotifier::hasService() const
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected() || !bus.interface())
        return false;
    // Activatable services (a daemon started on demand) count too.
    return bus.interface()->isServiceRegistered(Service).value()
        || bus.interface()->activatableServiceNames().value().contains(Service);
}

void DBusNotifier::show(const Alert &alert)
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!hasService()) {
        if (m_fallback)
            m_fallback->show(alert);
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
        emit shown(key);
    });
}

void DBusNotifier::onActionInvoked(uint id, const QString &action)
{
    const auto it = m_keys.constFind(id);
    if (it != m_keys.constEnd())
        emit actionInvoked(*it, action);
}

void DBusNotifier::withdraw(const QString &key)
{
    if (key.isEmpty())
        return;
    QDBusConnection bus = QDBusConnection::sessionBus();
    for (auto it = m_keys.begin(); it != m_keys.end();) {
        if (*it != key) {
            ++it;
            continue;
        }
        bus.asyncCall(QDBusMessage::createMethodCall(Service, Path, Interface, QStringLiteral("CloseNotification"))
                      << it.key());
        it = m_keys.erase(it);
    }
}

void DBusNotifier::onClosed(uint id, uint)
{
    m_keys.remove(id);
}

} // namespace Notify::Tray
