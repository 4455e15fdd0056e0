// SPDX-License-Identifier: MIT
#include "redisconnection.h"

#include <QCryptographicHash>

#include <hiredis/hiredis.h>

#include <sys/time.h>

namespace Notify::Server {

namespace {

timeval toTimeval(int ms)
{
    return timeval{ ms / 1000, (ms % 1000) * 1000 };
}

RedisReply copy(const redisReply *reply)
{
    RedisReply out;
    switch (reply->type) {
    case REDIS_REPLY_STRING:
        out.type = RedisReply::Type::String;
        out.string = QByteArray(reply->str, qsizetype(reply->len));
        break;
    case REDIS_REPLY_STATUS:
        out.type = RedisReply::Type::Status;
        out.string = QByteArray(reply->str, qsizetype(reply->len));
        break;
    case REDIS_REPLY_ERROR:
        out.type = RedisReply::Type::Error;
        out.string = QByteArray(reply->str, qsizetype(reply->len));
        break;
    case REDIS_REPLY_INTEGER:
        out.type = RedisReply::Type::Integer;
        out.integer = reply->integer;
        break;
    case REDIS_REPLY_ARRAY:
        out.type = RedisReply::Type::Array;
        out.elements.reserve(qsizetype(reply->elements));
        for (size_t i = 0; i < reply->elements; ++i)
            out.elements << copy(reply->element[i]);
        break;
    default:
        break;
    }
    return out;
}

} // namespace

RedisConnection::RedisConnection(RedisAddress address, int timeoutMs)
    : m_address(std::move(address))
    , m_timeoutMs(timeoutMs)
{ }

RedisConnection::~RedisConnection()
{
    disconnect();
}

void RedisConnection::disconnect()
{
    if (m_context)
        redisFree(m_context);
    m_context = nullptr;
}

bool RedisConnection::connect(QString *error)
{
    disconnect();
    const timeval timeout = toTimeval(m_timeoutMs);
    redisContext *context = m_address.socketPath.isEmpty()
        ? redisConnectWithTimeout(m_address.host.toUtf8().constData(), m_address.port, timeout)
        : redisConnectUnixWithTimeout(m_address.socketPath.toUtf8().constData(), timeout);
    if (!context || context->err) {
        if (error)
            *error = context ? QString::fromUtf8(context->errstr) : QStringLiteral("out of memory");
        if (context)
            redisFree(context);
        return false;
    }
    redisSetTimeout(context, timeout);
    m_context = context;
    const auto check = [&](const QList<QByteArray> &arguments) {
        const auto reply = command(arguments, error);
        if (reply && reply->isError() && error)
            *error = QString::fromUtf8(reply->string);
        return reply && !reply->isError();
    };
    if (!m_address.password.isEmpty() && !check({ "AUTH", m_address.password })) {
        disconnect();
        return false;
    }
    if (m_address.db != 0 && !check({ "SELECT", QByteArray::number(m_address.db) })) {
        disconnect();
        return false;
    }
    return true;
}

std::optional<RedisReply> RedisConnection::command(const QList<QByteArray> &arguments, QString *error, int timeoutMs)
{
    if (!m_context) {
        if (error)
            *error = QStringLiteral("not connected to Redis");
        return std::nullopt;
    }
    std::vector<const char *> argv;
    std::vector<size_t> lengths;
    argv.reserve(size_t(arguments.size()));
    lengths.reserve(size_t(arguments.size()));
    for (const QByteArray &argument : arguments) {
        argv.push_back(argument.constData());
        lengths.push_back(size_t(argument.size()));
    }
    if (timeoutMs >= 0)
        redisSetTimeout(m_context, toTimeval(timeoutMs));
    auto *reply = static_cast<redisReply *>(redisCommandArgv(m_context, int(argv.size()), argv.data(), lengths.data()));
    if (timeoutMs >= 0)
        redisSetTimeout(m_context, toTimeval(m_timeoutMs));
    if (!reply) {
        // The connection is unusable after an I/O error or a timeout (a
        // late reply would be taken for the next command's).
        if (error)
            *error = QString::fromUtf8(m_context->errstr[0] ? m_context->errstr : "connection lost");
        disconnect();
        return std::nullopt;
    }
    RedisReply out = copy(reply);
    freeReplyObject(reply);
    return out;
}

void RedisConnection::setTimeout(int timeoutMs)
{
    m_timeoutMs = timeoutMs;
    if (m_context)
        redisSetTimeout(m_context, toTimeval(m_timeoutMs));
}

std::optional<RedisReply> RedisConnection::eval(const QByteArray &script, const QList<QByteArray> &keys,
                                                const QList<QByteArray> &arguments, QString *error)
{
    const QByteArray sha = QCryptographicHash::hash(script, QCryptographicHash::Sha1).toHex();
    QList<QByteArray> call{ "EVALSHA", sha, QByteArray::number(keys.size()) };
    call << keys << arguments;
    auto reply = command(call, error);
    if (reply && reply->isError() && reply->string.startsWith("NOSCRIPT")) {
        call[0] = "EVAL";
        call[1] = script; // EVAL caches it for the EVALSHAs that follow
        reply = command(call, error);
    }
    return reply;
}

} // namespace Notify::Server
