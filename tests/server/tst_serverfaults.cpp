// SPDX-License-Identifier: MIT
// notify-server in-process, on an ephemeral port, through real sockets.
// Faults on demand (POST /api/v1/dev/faults/).

#include "hub/faultinjector.h"
#include "servertest.h"

class tst_ServerFaults final : public QObject
{
    Q_OBJECT

private slots:
    void faultDropStreams();
    void faultFailStreams_data();
    void faultFailStreams();
    void faultStallStreams();
    void faultGarbage();
    void faultDelay();
    void faultFailRequests();
    void faultValidation();
};

namespace {
TestClient::Response fault(quint16 port, const QByteArray &body, const QByteArray &token = Admin)
{
    return TestClient::request(port, "POST", "/api/v1/dev/faults", token, body);
}
} // namespace

void tst_ServerFaults::faultDropStreams()
{
    Server f;
    QVERIFY(f.start());
    Stream a(f.port(), Alice);
    Stream b(f.port(), Bob);
    QVERIFY(a.waitForHead());
    QVERIFY(b.waitForHead());
    QCOMPARE(fault(f.port(), R"({"action":"drop_streams"})").status, 200);
    QVERIFY(a.waitForClose());
    QVERIFY(b.waitForClose());
    QTRY_COMPARE(f->openStreams(), 0);
}

void tst_ServerFaults::faultFailStreams_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("retryAfter");
    QTest::addRow("503") << 503 << QByteArray("7");
    QTest::addRow("500") << 500 << QByteArray();
    QTest::addRow("429") << 429 << QByteArray("7");
    QTest::addRow("401") << 401 << QByteArray();
    QTest::addRow("204") << 204 << QByteArray();
}

void tst_ServerFaults::faultFailStreams()
{
    QFETCH(int, status);
    QFETCH(QByteArray, retryAfter);
    Server f;
    QVERIFY(f.start());
    QCOMPARE(
        fault(f.port(),
              R"({"action":"fail_streams","count":2,"status":)" + QByteArray::number(status) + R"(,"retry_after":7})")
            .status,
        200);
    for (int i = 0; i < 2; ++i) {
        Stream s(f.port(), Alice);
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
    Stream ok(f.port(), Alice);
    QVERIFY(ok.waitForHead());
    QCOMPARE(ok.head.status, 200);
}

void tst_ServerFaults::faultStallStreams()
{
    Server f([](ServerConfig &c) { c.connections.heartbeatMs = 100; });
    QVERIFY(f.start());
    QCOMPARE(fault(f.port(), R"({"action":"stall_streams","count":1})").status, 200);
    Stream stalled(f.port(), Alice);
    QVERIFY(stalled.waitForHead());
    Stream healthy(f.port(), Bob);
    QVERIFY(healthy.waitForHead());
    f.notification(QStringLiteral("n"));
    QVERIFY(QTest::qWaitFor(
        [&] { return healthy.comments.size() >= 4 && healthy.eventsOfType("notification").size() == 1; }, 10000));
    QCOMPARE(stalled.comments, QByteArrayList{ " connected" }); // nothing after the preamble
    QVERIFY(stalled.events.isEmpty());
    QVERIFY(!stalled.closed()); // but the socket stays open
}

void tst_ServerFaults::faultGarbage()
{
    Server f;
    QVERIFY(f.start());
    QCOMPARE(fault(f.port(), R"({"action":"garbage"})").status, 200);
    Stream s(f.port(), Alice);
    QVERIFY(s.waitForHead());
    QCOMPARE(s.head.status, 200);
    QVERIFY(s.waitForClose());
    QVERIFY(s.rawBody.size() >= 500);
    QVERIFY(s.events.isEmpty() || s.events.size() < 5);
}

void tst_ServerFaults::faultDelay()
{
    Server f;
    QVERIFY(f.start());
    QCOMPARE(fault(f.port(), R"({"action":"delay","ms":400,"count":1})").status, 200);
    TestClient::Connection slow(f.port());
    slow.send("GET /healthz HTTP/1.1\r\n\r\n");
    QTRY_COMPARE(f->faults().delaysPending(), 0); // the slow one took the delay
    const auto fast = TestClient::request(f.port(), "GET", "/healthz");
    QCOMPARE(fast.status, 200);
    QVERIFY(slow.buffer().isEmpty()); // answered later than the request sent after it
    QCOMPARE(slow.read().status, 200);
}

void tst_ServerFaults::faultFailRequests()
{
    Server f;
    QVERIFY(f.start());
    f.notification(QStringLiteral("n1"), { QStringLiteral("alice") });
    auto r = fault(f.port(), R"({"action":"fail_requests","status":503,"count":2,"path":"/api/v1/messages/"})");
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(u"fail_requests").toInt(), 2);
    // Other paths are not touched, and the stream neither.
    QCOMPARE(TestClient::request(f.port(), "POST", "/api/v1/notifications/n1/read/", Alice, "").status, 204);
    const QByteArray message = R"({"to":"bob","body":"hi"})";
    for (int i = 0; i < 2; ++i) {
        r = TestClient::request(f.port(), "POST", "/api/v1/messages/", Alice, message);
        QCOMPARE(r.status, 503);
        QCOMPARE(r.header("retry-after"), QByteArray("1"));
        QCOMPARE(r.json().value(u"error").toString(), QStringLiteral("injected_fault"));
    }
    QCOMPARE(TestClient::request(f.port(), "POST", "/api/v1/messages/", Alice, message).status, 201);
    // A wrong token is still refused first.
    QCOMPARE(fault(f.port(), R"({"action":"fail_requests","status":404})").status, 200);
    QCOMPARE(TestClient::request(f.port(), "GET", "/api/v1/orders/", "wrong").status, 401);
    QCOMPARE(TestClient::request(f.port(), "GET", "/api/v1/orders/", Alice).status, 404);
    QCOMPARE(TestClient::request(f.port(), "GET", "/api/v1/orders/", Alice).status, 200);
}

void tst_ServerFaults::faultValidation()
{
    Server f;
    QVERIFY(f.start());
    QCOMPARE(fault(f.port(), R"({"action":"drop_streams"})", Alice).status, 403);
    auto r = fault(f.port(), R"({"action":"explode"})");
    QCOMPARE(r.status, 400);
    QCOMPARE(r.json().value(u"field").toString(), QStringLiteral("action"));
    r = fault(f.port(), R"({"action":"fail_streams","status":200})");
    QCOMPARE(r.json().value(u"field").toString(), QStringLiteral("status"));
    r = fault(f.port(), R"({"action":"garbage","count":0})");
    QCOMPARE(r.json().value(u"field").toString(), QStringLiteral("count"));
    r = fault(f.port(), R"({"action":"delay"})");
    QCOMPARE(r.json().value(u"field").toString(), QStringLiteral("ms"));
    r = fault(f.port(), R"({"action":"fail_requests","status":401})");
    QCOMPARE(r.json().value(u"field").toString(), QStringLiteral("status"));
    r = fault(f.port(), R"({"action":"fail_requests","path":3})");
    QCOMPARE(r.json().value(u"field").toString(), QStringLiteral("path"));
}

QTEST_MAIN(tst_ServerFaults)
#include "tst_serverfaults.moc"
