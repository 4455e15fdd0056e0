// SPDX-License-Identifier: MIT
#include "restclient.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>

namespace Notify::Tray {

RestClient::RestClient(QObject *parent)
    : RestClient(nullptr, parent)
{ }

RestClient::RestClient(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_network(network ? network : new QNetworkAccessManager(this))
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

void RestClient::send(const QByteArray &method, const QString &path, const QByteArray &body, Callback callback)
{
    const QUrl url = m_server.resolved(QUrl(path));
    const QNetworkRequest request = body.isNull() ? m_requests.build(url) : m_requests.buildJson(url);
    QNetworkReply *reply = m_network->sendCustomRequest(request, method, body);
    connect(reply, &QNetworkReply::finished, this, [reply, callback = std::move(callback)] {
        reply->deleteLater();
        if (!callback)
            return;
        callback(Notify::HttpAnswer::read(reply));
    });
}

} // namespace Notify::Tray
