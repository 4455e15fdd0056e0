// SPDX-License-Identifier: MIT
#pragma once

#include "core/desk.h"

#include <memory>

namespace Notify::Server {
class DemoScenario;
class NotifyServer;
} // namespace Notify::Server

namespace Notify::Tray {

/// `notify-tray --demo`: two notify-servers inside the app, in memory, with
/// the demo users: "Shop" (orders, messages, presence, the support team's
/// errors) and "Warehouse" (deliveries, stock, damage), so that several
/// sources are seen at once. The app signs in to both as Alice. Nothing of
/// it is kept: its settings are never saved.
class DemoServer final
{
public:
    DemoServer();
    ~DemoServer();
    Q_DISABLE_COPY_MOVE(DemoServer)

    bool start(QString *error);
    /// The shop's server as one session's settings (@p settings with its server, user and token).
    [[nodiscard]] DesktopSession::Settings sessionSettings(DesktopSession::Settings settings) const;
    /// Both demo sources, from @p settings (alerts, rules, quiet hours), with no history kept.
    [[nodiscard]] QList<Desk::Source> sources(const DesktopSession::Settings &settings) const;

private:
    struct Instance
    {
        std::unique_ptr<Notify::Server::NotifyServer> server;
        std::unique_ptr<Notify::Server::DemoScenario> scenario;
    };
    Instance m_shop;
    Instance m_warehouse;
};

} // namespace Notify::Tray
