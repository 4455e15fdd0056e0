// SPDX-License-Identifier: MIT
#include "http/httprequestparser.h"

#include <QTest>

using Notify::Server::HttpRequest;
using Notify::Server::HttpRequestParser;

Q_DECLARE_METATYPE(HttpRequestParser::Status)

class tst_HttpRequestParser final : public QObject
{
    Q_OBJECT

private slots:
    void requests_data();
    void requests();
    void headersAndQuery();
    void bodyWaitsForContentLength();
    void pipelinedRequests();
    void headerLimitIncludesRequestLine();
    void bodyLimitBeforeReading();
    void endlessHeaderStopsAtLimit();
    void keepAlive_data();
    void keepAlive();
};

void tst_HttpRequestParser::requests_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<HttpRequestParser::Status>("status");
    QTest::addColumn<int>("errorStatus");
    QTest::addColumn<QByteArray>("path");

    using S = HttpRequestParser::Status;
    QTest::addRow("simple-get") << QByteArray("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n") << S::Complete << 0
                                << QByteArray("/healthz");
    QTest::addRow("bare-lf") << QByteArray("GET /a HTTP/1.1\nHost: x\n\n") << S::Complete << 0 << QByteArray("/a");
    QTest::addRow("http-1.0") << QByteArray("GET /a HTTP/1.0\r\n\r\n") << S::Complete << 0 << QByteArray("/a");
    QTest::addRow("leading-empty-lines") << QByteArray("\r\n\r\nGET /a HTTP/1.1\r\n\r\n") << S::Complete << 0
                                         << QByteArray("/a");
    QTest::addRow("query") << QByteArray("GET /s?token=abc&last_event_id=1 HTTP/1.1\r\n\r\n") << S::Complete << 0
                           << QByteArray("/s");
    QTest::addRow("asterisk") << QByteArray("OPTIONS * HTTP/1.1\r\n\r\n") << S::Complete << 0 << QByteArray("*");
    QTest::addRow("incomplete-head") << QByteArray("GET /a HTTP/1.1\r\nHost: x\r\n") << S::NeedMore << 0
                                     << QByteArray();
    QTest::addRow("incomplete-body") << QByteArray("POST /a HTTP/1.1\r\nContent-Length: 5\r\n\r\nab") << S::NeedMore
                                     << 0 << QByteArray();
    QTest::addRow("garbage") << QByteArray("\x16\x03\x01\x02\x01\xfc\x03\x03") << S::Error << 400 << QByteArray();
    QTest::addRow("no-version") << QByteArray("GET /a\r\n\r\n") << S::Error << 400 << QByteArray();
    QTest::addRow("extra-space") << QByteArray("GET  /a HTTP/1.1\r\n\r\n") << S::Error << 400 << QByteArray();
    QTest::addRow("trailing-space") << QByteArray("GET /a HTTP/1.1 \r\n\r\n") << S::Error << 400 << QByteArray();
    QTest::addRow("lowercase-version") << QByteArray("GET /a http/1.1\r\n\r\n") << S::Error << 400 << QByteArray();
    QTest::addRow("http-2") << QByteArray("GET /a HTTP/2.0\r\n\r\n") << S::Error << 505 << QByteArray();
    QTest::addRow("bad-method") << QByteArray("G(T /a HTTP/1.1\r\n\r\n") << S::Error << 400 << QByteArray();
    QTest::addRow("relative-target") << QByteArray("GET a HTTP/1.1\r\n\r\n") << S::Error << 400 << QByteArray();
    QTest::addRow("control-in-target") << QByteArray("GET /a\x01 HTTP/1.1\r\n\r\n") << S::Error << 400 << QByteArray();
    QTest::addRow("header-without-colon")
        << QByteArray("GET /a HTTP/1.1\r\nHost x\r\n\r\n") << S::Error << 400 << QByteArray();
    QTest::addRow("space-before-colon") << QByteArray("GET /a HTTP/1.1\r\nHost : x\r\n\r\n") << S::Error << 400
                                        << QByteArray();
    QTest::addRow("empty-header-name") << QByteArray("GET /a HTTP/1.1\r\n: x\r\n\r\n") << S::Error << 400
                                       << QByteArray();
    QTest::addRow("folded-header") << QByteArray("GET /a HTTP/1.1\r\nX-A: 1\r\n 2\r\n\r\n") << S::Error << 400
                                   << QByteArray();
    QTest::addRow("control-in-value") << QByteArray("GET /a HTTP/1.1\r\nX-A: 1\x01\r\n\r\n") << S::Error << 400
                                      << QByteArray();
    QTest::addRow("bad-content-length") << QByteArray("POST /a HTTP/1.1\r\nContent-Length: 1x\r\n\r\n") << S::Error
                                        << 400 << QByteArray();
    QTest::addRow("negative-content-length")
        << QByteArray("POST /a HTTP/1.1\r\nContent-Length: -1\r\n\r\n") << S::Error << 400 << QByteArray();
    QTest::addRow("conflicting-content-length")
        << QByteArray("POST /a HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab") << S::Error << 400
        << QByteArray();
    QTest::addRow("chunked") << QByteArray("POST /a HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n") << S::Error << 501
                             << QByteArray();
    QTest::addRow("body-too-large") << QByteArray("POST /a HTTP/1.1\r\nContent-Length: 1048577\r\n\r\n") << S::Error
                                    << 413 << QByteArray();
    QTest::addRow("body-at-limit-waits") << QByteArray("POST /a HTTP/1.1\r\nContent-Length: 1048576\r\n\r\n")
                                         << S::NeedMore << 0 << QByteArray();
}

