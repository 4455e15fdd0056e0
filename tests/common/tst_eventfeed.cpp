// SPDX-License-Identifier: MIT
// EventFeed on a real SseClient against a scripted server: a QTcpServer in
// the test that keeps each stream open for the test to write frames into or
// to close on cue, and answers the notifications list (and polls) with what
// the test holds at that moment.

#include "common/eventfeed.h"
#include "common/notificationlistfetcher.h"
#include "common/notificationspoller.h"
#include "common/sseclient.h"
#include "scriptedhttpserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <algorithm>

using Notify::EventFeed;
using Notify::InterpretedEvent;
using Notify::SseClient;
using Source = Notify::InterpretedEvent::Source;
using namespace Qt::StringLiterals;

namespace {

const QString StreamPath = QStringLiteral("/api/v1/notifications/sse/stream/");
const QString ListPath = QStringLiteral("/api/v1/notifications/");

/// Whether @p head asks for @p path (with or without a query).
bool isFor(const QByteArray &head, const QString &path)
{
    const QByteArray line = QByteArray("GET ") + path.toUtf8();
    return head.startsWith(QByteArray(line + ' ')) || head.startsWith(QByteArray(line + '?'));
}

struct Answer
{
    QByteArray bytes;
    bool stream = false; ///< kept open, for push() and dropStreams()
    bool hold = false; ///< no answer at all
};

Answer streamAnswer()
{
    return { "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\nConnection: "
             "close\r\n\r\n",
             true, false };
}

Answer jsonAnswer(const QByteArray &body, int status = 200)
{
    return { "HTTP/1.1 " + QByteArray::number(status)
                 + " X\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: "
                 + QByteArray::number(body.size()) + "\r\n\r\n" + body,
             false, false };
}

class ScriptedServer final : public ScriptedHttpServer
{
public:
    std::function<Answer(const QByteArray &head)> route;
    QByteArrayList requests;

    /// How many requests went to @p path (the query aside).
    [[nodiscard]] qsizetype count(const QString &path) const
    {
        return std::count_if(requests.begin(), requests.end(),
                             [&path](const QByteArray &head) { return isFor(head, path); });
    }
    /// A header of the last request to @p path.
    [[nodiscard]] QByteArray header(const QString &path, const QByteArray &name) const
    {
        for (auto it = requests.crbegin(); it != requests.crend(); ++it) {
            if (isFor(*it, path))
                return headerOf(*it, name);
        }
        return {};
    }
    /// Writes to the newest open stream.
    bool push(const QByteArray &bytes)
    {
        m_streams.removeAll(nullptr);
        if (m_streams.isEmpty() || m_streams.last()->state() != QAbstractSocket::ConnectedState)
            return false;
        m_streams.last()->write(bytes);
        m_streams.last()->flush();
        return true;
    }
    /// Ends every open stream (after what was pushed).
    void dropStreams()
    {
        for (const QPointer<QTcpSocket> &socket : std::as_const(m_streams)) {
            if (socket)
                socket->disconnectFromHost();
        }
        m_streams.clear();
    }
    [[nodiscard]] bool hasOpenStream()
    {
        m_streams.removeAll(nullptr);
        return !m_streams.isEmpty() && m_streams.last()->state() == QAbstractSocket::ConnectedState;
    }

private:
    void respond(QTcpSocket *socket, const QByteArray &head, const QByteArray &) override
    {
        requests << head;
        const Answer reply = route(head);
        if (reply.hold)
            return;
        socket->write(reply.bytes);
        socket->flush();
        if (reply.stream)
            m_streams << socket;
        else
            socket->disconnectFromHost();
    }

