// SPDX-License-Identifier: MIT
// notify-cli publish, send, read and unread: one REST call each (two or more for
// read with several ids, one per 1000 events for publish --batch), the answer
// printed, the status mapped to an exit code.

#include "restcommands.h"

#include "cliio.h"
#include "common/apipaths.h"
#include "common/httpanswer.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>

#include <functional>
#include <optional>

namespace Cli {

namespace {

/// What a REST call got back.
using Answer = Notify::HttpAnswer;

Answer call(QNetworkAccessManager &network, const QByteArray &method, const QUrl &url,
            const Notify::Credentials &credentials, const QByteArray &body)
{
    QNetworkReply *reply = network.sendCustomRequest(Notify::RequestBuilder(credentials).buildJson(url), method, body);
    QObject::connect(reply, &QNetworkReply::finished, &network, [] { QCoreApplication::exit(0); });
    QCoreApplication::exec();
    Answer answer = Answer::read(reply);
    reply->deleteLater();
    return answer;
}

/// Prints a failed call's error line, the server's message after @p context, and returns the exit code.
int reportFailure(const Answer &answer, const Notify::Credentials &credentials, const QString &context = {})
{
    QString message = context + answer.detail();
    if (const QString hint = answer.authHint(credentials.scheme); !hint.isEmpty())
        message = hint + QStringLiteral(" (") + message + u')';
    err() << "notify-cli: " << (answer.status ? QStringLiteral("HTTP %1: ").arg(answer.status) : QString()) << message
          << '\n';
    return (answer.status == 401 || answer.status == 403) ? AuthRefused : Failure;
}

} // namespace

// One REST call; prints the answer's JSON (or nothing for 204) and maps the status to an exit code.
static int restCall(const QByteArray &method, const QUrl &url, const Notify::Credentials &credentials,
                    const QByteArray &body, const std::function<void(const QJsonObject &)> &onSuccess)
{
    QNetworkAccessManager network;
    const Answer answer = call(network, method, url, credentials, body);
    if (!answer.ok())
        return reportFailure(answer, credentials);
    onSuccess(answer.body);
    return Done;
}

static QUrl endpoint(const QString &server, const QString &path)
{
    // Any URL of the server will do: only scheme, host and port are kept.
    return QUrl(server).resolved(QUrl(path));
}

namespace {

// What one `POST /api/v1/events/` in the batch form may carry: the server's
// limits on the number of events and on a request body.
constexpr qsizetype MaxBatchEvents = 1'000;
constexpr qsizetype MaxBatchBytes = qsizetype(1024) * 1024;

/// The events of a --batch input, as their JSON text, and the line each is on.
struct BatchInput
{
    QByteArrayList events;
    QList<qsizetype> lines;
};

/// Reads FILE (or standard input for "-"): one JSON object per line, blank
/// lines skipped. Nothing, with @p error naming the line, for a line that is
/// not a JSON object.
std::optional<BatchInput> readBatch(const QString &name, QString *error)
{
    QFile file(name);
    const bool opened = name == u"-" ? file.open(stdin, QIODevice::ReadOnly) : file.open(QIODevice::ReadOnly);
    if (!opened) {
        *error = QStringLiteral("cannot read %1: %2").arg(name, file.errorString());
        return std::nullopt;
    }
    const QByteArrayList lines = file.readAll().split('\n');
    BatchInput input;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        QByteArray line = lines.at(i).trimmed();
        if (i == 0 && line.startsWith("\xEF\xBB\xBF"))
            line = line.sliced(3).trimmed();
        if (line.isEmpty())
            continue;
        QJsonParseError parseError;
        const QJsonDocument event = QJsonDocument::fromJson(line, &parseError);
        if (parseError.error != QJsonParseError::NoError) {
            *error = QStringLiteral("line %1: not a JSON object: %2 at column %3")
                         .arg(i + 1)
                         .arg(parseError.errorString())
                         .arg(parseError.offset + 1);
            return std::nullopt;
        }
        if (!event.isObject()) {
            *error = QStringLiteral("line %1: not a JSON object").arg(i + 1);
            return std::nullopt;
        }
        // Sent as written: the server reads it exactly as it was checked here.
        input.events << line;
        input.lines << i + 1;
    }
    return input;
}

/// publish --batch: the events in chunks, one request at a time, each
/// chunk's ids printed (and flushed) once the server has stored it.
int publishBatch(const QUrl &url, const Notify::Credentials &credentials, const BatchInput &input)
{
    const qsizetype total = input.events.size();
    QNetworkAccessManager network;
    qsizetype published = 0;
    while (published < total) {
        QByteArray body = "{\"events\":[";
        qsizetype end = published;
        while (end < total && end - published < MaxBatchEvents) {
            const QByteArray &event = input.events.at(end);
            if (end > published) {
                if (body.size() + 1 + event.size() + 2 > MaxBatchBytes)
                    break;
                body += ',';
            }
            body += event;
            ++end;
        }
        body += "]}";
        const Answer answer = call(network, "POST", url, credentials, body);
        const QJsonArray ids = answer.body.value(u"ids").toArray();
        int code = Done;
        if (!answer.ok()) {
            // The server names the item of the chunk; the user wants the line of the input.
            QString context;
            const QJsonValue index = answer.body.value(u"index");
            if (answer.status == 422 && index.isDouble() && index.toInteger(-1) >= 0
                && index.toInteger() < end - published)
                context = QStringLiteral("line %1: ").arg(input.lines.at(published + index.toInteger()));
            else if (answer.status == 413 && end - published == 1)
                context = QStringLiteral("line %1: ").arg(input.lines.at(published));
            code = reportFailure(answer, credentials, context);
        } else if (ids.size() != end - published) {
            err() << "notify-cli: the server answered " << ids.size() << " ids for " << end - published
                  << " events (lines " << input.lines.at(published) << '-' << input.lines.at(end - 1) << ")\n";
            code = Failure;
        }
        if (code != Done) {
            err() << "notify-cli: " << published << " of " << total << " events published before the failure";
            if (published > 0)
                err() << " (through line " << input.lines.at(published - 1) << ", their ids on stdout)";
            err() << '\n';
            return code;
        }
        for (const auto &id : ids)
            out() << id.toString() << '\n';
        out().flush();
        published = end;
    }
    return Done;
}

} // namespace

