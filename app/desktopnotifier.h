// SPDX-License-Identifier: MIT
#pragma once

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QSystemTrayIcon>

/// Real desktop notifications: the freedesktop `org.freedesktop.Notifications`
/// D-Bus service (urgency, app icon, actions that work), or, where no such
/// service runs, the tray icon's own balloon.
///
/// Each alert carries a key of the caller's (a notification id); an action
/// the user clicks comes back as actionInvoked(key, action).
class DesktopNotifier final : public QObject
{
    Q_OBJECT

public:
    enum class Urgency { Low = 0, Normal = 1, Critical = 2 };
    Q_ENUM(Urgency)

    struct Alert
    {
        QString key;
        QString title;
        QString body;
        Urgency urgency = Urgency::Normal;
        /// Pairs of action id and label, e.g. {"open", "Open", "mark-read", "Mark read"}.
        QStringList actions;
    };

    explicit DesktopNotifier(QObject *parent = nullptr);

    /// Where the service is missing, alerts go to this tray icon's balloon.
    void setFallback(QSystemTrayIcon *tray) { m_tray = tray; }
    /// True when a notification service answers on the session bus.
    [[nodiscard]] bool hasService() const;
    void show(const Alert &alert);

signals:
    void actionInvoked(const QString &key, const QString &action);
    /// The D-Bus call went out (tests and the connection log use it).
    void shown(const QString &key, uint id);

private slots:
    void onActionInvoked(uint id, const QString &action);
    void onClosed(uint id, uint reason);

private:
    QPointer<QSystemTrayIcon> m_tray;
    QHash<uint, QString> m_keys; ///< D-Bus id -> our key, while shown
    bool m_connected = false;
};
