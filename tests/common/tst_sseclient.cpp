// SPDX-License-Identifier: MIT
// SseClient against scripted fake servers: a QTcpServer in the test that
// answers each request with exact bytes, in chosen chunks, then closes or
// stalls on cue.

#include "common/eventspoller.h"
#include "common/sseclient.h"
#include "scriptedhttpserver.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <arpa/inet.h>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <netinet/in.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

using Notify::SseClient;
using Notify::SseEvent;

Q_DECLARE_METATYPE(QList<QByteArray>)
Q_DECLARE_METATYPE(Notify::AuthScheme)

namespace {

struct Answer
{
    QByteArray head;
    QList<QByteArray> chunks;
    bool stall = false; ///< keep the connection open after the chunks
};

Answer stream(QList<QByteArray> chunks, bool stall = false)
{
    return {
        "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\nConnection: close\r\n\r\n",
        std::move(chunks), stall
    };
}

Answer status(int code, const QByteArray &extraHeaders = {}, const QByteArray &body = {})
{
    return { "HTTP/1.1 " + QByteArray::number(code) + " X\r\nContent-Length: " + QByteArray::number(body.size())
                 + "\r\nConnection: close\r\n" + extraHeaders + "\r\n",
             { body },
             false };
}

class FakeServer final : public ScriptedHttpServer
{
public:
    QList<Answer> answers; ///< one per request; the last one repeats
    std::function<Answer(const QByteArray &head)> route; ///< when set, answers by request instead
    QByteArrayList requests;

    QUrl url(const QString &path = QStringLiteral("/stream")) const { return ScriptedHttpServer::url(path); }
    QByteArray header(qsizetype request, const QByteArray &name) const
    {
        return headerOf(requests.value(request), name);
    }

private:
    void respond(QTcpSocket *socket, const QByteArray &head, const QByteArray &) override
    {
        requests << head;
        const Answer reply = route ? route(head) : answers.value(requests.size() - 1, answers.last());
        // Redirects may point back here: fill in our own port.
        QByteArray responseHead = reply.head;
        responseHead.replace("$PORT", QByteArray::number(port()));
        socket->write(responseHead);
        socket->flush();
        // Each chunk on its own, so the client really sees them split.
        int delay = 0;
        for (const QByteArray &chunk : reply.chunks) {
            QTimer::singleShot(delay += 2, socket, [socket, chunk] {
                socket->write(chunk);
                socket->flush();
            });
        }
        if (!reply.stall)
            QTimer::singleShot(delay + 20, socket, [socket] { socket->disconnectFromHost(); });
    }
};

/// A stream served from a thread of its own (plain sockets), so it keeps
/// sending while the test's event loop is busy: one event every 20 ms, for
/// as long as the test runs.
class TickingServer
{
public:
    TickingServer()
    {
        m_listener = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t length = sizeof address;
        if (::bind(m_listener, reinterpret_cast<sockaddr *>(&address), length) != 0 || ::listen(m_listener, 8) != 0
            || ::getsockname(m_listener, reinterpret_cast<sockaddr *>(&address), &length) != 0)
            qFatal("TickingServer: no loopback listener: %s", strerror(errno));
        m_port = ntohs(address.sin_port);
        m_thread = std::thread([this] { serve(); });
    }
    ~TickingServer()
    {
        m_stop = true;
        ::shutdown(m_listener, SHUT_RDWR);
        ::close(m_listener);
        m_thread.join();
    }
    Q_DISABLE_COPY_MOVE(TickingServer)

    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1/stream").arg(m_port)); }
    int connections() const { return m_connections; }

private:
    void serve()
    {
        while (!m_stop) {
            const int peer = ::accept(m_listener, nullptr, nullptr);
            if (peer < 0)
                return;
            ++m_connections;
            char request[4096];
            if (::recv(peer, request, sizeof request, 0) <= 0) {
                ::close(peer);
                continue;
            }
            const QByteArray head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n\r\n";
            bool open = ::send(peer, head.constData(), size_t(head.size()), MSG_NOSIGNAL) > 0;
            for (int n = 1; open && !m_stop; ++n) {
                const QByteArray frame = "id: " + QByteArray::number(n) + "\ndata: tick\n\n";
                open = ::send(peer, frame.constData(), size_t(frame.size()), MSG_NOSIGNAL) > 0;
                std::this_thread::sleep_for(std::chrono::milliseconds(20));
            }
            ::close(peer);
        }
    }

