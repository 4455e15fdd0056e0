// SPDX-License-Identifier: MIT
// The server in-process, on an ephemeral port, through real sockets.

#include "eventstore.h"
#include "faultinjector.h"
#include "notifyserver.h"
#include "testclient.h"

#include <QJsonArray>
#include <QProcess>
#include <QSignalSpy>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Notify::Server;
using TestClient::Stream;

namespace {

const QByteArray Alice = "alice-token-0001";
const QByteArray Bob = "bob-token-0002";
const QByteArray Admin = "admin-token-0003";
const QByteArray StreamPath = "/api/v1/notifications/sse/stream/";

class Fixture
{
public:
    explicit Fixture(std::function<void(ServerConfig &)> adjust = {}, const QString &dataDir = {})
    {
        QFile users(m_dir.filePath(QStringLiteral("users.json")));
        users.open(QIODevice::WriteOnly);
        users.write(R"({"users":[
            {"name":"alice","display_name":"Alice","token":"alice-token-0001"},
            {"name":"bob","display_name":"Bob","token":"bob-token-0002"},
            {"name":"admin","display_name":"Admin","token":"admin-token-0003","admin":true}]})");
        users.close();
        config.port = 0;
        config.usersFile = users.fileName();
        config.threads = 2;
        // The same suite runs a second time against the benchmark baseline I/O.
        config.qtSockets = qEnvironmentVariable("NOTIFY_TEST_IO") == u"qt";
        if (dataDir.isEmpty())
            config.inMemory = true;
        else
            config.dataDir = dataDir;
        if (adjust)
            adjust(config);
    }

    bool start()
    {
        server = std::make_unique<NotifyServer>(config);
        QString error;
        const bool ok = server->start(&error);
        if (!ok)
            qWarning() << "server did not start:" << error;
        port = server->port();
        return ok;
    }

    QByteArray publish(const QByteArray &type, const QJsonObject &data, const QStringList &audience = {})
    {
        return server->publish(type, data, audience).value_or(QByteArray());
    }

    QByteArray notification(const QString &id, const QStringList &audience = {})
    {
        return publish("notification",
                       QJsonObject{ { QStringLiteral("notification_id"), id },
                                    { QStringLiteral("title"), QString(QStringLiteral("Title ") + id) },
                                    { QStringLiteral("created_at"), QStringLiteral("2026-11-28T10:00:00Z") } },
                       audience);
    }

    ServerConfig config;
    std::unique_ptr<NotifyServer> server;
    quint16 port = 0;

private:
    QTemporaryDir m_dir;
};

} // namespace

class tst_NotifyServer final : public QObject
{
    Q_OBJECT

private slots:
    void healthzNeedsNoToken();
    void authentication_data();
    void authentication();
    void streamHeadersAndFirstBytes();
    void liveEventsReachTheStream();
    void replayAfterLastEventId();
    void replayWithLivePublishingHasNoGapNoDuplicate();
    void queryParameterResumes();
    void resetReasons_data();
    void resetReasons();
    void resetWhenExpired();
    void heartbeatWhenIdle();
    void streamTimesOut();
    void streamLimitReject();
    void streamLimitEvictOldest();
    void slowConsumerIsClosed();
    void usersSeeOnlyTheirEvents();
    void eventsEndpoint();
    void notificationsAndReads();
    void ordersSnapshot();
    void presenceFollowsStreams();
    void messages();
    void publishValidation_data();
    void publishValidation();
    void persistenceAcrossRestart();
    void badInput_data();
    void badInput();
    void requestDeadline();
    void idleKeepAliveClosed();
    void pipelinedRequests();
    void corsPreflight();
    void metrics();
    void faultDropStreams();
    void faultFailStreams_data();
    void faultFailStreams();
    void faultStallStreams();
    void faultGarbage();
    void faultDelay();
    void faultValidation();
    void tls();
};

void tst_NotifyServer::healthzNeedsNoToken()
{
    Fixture f;
    QVERIFY(f.start());
    const auto r = TestClient::request(f.port, "GET", "/healthz");
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(u"status").toString(), QStringLiteral("ok"));
}

void tst_NotifyServer::authentication_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<QByteArray>("token");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addRow("no-token") << QByteArray("GET") << QByteArray("/api/v1/orders/") << QByteArray() << QByteArray()
                              << 401;
    QTest::addRow("bad-token") << QByteArray("GET") << QByteArray("/api/v1/orders/") << QByteArray("nope-nope-nope")
                               << QByteArray() << 401;
    QTest::addRow("prefix-of-token") << QByteArray("GET") << QByteArray("/api/v1/orders/")
                                     << QByteArray("alice-token-000") << QByteArray() << 401;
    QTest::addRow("header-token") << QByteArray("GET") << QByteArray("/api/v1/orders/") << Alice << QByteArray() << 200;
    QTest::addRow("query-token") << QByteArray("GET") << QByteArray("/api/v1/orders/?token=alice-token-0001")
                                 << QByteArray() << QByteArray() << 200;
    QTest::addRow("stream-no-token") << QByteArray("GET") << StreamPath << QByteArray() << QByteArray() << 401;
    QTest::addRow("user-publishes") << QByteArray("POST") << QByteArray("/api/v1/events/") << Alice
                                    << QByteArray(R"({"event":"x","data":{}})") << 403;
    QTest::addRow("admin-publishes") << QByteArray("POST") << QByteArray("/api/v1/events/") << Admin
                                     << QByteArray(R"({"event":"x","data":{}})") << 201;
    QTest::addRow("user-metrics") << QByteArray("GET") << QByteArray("/metrics") << Alice << QByteArray() << 403;
    QTest::addRow("admin-metrics") << QByteArray("GET") << QByteArray("/metrics") << Admin << QByteArray() << 200;
}

