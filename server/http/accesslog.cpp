// SPDX-License-Identifier: MIT
#include "accesslog.h"

namespace Notify::Server::AccessLog {

QByteArray loggableTarget(QByteArrayView target)
{
    constexpr qsizetype MaxLength = 200;
    QByteArray out = target.toByteArray();
    // Case-insensitive, and wherever it stands: `?token=`, `&access_token=`, `/x&token=`.
    const qsizetype at = out.toLower().indexOf("token=");
    if (at >= 0) {
        out.truncate(at + 6);
        out.append("[redacted]");
    }
    if (out.size() > MaxLength) {
        out.truncate(MaxLength);
        out.append("...");
    }
    return out;
}

} // namespace Notify::Server::AccessLog
