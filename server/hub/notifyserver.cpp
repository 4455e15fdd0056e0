// SPDX-License-Identifier: MIT
#include "notifyserver.h"

#include "clusterstate.h"
#include "dialect.h"
#include "escalator.h"
#include "eventlog.h"
#include "faultinjector.h"
#include "http/corspolicy.h"
#include "http/route.h"
#include "httpfront.h"
#include "io/listener.h"
#include "io/workerpool.h"
#include "passwordsignin.h"
#include "presencetracker.h"
#include "restapi.h"
#include "servermetrics.h"
#include "store/sqliteeventstore.h"
#include "streamendpoint.h"
#include "streamregistry.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QTimer>

Q_LOGGING_CATEGORY(lcServer, "notify.server", QtInfoMsg)

namespace Notify::Server {

namespace {

NotifyServer::SharedBackendFactory &sharedBackendFactory()
{
    static NotifyServer::SharedBackendFactory factory;
    return factory;
}

} // namespace

void NotifyServer::setSharedBackendFactory(SharedBackendFactory factory)
{
    sharedBackendFactory() = std::move(factory);
}

bool NotifyServer::openStore(QString *error)
{
    if (!m_config.redisUrl.isEmpty()) {
        if (!sharedBackendFactory()) {
            *error = QStringLiteral("this program is built without Redis support");
            return false;
        }
        auto backend = sharedBackendFactory()(m_config, error);
        if (!backend)
            return false;
        m_store = std::move(backend->store);
        m_cluster = std::move(backend->cluster);
        return true;
    }
    const QString path = m_config.databasePath();
    if (!path.isEmpty() && !QDir().mkpath(QFileInfo(path).absolutePath())) {
        *error = QStringLiteral("cannot create the data directory %1").arg(QFileInfo(path).absolutePath());
        return false;
    }
    m_store = std::make_unique<SqliteEventStore>(path);
    return m_store->open(error);
}

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
    if (m_listener)
        return true;
    const auto fail = [this] {
        stop();
        return false;
    };
    m_users = UserDirectory();
    // The file first: a demo user it names is the file's (addDemoUsers() skips it).
    if (!m_config.usersFile.isEmpty() && !m_users.loadFile(m_config.usersFile, error))
        return fail();
    if (m_config.demo)
        m_users.addDemoUsers();

    if (!openStore(error))
        return fail();
    m_store->setNotificationLimit(m_config.maxNotifications);
    enforceRetention();

    m_workers = std::make_unique<WorkerPool>();
    m_cors = std::make_unique<CorsPolicy>(m_config.corsOrigin.toUtf8());
    m_dialect = Dialect::make(m_config.dialect);
    m_log = std::make_unique<EventLog>(*m_store, *m_workers, *m_dialect, m_config.pollDelayMs);
    m_registry = std::make_unique<StreamRegistry>(m_config.maxStreamsPerUser,
                                                  m_config.streamLimitPolicy == ServerConfig::StreamLimitPolicy::Reject
                                                      ? StreamRegistry::LimitPolicy::Reject
                                                      : StreamRegistry::LimitPolicy::EvictOldest);
    m_presence = std::make_unique<PresenceTracker>(*m_log, m_users, m_config.presenceGraceMs, m_cluster.get());
    m_presence->reset();
    m_faults = std::make_unique<FaultInjector>(*m_workers);
    m_api = std::make_unique<RestApi>(*m_log, *m_store, m_users, *m_presence, *m_dialect);
    if (m_config.escalateAfterMs > 0)
        m_escalator = std::make_unique<Escalator>(*m_store, m_config.escalateAfterMs);
    m_streams = std::make_unique<StreamEndpoint>(m_config.retryMs, *m_store, *m_log, *m_registry, *m_presence,
                                                 *m_faults, *m_workers, *m_cors, *m_dialect, m_cluster.get());
    m_store->setLostHandler([this] {
        if (m_streams)
            m_streams->dropAll();
    });
    m_signIn = std::make_unique<PasswordSignIn>(m_users);
    m_front = std::make_unique<HttpFront>(HttpFront::Parts{ m_users, *m_cors, *m_api, *m_streams, *m_faults, *m_workers,
                                                            *m_dialect, *m_signIn, [this] { return metricsText(); },
                                                            [this] { return m_store->unavailableReason(); } },
                                          m_config.metricsPublic);

    // Listen first: if the port is taken, no worker thread was started for nothing.
    m_listener = std::make_unique<Listener>([this](qintptr descriptor) { m_workers->handOver(descriptor); });
    const Listener::Tls tls{ m_config.tlsCertFile, m_config.tlsKeyFile, m_config.connections.requestDeadlineMs };
    if (!m_listener->listen(m_config.bindAddress, m_config.port, tls, error))
        return fail();
    // No accepted connection is handed over before this returns: the hub's event loop is not running yet.
    m_workers->start(m_config.effectiveThreads(), m_config.connections, this);

