// SPDX-License-Identifier: MIT
// notify-tray: the desktop tray client. See README.md.

#include "core/appsettings.h"
#include "core/desk.h"
#include "ui/appcontroller.h"
#if NOTIFY_WITH_DBUS
#include "core/dbusnotifier.h"
#endif
#include "core/desktopsession.h"
#include "core/doctor.h"
#include "core/historystore.h"
#include "core/singleinstance.h"
#include "core/translations.h"
#include "core/trayconfig.h"
#include "demoserver.h"
#include "ui/mainwindow.h"
#include "ui/settingsdialog.h"
#include "ui/trayballoonnotifier.h"
#include "ui/traycontroller.h"
#include "ui/trayicon.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QStatusBar>
#include <QTabWidget>

#include <cstdio>

#include <memory>

using namespace Notify::Tray;

namespace {

void describe(QCommandLineParser &cli)
{
    cli.setApplicationDescription(
        QStringLiteral("Notify: notifications, orders, messages and presence on your desktop."));
    cli.addHelpOption();
    cli.addVersionOption();
    cli.addOption(
        { QStringLiteral("server"), QStringLiteral("Server URL, e.g. http://127.0.0.1:8787."), QStringLiteral("URL") });
    cli.addOption({ QStringLiteral("token"), QStringLiteral("Access token."), QStringLiteral("TOKEN") });
    cli.addOption({ QStringLiteral("auth"),
                    QStringLiteral("How the token is sent: bearer (Authorization: Bearer), token (Authorization: "
                                   "Token, Django REST framework) or query (?token=)."),
                    QStringLiteral("bearer|token|query") });
    cli.addOption({ QStringLiteral("user"), QStringLiteral("Your user name on the server."), QStringLiteral("NAME") });
    cli.addOption({ QStringLiteral("minimized"), QStringLiteral("Start in the tray, without the window.") });
    cli.addOption({ QStringLiteral("demo"), QStringLiteral("Run a demo server inside the app and connect to it.") });
    cli.addOption({ QStringLiteral("history"), QStringLiteral("History database (default: the data directory)."),
                    QStringLiteral("FILE") });
    cli.addOption({ QStringLiteral("config"),
                    QStringLiteral("Sources, rules and quiet hours from this JSON file, over the administrator's "
                                   "($XDG_CONFIG_DIRS/notify/notify-tray.json) and under your own "
                                   "($XDG_CONFIG_HOME/notify/notify-tray.json)."),
                    QStringLiteral("FILE") });
    cli.addOption({ QStringLiteral("check-config"),
                    QStringLiteral("Check a config file against the schema, print what it sets or each problem "
                                   "with its line and key, and exit (0: valid, 1: not)."),
                    QStringLiteral("FILE") });
    cli.addOption({ QStringLiteral("doctor"),
                    QStringLiteral("Check this desktop's setup without a display: the config files, the keyring, "
                                   "each source (reachable, token taken), the notification service and a tray host; "
                                   "one line per check, exit 1 when one fails.") });
}

/// --check-config FILE: one line saying what the file sets, or one per problem.
int checkConfig(const QString &path)
{
    QList<TrayConfigFile::Problem> problems;
    const auto config = TrayConfigFile::read(path, &problems);
    if (!config) {
        for (const auto &problem : std::as_const(problems))
            fprintf(stderr, "%s\n", qPrintable(problem.text()));
        return 1;
    }
    QStringList sets;
    if (config->sources) {
        QStringList names;
        for (const SourceConfig &source : *config->sources)
            names << source.name;
        sets << QStringLiteral("%1 source(s) (%2)").arg(config->sources->size()).arg(names.join(QStringLiteral(", ")));
    }
    if (config->rules)
        sets << QStringLiteral("%1 rule(s)").arg(config->rules->size());
    if (config->quietHours && *config->quietHours)
        sets << QStringLiteral("quiet hours %1-%2")
                    .arg((*config->quietHours)->from.toString(QStringLiteral("HH:mm")),
                         (*config->quietHours)->to.toString(QStringLiteral("HH:mm")));
    else if (config->quietHours)
        sets << QStringLiteral("no quiet hours");
    if (!config->locked.isEmpty())
        sets << QStringLiteral("locked: %1").arg(config->locked.join(QStringLiteral(", ")));
    printf("%s: valid: %s\n", qPrintable(path),
           sets.isEmpty() ? "sets nothing" : qPrintable(sets.join(QStringLiteral("; "))));
    return 0;
}

void nameApplication()
{
    QCoreApplication::setApplicationName(QStringLiteral("notify-tray"));
    QCoreApplication::setOrganizationName(QStringLiteral("notify"));
    QCoreApplication::setApplicationVersion(QStringLiteral(NOTIFY_VERSION));
}

/// --help, --version, --check-config and --doctor answer on a terminal without a
/// display (help2man makes the man page from the first two): no
/// QApplication, which needs one.
bool answersWithoutDisplay(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        const QByteArrayView arg(argv[i]);
        if (arg == "-h" || arg == "--help" || arg == "--help-all" || arg == "-v" || arg == "--version"
            || arg == "--check-config" || arg.startsWith("--check-config=") || arg == "--doctor")
            return true;
    }
    return false;
}

