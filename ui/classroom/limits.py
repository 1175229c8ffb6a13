"""Limits on starting classes and on trying class codes, per session and per client address.

The client address: Streamlit sees the direct peer of the websocket. Behind our nginx
(deploy/nginx.conf) the peer is the proxy and the browser's address is in ``X-Forwarded-For``,
which nginx sets to the address it saw (a browser cannot put its own value there: nginx
overwrites the header). That header is believed only when the direct peer is loopback (nginx on
the same machine) or inside ``ACTIVATION_LAB_TRUSTED_PROXIES`` (comma-separated addresses or
networks, e.g. the Docker network of deploy/compose.yaml); of several values, the last one
(added by the nearest proxy) is used. Otherwise the peer's own address counts, and a session
with no address at all counts under "local".

Counters live in the room store (``take``: O(1), shared by every process with Redis).
"""

from __future__ import annotations

import ipaddress
import math
import os
from typing import Any

import streamlit as st

from ui import internals
from ui.classroom import rules

TRUSTED_ENV = "ACTIVATION_LAB_TRUSTED_PROXIES"
MAX_ADDRESS_CHARS = 64


def _trusted(peer: str | None) -> bool:
    if peer is None:          # Streamlit reports no address for a loopback peer
        return True
    try:
        ip = ipaddress.ip_address(peer)
    except ValueError:
        return False
    if ip.is_loopback:
        return True
    for item in os.environ.get(TRUSTED_ENV, "").split(","):
        try:
            if item.strip() and ip in ipaddress.ip_network(item.strip(), strict=False):
                return True
        except ValueError:
            continue
    return False


def client_address() -> str:
    """The browser's address by the rule of the module docstring."""
    try:
        peer = st.context.ip_address
        forwarded = (st.context.headers or {}).get("X-Forwarded-For") or ""
    except Exception:  # noqa: BLE001 - outside a request
        peer, forwarded = None, ""
    return address_from(peer, forwarded)


def address_from(peer: str | None, forwarded: str) -> str:
    """The client address from the direct peer (None: loopback) and X-Forwarded-For."""
    if _trusted(peer) and forwarded.strip():
        return forwarded.split(",")[-1].strip()[:MAX_ADDRESS_CHARS]
    return (peer or "local")[:MAX_ADDRESS_CHARS]


def _keys(kind: str) -> list[tuple[str, int, float]]:
    session = internals.session_id() or "test"
    if kind == "start":
        return [(f"start:s:{session}", rules.STARTS_PER_SESSION, rules.START_WINDOW_S),
                (f"start:a:{client_address()}", rules.STARTS_PER_ADDRESS, rules.START_WINDOW_S)]
    return [(f"try:s:{session}", rules.TRIES_PER_SESSION, rules.TRY_WINDOW_S),
            (f"try:a:{client_address()}", rules.TRIES_PER_ADDRESS, rules.TRY_WINDOW_S)]


def wait_s(store: Any, kind: str) -> int:
    """Whole seconds this session must wait before the next kind ("start" or "try") is
    allowed (0: allowed now). Asks only; nothing is counted."""
    waits = [store.take(key, limit, window, cost=0) for key, limit, window in _keys(kind)]
    return int(math.ceil(max(waits)))


def count(store: Any, kind: str) -> None:
    """Count one kind event for this session and its address."""
    for key, limit, window in _keys(kind):
        store.take(key, limit, window)
