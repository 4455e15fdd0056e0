// SPDX-License-Identifier: MIT
// EventInterpreter: every rule of docs/BACKENDS.md, row by row.

#include "common/eventinterpreter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using Notify::EventInterpreter;
using Notify::InterpretedEvent;
using Notify::InterpreterMapping;
using Notify::SseEvent;

namespace {

const QDateTime Arrival = QDateTime(QDate(2026, 11, 30), QTime(9, 15, 0), Qt::UTC);

// Every key of @p expected is in @p actual with that value.
bool contains(const QJsonObject &actual, const QJsonObject &expected, QString *diff)
{
    for (auto it = expected.begin(); it != expected.end(); ++it) {
        if (actual.value(it.key()) != it.value()) {
            *diff = QStringLiteral("%1: expected %2, got %3")
                        .arg(it.key(),
                             QString::fromUtf8(QJsonDocument(QJsonArray{ it.value() }).toJson(QJsonDocument::Compact)),
                             QString::fromUtf8(
                                 QJsonDocument(QJsonArray{ actual.value(it.key()) }).toJson(QJsonDocument::Compact)));
            return false;
        }
    }
    return true;
}

} // namespace

class tst_EventInterpreter final : public QObject
{
    Q_OBJECT

private slots:
    void rules_data();
    void rules();
    void objectsFromListsAsEvents_data();
    void objectsFromListsAsEvents();
    void contractEventsPassAsTheyAre();
    void controlMessages_data();
    void controlMessages();
    void contentKeys_data();
    void contentKeys();
    void messageToSelf();
    void rawBodyIsCut();
    void times_data();
    void times();
    void mappingFile();
    void mappingFileErrors_data();
    void mappingFileErrors();
};

