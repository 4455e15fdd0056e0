// SPDX-License-Identifier: MIT
#pragma once

#include "common/sseclient.h"

#include <QObject>

#include <optional>
#include <tuple>

class QAction;
class QMenu;

namespace Notify::Tray {

class Desk;
class DesktopSession;
class Throttle;
class MainWindow;
class TrayIcon;

/// The tray icon and its menu: the connection state and unread count at a
/// glance, the latest notifications, mark all read, do not disturb,
/// reconnect now, settings, quit. With several sources: the icon sums them
/// up (the worst state, every unread), the tooltip and the menu say each
/// source's state and unread count, and the latest come from all of them.
///
/// It decides what the icon says; TrayIcon (the seam) puts it on whichever
/// tray the desktop has.
class TrayController final : public QObject
{
    Q_OBJECT

public:
    TrayController(Desk *desk, MainWindow *window, QObject *parent = nullptr);

    [[nodiscard]] TrayIcon *icon() const { return m_icon; }
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
    void wire(DesktopSession *session);
    /// The state the icon shows: the worst of the sources'.
    [[nodiscard]] Notify::SseClient::State overallState() const;

    Desk *m_desk;
    Throttle *m_throttle;
    QMenu *m_sources;
    MainWindow *m_window;
    QMenu *m_menu;
    TrayIcon *m_icon;
    QMenu *m_latest;
    QAction *m_markAll = nullptr;
    std::optional<std::tuple<Notify::SseClient::State, int, bool>> m_look; ///< what the icon shows
};

} // namespace Notify::Tray
