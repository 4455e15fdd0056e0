// SPDX-License-Identifier: MIT
// PresenceTracker on a fake EventPublisher: online with the first stream,
// offline only when the last one closed and the grace period passed (its
// QTimer driven by the event loop, waited for by outcome), a stream back
// within the grace never seen leaving, away/busy kept while online and
// forgotten when offline, what is published (one `presence` event to
// everybody per visible change) and the `since` timestamps; the demo's
// simulated colleagues; and with a fake ClusterState, what the deployment
// decides.

#include "common/protocol.h"
#include "hub/clusterstate.h"
#include "hub/eventpublisher.h"
#include "hub/presencetracker.h"
#include "hub/userdirectory.h"
#include "testusers.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QSet>
#include <QTest>
#include <QTimer>

using namespace Notify::Server;
using Notify::Protocol::PresenceStatus;

namespace {

constexpr qint64 GraceMs = 50;
constexpr int WaitMs = 10'000; // only ever reached when the test fails

const QString Alice = QStringLiteral("alice");
const QString Bob = QStringLiteral("bob");

/// Records every publish(); presence never uses publishLater().
class FakePublisher final : public EventPublisher
{
public:
    struct Call
    {
        QByteArray type;
        QJsonObject data;
        QStringList audience;
    };
    QList<Call> calls;
    int laterCalls = 0;

    std::optional<QByteArray> publish(const QByteArray &type, const QJsonObject &data, const QStringList &audience,
                                      QString * /*error*/) override
    {
        calls.append({ type, data, audience });
        return QByteArray("00000001-") + QByteArray::number(calls.size());
    }
    void publishLater(QList<Publication> events, Published done) override
    {
        ++laterCalls;
        Q_UNUSED(events);
        done(QList<QByteArray>(), QString());
    }

    /// `user=status` of each published presence event, in order, space-separated.
    [[nodiscard]] QString statuses() const
    {
        QStringList list;
        for (const Call &call : calls)
            list << call.data.value(u"user").toString() + u'=' + call.data.value(u"status").toString();
        return list.join(u' ');
    }
    [[nodiscard]] QString lastStatus() const { return statuses().section(u' ', -1); }
};

UserDirectory testUsers()
{
    UserDirectory users;
    QString error;
    if (!users.loadJson(TestSupport::TestUsers, QStringLiteral("test users"), &error))
        qFatal("%s", qPrintable(error));
    return users;
}

/// A snapshot read back with the contract's reader: a valid `presence` event.
Notify::Protocol::Presence parsed(const QJsonObject &json)
{
    Notify::Protocol::FieldError error;
    const auto presence = Notify::Protocol::Presence::fromJson(json, &error);
    if (!presence)
        qFatal("not a presence event: %s: %s", qPrintable(error.field), qPrintable(error.message));
    return *presence;
}

qint64 sinceMs(const QJsonObject &json)
{
    return parsed(json).since.toMSecsSinceEpoch();
}

/// Runs the event loop until a timer of @p ms, started now, fired. The
/// tracker's grace timer, started before it with a shorter interval, has
/// fired by then if it was still running (timers fire in order of expiry).
bool outlast(qint64 ms)
{
    bool fired = false;
    const QObject context;
    QTimer::singleShot(std::chrono::milliseconds(ms), Qt::PreciseTimer, &context, [&fired] { fired = true; });
    return QTest::qWaitFor([&fired] { return fired; }, WaitMs);
}

/// The deployment's shared state, as one instance of it sees it.
class FakeCluster final : public ClusterState
{
public:
    QHash<QString, Presence> presences;
    QHash<QString, int> elsewhere; ///< streams of other instances
    QStringList orphans; ///< presentWithoutStreams()
    QStringList log;

