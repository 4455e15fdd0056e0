// SPDX-License-Identifier: MIT
#pragma once

#include "http/httprequestparser.h"

#include <QHostAddress>
#include <QString>

namespace Notify::Server {

/// One client connection as ConnectionWorker sees it: where it is in the
/// HTTP exchange and, once it streams, which events it has.
///
/// A Transport allocates connections as a subclass that adds what its I/O
/// needs (a descriptor and an output queue, or a QTcpSocket), so a
/// connection costs one allocation whatever the I/O mode.
struct Connection
{
    enum class State {
        Reading, ///< reading a request (or idle between keep-alive requests)
        AwaitingHub, ///< a request is with the hub; input is not read meanwhile
        Streaming, ///< an event stream; input is read only to notice a close
        Closing, ///< the answer is on its way, then the connection closes
    };

    Connection(qint64 maxHeaderBytes, qint64 maxBodyBytes)
        : parser(maxHeaderBytes, maxBodyBytes)
    { }
    virtual ~Connection() = default;
    Q_DISABLE_COPY_MOVE(Connection)

    [[nodiscard]] bool isOpen() const { return fd >= 0; }

    int fd = -1; ///< the descriptor while open, -1 once closed
    quint64 id = 0;
    State state = State::Reading;
    HttpRequestParser parser;
    QHostAddress peer;
    bool closeAfterFlush = false;

    qint64 requestStartMs = 0; ///< first byte of the request being read, 0 when none
    qint64 lastActivityMs = 0;
    qint64 closeDeadlineMs = 0;

    // While streaming:
    quint64 streamId = 0;
    QString user;
    quint64 lastSeq = 0; ///< the stream has every event up to here
    bool replaying = false;
    bool replayRequested = false;
    bool stalled = false;
    qint64 lastWriteMs = 0;
    qint64 streamEndMs = 0;
};

} // namespace Notify::Server
