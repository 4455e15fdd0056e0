// SPDX-License-Identifier: MIT
#include "listener.h"

#include "tlsbridge.h"

#include <QFile>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>

namespace Notify::Server {

namespace {

// Hands every accepted descriptor to a callback instead of making a
// QTcpSocket on this thread: the socket belongs to a worker.
class DescriptorServer final : public QTcpServer
{
public:
    explicit DescriptorServer(std::function<void(qintptr)> onConnection)
        : m_onConnection(std::move(onConnection))
    { }

protected:
    void incomingConnection(qintptr descriptor) override { m_onConnection(descriptor); }

private:
    std::function<void(qintptr)> m_onConnection;
};

} // namespace

Listener::Listener(std::function<void(qintptr)> onConnection, QObject *parent)
    : QObject(parent)
    , m_onConnection(std::move(onConnection))
{ }

Listener::~Listener()
{
    close();
}

bool Listener::listen(const QHostAddress &address, quint16 port, const Tls &tls, QString *error)
{
    close();
    QTcpServer *server = nullptr;
    if (tls.certFile.isEmpty()) {
        server = new DescriptorServer(m_onConnection);
    } else {
        server = makeTlsServer(tls, error);
        if (!server)
            return false;
    }
    server->setParent(this);
    // A reconnect storm arrives all at once; the default backlog of 50 drops most of it.
    server->setListenBacklogSize(4096);
    server->setMaxPendingConnections(4096);
    if (!server->listen(address, port)) {
        *error
            = QStringLiteral("cannot listen on %1:%2: %3").arg(address.toString()).arg(port).arg(server->errorString());
        delete server;
        return false;
    }
    m_server = server;
    return true;
}

void Listener::close()
{
    if (!m_server)
        return;
    m_server->close();
    delete m_server;
    m_server = nullptr;
}

quint16 Listener::port() const
{
    return m_server ? m_server->serverPort() : 0;
}

QSslServer *Listener::makeTlsServer(const Tls &tls, QString *error)
{
    if (!QSslSocket::supportsSsl()) {
        *error = QStringLiteral("TLS is not available: Qt found no TLS backend (Debian: libssl3)");
        return nullptr;
    }
    const QList<QSslCertificate> chain = QSslCertificate::fromPath(tls.certFile, QSsl::Pem);
    if (chain.isEmpty()) {
        *error = QStringLiteral("no PEM certificate in %1").arg(tls.certFile);
        return nullptr;
    }
    QFile keyFile(tls.keyFile);
    if (!keyFile.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1: %2").arg(tls.keyFile, keyFile.errorString());
        return nullptr;
    }
    const QByteArray pem = keyFile.readAll();
    QSslKey key;
    for (const QSsl::KeyAlgorithm algorithm : { QSsl::Rsa, QSsl::Ec, QSsl::Dsa }) {
        key = QSslKey(pem, algorithm, QSsl::Pem);
        if (!key.isNull())
            break;
    }
    if (key.isNull()) {
        *error = QStringLiteral("no usable PEM private key in %1 (RSA, EC or DSA, unencrypted)").arg(tls.keyFile);
        return nullptr;
    }
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    ssl.setLocalCertificateChain(chain);
    ssl.setPrivateKey(key);
    ssl.setPeerVerifyMode(QSslSocket::VerifyNone); // clients are not asked for certificates
    auto *server = new QSslServer;
    server->setSslConfiguration(ssl);
    server->setHandshakeTimeout(int(tls.handshakeTimeoutMs));
    connect(server, &QTcpServer::pendingConnectionAvailable, this, [this, server] {
        while (QTcpSocket *socket = server->nextPendingConnection()) {
            const qintptr descriptor = TlsBridge::bridge(qobject_cast<QSslSocket *>(socket), this);
            if (descriptor >= 0)
                m_onConnection(descriptor);
        }
    });
    return server;
}

} // namespace Notify::Server