    Admission admit(const QString &, quint64, int, bool) override { return {}; }
    void released(const QString &, quint64) override { }
    int streamsOf(const QString &user) override
    {
        log << u"streamsOf " + user;
        return elsewhere.value(user);
    }
    Presence presence(const QString &user) override { return presences.value(user); }
    QHash<QString, Presence> presenceOfAll() override { return presences; }
    bool comeOnline(const QString &user, qint64 nowMs) override
    {
        log << u"comeOnline " + user;
        Presence &p = presences[user];
        if (p.status != PresenceStatus::Offline)
            return false;
        p.status = p.chosen.value_or(PresenceStatus::Online);
        p.sinceMs = nowMs;
        return true;
    }
    bool goOffline(const QString &user, qint64 nowMs) override
    {
        log << u"goOffline " + user;
        Presence &p = presences[user];
        if (p.status == PresenceStatus::Offline || elsewhere.value(user) > 0)
            return false;
        p = Presence{ PresenceStatus::Offline, nowMs, std::nullopt };
        orphans.removeAll(user);
        return true;
    }
    bool choose(const QString &user, PresenceStatus status, qint64 nowMs) override
    {
        log << u"choose " + user;
        Presence &p = presences[user];
        p.chosen = status;
        if (p.status == PresenceStatus::Offline || p.status == status)
            return false;
        p.status = status;
        p.sinceMs = nowMs;
        return true;
    }
    QStringList presentWithoutStreams() override { return orphans; }
};

} // namespace

class tst_PresenceTracker final : public QObject
{
    Q_OBJECT

private slots:
    void resetShowsEverybodyOffline();
    void onlineWithTheFirstStream();
    void offlineAfterTheLastStreamAndTheGrace();
    void backWithinTheGraceIsNeverSeenLeaving();
    void zeroGraceIsTheNextTurn();
    void extraClosesAreHarmless();
    void choiceKeptWhileOnline();
    void choiceForgottenWhenOffline();
    void choiceWhileOfflineShownWithTheFirstStream();
    void choiceDuringTheGrace();
    void sinceOfAChangeAndNotOfAnythingElse();
    void unknownUsers();
    void simulatedColleagues();
    void aRealStreamBeatsASimulation();
    void usersAreIndependent();
    void clusterDecidesAndOneInstancePublishes();
    void clusterKeepsAUserOnlineWithStreamsElsewhere();
    void clusterChoice();
    void clusterSnapshots();
    void clusterSweepsUsersOfADeadInstance();
};

void tst_PresenceTracker::resetShowsEverybodyOffline()
{
    const UserDirectory users = testUsers();
    FakePublisher publisher;
    PresenceTracker tracker(publisher, users, GraceMs);
    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    tracker.reset();
    const qint64 after = QDateTime::currentMSecsSinceEpoch();
    QVERIFY(publisher.calls.isEmpty()); // a starting server announces nothing

    const QJsonArray all = tracker.snapshots();
    QCOMPARE(all.size(), 3);
    const QStringList names{ Alice, Bob, QStringLiteral("admin") };
    const QStringList displayNames{ QStringLiteral("Alice"), QStringLiteral("Bob"), QStringLiteral("Admin") };
    for (qsizetype i = 0; i < all.size(); ++i) {
        const QJsonObject json = all.at(i).toObject();
        QCOMPARE(json.keys(),
                 (QStringList{ QStringLiteral("display_name"), QStringLiteral("since"), QStringLiteral("status"),
                               QStringLiteral("user") }));
        const auto presence = parsed(json);
        QCOMPARE(presence.user, names.at(i)); // in the users file's order
        QCOMPARE(presence.displayName, displayNames.at(i));
        QVERIFY(presence.status == PresenceStatus::Offline);
        // "since of a user never seen online is the time the server started"
        QVERIFY2(presence.since.toMSecsSinceEpoch() >= before && presence.since.toMSecsSinceEpoch() <= after,
                 qPrintable(json.value(u"since").toString()));
        QCOMPARE(tracker.snapshot(names.at(i)), json);
    }
}

void tst_PresenceTracker::onlineWithTheFirstStream()
{
    const UserDirectory users = testUsers();
    FakePublisher publisher;
    PresenceTracker tracker(publisher, users, GraceMs);
    tracker.reset();

    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    tracker.streamOpened(Alice);
    const qint64 after = QDateTime::currentMSecsSinceEpoch();
    QCOMPARE(publisher.calls.size(), 1);
    const FakePublisher::Call &call = publisher.calls.first();
    QCOMPARE(call.type, QByteArray("presence"));
    QVERIFY(call.audience.isEmpty()); // everybody
    QCOMPARE(call.data.value(u"user").toString(), Alice);
    QCOMPARE(call.data.value(u"display_name").toString(), QStringLiteral("Alice"));
    QCOMPARE(call.data.value(u"status").toString(), QStringLiteral("online"));
    QVERIFY(sinceMs(call.data) >= before && sinceMs(call.data) <= after);
    QCOMPARE(tracker.snapshot(Alice), call.data);

    // More streams (another device, another tab) change nothing others see.
    tracker.streamOpened(Alice);
    tracker.streamOpened(Alice);
    QCOMPARE(publisher.calls.size(), 1);
    QCOMPARE(tracker.snapshot(Alice), call.data);
    QCOMPARE(publisher.laterCalls, 0);
}