/// The config files, merged (docs/CONFIGURATION.md); what is wrong with them goes to stderr and @p problems.
TrayConfigFile::Merged readConfig(const QString &explicitPath, QStringList *problems)
{
    const auto readIf = [problems](const QString &path, bool mustExist) -> std::optional<TrayConfig> {
        if (path.isEmpty() || (!mustExist && !QFile::exists(path)))
            return std::nullopt;
        QList<TrayConfigFile::Problem> found;
        auto config = TrayConfigFile::read(path, &found);
        for (const auto &problem : std::as_const(found)) {
            fprintf(stderr, "notify-tray: %s\n", qPrintable(problem.text()));
            *problems << problem.text();
        }
        return config;
    };
    const auto system = readIf(TrayConfigFile::systemPath(), false);
    const auto explicitFile = readIf(explicitPath, true);
    const auto user = readIf(TrayConfigFile::userPath(), false);
    return TrayConfigFile::merge(system, explicitFile, user);
}

/// The sources to follow: the config's, each with its token (the file's, else the keyring's), or the app's
/// own settings as one source when no config names any.
QList<Desk::Source> sourcesFrom(const TrayConfigFile::Merged &merged, const DesktopSession::Settings &own,
                                const QString &historyPath)
{
    QList<Desk::Source> sources;
    DesktopSession::Settings common = own;
    common.rules = merged.config.rules.value_or(QList<Rule>());
    common.quietHours = merged.config.quietHours.value_or(std::nullopt);
    if (!merged.config.sources || merged.config.sources->isEmpty()) {
        DesktopSession::Settings settings = common;
        if (settings.sourceName.isEmpty())
            settings.sourceName = own.server.host().isEmpty() ? QStringLiteral("Notify") : own.server.host();
        sources.append({ settings, historyPath });
        return sources;
    }
    bool first = true;
    for (const SourceConfig &source : *merged.config.sources) {
        DesktopSession::Settings settings = DesktopSession::Settings::fromConfig(source, common);
        if (settings.token.isEmpty())
            settings.token = AppSettings::loadToken(nullptr, source.name);
        settings.sourceLocked = merged.isLocked(QStringLiteral("sources"));
        sources.append({ settings, Desk::historyPathFor(source.name, historyPath, first) });
        first = false;
    }
    return sources;
}

} // namespace

