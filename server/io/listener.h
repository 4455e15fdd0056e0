// SPDX-License-Identifier: MIT
#pragma once

#include <QHostAddress>
#include <QObject>

#include <functional>

class QSslServer;
class QTcpServer;

namespace Notify::Server {

/// Accepts connections, plain or HTTPS, and hands each one on as a
/// descriptor for a worker.
///
/// For HTTPS the listener is a QSslServer; after the handshake a TlsBridge
/// (a child of this object) pumps bytes between the QSslSocket and a socket
/// pair whose other end is handed on, so the workers need no TLS code.
class Listener final : public QObject
{
    Q_OBJECT

public:
    /// HTTPS: a PEM certificate (chain) and its unencrypted key; no certificate: plain HTTP.
    struct Tls
    {
        QString certFile;
        QString keyFile;
        qint64 handshakeTimeoutMs = 10'000;
    };

    explicit Listener(std::function<void(qintptr)> onConnection, QObject *parent = nullptr);
    ~Listener() override;
    Q_DISABLE_COPY_MOVE(Listener)

    bool listen(const QHostAddress &address, quint16 port, const Tls &tls, QString *error);
    void close();
    [[nodiscard]] quint16 port() const;

private:
    QSslServer *makeTlsServer(const Tls &tls, QString *error);

    std::function<void(qintptr)> m_onConnection;
    QTcpServer *m_server = nullptr;
};

} // namespace Notify::Server
