-- SPDX-License-Identifier: MIT
-- RedisCluster::choose(); after purge.lua.
-- ARGV: prefix, user, status, now. 1 when what others see changed.

local p, user, chosen, now = ARGV[1], ARGV[2], ARGV[3], ARGV[4]
local status, since = presence(p, user)
if status == 'offline' or status == chosen then
  redis.call('HSET', p .. 'presence', user, status .. '|' .. since .. '|' .. chosen)
  return 0
end
redis.call('HSET', p .. 'presence', user, chosen .. '|' .. now .. '|' .. chosen)
return 1
