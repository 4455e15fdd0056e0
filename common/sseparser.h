// SPDX-License-Identifier: MIT
#pragma once

#include "sseevent.h"

#include <QByteArray>
#include <QByteArrayView>

namespace Notify {

/// Incremental parser for `text/event-stream` bodies.
///
/// Follows the WHATWG HTML "server-sent events" parsing and dispatch rules:
/// bytes may arrive in any chunking and the result never depends on where
/// chunks split (a BOM or a CRLF split across two chunks included). Events,
/// comments and `retry` values are handed to a Listener as they complete.
///
/// The hot path scans 16 bytes at a time for CR/LF (and, in the same pass,
/// for non-ASCII bytes so that UTF-8 validation is skipped for ASCII lines),
/// processes complete lines straight from the caller's chunk and only copies
/// a line that is split across chunks. Buffers are reused between events.
///
/// One event may not exceed maxEventSize() bytes: a line longer than what is
/// left of the limit discards the event in progress (its `id` lines still
/// count, so a client does not ask for it again), the listener is told once,
/// and parsing goes on after the next blank line. Memory stays bounded
/// whatever the peer sends, and the outcome does not depend on chunking.
class SseParser final
{
public:
    enum class Error {
        EventTooLarge, ///< an event or line grew past maxEventSize(); it was discarded
    };

    /// Receives what the parser finds. Callbacks run inside feed().
    class Listener
    {
    public:
        virtual ~Listener() = default;
        virtual void onEvent(const SseEvent &event) = 0;
        /// A comment line (the text after the colon, as UTF-8). Heartbeats
        /// arrive here; they are never dispatched as events.
        virtual void onComment(QByteArrayView text);
        /// A valid `retry` field: the new reconnection time.
        virtual void onRetry(quint64 milliseconds);
        virtual void onError(SseParser::Error error);

    protected:
        Listener() = default;
        Q_DISABLE_COPY_MOVE(Listener)
    };

    static constexpr qsizetype DefaultMaxEventSize = qsizetype(16) * 1024 * 1024;

    explicit SseParser(Listener *listener, qsizetype maxEventSize = DefaultMaxEventSize);
    Q_DISABLE_COPY_MOVE(SseParser)
    ~SseParser() = default;

    /// Parses the next chunk of the stream.
    void feed(QByteArrayView bytes);

    /// The stream ended (or the connection broke): an incomplete event is
    /// discarded, its `id` included, and the parser is ready for a new stream.
    /// The last event id is kept, as an EventSource keeps it across reconnects.
    void endOfStream();

    /// The last event id committed by a dispatch (what a client sends back
    /// as `Last-Event-ID`).
    [[nodiscard]] QByteArray lastEventId() const { return m_event.id; }
    /// Starts from a stored id, e.g. one persisted by a previous run.
    void setLastEventId(const QByteArray &id);

    [[nodiscard]] qsizetype maxEventSize() const { return m_maxEventSize; }
    /// Bytes held for the event in progress (never more than maxEventSize()).
    [[nodiscard]] qsizetype bufferedBytes() const { return m_line.size() + m_event.data.size(); }
    [[nodiscard]] static QString errorString(Error error);

private:
    void feedBody(const char *p, const char *end);
    void appendPartialLine(const char *p, qsizetype n, bool nonAscii);
    void processLine(const char *p, qsizetype n, bool nonAscii);
    void appendData(QByteArrayView value, bool nonAscii);
    void dispatch();
    void discardEvent();

    Listener *m_listener;
    qsizetype m_maxEventSize;

    QByteArray m_line; ///< a line split across chunks, kept until its end arrives
    /// The data and event type buffers, and the committed last event id:
    /// the event being built, handed to the listener as it is.
    SseEvent m_event;
    QByteArray m_idBuffer;

    int m_bomMatched = 0; ///< bytes of a leading BOM seen so far
    bool m_bomDone = false; ///< past the point where a BOM may appear
    bool m_skipLf = false; ///< the last chunk ended in CR: a leading LF belongs to it
    bool m_lineNonAscii = false; ///< m_line holds a byte >= 0x80
    bool m_discardingLine = false;
    bool m_discardingEvent = false;
};

} // namespace Notify
