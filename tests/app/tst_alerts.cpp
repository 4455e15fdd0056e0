// SPDX-License-Identifier: MIT
// Desktop alerts end to end: the session, a real server in-process, and a
// fake org.freedesktop.Notifications service on a private D-Bus session bus
// (the test runs under dbus-run-session).

#include "core/dbusnotifier.h"
#include "core/desktopsession.h"
#include "core/historystore.h"
#include "core/notificationmodel.h"
#include "core/translations.h"
#include "fakenotifications.h"
#include "hub/notifyserver.h"
#include "inprocessserver.h"
#include "store/eventstore.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QDateTime>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Notify::Tray;

class tst_Alerts final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void alertsUrgencyActionsBurstAndReplay();

private:
    FakeNotifications m_fake;
};

void tst_Alerts::initTestCase()
{
    QVERIFY2(m_fake.registerOnSessionBus(), "no session bus: run this test under dbus-run-session");
    // The app's own translations, as notify-tray installs them: English plural forms.
    QCOMPARE(Translations::install(QCoreApplication::instance(), QLocale(QLocale::English)), QStringLiteral("en"));
}

void tst_Alerts::alertsUrgencyActionsBurstAndReplay()
{
    TestSupport::InProcessServer server;
    QVERIFY(server.start());
    QString error;
    const auto publish = [&server](const QString &id, const char *level) {
        return *server->publish("notification",
                                QJsonObject{ { QStringLiteral("notification_id"), id },
                                             { QStringLiteral("title"), QString(QStringLiteral("Alert ") + id) },
                                             { QStringLiteral("level"), QString::fromLatin1(level) },
                                             // Now, as a backend stamps it: a notification created
                                             // while the first list loads is the stream's to alert.
                                             { QStringLiteral("created_at"),
                                               QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs) } },
                                { QStringLiteral("alice") });
    };

    DesktopSession::Settings settings;
    settings.server = server.url();
    settings.token = "alice-token-0001";
    settings.user = QStringLiteral("alice");
    settings.alertsPerWindow = 3;
    settings.alertWindowMs = 400;
    const QString historyPath = server.dir() + QStringLiteral("/history.sqlite");

    QByteArray firstId;
    {
        HistoryStore history(historyPath);
        QVERIFY(history.open(&error));
        DBusNotifier notifier;
        QVERIFY(notifier.hasService());
        DesktopSession session(&history, &notifier);
        session.setSettings(settings);
        session.start();
        QTRY_COMPARE(session.client()->state(), Notify::SseClient::State::Open);

        // One error-level notification: one call, critical urgency, working actions.
        firstId = publish(QStringLiteral("n1"), "error");
        QTRY_COMPARE(m_fake.calls.size(), 1);
        QCOMPARE(m_fake.calls.at(0).summary, QStringLiteral("Alert n1"));
        QCOMPARE(m_fake.calls.at(0).urgency, 2);
        QVERIFY(m_fake.calls.at(0).actions.contains(QStringLiteral("mark-read")));
        QVERIFY(m_fake.calls.at(0).actions.contains(QStringLiteral("default")));
        QTRY_COMPARE(session.notifications()->unreadCount(), 1);

        // The user clicks "Mark read" in the popup: the server marks it and the count follows.
        QDBusMessage signal = QDBusMessage::createSignal(QStringLiteral("/org/freedesktop/Notifications"),
                                                         QStringLiteral("org.freedesktop.Notifications"),
                                                         QStringLiteral("ActionInvoked"));
        signal << uint(1) << QStringLiteral("mark-read");
        QDBusConnection(QStringLiteral("fake-daemon")).send(signal);
        QTRY_COMPARE(session.notifications()->unreadCount(), 0);
        // The app counts it read at once; the server once the app's request arrived.
        QTRY_COMPARE(server->store().notifications(QStringLiteral("alice"), true, 10).size(), 0);

        // A burst (in a fresh throttle window): 3 popups, then one summary for the rest.
        session.setSettings(settings);
        const qsizetype before = m_fake.calls.size();
        for (int i = 0; i < 10; ++i)
            publish(QStringLiteral("b%1").arg(i), "info");
        QTRY_COMPARE(session.notifications()->unreadCount(), 10);
        QTRY_COMPARE(m_fake.calls.size(), before + 4);
        QCOMPARE(m_fake.calls.at(before).urgency, 1);
        // The summary counts what it stands for, by kind, names the first, and says how many are unread.
        QCOMPARE(m_fake.calls.last().summary, QStringLiteral("7 notifications"));
        QCOMPARE(m_fake.calls.last().body, QStringLiteral("Alert b3\nAlert b4\nAlert b5\nand 4 more\n10 unread"));
        session.stop();
    }

    // The app restarts and the server replays from an earlier id: nothing is alerted twice.
    {
        HistoryStore history(historyPath);
        QVERIFY(history.open(&error));
        history.setLastEventId(firstId);
        DBusNotifier notifier;
        DesktopSession session(&history, &notifier);
        session.setSettings(settings);
        const qsizetype before = m_fake.calls.size();
        session.start();
        QTRY_COMPARE(session.client()->state(), Notify::SseClient::State::Open);
        QCOMPARE(session.notifications()->rowCount(), 11); // from the history
        publish(QStringLiteral("after-restart"), "warning");
        QTRY_COMPARE(session.notifications()->rowCount(), 12);
        QTRY_COMPARE(m_fake.calls.size(), before + 1); // only the new one
        QCOMPARE(m_fake.calls.last().summary, QStringLiteral("Alert after-restart"));
    }
}

QTEST_MAIN(tst_Alerts)
#include "tst_alerts.moc"