    int m_listener = -1;
    quint16 m_port = 0;
    std::atomic<bool> m_stop = false;
    std::atomic<int> m_connections = 0;
    std::thread m_thread;
};

struct Recorder
{
    explicit Recorder(SseClient &client)
    {
        QObject::connect(&client, &SseClient::eventReceived, &client, [this](const SseEvent &e) { events << e; });
        QObject::connect(&client, &SseClient::errorOccurred, &client,
                         [this](int status, const QString &message) { errors << qMakePair(status, message); });
        QObject::connect(&client, &SseClient::reconnectScheduled, &client, [this](qint64 ms) { delays << ms; });
        QObject::connect(&client, &SseClient::stateChanged, &client, [this](SseClient::State s) { states << s; });
    }
    QByteArrayList data() const
    {
        QByteArrayList out;
        for (const auto &e : events)
            out << e.data;
        return out;
    }
    QList<SseEvent> events;
    QList<QPair<int, QString>> errors;
    QList<qint64> delays;
    QList<SseClient::State> states;
};

SseClient::Settings settingsFor(const QUrl &url)
{
    SseClient::Settings settings;
    settings.url = url;
    settings.credentials.token = "test-token";
    settings.reconnect.defaultRetryMs = 50;
    settings.reconnect.maxDelayMs = 400;
    settings.readTimeoutMs = 5000;
    return settings;
}

QList<QByteArray> chunked(const QByteArray &bytes, qsizetype size)
{
    QList<QByteArray> out;
    for (qsizetype at = 0; at < bytes.size(); at += size)
        out << bytes.mid(at, size);
    return out;
}

} // namespace

class tst_SseClient final : public QObject
{
    Q_OBJECT

private slots:
    void parsingThroughTheNetwork_data();
    void parsingThroughTheNetwork();
    void requestHeaders();
    void reconnectsWithLastEventId();
    void noLastEventIdAfterEmptyId();
    void partialEventDiscardedOnDrop();
    void backoffGrowsOnRepeatedFailures();
    void retryAfterIsHonoured();
    void statusClasses_data();
    void statusClasses();
    void newTokenAfterAuthRequired();
    void wrongContentTypeWaitsLongest();
    void followsRedirects();
    void redirectLoopFails();
    void watchdogReconnectsASilentStream();
    void watchdogSparesABusyApp();
    void stopMeansStop();
    void clockJumpReconnects();
    void pollsWhenTheStreamIsMissing();
    void pollsWhenStreamsStaySilent();
    void stopWhilePollingReportsNothing();
    void polledResetKeepsItsReason();
    void authSchemes_data();
    void authSchemes();
    void unauthorizedNamesTheSchemeAsked();
};

void tst_SseClient::parsingThroughTheNetwork_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("chunk");
    QTest::addColumn<QByteArrayList>("expected");
    QTest::addColumn<QByteArray>("lastId");
    const QByteArray tricky = "\xEF\xBB\xBF"
                              "data: one\r\n\r\n: comment\rdata:two\rdata\r\rid: 7\ndata: caf\xC3\xA9\n\nretry: 100\n";
    for (const int chunk : { 1, 2, 3, 7, 1000 })
        QTest::addRow("tricky-%d", chunk)
            << tricky << chunk << QByteArrayList{ "one", "two\n", "caf\xC3\xA9" } << QByteArray("7");
    const QByteArray rules = QByteArray("data:\tkeep tab\n\ndata\n\nevent: x\n\nDATA: no\ndata:  two spaces\n\n"
                                        "id: a\0b\ndata: nul id ignored\n\n:\r\n\xFF\n\ndata: \xED\xA0\x80\r\n\r\n",
                                        109)
        + "data: end without blank line";
    for (const int chunk : { 1, 5 })
        QTest::addRow("rules-%d", chunk) << rules << chunk
                                         << QByteArrayList{ "\tkeep tab", "", " two spaces", "nul id ignored",
                                                            "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD" }
                                         << QByteArray();
}

