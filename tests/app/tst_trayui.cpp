// SPDX-License-Identifier: MIT
// The window as staff use it, under the offscreen platform: keys and clicks
// through QTest, what a screen reader gets through QAccessible, against a
// real server in-process. Each test gets a fresh server, session and window.

#include "core/allsourcesmodel.h"
#include "core/appsettings.h"
#include "core/connectiontest.h"
#include "core/desk.h"
#include "core/desktopsession.h"
#include "core/displaytext.h"
#include "core/messagemodel.h"
#include "core/notificationfiltermodel.h"
#include "core/notificationmodel.h"
#include "core/ordermodel.h"
#include "core/peoplefiltermodel.h"
#include "core/presencemodel.h"
#include "core/translations.h"
#include "core/trayconfig.h"
#include "inprocessserver.h"
#include "store/eventstore.h"
#include "ui/allsourcespage.h"
#include "ui/appcontroller.h"
#include "ui/connectionbanner.h"
#include "ui/emptystate.h"
#include "ui/mainwindow.h"
#include "ui/messagespage.h"
#include "ui/notificationdetails.h"
#include "ui/notificationspage.h"
#include "ui/orderspage.h"
#include "ui/peoplepage.h"
#include "ui/rulesdialog.h"
#include "ui/settingsdialog.h"
#include "ui/sourcesdialog.h"
#include "ui/trayballoonnotifier.h"
#include "ui/trayiconrenderer.h"

#include <QAccessible>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QGroupBox>
#include <QHeaderView>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QNetworkAccessManager>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QSystemTrayIcon>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>

#include <cmath>

using namespace Notify::Tray;

using Notify::SseClient;

class tst_TrayUi final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    // Reading
    void selectionDoesNotMarkRead();
    void markReadAndUnreadByKeys();
    void contextMenuActions();
    void newItemsDoNotMoveTheSelection();
    void burstMergedInOneGoKeepsTheView();
    void detailPaneFollowsTheSelection();
    // Filters
    void markShownReadActsOnWhatIsShown();
    void unreadOnly();
    void openingAHiddenItemClearsTheFilters();
    // Density and time
    void columnsFitTheirText();
    void tabsCountUnread();
    void loadOlderFromTheServer();
    // Panes
    void emptyStatesEverywhere();
    void ordersDoneGroupSearchAndTimeline();
    void conversationsByNameWithUnread();
    void peopleWithoutMeOnlineFirst();
    // Keyboard and accessibility
    void shortcutsAndTabOrder();
    void everyControlIsNamed();
    void rowsTellUnreadAndLevel();
    // First start and errors
    void refusedTokenBannerOpensSettings();
    void bannerKeepsItsContrastAcrossPalettes();
    void unreachableServerBannerSaysWhy();
    void settingsRefuseEmptyFields();
    void connectionTestSaysWhatIsWrong();
    void demoNeverWritesSettings();
    // Alerts
    void doNotDisturbIsVisible();
    void balloonAlertsWhereThereIsNoDBus();
    void categoriesSortedAsTheyArrive();
    // Several sources
    void severalSourcesInOneWindow();
    void aPresetSourceAsksOnlyForItsPassword();
    void sourcesAreAddedEditedRemovedAndReordered();
    void aSourceAddedLaterLeavesTheRunningOneAlone();
    void rulesWithAPreviewAndQuietHours();

private:
    void startWindow(const DesktopSession::Settings &settings);
    void startWindow() { startWindow(settings()); }
    [[nodiscard]] DesktopSession::Settings settings() const;
    /// A source named @p name on @p server (null: the test's server), as alice; its history @p history.
    [[nodiscard]] Desk::Source source(const QString &name, const QUrl &server = {}, const QString &history = {}) const;
    QByteArray notify(const QString &id, const char *level = "info", const QString &category = {},
                      const QString &link = {});
    [[nodiscard]] QString idAt(int row) const;
    [[nodiscard]] QTableView *list() const { return m_window->notificationsPage()->view(); }
    [[nodiscard]] NotificationModel *model() const { return m_session->notifications(); }

    std::unique_ptr<TestSupport::InProcessServer> m_server;
    std::unique_ptr<DesktopSession> m_session;
    std::unique_ptr<MainWindow> m_window;
};

void tst_TrayUi::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("notify-test"));
    QCoreApplication::setApplicationName(QStringLiteral("notify-tray-ui-test"));
    qunsetenv("DBUS_SESSION_BUS_ADDRESS"); // no keyring: tokens go to the private file
    Translations::install(QCoreApplication::instance(), QLocale(QLocale::English));
}

void tst_TrayUi::init()
{
    m_server = std::make_unique<TestSupport::InProcessServer>();
    QVERIFY(m_server->start());
}

void tst_TrayUi::cleanup()
{
    m_window.reset();
    m_session.reset();
    m_server.reset();
}

DesktopSession::Settings tst_TrayUi::settings() const
{
    DesktopSession::Settings s;
    s.server = m_server->url();
    s.token = "alice-token-0001";
    s.user = QStringLiteral("alice");
    return s;
}

Desk::Source tst_TrayUi::source(const QString &name, const QUrl &server, const QString &history) const
{
    Desk::Source source{ settings(), history };
    source.settings.sourceName = name;
    if (!server.isEmpty())
        source.settings.server = server;
    return source;
}

void tst_TrayUi::startWindow(const DesktopSession::Settings &settings)
{
    m_session = std::make_unique<DesktopSession>(nullptr, nullptr);
    m_session->setSettings(settings);
    m_window = std::make_unique<MainWindow>(m_session.get());
    m_window->resize(1000, 620);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_session->start();
}

QByteArray tst_TrayUi::notify(const QString &id, const char *level, const QString &category, const QString &link)
{
    QJsonObject data{ { QStringLiteral("notification_id"), id },
                      { QStringLiteral("title"), QString(QStringLiteral("Title ") + id) },
                      { QStringLiteral("body"), QString(QStringLiteral("First line of ") + id + u"\nmore") },
                      { QStringLiteral("level"), QString::fromLatin1(level) },
                      { QStringLiteral("created_at"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs) } };
    if (!category.isEmpty())
        data.insert(QStringLiteral("category"), category);
    if (!link.isEmpty())
        data.insert(QStringLiteral("link"), link);
    return m_server->publish("notification", data, { QStringLiteral("alice") });
}

QString tst_TrayUi::idAt(int row) const
{
    return list()->model()->index(row, 0).data(NotificationModel::IdRole).toString();
}

// --- Reading ---------------------------------------------------------------

void tst_TrayUi::selectionDoesNotMarkRead()
{
    startWindow();
    QTRY_COMPARE(m_session->client()->state(), SseClient::State::Open);
    for (int i = 0; i < 6; ++i)
        notify(QStringLiteral("n%1").arg(i));
    QTRY_COMPARE(model()->unreadCount(), 6);
    list()->setFocus();
    // Walking down the list with the keyboard reads nothing on the way...
    for (int i = 0; i < 5; ++i)
        QTest::keyClick(list(), Qt::Key_Down);
    QCOMPARE(model()->unreadCount(), 6);
    const QString resting = list()->currentIndex().data(NotificationModel::IdRole).toString();
    QVERIFY(!resting.isEmpty());
    // ...the one it rests on is read once it was shown for a moment.
    QTRY_COMPARE_WITH_TIMEOUT(model()->unreadCount(), 5, 5000);
    QVERIFY(model()->index(*model()->rowOf(resting), 0).data(NotificationModel::ReadRole).toBool());
    // And only that one: the server agrees.
    QTRY_COMPARE((*m_server)->store().notifications(QStringLiteral("alice"), true, 10).size(), 5);
}

