// SPDX-License-Identifier: MIT
// PollingChain: which poller it asks, what it passes on, how a 404 moves it
// to the next one (at once, and for good); scripted pollers in the test, then
// the real pair the tray and notify-cli chain (EventsPoller, then
// NotificationsPoller) under an SseClient against a scripted server.

#include "common/eventspoller.h"
#include "common/notificationspoller.h"
#include "common/pollingchain.h"
#include "common/sseclient.h"
#include "scriptedhttpserver.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using Notify::PollingChain;
using Notify::PollingFallback;
using Notify::SseClient;
using Notify::SseEvent;
using namespace Qt::StringLiterals;

namespace {

/// A poller the test drives: it records each call (in @c journal, shared by
/// the pollers of a chain) and emits what the test tells it to.
class ScriptedPoller final : public PollingFallback
{
public:
    struct Call
    {
        QNetworkAccessManager *network;
        QByteArray token;
        QUrl streamUrl;
        QByteArray lastEventId;
    };

    /// @p path: its URL relative to the stream's; empty: none for any server.
    ScriptedPoller(QString name, QString path, QStringList *journal)
        : m_name(std::move(name))
        , m_path(std::move(path))
        , m_journal(journal)
    { }

    [[nodiscard]] QUrl pollingUrl(const QUrl &streamUrl) const override
    {
        return m_path.isEmpty() ? QUrl() : streamUrl.resolved(QUrl(m_path));
    }
    void poll(QNetworkAccessManager *network, const Notify::RequestBuilder &requests, const QUrl &streamUrl,
              const QByteArray &lastEventId) override
    {
        calls << Call{ network, requests.credentials().token, streamUrl, lastEventId };
        *m_journal << m_name + u".poll"_s;
    }
    void abort() override { *m_journal << m_name + u".abort"_s; }

    void answer(const QList<SseEvent> &events, const QByteArray &lastEventId, bool more)
    {
        emit polled(events, lastEventId, more);
    }
    void fail(int status, const QString &message) { emit failed(status, message); }

    QList<Call> calls;

private:
    QString m_name;
    QString m_path;
    QStringList *m_journal;
};

const QUrl Stream(u"http://h:8000/api/v1/notifications/sse/stream/"_s);

/// A chain of scripted pollers named A, B, C, … with these paths.
struct Chain
{
    explicit Chain(const QStringList &paths)
    {
        for (qsizetype i = 0; i < paths.size(); ++i) {
            auto *poller = new ScriptedPoller(QString(QChar(char16_t(u'A' + i))), paths.at(i), &journal);
            pollers << poller;
            chain.append(poller);
        }
    }
    /// Polls as SseClient does, with the token "t" and this last event id.
    void poll(const QByteArray &lastEventId = "00000001-5")
    {
        chain.poll(&network, Notify::RequestBuilder({ "t", Notify::AuthScheme::Bearer, {} }), Stream, lastEventId);
    }

    QStringList journal;
    QNetworkAccessManager network;
    PollingChain chain;
    QList<ScriptedPoller *> pollers;
};

using Failure = QPair<int, QString>;

QList<Failure> failures(const QSignalSpy &spy)
{
    QList<Failure> out;
    for (const QList<QVariant> &args : spy)
        out << Failure{ args.at(0).toInt(), args.at(1).toString() };
    return out;
}

// --- a scripted HTTP server for the real pollers

/// Answers each request by its head, then closes; keeps the heads.
class JsonServer final : public ScriptedHttpServer
{
public:
    std::function<QPair<int, QByteArray>(const QByteArray &head)> route;
    QByteArrayList requests;

