"""Figures of a question's answers (ui.questions): the class's answers on the step's chart, a
histogram or bars for numbers and choices, and a student's own answer against the truth.
Plain dicts (traces and a {"data", "layout"} figure), no maths beyond counting: the truth comes
from core through the question (ui.questions.model.Truth).

Every trace carries ``meta``: "answers" (the class's answers), "truth" (core's answer) or
"mine" (a student's own answer). Only well-formed answers are drawn (ui.questions.judge.check).
"""

from __future__ import annotations

import math
from typing import Any, Sequence

import numpy as np

from ui.format import fmt
from ui.i18n import t
from ui.questions.judge import valid
from ui.questions.model import Question, Truth, option_label
from ui.theme import Look, axis_style, layout_style

ANSWERS, TRUTH, MINE = 4, 2, 1  # palette places: reddish purple, bluish green, vermillion
DOT_OPACITY = 0.6               # the class's taps: see-through, so piles show as darker spots
SKETCH_OPACITY = 0.28           # the class's sketches: a faint bundle
MAX_BINS = 20                   # a number question's histogram
TRUTH_CURVE_POINTS = 241        # the true curve is drawn with at most this many points


def _f32(values) -> list[float]:
    """Plain floats rounded to float32 precision (the payload stays small)."""
    return [float(np.float32(v)) for v in values]


def _axes(question: Question) -> dict:
    """The subplot the question is asked on, as trace keys (xaxis="x", yaxis="y2" …)."""
    x, y = question.axes
    return {"xaxis": x, "yaxis": y}


# ----------------------------------------------------------------------------- on the chart


def truth_traces(question: Question, truth: Truth, look: Look) -> list[dict]:
    """Core's answer on the step's chart (meta "truth"): a star at the true point for a tap (on
    axis "x" also a vertical line through it across the bounds, "y" a horizontal one), the
    true curve for a sketch; nothing for the other kinds."""
    colour = look.color(TRUTH)
    name = t("question.fig.truth")
    axes = _axes(question)
    if question.kind == "sketch" and truth.curve is not None:
        cx, cy = (np.asarray(a, dtype=float) for a in truth.curve)
        keep = np.unique(np.linspace(0, cx.size - 1, min(cx.size, TRUTH_CURVE_POINTS)).astype(int))
        return [dict(type="scatter", mode="lines", x=_f32(cx[keep]), y=_f32(cy[keep]), name=name,
                     meta="truth", line=dict(color=colour, width=look.line + 1),
                     hoverinfo="skip", **axes)]
    if question.kind != "tap":
        return []
    px, py = _true_point(question, truth)
    star = dict(type="scatter", mode="markers", x=[px], y=[py], name=name, meta="truth",
                marker=dict(symbol="star", size=look.marker + 14, color=colour,
                            line=dict(color=look.text, width=2)),
                hoverinfo="skip", cliponaxis=False, **axes)
    x0, x1, y0, y1 = question.bounds
    if question.axis == "x":
        line = dict(x=[px, px], y=[y0, y1])
    elif question.axis == "y":
        line = dict(x=[x0, x1], y=[py, py])
    else:
        return [star]
    guide = dict(type="scatter", mode="lines", name=name, meta="truth", showlegend=False,
                 line=dict(color=colour, width=2, dash="dot"), hoverinfo="skip", **line, **axes)
    return [guide, star]


def _true_point(question: Question, truth: Truth) -> tuple[float, float]:
    """Where the truth of a tap is drawn: its point, or its value on the judged axis (the
    other coordinate in the middle of the bounds)."""
    if truth.point is not None:
        return float(truth.point[0]), float(truth.point[1])
    x0, x1, y0, y1 = question.bounds
    mid_x = math.sqrt(x0 * x1) if question.scale == "log" else (x0 + x1) / 2
    if question.axis == "y":
        return mid_x, float(truth.value)
    return float(truth.value), (y0 + y1) / 2