    QList<QPointer<QTcpSocket>> m_streams;
};

/// One SSE frame, a data line for each line of @p data; no id line when @p id is null (an empty one clears the id).
QByteArray frame(const QByteArray &type, const QByteArray &data, const QByteArray &id = {})
{
    QByteArray out;
    if (!id.isNull())
        out += "id: " + id + '\n';
    if (!type.isEmpty())
        out += "event: " + type + '\n';
    for (const QByteArray &line : data.split('\n'))
        out += "data: " + line + '\n';
    return out + '\n';
}

/// Clears the last event id (an empty `id` field; no event).
const QByteArray ClearId = "id\n\n";

/// A contract notification (also a list item) as compact JSON.
QByteArray notification(const QString &id, const QString &title, const QString &createdAt = {},
                        const QJsonObject &more = {})
{
    QJsonObject n = more;
    n.insert(QStringLiteral("notification_id"), id);
    n.insert(QStringLiteral("title"), title);
    if (!createdAt.isEmpty())
        n.insert(QStringLiteral("created_at"), createdAt);
    return QJsonDocument(n).toJson(QJsonDocument::Compact);
}

/// A list of items, newest first as backends serve them, in Django REST framework's page shape.
QByteArray page(const QByteArrayList &items)
{
    QJsonArray results;
    for (const QByteArray &item : items)
        results.append(QJsonDocument::fromJson(item).object());
    return QJsonDocument(QJsonObject{ { QStringLiteral("count"), results.size() },
                                      { QStringLiteral("next"), QJsonValue::Null },
                                      { QStringLiteral("previous"), QJsonValue::Null },
                                      { QStringLiteral("results"), results } })
        .toJson(QJsonDocument::Compact);
}

/// What a delivered event is, in a word or two: "n <title>", "o <order> <status>", …
QString label(const InterpretedEvent &event)
{
    const QJsonObject d = event.data();
    const QByteArray type = event.type();
    if (type == "notification")
        return u"n " + d.value(u"title").toString();
    if (type == "order_status")
        return u"o " + d.value(u"order_id").toString() + u' ' + d.value(u"status").toString();
    if (type == "message")
        return u"m " + d.value(u"body").toString();
    if (type == "reset")
        return u"reset " + d.value(u"reason").toString();
    return QString::fromUtf8(type);
}

SseClient::Settings settingsFor(const QUrl &url)
{
    SseClient::Settings settings;
    settings.url = url;
    settings.credentials.token = "feed-token";
    settings.reconnect.defaultRetryMs = 50;
    settings.reconnect.maxDelayMs = 400;
    return settings;
}

/// A client and its feed on a scripted server, and what the feed said.
struct Fixture
{
    explicit Fixture(std::function<Answer(const QByteArray &)> route)
    {
        server.route = std::move(route);
        client.setSettings(settingsFor(server.url(StreamPath)));
        QObject::connect(&feed, &EventFeed::eventReady, &feed, [this](const InterpretedEvent &e) { events << e; });
        QObject::connect(&feed, &EventFeed::logged, &feed, [this](const QString &line) { logs << line; });
        // After the feed's own slot: whether opening started a catch-up.
        fetcher = feed.findChild<Notify::NotificationListFetcher *>();
        QObject::connect(&client, &SseClient::opened, &feed,
                         [this] { fetchingAtOpen << (fetcher && fetcher->isFetching()); });
    }
    [[nodiscard]] QStringList labels() const
    {
        QStringList out;
        for (const InterpretedEvent &e : events)
            out << label(e);
        return out;
    }
    [[nodiscard]] QList<Source> sources() const
    {
        QList<Source> out;
        for (const InterpretedEvent &e : events)
            out << e.source;
        return out;
    }
    /// Pushes @p bytes and a last notification titled @p end, and waits for that one.
    bool pushAndWait(const QByteArray &bytes, const QString &end)
    {
        if (!server.push(bytes + frame("notification", notification(end, end))))
            return false;
        return QTest::qWaitFor([&] { return !events.isEmpty() && label(events.last()) == u"n " + end; });
    }

