// SPDX-License-Identifier: MIT
// ContentDedup: once by content, hash keys for a window, capacity, save and restore.

#include "common/contentdedup.h"

#include <QTest>

using Notify::ContentDedup;

class tst_ContentDedup final : public QObject
{
    Q_OBJECT

private slots:
    void onceByKey();
    void hashKeysExpire();
    void capacityDropsTheOldest();
    void rememberWithoutAsking();
    void saveAndRestore();
};

void tst_ContentDedup::onceByKey()
{
    ContentDedup d;
    QVERIFY(d.accept("n:101", false, 1000));
    QVERIFY(!d.accept("n:101", false, 2000));
    QVERIFY(!d.accept("n:101", false, 1000 + 365LL * 24 * 3600 * 1000)); // ids do not expire
    QVERIFY(d.accept("n:102", false, 2000));
    QVERIFY(d.accept({}, false, 0)); // nothing to know it by: always new
    QVERIFY(d.accept({}, false, 0));
}

void tst_ContentDedup::hashKeysExpire()
{
    ContentDedup d(100, 3'600'000);
    QVERIFY(d.accept("h:abc", true, 0));
    QVERIFY(!d.accept("h:abc", true, 3'599'999)); // the re-send-everything sketch: within the hour
    QVERIFY(d.accept("h:abc", true, 3'600'000)); // the same alert an hour later shows again
    QVERIFY(!d.accept("h:abc", true, 3'600'001));
    QCOMPARE(d.size(), 1);
}

void tst_ContentDedup::capacityDropsTheOldest()
{
    ContentDedup d(3);
    for (const char *key : { "a", "b", "c", "d" })
        QVERIFY(d.accept(key, false, 0));
    QCOMPARE(d.size(), 3);
    QVERIFY(d.accept("a", false, 0)); // forgotten
    QVERIFY(!d.accept("d", false, 0));
}

void tst_ContentDedup::rememberWithoutAsking()
{
    ContentDedup d;
    d.remember("n:7", false, 0);
    QVERIFY(d.contains("n:7", 0));
    QVERIFY(!d.accept("n:7", false, 0));
}

void tst_ContentDedup::saveAndRestore()
{
    ContentDedup d(10'000);
    for (int i = 0; i < 10'000; ++i)
        d.accept("n:" + QByteArray::number(i), i % 2 == 0, i);
    ContentDedup restored(10'000);
    restored.restore(d.entries());
    QCOMPARE(restored.size(), 10'000);
    QVERIFY(!restored.accept("n:0", true, 10));
    QVERIFY(!restored.accept("n:9999", false, 10));
    QVERIFY(restored.accept("n:10000", false, 10));
    QCOMPARE(restored.entries().first().key, QByteArray("n:1")); // the oldest went to make room
}

QTEST_GUILESS_MAIN(tst_ContentDedup)
#include "tst_contentdedup.moc"
