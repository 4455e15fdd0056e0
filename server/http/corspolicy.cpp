// SPDX-License-Identifier: MIT
#include "corspolicy.h"

#include "httprequest.h"
#include "httpresponse.h"

namespace Notify::Server {

CorsPolicy::CorsPolicy(QByteArray allowedOrigin)
    : m_allowed(std::move(allowedOrigin))
{ }

void CorsPolicy::apply(HttpResponse &response, const HttpRequest &request) const
{
    if (m_allowed.isEmpty())
        return;
    if (m_allowed == "*") {
        response.setHeader("Access-Control-Allow-Origin", "*");
    } else if (request.header("origin") == m_allowed) {
        response.setHeader("Access-Control-Allow-Origin", m_allowed);
        response.setHeader("Vary", "Origin");
    }
}

HttpResponse CorsPolicy::preflight()
{
    HttpResponse response = HttpResponse::noContent();
    response.setHeader("Access-Control-Allow-Methods", "GET, POST, PUT, DELETE, OPTIONS");
    response.setHeader("Access-Control-Allow-Headers", "Authorization, Content-Type, Last-Event-ID, Cache-Control");
    response.setHeader("Access-Control-Max-Age", "600");
    return response;
}

} // namespace Notify::Server
