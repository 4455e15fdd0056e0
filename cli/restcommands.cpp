// SPDX-License-Identifier: MIT
// notify-cli publish, send, read and unread: one REST call each (two or more for
// read with several ids), the answer printed, the status mapped to an exit code.

#include "restcommands.h"

#include "apipaths.h"
#include "cliio.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>

#include <functional>

namespace Cli {

// One REST call; prints the answer's JSON (or nothing for 204) and maps the status to an exit code.
static int restCall(const QByteArray &method, const QUrl &url, const Notify::Credentials &credentials,
                    const QByteArray &body, const std::function<void(const QJsonObject &)> &onSuccess)
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

static QUrl endpoint(const QString &server, const QString &path)
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

namespace {

/// `read` and `unread`: one POST per id (`read --all`: one for all).
int readState(const QStringList &arguments, bool read)
{
    const QString command = read ? QStringLiteral("read") : QStringLiteral("unread");
    QCommandLineParser parser;
    parser.setApplicationDescription(read ? QStringLiteral("Marks notifications read.")
                                          : QStringLiteral("Marks notifications unread again."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("server"), QStringLiteral("The server's URL."));
    parser.addPositionalArgument(QStringLiteral("ids"), QStringLiteral("Notification ids."), QStringLiteral("[ID...]"));
    addConnectionOptions(parser);
    if (read)
        parser.addOption({ QStringLiteral("all"), QStringLiteral("Mark all of them read.") });
    if (!parser.parse(arguments))
        return usage(parser.errorText(), parser);
    if (parser.isSet(QStringLiteral("help"))) {
        out() << parser.helpText();
        return Done;
    }
    const QStringList positional = parser.positionalArguments();
    const bool all = read && parser.isSet(QStringLiteral("all"));
    if (positional.isEmpty() || (all == (positional.size() > 1)))
        return usage(read ? QStringLiteral("read needs a server URL and either --all or notification ids")
                          : QStringLiteral("unread needs a server URL and notification ids"),
                     parser);
    QString error;
    const auto credentials = credentialsFrom(parser, &error);
    if (!credentials)
        return usage(error, parser);
    if (all)
        return restCall("POST", endpoint(positional.first(), QLatin1StringView(Notify::ApiPath::NotificationsReadAll)),
                        *credentials, {}, [](const QJsonObject &) {});
    for (qsizetype i = 1; i < positional.size(); ++i) {
        const QString path = read ? Notify::ApiPath::notificationRead(positional.at(i))
                                  : Notify::ApiPath::notificationUnread(positional.at(i));
        const int code
            = restCall("POST", endpoint(positional.first(), path), *credentials, {}, [](const QJsonObject &) {});
        if (code != Done)
            return code;
    }
    return Done;
}

} // namespace

int read(const QStringList &arguments)
{
    return readState(arguments, true);
}

int unread(const QStringList &arguments)
{
    return readState(arguments, false);
}

} // namespace Cli