void tst_NotifyServer::authentication()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, target);
    QFETCH(QByteArray, token);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    Fixture f;
    QVERIFY(f.start());
    const auto r = TestClient::request(f.port, method, target, token, body.isEmpty() ? QByteArray() : body);
    QCOMPARE(r.status, status);
    if (status == 401) {
        QCOMPARE(r.header("WWW-Authenticate"), QByteArray("Bearer"));
        QVERIFY(!r.json().value(u"error").toString().isEmpty());
    }
    QVERIFY(!r.body.contains(Alice));
    QVERIFY(!r.body.contains(Admin));
}

void tst_NotifyServer::streamHeadersAndFirstBytes()
{
    Fixture f([](ServerConfig &c) { c.retryMs = 4321; });
    QVERIFY(f.start());
    Stream s(f.port, Alice);
    QVERIFY(s.waitForHead());
    QCOMPARE(s.head.status, 200);
    QCOMPARE(s.head.header("Content-Type"), QByteArray("text/event-stream; charset=utf-8"));
    QCOMPARE(s.head.header("Cache-Control"), QByteArray("no-cache"));
    QCOMPARE(s.head.header("X-Accel-Buffering"), QByteArray("no"));
    QCOMPARE(s.head.header("Connection"), QByteArray("close"));
    QVERIFY(s.head.header("Content-Length").isNull());
    QTRY_VERIFY(s.rawBody.startsWith("retry: 4321\n: connected\n\n"));
    // The user's own presence comes next, live.
    QVERIFY(s.waitForEvents(1));
    QCOMPARE(s.events.first().type, QByteArray("presence"));
    QCOMPARE(QJsonDocument::fromJson(s.events.first().data).object().value(u"status").toString(),
             QStringLiteral("online"));
}

void tst_NotifyServer::liveEventsReachTheStream()
{
    Fixture f;
    QVERIFY(f.start());
    Stream s(f.port, Alice);
    QVERIFY(s.waitForEvents(1)); // presence
    const QByteArray id = f.notification(QStringLiteral("n1"));
    QVERIFY(s.waitForEvents(2));
    QCOMPARE(s.events.last().id, id);
    QCOMPARE(s.events.last().type, QByteArray("notification"));
    QCOMPARE(QJsonDocument::fromJson(s.events.last().data).object().value(u"notification_id").toString(),
             QStringLiteral("n1"));
}

void tst_NotifyServer::replayAfterLastEventId()
{
    Fixture f;
    QVERIFY(f.start());
    QByteArrayList ids;
    for (int i = 0; i < 1200; ++i) // more than one replay page
        ids << f.notification(QString::number(i));
    Stream s(f.port, Alice, { { "Last-Event-ID", ids.at(99) } });
    QVERIFY(s.waitForEvents(1100 + 1));
    QCOMPARE(s.ids().mid(0, 1100), ids.mid(100));
    QCOMPARE(s.events.at(1100).type, QByteArray("presence")); // own presence after the replay
}

void tst_NotifyServer::replayWithLivePublishingHasNoGapNoDuplicate()
{
    Fixture f;
    QVERIFY(f.start());
    QByteArrayList ids;
    for (int i = 0; i < 1500; ++i)
        ids << f.notification(QString::number(i));
    Stream s(f.port, Alice, { { "Last-Event-ID", ids.first() } });
    // Keep publishing while the replay runs, from the same event loop the
    // server uses: each round lets the server make progress.
    for (int i = 0; i < 300; ++i) {
        ids << f.notification(QStringLiteral("live-%1").arg(i));
        QCoreApplication::processEvents();
    }
    QByteArrayList expected = ids.mid(1);
    QVERIFY(QTest::qWaitFor([&] { return s.eventsOfType("notification").size() >= expected.size(); }, 20000));
    QByteArrayList got;
    for (const auto &e : s.eventsOfType("notification"))
        got << e.id;
    QCOMPARE(got, expected);
}

void tst_NotifyServer::queryParameterResumes()
{
    Fixture f;
    QVERIFY(f.start());
    const QByteArray first = f.notification(QStringLiteral("a"));
    const QByteArray second = f.notification(QStringLiteral("b"));
    Stream s(f.port, Alice, {}, StreamPath + "?last_event_id=" + first);
    QVERIFY(s.waitForEvents(1));
    QCOMPARE(s.events.first().id, second);

    // The header wins, even when it is malformed.
    Stream t(f.port, Alice, { { "Last-Event-ID", "garbage" } }, StreamPath + "?last_event_id=" + first);
    QVERIFY(t.waitForEvents(1));
    QCOMPARE(t.events.first().type, QByteArray("reset"));

    // An empty header counts as absent: the query parameter applies.
    Stream u(f.port, Alice, { { "Last-Event-ID", "" } }, StreamPath + "?last_event_id=" + first);
    QVERIFY(u.waitForEvents(1));
    QCOMPARE(u.events.first().id, second);
}

void tst_NotifyServer::resetReasons_data()
{
    QTest::addColumn<QByteArray>("lastEventId"); // "%h" is replaced by this store's epoch
    QTest::addColumn<QString>("reason");
    QTest::addRow("malformed") << QByteArray("not-an-id") << QStringLiteral("invalid_id");
    QTest::addRow("uppercase-epoch") << QByteArray("ABCDEF01-1") << QStringLiteral("invalid_id");
    QTest::addRow("beyond-head") << QByteArray("%h-999") << QStringLiteral("invalid_id");
    QTest::addRow("other-epoch") << QByteArray("%o-1") << QStringLiteral("unknown_epoch");
}