void tst_EventInterpreter::rules_data()
{
    QTest::addColumn<QByteArray>("sseType");
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QByteArray>("type");
    QTest::addColumn<QByteArray>("expected"); // a JSON object: what data() must contain
    QTest::addColumn<bool>("note"); // a generic fallback says why

    const auto row = [](const char *name, const char *sseType, const char *data, const char *type, const char *expected,
                        bool note = false) {
        QTest::addRow("%s", name) << QByteArray(sseType) << QByteArray(data) << QByteArray(type) << QByteArray(expected)
                                  << note;
    };
    // The issue's example: unnamed, no id, the type inside.
    row("seed-example", "message", R"({"type":"notification","id":101,"title":"New order","message":"3 items"})",
        "notification", R"({"notification_id":"101","title":"New order","body":"3 items","level":"info"})");

    // Type: the SSE event field unless it is "message"; then type, event_type, event, kind (first string).
    row("event-field-wins", "order_update", R"({"type":"notification","order_id":"A-1","status":"shipped"})",
        "order_status", R"({"order_id":"A-1","status":"shipped"})");
    row("event_type-field", "message", R"({"event_type":"alert","title":"T"})", "notification", R"({"title":"T"})");
    row("event-field-inside", "message", R"({"event":"order","id":12,"state":"confirmed"})", "order_status",
        R"({"order_id":"12","status":"confirmed"})");
    row("kind-field", "message", R"({"kind":"chat_message","sender":"bob","text":"hi","to":"alice"})", "message",
        R"({"from":"bob","to":"alice","body":"hi"})");
    row("first-string-type-field", "message", R"({"type":5,"event_type":"order_updated","id":"X","status":"pending"})",
        "order_status", R"({"order_id":"X","status":"pending"})");
    row("no-type-is-a-notification", "message", R"({"title":"Plain","body":"b"})", "notification",
        R"({"title":"Plain","body":"b"})");

    // Synonyms, any case, - and . read as _.
    for (const char *name : { "notification", "new_notification", "Notify", "ALERT", "new-notification" })
        QTest::addRow("synonym-%s", name)
            << QByteArray("message") << QByteArray(R"({"type":")") + name + R"(","title":"x"})"
            << QByteArray("notification") << QByteArray(R"({"title":"x"})") << false;
    for (const char *name : { "order_status", "order_update", "Order.Updated", "order-status-changed", "order" })
        QTest::addRow("synonym-%s", name)
            << QByteArray("message") << QByteArray(R"({"type":")") + name + R"(","order_id":1,"status":"shipped"})"
            << QByteArray("order_status") << QByteArray(R"({"order_id":"1","status":"shipped"})") << false;
    for (const char *name : { "presence", "online_status", "user_status", "Status-Change" })
        QTest::addRow("synonym-%s", name)
            << QByteArray("message") << QByteArray(R"({"type":")") + name + R"(","user":"bob","status":"away"})"
            << QByteArray("presence") << QByteArray(R"({"user":"bob","status":"away"})") << false;
    for (const char *name : { "new_message", "chat_message", "MESSAGE" })
        QTest::addRow("synonym-%s", name)
            << QByteArray("message") << QByteArray(R"({"type":")") + name + R"(","from":"bob","body":"yo","to":"al"})"
            << QByteArray("message") << QByteArray(R"({"from":"bob","body":"yo"})") << false;
    for (const char *name : { "notification_read", "notifications_read", "read" })
        QTest::addRow("synonym-%s", name)
            << QByteArray("message") << QByteArray(R"({"type":")") + name + R"(","ids":[4,"5"]})"
            << QByteArray("notification_read") << QByteArray(R"({"notification_ids":["4","5"]})") << false;

    // Payload: data or payload, when the type came from inside.
    row("payload-data", "message", R"({"type":"notification","data":{"id":7,"subject":"S"}})", "notification",
        R"({"notification_id":"7","title":"S"})");
    row("payload-payload", "message",
        R"({"type":"order_update","payload":{"order_number":99,"new_status":"delivered"}})", "order_status",
        R"({"order_id":"99","status":"delivered"})");
    row("payload-only-when-type-inside", "notification", R"({"id":"n9","title":"outer","data":{"title":"inner"}})",
        "notification", R"({"notification_id":"n9","title":"outer"})");

    // Notification fields, first present wins.
    row("n-uuid", "message", R"({"type":"notification","uuid":"u-1","heading":"H"})", "notification",
        R"({"notification_id":"u-1","title":"H"})");
    row("n-pk-summary", "message", R"({"type":"notification","pk":3,"summary":"S","description":"D"})", "notification",
        R"({"notification_id":"3","title":"S","body":"D"})");
    row("n-verb-text", "message", R"({"type":"notification","id":1,"verb":"V","text":"T","content":"C"})",
        "notification", R"({"title":"V","body":"T"})");
    row("n-id-over-pk", "message", R"({"type":"notification","pk":3,"id":2,"notification_id":"1","title":"t"})",
        "notification", R"({"notification_id":"1"})");
    row("n-category-link", "message",
        R"({"type":"notification","title":"t","notification_type":"billing","url":"https://x/1","action_url":"https://x/2"})",
        "notification", R"({"category":"billing","link":"https://x/1"})");
    row("n-topic-action-url", "message",
        R"({"type":"notification","title":"t","topic":"ops","action_url":"https://x/2"})", "notification",
        R"({"category":"ops","link":"https://x/2"})");
    row("n-no-title-first-line", "message", R"({"type":"notification","message":"  First line\nsecond"})",
        "notification", R"({"title":"First line","body":"  First line\nsecond"})");
    row("n-no-title-no-body", "message", R"({"type":"notification","id":5})", "notification",
        R"({"title":"Notification"})");
    row("n-no-time-is-arrival", "message", R"({"type":"notification","title":"t"})", "notification",
        R"({"created_at":"2026-11-30T09:15:00Z"})");

    // Levels.
    const QList<QPair<const char *, const char *>> levels{
        { "low", "info" },        { "normal", "info" },     { "Medium", "info" },    { "info", "info" },
        { "success", "success" }, { "OK", "success" },      { "high", "warning" },   { "warn", "warning" },
        { "warning", "warning" }, { "urgent", "error" },    { "critical", "error" }, { "ERROR", "error" },
        { "danger", "error" },    { "unheard-of", "info" },
    };
    for (const auto &[word, level] : levels) {
        QTest::addRow("level-%s", word) << QByteArray("message")
                                        << QByteArray(R"({"type":"notification","title":"t","priority":")") + word
                + R"("})" << QByteArray("notification")
                                        << QByteArray(R"({"level":")") + level + R"("})" << false;
    }
    row("level-severity", "message", R"({"type":"alert","title":"t","severity":"critical"})", "notification",
        R"({"level":"error"})");

    // Order updates.
    row("order-unlisted-status", "message", R"({"type":"order_update","order_id":"A","status":"on_hold"})",
        "order_status", R"({"order_id":"A","status":"on_hold"})");
    row("order-status-case", "message", R"({"type":"order","id":"A","status":"Shipped"})", "order_status",
        R"({"status":"shipped"})");
    row("order-previous-note", "message",
        R"({"type":"order_update","order_id":"A","state":"shipped","old_status":"processing","comment":"DHL"})",
        "order_status", R"({"status":"shipped","previous_status":"processing","note":"DHL"})");
    row("order-from-status-message", "message",
        R"({"type":"order_update","order_id":"A","status":"x","from_status":"y","message":"m"})", "order_status",
        R"({"status":"x","previous_status":"y","note":"m"})");
    row("order-changed-at", "message",
        R"({"type":"order_update","order_id":"A","status":"pending","changed_at":"2026-11-28T10:00:00Z"})",
        "order_status", R"({"updated_at":"2026-11-28T10:00:00Z"})");
    row("order-without-status", "message", R"({"type":"order_update","order_id":"A"})", "notification",
        R"({"body":"{\"type\":\"order_update\",\"order_id\":\"A\"}"})", true);

    // Presence.
    const QList<QPair<const char *, const char *>> words{
        { "online", "online" },   { "available", "online" },  { "Active", "online" }, { "away", "away" },
        { "idle", "away" },       { "busy", "busy" },         { "dnd", "busy" },      { "do-not-disturb", "busy" },
        { "offline", "offline" }, { "invisible", "offline" },
    };
    for (const auto &[word, status] : words) {
        QTest::addRow("presence-%s", word)
            << QByteArray("message")
            << QByteArray(R"({"type":"user_status","username":"bob","state":")") + word + R"("})"
            << QByteArray("presence") << QByteArray(R"({"user":"bob","status":")") + status + R"("})" << false;
    }
    row("presence-online-true", "message", R"({"type":"presence","user_id":7,"online":true})", "presence",
        R"({"user":"7","status":"online"})");
    row("presence-is-online-false", "message", R"({"type":"presence","login":"bob","is_online":false})", "presence",
        R"({"user":"bob","status":"offline"})");
    row("presence-names", "message",
        R"({"type":"presence","user":"bob","full_name":"Bob B","status":"online","last_seen":"2026-11-28T10:00:00Z"})",
        "presence", R"({"display_name":"Bob B","since":"2026-11-28T10:00:00Z"})");
    row("presence-user-object", "message", R"({"type":"presence","user":{"id":3,"username":"bob"},"status":"busy"})",
        "presence", R"({"user":"bob","status":"busy"})");
    row("presence-unknown-status", "message", R"({"type":"presence","user":"bob","status":"on_the_moon"})",
        "notification", R"({"level":"info"})", true);

    // Messages.
    row("message-fields", "message",
        R"({"type":"new_message","id":42,"sender":"bob","recipient":"alice","message":"Lunch?","created_at":"2026-11-28T10:00:00Z"})",
        "message", R"({"message_id":"42","from":"bob","to":"alice","body":"Lunch?","sent_at":"2026-11-28T10:00:00Z"})");
    row("message-uuid-author-content", "message",
        R"({"type":"chat_message","uuid":"m-1","author":{"username":"carol"},"to_user":"alice","content":"c"})",
        "message", R"({"message_id":"m-1","from":"carol","to":"alice","body":"c"})");
    row("message-from-user", "message", R"({"type":"message","from_user":"bob","to":"al","text":"t","timestamp":0})",
        "message", R"({"from":"bob","sent_at":"1970-01-01T00:00:00Z"})");
    row("message-without-sender", "message", R"({"type":"new_message","to":"alice","body":"who?"})", "notification",
        R"({"level":"info"})", true);

    // Reads.
    row("read-single-id", "message", R"({"type":"read","notification_id":17})", "notification_read",
        R"({"notification_ids":["17"]})");
    row("read-without-ids", "message", R"({"type":"read"})", "notification", R"({"level":"info"})", true);

    // Anything else: a generic notification with the raw data and a note.
    row("plain-text", "message", "Printer 3 is out of paper", "notification",
        R"({"title":"Printer 3 is out of paper","body":"Printer 3 is out of paper"})", true);
    row("broken-json", "message", R"({"type":"notification","title":)", "notification",
        R"({"body":"{\"type\":\"notification\",\"title\":"})", true);
    row("json-array", "message", "[1,2]", "notification", R"({"body":"[1,2]"})", true);
    row("json-string", "message", "\"hello\"", "notification", R"({"body":"\"hello\""})", true);
    row("empty-data", "message", "", "notification", R"({"title":"Notification"})", true);
    row("unknown-type", "shipment_delayed", R"({"shipment":"S1","hours":3})", "notification",
        R"({"title":"shipment_delayed","category":"shipment_delayed","body":"{\"shipment\":\"S1\",\"hours\":3}"})",
        true);
    row("unknown-type-with-title", "message", R"({"type":"ticket_assigned","title":"Ticket 5","id":5})", "notification",
        R"({"title":"Ticket 5","category":"ticket_assigned","notification_id":"5"})", true);
    row("invalid-contract-event-mapped", "notification", R"({"id":"n1","title":"T","message":"B"})", "notification",
        R"({"notification_id":"n1","title":"T","body":"B"})");

    // Claims: named by the event field (ours), or inside the JSON (a Django backend that added them).
    row("claimed", "notification_claimed",
        R"({"notification_id":"n7","claimed_by":"bob","claimed_at":"2026-12-07T10:00:00Z"})", "notification_claimed",
        R"({"notification_id":"n7","claimed_by":"bob","claimed_at":"2026-12-07T10:00:00Z"})");
    row("released", "notification_claimed", R"({"notification_id":"n7","claimed_by":null,"claimed_at":null})",
        "notification_claimed", R"({"notification_id":"n7","claimed_by":null})");
    row("escalated", "notification_escalated", R"({"notification_id":"n7"})", "notification_escalated",
        R"({"notification_id":"n7"})");
    row("claimed-inside", "message",
        R"({"type":"notification_claimed","notification_id":"n7","claimed_by":"bob","claimed_at":"2026-12-07T10:00:00Z"})",
        "notification_claimed", R"({"notification_id":"n7","claimed_by":"bob"})");
    // Claimed without a time is no valid claim: shown as it came, and says why.
    row("claimed-without-time", "notification_claimed", R"({"notification_id":"n7","claimed_by":"bob"})",
        "notification", R"({"category":"notification_claimed"})", true);
}

void tst_EventInterpreter::rules()
{
    QFETCH(QByteArray, sseType);
    QFETCH(QByteArray, data);
    QFETCH(QByteArray, type);
    QFETCH(QByteArray, expected);
    QFETCH(bool, note);
    const EventInterpreter interpreter;
    const InterpretedEvent event
        = interpreter.interpret(SseEvent{ sseType, data, {} }, InterpretedEvent::Source::Stream, Arrival);
    QVERIFY(!event.control);
    QCOMPARE(event.type(), type);
    QString diff;
    QVERIFY2(
        contains(event.data(), QJsonDocument::fromJson(expected).object(), &diff),
        qPrintable(diff + u"  in " + QString::fromUtf8(QJsonDocument(event.data()).toJson(QJsonDocument::Compact))));
    QCOMPARE(!event.note.isEmpty(), note);
    // Never into nothing: whatever it is, it is a valid event of its type.
    if (type == "notification") {
        const auto n = Notify::Protocol::Notification::fromJson(event.data());
        QVERIFY(n.has_value());
        QVERIFY(!n->title.isEmpty());
    }
}

void tst_EventInterpreter::objectsFromListsAsEvents_data()
{
    // Items as notifications lists hold them: ours, Django REST framework's, and less.
    QTest::addColumn<QByteArray>("sseType");
    QTest::addColumn<QByteArray>("data");
    const QByteArray notification = "notification";
    QTest::addRow("contract") << notification
                              << QByteArray(R"({"notification_id":"n1","title":"T","body":"B","level":"warning",)"
                                            R"("category":"stock","created_at":"2026-11-28T10:00:00Z","read":true})");
    QTest::addRow("django") << notification
                            << QByteArray(R"({"id":101,"title":"New order","message":"3 items","is_read":false,)"
                                          R"("created_at":"2026-11-28 10:00:00"})");
    QTest::addRow("without-id") << notification << QByteArray(R"({"title":"No id","body":"x"})");
    QTest::addRow("other-names") << notification << QByteArray(R"({"subject":"S","text":"T","timestamp":1764324000})");
    QTest::addRow("invalid-level") << notification
                                   << QByteArray(R"({"notification_id":"n2","title":"T","level":"loud"})");
    QTest::addRow("nested-data") << notification << QByteArray(R"({"id":7,"title":"With data","data":{"x":1}})");
    QTest::addRow("empty") << notification << QByteArray("{}");
    QTest::addRow("order") << QByteArray(
        "order_status") << QByteArray(R"({"order_id":"A-1","status":"shipped","updated_at":"2026-11-28T10:00:00Z"})");
    QTest::addRow("order-without-time") << QByteArray("order_status")
                                        << QByteArray(R"({"order_id":"A-1","status":"x"})");
}

void tst_EventInterpreter::objectsFromListsAsEvents()
{
    // A list's item is read as the object it is, and means what the same
    // object sent as an event of that type means: the same event, the same
    // content key (so a catch-up knows what a stream without ids brought).
    QFETCH(QByteArray, sseType);
    QFETCH(QByteArray, data);
    const QJsonDocument doc = QJsonDocument::fromJson(data);
    const EventInterpreter interpreter;
    const QByteArray compact = QJsonDocument(doc.object()).toJson(QJsonDocument::Compact);
    const InterpretedEvent asText
        = interpreter.interpret(SseEvent{ sseType, compact, "7" }, InterpretedEvent::Source::CatchUp, Arrival);
    const InterpretedEvent asObject
        = interpreter.interpret(sseType, doc.object(), InterpretedEvent::Source::CatchUp, Arrival, "7");
    QCOMPARE(asObject.type(), asText.type());
    QCOMPARE(asObject.data(), asText.data());
    QCOMPARE(asObject.contentKey, asText.contentKey);
    QCOMPARE(asObject.contentKeyExpires, asText.contentKeyExpires);
    QCOMPARE(asObject.note, asText.note);
    QCOMPARE(asObject.id, QByteArray("7"));
    QCOMPARE(asObject.source, InterpretedEvent::Source::CatchUp);
}

void tst_EventInterpreter::contractEventsPassAsTheyAre()
{
    const EventInterpreter interpreter;
    const QByteArray data
        = R"({"notification_id":"n1","title":"T","created_at":"2026-11-28T10:00:00Z","level":"warning","ticket":42})";
    const InterpretedEvent e = interpreter.interpret(SseEvent{ "notification", data, "abc-7" });
    QCOMPARE(e.id, QByteArray("abc-7"));
    QCOMPARE(e.type(), QByteArray("notification"));
    QCOMPARE(e.data(), QJsonDocument::fromJson(data).object()); // extra fields kept
    QVERIFY(e.note.isEmpty());

    // `event: message` that is a contract chat message stays one.
    const QByteArray message
        = R"({"message_id":"m1","from":"bob","to":"alice","body":"hi","sent_at":"2026-11-28T10:00:00Z"})";
    const InterpretedEvent m = interpreter.interpret(SseEvent{ "message", message, "abc-8" });
    QCOMPARE(m.type(), QByteArray("message"));
    QCOMPARE(m.data(), QJsonDocument::fromJson(message).object());

    const InterpretedEvent reset
        = interpreter.interpret(SseEvent{ "reset", R"({"reason":"expired","last_event_id":"abc-9"})", "abc-9" });
    QCOMPARE(reset.type(), QByteArray("reset"));
    // A "reset" inside the JSON of another backend is no reset.
    QCOMPARE(interpreter.interpret(SseEvent{ "message", R"({"type":"reset","title":"x"})", {} }).type(),
             QByteArray("notification"));
}

void tst_EventInterpreter::controlMessages_data()
{
    QTest::addColumn<QByteArray>("data");
    for (const char *type : { "heartbeat", "ping", "keepalive", "keep-alive", "connected", "connection_established" })
        QTest::addRow("%s", type) << QByteArray(R"({"type":")") + type + R"(","ts":1})";
}

void tst_EventInterpreter::controlMessages()
{
    QFETCH(QByteArray, data);
    const InterpretedEvent e = EventInterpreter().interpret(SseEvent{ "message", data, {} });
    QVERIFY(e.control);
    QVERIFY(!e.note.isEmpty());
}

void tst_EventInterpreter::contentKeys_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QByteArray>("key");
    QTest::addColumn<bool>("expires");
    QTest::addRow("notification-id") << QByteArray(R"({"type":"notification","id":101,"title":"t"})")
                                     << QByteArray("n:101") << false;
    QTest::addRow("message-id") << QByteArray(R"({"type":"new_message","id":5,"sender":"b","text":"t"})")
                                << QByteArray("m:5") << false;
    QTest::addRow("order-with-time") << QByteArray(
        R"({"type":"order_update","order_id":"A","status":"shipped","timestamp":"2026-11-28T10:00:00+01:00"})")
                                     << QByteArray("o:A|shipped|2026-11-28T09:00:00Z") << false;
    QTest::addRow("order-without-time") << QByteArray(R"({"type":"order_update","order_id":"A","status":"shipped"})")
                                        << QByteArray("h:") << true;
    QTest::addRow("notification-without-id")
        << QByteArray(R"({"type":"notification","title":"t"})") << QByteArray("h:") << true;
    QTest::addRow("plain-text") << QByteArray("Printer 3 is out of paper") << QByteArray("h:") << true;
    QTest::addRow("presence") << QByteArray(R"({"type":"presence","user":"b","status":"away"})") << QByteArray("h:")
                              << true;
}

void tst_EventInterpreter::contentKeys()
{
    QFETCH(QByteArray, data);
    QFETCH(QByteArray, key);
    QFETCH(bool, expires);
    const EventInterpreter interpreter;
    const InterpretedEvent a = interpreter.interpret(SseEvent{ "message", data, {} });
    QVERIFY2(a.contentKey.startsWith(key), a.contentKey.constData());
    QCOMPARE(a.contentKeyExpires, expires);
    // The same content gives the same key, at another time too; other content another key.
    QCOMPARE(interpreter.interpret(SseEvent{ "message", data, {} }, InterpretedEvent::Source::Poll, Arrival).contentKey,
             a.contentKey);
    QVERIFY(interpreter.interpret(SseEvent{ "message", data + ' ', {} }).contentKey != a.contentKey || !expires);
}

void tst_EventInterpreter::messageToSelf()
{
    EventInterpreter interpreter;
    const SseEvent event{ "message", R"({"type":"new_message","sender":"bob","text":"hi"})", {} };
    QCOMPARE(interpreter.interpret(event).data().value(u"to").toString(), QString());
    interpreter.setSelf(QStringLiteral("alice"));
    QCOMPARE(interpreter.interpret(event).data().value(u"to").toString(), QStringLiteral("alice"));
    QVERIFY(interpreter.interpret(event).data().value(u"message_id").toString().startsWith(u"h-"));
}

void tst_EventInterpreter::rawBodyIsCut()
{
    const QByteArray big(10'000, 'x');
    const InterpretedEvent e = EventInterpreter().interpret(SseEvent{ "message", big, {} });
    QCOMPARE(e.data().value(u"body").toString().size(), EventInterpreter::MaxRawBody);
}

void tst_EventInterpreter::times_data()
{
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("utc"); // empty: not a time
    QTest::addRow("iso-z") << QJsonValue(QStringLiteral("2026-11-28T10:00:00Z"))
                           << QStringLiteral("2026-11-28T10:00:00Z");
    QTest::addRow("iso-offset") << QJsonValue(QStringLiteral("2026-11-28T12:30:00+02:30"))
                                << QStringLiteral("2026-11-28T10:00:00Z");
    QTest::addRow("iso-negative-offset") << QJsonValue(QStringLiteral("2026-11-28T05:00:00-05:00"))
                                         << QStringLiteral("2026-11-28T10:00:00Z");
    QTest::addRow("iso-ms") << QJsonValue(QStringLiteral("2026-11-28T10:00:00.250Z"))
                            << QStringLiteral("2026-11-28T10:00:00.250Z");
    QTest::addRow("iso-microseconds") << QJsonValue(QStringLiteral("2026-11-28T10:00:00.999306+00:00"))
                                      << QStringLiteral("2026-11-28T10:00:00.999Z");
    QTest::addRow("python-space") << QJsonValue(QStringLiteral("2026-11-28 10:00:00+00:00"))
                                  << QStringLiteral("2026-11-28T10:00:00Z");
    QTest::addRow("no-offset-is-utc") << QJsonValue(QStringLiteral("2026-11-28T10:00:00"))
                                      << QStringLiteral("2026-11-28T10:00:00Z");
    QTest::addRow("epoch-seconds") << QJsonValue(1764324000) << QStringLiteral("2025-11-28T10:00:00Z");
    QTest::addRow("epoch-fraction") << QJsonValue(1764324000.5) << QStringLiteral("2025-11-28T10:00:00.500Z");
    QTest::addRow("epoch-ms") << QJsonValue(1764324000123.0) << QStringLiteral("2025-11-28T10:00:00.123Z");
    QTest::addRow("epoch-string") << QJsonValue(QStringLiteral("1764324000")) << QStringLiteral("2025-11-28T10:00:00Z");
    QTest::addRow("garbage") << QJsonValue(QStringLiteral("yesterday")) << QString();
    QTest::addRow("bool") << QJsonValue(true) << QString();
}

void tst_EventInterpreter::times()
{
    QFETCH(QJsonValue, value);
    QFETCH(QString, utc);
    const QDateTime time = EventInterpreter::parseTime(value);
    if (utc.isEmpty()) {
        QVERIFY(!time.isValid());
        return;
    }
    QVERIFY(time.isValid());
    QCOMPARE(Notify::Protocol::formatUtcTimestamp(time), utc);
}

void tst_EventInterpreter::mappingFile()
{
    QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral("mapping.json")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({
        "type_fields": ["category"],
        "types": {"ticket_assigned": "notification", "shipment": "order_status", "tick": "ignore"},
        "payload_fields": ["body"],
        "fields": {"notification": {"title": ["headline"]}, "order_status": {"order_id": ["ref"], "status": ["phase"]}},
        "levels": {"p1": "error"},
        "presence": {"on_break": "away"}
    })");
    file.close();
    InterpreterMapping mapping = InterpreterMapping::builtIn();
    QString error;
    QVERIFY2(mapping.load(file.fileName(), &error), qPrintable(error));
    const EventInterpreter interpreter(mapping);
    const auto data = [&](const char *json) { return interpreter.interpret(SseEvent{ "message", json, {} }); };

    InterpretedEvent e = data(R"({"category":"ticket_assigned","headline":"Ticket 5","priority":"P1","id":5})");
    QCOMPARE(e.type(), QByteArray("notification"));
    QCOMPARE(e.data().value(u"title").toString(), QStringLiteral("Ticket 5"));
    QCOMPARE(e.data().value(u"level").toString(), QStringLiteral("error"));
    QVERIFY(e.note.isEmpty()); // a known type now
    e = data(R"({"type":"shipment","body":{"ref":"A-9","phase":"shipped"}})");
    QCOMPARE(e.type(), QByteArray("order_status"));
    QCOMPARE(e.data().value(u"order_id").toString(), QStringLiteral("A-9"));
    QVERIFY(data(R"({"type":"tick"})").control);
    QCOMPARE(data(R"({"type":"presence","user":"b","status":"on_break"})").data().value(u"status").toString(),
             QStringLiteral("away"));
    // The built-in names still work after the file's.
    QCOMPARE(data(R"({"type":"notification","title":"T"})").data().value(u"title").toString(), QStringLiteral("T"));
}

void tst_EventInterpreter::mappingFileErrors_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("mentions");
    QTest::addRow("not-json") << QByteArray("{") << QStringLiteral("not a JSON object");
    QTest::addRow("unknown-key") << QByteArray(R"({"typez":{}})") << QStringLiteral("typez");
    QTest::addRow("bad-type") << QByteArray(R"({"types":{"x":"invoice"}})") << QStringLiteral("types.x");
    QTest::addRow("bad-field") << QByteArray(R"({"fields":{"notification":{"colour":["c"]}}})")
                               << QStringLiteral("fields.notification.colour");
    QTest::addRow("bad-names") << QByteArray(R"({"type_fields":"type"})") << QStringLiteral("type_fields");
    QTest::addRow("bad-level") << QByteArray(R"({"levels":{"p1":"severe"}})") << QStringLiteral("levels.p1");
    QTest::addRow("bad-presence") << QByteArray(R"({"presence":{"x":"gone"}})") << QStringLiteral("presence.x");
}

void tst_EventInterpreter::mappingFileErrors()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, mentions);
    QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral("mapping.json")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(json);
    file.close();
    InterpreterMapping mapping = InterpreterMapping::builtIn();
    QString error;
    QVERIFY(!mapping.load(file.fileName(), &error));
    QVERIFY2(error.contains(mentions), qPrintable(error));
    QVERIFY(!InterpreterMapping::builtIn().load(dir.filePath(QStringLiteral("missing.json")), &error));
}

QTEST_GUILESS_MAIN(tst_EventInterpreter)
#include "tst_eventinterpreter.moc"
