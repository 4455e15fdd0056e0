// SPDX-License-Identifier: MIT
// StreamRegistry: the per-user stream limit under both policies (reject: the
// stream too many is refused and counted; evict-oldest: the user's oldest
// stream makes room and is handed back to be closed), release by remove()
// and take(), ids, counts and counters.

#include "hub/streamregistry.h"

#include <QTest>

using Notify::Server::ConnectionWorker;
using Notify::Server::StreamRegistry;
using Policy = StreamRegistry::LimitPolicy;

Q_DECLARE_METATYPE(StreamRegistry::LimitPolicy)

namespace {

// The registry only stores and hands back the worker; it never touches it.
ConnectionWorker *worker(quintptr n)
{
    return reinterpret_cast<ConnectionWorker *>(n * 0x100); // NOLINT(performance-no-int-to-ptr)
}

const QString Alice = QStringLiteral("alice");
const QString Bob = QStringLiteral("bob");

} // namespace

class tst_StreamRegistry final : public QObject
{
    Q_OBJECT

private slots:
    void idsAreConsecutiveAndNeverReused();
    void theLimitIsPerUser_data();
    void theLimitIsPerUser();
    void rejectRefusesAndCounts();
    void rejectAdmitsAgainAfterARelease();
    void evictOldestHandsBackTheOldest();
    void evictOldestFollowsOpeningOrderAfterReleases();
    void evictOldestWithLimitOne();
    void removeForgetsOnce();
    void takeReturnsUserAndWorker();
    void countersForTheDeploymentWideLimit();
    void clearForgetsEverythingButTheIds();
};

void tst_StreamRegistry::idsAreConsecutiveAndNeverReused()
{
    StreamRegistry registry(5, Policy::Reject);
    QCOMPARE(registry.size(), 0);
    QCOMPARE(registry.nextId(), 1u);
    QCOMPARE(registry.add(Alice, worker(1)), 1u);
    QCOMPARE(registry.nextId(), 2u); // what a deployment-wide admission names before add()
    QCOMPARE(registry.add(Bob, worker(1)), 2u);
    QCOMPARE(registry.remove(2), std::optional<QString>(Bob));
    QCOMPARE(registry.add(Bob, worker(2)), 3u); // not 2 again
    QCOMPARE(registry.size(), 2);
    QVERIFY(registry.contains(1));
    QVERIFY(!registry.contains(2));
    QVERIFY(registry.contains(3));
    QVERIFY(!registry.contains(0));
    QCOMPARE(registry.maxPerUser(), 5);
    QCOMPARE(registry.policy(), Policy::Reject);
}

void tst_StreamRegistry::theLimitIsPerUser_data()
{
    QTest::addColumn<int>("limit");
    QTest::addColumn<Policy>("policy");
    for (const int limit : { 1, 2, 5 }) {
        QTest::addRow("reject-%d", limit) << limit << Policy::Reject;
        QTest::addRow("evict-oldest-%d", limit) << limit << Policy::EvictOldest;
    }
}

void tst_StreamRegistry::theLimitIsPerUser()
{
    QFETCH(int, limit);
    QFETCH(Policy, policy);
    StreamRegistry registry(limit, policy);
    QCOMPARE(registry.policy(), policy);
    for (int i = 0; i < limit; ++i) {
        const StreamRegistry::Admission alice = registry.admit(Alice);
        QVERIFY(alice.accepted);
        QVERIFY(!alice.evicted);
        registry.add(Alice, worker(1));
    }
    QCOMPARE(registry.size(), limit);
    // Alice's streams do not count against Bob's.
    for (int i = 0; i < limit; ++i) {
        const StreamRegistry::Admission bob = registry.admit(Bob);
        QVERIFY(bob.accepted);
        QVERIFY(!bob.evicted);
        registry.add(Bob, worker(2));
    }
    QCOMPARE(registry.rejectedCount(), 0);
    QCOMPARE(registry.evictedCount(), 0);

    // One more for Alice: refused, or her oldest (id 1) goes.
    const StreamRegistry::Admission more = registry.admit(Alice);
    if (policy == Policy::Reject) {
        QVERIFY(!more.accepted);
        QVERIFY(!more.evicted);
        QCOMPARE(registry.rejectedCount(), 1);
        QCOMPARE(registry.evictedCount(), 0);
        QCOMPARE(registry.size(), 2 * limit);
        QVERIFY(registry.contains(1));
    } else {
        QVERIFY(more.accepted);
        QVERIFY(more.evicted);
        QCOMPARE(more.evicted->id, 1u);
        QCOMPARE(more.evicted->worker, worker(1));
        QCOMPARE(registry.rejectedCount(), 0);
        QCOMPARE(registry.evictedCount(), 1);
        QCOMPARE(registry.size(), 2 * limit - 1);
        QVERIFY(!registry.contains(1));
    }
}