void tst_TrayUi::markReadAndUnreadByKeys()
{
    startWindow();
    QTRY_COMPARE(m_session->client()->state(), SseClient::State::Open);
    notify(QStringLiteral("a"));
    notify(QStringLiteral("b"));
    QTRY_COMPARE(model()->unreadCount(), 2);
    list()->setFocus();
    list()->setCurrentIndex(list()->model()->index(0, 0));
    QTest::keyClick(list(), Qt::Key_M); // read at once, no waiting
    QCOMPARE(model()->unreadCount(), 1);
    QTest::keyClick(list(), Qt::Key_M, Qt::ShiftModifier); // unread again
    QCOMPARE(model()->unreadCount(), 2);
    // The detail pane's button says what it will do.
    auto *button
        = m_window->notificationsPage()->details()->findChild<QPushButton *>(QString(), Qt::FindChildrenRecursively);
    QVERIFY(button);
    // Ctrl+Shift+A: mark all (shown) read.
    QTest::keyClick(m_window.get(), Qt::Key_A, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_COMPARE(model()->unreadCount(), 0);
}

void tst_TrayUi::contextMenuActions()
{
    startWindow();
    QTRY_COMPARE(m_session->client()->state(), SseClient::State::Open);
    notify(QStringLiteral("x"), "info", {}, QStringLiteral("https://shop.example.com/orders/1"));
    QTRY_COMPARE(model()->rowCount(), 1);
    list()->setCurrentIndex(list()->model()->index(0, 0));
    NotificationsPage *page = m_window->notificationsPage();
    QVERIFY(page->markReadAction()->isEnabled());
    QVERIFY(!page->markUnreadAction()->isEnabled());
    QList<QString> texts;
    for (QAction *action : page->actions())
        texts << action->text().remove(u'&');
    QVERIFY2(texts.contains(QStringLiteral("Open link")), qPrintable(texts.join(u'|')));
    QVERIFY(texts.contains(QStringLiteral("Copy")));
    QVERIFY(texts.contains(QStringLiteral("Mark read")));
    QVERIFY(texts.contains(QStringLiteral("Mark unread")));
    for (QAction *action : page->actions()) {
        if (action->text().remove(u'&') == u"Open link")
            QVERIFY(action->isEnabled()); // it has a link
        if (action->text().remove(u'&') == u"Copy")
            action->trigger();
    }
    QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("Title x\nFirst line of x\nmore"));
    page->markReadAction()->trigger();
    QTRY_COMPARE(model()->unreadCount(), 0);
    QVERIFY(page->markUnreadAction()->isEnabled());
}

void tst_TrayUi::newItemsDoNotMoveTheSelection()
{
    startWindow();
    QTRY_COMPARE(m_session->client()->state(), SseClient::State::Open);
    for (int i = 0; i < 40; ++i)
        notify(QStringLiteral("n%1").arg(i));
    QTRY_COMPARE(model()->rowCount(), 40);
    list()->setCurrentIndex(list()->model()->index(3, 0));
    const QString selected = idAt(3);
    const QString top = list()->indexAt(QPoint(1, 1)).data(NotificationModel::IdRole).toString();
    QCOMPARE(m_window->notificationsPage()->details()->current().data(NotificationModel::IdRole).toString(), selected);
    for (int i = 40; i < 43; ++i)
        notify(QStringLiteral("n%1").arg(i));
    QTRY_COMPARE(model()->rowCount(), 43);
    // The same item stays selected, in the pane, and in the same place on screen.
    QCOMPARE(list()->currentIndex().data(NotificationModel::IdRole).toString(), selected);
    QCOMPARE(m_window->notificationsPage()->details()->current().data(NotificationModel::IdRole).toString(), selected);
    QCOMPARE(list()->indexAt(QPoint(1, 1)).data(NotificationModel::IdRole).toString(), top);
    QCOMPARE(m_window->notificationsPage()->newAbove(), 3);
    auto *jump = m_window->notificationsPage()->findChild<QPushButton *>(QStringLiteral("newAbove"));
    QVERIFY(jump && jump->isVisible());
    QCOMPARE(jump->text(), QStringLiteral("↑ 3 new"));
    QTest::mouseClick(jump, Qt::LeftButton);
    QCOMPARE(idAt(0), QStringLiteral("n42"));
    QCOMPARE(list()->currentIndex().row(), 0);
    QVERIFY(!jump->isVisible());
}

void tst_TrayUi::burstMergedInOneGoKeepsTheView()
{
    // Many repeats of existing rows in one batch are one layout change: the
    // selection and the row on top stay what they were.
    startWindow();
    QTRY_COMPARE(m_session->client()->state(), SseClient::State::Open);
    for (int i = 0; i < 60; ++i)
        notify(QStringLiteral("n%1").arg(i));
    QTRY_COMPARE(model()->rowCount(), 60);
    list()->setCurrentIndex(list()->model()->index(5, 0));
    const QString selected = idAt(5);
    const QString top = list()->indexAt(QPoint(1, 1)).data(NotificationModel::IdRole).toString();
    QSignalSpy layouts(list()->model(), &QAbstractItemModel::layoutChanged);
    // The same title and body again: each one joins its row as "×2".
    for (int i = 20; i < 60; ++i) {
        m_server->publish("notification",
                          QJsonObject{ { QStringLiteral("notification_id"), QStringLiteral("again-%1").arg(i) },
                                       { QStringLiteral("title"), QStringLiteral("Title n%1").arg(i) },
                                       { QStringLiteral("body"), QStringLiteral("First line of n%1\nmore").arg(i) },
                                       { QStringLiteral("level"), QStringLiteral("info") },
                                       { QStringLiteral("created_at"),
                                         QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs) } },
                          { QStringLiteral("alice") });
    }
    QTRY_COMPARE(model()->notificationCount(), 100);
    QCOMPARE(model()->rowCount(), 60);
    QVERIFY(!layouts.isEmpty());
    // The same groups stay selected and on top (each now named by its newest member).
    QVERIFY(list()->currentIndex().data(NotificationModel::MemberIdsRole).toStringList().contains(selected));
    QVERIFY(list()->indexAt(QPoint(1, 1)).data(NotificationModel::MemberIdsRole).toStringList().contains(top));
    // A grouped row says so, and stands for all of its members.
    const int row = *model()->rowOf(QStringLiteral("again-59"));
    QCOMPARE(model()->index(row, 0).data().toString(), QStringLiteral("Title n59 ×2"));
    QCOMPARE(model()->index(row, 0).data(NotificationModel::MemberIdsRole).toStringList(),
             (QStringList{ QStringLiteral("again-59"), QStringLiteral("n59") }));
}

void tst_TrayUi::detailPaneFollowsTheSelection()
{
    startWindow();
    NotificationDetails *details = m_window->notificationsPage()->details();
    // Nothing selected: a hint, not grey space.
    QVERIFY(!details->current().isValid());
    const auto visibleText = [details] {
        QStringList texts;
        for (QLabel *label : details->findChildren<QLabel *>())
            if (label->isVisibleTo(details))
                texts << label->text();
        for (QTextBrowser *browser : details->findChildren<QTextBrowser *>())
            if (browser->isVisibleTo(details))
                texts << browser->toPlainText();
        return texts.join(u'\n');
    };
    QVERIFY2(visibleText().contains(u"Select a notification"), qPrintable(visibleText()));
    QTRY_COMPARE(m_session->client()->state(), SseClient::State::Open);
    notify(QStringLiteral("p1"), "warning", QStringLiteral("payments"), QStringLiteral("https://shop.example.com/p/1"));
    notify(QStringLiteral("p2"), "error", QStringLiteral("stock"));
    QTRY_COMPARE(model()->rowCount(), 2);
    list()->setCurrentIndex(list()->model()->index(1, 0)); // p1
    const QString shown = visibleText();
    for (const QString &part : { QStringLiteral("Title p1"), QStringLiteral("First line of p1"),
                                 QStringLiteral("Warning"), QStringLiteral("payments") })
        QVERIFY2(shown.contains(part), qPrintable(part + u" not in: " + shown));
    QVERIFY(details->findChild<QPushButton *>(QStringLiteral("openLink"))->isVisibleTo(details));
    list()->setCurrentIndex(list()->model()->index(0, 0)); // p2: no link
    QVERIFY(visibleText().contains(u"Title p2"));
    QVERIFY(!details->findChild<QPushButton *>(QStringLiteral("openLink"))->isVisibleTo(details));
}

// --- Filters ---------------------------------------------------------------

void tst_TrayUi::markShownReadActsOnWhatIsShown()
{
    startWindow();
    QTRY_COMPARE(m_session->client()->state(), SseClient::State::Open);
    notify(QStringLiteral("e1"), "error");
    notify(QStringLiteral("i1"), "info");
    notify(QStringLiteral("e2"), "error");
    notify(QStringLiteral("w1"), "warning");
    QTRY_COMPARE(model()->unreadCount(), 4);
    NotificationsPage *page = m_window->notificationsPage();
    QCOMPARE(page->markShownReadAction()->text().remove(u'&'), QStringLiteral("Mark all read"));
    auto *level = page->findChild<QComboBox *>(QStringLiteral("levelFilter"));
    QVERIFY(level);
    level->setCurrentIndex(level->findData(int(Notify::Protocol::Level::Error)));
    QCOMPARE(list()->model()->rowCount(), 2);
    QCOMPARE(page->markShownReadAction()->text(), QStringLiteral("Mark 2 shown as read"));
    page->markShownReadAction()->trigger();
    QTRY_COMPARE(model()->unreadCount(), 2);
    // The hidden ones were left alone, here and on the server.
    for (const char *id : { "i1", "w1" })
        QVERIFY(
            !model()->index(*model()->rowOf(QString::fromLatin1(id)), 0).data(NotificationModel::ReadRole).toBool());
    QTRY_COMPARE((*m_server)->store().notifications(QStringLiteral("alice"), true, 10).size(), 2);
    QVERIFY(!page->markShownReadAction()->isEnabled()); // nothing shown is unread
}

