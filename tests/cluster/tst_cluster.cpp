// SPDX-License-Identifier: MIT
// Several real notify-server processes on one real Redis (redis-server from
// Debian, on a Unix socket in a scratch directory, AOF on): fan-out across
// instances in one order, clients moving between instances, an instance
// killed during publishing, Redis stopped and started again, the
// deployment-wide stream limit with an instance's lease expiring, presence
// across instances, and claims and escalation across instances.

#include "testclient.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <csignal>
#include <memory>

using TestClient::Stream;

namespace {

const QByteArray Users = R"({"users":[
 {"name":"alice","display_name":"Alice","token":"alice-token-1","groups":["support"]},
 {"name":"bob","display_name":"Bob","token":"bob-token-22","groups":["support"]},
 {"name":"ops","display_name":"Ops","token":"ops-token-333","admin":true}]})";
const QByteArray Alice = "alice-token-1";
const QByteArray Bob = "bob-token-22";
const QByteArray Ops = "ops-token-333";

/// redis-server of the test's own, with AOF (appendfsync always), on a
/// loopback port chosen at run time (and a Unix socket, which tells when it is ready).
class Redis
{
public:
    explicit Redis(const QString &dir)
        : m_dir(dir)
    {
        QTcpServer probe;
        probe.listen(QHostAddress::LocalHost, 0);
        m_port = probe.serverPort();
    }
    ~Redis() { stop(); }
    bool start()
    {
        m_process.setProgram(QStringLiteral("redis-server"));
        m_process.setArguments({ QStringLiteral("--bind"), QStringLiteral("127.0.0.1"), QStringLiteral("--port"),
                                 QString::number(m_port), QStringLiteral("--unixsocket"), socket(),
                                 QStringLiteral("--dir"), m_dir, QStringLiteral("--appendonly"), QStringLiteral("yes"),
                                 QStringLiteral("--appendfsync"), QStringLiteral("always"), QStringLiteral("--save"),
                                 QString() });
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        m_process.start();
        return m_process.waitForStarted() && QTest::qWaitFor([&] { return QFileInfo::exists(socket()); }, 10000);
    }
    /// SIGTERM: Redis writes what it has and exits.
    void stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.terminate();
        m_process.waitForFinished(10000);
    }
    [[nodiscard]] QString socket() const { return m_dir + QStringLiteral("/redis.sock"); }
    /// Over TCP, as instances on other machines reach it.
    [[nodiscard]] QString url() const { return QStringLiteral("redis://127.0.0.1:%1/0").arg(m_port); }

private:
    QString m_dir;
    quint16 m_port = 0;
    QProcess m_process;
};

/// One notify-server instance on a free loopback port.
class Instance
{
public:
    Instance(const QString &usersFile, const QString &redisUrl, const QStringList &extra = {})
    {
        m_process.setProgram(QStringLiteral(NOTIFY_SERVER_BINARY));
        m_process.setArguments(QStringList{ QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--users"),
                                            usersFile, QStringLiteral("--redis"), redisUrl, QStringLiteral("--threads"),
                                            QStringLiteral("1"), QStringLiteral("--retry-ms"), QStringLiteral("100") }
                               + extra);
        m_process.setProcessChannelMode(QProcess::SeparateChannels);
        m_process.start();
        const QRegularExpression listening(QStringLiteral("listening on http://127\\.0\\.0\\.1:(\\d+)/"));
        QByteArray out;
        [[maybe_unused]] const bool started = QTest::qWaitFor(
            [&] {
                out += m_process.readAllStandardOutput();
                const auto match = listening.match(QString::fromUtf8(out));
                if (match.hasMatch())
                    port = quint16(match.captured(1).toUInt());
                return port != 0 || m_process.state() == QProcess::NotRunning;
            },
            10000);
        if (port == 0)
            qWarning() << "notify-server did not start:" << out << m_process.readAllStandardError();
    }
    ~Instance()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.terminate();
            if (!m_process.waitForFinished(10000))
                m_process.kill();
        }
        m_process.waitForFinished(5000);
    }
    void kill9()
    {
        ::kill(pid_t(m_process.processId()), SIGKILL);
        m_process.waitForFinished(5000);
    }
    QByteArray publish(const QString &notificationId, const QByteArray &user = "alice") const
    {
        const QJsonObject body{ { QStringLiteral("event"), QStringLiteral("notification") },
                                { QStringLiteral("user"), QString::fromLatin1(user) },
                                { QStringLiteral("data"),
                                  QJsonObject{
                                      { QStringLiteral("notification_id"), notificationId },
                                      { QStringLiteral("title"), notificationId },
                                      { QStringLiteral("created_at"), QStringLiteral("2026-11-30T08:00:00Z") } } } };
        const auto reply = TestClient::request(port, "POST", "/api/v1/events/", Ops,
                                               QJsonDocument(body).toJson(QJsonDocument::Compact));
        return reply.status == 201 ? reply.json().value(u"id").toString().toLatin1() : QByteArray();
    }

    quint16 port = 0;