void tst_SseClient::parsingThroughTheNetwork()
{
    QFETCH(QByteArray, body);
    QFETCH(int, chunk);
    QFETCH(QByteArrayList, expected);
    QFETCH(QByteArray, lastId);
    FakeServer server;
    server.answers = { stream(chunked(body, chunk), true) };
    SseClient client;
    client.setSettings(settingsFor(server.url()));
    Recorder r(client);
    client.start();
    QTRY_COMPARE(r.data(), expected);
    QCOMPARE(r.events.last().id, lastId);
    QCOMPARE(client.state(), SseClient::State::Open);
}

void tst_SseClient::requestHeaders()
{
    FakeServer server;
    server.answers = { stream({ "data: x\n\n" }, true) };
    SseClient client;
    auto settings = settingsFor(server.url());
    settings.headers = { { "X-Client", "tray" } };
    client.setSettings(settings);
    client.setLastEventId("stored-7"); // a restarted app resumes where it stopped
    client.start();
    QTRY_COMPARE(server.requests.size(), 1);
    QVERIFY(server.requests.first().startsWith("GET /stream HTTP/1.1"));
    QCOMPARE(server.header(0, "Accept"), QByteArray("text/event-stream"));
    QCOMPARE(server.header(0, "Cache-Control"), QByteArray("no-cache"));
    QCOMPARE(server.header(0, "Authorization"), QByteArray("Bearer test-token"));
    QCOMPARE(server.header(0, "X-Client"), QByteArray("tray"));
    QCOMPARE(server.header(0, "Last-Event-ID"), QByteArray("stored-7"));
}

void tst_SseClient::reconnectsWithLastEventId()
{
    FakeServer server;
    server.answers = { stream({ "retry: 120\n\nid: 1\ndata: a\n\n" }), stream({ "id: 2\ndata: b\n\n" }),
                       stream({ "data: c\n\n" }, true) };
    SseClient client;
    client.setSettings(settingsFor(server.url()));
    Recorder r(client);
    client.start();
    QTRY_COMPARE(r.data(), (QByteArrayList{ "a", "b", "c" }));
    QVERIFY(server.header(0, "Last-Event-ID").isNull()); // none on a first connect
    QCOMPARE(server.header(1, "Last-Event-ID"), QByteArray("1"));
    QCOMPARE(server.header(2, "Last-Event-ID"), QByteArray("2"));
    QCOMPARE(r.events.last().id, QByteArray("2")); // the id persists
    QCOMPARE(r.delays.first(), 120); // the server's retry:, exactly, the first time
    QVERIFY(!r.errors.isEmpty());
    QCOMPARE(r.errors.first().first, 0);
}

void tst_SseClient::noLastEventIdAfterEmptyId()
{
    FakeServer server;
    server.answers = { stream({ "id: 5\ndata: x\n\nid\ndata: y\n\n" }), stream({ "data: z\n\n" }, true) };
    SseClient client;
    client.setSettings(settingsFor(server.url()));
    Recorder r(client);
    client.start();
    QTRY_COMPARE(r.data().size(), 3);
    QVERIFY(!server.requests.at(1).contains("Last-Event-ID"));
}

void tst_SseClient::partialEventDiscardedOnDrop()
{
    FakeServer server;
    server.answers = { stream({ "id: 1\ndata: a\n\nid: 2\ndata: cut off" }), stream({ "data: next\n\n" }, true) };
    SseClient client;
    client.setSettings(settingsFor(server.url()));
    Recorder r(client);
    client.start();
    QTRY_COMPARE(r.data(), (QByteArrayList{ "a", "next" }));
    QCOMPARE(server.header(1, "Last-Event-ID"), QByteArray("1"));
}

void tst_SseClient::backoffGrowsOnRepeatedFailures()
{
    FakeServer server;
    server.answers = { status(500) };
    SseClient client;
    auto settings = settingsFor(server.url());
    settings.reconnect.defaultRetryMs = 20;
    settings.reconnect.maxDelayMs = 300;
    client.setSettings(settings);
    Recorder r(client);
    client.start();
    QTRY_VERIFY_WITH_TIMEOUT(r.delays.size() >= 8, 20000);
    QCOMPARE(r.delays.first(), 20);
    for (qsizetype i = 1; i < r.delays.size(); ++i) {
        const qint64 bound = std::min<qint64>(300, qint64(250) << i);
        QVERIFY2(r.delays.at(i) >= 20 && r.delays.at(i) <= bound, qPrintable(QString::number(r.delays.at(i))));
    }
    QCOMPARE(r.errors.first().first, 500);
}

