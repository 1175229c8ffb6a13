"""A question a lesson step asks the class (or a student alone): what kind of answer it takes,
what counts as right, and its truth, which ``core`` computes when the step is shown.

Kinds and the answer each takes (a JSON object of at most 1 KB):

- ``tap``: ``{"x": float, "y": float}`` — a point tapped on the step's chart (``chart``);
- ``choose``: ``{"choice": option id}`` — one of ``options``;
- ``number``: ``{"value": float}``;
- ``sketch``: ``{"points": [[x, y], ...]}`` — at most 64 points, x increasing, on ``chart``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

KINDS = ("tap", "choose", "number", "sketch")
MAX_SKETCH_POINTS = 64
MAX_ANSWER_BYTES = 1024


@dataclass(frozen=True)
class Truth:
    """What ``core`` says the answer is: ``value`` (number; tap: the judged coordinate),
    ``point`` (tap), ``choice`` (choose), ``curve`` (sketch: x and y arrays), and ``values``
    (numbers already written for the reveal sentence)."""

    value: float | None = None
    point: tuple[float, float] | None = None
    choice: str | None = None
    curve: tuple[Any, Any] | None = None
    values: dict[str, str] = field(default_factory=dict)


def _no_truth() -> Truth:
    return Truth()


@dataclass(frozen=True)
class Question:
    """One question (texts: ``question.<page>.<id>.prompt`` and ``.option.<option>``)."""

    id: str
    kind: str
    truth: Callable[[], Truth] = _no_truth
    chart: str | None = None
    options: tuple[str, ...] = ()
    bounds: tuple[float, ...] | None = None   # tap/sketch: (x0, x1, y0, y1); number: (lo, hi)
    tolerance: float = 0.0
    axis: str = "x"                            # tap: the judged coordinate: "x", "y" or "xy"

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"{self.id}: unknown kind {self.kind!r}")

    def record(self) -> dict:
        """What a room store keeps of the question to check answers (no texts, no truth)."""
        return {"id": self.id, "kind": self.kind, "options": list(self.options),
                "bounds": list(self.bounds) if self.bounds else None}
