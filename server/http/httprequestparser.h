// SPDX-License-Identifier: MIT
#pragma once

#include "httprequest.h"

#include <QByteArray>
#include <QString>

#include <utility>

namespace Notify::Server {

/// Socket-free HTTP/1.0 and 1.1 request parser: bytes in, a request or a
/// precise error out.
///
/// It enforces the contract's limits while the bytes arrive, so a peer can
/// never make it buffer more than the header limit plus the body limit: a
/// header section (request line included) over 16 KiB is 431, a declared body
/// over 1 MiB is 413 before any of it is read, anything malformed is 400.
/// Bytes after a complete request stay buffered for the next one, so
/// pipelined requests are answered in order.
class HttpRequestParser final
{
public:
    enum class Status {
        NeedMore, ///< no complete request yet
        Complete, ///< takeRequest() returns it
        Error, ///< errorStatus()/errorMessage() say why; the connection must close
    };

    static constexpr qsizetype DefaultMaxHeaderBytes = qsizetype(16) * 1024;
    static constexpr qsizetype DefaultMaxBodyBytes = qsizetype(1024) * 1024;

    explicit HttpRequestParser(qsizetype maxHeaderBytes = DefaultMaxHeaderBytes,
                               qsizetype maxBodyBytes = DefaultMaxBodyBytes);

    /// Adds bytes and parses as far as possible.
    Status feed(QByteArrayView bytes);
    /// Parses what is buffered (after takeRequest(), for a pipelined request).
    Status parse();
    /// The complete request; the parser then starts on the next one.
    [[nodiscard]] HttpRequest takeRequest();
    /// What arrived after the requests taken so far (a connection that moves
    /// to another worker takes it along).
    [[nodiscard]] QByteArray takeBuffered() { return std::exchange(m_buffer, {}); }

    [[nodiscard]] Status status() const { return m_status; }
    [[nodiscard]] int errorStatus() const { return m_errorStatus; }
    [[nodiscard]] QString errorMessage() const { return m_errorMessage; }
    /// True once any byte of the current request has arrived (the request
    /// deadline runs from then).
    [[nodiscard]] bool hasPartialRequest() const { return !m_buffer.isEmpty(); }

private:
    Status fail(int status, const QString &message);
    Status parseHead(qsizetype headEnd, qsizetype bodyStart);

    qsizetype m_maxHeaderBytes;
    qsizetype m_maxBodyBytes;
    QByteArray m_buffer;
    HttpRequest m_request;
    Status m_status = Status::NeedMore;
    bool m_haveHead = false;
    qsizetype m_bodyStart = 0;
    qsizetype m_contentLength = 0;
    int m_errorStatus = 0;
    QString m_errorMessage;
};

} // namespace Notify::Server