def answer_traces(question: Question, answers: Sequence[Any], look: Look) -> list[dict]:
    """The class's answers on the step's chart (meta "answers"): the taps as one trace of
    see-through dots, the sketches as one trace of faint lines (one line per sketch, joined by
    gaps); nothing for the other kinds or when no answer is well-formed."""
    ok = valid(question, answers)
    if not ok or question.kind not in ("tap", "sketch"):
        return []
    colour = look.color(ANSWERS)
    name = t("question.fig.answers")
    axes = _axes(question)
    if question.kind == "tap":
        return [dict(type="scatter", mode="markers", x=_f32(a["x"] for a in ok),
                     y=_f32(a["y"] for a in ok), name=name, meta="answers",
                     marker=dict(size=look.marker + 2, color=colour, opacity=DOT_OPACITY,
                                 line=dict(color=look.background, width=1)),
                     hoverinfo="skip", **axes)]
    xs: list[float | None] = []
    ys: list[float | None] = []
    for a in ok:
        if xs:
            xs.append(None)
            ys.append(None)
        xs += _f32(p[0] for p in a["points"])
        ys += _f32(p[1] for p in a["points"])
    return [dict(type="scatter", mode="lines", x=xs, y=ys, name=name, meta="answers",
                 connectgaps=False, opacity=SKETCH_OPACITY,
                 line=dict(color=colour, width=max(2.0, look.line - 1)), hoverinfo="skip",
                 **axes)]


def reveal_traces(question: Question, answers: Sequence[Any], truth: Truth,
                  look: Look) -> list[dict]:
    """What the reveal adds to the step's chart: the class's answers, then the truth on top."""
    return answer_traces(question, answers, look) + truth_traces(question, truth, look)


def mine_traces(question: Question, answer: Any, truth: Truth, look: Look) -> list[dict]:
    """A student's own answer (meta "mine") against the truth, on the step's chart (tap and
    sketch); for numbers and choices draw ``answers_figure(question, [answer], truth, look)``
    instead (this returns [] for them)."""
    if question.kind not in ("tap", "sketch"):
        return []
    ok = valid(question, [answer])
    colour = look.color(MINE)
    name = t("question.fig.mine")
    axes = _axes(question)
    mine: list[dict] = []
    if ok and question.kind == "tap":
        mine = [dict(type="scatter", mode="markers", x=_f32([ok[0]["x"]]), y=_f32([ok[0]["y"]]),
                     name=name, meta="mine", hoverinfo="skip",
                     marker=dict(symbol="circle", size=look.marker + 8, color=colour,
                                 line=dict(color=look.text, width=2)), **axes)]
    elif ok:
        pts = ok[0]["points"]
        mine = [dict(type="scatter", mode="lines", x=_f32(p[0] for p in pts),
                     y=_f32(p[1] for p in pts), name=name, meta="mine", hoverinfo="skip",
                     line=dict(color=colour, width=look.line, dash="dash"), **axes)]
    return mine + truth_traces(question, truth, look)


# ----------------------------------------------------------------------------- a figure of its own


