// SPDX-License-Identifier: MIT
// The real notify-server binary: command line, start-up output, SIGTERM.

#include "testclient.h"
#include "testusers.h"

#include <QJsonArray>
#include <QMap>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

namespace {

QString serverBinary()
{
    return QStringLiteral(NOTIFY_SERVER_BINARY);
}

// Starts the server and reads the port it prints.
quint16 startServer(QProcess &process, const QStringList &arguments, QByteArray *printed = nullptr)
{
    process.setProgram(serverBinary());
    process.setArguments(arguments);
    process.start();
    if (!process.waitForStarted())
        return 0;
    QByteArray output;
    const QRegularExpression listening(QStringLiteral("listening on http://127\\.0\\.0\\.1:(\\d+)/"));
    quint16 port = 0;
    const bool started = QTest::qWaitFor(
        [&] {
            output += process.readAllStandardOutput();
            const auto match = listening.match(QString::fromUtf8(output));
            if (match.hasMatch())
                port = quint16(match.captured(1).toUInt());
            return port != 0 || process.state() == QProcess::NotRunning;
        },
        10000);
    if (!started)
        qWarning() << "notify-server printed no port:" << output << process.readAllStandardError();
    if (printed)
        *printed = output;
    return port;
}

const QByteArray AdminOnly = R"({"users":[{"name":"admin","token":"admin-token-0003","admin":true}]})";

} // namespace

class tst_ServerBinary final : public QObject
{
    Q_OBJECT

private slots:
    void helpAndVersion();
    void badOptions_data();
    void badOptions();
    void demoPrintsTokensAndServes();
    void demoBesideAUsersFileThatNamesADemoUser();
    void sigtermShutsDownGracefully();
    void killNineLosesNothing();
    void killNineDuringABatchStoresAllOfItOrNone();
    void claimsSurviveKillNine();
    void scenarioFileIsPlayed();
};

void tst_ServerBinary::helpAndVersion()
{
    QProcess help;
    help.start(serverBinary(), { QStringLiteral("--help") });
    QVERIFY(help.waitForFinished());
    QCOMPARE(help.exitCode(), 0);
    const QByteArray text = help.readAllStandardOutput();
    for (const char *option : { "--bind",
                                "--port",
                                "--users",
                                "--data-dir",
                                "--in-memory",
                                "--heartbeat",
                                "--timeout",
                                "--retry-ms",
                                "--max-streams-per-user",
                                "--stream-limit-policy",
                                "--max-buffered-bytes",
                                "--presence-grace",
                                "--retain-events",
                                "--retain-hours",
                                "--max-notifications",
                                "--notification-days",
                                "--threads",
                                "--tls-cert",
                                "--tls-key",
                                "--cors-origin",
                                "--metrics-public",
                                "--demo",
                                "--scenario" })
        QVERIFY2(text.contains(option), option);
    QProcess version;
    version.start(serverBinary(), { QStringLiteral("--version") });
    QVERIFY(version.waitForFinished());
    QCOMPARE(version.exitCode(), 0);
    QVERIFY(version.readAllStandardOutput().startsWith("notify-server "));
}

void tst_ServerBinary::badOptions_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::addRow("no-users") << QStringList{ QStringLiteral("--in-memory") } << QStringLiteral("no users");
    QTest::addRow("bad-port") << QStringList{ QStringLiteral("--demo"), QStringLiteral("--port"),
                                              QStringLiteral("70000") }
                              << QStringLiteral("--port");
    QTest::addRow("bad-policy") << QStringList{ QStringLiteral("--demo"), QStringLiteral("--stream-limit-policy"),
                                                QStringLiteral("drop") }
                                << QStringLiteral("--stream-limit-policy");
    QTest::addRow("bad-heartbeat") << QStringList{ QStringLiteral("--demo"), QStringLiteral("--heartbeat"),
                                                   QStringLiteral("soon") }
                                   << QStringLiteral("--heartbeat");
    QTest::addRow("cert-without-key") << QStringList{ QStringLiteral("--demo"), QStringLiteral("--tls-cert"),
                                                      QStringLiteral("x.pem") }
                                      << QStringLiteral("--tls-key");
    QTest::addRow("missing-users-file") << QStringList{
        QStringLiteral("--users"), QStringLiteral("/nonexistent/users.json"), QStringLiteral("--in-memory"),
        QStringLiteral("--port"), QStringLiteral("0")
    } << QStringLiteral("cannot read users file");
}