    ScriptedServer server;
    SseClient client;
    EventFeed feed{ &client };
    Notify::NotificationListFetcher *fetcher = nullptr;
    QList<InterpretedEvent> events;
    QStringList logs;
    QList<bool> fetchingAtOpen;
};

Answer streamOr404(const QByteArray &head)
{
    return isFor(head, StreamPath) ? streamAnswer() : jsonAnswer(R"({"detail":"no"})", 404);
}

} // namespace

class tst_EventFeed final : public QObject
{
    Q_OBJECT

private slots:
    void streamEventsInterpreted();
    void dedup_data();
    void dedup();
    void hashKeysExpireAfterTheWindow();
    void resetPassesEveryTime();
    void catchUpOnFirstConnect();
    void firstConnectOnlyReadsHistory();
    void historyIsTheFirstListFetched_data();
    void historyIsTheFirstListFetched();
    void catchUpOldestFirstWithoutTimes_data();
    void catchUpOldestFirstWithoutTimes();
    void noCatchUpWhenTheStreamResumes();
    void failedCatchUpIsLogged();
    void polledEventsOnceEach();
};

void tst_EventFeed::streamEventsInterpreted()
{
    Fixture f(streamOr404);
    f.client.start();
    QTRY_VERIFY(f.server.hasOpenStream());
    const QByteArray order = R"({"type":"order_update","order_id":"A-7","status":"shipped",)"
                             R"("updated_at":"2026-11-28T10:05:00Z"})";
    QVERIFY(f.pushAndWait(
        frame({}, order) + frame("weird", R"({"x":1})") + frame({}, "plain text\nline two")
            + frame("notification", notification(u"n1"_s, u"Hello"_s, u"2026-11-28T10:00:00Z"_s), "00000001-1"),
        u"end"_s));
    QCOMPARE(f.labels(),
             (QStringList{ u"o A-7 shipped"_s, u"n weird"_s, u"n plain text"_s, u"n Hello"_s, u"n end"_s }));
    for (const InterpretedEvent &e : std::as_const(f.events))
        QCOMPARE(e.source, Source::Stream);
    // Events without an SSE id have their content key; the id stays with
    // its event and, as SSE wants, with those after it.
    QVERIFY(f.events.at(0).id.isEmpty());
    QCOMPARE(f.events.at(0).contentKey, QByteArray("o:A-7|shipped|2026-11-28T10:05:00Z"));
    QCOMPARE(f.events.at(3).id, QByteArray("00000001-1"));
    QCOMPARE(f.events.at(3).contentKey, QByteArray("n:n1"));
    QCOMPARE(f.events.at(4).id, QByteArray("00000001-1"));
    // What the app does not know is shown, and says why.
    QVERIFY2(f.events.at(1).note.contains(u"\"weird\""), qPrintable(f.events.at(1).note));
    QCOMPARE(f.events.at(2).note, u"the data is not JSON"_s);
    QCOMPARE(f.events.at(2).data().value(u"body").toString(), u"plain text\nline two"_s);
    QVERIFY(f.events.at(2).contentKeyExpires);
    QCOMPARE(f.logs, QStringList{}); // no catch-up asked for, nothing to log
}