def histogram(values: Sequence[float], truth: float, tolerance: float, integer: bool
              ) -> tuple[np.ndarray, np.ndarray, float, int, int]:
    """(bin centres, counts, bin width, answers below, answers above) of a number question.

    The bins cover [lo, hi]: the answers between Tukey's fences (Q1 − 1.5·IQR, Q3 + 1.5·IQR),
    widened to hold truth ± 2τ, so one wild answer does not squeeze the others into one bar;
    the answers below lo and above hi are counted apart (the figure draws them as two bars at
    the ends), so the counts sum to len(values). Whole counts: bins of width
    ⌈(hi − lo + 1)/MAX_BINS⌉ on whole numbers; else at most MAX_BINS bins of equal width (at
    least τ/2 wide when τ > 0), the true value in the middle of one."""
    v = np.asarray(values, dtype=float)
    q1, q3 = (float(q) for q in np.percentile(v, [25, 75]))
    fence_lo, fence_hi = q1 - 1.5 * (q3 - q1), q3 + 1.5 * (q3 - q1)
    inside = v[(v >= fence_lo) & (v <= fence_hi)]
    lo = min(float(inside.min()), truth - 2 * tolerance)
    hi = max(float(inside.max()), truth + 2 * tolerance)
    if integer:
        lo, hi = math.floor(lo), math.ceil(hi)
        width = float(max(1, math.ceil((hi - lo + 1) / MAX_BINS)))
        lo -= 0.5
        n = int(math.ceil((hi + 0.5 - lo) / width))
    else:
        if hi <= lo:
            half = max(abs(truth), 1.0) * 0.1
            lo, hi = truth - half, truth + half
        width = max((hi - lo) / MAX_BINS, tolerance / 2 if tolerance > 0 else 0.0)
        # the true value in the middle of a bin
        lo = truth - width / 2 - math.ceil((truth - width / 2 - lo) / width - 1e-9) * width
        n = max(1, int(math.ceil((hi - lo) / width - 1e-9)))
    top = lo + n * width
    below, above = int(np.count_nonzero(v < lo)), int(np.count_nonzero(v >= top))
    mid = v[(v >= lo) & (v < top)]
    idx = np.clip(np.floor((mid - lo) / width).astype(int), 0, n - 1)
    counts = np.bincount(idx, minlength=n)
    centres = lo + width * (np.arange(n) + 0.5)
    return centres, counts, width, below, above


def _figure(data: list[dict], layout: dict) -> dict:
    return {"data": data, "layout": layout}


def answers_figure(question: Question, answers: Sequence[Any], truth: Truth, look: Look,
                   mine: Any = None) -> dict:
    """A figure of the class's answers of a number or choose question (a plain dict with
    "data" and "layout"): a histogram of the numbers (meta "answers") with the true value as a
    vertical line (meta "truth"), or one horizontal bar per option with its count (meta
    "answers"), the true option's bar in the truth colour and a star beside it (meta "truth").
    ``mine``: a student's own answer, marked too (meta "mine"). Fonts and bars at the look's
    sizes (projector and phone). Tap and sketch questions are drawn on their chart
    (:func:`reveal_traces`); for them this is an empty figure."""
    if question.kind == "number":
        return _number_figure(question, answers, truth, look, mine)
    if question.kind == "choose":
        return _choice_figure(question, answers, truth, look, mine)
    return _figure([], layout_style(look, height=look.height(200), legend=False))


