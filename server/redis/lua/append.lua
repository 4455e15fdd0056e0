-- SPDX-License-Identifier: MIT
-- RedisEventStore::appendAll(): a batch of events, and the snapshots they
-- change (notifications, orders).
-- KEYS: none (the keys are built from ARGV[1], the prefix: one Redis, not a
-- Redis Cluster). ARGV: prefix, max events, then 8 per event: type, data,
-- user a, user b, created ms, snapshot kind (n: notification, o: order, or
-- empty), its id, the snapshot's user (empty: everybody). The events take
-- consecutive seqs in their order; returns the last. One call for a whole
-- batch: Redis runs a script alone, so no other instance's event comes
-- between them, and the stream stays in seq order across the deployment.

local p = ARGV[1]
local count = (#ARGV - 2) / 8
local last = redis.call('INCRBY', p .. 'seq', count)
local seq = last - count
for i = 0, count - 1 do
  local a = 2 + i * 8
  local type, data, ua, ub, created = ARGV[a + 1], ARGV[a + 2], ARGV[a + 3], ARGV[a + 4], ARGV[a + 5]
  local kind, id, owner = ARGV[a + 6], ARGV[a + 7], ARGV[a + 8]
  seq = seq + 1
  local xadd = {'XADD', p .. 'events'}
  if tonumber(ARGV[2]) > 0 then
    table.insert(xadd, 'MAXLEN'); table.insert(xadd, '~'); table.insert(xadd, ARGV[2])
  end
  table.insert(xadd, seq .. '-0')
  for _, v in ipairs({'t', type, 'd', data, 'c', created}) do table.insert(xadd, v) end
  if ua ~= '' then table.insert(xadd, 'a'); table.insert(xadd, ua) end
  if ub ~= '' then table.insert(xadd, 'b'); table.insert(xadd, ub) end
  redis.call(unpack(xadd))
  local scope = owner ~= '' and ('u:' .. owner) or 'all'
  if kind == 'n' then
    -- The keys redisnotificationlists.h describes.
    redis.call('ZADD', p .. 'n:' .. scope, seq, seq)
    redis.call('HSET', p .. 'n:data', seq, data)
    redis.call('HSET', p .. 'n:id', seq, id)
    redis.call('HSET', p .. 'n:owner', seq, owner)
    redis.call('ZADD', p .. 'n:time', created, seq)
    redis.call('SADD', p .. 'n:ids:' .. scope, id)
    redis.call('HINCRBY', p .. 'n:refs', owner .. '\n' .. id, 1)
    if owner ~= '' then
      redis.call('SADD', p .. 'n:owners', owner)
      redis.call('DEL', p .. 'n:counts:' .. owner)
    else
      redis.call('INCR', p .. 'n:gen:all')
    end
  elseif kind == 'o' then
    redis.call('HSET', p .. 'orders', id, seq .. '\n' .. owner .. '\n' .. data)
  end
end
return last