void tst_TrayUi::unreadOnly()
{
    startWindow();
    QTRY_COMPARE(m_session->client()->state(), SseClient::State::Open);
    for (int i = 0; i < 4; ++i)
        notify(QStringLiteral("n%1").arg(i));
    QTRY_COMPARE(model()->unreadCount(), 4);
    m_session->markRead(QStringList{ QStringLiteral("n1"), QStringLiteral("n2") });
    m_window->notificationsPage()->unreadOnlyAction()->trigger();
    QCOMPARE(list()->model()->rowCount(), 2);
    QCOMPARE((QStringList{ idAt(0), idAt(1) }), (QStringList{ QStringLiteral("n3"), QStringLiteral("n0") }));
    m_window->notificationsPage()->unreadOnlyAction()->trigger();
    QCOMPARE(list()->model()->rowCount(), 4);
}

void tst_TrayUi::openingAHiddenItemClearsTheFilters()
{
    startWindow();
    QTRY_COMPARE(m_session->client()->state(), SseClient::State::Open);
    notify(QStringLiteral("err"), "error");
    notify(QStringLiteral("inf"), "info");
    QTRY_COMPARE(model()->rowCount(), 2);
    NotificationFilterModel *filter = m_window->notificationsPage()->filter();
    auto *level = m_window->notificationsPage()->findChild<QComboBox *>(QStringLiteral("levelFilter"));
    level->setCurrentIndex(level->findData(int(Notify::Protocol::Level::Error)));
    QVERIFY(filter->isFiltering());
    // From the tray's "Latest notifications" or an alert's "Open".
    m_window->showNotification(QStringLiteral("inf"));
    QVERIFY(!filter->isFiltering());
    QCOMPARE(level->currentIndex(), 0); // the combo box says so too
    QCOMPARE(list()->currentIndex().data(NotificationModel::IdRole).toString(), QStringLiteral("inf"));
    QCOMPARE(m_window->tabs()->currentIndex(), int(MainWindow::NotificationsTab));
}

// --- Density and time ------------------------------------------------------

void tst_TrayUi::columnsFitTheirText()
{
    startWindow();
    QTRY_COMPARE(m_session->client()->state(), SseClient::State::Open);
    // Times of every kind: now, an hour ago, yesterday, last week.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QList<QDateTime> times{ now, now.addSecs(-3600), now.addDays(-1), now.addDays(-8) };
    for (int i = 0; i < times.size(); ++i) {
        m_server->publish("notification",
                          QJsonObject{ { QStringLiteral("notification_id"), QStringLiteral("t%1").arg(i) },
                                       { QStringLiteral("title"), QStringLiteral("Time %1").arg(i) },
                                       { QStringLiteral("level"), QStringLiteral("success") },
                                       { QStringLiteral("category"), QStringLiteral("orders") },
                                       { QStringLiteral("created_at"), times.at(i).toString(Qt::ISODate) } },
                          { QStringLiteral("alice") });
    }
    QTRY_COMPARE(model()->rowCount(), 4);
    const QFontMetrics metrics(list()->font());
    QHeaderView *header = list()->horizontalHeader();
    for (int row = 0; row < 4; ++row) {
        for (const int column : { int(NotificationModel::TimeColumn), int(NotificationModel::LevelColumn) }) {
            const QString text = list()->model()->index(row, column).data().toString();
            QVERIFY2(
                header->sectionSize(column) >= metrics.horizontalAdvance(text) + 8,
                qPrintable(QStringLiteral("\"%1\" does not fit in %2 px").arg(text).arg(header->sectionSize(column))));
        }
    }
    // Time as people read it: today's as a time of day, yesterday's so.
    const QString yesterday
        = model()->index(*model()->rowOf(QStringLiteral("t2")), NotificationModel::TimeColumn).data().toString();
    QVERIFY2(yesterday.startsWith(u"Yesterday "), qPrintable(yesterday));
    QCOMPARE(model()->index(0, NotificationModel::LevelColumn).data().toString(), QStringLiteral("Success"));
}

void tst_TrayUi::tabsCountUnread()
{
    startWindow();
    QTRY_COMPARE(m_session->client()->state(), SseClient::State::Open);
    notify(QStringLiteral("a"));
    notify(QStringLiteral("b"));
    m_server->publish(
        "message",
        QJsonObject{ { QStringLiteral("message_id"), QStringLiteral("m1") },
                     { QStringLiteral("from"), QStringLiteral("bob") },
                     { QStringLiteral("to"), QStringLiteral("alice") },
                     { QStringLiteral("body"), QStringLiteral("hi") },
                     { QStringLiteral("sent_at"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate) } },
        { QStringLiteral("bob"), QStringLiteral("alice") });
    QTRY_COMPARE(m_window->tabs()->tabText(MainWindow::NotificationsTab).remove(u'&'),
                 QStringLiteral("Notifications (2)"));
    QTRY_COMPARE(m_window->tabs()->tabText(MainWindow::MessagesTab).remove(u'&'), QStringLiteral("Messages (1)"));
    m_session->markAllRead();
    QTRY_COMPARE(m_window->tabs()->tabText(MainWindow::NotificationsTab).remove(u'&'), QStringLiteral("Notifications"));
}

