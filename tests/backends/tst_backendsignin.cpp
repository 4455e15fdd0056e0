// SPDX-License-Identifier: MIT
// Signing in with a password at the reference Django backend's
// obtain_auth_token (Django REST framework's serializer and answers), and
// notify-server --dialect django answering exactly the same.

#include "common/tokenexchange.h"
#include "djangobackend.h"
#include "inprocessserver.h"
#include "testclient.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using Notify::TokenExchange;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(Notify::TokenExchange::Result)

namespace {

TokenExchange::Result exchange(const QUrl &server, const QString &user, const QString &password)
{
    QNetworkAccessManager network;
    TokenExchange exchange(&network);
    QSignalSpy finished(&exchange, &TokenExchange::finished);
    exchange.start(server, user, password);
    if (!finished.wait(20'000))
        return {};
    return finished.at(0).at(0).value<TokenExchange::Result>();
}

} // namespace

class tst_BackendSignIn final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void obtainAuthToken();
    void ourDjangoDialectAnswersAlike_data();
    void ourDjangoDialectAnswersAlike();

private:
    std::unique_ptr<TestSupport::DjangoBackend> m_django;
    std::unique_ptr<TestSupport::InProcessServer> m_ours;
    QTemporaryDir m_dir;
};

void tst_BackendSignIn::initTestCase()
{
    m_django = std::make_unique<TestSupport::DjangoBackend>();
    QVERIFY(m_django->start());
    m_ours = std::make_unique<TestSupport::InProcessServer>([this](Notify::Server::ServerConfig &config) {
        config.dialect = Notify::Server::ServerConfig::Dialect::Django;
        config.usersFile = TestSupport::writeUsersFile(m_dir, TestSupport::passwordUsers());
    });
    QVERIFY(m_ours->start());
}

void tst_BackendSignIn::cleanupTestCase()
{
    m_ours.reset();
    m_django.reset();
}

void tst_BackendSignIn::obtainAuthToken()
{
    // What the tray does for a source with "sign_in": "password" and "dialect": "auto".
    auto r = exchange(m_django->url(), u"alice"_s, QString::fromUtf8(TestSupport::AlicePassword));
    QCOMPARE(r.outcome, TokenExchange::Outcome::SignedIn);
    QCOMPARE(r.token, TestSupport::AliceToken);
    r = exchange(m_django->url(), u"alice"_s, u"s3cret-pW"_s);
    QCOMPARE(r.outcome, TokenExchange::Outcome::Refused);
    QCOMPARE(r.status, 400);
    r = exchange(m_django->url(), u"bob"_s, u"anything"_s); // no password at all
    QCOMPARE(r.outcome, TokenExchange::Outcome::Refused);
}

void tst_BackendSignIn::ourDjangoDialectAnswersAlike_data()
{
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body");
    const QByteArray json = "application/json";
    const QByteArray form = "application/x-www-form-urlencoded";
    QTest::newRow("json right") << json << R"({"username":"alice","password":")" + TestSupport::AlicePassword + "\"}";
    QTest::newRow("form right") << form << "username=alice&password=" + TestSupport::AlicePassword;
    QTest::newRow("json wrong") << json << QByteArray(R"({"username":"alice","password":"nope"})");
    QTest::newRow("form unknown") << form << QByteArray("username=mallory&password=nope");
    QTest::newRow("no password") << json << QByteArray(R"({"username":"alice"})");
    QTest::newRow("empty password") << form << QByteArray("username=alice&password=");
    QTest::newRow("no username") << json << QByteArray(R"({"password":"nope"})");
    QTest::newRow("blank username") << json << QByteArray(R"({"username":"  ","password":"nope"})");
    QTest::newRow("padded username") << json
                                     << R"({"username":" alice ","password":")" + TestSupport::AlicePassword + "\"}";
    QTest::newRow("null password") << json << QByteArray(R"({"username":"alice","password":null})");
    QTest::newRow("list password") << json << QByteArray(R"({"username":"alice","password":["x"]})");
    QTest::newRow("form no password") << form << QByteArray("username=alice");
}

void tst_BackendSignIn::ourDjangoDialectAnswersAlike()
{
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    const auto ask = [&](quint16 port) {
        TestClient::Connection c(port);
        c.send("POST /api-token-auth/ HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Type: " + contentType
               + "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body);
        return c.read();
    };
    const auto theirs = ask(m_django->url().port());
    const auto ours = ask(m_ours->port());
    QCOMPARE(ours.status, theirs.status);
    QCOMPARE(ours.json(), theirs.json());
}

QTEST_GUILESS_MAIN(tst_BackendSignIn)
#include "tst_backendsignin.moc"