void tst_HttpRequestParser::requests()
{
    QFETCH(QByteArray, input);
    QFETCH(HttpRequestParser::Status, status);
    QFETCH(int, errorStatus);
    QFETCH(QByteArray, path);

    // Whole and byte by byte: the outcome must not depend on how bytes arrive.
    for (const bool byteByByte : { false, true }) {
        HttpRequestParser parser;
        HttpRequestParser::Status got = HttpRequestParser::Status::NeedMore;
        if (byteByByte) {
            for (const char c : std::as_const(input)) {
                got = parser.feed(QByteArrayView(&c, 1));
                if (got != HttpRequestParser::Status::NeedMore)
                    break;
            }
        } else {
            got = parser.feed(input);
        }
        QCOMPARE(got, status);
        if (status == HttpRequestParser::Status::Error) {
            QCOMPARE(parser.errorStatus(), errorStatus);
            QVERIFY(!parser.errorMessage().isEmpty());
        }
        if (status == HttpRequestParser::Status::Complete)
            QCOMPARE(parser.takeRequest().path, path);
    }
}

void tst_HttpRequestParser::headersAndQuery()
{
    HttpRequestParser parser;
    QCOMPARE(parser.feed("GET /api/v1/notifications/sse/stream/?token=t%2B1&last_event_id=0badcafe-3 HTTP/1.1\r\n"
                         "Host: 127.0.0.1\r\nAuthorization:   Bearer secret  \r\nLast-Event-ID: 0badcafe-9\r\n"
                         "X-Empty:\r\n\r\n"),
             HttpRequestParser::Status::Complete);
    const HttpRequest request = parser.takeRequest();
    QCOMPARE(request.method, QByteArray("GET"));
    QCOMPARE(request.path, QByteArray("/api/v1/notifications/sse/stream/"));
    QCOMPARE(request.header("authorization"), QByteArray("Bearer secret"));
    QCOMPARE(request.header("last-event-id"), QByteArray("0badcafe-9"));
    QVERIFY(request.hasHeader("x-empty"));
    QVERIFY(request.header("x-empty").isEmpty());
    QVERIFY(!request.hasHeader("cookie"));
    QCOMPARE(request.query.queryItemValue(QStringLiteral("token"), QUrl::FullyDecoded), QStringLiteral("t+1"));
    QCOMPARE(request.query.queryItemValue(QStringLiteral("last_event_id")), QStringLiteral("0badcafe-3"));
}