void tst_EventFeed::dedup_data()
{
    QTest::addColumn<QByteArray>("frames");
    QTest::addColumn<QStringList>("expected");
    const QByteArray a = notification(u"a"_s, u"A"_s);
    const QByteArray b = notification(u"b"_s, u"B"_s);
    const auto n = [](const QByteArray &data, const QByteArray &id = {}) { return frame("notification", data, id); };
    // Events without an SSE id: once by their content key.
    QTest::addRow("same-notification-twice") << n(a) + n(a) << QStringList{ u"n A"_s };
    QTest::addRow("same-id-new-title") << n(a) + n(notification(u"a"_s, u"A again"_s)) << QStringList{ u"n A"_s };
    QTest::addRow("two-notifications") << n(a) + n(b) + n(a) << QStringList{ u"n A"_s, u"n B"_s };
    QTest::addRow("plain-text-twice") << frame({}, "hello") + frame({}, "hello") << QStringList{ u"n hello"_s };
    const QByteArray shipped
        = R"({"type":"order_update","order_id":"A-7","status":"shipped","updated_at":"2026-11-28T10:05:00Z"})";
    const QByteArray delivered
        = R"({"type":"order_update","order_id":"A-7","status":"delivered","updated_at":"2026-11-28T11:00:00Z"})";
    QTest::addRow("order-update-twice") << frame({}, shipped) + frame({}, shipped) << QStringList{ u"o A-7 shipped"_s };
    QTest::addRow("order-next-status") << frame({}, shipped) + frame({}, delivered) + frame({}, shipped)
                                       << QStringList{ u"o A-7 shipped"_s, u"o A-7 delivered"_s };
    const QByteArray message = R"({"type":"new_message","message_id":"m1","from":"bob","body":"hi"})";
    QTest::addRow("message-twice") << frame({}, message) + frame({}, message) << QStringList{ u"m hi"_s };
    // With an SSE id an event always passes (the stream and the journal are
    // exact by id), and its key is remembered for what comes without one.
    QTest::addRow("ids-both-pass") << n(a, "1") + n(a, "2") << QStringList{ u"n A"_s, u"n A"_s };
    QTest::addRow("id-then-without") << n(a, "1") + ClearId + n(a) << QStringList{ u"n A"_s };
    QTest::addRow("without-then-id") << n(a) + n(a, "1") << QStringList{ u"n A"_s, u"n A"_s };
    // A hash key that came with an id is not remembered: it expires anyway.
    QTest::addRow("plain-text-id-then-without")
        << frame({}, "hello", "1") + ClearId + frame({}, "hello") << QStringList{ u"n hello"_s, u"n hello"_s };
    // Keep-alive messages are no events.
    QTest::addRow("keep-alives") << frame({}, R"({"type":"heartbeat"})") + frame({}, R"({"type":"ping","n":2})")
                                 << QStringList{};
}

void tst_EventFeed::dedup()
{
    QFETCH(QByteArray, frames);
    QFETCH(QStringList, expected);
    Fixture f(streamOr404);
    f.client.start();
    QTRY_VERIFY(f.server.hasOpenStream());
    QVERIFY(f.pushAndWait(frames, u"end"_s));
    QCOMPARE(f.labels(), expected + QStringList{ u"n end"_s });
}

void tst_EventFeed::hashKeysExpireAfterTheWindow()
{
    Fixture f(streamOr404);
    qint64 now = 1'800'000'000'000;
    f.feed.clock = [&now] { return now; };
    f.client.start();
    QTRY_VERIFY(f.server.hasOpenStream());
    const QByteArray hello = frame({}, "hello");
    const QByteArray a = frame("notification", notification(u"a"_s, u"A"_s));
    QVERIFY(f.pushAndWait(hello + a, u"end1"_s));
    now += Notify::ContentDedup::DefaultHashWindowMs - 1;
    QVERIFY(f.pushAndWait(hello + a, u"end2"_s));
    now += 1; // an hour after: the same plain text is news again, a notification id is not
    QVERIFY(f.pushAndWait(hello + a, u"end3"_s));
    QCOMPARE(f.labels(), (QStringList{ u"n hello"_s, u"n A"_s, u"n end1"_s, u"n end2"_s, u"n hello"_s, u"n end3"_s }));
}

void tst_EventFeed::resetPassesEveryTime()
{
    Fixture f(streamOr404);
    QSignalSpy received(&f.client, &SseClient::eventReceived);
    f.client.start();
    QTRY_VERIFY(f.server.hasOpenStream());
    const QByteArray a = frame("notification", notification(u"a"_s, u"A"_s));
    const QByteArray reset = frame("reset", R"({"reason":"expired","last_event_id":"00000002-9"})", "00000002-9");
    QVERIFY(f.pushAndWait(a + reset + reset, u"end"_s));
    // Each reset reaches the app (it reloads its snapshots), also a repeated one.
    QCOMPARE(f.labels(), (QStringList{ u"n A"_s, u"reset expired"_s, u"reset expired"_s, u"n end"_s }));
    QCOMPARE(f.events.at(1).id, QByteArray("00000002-9"));
    QVERIFY(f.events.at(1).contentKey.isEmpty());
    QCOMPARE(std::get<Notify::Protocol::Reset>(f.events.at(1).payload).lastEventId, u"00000002-9"_s);
    const auto resets = std::count_if(received.cbegin(), received.cend(), [](const QList<QVariant> &args) {
        return args.first().value<Notify::SseEvent>().type == "reset";
    });
    QCOMPARE(resets, 2);
    QCOMPARE(f.client.lastEventId(), QByteArray("00000002-9"));
}

