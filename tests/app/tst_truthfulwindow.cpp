// SPDX-License-Identifier: MIT
// What the window shows is true (issue 17): nothing is read but by the user,
// counts are the server's, no list is cut off in silence, and an action that
// fails says so where the user acted and loses nothing. Each test is one of
// the bugs staff met, against a real server in-process (offscreen), and
// checks the server's own state, not only the window's.

#include "core/appsettings.h"
#include "core/desktopsession.h"
#include "core/historystore.h"
#include "core/messagemodel.h"
#include "core/notificationfiltermodel.h"
#include "core/notificationmodel.h"
#include "core/translations.h"
#include "inprocessserver.h"
#include "store/eventstore.h"
#include "testclient.h"
#include "ui/connectionbanner.h"
#include "ui/inlinenotice.h"
#include "ui/mainwindow.h"
#include "ui/messagespage.h"
#include "ui/notificationdetails.h"
#include "ui/notificationspage.h"
#include "ui/settingsdialog.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Notify::Tray;

using Notify::SseClient;

namespace {

/// Records what the session alerts.
class RecordingNotifier final : public Notifier
{
public:
    void show(const Alert &alert) override { shown << alert; }
    void withdraw(const QString &key) override { withdrawn << key; }
    QList<Alert> shown;
    QStringList withdrawn;
};

/// Answers the next modal message box with @p button, keeping its text.
class MessageBoxAnswer final : public QObject
{
public:
    explicit MessageBoxAnswer(QMessageBox::StandardButton button)
    {
        auto *timer = new QTimer(this);
        connect(timer, &QTimer::timeout, this, [this, timer, button] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            if (!box)
                return;
            text = box->text();
            timer->stop();
            box->button(button)->click();
        });
        timer->start(10);
    }
    QString text;
};

} // namespace

class tst_TruthfulWindow final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    // 1. Reading only by the user
    void unreadOnlyReadsNothingByItself();
    void readingNeedsTheActiveWindowAndItsTab();
    // 2. and 3. No silent cap; the selection at the cap
    void countsAreTheServersAndTheListReachesEverything();
    void aServerThatKeepsItsNewestCountsWhatItKeeps();
    void theServersCountsAreKeptForTheNextStart();
    // 4. and the outbox
    void aRefusedReplyComesBackWithTheReason();
    void repliesAndReadsWaitForTheServer();
    void aRefusedReadIsTakenBackAndSaid();
    // 5. Mark unread on the server
    void markUnreadReachesTheServer();
    void markUnreadIsNotOfferedWhereTheServerLacksIt();
    // 6. Mark all read at start
    void markAllReadIsEnabledWhenSomethingIsUnread();
    // 7. Quit
    void quitQuitsWithTheWindowOpen();
    // 8. --version and --help without a display
    void versionAndHelpWithoutADisplay();
    // Being told
    void aLateHeartbeatSaysWaiting();
    void aRefusedTokenIsAlertedOnce();
    void aBacklogAlertsMessagesAndErrorsFirst();
    // The smaller points
    void searchBoxKeys();
    void settingsMnemonicsAreUniqueAndResultsFresh();
    void theTitleGetsTheRoom();

private:
    void startWindow(const DesktopSession::Settings &settings, HistoryStore *history = nullptr);
    void startWindow() { startWindow(settings()); }
    [[nodiscard]] DesktopSession::Settings settings() const;
    QByteArray notify(const QString &id, const char *level = "info");
    [[nodiscard]] qint64 serverUnread() const
    {
        return (*m_server)->store().notificationCounts(QStringLiteral("alice")).unread;
    }
    [[nodiscard]] QTableView *list() const { return m_window->notificationsPage()->view(); }
    [[nodiscard]] NotificationModel *model() const { return m_session->notifications(); }
    [[nodiscard]] QString currentId() const
    {
        return list()->currentIndex().data(NotificationModel::IdRole).toString();
    }
    [[nodiscard]] QString paneTitle() const;
    void activate();
    /// A fault on demand, through the server's own endpoint.
    void fault(const QByteArray &body)
    {
        QCOMPARE(
            TestClient::request(m_server->port(), "POST", "/api/v1/dev/faults/", TestSupport::AdminToken, body).status,
            200);
    }

    /// A history of the fixture's (it must outlive the session that writes to it).
    HistoryStore *openHistory(const QString &path)
    {
        m_window.reset();
        m_session.reset();
        m_history = std::make_unique<HistoryStore>(path);
        QString error;
        if (!m_history->open(&error))
            qWarning() << "history:" << error;
        return m_history.get();
    }

    std::unique_ptr<TestSupport::InProcessServer> m_server;
    std::unique_ptr<HistoryStore> m_history;
    std::unique_ptr<RecordingNotifier> m_notifier;
    std::unique_ptr<DesktopSession> m_session;
    std::unique_ptr<MainWindow> m_window;
};

void tst_TruthfulWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("notify-test"));
    QCoreApplication::setApplicationName(QStringLiteral("notify-truthful-window-test"));
    qunsetenv("DBUS_SESSION_BUS_ADDRESS"); // no keyring
    Translations::install(QCoreApplication::instance(), QLocale(QLocale::English));
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); // "10,008"
}

