// SPDX-License-Identifier: MIT
#include "appcontroller.h"

#include "core/appsettings.h"
#include "core/desk.h"
#include "core/historystore.h"
#include "core/trayconfig.h"
#include "mainwindow.h"
#include "rulesdialog.h"
#include "settingsdialog.h"
#include "sourcesdialog.h"

#include <QDir>
#include <QFileInfo>
#include <QPointer>
#include <QSaveFile>

namespace Notify::Tray {

AppController::AppController(MainWindow *window, bool demo, bool fromConfig, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_demo(demo)
    , m_fromConfig(fromConfig)
{
    connect(window, &MainWindow::settingsRequested, this, &AppController::openSettings);
}

AppController::AppController(Desk *desk, MainWindow *window, bool demo, bool fromConfig, const QSet<QString> &locked,
                             QObject *parent)
    : AppController(window, demo, fromConfig, parent)
{
    m_desk = desk;
    m_locked = locked;
    m_sourcesLocked = fromConfig && locked.contains(QStringLiteral("sources"));
    connect(window, &MainWindow::sourcesRequested, this, &AppController::openSources);
    connect(window, &MainWindow::rulesRequested, this, &AppController::openRules);
}

bool AppController::writeUserConfig(const std::function<void(TrayConfig &)> &change, QString *error)
{
    const QString path = TrayConfigFile::userPath();
    TrayConfig config;
    if (QFileInfo::exists(path)) {
        QList<TrayConfigFile::Problem> problems;
        auto existing = TrayConfigFile::read(path, &problems);
        if (!existing) {
            // Never over a file the user is still fixing: what it holds would be lost.
            if (error)
                *error = problems.isEmpty() ? QStringLiteral("%1 cannot be read").arg(path) : problems.first().text();
            return false;
        }
        config = *existing;
        // Tokens in the file move to the keyring: the file is written without them.
        if (config.sources) {
            for (const SourceConfig &source : *config.sources) {
                if (!source.token.isEmpty())
                    AppSettings::saveToken(source.token, source.name);
            }
        }
    }
    change(config);
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(TrayConfigFile::toJson(config)) < 0 || !file.commit()) {
        if (error)
            *error = file.errorString();
        return false;
    }
    return true;
}

void AppController::openRules()
{
    if (!m_desk || m_desk->count() == 0)
        return;
    const DesktopSession::Settings &current = m_desk->session(0)->settings();
    RulesDialog dialog(m_desk, current.rules, current.quietHours, m_locked.contains(QStringLiteral("rules")),
                       m_locked.contains(QStringLiteral("quiet_hours")), m_window);
    if (dialog.exec() != QDialog::Accepted)
        return;
    QString error;
    if (!applyRules(dialog.rules(), dialog.quietHours(), &error))
        m_window->showNotice(tr("The rules could not be saved: %1").arg(error));
}

bool AppController::applyRules(const QList<Rule> &rules, const std::optional<QuietHours> &quiet, QString *error)
{
    const bool rulesLocked = m_locked.contains(QStringLiteral("rules"));
    const bool quietLocked = m_locked.contains(QStringLiteral("quiet_hours"));
    // Quiet hours are written only when they changed, and turned off as `null`: an
    // administrator's or --config's schedule would come back at the next start otherwise.
    const bool quietChanged = !quietLocked && m_desk->count() > 0 && m_desk->session(0)->settings().quietHours != quiet;
    for (DesktopSession *session : m_desk->sessions()) {
        DesktopSession::Settings settings = session->settings();
        if (!rulesLocked)
            settings.rules = rules;
        if (!quietLocked)
            settings.quietHours = quiet;
        session->setSettings(settings); // from the next event on; no reconnect
    }
    if (m_demo) {
        m_window->showNotice(tr("Demo mode: these rules are used now but not saved."));
        return true;
    }
    return writeUserConfig(
        [&](TrayConfig &config) {
            if (!rulesLocked)
                config.rules = rules;
            if (quietChanged)
                config.quietHours.emplace(quiet);
        },
        error);
}

void AppController::openSources()
{
    if (!m_desk)
        return;
    QList<DesktopSession::Settings> sources;
    for (const DesktopSession *session : m_desk->sessions())
        sources << session->settings();
    SourcesDialog dialog(sources, m_sourcesLocked, m_window);
    if (dialog.exec() != QDialog::Accepted)
        return;
    QString error;
    if (!applySources(dialog.sources(), &error))
        m_window->showNotice(tr("The sources could not be saved: %1").arg(error));
}

bool AppController::applySources(const QList<DesktopSession::Settings> &sources, QString *error)
{
    QList<Desk::Source> desk;
    for (DesktopSession::Settings settings : sources) {
        settings.preset = !m_demo;
        settings.sourceLocked = m_sourcesLocked;
        // A source that keeps its name keeps its history (and its session); a new one gets a file of its
        // own. The history from before sources moved at start-up, never under a running session.
        QString history = m_desk->historyPathOf(settings.sourceName);
        if (history.isNull())
            history = m_demo
                ? QStringLiteral(":memory:")
                : Desk::historyPathFor(settings.sourceName,
                                       m_historyPath.isEmpty() ? HistoryStore::defaultPath() : m_historyPath, false);
        desk.append({ settings, history });
    }
    if (m_demo) {
        m_window->showNotice(tr("Demo mode: these sources are used now but not saved."));
        m_desk->setSources(desk);
        return true;
    }
    for (const DesktopSession::Settings &settings : sources)
        AppSettings::saveToken(settings.token, settings.sourceName);
    if (!m_sourcesLocked) {
        // The user's file keeps its rules and quiet hours; its sources are these now.
        QList<SourceConfig> written;
        for (const DesktopSession::Settings &s : sources)
            written << s.toConfig();
        if (!writeUserConfig([&written](TrayConfig &config) { config.sources = written; }, error))
            return false;
        m_fromConfig = true;
    }
    m_desk->setSources(desk);
    return true;
}

void AppController::openSettings()
{
    // One at a time: an alert's "Open settings" can come while a dialog is open, and would switch the
    // window to another source under it.
    if (m_dialogOpen)
        return;
    m_dialogOpen = true;
    const QPointer<DesktopSession> session = m_window->session();
    SettingsDialog dialog(session->settings(), SettingsDialog::Mode::Settings, m_window);
    const bool accepted = dialog.exec() == QDialog::Accepted;
    m_dialogOpen = false;
    // The settings are the source's the dialog was opened for (if it is still there).
    if (accepted && session)
        apply(dialog.settings(), dialog.startAtLogin(), session);
}

void AppController::apply(const DesktopSession::Settings &settings, bool startAtLogin)
{
    apply(settings, startAtLogin, m_window->session());
}

void AppController::apply(const DesktopSession::Settings &settings, bool startAtLogin, DesktopSession *session)
{
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
