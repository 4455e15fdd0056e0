// SPDX-License-Identifier: MIT
#include "demoserver.h"

#include "demoscenario.h"
#include "hub/notifyserver.h"

namespace Notify::Tray {

namespace {

const QString DemoUser = QStringLiteral("alice");

bool startInstance(std::unique_ptr<Notify::Server::NotifyServer> &server, QString *error)
{
    Notify::Server::ServerConfig config;
    config.port = 0;
    config.inMemory = true;
    config.demo = true;
    config.threads = 1;
    server = std::make_unique<Notify::Server::NotifyServer>(config);
    return server->start(error);
}

DesktopSession::Settings signedIn(DesktopSession::Settings settings, const Notify::Server::NotifyServer &server)
{
    settings.server = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(server.port()));
    settings.user = DemoUser;
    settings.token = server.users().find(DemoUser)->token;
    return settings;
}

} // namespace

DemoServer::DemoServer() = default;
DemoServer::~DemoServer() = default;

bool DemoServer::start(QString *error)
{
    if (!startInstance(m_shop.server, error) || !startInstance(m_warehouse.server, error))
        return false;
    m_shop.scenario = std::make_unique<Notify::Server::DemoScenario>(*m_shop.server);
    m_shop.scenario->startDemo(2500, 1500);
    m_warehouse.scenario = std::make_unique<Notify::Server::DemoScenario>(*m_warehouse.server);
    m_warehouse.scenario->startWarehouseDemo(6000, 4000);
    return true;
}

DesktopSession::Settings DemoServer::sessionSettings(DesktopSession::Settings settings) const
{
    return signedIn(std::move(settings), *m_shop.server);
}

QList<Desk::Source> DemoServer::sources(const DesktopSession::Settings &settings) const
{
    DesktopSession::Settings shop = signedIn(settings, *m_shop.server);
    shop.sourceName = QStringLiteral("Shop");
    DesktopSession::Settings warehouse = signedIn(settings, *m_warehouse.server);
    warehouse.sourceName = QStringLiteral("Warehouse");
    return { { shop, QStringLiteral(":memory:") }, { warehouse, QStringLiteral(":memory:") } };
}

} // namespace Notify::Tray