void tst_TrayUi::loadOlderFromTheServer()
{
    // A new machine gets the newest 1,000 from the list; older ones on request.
    const QDateTime start = QDateTime::currentDateTimeUtc().addDays(-30);
    for (int i = 0; i < 1'150; ++i) { // a minute apart, old-0 the oldest
        m_server->publish(
            "notification",
            QJsonObject{ { QStringLiteral("notification_id"), QStringLiteral("old-%1").arg(i) },
                         { QStringLiteral("title"), QStringLiteral("Title old-%1").arg(i) },
                         { QStringLiteral("created_at"), start.addSecs(60LL * i).toString(Qt::ISODate) } },
            { QStringLiteral("alice") });
    }
    startWindow();
    QTRY_COMPARE_WITH_TIMEOUT(model()->rowCount(), 1'000, 15000);
    QAction *older = m_window->notificationsPage()->loadOlderAction();
    QSignalSpy loaded(m_session.get(), &DesktopSession::olderLoaded);
    older->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, 15000);
    QCOMPARE(loaded.first().first().toInt(), 150);
    QCOMPARE(loaded.first().at(1).toBool(), false); // the server says there are no more
    QCOMPARE(model()->rowCount(), 1'150);
    QVERIFY(model()->rowOf(QStringLiteral("old-0")).has_value()); // the oldest, at the bottom
    QCOMPARE(*model()->rowOf(QStringLiteral("old-0")), 1'149);
    QVERIFY(!older->isEnabled());
    auto *button = m_window->notificationsPage()->findChild<QPushButton *>(QStringLiteral("loadOlder"));
    QVERIFY(button);
    QCOMPARE(button->text(), QStringLiteral("No older notifications on the server"));
}

// --- Panes -----------------------------------------------------------------

void tst_TrayUi::emptyStatesEverywhere()
{
    startWindow();
    QTRY_COMPARE(m_session->client()->state(), SseClient::State::Open);
    // Every list says what will appear in it, not a blank table.
    for (int tab = 0; tab < MainWindow::DetailsTab; ++tab) {
        m_window->tabs()->setCurrentIndex(tab);
        QStringList shown;
        for (EmptyState *empty : m_window->tabs()->widget(tab)->findChildren<EmptyState *>())
            if (empty->isVisible())
                shown << empty->text();
        if (tab == MainWindow::PeopleTab && shown.isEmpty()) {
            // The server lists the colleagues (offline ones too): not empty.
            const auto *people = m_window->tabs()->widget(tab)->findChild<QListView *>();
            QVERIFY(people && people->model()->rowCount() > 0);
            continue;
        }
        QVERIFY2(!shown.isEmpty(), qPrintable(QStringLiteral("tab %1 has no empty state").arg(tab)));
        for (const QString &text : std::as_const(shown))
            QVERIFY(text.size() > 10);
    }
    // With a filter that hides everything, it says so.
    m_window->tabs()->setCurrentIndex(MainWindow::NotificationsTab);
    notify(QStringLiteral("only"));
    QTRY_COMPARE(model()->rowCount(), 1);
    m_window->notificationsPage()->filter()->setSearchText(QStringLiteral("zzz"));
    QStringList shown;
    for (EmptyState *empty : m_window->notificationsPage()->findChildren<EmptyState *>())
        if (empty->isVisible())
            shown << empty->text();
    QVERIFY2(shown.join(u' ').contains(u"filter", Qt::CaseInsensitive), qPrintable(shown.join(u' ')));
}

void tst_TrayUi::ordersDoneGroupSearchAndTimeline()
{
    startWindow();
    QTRY_COMPARE(m_session->client()->state(), SseClient::State::Open);
    const auto order = [this](const char *id, const char *status, const QDateTime &at) {
        m_server->publish("order_status",
                          QJsonObject{ { QStringLiteral("order_id"), QString::fromLatin1(id) },
                                       { QStringLiteral("status"), QString::fromLatin1(status) },
                                       { QStringLiteral("updated_at"), at.toString(Qt::ISODate) } },
                          {});
    };
    const QDateTime now = QDateTime::currentDateTimeUtc();
    order("A-1", "pending", now.addSecs(-300));
    order("A-1", "shipped", now.addSecs(-200));
    order("A-1", "delivered", now.addSecs(-100));
    order("B-22", "processing", now.addSecs(-50));
    order("C-333", "refunded", now.addSecs(-10));
    OrdersPage *page = m_window->ordersPage();
    QTRY_COMPARE(page->activeView()->model()->rowCount(), 1);
    QTRY_COMPARE(page->doneView()->model()->rowCount(), 2); // delivered and refunded move to "Done"
    QCOMPARE(page->activeView()->model()->index(0, 0).data(OrderModel::OrderIdRole).toString(), QStringLiteral("B-22"));
    // The full status, and its name for people.
    QCOMPARE(page->activeView()->model()->index(0, OrderModel::StatusColumn).data().toString(),
             QStringLiteral("Processing"));
    // The timeline of the selected order, oldest first.
    page->doneView()->setCurrentIndex(page->doneView()->model()->index(1, 0));
    QCOMPARE(page->doneView()->currentIndex().data(OrderModel::OrderIdRole).toString(), QStringLiteral("A-1"));
    // (The orders list may have come before the stream's changes: the timeline follows them.)
    QTRY_COMPARE(page->timeline()->count(), 4); // its title, then each status
    QCOMPARE(page->timeline()->item(0)->text(), QStringLiteral("Order A-1"));
    QVERIFY2(page->timeline()->item(1)->text().contains(u"Pending"), qPrintable(page->timeline()->item(1)->text()));
    QVERIFY(page->timeline()->item(3)->text().contains(u"Delivered"));
    // Search by order number, as typed.
    auto *search = page->findChild<QLineEdit *>();
    search->setText(QStringLiteral("a-1"));
    QCOMPARE(page->activeView()->model()->rowCount(), 0);
    QCOMPARE(page->doneView()->model()->rowCount(), 1);
    search->clear();
    QCOMPARE(page->doneView()->model()->rowCount(), 2);
}

void tst_TrayUi::conversationsByNameWithUnread()
{
    startWindow();
    QTRY_COMPARE(m_session->client()->state(), SseClient::State::Open);
    QTRY_VERIFY(m_session->presence()->rowCount() >= 3);
    m_window->tabs()->setCurrentIndex(MainWindow::PeopleTab); // not looking at messages
    m_server->publish(
        "message",
        QJsonObject{ { QStringLiteral("message_id"), QStringLiteral("m1") },
                     { QStringLiteral("from"), QStringLiteral("bob") },
                     { QStringLiteral("to"), QStringLiteral("alice") },
                     { QStringLiteral("body"), QStringLiteral("Lunch?") },
                     { QStringLiteral("sent_at"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate) } },
        { QStringLiteral("bob"), QStringLiteral("alice") });
    MessagesPage *page = m_window->messagesPage();
    QTRY_COMPARE(m_session->messages()->unreadCount(), 1);
    QTRY_COMPARE(page->currentPeer(), QStringLiteral("bob")); // the conversation with the new message
    QListWidget *conversations = page->conversations();
    QStringList names;
    for (int row = 0; row < conversations->count(); ++row)
        names << conversations->item(row)->text();
    // By display name, the new message first and marked; never oneself.
    QCOMPARE(names.first(), QStringLiteral("● Bob (1)"));
    QVERIFY(!names.join(u' ').contains(u"Alice"));
    QVERIFY(names.contains(QStringLiteral("Admin")));
    // Reading it there clears the marker.
    m_window->tabs()->setCurrentIndex(MainWindow::MessagesTab);
    QTRY_COMPARE(m_session->messages()->unreadCount(), 0);
    QTRY_COMPARE(conversations->item(0)->text(), QStringLiteral("Bob"));
}

void tst_TrayUi::peopleWithoutMeOnlineFirst()
{
    startWindow();
    QTRY_COMPARE(m_session->client()->state(), SseClient::State::Open);
    TestSupport::InProcessServer &server = *m_server;
    // Bob connects: online; Admin stays offline.
    DesktopSession bob(nullptr, nullptr);
    DesktopSession::Settings s = settings();
    s.token = "bob-token-0002";
    s.user = QStringLiteral("bob");
    bob.setSettings(s);
    bob.start();
    QTRY_VERIFY(m_session->presence()->presenceOf(QStringLiteral("bob"))
                && m_session->presence()->presenceOf(QStringLiteral("bob"))->status
                    == Notify::Protocol::PresenceStatus::Online);
    QTRY_VERIFY(m_session->presence()->rowCount() >= 3);
    Q_UNUSED(server)
    QListView *people = m_window->peoplePage()->view();
    QStringList shown;
    for (int row = 0; row < people->model()->rowCount(); ++row)
        shown << people->model()->index(row, 0).data(PresenceModel::UserRole).toString();
    QCOMPARE(shown, (QStringList{ QStringLiteral("bob"), QStringLiteral("admin") }));
    bob.stop();
}

// --- Keyboard and accessibility -------------------------------------------

void tst_TrayUi::shortcutsAndTabOrder()
{
    startWindow();
    QTRY_COMPARE(m_session->client()->state(), SseClient::State::Open);
    notify(QStringLiteral("k"));
    QTRY_COMPARE(model()->rowCount(), 1);
    QApplication::setActiveWindow(m_window.get());
    list()->setFocus();
    QTest::keyClick(list(), Qt::Key_2, Qt::ControlModifier);
    QCOMPARE(m_window->tabs()->currentIndex(), int(MainWindow::OrdersTab));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_5, Qt::ControlModifier);
    QCOMPARE(m_window->tabs()->currentIndex(), int(MainWindow::DetailsTab));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_1, Qt::ControlModifier);
    QCOMPARE(m_window->tabs()->currentIndex(), int(MainWindow::NotificationsTab));
    // Ctrl+Tab from inside the list switches tabs (the list does not eat it).
    list()->setFocus();
    QTest::keyClick(list(), Qt::Key_Tab, Qt::ControlModifier);
    QCOMPARE(m_window->tabs()->currentIndex(), int(MainWindow::OrdersTab));
    m_window->tabs()->setCurrentIndex(MainWindow::NotificationsTab);
    // Ctrl+F: the search field.
    list()->setFocus();
    QTest::keyClick(list(), Qt::Key_F, Qt::ControlModifier);
    QVERIFY(qobject_cast<QLineEdit *>(QApplication::focusWidget()));
    // Tab leaves the list for the next control instead of walking its cells.
    list()->setFocus();
    list()->setCurrentIndex(list()->model()->index(0, 0));
    QTest::keyClick(list(), Qt::Key_Tab);
    QVERIFY(QApplication::focusWidget() != list());
    // In Messages, the reply box is reached by Tab from the conversations.
    m_window->tabs()->setCurrentIndex(MainWindow::MessagesTab);
    QListWidget *conversations = m_window->messagesPage()->conversations();
    conversations->setFocus();
    for (int i = 0; i < 4 && QApplication::focusWidget() != m_window->messagesPage()->replyBox(); ++i)
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), m_window->messagesPage()->replyBox());
    // Everything the tray menu does is in the window's menus too, with mnemonics.
    QStringList menuItems;
    for (QAction *menu : m_window->menuBar()->actions()) {
        QVERIFY2(menu->text().contains(u'&'), qPrintable(menu->text()));
        for (QAction *item : menu->menu()->actions())
            menuItems << item->text().remove(u'&');
    }
    for (const QString &needed : { QStringLiteral("Settings…"), QStringLiteral("Reconnect now"), QStringLiteral("Quit"),
                                   QStringLiteral("Do not disturb") })
        QVERIFY2(menuItems.contains(needed), qPrintable(needed + u" not in " + menuItems.join(u'|')));
}

