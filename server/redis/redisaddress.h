// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace Notify::Server {

/// Where a Redis server is: `redis://[:password@]host[:port][/db]` or
/// `unix:/path/to/socket[?db=N&password=P]` (also `unix:///path`).
struct RedisAddress
{
    QString host;
    quint16 port = 6379;
    QString socketPath; ///< set for unix: addresses
    QByteArray password;
    int db = 0;

    /// The address in @p url, or nothing with @p error saying what is wrong.
    static std::optional<RedisAddress> parse(const QString &url, QString *error);
    /// For logs: the URL without its password.
    [[nodiscard]] QString display() const;
};

} // namespace Notify::Server
