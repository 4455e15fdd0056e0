// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QUrlQuery>

namespace Notify::Server {

/// One parsed HTTP/1.x request. Header names are lower-cased; values are
/// kept as sent (minus surrounding whitespace).
struct HttpRequest
{
    QByteArray method;
    QByteArray target; ///< as sent: path plus optional "?query"
    QByteArray path; ///< the target up to '?', percent-encoding kept
    QUrlQuery query;
    int minorVersion = 1; ///< HTTP/1.<minorVersion>
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;

    /// The first value of @p lowerCaseName, or a null QByteArray when absent.
    [[nodiscard]] QByteArray header(QByteArrayView lowerCaseName) const
    {
        for (const auto &[name, value] : headers) {
            if (name == lowerCaseName)
                return value;
        }
        return {};
    }
    [[nodiscard]] bool hasHeader(QByteArrayView lowerCaseName) const
    {
        for (const auto &entry : headers) {
            if (entry.first == lowerCaseName)
                return true;
        }
        return false;
    }
    /// Whether the client wants the connection kept open after the answer.
    [[nodiscard]] bool keepAlive() const
    {
        const QByteArray connection = header("connection").toLower();
        if (minorVersion == 0)
            return connection.contains("keep-alive");
        return !connection.contains("close");
    }
};

} // namespace Notify::Server
