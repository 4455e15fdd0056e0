// SPDX-License-Identifier: MIT
// notify-server in-process, on an ephemeral port, through real sockets.
// The REST endpoints: events, notifications and reads, orders, messages, publishing.

#include "servertest.h"

#include "hub/eventpublisher.h"

#include <QDateTime>
#include <QJsonDocument>

#include <algorithm>

using namespace Qt::StringLiterals;

class tst_ServerRest final : public QObject
{
    Q_OBJECT

private slots:
    void eventsEndpoint();
    void eventsEndpointResetReason_data();
    void eventsEndpointResetReason();
    void notificationsAndReads();
    void notificationsPagedByOffset();
    void unreadAgainAndCounts();
    void listsKeepTheNewestAndAreTrimmed();
    void ordersSnapshot();
    void messages();
    void publishValidation_data();
    void publishValidation();
    void publishBatch();
    void publishBatchValidation_data();
    void publishBatchValidation();
    void publishesOfOneTurnShareOneCommit();
    void concurrentPublishersAllAcknowledgedInStoreOrder();
};

namespace {

QByteArray batchItem(int i, const QByteArray &user = {})
{
    QJsonObject item{
        { u"event"_s, u"notification"_s },
        { u"data"_s, QJsonObject{ { u"notification_id"_s, u"b%1"_s.arg(i) }, { u"title"_s, u"Batch %1"_s.arg(i) } } }
    };
    if (!user.isEmpty())
        item.insert(u"user"_s, QString::fromLatin1(user));
    return QJsonDocument(item).toJson(QJsonDocument::Compact);
}

QByteArray batchOf(const QByteArrayList &items)
{
    return "{\"events\":[" + items.join(',') + "]}";
}

// The ids a stream received, without presence (its own "online" comes first).
QByteArrayList published(const Stream &stream)
{
    QByteArrayList ids;
    for (const Notify::SseEvent &e : stream.events) {
        if (e.type != "presence")
            ids << e.id;
    }
    return ids;
}

quint64 seqOf(const QJsonValue &id)
{
    return Notify::Protocol::EventId::parse(id.toString().toLatin1()).value_or(Notify::Protocol::EventId{}).seq;
}

} // namespace

void tst_ServerRest::eventsEndpoint()
{
    Server f;
    QVERIFY(f.start());
    QByteArrayList ids;
    for (int i = 0; i < 5; ++i)
        ids << f.notification(QString::number(i));
    auto r = TestClient::request(f.port(), "GET", "/api/v1/events/?since=" + ids.at(1) + "&limit=2", Alice);
    QCOMPARE(r.status, 200);
    QJsonArray events = r.json().value(u"events").toArray();
    QCOMPARE(events.size(), 2);
    QCOMPARE(events.at(0).toObject().value(u"id").toString().toLatin1(), ids.at(2));
    QCOMPARE(events.at(0).toObject().value(u"event").toString(), QStringLiteral("notification"));
    QVERIFY(events.at(0).toObject().value(u"data").isObject());
    QCOMPARE(r.json().value(u"last_event_id").toString().toLatin1(), ids.at(3));
    QCOMPARE(r.json().value(u"reset").toBool(true), false);

    r = TestClient::request(f.port(), "GET", "/api/v1/events/", Alice); // from the oldest
    QCOMPARE(r.json().value(u"events").toArray().size(), 5);
    QCOMPARE(r.json().value(u"last_event_id").toString().toLatin1(), ids.last());

    r = TestClient::request(f.port(), "GET", "/api/v1/events/?since=ffffffff-1", Alice);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(u"reset").toBool(), true);
    QCOMPARE(r.json().value(u"events").toArray().size(), 0);
    QCOMPARE(r.json().value(u"last_event_id").toString().toLatin1(), ids.last());

    r = TestClient::request(f.port(), "GET", "/api/v1/events/?limit=5000", Alice);
    QCOMPARE(r.status, 200);
    for (const char *bad : { "0", "-1", "abc", "1.5", "" }) {
        r = TestClient::request(f.port(), "GET", "/api/v1/events/?limit=" + QByteArray(bad), Alice);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.json().value(u"field").toString(), QStringLiteral("limit"));
    }
}

