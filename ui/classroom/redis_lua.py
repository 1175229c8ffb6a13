"""The Lua scripts of the Redis room store (ui.classroom.redis_store): one script per operation,
so each is atomic in Redis and one round trip.

Every room script gets KEYS = (room hash, its followers zset, the set of open codes, the
followers' roster statuses hash, its questions hash, the list of its question ids) and
ARGV = (code, now, grace, idle, ...its own arguments from ARGV[5]). ``live`` drops a room its
own clock says has lapsed (as MemoryRoomStore does): no sign of the teacher for ``grace``
seconds, or no change of view for ``idle`` seconds.
"""

LIB = """
local now, grace, idle = tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])
local function lapsed(key)
  local r = redis.call('HMGET', key, 'touched', 'changed')
  if not r[1] then return true end
  return now - tonumber(r[1]) > grace or now - tonumber(r[2] or r[1]) > idle
end
local function drop(key)        -- a room and everything in it (at most MAX_QUESTIONS + 5 keys)
  for _, qid in ipairs(redis.call('LRANGE', key .. ':ql', 0, -1)) do
    redis.call('DEL', key .. ':a:' .. qid)
  end
  redis.call('DEL', key, key .. ':f', key .. ':s', key .. ':q', key .. ':ql')
end
local function live()
  if lapsed(KEYS[1]) then
    drop(KEYS[1])
    redis.call('SREM', KEYS[3], ARGV[1])
    return false
  end
  return true
end
local function same(a, b)   -- constant time for equal lengths (both are sha256 hex)
  if (not a) or (not b) or #a ~= #b then return false end
  local d = 0
  for i = 1, #a do d = bit.bor(d, bit.bxor(string.byte(a, i), string.byte(b, i))) end
  return d == 0
end
local function owned(sha)
  if not live() then return -1 end
  if not same(redis.call('HGET', KEYS[1], 'secret'), sha) then return -2 end
  return 0
end
local function renew(ttl)
  redis.call('PEXPIRE', KEYS[1], ttl)
  redis.call('PEXPIRE', KEYS[2], ttl)
  redis.call('PEXPIRE', KEYS[4], ttl)
  redis.call('PEXPIRE', KEYS[5], ttl)
  redis.call('PEXPIRE', KEYS[6], ttl)
  for _, qid in ipairs(redis.call('LRANGE', KEYS[6], 0, -1)) do
    redis.call('PEXPIRE', KEYS[1] .. ':a:' .. qid, ttl)
  end
end
local function follow_ttl(key)  -- a key made after the room: it expires with the room
  local ttl = redis.call('PTTL', KEYS[1])
  if ttl > 0 then redis.call('PEXPIRE', key, ttl) end
end
local function latest()         -- {qid, record, status, count} of the latest question, or {}
  local qid = redis.call('HGET', KEYS[1], 'qid')
  if not qid then return {} end
  local q = redis.call('HMGET', KEYS[5], 'r:' .. qid, 's:' .. qid)
  if not q[1] then return {} end
  return {qid, q[1], q[2], redis.call('HLEN', KEYS[1] .. ':a:' .. qid)}
end
local function prune()         -- statuses of followers no longer counted (O(followers))
  for _, m in ipairs(redis.call('HKEYS', KEYS[4])) do
    if not redis.call('ZSCORE', KEYS[2], m) then redis.call('HDEL', KEYS[4], m) end
  end
end
local function sweep(prefix)    -- O(open rooms), at most MAX_ROOMS
  local n = 0
  for _, code in ipairs(redis.call('SMEMBERS', KEYS[3])) do
    local key = prefix .. code
    if lapsed(key) then
      drop(key)
      redis.call('SREM', KEYS[3], code)
      n = n + 1
    end
  end
  return n
end
"""

# Error codes returned by the scripts.
UNKNOWN, FORBIDDEN, FULL, TOO_MANY, TAKEN = -1, -2, -3, -4, -5
NO_QUESTION, CLOSED, TOO_MANY_ANSWERS = -6, -7, -8

