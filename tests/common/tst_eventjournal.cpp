// SPDX-License-Identifier: MIT
#include "common/eventjournal.h"

#include <QTemporaryDir>
#include <QTest>

using Notify::EventJournal;

class tst_EventJournal final : public QObject
{
    Q_OBJECT

private slots:
    void acceptsOnce();
    void forgetsTheOldestBeyondCapacity();
    void survivesARestart();
    void refusesGarbage();
    void markSeenKeepsThePosition();
};

void tst_EventJournal::acceptsOnce()
{
    EventJournal journal;
    QVERIFY(journal.accept("e-1"));
    QVERIFY(journal.accept("e-2"));
    QVERIFY(!journal.accept("e-1"));
    QCOMPARE(journal.lastEventId(), QByteArray("e-2"));
    QVERIFY(journal.accept({})); // no id: cannot be recognised, always passes
    QVERIFY(journal.accept({}));
    QCOMPARE(journal.size(), 2);
}

void tst_EventJournal::forgetsTheOldestBeyondCapacity()
{
    EventJournal journal(3);
    for (const char *id : { "a", "b", "c", "d" })
        QVERIFY(journal.accept(id));
    QCOMPARE(journal.size(), 3);
    QVERIFY(!journal.contains("a"));
    QVERIFY(journal.contains("b") && journal.contains("d"));
    QVERIFY(journal.accept("e")); // evicts b
    QVERIFY(!journal.contains("b"));
    QVERIFY(!journal.accept("c"));
}

void tst_EventJournal::survivesARestart()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("journal.json"));
    {
        EventJournal journal(100);
        for (int i = 0; i < 150; ++i)
            journal.accept("id-" + QByteArray::number(i));
        QString error;
        QVERIFY2(journal.saveToFile(path, &error), qPrintable(error));
    }
    EventJournal restored(100);
    QString error;
    QVERIFY2(restored.loadFromFile(path, &error), qPrintable(error));
    QCOMPARE(restored.lastEventId(), QByteArray("id-149"));
    QCOMPARE(restored.size(), 100);
    QVERIFY(!restored.accept("id-120")); // a replayed event is still recognised
    QVERIFY(restored.accept("id-150"));
    QCOMPARE(restored.lastEventId(), QByteArray("id-150"));
    // The order survives too: the oldest remembered is evicted first.
    QVERIFY(restored.accept("id-151"));
    QVERIFY(!restored.contains("id-50"));
    QVERIFY(!restored.contains("id-51"));
    QVERIFY(restored.contains("id-52"));
}

void tst_EventJournal::refusesGarbage()
{
    EventJournal journal;
    journal.accept("x");
    QVERIFY(!journal.fromJson("not json"));
    QCOMPARE(journal.size(), 0);
    QVERIFY(!journal.fromJson(R"({"version":2})"));
    QString error;
    QVERIFY(!journal.loadFromFile(QStringLiteral("/nonexistent/journal.json"), &error));
    QVERIFY(!error.isEmpty());
}

void tst_EventJournal::markSeenKeepsThePosition()
{
    EventJournal journal;
    QVERIFY(journal.accept("e-5"));
    journal.markSeen("e-9"); // known from a snapshot
    QCOMPARE(journal.lastEventId(), QByteArray("e-5"));
    QVERIFY(!journal.accept("e-9"));
    QVERIFY(journal.accept("e-6"));
}

QTEST_APPLESS_MAIN(tst_EventJournal)
#include "tst_eventjournal.moc"
