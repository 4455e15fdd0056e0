// SPDX-License-Identifier: MIT
// notify-server in-process, on an ephemeral port, through real sockets.
// The stream: head, live events, replay without gap or duplicate, resets, heartbeats, timeouts, limits, slow consumers,
// presence, persistence.

#include "servertest.h"

#include <QTemporaryDir>

#include <memory>

class tst_ServerStreams final : public QObject
{
    Q_OBJECT

private slots:
    void streamHeadersAndFirstBytes();
    void liveEventsReachTheStream();
    void replayAfterLastEventId();
    void replayWithLivePublishingHasNoGapNoDuplicate();
    void queryParameterResumes();
    void resetReasons_data();
    void resetReasons();
    void resetWhenExpired();
    void heartbeatWhenIdle();
    void streamTimesOut();
    void streamLimitReject();
    void streamLimitEvictOldest();
    void slowConsumerIsClosed();
    void usersSeeOnlyTheirEvents();
    void presenceFollowsStreams();
    void persistenceAcrossRestart();
};

void tst_ServerStreams::streamHeadersAndFirstBytes()
{
    Server f([](ServerConfig &c) { c.retryMs = 4321; });
    QVERIFY(f.start());
    Stream s(f.port(), Alice);
    QVERIFY(s.waitForHead());
    QCOMPARE(s.head.status, 200);
    QCOMPARE(s.head.header("Content-Type"), QByteArray("text/event-stream; charset=utf-8"));
    QCOMPARE(s.head.header("Cache-Control"), QByteArray("no-cache"));
    QCOMPARE(s.head.header("X-Accel-Buffering"), QByteArray("no"));
    QCOMPARE(s.head.header("Connection"), QByteArray("close"));
    QVERIFY(s.head.header("Content-Length").isNull());
    QTRY_VERIFY(s.rawBody.startsWith("retry: 4321\n: connected\n\n"));
    // The user's own presence comes next, live.
    QVERIFY(s.waitForEvents(1));
    QCOMPARE(s.events.first().type, QByteArray("presence"));
    QCOMPARE(QJsonDocument::fromJson(s.events.first().data).object().value(u"status").toString(),
             QStringLiteral("online"));
}

void tst_ServerStreams::liveEventsReachTheStream()
{
    Server f;
    QVERIFY(f.start());
    Stream s(f.port(), Alice);
    QVERIFY(s.waitForEvents(1)); // presence
    const QByteArray id = f.notification(QStringLiteral("n1"));
    QVERIFY(s.waitForEvents(2));
    QCOMPARE(s.events.last().id, id);
    QCOMPARE(s.events.last().type, QByteArray("notification"));
    QCOMPARE(QJsonDocument::fromJson(s.events.last().data).object().value(u"notification_id").toString(),
             QStringLiteral("n1"));
}

void tst_ServerStreams::replayAfterLastEventId()
{
    Server f;
    QVERIFY(f.start());
    QByteArrayList ids;
    for (int i = 0; i < 1200; ++i) // more than one replay page
        ids << f.notification(QString::number(i));
    Stream s(f.port(), Alice, { { "Last-Event-ID", ids.at(99) } });
    QVERIFY(s.waitForEvents(1100 + 1));
    QCOMPARE(s.ids().mid(0, 1100), ids.mid(100));
    QCOMPARE(s.events.at(1100).type, QByteArray("presence")); // own presence after the replay
}

void tst_ServerStreams::replayWithLivePublishingHasNoGapNoDuplicate()
{
    Server f;
    QVERIFY(f.start());
    QByteArrayList ids;
    for (int i = 0; i < 1500; ++i)
        ids << f.notification(QString::number(i));
    Stream s(f.port(), Alice, { { "Last-Event-ID", ids.first() } });
    // Keep publishing while the replay runs, from the same event loop the
    // server uses: each round lets the server make progress.
    for (int i = 0; i < 300; ++i) {
        ids << f.notification(QStringLiteral("live-%1").arg(i));
        QCoreApplication::processEvents();
    }
    QByteArrayList expected = ids.mid(1);
    QVERIFY(QTest::qWaitFor([&] { return s.eventsOfType("notification").size() >= expected.size(); }, 20000));
    QByteArrayList got;
    for (const auto &e : s.eventsOfType("notification"))
        got << e.id;
    QCOMPARE(got, expected);
}