void tst_ServerBinary::badOptions()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    QProcess process;
    process.start(serverBinary(), arguments);
    QVERIFY(process.waitForFinished(10000));
    QVERIFY(process.exitCode() != 0);
    const QString err = QString::fromUtf8(process.readAllStandardError());
    QVERIFY2(err.contains(message), qPrintable(err));
}

void tst_ServerBinary::demoPrintsTokensAndServes()
{
    QProcess process;
    QByteArray output;
    const quint16 port = startServer(
        process,
        { QStringLiteral("--demo"), QStringLiteral("--in-memory"), QStringLiteral("--port"), QStringLiteral("0") },
        &output);
    QVERIFY(port != 0);
    QByteArray token;
    QVERIFY(QTest::qWaitFor(
        [&] {
            output += process.readAllStandardOutput();
            const auto match
                = QRegularExpression(QStringLiteral("\\n  alice  token (\\S+)\\n")).match(QString::fromUtf8(output));
            if (match.hasMatch())
                token = match.captured(1).toUtf8();
            return !token.isEmpty();
        },
        5000));
    // A browser-style client sees the live demo.
    TestClient::Stream stream(port, {}, {}, "/api/v1/notifications/sse/stream/?token=" + token);
    QVERIFY(stream.waitForHead());
    QCOMPARE(stream.head.status, 200);
    QVERIFY(stream.waitForEvents(3, 60000));
    process.terminate();
    QVERIFY(process.waitForFinished(10000));
}

