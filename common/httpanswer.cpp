// SPDX-License-Identifier: MIT
#include "httpanswer.h"

#include "retryafter.h"

#include <QJsonDocument>
#include <QNetworkReply>

namespace Notify {

HttpAnswer HttpAnswer::of(int status, const QByteArray &body, const QString &networkError, const QByteArray &retryAfter,
                          const QByteArray &challenge)
{
    HttpAnswer answer;
    answer.status = status;
    answer.raw = body;
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    answer.json = error.error == QJsonParseError::NoError && document.isObject();
    answer.body = document.object();
    // Our API says `message`, Django REST framework `detail`; `error` is a code, the last resort.
    for (const char *field : { "message", "detail", "error" }) {
        const QString text = answer.body.value(QLatin1StringView(field)).toString();
        if (!text.isEmpty()) {
            answer.serverMessage = text;
            break;
        }
    }
    answer.networkError = networkError;
    answer.message = !answer.serverMessage.isEmpty() ? answer.serverMessage
        : status == 0                                ? networkError
                                                     : QStringLiteral("HTTP %1").arg(status);
    answer.retryAfterMs = Notify::retryAfterMs(retryAfter);
    answer.challenge = challenge;
    return answer;
}

HttpAnswer HttpAnswer::read(QNetworkReply *reply)
{
    return of(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll(),
              reply->errorString(), reply->rawHeader("Retry-After"), reply->rawHeader("WWW-Authenticate"));
}

QString HttpAnswer::authHint(AuthScheme sent) const
{
    return status == 401 ? RequestBuilder::challengeHint(challenge, sent) : QString();
}

QString HttpAnswer::explained(AuthScheme sent) const
{
    const QString hint = authHint(sent);
    return hint.isEmpty() ? message : hint + QStringLiteral(" (") + message + u')';
}

bool HttpAnswer::isEventStream(const QByteArray &contentType)
{
    const qsizetype semicolon = contentType.indexOf(';');
    return (semicolon < 0 ? contentType : contentType.left(semicolon)).trimmed().toLower() == "text/event-stream";
}

} // namespace Notify