void tst_SseClient::retryAfterIsHonoured()
{
    FakeServer server;
    server.answers = { status(503, "Retry-After: 2\r\n"), stream({ "data: ok\n\n" }, true) };
    SseClient client;
    client.setSettings(settingsFor(server.url()));
    Recorder r(client);
    client.start();
    QTRY_COMPARE(r.delays.size(), 1);
    QCOMPARE(r.delays.first(), 2000);
    QCOMPARE(client.state(), SseClient::State::WaitingToReconnect);
}

void tst_SseClient::statusClasses_data()
{
    QTest::addColumn<int>("code");
    QTest::addColumn<SseClient::State>("state");
    QTest::addRow("204") << 204 << SseClient::State::Stopped;
    QTest::addRow("401") << 401 << SseClient::State::AuthRequired;
    QTest::addRow("403") << 403 << SseClient::State::AuthRequired;
    QTest::addRow("400") << 400 << SseClient::State::Failed;
    QTest::addRow("404") << 404 << SseClient::State::Failed; // not a notify server: no polling fallback
    QTest::addRow("410") << 410 << SseClient::State::Failed;
    QTest::addRow("408") << 408 << SseClient::State::WaitingToReconnect;
    QTest::addRow("429") << 429 << SseClient::State::WaitingToReconnect;
    QTest::addRow("500") << 500 << SseClient::State::WaitingToReconnect;
    QTest::addRow("502") << 502 << SseClient::State::WaitingToReconnect;
    QTest::addRow("503") << 503 << SseClient::State::WaitingToReconnect;
}

void tst_SseClient::statusClasses()
{
    QFETCH(int, code);
    QFETCH(SseClient::State, state);
    FakeServer server;
    server.answers = { status(code, "Content-Type: application/json\r\n",
                              code == 204 ? QByteArray() : QByteArray(R"({"error":"x","message":"because"})")) };
    SseClient client;
    auto settings = settingsFor(server.url());
    settings.reconnect.defaultRetryMs = 5000; // stay in WaitingToReconnect while we look
    client.setSettings(settings);
    Recorder r(client);
    client.start();
    QTRY_COMPARE(client.state(), state);
    QCOMPARE(r.errors.first().first, code);
    if (code != 204)
        QCOMPARE(r.errors.first().second, QStringLiteral("because")); // the server's message
    QCOMPARE(server.requests.size(), 1); // no retry storm on a final answer
}

void tst_SseClient::newTokenAfterAuthRequired()
{
    FakeServer server;
    server.answers = { status(401), stream({ "data: welcome\n\n" }, true) };
    SseClient client;
    client.setSettings(settingsFor(server.url()));
    Recorder r(client);
    client.start();
    QTRY_COMPARE(client.state(), SseClient::State::AuthRequired);
    client.setToken("better-token");
    QTRY_COMPARE(r.data(), QByteArrayList{ "welcome" });
    QCOMPARE(server.header(1, "Authorization"), QByteArray("Bearer better-token"));
}

void tst_SseClient::wrongContentTypeWaitsLongest()
{
    FakeServer server;
    server.answers
        = { { "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 15\r\n\r\n", { "<html>hi</html>" } } };
    SseClient client;
    client.setSettings(settingsFor(server.url()));
    Recorder r(client);
    client.start();
    QTRY_COMPARE(r.delays.size(), 1);
    QCOMPARE(r.delays.first(), 400); // the cap
    QCOMPARE(r.errors.first().first, 200);
    QVERIFY(r.errors.first().second.contains(u"text/html"));
    QVERIFY(r.events.isEmpty());
}

void tst_SseClient::followsRedirects()
{
    FakeServer server;
    server.answers = { status(307, "Location: http://127.0.0.1:$PORT/moved\r\n"), stream({ "data: here\n\n" }, true) };
    SseClient client;
    client.setSettings(settingsFor(server.url()));
    Recorder r(client);
    client.start();
    QTRY_COMPARE(r.data(), QByteArrayList{ "here" });
    QVERIFY(server.requests.at(1).startsWith("GET /moved "));
    QCOMPARE(server.header(1, "Accept"), QByteArray("text/event-stream"));
}

