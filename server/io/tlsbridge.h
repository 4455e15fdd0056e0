// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>

class QLocalSocket;
class QSslSocket;

namespace Notify::Server {

/// Carries one HTTPS connection between its QSslSocket and a plain socket
/// pair, whose other end a ConnectionWorker serves like any TCP connection.
///
/// So the workers' epoll path needs no TLS code at all; encryption runs on
/// the thread that owns the bridge (the hub). Backpressure is kept end to
/// end: while the client has more than a limit of encrypted bytes unsent,
/// the bridge stops reading from the pair, the worker's writes then stall,
/// and its slow-consumer limit closes the stream as for a plain client.
class TlsBridge final : public QObject
{
    Q_OBJECT

public:
    /// Takes ownership of @p tls (already encrypted or encrypting); returns the
    /// descriptor of the pair's other end for a worker, or -1 on failure.
    static qintptr bridge(QSslSocket *tls, QObject *parent);

private:
    TlsBridge(QSslSocket *tls, QLocalSocket *plain, QObject *parent);
    void pumpToClient();
    void pumpToServer();
    void closeBoth();

    QSslSocket *m_tls;
    QLocalSocket *m_plain;
    bool m_closing = false;
};

} // namespace Notify::Server