int publish(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Publishes an event (admin token). Prints its id.\n"
                       "With --batch, publishes the events of FILE, one JSON object per line in the form\n"
                       "{\"event\":\"TYPE\",\"user\":\"NAME\",\"data\":{…}} (\"user\" optional; blank lines skipped),\n"
                       "in requests of up to 1000 events, and prints their ids, one a line, in order, as\n"
                       "each request is stored. A line that is not a JSON object stops it before anything\n"
                       "is sent; an event the server refuses stops it there, naming its line (the events\n"
                       "of earlier requests stay published, their ids printed)."));
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
    parser.addOption({ QStringLiteral("batch"),
                       QStringLiteral("Publish the events of FILE (- for standard input), one JSON object a line; "
                                      "not with --event, --user or --data."),
                       QStringLiteral("FILE|-") });
    if (!parser.parse(arguments))
        return usage(parser.errorText(), parser);
    if (parser.isSet(QStringLiteral("help"))) {
        out() << parser.helpText();
        return Done;
    }
    const bool batch = parser.isSet(QStringLiteral("batch"));
    if (batch
        && (parser.isSet(QStringLiteral("event")) || parser.isSet(QStringLiteral("user"))
            || parser.isSet(QStringLiteral("data"))))
        return usage(QStringLiteral("--batch takes the events from its file: not with --event, --user or --data"),
                     parser);
    if (parser.positionalArguments().size() != 1 || (!batch && !parser.isSet(QStringLiteral("event"))))
        return usage(QStringLiteral("publish needs a server URL and --event (or --batch)"), parser);
    const QUrl url = endpoint(parser.positionalArguments().first(), QLatin1StringView(Notify::ApiPath::Events));
    QString error;
    if (batch) {
        const auto credentials = credentialsFrom(parser, &error);
        if (!credentials)
            return usage(error, parser);
        const auto input = readBatch(parser.value(QStringLiteral("batch")), &error);
        if (!input) {
            // The input's fault, as a bad --data is; the help would not say which line.
            err() << "notify-cli: " << error << '\n';
            return Usage;
        }
        return publishBatch(url, *credentials, *input);
    }
    QJsonParseError parseError;
    const QJsonDocument data = QJsonDocument::fromJson(parser.value(QStringLiteral("data")).toUtf8(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !data.isObject())
        return usage(QStringLiteral("--data must be a JSON object"), parser);
    QJsonObject body{ { QStringLiteral("event"), parser.value(QStringLiteral("event")) },
                      { QStringLiteral("data"), data.object() } };
    if (parser.isSet(QStringLiteral("user")))
        body.insert(QStringLiteral("user"), parser.value(QStringLiteral("user")));
    const auto credentials = credentialsFrom(parser, &error);
    if (!credentials)
        return usage(error, parser);
    return restCall("POST", url, *credentials, QJsonDocument(body).toJson(QJsonDocument::Compact),
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

int claimState(const QStringList &arguments, bool claim)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(claim ? QStringLiteral("Takes a notification on for your team (a claim).")
                                           : QStringLiteral("Gives a claimed notification back."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("server"), QStringLiteral("The server's URL."));
    parser.addPositionalArgument(QStringLiteral("id"), QStringLiteral("The notification's id."));
    addConnectionOptions(parser);
    if (!parser.parse(arguments))
        return usage(parser.errorText(), parser);
    if (parser.isSet(QStringLiteral("help"))) {
        out() << parser.helpText();
        return Done;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 2)
        return usage(QStringLiteral("%1 needs a server URL and one notification id")
                         .arg(claim ? QStringLiteral("claim") : QStringLiteral("unclaim")),
                     parser);
    QString error;
    const auto credentials = credentialsFrom(parser, &error);
    if (!credentials)
        return usage(error, parser);
    QNetworkAccessManager network;
    const QUrl url = endpoint(positional.first(), Notify::ApiPath::notificationClaim(positional.at(1)));
    const Answer answer = call(network, claim ? "POST" : "DELETE", url, *credentials, {});
    if (answer.status == 409) {
        // Someone was first: say who, so that a script (or a person) knows whom to ask.
        err() << "notify-cli: HTTP 409: " << answer.body.value(u"claimed_by").toString() << " already handles "
              << positional.at(1) << " (since " << answer.body.value(u"claimed_at").toString() << ")\n";
        return Failure;
    }
    if (answer.status == 403) {
        // The token is fine: the claim is someone else's to give back.
        err() << "notify-cli: HTTP 403: " << answer.detail() << '\n';
        return Failure;
    }
    if (!answer.ok())
        return reportFailure(answer, *credentials);
    if (claim)
        out() << QJsonDocument(answer.body).toJson(QJsonDocument::Compact) << '\n';
    return Done;
}

} // namespace

int claim(const QStringList &arguments)
{
    return claimState(arguments, true);
}

int unclaim(const QStringList &arguments)
{
    return claimState(arguments, false);
}

int read(const QStringList &arguments)
{
    return readState(arguments, true);
}

int unread(const QStringList &arguments)
{
    return readState(arguments, false);
}

} // namespace Cli
