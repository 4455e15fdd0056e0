// SPDX-License-Identifier: MIT
#include "accesslog.h"

namespace Notify::Server::AccessLog {

namespace {

QByteArray knownMethod(QByteArrayView method)
{
    for (const char *known : { "GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH" }) {
        if (method == known)
            return known;
    }
    return "-";
}

} // namespace

QByteArray request(QByteArrayView method, const Route &route, qsizetype targetLength)
{
    const QByteArray pattern = Route::pattern(route.endpoint);
    return knownMethod(method) + ' '
        + (pattern.isEmpty() ? "<no route, " + QByteArray::number(targetLength) + " bytes>" : pattern);
}

QString line(QByteArrayView method, const Route &route, qsizetype targetLength, int status, const QString &user,
             qsizetype bytes, qint64 micros)
{
    return QStringLiteral("%1 %2 %3 %4 B %5 us")
        .arg(QString::fromLatin1(request(method, route, targetLength)))
        .arg(status)
        .arg(user.isEmpty() ? QStringLiteral("-") : user)
        .arg(bytes)
        .arg(micros);
}

} // namespace Notify::Server::AccessLog