    /// The request lines that start with "GET <prefix>".
    [[nodiscard]] QByteArrayList lines(const QByteArray &prefix) const
    {
        QByteArrayList out;
        for (const QByteArray &head : requests) {
            const QByteArray line = head.left(head.indexOf("\r\n"));
            if (line.startsWith(QByteArray("GET " + prefix)))
                out << line;
        }
        return out;
    }

private:
    void respond(QTcpSocket *socket, const QByteArray &head, const QByteArray &) override
    {
        requests << head;
        const auto [status, body] = route(head);
        socket->write("HTTP/1.1 " + QByteArray::number(status)
                      + " X\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: "
                      + QByteArray::number(body.size()) + "\r\n\r\n" + body);
        socket->disconnectFromHost();
    }
};

const QByteArray StreamPath = "/api/v1/notifications/sse/stream/";
const QByteArray EventsPath = "/api/v1/events/";
const QByteArray ListPath = "/api/v1/notifications/";

SseClient::Settings settingsFor(const QUrl &url)
{
    SseClient::Settings settings;
    settings.url = url;
    settings.credentials.token = "chain-token";
    settings.reconnect.defaultRetryMs = 50;
    settings.reconnect.maxDelayMs = 400;
    settings.pollIntervalMs = 50;
    return settings;
}

/// The chain the tray and notify-cli build.
PollingChain *appChain()
{
    auto *chain = new PollingChain;
    chain->append(new Notify::EventsPoller);
    chain->append(new Notify::NotificationsPoller(QString::fromLatin1(ListPath)));
    return chain;
}

} // namespace

class tst_PollingChain final : public QObject
{
    Q_OBJECT

private slots:
    void pollingUrl_data();
    void pollingUrl();
    void pollsTheFirstThatHasAUrl();
    void passesOnWhatItsPollerSays();
    void notFoundMovesOnAtOnceForGood();
    void notFoundFromTheLastIsAFailure();
    void notFoundFromAnEarlierPollerIsAFailure();
    void notFoundWithNoPollerLeft();
    void notFoundAfterSkippingAPollerWithoutAUrl();
    void notFoundAfterMovingPastAPollerWithoutAUrl();
    void abortReachesEveryPoller();
    void ownsItsPollers();
    void serverWithoutTheEventsEndpoint();
    void serverWithTheEventsEndpoint();
};

void tst_PollingChain::pollingUrl_data()
{
    QTest::addColumn<QStringList>("paths"); // empty: that poller has none
    QTest::addColumn<QString>("url"); // empty: none
    QTest::addRow("empty-chain") << QStringList{} << QString();
    QTest::addRow("one") << QStringList{ u"/a/"_s } << u"http://h:8000/a/"_s;
    QTest::addRow("first-of-two") << QStringList{ u"/a/"_s, u"/b/"_s } << u"http://h:8000/a/"_s;
    QTest::addRow("first-has-none") << QStringList{ QString(), u"/b/"_s } << u"http://h:8000/b/"_s;
    QTest::addRow("two-have-none") << QStringList{ QString(), QString(), u"c/"_s }
                                   << u"http://h:8000/api/v1/notifications/sse/stream/c/"_s;
    QTest::addRow("none-has-one") << QStringList{ QString(), QString() } << QString();
}

void tst_PollingChain::pollingUrl()
{
    QFETCH(QStringList, paths);
    QFETCH(QString, url);
    Chain c(paths);
    QCOMPARE(c.chain.pollingUrl(Stream), url.isEmpty() ? QUrl() : QUrl(url));
    QCOMPARE(c.chain.pollingUrl(Stream).isValid(), !url.isEmpty());
    QCOMPARE(c.journal, QStringList{}); // asking polls nothing
}

void tst_PollingChain::pollsTheFirstThatHasAUrl()
{
    Chain c({ QString(), u"/b/"_s, u"/c/"_s });
    c.poll("00000001-5");
    QCOMPARE(c.journal, QStringList{ u"B.poll"_s });
    const ScriptedPoller::Call &call = c.pollers.at(1)->calls.first();
    QCOMPARE(call.network, &c.network);
    QCOMPARE(call.token, QByteArray("t"));
    QCOMPARE(call.streamUrl, Stream);
    QCOMPARE(call.lastEventId, QByteArray("00000001-5"));
    c.poll("00000001-6");
    QCOMPARE(c.journal, (QStringList{ u"B.poll"_s, u"B.poll"_s }));
    QCOMPARE(c.pollers.at(1)->calls.last().lastEventId, QByteArray("00000001-6"));

    // A chain with no way to poll this server polls nothing.
    Chain none({ QString(), QString() });
    none.poll();
    QCOMPARE(none.journal, QStringList{});
}

