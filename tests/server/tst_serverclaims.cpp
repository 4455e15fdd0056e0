// SPDX-License-Identifier: MIT
// notify-server in-process, through real sockets: groups, claims and
// escalation (docs/PROTOCOL.md, "Groups and claims"). Runs with the epoll
// transport, with --io qt, and against Redis (tests/server/CMakeLists.txt).

#include "servertest.h"

#include "hub/escalator.h"
#include "redis/rediseventstore.h"

#include <QDateTime>
#include <QJsonDocument>

#include <array>
#include <memory>

using namespace Qt::StringLiterals;

namespace {

const QByteArray Carol = TestSupport::CarolToken;
const QByteArray Dave = TestSupport::DaveToken;
using TestSupport::teamUsers;

QByteArray publishBody(const QString &id, const QString &user, const QString &level = u"error"_s)
{
    const QJsonObject data{ { u"notification_id"_s, id },
                            { u"title"_s, QString(u"Payment failed for "_s + id) },
                            { u"level"_s, level } };
    return QJsonDocument(QJsonObject{ { u"event"_s, u"notification"_s }, { u"user"_s, user }, { u"data"_s, data } })
        .toJson(QJsonDocument::Compact);
}

QByteArray claimPath(const QString &id)
{
    return Notify::ApiPath::notificationClaim(id).toUtf8();
}

/// The user's notifications list, by notification id.
QHash<QString, QJsonObject> listOf(quint16 port, const QByteArray &token)
{
    QHash<QString, QJsonObject> byId;
    const auto r = TestClient::request(port, "GET", "/api/v1/notifications/?limit=1000", token);
    for (const QJsonValue item : r.json().value(u"notifications").toArray())
        byId.insert(item.toObject().value(u"notification_id").toString(), item.toObject());
    return byId;
}

QList<QJsonObject> dataOf(const Stream &stream, const QByteArray &type)
{
    QList<QJsonObject> out;
    for (const Notify::SseEvent &e : stream.eventsOfType(type))
        out << QJsonDocument::fromJson(e.data).object();
    return out;
}

} // namespace

class tst_ServerClaims final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void groupsListedForTheirMembers();
    void publishingToAGroupReachesItsMembersOnly();
    void audienceIsTheMembersAtPublishTime();
    void claimAndReleaseRules();
    void claimingABroadcast();
    void aNotificationPublishedAgainToOthersTellsThemToo();
    void aNotificationFromBeforeGroupsCanBeClaimed();
    void aGroupsNotificationIsTrimmedMemberByMember();
    void concurrentClaimsHaveOneWinnerEach();
    void escalationOfUnclaimedErrors();
    void claimsSurviveARestart();
    void djangoDialectHasNoClaims();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_users;
    Server *start(std::unique_ptr<Server> &server, const std::function<void(ServerConfig &)> &adjust = {},
                  const QString &dataDir = {});
};

void tst_ServerClaims::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_users = TestSupport::writeUsersFile(*m_dir, teamUsers());
}

Server *tst_ServerClaims::start(std::unique_ptr<Server> &server, const std::function<void(ServerConfig &)> &adjust,
                                const QString &dataDir)
{
    server = std::make_unique<Server>(
        [&](ServerConfig &config) {
            config.usersFile = m_users;
            if (adjust)
                adjust(config);
        },
        dataDir);
    return server->start() ? server.get() : nullptr;
}

