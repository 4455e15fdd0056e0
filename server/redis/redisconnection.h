// SPDX-License-Identifier: MIT
#pragma once

#include "redisaddress.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

struct redisContext;

namespace Notify::Server {

/// One reply of Redis, copied out of hiredis's reply tree.
struct RedisReply
{
    enum class Type { Nil, String, Status, Integer, Array, Error };
    Type type = Type::Nil;
    QByteArray string; ///< String, Status, Error
    qint64 integer = 0;
    QList<RedisReply> elements;

    [[nodiscard]] bool isError() const { return type == Type::Error; }
    [[nodiscard]] bool isNil() const { return type == Type::Nil; }
    /// The integer, or a String holding one (what Lua and GET return).
    [[nodiscard]] qint64 toInteger() const { return type == Type::Integer ? integer : string.toLongLong(); }
};

/// A blocking connection to Redis (hiredis's synchronous API) with a
/// timeout on connecting and on every command, so that a Redis that stops
/// answering costs a caller at most that long. Not thread-safe: one per
/// thread. The hub's commands are short (one round trip on a local
/// network); the blocking XREAD of new events has a connection and a
/// thread of its own (RedisEventFeed).
class RedisConnection final
{
public:
    RedisConnection(RedisAddress address, int timeoutMs);
    ~RedisConnection();
    Q_DISABLE_COPY_MOVE(RedisConnection)

    /// Connects (again), authenticates and selects the database.
    bool connect(QString *error);
    [[nodiscard]] bool isConnected() const { return m_context != nullptr; }
    void disconnect();

    /// Runs one command. Nothing, with @p error, when the connection failed
    /// (it is then closed: call connect() again); an error reply is a reply.
    std::optional<RedisReply> command(const QList<QByteArray> &arguments, QString *error = nullptr, int timeoutMs = -1);
    /// Runs a Lua script by its SHA1, loading it first when Redis does not know it.
    std::optional<RedisReply> eval(const QByteArray &script, const QList<QByteArray> &keys,
                                   const QList<QByteArray> &arguments, QString *error = nullptr);

    [[nodiscard]] const RedisAddress &address() const { return m_address; }
    /// The timeout of connecting and of every command from now on.
    void setTimeout(int timeoutMs);

private:
    RedisAddress m_address;
    int m_timeoutMs;
    redisContext *m_context = nullptr;
};

} // namespace Notify::Server