void tst_ServerStreams::queryParameterResumes()
{
    Server f;
    QVERIFY(f.start());
    const QByteArray first = f.notification(QStringLiteral("a"));
    const QByteArray second = f.notification(QStringLiteral("b"));
    Stream s(f.port(), Alice, {}, StreamPath + "?last_event_id=" + first);
    QVERIFY(s.waitForEvents(1));
    QCOMPARE(s.events.first().id, second);

    // The header wins, even when it is malformed.
    Stream t(f.port(), Alice, { { "Last-Event-ID", "garbage" } }, StreamPath + "?last_event_id=" + first);
    QVERIFY(t.waitForEvents(1));
    QCOMPARE(t.events.first().type, QByteArray("reset"));

    // An empty header counts as absent: the query parameter applies.
    Stream u(f.port(), Alice, { { "Last-Event-ID", "" } }, StreamPath + "?last_event_id=" + first);
    QVERIFY(u.waitForEvents(1));
    QCOMPARE(u.events.first().id, second);
}

void tst_ServerStreams::resetReasons_data()
{
    QTest::addColumn<QByteArray>("lastEventId"); // "%h" is replaced by this store's epoch
    QTest::addColumn<QString>("reason");
    QTest::addRow("malformed") << QByteArray("not-an-id") << QStringLiteral("invalid_id");
    QTest::addRow("uppercase-epoch") << QByteArray("ABCDEF01-1") << QStringLiteral("invalid_id");
    QTest::addRow("beyond-head") << QByteArray("%h-999") << QStringLiteral("invalid_id");
    QTest::addRow("other-epoch") << QByteArray("%o-1") << QStringLiteral("unknown_epoch");
}

void tst_ServerStreams::resetReasons()
{
    QFETCH(QByteArray, lastEventId);
    QFETCH(QString, reason);
    Server f;
    QVERIFY(f.start());
    f.notification(QStringLiteral("a"));
    const QByteArray head = f.notification(QStringLiteral("b"));
    const QByteArray epoch = head.left(8);
    const QByteArray other = QByteArray::number(epoch.toUInt(nullptr, 16) ^ 1, 16).rightJustified(8, '0');
    lastEventId.replace("%h", epoch).replace("%o", other);

    Stream s(f.port(), Alice, { { "Last-Event-ID", lastEventId } });
    QVERIFY(s.waitForEvents(2));
    const auto &reset = s.events.first();
    QCOMPARE(reset.type, QByteArray("reset"));
    QCOMPARE(reset.id, head);
    const QJsonObject data = QJsonDocument::fromJson(reset.data).object();
    QCOMPARE(data.value(u"reason").toString(), reason);
    QCOMPARE(data.value(u"last_event_id").toString(), QString::fromLatin1(head));
    QCOMPARE(s.events.at(1).type, QByteArray("presence")); // then live, own presence first
    // Live events keep coming after a reset.
    const QByteArray next = f.notification(QStringLiteral("c"));
    QVERIFY(s.waitForEvents(3));
    QCOMPARE(s.events.at(2).id, next);
}

void tst_ServerStreams::resetWhenExpired()
{
    Server f([](ServerConfig &c) { c.retainEvents = 10; });
    QVERIFY(f.start());
    QByteArrayList ids;
    for (int i = 0; i < 30; ++i)
        ids << f.notification(QString::number(i));
    f->store().enforceRetention(10, 0, 0);
    Stream s(f.port(), Alice, { { "Last-Event-ID", ids.at(5) } });
    QVERIFY(s.waitForEvents(1));
    QCOMPARE(s.events.first().type, QByteArray("reset"));
    QCOMPARE(QJsonDocument::fromJson(s.events.first().data).object().value(u"reason").toString(),
             QStringLiteral("expired"));
    // Resuming from the newest dropped id still works: nothing after it is gone.
    Stream t(f.port(), Alice, { { "Last-Event-ID", ids.at(19) } });
    QVERIFY(t.waitForEvents(10));
    QCOMPARE(t.ids().mid(0, 10), ids.mid(20));
}