void tst_ServerClaims::groupsListedForTheirMembers()
{
    std::unique_ptr<Server> s;
    QVERIFY(start(s));
    auto r = TestClient::request(s->port(), "GET", "/api/v1/groups/", Alice);
    QCOMPARE(r.status, 200);
    const QJsonArray groups = r.json().value(u"groups").toArray();
    QCOMPARE(groups.size(), 1);
    QCOMPARE(groups[0].toObject().value(u"name").toString(), u"support"_s);
    const QJsonArray members = groups[0].toObject().value(u"members").toArray();
    QCOMPARE(members.size(), 2);
    QCOMPARE(members[0].toObject().value(u"user").toString(), u"alice"_s);
    QCOMPARE(members[1].toObject().value(u"display_name").toString(), u"Bob"_s);

    r = TestClient::request(s->port(), "GET", "/api/v1/groups/", Dave);
    QCOMPARE(r.json().value(u"groups").toArray().size(), 0);
    r = TestClient::request(s->port(), "GET", "/api/v1/groups/", Admin); // an admin sees every group
    QCOMPARE(r.json().value(u"groups").toArray().size(), 2);
    r = TestClient::request(s->port(), "GET", "/api/v1/groups/");
    QCOMPARE(r.status, 401);
}

void tst_ServerClaims::publishingToAGroupReachesItsMembersOnly()
{
    std::unique_ptr<Server> s;
    QVERIFY(start(s));
    Stream alice(s->port(), Alice);
    Stream carol(s->port(), Carol);
    QVERIFY(alice.waitForHead());
    QVERIFY(carol.waitForHead());

    auto r = TestClient::request(s->port(), "POST", "/api/v1/events/", Admin, publishBody(u"n-1"_s, u"@support"_s));
    QCOMPARE(r.status, 201);
    const QString id = r.json().value(u"id").toString();
    // A personal one for carol after it: carol's stream shows the group's never came.
    QCOMPARE(TestClient::request(s->port(), "POST", "/api/v1/events/", Admin, publishBody(u"n-2"_s, u"carol"_s)).status,
             201);
    QVERIFY(QTest::qWaitFor([&] { return !dataOf(carol, "notification").isEmpty(); }, 5000));
    QVERIFY(QTest::qWaitFor([&] { return dataOf(alice, "notification").size() == 1; }, 5000));
    QCOMPARE(dataOf(alice, "notification")[0].value(u"notification_id").toString(), u"n-1"_s);
    QCOMPARE(dataOf(carol, "notification").size(), 1);
    QCOMPARE(dataOf(carol, "notification")[0].value(u"notification_id").toString(), u"n-2"_s);

    // The lists, and the replay (a stream resuming, and the polling endpoint).
    QVERIFY(listOf(s->port(), Alice).contains(u"n-1"_s));
    QVERIFY(listOf(s->port(), Bob).contains(u"n-1"_s));
    QVERIFY(!listOf(s->port(), Carol).contains(u"n-1"_s));
    QVERIFY(!listOf(s->port(), Dave).contains(u"n-1"_s));
    QCOMPARE(listOf(s->port(), Bob).value(u"n-1"_s).value(u"claimed_by"), QJsonValue(QJsonValue::Null));
    for (const auto &[token, sees] : { std::pair{ Bob, true }, std::pair{ Carol, false } }) {
        r = TestClient::request(s->port(), "GET", "/api/v1/events/", token);
        bool found = false;
        for (const QJsonValue event : r.json().value(u"events").toArray())
            found = found || event.toObject().value(u"id").toString() == id;
        QCOMPARE(found, sees);
    }
    const auto before = Notify::Protocol::EventId::parse(id.toLatin1());
    QVERIFY(before);
    const QByteArray resumeFrom = Notify::Protocol::EventId{ before->epoch, before->seq - 1 }.toByteArray();
    Stream bobResumed(s->port(), Bob, { { "Last-Event-ID", resumeFrom } });
    QVERIFY(QTest::qWaitFor([&] { return !dataOf(bobResumed, "notification").isEmpty(); }, 5000));
    QCOMPARE(bobResumed.eventsOfType("notification")[0].id, id.toLatin1());

    // Unknown group: 400 naming the field, nothing stored.
    r = TestClient::request(s->port(), "POST", "/api/v1/events/", Admin, publishBody(u"n-3"_s, u"@nobody"_s));
    QCOMPARE(r.status, 400);
    QCOMPARE(r.json().value(u"field").toString(), u"user"_s);
    QVERIFY(!listOf(s->port(), Alice).contains(u"n-3"_s));
}