void tst_SseClient::redirectLoopFails()
{
    FakeServer server;
    server.answers = { status(302, "Location: http://127.0.0.1:$PORT/stream\r\n") };
    SseClient client;
    client.setSettings(settingsFor(server.url()));
    Recorder r(client);
    client.start();
    QTRY_COMPARE(client.state(), SseClient::State::Failed);
    QVERIFY(server.requests.size() <= 7);
    QVERIFY(!r.errors.isEmpty());
}

void tst_SseClient::watchdogReconnectsASilentStream()
{
    FakeServer server;
    server.answers = { stream({ "id: 1\ndata: a\n\n" }, true), stream({ "data: b\n\n" }, true) };
    SseClient client;
    auto settings = settingsFor(server.url());
    settings.readTimeoutMs = 300;
    client.setSettings(settings);
    Recorder r(client);
    client.start();
    QTRY_COMPARE(r.data(), (QByteArrayList{ "a", "b" }));
    QVERIFY(r.errors.first().second.contains(u"no data"));
    QCOMPARE(server.header(1, "Last-Event-ID"), QByteArray("1"));
}

void tst_SseClient::watchdogSparesABusyApp()
{
    // The app is busy for longer than the read timeout (a burst to absorb,
    // a slow paint) while the server keeps sending: the data waiting to be
    // read proves the connection alive, so no "presumed dead", no reconnect.
    TickingServer server;
    SseClient client;
    auto settings = settingsFor(server.url());
    settings.readTimeoutMs = 300;
    client.setSettings(settings);
    Recorder r(client);
    bool blocked = false;
    QObject::connect(&client, &SseClient::eventReceived, &client, [&blocked] {
        if (!std::exchange(blocked, true))
            QThread::msleep(1000); // the event loop starves; the server goes on
    });
    client.start();
    QTRY_VERIFY(r.events.size() >= 60);
    QCOMPARE(r.errors, (QList<QPair<int, QString>>{}));
    QCOMPARE(server.connections(), 1);
    // Nothing lost or repeated while busy: the ids follow one another.
    for (qsizetype i = 0; i < r.events.size(); ++i)
        QCOMPARE(r.events.at(i).id, QByteArray::number(i + 1));
    client.stop();
}

void tst_SseClient::stopMeansStop()
{
    // Stopped while the stream is open, and while it waits to reconnect:
    // nothing may happen afterwards, no state change and no new request
    // within the time a reconnect would have taken (retry is 50 ms here).
    // (The stream stays open in the first case: when it closed by itself,
    // the client could reconnect inside the wait for the first event on a
    // busy machine, before stop(), and the test counted that request as one
    // after the stop; seen once in the soak under stress-ng.)
    for (const bool open : { true, false }) {
        FakeServer server;
        server.answers = { stream({ "data: a\n\n" }, open) };
        SseClient client;
        client.setSettings(settingsFor(server.url()));
        Recorder r(client);
        client.start();
        QTRY_VERIFY(!r.data().isEmpty()); // (a busy machine may see it again after a reconnect)
        // The state is checked between event-loop passes: what it says here
        // is what stop() finds (a reconnect timer fires only inside a pass).
        const SseClient::State before = open ? SseClient::State::Open : SseClient::State::WaitingToReconnect;
        QTRY_COMPARE(client.state(), before);
        const qsizetype requests = server.requests.size(); // all answered: the server has them
        client.stop();
        QCOMPARE(client.state(), SseClient::State::Stopped);
        QSignalSpy changes(&client, &SseClient::stateChanged);
        QVERIFY(!changes.wait(300));
        QCOMPARE(server.requests.size(), requests);
        QCOMPARE(client.state(), SseClient::State::Stopped);
    }
}

void tst_SseClient::clockJumpReconnects()
{
    FakeServer server;
    server.answers = { stream({ "id: 1\ndata: a\n\n" }, true), stream({ "data: b\n\n" }, true) };
    SseClient client;
    auto settings = settingsFor(server.url());
    qint64 skew = 0;
    settings.wallClock = [&skew] { return QDateTime::currentMSecsSinceEpoch() + skew; };
    settings.clockCheckIntervalMs = 50;
    client.setSettings(settings);
    Recorder r(client);
    client.start();
    QTRY_COMPARE(r.data(), QByteArrayList{ "a" });
    QCOMPARE(server.requests.size(), 1);
    skew = 3600 * 1000; // an hour passed on the wall clock, none on the monotonic one: a resume
    QTRY_COMPARE(r.data(), (QByteArrayList{ "a", "b" }));
    QCOMPARE(server.requests.size(), 2);
    QCOMPARE(server.header(1, "Last-Event-ID"), QByteArray("1"));
}

