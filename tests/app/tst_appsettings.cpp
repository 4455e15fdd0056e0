// SPDX-License-Identifier: MIT
// Settings and the token's fallback store (no keyring runs in this test:
// it has no session bus).

#include "core/appsettings.h"

#include <QFile>
#include <QStandardPaths>
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

QTEST_GUILESS_MAIN(tst_AppSettings)
#include "tst_appsettings.moc"
