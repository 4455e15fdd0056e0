// SPDX-License-Identifier: MIT
#pragma once
// A notify-server inside the test process on a free
// loopback port with the store in memory (or in a data directory). Tests
// that need other options adjust the ServerConfig before start(). With
// NOTIFY_TEST_IO=qt in the environment the server runs the benchmark
// baseline I/O, so a whole suite runs again in that mode; with
// NOTIFY_TEST_REDIS=<url> (tests/cluster/with-redis.sh) it keeps its events
// in that Redis, under a prefix of its own (the same for the same data
// directory, so that a restart finds them).

#include "hub/eventpublisher.h"
#include "hub/notifyserver.h"
#include "testusers.h"

#include <QCryptographicHash>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QUrl>

#include <functional>
#include <memory>

namespace TestSupport {

class InProcessServer
{
public:
    explicit InProcessServer(const std::function<void(Notify::Server::ServerConfig &)> &adjust = {},
                             const QString &dataDir = {})
    {
        config.usersFile = writeUsersFile(m_dir);
        config.port = 0;
        config.retryMs = 50;
        config.threads = 2;
        if (qEnvironmentVariable("NOTIFY_TEST_IO") == u"qt")
            config.connections.io = Notify::Server::ConnectionSettings::Io::QtSockets;
        if (dataDir.isEmpty())
            config.inMemory = true;
        else
            config.dataDir = dataDir;
        if (const QString redis = qEnvironmentVariable("NOTIFY_TEST_REDIS"); !redis.isEmpty()) {
            config.inMemory = false;
            config.redisUrl = redis;
            config.redisPrefix = QStringLiteral("t%1:").arg(QString::fromLatin1(
                QCryptographicHash::hash((dataDir.isEmpty() ? m_dir.path() : dataDir).toUtf8(), QCryptographicHash::Md5)
                    .toHex()
                    .left(12)));
            installRedis();
        }
        if (adjust)
            adjust(config);
    }

    bool start()
    {
        m_server = std::make_unique<Notify::Server::NotifyServer>(config);
        QString error;
        if (!m_server->start(&error)) {
            qWarning() << "the server did not start:" << error;
            return false;
        }
        return true;
    }

    Notify::Server::NotifyServer *operator->() const { return m_server.get(); }
    Notify::Server::NotifyServer &server() const { return *m_server; }
    void reset() { m_server.reset(); }
    [[nodiscard]] quint16 port() const { return m_server->port(); }
    [[nodiscard]] QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port())); }
    [[nodiscard]] QString dir() const { return m_dir.path(); }

    /// Publishes through the hub; the new id, or empty when it failed.
    QByteArray publish(const QByteArray &type, const QJsonObject &data, const QStringList &audience = {})
    {
        return m_server->publish(type, data, audience).value_or(QByteArray());
    }
    /// A notification titled "Title <id>".
    QByteArray notification(const QString &id, const QStringList &audience = {})
    {
        return publish("notification",
                       QJsonObject{ { QStringLiteral("notification_id"), id },
                                    { QStringLiteral("title"), QString(QStringLiteral("Title ") + id) },
                                    { QStringLiteral("created_at"), QStringLiteral("2026-11-28T10:00:00Z") } },
                       audience);
    }

    Notify::Server::ServerConfig config;

    /// Set by suites that link Notify::ServerRedis (NOTIFY_TEST_REDIS needs it).
    static inline void (*installRedis)() = [] { qFatal("NOTIFY_TEST_REDIS is set but this test has no Redis"); };

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Notify::Server::NotifyServer> m_server;
};

} // namespace TestSupport
