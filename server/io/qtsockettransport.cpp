// SPDX-License-Identifier: MIT
#include "qtsockettransport.h"

#include "connection.h"

#include <QTcpSocket>

#include <unistd.h>

namespace Notify::Server {

struct QtSocketConnection final : Connection
{
    using Connection::Connection;

    QTcpSocket *socket = nullptr;
    bool reading = true;
};

namespace {
QtSocketConnection *qt(Connection *c)
{
    return static_cast<QtSocketConnection *>(c);
}
} // namespace

QtSocketTransport::QtSocketTransport(TransportEvents *events, Counters *counters, QObject *parent)
    : Transport(events, counters, parent)
{ }

Connection *QtSocketTransport::adopt(qintptr descriptor, qint64 maxHeaderBytes, qint64 maxBodyBytes)
{
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        ::close(int(descriptor));
        delete socket;
        return nullptr;
    }
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    auto *c = new QtSocketConnection(maxHeaderBytes, maxBodyBytes);
    c->fd = int(descriptor);
    c->socket = socket;
    c->peer = socket->peerAddress();
    connect(socket, &QTcpSocket::readyRead, this, [this, c, socket] {
        const Batch batch(*this);
        if (!c->reading)
            return;
        m_events->onReadable(c);
        // onReadable() takes a bounded amount per wake-up, and Qt signals
        // readyRead only for new bytes: what it already holds (the rest of
        // a large body) asks again, after the other sockets' turn. A closed
        // connection is disconnected from the socket, so this cannot reach it.
        if (c->isOpen() && c->reading && socket->bytesAvailable() > 0)
            QMetaObject::invokeMethod(socket, &QTcpSocket::readyRead, Qt::QueuedConnection);
    });
    connect(socket, &QTcpSocket::bytesWritten, this, [this, c] {
        const Batch batch(*this);
        if (c->socket->bytesToWrite() == 0)
            m_events->onDrained(c);
    });
    connect(socket, &QTcpSocket::disconnected, this, [this, c] {
        const Batch batch(*this);
        m_events->onPeerGone(c);
    });
    return c;
}

qint64 QtSocketTransport::read(Connection *connection, char *buffer, qint64 size)
{
    QTcpSocket *socket = qt(connection)->socket;
    if (socket->bytesAvailable() == 0)
        return socket->state() == QAbstractSocket::ConnectedState ? -1 : 0;
    const qint64 n = socket->read(buffer, size);
    return n > 0 ? n : 0;
}

void QtSocketTransport::write(Connection *connection, const QByteArray &bytes)
{
    QtSocketConnection *c = qt(connection);
    if (bytes.isEmpty() || !c->isOpen())
        return;
    c->socket->write(bytes);
    m_counters->bytesSent += bytes.size();
}

qint64 QtSocketTransport::pendingBytes(const Connection *c) const
{
    const QTcpSocket *socket = static_cast<const QtSocketConnection *>(c)->socket;
    return socket ? socket->bytesToWrite() : 0;
}

void QtSocketTransport::setReading(Connection *connection, bool reading)
{
    QtSocketConnection *c = qt(connection);
    c->reading = reading;
    // Qt kept reading while the hub answered, and readyRead does not come
    // again for bytes it already has.
    if (reading && c->isOpen() && c->socket->bytesAvailable() > 0)
        m_events->onReadable(c);
}

void QtSocketTransport::shutdownWrite(Connection *c)
{
    qt(c)->socket->disconnectFromHost();
}

void QtSocketTransport::close(Connection *connection)
{
    QtSocketConnection *c = qt(connection);
    if (!c->isOpen())
        return;
    c->socket->disconnect(this);
    c->socket->abort();
    c->socket->deleteLater();
    c->socket = nullptr;
    c->fd = -1;
}

} // namespace Notify::Server
