// SPDX-License-Identifier: MIT
// Route: every path of the API matched to its endpoint, its methods and (for
// a notification's read/unread) its percent-decoded id; the trailing slash
// forgiven, the Django stream alias, unknown and near-miss paths; patterns
// that match their own endpoint; ids written by ApiPath read back unchanged.

#include "common/apipaths.h"
#include "http/route.h"

#include <QTest>

using Notify::Server::Route;
using E = Route::Endpoint;

Q_DECLARE_METATYPE(Route::Endpoint)

class tst_Route final : public QObject
{
    Q_OBJECT

private slots:
    void match_data();
    void match();
    void trailingSlashForgiven_data();
    void trailingSlashForgiven();
    void notFound_data();
    void notFound();
    void patterns_data();
    void patterns();
    void notificationIdsRoundTrip_data();
    void notificationIdsRoundTrip();
};

void tst_Route::match_data()
{
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<Route::Endpoint>("endpoint");
    QTest::addColumn<QString>("parameter");
    QTest::addColumn<QByteArrayList>("methods");

    const QByteArrayList get{ "GET" }, post{ "POST" };
    QTest::addRow("healthz") << QByteArray("/healthz") << E::Healthz << QString() << QByteArrayList{ "GET", "HEAD" };
    QTest::addRow("stream") << QByteArray("/api/v1/notifications/sse/stream/") << E::Stream << QString() << get;
    QTest::addRow("stream-alias") << QByteArray("/notifications/sse/stream/") << E::Stream << QString() << get;
    QTest::addRow("events") << QByteArray("/api/v1/events/") << E::Events << QString()
                            << QByteArrayList{ "GET", "POST" };
    QTest::addRow("notifications") << QByteArray("/api/v1/notifications/") << E::Notifications << QString() << get;
    QTest::addRow("read-all") << QByteArray("/api/v1/notifications/read-all/") << E::NotificationsReadAll << QString()
                              << post;
    QTest::addRow("read") << QByteArray("/api/v1/notifications/42/read/") << E::NotificationRead << QStringLiteral("42")
                          << post;
    QTest::addRow("unread") << QByteArray("/api/v1/notifications/42/unread/") << E::NotificationUnread
                            << QStringLiteral("42") << post;
    QTest::addRow("claim") << QByteArray("/api/v1/notifications/42/claim/") << E::NotificationClaim
                           << QStringLiteral("42") << QByteArrayList{ "POST", "DELETE" };
    QTest::addRow("claim-no-slash") << QByteArray("/api/v1/notifications/n%2F7/claim") << E::NotificationClaim
                                    << QStringLiteral("n/7") << QByteArrayList{ "POST", "DELETE" };
    QTest::addRow("claim-id-claim") << QByteArray("/api/v1/notifications/claim/claim/") << E::NotificationClaim
                                    << QStringLiteral("claim") << QByteArrayList{ "POST", "DELETE" };
    QTest::addRow("groups") << QByteArray("/api/v1/groups/") << E::Groups << QString() << get;
    QTest::addRow("read-uuid") << QByteArray("/api/v1/notifications/0f8fad5b-d9cb-469f-a165-70867728950e/read/")
                               << E::NotificationRead << QStringLiteral("0f8fad5b-d9cb-469f-a165-70867728950e") << post;
    QTest::addRow("read-percent-encoded") << QByteArray("/api/v1/notifications/a%20b%2Fc%C3%A4/read/")
                                          << E::NotificationRead << QStringLiteral("a b/cä") << post;
    QTest::addRow("unread-percent-encoded")
        << QByteArray("/api/v1/notifications/%25/unread/") << E::NotificationUnread << QStringLiteral("%") << post;
    // Ids that look like other paths are ids all the same.
    QTest::addRow("read-id-read") << QByteArray("/api/v1/notifications/read/read/") << E::NotificationRead
                                  << QStringLiteral("read") << post;
    QTest::addRow("unread-id-read") << QByteArray("/api/v1/notifications/read/unread/") << E::NotificationUnread
                                    << QStringLiteral("read") << post;
    QTest::addRow("read-id-unread") << QByteArray("/api/v1/notifications/unread/read/") << E::NotificationRead
                                    << QStringLiteral("unread") << post;
    QTest::addRow("read-id-read-all") << QByteArray("/api/v1/notifications/read-all/read/") << E::NotificationRead
                                      << QStringLiteral("read-all") << post;
    QTest::addRow("read-id-sse") << QByteArray("/api/v1/notifications/sse/read/") << E::NotificationRead
                                 << QStringLiteral("sse") << post;
    QTest::addRow("orders") << QByteArray("/api/v1/orders/") << E::Orders << QString() << get;
    QTest::addRow("presence") << QByteArray("/api/v1/presence/") << E::Presence << QString()
                              << QByteArrayList{ "GET", "PUT" };
    QTest::addRow("messages") << QByteArray("/api/v1/messages/") << E::Messages << QString() << post;
    QTest::addRow("metrics") << QByteArray("/metrics") << E::Metrics << QString() << get;
    QTest::addRow("faults") << QByteArray("/api/v1/dev/faults/") << E::Faults << QString() << post;
    // The plain endpoints forgive a slash the other way too.
    QTest::addRow("healthz-slash") << QByteArray("/healthz/") << E::Healthz << QString()
                                   << QByteArrayList{ "GET", "HEAD" };
    QTest::addRow("metrics-slash") << QByteArray("/metrics/") << E::Metrics << QString() << get;
}

