-- SPDX-License-Identifier: MIT
-- RedisCluster::admit(); after purge.lua.
-- ARGV: prefix, user, member, now, max, evict (0/1), own instance.
-- Returns {1, evicted members...} or {0}.

local p, user, member, now, max = ARGV[1], ARGV[2], ARGV[3], ARGV[4], tonumber(ARGV[5])
local key = purge(p, user)
local count = redis.call('ZCARD', key)
local out = {1}
if count >= max then
  if ARGV[6] ~= '1' then return {0} end
  for _, v in ipairs(redis.call('ZRANGE', key, 0, count - max)) do
    redis.call('ZREM', key, v)
    table.insert(out, v)
    if string.match(v, '^(.-):') ~= ARGV[7] then
      redis.call('XADD', p .. 'control', 'MAXLEN', '~', '10000', '*', 'evict', v)
    end
  end
end
redis.call('ZADD', key, now, member)
return out