def _number_figure(question: Question, answers: Sequence[Any], truth: Truth, look: Look,
                   mine: Any) -> dict:
    ok = valid(question, answers)
    true = float(truth.value)
    values = [float(a["value"]) for a in ok]
    data: list[dict] = []
    top = 1
    if values:
        centres, counts, width, below, above = histogram(values, true, question.tolerance,
                                                          question.integer)
        xs, ys = list(centres), [int(c) for c in counts]
        text = [str(c) if c else "" for c in ys]
        lo, hi = centres[0] - width / 2, centres[-1] + width / 2
        # the answers outside the bins: one bar at each end, a bin's width apart, with its range
        if below:
            xs, ys = [lo - 1.5 * width] + xs, [below] + ys
            text = [f"{below} (< {fmt(lo, 4)})"] + text
        if above:
            xs, ys = xs + [hi + 1.5 * width], ys + [above]
            text = text + [f"{above} (> {fmt(hi, 4)})"]
        top = max(ys)
        data.append(dict(type="bar", x=_f32(xs), y=ys, width=float(width) * 0.92,
                         name=t("question.fig.answers"), meta="answers",
                         marker=dict(color=look.color(ANSWERS)), text=text,
                         textposition="outside", textfont=dict(size=look.font),
                         cliponaxis=False, hoverinfo="skip"))
    label = f"{t('question.fig.truth')} = {fmt(true, 4)}"
    data.append(dict(type="scatter", mode="lines+text", x=[true, true], y=[0, top * 1.25],
                     name=label, meta="truth", text=["", label], textposition="top center",
                     textfont=dict(size=look.font, color=look.color(TRUTH)),
                     line=dict(color=look.color(TRUTH), width=look.line + 1),
                     cliponaxis=False, hoverinfo="skip"))
    ok_mine = valid(question, [mine]) if mine is not None else []
    if ok_mine:
        v = float(ok_mine[0]["value"])
        data.append(dict(type="scatter", mode="markers", x=[v], y=[0], meta="mine",
                         name=f"{t('question.fig.mine')} = {fmt(v, 4)}", cliponaxis=False,
                         marker=dict(symbol="triangle-up", size=look.marker + 10,
                                     color=look.color(MINE), line=dict(color=look.text, width=2)),
                         hoverinfo="skip"))
    layout = layout_style(look, height=look.height(360), legend=bool(ok_mine))
    layout["hovermode"] = False
    layout["bargap"] = 0.05
    layout["xaxis"] = axis_style(look, t("question.fig.value"))
    layout["yaxis"] = {**axis_style(look, t("question.fig.count")), "rangemode": "tozero",
                       "range": [0, top * 1.45], "dtick": max(1, math.ceil(top / 5))}
    layout["margin"] = {**layout["margin"], "t": 40 + look.font}
    return _figure(data, layout)


def _choice_figure(question: Question, answers: Sequence[Any], truth: Truth, look: Look,
                   mine: Any) -> dict:
    ok = valid(question, answers)
    counts = {o: 0 for o in question.options}
    for a in ok:
        counts[a["choice"]] += 1
    labels = [option_label(question.page, question, o) for o in question.options]
    colours = [look.color(TRUTH) if o == truth.choice else look.color(ANSWERS)
               for o in question.options]
    top = max(counts.values()) if ok else 0
    data = [dict(type="bar", orientation="h", y=labels, x=[counts[o] for o in question.options],
                 name=t("question.fig.answers"), meta="answers", marker=dict(color=colours),
                 text=[str(counts[o]) for o in question.options], textposition="outside",
                 textfont=dict(size=look.font + 2), cliponaxis=False, hoverinfo="skip")]
    if truth.choice in counts:
        i = question.options.index(truth.choice)
        data.append(dict(type="scatter", mode="markers", y=[labels[i]],
                         x=[counts[truth.choice] + max(0.8, 0.22 * top)],
                         name=t("question.fig.truth"), meta="truth", cliponaxis=False,
                         marker=dict(symbol="star", size=look.marker + 12,
                                     color=look.color(TRUTH), line=dict(color=look.text, width=2)),
                         hoverinfo="skip"))
    ok_mine = valid(question, [mine]) if mine is not None else []
    if ok_mine:
        j = question.options.index(ok_mine[0]["choice"])
        data.append(dict(type="scatter", mode="markers", y=[labels[j]], x=[0], meta="mine",
                         name=t("question.fig.mine"), cliponaxis=False, hoverinfo="skip",
                         marker=dict(symbol="triangle-right", size=look.marker + 8,
                                     color=look.color(MINE), line=dict(color=look.text, width=2))))
    layout = layout_style(look, height=look.height(110 + 64 * len(labels)), legend=bool(ok_mine))
    layout["hovermode"] = False
    layout["bargap"] = 0.25
    layout["xaxis"] = {**axis_style(look, t("question.fig.count")),
                       "range": [0, max(top, 1) * 1.6 + 1], "dtick": max(1, math.ceil(top / 5))}
    # the labels on the left, the first option on top; long labels wrap at the axis' margin
    layout["yaxis"] = {**axis_style(look), "autorange": "reversed", "automargin": True,
                       "tickfont": dict(size=look.font)}
    return _figure(data, layout)
