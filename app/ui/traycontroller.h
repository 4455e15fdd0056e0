// SPDX-License-Identifier: MIT
#pragma once

#include "sseclient.h"

#include <QObject>

#include <optional>
#include <tuple>

class DesktopSession;
class MainWindow;
class QMenu;
class QSystemTrayIcon;

/// The tray icon and its menu: the connection state and unread count at a
/// glance, the latest notifications, mark all read, do not disturb,
/// reconnect now, settings, quit.
class TrayController final : public QObject
{
    Q_OBJECT

public:
    TrayController(DesktopSession *session, MainWindow *window, QObject *parent = nullptr);

    [[nodiscard]] QSystemTrayIcon *icon() const { return m_icon; }
    void refresh();

signals:
    void settingsRequested();
    void quitRequested();

private:
    void rebuildLatest();

    DesktopSession *m_session;
    MainWindow *m_window;
    QSystemTrayIcon *m_icon;
    QMenu *m_menu;
    QMenu *m_latest;
    std::optional<std::tuple<Notify::SseClient::State, int, bool>> m_look; ///< what the icon shows
};
