// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QDateTime>

#include <algorithm>

namespace Notify {

/// A `Retry-After` header in milliseconds: whole seconds or an HTTP date,
/// at most a day; -1 when absent or unreadable.
inline qint64 retryAfterMs(const QByteArray &value)
{
    bool ok = false;
    const qint64 seconds = value.trimmed().toLongLong(&ok);
    if (ok && seconds >= 0)
        return std::min<qint64>(seconds, 24LL * 3600) * 1000;
    const QDateTime date = QDateTime::fromString(QString::fromLatin1(value.trimmed()), Qt::RFC2822Date);
    if (date.isValid())
        return std::clamp<qint64>(QDateTime::currentDateTimeUtc().msecsTo(date), 0, 24LL * 3600 * 1000);
    return -1;
}

} // namespace Notify
