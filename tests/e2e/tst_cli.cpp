// SPDX-License-Identifier: MIT
// notify-cli against the real server: the contract's output, exit codes,
// reconnects, and the REST subcommands.

#include "cliprocess.h"
#include "common/protocol.h"
#include "hub/faultinjector.h"
#include "hub/notifyserver.h"
#include "inprocessserver.h"
#include "store/eventstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <limits>
#include <memory>

namespace {

const QString Alice = QStringLiteral("alice-token-0001");
const QString Admin = QStringLiteral("admin-token-0003");
const QString Bob = QStringLiteral("bob-token-0002");

/// A pipe in front of the server that notes how many events each request it
/// passes on carries, and holds requests back from the n-th on until released.
class RecordingProxy final : public QObject
{
public:
    explicit RecordingProxy(quint16 serverPort)
        : m_serverPort(serverPort)
    {
        if (!m_listener.listen(QHostAddress::LocalHost, 0))
            qFatal("the proxy cannot listen");
        connect(&m_listener, &QTcpServer::newConnection, this, &RecordingProxy::accept);
    }

    [[nodiscard]] QString url() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_listener.serverPort()); }
    /// Events per request, in order (-1 for a request without a batch).
    [[nodiscard]] const QList<qsizetype> &batches() const { return m_batches; }
    /// Requests from the @p index-th (0-based) on wait for release().
    void holdFrom(qsizetype index) { m_holdFrom = index; }
    [[nodiscard]] qsizetype held() const { return m_held.size(); }
    void release()
    {
        m_holdFrom = std::numeric_limits<qsizetype>::max();
        for (const auto &[server, request] : std::as_const(m_held)) {
            if (server)
                server->write(request);
        }
        m_held.clear();
    }

private:
    void accept()
    {
        while (QTcpSocket *client = m_listener.nextPendingConnection()) {
            auto *server = new QTcpSocket(client);
            server->connectToHost(QHostAddress::LocalHost, m_serverPort);
            auto buffer = std::make_shared<QByteArray>();
            connect(server, &QTcpSocket::readyRead, client, [client, server] { client->write(server->readAll()); });
            connect(server, &QTcpSocket::disconnected, client, &QTcpSocket::disconnectFromHost);
            connect(client, &QTcpSocket::disconnected, client, &QObject::deleteLater);
            connect(client, &QTcpSocket::readyRead, this, [this, client, server, buffer] {
                *buffer += client->readAll();
                while (const auto request = takeRequest(*buffer)) {
                    m_batches << eventsIn(*request);
                    if (m_batches.size() - 1 >= m_holdFrom)
                        m_held.append({ QPointer<QTcpSocket>(server), *request });
                    else
                        server->write(*request);
                }
            });
        }
    }

    // One whole request (with a Content-Length body) off the front of @p buffer.
    static std::optional<QByteArray> takeRequest(QByteArray &buffer)
    {
        const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
        if (headerEnd < 0)
            return std::nullopt;
        qsizetype length = 0;
        for (const QByteArray &line : buffer.left(headerEnd).split('\n')) {
            if (line.toLower().startsWith("content-length:"))
                length = line.mid(15).trimmed().toLongLong();
        }
        const qsizetype size = headerEnd + 4 + length;
        if (buffer.size() < size)
            return std::nullopt;
        const QByteArray request = buffer.left(size);
        buffer.remove(0, size);
        return request;
    }

    static qsizetype eventsIn(const QByteArray &request)
    {
        const QByteArray body = request.mid(request.indexOf("\r\n\r\n") + 4);
        const QJsonValue events = QJsonDocument::fromJson(body).object().value(u"events");
        return events.isArray() ? events.toArray().size() : -1;
    }

    QTcpServer m_listener;
    quint16 m_serverPort;
    QList<qsizetype> m_batches;
    qsizetype m_holdFrom = std::numeric_limits<qsizetype>::max();
    QList<QPair<QPointer<QTcpSocket>, QByteArray>> m_held;
};

/// A broadcast notification, one line of a --batch input.
QByteArray notificationLine(int n)
{
    return QByteArray(R"({"event":"notification","data":{"notification_id":"n-)") + QByteArray::number(n)
        + R"(","title":"Title )" + QByteArray::number(n) + "\"}}\n";
}

