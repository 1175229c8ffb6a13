"""Class rooms in Redis: the room store of ui.rooms shared by several app processes.

One Streamlit process keeps its rooms in memory (:class:`ui.rooms.MemoryRoomStore`). When the app
runs as several processes behind a proxy (deploy/), a teacher's session and a student's session
may live in different processes, so the rooms must live outside both: here, in Redis.
:func:`store_from_env` returns this store when ``ACTIVATION_LAB_REDIS_URL`` is set
(``redis://host:6379/0``); without it the app keeps the in-memory store.

Same interface, bounds and rules as the in-memory store: at most ``MAX_ROOMS`` rooms and
``MAX_FOLLOWERS`` followers per room, ``IDLE_EXPIRY_S`` without a publish or heartbeat ends a
room, a follower unseen for ``FOLLOWER_STALE_S`` no longer counts, a state is at most
``MAX_STATE_BYTES`` of JSON, and only the room's secret publishes, touches or ends it. Every
operation is one Lua script (atomic in Redis, one round trip); the secret is compared in
constant time inside the script against its SHA-256, so Redis never holds the secret itself.

Keys (``al:`` prefix)::

    al:room:<code>     hash   secret (sha256 hex), version, state (JSON text), touched
    al:room:<code>:f   zset   "<origin>|<follower>" -> last seen      (the followers)
    al:rooms           set    codes of open rooms                     (the MAX_ROOMS bound)
    al:wake            channel "<code> <origin> <version>" after a publish that changed the view

Expiry is kept twice: by the store's clock (``touched``, so an injected clock can test it, as in
the in-memory store) and by Redis itself (``PEXPIRE`` of ``idle_expiry`` on the room and its
followers, renewed by every publish and heartbeat), so an abandoned room disappears from Redis
even if no process ever looks at it again.

Followers belong to the process they joined through (``origin``): each process counts its own
sessions in and out, and a teacher's process, which cannot see the sessions of another process,
never counts them out (``leave`` only removes this process's members). A process that dies
leaves its followers to go stale. Waking across processes: a publish that changes the view
``PUBLISH``-es on ``al:wake``; every process that has followers listens in a daemon thread and
hands the message to its waker (by default ``ui.classroom.wake`` over this process's own
followers — the same push the teacher's process does for its local followers).

Failures: every Redis call has short socket timeouts (``SOCKET_TIMEOUT_S``) and at most one
retry; a Redis that cannot be reached raises ``RoomError("store_unavailable")`` and, for
``RETRY_AFTER_S``, later calls fail at once instead of waiting again, so a page never hangs on a
dead Redis. Nothing outside the class feature touches this store.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import secrets
import socket
import threading
import time
from typing import Any, Callable

from ui.rooms import (ALPHABET, CODE_LENGTH, FOLLOWER_STALE_S, IDLE_EXPIRY_S, MAX_CODE_LENGTH,
                      MAX_CODE_TRIES, MAX_FOLLOWERS, MAX_ROOMS, MAX_STATE_BYTES, RoomError,
                      normalise_code)

_LOG = logging.getLogger(__name__)

ENV_URL = "ACTIVATION_LAB_REDIS_URL"
UNAVAILABLE = "store_unavailable"   # RoomError reason: Redis cannot be reached
SOCKET_TIMEOUT_S = 0.5              # connect and per-command timeout
RETRY_AFTER_S = 2.0                 # after a failed connection, fail fast for this long
PREFIX = "al:"
LISTEN_POLL_S = 0.5                 # the wake listener checks for a stop this often
MAX_LOCAL_CODES = 1000              # rooms whose local followers a store remembers

# Lua helpers shared by the scripts. KEYS[1] room hash, KEYS[2] its followers, KEYS[3] the set
# of codes. `live` drops a room its own clock says is idle (as MemoryRoomStore._live does).
_LUA_LIB = """
local function live(now, idle)
  local touched = redis.call('HGET', KEYS[1], 'touched')
  if not touched then
    redis.call('DEL', KEYS[2])
    redis.call('SREM', KEYS[3], ARGV[1])
    return false
  end
  if now - tonumber(touched) > idle then
    redis.call('DEL', KEYS[1], KEYS[2])
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
local function renew(ttl)
  redis.call('PEXPIRE', KEYS[1], ttl)
  redis.call('PEXPIRE', KEYS[2], ttl)
