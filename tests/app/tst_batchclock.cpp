// SPDX-License-Identifier: MIT
// The clock a desk's sources apply their batches by: one wave for all of
// them, at most once an interval (docs/ARCHITECTURE.md, "Several sources").

#include "core/batchclock.h"

#include <QCoreApplication>
#include <QTest>

#include <memory>

using namespace Notify::Tray;

class tst_BatchClock final : public QObject
{
    Q_OBJECT

private slots:
    void everySourceInOneWave();
    void theNextWaveWaitsAnInterval();
    void aFlushThatAsksAgainGoesInTheNextWave();
    void aSourceThatWentIsNotFlushed();
};

void tst_BatchClock::everySourceInOneWave()
{
    BatchClock clock(250);
    QObject shop;
    QObject warehouse;
    QStringList flushed;
    clock.request(&shop, [&] { flushed << QStringLiteral("shop"); });
    clock.request(&warehouse, [&] { flushed << QStringLiteral("warehouse"); });
    clock.request(&shop, [&] { flushed << QStringLiteral("shop again"); }); // asked again: still once
    QVERIFY(flushed.isEmpty()); // never within the pass that asked
    // The first wave comes at the end of the pass, with both in it, in the order they asked.
    QTRY_VERIFY(!flushed.isEmpty());
    QCOMPARE(flushed, (QStringList{ QStringLiteral("shop"), QStringLiteral("warehouse") }));
}

void tst_BatchClock::theNextWaveWaitsAnInterval()
{
    // An interval no test run reaches: a wave due "later" must not come now.
    BatchClock clock(3'600'000);
    QObject shop;
    int flushes = 0;
    clock.request(&shop, [&] { ++flushes; });
    QTRY_COMPARE(flushes, 1);
    clock.request(&shop, [&] { ++flushes; });
    for (int pass = 0; pass < 10; ++pass)
        QCoreApplication::processEvents();
    QCOMPARE(flushes, 1);
}

void tst_BatchClock::aFlushThatAsksAgainGoesInTheNextWave()
{
    BatchClock clock(1);
    QObject shop;
    int flushes = 0;
    std::function<void()> flush = [&] {
        if (++flushes < 3)
            clock.request(&shop, flush); // a backlog, in steps
    };
    clock.request(&shop, flush);
    QTRY_COMPARE(flushes, 3);
}

void tst_BatchClock::aSourceThatWentIsNotFlushed()
{
    BatchClock clock(250);
    auto gone = std::make_unique<QObject>();
    QObject stays;
    int goneFlushes = 0;
    bool staysFlushed = false;
    clock.request(gone.get(), [&] { ++goneFlushes; });
    clock.request(&stays, [&] { staysFlushed = true; });
    gone.reset();
    QTRY_VERIFY(staysFlushed);
    QCOMPARE(goneFlushes, 0);
}

QTEST_GUILESS_MAIN(tst_BatchClock)
#include "tst_batchclock.moc"