void tst_TrayUi::everyControlIsNamed()
{
    startWindow();
    QTRY_COMPARE(m_session->client()->state(), SseClient::State::Open);
    QStringList unnamed;
    for (int tab = 0; tab < m_window->tabs()->count(); ++tab) {
        m_window->tabs()->setCurrentIndex(tab);
        for (QWidget *widget : m_window->findChildren<QWidget *>()) {
            const bool control = qobject_cast<QAbstractButton *>(widget) || qobject_cast<QLineEdit *>(widget)
                || qobject_cast<QComboBox *>(widget) || qobject_cast<QAbstractItemView *>(widget)
                || qobject_cast<QPlainTextEdit *>(widget) || qobject_cast<QTextBrowser *>(widget);
            if (!control || !widget->isVisible() || widget->inherits("QHeaderView"))
                continue;
            QAccessibleInterface *a11y = QAccessible::queryAccessibleInterface(widget);
            QVERIFY(a11y);
            const QString name = a11y->text(QAccessible::Name);
            if (name.trimmed().isEmpty())
                unnamed << QString::fromLatin1(widget->metaObject()->className()) + u'/' + widget->objectName();
            // Inputs and lists also say what they hold or do.
            const bool needsDescription = qobject_cast<QLineEdit *>(widget) || qobject_cast<QAbstractItemView *>(widget)
                || qobject_cast<QComboBox *>(widget);
            if (needsDescription && a11y->text(QAccessible::Description).trimmed().isEmpty())
                unnamed << QStringLiteral("(no description) ") + name;
        }
    }
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(u", ")));
}

void tst_TrayUi::rowsTellUnreadAndLevel()
{
    startWindow();
    QTRY_COMPARE(m_session->client()->state(), SseClient::State::Open);
    notify(QStringLiteral("bad"), "error");
    QTRY_COMPARE(model()->rowCount(), 1);
    QAccessibleInterface *table = QAccessible::queryAccessibleInterface(list());
    QVERIFY(table && table->tableInterface());
    QAccessibleInterface *cell = table->tableInterface()->cellAt(0, NotificationModel::TitleColumn);
    QVERIFY(cell);
    const QString said = cell->text(QAccessible::Name);
    QVERIFY2(said.startsWith(u"Unread, Error: Title bad"), qPrintable(said));
    m_session->markRead(QStringLiteral("bad"));
    cell = table->tableInterface()->cellAt(0, NotificationModel::TitleColumn);
    QVERIFY2(cell->text(QAccessible::Name).startsWith(u"Read, Error"), qPrintable(cell->text(QAccessible::Name)));
}

// --- First start and errors ------------------------------------------------

void tst_TrayUi::refusedTokenBannerOpensSettings()
{
    DesktopSession::Settings s = settings();
    s.token = "wrong-token";
    startWindow(s);
    ConnectionBanner *banner = m_window->banner();
    QTRY_VERIFY(banner->isVisible());
    QCOMPARE(banner->kind(), ConnectionBanner::Kind::TokenRefused);
    QVERIFY2(banner->text().contains(u"refused your token"), qPrintable(banner->text()));
    QSignalSpy settingsAsked(m_window.get(), &MainWindow::settingsRequested);
    auto *open = banner->findChild<QPushButton *>(QStringLiteral("bannerSettings"));
    QVERIFY(open && open->isVisible());
    QTest::mouseClick(open, Qt::LeftButton);
    QCOMPARE(settingsAsked.size(), 1);
    // The status bar and the tray say it too, not only the Details tab.
    QVERIFY2(m_window->statusText().contains(u"sign-in needed"), qPrintable(m_window->statusText()));
}

void tst_TrayUi::bannerKeepsItsContrastAcrossPalettes()
{
    // WCAG's contrast ratio of the banner's text on its tinted background.
    const auto contrast = [](const QPalette &p) {
        const auto luminance = [](const QColor &c) {
            const auto channel
                = [](float v) { return v <= 0.03928f ? v / 12.92f : std::pow((v + 0.055f) / 1.055f, 2.4f); };
            return 0.2126f * channel(c.redF()) + 0.7152f * channel(c.greenF()) + 0.0722f * channel(c.blueF());
        };
        const float a = luminance(p.color(QPalette::WindowText));
        const float b = luminance(p.color(QPalette::Window));
        return (std::max(a, b) + 0.05f) / (std::min(a, b) + 0.05f);
    };
    const QPalette original = QApplication::palette();
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    dark.setColor(QPalette::WindowText, QColor(0xee, 0xee, 0xee));
    QWidget window;
    auto &banner = *new ConnectionBanner(&window); // in a window, as in the app
    window.show();
    for (const auto kind : { ConnectionBanner::Kind::TokenRefused, ConnectionBanner::Kind::Problem }) {
        banner.showMessage(kind, QStringLiteral("The server refused your token."));
        QVERIFY2(contrast(banner.palette()) >= 4.5f, qPrintable(QString::number(contrast(banner.palette()))));
        QApplication::setPalette(dark); // the desktop turns dark: the banner follows
        QVERIFY2(contrast(banner.palette()) >= 4.5f, qPrintable(QString::number(contrast(banner.palette()))));
        QVERIFY(banner.palette().color(QPalette::Window).lightness() < 100);
        QApplication::setPalette(original); // and light again
        QVERIFY2(contrast(banner.palette()) >= 4.5f, qPrintable(QString::number(contrast(banner.palette()))));
        QVERIFY(banner.palette().color(QPalette::Window).lightness() > 150);
    }
}

void tst_TrayUi::unreachableServerBannerSaysWhy()
{
    DesktopSession::Settings s = settings();
    const quint16 port = m_server->port();
    m_server->reset(); // nothing listens there now
    s.server = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
    startWindow(s);
    ConnectionBanner *banner = m_window->banner();
    QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), 10000);
    QCOMPARE(banner->kind(), ConnectionBanner::Kind::Problem);
    QVERIFY2(banner->text().contains(u"refused", Qt::CaseInsensitive), qPrintable(banner->text()));
    auto *retry = banner->findChild<QPushButton *>(QStringLiteral("bannerRetry"));
    QVERIFY(retry && retry->isVisible());
    QVERIFY(banner->findChild<QPushButton *>(QStringLiteral("bannerSettings"))->isVisible());
}

void tst_TrayUi::settingsRefuseEmptyFields()
{
    SettingsDialog welcome(DesktopSession::Settings(), SettingsDialog::Mode::Welcome);
    welcome.show();
    auto *save = welcome.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save);
    // Nothing pre-filled, nothing accepted: it says what is missing.
    QVERIFY(!save->isEnabled());
    QCOMPARE(welcome.missing(), QStringLiteral("Still needed: the server's address, your user name, your token."));
    // It says where the token comes from.
    QStringList texts;
    for (QLabel *label : welcome.findChildren<QLabel *>())
        texts << label->text();
    QVERIFY(texts.join(u' ').contains(u"access token"));
    QVERIFY(texts.join(u' ').contains(u"profile page"));
    const QList<QLineEdit *> edits = welcome.findChildren<QLineEdit *>();
    const auto edit = [&edits](const QString &name) {
        for (QLineEdit *e : edits)
            if (e->accessibleName() == name)
                return e;
        return static_cast<QLineEdit *>(nullptr);
    };
    edit(QStringLiteral("Server address"))->setText(QStringLiteral("shop.example.com"));
    edit(QStringLiteral("User name"))->setText(QStringLiteral("  "));
    edit(QStringLiteral("Access token"))->setText(QStringLiteral("t0ken"));
    QVERIFY(!save->isEnabled());
    QCOMPARE(welcome.missing(), QStringLiteral("Still needed: your user name."));
    edit(QStringLiteral("User name"))->setText(QStringLiteral("alice"));
    QVERIFY(save->isEnabled());
    QTest::mouseClick(save, Qt::LeftButton);
    QCOMPARE(welcome.result(), int(QDialog::Accepted));
    QCOMPARE(welcome.settings().server.host(), QStringLiteral("shop.example.com"));
}

