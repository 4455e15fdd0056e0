// SPDX-License-Identifier: MIT
#pragma once

#include "core/desktopsession.h"

#include <QObject>

namespace Notify::Tray {

class MainWindow;

/// What the window and the tray ask of the app as a whole: the settings
/// dialog and what becomes of its answer. The answer is saved (settings,
/// token in the keyring, start at login) and the session reconnects with
/// it; in the demo nothing is saved, because the demo's server goes away
/// with the app and must never replace the user's own.
class AppController final : public QObject
{
    Q_OBJECT

public:
    AppController(DesktopSession *session, MainWindow *window, bool demo, QObject *parent = nullptr);

    /// Runs the settings dialog (modal) and applies what it returns.
    void openSettings();
    /// Uses @p settings from now on, and keeps them unless this is the demo.
    void apply(const DesktopSession::Settings &settings, bool startAtLogin);

private:
    DesktopSession *m_session;
    MainWindow *m_window;
    bool m_demo;
};

} // namespace Notify::Tray
