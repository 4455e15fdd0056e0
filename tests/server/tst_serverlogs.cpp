// SPDX-License-Identifier: MIT
// notify-server in-process, on an ephemeral port, through real sockets.
// What its logs say of requests: the access log names routes by their
// pattern, and no log line of any category holds a piece of a secret a
// client sent, wherever in the request it was and however it was spelled.

#include "servertest.h"

#include <QElapsedTimer>
#include <QFile>
#include <QLoggingCategory>
#include <QMutex>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QUrl>

namespace {

QMutex g_mutex;
QStringList g_lines; ///< every message of the notify.* categories (worker threads log too)
QStringList g_access; ///< the access log's

void capture(QtMsgType, const QMessageLogContext &context, const QString &message)
{
    const QByteArrayView category(context.category ? context.category : "");
    if (!category.startsWith("notify"))
        return;
    const QMutexLocker lock(&g_mutex);
    g_lines << QString::fromLatin1(category) + u' ' + message;
    if (category == "notify.server.access")
        g_access << message;
}

// Every notify.* category on, down to debug, whatever QT_LOGGING_RULES says.
void everything(QLoggingCategory *category)
{
    if (QByteArrayView(category->categoryName()).startsWith("notify")) {
        for (const QtMsgType type : { QtDebugMsg, QtInfoMsg, QtWarningMsg, QtCriticalMsg })
            category->setEnabled(type, true);
    }
}

/// Captures the logs while it lives.
class LogCapture
{
public:
    LogCapture()
    {
        const QMutexLocker lock(&g_mutex);
        g_lines.clear();
        g_access.clear();
        m_handler = qInstallMessageHandler(capture);
        m_filter = QLoggingCategory::installFilter(everything);
    }
    ~LogCapture()
    {
        QLoggingCategory::installFilter(m_filter);
        qInstallMessageHandler(m_handler);
    }
    Q_DISABLE_COPY_MOVE(LogCapture)
    static QStringList lines()
    {
        const QMutexLocker lock(&g_mutex);
        return g_lines;
    }
    static QStringList access()
    {
        const QMutexLocker lock(&g_mutex);
        return g_access;
    }

private:
    QtMessageHandler m_handler;
    QLoggingCategory::CategoryFilter m_filter;
};

/// Sends each request on a connection of its own, 64 at a time, and waits
/// for each answer's head (a stream's too) or for the server to close it.
void sendAll(quint16 port, const QList<QByteArray> &requests)
{
    constexpr qsizetype AtOnce = 64;
    for (qsizetype first = 0; first < requests.size(); first += AtOnce) {
        std::vector<std::unique_ptr<TestClient::Connection>> open;
        for (qsizetype i = first; i < std::min(requests.size(), first + AtOnce); ++i) {
            open.push_back(std::make_unique<TestClient::Connection>(port));
            open.back()->send(requests.at(i));
        }
        (void)QTest::qWaitFor(
            [&open] {
                return std::all_of(open.cbegin(), open.cend(), [](const auto &c) {
                    return c->buffer().contains("\r\n\r\n") || c->socket().state() != QAbstractSocket::ConnectedState;
                });
            },
            5000);
    }
}

QByteArray percentEncodedAll(const QByteArray &text)
{
    QByteArray out;
    for (const char c : text)
        out += '%' + QByteArray::number(uchar(c), 16).rightJustified(2, '0').toUpper();
    return out;
}

} // namespace

class tst_ServerLogs final : public QObject
{
    Q_OBJECT

private slots:
    void accessLogNamesRoutesNotRequests();
    void noSecretInAnyLogLine();
    void signInsAreLoggedWithoutPasswordOrToken();
};

