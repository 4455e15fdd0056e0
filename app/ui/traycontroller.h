// SPDX-License-Identifier: MIT
#pragma once

#include "sseclient.h"

#include <QObject>

#include <optional>
#include <tuple>

class DesktopSession;
class MainWindow;
class QAction;
class QMenu;
class QSystemTrayIcon;
class StatusNotifierItem;

/// The tray icon and its menu: the connection state and unread count at a
/// glance, the latest notifications, mark all read, do not disturb,
/// reconnect now, settings, quit.
///
/// Where a StatusNotifierWatcher with a host runs (KDE, GNOME with
/// AppIndicator, XFCE, LXQt, Cinnamon), the icon is a StatusNotifierItem of
/// ours; elsewhere, and whenever that panel goes away, QSystemTrayIcon
/// (XEmbed trays, Windows, macOS). Never both: one icon, one menu.
class TrayController final : public QObject
{
    Q_OBJECT

public:
    TrayController(DesktopSession *session, MainWindow *window, QObject *parent = nullptr);

    [[nodiscard]] QSystemTrayIcon *icon() const { return m_icon; }
    /// Null in a build without D-Bus.
    [[nodiscard]] StatusNotifierItem *statusNotifierItem() const { return m_sni; }
    [[nodiscard]] QMenu *menu() const { return m_menu; }
    /// Puts the icon on whichever tray there is.
    void show();
    /// Whether some tray shows the icon (else the app must stay a window).
    [[nodiscard]] bool isAvailable() const;
    void refresh();

signals:
    void settingsRequested();
    void quitRequested();

private:
    void rebuildLatest();
    void toggleWindow();
    void placeIcon();
    [[nodiscard]] bool sniShown() const;

    DesktopSession *m_session;
    MainWindow *m_window;
    QSystemTrayIcon *m_icon;
    StatusNotifierItem *m_sni = nullptr;
    bool m_shown = false;
    QMenu *m_menu;
    QMenu *m_latest;
    QAction *m_markAll = nullptr;
    std::optional<std::tuple<Notify::SseClient::State, int, bool>> m_look; ///< what the icon shows
};
