// SPDX-License-Identifier: MIT
#include "httprequestparser.h"

#include <cstring>

namespace Notify::Server {

namespace {

// RFC 9110 token characters (method and header names).
bool isTokenChar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    return std::strchr("!#$%&'*+-.^_`|~", c) != nullptr && c != '\0';
}

bool isToken(QByteArrayView text)
{
    if (text.isEmpty())
        return false;
    for (const char c : text) {
        if (!isTokenChar(c))
            return false;
    }
    return true;
}

// Field values may hold visible ASCII, spaces, tabs and obs-text; no controls.
bool isFieldValue(QByteArrayView text)
{
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if ((u < 0x20 && c != '\t') || u == 0x7F)
            return false;
    }
    return true;
}

bool isTargetChar(char c)
{
    const auto u = static_cast<unsigned char>(c);
    return u > 0x20 && u < 0x7F;
}

QByteArrayView trimmed(QByteArrayView v)
{
    while (!v.isEmpty() && (v.front() == ' ' || v.front() == '\t'))
        v = v.sliced(1);
    while (!v.isEmpty() && (v.back() == ' ' || v.back() == '\t'))
        v.chop(1);
    return v;
}

// Finds the blank line that ends the header section. Accepts CRLF and, as
// RFC 9112 allows, bare LF line endings. Returns {end of head, start of body}.
std::pair<qsizetype, qsizetype> findHeadEnd(const QByteArray &buffer)
{
    qsizetype from = 0;
    while (true) {
        const qsizetype lf = buffer.indexOf('\n', from);
        if (lf < 0)
            return { -1, -1 };
        // lf ends a line; is the next line empty?
        const qsizetype next = lf + 1;
        if (next < buffer.size() && buffer[next] == '\n')
            return { lf, next + 1 };
        if (next + 1 < buffer.size() && buffer[next] == '\r' && buffer[next + 1] == '\n')
            return { lf, next + 2 };
        from = next;
    }
}

} // namespace

HttpRequestParser::HttpRequestParser(qsizetype maxHeaderBytes, qsizetype maxBodyBytes)
    : m_maxHeaderBytes(maxHeaderBytes)
    , m_maxBodyBytes(maxBodyBytes)
{ }

HttpRequestParser::Status HttpRequestParser::fail(int status, const QString &message)
{
    m_status = Status::Error;
    m_errorStatus = status;
    m_errorMessage = message;
    m_buffer.clear();
    return m_status;
}

HttpRequestParser::Status HttpRequestParser::feed(QByteArrayView bytes)
{
    if (m_status == Status::Error)
        return m_status;
    m_buffer.append(bytes);
    return parse();
}

HttpRequestParser::Status HttpRequestParser::parse()
{
    if (m_status != Status::NeedMore)
        return m_status;
    if (!m_haveHead) {
        // Empty lines before a request line are ignored (RFC 9112, 2.2).
        qsizetype skip = 0;
        while (skip < m_buffer.size() && (m_buffer[skip] == '\r' || m_buffer[skip] == '\n'))
            ++skip;
        if (skip > 0)
            m_buffer.remove(0, skip);
        // Fail fast on bytes that cannot start a request (TLS sent to the
        // plain port, binary junk) instead of waiting for the deadline.
        // Methods are short; a longer "method" is junk too.
        constexpr qsizetype MaxMethodLength = 32;
        const qsizetype prefix = std::min(m_buffer.size(), MaxMethodLength + 1);
        const qsizetype space = QByteArrayView(m_buffer).first(prefix).indexOf(' ');
        for (qsizetype i = 0; i < (space < 0 ? prefix : space); ++i) {
            if (!isTokenChar(m_buffer[i]) || i == MaxMethodLength)
                return fail(400, QStringLiteral("malformed request line"));
        }
        const auto [headEnd, bodyStart] = findHeadEnd(m_buffer);
        if (headEnd < 0) {
            if (m_buffer.size() > m_maxHeaderBytes)
                return fail(431,
                            QStringLiteral("the request header section is larger than %1 bytes").arg(m_maxHeaderBytes));
            return m_status;
        }
        if (bodyStart > m_maxHeaderBytes)
            return fail(431,
                        QStringLiteral("the request header section is larger than %1 bytes").arg(m_maxHeaderBytes));
        if (parseHead(headEnd, bodyStart) == Status::Error)
            return m_status;
    }
    if (m_buffer.size() - m_bodyStart < m_contentLength)
        return m_status;
    m_request.body = m_buffer.mid(m_bodyStart, m_contentLength);
    m_buffer.remove(0, m_bodyStart + m_contentLength);
    m_status = Status::Complete;
    return m_status;
}

