// SPDX-License-Identifier: MIT
// RequestBuilder: where each scheme puts the token (in the request and on the
// wire), what happens to a query already there, the redirect and cache
// policies, the system proxy, the extra CA file against a TLS server of the
// test's own (self-signed, made with openssl), and the hint for a 401.

#include "common/requestbuilder.h"
#include "scriptedhttpserver.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkProxyFactory>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcess>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

#include <memory>

using Notify::AuthScheme;
using Notify::Credentials;
using Notify::RequestBuilder;

Q_DECLARE_METATYPE(Notify::AuthScheme)
Q_DECLARE_METATYPE(std::optional<Notify::AuthScheme>)

namespace {

/// Answers every request with the bytes @c answer returns for its head, then
/// closes; keeps the heads. Plain TCP, or TLS with a certificate and key.
class RecordingServer final : public ScriptedHttpServer
{
public:
    std::function<QByteArray(const QByteArray &head)> answer = [](const QByteArray &) {
        return QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok");
    };
    QByteArrayList requests; ///< heads, and the body after a blank line when there is one

    RecordingServer() = default;
    RecordingServer(const QSslCertificate &certificate, const QSslKey &key)
        : ScriptedHttpServer(tlsServer(certificate, key))
    { }

    [[nodiscard]] QUrl url(const QString &scheme, const QString &pathAndQuery) const
    {
        return ScriptedHttpServer::url(pathAndQuery, scheme);
    }
    [[nodiscard]] QByteArray header(qsizetype request, const QByteArray &name) const
    {
        const QByteArray head = requests.value(request);
        return headerOf(head.left(head.indexOf("\r\n\r\n")), name);
    }

private:
    static std::unique_ptr<QTcpServer> tlsServer(const QSslCertificate &certificate, const QSslKey &key)
    {
        auto server = std::make_unique<QSslServer>();
        QSslConfiguration config = QSslConfiguration::defaultConfiguration();
        config.setLocalCertificate(certificate);
        config.setPrivateKey(key);
        config.setPeerVerifyMode(QSslSocket::VerifyNone);
        server->setSslConfiguration(config);
        server->setHandshakeTimeout(10000);
        return server;
    }
    void respond(QTcpSocket *socket, const QByteArray &head, const QByteArray &body) override
    {
        requests << head + "\r\n\r\n" + body;
        QByteArray response = answer(head);
        response.replace("$PORT", QByteArray::number(port()));
        // Every answer says "Connection: close": the client closes. (A TLS
        // socket closed here at once could lose the answer.)
        socket->write(response);
    }
};

/// GETs (or POSTs @p body) and waits for the reply to finish.
std::unique_ptr<QNetworkReply> send(QNetworkAccessManager &network, const QNetworkRequest &request,
                                    const QByteArray &body = {}, bool post = false)
{
    std::unique_ptr<QNetworkReply> reply(post ? network.post(request, body) : network.get(request));
    if (!QTest::qWaitFor([&] { return reply->isFinished(); }, 20000))
        qWarning() << "no reply for" << request.url();
    return reply;
}

/// A throwaway self-signed certificate for 127.0.0.1 in @p dir; false when openssl failed.
bool makeCertificate(const QTemporaryDir &dir, QString *error)
{
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"),
                  { QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("ec"),
                    QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:prime256v1"),
                    QStringLiteral("-nodes"), QStringLiteral("-keyout"), dir.filePath(QStringLiteral("key.pem")),
                    QStringLiteral("-out"), dir.filePath(QStringLiteral("cert.pem")), QStringLiteral("-days"),
                    QStringLiteral("1"), QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"),
                    QStringLiteral("-addext"), QStringLiteral("subjectAltName=IP:127.0.0.1") });
    const bool ok
        = openssl.waitForFinished(30000) && openssl.exitStatus() == QProcess::NormalExit && openssl.exitCode() == 0;
    *error = QString::fromLocal8Bit(openssl.readAllStandardError());
    return ok;
}

} // namespace

class tst_RequestBuilder final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void tokenPlacement_data();
    void tokenPlacement();
    void tokenOnTheWire_data();
    void tokenOnTheWire();
    void newTokenAndCredentials();
    void policiesOnEveryRequest_data();
    void policiesOnEveryRequest();
    void noCacheOnTheWire();
    void jsonRequest();
    void followsARedirectOnTheSameServer();
    void extraCaCertificate();
    void refusesARedirectFromHttpsToHttp();
    void schemeNames_data();
    void schemeNames();
    void challengeHint_data();
    void challengeHint();