void tst_PresenceTracker::offlineAfterTheLastStreamAndTheGrace()
{
    const UserDirectory users = testUsers();
    FakePublisher publisher;
    PresenceTracker tracker(publisher, users, GraceMs);
    tracker.reset();
    tracker.streamOpened(Alice);
    tracker.streamOpened(Alice);

    tracker.streamClosed(Alice); // one of two: still online, no grace started
    QVERIFY(outlast(4 * GraceMs));
    QCOMPARE(publisher.statuses(), QStringLiteral("alice=online"));

    const qint64 closed = QDateTime::currentMSecsSinceEpoch();
    tracker.streamClosed(Alice);
    // Not at once: others still see her online during the grace.
    QCOMPARE(publisher.statuses(), QStringLiteral("alice=online"));
    QCOMPARE(tracker.snapshot(Alice).value(u"status").toString(), QStringLiteral("online"));

    QVERIFY(QTest::qWaitFor([&] { return publisher.calls.size() == 2; }, WaitMs));
    QCOMPARE(publisher.statuses(), QStringLiteral("alice=online alice=offline"));
    const FakePublisher::Call &offline = publisher.calls.last();
    QCOMPARE(offline.type, QByteArray("presence"));
    QVERIFY(offline.audience.isEmpty());
    QVERIFY(sinceMs(offline.data) >= closed); // since the end of the grace
    QCOMPARE(tracker.snapshot(Alice), offline.data);

    // Nothing more follows.
    QVERIFY(outlast(4 * GraceMs));
    QCOMPARE(publisher.calls.size(), 2);

    // And online again with the next stream.
    tracker.streamOpened(Alice);
    QCOMPARE(publisher.statuses(), QStringLiteral("alice=online alice=offline alice=online"));
}

void tst_PresenceTracker::backWithinTheGraceIsNeverSeenLeaving()
{
    const UserDirectory users = testUsers();
    FakePublisher publisher;
    PresenceTracker tracker(publisher, users, GraceMs);
    tracker.reset();
    tracker.streamOpened(Alice);
    const QJsonObject online = tracker.snapshot(Alice);

    // A reconnect: the stream closes and its successor opens before the grace ends.
    tracker.streamClosed(Alice);
    tracker.streamOpened(Alice);
    QVERIFY(outlast(4 * GraceMs)); // the cancelled grace would have ended by now
    QCOMPARE(publisher.statuses(), QStringLiteral("alice=online"));
    QCOMPARE(tracker.snapshot(Alice), online); // since unchanged too

    // Also when the grace has partly run (the event loop turned meanwhile).
    tracker.streamClosed(Alice);
    QCoreApplication::processEvents(); // a turn of the event loop with the grace running
    tracker.streamOpened(Alice);
    QVERIFY(outlast(4 * GraceMs));
    QCOMPARE(publisher.statuses(), QStringLiteral("alice=online"));

    // A fresh grace after the next close: the full period again, then offline.
    tracker.streamClosed(Alice);
    QVERIFY(QTest::qWaitFor([&] { return publisher.calls.size() == 2; }, WaitMs));
    QCOMPARE(publisher.statuses(), QStringLiteral("alice=online alice=offline"));
}

void tst_PresenceTracker::zeroGraceIsTheNextTurn()
{
    const UserDirectory users = testUsers();
    FakePublisher publisher;
    PresenceTracker tracker(publisher, users, 0); // --presence-grace 0
    tracker.reset();
    tracker.streamOpened(Alice);
    tracker.streamClosed(Alice);
    tracker.streamOpened(Alice); // the same turn: still a reconnect
    tracker.streamClosed(Alice);
    QCOMPARE(publisher.statuses(), QStringLiteral("alice=online"));
    QVERIFY(QTest::qWaitFor([&] { return publisher.calls.size() == 2; }, WaitMs));
    QCOMPARE(publisher.statuses(), QStringLiteral("alice=online alice=offline"));
}