void tst_EventFeed::catchUpOnFirstConnect()
{
    // The tray after a restart, against a backend without ids: what came
    // while it was closed is in the list; what it had is known by content.
    QByteArray list
        = page({ notification(u"n3"_s, u"Three"_s, u"2026-11-28T10:03:00Z"_s),
                 notification(u"n2"_s, u"Two"_s, u"2026-11-28T10:02:00Z"_s, QJsonObject{ { u"read"_s, true } }),
                 notification(u"n1"_s, u"One"_s, u"2026-11-28T10:01:00Z"_s),
                 notification(u"n0"_s, u"Zero"_s, u"2026-11-28T10:00:00Z"_s) });
    Fixture f([&list](const QByteArray &head) -> Answer {
        return isFor(head, ListPath) ? jsonAnswer(list) : streamOr404(head);
    });
    auto settings = f.client.settings();
    settings.credentials.scheme = Notify::AuthScheme::Token;
    f.client.setSettings(settings);
    f.feed.ledger().acceptContent("n:n0", false, 0); // delivered before the restart (restored)
    f.feed.setCatchUp(f.server.url(ListPath), true);
    f.client.start();
    QTRY_COMPARE(f.logs, QStringList{ u"caught up: 3 new of 4 in the notifications list"_s });
    // Oldest first, from the list, with the list's read flags.
    QCOMPARE(f.labels(), (QStringList{ u"n One"_s, u"n Two"_s, u"n Three"_s }));
    QCOMPARE(f.sources(), (QList<Source>{ Source::CatchUp, Source::CatchUp, Source::CatchUp }));
    QCOMPARE(f.events.at(0).read, false);
    QCOMPARE(f.events.at(1).read, true);
    QVERIFY(f.events.at(0).id.isEmpty());
    // Asked as the stream is: the same credentials, for JSON.
    QCOMPARE(f.server.count(ListPath), 1);
    QCOMPARE(f.server.header(ListPath, "Authorization"), QByteArray("Token feed-token"));
    QCOMPARE(f.server.header(ListPath, "Accept"), QByteArray("application/json"));
    QCOMPARE(f.fetchingAtOpen, QList<bool>{ true });
    // What the catch-up brought does not come again from the stream.
    QVERIFY(f.pushAndWait(frame("notification", notification(u"n3"_s, u"Three"_s)), u"Four"_s));
    QCOMPARE(f.labels(), (QStringList{ u"n One"_s, u"n Two"_s, u"n Three"_s, u"n Four"_s }));
    QCOMPARE(f.events.last().source, Source::Stream);
}

