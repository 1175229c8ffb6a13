"""Widgets whose state lives in the URL, with a visible notice when a link carried a bad value.

Every wrapper passes ``bind="query-params"``, so Streamlit keeps the value in the query string
(the key is the parameter name) and a shared link reopens the same view. Streamlit silently drops
a URL value it cannot use; before creating the widget we check the raw value ourselves with the
same rules, and if it will be dropped we show a notice naming the parameter and the default used.

Option labels of bound select widgets are what Streamlit writes into the URL, so they must not
depend on the language: pass ids/proper names as options and put translations in ``help``.
"""

from __future__ import annotations

import math
from typing import Any, Callable, Sequence

import streamlit as st

from ui.i18n import t

_NOTICES = "_al_url_notices"
_SLOT = "_al_notice_slot"


def begin_run(slot: Any) -> None:
    """Called by app.py at the top of every run: notices of this run go into slot."""
    st.session_state[_SLOT] = slot
    st.session_state[_NOTICES] = []


def _raw(key: str) -> list[str] | None:
    """The raw URL values for key (None if absent)."""
    if key not in st.query_params:
        return None
    return st.query_params.get_all(key)


def _notice(key: str, raw: list[str], fallback: Any, dropped: bool = False) -> None:
    """Record and show that the URL value of key was replaced by fallback (or dropped)."""
    shown = ", ".join(raw)[:60]
    if dropped:
        msg = t("common.url_dropped", param=key, value=shown)
    else:
        msg = t("common.url_notice", param=key, value=shown, default=fallback)
    st.session_state.setdefault(_NOTICES, []).append(msg)
    slot = st.session_state.get(_SLOT)
    try:
        (slot or st).warning(msg, icon="⚠️")
    except st.errors.StreamlitAPIException:  # inside a fragment rerun: show it in place
        st.warning(msg, icon="⚠️")


def url_notices() -> list[str]:
    """The notices of this run (for tests and the page)."""
    return list(st.session_state.get(_NOTICES, []))


def _parse_number(text: str, integer: bool) -> float | None:
    try:
        value = int(text) if integer else float(text)
    except (TypeError, ValueError, OverflowError):
        return None
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def _check_number(key: str, lo: float, hi: float, default: Any, integer: bool) -> bool:
    """Notice unless the URL holds one number in [lo, hi] (two, ascending, for a range).

    Returns whether a bad value was found.
    """
    raw = _raw(key)
    if raw is None:
        return False
    want = 2 if isinstance(default, tuple) else 1
    values = [_parse_number(r, integer) for r in raw] if len(raw) == want else [None]
    ok = all(v is not None and lo <= v <= hi for v in values) and values == sorted(values)
    if not ok:
        shown = "–".join(map(str, default)) if isinstance(default, tuple) else default
        _notice(key, raw, shown)
    return not ok


def check_url_number(key: str, lo: float, hi: float, default: Any) -> bool:
    """Notice if the URL value of key is not a number in [lo, hi] — also for a widget that the
    current view does not show, so a broken link never passes silently. True if it was bad."""
    return _check_number(key, lo, hi, default, False)


def slider(label: str, key: str, lo: float, hi: float, default: float, step: float | None = None,
           help: str | None = None, fmt: str | None = None, **kw: Any) -> Any:
    """A URL-bound slider (int if every bound is an int, else float)."""
    ends = default if isinstance(default, tuple) else (default,)
    integer = all(isinstance(v, int) for v in (lo, hi, *ends))
    bad = _check_number(key, lo, hi, default, integer)
    value = st.slider(label, lo, hi, default, step=step, key=key, help=help, format=fmt,
                      bind="query-params", **kw)
    if bad and isinstance(default, tuple) and list(value) != sorted(value):
        # Streamlit 1.67 keeps a descending pair from the URL as it is: work from the default
        # that the notice names until the slider is moved
        return default
    return value


def number(label: str, key: str, lo: float, hi: float, default: float, step: float | None = None,
           help: str | None = None, fmt: str | None = None, **kw: Any) -> Any:
    """A URL-bound number input with bounds (an int if every bound is an int).

    Integer inputs run as float inputs with an integer format: Streamlit 1.67 crashes turning a
    URL value such as "inf" into an int, while a float input rejects it cleanly.
    """
    integer = all(isinstance(v, int) for v in (lo, hi, default))
    _check_number(key, lo, hi, default, False)
    if not integer:
        return st.number_input(label, lo, hi, default, step=step, key=key, help=help,
                               format=fmt, bind="query-params", **kw)
    value = st.number_input(label, float(lo), float(hi), float(default),
                            step=float(step or 1), key=key, help=help, format=fmt or "%.0f",
                            bind="query-params", **kw)
    return int(round(value))


def _check_choice(key: str, labels: Sequence[str], default_label: str) -> None:
    raw = _raw(key)
    if raw is not None and (len(raw) != 1 or raw[0] not in labels):
        _notice(key, raw, default_label)


def select(label: str, key: str, options: Sequence[Any], default: Any,
           fmt: Callable[[Any], str] = str, kind: str = "selectbox", help: str | None = None,
           **kw: Any) -> Any:
    """A URL-bound single choice: kind is "selectbox", "radio" or "segmented"."""
    _check_choice(key, [fmt(o) for o in options], fmt(default))
    common = dict(key=key, format_func=fmt, help=help, bind="query-params", **kw)
    index = list(options).index(default)
    if kind == "radio":
        return st.radio(label, options, index=index, horizontal=True, **common)
    if kind == "segmented":
        return st.segmented_control(label, options, default=default, required=True, **common)
    return st.selectbox(label, options, index=index, **common)


def multiselect(label: str, key: str, options: Sequence[Any], default: Sequence[Any],
                fmt: Callable[[Any], str] = str, help: str | None = None,
                max_selections: int | None = None, **kw: Any) -> list[Any]:
    """A URL-bound multiselect; unknown items in the URL are dropped with a notice."""
    raw = _raw(key)
    labels = {fmt(o) for o in options}
    if raw is not None:
        bad = [r for r in raw if r not in labels]
        if bad:
            _notice(key, bad, None, dropped=True)
        elif max_selections and len(raw) > max_selections:
            _notice(key, raw, ", ".join(fmt(d) for d in default))
    return st.multiselect(label, options, default=list(default), key=key, format_func=fmt,
                          help=help, max_selections=max_selections, bind="query-params", **kw)


def toggle(label: str, key: str, default: bool = False, help: str | None = None, **kw: Any) -> bool:
    """A URL-bound on/off switch (URL values true/false)."""
    raw = _raw(key)
    if raw is not None and (len(raw) != 1 or raw[0].lower() not in ("true", "false")):
        _notice(key, raw, str(default).lower())
    return st.toggle(label, value=default, key=key, help=help, bind="query-params", **kw)


def text(label: str, key: str, default: str, max_chars: int = 200, help: str | None = None,
         **kw: Any) -> str:
    """A URL-bound text input (the page must parse it; never eval it)."""
    raw = _raw(key)
    if raw is not None and (len(raw) != 1 or len(raw[0]) > max_chars):
        _notice(key, raw, default)
    return st.text_input(label, default, max_chars=max_chars, key=key, help=help,
                         bind="query-params", **kw)