void tst_StreamRegistry::rejectRefusesAndCounts()
{
    StreamRegistry registry(2, Policy::Reject);
    registry.add(Alice, worker(1));
    registry.add(Alice, worker(2));
    for (int i = 1; i <= 3; ++i) {
        const StreamRegistry::Admission refused = registry.admit(Alice);
        QVERIFY(!refused.accepted);
        QVERIFY(!refused.evicted); // nothing of hers is closed
        QCOMPARE(registry.rejectedCount(), i);
    }
    QVERIFY(registry.contains(1));
    QVERIFY(registry.contains(2));
    QCOMPARE(registry.size(), 2);
    QCOMPARE(registry.nextId(), 3u); // a refusal uses no id
    QVERIFY(registry.admit(Bob).accepted);
    QCOMPARE(registry.rejectedCount(), 3);
}

void tst_StreamRegistry::rejectAdmitsAgainAfterARelease()
{
    StreamRegistry registry(2, Policy::Reject);
    const quint64 first = registry.add(Alice, worker(1));
    const quint64 second = registry.add(Alice, worker(2));
    QVERIFY(!registry.admit(Alice).accepted);

    QCOMPARE(registry.remove(first), std::optional<QString>(Alice));
    QVERIFY(registry.admit(Alice).accepted);
    const quint64 third = registry.add(Alice, worker(3));
    QVERIFY(!registry.admit(Alice).accepted);

    QVERIFY(registry.take(second));
    QVERIFY(registry.admit(Alice).accepted);
    registry.add(Alice, worker(4));
    QVERIFY(!registry.admit(Alice).accepted);

    // All of hers gone: she starts afresh.
    registry.remove(third);
    registry.remove(registry.nextId() - 1);
    QCOMPARE(registry.size(), 0);
    QVERIFY(registry.admit(Alice).accepted);
    QCOMPARE(registry.rejectedCount(), 3);
}

void tst_StreamRegistry::evictOldestHandsBackTheOldest()
{
    StreamRegistry registry(3, Policy::EvictOldest);
    const quint64 a = registry.add(Alice, worker(1));
    const quint64 b = registry.add(Alice, worker(2));
    const quint64 c = registry.add(Alice, worker(3));
    const quint64 bob = registry.add(Bob, worker(9));

    StreamRegistry::Admission admission = registry.admit(Alice);
    QVERIFY(admission.accepted);
    QVERIFY(admission.evicted);
    QCOMPARE(admission.evicted->id, a);
    QCOMPARE(admission.evicted->worker, worker(1));
    // Forgotten already: the close that follows is not counted twice.
    QVERIFY(!registry.contains(a));
    QCOMPARE(registry.remove(a), std::nullopt);
    QCOMPARE(registry.take(a), std::nullopt);
    const quint64 d = registry.add(Alice, worker(4));

    admission = registry.admit(Alice);
    QVERIFY(admission.accepted);
    QCOMPARE(admission.evicted->id, b);
    QCOMPARE(admission.evicted->worker, worker(2));
    registry.add(Alice, worker(5));

    admission = registry.admit(Alice);
    QCOMPARE(admission.evicted->id, c);
    registry.add(Alice, worker(6));

    admission = registry.admit(Alice);
    QCOMPARE(admission.evicted->id, d); // the first one opened after the evictions
    QCOMPARE(admission.evicted->worker, worker(4));

    QCOMPARE(registry.evictedCount(), 4);
    QCOMPARE(registry.rejectedCount(), 0);
    QVERIFY(registry.contains(bob)); // another user's stream is never the victim
    QCOMPARE(registry.size(), 1 + 2); // Bob's, and Alice's two newest; the next one is not added yet
}

