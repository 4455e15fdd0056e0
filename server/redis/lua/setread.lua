-- SPDX-License-Identifier: MIT
-- RedisNotificationLists::setRead().
-- ARGV: prefix, user, notification id, 1 (read) or 0 (unread). 1 when the user has it.

local p, user, id = ARGV[1], ARGV[2], ARGV[3]
if redis.call('SISMEMBER', p .. 'n:ids:u:' .. user, id) == 1 or redis.call('SISMEMBER', p .. 'n:ids:all', id) == 1 then
  if ARGV[4] == '1' then
    redis.call('SADD', p .. 'read:' .. user, id)
    redis.call('SADD', p .. 'readers', user)
  else
    redis.call('SREM', p .. 'read:' .. user, id)
  end
  redis.call('DEL', p .. 'n:counts:' .. user)
  return 1
end
return 0
