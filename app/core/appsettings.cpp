// SPDX-License-Identifier: MIT
#include "appsettings.h"

#include "trayconfig.h"

#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QSaveFile>
#include <QSettings>
#include <QStandardPaths>
#include <QTimer>

#include <qt6keychain/keychain.h>

using namespace Qt::StringLiterals;

namespace Notify::Tray {

namespace AppSettings {

namespace {

const QString KeychainService = QStringLiteral("notify-tray");
const QString KeychainKey = QStringLiteral("token");

/// A source's token in the keyring: "token/Shop"; the app's own: "token".
QString keychainKey(const QString &source)
{
    return source.isEmpty() ? KeychainKey : KeychainKey + u'/' + source;
}

/// Where a token goes without a keyring: "token", or "token-<source>" for a source of the config file.
QString tokenFilePath(const QString &source = {})
{
    QString name = QStringLiteral("token");
    if (!source.isEmpty())
        name += u'-' + TrayConfigFile::slug(source);
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation)).filePath(name);
}

/// The entry's names: ours, and the name the package shipped it under before (an administrator may have
/// copied it as it was).
const QStringList AutostartNames{ QStringLiteral("notify-tray.desktop"),
                                  QStringLiteral("notify-tray-autostart.desktop") };

QString userAutostartPath(const QString &name = AutostartNames.first())
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::ConfigLocation)).filePath(u"autostart/"_s + name);
}

QString autostartPath()
{
    return userAutostartPath();
}

/// The administrator's entries, by name: the first along $XDG_CONFIG_DIRS for each.
QStringList systemAutostartNames()
{
    QString dirs = qEnvironmentVariable("XDG_CONFIG_DIRS");
    if (dirs.isEmpty())
        dirs = u"/etc/xdg"_s;
    QStringList names;
    for (const QString &dir : dirs.split(u':', Qt::SkipEmptyParts)) {
        for (const QString &name : AutostartNames) {
            if (!names.contains(name) && QFile::exists(QDir(dir).filePath(u"autostart/"_s + name)))
                names << name;
        }
    }
    return names;
}

/// Whether a desktop entry file turns the start off (Hidden=true, or GNOME's switch).
bool entryDisabled(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return true;
    const QString text = QString::fromUtf8(file.readAll());
    return text.contains(u"\nHidden=true"_s) || text.contains(u"\nX-GNOME-Autostart-enabled=false"_s);
}

// Runs a keychain job to its end (they are asynchronous), with a deadline.
bool runJob(QKeychain::Job *job)
{
    QEventLoop loop;
    QObject::connect(job, &QKeychain::Job::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(5000, &loop, &QEventLoop::quit);
    job->start();
    loop.exec();
    return job->error() == QKeychain::NoError;
}

/// Why the keyring did not take the token, in words; empty when it gave none worth reading.
QString keyringProblem(const QKeychain::Job &job)
{
    switch (job.error()) {
    case QKeychain::NoBackendAvailable:
        return QCoreApplication::translate("AppSettings", "no keyring service answered");
    case QKeychain::AccessDenied:
        return QCoreApplication::translate("AppSettings", "the keyring refused access");
    case QKeychain::NotImplemented:
        return QCoreApplication::translate("AppSettings", "this desktop has no keyring Notify can use");
    default:
        break;
    }
    // QtKeychain's own words, unless they say nothing ("Unknown error").
    const QString text = job.errorString();
    return text.isEmpty() || text == u"Unknown error" ? QString() : text;
}

} // namespace

DesktopSession::Settings load(bool withToken)
{
    QSettings s;
    DesktopSession::Settings settings;
    settings.server = QUrl(s.value(QStringLiteral("server"), QStringLiteral("http://127.0.0.1:8787")).toString());
    settings.user = s.value(QStringLiteral("user")).toString();
    settings.caCertificateFile = s.value(QStringLiteral("caCertificateFile")).toString();
    settings.auth = Notify::RequestBuilder::schemeFromName(s.value(QStringLiteral("auth")).toString())
                        .value_or(Notify::AuthScheme::Bearer);
    settings.streamPath = s.value(QStringLiteral("streamPath"), settings.streamPath).toString();
    settings.notificationsPath = s.value(QStringLiteral("notificationsPath"), settings.notificationsPath).toString();
    settings.mappingFile = s.value(QStringLiteral("mappingFile")).toString();
    settings.alertNotifications = s.value(QStringLiteral("alerts/notifications"), true).toBool();
    settings.alertOrders = s.value(QStringLiteral("alerts/orders"), true).toBool();
    settings.alertMessages = s.value(QStringLiteral("alerts/messages"), true).toBool();
    settings.alertPresence = s.value(QStringLiteral("alerts/presence"), false).toBool();
    if (withToken)
        settings.token = loadToken();
    return settings;
}

