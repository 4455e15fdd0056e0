// SPDX-License-Identifier: MIT
#pragma once

#include "httpanswer.h"

#include <QObject>
#include <QPointer>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;

namespace Notify {

/// Signs in with a user name and password and gets the user's token back
/// (docs/PROTOCOL.md, "Signing in with a password"): the server's
/// `POST /api/v1/auth/token/` or Django REST framework's
/// `POST /api-token-auth/` (`obtain_auth_token`). The password is sent once,
/// over the connection the caller chose, and kept nowhere.
class TokenExchange final : public QObject
{
    Q_OBJECT

public:
    enum class Endpoint {
        Auto, ///< the server's endpoint, and Django REST framework's when the server has none
        Contract, ///< `POST /api/v1/auth/token/` `{"user","password"}`
        Django, ///< `POST /api-token-auth/` `{"username","password"}`
    };

    enum class Outcome {
        SignedIn,
        Refused, ///< a wrong user name or password (401, or Django's 400)
        TooManyAttempts, ///< 429 (or 503): retryAfterMs says when to try again
        NotOffered, ///< the server has neither endpoint
        Failed, ///< no answer, or one that is not a token
    };

    struct Result
    {
        Outcome outcome = Outcome::Failed;
        QByteArray token; ///< with SignedIn
        QString message; ///< why not, for people (the server's words where it has some)
        qint64 retryAfterMs = -1;
        int status = 0;
    };

    /// On @p network (not owned); @p caCertificateFile trusts a private CA as every other request does.
    explicit TokenExchange(QNetworkAccessManager *network, QObject *parent = nullptr);
    ~TokenExchange() override;
    Q_DISABLE_COPY_MOVE(TokenExchange)

    /// Starts a sign-in at @p server (its path, if any, is the API's root); a running one is abandoned.
    void start(const QUrl &server, const QString &user, const QString &password, Endpoint endpoint = Endpoint::Auto,
               const QString &caCertificateFile = {});
    void abort();
    [[nodiscard]] bool running() const { return !m_reply.isNull(); }

    /// The URL of @p endpoint's sign-in at @p server (`<url>/api-token-auth/`).
    [[nodiscard]] static QUrl signInUrl(const QUrl &server, Endpoint endpoint);
    /// What @p answer to a sign-in at @p endpoint means.
    [[nodiscard]] static Result interpret(const HttpAnswer &answer, Endpoint endpoint);

signals:
    void finished(const Notify::TokenExchange::Result &result);

private:
    void send(Endpoint endpoint);

    QNetworkAccessManager *m_network;
    QPointer<QNetworkReply> m_reply;
    QUrl m_server;
    QString m_user;
    QString m_password; ///< only while the exchange runs
    QString m_caFile;
    Endpoint m_requested = Endpoint::Auto;
};

} // namespace Notify
