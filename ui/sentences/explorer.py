"""The explorer's sentences and tables, built from core results: no Streamlit, no page state.

Every number is computed by core here (property columns, value tables, softmax texts); user
text (points, scores) is read by ui.parse and never evaluated.
"""

from __future__ import annotations

import functools
from typing import Any

from core.activations import (ACTIVATIONS, EXP_OVERFLOW, FLOAT64_MAX, OVERFLOW_EXAMPLE, get,
                              softmax_demo)
from core.custom import CustomActivation, first_undefined
from core.custom import parse as parse_formula
from core.properties import (MAX_POINTS, NEAR_IDENTITY_RADIUS, NEAR_IDENTITY_TOL, POINT_LIMIT,
                             properties, values_at)
from ui.controls.explorer import SCORE_COUNT, SCORE_LIMIT, SPEC, neutral_name
from ui.figures.explorer import interval_text, range_text
from ui.format import fmt, pct
from ui.i18n import act_name, t
from ui.parse import parse_numbers

PROPERTY_ROWS = ["prop.range", "prop.zero_centred", "prop.monotonic", "prop.grad_monotonic",
                 "prop.smoothness", "prop.saturates", "prop.f0", "prop.g0", "prop.max_grad",
                 "prop.near_identity", "prop.dead", "prop.cost", "prop.uses"]
ROW_VALUES = {"prop.near_identity": lambda: dict(radius=fmt(NEAR_IDENTITY_RADIUS),
                                                 tol=fmt(NEAR_IDENTITY_TOL))}
QUOTED = 60  # characters of a typed value quoted back in a notice


def quoted(text: str) -> str:
    """Typed text for a notice's code span (`…`): shown exactly as typed there, since nothing in
    a code span is Markdown; the text cannot close the span (backticks and line breaks become
    spaces) and is cut to QUOTED characters."""
    text = " ".join(str(text).replace("`", " ").splitlines())
    return text if len(text) <= QUOTED else text[:QUOTED] + "…"


# ----------------------------------------------------------------------------- measured properties


@functools.lru_cache(maxsize=512)
def measured(act_id: str, params: tuple[tuple[str, float], ...]):
    """core.properties for (id, parameters), cached: the same function is measured once."""
    return properties(act_id, **dict(params))


@functools.lru_cache(maxsize=64)
def measured_formula(text: str):
    """core.properties of a formula (cached by its text), or the x where it is undefined."""
    act = parse_formula(text)
    bad = first_undefined(act)
    return bad if bad is not None else properties(act)


def measured_rows(p) -> list[str]:
    """The measured rows of a properties column (all but cost and typical use), as text."""
    yes_no = lambda b: t("yes") if b else t("no")  # noqa: E731
    sat = {(True, True): "both", (True, False): "left", (False, True): "right"}.get(
        (p.saturates_left, p.saturates_right), "none")
    where = ", ".join(interval_text(a, b) for a, b in p.max_abs_grad_at)
    if p.max_abs_grad_kind == "approached":
        where = ", ".join(f"x → {fmt(a)}" for a, _ in p.max_abs_grad_at)
    template = "prop.max_limit" if p.max_abs_grad_kind in ("limit", "approached") else "prop.max_at"
    max_grad = t(template, value=fmt(p.max_abs_grad), where=where)
    dead = ", ".join(interval_text(a, b) for a, b in p.dead_regions) or t("prop.dead_none")
    return [range_text(p), t(f"prop.zc.{p.zero_centred}"), yes_no(p.monotonic),
            yes_no(p.grad_monotonic), t(f"prop.{p.smoothness}"), t(f"prop.sat.{sat}"),
            fmt(p.f0), fmt(p.grad0), max_grad, yes_no(p.near_identity), dead]


def custom_column(act: CustomActivation) -> list[str]:
    """The property column of the user's formula (or a note why it is not measured)."""
    p = measured_formula(act.text)
    if not hasattr(p, "lower"):
        return [t("custom.not_measured", x=fmt(p))] + ["—"] * (len(PROPERTY_ROWS) - 1)
    return measured_rows(p) + [t("custom.cost"), t("custom.uses")]


def property_column(act_id: str, params: dict[str, float]) -> list[str]:
    """The measured properties of one catalogue activation, as text in PROPERTY_ROWS order."""
    p = measured(act_id, tuple(sorted(params.items())))
    return measured_rows(p) + [t(f"cost.{ACTIVATIONS[act_id].cost}"),
                               ", ".join(t(f"use.{u}") for u in ACTIVATIONS[act_id].uses)]


def property_table(ids: list[str], params: dict[str, dict[str, float]],
                   mine: CustomActivation | None = None) -> dict[str, list[str]]:
    """Columns of the property table: the row names, then one column per function. The
    formula's column is headed by its display name, which core builds from a parsed formula
    (no brackets, stars or backticks: nothing Markdown reads)."""
    table = {t("explorer.prop"): [t(k, **ROW_VALUES[k]()) if k in ROW_VALUES else t(k)
                                  for k in PROPERTY_ROWS]}
    table.update({neutral_name(i): property_column(i, params[i]) for i in ids})
    if mine is not None:
        table[mine.name] = custom_column(mine)
    return table