void tst_NotifyServer::resetReasons()
{
    QFETCH(QByteArray, lastEventId);
    QFETCH(QString, reason);
    Fixture f;
    QVERIFY(f.start());
    f.notification(QStringLiteral("a"));
    const QByteArray head = f.notification(QStringLiteral("b"));
    const QByteArray epoch = head.left(8);
    const QByteArray other = QByteArray::number(epoch.toUInt(nullptr, 16) ^ 1, 16).rightJustified(8, '0');
    lastEventId.replace("%h", epoch).replace("%o", other);

    Stream s(f.port, Alice, { { "Last-Event-ID", lastEventId } });
    QVERIFY(s.waitForEvents(2));
    const auto &reset = s.events.first();
    QCOMPARE(reset.type, QByteArray("reset"));
    QCOMPARE(reset.id, head);
    const QJsonObject data = QJsonDocument::fromJson(reset.data).object();
    QCOMPARE(data.value(u"reason").toString(), reason);
    QCOMPARE(data.value(u"last_event_id").toString(), QString::fromLatin1(head));
    QCOMPARE(s.events.at(1).type, QByteArray("presence")); // then live, own presence first
    // Live events keep coming after a reset.
    const QByteArray next = f.notification(QStringLiteral("c"));
    QVERIFY(s.waitForEvents(3));
    QCOMPARE(s.events.at(2).id, next);
}

void tst_NotifyServer::resetWhenExpired()
{
    Fixture f([](ServerConfig &c) { c.retainEvents = 10; });
    QVERIFY(f.start());
    QByteArrayList ids;
    for (int i = 0; i < 30; ++i)
        ids << f.notification(QString::number(i));
    f.server->store().enforceRetention(10, 0, 0);
    Stream s(f.port, Alice, { { "Last-Event-ID", ids.at(5) } });
    QVERIFY(s.waitForEvents(1));
    QCOMPARE(s.events.first().type, QByteArray("reset"));
    QCOMPARE(QJsonDocument::fromJson(s.events.first().data).object().value(u"reason").toString(),
             QStringLiteral("expired"));
    // Resuming from the newest dropped id still works: nothing after it is gone.
    Stream t(f.port, Alice, { { "Last-Event-ID", ids.at(19) } });
    QVERIFY(t.waitForEvents(10));
    QCOMPARE(t.ids().mid(0, 10), ids.mid(20));
}

void tst_NotifyServer::heartbeatWhenIdle()
{
    Fixture f([](ServerConfig &c) { c.heartbeatMs = 150; });
    QVERIFY(f.start());
    Stream s(f.port, Alice);
    QVERIFY(s.waitForHead());
    QVERIFY(QTest::qWaitFor([&] { return s.comments.size() >= 3; }, 10000));
    QCOMPARE(s.comments.first(), QByteArray(" connected"));
    const QByteArray beat = s.comments.at(1);
    QVERIFY2(beat.startsWith(" heartbeat "), beat.constData());
    const qint64 ms = beat.mid(11).toLongLong();
    QVERIFY(qAbs(ms - QDateTime::currentMSecsSinceEpoch()) < 60'000);
}

void tst_NotifyServer::streamTimesOut()
{
    Fixture f([](ServerConfig &c) { c.timeoutMs = 300; });
    QVERIFY(f.start());
    Stream s(f.port, Alice);
    QVERIFY(s.waitForHead());
    QVERIFY(s.waitForClose());
    QTRY_COMPARE(f.server->openStreams(), 0);
}

void tst_NotifyServer::streamLimitReject()
{
    Fixture f([](ServerConfig &c) {
        c.maxStreamsPerUser = 5;
        c.retryMs = 2500;
    });
    QVERIFY(f.start());
    std::vector<std::unique_ptr<Stream>> streams;
    for (int i = 0; i < 5; ++i) {
        streams.push_back(std::make_unique<Stream>(f.port, Alice));
        QVERIFY(streams.back()->waitForHead());
        QCOMPARE(streams.back()->head.status, 200);
    }
    QTRY_COMPARE(f.server->openStreams(), 5);
    Stream sixth(f.port, Alice);
    QVERIFY(sixth.waitForHead());
    QCOMPARE(sixth.head.status, 429);
    QCOMPARE(sixth.head.header("Retry-After"), QByteArray("3"));
    QCOMPARE(sixth.head.json().value(u"error").toString(), QStringLiteral("too_many_streams"));
    // Another user is not affected.
    Stream bob(f.port, Bob);
    QVERIFY(bob.waitForHead());
    QCOMPARE(bob.head.status, 200);
    // Closing one makes room again.
    streams.front()->close();
    QTRY_COMPARE(f.server->openStreams(), 5);
    Stream again(f.port, Alice);
    QVERIFY(again.waitForHead());
    QCOMPARE(again.head.status, 200);
}

void tst_NotifyServer::streamLimitEvictOldest()
{
    Fixture f([](ServerConfig &c) {
        c.maxStreamsPerUser = 2;
        c.streamLimitPolicy = ServerConfig::StreamLimitPolicy::EvictOldest;
    });
    QVERIFY(f.start());
    Stream first(f.port, Alice);
    QVERIFY(first.waitForHead());
    Stream second(f.port, Alice);
    QVERIFY(second.waitForHead());
    Stream third(f.port, Alice);
    QVERIFY(third.waitForHead());
    QCOMPARE(third.head.status, 200);
    QVERIFY(first.waitForClose());
    QVERIFY(!second.closed());
    QTRY_COMPARE(f.server->openStreams(), 2);
}

void tst_NotifyServer::slowConsumerIsClosed()
{
    Fixture f([](ServerConfig &c) { c.maxBufferedBytes = 256 * 1024; });
    QVERIFY(f.start());
    // A client that never reads: a raw socket with a tiny receive buffer.
    QTcpSocket lazy;
    lazy.setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, 4096);
    lazy.connectToHost(QHostAddress::LocalHost, f.port);
    QVERIFY(lazy.waitForConnected());
    lazy.setReadBufferSize(1); // Qt stops reading from the kernel, so the window closes
    lazy.write("GET " + StreamPath + " HTTP/1.1\r\nAuthorization: Bearer " + Alice + "\r\n\r\n");
    QTRY_COMPARE(f.server->openStreams(), 1);
    const QString big(16 * 1024, u'x');
    int published = 0;
    QVERIFY(QTest::qWaitFor(
        [&] {
            f.publish("notification",
                      QJsonObject{ { QStringLiteral("notification_id"), QString::number(published++) },
                                   { QStringLiteral("title"), big },
                                   { QStringLiteral("created_at"), QStringLiteral("2026-11-28T10:00:00Z") } });
            return f.server->openStreams() == 0;
        },
        20000));
    const QByteArray metrics = f.server->metricsText();
    QVERIFY(metrics.contains("notify_slow_consumers_closed_total 1\n"));
    QVERIFY(metrics.contains("notify_buffered_bytes 0\n")); // nothing held for a closed stream
    QVERIFY(published < 10000);
}

