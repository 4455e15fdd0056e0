// SPDX-License-Identifier: MIT
// The client engine against the real server: every event exactly once, in
// order, through dropped streams, server restarts and a client restart.

#include "common/eventjournal.h"
#include "common/sseclient.h"
#include "hub/notifyserver.h"
#include "inprocessserver.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Notify;
using Notify::Server::NotifyServer;
using Notify::Server::ServerConfig;

namespace {

const QByteArray Token = TestSupport::AliceToken;

class Harness
{
public:
    Harness()
    {
        config.usersFile = TestSupport::writeUsersFile(m_dir);
        config.dataDir = m_dir.filePath(QStringLiteral("data"));
        config.port = 0;
        config.retryMs = 20;
        config.threads = 2;
    }

    bool startServer()
    {
        server = std::make_unique<NotifyServer>(config);
        QString error;
        if (!server->start(&error)) {
            qWarning() << error;
            return false;
        }
        config.port = server->port(); // a restart comes back on the same port
        return true;
    }

    void restartServer()
    {
        server.reset();
        QVERIFY(startServer());
    }

    void startClient()
    {
        client = std::make_unique<SseClient>();
        SseClient::Settings settings;
        settings.url = QUrl(QStringLiteral("http://127.0.0.1:%1/api/v1/notifications/sse/stream/").arg(config.port));
        settings.credentials.token = Token;
        settings.reconnect.maxDelayMs = 200;
        settings.reconnect.defaultRetryMs = 20;
        client->setSettings(settings);
        client->setLastEventId(journal.lastEventId());
        QObject::connect(client.get(), &SseClient::eventReceived, client.get(), [this](const SseEvent &event) {
            if (event.type != "e2e")
                return;
            if (!journal.accept(event.id)) {
                ++duplicatesDropped;
                return;
            }
            received << QJsonDocument::fromJson(event.data).object().value(u"n").toInt();
        });
        client->start();
    }

    void publish(int n) { server->publish("e2e", QJsonObject{ { QStringLiteral("n"), n } }, {}); }

    ServerConfig config;
    std::unique_ptr<NotifyServer> server;
    std::unique_ptr<SseClient> client;
    EventJournal journal;
    QList<int> received;
    int duplicatesDropped = 0;

private:
    QTemporaryDir m_dir;
};

} // namespace

class tst_ClientServer final : public QObject
{
    Q_OBJECT

private slots:
    void everyEventExactlyOnceThroughFaults();
    void resyncOnReset();
};

void tst_ClientServer::everyEventExactlyOnceThroughFaults()
{
    Harness h;
    QVERIFY(h.startServer());
    h.startClient();
    QTRY_COMPARE(h.client->state(), SseClient::State::Open);

    constexpr int Total = 10'000;
    int drops = 0;
    for (int n = 0; n < Total; ++n) {
        h.publish(n);
        if (n % 100 == 99)
            QCoreApplication::processEvents(); // let the streams move
        if (n % 700 == 350) {
            h.server->dropAllStreams();
            ++drops;
        }
        if (n == 4000 || n == 8000)
            h.restartServer();
        if (n == 6000) {
            // The app restarts: a new client object, the journal restored from what it saved.
            const QByteArray saved = h.journal.toJson();
            h.client.reset();
            h.journal = EventJournal();
            QVERIFY(h.journal.fromJson(saved));
            h.startClient();
        }
    }
    QVERIFY(drops >= 10);
    QVERIFY(QTest::qWaitFor([&] { return h.received.size() >= Total; }, 60000));
    // Give a stray duplicate time to arrive: the journal must have kept it out.
    QSignalSpy extra(h.client.get(), &SseClient::eventReceived);
    (void)extra.wait(200);
    QCOMPARE(h.received.size(), Total);
    for (int n = 0; n < Total; ++n) {
        if (h.received.at(n) != n)
            QFAIL(qPrintable(QStringLiteral("event %1 arrived as number %2").arg(h.received.at(n)).arg(n)));
    }
}

void tst_ClientServer::resyncOnReset()
{
    Harness h;
    h.config.retainEvents = 5;
    QVERIFY(h.startServer());
    for (int n = 0; n < 3; ++n)
        h.publish(n);
    h.journal.setLastEventId("ffffffff-1"); // from a store that no longer exists
    h.startClient();
    QSignalSpy events(h.client.get(), &SseClient::eventReceived);
    QVERIFY(events.wait());
    const auto reset = events.first().first().value<SseEvent>();
    QCOMPARE(reset.type, QByteArray("reset"));
    QCOMPARE(QJsonDocument::fromJson(reset.data).object().value(u"reason").toString(), QStringLiteral("unknown_epoch"));
    // Live events go on after the reset.
    h.publish(99);
    QTRY_COMPARE(h.received, QList<int>{ 99 });
}

QTEST_GUILESS_MAIN(tst_ClientServer)
#include "tst_clientserver.moc"
