"""Waking followers: a publish asks the followers of the room that live in this process to rerun
their small watch fragment now (through ui.internals; without it they poll)."""

from __future__ import annotations

import os
from typing import Any

from ui import internals
from ui.classroom.rules import RoomError

MAX_WATCHERS = 10_000
_WATCHERS: dict[str, str] = {}   # session id → id of its watch fragment (this process)


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
    to their poll."""
    if not push_available():
        return 0
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
