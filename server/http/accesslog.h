// SPDX-License-Identifier: MIT
#pragma once

#include "route.h"

#include <QByteArray>
#include <QString>

namespace Notify::Server::AccessLog {

/// What the access log says of a request, built only from what the server
/// itself defines: the method when it is one HTTP defines (else `-`), the
/// route it matched as its pattern with placeholders
/// (`/api/v1/notifications/<id>/read/`), or for a path that matches none
/// only its length (`<no route, 41 bytes>`). Never a query, a raw path, a
/// header or a body: nothing a client sends can carry a secret into it,
/// whatever its spelling (`?tok%65n=`, a token as a path segment or as the
/// method), so the log needs no scrubbing.
[[nodiscard]] QByteArray request(QByteArrayView method, const Route &route, qsizetype targetLength);

/// One line: the request as above, the status, the user (`-` when none
/// was authenticated), the answer's size and the time taken.
[[nodiscard]] QString line(QByteArrayView method, const Route &route, qsizetype targetLength, int status,
                           const QString &user, qsizetype bytes, qint64 micros);

} // namespace Notify::Server::AccessLog
