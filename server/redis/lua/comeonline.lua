-- SPDX-License-Identifier: MIT
-- RedisCluster::comeOnline(); after purge.lua.
-- ARGV: prefix, user, now. 1 when this call brought the user online.

local p, user, now = ARGV[1], ARGV[2], ARGV[3]
local status, since, chosen = presence(p, user)
if status ~= 'offline' then return 0 end
local shown = chosen ~= '' and chosen or 'online'
redis.call('HSET', p .. 'presence', user, shown .. '|' .. now .. '|' .. chosen)
return 1