void tst_ServerRest::eventsEndpointResetReason_data()
{
    QTest::addColumn<QByteArray>("since"); // "first": the first event's id, "beyond": past the head
    QTest::addColumn<bool>("retainFew");
    QTest::addColumn<QString>("reason");
    QTest::addRow("malformed") << QByteArray("not-an-id") << false << QStringLiteral("invalid_id");
    QTest::addRow("beyond-head") << QByteArray("beyond") << false << QStringLiteral("invalid_id");
    QTest::addRow("other-epoch") << QByteArray("other-epoch") << false << QStringLiteral("unknown_epoch");
    QTest::addRow("expired") << QByteArray("first") << true << QStringLiteral("expired");
}

// A poll that cannot be answered says why, as the stream's `reset` does.
void tst_ServerRest::eventsEndpointResetReason()
{
    QFETCH(QByteArray, since);
    QFETCH(bool, retainFew);
    QFETCH(QString, reason);
    Server f;
    QVERIFY(f.start());
    QByteArrayList ids;
    for (int i = 0; i < 10; ++i)
        ids << f.notification(QString::number(i));
    if (retainFew)
        f->store().enforceRetention(3, 0, 0);
    const auto head = Notify::Protocol::EventId::parse(ids.last());
    QVERIFY(head);
    if (since == "first")
        since = ids.first();
    else if (since == "beyond")
        since = Notify::Protocol::EventId{ head->epoch, head->seq + 5 }.toByteArray();
    else if (since == "other-epoch")
        since = Notify::Protocol::EventId{ head->epoch ^ 1u, 1 }.toByteArray();
    const auto r = TestClient::request(f.port(), "GET", "/api/v1/events/?since=" + since, Alice);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(u"reset").toBool(), true);
    QCOMPARE(r.json().value(u"reason").toString(), reason);
    QCOMPARE(r.json().value(u"events").toArray().size(), 0);
    QCOMPARE(r.json().value(u"last_event_id").toString().toLatin1(), ids.last());
}

void tst_ServerRest::notificationsAndReads()
{
    Server f;
    QVERIFY(f.start());
    f.notification(QStringLiteral("n1"), { QStringLiteral("alice") });
    f.notification(QStringLiteral("n2"));
    f.notification(QStringLiteral("n3"), { QStringLiteral("bob") });
    auto r = TestClient::request(f.port(), "GET", "/api/v1/notifications/", Alice);
    QJsonArray list = r.json().value(u"notifications").toArray();
    QCOMPARE(list.size(), 2);
    QCOMPARE(list.at(0).toObject().value(u"notification_id").toString(), QStringLiteral("n2")); // newest first
    QCOMPARE(list.at(0).toObject().value(u"read").toBool(true), false);
    QVERIFY(!list.at(0).toObject().value(u"event_id").toString().isEmpty());

    Stream other(f.port(), Alice); // another device of Alice's
    QVERIFY(other.waitForEvents(1));
    r = TestClient::request(f.port(), "POST", "/api/v1/notifications/n1/read/", Alice, "");
    QCOMPARE(r.status, 204);
    QTRY_COMPARE(other.eventsOfType("notification_read").size(), 1);
    QCOMPARE(QJsonDocument::fromJson(other.eventsOfType("notification_read").first().data)
                 .object()
                 .value(u"notification_ids")
                 .toArray(),
             QJsonArray{ QStringLiteral("n1") });

    // Bob may not read Alice's notification, and cannot tell it exists.
    r = TestClient::request(f.port(), "POST", "/api/v1/notifications/n1/read/", Bob, "");
    QCOMPARE(r.status, 404);
    QCOMPARE(TestClient::request(f.port(), "POST", "/api/v1/notifications/zzz/read/", Bob, "").status, 404);

    r = TestClient::request(f.port(), "GET", "/api/v1/notifications/?unread=1", Alice);
    QCOMPARE(r.json().value(u"notifications").toArray().size(), 1);
    r = TestClient::request(f.port(), "POST", "/api/v1/notifications/read-all/", Alice, "");
    QCOMPARE(r.status, 204);
    QTRY_COMPARE(other.eventsOfType("notification_read").size(), 2);
    QCOMPARE(QJsonDocument::fromJson(other.eventsOfType("notification_read").last().data)
                 .object()
                 .value(u"notification_ids")
                 .toArray(),
             QJsonArray{ QStringLiteral("n2") });
    r = TestClient::request(f.port(), "GET", "/api/v1/notifications/?unread=1", Alice);
    QCOMPARE(r.json().value(u"notifications").toArray().size(), 0);
    // Bob's copy of the broadcast is still unread.
    r = TestClient::request(f.port(), "GET", "/api/v1/notifications/?unread=1", Bob);
    QCOMPARE(r.json().value(u"notifications").toArray().size(), 2);
}

