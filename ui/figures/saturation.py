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

import math
from dataclasses import dataclass
from typing import Sequence

import numpy as np
import plotly.graph_objects as go

from core.saturation import DeepMLPResult, Probe
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


def _vline(x: float, row: int, line: dict) -> dict:
    """A vertical line across panel row (1: f, 2: f′) at x."""
    return dict(type="line", xref="x", yref=f"{_YREF[row]} domain", x0=x, x1=x, y0=0, y1=1,
                line=line)


def _bands(s: CurveSet, i: int, n: int, x_range: tuple[float, float], look: Look
           ) -> tuple[list[dict], list[dict]]:
    """(legend entry, shapes) of activation i's saturated intervals: a strip of its own in its
    colour on both panels (1/n of the height, so n activations' shadings never mix), the
    computed edges dotted on the f′ panel, and a legend entry that names the strip."""
    color = series_style(i, look)["color"]
    top, bottom = 1 - i / n, 1 - (i + 1) / n
    shapes = []
    for lo, hi in s.intervals:
        for row in (1, 2):
            shapes.append(dict(type="rect", xref="x", yref=f"{_YREF[row]} domain", x0=lo, x1=hi,
                               y0=bottom, y1=top, fillcolor=_rgba(color, SHADE_ALPHA),
                               line=dict(width=0), layer="below"))
        for edge in (lo, hi):  # the computed edges, on the f′ panel where t is drawn
            if x_range[0] < edge < x_range[1]:
                shapes.append(_vline(edge, 2, dict(color=color, width=1.5, dash="dot")))
    if not s.intervals:
        return [], shapes
    entry = dict(type="scatter", x=[None], y=[None], mode="markers", hoverinfo="skip",
                 name=t("saturation.fig.sat_band", name=s.name),
                 marker=dict(size=look.marker + 4, symbol="square",
                             color=_rgba(color, 2.5 * SHADE_ALPHA)))
    return [entry], shapes


def _probe_traces(sets: Sequence[CurveSet], look: Look) -> list[dict]:
    """The tangent line at the probe and the markers at (x₀, f(x₀)) and (x₀, f′(x₀))."""
    traces = []
    probes = [(i, s) for i, s in enumerate(sets) if s.probe is not None]
    for k, (i, s) in enumerate(probes):
        p = s.probe
        color = series_style(i, look)["color"]
        traces.append(dict(type="scatter", x=f32(p.tangent_x), y=f32(p.tangent_y), mode="lines",
                           line=dict(color=color, width=max(2.0, look.line - 1), dash="dash"),
                           name=t("saturation.fig.tangent"), legendgroup="tangent",
                           showlegend=k == 0, hoverinfo="skip"))
        for row, val in ((1, p.f), (2, p.grad)):
            traces.append(dict(type="scatter", x=[p.x], y=[val if math.isfinite(val) else None],
                               mode="markers", yaxis=_YREF[row],
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
    probe adds a vertical line, markers at (x₀, f(x₀)) and (x₀, f'(x₀)) and the tangent line
    on the f chart.
    """
    traces: list[dict] = []
    entries: list[dict] = []
    shapes: list[dict] = []
    for i, s in enumerate(sets):
        traces.append(line_trace(f32(s.x), f32(s.f), s.name, i, look, legendgroup=s.name,
                                 markers_every=8))
        traces.append(line_trace(f32(s.x), f32(s.grad), s.name + "′", i, look,
                                 legendgroup=s.name, markers_every=8, showlegend=False,
                                 yaxis="y2"))
        entry, strip = _bands(s, i, len(sets), x_range, look)
        entries += entry
        shapes += strip
    shapes.append(dict(type="line", xref="x domain", yref="y2", x0=0, x1=1, y0=threshold,
                       y1=threshold, line=dict(color=look.color(GREY), width=2, dash="dot")))
    probe = next((s.probe for s in sets if s.probe is not None), None)
    if probe is not None:
        shapes += [_vline(probe.x, row, dict(color=look.color(GREY), width=2)) for row in (1, 2)]
    # the legend entries of the strips come last: the probe's one-point markers keep their place
    return figure(traces + _probe_traces(sets, look) + entries,
                  _curves_layout(sets, threshold, x_range, look, shapes))


def _curves_layout(sets: Sequence[CurveSet], threshold: float, x_range: tuple[float, float],
                   look: Look, shapes: list[dict]) -> dict:
    """The f / f′ chart's layout: two panels on one x axis, t named at the end of its line."""
    y_lo, y_hi = _f_range([s.f for s in sets])
    layout = layout_style(look, height=look.main_height)  # the page's main picture
    layout["margin"] = {**layout["margin"], "l": _left(look)}
    layout["xaxis"] = {**axis_style(look, "x"), "range": list(x_range), "anchor": "y2"}
    layout["yaxis"] = {**axis_style(look, "f(x)"), "range": [y_lo, y_hi], "domain": [0.535, 1]}
    layout["yaxis2"] = {**axis_style(look, "f′(x)"), "domain": [0, 0.465], "anchor": "x"}
    layout["shapes"] = shapes
    layout["annotations"] = [dict(text=f"t = {fmt(threshold)}", xref="x domain", yref="y2", x=1,
                                  y=threshold, xanchor="right", yanchor="bottom",
                                  showarrow=False, font=dict(size=look.font - 2))]
    return layout


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
