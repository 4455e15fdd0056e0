-- SPDX-License-Identifier: MIT
-- RedisEventStore::appendAll(): a batch of events, and the snapshots they
-- change (notifications, orders); after xadd.lua.
-- KEYS: none (the keys are built from ARGV[1], the prefix: one Redis, not a
-- Redis Cluster). ARGV: prefix, max events, then 6 per event: type, data,
-- audience (users joined by '\n'; empty: everybody), created ms, snapshot
-- kind (n: notification, e: an error notification to escalate, o: order, or
-- empty), its id. The events take consecutive seqs in their order; returns
-- the last. One call for a whole batch: Redis runs a script alone, so no
-- other instance's event comes between them, and the stream stays in seq
-- order across the deployment.

local p = ARGV[1]
local count = (#ARGV - 2) / 6
local seq = nextSeq(p, count) - 1
for i = 0, count - 1 do
  local a = 2 + i * 6
  local type, data, audience, created = ARGV[a + 1], ARGV[a + 2], ARGV[a + 3], ARGV[a + 4]
  local kind, id = ARGV[a + 5], ARGV[a + 6]
  seq = seq + 1
  addEvent(p, ARGV[2], seq, type, data, audience, created)
  local users = members(audience)
  if kind == 'n' or kind == 'e' then
    -- The keys redisnotificationlists.h describes: one seq, and a share of
    -- it for everybody or for each recipient.
    redis.call('HSET', p .. 'n:data', seq, data)
    redis.call('HSET', p .. 'n:id', seq, id)
    redis.call('HSET', p .. 'n:owner', seq, #users > 1 and ('\n' .. audience .. '\n') or audience)
    -- Whom the id reaches (xadd.lua): published again to others, to them too.
    local reach = audience == '' and '*' or audience
    local known = redis.call('HGET', p .. 'n:aud', id)
    if known and known ~= reach then
      local seen = {}
      for token in string.gmatch(known, '[^\n]+') do seen[token] = true end
      for token in string.gmatch(reach, '[^\n]+') do
        if not seen[token] then known = known .. '\n' .. token; seen[token] = true end
      end
      reach = known
    end
    redis.call('HSET', p .. 'n:aud', id, reach)
    redis.call('ZADD', p .. 'n:time', created, seq)
    if #users == 0 then users = {''} end
    for _, owner in ipairs(users) do
      local scope = owner ~= '' and ('u:' .. owner) or 'all'
      redis.call('ZADD', p .. 'n:' .. scope, seq, seq)
      redis.call('SADD', p .. 'n:ids:' .. scope, id)
      redis.call('HINCRBY', p .. 'n:refs', owner .. '\n' .. id, 1)
      if owner ~= '' then
        redis.call('SADD', p .. 'n:owners', owner)
        redis.call('DEL', p .. 'n:counts:' .. owner)
      else
        redis.call('INCR', p .. 'n:gen:all')
      end
    end
    if kind == 'e' then redis.call('ZADD', p .. 'esc', created, seq .. '\n' .. id) end
  elseif kind == 'o' then
    redis.call('HSET', p .. 'orders', id, seq .. '\n' .. string.gsub(audience, '\n', ',') .. '\n' .. data)
  end
end
return seq
