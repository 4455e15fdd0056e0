// SPDX-License-Identifier: MIT
// The tray as a team tool, end to end: the session as alice, a real server
// in-process with groups and escalation, and a fake
// org.freedesktop.Notifications service on a private D-Bus session bus (the
// test runs under dbus-run-session). Claim from the alert, the alert
// withdrawn when bob claims, attention only for unclaimed errors, the
// escalated alert, "waiting for someone", People, and a backend without claims.

#include "core/dbusnotifier.h"
#include "core/desktopsession.h"
#include "core/historystore.h"
#include "core/notificationfiltermodel.h"
#include "core/notificationmodel.h"
#include "core/presencemodel.h"
#include "core/translations.h"
#include "fakenotifications.h"
#include "hub/escalator.h"
#include "hub/notifyserver.h"
#include "inprocessserver.h"
#include "store/eventstore.h"
#include "testclient.h"
#include "ui/notificationdetails.h"
#include "ui/notificationspage.h"

#include <QAction>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace Notify::Tray;
using namespace Qt::StringLiterals;

class tst_TeamClaims final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void claimWithdrawEscalateAndFilter();
    void windowShowsWhoHandlesIt();
    void backendWithoutClaimsHidesThem();

private:
    FakeNotifications m_fake;
};

namespace {

/// alice's session settings for @p server.
DesktopSession::Settings aliceOn(const TestSupport::InProcessServer &server)
{
    DesktopSession::Settings settings;
    settings.server = server.url();
    settings.token = TestSupport::AliceToken;
    settings.user = u"alice"_s;
    settings.alertsPerWindow = 50; // every alert one by one: the test counts them
    return settings;
}

/// Publishes an error for the support group (as the admin, over HTTP),
/// titled "Payment failed <id>" unless @p title says otherwise.
void publishToSupport(quint16 port, const QString &id, const QString &level = u"error"_s, const QString &title = {})
{
    const QJsonObject data{ { u"notification_id"_s, id },
                            { u"title"_s, title.isEmpty() ? QString(u"Payment failed "_s + id) : title },
                            { u"level"_s, level },
                            { u"created_at"_s, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs) } };
    const auto r = TestClient::request(
        port, "POST", "/api/v1/events/", TestSupport::AdminToken,
        QJsonDocument(
            QJsonObject{ { u"event"_s, u"notification"_s }, { u"user"_s, u"@support"_s }, { u"data"_s, data } })
            .toJson(QJsonDocument::Compact));
    QCOMPARE(r.status, 201);
}

QString claimerOn(const TestSupport::InProcessServer &server, const QString &id)
{
    return server->store().claims({ id }).value(id).by;
}

} // namespace

void tst_TeamClaims::initTestCase()
{
    QVERIFY2(m_fake.registerOnSessionBus(), "no session bus: run this test under dbus-run-session");
    QCOMPARE(Translations::install(QCoreApplication::instance(), QLocale(QLocale::English)), u"en"_s);
}

