"""Judging answers to lesson questions (ui.questions.model): is an answer well-formed, is it
right, and one computed sentence about a class's answers.

- :func:`check` — None for a well-formed answer inside the question's bounds, else the i18n key
  of the reason (``question.bad.<why>``);
- :func:`right` — whether an answer is within the question's tolerance of the truth;
- :func:`summary` — (i18n key, values) of the reveal's sentence about all answers.

Distances (tolerance τ, truth from core):

- number: d = |v − v*|;
- tap on axis "x" (or "y"): d = |x − x*| (|y − y*|); on a log x axis d = |log10 x − log10 x*|
  (decades); tap on "xy": d = √((x − x*)² + (y − y*)²) (x in log10 on a log axis);
- sketch with points (xᵢ, yᵢ), i = 1..n, against the true curve f* (linear interpolation of
  ``Truth.curve``): d = (1/n)·Σᵢ |yᵢ − f*(xᵢ)|, the mean vertical distance; the sketch also has
  to span at least COVER of the chart's x range: (x_n − x_1) ≥ COVER·(x1 − x0) of the bounds;
- choose: right iff choice = choice*.

An answer is right iff it is well-formed and d ≤ τ (+ a 1e-9 relative slack for rounding).
"""

from __future__ import annotations

import json
import math
from numbers import Real
from typing import Any, Iterable, Sequence

import numpy as np

from ui.format import fmt
from ui.questions.model import (ANSWER_KEYS, MAX_ANSWER_BYTES, MAX_SKETCH_POINTS, Question,
                                Truth)

COVER = 0.5   # a sketch must span at least half the chart's x range to count as right
MIN_SKETCH_POINTS = 2
SLACK = 1e-9  # relative slack on the tolerance (a typed 0.25 against a computed 0.2500000001)

BAD = ("shape", "size", "number", "whole", "outside", "choice", "points", "order")  # question.bad.<why>


def _bad(why: str) -> str:
    return f"question.bad.{why}"


def _real(v: Any) -> bool:
    """A finite real number (bools are not numbers here)."""
    return isinstance(v, Real) and not isinstance(v, bool) and math.isfinite(float(v))


def _inside(v: float, lo: float, hi: float) -> bool:
    return lo <= v <= hi


def _size(answer: dict) -> int | None:
    """The answer's JSON size in bytes (None if it is not JSON)."""
    try:
        return len(json.dumps(answer, separators=(",", ":"), allow_nan=False).encode("utf-8"))
    except (TypeError, ValueError):
        return None


def check(question: Question, answer: Any) -> str | None:
    """None if ``answer`` is a well-formed answer to ``question`` inside its bounds, else the
    i18n key of the reason: ``question.bad.shape`` (not an object with exactly the kind's keys),
    ``.size`` (more than MAX_ANSWER_BYTES of JSON), ``.number`` (not a finite number),
    ``.whole`` (a count that is not a whole number),
    ``.outside`` (outside the bounds: x0 ≤ x ≤ x1 and y0 ≤ y ≤ y1 for taps and every sketch
    point, lo ≤ v ≤ hi for numbers), ``.choice`` (not one of the options), ``.points`` (a
    sketch of fewer than 2 or more than MAX_SKETCH_POINTS points, or a point that is not a
    pair), ``.order`` (a sketch whose x decreases somewhere)."""
    keys = ANSWER_KEYS[question.kind]
    if not isinstance(answer, dict) or set(answer) != set(keys):
        return _bad("shape")
    if question.kind == "sketch" and isinstance(answer["points"], list) \
            and len(answer["points"]) > MAX_SKETCH_POINTS:
        return _bad("points")
    size = _size(answer)
    if size is None:
        # not JSON: a NaN or an infinity, or an object JSON cannot hold
        return _bad("number") if question.kind != "choose" else _bad("choice")
    if size > MAX_ANSWER_BYTES:
        return _bad("size")
    if question.kind == "choose":
        choice = answer["choice"]
        return None if isinstance(choice, str) and choice in question.options else _bad("choice")
    if question.kind == "number":
        return _check_number(question, answer["value"])
    if question.kind == "tap":
        return _check_tap(question, answer["x"], answer["y"])
    return _check_sketch(question, answer["points"])


def _check_number(question: Question, v: Any) -> str | None:
    if not _real(v):
        return _bad("number")
    if question.integer and float(v) != round(float(v)):
        return _bad("whole")
    lo, hi = question.bounds
    return None if _inside(float(v), lo, hi) else _bad("outside")


def _check_tap(question: Question, x: Any, y: Any) -> str | None:
    if not (_real(x) and _real(y)):
        return _bad("number")
    x0, x1, y0, y1 = question.bounds
    ok = _inside(float(x), x0, x1) and _inside(float(y), y0, y1)
    return None if ok else _bad("outside")


def _check_sketch(question: Question, points: Any) -> str | None:
    if not isinstance(points, list) or len(points) < MIN_SKETCH_POINTS:
        return _bad("points")
    if not all(isinstance(p, (list, tuple)) and len(p) == 2 for p in points):
        return _bad("points")
    if not all(_real(p[0]) and _real(p[1]) for p in points):
        return _bad("number")
    x0, x1, y0, y1 = question.bounds
    if not all(_inside(float(p[0]), x0, x1) and _inside(float(p[1]), y0, y1) for p in points):
        return _bad("outside")
    xs = [float(p[0]) for p in points]
    if any(b < a for a, b in zip(xs, xs[1:])):
        return _bad("order")
    return None