void tst_NotifyServer::usersSeeOnlyTheirEvents()
{
    Fixture f;
    QVERIFY(f.start());
    Stream alice(f.port, Alice);
    Stream bob(f.port, Bob);
    QVERIFY(alice.waitForHead());
    QVERIFY(bob.waitForHead());
    const QByteArray forAlice = f.notification(QStringLiteral("private"), { QStringLiteral("alice") });
    const QByteArray forAll = f.notification(QStringLiteral("public"));
    QVERIFY(alice.waitForEvents(1));
    QTRY_VERIFY(alice.ids().contains(forAll));
    QTRY_VERIFY(bob.ids().contains(forAll));
    QVERIFY(alice.ids().contains(forAlice));
    QVERIFY(!bob.ids().contains(forAlice));
    // Nor in a replay, nor in the polling endpoint.
    const auto polled = TestClient::request(f.port, "GET", "/api/v1/events/", Bob);
    for (const QJsonValue &e : polled.json().value(u"events").toArray())
        QVERIFY(e.toObject().value(u"id").toString().toLatin1() != forAlice);
}

void tst_NotifyServer::eventsEndpoint()
{
    Fixture f;
    QVERIFY(f.start());
    QByteArrayList ids;
    for (int i = 0; i < 5; ++i)
        ids << f.notification(QString::number(i));
    auto r = TestClient::request(f.port, "GET", "/api/v1/events/?since=" + ids.at(1) + "&limit=2", Alice);
    QCOMPARE(r.status, 200);
    QJsonArray events = r.json().value(u"events").toArray();
    QCOMPARE(events.size(), 2);
    QCOMPARE(events.at(0).toObject().value(u"id").toString().toLatin1(), ids.at(2));
    QCOMPARE(events.at(0).toObject().value(u"event").toString(), QStringLiteral("notification"));
    QVERIFY(events.at(0).toObject().value(u"data").isObject());
    QCOMPARE(r.json().value(u"last_event_id").toString().toLatin1(), ids.at(3));
    QCOMPARE(r.json().value(u"reset").toBool(true), false);

    r = TestClient::request(f.port, "GET", "/api/v1/events/", Alice); // from the oldest
    QCOMPARE(r.json().value(u"events").toArray().size(), 5);
    QCOMPARE(r.json().value(u"last_event_id").toString().toLatin1(), ids.last());

    r = TestClient::request(f.port, "GET", "/api/v1/events/?since=ffffffff-1", Alice);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(u"reset").toBool(), true);
    QCOMPARE(r.json().value(u"events").toArray().size(), 0);
    QCOMPARE(r.json().value(u"last_event_id").toString().toLatin1(), ids.last());

    r = TestClient::request(f.port, "GET", "/api/v1/events/?limit=5000", Alice);
    QCOMPARE(r.status, 200);
    for (const char *bad : { "0", "-1", "abc", "1.5", "" }) {
        r = TestClient::request(f.port, "GET", "/api/v1/events/?limit=" + QByteArray(bad), Alice);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.json().value(u"field").toString(), QStringLiteral("limit"));
    }
}

void tst_NotifyServer::notificationsAndReads()
{
    Fixture f;
    QVERIFY(f.start());
    f.notification(QStringLiteral("n1"), { QStringLiteral("alice") });
    f.notification(QStringLiteral("n2"));
    f.notification(QStringLiteral("n3"), { QStringLiteral("bob") });
    auto r = TestClient::request(f.port, "GET", "/api/v1/notifications/", Alice);
    QJsonArray list = r.json().value(u"notifications").toArray();
    QCOMPARE(list.size(), 2);
    QCOMPARE(list.at(0).toObject().value(u"notification_id").toString(), QStringLiteral("n2")); // newest first
    QCOMPARE(list.at(0).toObject().value(u"read").toBool(true), false);
    QVERIFY(!list.at(0).toObject().value(u"event_id").toString().isEmpty());

    Stream other(f.port, Alice); // another device of Alice's
    QVERIFY(other.waitForEvents(1));
    r = TestClient::request(f.port, "POST", "/api/v1/notifications/n1/read/", Alice, "");
    QCOMPARE(r.status, 204);
    QTRY_COMPARE(other.eventsOfType("notification_read").size(), 1);
    QCOMPARE(QJsonDocument::fromJson(other.eventsOfType("notification_read").first().data)
                 .object()
                 .value(u"notification_ids")
                 .toArray(),
             QJsonArray{ QStringLiteral("n1") });

    // Bob may not read Alice's notification, and cannot tell it exists.
    r = TestClient::request(f.port, "POST", "/api/v1/notifications/n1/read/", Bob, "");
    QCOMPARE(r.status, 404);
    QCOMPARE(TestClient::request(f.port, "POST", "/api/v1/notifications/zzz/read/", Bob, "").status, 404);

    r = TestClient::request(f.port, "GET", "/api/v1/notifications/?unread=1", Alice);
    QCOMPARE(r.json().value(u"notifications").toArray().size(), 1);
    r = TestClient::request(f.port, "POST", "/api/v1/notifications/read-all/", Alice, "");
    QCOMPARE(r.status, 204);
    QTRY_COMPARE(other.eventsOfType("notification_read").size(), 2);
    QCOMPARE(QJsonDocument::fromJson(other.eventsOfType("notification_read").last().data)
                 .object()
                 .value(u"notification_ids")
                 .toArray(),
             QJsonArray{ QStringLiteral("n2") });
    r = TestClient::request(f.port, "GET", "/api/v1/notifications/?unread=1", Alice);
    QCOMPARE(r.json().value(u"notifications").toArray().size(), 0);
    // Bob's copy of the broadcast is still unread.
    r = TestClient::request(f.port, "GET", "/api/v1/notifications/?unread=1", Bob);
    QCOMPARE(r.json().value(u"notifications").toArray().size(), 2);
}

