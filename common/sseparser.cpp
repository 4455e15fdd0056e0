// SPDX-License-Identifier: MIT
#include "sseparser.h"

#include "utf8.h"

#include <QString>

#include <cstring>
#include <limits>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace Notify {

namespace {

const QByteArray &messageType()
{
    static const QByteArray type = QByteArrayLiteral("message");
    return type;
}

// Finds the first CR or LF in [p, end) and tells whether a byte >= 0x80
// precedes it, in one pass. Returns end when the line is not complete.
const char *findLineEnd(const char *p, const char *end, bool &nonAscii) noexcept
{
#if defined(__SSE2__)
    const __m128i cr = _mm_set1_epi8('\r');
    const __m128i lf = _mm_set1_epi8('\n');
    __m128i high = _mm_setzero_si128();
    while (end - p >= 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
        const int breaks = _mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(v, cr), _mm_cmpeq_epi8(v, lf)));
        if (breaks != 0) {
            const int index = __builtin_ctz(static_cast<unsigned>(breaks));
            const int before = (1 << index) - 1;
            if ((_mm_movemask_epi8(v) & before) != 0 || _mm_movemask_epi8(high) != 0)
                nonAscii = true;
            return p + index;
        }
        high = _mm_or_si128(high, v);
        p += 16;
    }
    if (_mm_movemask_epi8(high) != 0)
        nonAscii = true;
#endif
    for (; p < end; ++p) {
        const auto c = static_cast<unsigned char>(*p);
        if (c == '\r' || c == '\n')
            return p;
        if (c >= 0x80)
            nonAscii = true;
    }
    return end;
}

bool equals(QByteArrayView a, const char (&literal)[5]) noexcept
{
    return a.size() == 4 && std::memcmp(a.data(), literal, 4) == 0;
}

// Sets dst to src without allocating when dst owns a large enough buffer.
void assignBytes(QByteArray &dst, QByteArrayView src)
{
    dst.resize(src.size());
    if (!src.isEmpty())
        std::memcpy(dst.data(), src.data(), static_cast<size_t>(src.size()));
}

void assignText(QByteArray &dst, QByteArrayView src, bool nonAscii)
{
    if (!nonAscii || Utf8::isValid(src)) {
        if (QByteArrayView(dst) != src)
            assignBytes(dst, src);
        return;
    }
    dst.resize(0);
    Utf8::appendReplacingInvalid(dst, src);
}

} // namespace

void SseParser::Listener::onComment(QByteArrayView) { }
void SseParser::Listener::onRetry(quint64) { }
void SseParser::Listener::onError(SseParser::Error) { }

SseParser::SseParser(Listener *listener, qsizetype maxEventSize)
    : m_listener(listener)
    , m_maxEventSize(maxEventSize)
{
    Q_ASSERT(listener);
}

void SseParser::setLastEventId(const QByteArray &id)
{
    m_event.id = id;
    m_idBuffer = id;
}

QString SseParser::errorString(Error error)
{
    switch (error) {
    case Error::EventTooLarge:
        return QStringLiteral("an event exceeded the size limit and was discarded");
    }
    return {};
}

void SseParser::feed(QByteArrayView bytes)
{
    const char *p = bytes.data();
    const char *const end = p + bytes.size();
    if (!m_bomDone) {
        // One UTF-8 BOM is stripped, only at the very start, and it may be split.
        static constexpr char Bom[] = "\xEF\xBB\xBF";
        while (p < end && m_bomMatched < 3 && *p == Bom[m_bomMatched]) {
            ++m_bomMatched;
            ++p;
        }
        if (m_bomMatched < 3 && p == end)
            return; // still undecided
        m_bomDone = true;
        if (m_bomMatched < 3 && m_bomMatched > 0)
            feedBody(Bom, Bom + m_bomMatched); // not a BOM after all: those bytes are content
    }
    feedBody(p, end);
}

void SseParser::feedBody(const char *p, const char *const end)
{
    if (m_skipLf && p < end) {
        m_skipLf = false;
        if (*p == '\n')
            ++p;
    }
    while (p < end) {
        bool nonAscii = false;
        const char *lineEnd = findLineEnd(p, end, nonAscii);
        if (lineEnd == end) {
            appendPartialLine(p, end - p, nonAscii);
            return;
        }
        if (m_discardingLine) {
            m_discardingLine = false;
        } else if (m_line.isEmpty()) {
            // The same limit as for a line that arrives in pieces, so that the
            // outcome never depends on how the stream was chunked.
            if (lineEnd - p + m_event.data.size() > m_maxEventSize)
                discardEvent();
            else
                processLine(p, lineEnd - p, nonAscii);
        } else {
            appendPartialLine(p, lineEnd - p, nonAscii);
            if (m_discardingLine) {
                m_discardingLine = false;
            } else {
                processLine(m_line.constData(), m_line.size(), m_lineNonAscii);
                m_line.resize(0);
                m_lineNonAscii = false;
            }
        }
        if (*lineEnd == '\r') {
            if (lineEnd + 1 == end) {
                m_skipLf = true;
                return;
            }
            p = lineEnd[1] == '\n' ? lineEnd + 2 : lineEnd + 1;
        } else {
            p = lineEnd + 1;
        }
    }
}

