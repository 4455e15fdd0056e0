// SPDX-License-Identifier: MIT
#include "doctor.h"

#include "appsettings.h"
#include "connectiontest.h"
#include "trayconfig.h"

#include <QEventLoop>
#include <QFile>
#include <QTimer>

#include <qt6keychain/keychain.h>

#if NOTIFY_WITH_DBUS
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusReply>
#include <QDBusVariant>
#endif

namespace Notify::Tray::Doctor {

using Result = Check::Result;

QString Check::line() const
{
    const char *mark = result == Result::Ok ? "ok    " : result == Result::Warning ? "warn  " : "FAIL  ";
    return QLatin1StringView(mark) + what + QStringLiteral(": ") + detail;
}

namespace {

void checkConfig(const QString &explicitConfig, QList<Check> &checks, std::optional<TrayConfig> files[3])
{
    const QString paths[3] = { TrayConfigFile::systemPath(), explicitConfig, TrayConfigFile::userPath() };
    const char *roles[3] = { "the administrator's", "--config", "yours" };
    bool any = false;
    for (int i = 0; i < 3; ++i) {
        const QString &path = paths[i];
        if (path.isEmpty() || (i != 1 && !QFile::exists(path)))
            continue;
        any = true;
        QList<TrayConfigFile::Problem> problems;
        files[i] = TrayConfigFile::read(path, &problems);
        if (!files[i]) {
            for (const auto &problem : std::as_const(problems))
                checks.append({ Result::Failed, QStringLiteral("config"), problem.text() });
            continue;
        }
        QStringList sets;
        if (files[i]->sources)
            sets << QStringLiteral("%1 source(s)").arg(files[i]->sources->size());
        if (files[i]->rules)
            sets << QStringLiteral("%1 rule(s)").arg(files[i]->rules->size());
        if (files[i]->quietHours)
            sets << (*files[i]->quietHours ? QStringLiteral("quiet hours") : QStringLiteral("no quiet hours"));
        if (!files[i]->locked.isEmpty())
            sets << QStringLiteral("locked: %1").arg(files[i]->locked.join(QStringLiteral(", ")));
        checks.append({ Result::Ok, QStringLiteral("config"),
                        QStringLiteral("%1 (%2): valid, %3")
                            .arg(path, QLatin1StringView(roles[i]),
                                 sets.isEmpty() ? QStringLiteral("sets nothing") : sets.join(QStringLiteral("; "))) });
    }
    if (!any)
        checks.append(
            { Result::Ok, QStringLiteral("config"),
              QStringLiteral("no config file; the app's own settings (%1 has none)").arg(TrayConfigFile::userPath()) });
}

void checkKeyring(QList<Check> &checks)
{
    // A read of a key that need not exist: "not found" means the keyring answered.
    QKeychain::ReadPasswordJob job(QStringLiteral("notify-tray"));
    job.setAutoDelete(false);
    job.setKey(QStringLiteral("doctor-probe"));
    QEventLoop loop;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, &QEventLoop::quit);
    job.start();
    loop.exec();
    if (job.error() == QKeychain::NoError || job.error() == QKeychain::EntryNotFound)
        checks.append({ Result::Ok, QStringLiteral("keyring"), QStringLiteral("the desktop keyring answers") });
    else {
        const QString why
            = job.errorString() == u"Unknown error" ? QString() : QStringLiteral(" (%1)").arg(job.errorString());
        checks.append({ Result::Warning, QStringLiteral("keyring"),
                        QStringLiteral("no keyring answers%1: tokens are kept in files only you can read").arg(why) });
    }
}

void checkSource(const DesktopSession::Settings &settings, bool passwordSignIn, int timeoutMs, QList<Check> &checks)
{
    const QString what = QStringLiteral("source ") + settings.sourceName;
    const QString where = settings.server.toString(QUrl::RemoveUserInfo);
    if (settings.token.isEmpty()) {
        checks.append({ passwordSignIn ? Result::Warning : Result::Failed, what,
                        passwordSignIn
                            ? QStringLiteral("%1: no token yet; the app asks for the password once").arg(where)
                            : QStringLiteral("%1: no token; the app asks for one").arg(where) });
        return;
    }
    ConnectionTest test;
    QEventLoop loop;
    ConnectionTest::Outcome outcome = ConnectionTest::Outcome::Other;
    QString message;
    QObject::connect(&test, &ConnectionTest::finished, &loop, [&](ConnectionTest::Outcome o, const QString &m) {
        outcome = o;
        message = m;
        loop.quit();
    });
    test.start(settings, timeoutMs);
    if (test.isRunning())
        loop.exec();
    const bool works = outcome == ConnectionTest::Outcome::Works;
    checks.append(
        { works ? Result::Ok : Result::Failed, what,
          where + QStringLiteral(": ")
              + (works ? QStringLiteral("reachable, the token is taken%1")
                             .arg(settings.user.isEmpty() ? QString() : QStringLiteral(" (user %1)").arg(settings.user))
                       : message) });
}

#if NOTIFY_WITH_DBUS
void checkDesktop(QList<Check> &checks)
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected()) {
        checks.append({ Result::Failed, QStringLiteral("notifications"),
                        QStringLiteral("no D-Bus session bus (DBUS_SESSION_BUS_ADDRESS): alerts cannot reach the "
                                       "desktop") });
        checks.append({ Result::Failed, QStringLiteral("tray"), QStringLiteral("no D-Bus session bus") });
        return;
    }
    const QString notifications = QStringLiteral("org.freedesktop.Notifications");
    QDBusMessage info = QDBusMessage::createMethodCall(notifications, QStringLiteral("/org/freedesktop/Notifications"),
                                                       notifications, QStringLiteral("GetServerInformation"));
    const QDBusMessage answer = bus.call(info, QDBus::Block, 3000);
    if (answer.type() == QDBusMessage::ReplyMessage && answer.arguments().size() >= 3)
        checks.append(
            { Result::Ok, QStringLiteral("notifications"),
              QStringLiteral("%1 %2 (%3)")
                  .arg(answer.arguments().at(0).toString(), answer.arguments().at(2).toString(), notifications) });
    else
        checks.append({ Result::Failed, QStringLiteral("notifications"),
                        QStringLiteral("nothing answers %1 (%2): alerts fall back to the tray's balloons")
                            .arg(notifications, answer.errorMessage()) });

    const QString watcher = QStringLiteral("org.kde.StatusNotifierWatcher");
    QDBusMessage get
        = QDBusMessage::createMethodCall(watcher, QStringLiteral("/StatusNotifierWatcher"),
                                         QStringLiteral("org.freedesktop.DBus.Properties"), QStringLiteral("Get"));
    get << watcher << QStringLiteral("IsStatusNotifierHostRegistered");
    const QDBusMessage host = bus.call(get, QDBus::Block, 3000);
    const bool hosted = host.type() == QDBusMessage::ReplyMessage && !host.arguments().isEmpty()
        && host.arguments().first().value<QDBusVariant>().variant().toBool();
    if (hosted)
        checks.append({ Result::Ok, QStringLiteral("tray"),
                        QStringLiteral("a StatusNotifierItem host is registered (%1)").arg(watcher) });
    else if (!qEnvironmentVariableIsEmpty("DISPLAY"))
        checks.append({ Result::Warning, QStringLiteral("tray"),
                        QStringLiteral("no StatusNotifierItem host; an XEmbed tray on %1 may still show the icon "
                                       "(else the app stays a window)")
                            .arg(qEnvironmentVariable("DISPLAY")) });
    else
        checks.append({ Result::Failed, QStringLiteral("tray"),
                        QStringLiteral("no StatusNotifierItem host and no display: the app runs as a window") });
}
#else
void checkDesktop(QList<Check> &checks)
{
    checks.append({ Result::Ok, QStringLiteral("notifications"), QStringLiteral("the system tray's own alerts") });
}
#endif

} // namespace

QList<Check> run(const QString &explicitConfig, int timeoutMs)
{
    QList<Check> checks;
    std::optional<TrayConfig> files[3];
    checkConfig(explicitConfig, checks, files);
    checkKeyring(checks);
    const TrayConfigFile::Merged merged = TrayConfigFile::merge(files[0], files[1], files[2]);
    if (merged.config.sources && !merged.config.sources->isEmpty()) {
        for (const SourceConfig &source : *merged.config.sources) {
            DesktopSession::Settings settings = DesktopSession::Settings::fromConfig(source, {});
            if (settings.token.isEmpty())
                settings.token = AppSettings::loadToken(nullptr, source.name);
            checkSource(settings, settings.passwordSignIn, timeoutMs, checks);
        }
    } else if (AppSettings::configured()) {
        DesktopSession::Settings settings = AppSettings::load(true);
        settings.sourceName = settings.server.host();
        checkSource(settings, false, timeoutMs, checks);
    } else {
        checks.append({ Result::Warning, QStringLiteral("sources"),
                        QStringLiteral("none yet: the app asks for a server and a token at its first start") });
    }
    checkDesktop(checks);
    return checks;
}

} // namespace Notify::Tray::Doctor
