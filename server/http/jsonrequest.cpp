// SPDX-License-Identifier: MIT
#include "jsonrequest.h"

#include "httprequest.h"

#include <QJsonDocument>

namespace Notify::Server::JsonRequest {

HttpResponse fieldError(const QString &field, const QString &message)
{
    HttpResponse response = HttpResponse::error(400, "invalid_field", field + u' ' + message);
    QJsonObject body = QJsonDocument::fromJson(response.body).object();
    body.insert(QStringLiteral("field"), field);
    response.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return response;
}

std::optional<QJsonObject> object(const HttpRequest &request, HttpResponse &error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        error = HttpResponse::error(400, "invalid_json",
                                    QStringLiteral("the body is not valid JSON: %1 at offset %2")
                                        .arg(parseError.errorString())
                                        .arg(parseError.offset));
        return std::nullopt;
    }
    if (!doc.isObject()) {
        error = HttpResponse::error(400, "invalid_json", QStringLiteral("the body must be a JSON object"));
        return std::nullopt;
    }
    return doc.object();
}

std::optional<qsizetype> limit(const HttpRequest &request, qsizetype fallback, qsizetype maximum, HttpResponse &error)
{
    if (!request.query.hasQueryItem(QStringLiteral("limit")))
        return fallback;
    const QString text = request.query.queryItemValue(QStringLiteral("limit"));
    bool ok = false;
    const qlonglong value = text.toLongLong(&ok);
    bool digits = !text.isEmpty();
    for (const QChar c : text)
        digits = digits && c.isDigit() && c.unicode() < 128;
    if (!ok || !digits || value <= 0) {
        error = fieldError(QStringLiteral("limit"), QStringLiteral("must be a positive integer"));
        return std::nullopt;
    }
    return qsizetype(std::min<qlonglong>(value, maximum));
}

std::optional<qsizetype> offset(const HttpRequest &request, HttpResponse &error)
{
    if (!request.query.hasQueryItem(QStringLiteral("offset")))
        return 0;
    const QString text = request.query.queryItemValue(QStringLiteral("offset"));
    bool ok = false;
    const qlonglong value = text.toLongLong(&ok);
    bool digits = !text.isEmpty();
    for (const QChar c : text)
        digits = digits && c.isDigit() && c.unicode() < 128;
    if (!ok || !digits) {
        error = fieldError(QStringLiteral("offset"), QStringLiteral("must be an integer of 0 or more"));
        return std::nullopt;
    }
    return qsizetype(value);
}

} // namespace Notify::Server::JsonRequest