void SseParser::appendPartialLine(const char *p, qsizetype n, bool nonAscii)
{
    if (m_discardingLine)
        return;
    if (m_line.size() + n + m_event.data.size() > m_maxEventSize) {
        m_line.clear();
        m_lineNonAscii = false;
        m_discardingLine = true;
        discardEvent();
        return;
    }
    m_line.append(p, n);
    m_lineNonAscii = m_lineNonAscii || nonAscii;
}

void SseParser::processLine(const char *p, qsizetype n, bool nonAscii)
{
    if (n == 0) {
        dispatch();
        return;
    }
    if (*p == ':') {
        const QByteArrayView text(p + 1, n - 1);
        if (nonAscii && !Utf8::isValid(text)) {
            QByteArray decoded;
            Utf8::appendReplacingInvalid(decoded, text);
            m_listener->onComment(decoded);
        } else {
            m_listener->onComment(text);
        }
        return;
    }
    const auto *colon = static_cast<const char *>(std::memchr(p, ':', static_cast<size_t>(n)));
    const QByteArrayView name(p, colon ? colon - p : n);
    QByteArrayView value;
    if (colon) {
        const char *v = colon + 1;
        if (v < p + n && *v == ' ')
            ++v;
        value = QByteArrayView(v, p + n - v);
    }

    switch (name.size()) {
    case 4:
        if (equals(name, "data"))
            appendData(value, nonAscii);
        break;
    case 5:
        if (std::memcmp(name.data(), "event", 5) == 0) {
            if (!m_discardingEvent)
                assignText(m_event.type, value, nonAscii);
        } else if (std::memcmp(name.data(), "retry", 5) == 0) {
            if (value.isEmpty())
                break;
            quint64 ms = 0;
            for (const char c : value) {
                if (c < '0' || c > '9')
                    return;
                const auto digit = static_cast<quint64>(c - '0');
                // Saturate rather than wrap: an absurd value must not become a tiny one.
                ms = ms > (std::numeric_limits<quint64>::max() - digit) / 10 ? std::numeric_limits<quint64>::max()
                                                                             : ms * 10 + digit;
            }
            m_listener->onRetry(ms);
        }
        break;
    case 2:
        if (name[0] == 'i' && name[1] == 'd' && !value.contains('\0'))
            assignText(m_idBuffer, value, nonAscii);
        break;
    default:
        break; // unknown fields are ignored
    }
}

void SseParser::appendData(QByteArrayView value, bool nonAscii)
{
    // The line holding an ASCII value already passed the size check (value +
    // LF is never longer than "data:" + value); replacing invalid UTF-8 can
    // triple the size, so that path is checked again.
    if (m_discardingEvent)
        return;
    if (nonAscii) {
        Utf8::appendSanitized(m_event.data, value);
        if (m_event.data.size() + 1 > m_maxEventSize) {
            discardEvent();
            return;
        }
    } else {
        m_event.data.append(value);
    }
    m_event.data.append('\n');
}

void SseParser::discardEvent()
{
    if (!m_discardingEvent) {
        m_discardingEvent = true;
        m_listener->onError(Error::EventTooLarge);
    }
    m_event.data.clear(); // give the memory back: this event was huge
}

void SseParser::dispatch()
{
    // The id is committed even when no event fires. Copying the bytes (not
    // sharing the buffer) lets both buffers be reused without allocating.
    if (m_event.id != m_idBuffer)
        assignBytes(m_event.id, m_idBuffer);
    if (m_discardingEvent) {
        m_discardingEvent = false;
        m_event.type.resize(0);
        return;
    }
    if (m_event.data.isEmpty()) {
        m_event.type.resize(0);
        return;
    }
    m_event.data.chop(1); // every data line appended an LF; the last one goes
    // The event is handed out as it stands in the parser: no copies, no
    // reference counting. A listener that keeps it shares the buffers, and
    // the parser then detaches on its next write.
    if (m_event.type.isEmpty()) {
        m_event.type = messageType();
        m_listener->onEvent(m_event);
        m_event.type = QByteArray();
    } else {
        m_listener->onEvent(m_event);
        m_event.type.resize(0);
    }
    m_event.data.resize(0);
}

void SseParser::endOfStream()
{
    m_line.clear();
    m_event.data.resize(0);
    m_event.type.resize(0);
    m_idBuffer = m_event.id;
    m_bomMatched = 0;
    m_bomDone = false;
    m_skipLf = false;
    m_lineNonAscii = false;
    m_discardingLine = false;
    m_discardingEvent = false;
}

} // namespace Notify
