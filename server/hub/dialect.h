// SPDX-License-Identifier: MIT
#pragma once

#include "http/httpresponse.h"
#include "http/route.h"
#include "serverconfig.h"

#include <memory>

namespace Notify::Server {

class EventStore;
struct HttpRequest;

/// What the server speaks on the wire: the contract (`ContractDialect`), or
/// what the reference Django backend serves (`DjangoDialect`, `--dialect
/// django`), so the tray can be tried locally against what production does.
/// The parts that differ are here and nowhere else.
class Dialect
{
public:
    virtual ~Dialect() = default;
    [[nodiscard]] static std::unique_ptr<Dialect> make(ServerConfig::Dialect dialect);

    /// One event as the stream writes it.
    [[nodiscard]] virtual QByteArray frame(const QByteArray &id, const QByteArray &type,
                                           const QByteArray &data) const = 0;
    /// What a stream sends right after its head.
    [[nodiscard]] virtual QByteArray preamble(qint64 retryMs) const = 0;
    /// Whether streams resume after Last-Event-ID (replay, `reset`).
    [[nodiscard]] virtual bool resumes() const = 0;
    /// The token a request carries (the header of the dialect's scheme, or `?token=`).
    [[nodiscard]] virtual QByteArray token(const HttpRequest &request) const = 0;
    /// The 401 for a missing or unknown token.
    [[nodiscard]] virtual HttpResponse unauthorized() const = 0;
    /// Whether the endpoint exists in this dialect.
    [[nodiscard]] virtual bool serves(Route::Endpoint endpoint) const = 0;
    /// GET /api/v1/notifications/ for @p user.
    [[nodiscard]] virtual HttpResponse notifications(const HttpRequest &request, const QString &user,
                                                     EventStore &store) const = 0;

protected:
    Dialect() = default;
    Q_DISABLE_COPY_MOVE(Dialect)
};

} // namespace Notify::Server