void tst_EventFeed::firstConnectOnlyReadsHistory()
{
    // notify-cli: the first list is history, never printed; a reconnect
    // catches up with what came since, less what the stream brought.
    QByteArray list = page({ notification(u"n2"_s, u"Two"_s, u"2026-11-28T10:02:00Z"_s),
                             notification(u"n1"_s, u"One"_s, u"2026-11-28T10:01:00Z"_s) });
    Fixture f([&list](const QByteArray &head) -> Answer {
        return isFor(head, ListPath) ? jsonAnswer(list) : streamOr404(head);
    });
    f.feed.setCatchUp(f.server.url(ListPath), false);
    f.client.start();
    QTRY_COMPARE(f.logs, QStringList{ u"2 notification(s) in the list before this start"_s });
    QVERIFY(f.events.isEmpty());
    QVERIFY(f.server.push(frame("notification", notification(u"n3"_s, u"Three"_s, u"2026-11-28T10:03:00Z"_s))));
    QTRY_COMPARE(f.labels(), QStringList{ u"n Three"_s });

    list = page({ notification(u"n4"_s, u"Four"_s, u"2026-11-28T10:04:00Z"_s),
                  notification(u"n3"_s, u"Three"_s, u"2026-11-28T10:03:00Z"_s),
                  notification(u"n2"_s, u"Two"_s, u"2026-11-28T10:02:00Z"_s),
                  notification(u"n1"_s, u"One"_s, u"2026-11-28T10:01:00Z"_s) });
    f.server.dropStreams();
    QTRY_COMPARE(f.logs.size(), 2);
    QCOMPARE(f.logs.last(), u"caught up: 1 new of 4 in the notifications list"_s);
    QCOMPARE(f.labels(), (QStringList{ u"n Three"_s, u"n Four"_s }));
    QCOMPARE(f.sources(), (QList<Source>{ Source::Stream, Source::CatchUp }));
    QCOMPARE(f.fetchingAtOpen, (QList<bool>{ true, true }));
    QCOMPARE(f.server.count(ListPath), 2);
}

void tst_EventFeed::historyIsTheFirstListFetched_data()
{
    // How the first list request ends, before the stream drops.
    QTest::addColumn<bool>("held"); // no answer at all, else a 503
    QTest::addRow("first-list-never-answered") << true;
    QTest::addRow("first-list-failed") << false;
}

void tst_EventFeed::historyIsTheFirstListFetched()
{
    // notify-cli: the first list that arrives is history, whichever open
    // asked for it; what came before it was never read as such.
    QFETCH(bool, held);
    QByteArray list = page({ notification(u"n2"_s, u"Two"_s, u"2026-11-28T10:02:00Z"_s),
                             notification(u"n1"_s, u"One"_s, u"2026-11-28T10:01:00Z"_s) });
    int listRequests = 0;
    Fixture f([&](const QByteArray &head) -> Answer {
        if (!isFor(head, ListPath))
            return streamOr404(head);
        if (++listRequests > 1)
            return jsonAnswer(list);
        return held ? Answer{ {}, false, true } : jsonAnswer(R"({"detail":"database unavailable"})", 503);
    });
    f.feed.setCatchUp(f.server.url(ListPath), false);
    f.client.start();
    QTRY_COMPARE(f.server.count(ListPath), 1);
    const QStringList failure{ u"could not catch up from the notifications list (HTTP 503): database unavailable"_s };
    if (!held)
        QTRY_COMPARE(f.logs, failure);
    QTRY_VERIFY(f.server.hasOpenStream());
    f.server.dropStreams();
    QTRY_COMPARE(f.logs.size(), held ? 1 : 2);
    QCOMPARE(f.logs.last(), u"2 notification(s) in the list before this start"_s);
    QVERIFY(f.events.isEmpty());
    QCOMPARE(f.fetchingAtOpen, (QList<bool>{ true, true }));
    QCOMPARE(f.server.count(ListPath), 2);

    // The next reconnect catches up with what came since, and only that.
    QVERIFY(
        f.pushAndWait(frame("notification", notification(u"n3"_s, u"Three"_s, u"2026-11-28T10:03:00Z"_s)), u"end"_s));
    list = page({ notification(u"n4"_s, u"Four"_s, u"2026-11-28T10:04:00Z"_s),
                  notification(u"n3"_s, u"Three"_s, u"2026-11-28T10:03:00Z"_s),
                  notification(u"n2"_s, u"Two"_s, u"2026-11-28T10:02:00Z"_s),
                  notification(u"n1"_s, u"One"_s, u"2026-11-28T10:01:00Z"_s) });
    f.server.dropStreams();
    QTRY_COMPARE(f.logs.size(), held ? 2 : 3);
    QCOMPARE(f.logs.last(), u"caught up: 1 new of 4 in the notifications list"_s);
    QCOMPARE(f.labels(), (QStringList{ u"n Three"_s, u"n end"_s, u"n Four"_s }));
    QCOMPARE(f.server.count(ListPath), 3);
}

