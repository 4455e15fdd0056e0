// SPDX-License-Identifier: MIT
#include "servermetrics.h"

namespace Notify::Server {

QByteArray ServerMetrics::text() const
{
    QByteArray out;
    const auto metric = [&out](const char *name, const char *type, const char *help, qint64 value) {
        out += QByteArray("# HELP ") + name + ' ' + help + "\n# TYPE " + name + ' ' + type + '\n' + name + ' '
            + QByteArray::number(value) + '\n';
    };
    metric("notify_connections_open", "gauge", "Open TCP connections.", io.connectionsOpen);
    metric("notify_connections_total", "counter", "Accepted TCP connections.", io.connectionsTotal);
    metric("notify_streams_open", "gauge", "Open event streams.", io.streamsOpen);
    metric("notify_streams_rejected_total", "counter", "Streams refused by the per-user limit.", streamsRejected);
    metric("notify_streams_evicted_total", "counter", "Streams closed to make room (evict-oldest).", streamsEvicted);
    metric("notify_streams_timed_out_total", "counter", "Streams closed by the connection timeout.",
           io.streamsTimedOut);
    metric("notify_slow_consumers_closed_total", "counter", "Streams closed for unsent output over the limit.",
           io.slowConsumersClosed);
    metric("notify_events_published_total", "counter", "Events stored and fanned out.", eventsPublished);
    metric(
        "notify_publish_commits_total", "counter",
        "Store calls (transactions, scripts) that stored published events: publishes that arrive together share one.",
        publishCommits);
    metric("notify_events_delivered_total", "counter", "Events written to streams (replay included).",
           io.eventsDelivered);
    metric("notify_heartbeats_sent_total", "counter", "Heartbeat comments written.", io.heartbeatsSent);
    metric("notify_bytes_sent_total", "counter", "Bytes written to sockets.", io.bytesSent);
    metric("notify_buffered_bytes", "gauge", "Bytes waiting for slow sockets.", io.bufferedBytes);
    metric("notify_http_requests_total", "counter", "Requests handled.", requests);
    metric("notify_event_store_head", "gauge", "Sequence number of the newest event.", qint64(storeHead));
    metric("notify_event_store_available", "gauge", "1 while the store takes events (Redis reachable), else 0.",
           storeAvailable ? 1 : 0);
    metric("notify_event_store_reconnects_total", "counter", "Times the store connected again after losing Redis.",
           storeReconnects);
    // The claims audit: one counter, by what happened (this instance's requests).
    out += "# HELP notify_claims_total Claims by outcome: claimed, released, refused (held by someone else, 409), "
           "release_refused (not the claimer's, 403).\n# TYPE notify_claims_total counter\n";
    for (const auto &[outcome, value] :
         { std::pair{ "claimed", claims }, std::pair{ "released", releases }, std::pair{ "refused", claimConflicts },
           std::pair{ "release_refused", releasesRefused } })
        out += QByteArray("notify_claims_total{outcome=\"") + outcome + "\"} " + QByteArray::number(value) + '\n';
    metric("notify_escalations_total", "counter",
           "Error notifications announced again because nobody claimed them (this instance).", escalations);
    out += "# HELP notify_sign_ins_total Password sign-ins by outcome: ok, refused (wrong user or password), limited "
           "(429 or 503).\n# TYPE notify_sign_ins_total counter\n";
    for (const auto &[outcome, value] :
         { std::pair{ "ok", signIns }, std::pair{ "refused", signInsRefused }, std::pair{ "limited", signInsLimited } })
        out += QByteArray("notify_sign_ins_total{outcome=\"") + outcome + "\"} " + QByteArray::number(value) + '\n';
    return out;
}

} // namespace Notify::Server
