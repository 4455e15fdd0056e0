// SPDX-License-Identifier: MIT
// The whole app session (models, history, stream, REST) against the real
// server in-process, under the offscreen platform.

#include "core/desktopsession.h"
#include "core/displaytext.h"
#include "core/historystore.h"
#include "core/messagemodel.h"
#include "core/notificationmodel.h"
#include "core/ordermodel.h"
#include "core/presencemodel.h"
#include "hub/notifyserver.h"
#include "inprocessserver.h"
#include "store/eventstore.h"
#include "ui/trayiconrenderer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace Notify::Tray;

namespace {

/// Records what the session alerts.
class RecordingNotifier final : public Notifier
{
public:
    using Notifier::Notifier;
    void show(const Alert &alert) override { shownKeys << alert.key; }
    void withdraw(const QString &) override { }
    QStringList shownKeys;
};

/// An HTTP server that holds every request until the test gives the answer.
class HeldListServer final : public QTcpServer
{
public:
    HeldListServer()
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                    QByteArray &request = m_requests[socket];
                    request += socket->readAll();
                    if (request.contains("\r\n\r\n"))
                        m_waiting << socket;
                    if (!m_body.isEmpty())
                        answerAll();
                });
            }
        });
    }
    [[nodiscard]] bool hasRequest() const { return !m_waiting.isEmpty(); }
    void answer(const QJsonObject &body)
    {
        m_body = QJsonDocument(body).toJson(QJsonDocument::Compact);
        answerAll();
    }

private:
    void answerAll()
    {
        for (QTcpSocket *socket : std::as_const(m_waiting)) {
            socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n"
                          "Content-Length: "
                          + QByteArray::number(m_body.size()) + "\r\n\r\n" + m_body);
            socket->disconnectFromHost();
        }
        m_waiting.clear();
    }

    QHash<QTcpSocket *, QByteArray> m_requests;
    QList<QTcpSocket *> m_waiting;
    QByteArray m_body;
};

} // namespace

class tst_DesktopSession final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void eventsReachTheModels();
    void readsFollowTheServer();
    void resetTriggersResync();
    void restartResumesWithoutDuplicates();
    void aBurstIsAFewBatches();
    void publishedWhileTheListLoadsIsAlerted();
    void trayIconShowsStateAndBadge();
    void rulesDecideWhatIsListedAndAlerted();
    void aConfigFilesSourceAndBack();

private:
    DesktopSession::Settings settings() const;
    QByteArray notify(const QString &id, const QStringList &audience = { QStringLiteral("alice") });

    std::unique_ptr<TestSupport::InProcessServer> m_server;
};

void tst_DesktopSession::aConfigFilesSourceAndBack()
{
    SourceConfig source;
    source.name = QStringLiteral("Shop");
    source.url = QUrl(QStringLiteral("https://shop.example.com"));
    source.user = QStringLiteral("alice");
    source.dialect = SourceConfig::Dialect::Django;
    source.mapping = QStringLiteral("/etc/notify/shop-mapping.json");
    source.signIn = SourceConfig::SignIn::Password;
    source.caCertificate = QStringLiteral("/etc/notify/shop-ca.pem");
    source.token = "from-the-file";
    DesktopSession::Settings common;
    common.alertPresence = true;
    common.rules = { Rule{ {}, QStringLiteral("presence"), {}, {}, {}, RuleAction::Hide } };
    common.sourceName = QStringLiteral("not this");

    const auto settings = DesktopSession::Settings::fromConfig(source, common);
    QCOMPARE(settings.sourceName, QStringLiteral("Shop"));
    QCOMPARE(settings.server, source.url);
    QCOMPARE(settings.user, QStringLiteral("alice"));
    // The dialect's scheme when the file names none: Django REST framework's "Token".
    QVERIFY(settings.auth == Notify::AuthScheme::Token);
    QVERIFY(settings.dialect == SourceConfig::Dialect::Django);
    QCOMPARE(settings.mappingFile, source.mapping);
    QCOMPARE(settings.caCertificateFile, source.caCertificate);
    QCOMPARE(settings.token, QByteArray("from-the-file"));
    QVERIFY(settings.passwordSignIn);
    QVERIFY(settings.preset);
    // What every source shares stays.
    QVERIFY(settings.alertPresence);
    QCOMPARE(settings.rules, common.rules);

    // Back as the user's file keeps it: the same, with the scheme said and without the token.
    SourceConfig expected = source;
    expected.auth = Notify::AuthScheme::Token;
    expected.token.clear();
    QVERIFY(settings.toConfig() == expected);
}

void tst_DesktopSession::init()
{
    m_server = std::make_unique<TestSupport::InProcessServer>();
    QVERIFY(m_server->start());
}