# ARGV[5..]: secret sha, max rooms, ttl ms, room key prefix
CREATE = LIB + """
sweep(ARGV[8])
if redis.call('SCARD', KEYS[3]) >= tonumber(ARGV[6]) then return -4 end
if redis.call('EXISTS', KEYS[1]) == 1 then return -5 end
drop(KEYS[1])
redis.call('HSET', KEYS[1], 'secret', ARGV[5], 'version', 0, 'state', '{}',
           'touched', ARGV[2], 'changed', ARGV[2], 'mode', 'follow', 'epoch', 0)
redis.call('PEXPIRE', KEYS[1], ARGV[7])
redis.call('SADD', KEYS[3], ARGV[1])
return 1
"""

# ARGV[5..]: secret sha, ttl ms, state text, channel, origin
PUBLISH = LIB + """
local ok = owned(ARGV[5])
if ok < 0 then return ok end
redis.call('HSET', KEYS[1], 'touched', ARGV[2])
local v = tonumber(redis.call('HGET', KEYS[1], 'version'))
if redis.call('HGET', KEYS[1], 'state') ~= ARGV[7] then
  v = redis.call('HINCRBY', KEYS[1], 'version', 1)
  redis.call('HSET', KEYS[1], 'state', ARGV[7], 'changed', ARGV[2])
  redis.call('PUBLISH', ARGV[8], ARGV[1] .. ' ' .. ARGV[9] .. ' ' .. v)
end
renew(ARGV[6])
return v
"""

# ARGV[5..]: secret sha, ttl ms
TOUCH = LIB + """
local ok = owned(ARGV[5])
if ok < 0 then return ok end
redis.call('HSET', KEYS[1], 'touched', ARGV[2])
renew(ARGV[6])
return 1
"""

# ARGV[5..]: secret sha
END = LIB + """
local ok = owned(ARGV[5])
if ok < 0 then return ok end
drop(KEYS[1])
redis.call('SREM', KEYS[3], ARGV[1])
return 1
"""

# ARGV[5]: "state" for {version, state}, else {version}
READ = LIB + """
if not live() then return {-1} end
if ARGV[5] == 'state' then
  local r = redis.call('HMGET', KEYS[1], 'version', 'state')
  return {tonumber(r[1]), r[2]}
end
return {tonumber(redis.call('HGET', KEYS[1], 'version'))}
"""

# ARGV[5..]: member, stale cutoff (exclusive), max followers, roster status
JOIN = LIB + """
if not live() then return -1 end
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', '(' .. ARGV[6])
if (not redis.call('ZSCORE', KEYS[2], ARGV[5])) and
   redis.call('ZCARD', KEYS[2]) >= tonumber(ARGV[7]) then return -3 end
redis.call('ZADD', KEYS[2], ARGV[2], ARGV[5])
redis.call('HSET', KEYS[4], ARGV[5], ARGV[8])
if redis.call('HLEN', KEYS[4]) > redis.call('ZCARD', KEYS[2]) then prune() end
local ttl = redis.call('PTTL', KEYS[1])
if ttl > 0 then
  redis.call('PEXPIRE', KEYS[2], ttl)
  redis.call('PEXPIRE', KEYS[4], ttl)
end
return redis.call('ZCARD', KEYS[2])
"""

# ARGV[5..]: member
LEAVE = LIB + """
redis.call('ZREM', KEYS[2], ARGV[5])
redis.call('HDEL', KEYS[4], ARGV[5])
return 1
"""

