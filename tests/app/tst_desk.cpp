// SPDX-License-Identifier: MIT
// Several sources at once (docs/CONFIGURATION.md): two real servers
// in-process, one Desk, one notifier for the desktop. Alerts say whose they
// are and their actions come back to that source; a failing source stops
// nothing else; one source is exactly as before sources.

#include "core/alertcenter.h"
#include "core/allsourcesmodel.h"
#include "core/desk.h"
#include "core/historystore.h"
#include "core/notificationmodel.h"
#include "core/translations.h"
#include "inprocessserver.h"
#include "testclient.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace Notify::Tray;
using namespace Qt::StringLiterals;

namespace {

class RecordingNotifier final : public Notifier
{
public:
    void show(const Alert &alert) override { shown << alert; }
    void withdraw(const QString &key) override { withdrawn << key; }
    [[nodiscard]] QStringList titles() const
    {
        QStringList out;
        for (const Alert &a : shown)
            out << a.title;
        out.sort();
        return out;
    }
    QList<Alert> shown;
    QStringList withdrawn;
};

Desk::Source source(const QString &name, const TestSupport::InProcessServer &server)
{
    Desk::Source s;
    s.settings.sourceName = name;
    s.settings.server = server.url();
    s.settings.token = TestSupport::AliceToken;
    s.settings.user = u"alice"_s;
    return s;
}

bool notify(TestSupport::InProcessServer &server, const QString &id, const QString &title)
{
    return !server
                .publish("notification",
                         QJsonObject{ { u"notification_id"_s, id }, { u"title"_s, title }, { u"level"_s, u"error"_s } },
                         { u"alice"_s })
                .isEmpty();
}

/// Counts the requests every session makes (they all go through the one network access manager).
class CountingNetwork final : public QNetworkAccessManager
{
public:
    int requests = 0;

protected:
    QNetworkReply *createRequest(Operation op, const QNetworkRequest &request, QIODevice *data) override
    {
        ++requests;
        return QNetworkAccessManager::createRequest(op, request, data);
    }
};

bool isOpen(DesktopSession *session)
{
    return session->connectionState() == Notify::SseClient::State::Open;
}

} // namespace

class tst_Desk final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void severalSourcesStreamAtOnce();
    void anAlertsActionGoesBackToItsSource();
    void aFailingSourceStopsNothingElse();
    void oneSourceIsAsBeforeSources();
    void sourcesKeepTheirSessionsByName();
    void doNotDisturbIsForEverySource();
    void historyFilesPerSource();
    void allSourcesFollowsRowByRow();
    void allSourcesShowsTheSameRowsWhileARebuildIsDue();
    void changingSourcesWhileTheWindowListens();

private:
    /// The desk follows the shop and the warehouse, both streaming.
    bool startShopAndWarehouse(Desk &desk);
    /// "n1" at each: "Payment failed" at the shop, "Pallet damaged" at the warehouse.
    bool publishOneEach();

    std::unique_ptr<TestSupport::InProcessServer> m_shop;
    std::unique_ptr<TestSupport::InProcessServer> m_warehouse;
    CountingNetwork m_network;
};

void tst_Desk::initTestCase()
{
    Translations::install(QCoreApplication::instance(), QLocale(QLocale::English)); // plural forms
}

void tst_Desk::init()
{
    m_shop = std::make_unique<TestSupport::InProcessServer>();
    m_warehouse = std::make_unique<TestSupport::InProcessServer>();
    QVERIFY(m_shop->start());
    QVERIFY(m_warehouse->start());
}

void tst_Desk::cleanup()
{
    m_shop.reset();
    m_warehouse.reset();
}

bool tst_Desk::startShopAndWarehouse(Desk &desk)
{
    desk.setSources({ source(u"Shop"_s, *m_shop), source(u"Warehouse"_s, *m_warehouse) });
    desk.start();
    return QTest::qWaitFor([&desk] { return isOpen(desk.session(0)) && isOpen(desk.session(1)); });
}