void tst_DesktopSession::cleanup()
{
    m_server.reset();
}

DesktopSession::Settings tst_DesktopSession::settings() const
{
    DesktopSession::Settings s;
    s.server = m_server->url();
    s.token = "alice-token-0001";
    s.user = QStringLiteral("alice");
    return s;
}

QByteArray tst_DesktopSession::notify(const QString &id, const QStringList &audience)
{
    return *(*m_server)->publish(
        "notification",
        QJsonObject{ { QStringLiteral("notification_id"), id },
                     { QStringLiteral("title"), QString(QStringLiteral("Title ") + id) },
                     { QStringLiteral("created_at"), QStringLiteral("2026-11-28T10:00:00Z") } },
        audience);
}

void tst_DesktopSession::eventsReachTheModels()
{
    DesktopSession session(nullptr, nullptr);
    session.setSettings(settings());
    session.start();
    QTRY_COMPARE(session.client()->state(), Notify::SseClient::State::Open);
    notify(QStringLiteral("n1"));
    (*m_server)->publish("order_status",
                         QJsonObject{ { QStringLiteral("order_id"), QStringLiteral("A-1") },
                                      { QStringLiteral("status"), QStringLiteral("shipped") },
                                      { QStringLiteral("updated_at"), QStringLiteral("2026-11-28T10:00:00Z") } },
                         {});
    (*m_server)->publish("message",
                         QJsonObject{ { QStringLiteral("message_id"), QStringLiteral("m1") },
                                      { QStringLiteral("from"), QStringLiteral("bob") },
                                      { QStringLiteral("to"), QStringLiteral("alice") },
                                      { QStringLiteral("body"), QStringLiteral("hi") },
                                      { QStringLiteral("sent_at"), QStringLiteral("2026-11-28T10:00:00Z") } },
                         { QStringLiteral("bob"), QStringLiteral("alice") });
    (*m_server)->publish("invoice_paid", QJsonObject{ { QStringLiteral("amount"), 12 } }, {});
    QTRY_COMPARE(session.notifications()->rowCount(), 2); // n1 and the generic one
    QTRY_COMPARE(session.orders()->rowCount(), 1);
    QTRY_COMPARE(session.messages()->rowCount(), 1);
    QCOMPARE(session.messages()->conversationPartners(), QStringList{ QStringLiteral("bob") });
    QTRY_VERIFY(session.presence()->presenceOf(QStringLiteral("alice")).has_value());
    QVERIFY(session.presence()->presenceOf(QStringLiteral("alice"))->status
            == Notify::Protocol::PresenceStatus::Online);
    // Sending goes through the REST API and comes back as an event.
    session.sendMessage(QStringLiteral("bob"), QStringLiteral("on my way"));
    QTRY_COMPARE(session.messages()->rowCount(), 2);
}

void tst_DesktopSession::readsFollowTheServer()
{
    DesktopSession session(nullptr, nullptr);
    session.setSettings(settings());
    session.start();
    QTRY_COMPARE(session.client()->state(), Notify::SseClient::State::Open);
    for (int i = 0; i < 3; ++i)
        notify(QString::number(i));
    QTRY_COMPARE(session.notifications()->unreadCount(), 3);
    session.markRead(QStringLiteral("1"));
    QTRY_COMPARE(session.notifications()->unreadCount(), 2);
    // A read made on another device arrives as notification_read.
    QVERIFY((*m_server)->store().markRead(QStringLiteral("alice"), QStringLiteral("0")));
    (*m_server)->publish("notification_read",
                         QJsonObject{ { QStringLiteral("notification_ids"), QJsonArray{ QStringLiteral("0") } } },
                         { QStringLiteral("alice") });
    QTRY_COMPARE(session.notifications()->unreadCount(), 1);
    session.markAllRead();
    QTRY_COMPARE(session.notifications()->unreadCount(), 0);
}

void tst_DesktopSession::resetTriggersResync()
{
    notify(QStringLiteral("before"));
    HistoryStore history(QStringLiteral(":memory:"));
    QString error;
    QVERIFY(history.open(&error));
    history.setLastEventId("ffffffff-7"); // a position the server cannot know
    DesktopSession session(&history, nullptr);
    QSignalSpy resynced(&session, &DesktopSession::resynced);
    session.setSettings(settings());
    session.start();
    QVERIFY(resynced.wait());
    // The snapshot brought what the stream could not replay.
    QCOMPARE(session.notifications()->rowCount(), 1);
    QCOMPARE(session.notifications()->item(0).id, QStringLiteral("before"));
    notify(QStringLiteral("after"));
    QTRY_COMPARE(session.notifications()->rowCount(), 2);
}