# ARGV[5..]: secret sha, mode ('' keeps it), back (1 bumps the epoch), channel, origin
COMMAND = LIB + """
local ok = owned(ARGV[5])
if ok < 0 then return ok end
redis.call('HSET', KEYS[1], 'touched', ARGV[2])
local v = tonumber(redis.call('HGET', KEYS[1], 'version'))
local mode = redis.call('HGET', KEYS[1], 'mode') or 'follow'
if (ARGV[6] ~= '' and ARGV[6] ~= mode) or ARGV[7] == '1' then
  if ARGV[6] ~= '' then redis.call('HSET', KEYS[1], 'mode', ARGV[6]) end
  if ARGV[7] == '1' then redis.call('HINCRBY', KEYS[1], 'epoch', 1) end
  v = redis.call('HINCRBY', KEYS[1], 'version', 1)
  redis.call('PUBLISH', ARGV[8], ARGV[1] .. ' ' .. ARGV[9] .. ' ' .. v)
end
return v
"""

# returns {version, mode, epoch, touched, [qid, record, status, count of the latest question]}
CONTROL = LIB + """
if not live() then return {-1} end
local r = redis.call('HMGET', KEYS[1], 'version', 'mode', 'epoch', 'touched')
local out = {tonumber(r[1]), r[2] or 'follow', tonumber(r[3] or 0), r[4]}
for _, v in ipairs(latest()) do out[#out + 1] = v end
return out
"""

# Questions (KEYS[5]: hash "r:<qid>" -> record JSON, "s:<qid>" -> open / closed / revealed;
# KEYS[6]: list of qids, oldest first; <room>:a:<qid>: hash digest of who -> answer JSON; the
# room hash's field qid: the latest question).

# ARGV[5..]: secret sha, ttl ms, record JSON, qid, max questions, channel, origin
ASK = LIB + """
local ok = owned(ARGV[5])
if ok < 0 then return ok end
redis.call('HSET', KEYS[1], 'touched', ARGV[2])
local last = redis.call('HGET', KEYS[1], 'qid')
if last and redis.call('HGET', KEYS[5], 's:' .. last) == 'open' then
  redis.call('HSET', KEYS[5], 's:' .. last, 'closed')
end
redis.call('HSET', KEYS[5], 'r:' .. ARGV[8], ARGV[7], 's:' .. ARGV[8], 'open')
redis.call('RPUSH', KEYS[6], ARGV[8])
while redis.call('LLEN', KEYS[6]) > tonumber(ARGV[9]) do
  local old = redis.call('LPOP', KEYS[6])
  redis.call('HDEL', KEYS[5], 'r:' .. old, 's:' .. old)
  redis.call('DEL', KEYS[1] .. ':a:' .. old)
end
redis.call('HSET', KEYS[1], 'qid', ARGV[8])
renew(ARGV[6])
local v = redis.call('HGET', KEYS[1], 'version')
redis.call('PUBLISH', ARGV[10], ARGV[1] .. ' ' .. ARGV[11] .. ' ' .. v)
return 1
"""

# ARGV[5..]: secret sha, ttl ms, qid, new status (closed: only an open one; revealed), channel,
# origin. A change is announced on the wake channel.
STATUS = LIB + """
local ok = owned(ARGV[5])
if ok < 0 then return ok end
redis.call('HSET', KEYS[1], 'touched', ARGV[2])
renew(ARGV[6])
local cur = redis.call('HGET', KEYS[5], 's:' .. ARGV[7])
if not cur then return -6 end
if cur ~= ARGV[8] and (ARGV[8] == 'revealed' or cur == 'open') then
  redis.call('HSET', KEYS[5], 's:' .. ARGV[7], ARGV[8])
  local v = redis.call('HGET', KEYS[1], 'version')
  redis.call('PUBLISH', ARGV[9], ARGV[1] .. ' ' .. ARGV[10] .. ' ' .. v)
end
return 1
"""

# returns {1, [qid, record, status, count]} of the latest question
QUESTION = LIB + """
if not live() then return {-1} end
local out = {1}
for _, v in ipairs(latest()) do out[#out + 1] = v end
return out
"""