void tst_ServerLogs::accessLogNamesRoutesNotRequests()
{
    Server f;
    QVERIFY(f.start());
    const LogCapture logs;
    QCOMPARE(TestClient::request(f.port(), "GET", "/api/v1/orders/?token=" + Alice).status, 200);
    QCOMPARE(TestClient::request(f.port(), "GET", "/api/v1/notifications/sse/stream&token=" + Alice).status, 404);
    QCOMPARE(TestClient::request(f.port(), "POST", "/api/v1/notifications/n-42/read/", Bob, "").status, 404);
    TestClient::Connection c(f.port());
    c.send("GET /api/v1/presence/ HTTP/1.1\r\nAuthorization: Bearer " + Bob + "\r\nCookie: sessionid=" + Admin
           + "\r\nConnection: close\r\n\r\n");
    QVERIFY(c.waitForClose());
    QTRY_COMPARE(LogCapture::access().size(), 4);
    const QStringList access = LogCapture::access();
    QVERIFY2(access.at(0).startsWith(u"GET /api/v1/orders/ 200 alice "), qPrintable(access.at(0)));
    QVERIFY2(access.at(1).startsWith(u"GET <no route, 55 bytes> 404 - "), qPrintable(access.at(1)));
    QVERIFY2(access.at(2).startsWith(u"POST /api/v1/notifications/<id>/read/ 404 bob "), qPrintable(access.at(2)));
    QVERIFY2(access.at(3).startsWith(u"GET /api/v1/presence/ 200 bob "), qPrintable(access.at(3)));
    for (const QString &line : access)
        QVERIFY2(line.endsWith(u" us") && line.contains(u" B "), qPrintable(line));
}

