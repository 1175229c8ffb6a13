"""Random and hostile URL states for any page, driven through AppTest (used by tests and bench).

The widgets of a page are discovered from one clean run (key, kind, bounds, options); a
hypothesis strategy then builds query strings that mix valid values, values at and beyond the
bounds, wrong types, NaN/inf, huge numbers, unknown options, repeated keys and non-ASCII text.
"""

from __future__ import annotations

import importlib
import math
import re
from dataclasses import dataclass

import numpy as np
from hypothesis import strategies as st

from tests.pages.conftest import chart_specs, decode, run_page, texts

BAD_NUMBERS = ["nan", "NaN", "inf", "-inf", "1e309", "-1e309", "9" * 40, "abc", "", "한글",
               "1,5", "0x10", "1e-400", "🙂", "None", "[]", "__import__('os')"]
# Markdown, HTML, LaTeX and Streamlit directives a link may carry: shown as text, never rendered
MARKUP = ["![i](//tracker.example/t.png)", "[Session expired: log in](https://tracker.example)",
          "<img src=//tracker.example/x.png onerror=alert(1)>", "$\\frac{1}{0}$", "**bold**",
          ":red[alarm] :material/warning:", "`code` ```fence```", "# heading", "{lr} %s {0}"]
LIVE_MARKUP = ["](//tracker", "](https://tracker", "<img", "**bold**", ":red[alarm]"]


def live_markup(text: str) -> list[str]:
    """The payload pieces that would render live in text: outside code spans (shown literally)
    and not escaped by a backslash."""
    outside = re.sub(r"(`+)(?:(?!\1).)+?\1", " ", text, flags=re.S)
    return [m for m in LIVE_MARKUP if re.search(r"(?<!\\)" + re.escape(m), outside)]
SKIP_KEYS = {"lang"}  # the language switch is tested on its own


@dataclass(frozen=True)
class Spec:
    """One URL-bound widget of a page."""

    key: str
    kind: str  # "number" | "choice" | "multi" | "bool" | "text"
    lo: float = 0.0
    hi: float = 0.0
    options: tuple[str, ...] = ()
    integer: bool = False
    pair: bool = False
    control: object = None  # the ui.controls.Control it comes from


def discover(page: str) -> list[Spec]:
    """The URL-bound controls of a page, from its control spec (ui/controls/<page>.py)."""
    if page == "home":
        return []
    from ui.controls import CHOICE_KINDS

    control_spec = importlib.import_module(f"ui.controls.{page}").SPEC
    specs: list[Spec] = []
    for c in control_spec:
        if c.key in SKIP_KEYS:
            continue
        if c.kind in ("slider", "number", "range"):
            specs.append(Spec(c.key, "number", float(c.lo), float(c.hi), integer=c.integer,
                              pair=c.kind == "range", control=c))
        elif c.kind in CHOICE_KINDS:
            specs.append(Spec(c.key, "choice", options=tuple(c.option_text(o) for o in c.options),
                              control=c))
        elif c.kind == "multi":
            specs.append(Spec(c.key, "multi", options=tuple(c.option_text(o) for o in c.options),
                              control=c))
        elif c.kind == "toggle":
            specs.append(Spec(c.key, "bool", control=c))
        else:
            specs.append(Spec(c.key, "text", control=c))
    return specs


def _number(spec: Spec):
    lo, hi = spec.lo, spec.hi
    valid = (st.integers(int(lo), int(hi)).map(str) if spec.integer
             else st.floats(lo, hi, allow_nan=False).map(repr))
    edges = st.sampled_from([repr(lo), repr(hi), repr(lo - 1), repr(hi + 1), repr(hi * 10 + 7),
                             repr(-abs(hi) * 10 - 7)])
    return st.one_of(valid, edges, st.sampled_from(BAD_NUMBERS))


def value_for(spec: Spec):
    """A strategy for the URL value(s) of one widget: valid, edge or hostile."""
    if spec.kind == "number":
        one = _number(spec)
        return st.lists(one, min_size=2, max_size=2) if spec.pair else st.one_of(
            one, st.lists(one, min_size=2, max_size=3))
    if spec.kind == "choice":
        return st.one_of(st.sampled_from(spec.options), st.sampled_from(BAD_NUMBERS),
                         st.lists(st.sampled_from(spec.options), min_size=2, max_size=2))
    if spec.kind == "multi":
        item = st.one_of(st.sampled_from(spec.options), st.sampled_from(BAD_NUMBERS))
        return st.lists(item, min_size=0, max_size=6)
    if spec.kind == "bool":
        return st.sampled_from(["true", "false", "True", "1", "yes", "", "nan"])
    return st.one_of(st.text(max_size=300), st.sampled_from(MARKUP))


def query_strategy(specs: list[Spec]):
    """A dict of URL parameters: a random subset of the page's widgets plus stray keys."""
    if not specs:
        return st.just({})
    keys = st.lists(st.sampled_from(specs), max_size=len(specs), unique_by=lambda s: s.key)

    def build(chosen):
        return st.fixed_dictionaries({s.key: value_for(s) for s in chosen})

    extra = st.dictionaries(st.sampled_from(["zzz", "x", "lang", "classroom", "🙂"]),
                            st.sampled_from(BAD_NUMBERS), max_size=2)
    return st.tuples(keys.flatmap(build), extra).map(lambda kv: {**kv[1], **kv[0]})


def is_valid(spec: Spec, value) -> bool:
    """Whether the URL value(s) would be accepted as they are (the control's own reading of a
    link, which ui.widgets shares)."""
    values = value if isinstance(value, list) else [value]
    if spec.control is not None:
        try:
            spec.control.from_url(values)
        except ValueError:
            return False
        return True
    return spec.kind == "text"


def check_page(page: str, specs: list[Spec], query: dict) -> None:
    """Run the page with query; assert no exception, finite charts, notices for bad values."""
    at = run_page(page, query=query, locale="en-US")
    assert not at.exception, (query, [e.message for e in at.exception])
    for spec in chart_specs(at):
        for trace in spec.get("data", []):
            for field in ("x", "y", "z"):
                if field in trace and trace[field] is not None:
                    arr = decode(trace[field])
                    if arr.dtype.kind in "fc":
                        assert np.all(np.isfinite(arr)), (query, trace.get("name"), field)
                    elif arr.dtype == object:
                        flat = np.array([v for v in np.ravel(arr) if isinstance(v, float)])
                        assert np.all(np.isfinite(flat)), (query, trace.get("name"), field)
    assert not live_markup(texts(at)), (query, live_markup(texts(at)))
    warnings = " ".join(w.value for w in at.warning)
    by_key = {s.key: s for s in specs}
    for key, value in query.items():
        spec = by_key.get(key)
        if spec is not None and spec.kind != "text" and not is_valid(spec, value):
            assert f"`{key}`" in warnings, (key, value, warnings)
