// SPDX-License-Identifier: MIT
#pragma once

#include "common/protocol.h"

#include <QObject>
#include <QStringList>

namespace Notify::Tray {

/// Where desktop alerts go: the seam between the session and the desktop.
///
/// DBusNotifier talks to the freedesktop notification service (Linux
/// desktops); TrayBalloonNotifier uses QSystemTrayIcon's balloon (where
/// there is no such service, and on Windows and macOS). main() picks one,
/// as KNotifications picks a backend; the session never asks which.
class Notifier : public QObject
{
    Q_OBJECT

public:
    enum class Urgency { Low = 0, Normal = 1, Critical = 2 };
    Q_ENUM(Urgency)

    struct Alert
    {
        QString key; ///< the caller's name for it (a notification id); actions come back with it
        QString title;
        QString body;
        Urgency urgency = Urgency::Normal;
        /// Pairs of action id and label, e.g. {"open", "Open", "mark-read", "Mark read"}.
        QStringList actions;
        /// A notification's level (quiet hours let the high ones through); none for the other kinds.
        std::optional<Notify::Protocol::Level> level;
    };

    using QObject::QObject;

    virtual void show(const Alert &alert) = 0;
    /// Takes back the alerts shown with @p key that are still on screen
    /// (their item was read in the app); a no-op where that is not possible.
    virtual void withdraw(const QString &key) = 0;

signals:
    /// The user clicked an action of an alert.
    void actionInvoked(const QString &key, const QString &action);
    /// The alert reached the desktop (tests and the connection log use it).
    void shown(const QString &key);
};

} // namespace Notify::Tray
