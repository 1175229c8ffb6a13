"""Waking followers: a publish asks the followers of the room that live in this process to rerun
their small watch fragment now (through ui.internals; without it they poll)."""

from __future__ import annotations

import os
import threading
import time
from typing import Any

from ui import internals
from ui.classroom.rules import RoomError

MAX_WATCHERS = 10_000
_WATCHERS: dict[str, str] = {}   # session id → id of its watch fragment (this process)
TEACHER_WAKE_S = 0.25     # answers rerun a teacher's live count at most this often per room
TEACHER_RETRIES = 4       # a busy teacher's session is asked again this many times
_TEACHER: dict[str, tuple[float, bool]] = {}   # code → (last wake, one scheduled)
_TEACHERS: dict[str, tuple[str, str]] = {}      # code → (teacher's session, live fragment)
_TEACHER_LOCK = threading.Lock()


def push_available() -> bool:
    """Whether a publish can wake followers in this process (a Streamlit server runs here and
    ACTIVATION_LAB_FOLLOW_PUSH is not "0": bench/follow.py measures both ways)."""
    if os.environ.get("ACTIVATION_LAB_FOLLOW_PUSH", "1") == "0":
        return False
    return internals.runtime_running()


def remember(session: str, fragment: str | None) -> None:
    """The watch fragment of a follower's session (what a wake reruns)."""
    if fragment:
        if len(_WATCHERS) >= MAX_WATCHERS:
            _WATCHERS.clear()   # bounded: a forgotten one reruns its whole app once
        _WATCHERS[session] = fragment


def wake(store: Any, code: str) -> int:
    """Ask the followers of code in store that live in this process to rerun now; returns how
    many. A session that is gone is counted out of the room. Any failure leaves the followers
    to their poll. After an answer (a store view marked ``answered``: the Redis listener's)
    only the teacher's live count is rerun (:func:`wake_teacher`)."""
    if not push_available():
        return 0
    if getattr(store, "answered", False):
        return int(wake_teacher(code))
    try:
        followers = store.followers(code)
    except RoomError:
        return 0
    woken = 0
    for sid in followers:
        if internals.session_active(sid) is False:
            try:
                store.leave(code, sid)
            except RoomError:
                pass
            _WATCHERS.pop(sid, None)
            continue
        woken += internals.request_rerun(sid, _WATCHERS.get(sid, ""))
    return woken


def answered(store: Any, code: str) -> bool:
    """After a student's answer was stored: wake the live count of code's teacher. A shared
    store announces every answer to every process itself (its listener wakes the teacher
    wherever that session lives); with the memory store the teacher is in this process."""
    if getattr(store, "shared", False):
        return False
    return wake_teacher(code)


def wake_teacher(code: str) -> bool:
    """Rerun the live fragment (roster, answer count) of code's teacher if that session lives
    in this process: at once if it was not woken within TEACHER_WAKE_S, else once at the end
    of that interval (many answers in a burst cost a few reruns, and the last one always shows
    within about TEACHER_WAKE_S and one fragment run). Whether a rerun was asked or planned."""
    if not push_available() or _teacher(code) is None:
        return False
    now = time.monotonic()
    with _TEACHER_LOCK:
        last, planned = _TEACHER.get(code, (0.0, False))
        if planned:
            return True
        if len(_TEACHER) >= MAX_WATCHERS:
            _TEACHER.clear()
        wait = last + TEACHER_WAKE_S - now
        _TEACHER[code] = (last, True) if wait > 0 else (now, False)
    if wait > 0:
        _later(wait, _planned, code)
        return True
    return _rerun_teacher(code, TEACHER_RETRIES)


def remember_teacher(code: str, session: str | None, fragment: str | None) -> None:
    """The live fragment (roster, answer count) of code's teacher in this process: what an
    answer reruns (the teacher's live fragment registers itself on each run)."""
    if code and session and fragment:
        with _TEACHER_LOCK:
            if len(_TEACHERS) >= MAX_WATCHERS:
                _TEACHERS.clear()   # bounded: a forgotten teacher sees answers at the tick
            _TEACHERS[code] = (session, fragment)


def _teacher(code: str) -> tuple[str, str] | None:
    """(session, live fragment) of code's teacher if that session lives in this process."""
    with _TEACHER_LOCK:
        found = _TEACHERS.get(code)
    if found is not None and internals.session_exists(found[0]) is False:
        with _TEACHER_LOCK:
            _TEACHERS.pop(code, None)
        return None
    return found


def _later(delay: float, fn, *args) -> None:
    timer = threading.Timer(delay, fn, args=args)
    timer.daemon = True
    timer.start()


def _planned(code: str) -> None:
    with _TEACHER_LOCK:
        _TEACHER[code] = (time.monotonic(), False)
    _rerun_teacher(code, TEACHER_RETRIES)


def _rerun_teacher(code: str, tries: int) -> bool:
    """Rerun the teacher's live fragment when its session runs nothing (a request over one of
    its runs could cut it short); busy: ask again a little later, then leave it to the
    server's tick (ui.classroom.keeper)."""
    found = _teacher(code)
    if found is None:
        return False
    session, fragment = found
    if internals.session_idle(session):
        return internals.request_rerun(session, fragment)
    if tries > 0:
        _later(TEACHER_WAKE_S, _rerun_teacher, code, tries - 1)
    return True