void tst_TruthfulWindow::init()
{
    m_server = std::make_unique<TestSupport::InProcessServer>();
    QVERIFY(m_server->start());
}

void tst_TruthfulWindow::cleanup()
{
    m_window.reset();
    m_session.reset();
    m_notifier.reset();
    m_history.reset();
    m_server.reset();
}

DesktopSession::Settings tst_TruthfulWindow::settings() const
{
    DesktopSession::Settings s;
    s.server = m_server->url();
    s.token = "alice-token-0001";
    s.user = QStringLiteral("alice");
    return s;
}

void tst_TruthfulWindow::startWindow(const DesktopSession::Settings &settings, HistoryStore *history)
{
    m_notifier = std::make_unique<RecordingNotifier>();
    m_session = std::make_unique<DesktopSession>(history, m_notifier.get());
    m_session->setSettings(settings);
    m_window = std::make_unique<MainWindow>(m_session.get());
    m_window->setTrayAvailable([] { return true; }); // closing hides it, as with a tray
    m_window->resize(1000, 620);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    activate();
    m_session->start();
}

void tst_TruthfulWindow::activate()
{
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
}

QByteArray tst_TruthfulWindow::notify(const QString &id, const char *level)
{
    return m_server->publish(
        "notification",
        QJsonObject{ { QStringLiteral("notification_id"), id },
                     { QStringLiteral("title"), QString(QStringLiteral("Title ") + id) },
                     { QStringLiteral("level"), QString::fromLatin1(level) },
                     { QStringLiteral("created_at"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs) } },
        { QStringLiteral("alice") });
}

QString tst_TruthfulWindow::paneTitle() const
{
    const QStringList ids = m_window->notificationsPage()->details()->shownIds();
    return ids.isEmpty() ? QString() : ids.first();
}

// --- 1. Reading only by the user -------------------------------------------

void tst_TruthfulWindow::unreadOnlyReadsNothingByItself()
{
    // Staff: a row selected, Ctrl+U, then the Orders tab; the app read one item every 1.5 s by itself.
    startWindow();
    QTRY_COMPARE(m_session->client()->state(), SseClient::State::Open);
    for (int i = 0; i < 8; ++i)
        notify(QStringLiteral("n%1").arg(i));
    QTRY_COMPARE(model()->unreadCount(), 8);
    NotificationsPage *page = m_window->notificationsPage();
    list()->setFocus();
    // The user clicks the newest.
    QTest::mouseClick(list()->viewport(), Qt::LeftButton, {},
                      list()->visualRect(list()->model()->index(0, 0)).center());
    const QString chosen = currentId();
    QCOMPARE(chosen, QStringLiteral("n7"));
    QTRY_COMPARE_WITH_TIMEOUT(serverUnread(), 7, 5000); // shown for a moment: read, on the server too
    QTest::keyClick(m_window.get(), Qt::Key_U, Qt::ControlModifier);
    QVERIFY(page->filter()->isFiltering());
    // The row just read stays, selected and in the pane, until the user moves on...
    QCOMPARE(currentId(), chosen);
    QCOMPARE(paneTitle(), chosen);
    QCOMPARE(list()->model()->rowCount(), 8);
    // ...and nothing is on its way to being read: nothing reads the next one.
    QVERIFY(!page->readPending());
    m_window->tabs()->setCurrentIndex(MainWindow::OrdersTab);
    m_window->tabs()->setCurrentIndex(MainWindow::NotificationsTab);
    QVERIFY(!page->readPending());
    QCOMPARE(serverUnread(), 7);
    QCOMPARE(model()->unreadCount(), 7);
    // The user moves on: the read row leaves the filter, the next one is theirs to read.
    QTest::keyClick(list(), Qt::Key_Down);
    QCOMPARE(currentId(), QStringLiteral("n6"));
    QCOMPARE(list()->model()->rowCount(), 7);
    QVERIFY(page->readPending());
    QTRY_COMPARE_WITH_TIMEOUT(serverUnread(), 6, 5000);
    QCOMPARE(currentId(), QStringLiteral("n6"));
    QVERIFY(!page->readPending());
    QCOMPARE(serverUnread(), 6);
    QTRY_VERIFY(
        m_session->actions()->outbox()->isEmpty()); // nothing waits to be sent either (its 204 may still be on its way)
}

void tst_TruthfulWindow::readingNeedsTheActiveWindowAndItsTab()
{
    startWindow();
    QTRY_COMPARE(m_session->client()->state(), SseClient::State::Open);
    notify(QStringLiteral("a"));
    notify(QStringLiteral("b"));
    QTRY_COMPARE(model()->unreadCount(), 2);
    NotificationsPage *page = m_window->notificationsPage();
    // Another window in front: the pane may show it, but nobody is reading it.
    QWidget other;
    other.resize(200, 100);
    other.show();
    other.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&other));
    list()->setCurrentIndex(list()->model()->index(0, 0));
    QCOMPARE(paneTitle(), QStringLiteral("b"));
    QVERIFY(!page->readPending());
    // Back in front: a new moment starts, and then it is read.
    activate();
    QVERIFY(page->readPending());
    // Another tab in front: the moment stops.
    m_window->tabs()->setCurrentIndex(MainWindow::MessagesTab);
    QVERIFY(!page->readPending());
    m_window->tabs()->setCurrentIndex(MainWindow::NotificationsTab);
    QVERIFY(page->readPending());
    QTRY_COMPARE_WITH_TIMEOUT(serverUnread(), 1, 5000);
    QCOMPARE(model()->unreadCount(), 1);
}

