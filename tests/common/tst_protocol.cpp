// SPDX-License-Identifier: MIT
#include "common/protocol.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QTimeZone>

using namespace Notify::Protocol;

namespace {

QJsonObject json(const char *text)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray(text), &error);
    Q_ASSERT_X(error.error == QJsonParseError::NoError, "json", text);
    return doc.object();
}

// Runs T::fromJson and reports the failing field, or "" when it parsed.
template<typename T>
QString failingField(const QJsonObject &object)
{
    FieldError error;
    const std::optional<T> value = T::fromJson(object, &error);
    if (value)
        return {};
    if (error.field.isEmpty() || error.message.isEmpty())
        return QStringLiteral("<error without field or message>");
    return error.field;
}

// Parsing what toJson() wrote gives the same JSON again.
template<typename T>
bool roundTrips(const QJsonObject &object)
{
    const std::optional<T> value = T::fromJson(object);
    if (!value)
        return false;
    const std::optional<T> again = T::fromJson(value->toJson());
    return again && again->toJson() == value->toJson();
}

} // namespace

class tst_Protocol final : public QObject
{
    Q_OBJECT

private slots:
    void validation_data();
    void validation();
    void notificationFields();
    void orderStatusFields();
    void extraFieldsAreKept();
    void timestamps_data();
    void timestamps();
    void eventIds_data();
    void eventIds();
    void eventTypeNames_data();
    void eventTypeNames();
    void enumNames();
};

void tst_Protocol::validation_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("failingField"); // empty: valid

    const auto row = [](const char *name, const char *type, const char *data, const char *field) {
        QTest::addRow("%s", name) << QString::fromLatin1(type) << QByteArray(data) << QString::fromLatin1(field);
    };
    row("notification-minimal", "notification",
        R"({"notification_id":"n1","title":"Hi","created_at":"2026-11-28T10:00:00Z"})", "");
    row("notification-full", "notification",
        R"({"notification_id":7,"title":"Hi","body":"b","level":"error","category":"billing","link":"https://x/y","created_at":"2026-11-28T10:00:00.250Z"})",
        "");
    row("notification-no-id", "notification", R"({"title":"Hi","created_at":"2026-11-28T10:00:00Z"})",
        "notification_id");
    row("notification-no-title", "notification", R"({"notification_id":"n","created_at":"2026-11-28T10:00:00Z"})",
        "title");
    row("notification-empty-title", "notification",
        R"({"notification_id":"n","title":"","created_at":"2026-11-28T10:00:00Z"})", "title");
    row("notification-title-number", "notification",
        R"({"notification_id":"n","title":5,"created_at":"2026-11-28T10:00:00Z"})", "title");
    row("notification-bad-level", "notification",
        R"({"notification_id":"n","title":"t","level":"fatal","created_at":"2026-11-28T10:00:00Z"})", "level");
    row("notification-level-number", "notification",
        R"({"notification_id":"n","title":"t","level":1,"created_at":"2026-11-28T10:00:00Z"})", "level");
    row("notification-body-array", "notification",
        R"({"notification_id":"n","title":"t","body":[],"created_at":"2026-11-28T10:00:00Z"})", "body");
    row("notification-id-fraction", "notification",
        R"({"notification_id":1.5,"title":"t","created_at":"2026-11-28T10:00:00Z"})", "notification_id");
    row("notification-id-object", "notification",
        R"({"notification_id":{},"title":"t","created_at":"2026-11-28T10:00:00Z"})", "notification_id");
    row("notification-no-created-at", "notification", R"({"notification_id":"n","title":"t"})", "created_at");
    row("notification-local-time", "notification",
        R"({"notification_id":"n","title":"t","created_at":"2026-11-28T10:00:00+01:00"})", "created_at");
    row("notification-read", "notification_read", R"({"notification_ids":["a",2]})", "");
    row("notification-read-empty-list", "notification_read", R"({"notification_ids":[]})", "");
    row("notification-read-missing", "notification_read", R"({})", "notification_ids");
    row("notification-read-not-array", "notification_read", R"({"notification_ids":"a"})", "notification_ids");
    row("notification-read-bad-item", "notification_read", R"({"notification_ids":["a",null]})", "notification_ids[1]");
    row("order", "order_status",
        R"({"order_id":"o-1","status":"shipped","previous_status":"processing","note":"DHL","updated_at":"2026-11-28T10:00:00Z"})",
        "");
    row("order-bad-status", "order_status", R"({"order_id":"o-1","status":"lost","updated_at":"2026-11-28T10:00:00Z"})",
        "status");
    row("order-bad-previous", "order_status",
        R"({"order_id":"o-1","status":"shipped","previous_status":"gone","updated_at":"2026-11-28T10:00:00Z"})",
        "previous_status");
    row("order-no-updated-at", "order_status", R"({"order_id":"o-1","status":"shipped"})", "updated_at");
    row("order-no-id", "order_status", R"({"status":"shipped","updated_at":"2026-11-28T10:00:00Z"})", "order_id");
    row("presence", "presence", R"({"user":"bob","display_name":"Bob","status":"away","since":"2026-11-28T10:00:00Z"})",
        "");
    row("presence-bad-status", "presence", R"({"user":"bob","status":"sleeping","since":"2026-11-28T10:00:00Z"})",
        "status");
    row("presence-no-user", "presence", R"({"status":"online","since":"2026-11-28T10:00:00Z"})", "user");
    row("presence-bad-since", "presence", R"({"user":"bob","status":"online","since":"yesterday"})", "since");
    row("message", "message",
        R"({"message_id":"m1","from":"alice","to":"bob","body":"hi","sent_at":"2026-11-28T10:00:00Z"})", "");
    row("message-no-to", "message",
        R"({"message_id":"m1","from":"alice","body":"hi","sent_at":"2026-11-28T10:00:00Z"})", "to");
    row("message-body-number", "message",
        R"({"message_id":"m1","from":"alice","to":"bob","body":1,"sent_at":"2026-11-28T10:00:00Z"})", "body");
    row("reset", "reset", R"({"reason":"unknown_epoch","last_event_id":"0badcafe-9"})", "");
    row("reset-bad-reason", "reset", R"({"reason":"because","last_event_id":"0badcafe-9"})", "reason");
    row("reset-no-id", "reset", R"({"reason":"expired"})", "last_event_id");
}

