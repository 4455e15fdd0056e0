// SPDX-License-Identifier: MIT
// What the access log says of a request: only what the server defines.

#include "http/accesslog.h"

#include <QTest>

using namespace Notify::Server;

class tst_AccessLog final : public QObject
{
    Q_OBJECT

private slots:
    void routesByTheirPattern_data();
    void routesByTheirPattern();
    void aLine();
};

void tst_AccessLog::routesByTheirPattern_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<QByteArray>("logged");
    QTest::addRow("plain") << QByteArray("GET") << QByteArray("/api/v1/orders/") << QByteArray("GET /api/v1/orders/");
    QTest::addRow("query-dropped") << QByteArray("GET") << QByteArray("/api/v1/events/?since=a-1&token=s3cret")
                                   << QByteArray("GET /api/v1/events/");
    QTest::addRow("id-as-placeholder") << QByteArray("POST") << QByteArray("/api/v1/notifications/s3cret/read/")
                                       << QByteArray("POST /api/v1/notifications/<id>/read/");
    QTest::addRow("unread") << QByteArray("POST") << QByteArray("/api/v1/notifications/s3cret/unread/")
                            << QByteArray("POST /api/v1/notifications/<id>/unread/");
    QTest::addRow("stream-alias") << QByteArray("GET") << QByteArray("/notifications/sse/stream/?token=s3cret")
                                  << QByteArray("GET /api/v1/notifications/sse/stream/");
    QTest::addRow("no-route") << QByteArray("GET") << QByteArray("/s3cret/x?token=s3cret")
                              << QByteArray("GET <no route, 22 bytes>");
    QTest::addRow("typo") << QByteArray("GET") << QByteArray("/api/v1/notifications/sse/stream&token=s3cret")
                          << QByteArray("GET <no route, 45 bytes>");
    QTest::addRow("unknown-method") << QByteArray("S3CRET") << QByteArray("/api/v1/orders/")
                                    << QByteArray("- /api/v1/orders/");
    QTest::addRow("lower-case-method") << QByteArray("get") << QByteArray("/api/v1/orders/")
                                       << QByteArray("- /api/v1/orders/");
}

void tst_AccessLog::routesByTheirPattern()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, target);
    QFETCH(QByteArray, logged);
    const QByteArray path = target.left(target.indexOf('?') < 0 ? target.size() : target.indexOf('?'));
    QCOMPARE(AccessLog::request(method, Route::match(path), target.size()), logged);
}

void tst_AccessLog::aLine()
{
    const QString line = AccessLog::line("POST", Route::match("/api/v1/notifications/n-1/read/"), 31, 204,
                                         QStringLiteral("alice"), 0, 412);
    QCOMPARE(line, QStringLiteral("POST /api/v1/notifications/<id>/read/ 204 alice 0 B 412 us"));
    QCOMPARE(AccessLog::line("GET", Route::match("/nope/"), 6, 404, {}, 57, 9),
             QStringLiteral("GET <no route, 6 bytes> 404 - 57 B 9 us"));
}

QTEST_GUILESS_MAIN(tst_AccessLog)
#include "tst_accesslog.moc"