void tst_ServerRest::notificationsPagedByOffset()
{
    // Our extension for "Load older": offset skips the newest ones.
    Server f;
    QVERIFY(f.start());
    for (int i = 1; i <= 5; ++i)
        f.notification(QStringLiteral("n%1").arg(i), { QStringLiteral("alice") });
    const auto ids = [&f](const QByteArray &query) {
        const auto r = TestClient::request(f.port(), "GET", "/api/v1/notifications/" + query, Alice);
        QStringList out;
        for (const auto &item : r.json().value(u"notifications").toArray())
            out << item.toObject().value(u"notification_id").toString();
        return out;
    };
    QCOMPARE(ids("?limit=2"), (QStringList{ u"n5"_s, u"n4"_s }));
    QCOMPARE(ids("?limit=2&offset=2"), (QStringList{ u"n3"_s, u"n2"_s }));
    QCOMPARE(ids("?limit=2&offset=4"), (QStringList{ u"n1"_s }));
    QCOMPARE(ids("?offset=5"), QStringList());
    QCOMPARE(ids("?offset=0"), (QStringList{ u"n5"_s, u"n4"_s, u"n3"_s, u"n2"_s, u"n1"_s }));
    for (const QByteArray bad : { "-1", "x", "1.5", "" }) {
        const auto r = TestClient::request(f.port(), "GET", "/api/v1/notifications/?offset=" + bad, Alice);
        QCOMPARE(r.status, 400);
        QVERIFY2(r.body.contains("offset"), r.body.constData());
    }
}

void tst_ServerRest::unreadAgainAndCounts()
{
    Server f;
    QVERIFY(f.start());
    for (int i = 1; i <= 4; ++i)
        f.notification(QStringLiteral("n%1").arg(i), { QStringLiteral("alice") });
    f.notification(QStringLiteral("b1"), { QStringLiteral("bob") });
    const auto list = [&f](const QByteArray &query) {
        return TestClient::request(f.port(), "GET", "/api/v1/notifications/" + query, Alice).json();
    };
    // The list says how many there are and how many are unread, whatever the page shows.
    QJsonObject page = list("?limit=1");
    QCOMPARE(page.value(u"notifications").toArray().size(), 1);
    QCOMPARE(page.value(u"count").toInteger(), 4);
    QCOMPARE(page.value(u"unread_count").toInteger(), 4);

    Stream other(f.port(), Alice);
    QVERIFY(other.waitForEvents(1));
    QCOMPARE(TestClient::request(f.port(), "POST", "/api/v1/notifications/read-all/", Alice, "").status, 204);
    page = list("?unread=1&limit=1");
    QCOMPARE(page.value(u"notifications").toArray().size(), 0);
    QCOMPARE(page.value(u"count").toInteger(), 0);
    QCOMPARE(page.value(u"unread_count").toInteger(), 0);

    auto r = TestClient::request(f.port(), "POST", "/api/v1/notifications/n2/unread/", Alice, "");
    QCOMPARE(r.status, 204);
    QTRY_COMPARE(other.eventsOfType("notification_unread").size(), 1);
    QCOMPARE(QJsonDocument::fromJson(other.eventsOfType("notification_unread").first().data)
                 .object()
                 .value(u"notification_ids")
                 .toArray(),
             QJsonArray{ QStringLiteral("n2") });
    QVERIFY(!other.eventsOfType("notification_unread").first().id.isEmpty()); // stored and replayed like any event
    page = list("?unread=1");
    QCOMPARE(page.value(u"notifications").toArray().size(), 1);
    QCOMPARE(page.value(u"notifications").toArray().first().toObject().value(u"notification_id").toString(), u"n2"_s);
    QCOMPARE(page.value(u"count").toInteger(), 1);
    QCOMPARE(list("").value(u"count").toInteger(), 4);
    QCOMPARE(list("").value(u"unread_count").toInteger(), 1);

    // Another user's, or none: 404, as for reads; GET is not allowed.
    QCOMPARE(TestClient::request(f.port(), "POST", "/api/v1/notifications/b1/unread/", Alice, "").status, 404);
    QCOMPARE(TestClient::request(f.port(), "POST", "/api/v1/notifications/zz/unread/", Alice, "").status, 404);
    QCOMPARE(TestClient::request(f.port(), "GET", "/api/v1/notifications/n2/unread/", Alice).status, 405);
    QCOMPARE(TestClient::request(f.port(), "POST", "/api/v1/notifications/n2/unread/", "").status, 401);
}