end
local function sweep(prefix, now, idle)
  local n = 0
  for _, code in ipairs(redis.call('SMEMBERS', KEYS[3])) do
    local key = prefix .. code
    local t = redis.call('HGET', key, 'touched')
    if (not t) or now - tonumber(t) > idle then
      redis.call('DEL', key, key .. ':f')
      redis.call('SREM', KEYS[3], code)
      n = n + 1
    end
  end
  return n
end
"""

# Error codes returned by the scripts.
_UNKNOWN, _FORBIDDEN, _FULL, _TOO_MANY, _TAKEN = -1, -2, -3, -4, -5
_REASONS = {_UNKNOWN: "unknown", _FORBIDDEN: "forbidden", _FULL: "full",
            _TOO_MANY: "too_many_rooms"}

# ARGV: code, secret sha, now, idle, max rooms, ttl ms, room key prefix
_CREATE = _LUA_LIB + """
sweep(ARGV[7], tonumber(ARGV[3]), tonumber(ARGV[4]))
if redis.call('SCARD', KEYS[3]) >= tonumber(ARGV[5]) then return -4 end
if redis.call('EXISTS', KEYS[1]) == 1 then return -5 end
redis.call('DEL', KEYS[2])
redis.call('HSET', KEYS[1], 'secret', ARGV[2], 'version', 0, 'state', '{}', 'touched', ARGV[3])
redis.call('PEXPIRE', KEYS[1], ARGV[6])
redis.call('SADD', KEYS[3], ARGV[1])
return 1
"""

# ARGV: code, secret sha, now, idle, ttl ms, state text, channel, origin
_PUBLISH = _LUA_LIB + """
if not live(tonumber(ARGV[3]), tonumber(ARGV[4])) then return -1 end
if not same(redis.call('HGET', KEYS[1], 'secret'), ARGV[2]) then return -2 end
redis.call('HSET', KEYS[1], 'touched', ARGV[3])
local v = tonumber(redis.call('HGET', KEYS[1], 'version'))
if redis.call('HGET', KEYS[1], 'state') ~= ARGV[6] then
  v = redis.call('HINCRBY', KEYS[1], 'version', 1)
  redis.call('HSET', KEYS[1], 'state', ARGV[6])
  redis.call('PUBLISH', ARGV[7], ARGV[1] .. ' ' .. ARGV[8] .. ' ' .. v)
end
renew(ARGV[5])
return v
"""

# ARGV: code, secret sha, now, idle, ttl ms
_TOUCH = _LUA_LIB + """
if not live(tonumber(ARGV[3]), tonumber(ARGV[4])) then return -1 end
if not same(redis.call('HGET', KEYS[1], 'secret'), ARGV[2]) then return -2 end
redis.call('HSET', KEYS[1], 'touched', ARGV[3])
renew(ARGV[5])
return 1
"""

# ARGV: code, secret sha, now, idle
_END = _LUA_LIB + """
if not live(tonumber(ARGV[3]), tonumber(ARGV[4])) then return -1 end
if not same(redis.call('HGET', KEYS[1], 'secret'), ARGV[2]) then return -2 end
redis.call('DEL', KEYS[1], KEYS[2])
redis.call('SREM', KEYS[3], ARGV[1])
return 1
"""

# ARGV: code, now, idle; returns {version} or {version, state} with ARGV[4] == "state"
_READ = _LUA_LIB + """
if not live(tonumber(ARGV[2]), tonumber(ARGV[3])) then return {-1} end
if ARGV[4] == 'state' then
  local r = redis.call('HMGET', KEYS[1], 'version', 'state')
  return {tonumber(r[1]), r[2]}
