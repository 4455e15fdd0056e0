// SPDX-License-Identifier: MIT
#include "restclient.h"

#include "retryafter.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>

RestClient::RestClient(QObject *parent)
    : QObject(parent)
    , m_network(new QNetworkAccessManager(this))
{ }

void RestClient::get(const QString &path, Callback callback)
{
    send("GET", path, {}, std::move(callback));
}

void RestClient::post(const QString &path, const QJsonObject &body, Callback callback)
{
    send("POST", path, QJsonDocument(body).toJson(QJsonDocument::Compact), std::move(callback));
}

void RestClient::put(const QString &path, const QJsonObject &body, Callback callback)
{
    send("PUT", path, QJsonDocument(body).toJson(QJsonDocument::Compact), std::move(callback));
}

RestClient::Answer RestClient::answerOf(int status, const QByteArray &body, const QString &networkError,
                                        const QByteArray &retryAfter)
{
    Answer answer;
    answer.status = status;
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    answer.json = error.error == QJsonParseError::NoError && document.isObject();
    answer.body = document.object();
    // Our API says `message`, Django REST framework `detail`; `error` is a code, the last resort.
    for (const char *field : { "message", "detail", "error" }) {
        const QString text = answer.body.value(QLatin1StringView(field)).toString();
        if (!text.isEmpty()) {
            answer.message = text;
            break;
        }
    }
    if (answer.message.isEmpty())
        answer.message = status == 0 ? networkError : QStringLiteral("HTTP %1").arg(status);
    answer.retryAfterMs = Notify::retryAfterMs(retryAfter);
    return answer;
}

void RestClient::send(const QByteArray &method, const QString &path, const QByteArray &body, Callback callback)
{
    const QUrl url = m_server.resolved(QUrl(path));
    const QNetworkRequest request = body.isNull() ? m_requests.build(url) : m_requests.buildJson(url);
    QNetworkReply *reply = m_network->sendCustomRequest(request, method, body);
    connect(reply, &QNetworkReply::finished, this, [reply, callback = std::move(callback)] {
        reply->deleteLater();
        if (!callback)
            return;
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        callback(answerOf(status, reply->readAll(), reply->errorString(), reply->rawHeader("Retry-After")));
    });
}
