// SPDX-License-Identifier: MIT
// notify-cli: a terminal client for scripts and tests.
//
//   notify-cli listen <STREAM-URL> [--token T] [--last-event-id ID] [--max-events N] [--pretty]
//   notify-cli publish <SERVER-URL> --token T --event TYPE [--user NAME] --data JSON
//   notify-cli send <SERVER-URL> --token T --to NAME --body TEXT
//   notify-cli read <SERVER-URL> --token T (--all | NOTIFICATION-ID...)
//
// Exit codes: 0 done; 2 bad usage; 3 the server said stop (204); 4 the token
// was refused (401/403); 5 any other failure (404, 410, other 4xx, TLS,
// redirect loop, a REST call that failed).

#include "apipaths.h"
#include "requestbuilder.h"
#include "sseclient.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTextStream>

namespace {

enum ExitCode { Done = 0, Usage = 2, ServerSaidStop = 3, AuthRefused = 4, Failure = 5 };

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

// A JSON string literal, escaped as JSON wants it.
QByteArray jsonString(const QString &text)
{
    const QByteArray array = QJsonDocument(QJsonArray{ text }).toJson(QJsonDocument::Compact);
    return array.mid(1, array.size() - 2);
}

// One line of output. The keys are written in the contract's order
// (QJsonDocument would sort them), which makes the lines easy to read too.
void line(const QList<QPair<const char *, QByteArray>> &fields)
{
    QByteArray json = "{";
    for (const auto &[key, value] : fields) {
        if (json.size() > 1)
            json += ',';
        json += '"' + QByteArray(key) + "\":" + value;
    }
    json += "}\n";
    out() << json;
    out().flush();
}

int usage(const QString &message, const QCommandLineParser &parser)
{
    err() << "notify-cli: " << message << "\n\n" << parser.helpText();
    return Usage;
}

// The options every subcommand shares: who we are and how we say so.
void addConnectionOptions(QCommandLineParser &parser)
{
    parser.addOption({ QStringLiteral("token"), QStringLiteral("Access token (or NOTIFY_TOKEN in the environment)."),
                       QStringLiteral("TOKEN") });
    parser.addOption({ QStringLiteral("auth"),
                       QStringLiteral("How the token is sent: bearer (Authorization: Bearer, the default), token "
                                      "(Authorization: Token, Django REST framework) or query (?token=)."),
                       QStringLiteral("bearer|token|query"), QStringLiteral("bearer") });
    parser.addOption({ QStringLiteral("ca-file"), QStringLiteral("Extra CA certificate (PEM) for a private server."),
                       QStringLiteral("FILE") });
}

// The credentials the options give, or nothing (with @p error) for an unknown --auth.
std::optional<Notify::Credentials> credentialsFrom(const QCommandLineParser &parser, QString *error)
{
    const auto scheme = Notify::RequestBuilder::schemeFromName(parser.value(QStringLiteral("auth")));
    if (!scheme) {
        *error = QStringLiteral("--auth takes bearer, token or query");
        return std::nullopt;
    }
    Notify::Credentials credentials;
    credentials.token = parser.isSet(QStringLiteral("token")) ? parser.value(QStringLiteral("token")).toUtf8()
                                                              : qgetenv("NOTIFY_TOKEN");
    credentials.scheme = *scheme;
    credentials.caCertificateFile = parser.value(QStringLiteral("ca-file"));
    return credentials;
}

int listen(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Prints a stream's events, one JSON object per line:\n"
                       "  {\"type\":\"open\"}\n"
                       "  {\"type\":\"event\",\"id\":\"…\",\"event\":\"…\",\"data\":\"…\"}\n"
                       "  {\"type\":\"error\",\"status\":N,\"message\":\"…\"}\n"
                       "Reconnects by itself (honouring retry:, sending Last-Event-ID)."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("url"), QStringLiteral("The full stream URL."));
    addConnectionOptions(parser);
    parser.addOption(
        { QStringLiteral("last-event-id"), QStringLiteral("Resume after this id."), QStringLiteral("ID") });
    parser.addOption({ QStringLiteral("max-events"), QStringLiteral("Exit 0 after N events."), QStringLiteral("N") });
    parser.addOption({ QStringLiteral("read-timeout"),
                       QStringLiteral("Seconds without a byte before reconnecting (65)."), QStringLiteral("S") });
    parser.addOption({ QStringLiteral("pretty"), QStringLiteral("Lines for people instead of JSON.") });
    if (!parser.parse(arguments))
        return usage(parser.errorText(), parser);
    if (parser.isSet(QStringLiteral("help"))) {
        out() << parser.helpText();
        return Done;
    }
    if (parser.positionalArguments().size() != 1)
        return usage(QStringLiteral("listen needs exactly one URL"), parser);
    const QUrl url(parser.positionalArguments().first(), QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != u"http" && url.scheme() != u"https"))
        return usage(QStringLiteral("not an http(s) URL: %1").arg(parser.positionalArguments().first()), parser);
    qint64 maxEvents = -1;
    if (parser.isSet(QStringLiteral("max-events"))) {
        bool ok = false;
        maxEvents = parser.value(QStringLiteral("max-events")).toLongLong(&ok);
        if (!ok || maxEvents < 1)
            return usage(QStringLiteral("--max-events takes a positive number"), parser);
    }
    const bool pretty = parser.isSet(QStringLiteral("pretty"));
    QString error;
    const auto credentials = credentialsFrom(parser, &error);
    if (!credentials)
        return usage(error, parser);

    // No polling fallback: a script wants the stream's own answers.
    Notify::SseClient::Settings settings;
    settings.url = url;
    settings.credentials = *credentials;
    if (parser.isSet(QStringLiteral("read-timeout")))
        settings.readTimeoutMs = qint64(parser.value(QStringLiteral("read-timeout")).toDouble() * 1000);
    Notify::SseClient client;
    client.setSettings(settings);
    if (parser.isSet(QStringLiteral("last-event-id")))
        client.setLastEventId(parser.value(QStringLiteral("last-event-id")).toUtf8());

    qint64 received = 0;
    QObject::connect(&client, &Notify::SseClient::opened, &client, [pretty] {
        if (pretty) {
            out() << QDateTime::currentDateTime().toString(u"HH:mm:ss") << "  stream open\n";
            out().flush();
        } else {
            line({ { "type", jsonString(QStringLiteral("open")) } });
        }
    });
    QObject::connect(&client, &Notify::SseClient::eventReceived, &client, [&](const Notify::SseEvent &event) {
        if (pretty) {
            out() << QDateTime::currentDateTime().toString(u"HH:mm:ss") << "  " << event.type << "  " << event.id
                  << "\n    " << QString::fromUtf8(event.data) << '\n';
            out().flush();
        } else {
            line({ { "type", jsonString(QStringLiteral("event")) },
                   { "id", jsonString(QString::fromUtf8(event.id)) },
                   { "event", jsonString(QString::fromUtf8(event.type)) },
                   { "data", jsonString(QString::fromUtf8(event.data)) } });
        }
        if (maxEvents > 0 && ++received >= maxEvents) {
            client.stop();
            QCoreApplication::exit(Done);
        }
    });
    QObject::connect(&client, &Notify::SseClient::errorOccurred, &client, [pretty](int status, const QString &message) {
        if (pretty) {
            err() << QDateTime::currentDateTime().toString(u"HH:mm:ss") << "  "
                  << (status ? QStringLiteral("HTTP %1: ").arg(status) : QString()) << message << '\n';
            err().flush();
        } else {
            line({ { "type", jsonString(QStringLiteral("error")) },
                   { "status", QByteArray::number(status) },
                   { "message", jsonString(message) } });
        }
    });
    QObject::connect(&client, &Notify::SseClient::stateChanged, &client, [](Notify::SseClient::State state) {
        switch (state) {
        case Notify::SseClient::State::Stopped:
            QCoreApplication::exit(ServerSaidStop);
            break;
        case Notify::SseClient::State::AuthRequired:
            QCoreApplication::exit(AuthRefused);
            break;
        case Notify::SseClient::State::Failed:
            QCoreApplication::exit(Failure);
            break;
        default:
            break;
        }
    });
    client.start();
    return QCoreApplication::exec();
}

