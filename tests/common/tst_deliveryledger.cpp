// SPDX-License-Identifier: MIT
// DeliveryLedger: exactly-once by id and by content in one place, restored
// from and written to its DeliveryStore only at commit().

#include "common/deliveryledger.h"

#include <QTest>

using Notify::ContentDedup;
using Notify::DeliveryLedger;
using Notify::DeliveryStore;

namespace {

// What a store was told, as the tray's HistoryStore would keep it.
class MemoryStore final : public DeliveryStore
{
public:
    void rememberEvents(const QByteArrayList &ids) override
    {
        events << ids;
        delivered << ids;
        if (!ids.isEmpty())
            last = ids.last();
        ++writes;
    }
    void rememberDelivered(const QByteArrayList &ids) override
    {
        delivered << ids;
        ++writes;
    }
    void setLastEventId(const QByteArray &id) override
    {
        last = id;
        ++writes;
    }
    void rememberContentKeys(const QList<ContentDedup::Entry> &entries) override
    {
        keys << entries;
        ++writes;
    }
    [[nodiscard]] QByteArrayList deliveredIds() const override { return delivered; }
    [[nodiscard]] QByteArray lastEventId() const override { return last; }
    [[nodiscard]] QList<ContentDedup::Entry> contentKeys() const override { return keys; }

    QByteArrayList events;
    QByteArrayList delivered;
    QByteArray last;
    QList<ContentDedup::Entry> keys;
    int writes = 0;
};

} // namespace

class tst_DeliveryLedger final : public QObject
{
    Q_OBJECT

private slots:
    void onceByIdAndByContent();
    void writtenAtCommitOnly();
    void snapshotDoesNotMoveTheResumePosition();
    void restoredAfterARestart();
    void withoutAStore();
};

void tst_DeliveryLedger::onceByIdAndByContent()
{
    MemoryStore store;
    DeliveryLedger ledger;
    ledger.restore(&store);
    QVERIFY(ledger.knowsNothing());
    QVERIFY(ledger.acceptId("1"));
    QVERIFY(!ledger.acceptId("1")); // a replay
    QCOMPARE(ledger.lastEventId(), QByteArray("1"));
    QVERIFY(ledger.acceptContent("h:abc", true, 1000));
    QVERIFY(!ledger.acceptContent("h:abc", true, 2000)); // a backend that re-sends everything
    // Content of an event that came by id: a catch-up does not bring it again, and it is not kept.
    ledger.noteContent("n:7", false, 1000);
    QVERIFY(!ledger.acceptContent("n:7", false, 3000));
    QVERIFY(!ledger.knowsNothing());
}

void tst_DeliveryLedger::writtenAtCommitOnly()
{
    MemoryStore store;
    DeliveryLedger ledger;
    ledger.restore(&store);
    ledger.acceptId("1");
    ledger.acceptId("2");
    ledger.acceptContent("h:abc", true, 1000);
    ledger.noteContent("n:7", false, 1000);
    QVERIFY(ledger.acceptContent({}, false, 1000)); // nothing to know it by: new, and nothing to keep
    QCOMPARE(store.writes, 0); // nothing before the batch's transaction
    ledger.commit();
    QCOMPARE(store.events, (QByteArrayList{ "1", "2" }));
    QCOMPARE(store.last, QByteArray("2"));
    QCOMPARE(store.keys.size(), 1);
    QCOMPARE(store.keys.at(0).key, QByteArray("h:abc"));
    QCOMPARE(store.keys.at(0).seenMs, qint64(1000));
    QVERIFY(store.keys.at(0).expires);
    const int writes = store.writes;
    ledger.commit(); // nothing new: nothing written
    QCOMPARE(store.writes, writes);
    ledger.setLastEventId("reset-9"); // a reset: written at once
    QCOMPARE(store.last, QByteArray("reset-9"));
    QCOMPARE(ledger.lastEventId(), QByteArray("reset-9"));
}

void tst_DeliveryLedger::snapshotDoesNotMoveTheResumePosition()
{
    MemoryStore store;
    DeliveryLedger ledger;
    ledger.restore(&store);
    ledger.acceptId("5");
    ledger.markSeen("3"); // shown by a snapshot
    ledger.markSeenContent("n:a", false, 100);
    ledger.commit();
    QCOMPARE(ledger.lastEventId(), QByteArray("5"));
    QCOMPARE(store.last, QByteArray("5"));
    QVERIFY(store.delivered.contains("3"));
    QVERIFY(!store.events.contains("3"));
    QVERIFY(!ledger.acceptId("3")); // its replay is not delivered again
    QVERIFY(!ledger.acceptContent("n:a", false, 200));
}

void tst_DeliveryLedger::restoredAfterARestart()
{
    MemoryStore store;
    {
        DeliveryLedger before;
        before.restore(&store);
        before.acceptId("1");
        before.acceptId("2");
        before.acceptContent("h:x", true, 1000);
        before.acceptId("3");
        before.commit();
        before.acceptId("4"); // accepted, but the app died before its batch was written
    }
    DeliveryLedger after;
    after.acceptId("stale"); // what it knew before restore() is forgotten
    after.restore(&store);
    QCOMPARE(after.lastEventId(), QByteArray("3"));
    QVERIFY(!after.acceptId("2"));
    QVERIFY(!after.acceptContent("h:x", true, 2000));
    QVERIFY(after.acceptId("4")); // never written: the replay brings it, and it is shown
    QVERIFY(after.acceptId("stale"));
}

void tst_DeliveryLedger::withoutAStore()
{
    DeliveryLedger ledger; // notify-cli: exactly once for this run only
    QVERIFY(ledger.acceptContent("n:1", false, 0));
    QVERIFY(!ledger.acceptContent("n:1", false, 0));
    ledger.commit(); // nowhere to write: nothing happens
    ledger.restore(nullptr);
    QVERIFY(ledger.knowsNothing());
    QVERIFY(ledger.acceptContent("n:1", false, 0));
}

QTEST_GUILESS_MAIN(tst_DeliveryLedger)
#include "tst_deliveryledger.moc"
