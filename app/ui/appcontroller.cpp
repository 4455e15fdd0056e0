// SPDX-License-Identifier: MIT
#include "appcontroller.h"

#include "core/appsettings.h"
#include "mainwindow.h"
#include "settingsdialog.h"

namespace Notify::Tray {

AppController::AppController(MainWindow *window, bool demo, bool fromConfig, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_demo(demo)
    , m_fromConfig(fromConfig)
{
    connect(window, &MainWindow::settingsRequested, this, &AppController::openSettings);
}

void AppController::openSettings()
{
    SettingsDialog dialog(m_window->session()->settings(), SettingsDialog::Mode::Settings, m_window);
    if (dialog.exec() == QDialog::Accepted)
        apply(dialog.settings(), dialog.startAtLogin());
}

void AppController::apply(const DesktopSession::Settings &settings, bool startAtLogin)
{
    DesktopSession *session = m_window->session();
    if (m_demo) {
        m_window->showNotice(tr("Demo mode: these settings are used now but not saved."));
    } else if (m_fromConfig) {
        // The source is the config file's: its token is kept here, the rest is the file's.
        m_window->showNotice(AppSettings::saveToken(settings.token, settings.sourceName));
        AppSettings::setStartsAtLogin(startAtLogin);
    } else {
        AppSettings::save(settings);
        m_window->showNotice(AppSettings::saveToken(settings.token));
        AppSettings::setStartsAtLogin(startAtLogin);
    }
    session->setSettings(settings);
    session->reconnectNow();
}

} // namespace Notify::Tray
