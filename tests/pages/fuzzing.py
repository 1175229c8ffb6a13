"""Random and hostile URL states for any page, driven through AppTest (used by tests and bench).

The widgets of a page are discovered from one clean run (key, kind, bounds, options); a
hypothesis strategy then builds query strings that mix valid values, values at and beyond the
bounds, wrong types, NaN/inf, huge numbers, unknown options, repeated keys and non-ASCII text.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from hypothesis import strategies as st

from tests.pages.conftest import chart_specs, decode, run_page

BAD_NUMBERS = ["nan", "NaN", "inf", "-inf", "1e309", "-1e309", "9" * 40, "abc", "", "한글",
               "1,5", "0x10", "1e-400", "🙂", "None", "[]", "__import__('os')"]
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


def discover(page: str) -> list[Spec]:
    """The URL-bound widgets of a page after a clean run."""
    at = run_page(page, locale="en-US")
    specs: list[Spec] = []
    for w in list(at.slider) + list(at.number_input):
        if not w.key or w.key in SKIP_KEYS:
            continue
        v = w.value
        pair = isinstance(v, tuple)
        first = v[0] if pair else v
        integer = isinstance(first, int) and not isinstance(first, bool)
        specs.append(Spec(w.key, "number", float(w.min), float(w.max), integer=integer, pair=pair))
    for w in list(at.selectbox) + list(at.radio):
        if w.key and w.key not in SKIP_KEYS:
            specs.append(Spec(w.key, "choice", options=tuple(map(str, w.options))))
    for w in at.multiselect:
        if w.key:
            specs.append(Spec(w.key, "multi", options=tuple(map(str, w.options))))
    for w in list(at.toggle) + list(at.checkbox):
        if w.key and w.key not in SKIP_KEYS:
            specs.append(Spec(w.key, "bool"))
    for w in at.text_input:
        if w.key:
            specs.append(Spec(w.key, "text"))
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
    return st.text(max_size=300)


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
    """Whether the URL value(s) would be accepted as they are (mirrors ui.widgets' checks)."""
    values = value if isinstance(value, list) else [value]
    if spec.kind == "number":
        if len(values) != (2 if spec.pair else 1):
            return False
        try:
            nums = [int(v) if spec.integer else float(v) for v in values]
        except (ValueError, OverflowError):
            return False
        return all(math.isfinite(n) and spec.lo <= n <= spec.hi for n in nums) and \
            nums == sorted(nums)
    if spec.kind == "choice":
        return len(values) == 1 and values[0] in spec.options
    if spec.kind == "multi":
        return all(v in spec.options for v in values)
    if spec.kind == "bool":
        return len(values) == 1 and values[0].lower() in ("true", "false")
    return True


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
    warnings = " ".join(w.value for w in at.warning)
    by_key = {s.key: s for s in specs}
    for key, value in query.items():
        spec = by_key.get(key)
        if spec is not None and spec.kind != "text" and not is_valid(spec, value):
            assert f"`{key}`" in warnings, (key, value, warnings)