void tst_Protocol::validation()
{
    QFETCH(QString, type);
    QFETCH(QByteArray, data);
    QFETCH(QString, failingField);
    const QJsonObject object = QJsonDocument::fromJson(data).object();
    QString field;
    bool roundTrip = true;
    if (type == u"notification") {
        field = ::failingField<Notification>(object);
        roundTrip = field.isEmpty() ? roundTrips<Notification>(object) : true;
    } else if (type == u"notification_read") {
        field = ::failingField<NotificationRead>(object);
        roundTrip = field.isEmpty() ? roundTrips<NotificationRead>(object) : true;
    } else if (type == u"order_status") {
        field = ::failingField<OrderStatus>(object);
        roundTrip = field.isEmpty() ? roundTrips<OrderStatus>(object) : true;
    } else if (type == u"presence") {
        field = ::failingField<Presence>(object);
        roundTrip = field.isEmpty() ? roundTrips<Presence>(object) : true;
    } else if (type == u"message") {
        field = ::failingField<Message>(object);
        roundTrip = field.isEmpty() ? roundTrips<Message>(object) : true;
    } else if (type == u"reset") {
        field = ::failingField<Reset>(object);
        roundTrip = field.isEmpty() ? roundTrips<Reset>(object) : true;
    } else {
        QFAIL("unknown type in test data");
    }
    QCOMPARE(field, failingField);
    QVERIFY(roundTrip);
}

void tst_Protocol::notificationFields()
{
    const auto n = Notification::fromJson(json(
        R"({"notification_id":7,"title":"Disk full","body":"92 %","level":"warning","category":"ops","created_at":"2026-11-28T10:00:00.250Z"})"));
    QVERIFY(n);
    QCOMPARE(n->notificationId, QStringLiteral("7"));
    QCOMPARE(n->title, QStringLiteral("Disk full"));
    QVERIFY(n->level == Level::Warning);
    QCOMPARE(n->category, QStringLiteral("ops"));
    QVERIFY(n->link.isNull());
    QCOMPARE(n->createdAt, QDateTime(QDate(2026, 11, 28), QTime(10, 0, 0, 250), Qt::UTC));
    const QJsonObject back = n->toJson();
    QCOMPARE(back.value(u"created_at").toString(), QStringLiteral("2026-11-28T10:00:00.250Z"));
    QVERIFY(!back.contains(u"link"));

    const auto defaults
        = Notification::fromJson(json(R"({"notification_id":"a","title":"t","created_at":"2026-11-28T10:00:00Z"})"));
    QVERIFY(defaults);
    QVERIFY(defaults->level == Level::Info);
    QCOMPARE(defaults->toJson().value(u"created_at").toString(), QStringLiteral("2026-11-28T10:00:00Z"));
}

void tst_Protocol::orderStatusFields()
{
    const auto o
        = OrderStatus::fromJson(json(R"({"order_id":"A-1","status":"cancelled","updated_at":"2026-11-28T10:00:00Z"})"));
    QVERIFY(o);
    QVERIFY(o->status == OrderState::Cancelled);
    QVERIFY(!o->previousStatus);
    QVERIFY(!o->toJson().contains(u"previous_status"));
}

