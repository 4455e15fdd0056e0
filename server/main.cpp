// SPDX-License-Identifier: MIT
// notify-server: see docs/PROTOCOL.md for the protocol and the options.

#include "common/apipaths.h"
#include "demoscenario.h"
#include "hub/notifyserver.h"
#include "redis/redisbackend.h"
#include "serverconfig.h"

#include <QCoreApplication>
#include <QSocketNotifier>
#include <QTextStream>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

namespace {

int signalPipe[2] = { -1, -1 };

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto ignored = ::write(signalPipe[1], &byte, 1);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("notify-server"));
    QCoreApplication::setOrganizationName(QStringLiteral("notify"));
    QCoreApplication::setApplicationVersion(QStringLiteral(NOTIFY_VERSION));
    QTextStream out(stdout);
    QTextStream err(stderr);

    const QStringList arguments = QCoreApplication::arguments();
    QString error;
    QString help;
    if (arguments.contains(QStringLiteral("--help")) || arguments.contains(QStringLiteral("-h"))) {
        Notify::Server::ServerConfig::fromArguments({ arguments.first() }, &error, &help);
        out << help;
        return 0;
    }
    if (arguments.contains(QStringLiteral("--version")) || arguments.contains(QStringLiteral("-v"))) {
        out << QCoreApplication::applicationName() << ' ' << QCoreApplication::applicationVersion() << '\n';
        return 0;
    }
    const auto config = Notify::Server::ServerConfig::fromArguments(arguments, &error);
    if (!config) {
        err << "notify-server: " << error << "\nTry notify-server --help.\n";
        return 2;
    }

    // SIGINT/SIGTERM: stop accepting, close streams, close the store, exit 0.
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, signalPipe) == 0) {
        auto *notifier = new QSocketNotifier(signalPipe[0], QSocketNotifier::Read, &app);
        QObject::connect(notifier, &QSocketNotifier::activated, &app, [&app] {
            char byte;
            [[maybe_unused]] const auto ignored = ::read(signalPipe[0], &byte, 1);
            app.quit();
        });
        std::signal(SIGINT, onSignal);
        std::signal(SIGTERM, onSignal);
    }
    std::signal(SIGPIPE, SIG_IGN);

    Notify::Server::installRedisBackend();
    Notify::Server::NotifyServer server(*config);
    if (!server.start(&error)) {
        err << "notify-server: " << error << '\n';
        return 1;
    }
    const QString host = config->bindAddress.toString();
    out << "notify-server " << NOTIFY_VERSION << " listening on http://" << host << ':' << server.port() << "/\n";
    if (!config->redisUrl.isEmpty())
        out << "event store: Redis (keys " << config->redisPrefix << "*), shared with every instance pointed at it\n";
    else if (config->inMemory)
        out << "events are kept in memory only\n";
    else
        out << "event store: " << config->databasePath() << '\n';
    if (config->demo) {
        out << "demo users (pass a token as Authorization: Bearer <token> or ?token=<token>):\n";
        for (const auto &user : server.users().users())
            out << "  " << user.name << (user.admin ? " (admin)" : "") << "  token " << QString::fromUtf8(user.token)
                << '\n';
        out << "try: curl -N 'http://" << host << ':' << server.port() << Notify::ApiPath::Stream
            << "?token=" << QString::fromUtf8(server.users().find(QStringLiteral("alice"))->token) << "'\n";
    }
    out.flush();

    Notify::Server::DemoScenario scenario(server);
    if (!config->scenarioFile.isEmpty()) {
        if (!scenario.startScript(config->scenarioFile, &error)) {
            err << "notify-server: " << error << '\n';
            return 2;
        }
    } else if (config->demo) {
        scenario.startDemo();
    }

    const int code = app.exec();
    server.stop();
    out << "notify-server stopped\n";
    return code;
}
