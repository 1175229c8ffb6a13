"""Class rooms: a teacher publishes the view (page + URL state), students follow it.

A room has a short code (what students type or scan), a secret (held only in the teacher's
session: only it may publish to or end the room), a version that grows with every publish, the
published state (a plain JSON-able dict) and its followers. The store is the whole interface
between the teacher's session and the students' sessions, so a shared store (Redis, a later
issue) can replace :class:`MemoryRoomStore` when the app runs as several processes.

Bounds: at most ``MAX_ROOMS`` rooms and ``MAX_FOLLOWERS`` followers per room; a room ends when
the teacher ends it or after ``IDLE_EXPIRY_S`` without activity (a publish or the teacher's
heartbeat); a follower not seen for ``FOLLOWER_STALE_S`` no longer counts. Every call is O(1)
or O(rooms + followers of one room), and a published state is capped at ``MAX_STATE_BYTES``.
"""

from __future__ import annotations

import hmac
import json
import secrets
import threading
import time
from dataclasses import dataclass, field
from typing import Any, Callable, Protocol

# Codes: no look-alikes (0/O/Q/D, 1/I/L/J/T, 2/Z, 5/S, 8/B, 6/G, U/V, 9): what remains reads
# the same on a projector, in handwriting and in both languages' fonts.
ALPHABET = "34ACEFHKMNPRWXY7"
CODE_LENGTH = 4
MAX_CODE_LENGTH = 6
MAX_ROOMS = 50
MAX_FOLLOWERS = 200
IDLE_EXPIRY_S = 3 * 3600.0
FOLLOWER_STALE_S = 600.0
MAX_STATE_BYTES = 16_384
MAX_CODE_TRIES = 200


class RoomError(Exception):
    """A room operation that cannot be done; ``reason`` is one of REASONS (for the message)."""

    # store_unavailable: a shared store (ui.rooms_redis) cannot be reached right now; the room
    # may well still exist, so callers keep it and try again on a later run
    REASONS = ("unknown", "full", "forbidden", "too_many_rooms", "too_big", "store_unavailable")

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class RoomStore(Protocol):
    """What the app needs from a room store (all states are plain JSON-able dicts)."""

    def create(self, now: float | None = None) -> tuple[str, str]:
        """Open a room: (code, secret). RoomError("too_many_rooms") at the bound."""

    def publish(self, code: str, secret: str, state: dict, now: float | None = None) -> int:
        """Store state as the room's view if secret is the room's; the new version."""

    def version(self, code: str, now: float | None = None) -> int:
        """The room's version (cheap: what an idle follower checks)."""

    def read(self, code: str, now: float | None = None) -> tuple[int, dict]:
        """(version, state) of the room."""

    def end(self, code: str, secret: str) -> None:
        """Close the room (only with its secret)."""

    def join(self, code: str, follower: str, now: float | None = None) -> int:
        """Count follower in (or refresh it); the number of followers."""

    def leave(self, code: str, follower: str) -> None:
        """Count follower out (no error if it was not in)."""

    def followers(self, code: str, now: float | None = None) -> list[str]:
        """The ids of the room's current followers."""

    def sweep(self, now: float | None = None) -> int:
        """Drop expired rooms; how many were dropped."""


def normalise_code(text: str) -> str:
    """A typed code as stored: upper case, spaces and dashes removed (at most 12 characters
    are looked at, so a long URL value costs nothing)."""
    return "".join(c for c in str(text)[:12].upper() if c not in " -")


def valid_code(code: str) -> bool:
    """Whether code could be a room code at all (length and alphabet)."""
    return CODE_LENGTH <= len(code) <= MAX_CODE_LENGTH and all(c in ALPHABET for c in code)


@dataclass
class _Room:
    secret: str
    touched: float
    version: int = 0
    state: dict = field(default_factory=dict)
    followers: dict[str, float] = field(default_factory=dict)  # id → last seen


