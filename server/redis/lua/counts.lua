-- SPDX-License-Identifier: MIT
-- RedisNotificationLists::counts(); after walk.lua.
-- ARGV: prefix, user, window. The list's entries, its unread entries, and
-- the unread notifications (ids once). Kept in n:counts:<user> until the
-- user's own notifications or read state change, or a broadcast comes or
-- goes (n:gen:all), or the window is another.

local p, user, n = ARGV[1], ARGV[2], tonumber(ARGV[3])
local cache = p .. 'n:counts:' .. user
local gen = redis.call('GET', p .. 'n:gen:all') or '0'
local kept = redis.call('HMGET', cache, 'gen', 'window', 'entries', 'unreadEntries', 'unread')
if kept[1] == gen and kept[2] == ARGV[3] then
  return {tonumber(kept[3]), tonumber(kept[4]), tonumber(kept[5])}
end
local entries, unreadEntries, unread, seen = 0, 0, 0, {}
walk(p, user, n, function(s)
  entries = entries + 1
  local id = redis.call('HGET', p .. 'n:id', s)
  if redis.call('SISMEMBER', p .. 'read:' .. user, id) == 0 then
    unreadEntries = unreadEntries + 1
    if not seen[id] then seen[id] = true; unread = unread + 1 end
  end
  return true
end)
redis.call('HSET', cache, 'gen', gen, 'window', ARGV[3], 'entries', entries, 'unreadEntries', unreadEntries,
           'unread', unread)
redis.call('EXPIRE', cache, 86400)
return {entries, unreadEntries, unread}