void tst_PresenceTracker::extraClosesAreHarmless()
{
    const UserDirectory users = testUsers();
    FakePublisher publisher;
    PresenceTracker tracker(publisher, users, GraceMs);
    tracker.reset();

    // A close of a stream never counted here (evicted and closed): nothing.
    tracker.streamClosed(Bob);
    QVERIFY(outlast(4 * GraceMs));
    QVERIFY(publisher.calls.isEmpty());

    tracker.streamOpened(Alice);
    tracker.streamClosed(Alice);
    tracker.streamClosed(Alice); // once too often: the count stays at zero
    QVERIFY(QTest::qWaitFor([&] { return publisher.calls.size() == 2; }, WaitMs));
    tracker.streamClosed(Alice);
    // One stream makes her online, and its close takes her offline again.
    tracker.streamOpened(Alice);
    QCOMPARE(publisher.calls.size(), 3);
    tracker.streamClosed(Alice);
    QVERIFY(QTest::qWaitFor([&] { return publisher.calls.size() == 4; }, WaitMs));
    QCOMPARE(publisher.statuses(), QStringLiteral("alice=online alice=offline alice=online alice=offline"));
}

void tst_PresenceTracker::choiceKeptWhileOnline()
{
    const UserDirectory users = testUsers();
    FakePublisher publisher;
    PresenceTracker tracker(publisher, users, GraceMs);
    tracker.reset();
    tracker.streamOpened(Alice);

    tracker.choose(Alice, PresenceStatus::Away);
    QCOMPARE(publisher.statuses(), QStringLiteral("alice=online alice=away"));
    tracker.choose(Alice, PresenceStatus::Away); // no change, no event
    QCOMPARE(publisher.calls.size(), 2);
    tracker.choose(Alice, PresenceStatus::Busy);
    tracker.choose(Alice, PresenceStatus::Online);
    tracker.choose(Alice, PresenceStatus::Busy);
    QCOMPARE(publisher.statuses(), QStringLiteral("alice=online alice=away alice=busy alice=online alice=busy"));

    // Kept across her streams coming and going, and through a reconnect.
    tracker.streamOpened(Alice);
    tracker.streamClosed(Alice);
    tracker.streamClosed(Alice);
    tracker.streamOpened(Alice);
    QVERIFY(outlast(4 * GraceMs));
    QCOMPARE(publisher.calls.size(), 5);
    QCOMPARE(tracker.snapshot(Alice).value(u"status").toString(), QStringLiteral("busy"));
    QCOMPARE(tracker.snapshot(Bob).value(u"status").toString(), QStringLiteral("offline"));
}

void tst_PresenceTracker::choiceForgottenWhenOffline()
{
    const UserDirectory users = testUsers();
    FakePublisher publisher;
    PresenceTracker tracker(publisher, users, GraceMs);
    tracker.reset();
    tracker.streamOpened(Alice);
    tracker.choose(Alice, PresenceStatus::Busy);
    tracker.streamClosed(Alice);
    QVERIFY(QTest::qWaitFor([&] { return publisher.calls.size() == 3; }, WaitMs));
    QCOMPARE(publisher.statuses(), QStringLiteral("alice=online alice=busy alice=offline"));

    tracker.streamOpened(Alice);
    QCOMPARE(publisher.lastStatus(), QStringLiteral("alice=online")); // not busy
}

void tst_PresenceTracker::choiceWhileOfflineShownWithTheFirstStream()
{
    const UserDirectory users = testUsers();
    FakePublisher publisher;
    PresenceTracker tracker(publisher, users, GraceMs);
    tracker.reset();
    const QJsonObject offline = tracker.snapshot(Alice);

    // docs/PROTOCOL.md: "A status chosen with PUT while offline is shown when
    // the user's first stream opens".
    tracker.choose(Alice, PresenceStatus::Away);
    QVERIFY(publisher.calls.isEmpty());
    QCOMPARE(tracker.snapshot(Alice), offline);
    tracker.choose(Alice, PresenceStatus::Busy); // the last choice counts
    tracker.streamOpened(Alice);
    QCOMPARE(publisher.statuses(), QStringLiteral("alice=busy"));
}

