// SPDX-License-Identifier: MIT
#include "redisaddress.h"

#include <QUrl>
#include <QUrlQuery>

namespace Notify::Server {

std::optional<RedisAddress> RedisAddress::parse(const QString &url, QString *error)
{
    const QUrl parsed(url, QUrl::StrictMode);
    RedisAddress address;
    const auto fail = [&](const QString &why) {
        // Not the URL itself: it may hold a password.
        if (error)
            *error = QStringLiteral("--redis: %1").arg(why);
        return std::nullopt;
    };
    if (!parsed.isValid())
        return fail(QStringLiteral("not a URL (redis://[:password@]host:port/db or unix:/path)"));
    if (parsed.scheme() == u"unix") {
        address.socketPath = parsed.path();
        if (address.socketPath.isEmpty())
            return fail(QStringLiteral("no socket path"));
        const QUrlQuery query(parsed);
        bool ok = true;
        if (query.hasQueryItem(QStringLiteral("db")))
            address.db = query.queryItemValue(QStringLiteral("db")).toInt(&ok);
        if (!ok || address.db < 0)
            return fail(QStringLiteral("db must be a number"));
        address.password = query.queryItemValue(QStringLiteral("password"), QUrl::FullyDecoded).toUtf8();
        return address;
    }
    if (parsed.scheme() != u"redis")
        return fail(QStringLiteral("the scheme must be redis: or unix:"));
    address.host = parsed.host();
    if (address.host.isEmpty())
        return fail(QStringLiteral("no host"));
    const int port = parsed.port(6379);
    if (port <= 0 || port > 65535)
        return fail(QStringLiteral("bad port"));
    address.port = quint16(port);
    address.password = parsed.password(QUrl::FullyDecoded).toUtf8();
    const QString path = parsed.path().mid(1);
    if (!path.isEmpty()) {
        bool ok = false;
        address.db = path.toInt(&ok);
        if (!ok || address.db < 0)
            return fail(QStringLiteral("the path must be a database number"));
    }
    return address;
}

QString RedisAddress::display() const
{
    if (!socketPath.isEmpty())
        return QStringLiteral("unix:%1 db %2").arg(socketPath).arg(db);
    return QStringLiteral("redis://%1:%2/%3").arg(host).arg(port).arg(db);
}

} // namespace Notify::Server
