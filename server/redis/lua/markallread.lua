-- SPDX-License-Identifier: MIT
-- RedisNotificationLists::markAllRead(); after walk.lua.
-- ARGV: prefix, user, window. The ids it marked, oldest first.

local p, user = ARGV[1], ARGV[2]
local seqs = {}
walk(p, user, tonumber(ARGV[3]), function(s) table.insert(seqs, s); return true end)
local out, seen = {}, {}
for i = #seqs, 1, -1 do
  local id = redis.call('HGET', p .. 'n:id', seqs[i])
  if id and not seen[id] then
    seen[id] = true
    if redis.call('SISMEMBER', p .. 'read:' .. user, id) == 0 then table.insert(out, id) end
  end
end
for _, id in ipairs(out) do redis.call('SADD', p .. 'read:' .. user, id) end
if #out > 0 then
  redis.call('SADD', p .. 'readers', user)
  redis.call('DEL', p .. 'n:counts:' .. user)
end
return out
