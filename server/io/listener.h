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
    struct Settings
    {
        QHostAddress address = QHostAddress::LocalHost;
        quint16 port = 0;
        QString tlsCertFile; ///< empty: plain HTTP
        QString tlsKeyFile;
        qint64 handshakeTimeoutMs = 10'000;
    };

    explicit Listener(std::function<void(qintptr)> onConnection, QObject *parent = nullptr);
    ~Listener() override;
    Q_DISABLE_COPY_MOVE(Listener)

    bool listen(const Settings &settings, QString *error);
    void close();
    [[nodiscard]] quint16 port() const;

private:
    QSslServer *makeTlsServer(const Settings &settings, QString *error);

    std::function<void(qintptr)> m_onConnection;
    QTcpServer *m_server = nullptr;
};

} // namespace Notify::Server