void tst_EventFeed::catchUpOldestFirstWithoutTimes_data()
{
    // The list, newest first as backends serve it, and the catch-up's order.
    QTest::addColumn<QByteArray>("list");
    QTest::addColumn<QStringList>("expected");
    QTest::addRow("no-times") << page(
        { notification(u"n3"_s, u"Three"_s), notification(u"n2"_s, u"Two"_s), notification(u"n1"_s, u"One"_s) })
                              << QStringList{ u"n One"_s, u"n Two"_s, u"n Three"_s };
    // Those without a time keep their place in the list; those with one are in time order around them.
    QTest::addRow("some-times") << page(
        { notification(u"n4"_s, u"Four"_s, u"2026-11-28T10:04:00Z"_s), notification(u"n3"_s, u"Three"_s),
          notification(u"n2"_s, u"Two"_s, u"2026-11-28T10:02:00Z"_s), notification(u"n1"_s, u"One"_s) })
                                << QStringList{ u"n One"_s, u"n Two"_s, u"n Three"_s, u"n Four"_s };
    QTest::addRow("times-against-the-list")
        << page({ notification(u"x"_s, u"Early"_s, u"2026-11-28T10:01:00Z"_s), notification(u"y"_s, u"Middle"_s),
                  notification(u"z"_s, u"Late"_s, u"2026-11-28T10:03:00Z"_s) })
        << QStringList{ u"n Early"_s, u"n Middle"_s, u"n Late"_s };
    // The same time: the list's order, oldest first.
    QTest::addRow("same-time") << page({ notification(u"b"_s, u"B"_s, u"2026-11-28T10:00:00Z"_s),
                                         notification(u"a"_s, u"A"_s, u"2026-11-28T10:00:00Z"_s) })
                               << QStringList{ u"n A"_s, u"n B"_s };
}

void tst_EventFeed::catchUpOldestFirstWithoutTimes()
{
    QFETCH(QByteArray, list);
    QFETCH(QStringList, expected);
    Fixture f([&list](const QByteArray &head) -> Answer {
        return isFor(head, ListPath) ? jsonAnswer(list) : streamOr404(head);
    });
    f.feed.setCatchUp(f.server.url(ListPath), true);
    f.client.start();
    QTRY_COMPARE(f.logs.size(), 1);
    QCOMPARE(f.logs.first(), u"caught up: %1 new of %1 in the notifications list"_s.arg(expected.size()));
    QCOMPARE(f.labels(), expected);
    // Those without a time have the catch-up's.
    for (const InterpretedEvent &e : std::as_const(f.events))
        QVERIFY(std::get<Notify::Protocol::Notification>(e.payload).createdAt.isValid());
}