void tst_TeamClaims::claimWithdrawEscalateAndFilter()
{
    QTemporaryDir dir;
    const QString users = TestSupport::writeUsersFile(dir, TestSupport::teamUsers());
    TestSupport::InProcessServer server([&](Notify::Server::ServerConfig &config) {
        config.usersFile = users;
        config.escalateAfterMs = 60'000;
    });
    QVERIFY(server.start());
    qint64 now = QDateTime::currentMSecsSinceEpoch();
    server->escalator()->setClock([&now] { return now; });
    const QString historyPath = dir.filePath(u"history.sqlite"_s);

    {
        HistoryStore history(historyPath);
        QString error;
        QVERIFY(history.open(&error));
        DBusNotifier notifier;
        DesktopSession session(&history, &notifier);
        QSignalSpy probed(session.actions(), &RestActions::probed);
        session.setSettings(aliceOn(server));
        session.start();
        QTRY_COMPARE(session.client()->state(), Notify::SseClient::State::Open);
        QTRY_COMPARE(probed.size(), 1);
        QVERIFY(session.actions()->offers(RestActions::Action::Claim));
        NotificationModel *model = session.notifications();

        // An error for the group: the alert offers Claim, and the tray asks for attention.
        const qsizetype first = m_fake.calls.size();
        publishToSupport(server.port(), u"n-1"_s);
        QTRY_COMPARE(m_fake.calls.size(), first + 1);
        QVERIFY(m_fake.calls.last().actions.contains(u"claim"_s));
        QCOMPARE(m_fake.calls.last().actions.at(m_fake.calls.last().actions.indexOf(u"claim"_s) + 1), u"Claim"_s);
        QTRY_COMPARE(model->unclaimedUnreadErrors(), 1);

        // Claim from the alert: the server has alice's claim, the row says so, attention stops.
        QDBusMessage signal = QDBusMessage::createSignal(u"/org/freedesktop/Notifications"_s,
                                                         u"org.freedesktop.Notifications"_s, u"ActionInvoked"_s);
        signal << uint(first + 1) << u"claim"_s;
        QDBusConnection(u"fake-daemon"_s).send(signal);
        QTRY_COMPARE(claimerOn(server, u"n-1"_s), u"alice"_s);
        const auto rowOf = [model](const QString &id) { return model->index(*model->rowOf(id), 0); };
        QTRY_COMPARE(rowOf(u"n-1"_s).data(NotificationModel::ClaimedByRole).toString(), u"alice"_s);
        QVERIFY(rowOf(u"n-1"_s).data(NotificationModel::ClaimedByMeRole).toBool()); // "Handled by you"
        QVERIFY(rowOf(u"n-1"_s).data(Qt::AccessibleTextRole).toString().endsWith(u". Handled by you"_s));
        QCOMPARE(model->unclaimedUnreadErrors(), 0);

        // bob takes the next one on from his desk: its alert leaves alice's desktop.
        publishToSupport(server.port(), u"n-2"_s);
        QTRY_COMPARE(m_fake.calls.size(), first + 2);
        const uint secondAlert = uint(first + 2);
        QTRY_COMPARE(model->unclaimedUnreadErrors(), 1);
        QCOMPARE(TestClient::request(server.port(), "POST", "/api/v1/notifications/n-2/claim/", TestSupport::BobToken)
                     .status,
                 200);
        QTRY_VERIFY(m_fake.closed.contains(secondAlert));
        QTRY_COMPARE(rowOf(u"n-2"_s).data(NotificationModel::ClaimedByRole).toString(), u"bob"_s);
        QCOMPARE(rowOf(u"n-2"_s).data(NotificationModel::ClaimedByNameRole).toString(), u"Bob"_s);
        QVERIFY(!rowOf(u"n-2"_s).data(NotificationModel::ClaimedByMeRole).toBool());
        QCOMPARE(model->unclaimedUnreadErrors(), 0);
        QVERIFY(!m_fake.closed.contains(uint(first + 1))); // alice's own claim keeps hers

        // People says what bob handles.
        QTRY_VERIFY(session.presence()->presenceOf(u"bob"_s).has_value());
        const QModelIndexList bobs
            = session.presence()->match(session.presence()->index(0), PresenceModel::UserRole, u"bob"_s);
        QCOMPARE(bobs.size(), 1);
        QTRY_COMPARE(bobs.first().data(PresenceModel::HandlingRole).toStringList(),
                     QStringList{ u"Payment failed n-2"_s });
        QVERIFY(bobs.first().data(Qt::DisplayRole).toString().endsWith(u" · handling 1"_s));

        // alice presses Claim on bob's: the server says no, and the window keeps bob.
        QSignalSpy failed(&session, &DesktopSession::actionFailed);
        session.claim(u"n-2"_s);
        QTRY_COMPARE(failed.size(), 1);
        QCOMPARE(failed.first().at(1).toString(), u"Bob is already handling this."_s);
        QCOMPARE(rowOf(u"n-2"_s).data(NotificationModel::ClaimedByRole).toString(), u"bob"_s);

        // Nobody takes n-3 within the time: it alerts again, marked as such, once.
        publishToSupport(server.port(), u"n-3"_s);
        QTRY_COMPARE(m_fake.calls.size(), first + 3);
        // 61 s after now, so after n-3 was stored, whenever that was.
        now = QDateTime::currentMSecsSinceEpoch() + 61'000;
        QCOMPARE(server->escalator()->check(), 1);
        QTRY_COMPARE(m_fake.calls.size(), first + 4);
        QCOMPARE(m_fake.calls.last().summary, u"Still unclaimed: Payment failed n-3"_s);
        QCOMPARE(m_fake.calls.last().urgency, 2);
        QVERIFY(m_fake.calls.last().actions.contains(u"claim"_s));
        QTRY_VERIFY(rowOf(u"n-3"_s).data(NotificationModel::EscalatedRole).toBool());

        // Repeats share a row ("×2"); bob takes the newer on, the older escalates:
        // the alert is the older one's, for it is still unclaimed.
        now = QDateTime::currentMSecsSinceEpoch(); // the escalator's clock back to the server's
        publishToSupport(server.port(), u"r-1"_s, u"error"_s, u"Printer jammed"_s);
        publishToSupport(server.port(), u"r-2"_s, u"error"_s, u"Printer jammed"_s);
        QTRY_VERIFY(model->rowOf(u"r-2"_s).has_value());
        QVERIFY(model->rowOf(u"r-1"_s) == model->rowOf(u"r-2"_s)); // one row
        QCOMPARE(TestClient::request(server.port(), "POST", "/api/v1/notifications/r-2/claim/", TestSupport::BobToken)
                     .status,
                 200);
        QTRY_COMPARE(model->find(u"r-2"_s)->claimedBy, u"bob"_s);
        const qsizetype beforeRepeat = m_fake.calls.size();
        now = QDateTime::currentMSecsSinceEpoch() + 61'000;
        QCOMPARE(server->escalator()->check(), 1); // r-1 only
        QTRY_COMPARE(m_fake.calls.size(), beforeRepeat + 1);
        QCOMPARE(m_fake.calls.last().summary, u"Still unclaimed: Printer jammed"_s);
        QVERIFY(model->find(u"r-1"_s)->escalated);

        // Release gives it back: nobody handles n-1 now.
        session.release(u"n-1"_s);
        QTRY_COMPARE(claimerOn(server, u"n-1"_s), QString());
        QTRY_COMPARE(rowOf(u"n-1"_s).data(NotificationModel::ClaimedByRole).toString(), QString());

        // "Waiting for someone": n-1 and n-3, not bob's n-2.
        NotificationFilterModel filter;
        filter.setSourceModel(model);
        filter.setWaitingOnly(true);
        QStringList waiting;
        for (int row = 0; row < filter.rowCount(); ++row)
            waiting << filter.index(row, 0).data(NotificationModel::IdRole).toString();
        QCOMPARE(waiting, (QStringList{ u"n-3"_s, u"n-1"_s })); // the repeats' row is bob's newest
        QTRY_COMPARE(model->unclaimedUnreadErrors(), 3); // n-1, n-3 and the older repeat r-1
        session.stop();
    }

    // The next start shows the claims from the history before the stream says anything.
    HistoryStore history(historyPath);
    QString error;
    QVERIFY(history.open(&error));
    bool found = false;
    for (const NotificationItem &item : history.notifications()) {
        if (item.id == u"n-2"_s) {
            found = true;
            QCOMPARE(item.claimedBy, u"bob"_s);
        }
        if (item.id == u"n-3"_s)
            QVERIFY(item.escalated);
    }
    QVERIFY(found);
}

