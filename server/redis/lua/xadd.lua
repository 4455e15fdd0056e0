-- SPDX-License-Identifier: MIT
-- Not a script of its own: what append.lua, claim.lua, release.lua and
-- escalate.lua begin with (RedisScripts puts it before them).
-- `addEvent(p, maxlen, seq, type, data, audience, created)`: XADD one event
-- under `<seq>-0`. audience: the recipients joined by '\n' (empty:
-- everybody); the entry carries the first two as `a` and `b` (a message's
-- sender and recipient) and, for more (a group's members), all of them as
-- `m`. `members(audience)`: its users as a list.
-- `nextSeq(p, n)`: takes n seqs, returns the first.
-- `n:aud` (whom a notification id reaches, for its claims' events) holds
-- tokens separated by '\n': users, and '*' for everybody.
-- `recipientsOf(aud)`: the audience an event to them gets ('' for everybody).

local function members(audience)
  local list = {}
  for user in string.gmatch(audience, '[^\n]+') do table.insert(list, user) end
  return list
end

local function addEvent(p, maxlen, seq, type, data, audience, created)
  local xadd = {'XADD', p .. 'events'}
  if tonumber(maxlen) > 0 then
    table.insert(xadd, 'MAXLEN'); table.insert(xadd, '~'); table.insert(xadd, maxlen)
  end
  table.insert(xadd, seq .. '-0')
  for _, v in ipairs({'t', type, 'd', data, 'c', created}) do table.insert(xadd, v) end
  local users = members(audience)
  if users[1] then table.insert(xadd, 'a'); table.insert(xadd, users[1]) end
  if users[2] then table.insert(xadd, 'b'); table.insert(xadd, users[2]) end
  if users[3] then table.insert(xadd, 'm'); table.insert(xadd, audience) end
  redis.call(unpack(xadd))
end

local function recipientsOf(aud)
  for token in string.gmatch(aud, '[^\n]+') do
    if token == '*' then return '' end
  end
  return aud
end

local function nextSeq(p, n)
  return redis.call('INCRBY', p .. 'seq', n) - n + 1
end
