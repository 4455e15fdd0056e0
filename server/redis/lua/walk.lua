-- SPDX-License-Identifier: MIT
-- Not a script of its own: what notifications.lua, counts.lua and
-- markallread.lua begin with (RedisScripts puts it before them).
-- `walk(p, user, n, visit)`: the seqs the user may see (their own and the
-- broadcasts merged), newest first, at most n of them (n <= 0: all),
-- passed to visit(seq) until it returns false. Both sorted sets are read a
-- page at a time, so a walk that stops early reads little.

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
