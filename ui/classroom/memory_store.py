"""The in-process room store: one dict behind one lock (a Streamlit process serves every session
from threads of one interpreter, so this is shared by the whole class).

A room lives while its teacher shows signs of life (a publish or a ``touch``, renewed by
ui.classroom.keeper while the teacher's session exists) and ends ``grace`` seconds after the
last one, or ``idle_expiry`` seconds after its view last changed. Every call is O(1), or
O(followers of one room) / O(rooms) with both bounded; a state is at most MAX_STATE_BYTES.

Questions and answers (issue #23) live in the room and end with it: at most MAX_QUESTIONS
questions, MAX_ANSWERS answers each, an answer at most MAX_ANSWER_BYTES (ui.classroom.answers
checks it), kept under a digest of the student's session id, never the id itself.
"""

from __future__ import annotations

import hmac
import json
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Callable

from ui.classroom import answers as A
from ui.classroom import rules
from ui.classroom.rules import RoomError, normalise_code


@dataclass
class _Question:
    record: dict                  # answers.check_record of Question.record()
    status: str = rules.OPEN      # rules.QUESTION_STATUSES
    answers: dict[str, str] = field(default_factory=dict)   # digest of who → kept text


@dataclass
class _Room:
    secret: str
    touched: float               # the teacher's last sign of life
    changed: float               # the view's last change (or the start)
    version: int = 0
    state: dict = field(default_factory=dict)
    followers: dict[str, float] = field(default_factory=dict)  # id → last seen
    statuses: dict[str, str] = field(default_factory=dict)     # id → following / exploring
    mode: str = rules.FOLLOW      # how the teacher holds the class (rules.MODES)
    epoch: int = 0                # "everyone back to my view" presses (followers reset zoom)
    questions: OrderedDict[str, _Question] = field(default_factory=OrderedDict)  # qid → question


