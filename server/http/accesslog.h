// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>

namespace Notify::Server::AccessLog {

/// A request target as the access log may show it: at most 200 bytes, and
/// everything after any `token=` (a query parameter, or a client's typo such
/// as `/stream&token=…`) replaced by `[redacted]`. Headers are never logged,
/// so Authorization and Cookie cannot reach the log.
[[nodiscard]] QByteArray loggableTarget(QByteArrayView target);

} // namespace Notify::Server::AccessLog
