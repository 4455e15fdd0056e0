-- SPDX-License-Identifier: MIT
-- RedisNotificationLists::notifications(); after walk.lua.
-- ARGV: prefix, user, unread only (0/1), limit, offset, window. Returns seq, data, read (flat).

local p, user = ARGV[1], ARGV[2]
local unreadOnly, limit, offset = ARGV[3] == '1', tonumber(ARGV[4]), tonumber(ARGV[5])
local out, skipped = {}, 0
walk(p, user, tonumber(ARGV[6]), function(s)
  local read = redis.call('SISMEMBER', p .. 'read:' .. user, redis.call('HGET', p .. 'n:id', s)) == 1
  if not (unreadOnly and read) then
    if skipped < offset then
      skipped = skipped + 1
    else
      table.insert(out, s); table.insert(out, redis.call('HGET', p .. 'n:data', s)); table.insert(out, read and 1 or 0)
      if #out >= limit * 3 then return false end
    end
  end
  return true
end)
return out