class MemoryRoomStore:
    """The in-process store: one dict behind one lock (a Streamlit process serves every session
    from threads of one interpreter, so this is shared by the whole class).

    ``clock`` (seconds) is injectable for tests; ``now`` arguments override it per call.
    """

    def __init__(self, clock: Callable[[], float] = time.time, max_rooms: int = MAX_ROOMS,
                 max_followers: int = MAX_FOLLOWERS, idle_expiry: float = IDLE_EXPIRY_S,
                 follower_stale: float = FOLLOWER_STALE_S) -> None:
        self._clock = clock
        self._rooms: dict[str, _Room] = {}
        self._lock = threading.Lock()
        self.max_rooms, self.max_followers = max_rooms, max_followers
        self.idle_expiry, self.follower_stale = idle_expiry, follower_stale

    def _now(self, now: float | None) -> float:
        return self._clock() if now is None else now

    def _live(self, code: str, now: float) -> _Room:
        """The room under code if it exists and has not expired (lock held)."""
        room = self._rooms.get(normalise_code(code))
        if room is None:
            raise RoomError("unknown")
        if now - room.touched > self.idle_expiry:
            del self._rooms[normalise_code(code)]
            raise RoomError("unknown")
        return room

    def _owned(self, code: str, secret: str, now: float) -> _Room:
        room = self._live(code, now)
        if not hmac.compare_digest(room.secret.encode(), str(secret).encode()):
            raise RoomError("forbidden")
        return room

    def _sweep(self, now: float) -> int:
        dead = [c for c, r in self._rooms.items() if now - r.touched > self.idle_expiry]
        for c in dead:
            del self._rooms[c]
        return len(dead)

    def create(self, now: float | None = None) -> tuple[str, str]:
        """Open a room with a fresh code (4 characters; 5–6 only if 4 keep colliding)."""
        now = self._now(now)
        with self._lock:
            self._sweep(now)
            if len(self._rooms) >= self.max_rooms:
                raise RoomError("too_many_rooms")
            for attempt in range(MAX_CODE_TRIES):
                length = min(CODE_LENGTH + attempt // 50, MAX_CODE_LENGTH)
                code = "".join(secrets.choice(ALPHABET) for _ in range(length))
                if code not in self._rooms:
                    break
            else:  # pragma: no cover - 16⁴ codes for at most 50 rooms
                raise RoomError("too_many_rooms")
            secret = secrets.token_urlsafe(24)
            self._rooms[code] = _Room(secret=secret, touched=now)
            return code, secret

    def publish(self, code: str, secret: str, state: dict, now: float | None = None) -> int:
        """Replace the room's state (a copy through JSON, at most MAX_STATE_BYTES); the new
        version. The same state again only refreshes the room and keeps the version."""
        now = self._now(now)
        text = json.dumps(state, sort_keys=True)
        if len(text) > MAX_STATE_BYTES:
            raise RoomError("too_big")
        with self._lock:
            room = self._owned(code, secret, now)
            room.touched = now
            if json.dumps(room.state, sort_keys=True) != text:
                room.state = json.loads(text)
                room.version += 1
            return room.version

    def version(self, code: str, now: float | None = None) -> int:
        """The room's version."""
        with self._lock:
            return self._live(code, self._now(now)).version

    def read(self, code: str, now: float | None = None) -> tuple[int, dict]:
        """(version, a copy of the state)."""
        with self._lock:
            room = self._live(code, self._now(now))
            return room.version, json.loads(json.dumps(room.state))

    def end(self, code: str, secret: str) -> None:
        """Close the room."""
        with self._lock:
            self._owned(code, secret, self._clock())
            del self._rooms[normalise_code(code)]

    def join(self, code: str, follower: str, now: float | None = None) -> int:
        """Count follower in; RoomError("full") past max_followers (stale ones do not count)."""
        now = self._now(now)
        with self._lock:
            room = self._live(code, now)
            self._drop_stale(room, now)
            if follower not in room.followers and len(room.followers) >= self.max_followers:
                raise RoomError("full")
            room.followers[str(follower)] = now
            return len(room.followers)

    def leave(self, code: str, follower: str) -> None:
        """Count follower out."""
        with self._lock:
            room = self._rooms.get(normalise_code(code))
            if room is not None:
                room.followers.pop(str(follower), None)

    def followers(self, code: str, now: float | None = None) -> list[str]:
        """The followers seen within follower_stale."""
        now = self._now(now)
        with self._lock:
            room = self._live(code, now)
            self._drop_stale(room, now)
            return list(room.followers)

    def _drop_stale(self, room: _Room, now: float) -> None:
        for f in [f for f, seen in room.followers.items() if now - seen > self.follower_stale]:
            del room.followers[f]

    def touch(self, code: str, secret: str, now: float | None = None) -> None:
        """The teacher is still there: keep the room from expiring."""
        now = self._now(now)
        with self._lock:
            self._owned(code, secret, now).touched = now

    def sweep(self, now: float | None = None) -> int:
        """Drop every expired room."""
        with self._lock:
            return self._sweep(self._now(now))

    def __len__(self) -> int:
        with self._lock:
            return len(self._rooms)


_STORE: MemoryRoomStore | None = None
_STORE_LOCK = threading.Lock()


def room_store() -> Any:
    """The process-wide room store (made on first use)."""
    global _STORE
    with _STORE_LOCK:
        if _STORE is None:
            from ui.rooms_redis import store_from_env  # ACTIVATION_LAB_REDIS_URL set: Redis

            _STORE = store_from_env(default=MemoryRoomStore)
        return _STORE
