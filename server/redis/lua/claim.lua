-- SPDX-License-Identifier: MIT
-- RedisEventStore::claim() and release(): a claim and its
-- `notification_claimed` event, atomically (Redis runs a script alone: of
-- two users claiming at once on any instances, exactly one wins); after
-- xadd.lua.
-- ARGV: prefix, max events, user, notification id, "claim" or "release",
-- admin (1/0), the claim ("<by>\n<at>"), the event's data, created ms.
-- Returns {status, holder}: status 0 not the user's notification, 1
-- unchanged (already theirs, or not claimed), 2 held by someone else (holder
-- "<by>\n<at>"), 3 done (then holder is the event's seq).

local p, user, id, action, admin = ARGV[1], ARGV[3], ARGV[4], ARGV[5], ARGV[6] == '1'
local audience = redis.call('HGET', p .. 'n:aud', id)
local broadcast = redis.call('SISMEMBER', p .. 'n:ids:all', id) == 1
local recipient = broadcast or redis.call('SISMEMBER', p .. 'n:ids:u:' .. user, id) == 1
if not audience and recipient then
  -- Stored before n:aud was kept (before groups): for everybody, or for this user alone.
  audience = broadcast and '*' or user
end
if not audience or not (recipient or (admin and action == 'release')) then return {0, ''} end
audience = recipientsOf(audience)
local held = redis.call('HGET', p .. 'claims', id)
local holder = held and string.match(held, '^[^\n]*') or nil
if action == 'claim' then
  if held then return {holder == user and 1 or 2, held} end
  redis.call('HSET', p .. 'claims', id, ARGV[7])
else
  if not held then return {1, ''} end
  if holder ~= user and not admin then return {2, held} end
  redis.call('HDEL', p .. 'claims', id)
end
local seq = nextSeq(p, 1)
addEvent(p, ARGV[2], seq, 'notification_claimed', ARGV[8], audience, ARGV[9])
return {3, tostring(seq)}