void tst_EventFeed::noCatchUpWhenTheStreamResumes()
{
    // With an event id the server replays what was missed: no list is read.
    // An empty `id:` clears it, and the next reconnect catches up again.
    const QByteArray list = page({ notification(u"n1"_s, u"One"_s, u"2026-11-28T10:01:00Z"_s) });
    Fixture f([&list](const QByteArray &head) -> Answer {
        return isFor(head, ListPath) ? jsonAnswer(list) : streamOr404(head);
    });
    f.feed.setCatchUp(f.server.url(ListPath), true);
    f.client.setLastEventId("00000001-7"); // resumed
    f.client.start();
    QTRY_VERIFY(f.server.hasOpenStream());
    QVERIFY(f.pushAndWait(frame("notification", notification(u"n9"_s, u"Nine"_s), "00000001-8"), u"end"_s));
    f.server.dropStreams();
    QTRY_COMPARE(f.fetchingAtOpen.size(), 2);
    QVERIFY(f.server.push(frame("notification", notification(u"n10"_s, u"Ten"_s), "")));
    QTRY_COMPARE(f.events.size(), 3);
    f.server.dropStreams(); // the id is empty now
    QTRY_COMPARE(f.logs, QStringList{ u"caught up: 1 new of 1 in the notifications list"_s });
    QCOMPARE(f.fetchingAtOpen, (QList<bool>{ false, false, true }));
    QCOMPARE(f.server.count(ListPath), 1);
    QCOMPARE(f.labels(), (QStringList{ u"n Nine"_s, u"n end"_s, u"n Ten"_s, u"n One"_s }));

    // No list URL: never a catch-up.
    Fixture g(streamOr404);
    g.feed.setCatchUp(QUrl(), true);
    g.client.start();
    QTRY_COMPARE(g.fetchingAtOpen, QList<bool>{ false });
    g.server.dropStreams();
    QTRY_COMPARE(g.fetchingAtOpen, (QList<bool>{ false, false }));
    QCOMPARE(g.server.count(ListPath), 0);
}

void tst_EventFeed::failedCatchUpIsLogged()
{
    Fixture f([](const QByteArray &head) -> Answer {
        return isFor(head, ListPath) ? jsonAnswer(R"({"detail":"database unavailable"})", 503) : streamOr404(head);
    });
    f.feed.setCatchUp(f.server.url(ListPath), true);
    f.client.start();
    QTRY_COMPARE(f.logs,
                 QStringList{ u"could not catch up from the notifications list (HTTP 503): database unavailable"_s });
    QVERIFY(f.events.isEmpty());
    // The stream goes on.
    QVERIFY(f.pushAndWait({}, u"live"_s));
    QCOMPARE(f.client.state(), SseClient::State::Open);
}

void tst_EventFeed::polledEventsOnceEach()
{
    // A backend without a stream: its list is polled, each item becomes an
    // event without id, and each is delivered once, oldest first.
    QByteArray list = page({ notification(u"n2"_s, u"Two"_s), notification(u"n1"_s, u"One"_s) });
    Fixture f([&list](const QByteArray &head) -> Answer {
        return isFor(head, ListPath) ? jsonAnswer(list) : streamOr404(head);
    });
    auto settings = f.client.settings();
    settings.url = f.server.url(u"/notifications/sse/stream/"_s); // no stream here: 404
    settings.pollIntervalMs = 50;
    f.client.setSettings(settings);
    f.client.setPollingFallback(new Notify::NotificationsPoller(ListPath));
    f.feed.setCatchUp(f.server.url(ListPath), true);
    f.client.start();
    QTRY_COMPARE(f.client.state(), SseClient::State::Polling);
    QTRY_COMPARE(f.labels(), (QStringList{ u"n One"_s, u"n Two"_s }));
    // A poll is sent only after the one before was handled: two more seen
    // by the server, and the list was read again at least once.
    qsizetype polls = f.server.count(ListPath);
    QTRY_VERIFY(f.server.count(ListPath) >= polls + 2);
    list
        = page({ notification(u"n3"_s, u"Three"_s), notification(u"n2"_s, u"Two"_s), notification(u"n1"_s, u"One"_s) });
    QTRY_COMPARE(f.events.size(), 3);
    polls = f.server.count(ListPath);
    QTRY_VERIFY(f.server.count(ListPath) >= polls + 2);
    QCOMPARE(f.labels(), (QStringList{ u"n One"_s, u"n Two"_s, u"n Three"_s }));
    QCOMPARE(f.sources(), (QList<Source>{ Source::Poll, Source::Poll, Source::Poll }));
    QCOMPARE(f.fetchingAtOpen, QList<bool>{}); // no stream opened: no catch-up
    QCOMPARE(f.logs, QStringList{});
    f.client.stop();
}

QTEST_GUILESS_MAIN(tst_EventFeed)
#include "tst_eventfeed.moc"