class MemoryRoomStore:
    """The RoomStore of this process. ``clock`` (seconds) is injectable for tests; ``now``
    arguments override it per call."""

    shared = False

    def __init__(self, clock: Callable[[], float] = time.time, max_rooms: int = rules.MAX_ROOMS,
                 max_followers: int = rules.MAX_FOLLOWERS,
                 idle_expiry: float = rules.IDLE_EXPIRY_S,
                 follower_stale: float = rules.FOLLOWER_STALE_S,
                 grace: float = rules.TEACHER_GRACE_S) -> None:
        self._clock = clock
        self._rooms: dict[str, _Room] = {}
        self._buckets: OrderedDict[str, tuple[float, int]] = OrderedDict()
        self._lock = threading.Lock()
        self.max_rooms, self.max_followers = max_rooms, max_followers
        self.idle_expiry, self.follower_stale, self.grace = idle_expiry, follower_stale, grace

    def _now(self, now: float | None) -> float:
        return self._clock() if now is None else now

    def _expired(self, room: _Room, now: float) -> bool:
        return now - room.touched > self.grace or now - room.changed > self.idle_expiry

    def _live(self, code: str, now: float) -> _Room:
        """The room under code if it exists and has not expired (lock held)."""
        code = normalise_code(code)
        room = self._rooms.get(code)
        if room is not None and self._expired(room, now):
            del self._rooms[code]
            room = None
        if room is None:
            raise RoomError(rules.UNKNOWN)
        return room

    def _owned(self, code: str, secret: str, now: float) -> _Room:
        room = self._live(code, now)
        if not hmac.compare_digest(room.secret.encode(), str(secret).encode()):
            raise RoomError(rules.FORBIDDEN)
        return room

    def _sweep(self, now: float) -> int:
        dead = [c for c, r in self._rooms.items() if self._expired(r, now)]
        for c in dead:
            del self._rooms[c]
        return len(dead)

    def create(self, now: float | None = None) -> tuple[str, str]:
        """Open a room with a fresh code: (code, secret)."""
        import secrets

        now = self._now(now)
        with self._lock:
            self._sweep(now)
            if len(self._rooms) >= self.max_rooms:
                raise RoomError(rules.TOO_MANY)
            code = next((c for c in map(rules.new_code, range(rules.MAX_CODE_TRIES))
                         if c not in self._rooms), None)
            if code is None:  # pragma: no cover - 16⁷ codes for at most 50 rooms
                raise RoomError(rules.TOO_MANY)
            secret = secrets.token_urlsafe(24)
            self._rooms[code] = _Room(secret=secret, touched=now, changed=now)
            return code, secret

    def publish(self, code: str, secret: str, state: dict, now: float | None = None) -> int:
        """Replace the room's state (a copy through JSON, at most MAX_STATE_BYTES); the new
        version. The same state again only renews the room and keeps the version."""
        now = self._now(now)
        text = json.dumps(state, sort_keys=True)
        if len(text) > rules.MAX_STATE_BYTES:
            raise RoomError(rules.TOO_BIG)
        with self._lock:
            room = self._owned(code, secret, now)
            room.touched = now
            if json.dumps(room.state, sort_keys=True) != text:
                room.state, room.changed = json.loads(text), now
                room.version += 1
            return room.version

    def touch(self, code: str, secret: str, now: float | None = None) -> None:
        """The teacher is still there: renew the room's grace time."""
        now = self._now(now)
        with self._lock:
            self._owned(code, secret, now).touched = now

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
        """Close the room (only with its secret)."""
        with self._lock:
            self._owned(code, secret, self._clock())
            del self._rooms[normalise_code(code)]

    def join(self, code: str, follower: str, now: float | None = None,
             status: str = rules.FOLLOWING) -> int:
        """Count follower in (or refresh it, with its roster status: rules.STATUSES);
        RoomError("full") past max_followers (stale ones do not count)."""
        now = self._now(now)
        status = status if status in rules.STATUSES else rules.FOLLOWING
        with self._lock:
            room = self._live(code, now)
            self._drop_stale(room, now)
            if follower not in room.followers and len(room.followers) >= self.max_followers:
                raise RoomError(rules.FULL)
            room.followers[str(follower)] = now
            room.statuses[str(follower)] = status
            return len(room.followers)

    def leave(self, code: str, follower: str) -> None:
        """Count follower out (no error if it was not in)."""
        with self._lock:
            room = self._rooms.get(normalise_code(code))
            if room is not None:
                room.followers.pop(str(follower), None)
                room.statuses.pop(str(follower), None)

    def command(self, code: str, secret: str, mode: str | None = None, back: bool = False,
                now: float | None = None) -> int:
        """The teacher holds the class: set the mode (rules.MODES) and/or, with back, bump the
        view epoch ("everyone back to my view"). Any change is a new version (followers are
        woken like for a new view); the version."""
        if mode is not None and mode not in rules.MODES:
            raise ValueError(mode)
        now = self._now(now)
        with self._lock:
            room = self._owned(code, secret, now)
            room.touched = now
            if (mode is not None and mode != room.mode) or back:
                room.mode = mode or room.mode
                room.epoch += int(back)
                room.version += 1
            return room.version

    def control(self, code: str, now: float | None = None) -> dict:
        """What a follower needs besides the view: version, mode, epoch, the seconds since
        the teacher's last sign of life (``away``) and the room's latest question (``question``:
        as :meth:`question` gives it, or None)."""
        now = self._now(now)
        with self._lock:
            room = self._live(code, now)
            return {"version": room.version, "mode": room.mode, "epoch": room.epoch,
                    "away": max(0.0, now - room.touched), "question": self._latest(room)}

    # ------------------------------------------------------------ questions and answers

    @staticmethod
    def _latest(room: _Room) -> dict | None:
        if not room.questions:
            return None
        qid = next(reversed(room.questions))
        q = room.questions[qid]
        return A.view(qid, q.record, q.status, len(q.answers))

    @staticmethod
    def _question(room: _Room, qid: str) -> _Question:
        q = room.questions.get(qid) if A.valid_qid(qid) else None
        if q is None:
            raise RoomError(rules.NO_QUESTION)
        return q

    def ask(self, code: str, secret: str, record: dict, now: float | None = None) -> str:
        """The teacher asks a question (record = Question.record()): a fresh random question
        id. Any open question is closed; the room keeps its MAX_QUESTIONS latest questions
        (the oldest is dropped with its answers). Followers are woken like for a mode command
        (the caller wakes this process's: ui.classroom.waker.wake)."""
        record = A.check_record(record)
        now = self._now(now)
        with self._lock:
            room = self._owned(code, secret, now)
            room.touched = now
            for q in room.questions.values():
                if q.status == rules.OPEN:
                    q.status = rules.CLOSED_Q
            qid = A.new_qid()
            room.questions[qid] = _Question(record=record)
            while len(room.questions) > rules.MAX_QUESTIONS:
                room.questions.popitem(last=False)
            return qid

    def _status(self, code: str, secret: str, qid: str, status: str, now: float | None) -> None:
        now = self._now(now)
        with self._lock:
            room = self._owned(code, secret, now)
            room.touched = now
            q = self._question(room, qid)
            if status == rules.REVEALED or q.status == rules.OPEN:
                q.status = status

    def end_question(self, code: str, secret: str, qid: str, now: float | None = None) -> None:
        """The teacher ends the question: later answers are refused ("closed"). A question
        already ended or revealed stays as it is."""
        self._status(code, secret, qid, rules.CLOSED_Q, now)

    def reveal(self, code: str, secret: str, qid: str, now: float | None = None) -> None:
        """The teacher reveals the question's answers (which ends it too)."""
        self._status(code, secret, qid, rules.REVEALED, now)

    def question(self, code: str, now: float | None = None) -> dict | None:
        """The room's latest question: {"qid", "id", "kind", "status", "count", "record"}, or
        None before the first."""
        with self._lock:
            return self._latest(self._live(code, self._now(now)))

    def answer_count(self, code: str, qid: str, now: float | None = None) -> int:
        """How many have answered the question (anyone may ask: it is shown to the class)."""
        with self._lock:
            return len(self._question(self._live(code, self._now(now)), qid).answers)

    def answer(self, code: str, who: str, qid: str, payload: dict,
               now: float | None = None) -> int:
        """who (a student's session id) answers the open question qid; a new answer replaces
        who's earlier one. The number of answers so far. RoomError: "no_question" (a qid the
        room does not have), "closed", "bad_answer" (ui.classroom.answers), "too_many_answers"
        (MAX_ANSWERS reached); nothing is written then."""
        now = self._now(now)
        key = A.who_key(who)
        with self._lock:
            q = self._question(self._live(code, now), qid)
            text = A.pack(q.record, payload)
            if q.status != rules.OPEN:
                raise RoomError(rules.CLOSED)
            if key not in q.answers and len(q.answers) >= rules.MAX_ANSWERS:
                raise RoomError(rules.TOO_MANY_ANSWERS)
            q.answers[key] = text
            return len(q.answers)

    def answers(self, code: str, secret: str, qid: str, now: float | None = None) -> list[dict]:
        """Teacher only: every answer to qid, in an order that says nothing of who gave it."""
        with self._lock:
            q = self._question(self._owned(code, secret, self._now(now)), qid)
            texts = list(q.answers.values())
        return A.shuffled(q.record, texts)

    def my_answer(self, code: str, who: str, qid: str, now: float | None = None) -> dict | None:
        """who's own answer to qid (None if none, or if the room no longer has qid)."""
        with self._lock:
            room = self._live(code, self._now(now))
            q = room.questions.get(qid) if A.valid_qid(qid) else None
            text = None if q is None else q.answers.get(A.who_key(who))
        return None if text is None else A.unpack(q.record, text)

    def roster(self, code: str, now: float | None = None) -> list[tuple[str, str, float]]:
        """(follower, status, seconds since last seen) of every counted follower."""
        now = self._now(now)
        with self._lock:
            room = self._live(code, now)
            self._drop_stale(room, now)
            return [(f, room.statuses.get(f, rules.FOLLOWING), max(0.0, now - seen))
                    for f, seen in room.followers.items()]

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
            room.statuses.pop(f, None)

    def take(self, key: str, limit: int, window: float, cost: int = 1,
             now: float | None = None) -> float:
        """A fixed-window counter: count cost events for key and return 0.0 if that keeps it
        within limit per window, else count nothing and return the seconds until the window
        ends (cost 0 only asks)."""
        now = self._now(now)
        with self._lock:
            start, count = self._buckets.get(key, (now, 0))
            if now - start >= window:
                start, count = now, 0
            if count + cost > limit or (cost == 0 and count >= limit):
                return max(0.0, start + window - now)
            self._buckets[key] = (start, count + cost)
            self._buckets.move_to_end(key)
            while len(self._buckets) > rules.MAX_BUCKETS:
                self._buckets.popitem(last=False)
            return 0.0

    def sweep(self, now: float | None = None) -> int:
        """Drop every expired room; how many were dropped."""
        with self._lock:
            return self._sweep(self._now(now))

    def __len__(self) -> int:
        with self._lock:
            return len(self._rooms)