void tst_ServerBinary::sigtermShutsDownGracefully()
{
    QTemporaryDir dir;
    const QString usersFile = TestSupport::writeUsersFile(dir, AdminOnly);
    QProcess process;
    const quint16 port
        = startServer(process,
                      { QStringLiteral("--users"), usersFile, QStringLiteral("--data-dir"),
                        dir.filePath(QStringLiteral("data")), QStringLiteral("--port"), QStringLiteral("0") });
    QVERIFY(port != 0);
    const auto published
        = TestClient::request(port, "POST", "/api/v1/events/", "admin-token-0003",
                              R"({"event":"notification","data":{"notification_id":"1","title":"kept"}})");
    QCOMPARE(published.status, 201);
    TestClient::Stream stream(port, "admin-token-0003");
    QVERIFY(stream.waitForHead());

    ::kill(pid_t(process.processId()), SIGTERM);
    QVERIFY(process.waitForFinished(10000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 0);
    QVERIFY(process.readAllStandardOutput().contains("notify-server stopped"));
    QVERIFY(stream.waitForClose());

    // The event survived: a new server on the same data replays it.
    QProcess again;
    const quint16 port2
        = startServer(again,
                      { QStringLiteral("--users"), usersFile, QStringLiteral("--data-dir"),
                        dir.filePath(QStringLiteral("data")), QStringLiteral("--port"), QStringLiteral("0") });
    QVERIFY(port2 != 0);
    const auto events = TestClient::request(port2, "GET", "/api/v1/events/", "admin-token-0003");
    QCOMPARE(events.json().value(u"events").toArray().first().toObject().value(u"id").toString().toLatin1(),
             published.json().value(u"id").toString().toLatin1());
    again.kill(); // kill -9: nothing to lose, nothing to check but that it dies
    QVERIFY(again.waitForFinished());
}

// `--demo --users FILE` where the file has its own alice: the file's alice
// (her token) is the one that signs in, and the server starts.
void tst_ServerBinary::demoBesideAUsersFileThatNamesADemoUser()
{
    QTemporaryDir dir;
    const QString usersFile = TestSupport::writeUsersFile(
        dir, R"({"users":[{"name":"alice","token":"alices-own-token-7","display_name":"Alice Own"}]})");
    QProcess process;
    const quint16 port = startServer(process,
                                     { QStringLiteral("--demo"), QStringLiteral("--users"), usersFile,
                                       QStringLiteral("--in-memory"), QStringLiteral("--port"), QStringLiteral("0") });
    QVERIFY(port != 0);
    QCOMPARE(TestClient::request(port, "GET", "/api/v1/orders/", "alices-own-token-7").status, 200);
    const auto people = TestClient::request(port, "GET", "/api/v1/presence/", "alices-own-token-7").json();
    QStringList names;
    for (const auto &entry : people.value(u"users").toArray())
        names << entry.toObject().value(u"display_name").toString();
    QVERIFY2(names.contains(u"Alice Own") && names.size() > 1, qPrintable(names.join(u", "))); // and the demo's others
    process.terminate();
    QVERIFY(process.waitForFinished());
}

void tst_ServerBinary::killNineLosesNothing()
{
    QTemporaryDir dir;
    const QString usersFile = TestSupport::writeUsersFile(dir, AdminOnly);
    const QStringList arguments{ QStringLiteral("--users"),    usersFile,
                                 QStringLiteral("--data-dir"), dir.filePath(QStringLiteral("data")),
                                 QStringLiteral("--port"),     QStringLiteral("0") };
    QProcess process;
    const quint16 port = startServer(process, arguments);
    QVERIFY(port != 0);
    QByteArrayList acknowledged;
    for (int i = 0; i < 50; ++i) {
        const auto r = TestClient::request(port, "POST", "/api/v1/events/", "admin-token-0003",
                                           R"({"event":"order_status","data":{"order_id":"A-)" + QByteArray::number(i)
                                               + R"(","status":"pending"}})");
        QCOMPARE(r.status, 201);
        acknowledged << r.json().value(u"id").toString().toLatin1();
    }
    process.kill(); // SIGKILL: no chance to flush anything
    QVERIFY(process.waitForFinished());

    QProcess again;
    const quint16 port2 = startServer(again, arguments);
    QVERIFY(port2 != 0);
    const auto events = TestClient::request(port2, "GET", "/api/v1/events/?limit=1000", "admin-token-0003");
    QByteArrayList stored;
    for (const auto &e : events.json().value(u"events").toArray())
        stored << e.toObject().value(u"id").toString().toLatin1();
    QCOMPARE(stored, acknowledged); // every acknowledged event, in order
    QCOMPARE(TestClient::request(port2, "GET", "/api/v1/orders/", "admin-token-0003")
                 .json()
                 .value(u"orders")
                 .toArray()
                 .size(),
             50);
    again.terminate();
    QVERIFY(again.waitForFinished());
}

