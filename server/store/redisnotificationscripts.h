// SPDX-License-Identifier: MIT
#pragma once

// The Lua scripts of RedisEventStore's notification lists. Every script gets
// the keys' prefix as ARGV[1] (one Redis, not a Redis Cluster).
//
// Keys, all under the prefix:
//   n:u:<user>, n:all  sorted sets of the seqs of a user's own notifications, and of the broadcasts
//   n:data, n:id       hashes seq -> the notification's JSON, and its notification id
//   n:owner            hash seq -> its user ('' for a broadcast)
//   n:time             sorted set seq by the time it was published (ms)
//   n:ids:u:<user>, n:ids:all  sets of the ids there are (a read names an id)
//   n:refs             hash "<owner>\n<id>" -> how many seqs carry that id
//   n:owners           set of the users with notifications of their own
//   read:<user>        set of the ids a user read; readers: the users with one
//                      (the trim clears the ids that went, reader by reader)
//   n:counts:<user>    hash: the user's counts as last computed (a day at most)
//   n:gen:all          counter: a broadcast came or went (every user's counts are old)
// (RedisEventStore's append script writes the notification keys.)

#include <QByteArray>

namespace Notify::Server::RedisScripts {

namespace Detail {

/// `walk(p, user, n, visit)`: the seqs the user may see (their own and the
/// broadcasts merged), newest first, at most n of them (n <= 0: all),
/// passed to visit(seq) until it returns false. Both sorted sets are read a
/// page at a time, so a walk that stops early reads little.
inline const char *const Walk = R"lua(
local function walk(p, user, n, visit)
  local page = 256
  local keys = {p .. 'n:u:' .. user, p .. 'n:all'}
  local lists, at, from = {{}, {}}, {1, 1}, {0, 0}
  local function head(k)
    if at[k] > #lists[k] and from[k] >= 0 then
      lists[k] = redis.call('ZREVRANGE', keys[k], from[k], from[k] + page - 1)
      at[k] = 1
      from[k] = #lists[k] < page and -1 or from[k] + page
    end
    return tonumber(lists[k][at[k]])
  end
  local seen = 0
  while n <= 0 or seen < n do
    local a, b = head(1), head(2)
    if a == nil and b == nil then return end
    local k = (b == nil or (a ~= nil and a > b)) and 1 or 2
    local s = lists[k][at[k]]
    at[k] = at[k] + 1
    seen = seen + 1
    if not visit(s) then return end
  end
end
)lua";

} // namespace Detail

/// ARGV: prefix, user, unread only (0/1), limit, offset, window. Returns seq, data, read (flat).
inline const QByteArray &notifications()
{
    static const QByteArray script = QByteArray(Detail::Walk) + R"lua(
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
)lua";
    return script;
}

/// ARGV: prefix, user, window. The list's entries, its unread entries, and
/// the unread notifications (ids once). Kept in n:counts:<user> until the
/// user's own notifications or read state change, or a broadcast comes or
/// goes (n:gen:all), or the window is another.
inline const QByteArray &counts()
{
    static const QByteArray script = QByteArray(Detail::Walk) + R"lua(
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
)lua";
    return script;
}

/// ARGV: prefix, user, notification id, 1 (read) or 0 (unread). 1 when the user has it.
inline const QByteArray &setRead()
{
    static const QByteArray script = R"lua(
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
)lua";
    return script;
}

/// ARGV: prefix, user, window. The ids it marked, oldest first.
inline const QByteArray &markAllRead()
{
    static const QByteArray script = QByteArray(Detail::Walk) + R"lua(
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
)lua";
    return script;
}

/// One step of trimming: a state machine the caller drives, so that no step
/// holds Redis (and every gateway on it) for long, whatever the numbers of
/// users and readers. ARGV: prefix, limit per user (0: none), cut-off ms
/// (0: none), budget (notifications dropped and ids looked at, in tens), the
/// phase and its cursor (from the previous step; "owners", "0" to begin),
/// and "1" when the pass's earlier steps dropped some.
/// Phases: "owners" (each user's own past the newest `limit`, SSCAN over the
/// users with some), "all" (the broadcasts past theirs), "age" (those
/// published before the cut-off), "reads" (each reader's read state of ids
/// that went, SSCAN over the readers), "done". Returns {dropped, phase,
/// cursor}.
inline const QByteArray &trim()
{
    static const QByteArray script = R"lua(
local p, limit, cutoff, budget = ARGV[1], tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])
local phase, cursor = ARGV[5], ARGV[6]
local dropped, work, broadcastGone = 0, 0, false
local function drop(s, owner)
  local id = redis.call('HGET', p .. 'n:id', s)
  redis.call('HDEL', p .. 'n:data', s)
  redis.call('HDEL', p .. 'n:id', s)
  redis.call('HDEL', p .. 'n:owner', s)
  redis.call('ZREM', p .. 'n:time', s)
  local scope = owner ~= '' and ('u:' .. owner) or 'all'
  redis.call('ZREM', p .. 'n:' .. scope, s)
  if owner ~= '' then redis.call('DEL', p .. 'n:counts:' .. owner) else broadcastGone = true end
  if id and redis.call('HINCRBY', p .. 'n:refs', owner .. '\n' .. id, -1) <= 0 then
    -- The last of that id: it is gone (its read state goes in the "reads" phase).
    redis.call('HDEL', p .. 'n:refs', owner .. '\n' .. id)
    redis.call('SREM', p .. 'n:ids:' .. scope, id)
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
    for _, s in ipairs(seqs) do drop(s, redis.call('HGET', p .. 'n:owner', s) or '') end
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
)lua";
    return script;
}

} // namespace Notify::Server::RedisScripts