void tst_ServerClaims::audienceIsTheMembersAtPublishTime()
{
    QTemporaryDir data;
    std::unique_ptr<Server> s;
    QVERIFY(start(s, {}, data.path()));
    QCOMPARE(
        TestClient::request(s->port(), "POST", "/api/v1/events/", Admin, publishBody(u"old"_s, u"@support"_s)).status,
        201);
    s.reset();
    // carol joins support: what was published before stays with those it reached.
    m_users = TestSupport::writeUsersFile(*m_dir, teamUsers(true));
    QVERIFY(start(s, {}, data.path()));
    QCOMPARE(
        TestClient::request(s->port(), "POST", "/api/v1/events/", Admin, publishBody(u"new"_s, u"@support"_s)).status,
        201);
    const auto carol = listOf(s->port(), Carol);
    QVERIFY(carol.contains(u"new"_s));
    QVERIFY(!carol.contains(u"old"_s));
    QCOMPARE(TestClient::request(s->port(), "POST", claimPath(u"old"_s), Carol).status, 404);
    QVERIFY(listOf(s->port(), Alice).contains(u"old"_s));
}

void tst_ServerClaims::claimAndReleaseRules()
{
    std::unique_ptr<Server> s;
    QVERIFY(start(s));
    Stream bob(s->port(), Bob);
    Stream carol(s->port(), Carol);
    QVERIFY(bob.waitForHead());
    QVERIFY(carol.waitForHead());
    QCOMPARE(
        TestClient::request(s->port(), "POST", "/api/v1/events/", Admin, publishBody(u"n-7"_s, u"@support"_s)).status,
        201);

    // alice takes it on: 200 with the claim, every recipient's streams hear of it.
    auto r = TestClient::request(s->port(), "POST", claimPath(u"n-7"_s), Alice);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(u"notification_id").toString(), u"n-7"_s);
    QCOMPARE(r.json().value(u"claimed_by").toString(), u"alice"_s);
    const QString claimedAt = r.json().value(u"claimed_at").toString();
    QVERIFY(Notify::Protocol::parseUtcTimestamp(claimedAt));
    QVERIFY(QTest::qWaitFor([&] { return !dataOf(bob, "notification_claimed").isEmpty(); }, 5000));
    const QJsonObject claimed = dataOf(bob, "notification_claimed")[0];
    QCOMPARE(claimed.value(u"notification_id").toString(), u"n-7"_s);
    QCOMPARE(claimed.value(u"claimed_by").toString(), u"alice"_s);
    QCOMPARE(claimed.value(u"claimed_at").toString(), claimedAt);
    const auto bobsList = listOf(s->port(), Bob).value(u"n-7"_s);
    QCOMPARE(bobsList.value(u"claimed_by").toString(), u"alice"_s);
    QCOMPARE(bobsList.value(u"claimed_at").toString(), claimedAt);

    // Taken: bob gets 409 naming alice; alice again is 200, the same claim, no new event.
    r = TestClient::request(s->port(), "POST", claimPath(u"n-7"_s), Bob);
    QCOMPARE(r.status, 409);
    QCOMPARE(r.json().value(u"error").toString(), u"claimed"_s);
    QCOMPARE(r.json().value(u"claimed_by").toString(), u"alice"_s);
    r = TestClient::request(s->port(), "POST", claimPath(u"n-7"_s), Alice);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(u"claimed_at").toString(), claimedAt);
    // Not a recipient, or no such notification: 404 (existence is not revealed).
    QCOMPARE(TestClient::request(s->port(), "POST", claimPath(u"n-7"_s), Carol).status, 404);
    QCOMPARE(TestClient::request(s->port(), "POST", claimPath(u"nope"_s), Alice).status, 404);
    QCOMPARE(TestClient::request(s->port(), "DELETE", claimPath(u"n-7"_s), Carol).status, 404);
    QCOMPARE(TestClient::request(s->port(), "POST", claimPath(u"n-7"_s)).status, 401);
    QCOMPARE(TestClient::request(s->port(), "GET", claimPath(u"n-7"_s), Alice).status, 405);

    // Only the claimer (or an admin) releases.
    r = TestClient::request(s->port(), "DELETE", claimPath(u"n-7"_s), Bob);
    QCOMPARE(r.status, 403);
    QCOMPARE(TestClient::request(s->port(), "DELETE", claimPath(u"n-7"_s), Alice).status, 204);
    QVERIFY(QTest::qWaitFor([&] { return dataOf(bob, "notification_claimed").size() == 2; }, 5000));
    QCOMPARE(dataOf(bob, "notification_claimed")[1].value(u"claimed_by"), QJsonValue(QJsonValue::Null));
    QCOMPARE(listOf(s->port(), Bob).value(u"n-7"_s).value(u"claimed_by"), QJsonValue(QJsonValue::Null));
    // Releasing what nobody holds changes nothing.
    QCOMPARE(TestClient::request(s->port(), "DELETE", claimPath(u"n-7"_s), Alice).status, 204);

    QCOMPARE(TestClient::request(s->port(), "POST", claimPath(u"n-7"_s), Bob).status, 200);
    QCOMPARE(TestClient::request(s->port(), "DELETE", claimPath(u"n-7"_s), Admin).status, 204);
    QVERIFY(QTest::qWaitFor([&] { return dataOf(bob, "notification_claimed").size() == 4; }, 5000));
    QCOMPARE(dataOf(bob, "notification_claimed")[2].value(u"claimed_by").toString(), u"bob"_s);
    QCOMPARE(dataOf(bob, "notification_claimed")[3].value(u"claimed_by"), QJsonValue(QJsonValue::Null));
    // carol is not a recipient: her stream heard of none of it.
    QCOMPARE(carol.eventsOfType("notification_claimed").size(), 0);

    // The audit, in the metrics.
    const QByteArray metrics = TestClient::request(s->port(), "GET", "/metrics", Admin).body;
    QVERIFY2(metrics.contains("notify_claims_total{outcome=\"claimed\"} 2"), metrics.constData());
    QVERIFY(metrics.contains("notify_claims_total{outcome=\"released\"} 2"));
    QVERIFY(metrics.contains("notify_claims_total{outcome=\"refused\"} 1"));
    QVERIFY(metrics.contains("notify_claims_total{outcome=\"release_refused\"} 1"));
}

