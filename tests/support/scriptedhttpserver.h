// SPDX-License-Identifier: MIT
#pragma once

// A loopback HTTP/1.1 server for client tests: it reads each connection's
// request (its head, and a body announced by Content-Length) and hands it
// to the test's own respond(). What is answered, and how (at once, in
// chunks, held open as a stream, not at all), is each test's.

#include <QHash>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrl>

#include <memory>

class ScriptedHttpServer : public QObject
{
public:
    /// Listens on 127.0.0.1, a port of the system's choosing, with @p server
    /// (a QSslServer for TLS); a test without a listener cannot run at all.
    explicit ScriptedHttpServer(std::unique_ptr<QTcpServer> server = std::make_unique<QTcpServer>())
        : m_server(std::move(server))
    {
        if (!m_server->listen(QHostAddress::LocalHost, 0))
            qFatal("ScriptedHttpServer: no loopback listener");
        connect(m_server.get(), &QTcpServer::pendingConnectionAvailable, this, [this] {
            while (QTcpSocket *socket = m_server->nextPendingConnection()) {
                socket->setParent(this);
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onRead(socket); });
                if (socket->bytesAvailable() > 0)
                    onRead(socket);
            }
        });
    }
    ~ScriptedHttpServer() override { m_server->close(); }
    Q_DISABLE_COPY_MOVE(ScriptedHttpServer)

    [[nodiscard]] quint16 port() const { return m_server->serverPort(); }
    [[nodiscard]] QUrl url(const QString &pathAndQuery, const QString &scheme = QStringLiteral("http")) const
    {
        return QUrl(QStringLiteral("%1://127.0.0.1:%2%3").arg(scheme).arg(port()).arg(pathAndQuery));
    }
    /// The value of header @p name in a request @p head (any case), or empty.
    [[nodiscard]] static QByteArray headerOf(const QByteArray &head, const QByteArray &name)
    {
        for (const QByteArray &line : head.split('\n')) {
            const qsizetype colon = line.indexOf(':');
            if (colon > 0 && line.left(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0)
                return line.mid(colon + 1).trimmed();
        }
        return {};
    }

protected:
    /// One whole request on @p socket: its head (without the blank line) and body.
    virtual void respond(QTcpSocket *socket, const QByteArray &head, const QByteArray &body) = 0;

private:
    void onRead(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0 || socket->property("answered").toBool())
            return;
        const QByteArray head = buffer.left(end);
        const qsizetype length = headerOf(head, "Content-Length").toLongLong();
        if (buffer.size() < end + 4 + length)
            return; // the body is on its way
        socket->setProperty("answered", true);
        respond(socket, head, buffer.mid(end + 4, length));
    }

    std::unique_ptr<QTcpServer> m_server;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};