void tst_ServerStreams::heartbeatWhenIdle()
{
    Server f([](ServerConfig &c) { c.connections.heartbeatMs = 150; });
    QVERIFY(f.start());
    Stream s(f.port(), Alice);
    QVERIFY(s.waitForHead());
    QVERIFY(QTest::qWaitFor([&] { return s.comments.size() >= 3; }, 10000));
    QCOMPARE(s.comments.first(), QByteArray(" connected"));
    const QByteArray beat = s.comments.at(1);
    QVERIFY2(beat.startsWith(" heartbeat "), beat.constData());
    const qint64 ms = beat.mid(11).toLongLong();
    QVERIFY(qAbs(ms - QDateTime::currentMSecsSinceEpoch()) < 60'000);
}

void tst_ServerStreams::streamTimesOut()
{
    Server f([](ServerConfig &c) { c.connections.timeoutMs = 300; });
    QVERIFY(f.start());
    Stream s(f.port(), Alice);
    QVERIFY(s.waitForHead());
    QVERIFY(s.waitForClose());
    QTRY_COMPARE(f->openStreams(), 0);
}

void tst_ServerStreams::streamLimitReject()
{
    Server f([](ServerConfig &c) {
        c.maxStreamsPerUser = 5;
        c.retryMs = 2500;
    });
    QVERIFY(f.start());
    std::vector<std::unique_ptr<Stream>> streams;
    for (int i = 0; i < 5; ++i) {
        streams.push_back(std::make_unique<Stream>(f.port(), Alice));
        QVERIFY(streams.back()->waitForHead());
        QCOMPARE(streams.back()->head.status, 200);
    }
    QTRY_COMPARE(f->openStreams(), 5);
    Stream sixth(f.port(), Alice);
    QVERIFY(sixth.waitForHead());
    QCOMPARE(sixth.head.status, 429);
    QCOMPARE(sixth.head.header("Retry-After"), QByteArray("3"));
    QCOMPARE(sixth.head.json().value(u"error").toString(), QStringLiteral("too_many_streams"));
    // Another user is not affected.
    Stream bob(f.port(), Bob);
    QVERIFY(bob.waitForHead());
    QCOMPARE(bob.head.status, 200);
    // Closing one makes room again.
    streams.front()->close();
    QTRY_COMPARE(f->openStreams(), 5);
    Stream again(f.port(), Alice);
    QVERIFY(again.waitForHead());
    QCOMPARE(again.head.status, 200);
}

void tst_ServerStreams::streamLimitEvictOldest()
{
    Server f([](ServerConfig &c) {
        c.maxStreamsPerUser = 2;
        c.streamLimitPolicy = ServerConfig::StreamLimitPolicy::EvictOldest;
    });
    QVERIFY(f.start());
    Stream first(f.port(), Alice);
    QVERIFY(first.waitForHead());
    Stream second(f.port(), Alice);
    QVERIFY(second.waitForHead());
    Stream third(f.port(), Alice);
    QVERIFY(third.waitForHead());
    QCOMPARE(third.head.status, 200);
    QVERIFY(first.waitForClose());
    QVERIFY(!second.closed());
    QTRY_COMPARE(f->openStreams(), 2);
}

void tst_ServerStreams::slowConsumerIsClosed()
{
    Server f([](ServerConfig &c) { c.connections.maxBufferedBytes = 256 * 1024; });
    QVERIFY(f.start());
    // A client that never reads: a raw socket with a tiny receive buffer.
    QTcpSocket lazy;
    lazy.setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, 4096);
    lazy.connectToHost(QHostAddress::LocalHost, f.port());
    QVERIFY(lazy.waitForConnected());
    lazy.setReadBufferSize(1); // Qt stops reading from the kernel, so the window closes
    lazy.write("GET " + StreamPath + " HTTP/1.1\r\nAuthorization: Bearer " + Alice + "\r\n\r\n");
    QTRY_COMPARE(f->openStreams(), 1);
    const QString big(16 * 1024, u'x');
    int published = 0;
    QVERIFY(QTest::qWaitFor(
        [&] {
            f.publish("notification",
                      QJsonObject{ { QStringLiteral("notification_id"), QString::number(published++) },
                                   { QStringLiteral("title"), big },
                                   { QStringLiteral("created_at"), QStringLiteral("2026-11-28T10:00:00Z") } });
            return f->openStreams() == 0;
        },
        20000));
    const QByteArray metrics = f->metricsText();
    QVERIFY(metrics.contains("notify_slow_consumers_closed_total 1\n"));
    QVERIFY(metrics.contains("notify_buffered_bytes 0\n")); // nothing held for a closed stream
    QVERIFY(published < 10000);
}