end
return {tonumber(redis.call('HGET', KEYS[1], 'version'))}
"""

# ARGV: code, now, idle, member, stale cutoff (exclusive), max followers
_JOIN = _LUA_LIB + """
if not live(tonumber(ARGV[2]), tonumber(ARGV[3])) then return -1 end
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', '(' .. ARGV[5])
if (not redis.call('ZSCORE', KEYS[2], ARGV[4])) and
   redis.call('ZCARD', KEYS[2]) >= tonumber(ARGV[6]) then return -3 end
redis.call('ZADD', KEYS[2], ARGV[2], ARGV[4])
local ttl = redis.call('PTTL', KEYS[1])
if ttl > 0 then redis.call('PEXPIRE', KEYS[2], ttl) end
return redis.call('ZCARD', KEYS[2])
"""

# ARGV: code, now, idle, stale cutoff (exclusive); returns {ok, members...}
_FOLLOWERS = _LUA_LIB + """
if not live(tonumber(ARGV[2]), tonumber(ARGV[3])) then return {-1} end
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', '(' .. ARGV[4])
local out = {1}
for _, m in ipairs(redis.call('ZRANGE', KEYS[2], 0, -1)) do out[#out + 1] = m end
return out
"""

# ARGV: unused code slot, now, idle, prefix
_SWEEP = _LUA_LIB + """
return sweep(ARGV[4], tonumber(ARGV[2]), tonumber(ARGV[3]))
"""


def secret_digest(secret: str) -> str:
    """What Redis keeps of a secret: hex(SHA-256(secret)) — comparing digests of equal length in
    constant time reveals nothing about the secret itself."""
    return hashlib.sha256(str(secret).encode()).hexdigest()


def _origin() -> str:
    """This store's name among the processes: host, process id and a random tag (two stores in
    one process, as in tests, are two origins)."""
    return f"{socket.gethostname()}:{os.getpid()}:{secrets.token_hex(3)}"


class _LocalFollowers:
    """The view of the store a waker gets: only this process's followers (a session that is gone
    is counted out of Redis through the same store)."""

    def __init__(self, store: "RedisRoomStore") -> None:
        self._store = store

    def followers(self, code: str, now: float | None = None) -> list[str]:
        return self._store.local_followers(code, now)

    def leave(self, code: str, follower: str) -> None:
        self._store.leave(code, follower)


def classroom_waker(local: _LocalFollowers, code: str) -> None:
    """Default waker: ui.classroom.wake over this process's followers of code (the same push a
    teacher's process gives its own followers)."""
    from ui.classroom import wake

    wake(local, code)


class RedisRoomStore:
    """The RoomStore of ui.rooms in Redis (see the module docstring for keys and rules).

    ``clock`` (seconds) is injectable for tests, ``now`` arguments override it per call, as in
    MemoryRoomStore. ``waker(local, code)`` — the signature of ``ui.classroom.wake``, with
    ``local`` a view of this store that lists only this process's followers — is called (in the
    listener thread) when another process published a change to a room. None (the default;
    :func:`store_from_env` passes :func:`classroom_waker`) means followers only poll.
    """

    shared = True   # rooms are seen by every process using the same Redis

    def __init__(self, url: str, clock: Callable[[], float] = time.time,
                 max_rooms: int = MAX_ROOMS, max_followers: int = MAX_FOLLOWERS,
                 idle_expiry: float = IDLE_EXPIRY_S, follower_stale: float = FOLLOWER_STALE_S,
                 prefix: str = PREFIX, waker: Callable[[Any, str], None] | None = None,
                 socket_timeout: float = SOCKET_TIMEOUT_S,
                 retry_after: float = RETRY_AFTER_S) -> None:
        import redis
        from redis.backoff import NoBackoff
        from redis.retry import Retry

        self._clock = clock
        self.max_rooms, self.max_followers = max_rooms, max_followers
        self.idle_expiry, self.follower_stale = idle_expiry, follower_stale
        self.prefix, self.origin, self.retry_after = prefix, _origin(), retry_after
        self.channel = prefix + "wake"
        self._waker = waker
        self._errors = (redis.RedisError, OSError)
        self._down = (redis.ConnectionError, redis.TimeoutError, OSError)
        self._down_until = 0.0
        self._listener: threading.Thread | None = None
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self.wakes = 0   # messages from other processes handed to the waker
        self._mine: dict[str, set[str]] = {}   # code -> followers that joined through this store
        self._r = None
        try:
            self._r = redis.Redis.from_url(
                url, socket_timeout=socket_timeout, socket_connect_timeout=socket_timeout,
                retry=Retry(NoBackoff(), 1), health_check_interval=30, decode_responses=True,
                client_name="activation-lab")
        except ValueError:   # a malformed URL: every call says the store is unavailable
            _LOG.error("%s is not a Redis URL; the class feature is unavailable", ENV_URL)
            return
        self._scripts = {name: self._r.register_script(src) for name, src in (
            ("create", _CREATE), ("publish", _PUBLISH), ("touch", _TOUCH), ("end", _END),
            ("read", _READ), ("join", _JOIN), ("followers", _FOLLOWERS), ("sweep", _SWEEP))}

    # ---------------------------------------------------------------- plumbing

    def _now(self, now: float | None) -> float:
        return self._clock() if now is None else now

    def _keys(self, code: str) -> list[str]:
        room = f"{self.prefix}room:{normalise_code(code)}"
        return [room, room + ":f", self.prefix + "rooms"]

    def _member(self, follower: str) -> str:
        return f"{self.origin}|{follower}"

    def _call(self, fn: Callable[[], Any]) -> Any:
        """Run one Redis call; RoomError("store_unavailable") if Redis cannot answer."""
        if self._r is None or time.monotonic() < self._down_until:
            raise RoomError(UNAVAILABLE)
        try:
            return fn()
        except self._errors as err:
            if isinstance(err, self._down):
                self._down_until = time.monotonic() + self.retry_after
            _LOG.warning("room store: Redis unavailable (%s)", type(err).__name__)
            raise RoomError(UNAVAILABLE) from err

    def _script(self, name: str, code: str, *args: Any) -> Any:
        keys = self._keys(code)
        return self._call(lambda: self._scripts[name](
            keys=keys, args=[normalise_code(code), *map(_arg, args)]))

    @staticmethod
    def _check(result: Any) -> Any:
        first = result[0] if isinstance(result, list) else result
        if isinstance(first, int) and first in _REASONS:
            raise RoomError(_REASONS[first])
        return result

    def _ttl_ms(self) -> int:
        return max(1, int(self.idle_expiry * 1000))

    # ---------------------------------------------------------------- RoomStore

    def create(self, now: float | None = None) -> tuple[str, str]:
        """Open a room with a fresh code (4 characters; 5–6 only if 4 keep colliding)."""
        now = self._now(now)
        secret = secrets.token_urlsafe(24)
        digest = secret_digest(secret)
        for attempt in range(MAX_CODE_TRIES):
            length = min(CODE_LENGTH + attempt // 50, MAX_CODE_LENGTH)
            code = "".join(secrets.choice(ALPHABET) for _ in range(length))
            result = self._check(self._script("create", code, digest, now, self.idle_expiry,
                                              self.max_rooms, self._ttl_ms(),
                                              self.prefix + "room:"))
            if result != _TAKEN:
                return code, secret
        raise RoomError("too_many_rooms")  # pragma: no cover - 16⁴ codes for 50 rooms

    def publish(self, code: str, secret: str, state: dict, now: float | None = None) -> int:
        """Replace the room's state (JSON, at most MAX_STATE_BYTES); the new version. The same
        state again only refreshes the room. A change is announced on the wake channel."""
        now = self._now(now)
        text = json.dumps(state, sort_keys=True)
        if len(text) > MAX_STATE_BYTES:
            raise RoomError("too_big")
        return int(self._check(self._script("publish", code, secret_digest(secret), now,
                                            self.idle_expiry, self._ttl_ms(), text,
                                            self.channel, self.origin)))

    def touch(self, code: str, secret: str, now: float | None = None) -> None:
        """The teacher is still there: keep the room (and its Redis keys) from expiring."""
        self._check(self._script("touch", code, secret_digest(secret), self._now(now),
                                 self.idle_expiry, self._ttl_ms()))

    def end(self, code: str, secret: str) -> None:
        """Close the room (only with its secret)."""
        self._check(self._script("end", code, secret_digest(secret), self._clock(),
                                 self.idle_expiry))

    def version(self, code: str, now: float | None = None) -> int:
        """The room's version (one small script: what an idle follower checks)."""
        return int(self._check(self._script("read", code, self._now(now), self.idle_expiry,
                                            "version"))[0])

    def read(self, code: str, now: float | None = None) -> tuple[int, dict]:
        """(version, state) of the room."""
        version, text = self._check(self._script("read", code, self._now(now),
                                                 self.idle_expiry, "state"))
        return int(version), json.loads(text)

    def join(self, code: str, follower: str, now: float | None = None) -> int:
        """Count follower in (or refresh it); RoomError("full") past max_followers. The first
        follower of a process starts that process's wake listener."""
        now = self._now(now)
        count = int(self._check(self._script("join", code, now, self.idle_expiry,
                                             self._member(follower), now - self.follower_stale,
                                             self.max_followers)))
        with self._lock:
            if len(self._mine) >= MAX_LOCAL_CODES:   # bounded: forgotten ones just go stale
                self._mine.clear()
            self._mine.setdefault(normalise_code(code), set()).add(str(follower))
        self._ensure_listener()
        return count

    def leave(self, code: str, follower: str) -> None:
        """Count follower out if it joined through this store (no error if it was not in).
        Followers of other processes are not even looked up: a teacher's process that counts
        out the sessions it cannot see (ui.classroom.wake) costs no Redis call per student."""
        code = normalise_code(code)
        with self._lock:
            known = self._mine.get(code, set())
            if str(follower) not in known:
                return
            known.discard(str(follower))
            if not known:
                self._mine.pop(code, None)
        key = self._keys(code)[1]
        self._call(lambda: self._r.zrem(key, self._member(follower)))

    def _members(self, code: str, now: float | None) -> list[str]:
        now = self._now(now)
        out = self._check(self._script("followers", code, now, self.idle_expiry,
                                       now - self.follower_stale))
        return out[1:]

    def followers(self, code: str, now: float | None = None) -> list[str]:
        """The ids of the room's followers seen within follower_stale, from every process."""
        return [m.split("|", 1)[1] for m in self._members(code, now)]

    def local_followers(self, code: str, now: float | None = None) -> list[str]:
        """The room's current followers that joined through this store (this process)."""
        mine = self.origin + "|"
        return [m[len(mine):] for m in self._members(code, now) if m.startswith(mine)]

    def sweep(self, now: float | None = None) -> int:
        """Drop every expired room; how many were dropped."""
        return int(self._script("sweep", "", self._now(now), self.idle_expiry,
                                self.prefix + "room:"))

    def __len__(self) -> int:
        key = self.prefix + "rooms"
        return int(self._call(lambda: self._r.scard(key)))

    def ping(self) -> bool:
        """Whether Redis answers now (for health pages and tests)."""
        try:
            return bool(self._call(lambda: self._r.ping()))
        except RoomError:
            return False

    # ---------------------------------------------------------------- waking other processes

    def _ensure_listener(self) -> None:
        if self._waker is None or self._r is None:
            return
        with self._lock:
            if self._listener is not None and self._listener.is_alive():
                return
            self._stop.clear()
            self._listener = threading.Thread(target=self._listen, name="room-wake",
                                              daemon=True)
            self._listener.start()

    def _listen(self) -> None:
        """Daemon thread: hand every wake message of another process to the waker; reconnect
        after a Redis failure (followers poll meanwhile)."""
        while not self._stop.is_set():
            pubsub = None
            try:
                pubsub = self._r.pubsub(ignore_subscribe_messages=True)
                pubsub.subscribe(self.channel)
                while not self._stop.is_set():
                    msg = pubsub.get_message(timeout=LISTEN_POLL_S)
                    if msg and msg.get("type") == "message":
                        self._on_wake(str(msg["data"]))
            except Exception:  # noqa: BLE001 - Redis gone or a bad message: retry shortly
                _LOG.debug("room wake listener: reconnecting", exc_info=True)
                self._stop.wait(1.0)
            finally:
                if pubsub is not None:
                    try:
                        pubsub.close()
                    except Exception:  # noqa: BLE001
                        pass

    def _on_wake(self, data: str) -> None:
        parts = data.split(" ")
        if len(parts) != 3 or parts[1] == self.origin:   # our own publish woke ours already
            return
        self.wakes += 1
        try:
            self._waker(_LocalFollowers(self), parts[0])
        except Exception:  # noqa: BLE001 - a failed wake leaves followers to their poll
            _LOG.debug("room wake failed", exc_info=True)

    def close(self) -> None:
        """Stop the listener thread (tests; a server process just exits)."""
        self._stop.set()
        if self._listener is not None:
            self._listener.join(timeout=3)


def _arg(value: Any) -> str:
    """A script argument: floats with every digit (repr), everything else as str."""
    return repr(value) if isinstance(value, float) else str(value)


def store_from_env(default: Callable[[], Any] | None = None) -> Any:
    """The Redis room store when ACTIVATION_LAB_REDIS_URL is set (waking this process's followers
    through ui.classroom when another process publishes), else ``default()`` (None without one).
    Nothing connects here: the first room operation does."""
    url = os.environ.get(ENV_URL, "").strip()
    if not url:
        return default() if default is not None else None
    return RedisRoomStore(url, waker=classroom_waker)
