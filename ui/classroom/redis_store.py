"""Class rooms in Redis: the room store shared by several app processes (deploy/).

Same interface, bounds and rules as :class:`ui.classroom.memory_store.MemoryRoomStore`. Every
operation is one Lua script (ui.classroom.redis_lua: atomic, one round trip); the secret is
compared in constant time inside the script against its SHA-256, so Redis never holds it.

Keys (``al:`` prefix)::

    al:room:<code>     hash   secret (sha256 hex), version, state (JSON), touched, changed,
                              mode (follow / free / pause), epoch
    al:room:<code>:f   zset   "<origin>|<follower>" -> last seen      (the followers)
    al:room:<code>:s   hash   "<origin>|<follower>" -> following / exploring  (the roster)
    al:room:<code>:q   hash   "r:<qid>" -> question record (JSON), "s:<qid>" -> its status
    al:room:<code>:ql  list   qids, oldest first (at most MAX_QUESTIONS; the room hash's field
                              qid is the latest)
    al:room:<code>:a:<qid> hash  digest of a student's session id -> answer (JSON, ≤ 1 KB)
    al:rooms           set    codes of open rooms                     (the MAX_ROOMS bound)
    al:lim:<digest>    hash   start, count                            (a limit's window)
    al:wake            channel "<code> <origin> <version>" after a publish that changed the view,
                              a mode command, or a question asked, ended or revealed;
                              "<code> <origin> answer" after an answer (the teacher's count)

Expiry is kept twice: by the store's clock (``touched`` and ``changed``, so an injected clock
tests it) and by Redis itself (``PEXPIRE`` of the grace time, renewed by every publish and
touch, and given to a room's question and answer keys), so an abandoned room disappears with
its questions and answers even if no process looks at it again.

Followers belong to the process they joined through (``origin``); a teacher's process never
counts out sessions of another. Waking across processes: a publish that changes the view
``PUBLISH``-es on ``al:wake``; every process with followers listens in a daemon thread
(ui.classroom.redis_wake) and hands the message to the ``waker`` given at construction.

Failures: short socket timeouts (``SOCKET_TIMEOUT_S``), at most one retry; a Redis that cannot
be reached raises ``RoomError("store_unavailable")`` and, for ``RETRY_AFTER_S``, later calls
fail at once, so a page never hangs on a dead Redis.
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

from ui.classroom import answers as A
from ui.classroom import redis_lua as lua
from ui.classroom import rules
from ui.classroom.redis_wake import WakeListener
from ui.classroom.rules import RoomError, normalise_code

_LOG = logging.getLogger(__name__)

SOCKET_TIMEOUT_S = 0.5              # connect and per-command timeout
RETRY_AFTER_S = 2.0                 # after a failed connection, fail fast for this long
PREFIX = "al:"
MAX_LOCAL_CODES = 1000              # rooms whose local followers a store remembers
MAX_RECORDS = 256                   # question records a store remembers (they never change)
_REASONS = {lua.UNKNOWN: rules.UNKNOWN, lua.FORBIDDEN: rules.FORBIDDEN, lua.FULL: rules.FULL,
            lua.TOO_MANY: rules.TOO_MANY, lua.NO_QUESTION: rules.NO_QUESTION,
            lua.CLOSED: rules.CLOSED, lua.TOO_MANY_ANSWERS: rules.TOO_MANY_ANSWERS}
_SCRIPTS = ("create", "publish", "touch", "end", "read", "join", "followers", "sweep", "take",
            "leave", "command", "control", "roster", "ask", "status", "question", "record",
            "answer", "answers", "mine")


def secret_digest(secret: str) -> str:
    """What Redis keeps of a secret: hex(SHA-256(secret))."""
    return hashlib.sha256(str(secret).encode()).hexdigest()


def _qid(qid: object) -> str:
    """qid as a script argument: a string that is no question id stands for any forged one (a
    script then finds no such question)."""
    return qid if A.valid_qid(qid) else "none"


def _question(items: list) -> dict | None:
    """A question from a script's [qid, record, status, count] (None for [])."""
    if len(items) < 4:
        return None
    qid, record, status, count = items[:4]
    return A.view(qid, json.loads(record), status, int(count))


def _origin() -> str:
    """This store's name among the processes: host, process id and a random tag."""
    return f"{socket.gethostname()}:{os.getpid()}:{secrets.token_hex(3)}"


def _arg(value: Any) -> str:
    """A script argument: floats with every digit (repr), everything else as str."""
    return repr(value) if isinstance(value, float) else str(value)