void tst_ServerRest::listsKeepTheNewestAndAreTrimmed()
{
    // --max-notifications 5: each list is the newest five, its counts too,
    // before and after a trim (the same with Redis: tst_serverrest_redis).
    Server f([](ServerConfig &c) { c.maxNotifications = 5; });
    QVERIFY(f.start());
    for (int i = 0; i < 8; ++i)
        f.notification(QStringLiteral("own-%1").arg(i), { QStringLiteral("alice") });
    f.notification(QStringLiteral("all-0"));
    f.notification(QStringLiteral("bob-0"), { QStringLiteral("bob") });
    f.notification(QStringLiteral("own-0"), { QStringLiteral("bob") }); // bob's own of the same id
    QCOMPARE(TestClient::request(f.port(), "POST", "/api/v1/notifications/own-7/read/", Alice, "").status, 204);
    QCOMPARE(TestClient::request(f.port(), "POST", "/api/v1/notifications/own-0/read/", Alice, "").status, 204);
    const auto page = [&f](const QByteArray &query, const QByteArray &token = Alice) {
        return TestClient::request(f.port(), "GET", "/api/v1/notifications/" + query, token).json();
    };
    const auto ids = [](const QJsonObject &answer) {
        QStringList out;
        for (const auto &item : answer.value(u"notifications").toArray())
            out << item.toObject().value(u"notification_id").toString();
        return out;
    };
    const QStringList newest{ u"all-0"_s, u"own-7"_s, u"own-6"_s, u"own-5"_s, u"own-4"_s };
    const auto check = [&] {
        QCOMPARE(ids(page("?limit=100")), newest);
        QCOMPARE(page("").value(u"count").toInteger(), 5);
        QCOMPARE(page("").value(u"unread_count").toInteger(), 4); // own-7 read; own-0 beyond the five
        QCOMPARE(ids(page("?limit=2&offset=4")), QStringList{ u"own-4"_s }); // the end, where Load older stops
        QCOMPARE(page("?unread=1").value(u"count").toInteger(), 4);
        QCOMPARE(page("", Bob).value(u"count").toInteger(), 3);
    };
    check();
    // A budget of one: each step must still drop something, whichever user
    // Redis's scan of the owners names first (it once named bob first, spent
    // the budget on him, and dropped nothing for alice, step after step).
    int steps = 0;
    while (f->store().trimNotifications(0, 0, 1))
        QVERIFY(++steps < 50);
    check();
    // Alice's own-0 went, and her having read it with it (bob's own-0 is his):
    // published to her again, it is unread, with SQLite as with Redis.
    f.notification(QStringLiteral("own-0"), { QStringLiteral("alice") });
    const QJsonArray first = page("?limit=1").value(u"notifications").toArray();
    QCOMPARE(first.at(0).toObject().value(u"notification_id").toString(), u"own-0");
    QCOMPARE(first.at(0).toObject().value(u"read").toBool(true), false);
    QCOMPARE(TestClient::request(f.port(), "POST", "/api/v1/notifications/own-1/read/", Alice, "").status, 404);
    // Read all marks what the list shows.
    QCOMPARE(TestClient::request(f.port(), "POST", "/api/v1/notifications/read-all/", Alice, "").status, 204);
    QCOMPARE(page("").value(u"unread_count").toInteger(), 0);
    // Everything older than the days kept goes (here: a cut-off after all of them).
    while (f->store().trimNotifications(1, QDateTime::currentMSecsSinceEpoch() + 1000, 1000)) { }
    QCOMPARE(page("").value(u"count").toInteger(), 0);
    QCOMPARE(page("", Bob).value(u"count").toInteger(), 0);
    f.notification(QStringLiteral("after"), { QStringLiteral("alice") });
    QCOMPARE(ids(page("")), QStringList{ u"after"_s });
    QCOMPARE(page("").value(u"unread_count").toInteger(), 1);
}

