"""A small process-wide store for finished work that st.cache_data cannot hold.

The network lab trains with a progress bar that it updates between chunks of training; a
function decorated with st.cache_data may not draw into an element made outside it (its replay
fails), so the lab keeps its finished runs here instead: one LRU per name, shared by every
session of the server process, keyed by the plain values that decide the result.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Any, Hashable

import streamlit as st


class RunStore:
    """A thread-safe LRU of at most `size` entries."""

    STRIPES = 16  # locks for computing entries: a key always maps to the same one

    def __init__(self, size: int) -> None:
        self._items: OrderedDict[Hashable, Any] = OrderedDict()
        self._lock = threading.Lock()
        self._size = size
        self._stripes = tuple(threading.Lock() for _ in range(self.STRIPES))

    def lock_for(self, key: Hashable) -> threading.Lock:
        """The lock to hold while computing the entry for key, so that sessions asking for the
        same entry at once compute it once: the others wait, then find it stored. (A bounded
        set of locks: two keys may share one, which only makes them take turns.)"""
        return self._stripes[hash(key) % self.STRIPES]

    def get(self, key: Hashable) -> Any:
        """The value stored under key (now the most recently used), or None."""
        with self._lock:
            value = self._items.get(key)
            if value is not None:
                self._items.move_to_end(key)
            return value

    def put(self, key: Hashable, value: Any) -> None:
        """Store value under key, dropping the least recently used entries beyond `size`."""
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self._size:
                self._items.popitem(last=False)

    def __len__(self) -> int:
        with self._lock:
            return len(self._items)


@st.cache_resource(show_spinner=False)
def shared_store(name: str, size: int) -> RunStore:
    """The process-wide RunStore called `name` (made once, on first use)."""
    return RunStore(size)
