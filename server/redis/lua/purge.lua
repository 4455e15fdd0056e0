-- SPDX-License-Identifier: MIT
-- Not a script of its own: what every script of RedisCluster's begins with
-- (RedisScripts puts it before them).
-- Every script that counts streams first forgets those of instances whose
-- lease expired: purge(p, user), which returns the key of the user's
-- streams. presence(p, user): the user's status, since (ms) and chosen
-- status. ARGV[1] is the prefix, ARGV[2] the user.

local function purge(p, user)
  local key = p .. 'streams:' .. user
  for _, m in ipairs(redis.call('ZRANGE', key, 0, -1)) do
    local instance = string.match(m, '^(.-):')
    if redis.call('EXISTS', p .. 'instance:' .. instance) == 0 then redis.call('ZREM', key, m) end
  end
  return key
end
local function presence(p, user)
  local v = redis.call('HGET', p .. 'presence', user)
  if not v then return 'offline', '0', '' end
  return string.match(v, '^(.-)|(.-)|(.*)$')
end
