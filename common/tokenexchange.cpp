// SPDX-License-Identifier: MIT
#include "tokenexchange.h"

#include "apipaths.h"
#include "requestbuilder.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace Notify {

TokenExchange::TokenExchange(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_network(network)
{ }

TokenExchange::~TokenExchange()
{
    abort();
}

QUrl TokenExchange::signInUrl(const QUrl &server, Endpoint endpoint)
{
    QUrl url = server;
    QString path = server.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    path += QLatin1StringView(endpoint == Endpoint::Django ? ApiPath::DjangoAuthToken : ApiPath::AuthToken);
    url.setPath(path);
    url.setQuery(QString());
    url.setFragment(QString());
    return url;
}

void TokenExchange::start(const QUrl &server, const QString &user, const QString &password, Endpoint endpoint,
                          const QString &caCertificateFile)
{
    abort();
    m_server = server;
    m_user = user;
    m_password = password;
    m_caFile = caCertificateFile;
    m_requested = endpoint;
    send(endpoint == Endpoint::Django ? Endpoint::Django : Endpoint::Contract);
}

void TokenExchange::abort()
{
    m_password.clear();
    if (QNetworkReply *reply = m_reply.data()) {
        m_reply.clear();
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
}

void TokenExchange::send(Endpoint endpoint)
{
    // No token: this is where one comes from. The CA file still applies.
    const RequestBuilder requests(Credentials{ {}, AuthScheme::Bearer, m_caFile });
    const QNetworkRequest request = requests.buildJson(signInUrl(m_server, endpoint));
    const QJsonObject body{ { QLatin1StringView(endpoint == Endpoint::Django ? "username" : "user"), m_user },
                            { QStringLiteral("password"), m_password } };
    QNetworkReply *reply = m_network->post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
    m_reply = reply;
    connect(reply, &QNetworkReply::finished, this, [this, reply, endpoint] {
        reply->deleteLater();
        if (m_reply != reply)
            return;
        m_reply.clear();
        const HttpAnswer answer = HttpAnswer::read(reply);
        Result result = interpret(answer, endpoint);
        if (result.outcome == Outcome::NotOffered && endpoint == Endpoint::Contract && m_requested == Endpoint::Auto) {
            send(Endpoint::Django);
            return;
        }
        m_password.clear();
        emit finished(result);
    });
}

TokenExchange::Result TokenExchange::interpret(const HttpAnswer &answer, Endpoint endpoint)
{
    Result result;
    result.status = answer.status;
    result.retryAfterMs = answer.retryAfterMs;
    const bool django = endpoint == Endpoint::Django;
    if (answer.ok()) {
        const QJsonValue token = answer.body.value(u"token");
        if (token.isString() && !token.toString().isEmpty()) {
            result.outcome = Outcome::SignedIn;
            result.token = token.toString().toUtf8();
            return result;
        }
        result.message = tr("The server's answer has no token.");
        return result;
    }
    if (answer.status == 401 || (django && answer.status == 400 && answer.body.contains(u"non_field_errors"))) {
        result.outcome = Outcome::Refused;
        result.message = tr("Wrong user name or password.");
        return result;
    }
    if (answer.status == 429 || answer.status == 503) {
        result.outcome = Outcome::TooManyAttempts;
        const qint64 seconds = answer.retryAfterMs > 0 ? (answer.retryAfterMs + 999) / 1000 : 0;
        result.message = seconds > 0 ? tr("Too many attempts. Try again in %n second(s).", nullptr, int(seconds))
                                     : tr("Too many attempts. Try again later.");
        return result;
    }
    if (answer.status == 404 || answer.status == 405) {
        result.outcome = Outcome::NotOffered;
        result.message = tr("This server does not offer signing in with a password.");
        return result;
    }
    result.message = answer.message;
    return result;
}

} // namespace Notify