QByteArrayList idsIn(const QByteArray &out)
{
    return out.isEmpty() ? QByteArrayList() : out.trimmed().split('\n');
}

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
    void claimAndUnclaim();
    void publishBatchFromAFile();
    void publishBatchFromStdinInChunks();
    void publishBatchStopsAtAnInvalidItem();
    void publishBatchRefusesALineThatIsNotAnObject();
    void publishBatchOfNothing();
    void publishBatchReportsFailures();
    void publishBatchKeepsRequestsUnderTheBodyLimit();
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
    QStringList publishBatch(const QString &input, const QString &url = {}) const
    {
        return { QStringLiteral("publish"), url.isEmpty() ? serverUrl() : url,
                 QStringLiteral("--token"), Admin,
                 QStringLiteral("--batch"), input };
    }
    /// The ids of the events stored after @p seq (alice's view: broadcasts and hers).
    QByteArrayList storedIdsAfter(quint64 seq) const
    {
        QByteArrayList ids;
        for (const auto &event : (*m_server)->store().eventsAfter(seq, QStringLiteral("alice"), 100'000))
            ids << (*m_server)->store().eventId(event.seq);
        return ids;
    }

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

// claim prints the claim; a 409 names who holds it (exit 5); only the
// claimer unclaims; listen prints the claims' events like any other.
void tst_Cli::claimAndUnclaim()
{
    QVERIFY(!(*m_server)
                 ->publish("notification",
                           QJsonObject{ { QStringLiteral("notification_id"), QStringLiteral("c-1") },
                                        { QStringLiteral("title"), QStringLiteral("Payment failed") },
                                        { QStringLiteral("level"), QStringLiteral("error") } },
                           {})
                 .value_or(QByteArray())
                 .isEmpty());
    const auto run = [this](const char *command, const QString &token, const char *id = "c-1") {
        return std::make_unique<Cli>(QStringList{ QString::fromLatin1(command), serverUrl(), QStringLiteral("--token"),
                                                  token, QString::fromLatin1(id) });
    };
    auto claim = run("claim", Alice);
    QVERIFY(claim->finished());
    QCOMPARE(claim->exitCode(), 0);
    const QJsonObject claimed = QJsonDocument::fromJson(claim->rawOut()).object();
    QCOMPARE(claimed.value(u"notification_id").toString(), QStringLiteral("c-1"));
    QCOMPARE(claimed.value(u"claimed_by").toString(), QStringLiteral("alice"));

    auto taken = run("claim", Bob);
    QVERIFY(taken->finished());
    QCOMPARE(taken->exitCode(), 5);
    QVERIFY2(taken->err().contains("HTTP 409: alice already handles c-1"), taken->err().constData());
    auto notHis = run("unclaim", Bob);
    QVERIFY(notHis->finished());
    QCOMPARE(notHis->exitCode(), 5);
    QVERIFY2(notHis->err().contains("HTTP 403"), notHis->err().constData());
    auto unknown = run("claim", Alice, "nope");
    QVERIFY(unknown->finished());
    QCOMPARE(unknown->exitCode(), 5);
    auto refused = run("claim", QStringLiteral("wrong-token-9"));
    QVERIFY(refused->finished());
    QCOMPARE(refused->exitCode(), 4);
    auto unclaim = run("unclaim", Alice);
    QVERIFY(unclaim->finished());
    QCOMPARE(unclaim->exitCode(), 0);
    QVERIFY((*m_server)->store().claims({ QStringLiteral("c-1") }).isEmpty());

    // listen shows both events; --interpret understands them.
    Cli listen(QStringList{ QStringLiteral("listen"), streamUrl(), QStringLiteral("--token"), Bob,
                            QStringLiteral("--last-event-id"), QString::fromLatin1((*m_server)->store().eventId(1)),
                            QStringLiteral("--max-events"), QStringLiteral("2"), QStringLiteral("--interpret") });
    QVERIFY(listen.finished());
    QCOMPARE(listen.exitCode(), 0);
    const QList<QJsonObject> lines = listen.lines();
    QCOMPARE(lines.size(), 3);
    QCOMPARE(lines.at(1).value(u"event").toString(), QStringLiteral("notification_claimed"));
    QCOMPARE(lines.at(1).value(u"data").toObject().value(u"claimed_by").toString(), QStringLiteral("alice"));
    QCOMPARE(lines.at(2).value(u"event").toString(), QStringLiteral("notification_claimed"));
    QVERIFY(lines.at(2).value(u"data").toObject().value(u"claimed_by").isNull());
}

// Three events from a file (a blank line, leading blanks, CRLF): their ids in
// order, and the events list shows them in that order.
void tst_Cli::publishBatchFromAFile()
{
    QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral("events.jsonl")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"event":"notification","user":"alice","data":{"notification_id":"b-1","title":"First"}})"
               "\n\n"
               R"({"event":"custom_thing","data":{"n":2}})"
               "\n"
               R"(  {"event":"notification","data":{"notification_id":"b-3","title":"Third"}})"
               "\r\n");
    file.close();
    Cli cli(publishBatch(file.fileName()));
    QVERIFY(cli.finished());
    QCOMPARE(cli.exitCode(), 0);
    QCOMPARE(cli.err(), QByteArray());
    const QByteArrayList ids = idsIn(cli.rawOut());
    QCOMPARE(ids.size(), 3);

    QNetworkAccessManager network;
    QNetworkRequest request(QUrl(serverUrl() + QStringLiteral("/api/v1/events/")));
    request.setRawHeader("Authorization", "Bearer " + Alice.toLatin1());
    QNetworkReply *reply = network.get(request);
    QVERIFY(QTest::qWaitFor([reply] { return reply->isFinished(); }, 10000));
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    const QJsonArray events = QJsonDocument::fromJson(reply->readAll()).object().value(u"events").toArray();
    reply->deleteLater();
    QCOMPARE(events.size(), 3);
    QByteArrayList listed;
    for (const auto &event : events)
        listed << event.toObject().value(u"id").toString().toLatin1();
    QCOMPARE(listed, ids);
    QCOMPARE(events.at(0).toObject().value(u"data").toObject().value(u"title").toString(), QStringLiteral("First"));
    QCOMPARE(events.at(1).toObject().value(u"event").toString(), QStringLiteral("custom_thing"));
    QCOMPARE(events.at(2).toObject().value(u"data").toObject().value(u"title").toString(), QStringLiteral("Third"));
}