def facts(act_id: str) -> dict[str, str]:
    """Numbers the texts of an activation may cite, measured by core at its default parameters.

    Every ``act.<id>.*`` text is formatted with these (its LaTeX braces are doubled for that).
    """
    act = get(act_id)
    p = measured(act_id, tuple(sorted(act.defaults().items())))
    values = ", ".join(fmt(v) for v in p.discrete_values) if p.discrete_values else range_text(p)
    out = dict(lo=fmt(p.lower.value), hi=fmt(p.upper.value), f0=fmt(p.f0), g0=fmt(p.grad0),
               maxg=fmt(p.max_abs_grad), values=values)
    out.update({k: fmt(v, 5) for k, v in act.constants})
    return out


# ----------------------------------------------------------------------------- typed numbers


def read_points(text: str) -> tuple[list[float], str | None]:
    """The value table's points from the typed text, or the default points and a notice."""
    points = parse_numbers(text, 1, MAX_POINTS, -POINT_LIMIT, POINT_LIMIT)
    if points is not None:
        return points, None
    notice = t("explorer.points_bad", bad=quoted(text), n=MAX_POINTS, lo=fmt(-POINT_LIMIT),
               hi=fmt(POINT_LIMIT))
    return parse_numbers(SPEC["pts"].default, 1, MAX_POINTS, -POINT_LIMIT, POINT_LIMIT), notice


def default_scores() -> list[float]:
    """The default softmax scores as numbers."""
    return parse_numbers(SPEC["sm"].default, *SCORE_COUNT, -SCORE_LIMIT, SCORE_LIMIT)


def read_scores(text: str) -> tuple[list[float], str | None]:
    """The softmax scores from the typed text, or the default scores and a notice."""
    lo, hi = SCORE_COUNT
    scores = parse_numbers(text, lo, hi, -SCORE_LIMIT, SCORE_LIMIT)
    if scores is not None:
        return scores, None
    return default_scores(), t("explorer.softmax_bad", bad=quoted(text), lo=lo, hi=hi,
                               zlo=fmt(-SCORE_LIMIT), zhi=fmt(SCORE_LIMIT))


def value_table(ids: list[str], params: dict[str, dict[str, float]], points: list[float],
                mine: CustomActivation | None = None) -> dict[str, list[str]]:
    """Columns of the value table: f(x) and f′(x) at each point, a row per function."""
    table = {t("explorer.table_fn"): [neutral_name(i) for i in ids]}
    results = [values_at(i, points, **params[i]) for i in ids]
    if mine is not None:
        table[t("explorer.table_fn")].append(mine.name)
        results.append(values_at(mine, points))
    for k, x in enumerate(points):
        table[f"f({fmt(x)})"] = [fmt(float(f[k]), 8) for f, _ in results]
        table[f"f′({fmt(x)})"] = [fmt(float(g[k]), 8) for _, g in results]
    return table


# ----------------------------------------------------------------------------- softmax and stacks


def vector(values: Any) -> str:
    """A short vector as text: [0.2689, 0.7311]."""
    return "[" + ", ".join(fmt(float(v), 4) for v in values) + "]"


def softmax_texts(total: float) -> dict[str, str]:
    """The numbers the softmax texts cite, from core: Σp, the float64 limit, the course example."""
    return dict(total=fmt(total), fmax=fmt(FLOAT64_MAX, 2), ln_max=fmt(EXP_OVERFLOW, 4),
                example="[" + ", ".join(fmt(v) for v in OVERFLOW_EXAMPLE) + "]")


def overflow_table(demo) -> dict[str, list[str]]:
    """Columns of the naive-vs-stable table: the large scores and both results."""
    return {"z": [fmt(v) for v in demo.shifted],
            t("explorer.naive"): [fmt(float(v), 6) for v in demo.naive],
            t("explorer.stable"): [fmt(float(v), 6) for v in demo.stable]}


def overflow_verdict(demo, texts: dict[str, str]) -> tuple[bool, str]:
    """(the naive formula held, the sentence saying so) for a softmax demo."""
    if demo.naive_finite:
        return True, t("explorer.naive_ok", diff=fmt(demo.max_diff, 3))
    return False, t("explorer.naive_broken", zmax=fmt(demo.largest_exponent), **texts)


def stack_sentence(run, depth: int, act_id: str) -> str:
    """What stacking L layers did: the identity's slope a^L and both distances from a line."""
    return t("explorer.stack_result", L=depth, slope=fmt(run.slope), lin_dev=pct(run.linear_error),
             name=act_name(act_id), dev=pct(run.bent_error))


def guide_values() -> dict[str, str]:
    """The numbers the "which activation where" cards cite."""
    sig = facts("sigmoid")
    return dict(sig_lo=sig["lo"], sig_hi=sig["hi"],
                total=fmt(softmax_demo(default_scores()).total))
