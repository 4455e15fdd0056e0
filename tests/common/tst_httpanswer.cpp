// SPDX-License-Identifier: MIT
// HttpAnswer: the one reader of every REST answer (and of a refused stream)
// in the tray and notify-cli.

#include "common/httpanswer.h"

#include <QDateTime>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using Notify::AuthScheme;
using Notify::HttpAnswer;

class tst_HttpAnswer final : public QObject
{
    Q_OBJECT

private slots:
    void message_data();
    void message();
    void retryAfter_data();
    void retryAfter();
    void verdicts_data();
    void verdicts();
    void authHint();
    void readsARealReply();
};

void tst_HttpAnswer::message_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("networkError");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("detail");
    QTest::addColumn<bool>("json");
    const QString qt = QStringLiteral("Error transferring http://x/ - server replied: Not Found");
    QTest::addRow("ours") << 400 << QByteArray(R"({"error":"invalid_field","message":"to is not a user"})") << qt
                          << QStringLiteral("to is not a user") << QStringLiteral("to is not a user") << true;
    QTest::addRow("django") << 401 << QByteArray(R"({"detail":"Invalid token."})") << qt
                            << QStringLiteral("Invalid token.") << QStringLiteral("Invalid token.") << true;
    QTest::addRow("message before detail") << 403 << QByteArray(R"({"detail":"d","message":"m"})") << qt
                                           << QStringLiteral("m") << QStringLiteral("m") << true;
    QTest::addRow("a code only") << 404 << QByteArray(R"({"error":"not_found"})") << qt << QStringLiteral("not_found")
                                 << QStringLiteral("not_found") << true;
    QTest::addRow("no words") << 500 << QByteArray("{}") << qt << QStringLiteral("HTTP 500") << qt << true;
    QTest::addRow("a web page") << 502 << QByteArray("<html>Bad gateway</html>") << qt << QStringLiteral("HTTP 502")
                                << qt << false;
    QTest::addRow("a JSON array") << 404 << QByteArray("[]") << qt << QStringLiteral("HTTP 404") << qt << false;
    QTest::addRow("no answer") << 0 << QByteArray() << QStringLiteral("Connection refused")
                               << QStringLiteral("Connection refused") << QStringLiteral("Connection refused") << false;
    QTest::addRow("a message that is no string")
        << 400 << QByteArray(R"({"message":42,"detail":"the real one"})") << qt << QStringLiteral("the real one")
        << QStringLiteral("the real one") << true;
}

void tst_HttpAnswer::message()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(QString, networkError);
    QFETCH(QString, message);
    QFETCH(QString, detail);
    QFETCH(bool, json);
    const HttpAnswer answer = HttpAnswer::of(status, body, networkError);
    QCOMPARE(answer.status, status);
    QCOMPARE(answer.raw, body);
    QCOMPARE(answer.message, message);
    QCOMPARE(answer.detail(), detail);
    QCOMPARE(answer.json, json);
    QCOMPARE(answer.explained(AuthScheme::Bearer), message); // no challenge: nothing added
}

void tst_HttpAnswer::retryAfter_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<qint64>("ms");
    QTest::addRow("absent") << QByteArray() << qint64(-1);
    QTest::addRow("seconds") << QByteArray("7") << qint64(7000);
    QTest::addRow("spaces") << QByteArray(" 2 ") << qint64(2000);
    QTest::addRow("at most a day") << QByteArray("999999") << qint64(24LL * 3600 * 1000);
    QTest::addRow("an HTTP date in the past") << QByteArray("Wed, 21 Oct 2015 07:28:00 GMT") << qint64(0);
    QTest::addRow("an HTTP date two days ahead: at most a day")
        << QDateTime::currentDateTimeUtc().addDays(2).toString(u"ddd, dd MMM yyyy hh:mm:ss 'GMT'").toLatin1()
        << qint64(24LL * 3600 * 1000);
    QTest::addRow("garbage") << QByteArray("soon") << qint64(-1);
    QTest::addRow("negative") << QByteArray("-5") << qint64(-1);
}

void tst_HttpAnswer::retryAfter()
{
    QFETCH(QByteArray, header);
    QFETCH(qint64, ms);
    QCOMPARE(HttpAnswer::of(503, {}, {}, header).retryAfterMs, ms);
}