// 2,500 lines from stdin: three requests of 1000, 1000 and 500, one at a
// time, the first one's ids printed before the second is answered.
void tst_Cli::publishBatchFromStdinInChunks()
{
    RecordingProxy proxy(m_server->port());
    proxy.holdFrom(1);
    QByteArray input;
    for (int n = 0; n < 2500; ++n)
        input += notificationLine(n);
    const quint64 head = (*m_server)->store().headSeq();
    Cli cli(publishBatch(QStringLiteral("-"), proxy.url()));
    cli.input(input);
    QVERIFY(QTest::qWaitFor([&] { return proxy.held() == 1 && cli.rawOut().count('\n') == 1000; }, 20000));
    proxy.release();
    QVERIFY(cli.finished());
    QCOMPARE(cli.exitCode(), 0);
    QCOMPARE(proxy.batches(), (QList<qsizetype>{ 1000, 1000, 500 }));
    const QByteArrayList ids = idsIn(cli.rawOut());
    QCOMPARE(ids.size(), 2500);
    for (qsizetype i = 0; i < ids.size(); ++i) {
        const auto id = Notify::Protocol::EventId::parse(ids.at(i));
        QVERIFY2(id.has_value(), ids.at(i).constData());
        QCOMPARE(id->seq, head + 1 + quint64(i));
    }
    QCOMPARE(storedIdsAfter(head), ids);
    const auto stored = (*m_server)->store().eventsAfter(head, QStringLiteral("alice"), 100'000);
    QCOMPARE(QJsonDocument::fromJson(stored.at(1234).data).object().value(u"notification_id").toString(),
             QStringLiteral("n-1234"));
}

// Line 1,207 is invalid (and line 500 blank, so that it is the 1,206th event,
// the 206th of the second request): the first request's 1,000 stay published.
void tst_Cli::publishBatchStopsAtAnInvalidItem()
{
    QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral("events.jsonl")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    for (int line = 1; line <= 1300; ++line) {
        if (line == 500)
            file.write("\n");
        else if (line == 1207)
            file.write(R"({"event":"notification","data":{"notification_id":"bad","title":5}})"
                       "\n");
        else
            file.write(notificationLine(line));
    }
    file.close();
    const quint64 head = (*m_server)->store().headSeq();
    Cli cli(publishBatch(file.fileName()));
    QVERIFY(cli.finished());
    QCOMPARE(cli.exitCode(), 5);
    const QByteArray err = cli.err();
    QVERIFY2(err.contains("HTTP 422: line 1207: events[205].data.title must be a string"), err.constData());
    QVERIFY2(err.contains("1000 of 1299 events published before the failure (through line 1001"), err.constData());
    const QByteArrayList ids = idsIn(cli.rawOut());
    QCOMPARE(ids.size(), 1000);
    QCOMPARE(storedIdsAfter(head), ids);
}

void tst_Cli::publishBatchRefusesALineThatIsNotAnObject()
{
    RecordingProxy proxy(m_server->port());
    const quint64 head = (*m_server)->store().headSeq();
    for (const auto &[input, line] :
         { QPair<QByteArray, QByteArray>{ notificationLine(1) + "\n{\"event\":\n", "line 3" },
           QPair<QByteArray, QByteArray>{ notificationLine(1) + "[1]\n", "line 2" } }) {
        Cli cli(publishBatch(QStringLiteral("-"), proxy.url()));
        cli.input(input);
        QVERIFY(cli.finished());
        QCOMPARE(cli.exitCode(), 2);
        const QByteArray err = cli.err();
        QVERIFY2(err.startsWith(QByteArray("notify-cli: " + line + ": not a JSON object")), err.constData());
        QCOMPARE(cli.rawOut(), QByteArray());
    }
    QCOMPARE(proxy.batches(), QList<qsizetype>());
    QCOMPARE((*m_server)->store().headSeq(), head);
}

void tst_Cli::publishBatchOfNothing()
{
    RecordingProxy proxy(m_server->port());
    for (const QByteArray &input : { QByteArray(), QByteArray("\n  \n\r\n") }) {
        Cli cli(publishBatch(QStringLiteral("-"), proxy.url()));
        cli.input(input);
        QVERIFY(cli.finished());
        QCOMPARE(cli.exitCode(), 0);
        QCOMPARE(cli.rawOut(), QByteArray());
        QCOMPARE(cli.err(), QByteArray());
    }
    QCOMPARE(proxy.batches(), QList<qsizetype>());
}

// As the single form reports them, plus how many were published.
void tst_Cli::publishBatchReportsFailures()
{
    const QByteArray two = notificationLine(1) + notificationLine(2);
    Cli notAdmin({ QStringLiteral("publish"), serverUrl(), QStringLiteral("--token"), Alice, QStringLiteral("--batch"),
                   QStringLiteral("-") });
    notAdmin.input(two);
    QVERIFY(notAdmin.finished());
    QCOMPARE(notAdmin.exitCode(), 4);
    const QByteArray notAdminErr = notAdmin.err();
    QVERIFY2(notAdminErr.contains("notify-cli: HTTP 403: "), notAdminErr.constData());
    QVERIFY2(notAdminErr.contains("notify-cli: 0 of 2 events published before the failure\n"), notAdminErr.constData());
    QCOMPARE(notAdmin.rawOut(), QByteArray());

    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
    const QString nobody = QStringLiteral("http://127.0.0.1:%1").arg(closed.serverPort());
    closed.close();
    Cli refused(publishBatch(QStringLiteral("-"), nobody));
    refused.input(two);
    QVERIFY(refused.finished());
    QCOMPARE(refused.exitCode(), 5);
    const QByteArray refusedErr = refused.err();
    QVERIFY2(refusedErr.contains("notify-cli: 0 of 2 events published before the failure\n"), refusedErr.constData());

    // The second request fails: the first one's events stay published.
    RecordingProxy proxy(m_server->port());
    proxy.holdFrom(1);
    QByteArray input;
    for (int n = 1; n <= 1500; ++n)
        input += notificationLine(n);
    const quint64 head = (*m_server)->store().headSeq();
    Cli cli(publishBatch(QStringLiteral("-"), proxy.url()));
    cli.input(input);
    QVERIFY(QTest::qWaitFor([&] { return proxy.held() == 1 && cli.rawOut().count('\n') == 1000; }, 20000));
    (*m_server)->faults().failRequests(1, 503);
    proxy.release();
    QVERIFY(cli.finished());
    QCOMPARE(cli.exitCode(), 5);
    const QByteArray err = cli.err();
    QVERIFY2(err.contains("notify-cli: HTTP 503: "), err.constData());
    QVERIFY2(err.contains("notify-cli: 1000 of 1500 events published before the failure (through line 1000"),
             err.constData());
    QCOMPARE(proxy.batches(), (QList<qsizetype>{ 1000, 500 }));
    const QByteArrayList ids = idsIn(cli.rawOut());
    QCOMPARE(ids.size(), 1000);
    QCOMPARE(storedIdsAfter(head), ids);
}

// A request stays under the server's 1 MiB body limit, however few events that makes it.
void tst_Cli::publishBatchKeepsRequestsUnderTheBodyLimit()
{
    RecordingProxy proxy(m_server->port());
    QByteArray input;
    for (int n = 0; n < 3; ++n)
        input += R"({"event":"custom_thing","data":{"blob":")" + QByteArray(400 * 1024, 'x') + "\"}}\n";
    Cli cli(publishBatch(QStringLiteral("-"), proxy.url()));
    cli.input(input);
    QVERIFY(cli.finished());
    QCOMPARE(cli.exitCode(), 0);
    QCOMPARE(proxy.batches(), (QList<qsizetype>{ 2, 1 }));
    QCOMPARE(idsIn(cli.rawOut()).size(), 3);
}

