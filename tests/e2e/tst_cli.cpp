// SPDX-License-Identifier: MIT
// notify-cli against the real server: the contract's output, exit codes,
// reconnects, and the REST subcommands.

#include "cliprocess.h"
#include "eventstore.h"
#include "faultinjector.h"
#include "inprocessserver.h"
#include "notifyserver.h"
#include "protocol.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace {

const QString Alice = QStringLiteral("alice-token-0001");
const QString Admin = QStringLiteral("admin-token-0003");

} // namespace

class tst_Cli final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void listenPrintsTheContractsLines();
    void listenResumesAfterDrops();
    void listenKeepsALeadingByteOrderMark();
    void listenExitCodes_data();
    void listenExitCodes();
    void publishSendRead();
    void usageErrors();

private:
    QString streamUrl(const QString &token = {}) const
    {
        QString url = m_server->url().toString() + QStringLiteral("/api/v1/notifications/sse/stream/");
        if (!token.isEmpty())
            url += QStringLiteral("?token=") + token;
        return url;
    }
    QString serverUrl() const { return m_server->url().toString(); }

    std::unique_ptr<TestSupport::InProcessServer> m_server;
};

void tst_Cli::init()
{
    m_server = std::make_unique<TestSupport::InProcessServer>();
    QVERIFY(m_server->start());
}

void tst_Cli::cleanup()
{
    m_server.reset();
}

