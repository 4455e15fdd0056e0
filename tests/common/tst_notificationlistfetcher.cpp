// SPDX-License-Identifier: MIT
// NotificationListFetcher::parsePage: the shapes backends serve their lists in.

#include "common/notificationlistfetcher.h"

#include <QJsonDocument>
#include <QTest>

using Notify::NotificationListFetcher;

class tst_NotificationListFetcher final : public QObject
{
    Q_OBJECT

private slots:
    void shapes_data();
    void shapes();
    void readFlags();
};

void tst_NotificationListFetcher::shapes_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("pageUrl");
    QTest::addColumn<int>("items");
    QTest::addColumn<QString>("next"); // empty: the last page
    QTest::addColumn<bool>("error");
    const QString page = QStringLiteral("http://h:1/api/v1/notifications/?limit=2&offset=0");
    QTest::addRow("drf-next-absolute") << QByteArray(
        R"({"count":5,"next":"http://h:1/api/v1/notifications/?limit=2&offset=2","previous":null,"results":[{"id":1},{"id":2}]})")
                                       << page << 2
                                       << QStringLiteral("http://h:1/api/v1/notifications/?limit=2&offset=2") << false;
    QTest::addRow("drf-next-relative") << QByteArray(
        R"({"count":5,"next":"/api/v1/notifications/?page=2","previous":null,"results":[{"id":1}]})")
                                       << page << 1 << QStringLiteral("http://h:1/api/v1/notifications/?page=2")
                                       << false;
    QTest::addRow("drf-last-page") << QByteArray(
        R"({"count":2,"next":null,"previous":null,"results":[{"id":1},{"id":2}]})")
                                   << page << 2 << QString() << false;
    QTest::addRow("limit-offset-without-next")
        << QByteArray(R"({"count":5,"results":[{"id":1},{"id":2}]})") << page << 2
        << QStringLiteral("http://h:1/api/v1/notifications/?limit=2&offset=2") << false;
    QTest::addRow("plain-array") << QByteArray(R"([{"id":1},{"id":2},{"id":3}])") << page << 3 << QString() << false;
    QTest::addRow("contract") << QByteArray(R"({"notifications":[{"notification_id":"a"}]})") << page << 1 << QString()
                              << false;
    QTest::addRow("non-objects-skipped") << QByteArray(R"([{"id":1},"x",3,null])") << page << 1 << QString() << false;
    QTest::addRow("not-json") << QByteArray("<html>") << page << 0 << QString() << true;
    QTest::addRow("other-object") << QByteArray(R"({"data":[]})") << page << 0 << QString() << true;
}

void tst_NotificationListFetcher::shapes()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, pageUrl);
    QFETCH(int, items);
    QFETCH(QString, next);
    QFETCH(bool, error);
    const auto page = NotificationListFetcher::parsePage(body, QUrl(pageUrl));
    QCOMPARE(page.items.size(), items);
    QCOMPARE(page.next.toString(), next);
    QCOMPARE(!page.error.isEmpty(), error);
}

void tst_NotificationListFetcher::readFlags()
{
    const auto read
        = [](const char *json) { return NotificationListFetcher::isRead(QJsonDocument::fromJson(json).object()); };
    QVERIFY(read(R"({"read":true})"));
    QVERIFY(read(R"({"is_read":true})"));
    QVERIFY(read(R"({"seen":true})"));
    QVERIFY(read(R"({"unread":false})"));
    QVERIFY(!read(R"({"unread":true})"));
    QVERIFY(!read(R"({"is_read":false})"));
    QVERIFY(!read(R"({})"));
}

QTEST_GUILESS_MAIN(tst_NotificationListFetcher)
#include "tst_notificationlistfetcher.moc"