void tst_PollingChain::passesOnWhatItsPollerSays()
{
    Chain c({ u"/a/"_s, u"/b/"_s });
    QSignalSpy polled(&c.chain, &PollingFallback::polled);
    QSignalSpy failed(&c.chain, &PollingFallback::failed);
    c.poll();
    const QList<SseEvent> events{ { "notification", R"({"title":"x"})", "00000001-6" }, { "message", "plain", {} } };
    c.pollers.at(0)->answer(events, "00000001-6", true);
    QCOMPARE(polled.size(), 1);
    QCOMPARE(polled.first().at(0).value<QList<SseEvent>>(), events);
    QCOMPARE(polled.first().at(1).toByteArray(), QByteArray("00000001-6"));
    QCOMPARE(polled.first().at(2).toBool(), true);
    // Any failure but a 404 is the poller's, passed on as it is; the chain stays.
    for (const int status : { 0, 401, 403, 410, 500, 503 }) {
        c.pollers.at(0)->fail(status, u"because %1"_s.arg(status));
        QCOMPARE(failures(failed).last(), Failure(status, u"because %1"_s.arg(status)));
    }
    QCOMPARE(failed.size(), 6);
    c.poll();
    QCOMPARE(c.journal, (QStringList{ u"A.poll"_s, u"A.poll"_s }));
    QCOMPARE(c.chain.pollingUrl(Stream), QUrl(u"http://h:8000/a/"_s));
}

void tst_PollingChain::notFoundMovesOnAtOnceForGood()
{
    Chain c({ u"/a/"_s, u"/b/"_s, u"/c/"_s });
    QSignalSpy polled(&c.chain, &PollingFallback::polled);
    QSignalSpy failed(&c.chain, &PollingFallback::failed);
    c.poll("00000001-5");
    c.pollers.at(0)->fail(404, u"Not Found"_s);
    // Said, and the next way polled at once, with the same arguments.
    QCOMPARE(failures(failed), QList<Failure>{ Failure(404, u"Not Found; polling http://h:8000/b/ instead"_s) });
    QCOMPARE(c.journal, (QStringList{ u"A.poll"_s, u"B.poll"_s }));
    const ScriptedPoller::Call &call = c.pollers.at(1)->calls.first();
    QCOMPARE(call.network, &c.network);
    QCOMPARE(call.token, QByteArray("t"));
    QCOMPARE(call.streamUrl, Stream);
    QCOMPARE(call.lastEventId, QByteArray("00000001-5"));
    // From now on.
    QCOMPARE(c.chain.pollingUrl(Stream), QUrl(u"http://h:8000/b/"_s));
    c.poll("00000001-6");
    QCOMPARE(c.journal, (QStringList{ u"A.poll"_s, u"B.poll"_s, u"B.poll"_s }));
    c.pollers.at(1)->answer({ { "notification", "{}", {} } }, {}, false);
    QCOMPARE(polled.size(), 1);
    // And on again.
    c.pollers.at(1)->fail(404, u"Not Found"_s);
    QCOMPARE(failures(failed).last(), Failure(404, u"Not Found; polling http://h:8000/c/ instead"_s));
    QCOMPARE(c.journal.last(), u"C.poll"_s);
    QCOMPARE(c.pollers.at(2)->calls.first().lastEventId, QByteArray("00000001-6"));
    QCOMPARE(c.chain.pollingUrl(Stream), QUrl(u"http://h:8000/c/"_s));
}

