// SPDX-License-Identifier: MIT
#pragma once
// A notify-server inside the test process, on a free loopback port, with
// three users (alice, bob, an admin) and the store in memory. Tests that
// need other options adjust the ServerConfig before start().

#include "notifyserver.h"

#include <QFile>
#include <QTemporaryDir>
#include <QUrl>

#include <functional>
#include <memory>

namespace TestSupport {

inline const QByteArray AliceToken = "alice-token-0001";
inline const QByteArray BobToken = "bob-token-0002";
inline const QByteArray AdminToken = "admin-token-0003";

class InProcessServer
{
public:
    explicit InProcessServer(const std::function<void(Notify::Server::ServerConfig &)> &adjust = {})
    {
        QFile users(m_dir.filePath(QStringLiteral("users.json")));
        if (!users.open(QIODevice::WriteOnly))
            qFatal("cannot write the users file");
        users.write(R"({"users":[{"name":"alice","display_name":"Alice","token":"alice-token-0001"},
                       {"name":"bob","display_name":"Bob","token":"bob-token-0002"},
                       {"name":"admin","display_name":"Admin","token":"admin-token-0003","admin":true}]})");
        users.close();
        config.usersFile = users.fileName();
        config.inMemory = true;
        config.port = 0;
        config.retryMs = 50;
        config.threads = 1;
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
    [[nodiscard]] quint16 port() const { return m_server->port(); }
    [[nodiscard]] QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port())); }
    [[nodiscard]] QString dir() const { return m_dir.path(); }

    Notify::Server::ServerConfig config;

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Notify::Server::NotifyServer> m_server;
};

} // namespace TestSupport
