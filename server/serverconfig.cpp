// SPDX-License-Identifier: MIT
#include "serverconfig.h"

#include <QCommandLineParser>
#include <QDir>
#include <QStandardPaths>
#include <QThread>

#include <cmath>

namespace Notify::Server {

namespace {

// Seconds (fractions allowed) to milliseconds; false when not a number >= minimum.
bool secondsOption(const QCommandLineParser &parser, const QString &name, qint64 &out, double minimum, QString *error)
{
    if (!parser.isSet(name))
        return true;
    bool ok = false;
    const double seconds = parser.value(name).toDouble(&ok);
    if (!ok || !std::isfinite(seconds) || seconds < minimum || seconds > 1e9) {
        *error = QStringLiteral("--%1 takes a number of seconds (at least %2), not \"%3\"")
                     .arg(name)
                     .arg(minimum)
                     .arg(parser.value(name));
        return false;
    }
    out = qint64(std::llround(seconds * 1000));
    return true;
}

bool integerOption(const QCommandLineParser &parser, const QString &name, qint64 &out, qint64 minimum, qint64 maximum,
                   QString *error)
{
    if (!parser.isSet(name))
        return true;
    bool ok = false;
    const qint64 value = parser.value(name).toLongLong(&ok);
    if (!ok || value < minimum || value > maximum) {
        *error = QStringLiteral("--%1 takes a whole number from %2 to %3, not \"%4\"")
                     .arg(name)
                     .arg(minimum)
                     .arg(maximum)
                     .arg(parser.value(name));
        return false;
    }
    out = value;
    return true;
}

} // namespace

std::optional<ServerConfig> ServerConfig::fromArguments(const QStringList &arguments, QString *error, QString *helpText)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("notify-server: Server-Sent Events and REST server for desktop notifications."));
    parser.addHelpOption();
    parser.addVersionOption();
    const auto opt = [&parser](const char *name, const char *description, const char *valueName = nullptr) {
        QCommandLineOption option(QString::fromLatin1(name), QString::fromLatin1(description));
        if (valueName)
            option.setValueName(QString::fromLatin1(valueName));
        parser.addOption(option);
    };
    opt("bind", "Address to listen on (default 127.0.0.1).", "ADDR");
    opt("port", "Port to listen on; 0 picks a free port and prints it (default 8787).", "N");
    opt("users", "JSON users file: {\"users\":[{\"name\",\"display_name\",\"token\",\"admin\"}]}.", "FILE");
    opt("data-dir", "Directory for the event store (default: the platform's data directory).", "DIR");
    opt("in-memory", "Keep events in memory only (nothing survives a restart).");
    opt("heartbeat", "Seconds of silence before a heartbeat comment (default 30).", "S");
    opt("timeout", "Seconds before a stream is closed, with +-10 % jitter (default 300).", "S");
    opt("retry-ms", "Reconnection time sent to clients in the retry: field (default 3000).", "MS");
    opt("max-streams-per-user", "Open streams allowed per user (default 5).", "N");
    opt("stream-limit-policy", "What one stream too many gets: reject (429) or evict-oldest (default reject).",
        "POLICY");
    opt("max-buffered-bytes", "Unsent bytes after which a slow stream is closed (default 1048576).", "N");
    opt("presence-grace", "Seconds a user stays online after their last stream closed (default 10).", "S");
    opt("retain-events", "Events kept for replay (default 100000).", "N");
    opt("retain-hours", "Hours events are kept for replay (default 72).", "H");
    opt("max-notifications",
        "Notifications a user's list keeps, the newest; the oldest go first (default 10000; 0: no limit).", "N");
    opt("notification-days", "Days a notification is kept in the lists (default 90; 0: no limit).", "D");
    opt("escalate-after",
        "Seconds after which an unclaimed error notification is announced once more (notification_escalated; "
        "default 0: never).",
        "S");
    opt("threads", "Worker threads for streams (default: one per core; one more thread answers requests).", "N");
    opt("flush-interval-us",
        "Microseconds a stream worker waits at least between two writes of live events to the same streams, so "
        "that a flood of events leaves in fewer system calls; a lone event leaves at once (default 1000; 0: no "
        "pacing).",
        "US");
    opt("tls-cert", "PEM certificate (chain) to serve HTTPS.", "FILE");
    opt("tls-key", "PEM private key to serve HTTPS.", "FILE");
    opt("cors-origin", "Origin allowed to call the API from a browser, or *.", "ORIGIN");
    opt("metrics-public", "Serve /metrics without a token.");
    opt("demo", "Create demo users (tokens printed at start) and publish demo events.");
    opt("scenario", "Play a JSON script of timed events.", "FILE");
    opt("io", "Socket I/O: epoll (default) or qt (a QTcpSocket per connection; the benchmark baseline).", "MODE");
    opt("dialect",
        "What the server speaks: contract (default), or django: what the reference Django backend serves "
        "(unnamed data: events with the type inside the JSON, no ids and no replay, Authorization: Token, "
        "the notifications list paginated as Django REST framework does, no /api/v1/events/).",
        "contract|django");
    opt("redis",
        "Keep events, read state, orders, stream counts and presence in Redis, shared by every instance "
        "pointed at it: redis://[:password@]host:port/db or unix:/path/to/socket (default: SQLite, one instance).",
        "URL");
    opt("redis-prefix", "Prefix of the Redis keys (default notify:).", "PREFIX");
    opt("redis-lease",
        "Seconds after which the streams of an instance that stopped renewing its lease (killed) are forgotten "
        "(default 15).",
        "S");
    opt("poll-delay-ms",
        "Events wait for the next tick of MS milliseconds, as a backend that polls its cache "
        "(the reference Django backend's: 3000) delivers them (default 0: at once).",
        "MS");

    if (helpText)
        *helpText = parser.helpText();
    if (!parser.parse(arguments)) {
        *error = parser.errorText();
        return std::nullopt;
    }
    if (!parser.positionalArguments().isEmpty()) {
        *error = QStringLiteral("unexpected argument: %1").arg(parser.positionalArguments().first());
        return std::nullopt;
    }

    ServerConfig config;
    if (parser.isSet(QStringLiteral("bind"))) {
        const QString text = parser.value(QStringLiteral("bind"));
        if (!config.bindAddress.setAddress(text)) {
            *error = QStringLiteral("--bind takes an IP address, not \"%1\"").arg(text);
            return std::nullopt;
        }
    }
    qint64 port = config.port, streams = config.maxStreamsPerUser, threads = 0;
    if (!integerOption(parser, QStringLiteral("port"), port, 0, 65535, error)
        || !secondsOption(parser, QStringLiteral("heartbeat"), config.connections.heartbeatMs, 0.01, error)
        || !secondsOption(parser, QStringLiteral("timeout"), config.connections.timeoutMs, 0.01, error)
        || !integerOption(parser, QStringLiteral("retry-ms"), config.retryMs, 0, 86'400'000, error)
        || !integerOption(parser, QStringLiteral("max-streams-per-user"), streams, 1, 100'000, error)
        || !integerOption(parser, QStringLiteral("max-buffered-bytes"), config.connections.maxBufferedBytes, 1024,
                          qint64(1) << 40, error)
        || !secondsOption(parser, QStringLiteral("presence-grace"), config.presenceGraceMs, 0, error)
        || !integerOption(parser, QStringLiteral("retain-events"), config.retainEvents, 1, qint64(1) << 40, error)
        || !integerOption(parser, QStringLiteral("retain-hours"), config.retainHours, 1, qint64(24) * 365 * 100, error)
        || !integerOption(parser, QStringLiteral("max-notifications"), config.maxNotifications, 0, qint64(1) << 40,
                          error)
        || !integerOption(parser, QStringLiteral("notification-days"), config.notificationDays, 0, 365LL * 100, error)
        || !secondsOption(parser, QStringLiteral("escalate-after"), config.escalateAfterMs, 0, error)
        || !integerOption(parser, QStringLiteral("threads"), threads, 1, 256, error)
        || !integerOption(parser, QStringLiteral("flush-interval-us"), config.connections.minFlushIntervalUs, 0,
                          1'000'000, error)
        || !integerOption(parser, QStringLiteral("poll-delay-ms"), config.pollDelayMs, 0, 600'000, error)
        || !secondsOption(parser, QStringLiteral("redis-lease"), config.redisLeaseMs, 0.3, error))
        return std::nullopt;
    config.port = quint16(port);
    config.maxStreamsPerUser = int(streams);
    config.threads = int(threads);
    if (parser.isSet(QStringLiteral("stream-limit-policy"))) {
        const QString policy = parser.value(QStringLiteral("stream-limit-policy"));
        if (policy == u"reject") {
            config.streamLimitPolicy = StreamLimitPolicy::Reject;
        } else if (policy == u"evict-oldest") {
            config.streamLimitPolicy = StreamLimitPolicy::EvictOldest;
        } else {
            *error = QStringLiteral("--stream-limit-policy takes reject or evict-oldest, not \"%1\"").arg(policy);
            return std::nullopt;
        }
    }
    config.usersFile = parser.value(QStringLiteral("users"));
    config.dataDir = parser.value(QStringLiteral("data-dir"));
    config.inMemory = parser.isSet(QStringLiteral("in-memory"));
    config.tlsCertFile = parser.value(QStringLiteral("tls-cert"));
    config.tlsKeyFile = parser.value(QStringLiteral("tls-key"));
    if (config.tlsCertFile.isEmpty() != config.tlsKeyFile.isEmpty()) {
        *error = QStringLiteral("--tls-cert and --tls-key go together");
        return std::nullopt;
    }
    config.corsOrigin = parser.value(QStringLiteral("cors-origin"));
    config.metricsPublic = parser.isSet(QStringLiteral("metrics-public"));
    config.demo = parser.isSet(QStringLiteral("demo"));
    config.scenarioFile = parser.value(QStringLiteral("scenario"));
    if (parser.isSet(QStringLiteral("io"))) {
        const QString io = parser.value(QStringLiteral("io"));
        if (io != u"epoll" && io != u"qt") {
            *error = QStringLiteral("--io takes epoll or qt, not \"%1\"").arg(io);
            return std::nullopt;
        }
        config.connections.io = io == u"qt" ? ConnectionSettings::Io::QtSockets : ConnectionSettings::Io::Epoll;
    }
    if (parser.isSet(QStringLiteral("dialect"))) {
        const QString dialect = parser.value(QStringLiteral("dialect"));
        if (dialect != u"contract" && dialect != u"django") {
            *error = QStringLiteral("--dialect takes contract or django, not \"%1\"").arg(dialect);
            return std::nullopt;
        }
        config.dialect = dialect == u"django" ? Dialect::Django : Dialect::Contract;
    }
    config.redisUrl = parser.value(QStringLiteral("redis"));
    if (parser.isSet(QStringLiteral("redis-prefix")))
        config.redisPrefix = parser.value(QStringLiteral("redis-prefix"));
    if (!config.redisUrl.isEmpty() && config.inMemory) {
        *error = QStringLiteral("--redis and --in-memory exclude each other");
        return std::nullopt;
    }
    if (!config.demo && config.usersFile.isEmpty()) {
        *error = QStringLiteral("no users: pass --users FILE, or --demo for demo users");
        return std::nullopt;
    }
    return config;
}

QString ServerConfig::databasePath() const
{
    if (inMemory)
        return {};
    const QString dir = dataDir.isEmpty() ? QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) : dataDir;
    return QDir(dir).filePath(QStringLiteral("events.sqlite"));
}

int ServerConfig::effectiveThreads() const
{
    return threads > 0 ? threads : std::max(1, QThread::idealThreadCount());
}

} // namespace Notify::Server
