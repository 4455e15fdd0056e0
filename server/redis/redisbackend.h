// SPDX-License-Identifier: MIT
#pragma once

namespace Notify::Server {

/// Makes `--redis` work in this program: NotifyServer then keeps its events
/// in RedisEventStore and shares limits and presence through RedisCluster.
/// (Notify::ServerRedis; the tray's demo server does without hiredis.)
void installRedisBackend();

} // namespace Notify::Server