void tst_NotifyServer::ordersSnapshot()
{
    Fixture f;
    QVERIFY(f.start());
    const auto order = [&](const char *id, const char *status, const QStringList &audience) {
        f.publish("order_status",
                  QJsonObject{ { QStringLiteral("order_id"), QString::fromLatin1(id) },
                               { QStringLiteral("status"), QString::fromLatin1(status) },
                               { QStringLiteral("updated_at"), QStringLiteral("2026-11-28T10:00:00Z") } },
                  audience);
    };
    order("A-1", "pending", { QStringLiteral("alice") });
    order("A-1", "shipped", { QStringLiteral("alice") });
    order("B-1", "confirmed", { QStringLiteral("bob") });
    order("C-1", "delivered", {});
    const auto r = TestClient::request(f.port, "GET", "/api/v1/orders/", Alice);
    const QJsonArray orders = r.json().value(u"orders").toArray();
    QCOMPARE(orders.size(), 2);
    QStringList seen;
    for (const QJsonValue &o : orders)
        seen << o.toObject().value(u"order_id").toString() + u'=' + o.toObject().value(u"status").toString();
    seen.sort();
    QCOMPARE(seen, (QStringList{ QStringLiteral("A-1=shipped"), QStringLiteral("C-1=delivered") }));
}

void tst_NotifyServer::presenceFollowsStreams()
{
    Fixture f([](ServerConfig &c) { c.presenceGraceMs = 200; });
    QVERIFY(f.start());
    const auto statusOf = [&](const char *user) {
        const auto r = TestClient::request(f.port, "GET", "/api/v1/presence/", Bob);
        for (const QJsonValue &u : r.json().value(u"users").toArray()) {
            if (u.toObject().value(u"user").toString() == QLatin1StringView(user))
                return u.toObject().value(u"status").toString();
        }
        return QString();
    };
    QCOMPARE(statusOf("alice"), QStringLiteral("offline"));
    Stream watcher(f.port, Bob);
    QVERIFY(watcher.waitForEvents(1));
    {
        Stream alice(f.port, Alice);
        QVERIFY(alice.waitForHead());
        QTRY_COMPARE(statusOf("alice"), QStringLiteral("online"));
        QCOMPARE(TestClient::request(f.port, "PUT", "/api/v1/presence/", Alice, R"({"status":"away"})").status, 204);
        QCOMPARE(statusOf("alice"), QStringLiteral("away"));
        auto bad = TestClient::request(f.port, "PUT", "/api/v1/presence/", Alice, R"({"status":"offline"})");
        QCOMPARE(bad.status, 400);
        QCOMPARE(bad.json().value(u"field").toString(), QStringLiteral("status"));
        QCOMPARE(TestClient::request(f.port, "PUT", "/api/v1/presence/", Alice, R"({"status":"asleep"})").status, 400);
    }
    QTRY_COMPARE(statusOf("alice"), QStringLiteral("offline"));
    QStringList seen;
    for (const auto &e : watcher.eventsOfType("presence")) {
        const QJsonObject p = QJsonDocument::fromJson(e.data).object();
        if (p.value(u"user").toString() == u"alice")
            seen << p.value(u"status").toString();
    }
    QCOMPARE(seen, (QStringList{ QStringLiteral("online"), QStringLiteral("away"), QStringLiteral("offline") }));
}

void tst_NotifyServer::messages()
{
    Fixture f;
    QVERIFY(f.start());
    Stream alice(f.port, Alice);
    Stream bob(f.port, Bob);
    QVERIFY(alice.waitForHead());
    QVERIFY(bob.waitForHead());
    auto r = TestClient::request(f.port, "POST", "/api/v1/messages/", Alice, R"({"to":"bob","body":"Hi Bob"})");
    QCOMPARE(r.status, 201);
    const QString id = r.json().value(u"message_id").toString();
    QVERIFY(!id.isEmpty());
    QTRY_COMPARE(bob.eventsOfType("message").size(), 1);
    QTRY_COMPARE(alice.eventsOfType("message").size(), 1);
    const QJsonObject m = QJsonDocument::fromJson(bob.eventsOfType("message").first().data).object();
    QCOMPARE(m.value(u"message_id").toString(), id);
    QCOMPARE(m.value(u"from").toString(), QStringLiteral("alice"));
    QCOMPARE(m.value(u"to").toString(), QStringLiteral("bob"));
    QCOMPARE(m.value(u"body").toString(), QStringLiteral("Hi Bob"));
    QVERIFY(m.value(u"sent_at").toString().endsWith(u'Z'));

    r = TestClient::request(f.port, "POST", "/api/v1/messages/", Alice, R"({"to":"nobody","body":"x"})");
    QCOMPARE(r.status, 400);
    QCOMPARE(r.json().value(u"field").toString(), QStringLiteral("to"));
    r = TestClient::request(f.port, "POST", "/api/v1/messages/", Alice, R"({"to":"bob","body":7})");
    QCOMPARE(r.json().value(u"field").toString(), QStringLiteral("body"));
    r = TestClient::request(f.port, "POST", "/api/v1/messages/", Alice, R"({"to":"bob",)");
    QCOMPARE(r.status, 400);
    QCOMPARE(r.json().value(u"error").toString(), QStringLiteral("invalid_json"));
}

