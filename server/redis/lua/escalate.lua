-- SPDX-License-Identifier: MIT
-- RedisEventStore::escalateDue(): after xadd.lua. ARGV: prefix, max events,
-- cut-off ms, created ms, limit. Takes the error notifications remembered
-- (`esc`: "<seq>\n<id>" by the time published) before the cut-off, at most
-- `limit`, forgets them, and stores `notification_escalated` for each
-- still unclaimed that some list still holds. Each is taken once in the
-- deployment, by whichever instance's call comes first. Returns how many
-- were escalated.

local p, cutoff, limit = ARGV[1], ARGV[3], tonumber(ARGV[5])
local due = redis.call('ZRANGEBYSCORE', p .. 'esc', '-inf', '(' .. cutoff, 'LIMIT', 0, limit)
local escalated = 0
for _, entry in ipairs(due) do
  redis.call('ZREM', p .. 'esc', entry)
  local id = string.match(entry, '\n(.*)$')
  local audience = redis.call('HGET', p .. 'n:aud', id)
  if audience and redis.call('HEXISTS', p .. 'claims', id) == 0 then
    addEvent(p, ARGV[2], nextSeq(p, 1), 'notification_escalated', cjson.encode({notification_id = id}),
      recipientsOf(audience), ARGV[4])
    escalated = escalated + 1
  end
end
return escalated