void tst_Cli::listenPrintsTheContractsLines()
{
    const QByteArray first
        = *(*m_server)->publish("notification",
                                QJsonObject{ { QStringLiteral("notification_id"), QStringLiteral("1") },
                                             { QStringLiteral("title"), QStringLiteral("Hi \"there\"\n") },
                                             { QStringLiteral("created_at"), QStringLiteral("2026-11-28T10:00:00Z") } },
                                {});
    (*m_server)->publish("custom_thing", QJsonObject{ { QStringLiteral("x"), 1 } }, {});
    Cli cli({ QStringLiteral("listen"), streamUrl(), QStringLiteral("--token"), Alice,
              QStringLiteral("--last-event-id"), QString::fromLatin1(first.left(9) + "0"),
              QStringLiteral("--max-events"), QStringLiteral("2") });
    QVERIFY(cli.finished());
    QCOMPARE(cli.exitCode(), 0);
    const QList<QJsonObject> lines = cli.lines();
    QCOMPARE(lines.size(), 3);
    QCOMPARE(lines.at(0), (QJsonObject{ { QStringLiteral("type"), QStringLiteral("open") } }));
    QCOMPARE(lines.at(1).value(u"type").toString(), QStringLiteral("event"));
    QCOMPARE(lines.at(1).value(u"id").toString().toLatin1(), first);
    QCOMPARE(lines.at(1).value(u"event").toString(), QStringLiteral("notification"));
    // data is the raw string, not parsed JSON
    QVERIFY(lines.at(1).value(u"data").isString());
    QCOMPARE(
        QJsonDocument::fromJson(lines.at(1).value(u"data").toString().toUtf8()).object().value(u"title").toString(),
        QStringLiteral("Hi \"there\"\n"));
    QCOMPARE(lines.at(2).value(u"event").toString(), QStringLiteral("custom_thing"));
    QCOMPARE(
        lines.at(1).keys(),
        (QStringList{ QStringLiteral("data"), QStringLiteral("event"), QStringLiteral("id"), QStringLiteral("type") }));
    // One compact object per line, keys in the contract's order.
    QVERIFY(!cli.rawOut().contains("\n\n"));
    const QByteArrayList raw = cli.rawOut().split('\n');
    QCOMPARE(raw.at(0), QByteArray(R"({"type":"open"})"));
    QVERIFY2(raw.at(1).startsWith(
                 QByteArray(R"({"type":"event","id":")" + first + R"(","event":"notification","data":"{\")")),
             raw.at(1).constData());
    QVERIFY(!cli.rawOut().contains(": "));
}

// U+FEFF at the start of a data value is data (only the stream's first BOM
// is dropped, by the parser): the raw output keeps it.
void tst_Cli::listenKeepsALeadingByteOrderMark()
{
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    connect(&server, &QTcpServer::newConnection, this, [&server] {
        QTcpSocket *socket = server.nextPendingConnection();
        socket->write("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nConnection: close\r\n\r\n"
                      "\xEF\xBB\xBF: the stream's BOM, dropped\n\n"
                      "id: \xEF\xBB\xBFi\nevent: x\ndata: \xEF\xBB\xBFhello\n\n");
        socket->flush();
    });
    Cli cli({ QStringLiteral("listen"), QStringLiteral("http://127.0.0.1:%1/s").arg(server.serverPort()),
              QStringLiteral("--max-events"), QStringLiteral("1") });
    QVERIFY(cli.finished());
    QCOMPARE(cli.exitCode(), 0);
    // The bytes themselves (Qt's JSON reader would drop a U+FEFF while reading them back).
    const QByteArrayList lines = cli.rawOut().split('\n');
    QCOMPARE(
        lines.at(1),
        QByteArray("{\"type\":\"event\",\"id\":\"\xEF\xBB\xBFi\",\"event\":\"x\",\"data\":\"\xEF\xBB\xBFhello\"}"));
}

void tst_Cli::listenResumesAfterDrops()
{
    // Alice's own presence, then 3 rounds of 2 events with the stream dropped between rounds.
    Cli cli({ QStringLiteral("listen"), streamUrl(Alice), QStringLiteral("--max-events"), QStringLiteral("7") });
    const auto count = [&](const char *key, const char *value) {
        qsizetype n = 0;
        for (const auto &l : cli.lines())
            n += l.value(QLatin1StringView(key)).toString() == QLatin1StringView(value);
        return n;
    };
    QVERIFY(QTest::qWaitFor([&] { return count("type", "open") == 1; }, 10000));
    QByteArrayList ids;
    for (int round = 0; round < 3; ++round) {
        for (int i = 0; i < 2; ++i)
            ids << *(*m_server)->publish("tick", QJsonObject{ { QStringLiteral("round"), round } },
                                         { QStringLiteral("alice") });
        QVERIFY(QTest::qWaitFor([&] { return count("event", "tick") >= 2 * (round + 1); }, 10000));
        if (round < 2) {
            (*m_server)->dropAllStreams();
            QVERIFY(QTest::qWaitFor([&] { return count("type", "open") >= round + 2; }, 10000));
        }
    }
    QVERIFY(cli.finished());
    QCOMPARE(cli.exitCode(), 0);
    QByteArrayList got;
    for (const auto &l : cli.lines()) {
        if (l.value(u"event").toString() == u"tick")
            got << l.value(u"id").toString().toLatin1();
        if (l.value(u"type").toString() == u"error") {
            QCOMPARE(l.value(u"status").toInt(-1), 0);
            QVERIFY(!l.value(u"message").toString().isEmpty());
        }
    }
    QCOMPARE(got, ids); // nothing missed, nothing twice
    QCOMPARE(count("type", "error"), 2);
}

void tst_Cli::listenExitCodes_data()
{
    QTest::addColumn<QString>("fault");
    QTest::addColumn<QString>("token");
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<int>("status");
    QTest::addRow("401") << QString() << QStringLiteral("wrong-token-000") << QString() << 4 << 401;
    QTest::addRow("403") << QStringLiteral("403") << Alice << QString() << 4 << 403;
    QTest::addRow("204") << QStringLiteral("204") << Alice << QString() << 3 << 204;
    QTest::addRow("410") << QStringLiteral("410") << Alice << QString() << 5 << 410;
    QTest::addRow("404") << QString() << Alice << QStringLiteral("/no/such/stream") << 5 << 404;
}

void tst_Cli::listenExitCodes()
{
    QFETCH(QString, fault);
    QFETCH(QString, token);
    QFETCH(QString, path);
    QFETCH(int, exitCode);
    QFETCH(int, status);
    if (!fault.isEmpty())
        (*m_server)->faults().failStreams(1, fault.toInt());
    const QString url = path.isEmpty() ? streamUrl() : serverUrl() + path;
    Cli cli({ QStringLiteral("listen"), url, QStringLiteral("--token"), token });
    QVERIFY(cli.finished());
    QCOMPARE(cli.exitCode(), exitCode);
    const QList<QJsonObject> lines = cli.lines();
    QVERIFY(!lines.isEmpty());
    QCOMPARE(lines.last().value(u"type").toString(), QStringLiteral("error"));
    QCOMPARE(lines.last().value(u"status").toInt(), status);
}

void tst_Cli::publishSendRead()
{
    Cli publish({ QStringLiteral("publish"), serverUrl(), QStringLiteral("--token"), Admin, QStringLiteral("--event"),
                  QStringLiteral("notification"), QStringLiteral("--user"), QStringLiteral("alice"),
                  QStringLiteral("--data"), QStringLiteral(R"({"notification_id":"n-7","title":"From the CLI"})") });
    QVERIFY(publish.finished());
    QCOMPARE(publish.exitCode(), 0);
    QVERIFY(Notify::Protocol::EventId::parse(publish.rawOut().trimmed()).has_value());

    Cli invalid({ QStringLiteral("publish"), serverUrl(), QStringLiteral("--token"), Admin, QStringLiteral("--event"),
                  QStringLiteral("notification"), QStringLiteral("--data"), QStringLiteral(R"({"title":"no id"})") });
    QVERIFY(invalid.finished());
    QCOMPARE(invalid.exitCode(), 5);
    QVERIFY(invalid.err().contains("data.notification_id"));

    Cli notAdmin({ QStringLiteral("publish"), serverUrl(), QStringLiteral("--token"), Alice, QStringLiteral("--event"),
                   QStringLiteral("x"), QStringLiteral("--data"), QStringLiteral("{}") });
    QVERIFY(notAdmin.finished());
    QCOMPARE(notAdmin.exitCode(), 4);

    Cli send({ QStringLiteral("send"), serverUrl(), QStringLiteral("--token"), Alice, QStringLiteral("--to"),
               QStringLiteral("bob"), QStringLiteral("--body"), QStringLiteral("hello") });
    QVERIFY(send.finished());
    QCOMPARE(send.exitCode(), 0);
    QVERIFY(!send.rawOut().trimmed().isEmpty());

    Cli read({ QStringLiteral("read"), serverUrl(), QStringLiteral("--token"), Alice, QStringLiteral("n-7") });
    QVERIFY(read.finished());
    QCOMPARE(read.exitCode(), 0);
    QCOMPARE((*m_server)->store().notifications(QStringLiteral("alice"), true, 10).size(), 0);
    Cli readMissing({ QStringLiteral("read"), serverUrl(), QStringLiteral("--token"), Alice, QStringLiteral("nope") });
    QVERIFY(readMissing.finished());
    QCOMPARE(readMissing.exitCode(), 5);
    Cli unread({ QStringLiteral("unread"), serverUrl(), QStringLiteral("--token"), Alice, QStringLiteral("n-7") });
    QVERIFY(unread.finished());
    QCOMPARE(unread.exitCode(), 0);
    QCOMPARE((*m_server)->store().notifications(QStringLiteral("alice"), true, 10).size(), 1); // n-7 again
    Cli unreadMissing(
        { QStringLiteral("unread"), serverUrl(), QStringLiteral("--token"), Alice, QStringLiteral("nope") });
    QVERIFY(unreadMissing.finished());
    QCOMPARE(unreadMissing.exitCode(), 5);
    Cli readAll({ QStringLiteral("read"), serverUrl(), QStringLiteral("--token"), Alice, QStringLiteral("--all") });
    QVERIFY(readAll.finished());
    QCOMPARE(readAll.exitCode(), 0);
}

void tst_Cli::usageErrors()
{
    for (const QStringList &arguments :
         { QStringList{ QStringLiteral("frobnicate") }, QStringList{ QStringLiteral("listen") },
           QStringList{ QStringLiteral("listen"), QStringLiteral("ftp://x/") },
           QStringList{ QStringLiteral("listen"), streamUrl(), QStringLiteral("--max-events"), QStringLiteral("0") },
           QStringList{ QStringLiteral("publish"), serverUrl(), QStringLiteral("--event"), QStringLiteral("x"),
                        QStringLiteral("--data"), QStringLiteral("[1]") } }) {
        Cli cli(arguments);
        QVERIFY(cli.finished());
        QCOMPARE(cli.exitCode(), 2);
        QVERIFY(!cli.err().isEmpty());
    }
    Cli help({ QStringLiteral("--help") });
    QVERIFY(help.finished());
    QCOMPARE(help.exitCode(), 0);
    QVERIFY(help.rawOut().contains("listen"));
}

QTEST_GUILESS_MAIN(tst_Cli)
#include "tst_cli.moc"