# ARGV[5]: qid; returns {1, record, status, count} or {-6}
RECORD = LIB + """
if not live() then return {-1} end
local q = redis.call('HMGET', KEYS[5], 'r:' .. ARGV[5], 's:' .. ARGV[5])
if not q[1] then return {-6} end
return {1, q[1], q[2], redis.call('HLEN', KEYS[1] .. ':a:' .. ARGV[5])}
"""

# ARGV[5..]: digest of who, qid, answer JSON, max answers, channel, origin; returns the count
# of answers. "<code> <origin> answer" on the wake channel wakes the teacher's live count.
ANSWER = LIB + """
if not live() then return -1 end
local st = redis.call('HGET', KEYS[5], 's:' .. ARGV[6])
if not st then return -6 end
if st ~= 'open' then return -7 end
local key = KEYS[1] .. ':a:' .. ARGV[6]
if redis.call('HEXISTS', key, ARGV[5]) == 0 and
   redis.call('HLEN', key) >= tonumber(ARGV[8]) then return -8 end
redis.call('HSET', key, ARGV[5], ARGV[7])
follow_ttl(key)
redis.call('PUBLISH', ARGV[9], ARGV[1] .. ' ' .. ARGV[10] .. ' answer')
return redis.call('HLEN', key)
"""

# ARGV[5..]: secret sha, qid; returns {1, record, answer JSON...}
ANSWERS = LIB + """
local ok = owned(ARGV[5])
if ok < 0 then return {ok} end
local record = redis.call('HGET', KEYS[5], 'r:' .. ARGV[6])
if not record then return {-6} end
local out = {1, record}
for _, v in ipairs(redis.call('HVALS', KEYS[1] .. ':a:' .. ARGV[6])) do out[#out + 1] = v end
return out
"""

# ARGV[5..]: digest of who, qid; returns {1, record or '', answer JSON or ''}
MINE = LIB + """
if not live() then return {-1} end
local record = redis.call('HGET', KEYS[5], 'r:' .. ARGV[6])
if not record then return {1, '', ''} end
return {1, record, redis.call('HGET', KEYS[1] .. ':a:' .. ARGV[6], ARGV[5]) or ''}
"""

# ARGV[5]: stale cutoff (exclusive); returns {ok, member, status, last seen, ...}
ROSTER = LIB + """
if not live() then return {-1} end
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', '(' .. ARGV[5])
prune()
local out = {1}
local items = redis.call('ZRANGE', KEYS[2], 0, -1, 'WITHSCORES')
for i = 1, #items, 2 do
  out[#out + 1] = items[i]
  out[#out + 1] = redis.call('HGET', KEYS[4], items[i]) or 'following'
  out[#out + 1] = items[i + 1]
end
return out
"""

# ARGV[5]: stale cutoff (exclusive); returns {ok, members...} (at most max followers)
FOLLOWERS = LIB + """
if not live() then return {-1} end
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', '(' .. ARGV[5])
local out = {1}
for _, m in ipairs(redis.call('ZRANGE', KEYS[2], 0, -1)) do out[#out + 1] = m end
return out
"""

# ARGV[5]: room key prefix
SWEEP = LIB + """
return sweep(ARGV[5])
"""

# A fixed-window counter. KEYS[1]: the counter hash; ARGV: now, limit, window s, cost.
# Returns 0 (counted) or the milliseconds until the window ends (refused, nothing counted).
TAKE = """
local now, limit, window, cost = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]),
  tonumber(ARGV[4])
local r = redis.call('HMGET', KEYS[1], 'start', 'count')
local start, count = tonumber(r[1]) or now, tonumber(r[2]) or 0
if now - start >= window then start, count = now, 0 end
if count + cost > limit or (cost == 0 and count >= limit) then
  return math.max(1, math.ceil((start + window - now) * 1000))
end
redis.call('HSET', KEYS[1], 'start', tostring(start), 'count', count + cost)
redis.call('PEXPIRE', KEYS[1], math.max(1, math.ceil(window * 1000)))
return 0
"""
