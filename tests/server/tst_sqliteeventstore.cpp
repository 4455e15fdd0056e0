// SPDX-License-Identifier: MIT
#include "store/sqliteeventstore.h"

#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Notify::Server;

namespace {

StoredEvent makeEvent(const QByteArray &type, const QByteArray &data, const QStringList &audience = {},
                      qint64 createdMs = 1000)
{
    StoredEvent e;
    e.type = type;
    e.data = data;
    e.audience = audience;
    e.createdMs = createdMs;
    return e;
}

quint64 append(SqliteEventStore &store, StoredEvent e)
{
    QString error;
    const auto seq = store.append(e, &error);
    return seq.value_or(0);
}

} // namespace

class tst_SqliteEventStore final : public QObject
{
    Q_OBJECT

private slots:
    void sequenceAndAudience();
    void retentionKeepsNumbering();
    void notificationsReadState();
    void ordersKeepLatest();
    void notificationsKeepTheNewestAndTrimInSteps();
    void survivesReopen();
    void groupAudiences();
    void aStoreFromBeforeGroupsIsRebuiltOnce_data();
    void aStoreFromBeforeGroupsIsRebuiltOnce();
};

void tst_SqliteEventStore::sequenceAndAudience()
{
    SqliteEventStore store({});
    QString error;
    QVERIFY2(store.open(&error), qPrintable(error));
    QCOMPARE(store.headSeq(), 0u);
    QCOMPARE(store.oldestSeq(), 1u);
    QCOMPARE(append(store, makeEvent("a", "{}")), 1u);
    QCOMPARE(append(store, makeEvent("b", "{}", { QStringLiteral("alice") })), 2u);
    QCOMPARE(append(store, makeEvent("c", "{}", { QStringLiteral("bob"), QStringLiteral("carol") })), 3u);
    QCOMPARE(append(store, makeEvent("d", "{}", { QStringLiteral("carol"), QStringLiteral("alice") })), 4u);
    const auto types = [&](const QString &user, quint64 after, qsizetype limit = 100) {
        QByteArrayList out;
        for (const StoredEvent &e : store.eventsAfter(after, user, limit))
            out << e.type;
        return out;
    };
    QCOMPARE(types(QStringLiteral("alice"), 0), (QByteArrayList{ "a", "b", "d" }));
    QCOMPARE(types(QStringLiteral("bob"), 0), (QByteArrayList{ "a", "c" }));
    QCOMPARE(types(QStringLiteral("carol"), 1), (QByteArrayList{ "c", "d" }));
    QCOMPARE(types(QStringLiteral("alice"), 0, 2), (QByteArrayList{ "a", "b" }));
    QCOMPARE(types(QStringLiteral("alice"), 4), QByteArrayList());
}

void tst_SqliteEventStore::retentionKeepsNumbering()
{
    SqliteEventStore store({});
    QString error;
    QVERIFY(store.open(&error));
    for (int i = 0; i < 10; ++i)
        append(store, makeEvent("e", "{}", {}, 1000 + i));
    store.enforceRetention(4, 0, 0);
    QCOMPARE(store.oldestSeq(), 7u);
    QCOMPARE(store.headSeq(), 10u);
    // At t=2008 with 1 s of retention, events created before 1008 go: seq 1..8.
    store.enforceRetention(100, 1000, 2008);
    QCOMPARE(store.oldestSeq(), 9u);
    store.enforceRetention(1, 0, 0);
    store.enforceRetention(0, 1, 1'000'000); // everything is old
    QCOMPARE(store.oldestSeq(), 11u); // empty: head + 1
    QCOMPARE(append(store, makeEvent("f", "{}")), 11u); // numbering goes on
}