void tst_PollingChain::notFoundFromTheLastIsAFailure()
{
    for (const QStringList &paths : { QStringList{ u"/a/"_s }, QStringList{ u"/a/"_s, u"/b/"_s } }) {
        Chain c(paths);
        QSignalSpy failed(&c.chain, &PollingFallback::failed);
        c.poll();
        if (paths.size() == 2)
            c.pollers.at(0)->fail(404, u"Not Found"_s);
        c.pollers.last()->fail(404, u"Not Found"_s);
        // Nothing left to try: the 404 as it came, and the last way stays.
        QCOMPARE(failures(failed).last(), Failure(404, u"Not Found"_s));
        QCOMPARE(failed.size(), paths.size());
        const QStringList before = c.journal;
        c.poll();
        QCOMPARE(c.journal, before + QStringList{ c.journal.last() });
        QCOMPARE(c.journal.last(), paths.size() == 2 ? u"B.poll"_s : u"A.poll"_s);
    }
}

void tst_PollingChain::notFoundFromAnEarlierPollerIsAFailure()
{
    // A 404 from a poller the chain has left (a late answer) moves nothing.
    Chain c({ u"/a/"_s, u"/b/"_s, u"/c/"_s });
    QSignalSpy failed(&c.chain, &PollingFallback::failed);
    c.poll();
    c.pollers.at(0)->fail(404, u"Not Found"_s);
    c.pollers.at(0)->fail(404, u"late"_s);
    QCOMPARE(failures(failed).last(), Failure(404, u"late"_s));
    QCOMPARE(c.chain.pollingUrl(Stream), QUrl(u"http://h:8000/b/"_s));
    QCOMPARE(c.journal, (QStringList{ u"A.poll"_s, u"B.poll"_s }));
}

void tst_PollingChain::notFoundWithNoPollerLeft()
{
    // The next one has no URL for this server: nothing to poll instead.
    Chain c({ u"/a/"_s, QString() });
    QSignalSpy failed(&c.chain, &PollingFallback::failed);
    c.poll();
    c.pollers.at(0)->fail(404, u"Not Found"_s);
    QCOMPARE(failures(failed), QList<Failure>{ Failure(404, u"Not Found; polling nothing instead"_s) });
    QCOMPARE(c.journal, QStringList{ u"A.poll"_s });
    QVERIFY(!c.chain.pollingUrl(Stream).isValid());
    c.poll();
    QCOMPARE(c.journal, QStringList{ u"A.poll"_s });
}

void tst_PollingChain::notFoundAfterSkippingAPollerWithoutAUrl()
{
    // The first has no URL for this server: B is polled, and its 404 moves on to C.
    Chain c({ QString(), u"/b/"_s, u"/c/"_s });
    QSignalSpy failed(&c.chain, &PollingFallback::failed);
    c.poll("00000001-5");
    QCOMPARE(c.journal, QStringList{ u"B.poll"_s });
    c.pollers.at(1)->fail(404, u"Not Found"_s);
    QCOMPARE(failures(failed), QList<Failure>{ Failure(404, u"Not Found; polling http://h:8000/c/ instead"_s) });
    QCOMPARE(c.journal, (QStringList{ u"B.poll"_s, u"C.poll"_s }));
    QCOMPARE(c.pollers.at(2)->calls.first().lastEventId, QByteArray("00000001-5"));
    QCOMPARE(c.chain.pollingUrl(Stream), QUrl(u"http://h:8000/c/"_s));
    c.poll();
    QCOMPARE(c.journal, (QStringList{ u"B.poll"_s, u"C.poll"_s, u"C.poll"_s }));
    // C is the last: its 404 is one.
    c.pollers.at(2)->fail(404, u"Not Found"_s);
    QCOMPARE(failures(failed).last(), Failure(404, u"Not Found"_s));
    QCOMPARE(c.chain.pollingUrl(Stream), QUrl(u"http://h:8000/c/"_s));

    // Nothing after B: B's 404 is one, and B stays.
    Chain last({ QString(), u"/b/"_s });
    QSignalSpy lastFailed(&last.chain, &PollingFallback::failed);
    last.poll();
    last.pollers.at(1)->fail(404, u"Not Found"_s);
    QCOMPARE(failures(lastFailed), QList<Failure>{ Failure(404, u"Not Found"_s) });
    last.poll();
    QCOMPARE(last.journal, (QStringList{ u"B.poll"_s, u"B.poll"_s }));
}