namespace {
Answer json(const QByteArray &body)
{
    return { "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size())
                 + "\r\nConnection: close\r\n\r\n",
             { body },
             false };
}
} // namespace

void tst_SseClient::pollsWhenTheStreamIsMissing()
{
    FakeServer server;
    int polls = 0;
    server.route = [&polls](const QByteArray &head) {
        if (head.startsWith("GET /api/v1/notifications/sse/stream/"))
            return status(404);
        ++polls;
        if (polls == 1)
            return json(
                R"({"events":[{"id":"e-1","event":"notification","data":{"title":"a"}},)"
                R"({"id":"e-2","event":"order_status","data":{"order_id":"A"}}],"last_event_id":"e-2","reset":false})");
        return json(
            R"({"events":[{"id":"e-3","event":"notification","data":{"title":"c"}}],"last_event_id":"e-9","reset":false})");
    };
    SseClient client;
    auto settings = settingsFor(server.url(QStringLiteral("/api/v1/notifications/sse/stream/")));
    settings.pollIntervalMs = 100;
    client.setSettings(settings);
    client.setPollingFallback(new Notify::EventsPoller);
    client.setLastEventId("e-0");
    Recorder r(client);
    client.start();
    QTRY_COMPARE(client.state(), SseClient::State::Polling);
    QTRY_VERIFY(r.events.size() >= 3);
    QCOMPARE(r.events.at(0).id, QByteArray("e-1"));
    QCOMPARE(r.events.at(0).type, QByteArray("notification"));
    QCOMPARE(QJsonDocument::fromJson(r.events.at(0).data).object().value(u"title").toString(), QStringLiteral("a"));
    QCOMPARE(r.events.at(2).id, QByteArray("e-3"));
    // Each poll asks for what came after the last one, with the token.
    QVERIFY(server.requests.at(1).startsWith("GET /api/v1/events/?since=e-0&limit=1000 "));
    QTRY_VERIFY(server.requests.size() >= 3);
    QVERIFY(server.requests.at(2).startsWith("GET /api/v1/events/?since=e-2&limit=1000 "));
    QCOMPARE(server.header(1, "Authorization"), QByteArray("Bearer test-token"));
    QTRY_VERIFY(std::any_of(server.requests.begin(), server.requests.end(),
                            [](const QByteArray &h) { return h.startsWith("GET /api/v1/events/?since=e-9&"); }));
    QCOMPARE(client.lastEventId(), QByteArray("e-9"));
}

void tst_SseClient::pollsWhenStreamsStaySilent()
{
    FakeServer server;
    server.route = [](const QByteArray &head) {
        if (head.startsWith("GET /api/v1/notifications/sse/stream/"))
            return stream({}); // opens, then ends without a byte: a buffering proxy
        return json(
            R"({"events":[{"id":"p-1","event":"message","data":{"body":"hi"}}],"last_event_id":"p-1","reset":false})");
    };
    SseClient client;
    auto settings = settingsFor(server.url(QStringLiteral("/api/v1/notifications/sse/stream/")));
    settings.reconnect.defaultRetryMs = 10;
    client.setSettings(settings);
    client.setPollingFallback(new Notify::EventsPoller);
    Recorder r(client);
    client.start();
    QTRY_COMPARE(client.state(), SseClient::State::Polling);
    qsizetype streams = 0;
    for (const QByteArray &h : std::as_const(server.requests))
        streams += h.startsWith("GET /api/v1/notifications/sse/stream/");
    QCOMPARE(streams, 3);
    QTRY_COMPARE(r.events.size(), 1);
    QCOMPARE(r.events.first().id, QByteArray("p-1"));
}

