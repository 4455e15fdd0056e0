// SPDX-License-Identifier: MIT
#pragma once

#include "requestbuilder.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

class QNetworkReply;

namespace Notify {

/// One finished HTTP answer, read once, the same way for every REST call of
/// the tray and notify-cli and for a refused stream: the status, the JSON
/// body, why it failed in words for people, `Retry-After` and
/// `WWW-Authenticate`.
struct HttpAnswer
{
    int status = 0; ///< the HTTP status; 0 when no HTTP answer came (the network failed)
    QByteArray raw; ///< the body as it came
    QJsonObject body; ///< the body, when it is a JSON object
    bool json = false; ///< the body was a JSON object
    /// The server's own words: `message` (ours), `detail` (Django REST
    /// framework), else `error`; empty when the body has none.
    QString serverMessage;
    QString networkError; ///< Qt's description of what went wrong ("… server replied: Not Found")
    /// Why it failed, for people: serverMessage, else with no HTTP answer the
    /// network's words, else "HTTP 404".
    QString message;
    qint64 retryAfterMs = -1; ///< `Retry-After` in ms; -1 when absent
    QByteArray challenge; ///< `WWW-Authenticate`, as sent

    [[nodiscard]] bool ok() const { return status >= 200 && status < 300; }
    /// Worth trying again later: no answer, a timeout, too many requests, a server error.
    [[nodiscard]] bool retryable() const { return status == 0 || status == 408 || status == 429 || status >= 500; }
    /// The server has no such endpoint (rather than no such item): `405`,
    /// or a `404` that is not the API's JSON error (a web server's page).
    [[nodiscard]] bool endpointMissing() const { return status == 405 || (status == 404 && !json); }
    /// A `401` that names another scheme than @p sent, said for people ("the
    /// server asks for Token authentication"); empty otherwise.
    [[nodiscard]] QString authHint(AuthScheme sent) const;
    /// message(), led by authHint() when there is one: what to show for a
    /// refused call or stream.
    [[nodiscard]] QString explained(AuthScheme sent) const;
    /// serverMessage, else networkError: Qt's words for an HTTP error carry the
    /// reason phrase and the URL, which a log or a status line may want.
    [[nodiscard]] QString detail() const { return serverMessage.isEmpty() ? networkError : serverMessage; }

    /// Reads a finished reply (its body is consumed).
    [[nodiscard]] static HttpAnswer read(QNetworkReply *reply);
    [[nodiscard]] static HttpAnswer of(int status, const QByteArray &body, const QString &networkError,
                                       const QByteArray &retryAfter = {}, const QByteArray &challenge = {});
    /// "text/event-stream; charset=utf-8" -> true: only the MIME essence counts.
    [[nodiscard]] static bool isEventStream(const QByteArray &contentType);
};

} // namespace Notify
