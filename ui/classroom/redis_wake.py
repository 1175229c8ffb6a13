"""Waking followers across processes: a daemon thread per Redis room store listens on the wake
channel and hands each change published by another process to the store's ``waker`` (given at
construction: ui.classroom.store passes ui.classroom.waker.wake), with a view of the store that
lists only this process's followers."""

from __future__ import annotations

import logging
import threading
from typing import Any, Callable

_LOG = logging.getLogger(__name__)

LISTEN_POLL_S = 0.5                 # the listener checks for a stop this often


class LocalFollowers:
    """What a waker sees of a Redis store: only this process's followers (a session that is gone
    is counted out through the same store)."""

    def __init__(self, store: Any) -> None:
        self._store = store

    def followers(self, code: str, now: float | None = None) -> list[str]:
        return self._store.local_followers(code, now)

    def leave(self, code: str, follower: str) -> None:
        self._store.leave(code, follower)


class Answered(LocalFollowers):
    """What a waker sees after an answer: no follower to wake, only the teacher's count
    (``answered``: ui.classroom.waker.wake reruns this process's teacher of the room)."""

    answered = True

    def followers(self, code: str, now: float | None = None) -> list[str]:
        return []


class WakeListener:
    """The listener thread of one store (started by the store's first local follower)."""

    def __init__(self, store: Any, waker: Callable[[Any, str], None] | None) -> None:
        self._store, self._waker = store, waker
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self.wakes = 0

    def ensure(self) -> None:
        """Start the thread if there is a waker and it does not run."""
        if self._waker is None:
            return
        with self._lock:
            if self._thread is not None and self._thread.is_alive():
                return
            self._stop.clear()
            self._thread = threading.Thread(target=self._listen, name="room-wake", daemon=True)
            self._thread.start()

    def _listen(self) -> None:
        """Hand every wake message of another process to the waker; reconnect after a Redis
        failure (followers poll meanwhile)."""
        while not self._stop.is_set():
            pubsub = None
            try:
                pubsub = self._store._r.pubsub(ignore_subscribe_messages=True)
                pubsub.subscribe(self._store.channel)
                while not self._stop.is_set():
                    msg = pubsub.get_message(timeout=LISTEN_POLL_S)
                    if msg and msg.get("type") == "message":
                        self.on_message(str(msg["data"]))
            except Exception:  # noqa: BLE001 - Redis gone or a bad message: retry shortly
                _LOG.debug("room wake listener: reconnecting", exc_info=True)
                self._stop.wait(1.0)
            finally:
                _close(pubsub)

    def on_message(self, data: str) -> None:
        """One "<code> <origin> <version>" message: wake this process's followers of code
        unless this process published it (it woke its own already). "<code> <origin> answer"
        (from any process, this one too: no screen wakes the teacher for a store's answer)
        reruns the live count of code's teacher if that session lives here."""
        parts = data.split(" ")
        answered = len(parts) == 3 and parts[2] == "answer"
        if len(parts) != 3 or (parts[1] == self._store.origin and not answered):
            return
        self.wakes += 1
        view = Answered(self._store) if answered else LocalFollowers(self._store)
        try:
            self._waker(view, parts[0])
        except Exception:  # noqa: BLE001 - a failed wake leaves followers to their poll
            _LOG.debug("room wake failed", exc_info=True)

    def close(self) -> None:
        """Stop the thread."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=3)


def _close(pubsub: Any) -> None:
    if pubsub is not None:
        try:
            pubsub.close()
        except Exception:  # noqa: BLE001
            pass