void tst_DesktopSession::restartResumesWithoutDuplicates()
{
    const QString path = m_server->dir() + QStringLiteral("/history.sqlite");
    QString error;
    {
        HistoryStore history(path);
        QVERIFY(history.open(&error));
        DesktopSession session(&history, nullptr);
        session.setSettings(settings());
        session.start();
        QTRY_COMPARE(session.client()->state(), Notify::SseClient::State::Open);
        for (int i = 0; i < 5; ++i)
            notify(QString::number(i));
        // Through the stream (a snapshot may have shown them earlier): all in the journal.
        QTRY_COMPARE(session.journal().lastEventId().isEmpty(), false);
        QTRY_COMPARE(session.notifications()->rowCount(), 5);
        session.stop();
    }
    for (int i = 5; i < 8; ++i)
        notify(QString::number(i)); // while the app was closed
    HistoryStore history(path);
    QVERIFY(history.open(&error));
    DesktopSession session(&history, nullptr);
    session.setSettings(settings());
    QSignalSpy inserted(session.notifications(), &QAbstractItemModel::rowsInserted);
    session.start();
    QCOMPARE(session.notifications()->rowCount(), 5); // yesterday's state at once
    inserted.clear();
    QTRY_COMPARE(session.notifications()->rowCount(), 8);
    int added = 0;
    for (const auto &args : std::as_const(inserted))
        added += args.at(2).toInt() - args.at(1).toInt() + 1;
    QCOMPARE(added, 3); // only the missed ones were applied
}

void tst_DesktopSession::aBurstIsAFewBatches()
{
    const QString path = m_server->dir() + QStringLiteral("/history.sqlite");
    QString error;
    HistoryStore history(path);
    QVERIFY(history.open(&error));
    DesktopSession session(&history, nullptr);
    session.setSettings(settings());
    QSignalSpy listed(&session, &DesktopSession::resynced);
    session.start();
    QTRY_COMPARE(session.client()->state(), Notify::SseClient::State::Open);
    QTRY_COMPARE(listed.size(), 1); // the first list is in: what follows is the stream's
    QSignalSpy batches(&session, &DesktopSession::eventsApplied);
    QSignalSpy inserted(session.notifications(), &QAbstractItemModel::rowsInserted);
    QSignalSpy unread(session.notifications(), &NotificationModel::unreadCountChanged);
    constexpr int Burst = 1'200;
    for (int i = 0; i < Burst; ++i)
        notify(QStringLiteral("b%1").arg(i));
    QTRY_COMPARE(session.notifications()->rowCount(), Burst);
    QCOMPARE(session.pendingEvents(), 0);
    // Not one model change per event: a batch per pass, at most MaxBatchEvents each.
    QVERIFY2(batches.size() >= Burst / DesktopSession::MaxBatchEvents && batches.size() <= 12,
             qPrintable(QString::number(batches.size())));
    QCOMPARE(inserted.size(), batches.size()); // each batch one range, at the top
    QCOMPARE(unread.size(), batches.size());
    for (const auto &args : std::as_const(inserted))
        QCOMPARE(args.at(1).toInt(), 0);
    // And all of it in the history, with the resume position.
    session.stop();
    HistoryStore reopened(path);
    QVERIFY(reopened.open(&error));
    QCOMPARE(reopened.notifications().size(), Burst);
    QCOMPARE(reopened.lastEventId(), session.journal().lastEventId());
}

