// SPDX-License-Identifier: MIT
#include "notifyserver.h"

#include "protocol.h"
#include "restapi.h"
#include "sqliteeventstore.h"
#include "ssewriter.h"
#include "tlsbridge.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>
#include <QThread>
#include <QTimer>

Q_LOGGING_CATEGORY(lcServer, "notify.server", QtInfoMsg)
Q_LOGGING_CATEGORY(lcAccess, "notify.server.access", QtInfoMsg)

namespace Notify::Server {

namespace {

// Hands every accepted descriptor to a callback instead of making a
// QTcpSocket on this thread: the socket belongs to a worker.
class Listener final : public QTcpServer
{
public:
    std::function<void(qintptr)> onConnection;

protected:
    void incomingConnection(qintptr descriptor) override { onConnection(descriptor); }
};

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

QString timestamp(qint64 ms)
{
    return Protocol::formatUtcTimestamp(QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC));
}

// Bearer header first, then ?token= (browsers' EventSource cannot set headers).
QByteArray tokenOf(const HttpRequest &request)
{
    const QByteArray authorization = request.header("authorization");
    if (authorization.size() > 7 && authorization.first(7).compare("bearer ", Qt::CaseInsensitive) == 0)
        return authorization.mid(7).trimmed();
    return request.query.queryItemValue(QStringLiteral("token"), QUrl::FullyDecoded).toUtf8();
}

// The path for the access log: never the query, which may hold a token.
QByteArray loggablePath(const HttpRequest &request)
{
    return request.path.left(200);
}

constexpr qsizetype ReplayPageEvents = 500;

} // namespace

NotifyServer::NotifyServer(const ServerConfig &config, QObject *parent)
    : QObject(parent)
    , m_config(config)
{ }

NotifyServer::~NotifyServer()
{
    stop();
}