void tst_SqliteEventStore::notificationsReadState()
{
    SqliteEventStore store({});
    QString error;
    QVERIFY(store.open(&error));
    append(store, makeEvent("notification", R"({"notification_id":"n1","title":"a"})", { QStringLiteral("alice") }));
    append(store, makeEvent("notification", R"({"notification_id":"n2","title":"b"})"));
    append(store, makeEvent("notification", R"({"notification_id":"n3","title":"c"})", { QStringLiteral("bob") }));
    auto list = store.notifications(QStringLiteral("alice"), false, 10);
    QCOMPARE(list.size(), 2);
    QCOMPARE(list.at(0).data.value(u"notification_id").toString(), QStringLiteral("n2"));
    QVERIFY(!store.markRead(QStringLiteral("alice"), QStringLiteral("n3"))); // bob's
    QVERIFY(!store.markRead(QStringLiteral("alice"), QStringLiteral("zz")));
    QVERIFY(store.markRead(QStringLiteral("alice"), QStringLiteral("n1")));
    QVERIFY(store.markRead(QStringLiteral("alice"), QStringLiteral("n1"))); // again: fine
    QCOMPARE(store.notifications(QStringLiteral("alice"), true, 10).size(), 1);
    QCOMPARE(store.markAllRead(QStringLiteral("alice")), QStringList{ QStringLiteral("n2") });
    QCOMPARE(store.markAllRead(QStringLiteral("alice")), QStringList());
    QCOMPARE(store.notifications(QStringLiteral("bob"), true, 10).size(), 2); // n2 unread for bob

    // Unread again: only one's own, and the counts follow.
    using Counts = std::pair<qint64, qint64>;
    const auto counts = [&store](const char *user) {
        const auto c = store.notificationCounts(QString::fromLatin1(user));
        return Counts{ c.total, c.unread };
    };
    const auto unreadEntries
        = [&store](const char *user) { return store.notificationCounts(QString::fromLatin1(user)).unreadEntries; };
    QCOMPARE(counts("alice"), Counts(2, 0));
    QVERIFY(!store.markUnread(QStringLiteral("alice"), QStringLiteral("n3")));
    QVERIFY(!store.markUnread(QStringLiteral("alice"), QStringLiteral("zz")));
    QVERIFY(store.markUnread(QStringLiteral("alice"), QStringLiteral("n1")));
    QVERIFY(store.markUnread(QStringLiteral("alice"), QStringLiteral("n1"))); // again: fine
    QCOMPARE(counts("alice"), Counts(2, 1));
    QCOMPARE(store.notifications(QStringLiteral("alice"), true, 10).size(), 1);
    QCOMPARE(counts("bob"), Counts(2, 2));
    // A notification published again under its id (an update) is listed
    // again (an entry more), but it is one unread notification.
    append(store, makeEvent("notification", R"({"notification_id":"n2","title":"b2"})"));
    QCOMPARE(counts("bob"), Counts(3, 2));
    QCOMPARE(unreadEntries("bob"), 3);
    QCOMPARE(store.notifications(QStringLiteral("bob"), false, 10).size(), 3); // what count pages over
    QCOMPARE(counts("carol"), Counts(2, 1)); // the broadcast, twice
}

void tst_SqliteEventStore::ordersKeepLatest()
{
    SqliteEventStore store({});
    QString error;
    QVERIFY(store.open(&error));
    append(store, makeEvent("order_status", R"({"order_id":"A","status":"pending"})", { QStringLiteral("alice") }));
    append(store, makeEvent("order_status", R"({"order_id":"A","status":"shipped"})", { QStringLiteral("alice") }));
    append(store, makeEvent("order_status", R"({"order_id":"B","status":"pending"})", { QStringLiteral("bob") }));
    const auto orders = store.orders(QStringLiteral("alice"));
    QCOMPARE(orders.size(), 1);
    QCOMPARE(orders.first().value(u"status").toString(), QStringLiteral("shipped"));
}

void tst_SqliteEventStore::survivesReopen()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("events.sqlite"));
    quint32 epoch = 0;
    {
        SqliteEventStore store(path);
        QString error;
        QVERIFY(store.open(&error));
        epoch = store.epoch();
        for (int i = 0; i < 5; ++i)
            append(store, makeEvent("e", "{}"));
    }
    SqliteEventStore store(path);
    QString error;
    QVERIFY(store.open(&error));
    QCOMPARE(store.epoch(), epoch);
    QCOMPARE(store.headSeq(), 5u);
    QCOMPARE(store.eventsAfter(2, QStringLiteral("x"), 10).size(), 3);
    SqliteEventStore other({});
    QVERIFY(other.open(&error));
    QVERIFY(other.epoch() != epoch); // a new store, a new epoch (2^-32 chance of a clash)
}