void tst_ServerLogs::noSecretInAnyLogLine()
{
    // A user whose token is long and random: any 12 characters of it in a
    // log line are a leak, not a coincidence.
    const QByteArray secret = QByteArray::number(QRandomGenerator::global()->generate64(), 16).rightJustified(16, 'a')
        + QByteArray::number(QRandomGenerator::global()->generate64(), 16).rightJustified(16, 'b') + "Zz9Q";
    QTemporaryDir dir;
    const QString users = dir.filePath(QStringLiteral("users.json"));
    {
        QFile file(users);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"users":[{"name":"carol","display_name":"Carol","token":")" + secret
                   + R"("},{"name":"bob","display_name":"Bob","token":")" + Bob + R"("}]})");
    }
    Server f([&](ServerConfig &c) {
        c.usersFile = users;
        c.connections.requestDeadlineMs = 100; // slow (and unfinished) requests answer 408 soon
    });
    QVERIFY(f.start());
    const quint16 port = f.port();
    const LogCapture logs;

    const QList<QByteArray> values{ secret, percentEncodedAll(secret), "%" + secret + "%zz", secret + "\xff\xfe" };
    const QList<QByteArray> keys{ "token",  "tok%65n",      "%74oken", "tokens", "TOKEN",    "Token",   "token?",
                                  "to+ken", "access_token", "t",       "",       "x[token]", "token%00" };
    const QList<QByteArray> paths{ "/api/v1/orders/",
                                   "/api/v1/notifications/sse/stream/",
                                   "/notifications/sse/stream/",
                                   "/api/v1/notifications/n1/read/",
                                   "/api/v1/nope/",
                                   "/" };
    QList<QByteArray> requests;
    const auto get = [](const QByteArray &method, const QByteArray &target, const QByteArray &headers = {},
                        const QByteArray &body = {}) -> QByteArray {
        QByteArray r = method + ' ' + target + " HTTP/1.1\r\nHost: x\r\n" + headers;
        if (!body.isNull())
            r += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
        return r + "Connection: close\r\n\r\n" + body;
    };
    // The query, however its key and value are spelled.
    for (const QByteArray &path : paths) {
        for (const QByteArray &key : keys) {
            for (const QByteArray &value : values) {
                requests << get("GET", path + '?' + key + '=' + value);
                requests << get("POST", path + "?x=1&" + key + '=' + value + "#frag", {}, "");
            }
        }
        for (const QByteArray &value : values) {
            requests << get("GET", path + '?' + value); // a key alone
            requests << get("GET", path + '#' + value); // a fragment (clients should not send one)
            requests << get("GET", path + ";token=" + value); // matrix parameters
        }
    }
    // In the path: a segment, a notification id, a route of its own.
    for (const QByteArray &value : values) {
        for (const QByteArray &method :
             { QByteArray("GET"), QByteArray("POST"), QByteArray("PUT"), QByteArray("DELETE") }) {
            requests << get(method, "/api/v1/notifications/" + value + "/read/",
                            "Authorization: Bearer " + Bob + "\r\n", "");
            requests << get(method, "/api/v1/notifications/" + value + "/unread/", {}, "");
            requests << get(method, "/" + value);
            requests << get(method, "/api/v1/" + value + "/orders/");
            requests << get(method, "/api/v1/orders/" + value);
        }
    }
    // In the request line's other parts, in headers, in bodies.
    for (const QByteArray &value : values) {
        requests << (value + " /api/v1/orders/ HTTP/1.1\r\nConnection: close\r\n\r\n"); // as the method
        requests << ("GET /api/v1/orders/ HTTP/" + value + "\r\n\r\n"); // as the version
        requests << ("GET " + value + " HTTP/1.1\r\n\r\n"); // a target without a slash
        const QList<QByteArray> headers{ "Authorization: Bearer " + value,
                                         "Authorization: Token " + value,
                                         "Authorization: " + value,
                                         "Cookie: token=" + value,
                                         "X-Token: " + value,
                                         "X-" + value + ": 1",
                                         value + ": 1",
                                         "Referer: http://shop/?token=" + value,
                                         "Last-Event-ID: " + value,
                                         value,
                                         "Host: " + value };
        for (const QByteArray &header : headers) {
            requests << get("GET", "/api/v1/orders/", header + "\r\n");
            requests << get("GET", "/api/v1/notifications/sse/stream/", header + "\r\n");
        }
        requests << get("POST", "/api/v1/messages/", "Authorization: Bearer " + Bob + "\r\n",
                        R"({"to":"carol","body":")" + value + R"("})");
        requests << get("POST", "/api/v1/messages/", "Authorization: Bearer " + Bob + "\r\n",
                        R"({"to":")" + value + R"(","body":"x"})");
        requests << get("PUT", "/api/v1/presence/", "Authorization: Bearer " + secret + "\r\n",
                        R"({"status":")" + value + R"("})");
        requests << get("POST", "/api/v1/events/", "Authorization: Bearer " + secret + "\r\n",
                        R"({"event":")" + value + R"(","data":{}})");
        requests << get("POST", "/api/v1/orders/", {}, value); // a body on a GET endpoint
        requests << get("POST", "/api/v1/messages/", "Content-Type: " + value + "\r\n", "{");
    }
    // Too big: a head over 16 KiB, a body over 1 MiB, each with the secret in it.
    requests << get("GET", "/api/v1/orders/?token=" + secret, "X-Pad: " + QByteArray(17 * 1024, 'p') + secret + "\r\n");
    requests << get("POST", "/api/v1/messages/?token=" + secret, {}, QByteArray(1024 * 1024 + 10, 'b') + secret);
    // Random mutations of requests that carry it: a byte replaced, inserted or removed (never in the secret).
    QRandomGenerator random(17);
    const QList<QByteArray> bases{ get("GET", "/api/v1/orders/?token=" + secret),
                                   get("GET", "/api/v1/notifications/sse/stream/",
                                       "Authorization: Bearer " + secret + "\r\n"),
                                   get("POST", "/api/v1/notifications/" + secret + "/read/", {}, "") };
    for (int i = 0; i < 1'500; ++i) {
        QByteArray r = bases.at(i % bases.size());
        for (int edits = 1 + int(random.bounded(3)); edits > 0; --edits) {
            const qsizetype inSecret = r.indexOf(secret);
            qsizetype at = qsizetype(random.bounded(quint32(r.size())));
            if (at >= inSecret && at < inSecret + secret.size())
                at = inSecret - 1; // next to it, never in it (it never starts a request)
            const char byte = char(random.bounded(256));
            switch (random.bounded(3)) {
            case 0:
                r[at] = byte;
                break;
            case 1:
                r.insert(at, byte);
                break;
            default:
                r.remove(at, 1);
                break;
            }
        }
        requests << r;
    }
    // And slowly: the head never finishes (408 after the deadline).
    QList<std::shared_ptr<TestClient::Connection>> slow;
    for (const QByteArray &value : values) {
        slow << std::make_shared<TestClient::Connection>(port);
        slow.last()->send("GET /api/v1/orders/?token=" + value + " HTTP/1.1\r\nX-A: " + value);
    }

    QElapsedTimer timer;
    timer.start();
    sendAll(port, requests);
    const qint64 sendingMs = timer.elapsed();
    for (const auto &connection : std::as_const(slow))
        QVERIFY(connection->waitForClose(5000));
    const QString sent
        = QStringLiteral("%1 requests carrying the secret in %2 ms").arg(requests.size() + slow.size()).arg(sendingMs);

    // Some of them authenticated as carol (the server decodes the query), so they reached the routes.
    const QStringList lines = LogCapture::lines();
    // (Requests the parser refuses — malformed, too big, too slow — are answered without a line.)
    QVERIFY2(lines.size() > 500, qPrintable(QStringLiteral("%1 lines; %2").arg(lines.size()).arg(sent)));
    QVERIFY2(std::any_of(lines.cbegin(), lines.cend(), [](const QString &line) { return line.contains(u" carol "); }),
             "no request authenticated: the test does not test what it should");
    // No line of any category holds 12 characters of the secret, as sent or percent-encoded.
    for (const QByteArray &form : { secret, percentEncodedAll(secret), secret.toLower(), secret.toUpper() }) {
        for (qsizetype at = 0; at + 12 <= form.size(); ++at) {
            const QString piece = QString::fromLatin1(form.mid(at, 12));
            for (const QString &line : lines)
                QVERIFY2(!line.contains(piece), qPrintable(QStringLiteral("\"%1\" in: %2").arg(piece, line.left(300))));
        }
    }
}