private:
    QTemporaryDir m_tls;
    QString m_certFile;
    QSslCertificate m_certificate;
    QSslKey m_key;
};

void tst_RequestBuilder::initTestCase()
{
    // The first builder turns on the system's proxy settings (http_proxy and
    // friends, or the desktop's), once for the process.
    QNetworkProxyFactory::setUseSystemConfiguration(false);
    const RequestBuilder first;
    QVERIFY(QNetworkProxyFactory::usesSystemConfiguration());

    QString error;
    QVERIFY2(makeCertificate(m_tls, &error), qPrintable(error));
    m_certFile = m_tls.filePath(QStringLiteral("cert.pem"));
    const QList<QSslCertificate> certificates = QSslCertificate::fromPath(m_certFile);
    QCOMPARE(certificates.size(), 1);
    m_certificate = certificates.first();
    QFile keyFile(m_tls.filePath(QStringLiteral("key.pem")));
    QVERIFY(keyFile.open(QIODevice::ReadOnly));
    m_key = QSslKey(&keyFile, QSsl::Ec);
    QVERIFY(!m_key.isNull());
}

void tst_RequestBuilder::tokenPlacement_data()
{
    QTest::addColumn<AuthScheme>("scheme");
    QTest::addColumn<QByteArray>("token");
    QTest::addColumn<QString>("url");
    QTest::addColumn<QByteArray>("authorization"); // null: no such header
    QTest::addColumn<QString>("expectedUrl");
    const QString stream = QStringLiteral("http://h:8080/api/v1/notifications/sse/stream/");
    QTest::addRow("bearer") << AuthScheme::Bearer << QByteArray("t-1") << stream << QByteArray("Bearer t-1") << stream;
    QTest::addRow("token") << AuthScheme::Token << QByteArray("t-1") << stream << QByteArray("Token t-1") << stream;
    QTest::addRow("query") << AuthScheme::Query << QByteArray("t-1") << stream << QByteArray()
                           << stream + QStringLiteral("?token=t-1");
    // A query already there is kept, in its order, the token after it.
    QTest::addRow("query-keeps-the-query")
        << AuthScheme::Query << QByteArray("t-1") << stream + QStringLiteral("?since=5&limit=1000") << QByteArray()
        << stream + QStringLiteral("?since=5&limit=1000&token=t-1");
    // A token already in the URL (a pasted link) is replaced, not sent twice.
    QTest::addRow("query-replaces-a-token-in-the-url")
        << AuthScheme::Query << QByteArray("t-1") << stream + QStringLiteral("?token=old&x=1&token=older")
        << QByteArray() << stream + QStringLiteral("?x=1&token=t-1");
    QTest::addRow("query-keeps-the-fragment")
        << AuthScheme::Query << QByteArray("t-1") << QStringLiteral("http://h/list/?page=2#top") << QByteArray()
        << QStringLiteral("http://h/list/?page=2&token=t-1#top");
    // The header schemes leave the URL, and a token= in it, as it is.
    QTest::addRow("bearer-leaves-the-query")
        << AuthScheme::Bearer << QByteArray("t-1") << stream + QStringLiteral("?token=other&x=1")
        << QByteArray("Bearer t-1") << stream + QStringLiteral("?token=other&x=1");
    // No token: nothing is added, whatever the scheme.
    for (const AuthScheme scheme : { AuthScheme::Bearer, AuthScheme::Token, AuthScheme::Query })
        QTest::addRow("no-token-%s", qPrintable(RequestBuilder::schemeName(scheme)))
            << scheme << QByteArray() << stream + QStringLiteral("?x=1") << QByteArray()
            << stream + QStringLiteral("?x=1");
}

void tst_RequestBuilder::tokenPlacement()
{
    QFETCH(AuthScheme, scheme);
    QFETCH(QByteArray, token);
    QFETCH(QString, url);
    QFETCH(QByteArray, authorization);
    QFETCH(QString, expectedUrl);
    const RequestBuilder builder(Credentials{ token, scheme, {} });
    const QNetworkRequest request = builder.build(QUrl(url));
    QCOMPARE(request.url().toString(QUrl::FullyEncoded), expectedUrl);
    QCOMPARE(request.hasRawHeader("Authorization"), !authorization.isNull());
    QCOMPARE(request.rawHeader("Authorization"), authorization);
    QCOMPARE(request.rawHeaderList().size(), authorization.isNull() ? 0 : 1); // nothing else
}

