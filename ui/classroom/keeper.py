"""A room lives while its teacher's session does: a daemon thread renews (``touch``) every
LEASE_RENEW_S the rooms whose teacher's session is connected in this process. A room whose
teacher's session has ended (tab closed, lost connection) is no longer renewed and lapses
TEACHER_GRACE_S later — long enough for a dropped connection to come back, short enough that
abandoned rooms free their places. Where liveness cannot be known (no Streamlit server: tests),
nothing is renewed here: the teacher's own runs renew the room."""

from __future__ import annotations

import threading
import time
from typing import Any

from ui import internals
from ui.classroom import rules
from ui.classroom.rules import RoomError

_HELD: dict[str, tuple[str, str, float]] = {}   # code -> (secret, session id, last seen active)
_LIVE: dict[str, tuple[str, str]] = {}          # code -> (session id, its live fragment id)
TICK_S = 1.0   # the teacher's live fragment (publish, roster) is rerun this often while idle
_TICKER: threading.Thread | None = None
_LOCK = threading.Lock()
_THREAD: threading.Thread | None = None


def hold(code: str, secret: str, session: str | None) -> None:
    """Keep renewing code while session is connected (started by the teacher's session)."""
    if not session or not internals.runtime_running():
        return
    with _LOCK:
        if len(_HELD) < 4 * rules.MAX_ROOMS:     # bounded; others renew through their runs
            _HELD[code] = (secret, session, time.time())
    _ensure_thread()


def release(code: str | None) -> None:
    """Stop renewing code (ended, lost, or its teacher gone)."""
    with _LOCK:
        _HELD.pop(code or "", None)
        _LIVE.pop(code or "", None)


def live(code: str, session: str | None, fragment: str | None) -> None:
    """The teacher's live fragment of code: rerun every TICK_S by the server while the
    teacher's session is idle (never over one of its runs, unlike a browser timer)."""
    if not session or not fragment or not internals.runtime_running():
        return
    with _LOCK:
        if code in _HELD or len(_LIVE) < 4 * rules.MAX_ROOMS:
            _LIVE[code] = (session, fragment)
    global _TICKER
    with _LOCK:
        if _TICKER is None or not _TICKER.is_alive():
            _TICKER = threading.Thread(target=_tick_loop, name="room-ticker", daemon=True)
            _TICKER.start()


def tick_once() -> int:
    """Rerun every idle teacher's live fragment; how many."""
    with _LOCK:
        items = list(_LIVE.items())
    ticked = 0
    for code, (session, fragment) in items:
        if internals.session_exists(session) is False:
            with _LOCK:
                _LIVE.pop(code, None)
            continue
        if internals.session_idle(session):
            ticked += internals.request_rerun(session, fragment)
    return ticked


def _tick_loop() -> None:
    while True:
        time.sleep(TICK_S)
        try:
            tick_once()
        except Exception:  # noqa: BLE001 - never let the ticker die
            pass


def held() -> list[str]:
    """The codes renewed here (tests)."""
    with _LOCK:
        return list(_HELD)


def renew_once(store: Any, now: float | None = None) -> int:
    """One round: renew every held room whose session is connected; forget rooms whose session
    has been gone longer than the grace time, or that the store no longer has. How many were
    renewed."""
    now = time.time() if now is None else now
    renewed = 0
    with _LOCK:
        items = list(_HELD.items())
    for code, (secret, session, seen) in items:
        if internals.session_active(session) is False:
            if now - seen > rules.TEACHER_GRACE_S:
                release(code)
            continue
        try:
            store.touch(code, secret)
        except RoomError as err:
            if err.reason != rules.UNAVAILABLE:
                release(code)
            continue
        with _LOCK:
            if code in _HELD:
                _HELD[code] = (secret, session, now)
        renewed += 1
    return renewed


def _loop() -> None:
    from ui.classroom.store import room_store

    while True:
        time.sleep(rules.LEASE_RENEW_S)
        try:
            renew_once(room_store())
        except Exception:  # noqa: BLE001 - never let the keeper die; rooms lapse at worst
            pass


def _ensure_thread() -> None:
    global _THREAD
    with _LOCK:
        if _THREAD is None or not _THREAD.is_alive():
            _THREAD = threading.Thread(target=_loop, name="room-keeper", daemon=True)
            _THREAD.start()