void tst_NotifyServer::publishValidation_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("field");
    const auto row = [](const char *name, const char *body, int status, const char *field) {
        QTest::addRow("%s", name) << QByteArray(body) << status << QString::fromLatin1(field);
    };
    row("notification", R"({"event":"notification","user":"alice","data":{"notification_id":"1","title":"t"}})", 201,
        "");
    row("no-title", R"({"event":"notification","data":{"notification_id":"1"}})", 400, "data.title");
    row("bad-level", R"({"event":"notification","data":{"notification_id":"1","title":"t","level":"loud"}})", 400,
        "data.level");
    row("bad-time", R"({"event":"notification","data":{"notification_id":"1","title":"t","created_at":"noon"}})", 400,
        "data.created_at");
    row("order", R"({"event":"order_status","data":{"order_id":"A","status":"refunded"}})", 201, "");
    row("bad-status", R"({"event":"order_status","data":{"order_id":"A","status":"lost"}})", 400, "data.status");
    row("custom-type", R"({"event":"invoice_paid","data":{"amount":12}})", 201, "");
    row("bad-type-name", R"({"event":"Invoice-Paid","data":{}})", 400, "event");
    row("reset", R"({"event":"reset","data":{"reason":"expired","last_event_id":"x"}})", 400, "event");
    row("unknown-user", R"({"event":"x","user":"zed","data":{}})", 400, "user");
    row("data-not-object", R"({"event":"x","data":[1]})", 400, "data");
    row("no-event", R"({"data":{}})", 400, "event");
    row("message", R"({"event":"message","data":{"message_id":"m","from":"alice","to":"bob","body":"hi"}})", 201, "");
    row("presence", R"({"event":"presence","data":{"user":"bob","status":"busy"}})", 201, "");
}

void tst_NotifyServer::publishValidation()
{
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, field);
    Fixture f;
    QVERIFY(f.start());
    const auto r = TestClient::request(f.port, "POST", "/api/v1/events/", Admin, body);
    QCOMPARE(r.status, status);
    if (status == 201) {
        QVERIFY(Notify::Protocol::EventId::parse(r.json().value(u"id").toString().toLatin1()).has_value());
        // Extra fields kept, missing timestamps filled in.
        const auto polled = TestClient::request(f.port, "GET", "/api/v1/events/", Alice); // in every audience here
        const QJsonObject data = polled.json().value(u"events").toArray().last().toObject().value(u"data").toObject();
        const QJsonObject sent = QJsonDocument::fromJson(body).object().value(u"data").toObject();
        for (auto it = sent.begin(); it != sent.end(); ++it)
            QCOMPARE(data.value(it.key()), it.value());
    } else {
        QCOMPARE(r.json().value(u"field").toString(), field);
    }
}

void tst_NotifyServer::persistenceAcrossRestart()
{
    QTemporaryDir dataDir;
    QByteArray firstId, lastId;
    QByteArrayList ids;
    {
        Fixture f({}, dataDir.path());
        QVERIFY(f.start());
        for (int i = 0; i < 20; ++i)
            ids << f.notification(QString::number(i), { QStringLiteral("alice") });
        QCOMPARE(TestClient::request(f.port, "POST", "/api/v1/notifications/3/read/", Alice, "").status, 204);
    }
    Fixture f({}, dataDir.path());
    QVERIFY(f.start());
    // Same epoch, same numbering: an id from before the restart resumes.
    Stream s(f.port, Alice, { { "Last-Event-ID", ids.at(9) } });
    QVERIFY(s.waitForEvents(10));
    QCOMPARE(s.ids().mid(0, 10), ids.mid(10));
    const auto r = TestClient::request(f.port, "GET", "/api/v1/notifications/?unread=1&limit=1000", Alice);
    QCOMPARE(r.json().value(u"notifications").toArray().size(), 19);
    const QByteArray next = f.notification(QStringLiteral("after"));
    QVERIFY(next.startsWith(ids.first().left(9)));
}

void tst_NotifyServer::badInput_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<int>("status");
    QTest::addRow("garbage") << QByteArray("\x16\x03\x01 hello\r\n\r\n") << 400;
    QTest::addRow("no-version") << QByteArray("GET /healthz\r\n\r\n") << 400;
    QTest::addRow("bad-header") << QByteArray("GET /healthz HTTP/1.1\r\nNo colon here\r\n\r\n") << 400;
    QTest::addRow("header-too-large") << QByteArray("GET /healthz HTTP/1.1\r\nX-Big: " + QByteArray(17000, 'a')
                                                    + "\r\n\r\n")
                                      << 431;
    QTest::addRow("body-too-large") << QByteArray("POST /api/v1/messages/ HTTP/1.1\r\nContent-Length: 2000000\r\n\r\n")
                                    << 413;
    QTest::addRow("unknown-path") << QByteArray("GET /nope HTTP/1.1\r\n\r\n") << 404;
    QTest::addRow("wrong-method") << QByteArray("DELETE /api/v1/orders/ HTTP/1.1\r\n\r\n") << 405;
    QTest::addRow("http-2") << QByteArray("GET /healthz HTTP/2.0\r\n\r\n") << 505;
}

