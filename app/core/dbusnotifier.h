// SPDX-License-Identifier: MIT
#pragma once

#include "notifier.h"

#include <QHash>
#include <QPointer>

namespace Notify::Tray {

/// Real desktop notifications through the freedesktop
/// `org.freedesktop.Notifications` D-Bus service: urgency, the app's icon,
/// actions that come back as actionInvoked(), and alerts withdrawn when
/// their item is read. Where no such service runs on the session bus,
/// alerts go to the fallback notifier, if one is set.
class DBusNotifier final : public Notifier
{
    Q_OBJECT

public:
    explicit DBusNotifier(QObject *parent = nullptr);

    void setFallback(Notifier *fallback) { m_fallback = fallback; }
    /// True when a notification service answers on the session bus.
    [[nodiscard]] bool hasService() const;

    void show(const Alert &alert) override;
    void withdraw(const QString &key) override;

private slots:
    void onActionInvoked(uint id, const QString &action);
    void onClosed(uint id, uint reason);

private:
    QPointer<Notifier> m_fallback;
    QHash<uint, QString> m_keys; ///< D-Bus id -> our key, while shown
    bool m_connected = false;
};

} // namespace Notify::Tray