HttpRequestParser::Status HttpRequestParser::parseHead(qsizetype headEnd, qsizetype bodyStart)
{
    const QByteArrayView head = QByteArrayView(m_buffer).first(headEnd);
    QList<QByteArrayView> lines;
    qsizetype from = 0;
    while (from <= head.size()) {
        qsizetype lf = head.indexOf('\n', from);
        if (lf < 0)
            lf = head.size();
        QByteArrayView line = head.sliced(from, lf - from);
        if (line.endsWith('\r'))
            line.chop(1);
        lines << line;
        from = lf + 1;
    }

    // Request line: method SP request-target SP HTTP-version
    const QByteArrayView requestLine = lines.first();
    const qsizetype sp1 = requestLine.indexOf(' ');
    const qsizetype sp2 = sp1 < 0 ? -1 : requestLine.indexOf(' ', sp1 + 1);
    if (sp1 <= 0 || sp2 < 0 || requestLine.indexOf(' ', sp2 + 1) >= 0)
        return fail(400, QStringLiteral("malformed request line"));
    const QByteArrayView method = requestLine.first(sp1);
    const QByteArrayView target = requestLine.sliced(sp1 + 1, sp2 - sp1 - 1);
    const QByteArrayView version = requestLine.sliced(sp2 + 1);
    if (!isToken(method))
        return fail(400, QStringLiteral("malformed request method"));
    if (target.isEmpty() || !(target.front() == '/' || target == "*"))
        return fail(400, QStringLiteral("malformed request target"));
    for (const char c : target) {
        if (!isTargetChar(c))
            return fail(400, QStringLiteral("malformed request target"));
    }
    if (version.size() != 8 || !version.startsWith("HTTP/") || version[6] != '.' || version[5] < '0' || version[5] > '9'
        || version[7] < '0' || version[7] > '9')
        return fail(400, QStringLiteral("malformed HTTP version"));
    if (version[5] != '1')
        return fail(505, QStringLiteral("only HTTP/1.0 and HTTP/1.1 are supported"));

    HttpRequest request;
    request.method = method.toByteArray();
    request.target = target.toByteArray();
    request.minorVersion = version[7] - '0';
    const qsizetype question = target.indexOf('?');
    request.path = (question < 0 ? target : target.first(question)).toByteArray();
    if (question >= 0)
        request.query.setQuery(QString::fromUtf8(target.sliced(question + 1)));

    QByteArray contentLength;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArrayView line = lines.at(i);
        if (line.isEmpty())
            continue;
        if (line.front() == ' ' || line.front() == '\t')
            return fail(400, QStringLiteral("obsolete header line folding is not accepted"));
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            return fail(400, QStringLiteral("malformed header line"));
        const QByteArrayView name = line.first(colon);
        const QByteArrayView value = trimmed(line.sliced(colon + 1));
        if (!isToken(name))
            return fail(400, QStringLiteral("malformed header name"));
        if (!isFieldValue(value))
            return fail(400, QStringLiteral("invalid character in header value"));
        QByteArray lowerName = name.toByteArray().toLower();
        if (lowerName == "content-length") {
            if (value.isEmpty() || value.size() > 18)
                return fail(400, QStringLiteral("invalid Content-Length"));
            for (const char c : value) {
                if (c < '0' || c > '9')
                    return fail(400, QStringLiteral("invalid Content-Length"));
            }
            if (!contentLength.isNull() && contentLength != value)
                return fail(400, QStringLiteral("conflicting Content-Length headers"));
            contentLength = value.toByteArray();
        }
        request.headers.append({ std::move(lowerName), value.toByteArray() });
    }
    if (request.hasHeader("transfer-encoding")) {
        // Chunked request bodies are legal HTTP that no client of this API needs.
        return fail(501, QStringLiteral("Transfer-Encoding is not supported; send Content-Length"));
    }
    m_contentLength = contentLength.isNull() ? 0 : contentLength.toLongLong();
    if (m_contentLength > m_maxBodyBytes)
        return fail(413, QStringLiteral("the request body is larger than %1 bytes").arg(m_maxBodyBytes));
    m_request = std::move(request);
    m_haveHead = true;
    m_bodyStart = bodyStart;
    return m_status;
}

HttpRequest HttpRequestParser::takeRequest()
{
    Q_ASSERT(m_status == Status::Complete);
    HttpRequest request = std::move(m_request);
    m_request = HttpRequest();
    m_haveHead = false;
    m_bodyStart = 0;
    m_contentLength = 0;
    m_status = Status::NeedMore;
    return request;
}

} // namespace Notify::Server
