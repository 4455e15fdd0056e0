// SPDX-License-Identifier: MIT
// notify-server in-process, on an ephemeral port, through real sockets.
// The front door: health, authentication, HTTP limits and deadlines, pipelining, CORS, metrics.
// (What the logs say of requests: tst_serverlogs.)

#include "hub/faultinjector.h"
#include "servertest.h"

#include <QDir>
#include <QLoggingCategory>
#include <QTcpServer>

class tst_ServerHttp final : public QObject
{
    Q_OBJECT

private slots:
    void healthzNeedsNoToken();
    void authentication_data();
    void authentication();
    void badInput_data();
    void badInput();
    void requestDeadline();
    void idleKeepAliveClosed();
    void pipelinedRequests();
    void aLargeBodyInOnePieceIsReadWhole();
    void streamAfterRequestsOnOneConnection();
    void requestsAfterARefusedStreamOnOneConnection();
    void corsPreflight();
    void metrics();
    void startAgainAfterAFailedStart();
};

void tst_ServerHttp::healthzNeedsNoToken()
{
    Server f;
    QVERIFY(f.start());
    const auto r = TestClient::request(f.port(), "GET", "/healthz");
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(u"status").toString(), QStringLiteral("ok"));
}

void tst_ServerHttp::authentication_data()
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

void tst_ServerHttp::authentication()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, target);
    QFETCH(QByteArray, token);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    Server f;
    QVERIFY(f.start());
    const auto r = TestClient::request(f.port(), method, target, token, body.isEmpty() ? QByteArray() : body);
    QCOMPARE(r.status, status);
    if (status == 401) {
        QCOMPARE(r.header("WWW-Authenticate"), QByteArray("Bearer"));
        QVERIFY(!r.json().value(u"error").toString().isEmpty());
    }
    QVERIFY(!r.body.contains(Alice));
    QVERIFY(!r.body.contains(Admin));
}

void tst_ServerHttp::badInput_data()
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

void tst_ServerHttp::badInput()
{
    QFETCH(QByteArray, request);
    QFETCH(int, status);
    Server f;
    QVERIFY(f.start());
    TestClient::Connection c(f.port());
    QVERIFY(c.connected());
    c.send(request);
    const auto r = c.read();
    QCOMPARE(r.status, status);
    QVERIFY(!r.json().value(u"error").toString().isEmpty());
    if (status == 400 || status == 431 || status == 413 || status == 505)
        QVERIFY(c.waitForClose());
    // The server is fine afterwards.
    QCOMPARE(TestClient::request(f.port(), "GET", "/healthz").status, 200);
}

void tst_ServerHttp::requestDeadline()
{
    Server f([](ServerConfig &c) { c.connections.requestDeadlineMs = 300; });
    QVERIFY(f.start());
    TestClient::Connection c(f.port());
    c.send("GET /healthz HTTP/1.1\r\nHost: x\r\n"); // and never the blank line
    const auto r = c.read();
    QCOMPARE(r.status, 408);
    QVERIFY(c.waitForClose());
}

void tst_ServerHttp::idleKeepAliveClosed()
{
    Server f([](ServerConfig &c) { c.connections.idleKeepAliveMs = 300; });
    QVERIFY(f.start());
    TestClient::Connection c(f.port());
    c.send("GET /healthz HTTP/1.1\r\n\r\n");
    QCOMPARE(c.read().status, 200);
    QVERIFY(c.waitForClose());
    QVERIFY(c.buffer().isEmpty()); // quietly: no 408
}

void tst_ServerHttp::pipelinedRequests()
{
    Server f;
    QVERIFY(f.start());
    TestClient::Connection c(f.port());
    c.send(
        "GET /healthz HTTP/1.1\r\n\r\nGET /nope HTTP/1.1\r\n\r\nGET /api/v1/orders/ HTTP/1.1\r\nAuthorization: Bearer "
        + Alice + "\r\n\r\n");
    QCOMPARE(c.read().status, 200);
    QCOMPARE(c.read().status, 404);
    QCOMPARE(c.read().status, 200);
}