// One REST call; prints the answer's JSON (or nothing for 204) and maps the status to an exit code.
int restCall(const QByteArray &method, const QUrl &url, const Notify::Credentials &credentials, const QByteArray &body,
             const std::function<void(const QJsonObject &)> &onSuccess)
{
    QNetworkAccessManager network;
    QNetworkReply *reply = network.sendCustomRequest(Notify::RequestBuilder(credentials).buildJson(url), method, body);
    QObject::connect(reply, &QNetworkReply::finished, &network, [] { QCoreApplication::exit(0); });
    QCoreApplication::exec();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray answer = reply->readAll();
    reply->deleteLater();
    if (status >= 200 && status < 300) {
        onSuccess(QJsonDocument::fromJson(answer).object());
        return Done;
    }
    QString message = QJsonDocument::fromJson(answer).object().value(u"message").toString();
    if (message.isEmpty())
        message = reply->errorString();
    if (status == 401) {
        const QString hint
            = Notify::RequestBuilder::challengeHint(reply->rawHeader("WWW-Authenticate"), credentials.scheme);
        if (!hint.isEmpty())
            message = hint + QStringLiteral(" (") + message + u')';
    }
    err() << "notify-cli: " << (status ? QStringLiteral("HTTP %1: ").arg(status) : QString()) << message << '\n';
    return (status == 401 || status == 403) ? AuthRefused : Failure;
}

