// SPDX-License-Identifier: MIT
#include "demoserver.h"

#include "demoscenario.h"
#include "hub/notifyserver.h"

namespace Notify::Tray {

namespace {
const QString DemoUser = QStringLiteral("alice");
} // namespace

DemoServer::DemoServer() = default;
DemoServer::~DemoServer() = default;

bool DemoServer::start(QString *error)
{
    Notify::Server::ServerConfig config;
    config.port = 0;
    config.inMemory = true;
    config.demo = true;
    config.threads = 1;
    m_server = std::make_unique<Notify::Server::NotifyServer>(config);
    if (!m_server->start(error))
        return false;
    m_scenario = std::make_unique<Notify::Server::DemoScenario>(*m_server);
    m_scenario->startDemo(2500, 1500);
    return true;
}

DesktopSession::Settings DemoServer::sessionSettings(DesktopSession::Settings settings) const
{
    settings.server = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server->port()));
    settings.user = DemoUser;
    settings.token = m_server->users().find(DemoUser)->token;
    return settings;
}

} // namespace Notify::Tray