void tst_Protocol::extraFieldsAreKept()
{
    const auto m = Message::fromJson(json(
        R"({"message_id":"m","from":"a","to":"b","body":"x","sent_at":"2026-11-28T10:00:00Z","thread":{"id":3},"urgent":true})"));
    QVERIFY(m);
    QCOMPARE(m->extra.size(), 2);
    const QJsonObject back = m->toJson();
    QCOMPARE(back.value(u"thread").toObject().value(u"id").toInt(), 3);
    QCOMPARE(back.value(u"urgent").toBool(), true);
}

void tst_Protocol::timestamps_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addRow("z") << QStringLiteral("2026-11-28T10:00:00Z") << true;
    QTest::addRow("ms") << QStringLiteral("2026-11-28T10:00:00.123Z") << true;
    QTest::addRow("plus-zero") << QStringLiteral("2026-11-28T10:00:00+00:00") << true;
    QTest::addRow("offset") << QStringLiteral("2026-11-28T10:00:00+02:00") << false;
    QTest::addRow("no-zone") << QStringLiteral("2026-11-28T10:00:00") << false;
    QTest::addRow("date-only") << QStringLiteral("2026-11-28") << false;
    QTest::addRow("bad-month") << QStringLiteral("2026-13-28T10:00:00Z") << false;
    QTest::addRow("words") << QStringLiteral("yesterday at noon Z") << false;
    QTest::addRow("empty") << QString() << false;
}

void tst_Protocol::timestamps()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    const auto time = parseUtcTimestamp(text);
    QCOMPARE(time.has_value(), valid);
    if (valid)
        QCOMPARE(time->timeSpec(), Qt::UTC);
}

void tst_Protocol::eventIds_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<quint32>("epoch");
    QTest::addColumn<quint64>("seq");
    QTest::addRow("simple") << QByteArray("0badcafe-1") << true << 0x0badcafeU << quint64(1);
    QTest::addRow("zero") << QByteArray("00000000-0") << true << 0U << quint64(0);
    QTest::addRow("max") << QByteArray("ffffffff-18446744073709551615") << true << 0xffffffffU
                         << std::numeric_limits<quint64>::max();
    QTest::addRow("overflow") << QByteArray("ffffffff-18446744073709551616") << false << 0U << quint64(0);
    QTest::addRow("uppercase") << QByteArray("0BADCAFE-1") << false << 0U << quint64(0);
    QTest::addRow("short-epoch") << QByteArray("badcafe-1") << false << 0U << quint64(0);
    QTest::addRow("no-seq") << QByteArray("0badcafe-") << false << 0U << quint64(0);
    QTest::addRow("negative") << QByteArray("0badcafe--1") << false << 0U << quint64(0);
    QTest::addRow("space") << QByteArray("0badcafe- 1") << false << 0U << quint64(0);
    QTest::addRow("empty") << QByteArray() << false << 0U << quint64(0);
}

void tst_Protocol::eventIds()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, valid);
    QFETCH(quint32, epoch);
    QFETCH(quint64, seq);
    const auto id = EventId::parse(text);
    QCOMPARE(id.has_value(), valid);
    if (!valid)
        return;
    QCOMPARE(id->epoch, epoch);
    QCOMPARE(id->seq, seq);
    QCOMPARE(id->toByteArray(), text);
}

void tst_Protocol::eventTypeNames_data()
{
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<bool>("valid");
    QTest::addRow("simple") << QByteArray("invoice_paid") << true;
    QTest::addRow("digits") << QByteArray("a1") << true;
    QTest::addRow("64") << QByteArray(64, 'a') << true;
    QTest::addRow("65") << QByteArray(65, 'a') << false;
    QTest::addRow("leading-digit") << QByteArray("1a") << false;
    QTest::addRow("upper") << QByteArray("Alert") << false;
    QTest::addRow("dash") << QByteArray("a-b") << false;
    QTest::addRow("empty") << QByteArray() << false;
}

void tst_Protocol::eventTypeNames()
{
    QFETCH(QByteArray, name);
    QFETCH(bool, valid);
    QCOMPARE(isValidEventType(name), valid);
}

void tst_Protocol::enumNames()
{
    QCOMPARE(toString(OrderState::Refunded), QStringLiteral("refunded"));
    QCOMPARE(toString(ResetReason::UnknownEpoch), QStringLiteral("unknown_epoch"));
    QCOMPARE(presenceStatusFromString(u"busy"), std::optional(PresenceStatus::Busy));
    QCOMPARE(levelFromString(u"Info"), std::nullopt);
}

QTEST_APPLESS_MAIN(tst_Protocol)
#include "tst_protocol.moc"
