// SPDX-License-Identifier: MIT
// Settings and the token's fallback store (no keyring runs in this test:
// it has no session bus).

#include "core/appsettings.h"
#include "core/singleinstance.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Notify::Tray;

class tst_AppSettings final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void settingsRoundTrip();
    void tokenFallsBackToAPrivateFile();
    void autostartEntry();
    void autostartByTheAdministrator();
    void eachSourceKeepsItsOwnToken();
    void anotherProfileRunsBesideTheFirst();
};

void tst_AppSettings::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("notify-test"));
    QCoreApplication::setApplicationName(QStringLiteral("notify-tray-test"));
    qunsetenv("DBUS_SESSION_BUS_ADDRESS"); // no keyring reachable
}

void tst_AppSettings::settingsRoundTrip()
{
    DesktopSession::Settings s;
    s.server = QUrl(QStringLiteral("https://notify.example.com"));
    s.user = QStringLiteral("alice");
    s.caCertificateFile = QStringLiteral("/etc/ssl/private-ca.pem");
    s.alertOrders = false;
    s.alertPresence = true;
    AppSettings::save(s);
    QVERIFY(AppSettings::configured());
    const DesktopSession::Settings loaded = AppSettings::load(false);
    QCOMPARE(loaded.server, s.server);
    QCOMPARE(loaded.user, s.user);
    QCOMPARE(loaded.caCertificateFile, s.caCertificateFile);
    QCOMPARE(loaded.alertOrders, false);
    QCOMPARE(loaded.alertPresence, true);
    QCOMPARE(loaded.alertNotifications, true);
}

void tst_AppSettings::tokenFallsBackToAPrivateFile()
{
    const QString message = AppSettings::saveToken("secret-token-123");
    QVERIFY2(message.contains(u"readable only by you"), qPrintable(message));
    QVERIFY2(!message.contains(u"Unknown error"), qPrintable(message)); // words that say something, or none
    QString where;
    QCOMPARE(AppSettings::loadToken(&where), QByteArray("secret-token-123"));
    QVERIFY(where.contains(u"no keyring"));
    const QString path = where.section(u' ', 1, 1);
    QVERIFY2(QFile::exists(path), qPrintable(path));
    QCOMPARE(QFile::permissions(path) & (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther),
             QFile::Permissions());
}

void tst_AppSettings::autostartEntry()
{
    QString error;
    QVERIFY(AppSettings::setStartsAtLogin(true, &error));
    QVERIFY(AppSettings::startsAtLogin());
    QVERIFY(AppSettings::setStartsAtLogin(false, &error));
    QVERIFY(!AppSettings::startsAtLogin());
}

void tst_AppSettings::autostartByTheAdministrator()
{
    // The packaged entry, copied to /etc/xdg/autostart/ by an administrator.
    QTemporaryDir etc;
    QVERIFY(QDir(etc.path()).mkpath(QStringLiteral("autostart")));
    QVERIFY(QFile::copy(QStringLiteral(NOTIFY_SOURCE_DIR "/resources/notify-tray-autostart.desktop"),
                        etc.filePath(QStringLiteral("autostart/notify-tray.desktop"))));
    qputenv("XDG_CONFIG_DIRS", etc.path().toUtf8());
    const QString mine = QDir(QStandardPaths::writableLocation(QStandardPaths::ConfigLocation))
                             .filePath(QStringLiteral("autostart/notify-tray.desktop"));
    QFile::remove(mine);
    QVERIFY(AppSettings::autostartSetByAdministrator());
    QVERIFY(AppSettings::startsAtLogin()); // what Settings shows: ticked
    // Unticked: a user entry of the same name that hides the administrator's, for this user only.
    QVERIFY(AppSettings::setStartsAtLogin(false));
    QVERIFY(!AppSettings::startsAtLogin());
    QFile file(mine);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readAll().contains("\nHidden=true\n"));
    file.close();
    QVERIFY(QFile::exists(etc.filePath(QStringLiteral("autostart/notify-tray.desktop")))); // untouched
    // Ticked again: the override goes, the administrator's entry starts it.
    QVERIFY(AppSettings::setStartsAtLogin(true));
    QVERIFY(!QFile::exists(mine));
    QVERIFY(AppSettings::startsAtLogin());
    // Copied under the name it used to be shipped as: honoured the same way.
    QVERIFY(QFile::rename(etc.filePath(QStringLiteral("autostart/notify-tray.desktop")),
                          etc.filePath(QStringLiteral("autostart/notify-tray-autostart.desktop"))));
    QVERIFY(AppSettings::startsAtLogin());
    QVERIFY(AppSettings::setStartsAtLogin(false));
    QVERIFY(!AppSettings::startsAtLogin());
    QVERIFY(AppSettings::setStartsAtLogin(true));
    QVERIFY(AppSettings::startsAtLogin());
    qunsetenv("XDG_CONFIG_DIRS");
    QVERIFY(!AppSettings::autostartSetByAdministrator());
}

void tst_AppSettings::eachSourceKeepsItsOwnToken()
{
    AppSettings::saveToken("own-token-1234");
    AppSettings::saveToken("shop-token-5678", QStringLiteral("Shop"));
    AppSettings::saveToken("ops-token-9012", QStringLiteral("Ops / EU"));
    QCOMPARE(AppSettings::loadToken(nullptr, QStringLiteral("Shop")), QByteArray("shop-token-5678"));
    QCOMPARE(AppSettings::loadToken(nullptr, QStringLiteral("Ops / EU")), QByteArray("ops-token-9012"));
    QCOMPARE(AppSettings::loadToken(), QByteArray("own-token-1234"));
    QCOMPARE(AppSettings::loadToken(nullptr, QStringLiteral("Warehouse")), QByteArray());
}

void tst_AppSettings::anotherProfileRunsBesideTheFirst()
{
    const QString app = QStringLiteral("notify-tray-profile-test");
    QCOMPARE(SingleInstance::nameForProfile(app, {}), SingleInstance::nameForCurrentUser(app));
    const QStringList team{ QStringLiteral("config=/etc/notify/team.json") };
    const QStringList ops{ QStringLiteral("config=/etc/notify/ops.json") };
    QCOMPARE(SingleInstance::nameForProfile(app, team), SingleInstance::nameForProfile(app, team));
    QVERIFY(SingleInstance::nameForProfile(app, team) != SingleInstance::nameForProfile(app, ops));
    QVERIFY(SingleInstance::nameForProfile(app, team) != SingleInstance::nameForCurrentUser(app));

    SingleInstance first(SingleInstance::nameForProfile(app, team));
    QVERIFY(!first.askRunningToShow());
    QVERIFY(first.listen());
    // The same profile is raised; another one is not running yet.
    SingleInstance again(SingleInstance::nameForProfile(app, team));
    QVERIFY(again.askRunningToShow());
    SingleInstance other(SingleInstance::nameForProfile(app, ops));
    QVERIFY(!other.askRunningToShow());
}

QTEST_GUILESS_MAIN(tst_AppSettings)
#include "tst_appsettings.moc"