void tst_ServerRest::ordersSnapshot()
{
    Server f;
    QVERIFY(f.start());
    const auto order = [&](const char *id, const char *status, const QStringList &audience) {
        f.publish("order_status",
                  QJsonObject{ { QStringLiteral("order_id"), QString::fromLatin1(id) },
                               { QStringLiteral("status"), QString::fromLatin1(status) },
                               { QStringLiteral("updated_at"), QStringLiteral("2026-11-28T10:00:00Z") } },
                  audience);
    };
    order("A-1", "pending", { QStringLiteral("alice") });
    order("A-1", "shipped", { QStringLiteral("alice") });
    order("B-1", "confirmed", { QStringLiteral("bob") });
    order("C-1", "delivered", {});
    const auto r = TestClient::request(f.port(), "GET", "/api/v1/orders/", Alice);
    const QJsonArray orders = r.json().value(u"orders").toArray();
    QCOMPARE(orders.size(), 2);
    QStringList seen;
    for (const auto &o : orders)
        seen << o.toObject().value(u"order_id").toString() + u'=' + o.toObject().value(u"status").toString();
    seen.sort();
    QCOMPARE(seen, (QStringList{ QStringLiteral("A-1=shipped"), QStringLiteral("C-1=delivered") }));
}

void tst_ServerRest::messages()
{
    Server f;
    QVERIFY(f.start());
    Stream alice(f.port(), Alice);
    Stream bob(f.port(), Bob);
    QVERIFY(alice.waitForHead());
    QVERIFY(bob.waitForHead());
    auto r = TestClient::request(f.port(), "POST", "/api/v1/messages/", Alice, R"({"to":"bob","body":"Hi Bob"})");
    QCOMPARE(r.status, 201);
    const QString id = r.json().value(u"message_id").toString();
    QVERIFY(!id.isEmpty());
    QTRY_COMPARE(bob.eventsOfType("message").size(), 1);
    QTRY_COMPARE(alice.eventsOfType("message").size(), 1);
    const QJsonObject m = QJsonDocument::fromJson(bob.eventsOfType("message").first().data).object();
    QCOMPARE(m.value(u"message_id").toString(), id);
    QCOMPARE(m.value(u"from").toString(), QStringLiteral("alice"));
    QCOMPARE(m.value(u"to").toString(), QStringLiteral("bob"));
    QCOMPARE(m.value(u"body").toString(), QStringLiteral("Hi Bob"));
    QVERIFY(m.value(u"sent_at").toString().endsWith(u'Z'));

    r = TestClient::request(f.port(), "POST", "/api/v1/messages/", Alice, R"({"to":"nobody","body":"x"})");
    QCOMPARE(r.status, 400);
    QCOMPARE(r.json().value(u"field").toString(), QStringLiteral("to"));
    r = TestClient::request(f.port(), "POST", "/api/v1/messages/", Alice, R"({"to":"bob","body":7})");
    QCOMPARE(r.json().value(u"field").toString(), QStringLiteral("body"));
    r = TestClient::request(f.port(), "POST", "/api/v1/messages/", Alice, R"({"to":"bob",)");
    QCOMPARE(r.status, 400);
    QCOMPARE(r.json().value(u"error").toString(), QStringLiteral("invalid_json"));
}