void tst_DesktopSession::publishedWhileTheListLoadsIsAlerted()
{
    // The stream opens, then the list is asked for; a notification published
    // in between is in the list *and* comes down the stream after it. It
    // must be alerted (once), not taken as already delivered by the list.
    const QByteArray first = notify(QStringLiteral("before"));
    HeldListServer list;
    QVERIFY(list.listen(QHostAddress::LocalHost));
    RecordingNotifier notifier;
    DesktopSession session(nullptr, &notifier);
    DesktopSession::Settings s = settings();
    s.notificationsPath = QStringLiteral("http://127.0.0.1:%1/list").arg(list.serverPort());
    session.setSettings(s);
    QSignalSpy resynced(&session, &DesktopSession::resynced);
    session.start();
    QTRY_COMPARE(session.client()->state(), Notify::SseClient::State::Open);
    QTRY_VERIFY(list.hasRequest());
    // The id the next event will get (alice's presence took one).
    const Notify::Server::EventStore &store = (*m_server)->store();
    const QByteArray next = store.eventId(store.headSeq() + 1);
    // The list as the server would give it a moment later: "before", read
    // long ago, and "n1" (the next event id), created just now.
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    list.answer(QJsonObject{
        { QStringLiteral("notifications"),
          QJsonArray{ QJsonObject{ { QStringLiteral("notification_id"), QStringLiteral("n1") },
                                   { QStringLiteral("event_id"), QString::fromLatin1(next) },
                                   { QStringLiteral("title"), QStringLiteral("Title n1") },
                                   { QStringLiteral("read"), false },
                                   { QStringLiteral("created_at"), now } },
                      QJsonObject{ { QStringLiteral("notification_id"), QStringLiteral("before") },
                                   { QStringLiteral("event_id"), QString::fromLatin1(first) },
                                   { QStringLiteral("title"), QStringLiteral("Title before") },
                                   { QStringLiteral("read"), true },
                                   { QStringLiteral("created_at"), QStringLiteral("2026-11-28T10:00:00Z") } } } } });
    QTRY_COMPARE(resynced.size(), 1);
    QCOMPARE(session.notifications()->rowCount(), 2);
    QVERIFY(notifier.shownKeys.isEmpty()); // the list itself alerts nothing
    // Now the stream brings it.
    QCOMPARE(notify(QStringLiteral("n1")), next);
    QTRY_COMPARE(notifier.shownKeys, QStringList{ QStringLiteral("n1") });
    QCOMPARE(session.notifications()->rowCount(), 2); // shown once
    // And a replay of the same event later is not alerted again.
    session.reconnectNow();
    QTRY_COMPARE(session.client()->state(), Notify::SseClient::State::Open);
    notify(QStringLiteral("n2"));
    QTRY_COMPARE(notifier.shownKeys.size(), 2);
    QCOMPARE(notifier.shownKeys.last(), QStringLiteral("n2"));
}

void tst_DesktopSession::trayIconShowsStateAndBadge()
{
    using State = Notify::SseClient::State;
    const QImage connected = TrayIconRenderer::pixmap(State::Open, 0, 32).toImage();
    const QImage withBadge = TrayIconRenderer::pixmap(State::Open, 3, 32).toImage();
    const QImage reconnecting = TrayIconRenderer::pixmap(State::WaitingToReconnect, 0, 32).toImage();
    QVERIFY(connected != withBadge);
    QVERIFY(connected != reconnecting);
    // The badge is red, top right.
    const QColor badge = withBadge.pixelColor(28, 4);
    QVERIFY2(badge.red() > 150 && badge.green() < 100, qPrintable(badge.name()));
    QCOMPARE(DisplayText::connectionState(State::AuthRequired), QStringLiteral("sign-in needed"));
}

void tst_DesktopSession::rulesDecideWhatIsListedAndAlerted()
{
    const auto publish = [this](const QString &id, const QString &title, const QString &level) {
        (*m_server)->publish("notification",
                             QJsonObject{ { QStringLiteral("notification_id"), id },
                                          { QStringLiteral("title"), title },
                                          { QStringLiteral("level"), level },
                                          { QStringLiteral("category"), QStringLiteral("stock") } },
                             { QStringLiteral("alice") });
    };
    // In the list the first snapshot loads: hidden there too.
    publish(QStringLiteral("t0"), QStringLiteral("[TEST] before the start"), QStringLiteral("error"));
    publish(QStringLiteral("k0"), QStringLiteral("Kept from before"), QStringLiteral("info"));

    RecordingNotifier notifier;
    DesktopSession session(nullptr, &notifier);
    DesktopSession::Settings s = settings();
    s.sourceName = QStringLiteral("Shop");
    s.rules = { Rule{ {}, {}, {}, {}, QStringLiteral("[test]"), RuleAction::Hide },
                Rule{ QStringLiteral("shop"),
                      QStringLiteral("notification"),
                      QStringLiteral("info"),
                      QStringLiteral("stock"),
                      {},
                      RuleAction::Silent },
                Rule{ QStringLiteral("Warehouse"), {}, {}, {}, {}, RuleAction::Hide } };
    session.setSettings(s);
    session.start();
    QTRY_COMPARE(session.client()->state(), Notify::SseClient::State::Open);
    QTRY_COMPARE(session.notifications()->rowCount(), 1);
    QVERIFY(session.notifications()->find(QStringLiteral("k0")));

    publish(QStringLiteral("i1"), QStringLiteral("Stock low"), QStringLiteral("info")); // silent
    publish(QStringLiteral("e1"), QStringLiteral("Stock gone"), QStringLiteral("error")); // alerted
    publish(QStringLiteral("t1"), QStringLiteral("A [test] order"), QStringLiteral("error")); // hidden
    QTRY_COMPARE(session.notifications()->rowCount(), 3);
    QVERIFY(session.notifications()->find(QStringLiteral("i1")));
    QVERIFY(!session.notifications()->find(QStringLiteral("t1")));
    QTRY_COMPARE(notifier.shownKeys, QStringList{ QStringLiteral("e1") });
}

QTEST_MAIN(tst_DesktopSession)
#include "tst_desktopsession.moc"