// A batch is one SQLite transaction: after kill -9 at any moment it is
// there whole or not at all, and whole if it was acknowledged.
void tst_ServerBinary::killNineDuringABatchStoresAllOfItOrNone()
{
    QTemporaryDir dir;
    const QString usersFile = TestSupport::writeUsersFile(dir, AdminOnly);
    const QStringList arguments{ QStringLiteral("--users"),    usersFile,
                                 QStringLiteral("--data-dir"), dir.filePath(QStringLiteral("data")),
                                 QStringLiteral("--port"),     QStringLiteral("0") };
    constexpr int Size = 1000;
    QByteArray items;
    for (int i = 0; i < Size; ++i) {
        items += (i ? "," : "") + QByteArray(R"({"event":"order_status","data":{"order_id":"B-)")
            + QByteArray::number(i) + R"(","status":"pending"}})";
    }
    const QByteArray body = "{\"events\":[" + items + "]}";
    const QByteArray request = "POST /api/v1/events/ HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer admin-token-0003\r\n"
                               "Content-Type: application/json\r\nContent-Length: "
        + QByteArray::number(body.size()) + "\r\n\r\n" + body;
    qint64 expected = 0; // events stored so far, over the attempts
    int storedBatches = 0;
    for (int attempt = 0; attempt < 6; ++attempt) {
        QProcess process;
        const quint16 port = startServer(process, arguments);
        QVERIFY(port != 0);
        TestClient::Connection c(port);
        QVERIFY(c.connected());
        c.send(request);
        // At once, or once the answer may have left.
        if (attempt % 2 == 1) [[maybe_unused]]
            const bool answered = QTest::qWaitFor([&] { return !c.buffer().isEmpty(); }, 200 * attempt);
        process.kill();
        QVERIFY(process.waitForFinished());
        TestClient::Response answer;
        const bool acknowledged = TestClient::takeResponse(c.buffer(), answer) && answer.status == 201;

        QProcess again;
        const quint16 port2 = startServer(again, arguments);
        QVERIFY(port2 != 0);
        const auto orders = TestClient::request(port2, "GET", "/api/v1/orders/", "admin-token-0003");
        const qint64 now = orders.json().value(u"orders").toArray().size(); // B-0 … B-999, the same each time
        const QByteArray metrics = TestClient::request(port2, "GET", "/metrics", "admin-token-0003").body;
        const qsizetype at = metrics.indexOf("\nnotify_event_store_head ") + 25;
        const qint64 head = metrics.mid(at, metrics.indexOf('\n', at) - at).toLongLong();
        QVERIFY2(head == expected || head == expected + Size,
                 qPrintable(QStringLiteral("%1 events after %2").arg(head).arg(expected)));
        if (acknowledged)
            QCOMPARE(head, expected + Size);
        if (head == expected + Size)
            ++storedBatches;
        expected = head;
        QCOMPARE(now, expected > 0 ? Size : 0);
        again.terminate();
        QVERIFY(again.waitForFinished());
    }
    qInfo() << storedBatches << "of 6 batches were stored before the server was killed";
}

// A claim and its notification_claimed event are one transaction: after
// kill -9, every acknowledged claim is there, with its event in the log.
void tst_ServerBinary::claimsSurviveKillNine()
{
    QTemporaryDir dir;
    const QString usersFile = TestSupport::writeUsersFile(dir, TestSupport::teamUsers());
    const QStringList arguments{ QStringLiteral("--users"),    usersFile,
                                 QStringLiteral("--data-dir"), dir.filePath(QStringLiteral("data")),
                                 QStringLiteral("--port"),     QStringLiteral("0") };
    QProcess process;
    const quint16 port = startServer(process, arguments);
    QVERIFY(port != 0);
    QByteArray items;
    for (int i = 0; i < 20; ++i) {
        items += (i ? "," : "")
            + QByteArray(R"({"event":"notification","user":"@support","data":{"notification_id":"k-)")
            + QByteArray::number(i) + R"(","title":"Refund failed","level":"error"}})";
    }
    QCOMPARE(
        TestClient::request(port, "POST", "/api/v1/events/", "admin-token-0003", "{\"events\":[" + items + "]}").status,
        201);
    QMap<QString, QString> claimed;
    for (int i = 0; i < 20; ++i) {
        const QByteArray token = i % 2 ? TestSupport::BobToken : TestSupport::AliceToken;
        const auto r
            = TestClient::request(port, "POST", "/api/v1/notifications/k-" + QByteArray::number(i) + "/claim/", token);
        QCOMPARE(r.status, 200);
        claimed.insert(QStringLiteral("k-%1").arg(i), r.json().value(u"claimed_by").toString());
    }
    process.kill(); // SIGKILL: no chance to flush anything
    QVERIFY(process.waitForFinished());

    QProcess again;
    const quint16 port2 = startServer(again, arguments);
    QVERIFY(port2 != 0);
    const auto list = TestClient::request(port2, "GET", "/api/v1/notifications/?limit=100", TestSupport::AliceToken);
    int found = 0;
    for (const QJsonValue item : list.json().value(u"notifications").toArray()) {
        const QJsonObject n = item.toObject();
        QCOMPARE(n.value(u"claimed_by").toString(), claimed.value(n.value(u"notification_id").toString()));
        ++found;
    }
    QCOMPARE(found, 20);
    int events = 0;
    const auto log = TestClient::request(port2, "GET", "/api/v1/events/?limit=1000", TestSupport::AliceToken);
    for (const QJsonValue e : log.json().value(u"events").toArray())
        events += e.toObject().value(u"event").toString() == u"notification_claimed";
    QCOMPARE(events, 20);
    QCOMPARE(TestClient::request(port2, "POST", "/api/v1/notifications/k-0/claim/", TestSupport::BobToken).status, 409);
    again.terminate();
    QVERIFY(again.waitForFinished());
}