    m_retentionTimer = new QTimer(this);
    m_retentionTimer->setInterval(60'000);
    connect(m_retentionTimer, &QTimer::timeout, this, &NotifyServer::enforceRetention);
    m_retentionTimer->start();
    qCInfo(lcServer).noquote() << "listening on" << m_config.bindAddress.toString() + u':' + QString::number(port())
                               << "with" << m_config.effectiveThreads() << "worker thread(s)";
    return true;
}

void NotifyServer::stop()
{
    if (m_front)
        m_front->stopAccepting();
    m_listener.reset();
    if (m_workers)
        m_workers->stop();
    delete m_retentionTimer;
    m_retentionTimer = nullptr;
    m_signIn.reset(); // first: the answers of checks still running go through the front
    m_front.reset();
    m_streams.reset();
    m_escalator.reset();
    m_api.reset();
    m_faults.reset();
    m_presence.reset();
    m_registry.reset();
    m_log.reset();
    m_dialect.reset();
    m_cors.reset();
    m_workers.reset();
    m_cluster.reset();
    m_store.reset();
}

quint16 NotifyServer::port() const
{
    return m_listener ? m_listener->port() : 0;
}

std::optional<QByteArray> NotifyServer::publish(const QByteArray &type, const QJsonObject &data,
                                                const QStringList &audience, QString *error)
{
    if (!m_log) {
        if (error)
            *error = QStringLiteral("the server is not running");
        return std::nullopt;
    }
    return m_log->publish(type, data, audience, error);
}

void NotifyServer::publishLater(QList<Publication> events, Published done)
{
    if (!m_log) {
        done(std::nullopt, QStringLiteral("the server is not running"));
        return;
    }
    m_log->publishLater(std::move(events), std::move(done));
}

// --- WorkerHost: these run on worker threads and only post to the hub.

void NotifyServer::requestReceived(ConnectionWorker *worker, quint64 connectionId, const HttpRequest &request,
                                   const QHostAddress &peer)
{
    QMetaObject::invokeMethod(
        this,
        [this, worker, connectionId, request, peer = peer.toString()] {
            if (m_front)
                m_front->handle(worker, connectionId, request, peer);
        },
        Qt::QueuedConnection);
}

void NotifyServer::requestsReceived(ConnectionWorker *worker, const QList<Received> &requests)
{
    QMetaObject::invokeMethod(
        this,
        [this, worker, requests] {
            if (!m_front || !m_workers)
                return; // stopped meanwhile
            // Their answers leave together too (one wake-up of the worker).
            const WorkerPool::ResponseBatch answers(*m_workers);
            for (const Received &r : requests)
                m_front->handle(worker, r.connectionId, r.request, r.peer.toString());
        },
        Qt::QueuedConnection);
}

void NotifyServer::replayPageWanted(ConnectionWorker *worker, quint64 connectionId, quint64 streamId,
                                    const QString &user, quint64 afterSeq)
{
    QMetaObject::invokeMethod(
        this,
        [this, worker, connectionId, streamId, user, afterSeq] {
            if (m_streams)
                m_streams->sendReplayPage(worker, connectionId, streamId, user, afterSeq);
        },
        Qt::QueuedConnection);
}

bool NotifyServer::isStreamRequest(const HttpRequest &request) const
{
    // Pure and thread-safe: the route table is constant.
    return request.method == "GET" && Route::match(request.path).endpoint == Route::Endpoint::Stream;
}

void NotifyServer::streamClosed(ConnectionWorker *, quint64 streamId)
{
    QMetaObject::invokeMethod(
        this,
        [this, streamId] {
            if (m_streams)
                m_streams->closed(streamId);
        },
        Qt::QueuedConnection);
}

// --- Hub thread.

qint64 NotifyServer::openStreams() const
{
    return m_workers ? m_workers->totals().streamsOpen : 0;
}

void NotifyServer::dropAllStreams()
{
    if (m_workers)
        m_workers->closeAllStreams();
}

QByteArray NotifyServer::metricsText() const
{
    ServerMetrics metrics;
    if (m_workers)
        metrics.io = m_workers->totals();
    if (m_registry) {
        metrics.streamsRejected = m_registry->rejectedCount();
        metrics.streamsEvicted = m_registry->evictedCount();
    }
    if (m_log) {
        metrics.eventsPublished = m_log->publishedCount();
        metrics.publishCommits = m_log->commitCount();
    }
    if (m_front)
        metrics.requests = m_front->requestCount();
    if (m_signIn) {
        metrics.signIns = m_signIn->counts().signedIn;
        metrics.signInsRefused = m_signIn->counts().refused;
        metrics.signInsLimited = m_signIn->counts().limited;
    }
    if (m_api) {
        const RestApi::ClaimAudit &audit = m_api->claimAudit();
        metrics.claims = audit.claims;
        metrics.releases = audit.releases;
        metrics.claimConflicts = audit.conflicts;
        metrics.releasesRefused = audit.refusedReleases;
    }
    if (m_escalator)
        metrics.escalations = m_escalator->escalatedCount();
    if (m_store) {
        metrics.storeHead = m_store->headSeq();
        metrics.storeAvailable = m_store->available();
        metrics.storeReconnects = m_store->reconnects();
    }
    return metrics.text();
}

void NotifyServer::enforceRetention()
{
    if (!m_store)
        return;
    m_store->enforceRetention(m_config.retainEvents, m_config.retainHours * 3600 * 1000,
                              QDateTime::currentMSecsSinceEpoch());
    if (!m_trimming) {
        m_trimming = true;
        trimNotificationsStep();
    }
}

void NotifyServer::trimNotificationsStep()
{
    // A step per pass of the event loop: events, requests and streams go on in between.
    if (m_store
        && m_store->trimNotifications(m_config.notificationDays * 24 * 3600 * 1000, QDateTime::currentMSecsSinceEpoch(),
                                      TrimStepRows)) {
        QTimer::singleShot(0, this, &NotifyServer::trimNotificationsStep);
        return;
    }
    m_trimming = false;
}

} // namespace Notify::Server