QUrl endpoint(const QString &server, const QString &path)
{
    // Any URL of the server will do: only scheme, host and port are kept.
    return QUrl(server).resolved(QUrl(path));
}

int publish(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Publishes an event (admin token). Prints its id."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("server"),
                                 QStringLiteral("The server's URL, e.g. http://127.0.0.1:8787"));
    addConnectionOptions(parser);
    parser.addOption(
        { QStringLiteral("event"), QStringLiteral("Event type, e.g. notification."), QStringLiteral("TYPE") });
    parser.addOption(
        { QStringLiteral("user"), QStringLiteral("Only for this user (default: everybody)."), QStringLiteral("NAME") });
    parser.addOption(
        { QStringLiteral("data"), QStringLiteral("The event's data, a JSON object."), QStringLiteral("JSON") });
    if (!parser.parse(arguments))
        return usage(parser.errorText(), parser);
    if (parser.isSet(QStringLiteral("help"))) {
        out() << parser.helpText();
        return Done;
    }
    if (parser.positionalArguments().size() != 1 || !parser.isSet(QStringLiteral("event")))
        return usage(QStringLiteral("publish needs a server URL and --event"), parser);
    QJsonParseError parseError;
    const QJsonDocument data = QJsonDocument::fromJson(parser.value(QStringLiteral("data")).toUtf8(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !data.isObject())
        return usage(QStringLiteral("--data must be a JSON object"), parser);
    QJsonObject body{ { QStringLiteral("event"), parser.value(QStringLiteral("event")) },
                      { QStringLiteral("data"), data.object() } };
    if (parser.isSet(QStringLiteral("user")))
        body.insert(QStringLiteral("user"), parser.value(QStringLiteral("user")));
    QString error;
    const auto credentials = credentialsFrom(parser, &error);
    if (!credentials)
        return usage(error, parser);
    return restCall("POST", endpoint(parser.positionalArguments().first(), QLatin1StringView(Notify::ApiPath::Events)),
                    *credentials, QJsonDocument(body).toJson(QJsonDocument::Compact),
                    [](const QJsonObject &answer) { out() << answer.value(u"id").toString() << '\n'; });
}