void tst_Route::match()
{
    QFETCH(QByteArray, path);
    QFETCH(Route::Endpoint, endpoint);
    QFETCH(QString, parameter);
    QFETCH(QByteArrayList, methods);
    const Route route = Route::match(path);
    QCOMPARE(route.endpoint, endpoint);
    QCOMPARE(route.parameter, parameter);
    QCOMPARE(route.methods, methods);
    QVERIFY(!route.methods.contains("OPTIONS")); // answered by CORS or 405, never by an endpoint
    // DELETE releases a claim, and deletes nothing else.
    QCOMPARE(route.methods.contains("DELETE"), endpoint == E::NotificationClaim);
}

void tst_Route::trailingSlashForgiven_data()
{
    match_data();
}

void tst_Route::trailingSlashForgiven()
{
    // Without it for the paths that have one; with one for /healthz and /metrics.
    QFETCH(QByteArray, path);
    QFETCH(Route::Endpoint, endpoint);
    QFETCH(QString, parameter);
    QFETCH(QByteArrayList, methods);
    const Route route = Route::match(path.endsWith('/') ? path.chopped(1) : path + '/');
    QCOMPARE(route.endpoint, endpoint);
    QCOMPARE(route.parameter, parameter);
    QCOMPARE(route.methods, methods);
}

void tst_Route::notFound_data()
{
    QTest::addColumn<QByteArray>("path");
    QTest::addRow("empty") << QByteArray();
    QTest::addRow("root") << QByteArray("/");
    QTest::addRow("api") << QByteArray("/api/v1/");
    QTest::addRow("api-v2") << QByteArray("/api/v2/events/");
    QTest::addRow("no-leading-slash") << QByteArray("api/v1/events/");
    QTest::addRow("upper-case") << QByteArray("/API/V1/EVENTS/");
    QTest::addRow("healthz-upper") << QByteArray("/Healthz");
    QTest::addRow("two-trailing-slashes") << QByteArray("/api/v1/events//");
    QTest::addRow("healthz-two-slashes") << QByteArray("/healthz//");
    QTest::addRow("double-slash-inside") << QByteArray("/api/v1//events/");
    QTest::addRow("leading-double-slash") << QByteArray("//healthz");
    QTest::addRow("below-an-endpoint") << QByteArray("/api/v1/orders/1/");
    QTest::addRow("below-healthz") << QByteArray("/healthz/live");
    QTest::addRow("longer-name") << QByteArray("/healthzz");
    QTest::addRow("prefix-of-name") << QByteArray("/health");
    QTest::addRow("stream-prefix") << QByteArray("/api/v1/notifications/sse/");
    QTest::addRow("stream-alias-prefix") << QByteArray("/notifications/");
    QTest::addRow("alias-of-other-endpoints") << QByteArray("/events/");
    QTest::addRow("percent-encoded-name") << QByteArray("/api/v1/%65vents/");
    QTest::addRow("query-kept-in-path") << QByteArray("/api/v1/events/?since=1");
    QTest::addRow("read-no-id") << QByteArray("/api/v1/notifications//read/");
    QTest::addRow("read-just-read") << QByteArray("/api/v1/notifications/read/");
    QTest::addRow("unread-just-unread") << QByteArray("/api/v1/notifications/unread/");
    QTest::addRow("read-id-with-slash") << QByteArray("/api/v1/notifications/a/b/read/");
    QTest::addRow("read-under-stream") << QByteArray("/api/v1/notifications/sse/stream/read/");
    QTest::addRow("read-twice-slashed") << QByteArray("/api/v1/notifications/42/read//");
    QTest::addRow("read-other-action") << QByteArray("/api/v1/notifications/42/delete/");
    QTest::addRow("read-action-only") << QByteArray("/api/v1/notifications/42/");
    QTest::addRow("read-elsewhere") << QByteArray("/api/v1/orders/42/read/");
    QTest::addRow("read-alias-prefix") << QByteArray("/notifications/42/read/");
    QTest::addRow("faults-without-dev") << QByteArray("/api/v1/faults/");
}