void tst_ServerRest::publishValidation_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("field");
    const auto row = [](const char *name, const char *body, int status, const char *field) {
        QTest::addRow("%s", name) << QByteArray(body) << status << QString::fromLatin1(field);
    };
    row("notification", R"({"event":"notification","user":"alice","data":{"notification_id":"1","title":"t"}})", 201,
        "");
    row("no-title", R"({"event":"notification","data":{"notification_id":"1"}})", 400, "data.title");
    row("bad-level", R"({"event":"notification","data":{"notification_id":"1","title":"t","level":"loud"}})", 400,
        "data.level");
    row("bad-time", R"({"event":"notification","data":{"notification_id":"1","title":"t","created_at":"noon"}})", 400,
        "data.created_at");
    row("order", R"({"event":"order_status","data":{"order_id":"A","status":"refunded"}})", 201, "");
    row("bad-status", R"({"event":"order_status","data":{"order_id":"A","status":"lost"}})", 400, "data.status");
    row("custom-type", R"({"event":"invoice_paid","data":{"amount":12}})", 201, "");
    row("bad-type-name", R"({"event":"Invoice-Paid","data":{}})", 400, "event");
    row("reset", R"({"event":"reset","data":{"reason":"expired","last_event_id":"x"}})", 400, "event");
    row("unknown-user", R"({"event":"x","user":"zed","data":{}})", 400, "user");
    row("data-not-object", R"({"event":"x","data":[1]})", 400, "data");
    row("no-event", R"({"data":{}})", 400, "event");
    row("message", R"({"event":"message","data":{"message_id":"m","from":"alice","to":"bob","body":"hi"}})", 201, "");
    row("presence", R"({"event":"presence","data":{"user":"bob","status":"busy"}})", 201, "");
}

void tst_ServerRest::publishValidation()
{
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, field);
    Server f;
    QVERIFY(f.start());
    const auto r = TestClient::request(f.port(), "POST", "/api/v1/events/", Admin, body);
    QCOMPARE(r.status, status);
    if (status == 201) {
        QVERIFY(Notify::Protocol::EventId::parse(r.json().value(u"id").toString().toLatin1()).has_value());
        // Extra fields kept, missing timestamps filled in.
        const auto polled = TestClient::request(f.port(), "GET", "/api/v1/events/", Alice); // in every audience here
        const QJsonObject data = polled.json().value(u"events").toArray().last().toObject().value(u"data").toObject();
        const QJsonObject sent = QJsonDocument::fromJson(body).object().value(u"data").toObject();
        for (auto it = sent.begin(); it != sent.end(); ++it)
            QCOMPARE(data.value(it.key()), it.value());
    } else {
        QCOMPARE(r.json().value(u"field").toString(), field);
    }
}

// The batch form: ids in order, stored and delivered in that order, as
// consecutive events, to the audience each item names.
void tst_ServerRest::publishBatch()
{
    Server f;
    QVERIFY(f.start());
    Stream alice(f.port(), Alice);
    Stream bob(f.port(), Bob);
    QVERIFY(alice.waitForHead());
    QVERIFY(bob.waitForHead());
    const QByteArray order = R"({"event":"order_status","data":{"order_id":"o-1","status":"shipped"}})";
    const QByteArray custom = R"({"event":"stock_low","user":"bob","data":{"sku":"A-7"}})";
    const auto r = TestClient::request(f.port(), "POST", "/api/v1/events/", Admin,
                                       batchOf({ batchItem(0, "alice"), order, custom, batchItem(1) }));
    QCOMPARE(r.status, 201);
    const QJsonArray ids = r.json().value(u"ids").toArray();
    QCOMPARE(ids.size(), 4);
    QVERIFY(!r.json().contains(u"id"));
    for (qsizetype i = 1; i < ids.size(); ++i)
        QCOMPARE(seqOf(ids[i]), seqOf(ids[i - 1]) + 1);

    // Alice: her notification, the order, the broadcast; Bob: the order, his event, the broadcast.
    QTRY_COMPARE(published(alice).size(), 3);
    QTRY_COMPARE(published(bob).size(), 3);
    QCOMPARE(
        published(alice),
        (QByteArrayList{ ids[0].toString().toLatin1(), ids[1].toString().toLatin1(), ids[3].toString().toLatin1() }));
    QCOMPARE(
        published(bob),
        (QByteArrayList{ ids[1].toString().toLatin1(), ids[2].toString().toLatin1(), ids[3].toString().toLatin1() }));
    QCOMPARE(bob.eventsOfType("stock_low").size(), 1);
    // Timestamps filled in per item, as for the single form.
    QVERIFY(QJsonDocument::fromJson(bob.eventsOfType("order_status").value(0).data).object().contains(u"updated_at"));

    const auto list = TestClient::request(f.port(), "GET", "/api/v1/notifications/", Alice);
    QCOMPARE(list.json().value(u"notifications").toArray().size(), 2);
    const auto orders = TestClient::request(f.port(), "GET", "/api/v1/orders/", Bob);
    QCOMPARE(orders.json().value(u"orders").toArray().size(), 1);

    // The single form still answers with one id.
    const auto single = TestClient::request(f.port(), "POST", "/api/v1/events/", Admin, batchItem(9));
    QCOMPARE(single.status, 201);
    QCOMPARE(seqOf(single.json().value(u"id")), seqOf(ids[3]) + 1);
}

