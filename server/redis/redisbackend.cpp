// SPDX-License-Identifier: MIT
#include "redisbackend.h"

#include "hub/notifyserver.h"
#include "rediscluster.h"
#include "rediseventstore.h"

namespace Notify::Server {

void installRedisBackend()
{
    NotifyServer::setSharedBackendFactory(
        [](const ServerConfig &config, QString *error) -> std::optional<NotifyServer::SharedBackend> {
            const auto address = RedisAddress::parse(config.redisUrl, error);
            if (!address)
                return std::nullopt;
            auto store = std::make_unique<RedisEventStore>(*address, config.redisPrefix.toUtf8(), config.retainEvents);
            if (!store->open(error))
                return std::nullopt;
            auto cluster = std::make_unique<RedisCluster>(*store, config.redisLeaseMs);
            if (!cluster->start(error))
                return std::nullopt;
            store->started();
            NotifyServer::SharedBackend backend;
            backend.store = std::move(store);
            backend.cluster = std::move(cluster);
            return backend;
        });
}

} // namespace Notify::Server