private:
    QProcess m_process;
};

/// A batch of @p size notifications for alice, `<prefix><i>`, in the batch form.
QByteArray batch(const QString &prefix, int size)
{
    QJsonArray events;
    for (int i = 0; i < size; ++i) {
        const QString id = prefix + QString::number(i);
        events.append(
            QJsonObject{ { QStringLiteral("event"), QStringLiteral("notification") },
                         { QStringLiteral("user"), QStringLiteral("alice") },
                         { QStringLiteral("data"),
                           QJsonObject{ { QStringLiteral("notification_id"), id },
                                        { QStringLiteral("title"), id },
                                        { QStringLiteral("created_at"), QStringLiteral("2026-12-07T08:00:00Z") } } } });
    }
    return QJsonDocument(QJsonObject{ { QStringLiteral("events"), events } }).toJson(QJsonDocument::Compact);
}

/// A publishing request of the admin's, keep-alive.
QByteArray post(const QByteArray &body)
{
    return "POST /api/v1/events/ HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + Ops
        + "\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n"
        + body;
}

quint64 seqOf(const QJsonValue &id)
{
    return id.toString().section(u'-', 1).toULongLong();
}

/// The notification ids of a stream's notification events, in order.
/// A stream of alice's opened again and again until one is accepted (200), or null.
std::unique_ptr<Stream> openAccepted(quint16 port, int timeoutMs)
{
    std::unique_ptr<Stream> stream;
    const bool accepted = QTest::qWaitFor(
        [&] {
            stream = std::make_unique<Stream>(port, Alice);
            return stream->waitForHead() && stream->head.status == 200;
        },
        timeoutMs);
    return accepted ? std::move(stream) : nullptr;
}

QStringList titles(const Stream &stream)
{
    QStringList out;
    for (const auto &event : stream.eventsOfType("notification"))
        out << QJsonDocument::fromJson(event.data).object().value(u"notification_id").toString();
    return out;
}

} // namespace