void tst_RequestBuilder::tokenOnTheWire_data()
{
    QTest::addColumn<AuthScheme>("scheme");
    QTest::addColumn<QByteArray>("token");
    QTest::addColumn<QByteArray>("requestLine");
    QTest::addColumn<QByteArray>("authorization");
    QTest::addRow("bearer") << AuthScheme::Bearer << QByteArray("tok-1") << QByteArray("GET /n/?x=1 HTTP/1.1")
                            << QByteArray("Bearer tok-1");
    QTest::addRow("token") << AuthScheme::Token << QByteArray("tok-1") << QByteArray("GET /n/?x=1 HTTP/1.1")
                           << QByteArray("Token tok-1");
    QTest::addRow("query") << AuthScheme::Query << QByteArray("tok-1") << QByteArray("GET /n/?x=1&token=tok-1 HTTP/1.1")
                           << QByteArray();
    // What separates query items, and '%', travel percent-encoded: the
    // server reads back the token as it was. (A '+' travels as it is, as
    // RFC 3986 allows; a form decoder would read a space.)
    QTest::addRow("query-delimiters-encoded")
        << AuthScheme::Query << QByteArray("a&b=c%d#e") << QByteArray("GET /n/?x=1&token=a%26b%3Dc%25d%23e HTTP/1.1")
        << QByteArray();
    QTest::addRow("query-non-ascii") << AuthScheme::Query << QByteArray("caf\xC3\xA9")
                                     << QByteArray("GET /n/?x=1&token=caf%C3%A9 HTTP/1.1") << QByteArray();
}

void tst_RequestBuilder::tokenOnTheWire()
{
    QFETCH(AuthScheme, scheme);
    QFETCH(QByteArray, token);
    QFETCH(QByteArray, requestLine);
    QFETCH(QByteArray, authorization);
    RecordingServer server;
    QNetworkAccessManager network;
    const auto reply = send(
        network,
        RequestBuilder({ token, scheme, {} }).build(server.url(QStringLiteral("http"), QStringLiteral("/n/?x=1"))));
    QCOMPARE(reply->error(), QNetworkReply::NoError);
    QCOMPARE(server.requests.size(), 1);
    QVERIFY2(server.requests.first().startsWith(QByteArray(requestLine + "\r\n")), server.requests.first().constData());
    QCOMPARE(server.header(0, "Authorization"), authorization);
    if (scheme == AuthScheme::Query) {
        // Read back as a server reads it.
        const QByteArray target = server.requests.first().split(' ').value(1);
        QCOMPARE(QUrlQuery(QUrl::fromEncoded(target).query())
                     .queryItemValue(QStringLiteral("token"), QUrl::FullyDecoded)
                     .toUtf8(),
                 token);
    }
}

void tst_RequestBuilder::newTokenAndCredentials()
{
    RequestBuilder builder(Credentials{ "first", AuthScheme::Bearer, {} });
    const QUrl url(QStringLiteral("http://h/x/"));
    QCOMPARE(builder.build(url).rawHeader("Authorization"), QByteArray("Bearer first"));
    builder.setToken("second"); // the scheme stays
    QCOMPARE(builder.credentials().scheme, AuthScheme::Bearer);
    QCOMPARE(builder.build(url).rawHeader("Authorization"), QByteArray("Bearer second"));
    builder.setCredentials(Credentials{ "third", AuthScheme::Query, {} });
    QCOMPARE(builder.credentials().token, QByteArray("third"));
    QVERIFY(!builder.build(url).hasRawHeader("Authorization"));
    QCOMPARE(builder.build(url).url(), QUrl(QStringLiteral("http://h/x/?token=third")));
    // A default builder sends no token at all.
    const RequestBuilder anonymous;
    QVERIFY(anonymous.credentials().token.isEmpty());
    QCOMPARE(anonymous.credentials().scheme, AuthScheme::Bearer);
    QCOMPARE(anonymous.build(url).rawHeaderList(), QList<QByteArray>{});
    QCOMPARE(anonymous.build(url).url(), url);
}

