-- SPDX-License-Identifier: MIT
-- RedisCluster::goOffline(); after purge.lua.
-- ARGV: prefix, user, now. 1 when this call took the user offline.

local p, user, now = ARGV[1], ARGV[2], ARGV[3]
if redis.call('ZCARD', purge(p, user)) > 0 then return 0 end
local status = presence(p, user)
if status == 'offline' then return 0 end
redis.call('HSET', p .. 'presence', user, 'offline|' .. now .. '|')
return 1