void tst_TrayUi::connectionTestSaysWhatIsWrong()
{
    ConnectionTest test;
    QSignalSpy finished(&test, &ConnectionTest::finished);
    const auto run = [&](const DesktopSession::Settings &s) {
        finished.clear();
        test.start(s, 5000);
        return finished.wait(10000)
            ? std::make_pair(finished.first().at(0).value<ConnectionTest::Outcome>(), finished.first().at(1).toString())
            : std::make_pair(ConnectionTest::Outcome::Other, QStringLiteral("no answer"));
    };
    auto [outcome, text] = run(settings());
    QCOMPARE(outcome, ConnectionTest::Outcome::Works);

    DesktopSession::Settings s = settings();
    s.token = "wrong";
    std::tie(outcome, text) = run(s);
    QCOMPARE(outcome, ConnectionTest::Outcome::TokenRefused);
    QVERIFY2(text.contains(u"401") && text.contains(u"Bearer"), qPrintable(text));

    s = settings();
    s.auth = Notify::AuthScheme::Token; // a Django header to a server that asks for Bearer
    std::tie(outcome, text) = run(s);
    QCOMPARE(outcome, ConnectionTest::Outcome::TokenRefused);
    QVERIFY2(text.contains(u"asks for Bearer"), qPrintable(text));

    s = settings();
    s.streamPath = QStringLiteral("/no/such/stream/");
    std::tie(outcome, text) = run(s);
    QCOMPARE(outcome, ConnectionTest::Outcome::NoStream);
    QVERIFY2(text.contains(u"/no/such/stream/"), qPrintable(text));

    s = settings();
    s.server = QUrl(QStringLiteral("https://127.0.0.1:%1").arg(m_server->port())); // TLS to a plain server
    std::tie(outcome, text) = run(s);
    QCOMPARE(outcome, ConnectionTest::Outcome::Tls);

    s = settings();
    const quint16 port = m_server->port();
    m_server->reset();
    s.server = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
    std::tie(outcome, text) = run(s);
    QCOMPARE(outcome, ConnectionTest::Outcome::Unreachable);
    QVERIFY2(text.contains(QString::number(port)), qPrintable(text));
}

void tst_TrayUi::demoNeverWritesSettings()
{
    startWindow();
    QTRY_COMPARE(m_session->client()->state(), SseClient::State::Open);
    QSettings().clear();
    QVERIFY(!AppSettings::configured());
    DesktopSession::Settings changed = settings();
    changed.alertPresence = true;
    AppController demo(m_window.get(), true, false);
    demo.apply(changed, false);
    // Used now, kept nowhere: the demo's server goes away with the app.
    QCOMPARE(m_session->settings().alertPresence, true);
    QVERIFY(!AppSettings::configured());
    QVERIFY(m_window->banner()->text().contains(u"not saved"));
    QTRY_COMPARE(m_session->client()->state(), SseClient::State::Open);
    // Outside the demo the same answer is kept.
    AppController real(m_window.get(), false, false);
    real.apply(changed, false);
    QVERIFY(AppSettings::configured());
    QCOMPARE(AppSettings::load(false).server, changed.server);
    QSettings().clear();
}

// --- Alerts ----------------------------------------------------------------

void tst_TrayUi::doNotDisturbIsVisible()
{
    startWindow();
    QTRY_COMPARE(m_session->client()->state(), SseClient::State::Open);
    QMenu *dnd = m_window->doNotDisturbMenu();
    QAction *off = dnd->actions().at(0);
    QAction *hour = dnd->actions().at(1);
    QVERIFY(off->isChecked());
    hour->trigger();
    QVERIFY(hour->isChecked());
    QVERIFY(m_session->alertsPausedUntil().isValid());
    // Its end time in the menu and the status bar; the tray icon looks different.
    const QString until = QLocale().toString(m_session->alertsPausedUntil(), QLocale::ShortFormat);
    QTRY_VERIFY2(m_window->statusText().contains(u"do not disturb until " + until), qPrintable(m_window->statusText()));
    QVERIFY2(dnd->title().contains(until), qPrintable(dnd->title()));
    QVERIFY(TrayIconRenderer::render(SseClient::State::Open, 0, true).pixmap(22).toImage()
            != TrayIconRenderer::render(SseClient::State::Open, 0, false).pixmap(22).toImage());
    off->trigger();
    QVERIFY(!m_session->alertsPausedUntil().isValid());
    QTRY_VERIFY(!m_window->statusText().contains(u"do not disturb"));
}

void tst_TrayUi::balloonAlertsWhereThereIsNoDBus()
{
    // What a build without D-Bus (Windows, macOS) alerts through: the tray
    // icon's own notification, given to the notifier after the session exists.
    TrayBalloonNotifier balloons(nullptr);
    QSignalSpy shown(&balloons, &Notifier::shown);
    QSignalSpy clicked(&balloons, &Notifier::actionInvoked);
    m_session = std::make_unique<DesktopSession>(nullptr, &balloons);
    m_session->setSettings(settings());
    QSystemTrayIcon icon;
    icon.setIcon(QIcon(QStringLiteral(":/icons/bell.svg")));
    balloons.setTray(&icon);
    m_session->start();
    QTRY_COMPARE(m_session->client()->state(), SseClient::State::Open);
    notify(QStringLiteral("b1"), "error");
    QTRY_COMPARE(shown.size(), 1);
    QCOMPARE(shown.first().first().toString(), QStringLiteral("b1"));
    // A click on the balloon opens the item, as the popup's default action does.
    QSignalSpy opened(m_session.get(), &DesktopSession::openRequested);
    emit icon.messageClicked();
    QCOMPARE(clicked.size(), 1);
    QCOMPARE(clicked.first().at(1).toString(), QStringLiteral("default"));
    QTRY_COMPARE(opened.size(), 1);
    QCOMPARE(opened.first().first().toString(), QStringLiteral("b1"));
    m_session->stop();
    m_session.reset();
}

void tst_TrayUi::categoriesSortedAsTheyArrive()
{
    startWindow();
    QTRY_COMPARE(m_session->client()->state(), SseClient::State::Open);
    auto *combo = m_window->notificationsPage()->findChild<QComboBox *>(QStringLiteral("categoryFilter"));
    QVERIFY(combo);
    const auto shown = [combo] {
        QStringList out;
        for (int i = 1; i < combo->count(); ++i)
            out << combo->itemText(i);
        return out;
    };
    notify(QStringLiteral("c1"), "info", QStringLiteral("warehouse"));
    notify(QStringLiteral("c2"), "info", QStringLiteral("Billing"));
    notify(QStringLiteral("c3"), "info", QStringLiteral("orders"));
    notify(QStringLiteral("c4"), "info", QStringLiteral("orders"));
    QTRY_COMPARE(shown(),
                 (QStringList{ QStringLiteral("Billing"), QStringLiteral("orders"), QStringLiteral("warehouse") }));
    // The one chosen stays chosen when a new category comes in.
    combo->setCurrentIndex(combo->findData(QStringLiteral("orders")));
    notify(QStringLiteral("c5"), "info", QStringLiteral("accounts"));
    QTRY_COMPARE(shown().size(), 4);
    QCOMPARE(shown().first(), QStringLiteral("accounts"));
    QCOMPARE(combo->currentData().toString(), QStringLiteral("orders"));
}