void tst_NotifyServer::badInput()
{
    QFETCH(QByteArray, request);
    QFETCH(int, status);
    Fixture f;
    QVERIFY(f.start());
    TestClient::Connection c(f.port);
    QVERIFY(c.connected());
    c.send(request);
    const auto r = c.read();
    QCOMPARE(r.status, status);
    QVERIFY(!r.json().value(u"error").toString().isEmpty());
    if (status == 400 || status == 431 || status == 413 || status == 505)
        QVERIFY(c.waitForClose());
    // The server is fine afterwards.
    QCOMPARE(TestClient::request(f.port, "GET", "/healthz").status, 200);
}

void tst_NotifyServer::requestDeadline()
{
    Fixture f([](ServerConfig &c) { c.requestDeadlineMs = 300; });
    QVERIFY(f.start());
    TestClient::Connection c(f.port);
    c.send("GET /healthz HTTP/1.1\r\nHost: x\r\n"); // and never the blank line
    const auto r = c.read();
    QCOMPARE(r.status, 408);
    QVERIFY(c.waitForClose());
}

void tst_NotifyServer::idleKeepAliveClosed()
{
    Fixture f([](ServerConfig &c) { c.idleKeepAliveMs = 300; });
    QVERIFY(f.start());
    TestClient::Connection c(f.port);
    c.send("GET /healthz HTTP/1.1\r\n\r\n");
    QCOMPARE(c.read().status, 200);
    QVERIFY(c.waitForClose());
    QVERIFY(c.buffer().isEmpty()); // quietly: no 408
}

void tst_NotifyServer::pipelinedRequests()
{
    Fixture f;
    QVERIFY(f.start());
    TestClient::Connection c(f.port);
    c.send(
        "GET /healthz HTTP/1.1\r\n\r\nGET /nope HTTP/1.1\r\n\r\nGET /api/v1/orders/ HTTP/1.1\r\nAuthorization: Bearer "
        + Alice + "\r\n\r\n");
    QCOMPARE(c.read().status, 200);
    QCOMPARE(c.read().status, 404);
    QCOMPARE(c.read().status, 200);
}

void tst_NotifyServer::corsPreflight()
{
    Fixture f([](ServerConfig &c) { c.corsOrigin = QStringLiteral("https://app.example"); });
    QVERIFY(f.start());
    auto r = TestClient::request(f.port, "OPTIONS", StreamPath, {}, {},
                                 { { "Origin", "https://app.example" }, { "Access-Control-Request-Method", "GET" } });
    QCOMPARE(r.status, 204);
    QCOMPARE(r.header("Access-Control-Allow-Origin"), QByteArray("https://app.example"));
    QVERIFY(r.header("Access-Control-Allow-Headers").contains("Authorization"));
    r = TestClient::request(f.port, "GET", "/api/v1/orders/", Alice, {}, { { "Origin", "https://app.example" } });
    QCOMPARE(r.header("Access-Control-Allow-Origin"), QByteArray("https://app.example"));
    r = TestClient::request(f.port, "GET", "/api/v1/orders/", Alice, {}, { { "Origin", "https://evil.example" } });
    QVERIFY(r.header("Access-Control-Allow-Origin").isNull());
}

void tst_NotifyServer::metrics()
{
    Fixture f([](ServerConfig &c) { c.metricsPublic = true; });
    QVERIFY(f.start());
    Stream s(f.port, Alice);
    QVERIFY(s.waitForEvents(1));
    f.notification(QStringLiteral("m"));
    QVERIFY(s.waitForEvents(2));
    const auto r = TestClient::request(f.port, "GET", "/metrics");
    QCOMPARE(r.status, 200);
    QVERIFY(r.header("Content-Type").startsWith("text/plain"));
    QVERIFY(r.body.contains("# TYPE notify_streams_open gauge\nnotify_streams_open 1\n"));
    QVERIFY(r.body.contains("notify_events_published_total 2\n"));
}

namespace {
TestClient::Response fault(quint16 port, const QByteArray &body, const QByteArray &token = Admin)
{
    return TestClient::request(port, "POST", "/api/v1/dev/faults", token, body);
}
} // namespace

void tst_NotifyServer::faultDropStreams()
{
    Fixture f;
    QVERIFY(f.start());
    Stream a(f.port, Alice);
    Stream b(f.port, Bob);
    QVERIFY(a.waitForHead());
    QVERIFY(b.waitForHead());
    QCOMPARE(fault(f.port, R"({"action":"drop_streams"})").status, 200);
    QVERIFY(a.waitForClose());
    QVERIFY(b.waitForClose());
    QTRY_COMPARE(f.server->openStreams(), 0);
}

void tst_NotifyServer::faultFailStreams_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("retryAfter");
    QTest::addRow("503") << 503 << QByteArray("7");
    QTest::addRow("500") << 500 << QByteArray();
    QTest::addRow("429") << 429 << QByteArray("7");
    QTest::addRow("401") << 401 << QByteArray();
    QTest::addRow("204") << 204 << QByteArray();
}

void tst_NotifyServer::faultFailStreams()
{
    QFETCH(int, status);
    QFETCH(QByteArray, retryAfter);
    Fixture f;
    QVERIFY(f.start());
    QCOMPARE(
        fault(f.port,
              R"({"action":"fail_streams","count":2,"status":)" + QByteArray::number(status) + R"(,"retry_after":7})")
            .status,
        200);
    for (int i = 0; i < 2; ++i) {
        Stream s(f.port, Alice);
        QVERIFY(s.waitForHead());
        QCOMPARE(s.head.status, status);
        QCOMPARE(s.head.header("Retry-After"), retryAfter);
        if (status == 401)
            QCOMPARE(s.head.header("WWW-Authenticate"), QByteArray("Bearer"));
        if (status == 204)
            QVERIFY(s.head.body.isEmpty());
        else
            QCOMPARE(s.head.json().value(u"error").toString(), QStringLiteral("injected_fault"));
    }
    Stream ok(f.port, Alice);
    QVERIFY(ok.waitForHead());
    QCOMPARE(ok.head.status, 200);
}

