// SPDX-License-Identifier: MIT
#include "streamendpoint.h"

#include "clusterstate.h"
#include "common/ssewriter.h"
#include "dialect.h"
#include "eventlog.h"
#include "faultinjector.h"
#include "http/corspolicy.h"
#include "http/httprequest.h"
#include "io/workerpool.h"
#include "presencetracker.h"
#include "store/eventstore.h"
#include "streamregistry.h"
#include "userdirectory.h"

#include <QJsonDocument>

namespace Notify::Server {

StreamEndpoint::StreamEndpoint(qint64 retryMs, EventStore &store, EventLog &log, StreamRegistry &registry,
                               PresenceTracker &presence, FaultInjector &faults, WorkerPool &workers,
                               const CorsPolicy &cors, const Dialect &dialect, ClusterState *cluster)
    : m_retryMs(retryMs)
    , m_store(store)
    , m_log(log)
    , m_registry(registry)
    , m_presence(presence)
    , m_faults(faults)
    , m_workers(workers)
    , m_cors(cors)
    , m_dialect(dialect)
    , m_cluster(cluster)
{
    if (m_cluster)
        m_cluster->setEvictionHandler([this](quint64 streamId) { evict(streamId); });
}

QByteArray StreamEndpoint::head(const HttpRequest &request) const
{
    HttpResponse response;
    response.headers = { { "Content-Type", "text/event-stream; charset=utf-8" },
                         { "Cache-Control", "no-cache" },
                         { "X-Accel-Buffering", "no" },
                         { "Connection", "close" } };
    m_cors.apply(response, request);
    QByteArray bytes = "HTTP/1.1 200 OK\r\n";
    for (const auto &[name, value] : std::as_const(response.headers))
        bytes += name + ": " + value + "\r\n";
    bytes += "\r\n";
    bytes += m_dialect.preamble(m_retryMs);
    return bytes;
}

std::optional<HttpResponse> StreamEndpoint::open(ConnectionWorker *worker, quint64 connectionId,
                                                 const HttpRequest &request, const User &user)
{
    if (auto failure = m_faults.takeStreamFailure())
        return failure;
    if (m_cluster) {
        // The limit holds for the deployment: Redis counts every instance's streams.
        const ClusterState::Admission shared
            = m_cluster->admit(user.name, m_registry.nextId(), m_registry.maxPerUser(),
                               m_registry.policy() == StreamRegistry::LimitPolicy::EvictOldest);
        if (shared.unavailable) {
            HttpResponse response = HttpResponse::error(503, "store_unavailable", m_store.unavailableReason());
            response.setHeader("Retry-After", "2");
            return response;
        }
        if (!shared.accepted) {
            m_registry.countRejected();
            return tooManyStreams();
        }
        for (const quint64 victim : shared.evictedHere)
            evict(victim);
        return start(worker, connectionId, request, user);
    }
    const StreamRegistry::Admission admission = m_registry.admit(user.name);
    if (!admission.accepted)
        return tooManyStreams();
    if (admission.evicted) {
        m_workers.closeStream(admission.evicted->worker, admission.evicted->id);
        m_presence.streamClosed(user.name);
    }
    return start(worker, connectionId, request, user);
}

HttpResponse StreamEndpoint::tooManyStreams() const
{
    const qint64 seconds = std::max<qint64>(1, (m_retryMs + 999) / 1000);
    HttpResponse response
        = HttpResponse::error(429, "too_many_streams",
                              QStringLiteral("at most %1 streams per user are allowed").arg(m_registry.maxPerUser()));
    response.setHeader("Retry-After", QByteArray::number(seconds));
    return response;
}

std::optional<HttpResponse> StreamEndpoint::start(ConnectionWorker *worker, quint64 connectionId,
                                                  const HttpRequest &request, const User &user)
{
    // The header wins over the query parameter, even when malformed; an empty
    // header counts as absent.
    QByteArray lastEventId = request.header("last-event-id");
    if (lastEventId.isEmpty())
        lastEventId = request.query.queryItemValue(QStringLiteral("last_event_id"), QUrl::FullyDecoded).toUtf8();
    if (!m_dialect.resumes())
        lastEventId.clear(); // a backend without ids starts every stream live

    StreamStart start;
    start.user = user.name;
    start.bytes = head(request);
    start.lastSeq = m_store.headSeq();
    if (!lastEventId.isEmpty()) {
        const ResumePoint resume = m_store.resumePoint(lastEventId);
        if (!resume.seq) {
            // Nothing is skipped silently: the client learns it must resync.
            const QByteArray headId = m_store.headId();
            const Protocol::Reset reset{ resume.reason, QString::fromLatin1(headId), {} };
            SseWriter::appendEvent(start.bytes,
                                   SseEvent{ Protocol::Reset::TypeName,
                                             QJsonDocument(reset.toJson()).toJson(QJsonDocument::Compact), headId });
        } else {
            const EventLog::ReplayPage page = m_log.replayPage(user.name, *resume.seq);
            start.bytes += page.bytes;
            start.lastSeq = page.lastSeq;
            start.replayDone = page.done;
        }
    }
    start.stalled = m_faults.takeStall();
    start.streamId = m_registry.add(user.name, worker);
    m_workers.startStream(worker, connectionId, start);
    // After the replay or reset: the user's own `online` comes live, after them.
    m_presence.streamOpened(user.name);
    return std::nullopt;
}

void StreamEndpoint::sendReplayPage(ConnectionWorker *worker, quint64 connectionId, quint64 streamId,
                                    const QString &user, quint64 afterSeq)
{
    if (!m_registry.contains(streamId))
        return;
    const EventLog::ReplayPage page = m_log.replayPage(user, afterSeq);
    m_workers.continueReplay(worker, connectionId, streamId, page.bytes, page.lastSeq, page.done);
}

void StreamEndpoint::closed(quint64 streamId)
{
    if (const auto user = m_registry.remove(streamId)) {
        if (m_cluster)
            m_cluster->released(*user, streamId);
        m_presence.streamClosed(*user);
    }
}

void StreamEndpoint::evict(quint64 streamId)
{
    const auto stream = m_registry.take(streamId);
    if (!stream)
        return; // closed meanwhile
    m_registry.countEvicted();
    m_workers.closeStream(stream->worker, streamId);
    m_presence.streamClosed(stream->user);
}

void StreamEndpoint::dropAll()
{
    m_workers.closeAllStreams(); // their closes come back through closed()
}

} // namespace Notify::Server