void tst_SqliteEventStore::notificationsKeepTheNewestAndTrimInSteps()
{
    SqliteEventStore store({});
    QString error;
    QVERIFY(store.open(&error));
    store.setNotificationLimit(5);
    const auto notification = [&](const QString &id, const QStringList &audience, qint64 createdMs = 1000) {
        append(store,
               makeEvent("notification", QStringLiteral(R"({"notification_id":"%1","title":"t"})").arg(id).toUtf8(),
                         audience, createdMs));
    };
    for (int i = 0; i < 8; ++i)
        notification(QStringLiteral("a%1").arg(i), { QStringLiteral("alice") });
    for (int i = 0; i < 4; ++i)
        notification(QStringLiteral("all%1").arg(i), {}); // newer than alice's
    notification(QStringLiteral("b0"), { QStringLiteral("bob") });
    QVERIFY(store.markRead(QStringLiteral("alice"), QStringLiteral("a0"))); // beyond her newest five
    QVERIFY(store.markRead(QStringLiteral("alice"), QStringLiteral("a7")));
    const auto ids = [&store](const char *user, bool unreadOnly = false) {
        QStringList out;
        for (const NotificationRecord &r : store.notifications(QString::fromLatin1(user), unreadOnly, 100))
            out << r.data.value(u"notification_id").toString();
        return out;
    };
    // The list, its counts and "read all" are the newest five, before any trim.
    const QStringList newest{ QStringLiteral("all3"), QStringLiteral("all2"), QStringLiteral("all1"),
                              QStringLiteral("all0"), QStringLiteral("a7") };
    QCOMPARE(ids("alice"), newest);
    QCOMPARE(store.notificationCounts(QStringLiteral("alice")).total, 5);
    QCOMPARE(store.notificationCounts(QStringLiteral("alice")).unread, 4); // a7 is read; a0 is beyond
    QCOMPARE(ids("bob").size(), 5); // b0 and the four broadcasts

    // Trimmed a little at a time: a step of 2 rows, until nothing is left to do.
    int steps = 0;
    while (store.trimNotifications(0, 0, 2))
        QVERIFY(++steps < 50);
    QVERIFY(steps >= 1);
    QCOMPARE(ids("alice"), newest); // what the lists showed is what is left
    QCOMPARE(store.notificationCounts(QStringLiteral("alice")).unread, 4);
    QVERIFY(!store.markRead(QStringLiteral("alice"), QStringLiteral("a0"))); // gone
    QCOMPARE(store.markAllRead(QStringLiteral("bob")).size(), 5);

    // By age: everything published before the cut-off goes.
    notification(QStringLiteral("fresh"), { QStringLiteral("alice") }, 1'000'000);
    while (store.trimNotifications(500'000, 1'400'000, 1000)) { }
    QCOMPARE(ids("alice"), QStringList{ QStringLiteral("fresh") });
    QCOMPARE(ids("bob"), QStringList());
    QCOMPARE(store.notificationCounts(QStringLiteral("bob")).total, 0);
    // No limit: everything stays.
    store.setNotificationLimit(0);
    for (int i = 0; i < 12; ++i)
        notification(QStringLiteral("n%1").arg(i), { QStringLiteral("carol") }, 2'000'000);
    while (store.trimNotifications(0, 0, 1000)) { }
    QCOMPARE(ids("carol").size(), 12);
}

// A group's event: stored once, seen by its members only (three or more:
// beyond user_a and user_b), listed for each, trimmed member by member.
void tst_SqliteEventStore::groupAudiences()
{
    SqliteEventStore store({});
    QString error;
    QVERIFY2(store.open(&error), qPrintable(error));
    const QStringList team{ QStringLiteral("alice"), QStringLiteral("bob"), QStringLiteral("carol") };
    append(store, makeEvent("notification", R"({"notification_id":"g1","title":"Team"})", team));
    append(store,
           makeEvent("notification", R"({"notification_id":"p1","title":"Alice's"})", { QStringLiteral("alice") }));
    append(store, makeEvent("order_status", R"({"order_id":"A-1","status":"pending"})", team));
    for (const QString &user : team) {
        QCOMPARE(store.eventsAfter(0, user, 10).first().audience, team);
        QCOMPARE(store.notifications(user, false, 10).first().data.value(u"notification_id").toString(),
                 user == u"alice" ? QStringLiteral("p1") : QStringLiteral("g1"));
        QCOMPARE(store.orders(user).size(), 1);
    }
    QCOMPARE(store.eventsAfter(0, QStringLiteral("dave"), 10).size(), 0);
    QCOMPARE(store.notifications(QStringLiteral("dave"), false, 10).size(), 0);
    QCOMPARE(store.orders(QStringLiteral("dave")).size(), 0);
    QCOMPARE(store.notificationCounts(QStringLiteral("bob")).total, 1);
    // Read by one member: read for that member only.
    QVERIFY(store.markRead(QStringLiteral("bob"), QStringLiteral("g1")));
    QCOMPARE(store.notificationCounts(QStringLiteral("bob")).unread, 0);
    QCOMPARE(store.notificationCounts(QStringLiteral("carol")).unread, 1);
    // alice keeps 1 (her own, newer): her share of g1 goes, bob's and carol's stay.
    store.setNotificationLimit(1);
    while (store.trimNotifications(0, 0, 1000)) { }
    QCOMPARE(store.notificationCounts(QStringLiteral("alice")).total, 1);
    QCOMPARE(store.notifications(QStringLiteral("bob"), false, 10).size(), 1);
    QVERIFY(!store.markRead(QStringLiteral("alice"), QStringLiteral("g1")));
    // A claim by one who no longer has it: 404; by one who has it: done.
    const Claim at{ QStringLiteral("carol"), QStringLiteral("2026-12-07T10:00:00Z") };
    QCOMPARE(store.claim(QStringLiteral("alice"), QStringLiteral("g1"), at, 0).status, ClaimOutcome::Status::NotFound);
    QCOMPARE(store.claim(QStringLiteral("carol"), QStringLiteral("g1"), at, 0).status, ClaimOutcome::Status::Done);
    // Its event goes to those the notification still reaches.
    const StoredEvent claimed = store.eventsAfter(store.headSeq() - 1, QStringLiteral("bob"), 1).first();
    QCOMPARE(claimed.type, QByteArray("notification_claimed"));
    QCOMPARE(claimed.audience, (QStringList{ QStringLiteral("bob"), QStringLiteral("carol") }));
}

void tst_SqliteEventStore::aStoreFromBeforeGroupsIsRebuiltOnce_data()
{
    QTest::addColumn<bool>("withTimes");
    QTest::addRow("before-groups") << true;
    QTest::addRow("before-retention") << false; // no created_ms either
}

// notifications(seq INTEGER PRIMARY KEY …) as a store before groups had it
// (and before retention, without created_ms): rebuilt at the first open,
// every row and read state kept.
void tst_SqliteEventStore::aStoreFromBeforeGroupsIsRebuiltOnce()
{
    QFETCH(bool, withTimes);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("events.sqlite"));
    {
        SqliteEventStore store(path);
        QString error;
        QVERIFY(store.open(&error));
        for (int i = 0; i < 3; ++i)
            append(store,
                   makeEvent("notification",
                             QStringLiteral(R"({"notification_id":"o%1","title":"Old"})").arg(i).toUtf8(),
                             { QStringLiteral("alice") }));
        QVERIFY(store.markRead(QStringLiteral("alice"), QStringLiteral("o1")));
    }
    {
        // Back to the old shape, as an older notify-server left it.
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("old-shape"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery q(db);
        const QString times = withTimes ? QStringLiteral(", created_ms") : QString();
        QVERIFY(q.exec(QStringLiteral("CREATE TABLE n2(seq INTEGER PRIMARY KEY, notification_id TEXT NOT NULL, user "
                                      "TEXT, data TEXT NOT NULL%1)")
                           .arg(withTimes ? QStringLiteral(", created_ms INTEGER NOT NULL DEFAULT 0") : QString())));
        QVERIFY(q.exec(
            QStringLiteral("INSERT INTO n2 SELECT seq, notification_id, user, data%1 FROM notifications").arg(times)));
        QVERIFY(q.exec(QStringLiteral("DROP TABLE notifications")));
        QVERIFY(q.exec(QStringLiteral("ALTER TABLE n2 RENAME TO notifications")));
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("old-shape"));
    for (int open = 0; open < 2; ++open) {
        SqliteEventStore store(path);
        QString error;
        QVERIFY2(store.open(&error), qPrintable(error));
        const auto list = store.notifications(QStringLiteral("alice"), false, 10);
        QCOMPARE(list.size(), 3 + open);
        QCOMPARE(store.notificationCounts(QStringLiteral("alice")).unread, 2 + open);
        if (open == 0) // and a group's notification fits now
            append(store,
                   makeEvent("notification", R"({"notification_id":"g","title":"New"})",
                             { QStringLiteral("alice"), QStringLiteral("bob"), QStringLiteral("carol") }));
    }
}

QTEST_GUILESS_MAIN(tst_SqliteEventStore)
#include "tst_sqliteeventstore.moc"
