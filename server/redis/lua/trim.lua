-- SPDX-License-Identifier: MIT
-- RedisNotificationLists::trim().
-- One step of trimming: a state machine the caller drives, so that no step
-- holds Redis (and every gateway on it) for long, whatever the numbers of
-- users and readers. ARGV: prefix, limit per user (0: none), cut-off ms
-- (0: none), budget (notifications dropped and ids looked at, in tens), the
-- phase and its cursor (from the previous step; "owners", "0" to begin),
-- and "1" when the pass's earlier steps dropped some.
-- Phases: "owners" (each user's own past the newest `limit`, SSCAN over the
-- users with some), "all" (the broadcasts past theirs), "age" (those
-- published before the cut-off), "reads" (each reader's read state of ids
-- that went, SSCAN over the readers), "done". Returns {dropped, phase,
-- cursor}.

local p, limit, cutoff, budget = ARGV[1], tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])
local phase, cursor = ARGV[5], ARGV[6]
local dropped, work, broadcastGone = 0, 0, false
-- A recipient's share of seq s (owner '' : the broadcast's).
local function dropShare(s, owner, id)
  local scope = owner ~= '' and ('u:' .. owner) or 'all'
  redis.call('ZREM', p .. 'n:' .. scope, s)
  if owner ~= '' then redis.call('DEL', p .. 'n:counts:' .. owner) else broadcastGone = true end
  if id and redis.call('HINCRBY', p .. 'n:refs', owner .. '\n' .. id, -1) <= 0 then
    -- The last of that id: it is gone (its read state goes in the "reads" phase).
    redis.call('HDEL', p .. 'n:refs', owner .. '\n' .. id)
    redis.call('SREM', p .. 'n:ids:' .. scope, id)
  end
end
-- Drops @p owner's share of seq s (nil: every share), and the
-- notification itself once no share is left. A group's notification
-- (n:owner "\n<member>\n<member>\n") has a share per member.
local function drop(s, owner)
  local id = redis.call('HGET', p .. 'n:id', s)
  local holders = redis.call('HGET', p .. 'n:owner', s) or ''
  if string.sub(holders, 1, 1) == '\n' then
    local left = {}
    for member in string.gmatch(holders, '[^\n]+') do
      if owner == nil or member == owner then dropShare(s, member, id) else table.insert(left, member) end
    end
    if #left > 0 then
      redis.call('HSET', p .. 'n:owner', s, '\n' .. table.concat(left, '\n') .. '\n')
      work = work + 1
      return
    end
  else
    dropShare(s, holders, id)
  end
  redis.call('HDEL', p .. 'n:data', s)
  redis.call('HDEL', p .. 'n:id', s)
  redis.call('HDEL', p .. 'n:owner', s)
  redis.call('ZREM', p .. 'n:time', s)
  local aud = id and redis.call('HGET', p .. 'n:aud', id)
  if aud then
    -- No list holds the id any more: its audience and claim go with it
    -- (n:aud's tokens: users, and '*' for everybody).
    local still = false
    for token in string.gmatch(aud, '[^\n]+') do
      if still then break end
      local scope = token == '*' and 'all' or ('u:' .. token)
      still = redis.call('SISMEMBER', p .. 'n:ids:' .. scope, id) == 1
    end
    if not still then
      redis.call('HDEL', p .. 'n:aud', id)
      redis.call('HDEL', p .. 'claims', id)
    end
  end
  dropped = dropped + 1
  work = work + 1
end
-- Drops what is past the newest `limit` of a sorted set; true when none is left past it.
-- It drops one at least even when looking at the page's users spent the budget:
-- an unfinished page is scanned again, so a step that dropped none would be
-- the same step again, for ever.
local function past(key, owner)
  if limit <= 0 then return true end
  local excess = redis.call('ZCARD', key) - limit
  local n = math.min(excess, math.max(budget - work, 1))
  if n > 0 then
    for _, s in ipairs(redis.call('ZRANGE', key, 0, n - 1)) do drop(s, owner) end
  end
  return n >= excess
end
while work < budget and phase ~= 'done' do
  if phase == 'owners' then
    local page = redis.call('SSCAN', p .. 'n:owners', cursor, 'COUNT', 50)
    local finished = true
    for _, owner in ipairs(page[2]) do
      work = work + 1
      if not past(p .. 'n:u:' .. owner, owner) then finished = false; break end
      if redis.call('ZCARD', p .. 'n:u:' .. owner) == 0 then redis.call('SREM', p .. 'n:owners', owner) end
    end
    -- A page left unfinished is scanned again (SSCAN may return a member twice: harmless here).
    if finished then cursor = page[1] end
    if finished and cursor == '0' then phase = 'all' end
  elseif phase == 'all' then
    if past(p .. 'n:all', '') then phase = 'age' end
  elseif phase == 'age' then
    local n = budget - work
    local seqs = cutoff > 0 and redis.call('ZRANGEBYSCORE', p .. 'n:time', '-inf', '(' .. cutoff, 'LIMIT', 0, n) or {}
    for _, s in ipairs(seqs) do drop(s, nil) end
    if #seqs < n then
      -- The read state is looked through only when this pass dropped something.
      phase = (dropped > 0 or ARGV[7] == '1') and 'reads' or 'done'; cursor = '0'
    end
  elseif phase == 'reads' then
    -- A reader or so a page (a read set may hold as many ids as the list:
    -- each is looked at once per pass, and the budget is checked per reader).
    local page = redis.call('SSCAN', p .. 'readers', cursor, 'COUNT', 1)
    for _, reader in ipairs(page[2]) do
      local ids = redis.call('SMEMBERS', p .. 'read:' .. reader)
      for _, id in ipairs(ids) do
        if redis.call('SISMEMBER', p .. 'n:ids:u:' .. reader, id) == 0
            and redis.call('SISMEMBER', p .. 'n:ids:all', id) == 0 then
          redis.call('SREM', p .. 'read:' .. reader, id)
        end
      end
      if #ids == 0 or redis.call('EXISTS', p .. 'read:' .. reader) == 0 then redis.call('SREM', p .. 'readers', reader) end
      work = work + 1 + math.floor(#ids / 10)
    end
    cursor = page[1]
    if cursor == '0' then phase = 'done' end
  end
end
if broadcastGone then redis.call('INCR', p .. 'n:gen:all') end
return {dropped, phase, cursor}