void tst_TrayUi::severalSourcesInOneWindow()
{
    TestSupport::InProcessServer warehouse;
    QVERIFY(warehouse.start());
    QNetworkAccessManager network;
    Desk desk(nullptr, &network);
    const Desk::Source shop = source(QStringLiteral("Shop"));
    const Desk::Source stock = source(QStringLiteral("Warehouse"), warehouse.url());
    desk.setSources({ shop, stock });
    MainWindow window(&desk);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    desk.start();
    QTRY_VERIFY(desk.session(0)->connectionState() == SseClient::State::Open
                && desk.session(1)->connectionState() == SseClient::State::Open);
    notify(QStringLiteral("s1"));
    warehouse.notification(QStringLiteral("w1"), { QStringLiteral("alice") });
    warehouse.notification(QStringLiteral("w2"), { QStringLiteral("alice") });
    QTRY_COMPARE(desk.unreadCount(), 3);

    // The source box: all of them, then each with its unread count.
    QVERIFY(window.sourceBox()->isVisible());
    QCOMPARE(window.sourceBox()->accessibleName(), QStringLiteral("Source"));
    QTRY_COMPARE(window.sourceBox()->itemText(2), QStringLiteral("Warehouse (2)"));
    QCOMPARE(window.sourceBox()->itemText(1), QStringLiteral("Shop (1)"));
    QCOMPARE(window.sourceBox()->itemText(0), QStringLiteral("All sources (3)"));
    // Together first: one list, newest first, with a Source column.
    QVERIFY(window.showsAllSources());
    AllSourcesPage *all = window.allSourcesPage();
    QVERIFY(all && all->isVisible());
    all->model()->follow();
    QTRY_COMPARE(all->view()->model()->rowCount(), 3);
    QCOMPARE(all->view()->model()->headerData(0, Qt::Horizontal).toString(), QStringLiteral("Source"));
    QStringList sources;
    for (int row = 0; row < 3; ++row)
        sources << all->view()->model()->index(row, 0).data().toString();
    sources.sort();
    QCOMPARE(sources,
             (QStringList{ QStringLiteral("Shop"), QStringLiteral("Warehouse"), QStringLiteral("Warehouse") }));
    QVERIFY2(window.statusText().startsWith(u"All sources — 2 of 2 connected — 3 unread"),
             qPrintable(window.statusText()));
    // The source filter.
    all->sourceFilter()->setCurrentIndex(all->sourceFilter()->findText(QStringLiteral("Warehouse")));
    QCOMPARE(all->view()->model()->rowCount(), 2);
    // R marks the selected ones read, each at its own source.
    all->view()->setFocus();
    all->view()->selectAll();
    QTest::keyClick(all->view(), Qt::Key_R);
    QTRY_COMPARE(desk.session(1)->notifications()->unreadCount(), 0);
    QCOMPARE(desk.session(0)->notifications()->unreadCount(), 1);
    all->sourceFilter()->setCurrentIndex(0);
    QCOMPARE(all->view()->model()->rowCount(), 3);
    // Enter opens one in its source's own view, at that notification.
    for (int row = 0; row < 3; ++row) {
        const QModelIndex index = all->view()->model()->index(row, 1);
        if (index.data(NotificationModel::IdRole).toString() == u"s1")
            all->view()->setCurrentIndex(index);
    }
    QTest::keyClick(all->view(), Qt::Key_Return);
    QVERIFY(!window.showsAllSources());
    QCOMPARE(window.session(), desk.session(0));
    QCOMPARE(window.notificationsPage()->view()->currentIndex().data(NotificationModel::IdRole).toString(),
             QStringLiteral("s1"));
    QTest::keyClick(&window, Qt::Key_0, Qt::ControlModifier | Qt::AltModifier);
    QVERIFY(window.showsAllSources());

    // Ctrl+Alt+1 shows the shop alone: its notifications, its status.
    QTest::keyClick(&window, Qt::Key_1, Qt::ControlModifier | Qt::AltModifier);
    QVERIFY(!window.showsAllSources());
    QCOMPARE(window.session(), desk.session(0));
    QCOMPARE(window.notificationsPage()->view()->model()->rowCount(), 1);
    QVERIFY(window.statusText().startsWith(u"Shop — connected"));

    // Ctrl+Alt+2 shows the warehouse: its notifications, its status.
    QTest::keyClick(&window, Qt::Key_2, Qt::ControlModifier | Qt::AltModifier);
    QCOMPARE(window.session(), desk.session(1));
    QCOMPARE(window.sourceBox()->currentIndex(), 2);
    QCOMPARE(window.notificationsPage()->view()->model()->rowCount(), 2);
    QVERIFY(window.statusText().startsWith(u"Warehouse — connected"));
    // An alert's "Open" from the shop shows the shop, at that notification.
    window.showNotification(desk.session(0), QStringLiteral("s1"));
    QCOMPARE(window.session(), desk.session(0));
    QCOMPARE(window.notificationsPage()->view()->currentIndex().data(NotificationModel::IdRole).toString(),
             QStringLiteral("s1"));

    // The warehouse fails: the shop's window says so, and the shop goes on.
    warehouse.reset();
    QTRY_VERIFY(window.sourceBox()->itemText(2).startsWith(u"Warehouse — "));
    const QList<QLabel *> labels = window.findChildren<QLabel *>();
    QTRY_VERIFY(std::any_of(labels.cbegin(), labels.cend(), [](const QLabel *label) {
        return label->accessibleName() == u"Other sources" && label->text().startsWith(u"⚠ Warehouse: ");
    }));
    notify(QStringLiteral("s2"));
    QTRY_COMPARE(window.notificationsPage()->view()->model()->rowCount(), 2);

    // Ctrl+Alt+0: all of them again; the note still names the failing one.
    QTest::keyClick(&window, Qt::Key_0, Qt::ControlModifier | Qt::AltModifier);
    QVERIFY(window.showsAllSources());
    // One source again: no source box, no "all".
    desk.setSources({ shop });
    QVERIFY(!window.sourceBox()->isVisible());
    QVERIFY(!window.showsAllSources());
    QCOMPARE(window.session(), desk.session(0));
    desk.stop();
}