int send(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Sends a message to a colleague. Prints its id."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("server"), QStringLiteral("The server's URL."));
    addConnectionOptions(parser);
    parser.addOption({ QStringLiteral("to"), QStringLiteral("The recipient's user name."), QStringLiteral("NAME") });
    parser.addOption({ QStringLiteral("body"), QStringLiteral("The message."), QStringLiteral("TEXT") });
    if (!parser.parse(arguments))
        return usage(parser.errorText(), parser);
    if (parser.isSet(QStringLiteral("help"))) {
        out() << parser.helpText();
        return Done;
    }
    if (parser.positionalArguments().size() != 1 || !parser.isSet(QStringLiteral("to"))
        || !parser.isSet(QStringLiteral("body")))
        return usage(QStringLiteral("send needs a server URL, --to and --body"), parser);
    const QJsonObject body{ { QStringLiteral("to"), parser.value(QStringLiteral("to")) },
                            { QStringLiteral("body"), parser.value(QStringLiteral("body")) } };
    QString error;
    const auto credentials = credentialsFrom(parser, &error);
    if (!credentials)
        return usage(error, parser);
    return restCall("POST",
                    endpoint(parser.positionalArguments().first(), QLatin1StringView(Notify::ApiPath::Messages)),
                    *credentials, QJsonDocument(body).toJson(QJsonDocument::Compact),
                    [](const QJsonObject &answer) { out() << answer.value(u"message_id").toString() << '\n'; });
}

int read(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Marks notifications read."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("server"), QStringLiteral("The server's URL."));
    parser.addPositionalArgument(QStringLiteral("ids"), QStringLiteral("Notification ids."), QStringLiteral("[ID...]"));
    addConnectionOptions(parser);
    parser.addOption({ QStringLiteral("all"), QStringLiteral("Mark all of them read.") });
    if (!parser.parse(arguments))
        return usage(parser.errorText(), parser);
    if (parser.isSet(QStringLiteral("help"))) {
        out() << parser.helpText();
        return Done;
    }
    const QStringList positional = parser.positionalArguments();
    const bool all = parser.isSet(QStringLiteral("all"));
    if (positional.isEmpty() || (all == (positional.size() > 1)))
        return usage(QStringLiteral("read needs a server URL and either --all or notification ids"), parser);
    QString error;
    const auto credentials = credentialsFrom(parser, &error);
    if (!credentials)
        return usage(error, parser);
    if (all)
        return restCall("POST", endpoint(positional.first(), QLatin1StringView(Notify::ApiPath::NotificationsReadAll)),
                        *credentials, {}, [](const QJsonObject &) {});
    for (qsizetype i = 1; i < positional.size(); ++i) {
        const int code
            = restCall("POST", endpoint(positional.first(), Notify::ApiPath::notificationRead(positional.at(i))),
                       *credentials, {}, [](const QJsonObject &) {});
        if (code != Done)
            return code;
    }
    return Done;
}

} // namespace

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
    const bool help = command.isEmpty() || command == u"--help" || command == u"-h" || command == u"help";
    (help ? out() : err()) << "usage: notify-cli <command> [options]   (notify-cli <command> --help for more)\n\n"
                              "  listen <STREAM-URL>   print a stream's events as JSON lines, reconnecting\n"
                              "  publish <SERVER-URL>  publish an event (admin)\n"
                              "  send <SERVER-URL>     send a message to a colleague\n"
                              "  read <SERVER-URL>     mark notifications read\n\n"
                              "exit codes: 0 done, 2 usage, 3 server said stop (204), 4 token refused (401/403),\n"
                              "            5 other failure\n";
    return help ? Done : Usage;
}
