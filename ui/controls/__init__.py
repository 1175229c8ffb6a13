"""One declaration of each page's controls (like TensorFlow Playground's ``state.ts`` table).

Every control a page binds to the URL is one :class:`Control` in that page's :class:`Spec`
(``ui/controls/<page>.py``): its URL key (also the widget key), kind, default, bounds or options,
step, label and help keys, and whether it is a per-viewer key. Everything else reads the spec:

- the page draws a control with ``SPEC.draw(key)`` (the generic widget of its kind, bound to the
  URL, with the bad-value notice), and ``SPEC.finish()`` at the end of its run checks the URL
  values of the controls the current set-up did not show (a bad one gets a notice too);
- a lesson step is ``SPEC.state(lr=1.0, …)``: the defaults, overridden — no default repeated;
- follow-the-teacher, the load bench and the tests read keys, defaults and URL spellings from
  the same table (``to_query`` / ``from_query`` / ``keys``).

A control whose upper bound or default depends on the run (the last step of a run) is
``dynamic``: its spec bounds are the widest the page allows, and the page passes the run's own
``hi`` / ``default`` when it draws it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any, Callable, Iterator, Mapping, Sequence

from ui.format import parse_number

KINDS = ("slider", "range", "number", "select", "segmented", "radio", "multi", "toggle", "text")
CHOICE_KINDS = ("select", "segmented", "radio")

Label = str | Callable[[], str]


@dataclass(frozen=True)
class Control:
    """One URL-bound control: ``key`` is its URL parameter and its widget key."""

    key: str
    kind: str
    default: Any
    label: Label = ""
    lo: float | None = None
    hi: float | None = None
    step: float | None = None
    options: tuple = ()
    names: str | Callable[[Any], str] | None = None  # option labels: i18n prefix or callable
    help: str | None = None         # i18n key of the help text
    values: Mapping[str, Any] = field(default_factory=dict)  # for the label/help templates
    fmt: str | None = None          # printf format of a number widget
    max_chars: int = 200            # text
    most: int | None = None         # multiselect: max_selections
    viewer: bool = False            # each viewer's own (never shared, never followed)
    dynamic: bool = False           # hi/default decided by the page when it draws it
    legacy: Mapping[str, Any] = field(default_factory=dict)  # older URL spelling → option
    shown_with: Mapping[str, Any] = field(default_factory=dict)  # other controls' values under
    # which the page draws this one (e.g. a second layer's width needs two layers; a tuple lists
    # alternatives, any one of which shows it): tests, bench
    scrub: bool = False             # a slider the page's chart scrubs in the browser (ui.chart.Scrub)

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"{self.key}: unknown kind {self.kind!r}")
        if self.scrub and (self.kind != "slider" or self.lo is None or self.hi is None):
            raise ValueError(f"{self.key}: only a slider with bounds can be scrubbed")
        if not self.dynamic and not self.valid(self.default):
            raise ValueError(f"{self.key}: default {self.default!r} is not a valid value")

    def setup(self) -> dict[str, Any]:
        """One set-up of the other controls under which the page draws this one (the first of
        each tuple of alternatives in ``shown_with``)."""
        return {k: v[0] if isinstance(v, tuple) else v for k, v in self.shown_with.items()}

    # ------------------------------------------------------------------ values
    @property
    def integer(self) -> bool:
        """Whether a number/slider control takes whole numbers (every bound an int)."""
        ends = self.default if isinstance(self.default, tuple) else (self.default,)
        return all(isinstance(v, int) and not isinstance(v, bool)
                   for v in (self.lo, self.hi, *ends))

    def valid(self, value: Any) -> bool:
        """Whether value is one this control can hold."""
        if self.kind in CHOICE_KINDS:
            return value in self.options
        if self.kind == "multi":
            items = list(value) if isinstance(value, (list, tuple)) else [None]
            ok = all(v in self.options for v in items)
            return ok and (self.most is None or len(items) <= self.most)
        if self.kind == "toggle":
            return isinstance(value, bool)
        if self.kind == "text":
            return isinstance(value, str) and len(value) <= self.max_chars
        if self.kind == "range":
            return (isinstance(value, (tuple, list)) and len(value) == 2
                    and all(self._in_bounds(v) for v in value) and value[0] <= value[1])
        return self._in_bounds(value)

    def _in_bounds(self, v: Any) -> bool:
        if isinstance(v, bool) or not isinstance(v, (int, float)) or not math.isfinite(v):
            return False
        if self.integer and v != int(v):
            return False
        return self.lo <= v <= self.hi

    # ------------------------------------------------------------------ the scrub grid
    def grid(self, hi: float | None = None) -> tuple:
        """The values a scrubbed slider can take: lo, lo + step, … up to hi (the slider's own
        steps; whole numbers for an integer slider). Nothing between them is ever shown."""
        hi = self.hi if hi is None else hi
        step = self.step or 1
        count = int(math.floor((hi - self.lo) / step + 1e-9)) + 1
        if self.integer:
            return tuple(int(self.lo + k * step) for k in range(count))
        return tuple(round(self.lo + k * step, 12) for k in range(count))

    def snap(self, value: float, hi: float | None = None) -> Any:
        """The grid value nearest to value (see grid)."""
        grid = self.grid(hi)
        return grid[grid_index(grid, value)]

    def session_value(self, value: Any) -> Any:
        """The form ``st.session_state`` holds for value (what a lesson step writes): whole
        numbers of a number box as float (ui.widgets runs them as float inputs), a range as a
        tuple, a selection as a list."""
        if self.kind == "number" and self.integer:
            return float(value)
        if self.kind == "range":
            return tuple(value)
        if self.kind == "multi":
            return list(value)
        return value

    # ------------------------------------------------------------------ URL spelling
    def option_text(self, option: Any) -> str:
        """How the URL spells an option: its id for translated labels (every language's label
        and the id are accepted), the label itself for a language-neutral one."""
        if callable(self.names):
            return str(self.names(option))
        return str(option)

    def to_url(self, value: Any) -> list[str]:
        """The URL values that spell value."""
        if self.kind in CHOICE_KINDS:
            return [self.option_text(value)]
        if self.kind == "multi":
            return [self.option_text(v) for v in value] or [""]
        if self.kind == "toggle":
            return ["true" if value else "false"]
        if self.kind == "text":
            return [value]
        if self.kind == "range":
            return [_number_text(v, self.integer) for v in value]
        return [_number_text(value, self.integer)]

    def from_url(self, raw: Sequence[str]) -> Any:
        """The value a link's raw values ask for; ValueError if they do not spell one."""
        raw = list(raw)
        if self.kind in CHOICE_KINDS:
            found = [o for o in self.options if len(raw) == 1 and raw[0] in self._spellings(o)]
            if not found:
                raise ValueError(raw)
            return found[0]
        if self.kind == "multi":
            items = [r for r in raw if r != ""]
            found = [next((o for o in self.options if r in self._spellings(o)), None)
                     for r in items]
            if None in found or (self.most is not None and len(found) > self.most):
                raise ValueError(raw)
            return found
        if self.kind == "toggle":
            if len(raw) != 1 or raw[0].lower() not in ("true", "false"):
                raise ValueError(raw)
            return raw[0].lower() == "true"
        if self.kind == "text":
            if len(raw) != 1 or len(raw[0]) > self.max_chars:
                raise ValueError(raw)
            return raw[0]
        want = 2 if self.kind == "range" else 1
        if len(raw) != want:
            raise ValueError(raw)
        values = [parse_number(r, self.integer) for r in raw]
        value = tuple(values) if want == 2 else values[0]
        if None in values or not self.valid(value):
            raise ValueError(raw)
        return value

    def _spellings(self, option: Any) -> set[str]:
        spelled = {str(option), self.option_text(option)}
        spelled |= {k for k, v in self.legacy.items() if v == option}
        if isinstance(self.names, str):
            from ui.i18n import CATALOGUES

            for table in CATALOGUES.values():
                text = table.get(f"{self.names}.{option}")
                if text:
                    spelled.add(text.format(**self.values) if self.values else text)
        return spelled