void tst_ServerClaims::claimingABroadcast()
{
    std::unique_ptr<Server> s;
    QVERIFY(start(s));
    Stream dave(s->port(), Dave);
    QVERIFY(dave.waitForHead());
    QVERIFY(!s->notification(u"all-1"_s).isEmpty());
    QCOMPARE(TestClient::request(s->port(), "POST", claimPath(u"all-1"_s), Carol).status, 200);
    QCOMPARE(TestClient::request(s->port(), "POST", claimPath(u"all-1"_s), Dave).json().value(u"claimed_by").toString(),
             u"carol"_s);
    QVERIFY(QTest::qWaitFor([&] { return !dataOf(dave, "notification_claimed").isEmpty(); }, 5000));
    QCOMPARE(listOf(s->port(), Alice).value(u"all-1"_s).value(u"claimed_by").toString(), u"carol"_s);
}

// n-9 went to support, then again to carol alone: a claim is news for all of them.
void tst_ServerClaims::aNotificationPublishedAgainToOthersTellsThemToo()
{
    std::unique_ptr<Server> s;
    QVERIFY(start(s));
    Stream carol(s->port(), Carol);
    Stream dave(s->port(), Dave);
    QVERIFY(carol.waitForHead() && dave.waitForHead());
    QCOMPARE(
        TestClient::request(s->port(), "POST", "/api/v1/events/", Admin, publishBody(u"n-9"_s, u"@support"_s)).status,
        201);
    QCOMPARE(TestClient::request(s->port(), "POST", "/api/v1/events/", Admin, publishBody(u"n-9"_s, u"carol"_s)).status,
             201);
    QCOMPARE(TestClient::request(s->port(), "POST", claimPath(u"n-9"_s), Bob).status, 200);
    QVERIFY(QTest::qWaitFor([&] { return !dataOf(carol, "notification_claimed").isEmpty(); }, 5000));
    QCOMPARE(dataOf(carol, "notification_claimed")[0].value(u"claimed_by").toString(), u"bob"_s);
    // dave had neither: a marker published to everybody after it shows the claim never came.
    QVERIFY(!s->notification(u"marker"_s).isEmpty());
    QVERIFY(QTest::qWaitFor([&] { return !dataOf(dave, "notification").isEmpty(); }, 5000));
    QCOMPARE(dave.eventsOfType("notification_claimed").size(), 0);
}