# ----------------------------------------------------------------------------- distances


def _log(v: float) -> float:
    return math.log10(v) if v > 0 else -math.inf


def tap_distance(question: Question, answer: dict, truth: Truth) -> float:
    """d of a tap (see the module docstring): |x − x*|, |y − y*| or the Euclidean distance to
    the true point; x in log10 on a log axis."""
    x, y = float(answer["x"]), float(answer["y"])
    log = question.scale == "log"
    if question.axis == "xy":
        px, py = truth.point
        dx = _log(x) - _log(px) if log else x - px
        return math.hypot(dx, y - py)
    if question.axis == "y":
        target = truth.value if truth.value is not None else truth.point[1]
        return abs(y - target)
    target = truth.value if truth.value is not None else truth.point[0]
    return abs(_log(x) - _log(target)) if log else abs(x - target)


def sketch_distance(answer: dict, truth: Truth) -> float:
    """d of a sketch: (1/n)·Σᵢ |yᵢ − f*(xᵢ)|, f* the true curve interpolated linearly (held
    constant beyond its ends)."""
    pts = np.asarray(answer["points"], dtype=float)
    cx, cy = (np.asarray(a, dtype=float) for a in truth.curve)
    return float(np.mean(np.abs(pts[:, 1] - np.interp(pts[:, 0], cx, cy))))


def sketch_span(question: Question, answer: dict) -> float:
    """The share of the chart's x range a sketch spans: (x_n − x_1) / (x1 − x0)."""
    xs = [float(p[0]) for p in answer["points"]]
    x0, x1 = question.bounds[0], question.bounds[1]
    return (xs[-1] - xs[0]) / (x1 - x0)


def distance(question: Question, answer: dict, truth: Truth) -> float:
    """d of a well-formed answer (choose: 0 when right, 1 when not)."""
    if question.kind == "number":
        return abs(float(answer["value"]) - float(truth.value))
    if question.kind == "tap":
        return tap_distance(question, answer, truth)
    if question.kind == "sketch":
        return sketch_distance(answer, truth)
    return 0.0 if answer["choice"] == truth.choice else 1.0


def right(question: Question, answer: Any, truth: Truth) -> bool:
    """Whether a well-formed answer is right: choose — choice = choice*; the others —
    d ≤ τ·(1 + SLACK) (d as in the module docstring); a sketch must also span ≥ COVER of the
    x range. A malformed answer is never right."""
    if check(question, answer) is not None:
        return False
    if question.kind == "choose":
        return answer["choice"] == truth.choice
    ok = distance(question, answer, truth) <= question.tolerance * (1 + SLACK) + SLACK
    if question.kind == "sketch":
        ok = ok and sketch_span(question, answer) >= COVER
    return ok


# ----------------------------------------------------------------------------- the class


def valid(question: Question, answers: Iterable[Any]) -> list[dict]:
    """The well-formed answers (check() is None), in their order."""
    return [a for a in answers if check(question, a) is None]


def _tol_text(question: Question) -> str:
    return fmt(question.tolerance, 4)


def summary(question: Question, answers: Sequence[Any], truth: Truth) -> tuple[str, dict]:
    """The reveal's sentence as (i18n key, values), counting only well-formed answers (n of
    them, k right):

    - none: ``question.summary.none`` ({});
    - choose: ``question.summary.chose`` — "k of n chose the right answer" ({k, n});
    - number and tap on "x"/"y": ``question.summary.within`` — "k of n within τ of the true
      value" ({k, n, tol}); a log axis: ``question.summary.within_factor`` — "k of n within a
      factor 10^τ" ({k, n, factor});
    - tap on "xy": ``question.summary.near`` — "k of n within distance τ of the true point";
    - sketch: ``question.summary.sketch`` — "k of n sketches within τ of the true curve on
      average; the mean distance is m̄" ({k, n, tol, mean}), m̄ = (1/n)·Σ d over the sketches.
    """
    ok = valid(question, answers)
    n = len(ok)
    if n == 0:
        return "question.summary.none", {}
    k = sum(right(question, a, truth) for a in ok)
    if question.kind == "choose":
        return "question.summary.chose", {"k": k, "n": n}
    if question.kind == "sketch":
        mean = float(np.mean([sketch_distance(a, truth) for a in ok]))
        return "question.summary.sketch", {"k": k, "n": n, "tol": _tol_text(question),
                                           "mean": fmt(mean, 3)}
    if question.kind == "tap" and question.axis == "xy":
        return "question.summary.near", {"k": k, "n": n, "tol": _tol_text(question)}
    if question.kind == "tap" and question.scale == "log":
        return "question.summary.within_factor", {"k": k, "n": n,
                                                  "factor": fmt(10 ** question.tolerance, 3)}
    return "question.summary.within", {"k": k, "n": n, "tol": _tol_text(question)}


def counts(question: Question, answers: Sequence[Any]) -> dict[str, int]:
    """A choose question's answers per option (every option, in order; 0 where none chose)."""
    out = {o: 0 for o in question.options}
    for a in valid(question, answers):
        out[a["choice"]] += 1
    return out
