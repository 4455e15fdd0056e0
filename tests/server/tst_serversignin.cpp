// SPDX-License-Identifier: MIT
// notify-server in-process, through real sockets: signing in with a
// password (docs/PROTOCOL.md, "Signing in with a password"), in the
// contract's form and as Django REST framework's obtain_auth_token.

#include "servertest.h"

#include "hub/passwordsignin.h"

#include <QJsonDocument>
#include <QMap>

#include <memory>
#include <vector>

using namespace Qt::StringLiterals;

namespace {

QByteArray credentials(const QString &user, const QString &password)
{
    return QJsonDocument(QJsonObject{ { u"user"_s, user }, { u"password"_s, password } })
        .toJson(QJsonDocument::Compact);
}

TestClient::Response signIn(quint16 port, const QString &user, const QString &password)
{
    return TestClient::request(port, "POST", "/api/v1/auth/token/", {}, credentials(user, password));
}

} // namespace

class tst_ServerSignIn final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void aPasswordGivesTheUsersToken();
    void wrongPasswordsAndUnknownUsersLookAlike();
    void malformedRequestsNameTheField();
    void guessingIsRateLimited();
    void guessesSentAtOnceGetNoMoreTries();
    void tooManyChecksAtOnceAreTurnedAway();
    void djangoDialectIsObtainAuthToken();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_users;
    std::unique_ptr<Server> m_server;
    bool start(ServerConfig::Dialect dialect = ServerConfig::Dialect::Contract);
};

void tst_ServerSignIn::init()
{
    m_server.reset();
    m_dir = std::make_unique<QTemporaryDir>();
    m_users = TestSupport::writeUsersFile(*m_dir, TestSupport::passwordUsers());
}

bool tst_ServerSignIn::start(ServerConfig::Dialect dialect)
{
    m_server = std::make_unique<Server>([&](ServerConfig &config) {
        config.usersFile = m_users;
        config.dialect = dialect;
    });
    return m_server->start();
}

void tst_ServerSignIn::aPasswordGivesTheUsersToken()
{
    QVERIFY(start());
    auto r = signIn(m_server->port(), u"alice"_s, u"s3cret-pw"_s);
    QCOMPARE(r.status, 200);
    QVERIFY(r.header("Content-Type").startsWith("application/json"));
    const QByteArray token = r.json().value(u"token").toString().toUtf8();
    QCOMPARE(token, Alice);
    // The token is the user's: it opens the API.
    QCOMPARE(TestClient::request(m_server->port(), "GET", "/api/v1/orders/", token).status, 200);

    // A hash exactly as Django 3.2 wrote it.
    r = signIn(m_server->port(), u"carol"_s, u"correct horse"_s);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(u"token").toString(), u"carol-token-0004"_s);
    // Without the trailing slash too, as every endpoint.
    QCOMPARE(
        TestClient::request(m_server->port(), "POST", "/api/v1/auth/token", {}, credentials(u"alice"_s, u"s3cret-pw"_s))
            .status,
        200);
}

void tst_ServerSignIn::wrongPasswordsAndUnknownUsersLookAlike()
{
    QVERIFY(start());
    const auto wrong = signIn(m_server->port(), u"alice"_s, u"s3cret-pW"_s);
    const auto unknown = signIn(m_server->port(), u"mallory"_s, u"s3cret-pw"_s);
    const auto noPassword = signIn(m_server->port(), u"bob"_s, u"bob-token-0002"_s);
    for (const auto *r : { &wrong, &unknown, &noPassword }) {
        QCOMPARE(r->status, 401);
        QCOMPARE(r->body, wrong.body);
        QVERIFY(r->header("WWW-Authenticate").isNull() == wrong.header("WWW-Authenticate").isNull());
    }
    QCOMPARE(wrong.json().value(u"error").toString(), u"invalid_credentials"_s);
    QVERIFY(!wrong.json().contains(u"token"_s));
}

void tst_ServerSignIn::malformedRequestsNameTheField()
{
    QVERIFY(start());
    const quint16 port = m_server->port();
    auto r = TestClient::request(port, "POST", "/api/v1/auth/token/", {}, "{}");
    QCOMPARE(r.status, 400);
    QCOMPARE(r.json().value(u"field").toString(), u"user"_s);
    r = TestClient::request(port, "POST", "/api/v1/auth/token/", {}, R"({"user":"alice"})");
    QCOMPARE(r.json().value(u"field").toString(), u"password"_s);
    r = TestClient::request(port, "POST", "/api/v1/auth/token/", {}, R"({"user":"alice","password":7})");
    QCOMPARE(r.json().value(u"field").toString(), u"password"_s);
    r = TestClient::request(port, "POST", "/api/v1/auth/token/", {}, R"({"user":"alice","password":)");
    QCOMPARE(r.status, 400);
    QCOMPARE(r.json().value(u"error").toString(), u"invalid_json"_s);
    r = TestClient::request(port, "GET", "/api/v1/auth/token/");
    QCOMPARE(r.status, 405);
    QCOMPARE(r.header("Allow"), QByteArray("POST"));
    // Nothing malformed counts as a guess.
    QCOMPARE((*m_server)->signIn().counts().refused, 0);
}