void tst_RequestBuilder::policiesOnEveryRequest_data()
{
    QTest::addColumn<AuthScheme>("scheme");
    QTest::addColumn<bool>("json");
    for (const AuthScheme scheme : { AuthScheme::Bearer, AuthScheme::Token, AuthScheme::Query }) {
        for (const bool json : { false, true })
            QTest::addRow("%s%s", qPrintable(RequestBuilder::schemeName(scheme)), json ? "-json" : "")
                << scheme << json;
    }
}

void tst_RequestBuilder::policiesOnEveryRequest()
{
    QFETCH(AuthScheme, scheme);
    QFETCH(bool, json);
    const RequestBuilder builder(Credentials{ "t", scheme, {} });
    const QUrl url(QStringLiteral("https://h/api/v1/notifications/"));
    const QNetworkRequest request = json ? builder.buildJson(url) : builder.build(url);
    // Redirects are followed, but never from https to http.
    QCOMPARE(request.attribute(QNetworkRequest::RedirectPolicyAttribute).toInt(),
             int(QNetworkRequest::NoLessSafeRedirectPolicy));
    // Never from a cache, never into one.
    QCOMPARE(request.attribute(QNetworkRequest::CacheLoadControlAttribute).toInt(),
             int(QNetworkRequest::AlwaysNetwork));
    QCOMPARE(request.attribute(QNetworkRequest::CacheSaveControlAttribute).toBool(), false);
    QVERIFY(request.attribute(QNetworkRequest::CacheSaveControlAttribute).isValid());
    // No extra CA: the default TLS configuration, untouched.
    QCOMPARE(request.sslConfiguration().caCertificates(), QSslConfiguration::defaultConfiguration().caCertificates());
}

void tst_RequestBuilder::noCacheOnTheWire()
{
    // AlwaysNetwork also tells caches between us and the server not to answer.
    RecordingServer server;
    QNetworkAccessManager network;
    const auto reply = send(
        network,
        RequestBuilder({ "t", AuthScheme::Bearer, {} }).build(server.url(QStringLiteral("http"), QStringLiteral("/"))));
    QCOMPARE(reply->error(), QNetworkReply::NoError);
    QCOMPARE(server.header(0, "Cache-Control"), QByteArray("no-cache"));
    QCOMPARE(server.header(0, "Pragma"), QByteArray("no-cache"));
}

void tst_RequestBuilder::jsonRequest()
{
    RecordingServer server;
    QNetworkAccessManager network;
    const RequestBuilder builder(Credentials{ "tok-j", AuthScheme::Token, {} });
    const QNetworkRequest request
        = builder.buildJson(server.url(QStringLiteral("http"), QStringLiteral("/api/v1/messages/")));
    QCOMPARE(request.header(QNetworkRequest::ContentTypeHeader).toByteArray(), QByteArray("application/json"));
    QCOMPARE(request.rawHeader("Authorization"), QByteArray("Token tok-j"));
    const auto reply = send(network, request, R"({"to":"bob","body":"hi"})", true);
    QCOMPARE(reply->error(), QNetworkReply::NoError);
    QVERIFY(server.requests.first().startsWith("POST /api/v1/messages/ HTTP/1.1\r\n"));
    QCOMPARE(server.header(0, "Content-Type"), QByteArray("application/json"));
    QCOMPARE(server.header(0, "Authorization"), QByteArray("Token tok-j"));
    QVERIFY(server.requests.first().endsWith("\r\n\r\n{\"to\":\"bob\",\"body\":\"hi\"}"));
}

void tst_RequestBuilder::followsARedirectOnTheSameServer()
{
    RecordingServer server;
    server.answer = [](const QByteArray &head) -> QByteArray {
        if (head.startsWith("GET /old/"))
            return "HTTP/1.1 301 Moved\r\nLocation: http://127.0.0.1:$PORT/new/?page=2\r\nContent-Length: "
                   "0\r\nConnection: close\r\n\r\n";
        return "HTTP/1.1 200 OK\r\nContent-Length: 4\r\nConnection: close\r\n\r\nhere";
    };
    QNetworkAccessManager network;
    for (const AuthScheme scheme : { AuthScheme::Bearer, AuthScheme::Query }) {
        server.requests.clear();
        const auto reply = send(
            network,
            RequestBuilder({ "tok-r", scheme, {} }).build(server.url(QStringLiteral("http"), QStringLiteral("/old/"))));
        QCOMPARE(reply->error(), QNetworkReply::NoError);
        QCOMPARE(reply->readAll(), QByteArray("here"));
        QCOMPARE(reply->url(), server.url(QStringLiteral("http"), QStringLiteral("/new/?page=2")));
        QCOMPARE(server.requests.size(), 2);
        if (scheme == AuthScheme::Bearer) {
            // The same origin: the header goes along.
            QCOMPARE(server.header(1, "Authorization"), QByteArray("Bearer tok-r"));
        } else {
            // The query token is the first URL's; the server's Location decides the next.
            QVERIFY(server.requests.at(0).startsWith("GET /old/?token=tok-r HTTP/1.1"));
            QVERIFY(server.requests.at(1).startsWith("GET /new/?page=2 HTTP/1.1"));
        }
    }
}

