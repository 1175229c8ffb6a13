"""The process-wide room store: Redis when ``ACTIVATION_LAB_REDIS_URL`` is set
(``redis://host:6379/0``, several app processes), else in memory. The store is given the waker
(ui.classroom.waker.wake) at construction: the stores import nothing of the class screens."""

from __future__ import annotations

import os
import threading
from typing import Any, Callable

from ui.classroom.memory_store import MemoryRoomStore

ENV_URL = "ACTIVATION_LAB_REDIS_URL"

_STORE: Any = None
_LOCK = threading.Lock()


def store_from_env(default: Callable[[], Any] | None = None,
                   waker: Callable[[Any, str], None] | None = None) -> Any:
    """The Redis room store when ACTIVATION_LAB_REDIS_URL is set (with waker for changes
    published by other processes), else ``default()`` (None without one). Nothing connects
    here: the first room operation does."""
    url = os.environ.get(ENV_URL, "").strip()
    if not url:
        return default() if default is not None else None
    from ui.classroom.redis_store import RedisRoomStore

    return RedisRoomStore(url, waker=waker)


def room_store() -> Any:
    """The process-wide room store (made on first use)."""
    global _STORE
    with _LOCK:
        if _STORE is None:
            from ui.classroom.waker import wake

            _STORE = store_from_env(default=MemoryRoomStore, waker=wake)
        return _STORE


def set_store(store: Any) -> Any:
    """Replace the process-wide store (tests); returns the one it replaced."""
    global _STORE
    with _LOCK:
        old, _STORE = _STORE, store
        return old
