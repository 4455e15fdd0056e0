-- SPDX-License-Identifier: MIT
-- RedisCluster::streamsOf(); after purge.lua.
-- ARGV: prefix, user. How many streams the user has open, over every instance.

return redis.call('ZCARD', purge(ARGV[1], ARGV[2]))
