// SPDX-License-Identifier: MIT
#pragma once
// A fake org.freedesktop.Notifications daemon for tests that run under
// dbus-run-session: it records every Notify call and can send the signals
// a real daemon sends (ActionInvoked, NotificationClosed).

#include <QDBusConnection>
#include <QObject>
#include <QStringList>
#include <QVariantMap>

class FakeNotifications final : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")

public:
    struct Call
    {
        QString summary;
        QString body;
        QStringList actions;
        int urgency = -1;
    };
    QList<Call> calls;
    QList<uint> closed; ///< ids the app took back

    /// Registers on a connection of its own, as a separate daemon would be.
    bool registerOnSessionBus()
    {
        QDBusConnection bus = QDBusConnection::connectToBus(QDBusConnection::SessionBus, QStringLiteral("fake-daemon"));
        return bus.isConnected()
            && bus.registerObject(QStringLiteral("/org/freedesktop/Notifications"), this,
                                  QDBusConnection::ExportAllSlots | QDBusConnection::ExportAllSignals)
            && bus.registerService(QStringLiteral("org.freedesktop.Notifications"));
    }
    /// The summaries shown, in order.
    QStringList summaries() const
    {
        QStringList out;
        for (const Call &call : calls)
            out << call.summary;
        return out;
    }

public slots:
    uint Notify(const QString &, uint, const QString &, const QString &summary, const QString &body,
                const QStringList &actions, const QVariantMap &hints, int)
    {
        calls << Call{ summary, body, actions, hints.value(QStringLiteral("urgency")).toInt() };
        return uint(calls.size());
    }
    QStringList GetCapabilities() { return { QStringLiteral("actions"), QStringLiteral("body") }; }
    void CloseNotification(uint id) { closed << id; }

signals:
    void ActionInvoked(uint id, const QString &action);
    void NotificationClosed(uint id, uint reason);
};
