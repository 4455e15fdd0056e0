// SPDX-License-Identifier: MIT
#include "appsettings.h"

#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QSaveFile>
#include <QSettings>
#include <QStandardPaths>
#include <QTimer>

#include <qt6keychain/keychain.h>

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
    if (!source.isEmpty()) {
        QString slug = source.toCaseFolded();
        for (QChar &c : slug) {
            if (!c.isLetterOrNumber() && c != u'.' && c != u'-')
                c = u'-';
        }
        name += u'-' + slug;
    }
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation)).filePath(name);
}

QString autostartPath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::ConfigLocation))
        .filePath(QStringLiteral("autostart/notify-tray.desktop"));
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
    return QFile::exists(autostartPath());
}

bool setStartsAtLogin(bool enabled, QString *error)
{
    if (!enabled)
        return !QFile::exists(autostartPath()) || QFile::remove(autostartPath());
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