void tst_HttpRequestParser::bodyWaitsForContentLength()
{
    HttpRequestParser parser;
    QCOMPARE(parser.feed("POST /api/v1/messages/ HTTP/1.1\r\nContent-Length: 10\r\n\r\n{\"to\":"),
             HttpRequestParser::Status::NeedMore);
    QVERIFY(parser.hasPartialRequest());
    QCOMPARE(parser.feed("\"b\"}"), HttpRequestParser::Status::Complete);
    QCOMPARE(parser.takeRequest().body, QByteArray("{\"to\":\"b\"}"));
    QVERIFY(!parser.hasPartialRequest());
}

void tst_HttpRequestParser::pipelinedRequests()
{
    HttpRequestParser parser;
    QCOMPARE(parser.feed("POST /a HTTP/1.1\r\nContent-Length: 2\r\n\r\nhiGET /b HTTP/1.1\r\n\r\nGET /c HTT"),
             HttpRequestParser::Status::Complete);
    QCOMPARE(parser.takeRequest().body, QByteArray("hi"));
    QCOMPARE(parser.parse(), HttpRequestParser::Status::Complete);
    QCOMPARE(parser.takeRequest().path, QByteArray("/b"));
    QCOMPARE(parser.parse(), HttpRequestParser::Status::NeedMore);
    QCOMPARE(parser.feed("P/1.1\r\n\r\n"), HttpRequestParser::Status::Complete);
    QCOMPARE(parser.takeRequest().path, QByteArray("/c"));
}

void tst_HttpRequestParser::headerLimitIncludesRequestLine()
{
    // Exactly 16 KiB of head is accepted, one byte more is 431.
    const QByteArray start = "GET /";
    const QByteArray end = " HTTP/1.1\r\n\r\n";
    const QByteArray fits = start + QByteArray(16 * 1024 - start.size() - end.size(), 'a') + end;
    QCOMPARE(fits.size(), 16 * 1024);
    HttpRequestParser ok;
    QCOMPARE(ok.feed(fits), HttpRequestParser::Status::Complete);
    const QByteArray over = start + QByteArray(16 * 1024 - start.size() - end.size() + 1, 'a') + end;
    HttpRequestParser tooBig;
    QCOMPARE(tooBig.feed(over), HttpRequestParser::Status::Error);
    QCOMPARE(tooBig.errorStatus(), 431);
}

void tst_HttpRequestParser::bodyLimitBeforeReading()
{
    HttpRequestParser parser(16 * 1024, 100);
    QCOMPARE(parser.feed("POST /a HTTP/1.1\r\nContent-Length: 101\r\n\r\n"), HttpRequestParser::Status::Error);
    QCOMPARE(parser.errorStatus(), 413);
}

void tst_HttpRequestParser::endlessHeaderStopsAtLimit()
{
    HttpRequestParser parser;
    QCOMPARE(parser.feed("GET /a HTTP/1.1\r\nX-Long: "), HttpRequestParser::Status::NeedMore);
    HttpRequestParser::Status status = HttpRequestParser::Status::NeedMore;
    int fed = 0;
    const QByteArray chunk(1024, 'x');
    while (status == HttpRequestParser::Status::NeedMore && fed < 100) {
        status = parser.feed(chunk);
        ++fed;
    }
    QCOMPARE(status, HttpRequestParser::Status::Error);
    QCOMPARE(parser.errorStatus(), 431);
    QCOMPARE(fed, 16); // stopped as soon as the limit was passed
}

void tst_HttpRequestParser::keepAlive_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<bool>("keepAlive");
    QTest::addRow("1.1-default") << QByteArray("GET / HTTP/1.1\r\n\r\n") << true;
    QTest::addRow("1.1-close") << QByteArray("GET / HTTP/1.1\r\nConnection: Close\r\n\r\n") << false;
    QTest::addRow("1.0-default") << QByteArray("GET / HTTP/1.0\r\n\r\n") << false;
    QTest::addRow("1.0-keep-alive") << QByteArray("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n") << true;
}

void tst_HttpRequestParser::keepAlive()
{
    QFETCH(QByteArray, input);
    QFETCH(bool, keepAlive);
    HttpRequestParser parser;
    QCOMPARE(parser.feed(input), HttpRequestParser::Status::Complete);
    QCOMPARE(parser.takeRequest().keepAlive(), keepAlive);
}

QTEST_APPLESS_MAIN(tst_HttpRequestParser)
#include "tst_httprequestparser.moc"
