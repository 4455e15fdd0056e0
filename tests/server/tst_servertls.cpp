// SPDX-License-Identifier: MIT
// notify-server in-process, on an ephemeral port, through real sockets.
// HTTPS through QSslServer and the TLS bridge.

#include "servertest.h"

#include <QProcess>
#include <QSslSocket>
#include <QTemporaryDir>

class tst_ServerTls final : public QObject
{
    Q_OBJECT

private slots:
    void tls();
};

void tst_ServerTls::tls()
{
    // A throwaway self-signed certificate, made with Debian's openssl.
    QTemporaryDir dir;
    const QString cert = dir.filePath(QStringLiteral("cert.pem"));
    const QString key = dir.filePath(QStringLiteral("key.pem"));
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"),
                  { QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                    QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-keyout"), key,
                    QStringLiteral("-out"), cert, QStringLiteral("-days"), QStringLiteral("1"), QStringLiteral("-subj"),
                    QStringLiteral("/CN=127.0.0.1"), QStringLiteral("-addext"),
                    QStringLiteral("subjectAltName=IP:127.0.0.1") });
    QVERIFY2(openssl.waitForFinished(30000) && openssl.exitCode() == 0, openssl.readAllStandardError().constData());
    Server f([&](ServerConfig &c) {
        c.tlsCertFile = cert;
        c.tlsKeyFile = key;
    });
    QVERIFY(f.start());

    QSslSocket socket;
    QSslConfiguration config = socket.sslConfiguration();
    config.setCaCertificates(QSslCertificate::fromPath(cert));
    socket.setSslConfiguration(config);
    QByteArray received;
    connect(&socket, &QSslSocket::readyRead, this, [&] { received += socket.readAll(); });
    socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), f.port());
    // Not waitForEncrypted(): the server's side of the handshake runs on this thread too.
    QVERIFY2(QTest::qWaitFor([&] { return socket.isEncrypted(); }, 10000), qPrintable(socket.errorString()));
    socket.write("GET /api/v1/notifications/sse/stream/ HTTP/1.1\r\nAuthorization: Bearer " + Alice + "\r\n\r\n");
    QVERIFY(QTest::qWaitFor([&] { return received.contains(": connected\n\n"); }, 10000));
    QVERIFY(received.startsWith("HTTP/1.1 200 OK\r\n"));
    const QByteArray id = f.notification(QStringLiteral("over-tls"));
    QVERIFY(
        QTest::qWaitFor([&] { return received.contains(QByteArray("id: " + id + "\nevent: notification\n")); }, 10000));

    // A plain-text request to the TLS port gets no answer and is closed.
    TestClient::Connection plain(f.port());
    plain.send("GET /healthz HTTP/1.1\r\n\r\n");
    QVERIFY(plain.waitForClose(15000));
    QVERIFY(!plain.buffer().startsWith("HTTP/1.1 200"));
}

QTEST_MAIN(tst_ServerTls)
#include "tst_servertls.moc"
