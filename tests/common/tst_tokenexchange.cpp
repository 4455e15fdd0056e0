// SPDX-License-Identifier: MIT
// Signing in with a password from the client's side: against notify-server
// in both dialects (in-process), and against answers a server could give.
// The reference Django backend's obtain_auth_token: tests/backends/tst_backendsignin.

#include "common/tokenexchange.h"
#include "inprocessserver.h"
#include "scriptedhttpserver.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using Notify::TokenExchange;
using Outcome = TokenExchange::Outcome;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(Notify::TokenExchange::Result)

namespace {

TokenExchange::Result exchange(const QUrl &server, const QString &user, const QString &password,
                               TokenExchange::Endpoint endpoint = TokenExchange::Endpoint::Auto)
{
    QNetworkAccessManager network;
    TokenExchange exchange(&network);
    QSignalSpy finished(&exchange, &TokenExchange::finished);
    exchange.start(server, user, password, endpoint);
    if (!finished.wait(10'000))
        return {};
    return finished.at(0).at(0).value<TokenExchange::Result>();
}

std::unique_ptr<TestSupport::InProcessServer> server(Notify::Server::ServerConfig::Dialect dialect)
{
    auto s = std::make_unique<TestSupport::InProcessServer>(
        [dialect](Notify::Server::ServerConfig &config) { config.dialect = dialect; });
    static QTemporaryDir dir;
    s->config.usersFile = TestSupport::writeUsersFile(dir, TestSupport::passwordUsers());
    if (!s->start())
        return nullptr;
    return s;
}

/// Answers every request with one canned response, and keeps what it was asked.
class CannedServer final : public ScriptedHttpServer
{
public:
    explicit CannedServer(QByteArray response)
        : m_response(std::move(response))
    { }
    QByteArray seen;

protected:
    void respond(QTcpSocket *socket, const QByteArray &head, const QByteArray &body) override
    {
        seen = head + "\r\n\r\n" + body;
        socket->write(m_response);
        socket->disconnectFromHost();
    }

private:
    QByteArray m_response;
};

} // namespace

class tst_TokenExchange final : public QObject
{
    Q_OBJECT

private slots:
    void signInUrls();
    void contractServer();
    void djangoDialectFoundByAuto();
    void endpointChosenByTheSource();
    void tooManyAttempts();
    void oddAnswers();
};

void tst_TokenExchange::signInUrls()
{
    using E = TokenExchange::Endpoint;
    QCOMPARE(TokenExchange::signInUrl(QUrl(u"https://shop.example.com"_s), E::Django),
             QUrl(u"https://shop.example.com/api-token-auth/"_s));
    QCOMPARE(TokenExchange::signInUrl(QUrl(u"https://shop.example.com/"_s), E::Contract),
             QUrl(u"https://shop.example.com/api/v1/auth/token/"_s));
    // A backend under a path prefix: "<url>/api-token-auth/".
    QCOMPARE(TokenExchange::signInUrl(QUrl(u"https://example.com/shop/?x=1"_s), E::Django),
             QUrl(u"https://example.com/shop/api-token-auth/"_s));
}

void tst_TokenExchange::contractServer()
{
    const auto s = server(Notify::Server::ServerConfig::Dialect::Contract);
    QVERIFY(s);
    auto r = exchange(s->url(), u"alice"_s, QString::fromUtf8(TestSupport::AlicePassword));
    QCOMPARE(r.outcome, Outcome::SignedIn);
    QCOMPARE(r.token, TestSupport::AliceToken);
    r = exchange(s->url(), u"alice"_s, u"wrong"_s);
    QCOMPARE(r.outcome, Outcome::Refused);
    QCOMPARE(r.status, 401);
    QVERIFY(r.token.isEmpty());
    QCOMPARE(r.message, u"Wrong user name or password."_s);
    QCOMPARE(exchange(s->url(), u"nobody"_s, u"wrong"_s).outcome, Outcome::Refused);
}

void tst_TokenExchange::djangoDialectFoundByAuto()
{
    const auto s = server(Notify::Server::ServerConfig::Dialect::Django);
    QVERIFY(s);
    // The contract's endpoint is a 404 there; Auto goes on to obtain_auth_token.
    auto r = exchange(s->url(), u"carol"_s, QString::fromUtf8(TestSupport::CarolPassword));
    QCOMPARE(r.outcome, Outcome::SignedIn);
    QCOMPARE(r.token, QByteArray("carol-token-0004"));
    r = exchange(s->url(), u"carol"_s, u"correct horsf"_s);
    QCOMPARE(r.outcome, Outcome::Refused);
    QCOMPARE(r.status, 400); // Django REST framework's answer to wrong credentials
}

void tst_TokenExchange::endpointChosenByTheSource()
{
    const auto django = server(Notify::Server::ServerConfig::Dialect::Django);
    QVERIFY(django);
    // A source that says "contract" does not try the other endpoint.
    auto r = exchange(django->url(), u"alice"_s, QString::fromUtf8(TestSupport::AlicePassword),
                      TokenExchange::Endpoint::Contract);
    QCOMPARE(r.outcome, Outcome::NotOffered);
    QCOMPARE(r.message, u"This server does not offer signing in with a password."_s);
    r = exchange(django->url(), u"alice"_s, QString::fromUtf8(TestSupport::AlicePassword),
                 TokenExchange::Endpoint::Django);
    QCOMPARE(r.outcome, Outcome::SignedIn);
    const auto contract = server(Notify::Server::ServerConfig::Dialect::Contract);
    QVERIFY(contract);
    // Neither endpoint: said so, after both were tried.
    QCOMPARE(exchange(contract->url(), u"alice"_s, u"x"_s, TokenExchange::Endpoint::Django).outcome,
             Outcome::NotOffered);
}

void tst_TokenExchange::tooManyAttempts()
{
    const auto s = server(Notify::Server::ServerConfig::Dialect::Contract);
    QVERIFY(s);
    for (int i = 0; i < 5; ++i)
        QCOMPARE(exchange(s->url(), u"alice"_s, u"guess"_s).outcome, Outcome::Refused);
    const auto r = exchange(s->url(), u"alice"_s, QString::fromUtf8(TestSupport::AlicePassword));
    QCOMPARE(r.outcome, Outcome::TooManyAttempts);
    QVERIFY2(r.retryAfterMs > 50'000 && r.retryAfterMs <= 60'000, qPrintable(QString::number(r.retryAfterMs)));
    QVERIFY2(r.message.startsWith(u"Too many attempts. Try again in "_s), qPrintable(r.message));
}

void tst_TokenExchange::oddAnswers()
{
    struct Case
    {
        QByteArray response;
        Outcome outcome;
    };
    const QList<Case> cases{
        { "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}", Outcome::Failed },
        { "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 12\r\n\r\n{\"token\":\"\"}",
          Outcome::Failed },
        { "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 5\r\n\r\n<html", Outcome::Failed },
        { "HTTP/1.1 500 Oops\r\nContent-Length: 0\r\n\r\n", Outcome::Failed },
        { "HTTP/1.1 503 Busy\r\nRetry-After: 1\r\nContent-Length: 0\r\n\r\n", Outcome::TooManyAttempts },
        { "HTTP/1.1 401 No\r\nContent-Length: 0\r\n\r\n", Outcome::Refused },
    };
    for (const Case &c : cases) {
        CannedServer scripted(c.response);
        const auto r = exchange(scripted.url(u"/"_s), u"alice"_s, u"pw"_s, TokenExchange::Endpoint::Contract);
        QCOMPARE(r.outcome, c.outcome);
        QVERIFY(r.token.isEmpty());
        QVERIFY(!r.message.isEmpty());
        // The request: a JSON POST to the contract's endpoint, without any token.
        QVERIFY2(scripted.seen.startsWith("POST /api/v1/auth/token/ HTTP/1.1"), scripted.seen.constData());
        QVERIFY2(scripted.seen.endsWith(R"({"password":"pw","user":"alice"})"), scripted.seen.constData());
        QVERIFY(!scripted.seen.contains("Authorization"));
    }
}

QTEST_GUILESS_MAIN(tst_TokenExchange)
#include "tst_tokenexchange.moc"