bool tst_Desk::publishOneEach()
{
    return notify(*m_shop, u"n1"_s, u"Payment failed"_s) && notify(*m_warehouse, u"n1"_s, u"Pallet damaged"_s);
}

void tst_Desk::severalSourcesStreamAtOnce()
{
    RecordingNotifier notifier;
    Desk desk(&notifier, &m_network);
    QVERIFY(startShopAndWarehouse(desk));
    // The same id at both: two notifications, one in each source.
    QVERIFY(publishOneEach());
    QTRY_COMPARE(notifier.shown.size(), 2);
    QCOMPARE(notifier.titles(), (QStringList{ u"Shop: Payment failed"_s, u"Warehouse: Pallet damaged"_s }));
    QCOMPARE(desk.session(u"shop"_s)->notifications()->rowCount(), 1);
    QCOMPARE(desk.session(u"Warehouse"_s)->notifications()->item(0).title, u"Pallet damaged"_s);
    QCOMPARE(desk.unreadCount(), 2);
    // The keys differ: withdrawing one source's alert leaves the other's.
    QVERIFY(notifier.shown[0].key != notifier.shown[1].key);
}

void tst_Desk::anAlertsActionGoesBackToItsSource()
{
    RecordingNotifier notifier;
    Desk desk(&notifier, &m_network);
    QVERIFY(startShopAndWarehouse(desk));
    QVERIFY(publishOneEach());
    QTRY_COMPARE(notifier.shown.size(), 2);
    const auto warehouseAlert
        = std::find_if(notifier.shown.cbegin(), notifier.shown.cend(),
                       [](const Notifier::Alert &a) { return a.title.startsWith(u"Warehouse: "_s); });
    const int requestsBefore = m_network.requests;
    emit notifier.actionInvoked(warehouseAlert->key, u"mark-read"_s);
    QCOMPARE_GT(m_network.requests, requestsBefore); // an action's request goes out at once
    // The warehouse's server marks it read; the shop's is untouched.
    const auto unreadAt = [](quint16 port) {
        return TestClient::request(port, "GET", "/api/v1/notifications/", TestSupport::AliceToken)
            .json()
            .value(u"unread_count")
            .toInt();
    };
    QTRY_COMPARE(unreadAt(m_warehouse->port()), 0);
    QCOMPARE(unreadAt(m_shop->port()), 1);
    QTRY_COMPARE(desk.session(u"Warehouse"_s)->notifications()->unreadCount(), 0);
    QCOMPARE(desk.session(u"Shop"_s)->notifications()->unreadCount(), 1);
    // Its alert leaves the desktop under its own key, the other stays.
    QVERIFY(notifier.withdrawn.contains(warehouseAlert->key));
    QVERIFY(!notifier.withdrawn.contains(u"Shop\x1fn1"_s));
    // An action for a key no source has goes nowhere.
    const int requestsAfter = m_network.requests;
    emit notifier.actionInvoked(u"Elsewhere\x1fn1"_s, u"mark-read"_s);
    QCOMPARE(m_network.requests, requestsAfter);
    QCOMPARE(unreadAt(m_shop->port()), 1);
}

