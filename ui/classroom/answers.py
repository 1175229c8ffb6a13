"""Checking what a room store keeps of questions and answers (no question texts needed).

A question's *record* is ``Question.record()`` (ui.questions.model): ``{"id", "kind",
"options", "bounds"}``. An answer is a JSON object whose shape the kind fixes:

- ``tap``: ``{"x": x, "y": y}``, finite, with x0 ≤ x ≤ x1 and y0 ≤ y ≤ y1 for bounds
  (x0, x1, y0, y1);
- ``choose``: ``{"choice": c}`` with c one of the options;
- ``number``: ``{"value": v}``, finite, lo ≤ v ≤ hi for bounds (lo, hi);
- ``sketch``: ``{"points": [[x, y], ...]}``: 1 … MAX_SKETCH_POINTS finite pairs within the
  bounds, each coordinate kept to 1/SKETCH_STEPS of its axis's span (on a grid: 64 points fit
  1 KB whatever the chart's numbers).

Anything else (another key, a missing one, a string for a number, NaN or ±inf, a point
outside the bounds, too many points, over MAX_ANSWER_BYTES of compact JSON as kept) is
``RoomError("bad_answer")``. :func:`pack` gives the text a store keeps, :func:`unpack` the
answer from it, :func:`check` the answer as it will be read back.
"""

from __future__ import annotations

import hashlib
import json
import math
import secrets
from typing import Any

from ui.classroom import rules
from ui.classroom.rules import RoomError

QID_BYTES = 8                     # a question id: 16 hex digits from the system's random source
MAX_ID_CHARS = 80                 # a question's own id (lesson key) and an option's id
_BOUNDS_LEN = {"tap": 4, "sketch": 4, "number": 2, "choose": 0}


def new_qid() -> str:
    """A fresh question id (random: not guessable from an earlier one)."""
    return secrets.token_hex(QID_BYTES)


def valid_qid(qid: Any) -> bool:
    """Whether qid could be a question id at all (checked before any store looks it up)."""
    return (isinstance(qid, str) and len(qid) == 2 * QID_BYTES
            and all(c in "0123456789abcdef" for c in qid))


def who_key(who: Any) -> str:
    """What a store keeps of a student's session id: a digest (bounded, never the id)."""
    return hashlib.sha256(str(who).encode()).hexdigest()[:32]


def encode(value: Any) -> str:
    """Compact JSON (NaN and infinities refused)."""
    return json.dumps(value, separators=(",", ":"), allow_nan=False, sort_keys=True)


