// SPDX-License-Identifier: MIT
// CorsPolicy (--cors-origin): the preflight's answer, the allowed origin
// echoed with Vary: Origin, any other origin (or none) given no CORS header,
// `*` for everybody, and no headers at all when disabled.

#include "http/corspolicy.h"
#include "http/httprequest.h"
#include "http/httpresponse.h"

#include <QTest>

using Notify::Server::CorsPolicy;
using Notify::Server::HttpRequest;
using Notify::Server::HttpResponse;

using Headers = QList<QPair<QByteArray, QByteArray>>;

namespace {

const QByteArray App = "https://app.example.com";

HttpRequest requestFrom(const QByteArray &origin)
{
    HttpRequest request;
    request.method = "GET";
    request.target = request.path = "/api/v1/orders/";
    request.headers = { { "host", "notify.example.com" }, { "authorization", "Bearer x" } };
    if (!origin.isNull())
        request.headers.append({ "origin", origin });
    return request;
}

/// The headers apply() leaves on a JSON answer (which has Content-Type).
Headers applied(const CorsPolicy &policy, const HttpRequest &request)
{
    HttpResponse response = HttpResponse::json(200, {});
    policy.apply(response, request);
    return response.headers;
}

} // namespace

class tst_CorsPolicy final : public QObject
{
    Q_OBJECT

private slots:
    void preflight();
    void enabled();
    void origins_data();
    void origins();
    void aSecondApplyAddsNothing();
    void theFirstOriginHeaderCounts();
    void aPreflightAnswered();
};

void tst_CorsPolicy::preflight()
{
    const HttpResponse response = CorsPolicy::preflight();
    QCOMPARE(response.status, 204);
    QVERIFY(response.body.isEmpty());
    QVERIFY(!response.closeAfter);
    QCOMPARE(response.headers,
             (Headers{ { "Access-Control-Allow-Methods", "GET, POST, PUT, DELETE, OPTIONS" },
                       { "Access-Control-Allow-Headers", "Authorization, Content-Type, Last-Event-ID, Cache-Control" },
                       { "Access-Control-Max-Age", "600" } }));
    // Not for any one origin: apply() decides that.
    QVERIFY(!response.toBytes().contains("Access-Control-Allow-Origin"));
    QVERIFY(response.toBytes().startsWith("HTTP/1.1 204 No Content\r\n"));
}

void tst_CorsPolicy::enabled()
{
    QVERIFY(!CorsPolicy(QByteArray()).enabled());
    QVERIFY(!CorsPolicy(QByteArray("")).enabled());
    QVERIFY(CorsPolicy("*").enabled());
    QVERIFY(CorsPolicy(App).enabled());
}

void tst_CorsPolicy::origins_data()
{
    QTest::addColumn<QByteArray>("allowed"); // --cors-origin
    QTest::addColumn<QByteArray>("origin"); // the request's Origin; null: none sent
    QTest::addColumn<Headers>("added"); // beside Content-Type

    const Headers none;
    const Headers echoed{ { "Access-Control-Allow-Origin", App }, { "Vary", "Origin" } };
    const Headers star{ { "Access-Control-Allow-Origin", "*" } };

    QTest::addRow("disabled-no-origin") << QByteArray() << QByteArray() << none;
    QTest::addRow("disabled-some-origin") << QByteArray() << App << none;
    QTest::addRow("disabled-origin-null") << QByteArray() << QByteArray("null") << none;

    QTest::addRow("allowed") << App << App << echoed;
    QTest::addRow("no-origin") << App << QByteArray() << none; // not a browser's cross-origin request
    QTest::addRow("empty-origin") << App << QByteArray("") << none;
    QTest::addRow("other-origin") << App << QByteArray("https://evil.example.com") << none;
    QTest::addRow("opaque-origin") << App << QByteArray("null") << none;
    QTest::addRow("http-not-https") << App << QByteArray("http://app.example.com") << none;
    QTest::addRow("other-port") << App << QByteArray("https://app.example.com:8443") << none;
    QTest::addRow("subdomain") << App << QByteArray("https://x.app.example.com") << none;
    QTest::addRow("suffix-added") << App << QByteArray("https://app.example.com.evil.com") << none;
    QTest::addRow("prefix-only") << App << QByteArray("https://app.example.co") << none;
    QTest::addRow("trailing-slash") << App << QByteArray("https://app.example.com/") << none;
    QTest::addRow("upper-case") << App << QByteArray("https://APP.example.com") << none;

    QTest::addRow("star-no-origin") << QByteArray("*") << QByteArray() << star;
    QTest::addRow("star-some-origin") << QByteArray("*") << App << star;
    QTest::addRow("star-origin-null") << QByteArray("*") << QByteArray("null") << star;
    QTest::addRow("star-origin-star") << QByteArray("*") << QByteArray("*") << star;
}

void tst_CorsPolicy::origins()
{
    QFETCH(QByteArray, allowed);
    QFETCH(QByteArray, origin);
    QFETCH(Headers, added);
    const CorsPolicy policy(allowed);
    const Headers headers = applied(policy, requestFrom(origin));
    QCOMPARE(headers.first(), (QPair<QByteArray, QByteArray>("Content-Type", "application/json")));
    QCOMPARE(headers.mid(1), added);
}

void tst_CorsPolicy::aSecondApplyAddsNothing()
{
    const CorsPolicy policy(App);
    HttpResponse response = HttpResponse::noContent();
    policy.apply(response, requestFrom(App));
    policy.apply(response, requestFrom(App));
    QCOMPARE(response.headers, (Headers{ { "Access-Control-Allow-Origin", App }, { "Vary", "Origin" } }));
}

void tst_CorsPolicy::theFirstOriginHeaderCounts()
{
    const CorsPolicy policy(App);
    HttpRequest request = requestFrom("https://evil.example.com");
    request.headers.append(QPair<QByteArray, QByteArray>("origin", App));
    QCOMPARE(applied(policy, request).size(), 1); // only Content-Type
    HttpRequest reversed = requestFrom(App);
    reversed.headers.append(QPair<QByteArray, QByteArray>("origin", "https://evil.example.com"));
    QCOMPARE(applied(policy, reversed).size(), 3);
}

void tst_CorsPolicy::aPreflightAnswered()
{
    // What the server sends a browser asking before a PUT with a JSON body.
    const CorsPolicy policy(App);
    HttpRequest request = requestFrom(App);
    request.method = "OPTIONS";
    request.headers.append(QPair<QByteArray, QByteArray>("access-control-request-method", "PUT"));
    request.headers.append(
        QPair<QByteArray, QByteArray>("access-control-request-headers", "authorization,content-type"));
    HttpResponse response = CorsPolicy::preflight();
    policy.apply(response, request);
    const QByteArray bytes = response.toBytes();
    QVERIFY2(bytes.contains("\r\nAccess-Control-Allow-Origin: https://app.example.com\r\n"), bytes.constData());
    QVERIFY2(bytes.contains("\r\nVary: Origin\r\n"), bytes.constData());
    QVERIFY2(bytes.contains("\r\nAccess-Control-Allow-Methods: GET, POST, PUT, DELETE, OPTIONS\r\n"),
             bytes.constData());
    QVERIFY2(bytes.endsWith("\r\n\r\n"), bytes.constData());
}

QTEST_GUILESS_MAIN(tst_CorsPolicy)
#include "tst_corspolicy.moc"
