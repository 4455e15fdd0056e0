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
    /// Settings are for the source @p window shows; with @p fromConfig its
    /// sources come from a config file, and only their tokens are kept here.
    AppController(MainWindow *window, bool demo, bool fromConfig, QObject *parent = nullptr);

    /// Runs the settings dialog (modal) and applies what it returns.
    void openSettings();
    /// Uses @p settings from now on, and keeps them unless this is the demo.
    void apply(const DesktopSession::Settings &settings, bool startAtLogin);

private:
    MainWindow *m_window;
    bool m_demo;
    bool m_fromConfig;
};

} // namespace Notify::Tray
