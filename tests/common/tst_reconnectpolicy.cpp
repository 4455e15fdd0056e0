// SPDX-License-Identifier: MIT
#include "common/reconnectpolicy.h"

#include <QRandomGenerator>
#include <QTest>

using Notify::ReconnectPolicy;

class tst_ReconnectPolicy final : public QObject
{
    Q_OBJECT

private slots:
    void firstDelayIsTheServersRetry();
    void growsWithJitterWithinBounds();
    void cappedAtTheMaximum();
    void refusedConnectionsRetriedWithin15Seconds();
    void resetsAfterAHealthyStream();
    void retryAfterIsAFloor();
    void jitterSpreadsClients();
};

void tst_ReconnectPolicy::firstDelayIsTheServersRetry()
{
    QRandomGenerator rng(1);
    ReconnectPolicy policy;
    QCOMPARE(policy.nextDelay(rng), 3000); // the default when the server sent no retry:
    ReconnectPolicy withRetry;
    withRetry.setServerRetry(1234);
    QCOMPARE(withRetry.nextDelay(rng), 1234);
}

void tst_ReconnectPolicy::growsWithJitterWithinBounds()
{
    QRandomGenerator rng(2);
    ReconnectPolicy policy({ 1000, 60'000, 60'000 });
    policy.setServerRetry(1000);
    QCOMPARE(policy.nextDelay(rng), 1000);
    for (int attempt = 1; attempt <= 5; ++attempt) {
        const qint64 delay = policy.nextDelay(rng);
        const qint64 bound = std::min<qint64>(60'000, qint64(1000) << attempt);
        QVERIFY2(delay >= 1000 && delay <= bound,
                 qPrintable(QStringLiteral("attempt %1: %2 not in [1000, %3]").arg(attempt).arg(delay).arg(bound)));
    }
}

void tst_ReconnectPolicy::cappedAtTheMaximum()
{
    QRandomGenerator rng(3);
    ReconnectPolicy policy({ 3000, 10'000, 60'000 });
    for (int i = 0; i < 100; ++i)
        QVERIFY(policy.nextDelay(rng) <= 10'000);
    QCOMPARE(policy.longestDelay(), 10'000);
    policy.setServerRetry(50'000); // a server asking for more than the cap gets the cap
    QVERIFY(policy.nextDelay(rng) <= 10'000);
}

void tst_ReconnectPolicy::refusedConnectionsRetriedWithin15Seconds()
{
    // Two minutes of a server that refuses: the default policy's retries are
    // never more than 15 s apart, so the app is back within 15 s of the server...
    QRandomGenerator rng(6);
    ReconnectPolicy policy;
    qint64 elapsed = 0;
    qint64 longest = 0;
    while (elapsed < 120'000) {
        const qint64 delay = policy.nextDelay(rng);
        longest = std::max(longest, delay);
        elapsed += delay;
    }
    QVERIFY2(longest <= 15'000, qPrintable(QString::number(longest)));
    QVERIFY(longest > 3'000); // ...and it does back off
    // ...unless the server asks for more time.
    policy.setMinimumNextDelay(45'000);
    QCOMPARE(policy.nextDelay(rng), 45'000);
}

void tst_ReconnectPolicy::resetsAfterAHealthyStream()
{
    QRandomGenerator rng(4);
    ReconnectPolicy policy({ 1000, 60'000, 5000 });
    policy.setServerRetry(1000);
    for (int i = 0; i < 6; ++i)
        (void)policy.nextDelay(rng);
    QCOMPARE(policy.attempt(), 6);
    policy.streamHealthy(4999); // not long enough
    QCOMPARE(policy.attempt(), 6);
    policy.streamHealthy(5000);
    QCOMPARE(policy.attempt(), 0);
    QCOMPARE(policy.nextDelay(rng), 1000);
}

void tst_ReconnectPolicy::retryAfterIsAFloor()
{
    QRandomGenerator rng(5);
    ReconnectPolicy policy;
    policy.setServerRetry(100);
    policy.setMinimumNextDelay(7000);
    QCOMPARE(policy.nextDelay(rng), 7000);
    QCOMPARE(policy.nextDelay(rng) < 7000, true); // once only
}

void tst_ReconnectPolicy::jitterSpreadsClients()
{
    // 1000 clients failing for the 4th time do not all pick the same delay.
    QSet<qint64> delays;
    for (int client = 0; client < 1000; ++client) {
        QRandomGenerator rng{ quint32(client) };
        ReconnectPolicy policy;
        for (int i = 0; i < 3; ++i)
            (void)policy.nextDelay(rng);
        delays.insert(policy.nextDelay(rng) / 100);
    }
    QVERIFY2(delays.size() > 100, qPrintable(QString::number(delays.size())));
}

QTEST_APPLESS_MAIN(tst_ReconnectPolicy)
#include "tst_reconnectpolicy.moc"
