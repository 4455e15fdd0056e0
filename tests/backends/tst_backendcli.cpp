// SPDX-License-Identifier: MIT
// notify-cli listen --interpret against the backend it is for: the reference
// Django backend (tests/backends/django, under gunicorn) and notify-server
// --dialect django.

#include "cliprocess.h"
#include "djangobackend.h"
#include "inprocessserver.h"

#include <QJsonArray>
#include <QTest>

using TestSupport::AliceToken;

namespace {

QStringList strings(std::initializer_list<const char *> texts)
{
    QStringList out;
    for (const char *text : texts)
        out << QString::fromUtf8(text);
    return out;
}

QList<QJsonObject> events(Cli &cli)
{
    QList<QJsonObject> out;
    for (const QJsonObject &line : cli.lines()) {
        if (line.value(u"type").toString() == u"event")
            out << line;
    }
    return out;
}

qsizetype count(Cli &cli, const QString &type)
{
    qsizetype n = 0;
    for (const QJsonObject &line : cli.lines())
        n += line.value(u"type").toString() == type;
    return n;
}

QStringList titles(const QList<QJsonObject> &lines)
{
    QStringList out;
    for (const QJsonObject &line : lines)
        out << line.value(u"data").toObject().value(u"title").toString();
    return out;
}

QJsonObject object(const char *json)
{
    return QJsonDocument::fromJson(json).object();
}

} // namespace

class tst_BackendCli final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void interpretsEveryKind();
    void catchesUpAfterAReconnect();
    void resendEverythingShowsEachOnce();
    void bearerIsRefusedWithAClearError();
    void dialectDjangoServer();

private:
    QStringList listen(const QString &auth = QStringLiteral("token"), const QByteArray &token = AliceToken) const
    {
        return { QStringLiteral("listen"),     m_backend.streamUrl(),    QStringLiteral("--token"),
                 QString::fromLatin1(token),   QStringLiteral("--auth"), auth,
                 QStringLiteral("--interpret") };
    }

    TestSupport::DjangoBackend m_backend;
};

void tst_BackendCli::initTestCase()
{
    QVERIFY(m_backend.start());
}

void tst_BackendCli::cleanup()
{
    QVERIFY(m_backend.setResendAll(false));
}

