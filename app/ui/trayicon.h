// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QStringList>

class QIcon;
class QMenu;
class QSystemTrayIcon;

namespace Notify::Tray {

/// The icon in the desktop's tray, the seam TrayController draws through.
///
/// Two implementations, chosen in one place (create()): QtTrayIcon, Qt's
/// QSystemTrayIcon (XEmbed trays, Windows, macOS), and, in a build with
/// D-Bus, StatusNotifierTrayIcon: our StatusNotifierItem where a panel
/// hosts one (KDE, GNOME with AppIndicator, XFCE, LXQt, Cinnamon), which
/// falls back to a QtTrayIcon of its own whenever no panel does, the way
/// KDE's KStatusNotifierItem hides its fallback. Never both on screen: one
/// icon, one menu.
class TrayIcon : public QObject
{
    Q_OBJECT

public:
    /// The icon this build and desktop should have, showing @p menu.
    [[nodiscard]] static TrayIcon *create(QMenu *menu, QObject *parent);

    ~TrayIcon() override = default;
    Q_DISABLE_COPY_MOVE(TrayIcon)

    virtual void setIcon(const QIcon &icon) = 0;
    /// A heading and plain lines; an icon that shows rich text escapes them.
    virtual void setToolTip(const QString &title, const QStringList &lines) = 0;
    /// Something waits that needs the user (panels highlight the icon).
    virtual void setNeedsAttention(bool attention) = 0;
    /// Puts the icon on whichever tray there is.
    virtual void show() = 0;
    /// Whether some tray shows the icon (else the app must stay a window).
    [[nodiscard]] virtual bool isAvailable() const = 0;
    /// Qt's icon, whose balloon TrayBalloonNotifier shows where no
    /// notification service runs.
    [[nodiscard]] virtual QSystemTrayIcon *systemTrayIcon() const = 0;

signals:
    /// Clicked (or double-clicked): the window should come or go.
    void activated();

protected:
    explicit TrayIcon(QObject *parent)
        : QObject(parent)
    { }
};

/// TrayIcon on QSystemTrayIcon.
class QtTrayIcon final : public TrayIcon
{
    Q_OBJECT

public:
    QtTrayIcon(QMenu *menu, QObject *parent);

    void setIcon(const QIcon &icon) override;
    void setToolTip(const QString &title, const QStringList &lines) override;
    void setNeedsAttention(bool) override { } // Qt's tray has no such state
    void show() override { setVisible(true); }
    [[nodiscard]] bool isAvailable() const override;
    [[nodiscard]] QSystemTrayIcon *systemTrayIcon() const override { return m_icon; }
    /// Shown or hidden (a StatusNotifierTrayIcon hides its fallback).
    void setVisible(bool visible);

private:
    QSystemTrayIcon *m_icon;
};

} // namespace Notify::Tray