void tst_TrayUi::aPresetSourceAsksOnlyForItsPassword()
{
    // A server whose users have passwords, and an administrator's source that signs in with one.
    QTemporaryDir dir;
    TestSupport::InProcessServer server([&dir](Notify::Server::ServerConfig &config) {
        config.usersFile = TestSupport::writeUsersFile(dir, TestSupport::passwordUsers());
    });
    QVERIFY(server.start());
    DesktopSession::Settings preset;
    preset.sourceName = QStringLiteral("Shop");
    preset.server = server.url();
    preset.user = QStringLiteral("alice");
    preset.preset = true;
    preset.sourceLocked = true;
    preset.passwordSignIn = true;
    SettingsDialog welcome(preset, SettingsDialog::Mode::Welcome);
    welcome.show();
    const QList<QLineEdit *> edits = welcome.findChildren<QLineEdit *>();
    const auto edit = [&edits](const QString &name) {
        for (QLineEdit *e : edits)
            if (e->accessibleName() == name)
                return e;
        return static_cast<QLineEdit *>(nullptr);
    };
    // The address is kept, and the administrator's: not to be changed; no token field, a password one.
    QCOMPARE(edit(QStringLiteral("Server address"))->text(), server.url().toString());
    QVERIFY(edit(QStringLiteral("Server address"))->isReadOnly());
    QVERIFY(edit(QStringLiteral("User name"))->isReadOnly());
    QVERIFY(!edit(QStringLiteral("Access token"))->isVisible());
    QLineEdit *password = welcome.passwordField();
    QVERIFY(password && password->isVisible());
    QCOMPARE(password->echoMode(), QLineEdit::Password);
    QCOMPARE(welcome.missing(), QStringLiteral("Still needed: your password."));
    auto *save = welcome.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save);

    // A wrong password: said, the dialog stays, the field is emptied.
    password->setText(QStringLiteral("not-it"));
    QSignalSpy finished(&welcome, &SettingsDialog::signInFinished);
    QTest::mouseClick(save, Qt::LeftButton);
    QVERIFY(password->text().isEmpty());
    QVERIFY(finished.wait(10'000));
    QCOMPARE(finished.last().at(0).toString(), QStringLiteral("Wrong user name or password."));
    QVERIFY(welcome.isVisible());
    QCOMPARE(welcome.result(), 0);
    QVERIFY(welcome.testResult()->text().contains(u"Wrong user name or password."));

    // The right one: the token comes, and only the token is kept.
    password->setText(QString::fromUtf8(TestSupport::AlicePassword));
    QTest::mouseClick(save, Qt::LeftButton);
    QVERIFY(finished.wait(10'000));
    QCOMPARE(finished.last().at(0).toString(), QString());
    QCOMPARE(welcome.result(), int(QDialog::Accepted));
    QCOMPARE(welcome.settings().token, TestSupport::AliceToken);
    QCOMPARE(welcome.settings().server, server.url());
    QVERIFY(password->text().isEmpty());
}

void tst_TrayUi::sourcesAreAddedEditedRemovedAndReordered()
{
    TestSupport::InProcessServer warehouse;
    QVERIFY(warehouse.start());
    QNetworkAccessManager network;
    Desk desk(nullptr, &network);
    const Desk::Source shop = source(QStringLiteral("Shop"));
    desk.setSources({ shop });
    MainWindow window(&desk);
    desk.start();

    // Through the dialog as File › Sources opens it: one source, add a second.
    SourcesDialog dialog({ shop.settings }, false);
    dialog.show();
    DesktopSession::Settings added = settings();
    added.sourceName = QStringLiteral("Warehouse");
    added.server = warehouse.url();
    dialog.edit = [&added](DesktopSession::Settings &s, bool adding) {
        if (adding)
            s = added;
        else
            s.sourceName = QStringLiteral("Shop EU");
        return true;
    };
    const auto click = [&dialog](const QString &text) {
        for (QPushButton *button : dialog.findChildren<QPushButton *>()) {
            if (button->text() == text) {
                QVERIFY2(button->isEnabled(), qPrintable(text));
                QTest::mouseClick(button, Qt::LeftButton);
                return;
            }
        }
        QFAIL(qPrintable(QStringLiteral("no button ") + text));
    };
    click(QStringLiteral("&Add…"));
    QCOMPARE(dialog.list()->count(), 2);
    QCOMPARE(dialog.list()->item(1)->text(), QStringLiteral("Warehouse — ") + warehouse.url().toString());
    // Up: the warehouse first.
    click(QStringLiteral("Move &up"));
    QCOMPARE(dialog.sources().first().sourceName, QStringLiteral("Warehouse"));
    // Test: the stream opens with its settings.
    click(QStringLiteral("&Test"));
    QTRY_VERIFY(dialog.testResult()->text().startsWith(u"✔"));
    // Two of one name cannot be saved.
    dialog.list()->setCurrentRow(1);
    dialog.edit = [](DesktopSession::Settings &s, bool) {
        s.sourceName = QStringLiteral("warehouse");
        return true;
    };
    click(QStringLiteral("&Edit…"));
    QVERIFY(!dialog.problem().isEmpty());
    dialog.edit = [](DesktopSession::Settings &s, bool) {
        s.sourceName = QStringLiteral("Shop EU");
        return true;
    };
    click(QStringLiteral("&Edit…"));
    QVERIFY(dialog.problem().isEmpty());

    // Saved: the user's file has both (no token in it), the desk follows at once.
    AppController controller(&desk, &window, false, true, {});
    QVERIFY(controller.applySources(dialog.sources()));
    QCOMPARE(desk.count(), 2);
    QCOMPARE(Desk::nameOf(desk.session(0)), QStringLiteral("Warehouse"));
    QCOMPARE(Desk::nameOf(desk.session(1)), QStringLiteral("Shop EU"));
    QTRY_VERIFY(desk.session(0)->connectionState() == SseClient::State::Open);
    QList<TrayConfigFile::Problem> problems;
    const auto written = TrayConfigFile::read(TrayConfigFile::userPath(), &problems);
    QVERIFY(written && written->sources);
    QCOMPARE(written->sources->size(), 2);
    QCOMPARE(written->sources->at(1).name, QStringLiteral("Shop EU"));
    QFile file(TrayConfigFile::userPath());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(!file.readAll().contains("alice-token-0001"));
    QCOMPARE(AppSettings::loadToken(nullptr, QStringLiteral("Shop EU")), QByteArray("alice-token-0001"));
    QFile::remove(TrayConfigFile::userPath());

    // Remove.
    click(QStringLiteral("&Remove"));
    QCOMPARE(dialog.list()->count(), 1);

    // Locked by the administrator: shown, said, not changed (only signing in).
    SourcesDialog locked({ shop.settings }, true);
    for (QPushButton *button : locked.findChildren<QPushButton *>()) {
        if (button->text() == u"&Add…" || button->text() == u"&Remove" || button->text().startsWith(u"Move"))
            QVERIFY2(!button->isEnabled(), qPrintable(button->text()));
    }
    QStringList texts;
    for (QLabel *label : locked.findChildren<QLabel *>())
        texts << label->text();
    QVERIFY(texts.join(u' ').contains(u"Your administrator set these sources"));
    desk.stop();
}

void tst_TrayUi::aSourceAddedLaterLeavesTheRunningOneAlone()
{
    // One source, started as the app starts without a config: on the history it always had.
    TestSupport::InProcessServer warehouse;
    QVERIFY(warehouse.start());
    QTemporaryDir dir;
    const QString history = dir.filePath(QStringLiteral("history.sqlite"));
    QNetworkAccessManager network;
    Desk desk(nullptr, &network);
    const Desk::Source shop = source(QStringLiteral("Shop"), {}, history);
    desk.setSources({ shop });
    MainWindow window(&desk);
    desk.start();
    QTRY_VERIFY(desk.session(0)->connectionState() == SseClient::State::Open);
    DesktopSession *running = desk.session(0);

    // File › Sources adds a second, with the app started on --history.
    DesktopSession::Settings added = settings();
    added.sourceName = QStringLiteral("Warehouse");
    added.server = warehouse.url();
    AppController controller(&desk, &window, false, false, {});
    controller.setHistoryPath(history);
    QVERIFY(controller.applySources({ running->settings(), added }));
    QFile::remove(TrayConfigFile::userPath());
    // The running source goes on as it was, on its open history (not moved under it) ...
    QCOMPARE(desk.session(0), running);
    QCOMPARE(desk.historyPathOf(QStringLiteral("shop")), history);
    QVERIFY(QFile::exists(history));
    QCOMPARE(running->connectionState(), SseClient::State::Open);
    // ... and the new one has a file of its own beside it.
    QCOMPARE(desk.historyPathOf(QStringLiteral("Warehouse")), dir.filePath(QStringLiteral("history-warehouse.sqlite")));
    QVERIFY(QFile::exists(dir.filePath(QStringLiteral("history-warehouse.sqlite"))));
    QVERIFY(desk.historyPathOf(QStringLiteral("Ops")).isNull());
    QTRY_VERIFY(desk.session(1)->connectionState() == SseClient::State::Open);
    desk.stop();
}

void tst_TrayUi::rulesWithAPreviewAndQuietHours()
{
    QNetworkAccessManager network;
    Desk desk(nullptr, &network);
    const Desk::Source shop = source(QStringLiteral("Shop"));
    desk.setSources({ shop });
    MainWindow window(&desk);
    desk.start();
    QTRY_VERIFY(desk.session(0)->connectionState() == SseClient::State::Open);
    notify(QStringLiteral("r1"), "info", QStringLiteral("stock"));
    notify(QStringLiteral("r2"), "error", QStringLiteral("stock"));
    notify(QStringLiteral("r3"), "info", QStringLiteral("payments"));
    QTRY_COMPARE(desk.session(0)->notifications()->rowCount(), 3);

    const QList<Rule> rules{ Rule{ {}, {}, QStringLiteral("error"), {}, {}, RuleAction::Alert },
                             Rule{ QStringLiteral("Shop"), {}, {}, QStringLiteral("stock"), {}, RuleAction::Silent } };
    RulesDialog dialog(&desk, rules, std::nullopt, false, false);
    QCOMPARE(dialog.table()->rowCount(), 2);
    QCOMPARE(dialog.rules(), rules);
    // The second rule decides only what the first left: r1, not the error r2.
    QVERIFY2(dialog.previewOf(1).startsWith(u"In the last day this rule would have decided 1 of 3 notifications: "
                                            u"Shop: Title r1"),
             qPrintable(dialog.previewOf(1)));
    QVERIFY2(dialog.previewOf(0).startsWith(u"In the last day this rule would have decided 1 of 3 notifications: "
                                            u"Shop: Title r2"),
             qPrintable(dialog.previewOf(0)));
    // Added at the end; no quiet hours unless ticked.
    dialog.addRule(Rule{ {}, {}, {}, {}, QStringLiteral("r3"), RuleAction::Hide });
    QCOMPARE(dialog.rules().size(), 3);
    QCOMPARE(dialog.rules().last().action, RuleAction::Hide);
    QVERIFY(!dialog.quietHours());
    auto *quiet = dialog.findChild<QGroupBox *>();
    QVERIFY(quiet);
    quiet->setChecked(true);
    const auto hours = dialog.quietHours();
    QVERIFY(hours);
    QCOMPARE(hours->days, quint8(0x1f)); // weekdays, 19:00 to 07:00, by default
    QCOMPARE(hours->from, QTime(19, 0));

    // Saved: every source follows at once, and the user's file keeps them.
    AppController controller(&desk, &window, false, true, {});
    QVERIFY(controller.applyRules(dialog.rules(), hours));
    QCOMPARE(desk.session(0)->settings().rules, dialog.rules());
    QVERIFY(desk.session(0)->alerts()->quietHours() == hours);
    QList<TrayConfigFile::Problem> problems;
    const auto written = TrayConfigFile::read(TrayConfigFile::userPath(), &problems);
    QVERIFY(written && written->rules && written->quietHours);
    QCOMPARE(*written->rules, dialog.rules());
    QFile::remove(TrayConfigFile::userPath());
    // Locked by the administrator: the rules stay theirs.
    AppController locked(&desk, &window, false, true, { QStringLiteral("rules") });
    QVERIFY(locked.applyRules({}, std::nullopt));
    QCOMPARE(desk.session(0)->settings().rules.size(), 3);
    QVERIFY(!desk.session(0)->alerts()->quietHours());
    // Turned off, and kept off over a team's schedule: null in the user's file.
    const auto off = TrayConfigFile::read(TrayConfigFile::userPath(), &problems);
    QVERIFY(off && !off->rules && off->quietHours && !*off->quietHours);
    // Saved again unchanged, the quiet hours are not written (a team's later schedule is not overruled).
    QFile::remove(TrayConfigFile::userPath());
    QVERIFY(controller.applyRules({}, std::nullopt));
    const auto unchanged = TrayConfigFile::read(TrayConfigFile::userPath(), &problems);
    QVERIFY(unchanged && unchanged->rules && !unchanged->quietHours);
    QFile::remove(TrayConfigFile::userPath());
    desk.stop();
}

QTEST_MAIN(tst_TrayUi)
#include "tst_trayui.moc"