void tst_BackendCli::interpretsEveryKind()
{
    Cli cli(listen());
    QTRY_COMPARE_WITH_TIMEOUT(count(cli, QStringLiteral("open")), 1, 15000);
    QVERIFY(m_backend.publish(QStringLiteral("alice"),
                              object(R"({"type":"notification","id":101,"title":"New order","message":"3 items",
                                         "level":"high","created_at":"2026-11-28T12:00:00+01:00"})")));
    QVERIFY(m_backend.publish(QStringLiteral("alice"),
                              object(R"({"type":"order_update","data":{"order_number":4711,"new_status":"shipped",
                                         "old_status":"processing","comment":"DHL"}})")));
    QVERIFY(
        m_backend.publish(QStringLiteral("alice"), object(R"({"type":"user_status","username":"bob","state":"dnd"})")));
    QVERIFY(m_backend.publish(QStringLiteral("alice"),
                              object(R"({"type":"new_message","id":9,"sender":"bob","text":"Lunch?"})")));
    QVERIFY(m_backend.publish(QStringLiteral("alice"), object(R"({"type":"heartbeat"})"))); // not an event
    QVERIFY(m_backend.publishRaw(QStringLiteral("alice"), QStringLiteral("Printer 3 is out of paper")));
    QVERIFY(m_backend.publishRaw(QStringLiteral("alice"), QStringLiteral(R"({"type":"notification","title":)")));
    QVERIFY(m_backend.publish(QStringLiteral("alice"), object(R"({"type":"read","ids":[101]})")));
    QTRY_COMPARE_WITH_TIMEOUT(events(cli).size(), 7, 15000);
    const QList<QJsonObject> lines = events(cli);
    const auto data = [&](int i) { return lines.at(i).value(u"data").toObject(); };
    QStringList kinds;
    for (const QJsonObject &line : lines) {
        kinds << line.value(u"event").toString();
        QCOMPARE(line.value(u"id").toString(), QString()); // the backend sends no ids
        QCOMPARE(line.value(u"source").toString(), QStringLiteral("stream"));
    }
    QCOMPARE(kinds,
             strings({ "notification", "order_status", "presence", "message", "notification", "notification",
                       "notification_read" }));
    QCOMPARE(data(0), object(R"({"notification_id":"101","title":"New order","body":"3 items","level":"warning",
                                 "created_at":"2026-11-28T11:00:00Z"})"));
    QCOMPARE(data(1).value(u"order_id").toString(), QStringLiteral("4711"));
    QCOMPARE(data(1).value(u"status").toString(), QStringLiteral("shipped"));
    QCOMPARE(data(1).value(u"previous_status").toString(), QStringLiteral("processing"));
    QCOMPARE(data(1).value(u"note").toString(), QStringLiteral("DHL"));
    QCOMPARE(data(2).value(u"user").toString(), QStringLiteral("bob"));
    QCOMPARE(data(2).value(u"status").toString(), QStringLiteral("busy"));
    QCOMPARE(data(3).value(u"from").toString(), QStringLiteral("bob"));
    QCOMPARE(data(3).value(u"body").toString(), QStringLiteral("Lunch?"));
    QCOMPARE(data(4).value(u"title").toString(), QStringLiteral("Printer 3 is out of paper"));
    QVERIFY(!lines.at(4).value(u"note").toString().isEmpty());
    QCOMPARE(data(5).value(u"body").toString(), QStringLiteral(R"({"type":"notification","title":)"));
    QVERIFY(lines.at(5).value(u"note").toString().contains(u"not JSON"));
    QCOMPARE(data(6).value(u"notification_ids").toArray(), QJsonArray{ QStringLiteral("101") });
    for (int i : { 0, 1, 2, 3, 6 })
        QVERIFY(!lines.at(i).contains(u"note"));
}

void tst_BackendCli::catchesUpAfterAReconnect()
{
    // Before the CLI starts: history, which no catch-up brings.
    QVERIFY(m_backend.publish(QStringLiteral("alice"), object(R"({"type":"notification","id":"c0","title":"Old"})")));
    Cli cli(listen());
    QTRY_COMPARE_WITH_TIMEOUT(count(cli, QStringLiteral("open")), 1, 15000);
    QVERIFY(m_backend.publish(QStringLiteral("alice"), object(R"({"type":"notification","id":"c1","title":"Live"})")));
    QTRY_COMPARE_WITH_TIMEOUT(events(cli).size(), 1, 15000);
    // The stream ends; while the CLI waits to reconnect, two notifications are
    // sent. A new stream starts live: only the list has them.
    QVERIFY(m_backend.dropStreams());
    QTRY_VERIFY_WITH_TIMEOUT(count(cli, QStringLiteral("error")) >= 1, 15000);
    QVERIFY(m_backend.publish(
        QStringLiteral("alice"),
        object(R"({"type":"notification","id":"c2","title":"While away 1","created_at":"2026-11-30T10:00:00Z"})")));
    QVERIFY(m_backend.publish(
        QStringLiteral("alice"),
        object(R"({"type":"notification","id":"c3","title":"While away 2","created_at":"2026-11-30T10:00:01Z"})")));
    QTRY_COMPARE_WITH_TIMEOUT(events(cli).size(), 3, 20000);
    QCOMPARE(count(cli, QStringLiteral("open")), 2);
    QVERIFY(m_backend.publish(QStringLiteral("alice"),
                              object(R"({"type":"notification","id":"c4","title":"Live again"})")));
    QTRY_COMPARE_WITH_TIMEOUT(events(cli).size(), 4, 15000);
    const QList<QJsonObject> lines = events(cli);
    QCOMPARE(titles(lines), strings({ "Live", "While away 1", "While away 2", "Live again" }));
    QCOMPARE(lines.at(1).value(u"source").toString(), QStringLiteral("catch-up"));
    QCOMPARE(lines.at(2).value(u"source").toString(), QStringLiteral("catch-up"));
    QCOMPARE(lines.at(3).value(u"source").toString(), QStringLiteral("stream"));
}

// The note's sketch re-sends its whole cached list on every poll (every
// 0.2 s here): each item still appears once.
void tst_BackendCli::resendEverythingShowsEachOnce()
{
    QVERIFY(m_backend.setResendAll(true));
    Cli cli(listen(QStringLiteral("token"), TestSupport::BobToken)); // bob's list is empty so far
    QTRY_COMPARE_WITH_TIMEOUT(count(cli, QStringLiteral("open")), 1, 15000);
    QVERIFY(m_backend.publish(QStringLiteral("bob"), object(R"({"type":"notification","id":"r1","title":"R1"})")));
    QVERIFY(m_backend.publishRaw(QStringLiteral("bob"), QStringLiteral("R2 plain text")));
    QVERIFY(m_backend.publish(
        QStringLiteral("bob"),
        object(R"({"type":"order_update","order_id":"A-9","status":"packed","updated_at":"2026-11-30T10:00:00Z"})")));
    QTRY_COMPARE_WITH_TIMEOUT(events(cli).size(), 3, 15000);
    // Each later event arrives a poll or more after the earlier ones were sent again.
    for (int i = 0; i < 3; ++i) {
        QVERIFY(m_backend.publish(QStringLiteral("bob"),
                                  QJsonObject{ { QStringLiteral("type"), QStringLiteral("notification") },
                                               { QStringLiteral("id"), QStringLiteral("m%1").arg(i) },
                                               { QStringLiteral("title"), QStringLiteral("M%1").arg(i) } }));
        QTRY_COMPARE_WITH_TIMEOUT(events(cli).size(), 4 + i, 15000);
    }
    QCOMPARE(titles(events(cli)), strings({ "R1", "R2 plain text", "", "M0", "M1", "M2" }));
    QCOMPARE(events(cli).at(2).value(u"data").toObject().value(u"status").toString(), QStringLiteral("packed"));
}

void tst_BackendCli::bearerIsRefusedWithAClearError()
{
    Cli cli(listen(QStringLiteral("bearer")));
    QVERIFY(cli.finished());
    QCOMPARE(cli.exitCode(), 4);
    const QList<QJsonObject> lines = cli.lines();
    QVERIFY(!lines.isEmpty());
    QCOMPARE(lines.last().value(u"status").toInt(), 401);
    QVERIFY2(lines.last().value(u"message").toString().startsWith(u"the server asks for Token authentication"),
             qPrintable(lines.last().value(u"message").toString()));
}

// notify-server plays the same backend: unnamed data, type inside, no ids, Token.
void tst_BackendCli::dialectDjangoServer()
{
    TestSupport::InProcessServer server(
        [](Notify::Server::ServerConfig &c) { c.dialect = Notify::Server::ServerConfig::Dialect::Django; });
    QVERIFY(server.start());
    const QString stream = server.url().toString() + QStringLiteral("/api/v1/notifications/sse/stream/");
    Cli raw({ QStringLiteral("listen"), stream, QStringLiteral("--token"), QString::fromLatin1(AliceToken),
              QStringLiteral("--auth"), QStringLiteral("token") });
    Cli interpreted({ QStringLiteral("listen"), stream, QStringLiteral("--token"), QString::fromLatin1(AliceToken),
                      QStringLiteral("--auth"), QStringLiteral("token"), QStringLiteral("--interpret") });
    QTRY_COMPARE_WITH_TIMEOUT(count(raw, QStringLiteral("open")), 1, 15000);
    QTRY_COMPARE_WITH_TIMEOUT(count(interpreted, QStringLiteral("open")), 1, 15000);
    server.notification(QStringLiteral("d1"), { QStringLiteral("alice") });
    QVERIFY(!server
                 .publish("order_status",
                          QJsonObject{ { QStringLiteral("order_id"), QStringLiteral("A-1") },
                                       { QStringLiteral("status"), QStringLiteral("confirmed") } })
                 .isEmpty());
    // Presence events (alice's own streams) come too; look for ours.
    const auto find = [](const QList<QJsonObject> &lines, const QString &type) -> QJsonObject {
        for (const QJsonObject &line : lines) {
            if (line.value(u"event").toString() == type)
                return line;
        }
        return {};
    };
    QTRY_VERIFY_WITH_TIMEOUT(!find(events(interpreted), QStringLiteral("order_status")).isEmpty(), 15000);
    const QJsonObject n = find(events(interpreted), QStringLiteral("notification"));
    QCOMPARE(n.value(u"id").toString(), QString());
    QCOMPARE(n.value(u"data").toObject().value(u"notification_id").toString(), QStringLiteral("d1"));
    QTRY_VERIFY_WITH_TIMEOUT(events(raw).size() >= 2, 15000);
    for (const QJsonObject &line : events(raw)) {
        QCOMPARE(line.value(u"event").toString(), QStringLiteral("message")); // unnamed
        QCOMPARE(line.value(u"id").toString(), QString());
        QVERIFY(QJsonDocument::fromJson(line.value(u"data").toString().toUtf8()).object().contains(u"type"));
    }
}

QTEST_GUILESS_MAIN(tst_BackendCli)
#include "tst_backendcli.moc"