void tst_TeamClaims::windowShowsWhoHandlesIt()
{
    QTemporaryDir dir;
    const QString users = TestSupport::writeUsersFile(dir, TestSupport::teamUsers());
    TestSupport::InProcessServer server([&](Notify::Server::ServerConfig &config) { config.usersFile = users; });
    QVERIFY(server.start());
    DesktopSession session(nullptr, nullptr);
    QSignalSpy probed(session.actions(), &RestActions::probed);
    session.setSettings(aliceOn(server));
    NotificationsPage page(&session);
    page.resize(900, 500);
    page.show();
    session.start();
    QTRY_COMPARE(probed.size(), 1);
    publishToSupport(server.port(), u"w-1"_s);
    QTRY_COMPARE(page.view()->model()->rowCount(), 1);
    page.view()->setCurrentIndex(page.view()->model()->index(0, 0));
    auto *claim = page.details()->findChild<QPushButton *>(u"claim"_s);
    auto *handled = page.details()->findChild<QLabel *>(u"handledBy"_s);
    QVERIFY(claim && handled);
    QTRY_VERIFY(claim->isVisible());
    QCOMPARE(handled->text(), u"Nobody has claimed this yet."_s);
    QVERIFY(page.claimAction()->isEnabled());

    // C on the list claims the current row.
    page.view()->setFocus();
    QTest::keyClick(page.view(), Qt::Key_C);
    QTRY_COMPARE(claimerOn(server, u"w-1"_s), u"alice"_s);
    QTRY_VERIFY(handled->text().startsWith(u"You handle this"_s));
    QCOMPARE(claim->text(), u"R&elease"_s);
    QTRY_VERIFY(page.releaseAction()->isEnabled());
    claim->click();
    QTRY_COMPARE(claimerOn(server, u"w-1"_s), QString());

    // bob claims it: the pane says so, and offers no button to alice.
    QCOMPARE(
        TestClient::request(server.port(), "POST", "/api/v1/notifications/w-1/claim/", TestSupport::BobToken).status,
        200);
    QTRY_VERIFY(handled->text().startsWith(u"Handled by Bob"_s));
    QVERIFY(!claim->isVisible());
    QVERIFY(!page.claimAction()->isEnabled());
    // The waiting filter leaves it out (it is not the row being read once another is chosen).
    page.waitingOnlyAction()->setChecked(true);
    page.view()->setCurrentIndex({});
    page.filter()->setKept({});
    QTRY_COMPARE(page.view()->model()->rowCount(), 0);
}

