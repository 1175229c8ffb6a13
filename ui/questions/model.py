"""A question a lesson step asks the class (or a student alone): what kind of answer it takes,
what counts as right, and its truth, which ``core`` computes when the step is shown.

Kinds and the answer each takes (a JSON object of at most 1 KB):

- ``tap``: ``{"x": float, "y": float}`` — a point tapped on the step's chart (``chart``);
- ``choose``: ``{"choice": option id}`` — one of ``options``;
- ``number``: ``{"value": float}``;
- ``sketch``: ``{"points": [[x, y], ...]}`` — at most 64 points, x increasing, on ``chart``.

Texts (ui/locales/questions.py): ``question.<page>.<id>.prompt`` (its ``{fields}`` filled from
``values()``), ``question.<page>.<id>.option.<option>`` (choose), ``question.<page>.<id>.truth``
(the reveal's sentence, its fields from ``Truth.values``) and ``question.<page>.<id>.hint``
(what to do on the chart: tap and sketch). :func:`prompt`, :func:`option_label`,
:func:`truth_text` and :func:`hint` look them up in the current language.

Tap and sketch answers are in the data coordinates of the subplot ``axes`` (default the first
one, ``("x", "y")``) of the step's chart ``chart``; a tap on a log axis (``scale="log"``) is the
value itself (a learning rate, not its log10), judged in decades.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

KINDS = ("tap", "choose", "number", "sketch")
ANSWER_KEYS = {"tap": ("x", "y"), "choose": ("choice",), "number": ("value",),
               "sketch": ("points",)}
MAX_SKETCH_POINTS = 64
MAX_ANSWER_BYTES = 1024
SCALES = ("linear", "log")


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


def _no_values() -> dict[str, str]:
    return {}


@dataclass(frozen=True)
class Question:
    """One question (texts: ``question.<page>.<id>.prompt`` and ``.option.<option>``).

    ``tolerance``: how far from the truth an answer is still right — number: |value − truth|;
    tap on axis "x"/"y": that coordinate's distance (on a log axis in decades, |log10 a −
    log10 b|); tap on "xy": the Euclidean distance to the true point; sketch: the mean vertical
    distance from the true curve (ui.questions.judge). ``values``: the prompt's fields, computed
    when the step is shown (never typed). ``integer``: a number answer is a whole count.
    ``hides``: the names of the parts of the page that state or draw the answer (a chart's
    bands, a table, a paragraph); the page keeps them out of sight until this session has seen
    the reveal (ui.questions.conceal.concealed)."""

    id: str
    kind: str
    truth: Callable[[], Truth] = _no_truth
    chart: str | None = None
    options: tuple[str, ...] = ()
    bounds: tuple[float, ...] | None = None   # tap/sketch: (x0, x1, y0, y1); number: (lo, hi)
    tolerance: float = 0.0
    axis: str = "x"                            # tap: the judged coordinate: "x", "y" or "xy"
    values: Callable[[], dict[str, str]] = _no_values
    axes: tuple[str, str] = ("x", "y")        # tap/sketch: the subplot's axes on the chart
    scale: str = "linear"                      # tap: "log" when the chart's x axis is logarithmic
    integer: bool = False                      # number: the answer is a whole count
    page: str = ""                             # the lesson's page (its texts' keys)
    hides: tuple[str, ...] = ()                # parts of the page that give the answer away:
                                               # kept out of sight until the reveal (shown.py)

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"{self.id}: unknown kind {self.kind!r}")
        if self.scale not in SCALES:
            raise ValueError(f"{self.id}: unknown scale {self.scale!r}")
        if self.axis not in ("x", "y", "xy"):
            raise ValueError(f"{self.id}: unknown axis {self.axis!r}")
        want = {"tap": 4, "sketch": 4, "number": 2}.get(self.kind)
        if want is not None and (self.bounds is None or len(self.bounds) != want
                                 or self.bounds[0] >= self.bounds[1]
                                 or (want == 4 and self.bounds[2] >= self.bounds[3])):
            raise ValueError(f"{self.id}: a {self.kind} question needs {want} ordered bounds")
        if self.kind == "choose" and len(set(self.options)) < 2:
            raise ValueError(f"{self.id}: a choose question needs two or more options")
        if self.kind in ("tap", "sketch") and not self.chart:
            raise ValueError(f"{self.id}: a {self.kind} question is answered on a chart")

    def record(self) -> dict:
        """What a room store keeps of the question to check answers (no texts, no truth)."""
        return {"id": self.id, "kind": self.kind, "options": list(self.options),
                "bounds": list(self.bounds) if self.bounds else None}


# ----------------------------------------------------------------------------- texts


def key(page_id: str, question: Question, part: str) -> str:
    """The catalogue key of one of a question's texts: ``question.<page>.<id>.<part>``."""
    return f"question.{page_id}.{question.id}.{part}"


def prompt(page_id: str, question: Question) -> str:
    """The question in the current language, its numbers filled in (computed by core now)."""
    from ui.i18n import t

    return t(key(page_id, question, "prompt"), **question.values())


def option_label(page_id: str, question: Question, option: str) -> str:
    """A choose question's option in the current language (the page may be "": the
    question's own ``page``)."""
    from ui.i18n import t

    return t(key(page_id or question.page, question, f"option.{option}"))


def hint(page_id: str, question: Question) -> str:
    """What to do on the chart (tap and sketch questions; empty for the others)."""
    from ui.i18n import t

    if question.kind not in ("tap", "sketch"):
        return ""
    return t(key(page_id, question, "hint"))


def truth_text(page_id: str, question: Question, truth: Truth) -> str:
    """The reveal's sentence: what core says the answer is."""
    from ui.i18n import t

    return t(key(page_id, question, "truth"), **truth.values)


def asked(page_id: str) -> list[tuple[int, Question]]:
    """The question steps of a page's lesson: (1-based step number, question)."""
    from ui.lessons import steps

    return [(k, s.question) for k, s in enumerate(steps(page_id), start=1)
            if s.question is not None]