void tst_ServerLogs::signInsAreLoggedWithoutPasswordOrToken()
{
    QTemporaryDir dir;
    const QString users = dir.filePath(QStringLiteral("users.json"));
    {
        // carol's password is "correct horse" (Django 3.2's hash).
        QFile file(users);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\"users\":[{\"name\":\"carol\",\"token\":\"carol-token-0004\",\"password\":"
                   "\"pbkdf2_sha256$260000$n0tifySaltForTests1234$l+et0AW+G9Wnjv/Hnqg48//eeDNFnfAtXwvPEJF3Fm4=\"}]}");
    }
    Server f([&](ServerConfig &c) { c.usersFile = users; });
    QVERIFY(f.start());
    const LogCapture logs;
    const auto signIn = [&f](const QByteArray &user, const QByteArray &password) {
        return TestClient::request(f.port(), "POST", "/api/v1/auth/token/", {},
                                   "{\"user\":\"" + user + "\",\"password\":\"" + password + "\"}")
            .status;
    };
    QCOMPARE(signIn("carol", "correct horse"), 200);
    QCOMPARE(signIn("carol", "correct horsf"), 401);
    for (int i = 0; i < 5; ++i)
        signIn("carol", "correct horsg");
    QCOMPARE(signIn("carol", "correct horse"), 429);
    // A name that is no user's may be a password typed into the wrong field: it is not written.
    QCOMPARE(signIn("Tr0ub4dor&3", "carol"), 401);
    f.reset();
    const QStringList lines = LogCapture::lines();
    // Who signed in from where, and what became of it ...
    QVERIFY2(lines.filter(QStringLiteral("sign-in of carol from 127.0.0.1")).size() >= 3,
             qPrintable(lines.join(u'\n')));
    QVERIFY(!lines.filter(QStringLiteral("too many failures")).isEmpty());
    QCOMPARE(lines.filter(QStringLiteral("sign-in of an unknown user from 127.0.0.1 refused")).size(), 1);
    QCOMPARE(LogCapture::access().filter(QStringLiteral("/api/v1/auth/token/")).size(), 9);
    // ... and no secret.
    for (const QString &line : lines) {
        for (const char *secret : { "horse", "horsf", "horsg", "carol-token", "Tr0ub4dor" })
            QVERIFY2(!line.contains(QLatin1StringView(secret)), qPrintable(line));
    }
}

QTEST_MAIN(tst_ServerLogs)
#include "tst_serverlogs.moc"