void tst_TeamClaims::backendWithoutClaimsHidesThem()
{
    TestSupport::InProcessServer server(
        [](Notify::Server::ServerConfig &config) { config.dialect = Notify::Server::ServerConfig::Dialect::Django; });
    QVERIFY(server.start());
    DBusNotifier notifier;
    DesktopSession session(nullptr, &notifier);
    QSignalSpy probed(session.actions(), &RestActions::probed);
    DesktopSession::Settings settings = aliceOn(server);
    settings.auth = Notify::AuthScheme::Token;
    session.setSettings(settings);
    NotificationsPage page(&session);
    session.start();
    QTRY_COMPARE(session.client()->state(), Notify::SseClient::State::Open);
    QTRY_COMPARE(probed.size(), 1);
    // The seed's backend answers 404 for the claim path: no Claim anywhere.
    QVERIFY(!session.actions()->offers(RestActions::Action::Claim));
    QVERIFY(!page.claimAction()->isVisible());
    QVERIFY(!page.waitingOnlyAction()->isVisible());
    const qsizetype before = m_fake.calls.size();
    server->publish("notification",
                    QJsonObject{ { u"notification_id"_s, u"d-1"_s },
                                 { u"title"_s, u"No claims here"_s },
                                 { u"level"_s, u"error"_s },
                                 { u"created_at"_s, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs) } },
                    { u"alice"_s });
    QTRY_COMPARE(m_fake.calls.size(), before + 1);
    QVERIFY(!m_fake.calls.last().actions.contains(u"claim"_s));
}

QTEST_MAIN(tst_TeamClaims)
#include "tst_teamclaims.moc"