bool NotifyServer::start(QString *error)
{
    if (m_config.demo)
        m_users.addDemoUsers();
    if (!m_config.usersFile.isEmpty() && !m_users.loadFile(m_config.usersFile, error))
        return false;

    const QString path = m_config.databasePath();
    if (!path.isEmpty() && !QDir().mkpath(QFileInfo(path).absolutePath())) {
        *error = QStringLiteral("cannot create the data directory %1").arg(QFileInfo(path).absolutePath());
        return false;
    }
    m_store = std::make_unique<SqliteEventStore>(path);
    if (!m_store->open(error))
        return false;
    enforceRetention();
    m_api = std::make_unique<RestApi>(*this);
    const qint64 startMs = nowMs();
    for (const User &user : m_users.users()) {
        PresenceState state;
        state.sinceMs = startMs; // offline since the server started, as far as it knows
        m_presence.insert(user.name, state);
    }

    ConnectionWorker::Settings settings;
    settings.heartbeatMs = m_config.heartbeatMs;
    settings.timeoutMs = m_config.timeoutMs;
    settings.maxBufferedBytes = m_config.maxBufferedBytes;
    settings.requestDeadlineMs = m_config.requestDeadlineMs;
    settings.idleKeepAliveMs = m_config.idleKeepAliveMs;
    settings.maxHeaderBytes = m_config.maxHeaderBytes;
    settings.maxBodyBytes = m_config.maxBodyBytes;
    settings.qtSockets = m_config.qtSockets;
    const int threads = m_config.effectiveThreads();
    for (int i = 0; i < threads; ++i) {
        auto *thread = new QThread;
        thread->setObjectName(QStringLiteral("notify-worker-%1").arg(i));
        auto *worker = new ConnectionWorker(i, settings, this);
        worker->moveToThread(thread);
        connect(thread, &QThread::finished, worker, &QObject::deleteLater);
        thread->start();
        QMetaObject::invokeMethod(worker, &ConnectionWorker::start, Qt::BlockingQueuedConnection);
        m_workers.push_back({ worker, thread });
    }

    QTcpServer *listener = nullptr;
    if (m_config.tlsCertFile.isEmpty()) {
        auto *plain = new Listener;
        plain->onConnection = [this](qintptr descriptor) { handOver(descriptor); };
        listener = plain;
    } else {
        QSslServer *tls = makeTlsServer(error);
        if (!tls)
            return false;
        listener = tls;
    }
    listener->setParent(this);
    // A reconnect storm arrives all at once; the default backlog of 50 drops most of it.
    listener->setListenBacklogSize(4096);
    listener->setMaxPendingConnections(4096);
    if (!listener->listen(m_config.bindAddress, m_config.port)) {
        *error = QStringLiteral("cannot listen on %1:%2: %3")
                     .arg(m_config.bindAddress.toString())
                     .arg(m_config.port)
                     .arg(listener->errorString());
        delete listener;
        return false;
    }
    m_listener = listener;

    m_retentionTimer = new QTimer(this);
    m_retentionTimer->setInterval(60'000);
    connect(m_retentionTimer, &QTimer::timeout, this, &NotifyServer::enforceRetention);
    m_retentionTimer->start();
    m_started = true;
    qCInfo(lcServer).noquote() << "listening on" << m_config.bindAddress.toString() + u':' + QString::number(port())
                               << "with" << threads << "worker thread(s)";
    return true;
}

void NotifyServer::handOver(qintptr descriptor)
{
    ConnectionWorker *worker = m_workers[m_nextWorker++ % m_workers.size()].worker;
    QMetaObject::invokeMethod(
        worker, [worker, descriptor] { worker->addConnection(descriptor); }, Qt::QueuedConnection);
}

QSslServer *NotifyServer::makeTlsServer(QString *error)
{
    if (!QSslSocket::supportsSsl()) {
        *error = QStringLiteral("TLS is not available: Qt found no TLS backend (Debian: libssl3)");
        return nullptr;
    }
    const QList<QSslCertificate> chain = QSslCertificate::fromPath(m_config.tlsCertFile, QSsl::Pem);
    if (chain.isEmpty()) {
        *error = QStringLiteral("no PEM certificate in %1").arg(m_config.tlsCertFile);
        return nullptr;
    }
    QFile keyFile(m_config.tlsKeyFile);
    if (!keyFile.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1: %2").arg(m_config.tlsKeyFile, keyFile.errorString());
        return nullptr;
    }
    const QByteArray pem = keyFile.readAll();
    QSslKey key;
    for (const QSsl::KeyAlgorithm algorithm : { QSsl::Rsa, QSsl::Ec, QSsl::Dsa }) {
        key = QSslKey(pem, algorithm, QSsl::Pem);
        if (!key.isNull())
            break;
    }
    if (key.isNull()) {
        *error
            = QStringLiteral("no usable PEM private key in %1 (RSA, EC or DSA, unencrypted)").arg(m_config.tlsKeyFile);
        return nullptr;
    }
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    ssl.setLocalCertificateChain(chain);
    ssl.setPrivateKey(key);
    ssl.setPeerVerifyMode(QSslSocket::VerifyNone); // clients are not asked for certificates
    auto *server = new QSslServer;
    server->setSslConfiguration(ssl);
    server->setHandshakeTimeout(int(m_config.requestDeadlineMs));
    const auto takePending = [this, server] {
        while (QTcpSocket *socket = server->nextPendingConnection()) {
            const qintptr descriptor = TlsBridge::bridge(qobject_cast<QSslSocket *>(socket), this);
            if (descriptor >= 0)
                handOver(descriptor);
        }
    };
    connect(server, &QTcpServer::pendingConnectionAvailable, this, takePending);
    return server;
}

void NotifyServer::stop()
{
    if (m_listener) {
        m_listener->close();
        delete m_listener;
        m_listener = nullptr;
    }
    for (const WorkerThread &w : m_workers) {
        // Flush what is queued and close every connection before the thread ends.
        QMetaObject::invokeMethod(w.worker, &ConnectionWorker::shutdown, Qt::BlockingQueuedConnection);
        w.thread->quit();
        w.thread->wait();
        delete w.thread;
    }
    m_workers.clear();
    for (PresenceState &state : m_presence) {
        delete state.grace;
        state.grace = nullptr;
    }
    m_streams.clear();
    m_streamsByUser.clear();
    m_api.reset();
    m_store.reset();
    m_started = false;
}

quint16 NotifyServer::port() const
{
    return m_listener ? m_listener->serverPort() : 0;
}

QByteArray NotifyServer::eventId(quint64 seq) const
{
    return Protocol::EventId{ m_store->epoch(), seq }.toByteArray();
}

QByteArray NotifyServer::headId() const
{
    return eventId(m_store->headSeq());
}

NotifyServer::ResumePoint NotifyServer::resumePoint(const QByteArray &lastEventId) const
{
    const auto id = Protocol::EventId::parse(lastEventId);
    if (!id)
        return { std::nullopt, Protocol::ResetReason::InvalidId };
    if (id->epoch != m_store->epoch())
        return { std::nullopt, Protocol::ResetReason::UnknownEpoch };
    if (id->seq > m_store->headSeq())
        return { std::nullopt, Protocol::ResetReason::InvalidId };
    // Events after the id must all still be retained.
    if (id->seq + 1 < m_store->oldestSeq())
        return { std::nullopt, Protocol::ResetReason::Expired };
    return { id->seq, {} };
}

QByteArray NotifyServer::frameFor(quint64 seq, const QByteArray &type, const QByteArray &data) const
{
    QByteArray bytes;
    SseWriter::appendEvent(bytes, SseEvent{ type, data, eventId(seq) });
    return bytes;
}

std::optional<QByteArray> NotifyServer::publish(const QByteArray &type, const QJsonObject &data,
                                                const QStringList &audience, QString *error)
{
    StoredEvent event;
    event.type = type;
    event.data = QJsonDocument(data).toJson(QJsonDocument::Compact);
    event.audience = audience;
    event.createdMs = nowMs();
    QString storeError;
    const auto seq = m_store->append(event, &storeError);
    if (!seq) {
        qCWarning(lcServer) << "could not store a" << type << "event:" << storeError;
        if (error)
            *error = storeError;
        return std::nullopt;
    }
    ++m_eventsPublished;
    m_pendingBatch.append(Frame{ *seq, audience, frameFor(*seq, type, event.data) });
    if (!m_flushScheduled) {
        // Everything published in this turn of the event loop goes out as one batch.
        m_flushScheduled = true;
        QMetaObject::invokeMethod(this, &NotifyServer::flushBatch, Qt::QueuedConnection);
    }
    const QByteArray id = eventId(*seq);
    emit published(id, type);
    return id;
}

void NotifyServer::flushBatch()
{
    m_flushScheduled = false;
    if (m_pendingBatch.isEmpty())
        return;
    auto batch = std::make_shared<const FrameBatch>(std::move(m_pendingBatch));
    m_pendingBatch = FrameBatch();
    for (const WorkerThread &w : m_workers) {
        ConnectionWorker *worker = w.worker;
        QMetaObject::invokeMethod(
            worker, [worker, batch] { worker->deliver(batch); }, Qt::QueuedConnection);
    }
}

// --- WorkerHost: these run on worker threads and only post to the hub.

void NotifyServer::requestReceived(ConnectionWorker *worker, quint64 connectionId, const HttpRequest &request,
                                   const QHostAddress &peer)
{
    QMetaObject::invokeMethod(
        this, [this, worker, connectionId, request, peer] { handleRequest(worker, connectionId, request, peer); },
        Qt::QueuedConnection);
}

void NotifyServer::replayPageWanted(ConnectionWorker *worker, quint64 connectionId, quint64 streamId,
                                    const QString &user, quint64 afterSeq)
{
    QMetaObject::invokeMethod(
        this,
        [this, worker, connectionId, streamId, user, afterSeq] {
            sendReplayPage(worker, connectionId, streamId, user, afterSeq);
        },
        Qt::QueuedConnection);
}

void NotifyServer::streamClosed(ConnectionWorker *, quint64 streamId)
{
    QMetaObject::invokeMethod(
        this, [this, streamId] { onStreamClosed(streamId); }, Qt::QueuedConnection);
}

// --- Hub thread.

void NotifyServer::reply(ConnectionWorker *worker, quint64 connectionId, HttpResponse response,
                         const HttpRequest &request, const QString &user, const QElapsedTimer &timer)
{
    addCors(response, request);
    if (!request.keepAlive())
        response.closeAfter = true;
    if (request.method == "HEAD")
        response.body.clear();
    qCInfo(lcAccess).noquote() << request.method << loggablePath(request) << response.status
                               << (user.isEmpty() ? QStringLiteral("-") : user) << timer.nsecsElapsed() / 1000 << "us";
    QMetaObject::invokeMethod(
        worker, [worker, connectionId, response] { worker->respond(connectionId, response); }, Qt::QueuedConnection);
}

void NotifyServer::addCors(HttpResponse &response, const HttpRequest &request) const
{
    if (m_config.corsOrigin.isEmpty())
        return;
    const QByteArray origin = request.header("origin");
    const QByteArray allowed = m_config.corsOrigin.toUtf8();
    if (allowed == "*") {
        response.setHeader("Access-Control-Allow-Origin", "*");
    } else if (origin == allowed) {
        response.setHeader("Access-Control-Allow-Origin", allowed);
        response.setHeader("Vary", "Origin");
    }
}

void NotifyServer::handleRequest(ConnectionWorker *worker, quint64 connectionId, const HttpRequest &request,
                                 const QHostAddress &)
{
    ++m_requests;
    if (!m_started)
        return;
    if (m_faults.delayRequests > 0 && RestApi::match(request.path).route != RestApi::Route::Faults) {
        --m_faults.delayRequests;
        QTimer::singleShot(m_faults.delayMs, this, [this, worker, connectionId, request] {
            if (m_started)
                dispatchRequest(worker, connectionId, request);
        });
        return;
    }
    dispatchRequest(worker, connectionId, request);
}

void NotifyServer::dispatchRequest(ConnectionWorker *worker, quint64 connectionId, const HttpRequest &request)
{
    QElapsedTimer timer;
    timer.start();
    if (request.method == "OPTIONS" && !m_config.corsOrigin.isEmpty()) {
        // A CORS preflight: say what a browser may send.
        HttpResponse response = HttpResponse::noContent();
        response.setHeader("Access-Control-Allow-Methods", "GET, POST, PUT, OPTIONS");
        response.setHeader("Access-Control-Allow-Headers", "Authorization, Content-Type, Last-Event-ID, Cache-Control");
        response.setHeader("Access-Control-Max-Age", "600");
        reply(worker, connectionId, response, request, {}, timer);
        return;
    }
    const RestApi::Match match = RestApi::match(request.path);
    if (match.route == RestApi::Route::NotFound) {
        reply(worker, connectionId, HttpResponse::error(404, "not_found", QStringLiteral("no such endpoint")), request,
              {}, timer);
        return;
    }
    if (!match.methods.contains(request.method)) {
        HttpResponse response
            = HttpResponse::error(405, "method_not_allowed",
                                  QStringLiteral("%1 is not allowed here").arg(QString::fromLatin1(request.method)));
        response.setHeader("Allow", match.methods.join(", "));
        reply(worker, connectionId, response, request, {}, timer);
        return;
    }
    if (match.route == RestApi::Route::Healthz) {
        reply(worker, connectionId,
              HttpResponse::json(200, QJsonObject{ { QStringLiteral("status"), QStringLiteral("ok") } }), request, {},
              timer);
        return;
    }
    if (match.route == RestApi::Route::Metrics && m_config.metricsPublic) {
        HttpResponse response;
        response.body = metricsText();
        response.setHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
        reply(worker, connectionId, response, request, {}, timer);
        return;
    }
    const User *user = m_users.authenticate(tokenOf(request));
    if (!user) {
        HttpResponse response = HttpResponse::error(401, "unauthorized",
                                                    QStringLiteral("a valid token is needed (Authorization: Bearer)"));
        response.setHeader("WWW-Authenticate", "Bearer");
        reply(worker, connectionId, response, request, {}, timer);
        return;
    }
    if (match.route == RestApi::Route::Stream) {
        openStream(worker, connectionId, request, *user);
        qCInfo(lcAccess).noquote() << request.method << loggablePath(request) << "stream" << user->name
                                   << timer.nsecsElapsed() / 1000 << "us";
        return;
    }
    reply(worker, connectionId, m_api->handle(match, request, *user), request, user->name, timer);
}

void NotifyServer::openStream(ConnectionWorker *worker, quint64 connectionId, const HttpRequest &request,
                              const User &user)
{
    QElapsedTimer timer;
    timer.start();
    if (m_faults.failStreams > 0) {
        --m_faults.failStreams;
        const int status = m_faults.failStatus;
        HttpResponse response = status == 204
            ? HttpResponse::noContent()
            : HttpResponse::error(status, "injected_fault", QStringLiteral("a fault injected for testing"));
        if (status == 401)
            response.setHeader("WWW-Authenticate", "Bearer");
        if (status == 429 || status == 503)
            response.setHeader("Retry-After", QByteArray::number(m_faults.retryAfterSeconds));
        reply(worker, connectionId, response, request, user.name, timer);
        return;
    }
    if (m_faults.garbageStreams > 0) {
        --m_faults.garbageStreams;
        HttpResponse response;
        response.raw = QByteArray("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream; charset=utf-8\r\n"
                                  "Cache-Control: no-cache\r\nConnection: close\r\n\r\n")
            + QByteArray("\xFF\xFE\x00garbage\r\r\n:::\ndata\x00: \xC3\x28\nid: bad\x00id\nretry: x1\n\n", 49);
        QByteArray noise(512, Qt::Uninitialized);
        for (char &c : noise)
            c = char(QRandomGenerator::global()->bounded(256));
        response.raw += noise;
        response.closeAfter = true;
        reply(worker, connectionId, response, request, user.name, timer);
        return;
    }
    QList<quint64> &userStreams = m_streamsByUser[user.name];
    if (userStreams.size() >= m_config.maxStreamsPerUser) {
        if (m_config.streamLimitPolicy == ServerConfig::StreamLimitPolicy::Reject) {
            ++m_streamsRejected;
            const qint64 seconds = std::max<qint64>(1, (m_config.retryMs + 999) / 1000);
            HttpResponse response = HttpResponse::error(
                429, "too_many_streams",
                QStringLiteral("at most %1 streams per user are allowed").arg(m_config.maxStreamsPerUser));
            response.setHeader("Retry-After", QByteArray::number(seconds));
            reply(worker, connectionId, response, request, user.name, timer);
            return;
        }
        // evict-oldest: the new stream takes the place of the user's oldest.
        const quint64 oldest = userStreams.takeFirst();
        const StreamEntry entry = m_streams.take(oldest);
        ++m_streamsEvicted;
        if (ConnectionWorker *owner = entry.worker)
            QMetaObject::invokeMethod(
                owner, [owner, oldest] { owner->closeStream(oldest); }, Qt::QueuedConnection);
        userStreamClosed(user.name);
    }

    // The header wins over the query parameter, even when malformed; an empty
    // header counts as absent.
    QByteArray lastEventId = request.header("last-event-id");
    if (lastEventId.isEmpty())
        lastEventId = request.query.queryItemValue(QStringLiteral("last_event_id"), QUrl::FullyDecoded).toUtf8();

    StreamStart start;
    start.streamId = m_nextStreamId++;
    start.user = user.name;
    HttpResponse head;
    head.headers = { { "Content-Type", "text/event-stream; charset=utf-8" },
                     { "Cache-Control", "no-cache" },
                     { "X-Accel-Buffering", "no" },
                     { "Connection", "close" } };
    addCors(head, request);
    QByteArray bytes = "HTTP/1.1 200 OK\r\n";
    for (const auto &[name, value] : std::as_const(head.headers))
        bytes += name + ": " + value + "\r\n";
    bytes += "\r\n";
    SseWriter::appendRetry(bytes, quint64(m_config.retryMs));
    SseWriter::appendComment(bytes, "connected");
    bytes += '\n';

    if (lastEventId.isEmpty()) {
        start.lastSeq = m_store->headSeq();
    } else {
        const ResumePoint resume = resumePoint(lastEventId);
        if (!resume.seq) {
            // Nothing is skipped silently: the client learns it must resync.
            const QByteArray headEventId = headId();
            const QJsonObject data{ { QStringLiteral("reason"), Protocol::toString(resume.reason) },
                                    { QStringLiteral("last_event_id"), QString::fromLatin1(headEventId) } };
            SseWriter::appendEvent(
                bytes, SseEvent{ "reset", QJsonDocument(data).toJson(QJsonDocument::Compact), headEventId });
            start.lastSeq = m_store->headSeq();
        } else {
            bool done = true;
            bytes += replayPage(user.name, *resume.seq, start.lastSeq, done);
            start.replayDone = done;
        }
    }
    start.bytes = bytes;
    if (m_faults.stallStreams > 0) {
        --m_faults.stallStreams;
        start.stalled = true;
    }
    m_streams.insert(start.streamId, StreamEntry{ user.name, worker, nowMs() });
    userStreams.append(start.streamId);
    QMetaObject::invokeMethod(
        worker, [worker, connectionId, start] { worker->startStream(connectionId, start); }, Qt::QueuedConnection);
    // After the replay or reset: the user's own `online` comes live, after them.
    userStreamOpened(user.name);
    emit streamCountChanged(m_streams.size());
}

QByteArray NotifyServer::replayPage(const QString &user, quint64 afterSeq, quint64 &lastSeq, bool &done)
{
    const quint64 head = m_store->headSeq();
    const QList<StoredEvent> events = m_store->eventsAfter(afterSeq, user, ReplayPageEvents);
    QByteArray bytes;
    for (const StoredEvent &event : events)
        bytes += frameFor(event.seq, event.type, event.data);
    done = events.size() < ReplayPageEvents;
    lastSeq = done ? std::max(head, afterSeq) : events.last().seq;
    return bytes;
}

void NotifyServer::sendReplayPage(ConnectionWorker *worker, quint64 connectionId, quint64 streamId, const QString &user,
                                  quint64 afterSeq)
{
    if (!m_streams.contains(streamId))
        return;
    quint64 lastSeq = afterSeq;
    bool done = true;
    const QByteArray bytes = replayPage(user, afterSeq, lastSeq, done);
    QMetaObject::invokeMethod(
        worker,
        [worker, connectionId, streamId, bytes, lastSeq, done] {
            worker->continueReplay(connectionId, streamId, bytes, lastSeq, done);
        },
        Qt::QueuedConnection);
}

void NotifyServer::onStreamClosed(quint64 streamId)
{
    const auto it = m_streams.find(streamId);
    if (it == m_streams.end())
        return; // evicted, already accounted for
    const QString user = it->user;
    m_streams.erase(it);
    auto userIt = m_streamsByUser.find(user);
    if (userIt != m_streamsByUser.end()) {
        userIt->removeOne(streamId);
        if (userIt->isEmpty())
            m_streamsByUser.erase(userIt);
    }
    userStreamClosed(user);
    emit streamCountChanged(m_streams.size());
}

void NotifyServer::userStreamOpened(const QString &user)
{
    PresenceState &state = m_presence[user];
    ++state.streams;
    if (state.grace) {
        // Back within the grace period: others never saw them leave.
        delete state.grace;
        state.grace = nullptr;
        return;
    }
    if (state.streams == 1 && state.status == u"offline") {
        state.status = state.chosen.isEmpty() ? QStringLiteral("online") : state.chosen;
        state.sinceMs = nowMs();
        publishPresence(user);
    }
}

void NotifyServer::userStreamClosed(const QString &user)
{
    PresenceState &state = m_presence[user];
    state.streams = std::max(0, state.streams - 1);
    if (state.streams > 0 || state.grace || state.status == u"offline")
        return;
    state.grace = new QTimer(this);
    state.grace->setSingleShot(true);
    connect(state.grace, &QTimer::timeout, this, [this, user] {
        PresenceState &s = m_presence[user];
        s.grace->deleteLater();
        s.grace = nullptr;
        if (s.streams > 0)
            return;
        s.status = QStringLiteral("offline");
        s.chosen.clear();
        s.sinceMs = nowMs();
        publishPresence(user);
    });
    state.grace->start(int(m_config.presenceGraceMs));
}

void NotifyServer::setPresence(const QString &user, const QString &status)
{
    PresenceState &state = m_presence[user];
    state.chosen = status;
    if (state.status == u"offline" || state.status == status)
        return; // shown once they have a stream
    state.status = status;
    state.sinceMs = nowMs();
    publishPresence(user);
}

void NotifyServer::simulatePresence(const QString &user, const QString &status)
{
    PresenceState &state = m_presence[user];
    if (state.streams > 0 || state.grace || state.status == status)
        return; // a real client's presence wins
    state.status = status;
    state.sinceMs = nowMs();
    publishPresence(user);
}

QJsonObject NotifyServer::presenceOf(const QString &user) const
{
    const User *u = const_cast<UserDirectory &>(m_users).find(user);
    const PresenceState state = m_presence.value(user);
    QJsonObject json{ { QStringLiteral("user"), user },
                      { QStringLiteral("display_name"), u ? u->displayName : user },
                      { QStringLiteral("status"), state.status } };
    json.insert(QStringLiteral("since"), state.sinceMs > 0 ? QJsonValue(timestamp(state.sinceMs)) : QJsonValue());
    return json;
}

void NotifyServer::publishPresence(const QString &user)
{
    QJsonObject data = presenceOf(user);
    if (data.value(u"since").isNull())
        data.insert(QStringLiteral("since"), timestamp(nowMs()));
    publish("presence", data, {});
}

qint64 NotifyServer::openStreams() const
{
    qint64 open = 0;
    for (const WorkerThread &w : m_workers)
        open += w.worker->counters().streamsOpen.load();
    return open;
}

void NotifyServer::dropAllStreams()
{
    for (const WorkerThread &w : m_workers) {
        ConnectionWorker *worker = w.worker;
        QMetaObject::invokeMethod(
            worker, [worker] { worker->closeAllStreams(); }, Qt::QueuedConnection);
    }
}

void NotifyServer::stallAllStreams()
{
    for (const WorkerThread &w : m_workers) {
        ConnectionWorker *worker = w.worker;
        QMetaObject::invokeMethod(
            worker, [worker] { worker->stallAllStreams(); }, Qt::QueuedConnection);
    }
}

QByteArray NotifyServer::metricsText() const
{
    qint64 connections = 0, connectionsTotal = 0, streams = 0, delivered = 0, bytes = 0, heartbeats = 0, slow = 0,
           timedOut = 0, buffered = 0;
    for (const WorkerThread &w : m_workers) {
        const ConnectionWorker::Counters &c = w.worker->counters();
        connections += c.connectionsOpen;
        connectionsTotal += c.connectionsTotal;
        streams += c.streamsOpen;
        delivered += c.eventsDelivered;
        bytes += c.bytesSent;
        heartbeats += c.heartbeatsSent;
        slow += c.slowConsumersClosed;
        timedOut += c.streamsTimedOut;
        buffered += c.bufferedBytes;
    }
    QByteArray out;
    const auto metric = [&out](const char *name, const char *type, const char *help, qint64 value) {
        out += QByteArray("# HELP ") + name + ' ' + help + "\n# TYPE " + name + ' ' + type + '\n' + name + ' '
            + QByteArray::number(value) + '\n';
    };
    metric("notify_connections_open", "gauge", "Open TCP connections.", connections);
    metric("notify_connections_total", "counter", "Accepted TCP connections.", connectionsTotal);
    metric("notify_streams_open", "gauge", "Open event streams.", streams);
    metric("notify_streams_rejected_total", "counter", "Streams refused by the per-user limit.", m_streamsRejected);
    metric("notify_streams_evicted_total", "counter", "Streams closed to make room (evict-oldest).", m_streamsEvicted);
    metric("notify_streams_timed_out_total", "counter", "Streams closed by the connection timeout.", timedOut);
    metric("notify_slow_consumers_closed_total", "counter", "Streams closed for unsent output over the limit.", slow);
    metric("notify_events_published_total", "counter", "Events stored and fanned out.", m_eventsPublished);
    metric("notify_events_delivered_total", "counter", "Events written to streams (replay included).", delivered);
    metric("notify_heartbeats_sent_total", "counter", "Heartbeat comments written.", heartbeats);
    metric("notify_bytes_sent_total", "counter", "Bytes written to sockets.", bytes);
    metric("notify_buffered_bytes", "gauge", "Bytes waiting for slow sockets.", buffered);
    metric("notify_http_requests_total", "counter", "Requests handled.", m_requests);
    metric("notify_event_store_head", "gauge", "Sequence number of the newest event.", qint64(m_store->headSeq()));
    return out;
}

void NotifyServer::enforceRetention()
{
    if (m_store)
        m_store->enforceRetention(m_config.retainEvents, m_config.retainHours * 3600 * 1000, nowMs());
}

} // namespace Notify::Server
