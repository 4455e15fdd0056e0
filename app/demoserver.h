// SPDX-License-Identifier: MIT
#pragma once

#include "core/desktopsession.h"

#include <memory>

namespace Notify::Server {
class DemoScenario;
class NotifyServer;
} // namespace Notify::Server

namespace Notify::Tray {

/// `notify-tray --demo`: a notify-server inside the app, in memory, with the
/// demo users and the demo traffic; the app signs in to it as Alice.
/// Nothing of it is kept: its settings are never saved.
class DemoServer final
{
public:
    DemoServer();
    ~DemoServer();
    Q_DISABLE_COPY_MOVE(DemoServer)

    bool start(QString *error);
    /// Where and as whom the session connects: @p settings with the demo's
    /// server, user and token.
    [[nodiscard]] DesktopSession::Settings sessionSettings(DesktopSession::Settings settings) const;

private:
    std::unique_ptr<Notify::Server::NotifyServer> m_server;
    std::unique_ptr<Notify::Server::DemoScenario> m_scenario;
};

} // namespace Notify::Tray
