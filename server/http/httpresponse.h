// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>

namespace Notify::Server {

/// An HTTP/1.1 answer: status, headers and body, serialised by toBytes().
struct HttpResponse
{
    int status = 200;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    bool closeAfter = false; ///< close the connection once this is written
    QByteArray raw; ///< when set, sent as it is instead of status, headers and body

    void setHeader(const QByteArray &name, const QByteArray &value);

    static HttpResponse json(int status, const QJsonObject &body);
    /// `{"error":code,"message":message}`, as every error of the API.
    static HttpResponse error(int status, const char *code, const QString &message);
    static HttpResponse noContent();

    /// Status line, headers (Content-Length added) and body.
    [[nodiscard]] QByteArray toBytes() const;
    [[nodiscard]] static QByteArray reasonPhrase(int status);
};

} // namespace Notify::Server
