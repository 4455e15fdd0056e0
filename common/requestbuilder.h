// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QString>
#include <QUrl>

#include <optional>

class QNetworkRequest;

namespace Notify {

/// How the token travels (docs/PROTOCOL.md, "Authentication"; docs/BACKENDS.md).
enum class AuthScheme {
    Bearer, ///< `Authorization: Bearer T` (the contract's default)
    Token, ///< `Authorization: Token T` (Django REST framework's TokenAuthentication)
    Query, ///< `?token=T` (what browsers' EventSource can do)
};

/// What a client needs to be let in.
struct Credentials
{
    QByteArray token;
    AuthScheme scheme = AuthScheme::Bearer;
    QString caCertificateFile; ///< an extra CA for a private server (never "skip verification")
};

/// Builds every request a client sends to a server: the stream, polls, and
/// REST calls of the tray and notify-cli. One place puts the token where the
/// scheme says, adds the extra CA certificate, follows only redirects that
/// are not less safe, bypasses caches, and uses the system's proxy settings.
class RequestBuilder final
{
public:
    RequestBuilder();
    explicit RequestBuilder(Credentials credentials);

    [[nodiscard]] const Credentials &credentials() const { return m_credentials; }
    void setCredentials(const Credentials &credentials) { m_credentials = credentials; }
    void setToken(const QByteArray &token) { m_credentials.token = token; }

    /// A request for @p url, authorised.
    [[nodiscard]] QNetworkRequest build(QUrl url) const;
    /// The same, for a JSON body.
    [[nodiscard]] QNetworkRequest buildJson(const QUrl &url) const;

    [[nodiscard]] static QString schemeName(AuthScheme scheme);
    /// "bearer", "token" or "query" (any case).
    [[nodiscard]] static std::optional<AuthScheme> schemeFromName(QStringView name);
    /// For a 401: what the server asks for when it is not what was sent, as
    /// a sentence ("the server asks for Token authentication"); else empty.
    [[nodiscard]] static QString challengeHint(const QByteArray &wwwAuthenticate, AuthScheme sent);

private:
    Credentials m_credentials;
};

} // namespace Notify