void tst_Desk::aFailingSourceStopsNothingElse()
{
    RecordingNotifier notifier;
    Desk desk(&notifier, &m_network);
    Desk::Source refused = source(u"Ops"_s, *m_warehouse);
    refused.settings.token = "not-a-token-at-all";
    Desk::Source gone = source(u"Old"_s, *m_warehouse);
    gone.settings.server = QUrl(u"http://127.0.0.1:1"_s); // nothing listens there
    desk.setSources({ refused, source(u"Shop"_s, *m_shop), gone });
    desk.start();
    QTRY_VERIFY(isOpen(desk.session(u"Shop"_s)));
    QTRY_COMPARE(desk.session(u"Ops"_s)->connectionState(), Notify::SseClient::State::AuthRequired);
    QVERIFY(!desk.session(u"Old"_s)->lastProblem().isEmpty() || !isOpen(desk.session(u"Old"_s)));
    QVERIFY(notify(*m_shop, u"n1"_s, u"Payment failed"_s));
    QTRY_VERIFY(std::any_of(notifier.shown.cbegin(), notifier.shown.cend(),
                            [](const Notifier::Alert &a) { return a.title == u"Shop: Payment failed"_s; }));
    // The refused token is said once, for its source.
    QVERIFY(std::any_of(notifier.shown.cbegin(), notifier.shown.cend(), [](const Notifier::Alert &a) {
        return a.title == u"Ops: the server refused your token"_s
            && a.key == u"Ops\x1f"_s + DesktopSession::TokenRefusedKey;
    }));
}

void tst_Desk::oneSourceIsAsBeforeSources()
{
    RecordingNotifier notifier;
    Desk desk(&notifier, &m_network);
    desk.setSources({ source(u"Shop"_s, *m_shop) });
    desk.start();
    QTRY_VERIFY(isOpen(desk.session(0)));
    QVERIFY(notify(*m_shop, u"n1"_s, u"Payment failed"_s));
    QTRY_COMPARE(notifier.shown.size(), 1);
    QCOMPARE(notifier.shown[0].title, u"Payment failed"_s);
    QCOMPARE(notifier.shown[0].key, u"n1"_s);
}

void tst_Desk::sourcesKeepTheirSessionsByName()
{
    RecordingNotifier notifier;
    Desk desk(&notifier, &m_network);
    desk.setSources({ source(u"Shop"_s, *m_shop), source(u"Warehouse"_s, *m_warehouse) });
    desk.start();
    DesktopSession *shop = desk.session(u"Shop"_s);
    QTRY_VERIFY(isOpen(shop));
    QVERIFY(notify(*m_shop, u"n1"_s, u"Payment failed"_s));
    QTRY_COMPARE(shop->notifications()->rowCount(), 1);
    // Reordered, one removed: the shop's session goes on, with what it has.
    desk.setSources({ source(u"Shop"_s, *m_shop) });
    QCOMPARE(desk.count(), 1);
    QCOMPARE(desk.session(0), shop);
    QVERIFY(isOpen(shop));
    QCOMPARE(shop->notifications()->rowCount(), 1);
    QVERIFY(!desk.session(u"Warehouse"_s));
    // Alone now: its alerts no longer say its name.
    // (n1's own alert may come before or after it: n1 may have reached the shop's first list before
    // its event, and then the stream's copy alerts it.)
    QVERIFY(notify(*m_shop, u"n2"_s, u"Refund asked"_s));
    QTRY_VERIFY(notifier.titles().contains(u"Refund asked"_s));
    QVERIFY(!notifier.titles().contains(u"Shop: Refund asked"_s));
    // Added again: a new session that starts at once.
    desk.setSources({ source(u"Warehouse"_s, *m_warehouse), source(u"Shop"_s, *m_shop) });
    QCOMPARE(desk.session(1), shop);
    QTRY_VERIFY(isOpen(desk.session(0)));
}

void tst_Desk::doNotDisturbIsForEverySource()
{
    RecordingNotifier notifier;
    Desk desk(&notifier, &m_network);
    QVERIFY(startShopAndWarehouse(desk));
    const QDateTime until = QDateTime::currentDateTime().addSecs(3600);
    desk.pauseAlerts(until);
    QCOMPARE(desk.alertsPausedUntil(), until);
    QVERIFY(publishOneEach());
    QTRY_COMPARE(desk.unreadCount(), 2);
    // Both notifications are in their lists: their alerts were decided when they went in.
    QTRY_VERIFY(desk.session(0)->notifications()->rowCount() == 1 && desk.session(0)->pendingEvents() == 0
                && desk.session(1)->notifications()->rowCount() == 1 && desk.session(1)->pendingEvents() == 0);
    QCOMPARE(notifier.shown.size(), 0);
    desk.pauseAlerts({});
    // One summary per source, each saying whose.
    QTRY_COMPARE(notifier.shown.size(), 2);
    QCOMPARE(notifier.titles(),
             (QStringList{ u"Shop: While Do not disturb was on: 1 notification"_s,
                           u"Warehouse: While Do not disturb was on: 1 notification"_s }));
}

