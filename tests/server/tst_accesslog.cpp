// SPDX-License-Identifier: MIT
// What the access log may show of a request target.

#include "accesslog.h"

#include <QTest>

using Notify::Server::AccessLog::loggableTarget;

class tst_AccessLog final : public QObject
{
    Q_OBJECT

private slots:
    void redactsTokens_data();
    void redactsTokens();
    void longTargetsAreCut();
};

void tst_AccessLog::redactsTokens_data()
{
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<QByteArray>("logged");
    QTest::addRow("no-query") << QByteArray("/api/v1/orders/") << QByteArray("/api/v1/orders/");
    QTest::addRow("query-without-token") << QByteArray("/api/v1/events/?since=a-1&limit=5")
                                         << QByteArray("/api/v1/events/?since=a-1&limit=5");
    QTest::addRow("query-token") << QByteArray("/api/v1/notifications/sse/stream/?token=s3cret")
                                 << QByteArray("/api/v1/notifications/sse/stream/?token=[redacted]");
    QTest::addRow("token-not-last") << QByteArray("/api/v1/orders/?token=s3cret&limit=5")
                                    << QByteArray("/api/v1/orders/?token=[redacted]");
    QTest::addRow("typo-ampersand") << QByteArray("/api/v1/notifications/stream&token=s3cret")
                                    << QByteArray("/api/v1/notifications/stream&token=[redacted]");
    QTest::addRow("in-the-path") << QByteArray("/token=s3cret/x") << QByteArray("/token=[redacted]");
    QTest::addRow("access-token") << QByteArray("/x?access_token=s3cret") << QByteArray("/x?access_token=[redacted]");
    QTest::addRow("upper-case") << QByteArray("/x?TOKEN=s3cret") << QByteArray("/x?TOKEN=[redacted]");
    QTest::addRow("percent-encoded-value") << QByteArray("/x?token=a%2Bb") << QByteArray("/x?token=[redacted]");
}

void tst_AccessLog::redactsTokens()
{
    QFETCH(QByteArray, target);
    QFETCH(QByteArray, logged);
    QCOMPARE(loggableTarget(target), logged);
    QVERIFY(!loggableTarget(target).contains("s3cret"));
}

void tst_AccessLog::longTargetsAreCut()
{
    const QByteArray target = "/api/v1/" + QByteArray(5000, 'x');
    const QByteArray logged = loggableTarget(target);
    QCOMPARE(logged.size(), 203);
    QVERIFY(logged.endsWith("..."));
    // A token past the cut is still redacted, not cut in half.
    QVERIFY(!loggableTarget(QByteArray(QByteArray(190, 'x') + "?token=s3cret")).contains("s3cr"));
}

QTEST_GUILESS_MAIN(tst_AccessLog)
#include "tst_accesslog.moc"
