"""Helpers every page uses: the current look, headers, charts, numbers and "show the code"."""

from __future__ import annotations

import functools
import inspect
import math
from typing import Any, Callable

import plotly.graph_objects as go
import streamlit as st

from ui.i18n import t
from ui.theme import Look

_SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")
PLOTLY_CONFIG = {"displaylogo": False, "responsive": True,
                 "modeBarButtonsToRemove": ["lasso2d", "select2d"]}


def classroom() -> bool:
    """Whether classroom (projector) mode is on for this run."""
    return bool(st.session_state.get("classroom", False))


def look() -> Look:
    """The Look for this run: classroom mode from the URL, dark/light from the browser theme."""
    theme = getattr(st.context, "theme", None)
    dark = getattr(theme, "type", None) == "dark"
    return Look(classroom=classroom(), dark=dark)


def header(prefix: str) -> None:
    """Title and intro of a page from the keys ``<prefix>.title`` and ``<prefix>.intro``."""
    st.title(t(f"{prefix}.title"))
    st.markdown(t(f"{prefix}.intro"))


def chart(fig: go.Figure, key: str) -> None:
    """Render a Plotly figure at full width with the shared config (theme: ours, not Streamlit's)."""
    st.plotly_chart(fig, width="stretch", theme=None, key=f"chart_{key}", config=PLOTLY_CONFIG)


def secondary(label_key: str):
    """A container for secondary controls: an open expander normally, folded in classroom mode."""
    return st.expander(t(label_key), expanded=not classroom())


def fmt(value: float, digits: int = 4) -> str:
    """A number for people: ±∞, nan, integers without decimals, else `digits` significant digits."""
    if value is None:
        return "—"
    if math.isnan(value):
        return "nan"
    if math.isinf(value):
        return "∞" if value > 0 else "−∞"
    if value == int(value) and abs(value) < 1e9:
        return str(int(value)).replace("-", "−")
    text = f"{value:.{digits}g}"
    if "e" in text:
        mant, exp = text.split("e")
        text = f"{mant}×10{str(int(exp)).translate(_SUPERSCRIPT)}"
    return text.replace("-", "−")


@functools.lru_cache(maxsize=256)
def source_of(fn: Callable[..., Any]) -> tuple[str, str]:
    """(dotted name, source text) of a function, read once: the files do not change while the
    server runs, and reading and tokenising them on every fragment rerun cost a few ms each."""
    module = inspect.getmodule(fn)
    return f"{module.__name__ if module else ''}.{fn.__qualname__}", inspect.getsource(fn)


def show_code(*functions: Callable[..., Any]) -> None:
    """An expander with the source of the core functions behind a chart ("show the code")."""
    with st.expander(t("common.show_code"), expanded=False):
        for fn in functions:
            name, source = source_of(fn)
            st.caption(name)
            st.code(source, language="python")
