// SPDX-License-Identifier: MIT
// Linked into the server suites that also run against Redis
// (NOTIFY_TEST_REDIS, tests/cluster/with-redis.sh).
#include "inprocessserver.h"
#include "redis/redisbackend.h"

namespace {
const bool installed = [] {
    TestSupport::InProcessServer::installRedis = &Notify::Server::installRedisBackend;
    return true;
}();
} // namespace