void tst_Desk::historyFilesPerSource()
{
    QTemporaryDir dir;
    const QString legacy = dir.filePath(u"history.sqlite"_s);
    QCOMPARE(Desk::historyPathFor(u"Shop"_s, legacy, true), dir.filePath(u"history-shop.sqlite"_s));
    QCOMPARE(Desk::historyPathFor(u"Ops / EU"_s, legacy, false), dir.filePath(u"history-ops-eu.sqlite"_s));
    QCOMPARE(Desk::historyPathFor(u"Shop"_s, u":memory:"_s, true), u":memory:"_s);
    // The history from before sources moves to the first source, once.
    {
        QFile file(legacy);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("old");
    }
    QCOMPARE(Desk::historyPathFor(u"Shop"_s, legacy, true), dir.filePath(u"history-shop.sqlite"_s));
    QVERIFY(!QFile::exists(legacy));
    QVERIFY(QFile::exists(dir.filePath(u"history-shop.sqlite"_s)));
    QCOMPARE(Desk::historyPathFor(u"Warehouse"_s, legacy, false), dir.filePath(u"history-warehouse.sqlite"_s));

    // A history left by a killed app (its last writes still in the write-ahead log) moves whole.
    QTemporaryDir killed;
    {
        HistoryStore store(dir.filePath(u"live.sqlite"_s));
        QString error;
        QVERIFY2(store.open(&error), qPrintable(error));
        store.setLastEventId("42");
        QVERIFY(QFile::exists(dir.filePath(u"live.sqlite-wal"_s)));
        // What the disk holds while the app runs is what a kill leaves.
        for (const char *suffix : { "", "-wal", "-shm" })
            QVERIFY(QFile::copy(dir.filePath(u"live.sqlite"_s + QLatin1StringView(suffix)),
                                killed.filePath(u"history.sqlite"_s + QLatin1StringView(suffix))));
    }
    const QString moved = Desk::historyPathFor(u"Shop"_s, killed.filePath(u"history.sqlite"_s), true);
    QCOMPARE(moved, killed.filePath(u"history-shop.sqlite"_s));
    QVERIFY(!QFile::exists(killed.filePath(u"history.sqlite-wal"_s)));
    HistoryStore reopened(moved);
    QString error;
    QVERIFY2(reopened.open(&error), qPrintable(error));
    QCOMPARE(reopened.lastEventId(), QByteArray("42"));
}

