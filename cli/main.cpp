// SPDX-License-Identifier: MIT
// notify-cli: a terminal client for scripts and tests.
//
//   notify-cli listen <STREAM-URL> [--token T] [--auth bearer|token|query] [--last-event-id ID] [--max-events N]
//                     [--interpret [--mapping FILE] [--notifications-url URL]] [--pretty]
//   notify-cli publish <SERVER-URL> --token T --event TYPE [--user NAME] --data JSON
//   notify-cli publish <SERVER-URL> --token T --batch FILE|-
//                      (FILE, or stdin for -: one {"event":…,"user":…,"data":{…}} a line, blank lines
//                      skipped; up to 1000 events (and 1 MiB) a request, one request at a time, the ids
//                      printed in order as each request is stored; an empty input publishes nothing, exit 0)
//   notify-cli send <SERVER-URL> --token T --to NAME --body TEXT
//   notify-cli read <SERVER-URL> --token T (--all | NOTIFICATION-ID...)
//   notify-cli unread <SERVER-URL> --token T NOTIFICATION-ID...
//   notify-cli claim <SERVER-URL> --token T NOTIFICATION-ID     (prints the claim; on 409 says who holds it)
//   notify-cli unclaim <SERVER-URL> --token T NOTIFICATION-ID
//
// Exit codes: 0 done; 2 bad usage; 3 the server said stop (204); 4 the token
// was refused (401/403); 5 any other failure (404, 410, other 4xx, TLS,
// redirect loop, a REST call that failed).

#include "cliio.h"
#include "listencommand.h"
#include "restcommands.h"

#include <QCoreApplication>

using namespace Cli;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("notify-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(NOTIFY_VERSION));
    QStringList arguments = QCoreApplication::arguments();
    const QString command = arguments.value(1);
    if (command == u"--version" || command == u"-v") {
        out() << "notify-cli " << NOTIFY_VERSION << '\n';
        return Done;
    }
    // Each subcommand parses "notify-cli <command> …" with its own options.
    if (arguments.size() > 1)
        arguments.removeAt(1);
    if (command == u"listen")
        return listen(arguments);
    if (command == u"publish")
        return publish(arguments);
    if (command == u"send")
        return send(arguments);
    if (command == u"read")
        return read(arguments);
    if (command == u"unread")
        return unread(arguments);
    if (command == u"claim")
        return claim(arguments);
    if (command == u"unclaim")
        return unclaim(arguments);
    const bool help = command.isEmpty() || command == u"--help" || command == u"-h" || command == u"help";
    (help ? out() : err()) << "usage: notify-cli <command> [options]   (notify-cli <command> --help for more)\n\n"
                              "  listen <STREAM-URL>   print a stream's events as JSON lines, reconnecting\n"
                              "  publish <SERVER-URL>  publish an event, or with --batch many (admin)\n"
                              "  send <SERVER-URL>     send a message to a colleague\n"
                              "  read <SERVER-URL>     mark notifications read\n"
                              "  unread <SERVER-URL>   mark notifications unread again\n"
                              "  claim <SERVER-URL>    take a notification on for your team\n"
                              "  unclaim <SERVER-URL>  give a claimed notification back\n\n"
                              "exit codes: 0 done, 2 usage, 3 server said stop (204), 4 token refused (401/403),\n"
                              "            5 other failure\n";
    return help ? Done : Usage;
}
