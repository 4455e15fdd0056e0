// SPDX-License-Identifier: MIT
#pragma once

#include "transport.h"

namespace Notify::Server {

/// The benchmark baseline (`--io qt`): a buffered QTcpSocket per connection
/// on Qt's own event dispatcher, the design EpollTransport replaces. Qt
/// buffers every write and flushes it on a later pass of the event loop, so
/// writeLater() is write().
class QtSocketTransport final : public Transport
{
    Q_OBJECT

public:
    QtSocketTransport(TransportEvents *events, Counters *counters, QObject *parent = nullptr);
    Q_DISABLE_COPY_MOVE(QtSocketTransport)

    bool start() override { return true; }
    [[nodiscard]] Connection *adopt(qintptr descriptor, qint64 maxHeaderBytes, qint64 maxBodyBytes) override;
    qint64 read(Connection *c, char *buffer, qint64 size) override;
    void write(Connection *c, const QByteArray &bytes) override;
    void writeLater(Connection *c, const QByteArray &bytes) override { write(c, bytes); }
    [[nodiscard]] qint64 pendingBytes(const Connection *c) const override;
    void setReading(Connection *c, bool reading) override;
    void shutdownWrite(Connection *c) override;
    void close(Connection *c) override;
};

} // namespace Notify::Server