def _connect(url: str, timeout: float) -> Any:
    import redis
    from redis.backoff import NoBackoff
    from redis.retry import Retry

    return redis.Redis.from_url(url, socket_timeout=timeout, socket_connect_timeout=timeout,
                                retry=Retry(NoBackoff(), 1), health_check_interval=30,
                                decode_responses=True, client_name="activation-lab")


class RedisRoomStore:
    """The room store in Redis. ``clock`` and ``now`` as in MemoryRoomStore. ``waker(local,
    code)`` is called (in the listener thread) when another process published a change to a
    room; ``local`` lists only this process's followers. None: followers only poll."""

    shared = True

    def __init__(self, url: str, clock: Callable[[], float] = time.time,
                 max_rooms: int = rules.MAX_ROOMS, max_followers: int = rules.MAX_FOLLOWERS,
                 idle_expiry: float = rules.IDLE_EXPIRY_S,
                 follower_stale: float = rules.FOLLOWER_STALE_S,
                 grace: float = rules.TEACHER_GRACE_S, prefix: str = PREFIX,
                 waker: Callable[[Any, str], None] | None = None,
                 socket_timeout: float = SOCKET_TIMEOUT_S,
                 retry_after: float = RETRY_AFTER_S) -> None:
        import redis

        self._clock = clock
        self.max_rooms, self.max_followers = max_rooms, max_followers
        self.idle_expiry, self.follower_stale, self.grace = idle_expiry, follower_stale, grace
        self.prefix, self.origin, self.retry_after = prefix, _origin(), retry_after
        self.channel = prefix + "wake"
        self._errors = (redis.RedisError, OSError)
        self._down = (redis.ConnectionError, redis.TimeoutError, OSError)
        self._down_until = 0.0
        self._lock = threading.Lock()
        self._mine: dict[str, set[str]] = {}   # code -> followers that joined through here
        self._records: dict[str, dict] = {}    # qid -> its record (a record never changes)
        self._r = None
        try:
            self._r = _connect(url, socket_timeout)
        except ValueError:   # a malformed URL: every call says the store is unavailable
            _LOG.error("the room store URL is not a Redis URL; classes are unavailable")
        self._wake = WakeListener(self, waker) if self._r is not None else None
        self._scripts = {} if self._r is None else {
            name: self._r.register_script(getattr(lua, name.upper())) for name in _SCRIPTS}

    # ---------------------------------------------------------------- plumbing

    @property
    def wakes(self) -> int:
        """Messages from other processes handed to the waker."""
        return self._wake.wakes if self._wake is not None else 0

    def _now(self, now: float | None) -> float:
        return self._clock() if now is None else now

    def _keys(self, code: str) -> list[str]:
        room = f"{self.prefix}room:{normalise_code(code)}"
        return [room, room + ":f", self.prefix + "rooms", room + ":s", room + ":q", room + ":ql"]

    def _member(self, follower: str) -> str:
        return f"{self.origin}|{follower}"

    def _call(self, fn: Callable[[], Any]) -> Any:
        """Run one Redis call; RoomError("store_unavailable") if Redis cannot answer."""
        if self._r is None or time.monotonic() < self._down_until:
            raise RoomError(rules.UNAVAILABLE)
        try:
            return fn()
        except self._errors as err:
            if isinstance(err, self._down):
                self._down_until = time.monotonic() + self.retry_after
            _LOG.warning("room store: Redis unavailable (%s)", type(err).__name__)
            raise RoomError(rules.UNAVAILABLE) from err

    def _script(self, name: str, code: str, now: float | None, *args: Any) -> Any:
        """Run a room script: ARGV = code, now, grace, idle, *args; a negative answer (or a
        list starting with one) raises its RoomError."""
        keys = self._keys(code)
        argv = [normalise_code(code), *map(_arg, (self._now(now), float(self.grace),
                                                  float(self.idle_expiry), *args))]
        result = self._call(lambda: self._scripts[name](keys=keys, args=argv))
        first = result[0] if isinstance(result, list) else result
        if isinstance(first, int) and first in _REASONS:
            raise RoomError(_REASONS[first])
        return result

    def _listen(self) -> None:
        """Start this process's wake listener (if there is a waker and it does not run)."""
        if self._wake is not None:
            self._wake.ensure()

    def _ttl_ms(self) -> int:
        return max(1, int(self.grace * 1000))

    # ---------------------------------------------------------------- the teacher

    def create(self, now: float | None = None) -> tuple[str, str]:
        """Open a room with a fresh code: (code, secret)."""
        now = self._now(now)
        secret = secrets.token_urlsafe(24)
        for attempt in range(rules.MAX_CODE_TRIES):
            code = rules.new_code(attempt)
            if self._script("create", code, now, secret_digest(secret), self.max_rooms,
                            self._ttl_ms(), self.prefix + "room:") != lua.TAKEN:
                return code, secret
        raise RoomError(rules.TOO_MANY)  # pragma: no cover - 16⁷ codes for 50 rooms

    def publish(self, code: str, secret: str, state: dict, now: float | None = None) -> int:
        """Replace the room's state (JSON, at most MAX_STATE_BYTES); the new version. A change
        is announced on the wake channel."""
        text = json.dumps(state, sort_keys=True)
        if len(text) > rules.MAX_STATE_BYTES:
            raise RoomError(rules.TOO_BIG)
        return int(self._script("publish", code, now, secret_digest(secret), self._ttl_ms(),
                                text, self.channel, self.origin))

    def touch(self, code: str, secret: str, now: float | None = None) -> None:
        """The teacher is still there: renew the room's grace time (and its Redis keys); the
        teacher's process listens on the wake channel (answers wake the teacher's count)."""
        self._script("touch", code, now, secret_digest(secret), self._ttl_ms())
        self._listen()

    def end(self, code: str, secret: str) -> None:
        """Close the room (only with its secret)."""
        self._script("end", code, None, secret_digest(secret))

    # ---------------------------------------------------------------- the followers

    def version(self, code: str, now: float | None = None) -> int:
        """The room's version (one small script: what an idle follower checks)."""
        return int(self._script("read", code, now, "version")[0])

    def read(self, code: str, now: float | None = None) -> tuple[int, dict]:
        """(version, state) of the room."""
        version, text = self._script("read", code, now, "state")
        return int(version), json.loads(text)

    def join(self, code: str, follower: str, now: float | None = None,
             status: str = rules.FOLLOWING) -> int:
        """Count follower in (or refresh it, with its roster status); RoomError("full") past
        max_followers. The first follower of a process starts that process's wake listener."""
        now = self._now(now)
        status = status if status in rules.STATUSES else rules.FOLLOWING
        count = int(self._script("join", code, now, self._member(follower),
                                 now - self.follower_stale, self.max_followers, status))
        with self._lock:
            if len(self._mine) >= MAX_LOCAL_CODES:   # bounded: forgotten ones just go stale
                self._mine.clear()
            self._mine.setdefault(normalise_code(code), set()).add(str(follower))
        self._listen()
        return count

    def leave(self, code: str, follower: str) -> None:
        """Count follower out if it joined through this store (no error if it was not in);
        followers of other processes are not even looked up."""
        code = normalise_code(code)
        with self._lock:
            known = self._mine.get(code, set())
            if str(follower) not in known:
                return
            known.discard(str(follower))
            if not known:
                self._mine.pop(code, None)
        self._script("leave", code, None, self._member(follower))

    def command(self, code: str, secret: str, mode: str | None = None, back: bool = False,
                now: float | None = None) -> int:
        """Set the mode and/or bump the view epoch (MemoryRoomStore.command); a change is a new
        version, announced on the wake channel."""
        if mode is not None and mode not in rules.MODES:
            raise ValueError(mode)
        return int(self._script("command", code, now, secret_digest(secret), mode or "",
                                "1" if back else "0", self.channel, self.origin))

    def control(self, code: str, now: float | None = None) -> dict:
        """Version, mode, epoch, seconds since the teacher's last sign of life and the latest
        question (MemoryRoomStore.control), in one script."""
        now = self._now(now)
        version, mode, epoch, touched, *question = self._script("control", code, now)
        return {"version": int(version), "mode": mode, "epoch": int(epoch),
                "away": max(0.0, now - float(touched)), "question": _question(question)}

    # ---------------------------------------------------------------- questions and answers

    def ask(self, code: str, secret: str, record: dict, now: float | None = None) -> str:
        """The teacher asks a question (MemoryRoomStore.ask); announced on the wake channel."""
        text = A.encode(A.check_record(record))
        qid = A.new_qid()
        self._script("ask", code, now, secret_digest(secret), self._ttl_ms(), text, qid,
                     rules.MAX_QUESTIONS, self.channel, self.origin)
        self._listen()    # the teacher's process hears the answers of every process
        return qid

    def _status(self, code: str, secret: str, qid: str, status: str, now: float | None) -> None:
        self._script("status", code, now, secret_digest(secret), self._ttl_ms(), _qid(qid),
                     status, self.channel, self.origin)

    def end_question(self, code: str, secret: str, qid: str, now: float | None = None) -> None:
        """The teacher ends the question (MemoryRoomStore.end_question)."""
        self._status(code, secret, qid, rules.CLOSED_Q, now)

    def reveal(self, code: str, secret: str, qid: str, now: float | None = None) -> None:
        """The teacher reveals the question's answers, which ends it too."""
        self._status(code, secret, qid, rules.REVEALED, now)

    def question(self, code: str, now: float | None = None) -> dict | None:
        """The room's latest question (MemoryRoomStore.question), or None."""
        return _question(self._script("question", code, now)[1:])

    def _record(self, code: str, qid: str, now: float | None) -> tuple[dict, int]:
        """(record, answers so far) of qid in the room; RoomError("no_question")."""
        qid = _qid(qid)
        _, text, _, count = self._script("record", code, now, qid)
        with self._lock:
            if qid not in self._records:
                if len(self._records) >= MAX_RECORDS:
                    self._records.clear()
                self._records[qid] = json.loads(text)
            return self._records[qid], int(count)

    def answer_count(self, code: str, qid: str, now: float | None = None) -> int:
        """How many have answered qid."""
        return self._record(code, qid, now)[1]

    def answer(self, code: str, who: str, qid: str, payload: dict,
               now: float | None = None) -> int:
        """who answers the open question qid (MemoryRoomStore.answer): checked here against the
        question's record, written in one script that checks the room, the question's status
        and the bound. The number of answers so far."""
        with self._lock:
            record = self._records.get(qid) if isinstance(qid, str) else None
        if record is None:
            record = self._record(code, qid, now)[0]
        text = A.pack(record, payload)
        return int(self._script("answer", code, now, A.who_key(who), qid, text,
                                rules.MAX_ANSWERS, self.channel, self.origin))

    def answers(self, code: str, secret: str, qid: str, now: float | None = None) -> list[dict]:
        """Teacher only: every answer to qid, in an order that says nothing of who gave it."""
        _, record, *texts = self._script("answers", code, now, secret_digest(secret), _qid(qid))
        return A.shuffled(json.loads(record), texts)

    def my_answer(self, code: str, who: str, qid: str, now: float | None = None) -> dict | None:
        """who's own answer to qid (None if none, or if the room no longer has qid)."""
        _, record, text = self._script("mine", code, now, A.who_key(who), _qid(qid))
        return A.unpack(json.loads(record), text) if record and text else None

    def roster(self, code: str, now: float | None = None) -> list[tuple[str, str, float]]:
        """(follower, status, seconds since last seen) of every counted follower (all
        processes)."""
        now = self._now(now)
        out = self._script("roster", code, now, now - self.follower_stale)[1:]
        return [(out[i].split("|", 1)[1], out[i + 1], max(0.0, now - float(out[i + 2])))
                for i in range(0, len(out), 3)]

    def _members(self, code: str, now: float | None) -> list[str]:
        now = self._now(now)
        return self._script("followers", code, now, now - self.follower_stale)[1:]

    def followers(self, code: str, now: float | None = None) -> list[str]:
        """The ids of the room's followers seen within follower_stale, from every process."""
        return [m.split("|", 1)[1] for m in self._members(code, now)]

    def local_followers(self, code: str, now: float | None = None) -> list[str]:
        """The room's current followers that joined through this store (this process)."""
        mine = self.origin + "|"
        return [m[len(mine):] for m in self._members(code, now) if m.startswith(mine)]

    # ---------------------------------------------------------------- the rest

    def take(self, key: str, limit: int, window: float, cost: int = 1,
             now: float | None = None) -> float:
        """The fixed-window counter of MemoryRoomStore.take, shared by every process (the key
        is stored as a digest: bounded whatever it is)."""
        name = self.prefix + "lim:" + hashlib.sha256(str(key).encode()).hexdigest()[:32]
        argv = [_arg(float(self._now(now))), str(int(limit)), _arg(float(window)), str(cost)]
        wait_ms = self._call(lambda: self._scripts["take"](keys=[name], args=argv))
        return int(wait_ms) / 1000.0

    def sweep(self, now: float | None = None) -> int:
        """Drop every expired room; how many were dropped."""
        return int(self._script("sweep", "", now, self.prefix + "room:"))

    def __len__(self) -> int:
        key = self.prefix + "rooms"
        return int(self._call(lambda: self._r.scard(key)))

    def ping(self) -> bool:
        """Whether Redis answers now (for health pages and tests)."""
        try:
            return bool(self._call(lambda: self._r.ping()))
        except RoomError:
            return False

    def close(self) -> None:
        """Stop the listener thread (tests; a server process just exits)."""
        if self._wake is not None:
            self._wake.close()