void tst_PollingChain::notFoundAfterMovingPastAPollerWithoutAUrl()
{
    // A's 404 moves past B, which has no URL, to C; C's moves on to D.
    Chain c({ u"/a/"_s, QString(), u"/c/"_s, u"/d/"_s });
    QSignalSpy failed(&c.chain, &PollingFallback::failed);
    c.poll("00000001-5");
    c.pollers.at(0)->fail(404, u"Not Found"_s);
    QCOMPARE(failures(failed).last(), Failure(404, u"Not Found; polling http://h:8000/c/ instead"_s));
    QCOMPARE(c.journal, (QStringList{ u"A.poll"_s, u"C.poll"_s }));
    c.poll("00000001-6");
    c.pollers.at(2)->fail(404, u"Not Found"_s);
    QCOMPARE(failures(failed).last(), Failure(404, u"Not Found; polling http://h:8000/d/ instead"_s));
    QCOMPARE(c.journal, (QStringList{ u"A.poll"_s, u"C.poll"_s, u"C.poll"_s, u"D.poll"_s }));
    QCOMPARE(c.pollers.at(3)->calls.first().lastEventId, QByteArray("00000001-6"));
    QCOMPARE(c.chain.pollingUrl(Stream), QUrl(u"http://h:8000/d/"_s));
    // Late 404s of those left behind move nothing.
    c.pollers.at(2)->fail(404, u"late"_s);
    c.pollers.at(0)->fail(404, u"later"_s);
    QCOMPARE(failures(failed).mid(2), (QList<Failure>{ Failure(404, u"late"_s), Failure(404, u"later"_s) }));
    QCOMPARE(c.chain.pollingUrl(Stream), QUrl(u"http://h:8000/d/"_s));
    c.poll();
    QCOMPARE(c.journal.last(), u"D.poll"_s);
    QCOMPARE(c.journal.size(), 5);
}

void tst_PollingChain::abortReachesEveryPoller()
{
    Chain c({ u"/a/"_s, QString(), u"/c/"_s });
    c.poll();
    c.chain.abort();
    QCOMPARE(c.journal, (QStringList{ u"A.poll"_s, u"A.abort"_s, u"B.abort"_s, u"C.abort"_s }));
}

void tst_PollingChain::ownsItsPollers()
{
    QStringList journal;
    auto *chain = new PollingChain;
    QPointer<ScriptedPoller> a = new ScriptedPoller(u"A"_s, u"/a/"_s, &journal);
    QPointer<ScriptedPoller> b = new ScriptedPoller(u"B"_s, u"/b/"_s, &journal);
    QObject other;
    b->setParent(&other);
    chain->append(a);
    chain->append(b);
    QCOMPARE(a->parent(), chain);
    QCOMPARE(b->parent(), chain); // taken from its parent
    delete chain;
    QVERIFY(a.isNull());
    QVERIFY(b.isNull());
}

