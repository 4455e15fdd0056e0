// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

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
    // An HTTP date (RFC 9110's IMF-fixdate) ends in "GMT", which Qt's RFC 2822 parser does not take.
    QString text = QString::fromLatin1(value.trimmed());
    if (text.endsWith(QLatin1StringView(" GMT")))
        text = text.chopped(3) + QLatin1StringView("+0000");
    const QDateTime date = QDateTime::fromString(text, Qt::RFC2822Date);
    if (date.isValid())
        return std::clamp<qint64>(QDateTime::currentDateTimeUtc().msecsTo(date), 0, 24LL * 3600 * 1000);
    return -1;
}

} // namespace Notify
