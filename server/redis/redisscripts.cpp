// SPDX-License-Identifier: MIT
#include "redisscripts.h"

#include <QFile>

namespace Notify::Server {

namespace {

/// A file's text without its leading comment lines (the blank line after them stays).
QByteArray withoutHeader(const QByteArray &text)
{
    qsizetype at = 0;
    while (QByteArrayView(text).sliced(at).startsWith("--")) {
        const qsizetype end = text.indexOf('\n', at);
        if (end < 0)
            return {};
        at = end + 1;
    }
    return text.sliced(at);
}

} // namespace

QByteArray RedisScripts::load(std::initializer_list<const char *> names)
{
    QByteArray script;
    for (const char *name : names) {
        QFile file(QStringLiteral(":/notify/redis/lua/%1.lua").arg(QLatin1String(name)));
        // Compiled in (server/CMakeLists.txt): missing, the build is broken.
        if (!file.open(QIODevice::ReadOnly))
            qFatal("the Lua script %s.lua is not compiled in: %s", name, qPrintable(file.errorString()));
        script += withoutHeader(file.readAll());
    }
    return script;
}

const QByteArray &RedisScripts::append()
{
    static const QByteArray script = load({ "xadd", "append" });
    return script;
}

const QByteArray &RedisScripts::claim()
{
    static const QByteArray script = load({ "xadd", "claim" });
    return script;
}

const QByteArray &RedisScripts::escalate()
{
    static const QByteArray script = load({ "xadd", "escalate" });
    return script;
}

const QByteArray &RedisScripts::notifications()
{
    static const QByteArray script = load({ "walk", "notifications" });
    return script;
}

const QByteArray &RedisScripts::counts()
{
    static const QByteArray script = load({ "walk", "counts" });
    return script;
}

const QByteArray &RedisScripts::setRead()
{
    static const QByteArray script = load({ "setread" });
    return script;
}

const QByteArray &RedisScripts::markAllRead()
{
    static const QByteArray script = load({ "walk", "markallread" });
    return script;
}

const QByteArray &RedisScripts::trim()
{
    static const QByteArray script = load({ "trim" });
    return script;
}

const QByteArray &RedisScripts::admit()
{
    static const QByteArray script = load({ "purge", "admit" });
    return script;
}

const QByteArray &RedisScripts::streamCount()
{
    static const QByteArray script = load({ "purge", "streamcount" });
    return script;
}

const QByteArray &RedisScripts::comeOnline()
{
    static const QByteArray script = load({ "purge", "comeonline" });
    return script;
}

const QByteArray &RedisScripts::goOffline()
{
    static const QByteArray script = load({ "purge", "gooffline" });
    return script;
}

const QByteArray &RedisScripts::choose()
{
    static const QByteArray script = load({ "purge", "choose" });
    return script;
}

const QByteArray &RedisScripts::presentWithoutStreams()
{
    static const QByteArray script = load({ "purge", "presentwithoutstreams" });
    return script;
}

} // namespace Notify::Server
