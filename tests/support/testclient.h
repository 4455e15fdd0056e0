// SPDX-License-Identifier: MIT
#pragma once
// Small blocking-style HTTP and SSE clients for the server tests. They spin
// the event loop while they wait (QTest::qWaitFor), so the in-process server's
// hub keeps running; every wait has a deadline and fails loudly.

#include "common/sseparser.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>
#include <QTest>

namespace TestClient {

struct Response
{
    int status = 0;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    bool complete = false;

    QByteArray header(const QByteArray &name) const
    {
        for (const auto &[n, v] : headers) {
            if (n.compare(name, Qt::CaseInsensitive) == 0)
                return v;
        }
        return {};
    }
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
};

// Parses one response (head + Content-Length body) from the front of @p buffer.
inline bool takeResponse(QByteArray &buffer, Response &out)
{
    const qsizetype end = buffer.indexOf("\r\n\r\n");
    if (end < 0)
        return false;
    const QList<QByteArray> lines = buffer.left(end).split('\n');
    Response r;
    r.status = lines.first().split(' ').value(1).toInt();
    qsizetype length = 0;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        r.headers.append({ line.left(colon).trimmed(), line.mid(colon + 1).trimmed() });
        if (line.left(colon).trimmed().compare("content-length", Qt::CaseInsensitive) == 0)
            length = line.mid(colon + 1).trimmed().toLongLong();
    }
    if (buffer.size() < end + 4 + length)
        return false;
    r.body = buffer.mid(end + 4, length);
    r.complete = true;
    buffer.remove(0, end + 4 + length);
    out = r;
    return true;
}

/// Sends raw bytes and reads responses on one connection.
class Connection
{
public:
    explicit Connection(quint16 port)
    {
        m_socket.connectToHost(QHostAddress::LocalHost, port);
        m_connected = m_socket.waitForConnected(5000);
        QObject::connect(&m_socket, &QTcpSocket::readyRead, &m_socket, [this] { m_buffer += m_socket.readAll(); });
    }
    bool connected() const { return m_connected; }
    void send(const QByteArray &bytes)
    {
        m_socket.write(bytes);
        m_socket.flush();
    }
    Response read(int timeoutMs = 5000)
    {
        Response r;
        if (!QTest::qWaitFor([&] { return takeResponse(m_buffer, r); }, timeoutMs))
            qWarning() << "no complete response within" << timeoutMs << "ms; have" << m_buffer.left(200);
        return r;
    }
    /// True once the server closed the connection.
    bool waitForClose(int timeoutMs = 5000)
    {
        return QTest::qWaitFor([&] { return m_socket.state() == QAbstractSocket::UnconnectedState; }, timeoutMs);
    }
    QByteArray &buffer() { return m_buffer; }
    QTcpSocket &socket() { return m_socket; }

private:
    QTcpSocket m_socket;
    QByteArray m_buffer;
    bool m_connected = false;
};

inline Response request(quint16 port, const QByteArray &method, const QByteArray &target, const QByteArray &token = {},
                        const QByteArray &body = {}, const QList<QPair<QByteArray, QByteArray>> &extraHeaders = {})
{
    Connection c(port);
    QByteArray req = method + ' ' + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n";
    if (!token.isEmpty())
        req += "Authorization: Bearer " + token + "\r\n";
    for (const auto &[name, value] : extraHeaders)
        req += name + ": " + value + "\r\n";
    if (!body.isNull())
        req += "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n";
    req += "\r\n" + body;
    c.send(req);
    return c.read();
}

/// An SSE stream: the response head, then events through the real parser.
class Stream final : public Notify::SseParser::Listener
{
public:
    Stream(quint16 port, const QByteArray &token, const QList<QPair<QByteArray, QByteArray>> &headers = {},
           const QByteArray &target = "/api/v1/notifications/sse/stream/")
        : m_parser(this)
    {
        QObject::connect(&m_socket, &QTcpSocket::readyRead, &m_socket, [this] { onReadyRead(); });
        m_socket.connectToHost(QHostAddress::LocalHost, port);
        m_socket.waitForConnected(5000);
        QByteArray req = "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n";
        if (!token.isEmpty())
            req += "Authorization: Bearer " + token + "\r\n";
        for (const auto &[name, value] : headers)
            req += name + ": " + value + "\r\n";
        m_socket.write(req + "\r\n");
    }

    bool waitForHead(int timeoutMs = 5000)
    {
        return QTest::qWaitFor([&] { return head.complete || closed(); }, timeoutMs) && head.complete;
    }
    bool waitForEvents(qsizetype count, int timeoutMs = 10000)
    {
        return QTest::qWaitFor([&] { return events.size() >= count; }, timeoutMs);
    }
    bool waitForClose(int timeoutMs = 10000)
    {
        return QTest::qWaitFor([&] { return closed(); }, timeoutMs);
    }
    bool closed() const { return m_socket.state() == QAbstractSocket::UnconnectedState; }
    void close() { m_socket.abort(); }
    QByteArrayList ids() const
    {
        QByteArrayList out;
        for (const auto &e : events)
            out << e.id;
        return out;
    }
    QList<Notify::SseEvent> eventsOfType(const QByteArray &type) const
    {
        QList<Notify::SseEvent> out;
        for (const auto &e : events) {
            if (e.type == type)
                out << e;
        }
        return out;
    }

    Response head;
    QByteArray rawBody;
    QList<Notify::SseEvent> events;
    QByteArrayList comments;
    QList<quint64> retries;

    void onEvent(const Notify::SseEvent &event) override { events << event; }
    void onComment(QByteArrayView text) override { comments << text.toByteArray(); }
    void onRetry(quint64 ms) override { retries << ms; }

private:
    void onReadyRead()
    {
        QByteArray bytes = m_socket.readAll();
        if (!head.complete) {
            m_headBuffer += bytes;
            const qsizetype end = m_headBuffer.indexOf("\r\n\r\n");
            if (end < 0)
                return;
            QByteArray headOnly = m_headBuffer.left(end + 4);
            bytes = m_headBuffer.mid(end + 4);
            // Error answers have a Content-Length body; streams do not.
            if (!takeResponse(headOnly, head)) {
                QByteArray all = m_headBuffer;
                if (!takeResponse(all, head))
                    return;
                bytes.clear();
            }
            if (head.status != 200) {
                QByteArray all = m_headBuffer;
                takeResponse(all, head);
                return;
            }
        }
        rawBody += bytes;
        m_parser.feed(bytes);
    }

    QTcpSocket m_socket;
    QByteArray m_headBuffer;
    Notify::SseParser m_parser;
};

} // namespace TestClient