void tst_RequestBuilder::extraCaCertificate()
{
    RecordingServer server(m_certificate, m_key);
    const QUrl url = server.url(QStringLiteral("https"), QStringLiteral("/api/v1/notifications/"));
    // Each attempt with a manager of its own: a manager keeps its connection
    // to a server, with the TLS configuration of the request that opened it.
    const auto get = [](const QNetworkRequest &request) {
        QNetworkAccessManager network;
        network.setStrictTransportSecurityEnabled(false);
        auto reply = send(network, request);
        const QByteArray body = reply->readAll();
        return qMakePair(reply->error(), body);
    };

    // The builder's request carries the default CAs and the extra one.
    const QNetworkRequest trusted = RequestBuilder({ "t", AuthScheme::Bearer, m_certFile }).build(url);
    const QList<QSslCertificate> cas = trusted.sslConfiguration().caCertificates();
    QVERIFY(cas.contains(m_certificate));
    for (const QSslCertificate &ca : QSslConfiguration::defaultConfiguration().caCertificates())
        QVERIFY(cas.contains(ca));
    // It does not leak into the default configuration (other requests).
    QVERIFY(!QSslConfiguration::defaultConfiguration().caCertificates().contains(m_certificate));

    // Without the file the server is not trusted; with it, it is.
    QCOMPARE(get(RequestBuilder({ "t", AuthScheme::Bearer, {} }).build(url)).first,
             QNetworkReply::SslHandshakeFailedError);
    QCOMPARE(get(trusted), qMakePair(QNetworkReply::NoError, QByteArray("ok")));
    QCOMPARE(server.requests.size(), 1);
    QCOMPARE(server.header(0, "Authorization"), QByteArray("Bearer t"));

    // A file that is missing, or not a certificate, adds nothing: the server
    // is not trusted (and the request says nothing of the file).
    QFile garbage(m_tls.filePath(QStringLiteral("garbage.pem")));
    QVERIFY(garbage.open(QIODevice::WriteOnly));
    garbage.write("not a certificate\n");
    garbage.close();
    for (const QString &file : { m_tls.filePath(QStringLiteral("missing.pem")), garbage.fileName() }) {
        const QNetworkRequest request = RequestBuilder({ "t", AuthScheme::Bearer, file }).build(url);
        QCOMPARE(request.sslConfiguration().caCertificates(),
                 QSslConfiguration::defaultConfiguration().caCertificates());
        QCOMPARE(get(request).first, QNetworkReply::SslHandshakeFailedError);
    }
    QCOMPARE(server.requests.size(), 1);
}

void tst_RequestBuilder::refusesARedirectFromHttpsToHttp()
{
    RecordingServer plain;
    RecordingServer tls(m_certificate, m_key);
    tls.answer = [&plain](const QByteArray &) -> QByteArray {
        return "HTTP/1.1 302 Found\r\nLocation: http://127.0.0.1:" + QByteArray::number(plain.port())
            + "/api/v1/notifications/\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
    };
    QNetworkAccessManager network;
    network.setStrictTransportSecurityEnabled(false);
    const auto reply = send(network,
                            RequestBuilder({ "secret", AuthScheme::Bearer, m_certFile })
                                .build(tls.url(QStringLiteral("https"), QStringLiteral("/api/v1/notifications/"))));
    QCOMPARE(reply->error(), QNetworkReply::InsecureRedirectError);
    QCOMPARE(tls.requests.size(), 1);
    QCOMPARE(plain.requests.size(), 0); // the token never went out in the clear
}

