// SPDX-License-Identifier: MIT
#pragma once

#include "httpresponse.h"

#include <QJsonObject>

#include <optional>

namespace Notify::Server {

struct HttpRequest;

/// Reading JSON requests the way every endpoint answers mistakes:
/// `400 {"error","message","field"}` naming what was wrong.
namespace JsonRequest {

/// The body as a JSON object; on failure nothing, with @p error set to the answer.
std::optional<QJsonObject> object(const HttpRequest &request, HttpResponse &error);

/// `400 invalid_field` naming @p field.
HttpResponse fieldError(const QString &field, const QString &message);

/// The `limit` query parameter: absent gives @p fallback, above @p maximum is
/// clamped, anything but a positive integer is an error naming `limit`.
std::optional<qsizetype> limit(const HttpRequest &request, qsizetype fallback, qsizetype maximum, HttpResponse &error);
/// The `offset` query parameter: absent gives 0, anything but an integer of
/// 0 or more is an error naming `offset`.
std::optional<qsizetype> offset(const HttpRequest &request, HttpResponse &error);

} // namespace JsonRequest

} // namespace Notify::Server