void tst_StreamRegistry::evictOldestFollowsOpeningOrderAfterReleases()
{
    StreamRegistry registry(2, Policy::EvictOldest);
    const quint64 a = registry.add(Alice, worker(1));
    const quint64 b = registry.add(Alice, worker(2));
    registry.remove(a);
    const quint64 c = registry.add(Alice, worker(3));
    const StreamRegistry::Admission admission = registry.admit(Alice);
    QVERIFY(admission.accepted);
    QCOMPARE(admission.evicted->id, b); // not c, though b's neighbour a left
    QCOMPARE(admission.evicted->worker, worker(2));
    QVERIFY(registry.contains(c));
}

void tst_StreamRegistry::evictOldestWithLimitOne()
{
    StreamRegistry registry(1, Policy::EvictOldest);
    quint64 current = registry.add(Alice, worker(1));
    for (int i = 1; i <= 5; ++i) {
        const StreamRegistry::Admission admission = registry.admit(Alice);
        QVERIFY(admission.accepted);
        QCOMPARE(admission.evicted->id, current);
        QCOMPARE(registry.size(), 0);
        current = registry.add(Alice, worker(i + 1));
        QCOMPARE(registry.evictedCount(), i);
    }
    QCOMPARE(registry.size(), 1);
}

void tst_StreamRegistry::removeForgetsOnce()
{
    StreamRegistry registry(5, Policy::Reject);
    const quint64 a = registry.add(Alice, worker(1));
    const quint64 b = registry.add(Bob, worker(1));
    QCOMPARE(registry.remove(a), std::optional<QString>(Alice));
    QCOMPARE(registry.remove(a), std::nullopt); // closed twice: accounted for once
    QCOMPARE(registry.remove(12345), std::nullopt);
    QCOMPARE(registry.size(), 1);
    QVERIFY(registry.contains(b));
    QCOMPARE(registry.remove(b), std::optional<QString>(Bob));
    QCOMPARE(registry.size(), 0);
}

void tst_StreamRegistry::takeReturnsUserAndWorker()
{
    StreamRegistry registry(1, Policy::Reject);
    const quint64 a = registry.add(Alice, worker(7));
    registry.add(Bob, worker(8));
    const auto taken = registry.take(a);
    QVERIFY(taken);
    QCOMPARE(taken->user, Alice);
    QCOMPARE(taken->worker, worker(7));
    QVERIFY(!registry.contains(a));
    QCOMPARE(registry.take(a), std::nullopt);
    QCOMPARE(registry.remove(a), std::nullopt);
    QCOMPARE(registry.size(), 1);
    QVERIFY(registry.admit(Alice).accepted); // her place is free again
    QVERIFY(!registry.admit(Bob).accepted);
}

void tst_StreamRegistry::countersForTheDeploymentWideLimit()
{
    // With --redis the deployment decides; the registry only counts.
    StreamRegistry registry(1, Policy::EvictOldest);
    registry.countRejected();
    registry.countRejected();
    registry.countEvicted();
    QCOMPARE(registry.rejectedCount(), 2);
    QCOMPARE(registry.evictedCount(), 1);
    registry.add(Alice, worker(1));
    QVERIFY(registry.admit(Alice).evicted);
    QCOMPARE(registry.evictedCount(), 2);
    QCOMPARE(registry.rejectedCount(), 2);
}

void tst_StreamRegistry::clearForgetsEverythingButTheIds()
{
    StreamRegistry registry(1, Policy::Reject);
    const quint64 a = registry.add(Alice, worker(1));
    registry.add(Bob, worker(2));
    QVERIFY(!registry.admit(Alice).accepted);
    registry.clear();
    QCOMPARE(registry.size(), 0);
    QVERIFY(!registry.contains(a));
    QCOMPARE(registry.remove(a), std::nullopt);
    QVERIFY(registry.admit(Alice).accepted);
    QVERIFY(registry.admit(Bob).accepted);
    QCOMPARE(registry.add(Alice, worker(3)), 3u); // a late close of stream 1 cannot hit a new one
    QCOMPARE(registry.rejectedCount(), 1); // counters are totals since start
}

QTEST_GUILESS_MAIN(tst_StreamRegistry)
#include "tst_streamregistry.moc"