void tst_Desk::allSourcesFollowsRowByRow()
{
    Desk desk(nullptr, &m_network);
    desk.setSources({ source(u"Shop"_s, *m_shop), source(u"Warehouse"_s, *m_warehouse) });
    AllSourcesModel all(&desk);
    QSignalSpy resets(&all, &QAbstractItemModel::modelReset);
    desk.start();
    QTRY_VERIFY(isOpen(desk.session(0)) && isOpen(desk.session(1)));
    resets.clear();
    // Interleaved, one at a time: each goes in on top as it comes, no reset.
    for (int i = 0; i < 6; ++i) {
        QVERIFY(notify(i % 2 ? *m_warehouse : *m_shop, u"n%1"_s.arg(i), u"Event %1"_s.arg(i)));
        QTRY_COMPARE(all.rowCount(), i + 1);
    }
    QCOMPARE(resets.size(), 0);
    // The same as a list built afresh: newest first, each row pointing at its own source's notification.
    AllSourcesModel fresh(&desk);
    QCOMPARE(fresh.rowCount(), all.rowCount());
    for (int row = 0; row < all.rowCount(); ++row) {
        QCOMPARE(all.index(row, AllSourcesModel::TitleColumn).data(NotificationModel::IdRole),
                 fresh.index(row, AllSourcesModel::TitleColumn).data(NotificationModel::IdRole));
        QCOMPARE(all.index(row, AllSourcesModel::SourceColumn).data(),
                 fresh.index(row, AllSourcesModel::SourceColumn).data());
    }
    QCOMPARE(all.index(0, AllSourcesModel::TitleColumn).data(NotificationModel::TitleRole).toString(), u"Event 5"_s);
    QCOMPARE(all.index(0, AllSourcesModel::SourceColumn).data().toString(), u"Warehouse"_s);
    // A read changes a row in place.
    QSignalSpy changed(&all, &QAbstractItemModel::dataChanged);
    desk.session(u"Shop"_s)->markRead(u"n0"_s);
    QTRY_VERIFY(!changed.isEmpty());
    desk.stop();
}

void tst_Desk::allSourcesShowsTheSameRowsWhileARebuildIsDue()
{
    // Not started: the sources' lists are filled here, as their streams and *Load older* would.
    Desk desk(nullptr, &m_network);
    desk.setSources({ source(u"Shop"_s, *m_shop), source(u"Warehouse"_s, *m_warehouse) });
    AllSourcesModel all(&desk);
    NotificationModel *shop = desk.session(0)->notifications();
    NotificationModel *warehouse = desk.session(1)->notifications();
    const QDateTime start = QDateTime::currentDateTimeUtc().addSecs(-3600);
    const auto item = [&start](const QString &id, int seconds) {
        NotificationItem n;
        n.id = id;
        n.title = u"Title "_s + id;
        n.createdAt = start.addSecs(seconds);
        return n;
    };
    const auto ids = [&all] {
        QStringList out;
        for (int row = 0; row < all.rowCount(); ++row)
            out << all.index(row, AllSourcesModel::TitleColumn).data(NotificationModel::IdRole).toString();
        return out;
    };
    shop->apply({ item(u"s1"_s, 10), item(u"s2"_s, 20) });
    warehouse->apply({ item(u"w1"_s, 15) });
    all.follow();
    QCOMPARE(ids(), (QStringList{ u"s2"_s, u"w1"_s, u"s1"_s }));

    // Older ones at the bottom of a source: the list is rebuilt a moment later ...
    QCOMPARE(shop->applyOlder({ item(u"s0"_s, 0) }), 1);
    // ... and a new one comes on top before it is.
    shop->apply({ item(u"s3"_s, 30) });
    QCOMPARE(shop->rowCount(), 4);
    // Meanwhile every row still shows the notification it showed (what Enter or R act on) ...
    QCOMPARE(ids(), (QStringList{ u"s2"_s, u"w1"_s, u"s1"_s }));
    QCOMPARE(all.index(2, AllSourcesModel::TitleColumn).data(NotificationModel::TitleRole).toString(), u"Title s1"_s);
    // ... and then the rebuild brings the rest.
    all.follow();
    QCOMPARE(ids(), (QStringList{ u"s3"_s, u"s2"_s, u"w1"_s, u"s1"_s, u"s0"_s }));

    // A batch newer than every row goes in on top as one range; one with a row older than the top goes
    // in row by row, each at its time's place. Neither resets the list.
    QSignalSpy inserted(&all, &QAbstractItemModel::rowsInserted);
    QSignalSpy resets(&all, &QAbstractItemModel::modelReset);
    warehouse->apply({ item(u"w2"_s, 40), item(u"w3"_s, 50) });
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted.first().at(1).toInt(), 0);
    QCOMPARE(inserted.first().at(2).toInt(), 1);
    shop->apply({ item(u"s4"_s, 35) });
    QCOMPARE(ids(), (QStringList{ u"w3"_s, u"w2"_s, u"s4"_s, u"s3"_s, u"s2"_s, u"w1"_s, u"s1"_s, u"s0"_s }));
    QCOMPARE(inserted.size(), 2);
    QCOMPARE(resets.size(), 0);

    // The same notification again a minute later: its row (a group now, shown by its newest member)
    // moves up in its source. Here it stays the same notification's row until the rebuild ...
    const QPersistentModelIndex selected = all.index(3, AllSourcesModel::TitleColumn);
    QCOMPARE(selected.data(NotificationModel::IdRole).toString(), u"s3"_s);
    NotificationItem again = item(u"s1b"_s, 60);
    again.title = u"Title s1"_s;
    shop->apply({ again });
    QCOMPARE(shop->rowCount(), 5);
    QCOMPARE(ids(), (QStringList{ u"w3"_s, u"w2"_s, u"s4"_s, u"s3"_s, u"s2"_s, u"w1"_s, u"s1b"_s, u"s0"_s }));
    // ... which moves it where its new time goes, as a layout change: what was selected stays selected.
    all.follow();
    QCOMPARE(ids(), (QStringList{ u"s1b"_s, u"w3"_s, u"w2"_s, u"s4"_s, u"s3"_s, u"s2"_s, u"w1"_s, u"s0"_s }));
    QCOMPARE(selected.row(), 4);
    QCOMPARE(selected.data(NotificationModel::IdRole).toString(), u"s3"_s);
    QCOMPARE(all.index(0, AllSourcesModel::TitleColumn).data(NotificationModel::TitleRole).toString(), u"Title s1"_s);
    QCOMPARE(resets.size(), 0);
    // As a list built afresh has it.
    AllSourcesModel fresh(&desk);
    QStringList freshIds;
    for (int row = 0; row < fresh.rowCount(); ++row)
        freshIds << fresh.index(row, AllSourcesModel::TitleColumn).data(NotificationModel::IdRole).toString();
    QCOMPARE(ids(), freshIds);
}