// Stopping on purpose aborts the poll on its way: that is not an error.
void tst_SseClient::stopWhilePollingReportsNothing()
{
    FakeServer server;
    server.route = [](const QByteArray &head) {
        if (head.startsWith("GET /api/v1/notifications/sse/stream/"))
            return status(404);
        return Answer{ {}, {}, true }; // the poll is never answered
    };
    SseClient client;
    client.setSettings(settingsFor(server.url(QStringLiteral("/api/v1/notifications/sse/stream/"))));
    client.setPollingFallback(new Notify::EventsPoller);
    client.start();
    QTRY_COMPARE(client.state(), SseClient::State::Polling);
    QTRY_COMPARE(server.requests.size(), 2); // the stream, then the poll
    QSignalSpy errors(&client, &SseClient::errorOccurred);
    client.stop();
    QCOMPARE(client.state(), SseClient::State::Stopped);
    QVERIFY(!errors.wait(200)); // an aborted reply would report within a pass or two
    QCOMPARE(errors.size(), 0);
}

void tst_SseClient::polledResetKeepsItsReason()
{
    FakeServer server;
    server.route = [](const QByteArray &head) {
        if (head.startsWith("GET /api/v1/notifications/sse/stream/"))
            return status(404);
        return json(R"({"events":[],"last_event_id":"b-7","reset":true,"reason":"unknown_epoch"})");
    };
    SseClient client;
    client.setSettings(settingsFor(server.url(QStringLiteral("/api/v1/notifications/sse/stream/"))));
    client.setPollingFallback(new Notify::EventsPoller);
    client.setLastEventId("a-3");
    QSignalSpy events(&client, &SseClient::eventReceived);
    client.start();
    QVERIFY(events.wait());
    const auto reset = events.first().first().value<SseEvent>();
    QCOMPARE(reset.type, QByteArray("reset"));
    QCOMPARE(reset.id, QByteArray("b-7"));
    const QJsonObject data = QJsonDocument::fromJson(reset.data).object();
    QCOMPARE(data.value(u"reason").toString(), QStringLiteral("unknown_epoch"));
    QCOMPARE(data.value(u"last_event_id").toString(), QStringLiteral("b-7"));
    QCOMPARE(client.lastEventId(), QByteArray("b-7"));
}

void tst_SseClient::authSchemes_data()
{
    QTest::addColumn<Notify::AuthScheme>("scheme");
    QTest::addColumn<QByteArray>("authorization");
    QTest::addColumn<QByteArray>("requestLine");
    QTest::addRow("bearer") << Notify::AuthScheme::Bearer << QByteArray("Bearer test-token")
                            << QByteArray("GET /stream?x=1 HTTP/1.1");
    QTest::addRow("token") << Notify::AuthScheme::Token << QByteArray("Token test-token")
                           << QByteArray("GET /stream?x=1 HTTP/1.1");
    QTest::addRow("query") << Notify::AuthScheme::Query << QByteArray()
                           << QByteArray("GET /stream?x=1&token=test-token HTTP/1.1");
}

void tst_SseClient::authSchemes()
{
    QFETCH(Notify::AuthScheme, scheme);
    QFETCH(QByteArray, authorization);
    QFETCH(QByteArray, requestLine);
    FakeServer server;
    server.answers = { stream({ "data: x\n\n" }, true) };
    SseClient client;
    auto settings = settingsFor(server.url(QStringLiteral("/stream?x=1")));
    settings.credentials.scheme = scheme;
    client.setSettings(settings);
    client.start();
    QTRY_COMPARE(server.requests.size(), 1);
    QVERIFY2(server.requests.first().startsWith(requestLine), server.requests.first().constData());
    QCOMPARE(server.header(0, "Authorization"), authorization);
}

// Django REST framework answers a Bearer token with `WWW-Authenticate: Token`.
void tst_SseClient::unauthorizedNamesTheSchemeAsked()
{
    FakeServer server;
    server.answers = { status(401, "WWW-Authenticate: Token\r\nContent-Type: application/json\r\n",
                              R"({"detail":"Invalid token."})") };
    SseClient client;
    client.setSettings(settingsFor(server.url()));
    Recorder r(client);
    client.start();
    QTRY_COMPARE(client.state(), SseClient::State::AuthRequired);
    QCOMPARE(r.errors.size(), 1);
    QCOMPARE(r.errors.first().first, 401);
    QVERIFY2(r.errors.first().second.startsWith(u"the server asks for Token authentication"),
             qPrintable(r.errors.first().second));
}

QTEST_GUILESS_MAIN(tst_SseClient)
#include "tst_sseclient.moc"
