// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonObject>
#include <QObject>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;

/// The REST side of the notify API, for the app: snapshots and actions.
/// Calls are asynchronous; the callback gets the HTTP status (0 when the
/// server could not be reached) and the JSON body.
class RestClient final : public QObject
{
    Q_OBJECT

public:
    using Callback = std::function<void(int status, const QJsonObject &body)>;

    explicit RestClient(QObject *parent = nullptr);

    void setServer(const QUrl &anyUrlOfTheServer) { m_server = anyUrlOfTheServer; }
    void setToken(const QByteArray &token) { m_token = token; }
    void setCaCertificateFile(const QString &path) { m_caFile = path; }

    void get(const QString &path, Callback callback);
    void post(const QString &path, const QJsonObject &body, Callback callback = {});
    void put(const QString &path, const QJsonObject &body, Callback callback = {});

private:
    void send(const QByteArray &method, const QString &path, const QByteArray &body, Callback callback);

    QNetworkAccessManager *m_network;
    QUrl m_server;
    QByteArray m_token;
    QString m_caFile;
};
