// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>

namespace Notify::Server {

struct HttpRequest;
struct HttpResponse;

/// Cross-origin access for browsers (`--cors-origin`): an origin, `*`, or
/// none (no CORS headers at all).
class CorsPolicy final
{
public:
    explicit CorsPolicy(QByteArray allowedOrigin);

    [[nodiscard]] bool enabled() const { return !m_allowed.isEmpty(); }
    /// Adds Access-Control-Allow-Origin when the request's origin may read the answer.
    void apply(HttpResponse &response, const HttpRequest &request) const;
    /// The answer to a preflight (OPTIONS): what a browser may send (apply() adds the origin).
    [[nodiscard]] static HttpResponse preflight();

private:
    QByteArray m_allowed;
};

} // namespace Notify::Server