void tst_ServerRest::publishBatchValidation_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("field");
    QTest::addColumn<int>("index"); // -1: none
    QByteArrayList many;
    for (int i = 0; i < 1001; ++i)
        many << batchItem(i);
    const QByteArray noTitle = R"({"event":"notification","data":{"notification_id":"x"}})";
    QTest::addRow("an item without a title")
        << batchOf({ batchItem(0), noTitle, batchItem(2) }) << 422 << u"events[1].data.title"_s << 1;
    QTest::addRow("the last of 1000 invalid")
        << batchOf(many.mid(0, 999) + QByteArrayList{ noTitle }) << 422 << u"events[999].data.title"_s << 999;
    QTest::addRow("an item that is no object") << batchOf({ batchItem(0), "42" }) << 422 << u"events[1]"_s << 1;
    QTest::addRow("a reset") << batchOf({ R"({"event":"reset","data":{}})" }) << 422 << u"events[0].event"_s << 0;
    QTest::addRow("an unknown user") << batchOf({ batchItem(0, "nobody") }) << 422 << u"events[0].user"_s << 0;
    QTest::addRow("a bad timestamp") << batchOf(
        { batchItem(0),
          R"({"event":"order_status","data":{"order_id":"o","status":"shipped",)"
          R"("updated_at":"yesterday"}})" })
                                     << 422 << u"events[1].data.updated_at"_s << 1;
    QTest::addRow("none") << QByteArray(R"({"events":[]})") << 422 << u"events"_s << -1;
    QTest::addRow("1001") << batchOf(many) << 422 << u"events"_s << -1;
    QTest::addRow("not an array") << QByteArray(R"({"events":{"event":"x"}})") << 400 << u"events"_s << -1;
}

// One invalid item rejects the whole batch: nothing of it is stored,
// listed or streamed.
void tst_ServerRest::publishBatchValidation()
{
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, field);
    QFETCH(int, index);
    Server f;
    QVERIFY(f.start());
    Stream alice(f.port(), Alice);
    QVERIFY(alice.waitForHead());
    const QByteArray headBefore = f->store().headId();
    const auto r = TestClient::request(f.port(), "POST", "/api/v1/events/", Admin, body);
    QCOMPARE(r.status, status);
    QCOMPARE(r.json().value(u"field").toString(), field);
    QVERIFY(r.json().value(u"message").toString().startsWith(field));
    QCOMPARE(r.json().contains(u"index"), index >= 0);
    if (index >= 0)
        QCOMPARE(r.json().value(u"index").toInt(), index);

    QCOMPARE(f->store().headId(), headBefore);
    QCOMPARE(TestClient::request(f.port(), "GET", "/api/v1/notifications/", Alice)
                 .json()
                 .value(u"notifications")
                 .toArray()
                 .size(),
             0);
    // The next event is the first the stream sees.
    const QByteArray next = f.notification(u"after"_s);
    QTRY_COMPARE(published(alice).size(), 1);
    QCOMPARE(published(alice), QByteArrayList{ next });
}

