// SPDX-License-Identifier: MIT
#include "cliio.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStringDecoder>

#include <cstdio>

namespace Cli {

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

QString text(const QByteArray &utf8)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::ConvertInitialBom);
    return decoder.decode(utf8);
}

QByteArray jsonString(const QString &text)
{
    const QByteArray array = QJsonDocument(QJsonArray{ text }).toJson(QJsonDocument::Compact);
    return array.mid(1, array.size() - 2);
}

void line(const QList<QPair<const char *, QByteArray>> &fields)
{
    QByteArray json = "{";
    for (const auto &[key, value] : fields) {
        if (json.size() > 1)
            json += ',';
        json += '"' + QByteArray(key) + "\":" + value;
    }
    json += "}\n";
    // As bytes: QTextStream would decode them again.
    out().flush();
    fwrite(json.constData(), 1, size_t(json.size()), stdout);
    fflush(stdout);
}

int usage(const QString &message, const QCommandLineParser &parser)
{
    err() << "notify-cli: " << message << "\n\n" << parser.helpText();
    return Usage;
}

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

} // namespace Cli