void save(const DesktopSession::Settings &settings)
{
    QSettings s;
    s.setValue(QStringLiteral("server"), settings.server.toString());
    s.setValue(QStringLiteral("user"), settings.user);
    s.setValue(QStringLiteral("caCertificateFile"), settings.caCertificateFile);
    s.setValue(QStringLiteral("auth"), Notify::RequestBuilder::schemeName(settings.auth));
    s.setValue(QStringLiteral("streamPath"), settings.streamPath);
    s.setValue(QStringLiteral("notificationsPath"), settings.notificationsPath);
    s.setValue(QStringLiteral("mappingFile"), settings.mappingFile);
    s.setValue(QStringLiteral("alerts/notifications"), settings.alertNotifications);
    s.setValue(QStringLiteral("alerts/orders"), settings.alertOrders);
    s.setValue(QStringLiteral("alerts/messages"), settings.alertMessages);
    s.setValue(QStringLiteral("alerts/presence"), settings.alertPresence);
    s.setValue(QStringLiteral("configured"), true);
}

bool configured()
{
    return QSettings().value(QStringLiteral("configured"), false).toBool();
}

QByteArray loadToken(QString *where, const QString &source)
{
    QKeychain::ReadPasswordJob job(KeychainService);
    job.setAutoDelete(false);
    job.setKey(keychainKey(source));
    if (runJob(&job)) {
        if (where)
            *where = QCoreApplication::translate("AppSettings", "in the desktop keyring");
        return job.binaryData();
    }
    QFile file(tokenFilePath(source));
    if (file.open(QIODevice::ReadOnly)) {
        if (where)
            *where = QCoreApplication::translate("AppSettings", "in %1 (no keyring is running)").arg(file.fileName());
        return file.readAll().trimmed();
    }
    return {};
}

QString saveToken(const QByteArray &token, const QString &source)
{
    const QString tokenFile = tokenFilePath(source);
    QKeychain::WritePasswordJob job(KeychainService);
    job.setAutoDelete(false);
    job.setKey(keychainKey(source));
    job.setBinaryData(token);
    if (runJob(&job)) {
        QFile::remove(tokenFile); // no second copy lying around
        return QCoreApplication::translate("AppSettings", "The token is kept in the desktop keyring.");
    }
    // No keyring (a bare session, a server): a file only this user can read.
    QDir().mkpath(QFileInfo(tokenFile).absolutePath());
    QSaveFile file(tokenFile);
    if (file.open(QIODevice::WriteOnly)) {
        file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        file.write(token);
        if (file.commit()) {
            QFile::setPermissions(tokenFile, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
            const QString why = keyringProblem(job);
            return why.isEmpty() ? QCoreApplication::translate("AppSettings",
                                                               "No desktop keyring is running, so the token is kept "
                                                               "in %1, readable only by you.")
                                       .arg(tokenFile)
                                 : QCoreApplication::translate("AppSettings",
                                                               "No desktop keyring is running, so the token is kept "
                                                               "in %1, readable only by you (%2).")
                                       .arg(tokenFile, why);
        }
    }
    const QString why = keyringProblem(job);
    return QCoreApplication::translate("AppSettings", "The token could not be stored: %1")
        .arg(why.isEmpty() ? file.errorString() : why);
}

bool startsAtLogin()
{
    const QStringList system = systemAutostartNames();
    // The user's entry of a name decides for that name; an administrator's without one starts the app.
    for (const QString &name : AutostartNames) {
        const QString mine = userAutostartPath(name);
        if (QFile::exists(mine)) {
            if (!entryDisabled(mine))
                return true;
        } else if (system.contains(name)) {
            return true;
        }
    }
    return false;
}

bool autostartSetByAdministrator()
{
    return !systemAutostartNames().isEmpty();
}

bool setStartsAtLogin(bool enabled, QString *error)
{
    const QStringList system = systemAutostartNames();
    const auto write = [error](const QString &path, const QByteArray &content) {
        QDir().mkpath(QFileInfo(path).absolutePath());
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly)) {
            if (error)
                *error = file.errorString();
            return false;
        }
        file.write(content);
        return file.commit();
    };
    if (!enabled) {
        bool ok = true;
        for (const QString &name : AutostartNames) {
            const QString mine = userAutostartPath(name);
            if (system.contains(name)) // the administrator's: turned off for this user only
                ok = write(mine, "[Desktop Entry]\nType=Application\nName=Notify\nHidden=true\n") && ok;
            else if (QFile::exists(mine))
                ok = QFile::remove(mine) && ok;
        }
        return ok;
    }
    if (!system.isEmpty()) {
        // The administrator's entry starts it: the user's overrides go.
        bool ok = true;
        for (const QString &name : AutostartNames) {
            if (QFile::exists(userAutostartPath(name)))
                ok = QFile::remove(userAutostartPath(name)) && ok;
        }
        return ok;
    }
    QDir().mkpath(QFileInfo(autostartPath()).absolutePath());
    QSaveFile file(autostartPath());
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = file.errorString();
        return false;
    }
    file.write("[Desktop Entry]\nType=Application\nName=Notify\nExec="
               + QCoreApplication::applicationFilePath().toUtf8()
               + " --minimized\nIcon=notify-tray\nX-GNOME-Autostart-enabled=true\n");
    return file.commit();
}

} // namespace AppSettings

} // namespace Notify::Tray
