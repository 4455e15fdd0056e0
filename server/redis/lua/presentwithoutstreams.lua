-- SPDX-License-Identifier: MIT
-- RedisCluster::presentWithoutStreams(); after purge.lua.
-- ARGV: prefix. The users whose presence is not offline but who have no
-- stream left (on any instance with a lease).

local p = ARGV[1]
local out = {}
local all = redis.call('HGETALL', p .. 'presence')
for i = 1, #all, 2 do
  local status = string.match(all[i + 1], '^(.-)|')
  if status ~= 'offline' and redis.call('ZCARD', purge(p, all[i])) == 0 then table.insert(out, all[i]) end
end
return out