// --- 2., 3. No silent cap, and the selection at the cap ---------------------

void tst_TruthfulWindow::countsAreTheServersAndTheListReachesEverything()
{
    // A night of 10,008 notifications while the app runs: 10,000 rows, but every count is the server's
    // (a server that keeps more than the app lists: --max-notifications 50000).
    m_server = std::make_unique<TestSupport::InProcessServer>(
        [](Notify::Server::ServerConfig &c) { c.maxNotifications = 50'000; });
    QVERIFY(m_server->start());
    startWindow();
    QTRY_COMPARE(m_session->client()->state(), SseClient::State::Open);
    const int total = int(NotificationModel::DefaultCapacity) + 8;
    const QDateTime start = QDateTime::currentDateTimeUtc().addSecs(-total);
    for (int i = 0; i < total; ++i) { // a second apart, night-0 the oldest
        m_server->publish("notification",
                          QJsonObject{ { QStringLiteral("notification_id"), QStringLiteral("night-%1").arg(i) },
                                       { QStringLiteral("title"), QStringLiteral("Night notice %1").arg(i) },
                                       { QStringLiteral("created_at"), start.addSecs(i).toString(Qt::ISODate) } },
                          { QStringLiteral("alice") });
    }
    // However the first list and the stream cross (on a busy machine the list may come after them all):
    // every one of them arrives, 10,000 rows, 8 beyond, nothing counted twice.
    QTRY_VERIFY_WITH_TIMEOUT(
        model()->rowCount() == int(NotificationModel::DefaultCapacity) && model()->notificationsBeyond() == 8, 60000);
    QCOMPARE(model()->notificationCount() + model()->notificationsBeyond(), total);
    QCOMPARE(model()->unreadCount(), total);
    QTRY_COMPARE(m_window->tabs()->tabText(MainWindow::NotificationsTab).remove(u'&'),
                 QStringLiteral("Notifications (10,008)"));
    QTRY_VERIFY2(m_window->statusText().contains(u"10,008 unread"), qPrintable(m_window->statusText()));
    auto *older = m_window->notificationsPage()->findChild<QPushButton *>(QStringLiteral("loadOlder"));
    QTRY_COMPARE(older->text().remove(u'&'), QStringLiteral("Load older notifications (8 more on the server)"));

    // The oldest row, selected by the user, is pushed out by new arrivals: the
    // pane keeps it, and the row the list moves to is not read.
    activate();
    const QModelIndex oldest = list()->model()->index(list()->model()->rowCount() - 1, 0);
    list()->setCurrentIndex(oldest);
    const QString chosen = currentId();
    QCOMPARE(chosen, QStringLiteral("night-8"));
    QTRY_COMPARE_WITH_TIMEOUT(serverUnread(), total - 1, 5000);
    for (int i = 0; i < 3; ++i)
        notify(QStringLiteral("morning-%1").arg(i));
    QTRY_COMPARE(model()->unreadCount(), total - 1 + 3);
    QVERIFY(!model()->rowOf(chosen).has_value());
    QCOMPARE(paneTitle(), chosen); // still what the user chose
    QVERIFY(!m_window->notificationsPage()->readPending());
    QCOMPARE(serverUnread(), total - 1 + 3);

    // Load older reaches what the server still has, and says "No older" only when the server does.
    QSignalSpy loaded(m_session.get(), &DesktopSession::olderLoaded);
    m_window->notificationsPage()->loadOlderAction()->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, 15000);
    QCOMPARE(loaded.first().at(0).toInt(), 11);
    QCOMPARE(loaded.first().at(1).toBool(), false);
    QVERIFY(model()->rowOf(QStringLiteral("night-0")).has_value());
    QCOMPARE(model()->notificationsBeyond(), 0);
    QCOMPARE(older->text(), QStringLiteral("No older notifications on the server"));
    QCOMPARE(model()->unreadCount(), total - 1 + 3);

    // Mark all read names what it marks, and asks, when the list holds fewer than the server has.
    const int rows = model()->rowCount();
    QCOMPARE(rows, total + 3); // nothing beyond now: no question
    model()->setBeyond(100, 100); // as after another night: 100 more unread on the server than listed
    {
        MessageBoxAnswer cancel(QMessageBox::Cancel);
        m_window->notificationsPage()->markShownReadAction()->trigger();
        QVERIFY2(cancel.text.contains(u"Mark 10,110 notifications read on the server?"), qPrintable(cancel.text));
    }
    QCOMPARE(serverUnread(), total - 1 + 3); // cancelled: nothing marked
    {
        MessageBoxAnswer yes(QMessageBox::Yes);
        m_window->notificationsPage()->markShownReadAction()->trigger();
        QVERIFY(!yes.text.isEmpty());
    }
    QTRY_COMPARE_WITH_TIMEOUT(serverUnread(), 0, 15000);
    QTRY_COMPARE(model()->unreadCount(), 0); // the recount after the server's notification_read
}

void tst_TruthfulWindow::aServerThatKeepsItsNewestCountsWhatItKeeps()
{
    // The server keeps the newest 1,005 of a user's notifications; the app lists the first 1,000 and
    // counts 5 beyond. One more arrives: the server drops its oldest, and its count stays 1,005.
    m_server = std::make_unique<TestSupport::InProcessServer>(
        [](Notify::Server::ServerConfig &c) { c.maxNotifications = 1005; });
    QVERIFY(m_server->start());
    const QDateTime start = QDateTime::currentDateTimeUtc().addSecs(-2000);
    for (int i = 0; i < 1005; ++i) {
        m_server->publish("notification",
                          QJsonObject{ { QStringLiteral("notification_id"), QStringLiteral("day-%1").arg(i) },
                                       { QStringLiteral("title"), QStringLiteral("Day notice %1").arg(i) },
                                       { QStringLiteral("created_at"), start.addSecs(i).toString(Qt::ISODate) } },
                          { QStringLiteral("alice") });
    }
    startWindow();
    QTRY_VERIFY_WITH_TIMEOUT(model()->rowCount() == 1000 && model()->notificationsBeyond() == 5, 15000);
    QCOMPARE(model()->unreadCount(), 1005);
    notify(QStringLiteral("live-1"));
    QTRY_VERIFY(model()->rowOf(QStringLiteral("live-1")).has_value());
    QCOMPARE(serverUnread(), 1005);
    // What the window says is what the server has, not 1,006.
    QTRY_COMPARE(model()->unreadCount(), 1005);
    QTRY_VERIFY2(m_window->statusText().contains(u"1,005 unread"), qPrintable(m_window->statusText()));
}

void tst_TruthfulWindow::theServersCountsAreKeptForTheNextStart()
{
    // 1,005 on the server, the newest 1,000 listed: what the app knew of the
    // other five holds at the next start, even when the server cannot be
    // asked (a refused token), until it is asked again.
    const QDateTime start = QDateTime::currentDateTimeUtc().addDays(-1);
    for (int i = 0; i < 1'005; ++i)
        m_server->publish("notification",
                          QJsonObject{ { QStringLiteral("notification_id"), QStringLiteral("k-%1").arg(i) },
                                       { QStringLiteral("title"), QStringLiteral("Kept %1").arg(i) },
                                       { QStringLiteral("created_at"), start.addSecs(i).toString(Qt::ISODate) } },
                          { QStringLiteral("alice") });
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("history.sqlite"));
    {
        HistoryStore &history = *openHistory(path);
        startWindow(settings(), &history);
        QTRY_COMPARE_WITH_TIMEOUT(model()->rowCount(), 1'000, 15000);
        QCOMPARE(model()->unreadCount(), 1'005);
        m_session->stop();
        m_window.reset();
        m_session.reset();
    }
    HistoryStore &history = *openHistory(path);
    DesktopSession::Settings wrong = settings();
    wrong.token = "wrong-token";
    startWindow(wrong, &history);
    QCOMPARE(model()->rowCount(), 1'000);
    QCOMPARE(model()->unreadCount(), 1'005);
    QTRY_COMPARE(m_window->tabs()->tabText(MainWindow::NotificationsTab).remove(u'&'),
                 QStringLiteral("Notifications (1,005)"));
    QTRY_COMPARE(m_session->client()->state(), SseClient::State::AuthRequired);
    QCOMPARE(model()->unreadCount(), 1'005);
}

// --- 4. Replies, reads and the outbox ----------------------------------------

void tst_TruthfulWindow::aRefusedReplyComesBackWithTheReason()
{
    startWindow();
    QTRY_COMPARE(m_session->client()->state(), SseClient::State::Open);
    MessagesPage *messages = m_window->messagesPage();
    m_window->tabs()->setCurrentIndex(MainWindow::MessagesTab);
    QTRY_VERIFY(messages->conversations()->count() > 0); // the colleagues, from the presence list
    messages->selectPeer(QStringLiteral("bob"));
    fault(R"({"action":"fail_requests","status":400,"path":"/api/v1/messages/"})");
    QLineEdit *reply = messages->replyBox();
    reply->setFocus();
    QTest::keyClicks(reply, QStringLiteral("Courier is here"));
    QTest::keyClick(reply, Qt::Key_Return);
    // Refused: the text is back in the box, the reason under it, and no message pretends to be sent.
    QTRY_COMPARE(reply->text(), QStringLiteral("Courier is here"));
    QVERIFY2(messages->notice()->text().contains(u"was not sent"), qPrintable(messages->notice()->text()));
    QVERIFY2(messages->notice()->text().contains(u"injected"), qPrintable(messages->notice()->text()));
    QCOMPARE(m_session->messages()->rowCount(), 0);
    // Sent again: it goes, and the conversation has it once.
    QTest::keyClick(reply, Qt::Key_Return);
    QTRY_COMPARE(m_session->messages()->rowCount(), 1);
    QTRY_VERIFY(m_session->messages()->index(0, 0).data(MessageModel::PendingRole).toString().isEmpty());
    QCOMPARE(reply->text(), QString());
}

void tst_TruthfulWindow::repliesAndReadsWaitForTheServer()
{
    // The server fails for a while (503): the reply and the read wait in the
    // outbox, survive a restart of the app, and reach the server after it.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("history.sqlite"));
    {
        HistoryStore &history = *openHistory(path);
        startWindow(settings(), &history);
        QTRY_COMPARE(m_session->client()->state(), SseClient::State::Open);
        notify(QStringLiteral("w1"));
        QTRY_COMPARE(model()->unreadCount(), 1);
        QTRY_VERIFY(m_window->messagesPage()->conversations()->count() > 0);
        fault(R"({"action":"fail_requests","status":503,"count":100})");
        m_session->sendMessage(QStringLiteral("bob"), QStringLiteral("Are you there?"));
        m_session->markRead(QStringLiteral("w1"));
        QTRY_COMPARE(m_session->messages()->index(0, 0).data(MessageModel::PendingRole).toString(),
                     QStringLiteral("Not sent yet"));
        QTRY_VERIFY2(m_window->messagesPage()->notice()->text().contains(u"trying again"),
                     qPrintable(m_window->messagesPage()->notice()->text()));
        QTRY_VERIFY2(m_window->notificationsPage()->notice()->text().contains(u"Not on the server yet"),
                     qPrintable(m_window->notificationsPage()->notice()->text()));
        QCOMPARE(model()->unreadCount(), 0); // read here, waiting for the server
        QCOMPARE(serverUnread(), 1);
        m_window.reset();
        m_session.reset(); // the app quits with both waiting
    }
    fault(R"({"action":"clear"})"); // the server is well again
    HistoryStore &history = *openHistory(path);
    startWindow(settings(), &history);
    // The reply shows as waiting at once, then goes; the read reaches the server.
    QCOMPARE(m_session->messages()->rowCount(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(serverUnread(), 0, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(m_session->messages()->index(0, 0).data(MessageModel::PendingRole).toString().isEmpty(),
                             10000);
    QCOMPARE(m_session->messages()->rowCount(), 1); // once, though its event came too
    QTRY_VERIFY(m_session->actions()->outbox()->isEmpty()); // the read's 204 may come after the server changed
    QVERIFY(history.outbox().isEmpty());
}

void tst_TruthfulWindow::aRefusedReadIsTakenBackAndSaid()
{
    startWindow();
    QTRY_COMPARE(m_session->client()->state(), SseClient::State::Open);
    notify(QStringLiteral("r1"));
    QTRY_COMPARE(model()->unreadCount(), 1);
    fault(R"({"action":"fail_requests","status":400,"path":"/api/v1/notifications/"})");
    list()->setFocus();
    list()->setCurrentIndex(list()->model()->index(0, 0));
    QTest::keyClick(list(), Qt::Key_M);
    // Refused: unread again here as on the server, and the reason where the user acted.
    QTRY_COMPARE(model()->unreadCount(), 1);
    QVERIFY2(m_window->notificationsPage()->notice()->text().contains(u"Not marked read on the server"),
             qPrintable(m_window->notificationsPage()->notice()->text()));
    QCOMPARE(serverUnread(), 1);
    // Taken back while in the pane: it is not sent again and again by itself.
    QVERIFY(!m_window->notificationsPage()->readPending());
}

// --- 5. Mark unread ----------------------------------------------------------

void tst_TruthfulWindow::markUnreadReachesTheServer()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("history.sqlite"));
    {
        HistoryStore &history = *openHistory(path);
        startWindow(settings(), &history);
        QTRY_COMPARE(m_session->client()->state(), SseClient::State::Open);
        notify(QStringLiteral("u1"));
        QTRY_COMPARE(model()->unreadCount(), 1);
        list()->setFocus();
        list()->setCurrentIndex(list()->model()->index(0, 0));
        QTest::keyClick(list(), Qt::Key_M);
        QTRY_COMPARE(serverUnread(), 0);
        QTest::keyClick(list(), Qt::Key_M, Qt::ShiftModifier);
        QCOMPARE(model()->unreadCount(), 1);
        // Unread on purpose: not read again in a moment, though it is still in the pane.
        QVERIFY(!m_window->notificationsPage()->readPending());
        QTRY_COMPARE(serverUnread(), 1); // the server agrees
        QVERIFY(!m_window->notificationsPage()->readPending());
        m_window.reset();
        m_session.reset();
    }
    // After a restart the app and the server agree; another device's read and unread reach it.
    HistoryStore &history = *openHistory(path);
    startWindow(settings(), &history);
    QTRY_COMPARE(m_session->client()->state(), SseClient::State::Open);
    // (The server's echo of the read may have come after the unread and been the last word kept;
    // the replay after the restart brings the unread's echo after it.)
    QTRY_COMPARE(model()->unreadCount(), 1);
    const auto other = [this](const QByteArray &what) {
        return TestClient::request(m_server->port(), "POST", "/api/v1/notifications/u1/" + what + "/",
                                   TestSupport::AliceToken, "")
            .status;
    };
    QCOMPARE(other("read"), 204);
    QTRY_COMPARE(model()->unreadCount(), 0);
    QCOMPARE(other("unread"), 204);
    QTRY_COMPARE(model()->unreadCount(), 1);
    QCOMPARE(serverUnread(), 1);
}

void tst_TruthfulWindow::markUnreadIsNotOfferedWhereTheServerLacksIt()
{
    // The reference Django backend has no "unread again" (our server's Django dialect neither).
    m_server = std::make_unique<TestSupport::InProcessServer>(
        [](Notify::Server::ServerConfig &c) { c.dialect = Notify::Server::ServerConfig::Dialect::Django; });
    QVERIFY(m_server->start());
    DesktopSession::Settings s = settings();
    s.auth = Notify::AuthScheme::Token;
    startWindow(s);
    QTRY_COMPARE(m_session->client()->state(), SseClient::State::Open);
    QTRY_VERIFY(!m_session->actions()->offers(RestActions::Action::Unread));
    m_server->publish(
        "notification",
        QJsonObject{ { QStringLiteral("notification_id"), QStringLiteral("d1") },
                     { QStringLiteral("title"), QStringLiteral("Django one") },
                     { QStringLiteral("created_at"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate) } },
        { QStringLiteral("alice") });
    QTRY_COMPARE(model()->rowCount(), 1);
    list()->setCurrentIndex(list()->model()->index(0, 0));
    QTest::keyClick(list(), Qt::Key_M);
    QTRY_VERIFY(list()->currentIndex().data(NotificationModel::ReadRole).toBool());
    QAction *unread = m_window->notificationsPage()->markUnreadAction();
    QVERIFY(!unread->isEnabled());
    QVERIFY2(unread->toolTip().contains(u"cannot mark notifications unread"), qPrintable(unread->toolTip()));
    QVERIFY(m_session->actions()->offers(RestActions::Action::Reply)); // what it has stays offered
}

// --- 6. Mark all read, enabled whenever something is unread -----------------

void tst_TruthfulWindow::markAllReadIsEnabledWhenSomethingIsUnread()
{
    // Yesterday's history holds unread ones: the action is there at start, before any event.
    QTemporaryDir dir;
    HistoryStore &history = *openHistory(dir.filePath(QStringLiteral("history.sqlite")));
    QList<NotificationItem> items;
    for (int i = 0; i < 4; ++i) {
        NotificationItem n;
        n.id = QStringLiteral("h%1").arg(i);
        n.title = n.id;
        n.createdAt = QDateTime::currentDateTimeUtc().addSecs(-60 * i);
        n.read = i == 3;
        items << n;
    }
    history.saveNotifications(items);
    history.setLastEventId(notify(QStringLiteral("h0")));
    startWindow(settings(), &history);
    QCOMPARE(model()->unreadCount(), 3);
    QVERIFY(m_window->notificationsPage()->markShownReadAction()->isEnabled());
    QTRY_COMPARE(m_session->client()->state(), SseClient::State::Open);
    // And when unread ones arrive into an empty list.
    notify(QStringLiteral("fresh"));
    QTRY_COMPARE(model()->unreadCount(), 4);
    QVERIFY(m_window->notificationsPage()->markShownReadAction()->isEnabled());
}

// --- 7. Quit quits -----------------------------------------------------------

void tst_TruthfulWindow::quitQuitsWithTheWindowOpen()
{
    startWindow();
    // Closing the window keeps the app in the tray...
    QVERIFY(!m_window->close());
    QVERIFY(!m_window->isVisible());
    m_window->show();
    // ...Quit (Ctrl+Q, File › Quit, the tray's Quit) closes it for good: nothing holds the quit up.
    QSignalSpy quitting(m_window.get(), &MainWindow::quitRequested);
    QTest::keyClick(m_window.get(), Qt::Key_Q, Qt::ControlModifier);
    QCOMPARE(quitting.size(), 1);
    QVERIFY(m_window->isQuitting());
    QVERIFY(m_window->close()); // what QApplication::quit() asks of every window, accepted
}

// --- 8. --version and --help without a display -------------------------------

void tst_TruthfulWindow::versionAndHelpWithoutADisplay()
{
    for (const QString &option : { QStringLiteral("--version"), QStringLiteral("--help") }) {
        QProcess tray;
        QProcessEnvironment env;
        env.insert(QStringLiteral("PATH"), QStringLiteral("/usr/bin:/bin"));
        env.insert(QStringLiteral("HOME"), QDir::tempPath());
        tray.setProcessEnvironment(env); // no DISPLAY, no QT_QPA_PLATFORM, no XDG_RUNTIME_DIR
        tray.start(QStringLiteral(NOTIFY_TRAY_BINARY), { option });
        QVERIFY(tray.waitForFinished(20000));
        QCOMPARE(tray.exitStatus(), QProcess::NormalExit);
        QCOMPARE(tray.exitCode(), 0);
        const QByteArray out = tray.readAllStandardOutput();
        const QByteArray err = tray.readAllStandardError();
        QVERIFY2(out.contains(option == u"--version" ? "notify-tray " NOTIFY_VERSION : "--minimized"), out.constData());
        QVERIFY2(!err.contains("QStandardPaths") && !err.contains("display"), err.constData());
    }
}

// --- Being told ----------------------------------------------------------------

void tst_TruthfulWindow::aLateHeartbeatSaysWaiting()
{
    m_notifier = std::make_unique<RecordingNotifier>();
    m_session = std::make_unique<DesktopSession>(nullptr, m_notifier.get());
    m_session->setSettings(settings());
    SseClient::Settings client = m_session->client()->settings();
    client.quietWarningMs = 300; // a heartbeat every 30 s would be 35 s
    m_session->client()->setSettings(client);
    m_window = std::make_unique<MainWindow>(m_session.get());
    m_window->show();
    fault(R"({"action":"stall_streams","count":1})"); // headers and preamble, then nothing
    m_session->start();
    QTRY_COMPARE(m_session->client()->state(), SseClient::State::Open);
    // Long before the watchdog declares it dead, the window says it is waiting.
    QTRY_VERIFY(m_window->banner()->isVisible());
    QCOMPARE(m_window->banner()->kind(), ConnectionBanner::Kind::Problem);
    QVERIFY2(m_window->banner()->text().contains(u"Waiting for the server"), qPrintable(m_window->banner()->text()));
    QVERIFY2(m_window->statusText().contains(u"waiting for the server"), qPrintable(m_window->statusText()));
    QCOMPARE(m_session->client()->state(), SseClient::State::Open);
    // A new stream that talks: the banner goes.
    m_session->reconnectNow();
    QTRY_VERIFY(!m_window->banner()->isVisible());
}

void tst_TruthfulWindow::aRefusedTokenIsAlertedOnce()
{
    DesktopSession::Settings s = settings();
    s.token = "wrong-token";
    startWindow(s);
    QTRY_COMPARE(m_session->client()->state(), SseClient::State::AuthRequired);
    QTRY_COMPARE(m_notifier->shown.size(), 1);
    const Notifier::Alert alert = m_notifier->shown.first();
    QCOMPARE(alert.key, QString(DesktopSession::TokenRefusedKey));
    QCOMPARE(alert.urgency, Notifier::Urgency::Critical);
    QVERIFY(alert.title.contains(u"refused your token"));
    // Retried by the user, refused again: still one alert. Its button opens the settings.
    m_session->reconnectNow();
    QTRY_COMPARE(m_session->client()->state(), SseClient::State::AuthRequired);
    QCOMPARE(m_notifier->shown.size(), 1);
    QSignalSpy settingsAsked(m_session.get(), &DesktopSession::settingsRequested);
    emit m_notifier->actionInvoked(alert.key, QStringLiteral("settings"));
    QCOMPARE(settingsAsked.size(), 1);
    // The right token: the alert is taken back.
    m_session->client()->setToken("alice-token-0001");
    QTRY_COMPARE(m_session->client()->state(), SseClient::State::Open);
    QVERIFY(m_notifier->withdrawn.contains(QString(DesktopSession::TokenRefusedKey)));
}

void tst_TruthfulWindow::aBacklogAlertsMessagesAndErrorsFirst()
{
    // A closed lid: old info notices, then a colleague's message and an error, all replayed at once.
    startWindow();
    QTRY_COMPARE(m_session->client()->state(), SseClient::State::Open);
    QTRY_VERIFY(m_window->messagesPage()->conversations()->count() > 0); // the directory: "Bob"
    m_session->client()->stop();
    for (int i = 0; i < 5; ++i)
        notify(QStringLiteral("old-%1").arg(i));
    QVERIFY(!m_server
                 ->publish("message",
                           QJsonObject{
                               { QStringLiteral("message_id"), QStringLiteral("m1") },
                               { QStringLiteral("from"), QStringLiteral("bob") },
                               { QStringLiteral("to"), QStringLiteral("alice") },
                               { QStringLiteral("body"), QStringLiteral("Can you call the customer?") },
                               { QStringLiteral("sent_at"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate) } },
                           { QStringLiteral("bob"), QStringLiteral("alice") })
                 .isEmpty());
    notify(QStringLiteral("payment"), "error");
    m_session->client()->start();
    // Three alerts one by one, then one summary: the message and the error among the three.
    QTRY_COMPARE(m_notifier->shown.size(), 3);
    QCOMPARE(m_notifier->shown.at(0).title, QStringLiteral("Message from Bob"));
    QCOMPARE(m_notifier->shown.at(1).key, QStringLiteral("payment"));
    QCOMPARE(m_notifier->shown.at(2).key, QStringLiteral("old-0"));
}

// --- The smaller points ----------------------------------------------------------

void tst_TruthfulWindow::searchBoxKeys()
{
    startWindow();
    QTRY_COMPARE(m_session->client()->state(), SseClient::State::Open);
    notify(QStringLiteral("apple"));
    notify(QStringLiteral("banana"));
    QTRY_COMPARE(model()->rowCount(), 2);
    NotificationsPage *page = m_window->notificationsPage();
    auto *search = page->findChild<QLineEdit *>();
    QVERIFY(search);
    QTest::keyClick(m_window.get(), Qt::Key_F, Qt::ControlModifier);
    QVERIFY(search->hasFocus());
    QTest::keyClicks(search, QStringLiteral("appl"));
    QTRY_COMPARE(list()->model()->rowCount(), 1); // once the typing pauses
    // Ctrl+U is "unread only" here too, not "delete to the start of the line".
    QTest::keyClick(search, Qt::Key_U, Qt::ControlModifier);
    QCOMPARE(search->text(), QStringLiteral("appl"));
    QVERIFY(page->unreadOnlyAction()->isChecked());
    QTest::keyClick(search, Qt::Key_U, Qt::ControlModifier);
    QVERIFY(!page->unreadOnlyAction()->isChecked());
    // Down goes into the list, on its first row.
    QTest::keyClick(search, Qt::Key_Down);
    QVERIFY(list()->hasFocus());
    QCOMPARE(currentId(), QStringLiteral("apple"));
    // Esc in the search box clears it.
    search->setFocus();
    QTest::keyClick(search, Qt::Key_Escape);
    QCOMPARE(search->text(), QString());
    QCOMPARE(list()->model()->rowCount(), 2);
}

void tst_TruthfulWindow::settingsMnemonicsAreUniqueAndResultsFresh()
{
    DesktopSession::Settings s = settings();
    s.auth = Notify::AuthScheme::Token; // Advanced opens by itself
    for (const auto mode : { SettingsDialog::Mode::Settings, SettingsDialog::Mode::Welcome }) {
        SettingsDialog dialog(s, mode);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        // Every mnemonic once; every button has one; no "&" shown as it is.
        QHash<QChar, QString> taken;
        const auto take = [&taken](const QString &text) {
            const qsizetype at = text.indexOf(u'&');
            QVERIFY2(at >= 0 && at + 1 < text.size(), qPrintable(text + QStringLiteral(": no mnemonic")));
            const QChar key = text.at(at + 1).toLower();
            QVERIFY2(!taken.contains(key), qPrintable(text + QStringLiteral(" and ") + taken.value(key)));
            taken.insert(key, text);
        };
        for (QAbstractButton *button : dialog.findChildren<QAbstractButton *>()) {
            if (button->isVisible() && button->text() != u"Cancel" && !button->text().isEmpty())
                take(button->text());
        }
        for (QLabel *label : dialog.findChildren<QLabel *>()) {
            if (!label->isVisible() || !label->text().contains(u'&') || label->textFormat() == Qt::RichText)
                continue;
            QVERIFY2(label->buddy(), qPrintable(label->text() + QStringLiteral(" shows its & (no buddy)")));
            take(label->text());
        }
        for (QGroupBox *group : dialog.findChildren<QGroupBox *>()) {
            if (!group->title().isEmpty())
                take(group->title());
        }
    }
    // A test's result is about what was tested: an edit makes it go.
    SettingsDialog dialog(settings());
    dialog.show();
    dialog.testButton()->click();
    QTRY_VERIFY(dialog.testResult()->text().startsWith(u"✔"));
    auto *server = dialog.findChild<QLineEdit *>();
    QTest::keyClick(server, Qt::Key_End);
    QTest::keyClicks(server, QStringLiteral("9"));
    QCOMPARE(dialog.testResult()->text(), QString());
    QVERIFY(dialog.testButton()->isEnabled());
}

void tst_TruthfulWindow::theTitleGetsTheRoom()
{
    startWindow();
    QTRY_COMPARE(m_session->client()->state(), SseClient::State::Open);
    m_server->publish(
        "notification",
        QJsonObject{ { QStringLiteral("notification_id"), QStringLiteral("long") },
                     { QStringLiteral("title"), QStringLiteral("Nightly stock notice 11: Low stock") },
                     { QStringLiteral("category"), QStringLiteral("stock") },
                     { QStringLiteral("created_at"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate) } },
        { QStringLiteral("alice") });
    QTRY_COMPARE(model()->rowCount(), 1);
    QHeaderView *header = list()->horizontalHeader();
    const int title = header->sectionSize(NotificationModel::TitleColumn);
    // The title column is the widest by far, and a title like this one fits whole.
    for (const int column : { int(NotificationModel::LevelColumn), int(NotificationModel::CategoryColumn),
                              int(NotificationModel::TimeColumn) })
        QVERIFY2(title > 1.5 * header->sectionSize(column), qPrintable(QString::number(title)));
    QVERIFY2(
        title >= QFontMetrics(list()->font()).horizontalAdvance(QStringLiteral("Nightly stock notice 11: Low stock")),
        qPrintable(QString::number(title)));
}

QTEST_MAIN(tst_TruthfulWindow)
#include "tst_truthfulwindow.moc"
