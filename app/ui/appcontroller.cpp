// SPDX-License-Identifier: MIT
#include "appcontroller.h"

#include "core/appsettings.h"
#include "mainwindow.h"
#include "settingsdialog.h"

namespace Notify::Tray {

AppController::AppController(DesktopSession *session, MainWindow *window, bool demo, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_window(window)
    , m_demo(demo)
{
    connect(window, &MainWindow::settingsRequested, this, &AppController::openSettings);
}

void AppController::openSettings()
{
    SettingsDialog dialog(m_session->settings(), SettingsDialog::Mode::Settings, m_window);
    if (dialog.exec() == QDialog::Accepted)
        apply(dialog.settings(), dialog.startAtLogin());
}

void AppController::apply(const DesktopSession::Settings &settings, bool startAtLogin)
{
    if (m_demo) {
        m_window->showNotice(tr("Demo mode: these settings are used now but not saved."));
    } else {
        AppSettings::save(settings);
        m_window->showNotice(AppSettings::saveToken(settings.token));
        AppSettings::setStartsAtLogin(startAtLogin);
    }
    m_session->setSettings(settings);
    m_session->reconnectNow();
}

} // namespace Notify::Tray
