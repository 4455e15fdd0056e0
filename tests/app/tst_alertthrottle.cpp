// SPDX-License-Identifier: MIT
#include "core/alertthrottle.h"

#include <QTest>

using namespace Notify::Tray;

class tst_AlertThrottle final : public QObject
{
    Q_OBJECT

private slots:
    void aFewAlertsGoThrough();
    void aBurstBecomesOneSummary();
    void quietAgainAfterTheSummary();
};

void tst_AlertThrottle::aFewAlertsGoThrough()
{
    AlertThrottle t(3, 10'000);
    QCOMPARE(t.offer(0), AlertThrottle::Decision::Show);
    QCOMPARE(t.offer(100), AlertThrottle::Decision::Show);
    QCOMPARE(t.offer(200), AlertThrottle::Decision::Show);
    QCOMPARE(t.summaryDueMs(), -1);
    // A new window later: alerts are shown again.
    QCOMPARE(t.offer(20'000), AlertThrottle::Decision::Show);
}

void tst_AlertThrottle::aBurstBecomesOneSummary()
{
    AlertThrottle t(3, 10'000);
    int shown = 0;
    for (int i = 0; i < 15; ++i)
        shown += t.offer(i * 10) == AlertThrottle::Decision::Show;
    QCOMPARE(shown, 3);
    QCOMPARE(t.pending(), 12);
    QCOMPARE(t.summaryDueMs(), 10'000);
    QCOMPARE(t.takeSummary(10'000), 12);
    QCOMPARE(t.pending(), 0);
}

void tst_AlertThrottle::quietAgainAfterTheSummary()
{
    AlertThrottle t(3, 10'000);
    for (int i = 0; i < 10; ++i)
        (void)t.offer(i);
    QCOMPARE(t.takeSummary(10'000), 7);
    // Still busy right after the summary: summarised again, not popped up.
    QCOMPARE(t.offer(10'500), AlertThrottle::Decision::Defer);
    QCOMPARE(t.takeSummary(20'000), 1);
    // Quiet for a window: single alerts again.
    QCOMPARE(t.offer(40'000), AlertThrottle::Decision::Show);
}

QTEST_APPLESS_MAIN(tst_AlertThrottle)
#include "tst_alertthrottle.moc"