void tst_PresenceTracker::choiceDuringTheGrace()
{
    const UserDirectory users = testUsers();
    FakePublisher publisher;
    PresenceTracker tracker(publisher, users, GraceMs);
    tracker.reset();
    tracker.streamOpened(Alice);
    tracker.streamClosed(Alice);
    // Others still see her online: the change is theirs to see at once.
    tracker.choose(Alice, PresenceStatus::Away);
    QCOMPARE(publisher.statuses(), QStringLiteral("alice=online alice=away"));
    // The grace still ends in offline, and the choice goes with it.
    QVERIFY(QTest::qWaitFor([&] { return publisher.calls.size() == 3; }, WaitMs));
    QCOMPARE(publisher.lastStatus(), QStringLiteral("alice=offline"));
    tracker.streamOpened(Alice);
    QCOMPARE(publisher.lastStatus(), QStringLiteral("alice=online"));
}

void tst_PresenceTracker::sinceOfAChangeAndNotOfAnythingElse()
{
    const UserDirectory users = testUsers();
    FakePublisher publisher;
    PresenceTracker tracker(publisher, users, GraceMs);
    tracker.reset();
    const QJsonObject bobAtStart = tracker.snapshot(Bob);

    QVERIFY(outlast(5)); // so that a change's `since` differs from the start's
    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    tracker.streamOpened(Alice);
    const qint64 online = sinceMs(tracker.snapshot(Alice));
    QVERIFY(online >= before);
    QVERIFY(online > sinceMs(bobAtStart));

    // A second stream and a repeated choice leave `since` alone.
    QVERIFY(outlast(5));
    tracker.streamOpened(Alice);
    tracker.choose(Alice, PresenceStatus::Online);
    QCOMPARE(sinceMs(tracker.snapshot(Alice)), online);

    // A choice that shows is a change.
    QVERIFY(outlast(5));
    tracker.choose(Alice, PresenceStatus::Away);
    QVERIFY(sinceMs(tracker.snapshot(Alice)) > online);
    QCOMPARE(tracker.snapshot(Alice), publisher.calls.last().data);

    // Others are untouched.
    QCOMPARE(tracker.snapshot(Bob), bobAtStart);
}

void tst_PresenceTracker::unknownUsers()
{
    const UserDirectory users = testUsers();
    FakePublisher publisher;
    PresenceTracker tracker(publisher, users, GraceMs);
    // Before reset(): a user never seen is offline since "now".
    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    const auto bob = parsed(tracker.snapshot(Bob));
    QVERIFY(bob.status == PresenceStatus::Offline);
    QVERIFY(bob.since.toMSecsSinceEpoch() >= before);
    QCOMPARE(tracker.snapshots().size(), 3);

    // A name the directory does not know is shown as itself.
    tracker.reset();
    tracker.streamOpened(QStringLiteral("ghost"));
    QCOMPARE(publisher.calls.size(), 1);
    QCOMPARE(publisher.calls.first().data.value(u"user").toString(), QStringLiteral("ghost"));
    QCOMPARE(publisher.calls.first().data.value(u"display_name").toString(), QStringLiteral("ghost"));
    // GET /api/v1/presence/ lists the directory's users only.
    QSet<QString> listed;
    const QJsonArray all = tracker.snapshots();
    for (const auto &entry : all)
        listed << entry.toObject().value(u"user").toString();
    QCOMPARE(listed, (QSet<QString>{ Alice, Bob, QStringLiteral("admin") }));
}

void tst_PresenceTracker::simulatedColleagues()
{
    const UserDirectory users = testUsers();
    FakePublisher publisher;
    PresenceTracker tracker(publisher, users, GraceMs);
    tracker.reset();

    tracker.simulate(Bob, PresenceStatus::Online);
    tracker.simulate(Bob, PresenceStatus::Online); // no change
    tracker.simulate(Bob, PresenceStatus::Busy);
    tracker.simulate(Bob, PresenceStatus::Offline);
    tracker.simulate(Bob, PresenceStatus::Offline);
    QCOMPARE(publisher.statuses(), QStringLiteral("bob=online bob=busy bob=offline"));

    // A real stream's presence wins: no simulation while it is open or in its grace.
    tracker.streamOpened(Alice);
    tracker.simulate(Alice, PresenceStatus::Away);
    tracker.simulate(Alice, PresenceStatus::Offline);
    tracker.streamClosed(Alice);
    tracker.simulate(Alice, PresenceStatus::Busy);
    QCOMPARE(publisher.statuses().section(u' ', 3), QStringLiteral("alice=online"));
    QVERIFY(QTest::qWaitFor([&] { return publisher.calls.size() == 5; }, WaitMs));
    QCOMPARE(publisher.lastStatus(), QStringLiteral("alice=offline"));
    // Once she has gone, the demo may show her again.
    tracker.simulate(Alice, PresenceStatus::Away);
    QCOMPARE(publisher.lastStatus(), QStringLiteral("alice=away"));
}