void tst_RequestBuilder::schemeNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<std::optional<AuthScheme>>("scheme");
    QTest::addRow("bearer") << QStringLiteral("bearer") << std::optional(AuthScheme::Bearer);
    QTest::addRow("token") << QStringLiteral("token") << std::optional(AuthScheme::Token);
    QTest::addRow("query") << QStringLiteral("query") << std::optional(AuthScheme::Query);
    QTest::addRow("Bearer") << QStringLiteral("Bearer") << std::optional(AuthScheme::Bearer);
    QTest::addRow("TOKEN") << QStringLiteral("TOKEN") << std::optional(AuthScheme::Token);
    QTest::addRow("QuErY") << QStringLiteral("QuErY") << std::optional(AuthScheme::Query);
    QTest::addRow("empty") << QString() << std::optional<AuthScheme>();
    QTest::addRow("basic") << QStringLiteral("basic") << std::optional<AuthScheme>();
    QTest::addRow("spaces") << QStringLiteral(" bearer") << std::optional<AuthScheme>();
    QTest::addRow("prefix") << QStringLiteral("bear") << std::optional<AuthScheme>();
}

void tst_RequestBuilder::schemeNames()
{
    QFETCH(QString, name);
    QFETCH(std::optional<AuthScheme>, scheme);
    QCOMPARE(RequestBuilder::schemeFromName(name), scheme);
    if (scheme) // and back, lower case
        QCOMPARE(RequestBuilder::schemeName(*scheme), name.toLower());
}

void tst_RequestBuilder::challengeHint_data()
{
    QTest::addColumn<QByteArray>("wwwAuthenticate");
    QTest::addColumn<AuthScheme>("sent");
    QTest::addColumn<QString>("hint");
    const QString token = QStringLiteral("the server asks for Token authentication");
    const QString bearer = QStringLiteral("the server asks for Bearer authentication");
    // Django REST framework's TokenAuthentication answers a Bearer token so.
    QTest::addRow("token-asked-bearer-sent") << QByteArray("Token") << AuthScheme::Bearer << token;
    QTest::addRow("token-realm-asked-bearer-sent") << QByteArray(R"(Token realm="api")") << AuthScheme::Bearer << token;
    QTest::addRow("token-asked-query-sent") << QByteArray("Token") << AuthScheme::Query << token;
    QTest::addRow("bearer-asked-token-sent") << QByteArray(R"(Bearer realm="notify")") << AuthScheme::Token << bearer;
    // The scheme named as the server named it.
    QTest::addRow("basic-asked") << QByteArray(R"(Basic realm="x", charset="UTF-8")") << AuthScheme::Bearer
                                 << QStringLiteral("the server asks for Basic authentication");
    QTest::addRow("params-without-space") << QByteArray("Basic,Bearer") << AuthScheme::Bearer
                                          << QStringLiteral("the server asks for Basic authentication");
    // What was sent is what is asked: the token is wrong, not the scheme.
    QTest::addRow("bearer-sent-bearer-asked")
        << QByteArray(R"(Bearer error="invalid_token")") << AuthScheme::Bearer << QString();
    QTest::addRow("case-insensitive") << QByteArray("bearer") << AuthScheme::Bearer << QString();
    QTest::addRow("token-sent-token-asked") << QByteArray(" Token realm=\"api\" ") << AuthScheme::Token << QString();
    QTest::addRow("TOKEN-sent-token") << QByteArray("TOKEN") << AuthScheme::Token << QString();
    // A notify server asks for Bearer but takes ?token= too.
    QTest::addRow("bearer-asked-query-sent") << QByteArray("Bearer") << AuthScheme::Query << QString();
    // Nothing asked: nothing to say.
    for (const AuthScheme sent : { AuthScheme::Bearer, AuthScheme::Token, AuthScheme::Query }) {
        QTest::addRow("none-%s", qPrintable(RequestBuilder::schemeName(sent))) << QByteArray() << sent << QString();
        QTest::addRow("blank-%s", qPrintable(RequestBuilder::schemeName(sent)))
            << QByteArray("  ") << sent << QString();
    }
}

void tst_RequestBuilder::challengeHint()
{
    QFETCH(QByteArray, wwwAuthenticate);
    QFETCH(AuthScheme, sent);
    QFETCH(QString, hint);
    QCOMPARE(RequestBuilder::challengeHint(wwwAuthenticate, sent), hint);
}

QTEST_GUILESS_MAIN(tst_RequestBuilder)
#include "tst_requestbuilder.moc"