void tst_Desk::changingSourcesWhileTheWindowListens()
{
    // The window and the tray ask the desk for every session whenever a session says something; while
    // the sources change, sessions stop, reconnect and pause, and say so at once.
    Desk desk(nullptr, &m_network);
    desk.setSources({ source(u"Shop"_s, *m_shop), source(u"Warehouse"_s, *m_warehouse) });
    int asked = 0;
    const auto askEverySession = [&desk, &asked] {
        for (DesktopSession *session : desk.sessions())
            asked += session->settings().sourceName.isEmpty() ? 0 : 1;
    };
    const auto listen = [&] {
        for (DesktopSession *session : desk.sessions()) {
            QObject::connect(session, &DesktopSession::connectionStateChanged, &desk, askEverySession);
            QObject::connect(session->alerts(), &AlertCenter::pausedChanged, &desk, askEverySession);
        }
    };
    listen();
    desk.start();
    QTRY_VERIFY(isOpen(desk.session(0)) && isOpen(desk.session(1)));
    desk.pauseAlerts(QDateTime::currentDateTime().addSecs(600));
    // A new token for the shop (it reconnects), the warehouse gone (it stops), under Do not disturb.
    Desk::Source shop = source(u"Shop"_s, *m_shop);
    shop.settings.token = "bob-token-0002";
    asked = 0;
    desk.setSources({ shop });
    QVERIFY(asked > 0); // they were asked, and all were whole
    QCOMPARE(desk.count(), 1);
    QTRY_VERIFY(isOpen(desk.session(0)));
    QVERIFY(desk.alertsPausedUntil().isValid());
    desk.stop();
}

QTEST_MAIN(tst_Desk)
#include "tst_desk.moc"
