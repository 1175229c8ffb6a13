"""Lesson stories: for every page a short list of steps a teacher walks the class through.

A step is a complete state of the page's controls, written as overrides of the page's control
spec (``SPEC.state(lr=1.0, …)``, ui/controls/<page>.py), a title and a sentence whose numbers a function computes from ``core`` when
the step is shown, and what to look at: plotly annotations/shapes for one chart (``focus``).

``near`` names where on the page the step's bar stands: None for the page's main picture, or
the name a page passes to ``ui.lesson.bar(page_id, near)`` beside another chart.
The texts are ``lesson.<page>.<step id>.title`` / ``.text`` in ui/locales/lessons.py.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Any, Callable

from ui.format import percent  # noqa: F401 - the lessons' percentages (texts write {p}%)

PAGES = ("explorer", "saturation", "zigzag", "descent", "network")


def _nothing() -> dict:
    return {}


@dataclass(frozen=True)
class Step:
    """One step of a lesson (see the module docstring)."""

    id: str
    state: dict[str, Any]
    values: Callable[[], dict[str, str]] = _nothing
    focus: str | None = None
    overlay: Callable[[], dict[str, list]] = _nothing
    near: str | None = None
    question: Any = None   # a ui.questions.model.Question: the step asks it (predict, reveal)


def steps(page_id: str) -> tuple[Step, ...]:
    """The steps of a page's lesson (``STEPS`` of ui/lessons/<page_id>.py)."""
    if page_id not in PAGES:
        raise KeyError(f"no lesson for {page_id!r}; lessons exist for {', '.join(PAGES)}")
    return importlib.import_module(f"ui.lessons.{page_id}").STEPS


def note(x: float, y: float, text: str, ax: float = 0, ay: float = -40, **kw: Any) -> dict:
    """A plotly annotation with an arrow pointing at (x, y) in data coordinates."""
    return dict(x=x, y=y, text=text, showarrow=True, arrowhead=2, arrowwidth=2, ax=ax, ay=ay,
                bgcolor="rgba(255, 235, 150, 0.92)", bordercolor="#b58900", borderwidth=1,
                font=dict(color="#222222"), **kw)


def band(x0: float, x1: float, **kw: Any) -> dict:
    """A plotly shape: a translucent vertical band from x0 to x1 (full height)."""
    return dict(type="rect", xref=kw.pop("xref", "x"), yref="paper", x0=x0, x1=x1, y0=0, y1=1,
                fillcolor="rgba(255, 200, 0, 0.18)", line=dict(width=0), layer="below", **kw)
