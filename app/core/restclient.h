// SPDX-License-Identifier: MIT
#pragma once

#include "requestbuilder.h"

#include <QJsonObject>
#include <QObject>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;

/// The REST side of the notify API, for the app: snapshots and actions.
/// Calls are asynchronous; the callback gets the Answer.
class RestClient final : public QObject
{
    Q_OBJECT

public:
    /// A REST answer, read once for everyone who asks.
    struct Answer
    {
        int status = 0; ///< the HTTP status; 0 when the server could not be reached
        QJsonObject body;
        bool json = false; ///< the body was a JSON object
        /// Why it failed, for people: the server's own words (`message`,
        /// Django's `detail`, `error`), else the network's, else "HTTP 404".
        QString message;
        qint64 retryAfterMs = -1; ///< `Retry-After` in ms; -1 when absent

        [[nodiscard]] bool ok() const { return status >= 200 && status < 300; }
        /// Worth trying again later: no answer, a timeout, too many requests, a server error.
        [[nodiscard]] bool retryable() const { return status == 0 || status == 408 || status == 429 || status >= 500; }
        /// The server has no such endpoint (rather than no such item): `405`,
        /// or a `404` that is not the API's JSON error (a web server's page).
        [[nodiscard]] bool endpointMissing() const { return status == 405 || (status == 404 && !json); }
    };
    using Callback = std::function<void(const Answer &answer)>;

    explicit RestClient(QObject *parent = nullptr);

    void setServer(const QUrl &anyUrlOfTheServer) { m_server = anyUrlOfTheServer; }
    [[nodiscard]] QUrl server() const { return m_server; }
    void setCredentials(const Notify::Credentials &credentials) { m_requests.setCredentials(credentials); }

    void get(const QString &path, Callback callback);
    void post(const QString &path, const QJsonObject &body, Callback callback = {});
    void put(const QString &path, const QJsonObject &body, Callback callback = {});

    /// Reads a finished reply (also for replies made elsewhere).
    [[nodiscard]] static Answer answerOf(int status, const QByteArray &body, const QString &networkError,
                                         const QByteArray &retryAfter);

private:
    void send(const QByteArray &method, const QString &path, const QByteArray &body, Callback callback);

    QNetworkAccessManager *m_network;
    QUrl m_server;
    Notify::RequestBuilder m_requests;
};