void tst_Cli::usageErrors()
{
    for (const QStringList &arguments :
         { QStringList{ QStringLiteral("frobnicate") }, QStringList{ QStringLiteral("listen") },
           QStringList{ QStringLiteral("listen"), QStringLiteral("ftp://x/") },
           QStringList{ QStringLiteral("listen"), streamUrl(), QStringLiteral("--max-events"), QStringLiteral("0") },
           QStringList{ QStringLiteral("publish"), serverUrl(), QStringLiteral("--event"), QStringLiteral("x"),
                        QStringLiteral("--data"), QStringLiteral("[1]") },
           QStringList{ QStringLiteral("publish"), serverUrl(), QStringLiteral("--token"), Admin,
                        QStringLiteral("--batch"), QStringLiteral("-"), QStringLiteral("--event"),
                        QStringLiteral("x") },
           QStringList{ QStringLiteral("publish"), serverUrl(), QStringLiteral("--token"), Admin,
                        QStringLiteral("--batch"), QStringLiteral("/no/such/file.jsonl") } }) {
        Cli cli(arguments);
        QVERIFY(cli.finished());
        QCOMPARE(cli.exitCode(), 2);
        QVERIFY(!cli.err().isEmpty());
    }
    Cli batchAndEvent({ QStringLiteral("publish"), serverUrl(), QStringLiteral("--token"), Admin,
                        QStringLiteral("--batch"), QStringLiteral("-"), QStringLiteral("--data"),
                        QStringLiteral("{}") });
    QVERIFY(batchAndEvent.finished());
    QCOMPARE(batchAndEvent.exitCode(), 2);
    QVERIFY(batchAndEvent.err().startsWith("notify-cli: --batch takes the events from its file: not with --event"));
    Cli help({ QStringLiteral("--help") });
    QVERIFY(help.finished());
    QCOMPARE(help.exitCode(), 0);
    QVERIFY(help.rawOut().contains("listen"));
}

QTEST_GUILESS_MAIN(tst_Cli)
#include "tst_cli.moc"
