// SPDX-License-Identifier: MIT
#include "listencommand.h"

#include "cliio.h"
#include "common/apipaths.h"
#include "common/eventfeed.h"
#include "common/eventspoller.h"
#include "common/notificationspoller.h"
#include "common/pollingchain.h"
#include "common/sseclient.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QJsonDocument>

namespace Cli {

namespace {

QString now()
{
    return QDateTime::currentDateTime().toString(u"HH:mm:ss");
}

void printRaw(const Notify::SseEvent &event, bool pretty)
{
    if (pretty) {
        out() << now() << "  " << text(event.type) << "  " << text(event.id) << "\n    " << text(event.data) << '\n';
        out().flush();
        return;
    }
    line({ { "type", jsonString(QStringLiteral("event")) },
           { "id", jsonString(text(event.id)) },
           { "event", jsonString(text(event.type)) },
           { "data", jsonString(text(event.data)) } });
}

void printInterpreted(const Notify::InterpretedEvent &event, bool pretty)
{
    const QByteArray data = QJsonDocument(event.data()).toJson(QJsonDocument::Compact);
    const QString source = Notify::InterpretedEvent::sourceName(event.source);
    if (pretty) {
        out() << now() << "  " << event.type() << "  " << text(event.id) << "  (" << source << ")\n    " << text(data)
              << '\n';
        if (!event.note.isEmpty())
            out() << "    note: " << event.note << '\n';
        out().flush();
        return;
    }
    QList<QPair<const char *, QByteArray>> fields{ { "type", jsonString(QStringLiteral("event")) },
                                                   { "id", jsonString(text(event.id)) },
                                                   { "event", jsonString(QString::fromLatin1(event.type())) },
                                                   { "data", data },
                                                   { "source", jsonString(source) } };
    if (!event.note.isEmpty())
        fields.append({ "note", jsonString(event.note) });
    line(fields);
}

} // namespace

int listen(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Prints a stream's events, one JSON object per line:\n"
                       "  {\"type\":\"open\"}\n"
                       "  {\"type\":\"event\",\"id\":\"…\",\"event\":\"…\",\"data\":\"…\"}\n"
                       "  {\"type\":\"error\",\"status\":N,\"message\":\"…\"}\n"
                       "Reconnects by itself (honouring retry:, sending Last-Event-ID).\n"
                       "With --interpret, events are read as the contract's typed events whatever the backend\n"
                       "sends (docs/BACKENDS.md): \"event\" is the contract type, \"data\" the normalized object,\n"
                       "plus \"source\" (stream, catch-up, poll) and, for a generic fallback, \"note\"."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("url"), QStringLiteral("The full stream URL."));
    addConnectionOptions(parser);
    parser.addOption(
        { QStringLiteral("last-event-id"), QStringLiteral("Resume after this id."), QStringLiteral("ID") });
    parser.addOption({ QStringLiteral("max-events"), QStringLiteral("Exit 0 after N events."), QStringLiteral("N") });
    parser.addOption({ QStringLiteral("read-timeout"),
                       QStringLiteral("Seconds without a byte before reconnecting (65)."), QStringLiteral("S") });
    parser.addOption({ QStringLiteral("pretty"), QStringLiteral("Lines for people instead of JSON.") });
    parser.addOption({ QStringLiteral("interpret"), QStringLiteral("Print interpreted events (docs/BACKENDS.md).") });
    parser.addOption({ QStringLiteral("mapping"),
                       QStringLiteral("A mapping file that extends the interpreter's names (with --interpret)."),
                       QStringLiteral("FILE") });
    parser.addOption({ QStringLiteral("notifications-url"),
                       QStringLiteral("The notifications list to catch up from after a reconnect and to poll where "
                                      "streams fail (with --interpret; default: the server's /api/v1/notifications/)."),
                       QStringLiteral("URL") });
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
    const bool interpret = parser.isSet(QStringLiteral("interpret"));
    if (!interpret && (parser.isSet(QStringLiteral("mapping")) || parser.isSet(QStringLiteral("notifications-url"))))
        return usage(QStringLiteral("--mapping and --notifications-url go with --interpret"), parser);
    QString error;
    const auto credentials = credentialsFrom(parser, &error);
    if (!credentials)
        return usage(error, parser);
    Notify::InterpreterMapping mapping = Notify::InterpreterMapping::builtIn();
    if (parser.isSet(QStringLiteral("mapping")) && !mapping.load(parser.value(QStringLiteral("mapping")), &error))
        return usage(error, parser);
    const QUrl listUrl = parser.isSet(QStringLiteral("notifications-url"))
        ? url.resolved(QUrl(parser.value(QStringLiteral("notifications-url"))))
        : url.resolved(QUrl(QLatin1StringView(Notify::ApiPath::Notifications)));

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
    const auto counted = [&] {
        if (maxEvents > 0 && ++received >= maxEvents) {
            client.stop();
            QCoreApplication::exit(Done);
        }
    };
    Notify::EventFeed feed(&client);
    if (interpret) {
        // Interpreting, polling is fine: the output says where each event came from.
        auto *polling = new Notify::PollingChain;
        polling->append(new Notify::EventsPoller);
        polling->append(new Notify::NotificationsPoller(listUrl.toString()));
        client.setPollingFallback(polling);
        feed.setInterpreter(Notify::EventInterpreter(mapping));
        feed.setCatchUp(listUrl, false);
        QObject::connect(&feed, &Notify::EventFeed::eventReady, &feed, [&](const Notify::InterpretedEvent &event) {
            printInterpreted(event, pretty);
            counted();
        });
        QObject::connect(&feed, &Notify::EventFeed::logged, &feed, [pretty](const QString &message) {
            if (pretty) {
                err() << now() << "  " << message << '\n';
                err().flush();
            }
        });
    } else {
        // No polling fallback: a script wants the stream's own answers.
        QObject::connect(&client, &Notify::SseClient::eventReceived, &client, [&](const Notify::SseEvent &event) {
            printRaw(event, pretty);
            counted();
        });
    }
    QObject::connect(&client, &Notify::SseClient::opened, &client, [pretty] {
        if (pretty) {
            out() << now() << "  stream open\n";
            out().flush();
        } else {
            line({ { "type", jsonString(QStringLiteral("open")) } });
        }
    });
    QObject::connect(&client, &Notify::SseClient::errorOccurred, &client, [pretty](int status, const QString &message) {
        if (pretty) {
            err() << now() << "  " << (status ? QStringLiteral("HTTP %1: ").arg(status) : QString()) << message << '\n';
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

} // namespace Cli