void tst_Route::notFound()
{
    QFETCH(QByteArray, path);
    const Route route = Route::match(path);
    QCOMPARE(route.endpoint, E::NotFound);
    QVERIFY(route.parameter.isNull());
    QVERIFY(route.methods.isEmpty());
}

void tst_Route::patterns_data()
{
    QTest::addColumn<Route::Endpoint>("endpoint");
    QTest::addColumn<QByteArray>("pattern");
    QTest::addRow("not-found") << E::NotFound << QByteArray();
    QTest::addRow("healthz") << E::Healthz << QByteArray("/healthz");
    QTest::addRow("stream") << E::Stream << QByteArray("/api/v1/notifications/sse/stream/");
    QTest::addRow("events") << E::Events << QByteArray("/api/v1/events/");
    QTest::addRow("notifications") << E::Notifications << QByteArray("/api/v1/notifications/");
    QTest::addRow("read") << E::NotificationRead << QByteArray("/api/v1/notifications/<id>/read/");
    QTest::addRow("unread") << E::NotificationUnread << QByteArray("/api/v1/notifications/<id>/unread/");
    QTest::addRow("read-all") << E::NotificationsReadAll << QByteArray("/api/v1/notifications/read-all/");
    QTest::addRow("orders") << E::Orders << QByteArray("/api/v1/orders/");
    QTest::addRow("presence") << E::Presence << QByteArray("/api/v1/presence/");
    QTest::addRow("messages") << E::Messages << QByteArray("/api/v1/messages/");
    QTest::addRow("claim") << E::NotificationClaim << QByteArray("/api/v1/notifications/<id>/claim/");
    QTest::addRow("groups") << E::Groups << QByteArray("/api/v1/groups/");
    QTest::addRow("metrics") << E::Metrics << QByteArray("/metrics");
    QTest::addRow("faults") << E::Faults << QByteArray("/api/v1/dev/faults/");
}

void tst_Route::patterns()
{
    QFETCH(Route::Endpoint, endpoint);
    QFETCH(QByteArray, pattern);
    QCOMPARE(Route::pattern(endpoint), pattern);
    // Every pattern is a path of its own endpoint (`<id>` read as an id).
    const Route route = Route::match(pattern);
    QCOMPARE(route.endpoint, endpoint);
    if (endpoint == E::NotificationRead || endpoint == E::NotificationUnread)
        QCOMPARE(route.parameter, QStringLiteral("<id>"));
}

void tst_Route::notificationIdsRoundTrip_data()
{
    QTest::addColumn<QString>("id");
    QTest::addRow("digits") << QStringLiteral("12345");
    QTest::addRow("uuid") << QStringLiteral("0f8fad5b-d9cb-469f-a165-70867728950e");
    QTest::addRow("slash") << QStringLiteral("a/b");
    QTest::addRow("space-and-plus") << QStringLiteral("a b+c");
    QTest::addRow("percent") << QStringLiteral("100%");
    QTest::addRow("query-and-fragment") << QStringLiteral("a?b#c");
    QTest::addRow("non-ascii") << QStringLiteral("zoë-山田-🙂");
    QTest::addRow("dots") << QStringLiteral("..");
    QTest::addRow("read") << QStringLiteral("read");
    QTest::addRow("read-slash") << QStringLiteral("x/read/");
}

void tst_Route::notificationIdsRoundTrip()
{
    // What clients send (ApiPath) is what the server reads.
    QFETCH(QString, id);
    const Route read = Route::match(Notify::ApiPath::notificationRead(id).toLatin1());
    QCOMPARE(read.endpoint, E::NotificationRead);
    QCOMPARE(read.parameter, id);
    const Route unread = Route::match(Notify::ApiPath::notificationUnread(id).toLatin1());
    QCOMPARE(unread.endpoint, E::NotificationUnread);
    QCOMPARE(unread.parameter, id);
}

QTEST_GUILESS_MAIN(tst_Route)
#include "tst_route.moc"