class tst_Cluster final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_users;
    std::unique_ptr<Redis> m_redis;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_users = m_dir.filePath(QStringLiteral("users.json"));
        QFile file(m_users);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(Users);
    }
    void init()
    {
        // A Redis of each test's own: nothing carries over.
        const QString dir = m_dir.filePath(QString::fromLatin1(QTest::currentTestFunction()));
        QVERIFY(QDir().mkpath(dir));
        m_redis = std::make_unique<Redis>(dir);
        QVERIFY(m_redis->start());
    }
    void cleanup() { m_redis.reset(); }

    void anUnreachableRedisIsAClearErrorAtStart()
    {
        QProcess server;
        server.start(QStringLiteral(NOTIFY_SERVER_BINARY),
                     { QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--users"), m_users,
                       QStringLiteral("--redis"),
                       QStringLiteral("unix:") + m_dir.filePath(QStringLiteral("none.sock")) });
        QVERIFY(server.waitForFinished(10000));
        QCOMPARE(server.exitCode(), 1);
        QVERIFY(server.readAllStandardError().contains("cannot reach Redis at unix:"));
        server.start(QStringLiteral(NOTIFY_SERVER_BINARY),
                     { QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--users"), m_users,
                       QStringLiteral("--redis"), QStringLiteral("http://127.0.0.1:6379") });
        QVERIFY(server.waitForFinished(10000));
        QCOMPARE(server.exitCode(), 1);
        QVERIFY(server.readAllStandardError().contains("the scheme must be redis: or unix:"));
    }

    void everyStreamOnEveryInstanceGetsEveryEventOnceInOrder()
    {
        Instance a(m_users, m_redis->url()), b(m_users, m_redis->url()), c(m_users, m_redis->url());
        QVERIFY(a.port && b.port && c.port);
        std::vector<std::unique_ptr<Stream>> streams;
        for (const Instance *i : { &a, &b, &c }) {
            streams.push_back(std::make_unique<Stream>(i->port, Alice));
            streams.push_back(std::make_unique<Stream>(i->port, Bob)); // bob sees none of alice's
        }
        for (auto &s : streams)
            QVERIFY(s->waitForHead());
        // Publishing through each instance in turn, 60 events.
        QStringList published;
        for (int n = 0; n < 60; ++n) {
            const Instance *via = n % 3 == 0 ? &a : n % 3 == 1 ? &b : &c;
            const QString id = QStringLiteral("n%1").arg(n);
            QVERIFY(!via->publish(id).isEmpty());
            published << id;
        }
        for (std::size_t i = 0; i < streams.size(); i += 2) {
            Stream &alice = *streams[i];
            QTRY_COMPARE_WITH_TIMEOUT(titles(alice).size(), 60, 10000);
            QCOMPARE(titles(alice), published); // once each, in publishing order
            // The ids are the deployment's: strictly increasing.
            const auto events = alice.eventsOfType("notification");
            for (qsizetype e = 1; e < events.size(); ++e)
                QVERIFY(events[e].id.split('-')[1].toULongLong() > events[e - 1].id.split('-')[1].toULongLong());
            QVERIFY(titles(*streams[i + 1]).isEmpty());
        }
    }

    void aClientMovedToAnotherInstanceResumesExactly()
    {
        Instance a(m_users, m_redis->url()), b(m_users, m_redis->url());
        QVERIFY(a.port && b.port);
        auto s = std::make_unique<Stream>(a.port, Alice);
        QVERIFY(s->waitForHead());
        for (int n = 0; n < 10; ++n)
            QVERIFY(!a.publish(QStringLiteral("x%1").arg(n)).isEmpty());
        QTRY_COMPARE(titles(*s).size(), 10);
        const QByteArray last = s->eventsOfType("notification").last().id;
        s->close();
        // Published while the client moves, through both instances.
        for (int n = 10; n < 20; ++n)
            QVERIFY(!(n % 2 ? a : b).publish(QStringLiteral("x%1").arg(n)).isEmpty());
        Stream moved(b.port, Alice, { { "Last-Event-ID", last } });
        QTRY_COMPARE(titles(moved).size(), 10);
        QStringList expected;
        for (int n = 10; n < 20; ++n)
            expected << QStringLiteral("x%1").arg(n);
        QCOMPARE(titles(moved), expected);
        QVERIFY(moved.eventsOfType("reset").isEmpty());
        QVERIFY(!a.publish(QStringLiteral("x20")).isEmpty()); // and live after the replay
        QTRY_COMPARE(titles(moved).size(), 11);
    }

    void anInstanceKilledDuringPublishingLosesNothing()
    {
        auto a = std::make_unique<Instance>(m_users, m_redis->url());
        Instance b(m_users, m_redis->url()), c(m_users, m_redis->url());
        QVERIFY(a->port && b.port && c.port);
        auto onA = std::make_unique<Stream>(a->port, Alice);
        QVERIFY(onA->waitForHead());
        QStringList acknowledged;
        for (int n = 0; n < 200; ++n) {
            const Instance *via = n % 2 ? &b : &c;
            if (!via->publish(QStringLiteral("k%1").arg(n)).isEmpty())
                acknowledged << QStringLiteral("k%1").arg(n);
            if (n == 100)
                a->kill9(); // its clients see the connection drop
        }
        QVERIFY(onA->waitForClose());
        // The client comes back on another instance with the last id it had.
        const auto had = onA->eventsOfType("notification");
        QVERIFY(!had.isEmpty());
        Stream back(b.port, Alice, { { "Last-Event-ID", had.last().id } });
        QTRY_COMPARE_WITH_TIMEOUT(titles(*onA).size() + titles(back).size(), acknowledged.size(), 10000);
        QCOMPARE(titles(*onA) + titles(back), acknowledged);
        QCOMPARE(acknowledged.size(), 200);
    }

    // Batches published through two instances at the same moment: each is
    // one run of consecutive ids (never interleaved with the other's), and
    // every stream, on either instance, gets all of them in that order.
    void batchesFromTwoInstancesAtOnceKeepTheirOrder()
    {
        Instance a(m_users, m_redis->url()), b(m_users, m_redis->url());
        QVERIFY(a.port && b.port);
        Stream onA(a.port, Alice), onB(b.port, Alice);
        QVERIFY(onA.waitForHead() && onB.waitForHead());
        constexpr int Rounds = 4;
        constexpr int Size = 300;
        TestClient::Connection toA(a.port), toB(b.port);
        QVERIFY(toA.connected() && toB.connected());
        QMap<quint64, QString> bySeq; // what was acknowledged, in the deployment's order
        for (int round = 0; round < Rounds; ++round) {
            TestClient::Connection *connections[] = { &toA, &toB };
            for (int via = 0; via < 2; ++via)
                connections[via]->send(post(batch(QStringLiteral("r%1-%2-").arg(round).arg(via), Size)));
            for (int via = 0; via < 2; ++via) {
                const auto answer = connections[via]->read(15000);
                QCOMPARE(answer.status, 201);
                const QJsonArray ids = answer.json().value(u"ids").toArray();
                QCOMPARE(ids.size(), Size);
                for (int i = 0; i < Size; ++i) {
                    const quint64 seq = seqOf(ids[i]);
                    if (i > 0)
                        QCOMPARE(seq, seqOf(ids[i - 1]) + 1);
                    bySeq.insert(seq, QStringLiteral("r%1-%2-%3").arg(round).arg(via).arg(i));
                }
            }
        }
        const QStringList expected = bySeq.values();
        QCOMPARE(expected.size(), Rounds * 2 * Size);
        for (Stream *stream : { &onA, &onB }) {
            QTRY_COMPARE_WITH_TIMEOUT(titles(*stream).size(), expected.size(), 15000);
            QCOMPARE(titles(*stream), expected);
        }
    }

    // kill -9 of the instance a batch went to, at any moment: the batch is
    // stored whole or not at all, and acknowledged only if stored.
    void anInstanceKilledDuringABatchStoresAllOfItOrNone()
    {
        Instance b(m_users, m_redis->url());
        QVERIFY(b.port);
        Stream watch(b.port, Alice);
        QVERIFY(watch.waitForHead());
        constexpr int Size = 1000;
        int stored = 0;
        for (int attempt = 0; attempt < 6; ++attempt) {
            Instance a(m_users, m_redis->url());
            QVERIFY(a.port);
            TestClient::Connection toA(a.port);
            QVERIFY(toA.connected());
            const QString prefix = QStringLiteral("k%1-").arg(attempt);
            toA.send(post(batch(prefix, Size)));
            // Killed at a different point each time: at once, or once the
            // answer may have left.
            if (attempt % 2 == 1) [[maybe_unused]]
                const bool answered = QTest::qWaitFor([&] { return !toA.buffer().isEmpty(); }, 200 * attempt);
            a.kill9();
            TestClient::Response answer;
            const bool acknowledged = TestClient::takeResponse(toA.buffer(), answer) && answer.status == 201;
            // A marker published after the kill: once it arrived, everything
            // stored before it has arrived too (the feed delivers in seq order).
            const QString marker = QStringLiteral("marker-%1").arg(attempt);
            QVERIFY(!b.publish(marker).isEmpty());
            QTRY_VERIFY_WITH_TIMEOUT(titles(watch).contains(marker), 15000);
            const QStringList seen = titles(watch);
            const qsizetype arrived = std::count_if(seen.cbegin(), seen.cend(),
                                                    [&](const QString &title) { return title.startsWith(prefix); });
            QVERIFY2(arrived == 0 || arrived == Size, qPrintable(QStringLiteral("%1 of a batch").arg(arrived)));
            if (acknowledged)
                QCOMPARE(arrived, Size);
            stored += arrived == Size;
        }
        qInfo() << stored << "of 6 batches were stored before their instance was killed";
    }

    void redisStoppedAndStartedAgainLosesNoAcknowledgedEvent()
    {
        Instance a(m_users, m_redis->url()), b(m_users, m_redis->url());
        QVERIFY(a.port && b.port);
        Stream s(b.port, Alice);
        QVERIFY(s.waitForHead());
        QStringList acknowledged;
        for (int n = 0; n < 5; ++n)
            acknowledged << QStringLiteral("r%1").arg(n);
        for (const QString &id : std::as_const(acknowledged))
            QVERIFY(!a.publish(id).isEmpty());
        QTRY_COMPARE(titles(s).size(), 5);
        m_redis->stop();
        // Publishing is refused, with Retry-After; health says why; the stream stays open.
        const QJsonObject body{ { QStringLiteral("event"), QStringLiteral("notification") },
                                { QStringLiteral("data"),
                                  QJsonObject{
                                      { QStringLiteral("notification_id"), QStringLiteral("lost") },
                                      { QStringLiteral("title"), QStringLiteral("lost") },
                                      { QStringLiteral("created_at"), QStringLiteral("2026-11-30T08:00:00Z") } } } };
        QTRY_COMPARE_WITH_TIMEOUT(TestClient::request(a.port, "GET", "/healthz").status, 503, 5000);
        const auto refused = TestClient::request(a.port, "POST", "/api/v1/events/", Ops,
                                                 QJsonDocument(body).toJson(QJsonDocument::Compact));
        QCOMPARE(refused.status, 503);
        QVERIFY(refused.header("retry-after").toInt() >= 1);
        QVERIFY(TestClient::request(a.port, "GET", "/metrics", Ops).body.contains("notify_event_store_available 0"));
        QVERIFY(!s.closed());
        QVERIFY(m_redis->start());
        QTRY_COMPARE_WITH_TIMEOUT(TestClient::request(a.port, "GET", "/healthz").status, 200, 15000);
        // (Not QTRY_VERIFY: it evaluates once more after success, which would publish twice.)
        QVERIFY(QTest::qWaitFor([&] { return !a.publish(QStringLiteral("r5")).isEmpty(); }, 10000));
        acknowledged << QStringLiteral("r5");
        // Delivered on the stream that stayed open, after the ones before: nothing lost, nothing repeated.
        QTRY_COMPARE_WITH_TIMEOUT(titles(s).size(), 6, 15000);
        QCOMPARE(titles(s), acknowledged);
        // And every acknowledged event is still there to replay.
        Stream replay(a.port, Alice, { { "Last-Event-ID", s.eventsOfType("notification").first().id } });
        QTRY_COMPARE(titles(replay).size(), 5);
        QVERIFY(TestClient::request(a.port, "GET", "/metrics", Ops).body.contains("notify_event_store_available 1"));
    }

    void theStreamLimitHoldsForTheDeploymentAndForgetsADeadInstance()
    {
        // A lease long enough to look before it expires on a busy machine.
        const QStringList limits{ QStringLiteral("--max-streams-per-user"), QStringLiteral("2"),
                                  QStringLiteral("--redis-lease"), QStringLiteral("4") };
        auto a = std::make_unique<Instance>(m_users, m_redis->url(), limits);
        Instance b(m_users, m_redis->url(), limits);
        QVERIFY(a->port && b.port);
        Stream one(a->port, Alice), two(b.port, Alice);
        QVERIFY(one.waitForHead() && two.waitForHead());
        Stream three(b.port, Alice); // the third anywhere is one too many
        QVERIFY(three.waitForHead());
        QCOMPARE(three.head.status, 429);
        QVERIFY(!three.head.header("retry-after").isEmpty());
        two.close();
        std::unique_ptr<Stream> again = openAccepted(b.port, 5000);
        QVERIFY(again);
        again.reset();
        // An instance killed without cleaning up: its streams count until its lease expires.
        a->kill9();
        QVERIFY(one.waitForClose());
        // (the closed `again` may take a moment to stop counting)
        std::unique_ptr<Stream> held = openAccepted(b.port, 5000);
        QVERIFY(held); // one of two: the dead instance's stream still counts
        Stream early(b.port, Alice);
        QVERIFY(early.waitForHead());
        QCOMPARE(early.head.status, 429);
        std::unique_ptr<Stream> late = openAccepted(b.port, 10000);
        QVERIFY(late);
    }

    void evictOldestReachesAcrossInstances()
    {
        const QStringList limits{ QStringLiteral("--max-streams-per-user"), QStringLiteral("1"),
                                  QStringLiteral("--stream-limit-policy"), QStringLiteral("evict-oldest") };
        Instance a(m_users, m_redis->url(), limits), b(m_users, m_redis->url(), limits);
        QVERIFY(a.port && b.port);
        Stream old(a.port, Alice);
        QVERIFY(old.waitForHead());
        Stream fresh(b.port, Alice);
        QVERIFY(fresh.waitForHead());
        QCOMPARE(fresh.head.status, 200);
        QVERIFY(old.waitForClose()); // closed by the other instance
        QVERIFY(!fresh.closed());
    }

    void presenceIsTheDeploymentsAndPublishedOnce()
    {
        const QStringList grace{ QStringLiteral("--presence-grace"), QStringLiteral("0.3"),
                                 QStringLiteral("--redis-lease"), QStringLiteral("1") };
        auto a = std::make_unique<Instance>(m_users, m_redis->url(), grace);
        Instance b(m_users, m_redis->url(), grace);
        QVERIFY(a->port && b.port);
        Stream watcher(b.port, Bob);
        QVERIFY(watcher.waitForHead());
        const auto aliceStatuses = [&] {
            QStringList out;
            for (const auto &e : watcher.eventsOfType("presence")) {
                const QJsonObject p = QJsonDocument::fromJson(e.data).object();
                if (p.value(u"user").toString() == u"alice")
                    out << p.value(u"status").toString();
            }
            return out;
        };
        auto onA = std::make_unique<Stream>(a->port, Alice);
        QVERIFY(onA->waitForHead());
        QTRY_COMPARE(aliceStatuses(), QStringList{ QStringLiteral("online") });
        Stream onB(b.port, Alice); // a second stream elsewhere: no second "online"
        QVERIFY(onB.waitForHead());
        onA->close(); // one left on b: still online after the grace
        QTest::qWait(800); // longer than the grace, to see that nothing comes
        QCOMPARE(aliceStatuses(), QStringList{ QStringLiteral("online") });
        // The list, through the instance that no longer holds a stream of hers.
        const auto listed = [&](quint16 port) {
            const auto snapshot = TestClient::request(port, "GET", "/api/v1/presence/", Bob).json();
            for (const auto &entry : snapshot.value(u"users").toArray()) {
                if (entry.toObject().value(u"user").toString() == u"alice")
                    return entry.toObject().value(u"status").toString();
            }
            return QStringLiteral("absent");
        };
        QCOMPARE(listed(a->port), QStringLiteral("online"));
        QCOMPARE(listed(b.port), QStringLiteral("online"));
        // Away, chosen through one instance, seen through the other.
        QCOMPARE(TestClient::request(a->port, "PUT", "/api/v1/presence/", Alice, R"({"status":"away"})").status / 100,
                 2);
        QTRY_COMPARE(aliceStatuses(), (QStringList{ QStringLiteral("online"), QStringLiteral("away") }));
        QCOMPARE(listed(b.port), QStringLiteral("away"));
        onB.close();
        QTRY_COMPARE_WITH_TIMEOUT(
            aliceStatuses(),
            (QStringList{ QStringLiteral("online"), QStringLiteral("away"), QStringLiteral("offline") }), 5000);
        // An instance that dies with alice's only stream: offline once its lease expired and the grace passed.
        Stream again(a->port, Alice);
        QVERIFY(again.waitForHead());
        QTRY_COMPARE(aliceStatuses().size(), 4);
        a->kill9();
        QTRY_COMPARE_WITH_TIMEOUT(aliceStatuses().size(), 5, 10000);
        QCOMPARE(aliceStatuses().last(), QStringLiteral("offline"));
    }

    // alice on one instance and bob on another press Claim at the same
    // moment, fifty times: one wins each, everybody's streams say who, and
    // the claims outlive an instance killed with -9. Errors nobody claims are
    // escalated once in the deployment, though every instance looks.
    void claimsAcrossInstancesHaveOneWinnerAndEscalateOnce()
    {
        const QStringList escalate{ QStringLiteral("--escalate-after"), QStringLiteral("1") };
        auto a = std::make_unique<Instance>(m_users, m_redis->url(), escalate);
        Instance b(m_users, m_redis->url(), escalate);
        QVERIFY(a->port && b.port);
        Stream aliceOnA(a->port, Alice), bobOnB(b.port, Bob);
        QVERIFY(aliceOnA.waitForHead() && bobOnB.waitForHead());
        constexpr int Pairs = 50;
        QJsonArray events;
        for (int i = 0; i < Pairs; ++i) {
            events.append(
                QJsonObject{ { QStringLiteral("event"), QStringLiteral("notification") },
                             { QStringLiteral("user"), QStringLiteral("@support") },
                             { QStringLiteral("data"),
                               QJsonObject{ { QStringLiteral("notification_id"), QStringLiteral("c%1").arg(i) },
                                            { QStringLiteral("title"), QStringLiteral("Claim me %1").arg(i) },
                                            { QStringLiteral("level"), QStringLiteral("warning") } } } });
        }
        const QByteArray body = QJsonDocument(QJsonObject{ { QStringLiteral("events"), events } }).toJson();
        QCOMPARE(TestClient::request(a->port, "POST", "/api/v1/events/", Ops, body).status, 201);

        std::vector<std::unique_ptr<TestClient::Connection>> viaA, viaB;
        for (int i = 0; i < Pairs; ++i) {
            viaA.push_back(std::make_unique<TestClient::Connection>(a->port));
            viaB.push_back(std::make_unique<TestClient::Connection>(b.port));
        }
        const auto claimRequest = [](int i, const QByteArray &token) -> QByteArray {
            return "POST /api/v1/notifications/c" + QByteArray::number(i)
                + "/claim/ HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                  "Authorization: Bearer "
                + token + "\r\nContent-Length: 0\r\n\r\n";
        };
        for (int i = 0; i < Pairs; ++i) {
            viaA[i]->send(claimRequest(i, Alice));
            viaB[i]->send(claimRequest(i, Bob));
        }
        QMap<QString, QString> winners;
        int aliceWon = 0;
        for (int i = 0; i < Pairs; ++i) {
            const auto ra = viaA[i]->read();
            const auto rb = viaB[i]->read();
            QVERIFY2((ra.status == 200 && rb.status == 409) || (ra.status == 409 && rb.status == 200),
                     qPrintable(QStringLiteral("pair %1: %2 and %3").arg(i).arg(ra.status).arg(rb.status)));
            const QString winner = ra.status == 200 ? QStringLiteral("alice") : QStringLiteral("bob");
            QCOMPARE((ra.status == 409 ? ra : rb).json().value(u"claimed_by").toString(), winner);
            winners.insert(QStringLiteral("c%1").arg(i), winner);
            aliceWon += ra.status == 200;
        }
        qInfo() << "alice (instance A) won" << aliceWon << "of" << Pairs;
        // Each stream, on either instance, hears of each claim once, naming the winner.
        for (const Stream *stream : { &aliceOnA, &bobOnB }) {
            QTRY_COMPARE_WITH_TIMEOUT(stream->eventsOfType("notification_claimed").size(), qsizetype(Pairs), 10000);
            for (const auto &event : stream->eventsOfType("notification_claimed")) {
                const QJsonObject data = QJsonDocument::fromJson(event.data).object();
                QCOMPARE(data.value(u"claimed_by").toString(),
                         winners.value(data.value(u"notification_id").toString()));
            }
        }

        // Three errors nobody claims: escalated once each, by one of the two.
        const auto publishError = [&b](const QString &id) {
            const QJsonObject one{ { QStringLiteral("event"), QStringLiteral("notification") },
                                   { QStringLiteral("user"), QStringLiteral("@support") },
                                   { QStringLiteral("data"),
                                     QJsonObject{ { QStringLiteral("notification_id"), id },
                                                  { QStringLiteral("title"), id },
                                                  { QStringLiteral("level"), QStringLiteral("error") } } } };
            return TestClient::request(b.port, "POST", "/api/v1/events/", Ops, QJsonDocument(one).toJson()).status;
        };
        for (const char *id : { "e1", "e2", "e3" })
            QCOMPARE(publishError(QString::fromLatin1(id)), 201);
        QTRY_COMPARE_WITH_TIMEOUT(bobOnB.eventsOfType("notification_escalated").size(), 3, 10000);
        // One more, later: once it is escalated, both instances have looked again
        // since the first three were due, and none of those came twice.
        QCOMPARE(publishError(QStringLiteral("e4")), 201);
        QTRY_COMPARE_WITH_TIMEOUT(aliceOnA.eventsOfType("notification_escalated").size(), 4, 10000);
        QCOMPARE(bobOnB.eventsOfType("notification_escalated").size(), 4);
        const auto escalations = [](quint16 port) {
            const QByteArray metrics = TestClient::request(port, "GET", "/metrics", Ops).body;
            const QRegularExpression line(QStringLiteral("notify_escalations_total (\\d+)"));
            return line.match(QString::fromUtf8(metrics)).captured(1).toInt();
        };
        QCOMPARE(escalations(a->port) + escalations(b.port), 4);

        // Instance A dies with -9 and comes back: every claim is still there.
        a->kill9();
        a = std::make_unique<Instance>(m_users, m_redis->url());
        QVERIFY(a->port);
        const auto listed = TestClient::request(a->port, "GET", "/api/v1/notifications/?limit=1000", Alice).json();
        int claimed = 0;
        for (const QJsonValue item : listed.value(u"notifications").toArray()) {
            const QJsonObject n = item.toObject();
            if (!winners.contains(n.value(u"notification_id").toString()))
                continue;
            QCOMPARE(n.value(u"claimed_by").toString(), winners.value(n.value(u"notification_id").toString()));
            ++claimed;
        }
        QCOMPARE(claimed, Pairs);
        // Whoever lost c0 still cannot take it.
        const QByteArray loser = winners.value(QStringLiteral("c0")) == u"alice" ? Bob : Alice;
        const auto again = TestClient::request(a->port, "POST", "/api/v1/notifications/c0/claim/", loser);
        QCOMPARE(again.status, 409);
        QCOMPARE(again.json().value(u"claimed_by").toString(), winners.value(QStringLiteral("c0")));
    }
};

QTEST_GUILESS_MAIN(tst_Cluster)
#include "tst_cluster.moc"