void tst_ServerBinary::scenarioFileIsPlayed()
{
    QTemporaryDir dir;
    const QString usersFile
        = TestSupport::writeUsersFile(dir, R"({"users":[{"name":"alice","token":"alice-token-0001"}]})");
    QFile scenario(dir.filePath(QStringLiteral("scenario.json")));
    QVERIFY(scenario.open(QIODevice::WriteOnly));
    scenario.write(R"({"events":[
        {"at_ms":300,"event":"notification","user":"alice","data":{"notification_id":"s1","title":"first"}},
        {"at_ms":400,"event":"order_status","data":{"order_id":"A-1","status":"shipped"}},
        {"at_ms":500,"event":"invoice_paid","data":{"amount":12}}]})");
    scenario.close();
    QProcess process;
    const quint16 port
        = startServer(process,
                      { QStringLiteral("--users"), usersFile, QStringLiteral("--in-memory"), QStringLiteral("--port"),
                        QStringLiteral("0"), QStringLiteral("--scenario"), scenario.fileName() });
    QVERIFY(port != 0);
    TestClient::Stream stream(port, "alice-token-0001", { { "Last-Event-ID", "" } });
    QVERIFY(stream.waitForHead());
    // From the oldest event, so that none is missed however late the stream opened.
    const auto scripted = [&] {
        QStringList types;
        const QJsonArray events
            = TestClient::request(port, "GET", "/api/v1/events/", "alice-token-0001").json().value(u"events").toArray();
        for (const auto &e : events) {
            if (e.toObject().value(u"event").toString() != u"presence")
                types << e.toObject().value(u"event").toString();
        }
        return types;
    };
    QStringList types;
    QVERIFY(QTest::qWaitFor([&] { return (types = scripted()).size() >= 3; }, 10000));
    QCOMPARE(types,
             (QStringList{ QStringLiteral("notification"), QStringLiteral("order_status"),
                           QStringLiteral("invoice_paid") }));
    process.terminate();
    QVERIFY(process.waitForFinished());

    // An invalid scenario is refused at start with a clear message.
    QFile bad(dir.filePath(QStringLiteral("bad.json")));
    QVERIFY(bad.open(QIODevice::WriteOnly));
    bad.write(R"({"events":[{"at_ms":0,"event":"reset","data":{}}]})");
    bad.close();
    QProcess refused;
    refused.start(serverBinary(),
                  { QStringLiteral("--users"), usersFile, QStringLiteral("--in-memory"), QStringLiteral("--port"),
                    QStringLiteral("0"), QStringLiteral("--scenario"), bad.fileName() });
    QVERIFY(refused.waitForFinished(10000));
    QCOMPARE(refused.exitCode(), 2);
    QVERIFY(refused.readAllStandardError().contains("events[0]"));
}

QTEST_MAIN(tst_ServerBinary)
#include "tst_serverbinary.moc"
