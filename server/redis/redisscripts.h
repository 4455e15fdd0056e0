// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>

#include <initializer_list>

namespace Notify::Server {

/// The Lua scripts that RedisEventStore, RedisNotificationLists and
/// RedisCluster run: the files of server/redis/lua/, compiled in as Qt
/// resources (Notify::ServerRedis), each script read once and kept.
///
/// A file's leading `--` lines document it (its ARGV, what it returns) and
/// are not part of the script: Redis gets the rest of the file as it is.
/// walk.lua, purge.lua and xadd.lua are not scripts of their own but what others
/// begin with (the lists' walk, the cluster's purge of expired leases, the XADD of an event).
/// Every script gets the keys' prefix as ARGV[1] (one Redis, not a Redis
/// Cluster: the keys are built in the script).
class RedisScripts final
{
public:
    RedisScripts() = delete;

    /// append.lua: a batch of events and the snapshots they change.
    static const QByteArray &append();
    /// claim.lua: a claim or a release and its event.
    static const QByteArray &claim();
    /// escalate.lua: the error notifications due for escalation.
    static const QByteArray &escalate();

    /// The notifications lists (walk.lua first where they walk a list).
    static const QByteArray &notifications();
    static const QByteArray &counts();
    static const QByteArray &setRead();
    static const QByteArray &markAllRead();
    static const QByteArray &trim();

    /// The cluster's streams and presence (each after purge.lua).
    static const QByteArray &admit();
    static const QByteArray &streamCount();
    static const QByteArray &comeOnline();
    static const QByteArray &goOffline();
    static const QByteArray &choose();
    static const QByteArray &presentWithoutStreams();

private:
    /// The files' scripts (`lua/<name>.lua`), one after another.
    static QByteArray load(std::initializer_list<const char *> names);
};

} // namespace Notify::Server