// Group commit: what is published in one turn of the hub's event loop is
// stored in one store call, in arrival order, and each publisher hears of
// its own ids only once they are stored.
void tst_ServerRest::publishesOfOneTurnShareOneCommit()
{
    Server f;
    QVERIFY(f.start());
    const auto commits = [&] {
        const QByteArray name = "\nnotify_publish_commits_total ";
        const QByteArray text = f->metricsText();
        const qsizetype at = text.indexOf(name) + name.size();
        return text.mid(at, text.indexOf('\n', at) - at).toLongLong();
    };
    const qint64 before = commits();
    QList<QList<QByteArray>> answers(3);
    int answered = 0;
    const auto publication = [](const QString &id) {
        return EventPublisher::Publication{ "notification",
                                            QJsonObject{ { u"notification_id"_s, id },
                                                         { u"title"_s, id },
                                                         { u"created_at"_s, u"2026-12-07T08:00:00Z"_s } },
                                            {} };
    };
    const QByteArray headBefore = f->store().headId();
    for (int i = 0; i < 3; ++i) {
        f->publishLater({ publication(u"g%1a"_s.arg(i)), publication(u"g%1b"_s.arg(i)) },
                        [&, i](const std::optional<QList<QByteArray>> &ids, const QString &error) {
                            QVERIFY2(ids.has_value(), qPrintable(error));
                            answers[i] = *ids;
                            ++answered;
                        });
    }
    QCOMPARE(answered, 0); // nothing is acknowledged before it is stored
    QCOMPARE(f->store().headId(), headBefore);
    QTRY_COMPARE(answered, 3);
    QCOMPARE(commits(), before + 1);
    QList<quint64> seqs;
    for (const QList<QByteArray> &ids : std::as_const(answers)) {
        QCOMPARE(ids.size(), 2);
        for (const QByteArray &id : ids)
            seqs << Notify::Protocol::EventId::parse(id)->seq;
    }
    for (qsizetype i = 1; i < seqs.size(); ++i)
        QCOMPARE(seqs[i], seqs[i - 1] + 1);
}

// Many connections publishing at once, single and batch forms: every
// publish is acknowledged once, ids are unique, and the stream delivers
// exactly the acknowledged events in id order.
void tst_ServerRest::concurrentPublishersAllAcknowledgedInStoreOrder()
{
    Server f;
    QVERIFY(f.start());
    Stream alice(f.port(), Alice);
    QVERIFY(alice.waitForHead());
    constexpr int Publishers = 12;
    constexpr int Rounds = 5;
    std::vector<std::unique_ptr<TestClient::Connection>> connections;
    for (int p = 0; p < Publishers; ++p) {
        connections.push_back(std::make_unique<TestClient::Connection>(f.port()));
        QVERIFY(connections.back()->connected());
    }
    const auto post = [](const QByteArray &body) -> QByteArray {
        return "POST /api/v1/events/ HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + Admin
            + "\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n"
            + body;
    };
    QList<quint64> acknowledged;
    for (int round = 0; round < Rounds; ++round) {
        // Every connection sends before any answer is read: they reach the hub together.
        for (int p = 0; p < Publishers; ++p) {
            const int n = round * Publishers + p;
            connections[size_t(p)]->send(
                post(p % 3 == 0 ? batchOf({ batchItem(n * 10), batchItem(n * 10 + 1) }) : batchItem(n * 10)));
        }
        for (int p = 0; p < Publishers; ++p) {
            const auto r = connections[size_t(p)]->read();
            QCOMPARE(r.status, 201);
            if (p % 3 == 0) {
                const QJsonArray ids = r.json().value(u"ids").toArray();
                QCOMPARE(ids.size(), 2);
                QCOMPARE(seqOf(ids[1]), seqOf(ids[0]) + 1); // a batch is never split
                acknowledged << seqOf(ids[0]) << seqOf(ids[1]);
            } else {
                acknowledged << seqOf(r.json().value(u"id"));
            }
        }
    }
    std::sort(acknowledged.begin(), acknowledged.end());
    QVERIFY(std::adjacent_find(acknowledged.begin(), acknowledged.end()) == acknowledged.end());
    QTRY_COMPARE(published(alice).size(), acknowledged.size());
    QList<quint64> streamed;
    for (const QByteArray &id : published(alice))
        streamed << Notify::Protocol::EventId::parse(id)->seq;
    QCOMPARE(streamed, acknowledged);
}

QTEST_MAIN(tst_ServerRest)
#include "tst_serverrest.moc"
