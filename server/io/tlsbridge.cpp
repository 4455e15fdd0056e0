// SPDX-License-Identifier: MIT
#include "tlsbridge.h"

#include <QLocalSocket>
#include <QSslSocket>

#include <sys/socket.h>
#include <unistd.h>

namespace Notify::Server {

namespace {
constexpr qint64 MaxUnsentToClient = qint64(256) * 1024;
}

qintptr TlsBridge::bridge(QSslSocket *tls, QObject *parent)
{
    int pair[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, pair) != 0) {
        tls->deleteLater();
        return -1;
    }
    auto *plain = new QLocalSocket;
    if (!plain->setSocketDescriptor(pair[0])) {
        ::close(pair[0]);
        ::close(pair[1]);
        delete plain;
        tls->deleteLater();
        return -1;
    }
    new TlsBridge(tls, plain, parent);
    return pair[1];
}

TlsBridge::TlsBridge(QSslSocket *tls, QLocalSocket *plain, QObject *parent)
    : QObject(parent)
    , m_tls(tls)
    , m_plain(plain)
{
    m_tls->setParent(this);
    m_plain->setParent(this);
    m_plain->setReadBufferSize(qint64(64) * 1024);
    connect(m_tls, &QSslSocket::readyRead, this, &TlsBridge::pumpToServer);
    connect(m_plain, &QLocalSocket::readyRead, this, &TlsBridge::pumpToClient);
    connect(m_tls, &QSslSocket::encryptedBytesWritten, this, &TlsBridge::pumpToClient);
    connect(m_tls, &QSslSocket::disconnected, this, &TlsBridge::closeBoth);
    connect(m_tls, &QSslSocket::errorOccurred, this, &TlsBridge::closeBoth);
    connect(m_plain, &QLocalSocket::disconnected, this, [this] {
        // The worker closed: send what is left, then close towards the client.
        pumpToClient();
        m_tls->disconnectFromHost();
    });
    pumpToServer();
}

void TlsBridge::pumpToServer()
{
    if (m_tls->bytesAvailable() > 0 && m_plain->state() == QLocalSocket::ConnectedState)
        m_plain->write(m_tls->readAll());
}

void TlsBridge::pumpToClient()
{
    while (m_plain->bytesAvailable() > 0 && m_tls->encryptedBytesToWrite() + m_tls->bytesToWrite() < MaxUnsentToClient)
        m_tls->write(m_plain->read(qint64(32) * 1024));
}

void TlsBridge::closeBoth()
{
    if (m_closing)
        return;
    m_closing = true;
    m_plain->abort();
    m_tls->abort();
    deleteLater();
}

} // namespace Notify::Server