// A body near the 1 MiB limit arriving at once is more than one wake-up
// reads: the rest must be read too, in either I/O mode (with Qt sockets,
// readyRead does not come again for bytes Qt already holds).
void tst_ServerHttp::aLargeBodyInOnePieceIsReadWhole()
{
    Server f;
    QVERIFY(f.start());
    const QByteArray text(900 * 1024, 'x');
    const QByteArray body
        = R"({"event":"notification","data":{"notification_id":"big","title":"Big","body":")" + text + R"("}})";
    TestClient::Connection c(f.port());
    c.send("POST /api/v1/events/ HTTP/1.1\r\nAuthorization: Bearer " + Admin
           + "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body);
    QCOMPARE(c.read(5000).status, 201);
}

// A connection is answered by the request lane until it asks for a stream,
// then moves to a stream worker (the request and what follows it go along).
void tst_ServerHttp::streamAfterRequestsOnOneConnection()
{
    Server f;
    QVERIFY(f.start());
    TestClient::Connection c(f.port());
    c.send("GET /healthz HTTP/1.1\r\n\r\n");
    QCOMPARE(c.read().status, 200);
    c.send("GET /api/v1/orders/ HTTP/1.1\r\nAuthorization: Bearer " + Alice + "\r\n\r\n");
    QCOMPARE(c.read().status, 200);
    c.send("GET " + StreamPath + " HTTP/1.1\r\nAuthorization: Bearer " + Alice + "\r\n\r\n");
    QVERIFY(QTest::qWaitFor([&] { return c.buffer().contains(": connected\n\n"); }, 5000));
    QVERIFY(c.buffer().startsWith("HTTP/1.1 200"));
    QTRY_COMPARE(f->openStreams(), 1);
    const QByteArray id = f.notification(QStringLiteral("moved"));
    QVERIFY(QTest::qWaitFor([&] { return c.buffer().contains(QByteArray("id: " + id + "\n")); }, 5000));
    QVERIFY(f->metricsText().contains("\nnotify_connections_open 1\n"));
}

void tst_ServerHttp::requestsAfterARefusedStreamOnOneConnection()
{
    Server f;
    QVERIFY(f.start());
    TestClient::Connection c(f.port());
    // A refused stream is an ordinary answer: the connection stays open for
    // more, on the worker it moved to, and a pipelined request after it is kept.
    c.send("GET " + StreamPath
           + " HTTP/1.1\r\nAuthorization: Bearer wrong-token-42\r\n\r\n"
             "GET /api/v1/orders/ HTTP/1.1\r\nAuthorization: Bearer "
           + Alice + "\r\n\r\n");
    QCOMPARE(c.read().status, 401);
    QCOMPARE(c.read().status, 200);
    c.send("GET /healthz HTTP/1.1\r\n\r\n");
    QCOMPARE(c.read().status, 200);
}

void tst_ServerHttp::corsPreflight()
{
    Server f([](ServerConfig &c) { c.corsOrigin = QStringLiteral("https://app.example"); });
    QVERIFY(f.start());
    auto r = TestClient::request(f.port(), "OPTIONS", StreamPath, {}, {},
                                 { { "Origin", "https://app.example" }, { "Access-Control-Request-Method", "GET" } });
    QCOMPARE(r.status, 204);
    QCOMPARE(r.header("Access-Control-Allow-Origin"), QByteArray("https://app.example"));
    QVERIFY(r.header("Access-Control-Allow-Headers").contains("Authorization"));
    r = TestClient::request(f.port(), "GET", "/api/v1/orders/", Alice, {}, { { "Origin", "https://app.example" } });
    QCOMPARE(r.header("Access-Control-Allow-Origin"), QByteArray("https://app.example"));
    r = TestClient::request(f.port(), "GET", "/api/v1/orders/", Alice, {}, { { "Origin", "https://evil.example" } });
    QVERIFY(r.header("Access-Control-Allow-Origin").isNull());
}

void tst_ServerHttp::metrics()
{
    Server f([](ServerConfig &c) { c.metricsPublic = true; });
    QVERIFY(f.start());
    Stream s(f.port(), Alice);
    QVERIFY(s.waitForEvents(1));
    f.notification(QStringLiteral("m"));
    QVERIFY(s.waitForEvents(2));
    const auto r = TestClient::request(f.port(), "GET", "/metrics");
    QCOMPARE(r.status, 200);
    QVERIFY(r.header("Content-Type").startsWith("text/plain"));
    QVERIFY(r.body.contains("# TYPE notify_streams_open gauge\nnotify_streams_open 1\n"));
    QVERIFY(r.body.contains("notify_events_published_total 2\n"));
}

namespace {

// The threads of this process whose name starts with @p prefix (Linux: /proc).
int threadsNamed(const QString &prefix)
{
    int count = 0;
    const QDir tasks(QStringLiteral("/proc/self/task"));
    for (const QString &task : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile comm(tasks.filePath(task + QStringLiteral("/comm")));
        if (comm.open(QIODevice::ReadOnly) && QString::fromUtf8(comm.readAll()).startsWith(prefix))
            ++count;
    }
    return count;
}

} // namespace

// A start that fails (the port is taken) leaves nothing running, so a second
// start() does not add a second set of worker threads.
void tst_ServerHttp::startAgainAfterAFailedStart()
{
    QTcpServer blocker;
    QVERIFY(blocker.listen(QHostAddress::LocalHost, 0));
    Server f([&](ServerConfig &c) {
        c.port = blocker.serverPort();
        c.threads = 3;
    });
    const int before = threadsNamed(QStringLiteral("notify-worker"));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("the server did not start: \"cannot listen")));
    QVERIFY(!f.start());
    QCOMPARE(threadsNamed(QStringLiteral("notify-worker")), before);
    blocker.close();
    QString error;
    QVERIFY2(f->start(&error), qPrintable(error));
    QCOMPARE(f->port(), f.config.port);
    QCOMPARE(threadsNamed(QStringLiteral("notify-worker")), before + 3);
    QCOMPARE(TestClient::request(f.port(), "GET", "/healthz").status, 200);
}

QTEST_MAIN(tst_ServerHttp)
#include "tst_serverhttp.moc"
