"""Plotly figures for the derivatives-and-saturation page.

- ``curves``: f (top) and f' (bottom) on a shared x axis, saturated regions shaded on both,
  the threshold drawn on the f' chart, and an optional probe point with its tangent line.
- ``depth_chart``: best-case gradient factor (max|f'|)^L against depth L, log scale.
- ``preact_chart``: per-layer quantile bands of the summed inputs z of a simulated MLP.
- ``shares_chart``: saturated and dead shares per layer.
- ``grad_chart``: gradient norm per layer (log scale).
- ``bias_chart``: share of dead units against a bias shift, one line per activation.

Every number drawn comes from ``core.saturation`` / ``core.activations``; figures get only
finite values (zeros on a log axis are left out).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from typing import Sequence

import numpy as np
import plotly.graph_objects as go

from core.saturation import DeepMLPResult, Probe
from ui.chart import Scrub, pack_scrub
from ui.i18n import t
from ui.format import f32, fmt, log_axis
from ui.theme import (Look, axis_style, figure, layout_style, line_trace,
                      merge, series_style, styled_layout)

SHADE_ALPHA = 0.16
GREY = 7  # the theme palette's grey: flat zones of the summed inputs


def _rgba(hex_color: str, alpha: float) -> str:
    """'#RRGGBB' → 'rgba(r,g,b,alpha)'."""
    h = hex_color.lstrip("#")
    r, g, b = (int(h[i:i + 2], 16) for i in (0, 2, 4))
    return f"rgba({r},{g},{b},{alpha})"


@dataclass(frozen=True)
class CurveSet:
    """One activation's samples for the f / f' charts, its saturated intervals and its probe."""

    name: str
    x: np.ndarray
    f: np.ndarray
    grad: np.ndarray
    intervals: list[tuple[float, float]]
    probe: Probe | None = None


_YREF = {1: "y", 2: "y2"}  # the two panels of the f / f′ chart, laid out by hand
SIDES = ("top right", "bottom right", "top left", "bottom left")  # probe read-outs per series


@dataclass(frozen=True)
class CurvesView:
    """What the f / f′ chart's layout needs besides the curves: the x range, the f panel's y
    range (fixed) and the threshold t (the f′ panel's y range follows t)."""

    x_range: tuple[float, float]
    f_range: tuple[float, float]
    grad_span: tuple[float, float]  # smallest and largest finite f′ of the curves drawn
    threshold: float

    @property
    def grad_range(self) -> tuple[float, float]:
        """y range of the f′ panel: the curves and the line at t, padded by 6 %."""
        lo, hi = min(self.grad_span[0], self.threshold), max(self.grad_span[1], self.threshold)
        pad = 0.06 * max(hi - lo, 1e-9)
        return lo - pad, hi + pad

    def row_range(self, row: int) -> tuple[float, float]:
        """y range of panel row (1: f, 2: f′)."""
        return self.f_range if row == 1 else self.grad_range


def curves_view(sets: Sequence[CurveSet], threshold: float,
                x_range: tuple[float, float]) -> CurvesView:
    """The view of the f / f′ chart for these curves and the threshold t."""
    grads = [g[np.isfinite(g)] for g in (np.asarray(s.grad) for s in sets)]
    grads = [g for g in grads if g.size] or [np.array([0.0, 1.0])]
    span = (min(float(np.min(g)) for g in grads), max(float(np.max(g)) for g in grads))
    return CurvesView(tuple(x_range), _f_range([s.f for s in sets]), span, float(threshold))


def _strip(intervals: Sequence[tuple[float, float]], i: int, n: int, row: int,
           view: CurvesView) -> dict:
    """Activation i's saturated intervals on panel row as horizontal bars: its own strip of
    1/n of the panel's height (so n activations' shadings never mix)."""
    lo, hi = view.row_range(row)
    top, bottom = lo + (1 - i / n) * (hi - lo), lo + (1 - (i + 1) / n) * (hi - lo)
    starts = np.array([a for a, _ in intervals], dtype=np.float64)
    return dict(x=f32([b - a for a, b in intervals]), base=f32(starts),
                y=[0.5 * (top + bottom)] * len(intervals), width=top - bottom)


def _edges(intervals: Sequence[tuple[float, float]], view: CurvesView) -> dict:
    """The computed edges inside the x range as dotted vertical lines across the f′ panel."""
    lo, hi = view.grad_range
    inner = [e for ab in intervals for e in ab if view.x_range[0] < e < view.x_range[1]]
    return dict(x=[v for e in inner for v in (e, e, None)],
                y=[v for _ in inner for v in (lo, hi, None)])


def _band_traces(s: CurveSet, intervals, i: int, n: int, view: CurvesView,
                 look: Look) -> list[dict]:
    """The strips of activation i on both panels (the f panel's bars name it in the legend)
    and its edges: three traces whose data follow the threshold."""
    color = series_style(i, look)["color"]
    bars = [dict(type="bar", orientation="h", yaxis=_YREF[row], legendgroup=f"sat:{s.name}",
                 marker=dict(color=_rgba(color, SHADE_ALPHA), line=dict(width=0)),
                 hoverinfo="skip", name=t("saturation.fig.sat_band", name=s.name),
                 showlegend=row == 1, legendrank=1001, **_strip(intervals, i, n, row, view))
            for row in (1, 2)]
    edges = dict(type="scatter", mode="lines", yaxis="y2", hoverinfo="skip", showlegend=False,
                 line=dict(color=color, width=1.5, dash="dot"), **_edges(intervals, view))
    return bars + [edges]


def _threshold_traces(view: CurvesView, look: Look) -> list[dict]:
    """The line at t across the f′ panel and its label at the right end."""
    thr, (lo, hi) = view.threshold, view.x_range
    return [dict(type="scatter", mode="lines", yaxis="y2", x=[lo, hi], y=[thr, thr],
                 hoverinfo="skip", showlegend=False,
                 line=dict(color=look.color(GREY), width=2, dash="dot")),
            dict(type="scatter", mode="text", yaxis="y2", x=[hi], y=[thr],
                 text=[f"t = {fmt(thr)}"], textposition="top left", cliponaxis=False,
                 textfont=dict(size=look.font - 2), hoverinfo="skip", showlegend=False)]


def _value(v: float) -> float | None:
    return v if math.isfinite(v) else None


def _probe_traces(sets: Sequence[CurveSet], probes: Sequence[Probe], view: CurvesView,
                  look: Look) -> list[dict]:
    """The probe: a vertical line across both panels at x₀; for each activation the tangent
    line, and markers at (x₀, f(x₀)) and (x₀, f′(x₀)) with the values written beside them."""
    x0 = probes[0].x
    traces = [dict(type="scatter", mode="lines", yaxis=_YREF[row], x=[x0, x0],
                   y=list(view.row_range(row)), hoverinfo="skip", showlegend=False,
                   line=dict(color=look.color(GREY), width=2)) for row in (1, 2)]
    for i, (s, p) in enumerate(zip(sets, probes)):
        color = series_style(i, look)["color"]
        traces.append(dict(type="scatter", x=f32(p.tangent_x), y=f32(p.tangent_y),
                           mode="lines", hoverinfo="skip", legendgroup="tangent",
                           line=dict(color=color, width=max(2.0, look.line - 1), dash="dash"),
                           name=t("saturation.fig.tangent"), showlegend=i == 0))
        for row, val, what in ((1, p.f, "f"), (2, p.grad, "f′")):
            traces.append(dict(type="scatter", x=[p.x], y=[_value(val)], yaxis=_YREF[row],
                               mode="markers+text", text=[f"{what} = {fmt(val)}"],
                               textposition=SIDES[i % len(SIDES)], cliponaxis=False,
                               textfont=dict(color=color, size=look.font - 2),
                               marker=dict(color=color, size=look.marker + 6,
                                           symbol="circle-open", line=dict(width=3)),
                               legendgroup=s.name, showlegend=False,
                               hovertemplate=f"{s.name}: %{{y:.6g}}<extra></extra>"))
    return traces


def curves(sets: Sequence[CurveSet], threshold: float, x_range: tuple[float, float],
           look: Look) -> go.Figure:
    """Two stacked charts sharing x: f(x) above, f'(x) below, one style per activation.

    Saturated intervals (|f'| < threshold) are shaded in the activation's colour on both charts
    (each activation in a horizontal strip of its own, named in the legend) and their edges are
    dotted vertical lines on the f' chart; the threshold t is a dotted line on the f' chart; a
    probe (given for every activation, or for none) adds a vertical line, markers at
    (x₀, f(x₀)) and (x₀, f'(x₀)) with their values and the tangent line on the f chart.
    Trace order (the scrub frames rely on it): the strips and edges (3 per activation), the
    line at t and its label, the curves (2 per activation), the probe (2 + 3 per activation).
    """
    view = curves_view(sets, threshold, x_range)
    traces: list[dict] = []
    for i, s in enumerate(sets):
        traces += _band_traces(s, s.intervals, i, len(sets), view, look)
    traces += _threshold_traces(view, look)
    for i, s in enumerate(sets):
        traces.append(line_trace(f32(s.x), f32(s.f), s.name, i, look, legendgroup=s.name,
                                 markers_every=8))
        traces.append(line_trace(f32(s.x), f32(s.grad), s.name + "′", i, look,
                                 legendgroup=s.name, markers_every=8, showlegend=False,
                                 yaxis="y2"))
    if sets and all(s.probe is not None for s in sets):
        traces += _probe_traces(sets, [s.probe for s in sets], view, look)
    return figure(traces, _curves_layout(view, look))


def _grad_axis(view: CurvesView, look: Look) -> dict:
    """The f′ panel's y axis (its range follows t)."""
    return {**axis_style(look, "f′(x)"), "domain": [0, 0.465], "anchor": "x",
            "range": list(view.grad_range)}


def f_alone(sets: Sequence[CurveSet], x_range: tuple[float, float], look: Look) -> go.Figure:
    """f(x) of the chosen functions alone, on one panel as tall as the f / f′ chart: no f′, no
    saturated shading, no tangent (a question asks about f′ before its reveal); the probe is
    the point (x₀, f(x₀)) on each curve, its value written beside it."""
    view = curves_view(sets, 0.0, x_range)
    traces = [line_trace(f32(s.x), f32(s.f), s.name, i, look, legendgroup=s.name,
                         markers_every=8) for i, s in enumerate(sets)]
    for i, s in enumerate(sets):
        if s.probe is not None:
            color = series_style(i, look)["color"]
            traces.append(dict(type="scatter", x=[s.probe.x], y=[_value(s.probe.f)],
                               mode="markers+text", text=[f"f = {fmt(s.probe.f)}"],
                               textposition=SIDES[i % len(SIDES)], cliponaxis=False,
                               textfont=dict(color=color, size=look.font - 2),
                               marker=dict(color=color, size=look.marker + 6,
                                           symbol="circle-open", line=dict(width=3)),
                               showlegend=False, hoverinfo="skip"))
    layout = layout_style(look, height=look.main_height)
    layout["margin"] = {**layout["margin"], "l": _left(look)}
    layout["xaxis"] = {**axis_style(look, "x"), "range": list(view.x_range)}
    layout["yaxis"] = {**axis_style(look, "f(x)"), "range": list(view.f_range)}
    return figure(traces, layout)


def _curves_layout(view: CurvesView, look: Look) -> dict:
    """The f / f′ chart's layout: two panels on one x axis, the strips' bars overlaid."""
    layout = layout_style(look, height=look.main_height)  # the page's main picture
    layout["margin"] = {**layout["margin"], "l": _left(look)}
    layout["xaxis"] = {**axis_style(look, "x"), "range": list(view.x_range), "anchor": "y2"}
    layout["yaxis"] = {**axis_style(look, "f(x)"), "range": list(view.f_range),
                       "domain": [0.535, 1]}
    layout["yaxis2"] = _grad_axis(view, look)
    layout["barmode"] = "overlay"
    layout["bargap"] = 0
    return layout


# ----------------------------------------------------------------------------- scrub frames
def _pick(traces: Sequence[dict], first: int, keys: Sequence[Sequence[str]]) -> dict:
    """A frame's trace part: traces first, first + 1, … and of each the attributes keys[k]."""
    return {"traces": list(range(first, first + len(keys))),
            "data": [{k: tr[k] for k in ks} for tr, ks in zip(traces, keys)]}


BAND_KEYS = (("x", "base", "y", "width"), ("x", "base", "y", "width"), ("x", "y"))
PROBE_KEYS = (("x",), ("x",))
MARK_KEYS = (("x", "y"), ("x", "y", "text"), ("x", "y", "text"))


def probe_frames(sets: Sequence[CurveSet], grid: Sequence[Sequence[Probe]], threshold: float,
                 x_range: tuple[float, float], look: Look) -> list[dict]:
    """Scrub frames of the probe x₀: frame j moves the probe to grid[j] (one Probe per
    activation, from core.saturation.probes): the vertical line, the tangents, the markers and
    their values, exactly as :func:`curves` draws them with these probes."""
    view = curves_view(sets, threshold, x_range)
    first = 3 * len(sets) + 2 + 2 * len(sets)
    keys = PROBE_KEYS + MARK_KEYS * len(sets)
    return [{**_pick(_probe_traces(sets, probes, view, look), first, keys), "layout": {}}
            for probes in grid]


def threshold_frames(sets: Sequence[CurveSet], grid: Sequence[Sequence[list]],
                     thresholds: Sequence[float], x_range: tuple[float, float], look: Look
                     ) -> list[dict]:
    """Scrub frames of the threshold t: frame j shades the intervals grid[j] (one list per
    activation, from core.saturation.saturated_intervals_grid) for thresholds[j], moves the
    line at t and its label and the f′ panel's range (and the probe's line across it)."""
    out = []
    n = len(sets)
    probe = sets and all(s.probe is not None for s in sets)
    for thr, intervals in zip(thresholds, grid):
        view = curves_view(sets, thr, x_range)
        traces: list[dict] = []
        for i, s in enumerate(sets):
            traces += _band_traces(s, intervals[i], i, n, view, look)
        traces += _threshold_traces(view, look)
        keys = list(BAND_KEYS * n) + [("y",), ("y", "text")]
        frame = _pick(traces, 0, keys)
        if probe:  # the probe's line across the f′ panel spans its range
            frame["traces"].append(3 * n + 2 + 2 * n + 1)
            frame["data"].append({"y": list(view.grad_range)})
        out.append({**frame, "layout": {"yaxis2": _grad_axis(view, look)}})
    return out


SCRUB_BYTES = 170_000  # about the most each of the f / f′ chart's two scrubs sends
STRIDES = (1, 2, 4, 5, 10, 20, 25, 50, 100, 200, 500, 1000)


def scrub_bytes(scrub: Scrub) -> int:
    """Bytes of a scrub's grid and frames as the chart element sends them (ui.chart)."""
    return len(json.dumps(pack_scrub(scrub), separators=(",", ":")))


def keep_within(values: Sequence[float], index: int, step: float, per_frame: float,
                budget: int = SCRUB_BYTES) -> list[int]:
    """Indices of the grid values a scrub keeps to send about budget bytes at per_frame bytes a
    value: every s-th step counted from values[index] (the value shown now) for the smallest s
    of STRIDES that fits (all values when they fit). Counted from the value shown, the grid a
    release lands on is the grid the page draws next: the thumb stays where it was let go."""
    anchor = round(values[index] / step)
    for s in STRIDES:
        keep = [i for i, v in enumerate(values) if (round(v / step) - anchor) % s == 0]
        if per_frame * len(keep) <= budget:
            break
    return keep


def thin(scrub: Scrub, step: float, budget: int = SCRUB_BYTES) -> Scrub:
    """The scrub cut to fit in about budget bytes (:func:`keep_within`). Every value kept is one
    of the slider's own steps and keeps the frame computed for it: nothing is interpolated."""
    keep = keep_within(scrub.values, scrub.index, step,
                       scrub_bytes(scrub) / len(scrub.values), budget)
    if len(keep) == len(scrub.values):
        return scrub
    return Scrub(scrub.control, tuple(scrub.values[i] for i in keep), keep.index(scrub.index),
                 tuple(scrub.frames[i] for i in keep), scrub.label,
                 tuple(scrub.texts[i] for i in keep) if scrub.texts else (), scrub.disabled)


def curves_scrubs(sets: Sequence[CurveSet], x_range: tuple[float, float], look: Look,
                  probe: tuple, threshold: tuple) -> list[Scrub]:
    """The f / f′ chart's two scrubs: the probe x₀ and the threshold t. probe =
    (control, grid, index, per-activation Probes over grid, step, label) and threshold =
    (control, grid, index, per-activation interval lists over grid, step, label), computed by
    core.saturation (probes, saturated_intervals_grid); sets hold the values at the indices."""
    p_key, xs, ix, probes, x_step, p_label = probe
    t_key, ts, it, intervals, t_step, t_label = threshold
    scrubs = []
    if sets and all(s.probe is not None for s in sets):
        frames = probe_frames(sets, [[p.at(j) for p in probes] for j in range(len(xs))],
                              float(ts[it]), x_range, look)
        scrubs.append(thin(Scrub(p_key, tuple(xs), ix, tuple(frames), p_label,
                                 tuple(map(fmt, xs))), x_step))
    frames = threshold_frames(sets, [[iv[j] for iv in intervals] for j in range(len(ts))], ts,
                              x_range, look)
    scrubs.append(thin(Scrub(t_key, tuple(ts), it, tuple(frames), t_label, tuple(map(fmt, ts))),
                       t_step))
    return scrubs


def _f_range(values: Sequence[np.ndarray]) -> tuple[float, float]:
    """y range of the f chart: the curves' span with 8 % padding (tangents may leave it)."""
    finite = [v[np.isfinite(v)] for v in map(np.asarray, values)]  # a formula may have gaps
    finite = [v for v in finite if v.size] or [np.array([-1.0, 1.0])]
    lo = min(float(np.min(v)) for v in finite)
    hi = max(float(np.max(v)) for v in finite)
    pad = 0.08 * max(hi - lo, 1e-9)
    return lo - pad, hi + pad


def _all_markers(trace: dict) -> dict:
    """Show a marker on every point (per-layer charts have few points)."""
    trace["marker"]["maxdisplayed"] = 0
    return trace


def _layout(look: Look, x_key: str, y_key: str, height: int, y_axis: dict | None = None,
            hovermode: str = "closest", **extra) -> dict:
    """The shared layout with this page's left margin and titled axes (from the locale keys
    x_key, y_key); y_axis entries are merged into the y axis."""
    layout = styled_layout(look, x_title=t(x_key), y_title=t(y_key), height=look.height(height),
                           hovermode=hovermode, margin=dict(l=_left(look)), **extra)
    layout["yaxis"] = merge(layout["yaxis"], y_axis or {})
    return layout


SHARE_AXIS = dict(range=[-0.03, 1.03], tickformat=".0%")  # a share from 0 % to 100 %


def _left(look: Look) -> int:
    """Left margin in px that keeps the y-axis title clear of the tick labels."""
    return 100 if look.classroom else 85


def _positive(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Only the points with y > 0 (and finite): what a log axis can show. float64 is kept so
    tiny values such as 1e-80 do not underflow to 0."""
    keep = np.isfinite(y) & (y > 0)
    return np.asarray(x)[keep], np.asarray(y, dtype=np.float64)[keep]


def depth_chart(series: Sequence[tuple[str, np.ndarray]], look: Look) -> go.Figure:
    """(max|f'|)^L against L = 0, 1, … on a log axis, one line per activation; zeros left out."""
    traces = []
    for i, (name, f) in enumerate(series):
        L, y = _positive(np.arange(len(f)), f)
        traces.append(line_trace(L, y, name, i, look, markers_every=10,
                                 hovertemplate="L = %{x}<br>%{y:.3e}"))
    y_axis = log_axis([_positive(np.arange(len(f)), f)[1] for _, f in series])
    return figure(traces, _layout(look, "saturation.fig.depth_x", "saturation.fig.depth_y", 400,
                                  y_axis))


def preact_chart(res: DeepMLPResult, look: Look,
                 flat_zones: Sequence[tuple[float, float]] = ()) -> go.Figure:
    """Per-layer distribution of the summed inputs z: quantile bands, the median and the mean;
    flat_zones (z intervals where the activation is saturated) are hatched in grey."""
    layers = np.arange(1, res.depth + 1)
    q = res.preact_quantiles
    levels = [round(float(v), 4) for v in res.quantile_levels]
    color = look.color(0)
    hover = t("saturation.fig.layer") + " %{x}<br>%{y:.4g}<extra></extra>"
    traces = []
    for lo, hi, alpha in ((0.01, 0.99, 0.14), (0.05, 0.95, 0.24), (0.25, 0.75, 0.4)):
        i_lo, i_hi = levels.index(lo), levels.index(hi)
        name = t("saturation.fig.band", lo=round(lo * 100), hi=round(hi * 100))
        traces.append(dict(type="scatter", x=layers, y=f32(q[:, i_hi]), mode="lines",
                           line=dict(width=0), showlegend=False, hoverinfo="skip",
                           legendgroup=name))
        traces.append(dict(type="scatter", x=layers, y=f32(q[:, i_lo]), mode="lines",
                           line=dict(width=0), fill="tonexty", fillcolor=_rgba(color, alpha),
                           name=name, hoverinfo="skip", legendgroup=name))
    traces.append(dict(type="scatter", x=layers, y=f32(q[:, levels.index(0.5)]),
                       mode="lines+markers", name=t("saturation.fig.median"),
                       line=dict(color=color, width=look.line),
                       marker=dict(size=look.marker - 2, color=color), hovertemplate=hover))
    traces.append(dict(type="scatter", x=layers, y=f32(res.preact_mean), mode="lines+markers",
                       name=t("saturation.fig.mean"),
                       line=dict(color=look.color(1), width=max(2.0, look.line - 1), dash="dash"),
                       marker=dict(size=look.marker - 2, symbol="square", color=look.color(1)),
                       hovertemplate=hover))
    shapes = [dict(type="rect", xref="x domain", x0=0, x1=1, yref="y", y0=lo, y1=hi,
                   fillcolor=_rgba(look.color(GREY), 0.14), line=dict(width=0), layer="below")
              for lo, hi in flat_zones]
    if flat_zones:  # a legend entry for the grey zones
        traces.append(dict(type="scatter", x=[None], y=[None], mode="markers",
                           name=t("saturation.fig.flat"),
                           marker=dict(size=look.marker + 4, symbol="square",
                                       color=_rgba(look.color(GREY), 0.35))))
    return figure(traces, _layout(look, "saturation.fig.layer", "saturation.fig.z_axis", 400,
                                  shapes=shapes))


def shares_chart(res: DeepMLPResult, look: Look) -> go.Figure:
    """Saturated share (|f'| < t over samples × units) and dead share (units) per layer."""
    layers = np.arange(1, res.depth + 1)
    traces = [_all_markers(line_trace(layers, f32(arr), t(key), i, look, markers_every=1,
                                      hovertemplate="%{y:.1%}<extra></extra>"))
              for i, (arr, key) in enumerate(((res.saturated_share, "saturation.fig.saturated"),
                                              (res.dead_share, "saturation.fig.dead")))]
    return figure(traces, _layout(look, "saturation.fig.layer", "saturation.fig.share_y", 360,
                                  SHARE_AXIS, hovermode="x unified"))


def grad_chart(res: DeepMLPResult, look: Look) -> go.Figure:
    """‖∂L/∂W_l‖ and ‖∂L/∂z_l‖ per layer on a log axis (zeros left out)."""
    traces = []
    for i, (arr, key) in enumerate(((res.grad_norm_w, "saturation.fig.grad_w"),
                                    (res.grad_norm_z, "saturation.fig.grad_z"))):
        layers, y = _positive(np.arange(1, res.depth + 1), arr)
        traces.append(_all_markers(line_trace(layers, y, t(key), i, look, markers_every=1,
                                              hovertemplate="%{y:.3e}<extra></extra>")))
    return figure(traces, _layout(look, "saturation.fig.layer", "saturation.fig.grad_y", 360,
                                  log_axis([res.grad_norm_w, res.grad_norm_z]),
                                  hovermode="x unified"))


def bias_chart(shifts: np.ndarray, series: Sequence[tuple[str, np.ndarray]],
               look: Look) -> go.Figure:
    """Share of dead units against the bias shift b, one line per activation."""
    traces = [_all_markers(line_trace(f32(shifts), f32(y), name, i, look, markers_every=1,
                                      hovertemplate="b = %{x:.2f}<br>%{y:.1%}"))
              for i, (name, y) in enumerate(series)]
    return figure(traces, _layout(look, "saturation.fig.bias_x", "saturation.fig.dead_y", 380,
                                  SHARE_AXIS, hovermode="x unified"))
