"""Figures and tables of the activation explorer. Arrays in, Plotly figures / rows out: no maths
(the curves and the scrub frames are core's samples and sweeps)."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import plotly.graph_objects as go

from core.activations import ACTIVATIONS
from core.properties import Bound, Properties, curve
from ui.chart import Scrub
from ui.format import f32, fmt
from ui.theme import (Look, axis_style, domain, figure, layout_style, line_trace, series_style,
                      styled_layout)


FADED = 0.35  # opacity of a faded curve


@dataclass(frozen=True)
class Curve:
    """One activation's samples: display name, f(x), f'(x); a faded curve is drawn thin and
    pale (the last formula that worked, while the one in the box does not)."""

    name: str
    f: np.ndarray
    grad: np.ndarray
    faded: bool = False


def curves_figure(x: np.ndarray, curves: list[Curve], look: Look, show_grad: bool,
                  f_title: str, g_title: str) -> go.Figure:
    """f(x) on top and, if show_grad, f'(x) below on a shared x axis; one style per activation.

    The two panels are laid out by hand (y axis domains) and the figure is built in one call:
    make_subplots and per-trace add_trace calls cost more than everything else on the page.
    """
    grid = dict(x0=float(x[0]), dx=float(x[1] - x[0]))  # uniform x: no x arrays to send
    traces = []
    for i, c in enumerate(curves):
        style = dict(opacity=FADED, dash="dot") if c.faded else {}
        traces.append(line_trace(None, f32(c.f), c.name, i, look, markers_every=14,
                                 legendgroup=c.name, **style, **grid))
        if show_grad:
            traces.append(line_trace(None, f32(c.grad), c.name + "′", i, look,
                                     markers_every=14, legendgroup=c.name, showlegend=False,
                                     yaxis="y2", **style, **grid))
    layout = layout_style(look, height=look.main_height)  # the page's main picture
    layout["xaxis"] = axis_style(look, "x")
    layout["yaxis"] = {**axis_style(look, f_title), "automargin": True}  # title clears ticks
    if show_grad:
        layout["yaxis"]["domain"] = [0.48, 1.0]
        layout["yaxis2"] = {**axis_style(look, g_title), "domain": [0.0, 0.4], "anchor": "x",
                            "automargin": True}
        layout["xaxis"]["anchor"] = "y2"
    return figure(traces, layout)


def curve_traces(index: int, show_grad: bool) -> list[int]:
    """The trace indices of the index-th curve of curves_figure: f, and f′ if shown."""
    return [2 * index, 2 * index + 1] if show_grad else [index]


def curve_scrub(control: str, label: str, values: tuple, index: int, traces: list[int],
                f_rows: np.ndarray, g_rows: np.ndarray) -> Scrub:
    """The scrub of one activation parameter over its grid ``values``: frame k sets that
    curve's f (and f′, when its trace is shown) to row k of f_rows / g_rows (core's sweep of
    the parameter); ``traces`` from :func:`curve_traces`. The texts are the values as the page
    writes them."""
    rows = (f_rows, g_rows)[:len(traces)]
    frames = tuple({"traces": traces, "data": [{"y": r[k].astype(np.float32)} for r in rows]}
                   for k in range(len(values)))
    return Scrub(control, tuple(values), int(index), frames, label,
                 texts=tuple(fmt(v) for v in values))


# The f/f′ chart's scrub frames must keep a page open within 400 KB (the rest of the page is up
# to ~150 KB with every function on): float32 frames of at most FRAME_BUDGET bytes (a third more
# as base64). The curves get the most points of POINTS at which every chosen parameter's frames
# fit (241 points, step 0.05 on the default range: one or two parameters); when not even the
# fewest do, the parameters whose frames would pass the budget are scrubbed without frames (their
# picture comes from the server when the thumb is let go).
FRAME_BUDGET = 160_000
POINTS = (241, 161, 121)


def frame_points(grid_sizes: list[int], show_grad: bool) -> tuple[int, int]:
    """(x points of the curves, how many of the parameters, in order, get frames)."""
    per_value = (2 if show_grad else 1) * 4
    for n in POINTS:
        if sum(grid_sizes) * per_value * n <= FRAME_BUDGET:
            return n, len(grid_sizes)
    n, used, fits = POINTS[-1], 0, 0
    for size in grid_sizes:
        used += size * per_value * n
        if used > FRAME_BUDGET:
            break
        fits += 1
    return n, fits


def parameter_curves(ids: list[str], params: dict[str, dict[str, float]], lo: float, hi: float,
                     show_grad: bool) -> tuple[np.ndarray, list[tuple], list[Scrub]]:
    """(x, [(f, g) per id], scrubs): core's curves of the chosen functions at their parameters,
    and for each parameter a scrub over its grid (core's sweep, the other parameters held).
    A function's drawn curve is the row of its first parameter's sweep at the value shown, so
    the frames reproduce the figure exactly."""
    from ui.controls.explorer import SPEC  # the controls' grids and labels

    controls = [SPEC[f"p_{i}_{p.name}"] for i in ids for p in ACTIVATIONS[i].params]
    n, framed = frame_points([len(c.grid()) for c in controls], show_grad)
    x = np.linspace(float(lo), float(hi), n)
    rows, scrubs = [], []
    for k, act_id in enumerate(ids):
        _, f, g = curve(act_id, lo, hi, n, **params[act_id])
        for j, p in enumerate(ACTIVATIONS[act_id].params):
            control = SPEC[f"p_{act_id}_{p.name}"]
            grid = control.grid()
            index = grid.index(params[act_id][p.name])
            if len(scrubs) >= framed:  # over the budget: the picture comes from the server
                scrubs.append(Scrub(control.key, grid, index, (), control.label(),
                                    texts=tuple(fmt(v) for v in grid)))
                continue
            held = {q: v for q, v in params[act_id].items() if q != p.name}
            f_rows, g_rows = ACTIVATIONS[act_id].sweep(x, p.name, grid, **held)
            if j == 0:
                f, g = f_rows[index], g_rows[index]
            scrubs.append(curve_scrub(control.key, control.label(), grid, index,
                                      curve_traces(k, show_grad), f_rows, g_rows))
        rows.append((f, g))
    return x, rows, scrubs


def softmax_figure(labels: list[str], probs: np.ndarray, look: Look, y_title: str) -> go.Figure:
    """Class probabilities as bars, each labelled with its value."""
    colors = [series_style(i, look)["color"] for i in range(len(labels))]
    bars = dict(type="bar", x=labels, y=f32(probs), marker=dict(color=colors),
                text=[fmt(float(p), 3) for p in probs], textposition="outside",
                textfont=dict(size=look.font))
    layout = styled_layout(look, y_title=y_title, height=look.height(360), legend=False,
                           hovermode="closest")
    layout["yaxis"].update(range=[0, 1.15], automargin=True)
    return figure([bars], layout)


def overflow_figure(labels: list[str], naive: np.ndarray, stable: np.ndarray, look: Look,
                    titles: tuple[str, str], y_title: str) -> go.Figure:
    """The naive and the stable softmax of the same large scores, side by side: bars where a
    result is a number, the word "nan" on the axis where it is not (the overflow itself)."""
    gap, width = 0.12, 0.44
    layout = layout_style(look, height=look.height(300), legend=False)
    layout["margin"] = {**layout["margin"], "t": 40 + look.font}
    layout["hovermode"] = "closest"
    traces, notes = [], []
    for i, (title, probs) in enumerate(zip(titles, (naive, stable))):
        n, left = ("", 0.0) if i == 0 else ("2", width + gap)
        values = np.asarray(probs, dtype=float)
        finite = np.isfinite(values)
        colour = series_style(i, look)["color"]
        traces.append(dict(type="bar", x=labels, y=f32(values), marker=dict(color=colour),
                           text=[fmt(float(v), 3) for v in values], textposition="outside",
                           textfont=dict(size=look.font), xaxis=f"x{n}", yaxis=f"y{n}",
                           name=title, cliponaxis=False))
        if not finite.all():
            traces.append(dict(type="scatter", mode="text", x=[lb for lb, ok in zip(labels, finite)
                                                               if not ok],
                               y=[0.08] * int((~finite).sum()), text=["nan"] * int((~finite).sum()),
                               textfont=dict(size=look.font + 4, color=colour), hoverinfo="skip",
                               xaxis=f"x{n}", yaxis=f"y{n}", name=title))
        layout[f"xaxis{n}"] = {**axis_style(look), "domain": domain(left, left + width),
                               "anchor": f"y{n}"}
        layout[f"yaxis{n}"] = {**axis_style(look, y_title if i == 0 else ""), "anchor": f"x{n}",
                               "range": [0, 1.15], "automargin": True}
        notes.append(dict(text=f"<b>{title}</b>", x=left + width / 2, xref="paper", y=1.0,
                          yref="paper", yanchor="bottom", xanchor="center", showarrow=False,
                          font=dict(size=look.font, color=colour)))
    layout["annotations"] = notes
    return figure(traces, layout)


def stack_figure(x: np.ndarray, series: list[tuple[str, np.ndarray]], look: Look,
                 y_title: str) -> go.Figure:
    """h_L(x) after L stacked layers: one panel per series, side by side, each with its own y scale.

    Separate scales keep a bounded, bent curve (tanh stacked) from being flattened next to a
    steep straight line (a^L·x); each panel is titled with its series name.
    """
    gap = 0.1
    width = (1 - gap * (len(series) - 1)) / len(series)
    layout = layout_style(look, height=look.height(380), legend=False)
    layout["margin"] = {**layout["margin"], "t": 40 + look.font}
    layout["hovermode"] = "closest"
    traces, notes = [], []
    for i, (name, y) in enumerate(series):
        n = "" if i == 0 else str(i + 1)
        left = i * (width + gap)
        traces.append(line_trace(f32(x), f32(y), name, i, look, markers_every=14,
                                 xaxis=f"x{n}", yaxis=f"y{n}"))
        layout[f"xaxis{n}"] = {**axis_style(look, "x"), "domain": domain(left, left + width),
                               "anchor": f"y{n}"}
        layout[f"yaxis{n}"] = {**axis_style(look, y_title if i == 0 else ""), "anchor": f"x{n}",
                               "automargin": True}
        notes.append(dict(text=f"<b>{name}</b>", x=left + width / 2, xref="paper", y=1.0,
                          yref="paper", yanchor="bottom", xanchor="center", showarrow=False,
                          font=dict(size=look.font, color=series_style(i, look)["color"])))
    layout["annotations"] = notes
    return figure(traces, layout)


def _bound_text(b: Bound, lower: bool) -> str:
    if math.isinf(b.value):
        return "(−∞" if lower else "∞)"
    bracket = ("[" if lower else "]") if b.closed else ("(" if lower else ")")
    return f"{bracket}{fmt(b.value)}" if lower else f"{fmt(b.value)}{bracket}"


def range_text(p: Properties) -> str:
    """Output range as maths: {0, 1} for discrete outputs, else (a, b] style intervals."""
    if p.discrete_values is not None:
        return "{" + ", ".join(fmt(v) for v in p.discrete_values) + "}"
    return f"{_bound_text(p.lower, True)}, {_bound_text(p.upper, False)}"


def interval_text(a: float, b: float) -> str:
    """x-interval as text: 'x = a', 'x < b', 'x > a', 'a < x < b' or 'all x'."""
    if a == b:
        return "x → −∞" if a == -math.inf else ("x → ∞" if a == math.inf else f"x = {fmt(a)}")
    if math.isinf(a) and math.isinf(b):
        return "x ∈ ℝ"
    if math.isinf(a):
        return f"x < {fmt(b)}"
    if math.isinf(b):
        return f"x > {fmt(a)}"
    return f"{fmt(a)} < x < {fmt(b)}"