void tst_PresenceTracker::aRealStreamBeatsASimulation()
{
    const UserDirectory users = testUsers();
    FakePublisher publisher;
    PresenceTracker tracker(publisher, users, GraceMs);
    tracker.reset();

    // The demo shows Alice away; then the real Alice connects.
    tracker.simulate(Alice, PresenceStatus::Away);
    tracker.streamOpened(Alice);
    QCOMPARE(tracker.snapshot(Alice).value(u"status").toString(), QStringLiteral("online"));

    // Her last stream closing takes her offline.
    tracker.streamClosed(Alice);
    QVERIFY(QTest::qWaitFor([&] { return publisher.lastStatus() == u"alice=offline"; }, WaitMs));
}

void tst_PresenceTracker::usersAreIndependent()
{
    const UserDirectory users = testUsers();
    FakePublisher publisher;
    PresenceTracker tracker(publisher, users, GraceMs);
    tracker.reset();
    tracker.streamOpened(Alice);
    tracker.streamOpened(Bob);
    tracker.choose(Bob, PresenceStatus::Busy);
    tracker.streamClosed(Alice);
    QVERIFY(QTest::qWaitFor([&] { return publisher.calls.size() == 4; }, WaitMs));
    QCOMPARE(publisher.statuses(), QStringLiteral("alice=online bob=online bob=busy alice=offline"));
    QCOMPARE(tracker.snapshot(Bob).value(u"status").toString(), QStringLiteral("busy"));
    QVERIFY(outlast(4 * GraceMs));
    QCOMPARE(publisher.calls.size(), 4);
}