int main(int argc, char **argv)
{
    if (answersWithoutDisplay(argc, argv)) {
        QCoreApplication app(argc, argv);
        nameApplication();
        QCommandLineParser cli;
        describe(cli);
        cli.process(app); // --help and --version print and exit (or say what is wrong)
        if (cli.isSet(QStringLiteral("check-config")))
            return checkConfig(cli.value(QStringLiteral("check-config")));
        if (cli.isSet(QStringLiteral("doctor"))) {
            bool failed = false;
            for (const Doctor::Check &check : Doctor::run(cli.value(QStringLiteral("config")))) {
                printf("%s\n", qPrintable(check.line()));
                failed = failed || check.result == Doctor::Check::Result::Failed;
            }
            return failed ? 1 : 0;
        }
        return 0;
    }
    QApplication app(argc, argv);
    nameApplication();
    Translations::install(&app);
    QApplication::setApplicationDisplayName(QStringLiteral("Notify"));
    QApplication::setDesktopFileName(QStringLiteral("notify-tray"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/app.svg")));
    QApplication::setQuitOnLastWindowClosed(false);

    QCommandLineParser cli;
    describe(cli);
    cli.process(app);

    // One instance per user and profile: a second launch raises the first one's window; one with another
    // --config, --history or XDG_CONFIG_HOME is another profile and runs beside it.
    QStringList profile;
    for (const char *option : { "config", "history" }) {
        if (cli.isSet(QLatin1StringView(option)))
            profile << QLatin1StringView(option) + u'='
                    + QFileInfo(cli.value(QLatin1StringView(option))).absoluteFilePath();
    }
    if (const QString home = qEnvironmentVariable("XDG_CONFIG_HOME");
        !home.isEmpty() && QFileInfo(home) != QFileInfo(QDir::home().filePath(QStringLiteral(".config"))))
        profile << QStringLiteral("XDG_CONFIG_HOME=") + QFileInfo(home).absoluteFilePath();
    SingleInstance instance(SingleInstance::nameForProfile(QStringLiteral("notify-tray"), profile));
    if (instance.askRunningToShow())
        return 0;
    instance.listen();

    const bool demo = cli.isSet(QStringLiteral("demo"));
    QStringList configProblems;
    const TrayConfigFile::Merged config = readConfig(cli.value(QStringLiteral("config")), &configProblems);
    const bool configuredSources = config.config.sources && !config.config.sources->isEmpty() && !demo;
    DesktopSession::Settings settings = AppSettings::load(!demo && !cli.isSet(QStringLiteral("token")));
    DemoServer demoServer;
    if (demo) {
        QString error;
        if (!demoServer.start(&error)) {
            QMessageBox::critical(nullptr, QStringLiteral("Notify"),
                                  QObject::tr("The demo server did not start: %1").arg(error));
            return 1;
        }
        settings = demoServer.sessionSettings(settings);
    }
    if (cli.isSet(QStringLiteral("server")))
        settings.server = QUrl::fromUserInput(cli.value(QStringLiteral("server")));
    if (cli.isSet(QStringLiteral("token")))
        settings.token = cli.value(QStringLiteral("token")).toUtf8();
    if (cli.isSet(QStringLiteral("user")))
        settings.user = cli.value(QStringLiteral("user"));
    if (cli.isSet(QStringLiteral("auth"))) {
        const auto scheme = Notify::RequestBuilder::schemeFromName(cli.value(QStringLiteral("auth")));
        if (!scheme) {
            fprintf(stderr, "notify-tray: --auth takes bearer, token or query\n");
            return 2;
        }
        settings.auth = *scheme;
    }

    QString keyringNotice;
    if (!demo && !configuredSources && !AppSettings::configured() && !cli.isSet(QStringLiteral("token"))) {
        // First start: what Notify is, and what it needs (the server and a token).
        bool startAtLogin = true;
        for (;;) {
            SettingsDialog dialog(settings, SettingsDialog::Mode::Welcome);
            if (dialog.exec() == QDialog::Accepted) {
                settings = dialog.settings();
                startAtLogin = dialog.startAtLogin();
                break;
            }
            settings = dialog.settings();
            if (QMessageBox::question(nullptr, QObject::tr("Notify is not set up"),
                                      QObject::tr("Notify needs a server and a token to show anything. Quit now? "
                                                  "It asks again next time."),
                                      QMessageBox::Yes | QMessageBox::No, QMessageBox::No)
                == QMessageBox::Yes)
                return 0;
        }
        AppSettings::save(settings);
        keyringNotice = AppSettings::saveToken(settings.token);
        AppSettings::setStartsAtLogin(startAtLogin);
    }

    const QString historyPath = demo                     ? QStringLiteral(":memory:")
        : cli.value(QStringLiteral("history")).isEmpty() ? HistoryStore::defaultPath()
                                                         : cli.value(QStringLiteral("history"));

    // Alerts: the freedesktop service over D-Bus, with the tray's balloon
    // where none runs; without D-Bus (Windows, macOS), the balloon, which
    // is the native notification there.
    TrayBalloonNotifier balloons(nullptr);
#if NOTIFY_WITH_DBUS
    DBusNotifier notifier;
    notifier.setFallback(&balloons);
#else
    Notifier &notifier = balloons;
#endif
    // One QNetworkAccessManager for the whole session's traffic (stream,
    // lists, polls, actions): one connection pool, TLS session cache and proxy.
    QNetworkAccessManager network;
    // Every source at once, each with its own stream and history.
    Desk desk(&notifier, &network);
    TrayConfigFile::Merged used = config;
    if (!configuredSources)
        used.config.sources.reset(); // the demo, or no sources in any file: the app's own settings
    QList<Desk::Source> sources = sourcesFrom(used, settings, historyPath);
    if (demo) {
        // Two sources, so that several are seen at once; the config's rules and quiet hours apply.
        DesktopSession::Settings common = sources.first().settings;
        sources = demoServer.sources(common);
    } else if (configuredSources) {
        // A config's source without a token: the welcome page asks for what it lacks (its token or
        // password; its address stays), once per source, and the token goes to the keyring.
        for (Desk::Source &source : sources) {
            if (!source.settings.token.isEmpty())
                continue;
            SettingsDialog dialog(source.settings, SettingsDialog::Mode::Welcome);
            dialog.setWindowTitle(QObject::tr("Welcome to Notify: %1").arg(source.settings.sourceName));
            if (dialog.exec() != QDialog::Accepted)
                continue; // asked again at the next start; the source shows what it lacks meanwhile
            source.settings = dialog.settings();
            keyringNotice = AppSettings::saveToken(source.settings.token, source.settings.sourceName);
            AppSettings::setStartsAtLogin(dialog.startAtLogin());
        }
    }
    desk.setSources(sources);
    MainWindow window(&desk);
    TrayController tray(&desk, &window);
    balloons.setTray(tray.icon()->systemTrayIcon());

    QObject::connect(&tray, &TrayController::quitRequested, &window, &MainWindow::quit);
    AppController controller(&desk, &window, demo, configuredSources, config.locked);
    controller.setHistoryPath(historyPath);
    QObject::connect(&tray, &TrayController::settingsRequested, &controller, &AppController::openSettings);
    // An alert's "Open" and "Open settings" show its own source. (The controller is the connections'
    // context: the window drops every connection of a source it stops showing.)
    const auto wire = [&window, &desk, &controller](DesktopSession *session) {
        if (session->property("notify.windowWired").toBool())
            return;
        session->setProperty("notify.windowWired", true);
        QObject::connect(session, &DesktopSession::openRequested, &controller,
                         [&window, session](const QString &id) { window.showNotification(session, id); });
        QObject::connect(session, &DesktopSession::settingsRequested, &controller,
                         [&window, &desk, &controller, session] {
                             window.showSource(desk.indexOf(session));
                             controller.openSettings();
                         });
    };
    for (DesktopSession *session : desk.sessions())
        wire(session);
    QObject::connect(&desk, &Desk::sourcesChanged, &window, [&desk, wire] {
        for (DesktopSession *session : desk.sessions())
            wire(session);
    });
    for (const QString &problem : std::as_const(configProblems))
        window.showNotice(QObject::tr("The configuration has a problem and was not used: %1").arg(problem));
    if (!keyringNotice.isEmpty())
        window.showNotice(keyringNotice); // where the token went, once
    QObject::connect(&instance, &SingleInstance::activationRequested, &window, [&] {
        window.showNormal();
        window.raise();
        window.activateWindow();
    });

    window.setTrayAvailable([&tray] { return tray.isAvailable(); });
    if (tray.isAvailable()) {
        tray.show();
        if (!cli.isSet(QStringLiteral("minimized")))
            window.show();
    } else {
        // Without a tray, closing the window would leave nothing to bring it back: it stays a window.
        window.show();
        window.statusBar()->showMessage(
            QObject::tr("No system tray here: Notify runs as a normal window; closing it quits."), 0);
        QApplication::setQuitOnLastWindowClosed(true);
    }
    desk.start();
    const int code = QApplication::exec();
    desk.stop();
    return code;
}