def _number(value: Any) -> float:
    """A finite JSON number, else bad_answer (bools are not numbers)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise RoomError(rules.BAD_ANSWER)
    value = float(value)
    if not math.isfinite(value):
        raise RoomError(rules.BAD_ANSWER)
    return value


def _bounds(value: Any, kind: str) -> list[float] | None:
    """A record's bounds: None, or the kind's number of finite values, each pair ordered."""
    if value is None:
        return None
    if kind == "choose" or not isinstance(value, (list, tuple)) or \
            len(value) != _BOUNDS_LEN[kind]:
        raise ValueError(f"bounds {value!r} do not fit a {kind} question")
    out = [float(v) for v in value]
    if not all(math.isfinite(v) for v in out) or any(out[i] > out[i + 1]
                                                     for i in range(0, len(out), 2)):
        raise ValueError(f"bounds {value!r} are not finite ordered pairs")
    return out


def check_record(record: Any) -> dict:
    """A question's record as a store keeps it (``{"id", "kind", "options", "bounds"}``);
    ValueError for a malformed one (a programming error: records come from lesson code). Its
    size is bounded by its shape (ids and options of at most MAX_ID_CHARS, MAX_OPTIONS)."""
    if not isinstance(record, dict):
        raise ValueError("a question record is a dict")
    kind = record.get("kind")
    if kind not in rules.KINDS:
        raise ValueError(f"unknown question kind {kind!r}")
    qid = record.get("id")
    if not isinstance(qid, str) or not 0 < len(qid) <= MAX_ID_CHARS:
        raise ValueError("a question record needs a short string id")
    options = list(record.get("options") or ())
    if kind == "choose" and not 2 <= len(options) <= rules.MAX_OPTIONS:
        raise ValueError(f"a choose question has 2 to {rules.MAX_OPTIONS} options")
    if not all(isinstance(o, str) and 0 < len(o) <= MAX_ID_CHARS for o in options) or \
            len(set(options)) != len(options):
        raise ValueError("options are distinct short strings")
    if kind == "sketch" and record.get("bounds") is None:
        raise ValueError("a sketch question needs its chart's bounds (x0, x1, y0, y1)")
    return {"id": qid, "kind": kind, "options": options,
            "bounds": _bounds(record.get("bounds"), kind)}


def _within(value: float, lo: float, hi: float) -> float:
    if not lo <= value <= hi:
        raise RoomError(rules.BAD_ANSWER)
    return value


def _keys(payload: Any, keys: set[str]) -> None:
    if not isinstance(payload, dict) or set(payload) != keys:
        raise RoomError(rules.BAD_ANSWER)


def _digits(lo: float, hi: float) -> int:
    """Decimal digits that show a grid step (hi − lo) / SKETCH_STEPS."""
    span = hi - lo
    return 6 if span <= 0 else max(0, math.ceil(math.log10(rules.SKETCH_STEPS / span)))


def _to_grid(value: float, lo: float, hi: float) -> int:
    return 0 if hi <= lo else round((value - lo) / (hi - lo) * rules.SKETCH_STEPS)


def _from_grid(step: Any, lo: float, hi: float) -> float:
    value = lo + (hi - lo) * int(step) / rules.SKETCH_STEPS
    return min(max(round(value, _digits(lo, hi)), lo), hi)


def check(record: dict, payload: Any) -> dict:
    """The answer as kept (see the module docstring), or RoomError("bad_answer")."""
    return unpack(record, pack(record, payload))


def pack(record: dict, payload: Any) -> str:
    """The text a store keeps of an answer (at most MAX_ANSWER_BYTES), or
    RoomError("bad_answer"). A sketch with bounds is kept on a grid of SKETCH_STEPS steps per
    axis (``{"points": [[i, j], ...]}`` with 0 ≤ i, j ≤ SKETCH_STEPS: 64 points fit 1 KB)."""
    kind, bounds = record["kind"], record.get("bounds")
    if kind == "choose":
        _keys(payload, {"choice"})
        choice = payload["choice"]
        if not isinstance(choice, str) or choice not in record["options"]:
            raise RoomError(rules.BAD_ANSWER)
        out: dict = {"choice": choice}
    elif kind == "number":
        _keys(payload, {"value"})
        value = _number(payload["value"])
        out = {"value": _within(value, *bounds) if bounds else value}
    elif kind == "tap":
        _keys(payload, {"x", "y"})
        x, y = _number(payload["x"]), _number(payload["y"])
        if bounds:
            x, y = _within(x, bounds[0], bounds[1]), _within(y, bounds[2], bounds[3])
        out = {"x": x, "y": y}
    else:
        out = {"points": _points(payload, bounds)}
    text = encode(out)
    if len(text.encode()) > rules.MAX_ANSWER_BYTES:
        raise RoomError(rules.BAD_ANSWER)
    return text


def unpack(record: dict, text: str) -> dict:
    """The answer a store kept as text (pack), in the question's own coordinates."""
    out = json.loads(text)
    bounds = record.get("bounds")
    if record["kind"] == "sketch" and bounds:
        out["points"] = [[_from_grid(i, bounds[0], bounds[1]), _from_grid(j, bounds[2], bounds[3])]
                         for i, j in out["points"]]
    return out


def _points(payload: Any, bounds: list[float] | None) -> list[list[float]]:
    """A sketch's points, checked (on the grid when there are bounds)."""
    _keys(payload, {"points"})
    points = payload["points"]
    if not isinstance(points, list) or not 0 < len(points) <= rules.MAX_SKETCH_POINTS:
        raise RoomError(rules.BAD_ANSWER)
    out = []
    for point in points:
        if not isinstance(point, (list, tuple)) or len(point) != 2:
            raise RoomError(rules.BAD_ANSWER)
        x, y = _number(point[0]), _number(point[1])
        if bounds:
            x, y = _within(x, bounds[0], bounds[1]), _within(y, bounds[2], bounds[3])
            x, y = _to_grid(x, bounds[0], bounds[1]), _to_grid(y, bounds[2], bounds[3])
        out.append([x, y])
    return out


def refusal(reason: str) -> tuple[str, dict]:
    """The i18n key (ui/locales/answers.py) and its values that tell a student why the store
    refused their answer (reason: a RoomError's)."""
    known = (*rules.ANSWER_REASONS, rules.UNKNOWN, rules.UNAVAILABLE)
    key = f"answers.error.{reason if reason in known else 'other'}"
    return key, {"points": rules.MAX_SKETCH_POINTS, "max": rules.MAX_ANSWERS}


def view(qid: str, record: dict, status: str, count: int) -> dict:
    """A question as ``question(code)`` and ``control(code)`` give it."""
    return {"qid": qid, "id": record["id"], "kind": record["kind"], "status": status,
            "count": int(count), "record": json.loads(json.dumps(record))}


def shuffled(record: dict, texts: list[str]) -> list[dict]:
    """Answers in an order that says nothing of who gave them (sorted by their kept text)."""
    return [unpack(record, t) for t in sorted(texts)]