void tst_HttpAnswer::verdicts_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<bool>("retryable");
    QTest::addColumn<bool>("endpointMissing");
    const QByteArray apiError = R"({"error":"not_found","message":"no such notification"})";
    QTest::addRow("200") << 200 << QByteArray("{}") << true << false << false;
    QTest::addRow("204") << 204 << QByteArray() << true << false << false;
    QTest::addRow("no answer") << 0 << QByteArray() << false << true << false;
    QTest::addRow("400") << 400 << apiError << false << false << false;
    QTest::addRow("404 of the API") << 404 << apiError << false << false << false;
    QTest::addRow("404 of a web server") << 404 << QByteArray("<h1>Not Found</h1>") << false << false << true;
    QTest::addRow("405") << 405 << apiError << false << false << true;
    QTest::addRow("408") << 408 << QByteArray() << false << true << false;
    QTest::addRow("429") << 429 << QByteArray() << false << true << false;
    QTest::addRow("500") << 500 << QByteArray() << false << true << false;
    QTest::addRow("503") << 503 << QByteArray() << false << true << false;
}

void tst_HttpAnswer::verdicts()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    const HttpAnswer answer = HttpAnswer::of(status, body, QStringLiteral("network"));
    QTEST(answer.ok(), "ok");
    QTEST(answer.retryable(), "retryable");
    QTEST(answer.endpointMissing(), "endpointMissing");
}

void tst_HttpAnswer::authHint()
{
    const QByteArray body = R"({"detail":"Authentication credentials were not provided."})";
    // A Django backend asked with Bearer: say which scheme it wants, and keep its words.
    const HttpAnswer django = HttpAnswer::of(401, body, {}, {}, R"(Token realm="api")");
    QVERIFY(django.authHint(AuthScheme::Bearer).contains(u"Token"));
    QCOMPARE(django.explained(AuthScheme::Bearer),
             django.authHint(AuthScheme::Bearer) + QStringLiteral(" (Authentication credentials were not provided.)"));
    // The scheme that was sent: nothing to add.
    QVERIFY(django.authHint(AuthScheme::Token).isEmpty());
    QCOMPARE(django.explained(AuthScheme::Token), QStringLiteral("Authentication credentials were not provided."));
    // Only a 401 asks for credentials.
    QVERIFY(HttpAnswer::of(403, body, {}, {}, "Token").authHint(AuthScheme::Bearer).isEmpty());
    QVERIFY(HttpAnswer::of(401, body, {}, {}, {}).authHint(AuthScheme::Bearer).isEmpty());
}

// read() takes everything from a real reply: status, body, Retry-After,
// WWW-Authenticate and Qt's words.
void tst_HttpAnswer::readsARealReply()
{
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    connect(&server, &QTcpServer::newConnection, this, [&server] {
        QTcpSocket *socket = server.nextPendingConnection();
        connect(socket, &QTcpSocket::readyRead, socket, [socket] {
            if (!socket->readAll().contains("\r\n\r\n"))
                return;
            const QByteArray body = R"({"detail":"Request was throttled."})";
            socket->write("HTTP/1.1 429 Too Many Requests\r\nRetry-After: 7\r\nWWW-Authenticate: Token\r\n"
                          "Content-Type: application/json\r\nConnection: close\r\nContent-Length: "
                          + QByteArray::number(body.size()) + "\r\n\r\n" + body);
            socket->disconnectFromHost();
        });
    });
    QNetworkAccessManager network;
    QNetworkReply *reply = network.get(
        QNetworkRequest(QUrl(QStringLiteral("http://127.0.0.1:%1/api/v1/orders/").arg(server.serverPort()))));
    QSignalSpy finished(reply, &QNetworkReply::finished);
    QVERIFY(finished.wait(5000));
    const HttpAnswer answer = HttpAnswer::read(reply);
    reply->deleteLater();
    QCOMPARE(answer.status, 429);
    QVERIFY(answer.json);
    QCOMPARE(answer.message, QStringLiteral("Request was throttled."));
    QCOMPARE(answer.retryAfterMs, 7000);
    QCOMPARE(answer.challenge, QByteArray("Token"));
    QVERIFY(answer.retryable());
    QVERIFY(!answer.networkError.isEmpty());
}

QTEST_MAIN(tst_HttpAnswer)
#include "tst_httpanswer.moc"