void tst_PresenceTracker::clusterDecidesAndOneInstancePublishes()
{
    const UserDirectory users = testUsers();
    FakePublisher publisher;
    FakeCluster cluster;
    PresenceTracker tracker(publisher, users, GraceMs, &cluster);
    tracker.reset();

    tracker.streamOpened(Alice);
    QCOMPARE(cluster.log.join(u' '), QStringLiteral("comeOnline alice"));
    QCOMPARE(publisher.statuses(), QStringLiteral("alice=online"));
    // The deployment's view is what is published.
    QCOMPARE(sinceMs(publisher.calls.first().data), cluster.presences.value(Alice).sinceMs);

    // Another instance already made her online: this one publishes nothing.
    cluster.presences[Bob] = { PresenceStatus::Away, 1'000, PresenceStatus::Away };
    tracker.streamOpened(Bob);
    QCOMPARE(publisher.calls.size(), 1);
    QCOMPARE(tracker.snapshot(Bob).value(u"status").toString(), QStringLiteral("away"));

    cluster.log.clear();
    tracker.streamClosed(Alice);
    QCOMPARE(cluster.log.join(u' '), QStringLiteral("streamsOf alice"));
    QVERIFY(QTest::qWaitFor([&] { return publisher.calls.size() == 2; }, WaitMs));
    QCOMPARE(cluster.log.join(u' '), QStringLiteral("streamsOf alice goOffline alice"));
    QCOMPARE(publisher.lastStatus(), QStringLiteral("alice=offline"));

    // Back within the grace: asks the deployment again (it may have moved on).
    cluster.log.clear();
    tracker.streamOpened(Alice);
    tracker.streamClosed(Alice);
    tracker.streamOpened(Alice);
    QCOMPARE(cluster.log.join(u' '), QStringLiteral("comeOnline alice streamsOf alice comeOnline alice"));
    QVERIFY(outlast(4 * GraceMs));
    QCOMPARE(publisher.statuses(), QStringLiteral("alice=online alice=offline alice=online"));
}

void tst_PresenceTracker::clusterKeepsAUserOnlineWithStreamsElsewhere()
{
    const UserDirectory users = testUsers();
    FakePublisher publisher;
    FakeCluster cluster;
    PresenceTracker tracker(publisher, users, GraceMs, &cluster);
    tracker.reset();
    tracker.streamOpened(Alice);
    cluster.elsewhere[Alice] = 1;
    tracker.streamClosed(Alice); // her stream on another instance keeps her online: no grace here
    QVERIFY(outlast(4 * GraceMs));
    QVERIFY(!cluster.log.contains(QStringLiteral("goOffline alice")));
    QCOMPARE(publisher.statuses(), QStringLiteral("alice=online"));

    // If the other stream closed during the grace, the deployment says no.
    cluster.elsewhere[Alice] = 0;
    tracker.streamOpened(Alice);
    tracker.streamClosed(Alice);
    cluster.elsewhere[Alice] = 1;
    QVERIFY(QTest::qWaitFor([&] { return cluster.log.contains(QStringLiteral("goOffline alice")); }, WaitMs));
    QCOMPARE(publisher.statuses(), QStringLiteral("alice=online"));
}

void tst_PresenceTracker::clusterChoice()
{
    const UserDirectory users = testUsers();
    FakePublisher publisher;
    FakeCluster cluster;
    PresenceTracker tracker(publisher, users, GraceMs, &cluster);
    tracker.reset();
    tracker.choose(Alice, PresenceStatus::Busy); // offline: kept by the deployment, not shown
    QVERIFY(publisher.calls.isEmpty());
    tracker.streamOpened(Alice);
    QCOMPARE(publisher.statuses(), QStringLiteral("alice=busy"));
    tracker.choose(Alice, PresenceStatus::Busy);
    tracker.choose(Alice, PresenceStatus::Away);
    QCOMPARE(publisher.statuses(), QStringLiteral("alice=busy alice=away"));
    QCOMPARE(cluster.log.count(QStringLiteral("choose alice")), 3);
}

void tst_PresenceTracker::clusterSnapshots()
{
    const UserDirectory users = testUsers();
    FakePublisher publisher;
    FakeCluster cluster;
    PresenceTracker tracker(publisher, users, GraceMs, &cluster);
    tracker.reset();
    cluster.presences[Bob] = { PresenceStatus::Busy, 1'700'000'000'000, std::nullopt };
    QCOMPARE(tracker.snapshot(Bob).value(u"status").toString(), QStringLiteral("busy"));
    QCOMPARE(tracker.snapshot(Bob).value(u"since").toString(), QStringLiteral("2023-11-14T22:13:20Z"));

    // A demo colleague simulated on this instance shows while the deployment says offline.
    tracker.simulate(Alice, PresenceStatus::Away);
    QCOMPARE(tracker.snapshot(Alice).value(u"status").toString(), QStringLiteral("away"));

    const QJsonArray all = tracker.snapshots();
    QCOMPARE(all.size(), 3);
    QCOMPARE(all.at(0).toObject(), tracker.snapshot(Alice));
    QCOMPARE(all.at(1).toObject(), tracker.snapshot(Bob));
    QCOMPARE(all.at(2).toObject().value(u"status").toString(), QStringLiteral("offline"));
}

void tst_PresenceTracker::clusterSweepsUsersOfADeadInstance()
{
    const UserDirectory users = testUsers();
    FakePublisher publisher;
    FakeCluster cluster;
    PresenceTracker tracker(publisher, users, GraceMs, &cluster);
    tracker.reset();
    // Bob's instance died with his stream open; its lease expired.
    cluster.presences[Bob] = { PresenceStatus::Online, 1'000, std::nullopt };
    cluster.orphans = QStringList{ Bob };
    // The sweep runs every 2 s; then the grace.
    QVERIFY(QTest::qWaitFor([&] { return !publisher.calls.isEmpty(); }, WaitMs));
    QCOMPARE(publisher.statuses(), QStringLiteral("bob=offline"));
    QCOMPARE(cluster.log.count(QStringLiteral("goOffline bob")), 1);
}

QTEST_GUILESS_MAIN(tst_PresenceTracker)
#include "tst_presencetracker.moc"