void tst_ServerStreams::usersSeeOnlyTheirEvents()
{
    Server f;
    QVERIFY(f.start());
    Stream alice(f.port(), Alice);
    Stream bob(f.port(), Bob);
    QVERIFY(alice.waitForHead());
    QVERIFY(bob.waitForHead());
    const QByteArray forAlice = f.notification(QStringLiteral("private"), { QStringLiteral("alice") });
    const QByteArray forAll = f.notification(QStringLiteral("public"));
    QVERIFY(alice.waitForEvents(1));
    QTRY_VERIFY(alice.ids().contains(forAll));
    QTRY_VERIFY(bob.ids().contains(forAll));
    QVERIFY(alice.ids().contains(forAlice));
    QVERIFY(!bob.ids().contains(forAlice));
    // Nor in a replay, nor in the polling endpoint.
    const auto polled = TestClient::request(f.port(), "GET", "/api/v1/events/", Bob);
    for (const auto &e : polled.json().value(u"events").toArray())
        QVERIFY(e.toObject().value(u"id").toString().toLatin1() != forAlice);
}

void tst_ServerStreams::presenceFollowsStreams()
{
    Server f([](ServerConfig &c) { c.presenceGraceMs = 200; });
    QVERIFY(f.start());
    const auto statusOf = [&](const char *user) {
        const auto r = TestClient::request(f.port(), "GET", "/api/v1/presence/", Bob);
        for (const auto &u : r.json().value(u"users").toArray()) {
            if (u.toObject().value(u"user").toString() == QLatin1StringView(user))
                return u.toObject().value(u"status").toString();
        }
        return QString();
    };
    QCOMPARE(statusOf("alice"), QStringLiteral("offline"));
    Stream watcher(f.port(), Bob);
    QVERIFY(watcher.waitForEvents(1));
    {
        Stream alice(f.port(), Alice);
        QVERIFY(alice.waitForHead());
        QTRY_COMPARE(statusOf("alice"), QStringLiteral("online"));
        QCOMPARE(TestClient::request(f.port(), "PUT", "/api/v1/presence/", Alice, R"({"status":"away"})").status, 204);
        QCOMPARE(statusOf("alice"), QStringLiteral("away"));
        auto bad = TestClient::request(f.port(), "PUT", "/api/v1/presence/", Alice, R"({"status":"offline"})");
        QCOMPARE(bad.status, 400);
        QCOMPARE(bad.json().value(u"field").toString(), QStringLiteral("status"));
        QCOMPARE(TestClient::request(f.port(), "PUT", "/api/v1/presence/", Alice, R"({"status":"asleep"})").status,
                 400);
    }
    QTRY_COMPARE(statusOf("alice"), QStringLiteral("offline"));
    QStringList seen;
    for (const auto &e : watcher.eventsOfType("presence")) {
        const QJsonObject p = QJsonDocument::fromJson(e.data).object();
        if (p.value(u"user").toString() == u"alice")
            seen << p.value(u"status").toString();
    }
    QCOMPARE(seen, (QStringList{ QStringLiteral("online"), QStringLiteral("away"), QStringLiteral("offline") }));
}

void tst_ServerStreams::persistenceAcrossRestart()
{
    QTemporaryDir dataDir;
    QByteArray firstId, lastId;
    QByteArrayList ids;
    {
        Server f({}, dataDir.path());
        QVERIFY(f.start());
        for (int i = 0; i < 20; ++i)
            ids << f.notification(QString::number(i), { QStringLiteral("alice") });
        QCOMPARE(TestClient::request(f.port(), "POST", "/api/v1/notifications/3/read/", Alice, "").status, 204);
    }
    Server f({}, dataDir.path());
    QVERIFY(f.start());
    // Same epoch, same numbering: an id from before the restart resumes.
    Stream s(f.port(), Alice, { { "Last-Event-ID", ids.at(9) } });
    QVERIFY(s.waitForEvents(10));
    QCOMPARE(s.ids().mid(0, 10), ids.mid(10));
    const auto r = TestClient::request(f.port(), "GET", "/api/v1/notifications/?unread=1&limit=1000", Alice);
    QCOMPARE(r.json().value(u"notifications").toArray().size(), 19);
    const QByteArray next = f.notification(QStringLiteral("after"));
    QVERIFY(next.startsWith(ids.first().left(9)));
}

QTEST_MAIN(tst_ServerStreams)
#include "tst_serverstreams.moc"
