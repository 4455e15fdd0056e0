// SPDX-License-Identifier: MIT
#pragma once

#include "io/connectionsettings.h"

#include <QHostAddress>
#include <QString>
#include <QStringList>

#include <optional>

namespace Notify::Server {

/// Every option of notify-server (docs/PROTOCOL.md, "Server options"), with
/// the contract's defaults. Durations are in milliseconds internally; the
/// command line takes seconds (fractions allowed, which the tests use).
struct ServerConfig
{
    enum class StreamLimitPolicy { Reject, EvictOldest };
    /// What the server speaks: the contract, or the reference Django backend (docs/BACKENDS.md).
    enum class Dialect { Contract, Django };

    QHostAddress bindAddress = QHostAddress::LocalHost;
    quint16 port = 8787;
    QString usersFile;
    QString dataDir;
    bool inMemory = false;
    qint64 retryMs = 3'000;
    int maxStreamsPerUser = 5;
    StreamLimitPolicy streamLimitPolicy = StreamLimitPolicy::Reject;
    qint64 presenceGraceMs = 10'000;
    qint64 retainEvents = 100'000;
    qint64 retainHours = 72;
    /// `--max-notifications`: a user's list holds the newest N (0: no limit).
    qint64 maxNotifications = 10'000;
    /// `--notification-days`: notifications older than this go (0: none go for their age).
    qint64 notificationDays = 90;
    /// `--escalate-after`: an `error` notification still unclaimed this long
    /// after it was published is announced once more (0: never).
    qint64 escalateAfterMs = 0;
    int threads = 0; ///< 0: one per core
    QString tlsCertFile;
    QString tlsKeyFile;
    QString corsOrigin;
    bool metricsPublic = false;
    bool demo = false;
    QString scenarioFile;
    Dialect dialect = Dialect::Contract;
    /// `--poll-delay-ms`: events wait for the next tick of this length, as
    /// the Django backend's streams poll its cache (0: at once).
    qint64 pollDelayMs = 0;
    /// `--redis`: the shared store of several instances (empty: SQLite).
    QString redisUrl;
    QString redisPrefix = QStringLiteral("notify:");
    qint64 redisLeaseMs = 15'000;
    /// --heartbeat, --timeout, --max-buffered-bytes, `--io qt`, and the
    /// limits of the contract that are no options (tests shorten them).
    ConnectionSettings connections;

    /// Parses notify-server's command line. On error returns nothing and
    /// sets @p error; --help and --version are handled by the caller.
    static std::optional<ServerConfig> fromArguments(const QStringList &arguments, QString *error,
                                                     QString *helpText = nullptr);

    /// The sqlite file the store uses (empty with --in-memory).
    [[nodiscard]] QString databasePath() const;
    [[nodiscard]] int effectiveThreads() const;
};

} // namespace Notify::Server