// A notification stored by a server from before groups (Redis: without
// its n:aud entry) can be claimed all the same, by its recipients.
void tst_ServerClaims::aNotificationFromBeforeGroupsCanBeClaimed()
{
    std::unique_ptr<Server> s;
    QVERIFY(start(s));
    auto *redis = dynamic_cast<RedisEventStore *>(&s->server().store());
    if (!redis)
        QSKIP("only Redis keeps the audience apart (SQLite reads it from the list's rows)");
    QVERIFY(!s->notification(u"old-all"_s).isEmpty());
    QVERIFY(!s->notification(u"old-alice"_s, { u"alice"_s }).isEmpty());
    QVERIFY(redis->run({ "HDEL", redis->key("n:aud"), "old-all", "old-alice" }));
    Stream dave(s->port(), Dave);
    QVERIFY(dave.waitForHead());
    QCOMPARE(TestClient::request(s->port(), "POST", claimPath(u"old-all"_s), Carol).status, 200);
    QVERIFY(QTest::qWaitFor([&] { return !dataOf(dave, "notification_claimed").isEmpty(); }, 5000)); // everybody's
    QCOMPARE(TestClient::request(s->port(), "POST", claimPath(u"old-alice"_s), Bob).status, 404);
    QCOMPARE(TestClient::request(s->port(), "POST", claimPath(u"old-alice"_s), Alice).status, 200);
    QCOMPARE(listOf(s->port(), Alice).value(u"old-alice"_s).value(u"claimed_by").toString(), u"alice"_s);
}

// --max-notifications 2: alice's two newer ones push her share of the
// group's out; bob keeps his, and can still claim it; the days limit then
// takes it from everybody, and its claim with it.
void tst_ServerClaims::aGroupsNotificationIsTrimmedMemberByMember()
{
    std::unique_ptr<Server> s;
    QVERIFY(start(s, [](ServerConfig &config) { config.maxNotifications = 2; }));
    QCOMPARE(
        TestClient::request(s->port(), "POST", "/api/v1/events/", Admin, publishBody(u"g-1"_s, u"@support"_s)).status,
        201);
    for (const QString &id : { u"a-1"_s, u"a-2"_s })
        QCOMPARE(TestClient::request(s->port(), "POST", "/api/v1/events/", Admin, publishBody(id, u"alice"_s)).status,
                 201);
    while (s->server().store().trimNotifications(0, 0, 1)) { }
    QVERIFY(!listOf(s->port(), Alice).contains(u"g-1"_s));
    QVERIFY(listOf(s->port(), Bob).contains(u"g-1"_s));
    QCOMPARE(TestClient::request(s->port(), "POST", claimPath(u"g-1"_s), Alice).status, 404);
    QCOMPARE(TestClient::request(s->port(), "POST", claimPath(u"g-1"_s), Bob).status, 200);
    // Everything older than a moment from now: gone for everybody, claim and all.
    while (s->server().store().trimNotifications(1, QDateTime::currentMSecsSinceEpoch() + 1000, 1000)) { }
    QVERIFY(!listOf(s->port(), Bob).contains(u"g-1"_s));
    QVERIFY(s->server().store().claims({ u"g-1"_s }).isEmpty());
    QCOMPARE(TestClient::request(s->port(), "POST", claimPath(u"g-1"_s), Bob).status, 404);
}