def grid_index(grid: Sequence[float], value: float) -> int:
    """Index of the grid value nearest to value (a sorted grid)."""
    return min(range(len(grid)), key=lambda i: abs(grid[i] - value))


def _number_text(value: float, integer: bool) -> str:
    return str(int(value)) if integer else repr(float(value))


class Settings(Mapping[str, Any]):
    """The values a page's controls hold in this run, read-only: ``s["lr"]`` or ``s.lr``."""

    def __init__(self, values: Mapping[str, Any]) -> None:
        self._values = dict(values)

    def __getitem__(self, key: str) -> Any:
        return self._values[key]

    def __getattr__(self, key: str) -> Any:
        try:
            return self._values[key]
        except KeyError:
            raise AttributeError(key) from None

    def __iter__(self) -> Iterator[str]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def __repr__(self) -> str:
        return f"Settings({self._values!r})"


class Spec:
    """The controls of one page, in the order the page shows them."""

    def __init__(self, page: str, controls: Sequence[Control]) -> None:
        self.page = page
        self._controls = {c.key: c for c in controls}
        if len(self._controls) != len(controls):
            raise ValueError(f"{page}: a key is declared twice")

    def __getitem__(self, key: str) -> Control:
        return self._controls[key]

    def __contains__(self, key: object) -> bool:
        return key in self._controls

    def __iter__(self) -> Iterator[Control]:
        return iter(self._controls.values())

    def __len__(self) -> int:
        return len(self._controls)

    def keys(self) -> list[str]:
        """Every URL key of the page."""
        return list(self._controls)

    def shared(self) -> list[Control]:
        """The controls a class shares (all but the per-viewer ones)."""
        return [c for c in self if not c.viewer]

    def defaults(self) -> dict[str, Any]:
        """Key → default in session form (dynamic controls are left to the page)."""
        return {c.key: c.session_value(c.default) for c in self if not c.dynamic}

    def state(self, **overrides: Any) -> dict[str, Any]:
        """A complete state of the page: the defaults with ``overrides`` (checked: an unknown key
        or a value the control cannot hold is an error), in session form. A lesson step."""
        state = self.defaults()
        for key, value in overrides.items():
            control = self._controls[key]  # KeyError: not a control of this page
            if not control.valid(value):
                raise ValueError(f"{self.page}.{key}: {value!r} is not a valid value")
            state[key] = control.session_value(value)
        return {k: v for k, v in state.items() if not self._controls[k].viewer}

    def to_query(self, state: Mapping[str, Any]) -> dict[str, list[str]]:
        """The URL parameters that spell state (keys of other pages are not allowed)."""
        return {k: self._controls[k].to_url(v) for k, v in state.items()}

    def from_query(self, params: Mapping[str, Sequence[str]]) -> dict[str, Any]:
        """The state a link asks for: each control's value, or its default when the link leaves
        it out or spells it badly (the page shows a notice for those). Dynamic controls are
        included only when the link holds a valid value."""
        state: dict[str, Any] = {}
        for c in self:
            try:
                state[c.key] = c.session_value(c.from_url(params[c.key]))
            except (KeyError, ValueError):
                if not c.dynamic:
                    state[c.key] = c.session_value(c.default)
        return state

    # ------------------------------------------------------------------ drawing (Streamlit)
    def draw(self, key: str, **over: Any) -> Any:
        """Draw the widget of control ``key`` where the page stands (see ui.controls.draw)."""
        from ui.controls.draw import draw

        return draw(self, self._controls[key], **over)

    def mark_drawn(self, key: str, value: Any) -> None:
        """Record control ``key`` as drawn by a widget of its own (the formula box)."""
        from ui.controls.draw import mark_drawn

        mark_drawn(self.page, self._controls[key].key, value)

    def settings(self) -> Settings:
        """The values of this run: what each drawn control returned, the default for the rest."""
        from ui.controls.draw import drawn_values

        values = {c.key: c.default for c in self if not c.dynamic}
        values.update(drawn_values(self.page))
        return Settings(values)

    def finish(self) -> None:
        """At the end of the page's run: a notice for every bad URL value of a control that the
        current set-up did not draw (nothing in a link is dropped silently)."""
        from ui.controls.draw import check_undrawn

        check_undrawn(self)