void tst_ServerSignIn::guessingIsRateLimited()
{
    QVERIFY(start());
    qint64 now = 1'000'000;
    (*m_server)->signIn().setClock([&now] { return now; });
    const quint16 port = m_server->port();
    for (int i = 0; i < 5; ++i)
        QCOMPARE(signIn(port, u"alice"_s, u"guess-%1"_s.arg(i)).status, 401);
    // The sixth try waits, even with the right password: the limit does not tell which one was right.
    auto r = signIn(port, u"alice"_s, u"s3cret-pw"_s);
    QCOMPARE(r.status, 429);
    QCOMPARE(r.header("Retry-After"), QByteArray("60"));
    QCOMPARE(r.json().value(u"error").toString(), u"too_many_attempts"_s);
    // Others sign in meanwhile.
    QCOMPARE(signIn(port, u"carol"_s, u"correct horse"_s).status, 200);

    now += 30'000;
    QCOMPARE(signIn(port, u"alice"_s, u"s3cret-pw"_s).header("Retry-After"), QByteArray("30"));
    now += 30'000;
    r = signIn(port, u"alice"_s, u"s3cret-pw"_s);
    QCOMPARE(r.status, 200);

    // The audit in the metrics.
    const QByteArray metrics = TestClient::request(port, "GET", "/metrics", Admin).body;
    QVERIFY2(metrics.contains("notify_sign_ins_total{outcome=\"ok\"} 2\n"), metrics.constData());
    QVERIFY(metrics.contains("notify_sign_ins_total{outcome=\"refused\"} 5\n"));
    QVERIFY(metrics.contains("notify_sign_ins_total{outcome=\"limited\"} 2\n"));
}

void tst_ServerSignIn::guessesSentAtOnceGetNoMoreTries()
{
    // Eight guesses on eight connections before any is answered: a check counts as a
    // failure from the moment it starts, so five are checked and three wait, however
    // the checks and the requests interleave.
    QVERIFY(start());
    std::vector<std::unique_ptr<TestClient::Connection>> guessers;
    for (int i = 0; i < PasswordSignIn::DefaultMaxPending; ++i) {
        auto &c = guessers.emplace_back(std::make_unique<TestClient::Connection>(m_server->port()));
        QVERIFY(c->connected());
        const QByteArray body = credentials(u"alice"_s, u"guess-%1"_s.arg(i));
        c->send("POST /api/v1/auth/token/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                "Content-Length: "
                + QByteArray::number(body.size()) + "\r\n\r\n" + body);
    }
    QMap<int, int> statuses;
    for (const auto &c : guessers)
        ++statuses[c->read().status];
    QCOMPARE(statuses, (QMap<int, int>{ { 401, 5 }, { 429, 3 } }));
    QCOMPARE((*m_server)->signIn().counts().refused, 5);
    // And the right password waits too, until the window has passed.
    QCOMPARE(signIn(m_server->port(), u"alice"_s, u"s3cret-pw"_s).status, 429);
}

void tst_ServerSignIn::tooManyChecksAtOnceAreTurnedAway()
{
    QVERIFY(start());
    (*m_server)->signIn().setMaxPending(0); // as if the checks that may wait were all waiting
    const auto r = signIn(m_server->port(), u"alice"_s, u"s3cret-pw"_s);
    QCOMPARE(r.status, 503);
    QCOMPARE(r.header("Retry-After"), QByteArray("1"));
    // Turned away is not a failure: alice is not held up afterwards.
    (*m_server)->signIn().setMaxPending(PasswordSignIn::DefaultMaxPending);
    QCOMPARE(signIn(m_server->port(), u"alice"_s, u"s3cret-pw"_s).status, 200);
}

void tst_ServerSignIn::djangoDialectIsObtainAuthToken()
{
    QVERIFY(start(ServerConfig::Dialect::Django));
    const quint16 port = m_server->port();
    const QList<QPair<QByteArray, QByteArray>> form{ { "Content-Type", "application/x-www-form-urlencoded" } };
    // A form, as `curl -d` and Django's own test client send it.
    auto r = TestClient::request(port, "POST", "/api-token-auth/", {}, "username=carol&password=correct+horse", form);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json(), (QJsonObject{ { u"token"_s, u"carol-token-0004"_s } }));
    r = TestClient::request(port, "POST", "/api-token-auth/", {}, "username=alice&password=s3cret%2Dpw", form);
    QCOMPARE(r.json().value(u"token").toString(), u"alice-token-0001"_s);
    // JSON.
    r = TestClient::request(port, "POST", "/api-token-auth/", {}, R"({"username":"alice","password":"s3cret-pw"})");
    QCOMPARE(r.status, 200);
    // Wrong: Django REST framework's 400, not a 401.
    r = TestClient::request(port, "POST", "/api-token-auth/", {}, R"({"username":"alice","password":"nope"})");
    QCOMPARE(r.status, 400);
    QCOMPARE(
        r.json(),
        QJsonDocument::fromJson(R"({"non_field_errors":["Unable to log in with provided credentials."]})").object());
    r = TestClient::request(port, "POST", "/api-token-auth/", {}, R"({"username":"alice"})");
    QCOMPARE(r.json(), QJsonDocument::fromJson(R"({"password":["This field is required."]})").object());
    // Only one of the two endpoints in each dialect.
    QCOMPARE(signIn(port, u"alice"_s, u"s3cret-pw"_s).status, 404);
    QVERIFY(start());
    QCOMPARE(TestClient::request(m_server->port(), "POST", "/api-token-auth/", {},
                                 R"({"username":"alice","password":"s3cret-pw"})")
                 .status,
             404);
}

QTEST_GUILESS_MAIN(tst_ServerSignIn)
#include "tst_serversignin.moc"