// Two people press Claim at once, a hundred times over: one wins each, the
// other is told who.
void tst_ServerClaims::concurrentClaimsHaveOneWinnerEach()
{
    std::unique_ptr<Server> s;
    QVERIFY(start(s));
    constexpr int Pairs = 100;
    QByteArrayList batch;
    for (int i = 0; i < Pairs; ++i)
        batch << publishBody(u"c-%1"_s.arg(i), u"@support"_s);
    QCOMPARE(TestClient::request(s->port(), "POST", "/api/v1/events/", Admin, "{\"events\":[" + batch.join(',') + "]}")
                 .status,
             201);
    // A connection each, alice's opened first in one pair, bob's in the next.
    std::vector<std::unique_ptr<TestClient::Connection>> connections(Pairs * 2);
    for (int i = 0; i < Pairs; ++i) {
        for (const int who : i % 2 ? std::array{ 1, 0 } : std::array{ 0, 1 }) {
            connections[i * 2 + who] = std::make_unique<TestClient::Connection>(s->port());
            QVERIFY(connections[i * 2 + who]->connected());
        }
    }
    // Everything is written before anything is read; alice first in one
    // pair, bob in the next.
    for (int i = 0; i < Pairs; ++i) {
        for (const int who : i % 2 ? std::array{ 1, 0 } : std::array{ 0, 1 }) {
            connections[i * 2 + who]->send("POST " + claimPath(u"c-%1"_s.arg(i))
                                           + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                             "Authorization: Bearer "
                                           + (who ? Bob : Alice) + "\r\nContent-Length: 0\r\n\r\n");
        }
    }
    int aliceWon = 0;
    for (int i = 0; i < Pairs; ++i) {
        const TestClient::Response a = connections[i * 2]->read();
        const TestClient::Response b = connections[i * 2 + 1]->read();
        QVERIFY2((a.status == 200 && b.status == 409) || (a.status == 409 && b.status == 200),
                 qPrintable(u"pair %1: %2 and %3"_s.arg(i).arg(a.status).arg(b.status)));
        const QString winner = a.status == 200 ? u"alice"_s : u"bob"_s;
        aliceWon += a.status == 200;
        QCOMPARE((a.status == 409 ? a : b).json().value(u"claimed_by").toString(), winner);
        QCOMPARE(listOf(s->port(), Bob).value(u"c-%1"_s.arg(i)).value(u"claimed_by").toString(), winner);
    }
    qInfo() << "alice won" << aliceWon << "of" << Pairs;
}