void tst_NotifyServer::faultStallStreams()
{
    Fixture f([](ServerConfig &c) { c.heartbeatMs = 100; });
    QVERIFY(f.start());
    QCOMPARE(fault(f.port, R"({"action":"stall_streams","count":1})").status, 200);
    Stream stalled(f.port, Alice);
    QVERIFY(stalled.waitForHead());
    Stream healthy(f.port, Bob);
    QVERIFY(healthy.waitForHead());
    f.notification(QStringLiteral("n"));
    QVERIFY(QTest::qWaitFor(
        [&] { return healthy.comments.size() >= 4 && healthy.eventsOfType("notification").size() == 1; }, 10000));
    QCOMPARE(stalled.comments, QByteArrayList{ " connected" }); // nothing after the preamble
    QVERIFY(stalled.events.isEmpty());
    QVERIFY(!stalled.closed()); // but the socket stays open
}

void tst_NotifyServer::faultGarbage()
{
    Fixture f;
    QVERIFY(f.start());
    QCOMPARE(fault(f.port, R"({"action":"garbage"})").status, 200);
    Stream s(f.port, Alice);
    QVERIFY(s.waitForHead());
    QCOMPARE(s.head.status, 200);
    QVERIFY(s.waitForClose());
    QVERIFY(s.rawBody.size() >= 500);
    QVERIFY(s.events.isEmpty() || s.events.size() < 5);
}

void tst_NotifyServer::faultDelay()
{
    Fixture f;
    QVERIFY(f.start());
    QCOMPARE(fault(f.port, R"({"action":"delay","ms":400,"count":1})").status, 200);
    TestClient::Connection slow(f.port);
    slow.send("GET /healthz HTTP/1.1\r\n\r\n");
    QTRY_COMPARE(f.server->faults().delaysPending(), 0); // the slow one took the delay
    const auto fast = TestClient::request(f.port, "GET", "/healthz");
    QCOMPARE(fast.status, 200);
    QVERIFY(slow.buffer().isEmpty()); // answered later than the request sent after it
    QCOMPARE(slow.read().status, 200);
}

void tst_NotifyServer::faultValidation()
{
    Fixture f;
    QVERIFY(f.start());
    QCOMPARE(fault(f.port, R"({"action":"drop_streams"})", Alice).status, 403);
    auto r = fault(f.port, R"({"action":"explode"})");
    QCOMPARE(r.status, 400);
    QCOMPARE(r.json().value(u"field").toString(), QStringLiteral("action"));
    r = fault(f.port, R"({"action":"fail_streams","status":200})");
    QCOMPARE(r.json().value(u"field").toString(), QStringLiteral("status"));
    r = fault(f.port, R"({"action":"garbage","count":0})");
    QCOMPARE(r.json().value(u"field").toString(), QStringLiteral("count"));
    r = fault(f.port, R"({"action":"delay"})");
    QCOMPARE(r.json().value(u"field").toString(), QStringLiteral("ms"));
}

void tst_NotifyServer::tls()
{
    // A throwaway self-signed certificate, made with Debian's openssl.
    QTemporaryDir dir;
    const QString cert = dir.filePath(QStringLiteral("cert.pem"));
    const QString key = dir.filePath(QStringLiteral("key.pem"));
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"),
                  { QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                    QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-keyout"), key,
                    QStringLiteral("-out"), cert, QStringLiteral("-days"), QStringLiteral("1"), QStringLiteral("-subj"),
                    QStringLiteral("/CN=127.0.0.1"), QStringLiteral("-addext"),
                    QStringLiteral("subjectAltName=IP:127.0.0.1") });
    QVERIFY2(openssl.waitForFinished(30000) && openssl.exitCode() == 0, openssl.readAllStandardError().constData());
    Fixture f([&](ServerConfig &c) {
        c.tlsCertFile = cert;
        c.tlsKeyFile = key;
    });
    QVERIFY(f.start());

    QSslSocket socket;
    QSslConfiguration config = socket.sslConfiguration();
    config.setCaCertificates(QSslCertificate::fromPath(cert));
    socket.setSslConfiguration(config);
    QByteArray received;
    connect(&socket, &QSslSocket::readyRead, this, [&] { received += socket.readAll(); });
    socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), f.port);
    // Not waitForEncrypted(): the server's side of the handshake runs on this thread too.
    QVERIFY2(QTest::qWaitFor([&] { return socket.isEncrypted(); }, 10000), qPrintable(socket.errorString()));
    socket.write("GET /api/v1/notifications/sse/stream/ HTTP/1.1\r\nAuthorization: Bearer " + Alice + "\r\n\r\n");
    QVERIFY(QTest::qWaitFor([&] { return received.contains(": connected\n\n"); }, 10000));
    QVERIFY(received.startsWith("HTTP/1.1 200 OK\r\n"));
    const QByteArray id = f.notification(QStringLiteral("over-tls"));
    QVERIFY(
        QTest::qWaitFor([&] { return received.contains(QByteArray("id: " + id + "\nevent: notification\n")); }, 10000));

    // A plain-text request to the TLS port gets no answer and is closed.
    TestClient::Connection plain(f.port);
    plain.send("GET /healthz HTTP/1.1\r\n\r\n");
    QVERIFY(plain.waitForClose(15000));
    QVERIFY(!plain.buffer().startsWith("HTTP/1.1 200"));
}

QTEST_MAIN(tst_NotifyServer)
#include "tst_notifyserver.moc"
