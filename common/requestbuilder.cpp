// SPDX-License-Identifier: MIT
#include "requestbuilder.h"

#include <QNetworkProxyFactory>
#include <QNetworkRequest>
#include <QSslConfiguration>
#include <QUrlQuery>

namespace Notify {

namespace {

void useSystemProxy()
{
    // http_proxy and friends, or the desktop's settings; once per process.
    static const bool once = [] {
        QNetworkProxyFactory::setUseSystemConfiguration(true);
        return true;
    }();
    Q_UNUSED(once);
}

} // namespace

RequestBuilder::RequestBuilder()
{
    useSystemProxy();
}

RequestBuilder::RequestBuilder(Credentials credentials)
    : m_credentials(std::move(credentials))
{
    useSystemProxy();
}

QNetworkRequest RequestBuilder::build(QUrl url) const
{
    const QByteArray &token = m_credentials.token;
    if (!token.isEmpty() && m_credentials.scheme == AuthScheme::Query) {
        QUrlQuery query(url);
        query.removeAllQueryItems(QStringLiteral("token"));
        query.addQueryItem(QStringLiteral("token"), QString::fromUtf8(token));
        url.setQuery(query);
    }
    QNetworkRequest request(url);
    if (!token.isEmpty() && m_credentials.scheme == AuthScheme::Bearer)
        request.setRawHeader("Authorization", "Bearer " + token);
    else if (!token.isEmpty() && m_credentials.scheme == AuthScheme::Token)
        request.setRawHeader("Authorization", "Token " + token);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    if (!m_credentials.caCertificateFile.isEmpty()) {
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.addCaCertificates(m_credentials.caCertificateFile);
        request.setSslConfiguration(ssl);
    }
    return request;
}

QNetworkRequest RequestBuilder::buildJson(const QUrl &url) const
{
    QNetworkRequest request = build(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    return request;
}

QString RequestBuilder::schemeName(AuthScheme scheme)
{
    switch (scheme) {
    case AuthScheme::Bearer:
        return QStringLiteral("bearer");
    case AuthScheme::Token:
        return QStringLiteral("token");
    case AuthScheme::Query:
        return QStringLiteral("query");
    }
    return {};
}

std::optional<AuthScheme> RequestBuilder::schemeFromName(QStringView name)
{
    for (const AuthScheme scheme : { AuthScheme::Bearer, AuthScheme::Token, AuthScheme::Query }) {
        if (name.compare(schemeName(scheme), Qt::CaseInsensitive) == 0)
            return scheme;
    }
    return std::nullopt;
}

QString RequestBuilder::challengeHint(const QByteArray &wwwAuthenticate, AuthScheme sent)
{
    // `WWW-Authenticate: Token realm="api"` names the scheme first (RFC 9110, 11.6.1).
    const QByteArray asked = wwwAuthenticate.trimmed().split(' ').value(0).split(',').value(0).trimmed();
    if (asked.isEmpty())
        return {};
    const bool matches = (sent == AuthScheme::Bearer && asked.compare("Bearer", Qt::CaseInsensitive) == 0)
        || (sent == AuthScheme::Token && asked.compare("Token", Qt::CaseInsensitive) == 0);
    if (matches)
        return {};
    if (sent == AuthScheme::Query && asked.compare("Bearer", Qt::CaseInsensitive) == 0)
        return {}; // a notify server answers Bearer but takes ?token= too
    return QStringLiteral("the server asks for %1 authentication").arg(QString::fromLatin1(asked));
}

} // namespace Notify