void tst_ServerClaims::escalationOfUnclaimedErrors()
{
    std::unique_ptr<Server> s;
    QVERIFY(start(s, [](ServerConfig &config) { config.escalateAfterMs = 60'000; }));
    QVERIFY(s->server().escalator());
    qint64 now = QDateTime::currentMSecsSinceEpoch();
    s->server().escalator()->setClock([&now] { return now; });
    Stream bob(s->port(), Bob);
    Stream carol(s->port(), Carol);
    QVERIFY(bob.waitForHead());
    QVERIFY(carol.waitForHead());
    for (const auto &[id, level] : { std::pair{ u"e-unclaimed"_s, u"error"_s }, std::pair{ u"e-claimed"_s, u"error"_s },
                                     std::pair{ u"w-unclaimed"_s, u"warning"_s } }) {
        QCOMPARE(TestClient::request(s->port(), "POST", "/api/v1/events/", Admin, publishBody(id, u"@support"_s, level))
                     .status,
                 201);
    }
    QCOMPARE(TestClient::request(s->port(), "POST", claimPath(u"e-claimed"_s), Alice).status, 200);

    now += 59'000; // not yet: 59 s after a moment before any was published
    QCOMPARE(s->server().escalator()->check(), 0);
    now = QDateTime::currentMSecsSinceEpoch() + 61'000; // 61 s after all of them
    QCOMPARE(s->server().escalator()->check(), 1);
    QVERIFY(QTest::qWaitFor([&] { return !dataOf(bob, "notification_escalated").isEmpty(); }, 5000));
    QCOMPARE(dataOf(bob, "notification_escalated")[0].value(u"notification_id").toString(), u"e-unclaimed"_s);
    // Once: later checks find nothing more.
    now += 600'000;
    QCOMPARE(s->server().escalator()->check(), 0);
    QCOMPARE(s->server().escalator()->escalatedCount(), 1);
    QVERIFY(TestClient::request(s->port(), "GET", "/metrics", Admin).body.contains("notify_escalations_total 1"));
    // The event is stored: a poll of the log shows it to the recipients only.
    const auto events = [&](const QByteArray &token) {
        int n = 0;
        const auto r = TestClient::request(s->port(), "GET", "/api/v1/events/", token);
        for (const QJsonValue event : r.json().value(u"events").toArray())
            n += event.toObject().value(u"event").toString() == u"notification_escalated"_s;
        return n;
    };
    QCOMPARE(events(Bob), 1);
    QCOMPARE(events(Carol), 0);
    QCOMPARE(bob.eventsOfType("notification_escalated").size(), 1);
    QCOMPARE(carol.eventsOfType("notification_escalated").size(), 0);
}

void tst_ServerClaims::claimsSurviveARestart()
{
    QTemporaryDir data;
    std::unique_ptr<Server> s;
    QVERIFY(start(s, {}, data.path()));
    QCOMPARE(
        TestClient::request(s->port(), "POST", "/api/v1/events/", Admin, publishBody(u"r-1"_s, u"@support"_s)).status,
        201);
    const auto r = TestClient::request(s->port(), "POST", claimPath(u"r-1"_s), Bob);
    QCOMPARE(r.status, 200);
    s.reset();
    QVERIFY(start(s, {}, data.path()));
    const QJsonObject item = listOf(s->port(), Alice).value(u"r-1"_s);
    QCOMPARE(item.value(u"claimed_by").toString(), u"bob"_s);
    QCOMPARE(item.value(u"claimed_at").toString(), r.json().value(u"claimed_at").toString());
    QCOMPARE(TestClient::request(s->port(), "POST", claimPath(u"r-1"_s), Alice).status, 409);
}

void tst_ServerClaims::djangoDialectHasNoClaims()
{
    if (!qEnvironmentVariableIsEmpty("NOTIFY_TEST_REDIS"))
        QSKIP("the dialect is the same on every store");
    std::unique_ptr<Server> s;
    QVERIFY(start(s, [](ServerConfig &config) { config.dialect = ServerConfig::Dialect::Django; }));
    QVERIFY(!s->notification(u"d-1"_s).isEmpty());
    const QByteArray token = "Token alice-token-0001";
    const QList<QPair<QByteArray, QByteArray>> auth{ { "Authorization", token } };
    QCOMPARE(TestClient::request(s->port(), "POST", claimPath(u"d-1"_s), {}, {}, auth).status, 404);
    QCOMPARE(TestClient::request(s->port(), "GET", "/api/v1/groups/", {}, {}, auth).status, 404);
    // The seed's list has no claimed_by: that is how a client tells.
    const auto list = TestClient::request(s->port(), "GET", "/api/v1/notifications/", {}, {}, auth).json();
    QVERIFY(!list.value(u"results"_s).toArray().at(0).toObject().contains(u"claimed_by"_s));
}

QTEST_MAIN(tst_ServerClaims)
#include "tst_serverclaims.moc"