void tst_PollingChain::serverWithoutTheEventsEndpoint()
{
    // A backend with neither the stream nor /api/v1/events/, but a list:
    // the events endpoint is asked once, then the list, at once and from
    // then on; its items are events without ids, oldest first.
    JsonServer server;
    server.route = [](const QByteArray &head) -> QPair<int, QByteArray> {
        if (head.startsWith(QByteArray("GET " + ListPath + ' ')))
            return { 200, R"({"count":2,"next":null,"results":[{"id":2,"title":"Two"},{"id":1,"title":"One"}]})" };
        return { 404, R"({"error":"not_found","message":"Not found."})" };
    };
    SseClient client;
    client.setSettings(settingsFor(server.url(QString::fromLatin1(StreamPath))));
    client.setPollingFallback(appChain());
    client.setLastEventId("00000001-5");
    QList<QPair<int, QString>> errors;
    connect(&client, &SseClient::errorOccurred, &client,
            [&errors](int status, const QString &message) { errors << qMakePair(status, message); });
    QList<SseEvent> events;
    connect(&client, &SseClient::eventReceived, &client, [&events](const SseEvent &e) { events << e; });
    QCOMPARE(client.pollingUrl(), server.url(QString::fromLatin1(EventsPath)));
    client.start();
    QTRY_COMPARE(client.state(), SseClient::State::Polling);
    QTRY_VERIFY(events.size() >= 2);
    QCOMPARE(events.at(0).type, QByteArray("notification"));
    QCOMPARE(QJsonDocument::fromJson(events.at(0).data).object().value(u"title").toString(), u"One"_s);
    QCOMPARE(QJsonDocument::fromJson(events.at(1).data).object().value(u"title").toString(), u"Two"_s);
    QVERIFY(events.at(0).id.isEmpty());
    // The stream's 404, then the events endpoint's, said with where it polls now.
    QCOMPARE(errors.value(0).first, 404);
    QCOMPARE(
        errors.value(1),
        qMakePair(404, u"Not found.; polling %1 instead"_s.arg(server.url(QString::fromLatin1(ListPath)).toString())));
    QCOMPARE(client.pollingUrl(), server.url(QString::fromLatin1(ListPath)));
    // More polls, all of the list.
    QTRY_VERIFY(server.lines(QByteArray(ListPath + ' ')).size() >= 3);
    QCOMPARE(server.lines(EventsPath), QByteArrayList{ "GET /api/v1/events/?since=00000001-5&limit=1000 HTTP/1.1" });
    QCOMPARE(server.lines(StreamPath).size(), 1);
    client.stop();
}

void tst_PollingChain::serverWithTheEventsEndpoint()
{
    // A notify server whose stream a proxy hides: the events endpoint is
    // polled, after the last id, and the list never.
    JsonServer server;
    server.route = [](const QByteArray &head) -> QPair<int, QByteArray> {
        if (head.startsWith(QByteArray("GET " + EventsPath)))
            return { 200,
                     R"({"events":[{"id":"00000001-6","event":"notification","data":{"title":"Six"}}],)"
                     R"("last_event_id":"00000001-6","reset":false})" };
        return { 404, R"({"error":"not_found","message":"Not found."})" };
    };
    SseClient client;
    client.setSettings(settingsFor(server.url(QString::fromLatin1(StreamPath))));
    client.setPollingFallback(appChain());
    client.setLastEventId("00000001-5");
    QList<SseEvent> events;
    connect(&client, &SseClient::eventReceived, &client, [&events](const SseEvent &e) { events << e; });
    client.start();
    QTRY_VERIFY(server.lines(EventsPath).size() >= 3);
    QCOMPARE(events.first().id, QByteArray("00000001-6"));
    QCOMPARE(server.lines(EventsPath).first(), QByteArray("GET /api/v1/events/?since=00000001-5&limit=1000 HTTP/1.1"));
    QCOMPARE(server.lines(EventsPath).at(1), QByteArray("GET /api/v1/events/?since=00000001-6&limit=1000 HTTP/1.1"));
    QCOMPARE(server.lines(QByteArray(ListPath + ' ')).size(), 0);
    QCOMPARE(client.pollingUrl(), server.url(QString::fromLatin1(EventsPath)));
    client.stop();
}

QTEST_GUILESS_MAIN(tst_PollingChain)
#include "tst_pollingchain.moc"
