"""Figures of the learning-rate page: the loss curve with its iterates (scrubbed over lr), the
contour map with optimiser paths, per-iteration charts, side-by-side learning rates and the
learning-rate axis with the stable band.  Runs in, Plotly figures out: the numbers come from
``core.descent`` (which never lets inf/NaN out); here only views, styles and subsampling.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import plotly.graph_objects as go

from core import descent as d
from ui.format import f32 as _f32
from ui.format import fmt, log_axis
from ui.i18n import t
from ui.theme import (Look, axis_style, domain, figure, merge, series_style,
                      styled_layout)

GAP_FLOOR = d.GAP_FLOOR  # a loss gap of exactly 0 is drawn at this height on the log axis
MAX_LABELS = 25       # at most this many iterate numbers written on a curve
MAX_FRAMES_2D = 30    # the contour view plays at most this many steps (3 paths per frame)
CURVE_POINTS = 160
# the loss curve is the page's main picture: beside its controls it reaches the bottom of a
# 1280×720 screen (≥ 35 % of it, issue #12); in classroom mode it spans the width and its
# x axis still ends on the first screen (≥ 60 % of it)
LOSS_HEIGHT = 600
LOSS_HEIGHT_CLASSROOM = 520
# each regime's colour: its index in the theme's palette (green, blue, orange, vermillion, purple)
REGIME_COLOR_INDEX = {d.MONOTONE: 2, d.OSCILLATING: 0, d.CYCLE: 3, d.DIVERGES: 1, d.TOO_SLOW: 4}
GREY = 7              # the theme palette's grey: loss curves and contour lines
PLAY_MARGIN = 100     # px under the plot area: tick labels, the axis title and the ▶/❚❚ buttons
METHOD_INDEX = {"gd": 0, "momentum": 1, "adam": 2}
AXIS_TOP = 1.15       # lr-axis chart: y range [0, AXIS_TOP] (data units)
MARKER_Y = 0.62       # the current-lr triangle (its label is written above it)
LINE_TOP = 0.56       # the 1/L and 2/L dashed lines end here, just below the triangle


def _upto(run: d.DescentRun, upto: int | None) -> int:
    """Index of the last iterate shown (all when upto is None)."""
    return run.n if upto is None else max(0, min(int(upto), run.n))


def view_1d(loss: d.Loss1D, xs: np.ndarray) -> tuple[float, float]:
    """x range of a loss chart: the preset view, widened to the iterates by at most its width."""
    lo, hi = loss.view
    width = hi - lo
    lo2 = min(lo, max(float(np.min(xs)), lo - width))
    hi2 = max(hi, min(float(np.max(xs)), hi + width))
    pad = 0.03 * (hi2 - lo2)
    return lo2 - pad, hi2 + pad


def loss_view(run: d.DescentRun) -> tuple[float, float]:
    """x range of the loss chart: the preset view widened to the start (not to the later
    iterates, so that the view stays put while the learning rate is scrubbed and a zoom is
    kept; iterates that leave it are counted under the chart, :func:`outside`)."""
    return view_1d(d.get(run.loss_id), run.iterates[:1])


@dataclass(frozen=True)
class Outside:
    """Iterates of a 1-D run that fall outside the loss chart: how many and the farthest x."""

    count: int
    farthest: float


def outside(run: d.DescentRun, upto: int | None = None) -> Outside:
    """Which shown iterates the loss chart cannot show."""
    xs = run.iterates[: _upto(run, upto) + 1]
    lo, hi = loss_view(run)
    out = xs[(xs < lo) | (xs > hi)]
    far = float(out[np.argmax(np.abs(out))]) if len(out) else 0.0
    return Outside(int(len(out)), far)


def _labels(xs: np.ndarray, width: float) -> list[str]:
    """Iterate numbers, written only where they do not sit on an earlier label: an iterate
    gets its number if it is more than 2.5 % of the chart width from every labelled one
    (at most MAX_LABELS numbers)."""
    placed: list[float] = []
    out = []
    for i, x in enumerate(np.asarray(xs, dtype=float)):
        free = all(abs(x - p) > 0.025 * width for p in placed)
        if free and len(placed) < MAX_LABELS:
            placed.append(float(x))
            out.append(str(i))
        else:
            out.append("")
    return out


def _scatter(**kw) -> dict:
    """A scatter trace as a plain dict (validated once, when the figure is built)."""
    return dict(type="scatter", **kw)


def _wide_curve(loss: d.Loss1D, look: Look) -> dict:
    """The loss curve over the widest view any run can get (the preset view widened by its
    width on each side, with the padding): one trace for every learning rate, the axes'
    ranges choose what shows."""
    lo, hi = loss.view
    width = 1.1 * (hi - lo)
    gx, gf = d.curve(loss, lo - width, hi + width, 3 * CURVE_POINTS + 1)
    return _scatter(x=_f32(gx), y=_f32(gf), mode="lines", name=t("descent.fig.loss_curve"),
                    line=dict(color=look.color(GREY), width=look.line), hoverinfo="skip")


def _path_traces(run: d.DescentRun, k: int, look: Look) -> list[dict]:
    """The iterates x_0 … x_k joined (hover names k), their numbers where they do not crowd
    (a text trace of at most MAX_LABELS points), the start as a big ring and x_k as a big
    star (each left empty when outside the view)."""
    xs, fs = run.iterates[: k + 1], run.losses[: k + 1]
    lo, hi = loss_view(run)
    inside = (xs >= lo) & (xs <= hi)
    last = bool(inside[-1] and k > 0)
    labels = _labels(xs, hi - lo)
    shown = np.array([i for i, text in enumerate(labels) if text], dtype=int)
    edge = hi - 0.1 * (hi - lo)
    return [
        _scatter(x=_f32(xs), y=_f32(fs), mode="lines+markers", name=t("descent.fig.iterates"),
                 line=dict(color=look.color(1), width=max(2.0, look.line / 2)),
                 marker=dict(size=look.marker, color=look.color(1), symbol="circle",
                             line=dict(color=look.background, width=1)),
                 hovertemplate="k=%{pointNumber}<br>x=%{x:.6g}<br>f=%{y:.6g}<extra></extra>"),
        _scatter(x=_f32(xs[shown]), y=_f32(fs[shown]), mode="text", showlegend=False,
                 text=[labels[i] for i in shown], hoverinfo="skip",
                 textposition=["top left" if xs[i] > edge else "top right" for i in shown],
                 textfont=dict(size=look.font - 3, color=look.color(1))),
        _scatter(x=_f32(xs[:1]) if inside[0] else [], y=_f32(fs[:1]) if inside[0] else [],
                 mode="markers", name=t("descent.fig.start"),
                 marker=dict(size=look.marker + 12, color=look.color(0), symbol="circle-open",
                             line=dict(color=look.color(0), width=4)), hoverinfo="skip"),
        _scatter(x=_f32(xs[-1:]) if last else [], y=_f32(fs[-1:]) if last else [],
                 mode="markers", name=t("descent.fig.last", k=k),
                 marker=dict(size=look.marker + 12, color=look.color(2), symbol="star",
                             line=dict(color=look.text, width=1)), hoverinfo="skip"),
    ]


def _view_keys(run: d.DescentRun, k: int, badge: str, look: Look) -> dict:
    """The view (the same for every learning rate) and what moves in the layout with the
    learning rate: the title naming lr and the regime in the regime's colour (plotly.js
    attribute paths)."""
    loss = d.get(run.loss_id)
    lo, hi = loss_view(run)
    _, gf = d.curve(loss, lo, hi, CURVE_POINTS)
    y_lo, y_hi = float(np.min(gf)), float(np.max(gf))
    pad = 0.08 * (y_hi - y_lo)
    return {"xaxis.range": [lo, hi], "yaxis.range": [y_lo - pad, y_hi + pad],
            "title.text": badge, "title.font.color": regime_color(run.regime, look)}


def loss_curve(run: d.DescentRun, look: Look, upto: int | None = None,
               badge: str = "") -> go.Figure:
    """1-D: the loss curve and the iterates x_0 … x_k on it (numbered, joined); the start is a
    big ring, the last shown iterate a big star, minima dotted; the title (``badge``: lr and
    the regime, from the page's sentences) in the regime's colour. Trace order (the scrub
    frames rely on it): the curve, the iterates, their numbers, the start, the last."""
    loss = d.get(run.loss_id)
    k = _upto(run, upto)
    keys = _view_keys(run, k, badge, look)
    layout = styled_layout(
        look, x_title="x", y_title="f(x)", hovermode="closest",
        height=LOSS_HEIGHT_CLASSROOM if look.classroom else LOSS_HEIGHT,
        shapes=[_vline(m, look.color(2), "dot", 2) for m in loss.minimizers],
        xaxis=dict(range=keys["xaxis.range"]), yaxis=dict(range=keys["yaxis.range"]),
        margin=dict(t=2 * look.font + 44))   # the title's line, then the legend's row
    layout["title"] = dict(text=badge, x=0.01, xanchor="left", y=0.98, yanchor="top",
                           font=dict(size=look.font, color=keys["title.font.color"]))
    return figure([_wide_curve(loss, look), *_path_traces(run, k, look)], layout)


PATH_KEYS = (("x", "y"), ("x", "y", "text", "textposition"), ("x", "y"), ("x", "y", "name"))


def step_shown(k: int, n: int, n_other: int) -> int:
    """The step another run shows when the step slider stands at k of this run's n: the
    other's last step when the slider is at the end, else k (at most the other's last)."""
    return n_other if k >= n else min(k, n_other)


def loss_frames(runs: list[d.DescentRun], k: int, n: int, badges: list[str],
                look: Look) -> list[dict]:
    """Scrub frames of the learning rate: frame j shows runs[j] (one run per lr of the grid,
    core.descent.run_grid) at its step :func:`step_shown`, as :func:`loss_curve` draws it."""
    frames = []
    for run, badge in zip(runs, badges):
        kj = step_shown(k, n, run.n)
        traces = _path_traces(run, kj, look)
        frames.append({"traces": [1, 2, 3, 4],
                       "data": [{a: tr[a] for a in keys} for tr, keys in zip(traces, PATH_KEYS)],
                       "layout": {key: value for key, value in _view_keys(run, kj, badge, look)
                                  .items() if key.startswith("title.")}})
    return frames


def _play_menus(look: Look) -> list[dict]:
    """The ▶ / ❚❚ buttons of an animated figure: under the plot area at its right end, below
    the tick labels (off the data, the minimum's line and the centred axis title)."""
    return [dict(
        type="buttons", showactive=False, x=1, y=0, xanchor="right", yanchor="top",
        pad=dict(t=look.font + 14), direction="left", font=dict(size=look.font - 2),
        buttons=[dict(label=t("descent.fig.play"), method="animate",
                      args=[None, dict(frame=dict(duration=350, redraw=False),
                                       transition=dict(duration=0), fromcurrent=False,
                                       mode="immediate")]),
                 dict(label=t("descent.fig.pause"), method="animate",
                      args=[[None], dict(frame=dict(duration=0, redraw=False),
                                         mode="immediate")])])]


def _vline(x: float, color: str, dash: str, width: float) -> dict:
    """A full-height vertical line shape at data x (one dict: cheaper than add_vline)."""
    return dict(type="line", xref="x", yref="paper", x0=x, x1=x, y0=0, y1=1,
                line=dict(color=color, dash=dash, width=width))


def regime_color(regime: str, look: Look) -> str:
    """A regime's colour in the look's theme palette."""
    return look.color(REGIME_COLOR_INDEX[regime])


def _marker_sizes(n: int, i: int, of: int, size: int) -> list[int] | int:
    """Marker sizes of a long line with n points: about 12 markers, series i of `of` placed
    between the others' (lines that lie on top of each other still show every series)."""
    if n <= 61:
        return size
    stride = math.ceil(n / 12)
    offset = (i * stride) // max(1, of)
    return [size if (k - offset) % stride == 0 else 0 for k in range(n)]


def _series(x, y, name: str, i: int, look: Look, hover: str, of: int = 0, **where) -> dict:
    """A styled line for series i: markers on every point when short; on a long line none, or
    staggered markers when it is one of `of` > 0 lines drawn together."""
    style = series_style(i, look)
    marked = len(x) <= 61 or of > 0
    return _scatter(
        x=_f32(x), y=_f32(y), name=name, mode="lines+markers" if marked else "lines",
        line=dict(color=style["color"], width=look.line, dash=style["dash"]),
        marker=dict(symbol=style["symbol"], color=style["color"],
                    size=_marker_sizes(len(x), i, of, look.marker - 2)),
        hovertemplate=hover + "<extra>" + name + "</extra>", **where)


def per_step(run: d.DescentRun, look: Look, upto: int | None = None) -> go.Figure:
    """One run, two panels: f(x_k) − f(x*) on a log axis (0 drawn at GAP_FLOOR) and x_k,
    both against k (one chart, so the browser draws one plot per step change; the two
    panels are laid out by hand as x/y and x2/y2)."""
    k = _upto(run, upto)
    gap = np.maximum(d.loss_gap(run)[: k + 1], GAP_FLOOR)
    steps = np.arange(k + 1)
    xs = run.iterates[: k + 1]
    data = [_series(steps, gap, "f − f*", 0, look, "k=%{x}<br>%{y:.3g}"),
            _series(steps, xs, "x", 0, look, "k=%{x}<br>x=%{y:.6g}", xaxis="x2", yaxis="y2")]
    lo, hi = view_1d(d.get(run.loss_id), xs)
    iteration = t("descent.fig.iteration")
    layout = styled_layout(
        look, height=look.height(360), legend=False, hovermode="closest", margin=dict(t=50),
        xaxis=dict(domain=[0.0, 0.44], title=dict(text=iteration)),
        xaxis2={**axis_style(look, iteration), "domain": [0.56, 1.0], "anchor": "y2"},
        yaxis=merge(dict(title=dict(text=t("descent.fig.gap_axis"))), log_axis([gap])),
        yaxis2={**axis_style(look, "x"), "anchor": "x2", "range": [lo, hi]},
        shapes=[dict(type="line", xref="x2 domain", yref="y2", x0=0, x1=1,
                     y0=float(run.target), y1=float(run.target),
                     line=dict(color=look.color(2), dash="dot", width=2))],
        annotations=[dict(x=x, y=1.02, xref="paper", yref="paper", xanchor="center",
                          yanchor="bottom", showarrow=False, text=text,
                          font=dict(size=look.font))
                     for x, text in ((0.22, t("descent.gap_title")),
                                     (0.78, t("descent.x_title")))])
    return figure(data, layout)


def distance_per_step(runs: list[d.DescentRun], names: list[str], look: Look,
                      upto: int | None = None) -> go.Figure:
    """‖x_k − x*‖ against k on a log axis, one line per run."""
    data, shown = [], []
    for i, (run, name) in enumerate(zip(runs, names)):
        k = _upto(run, upto)
        dist = np.maximum(d.distance(run)[: k + 1], GAP_FLOOR)
        shown.append(dist)
        data.append(_series(np.arange(k + 1), dist, name, i, look, "k=%{x}<br>%{y:.3g}",
                            of=len(runs)))
    layout = styled_layout(look, x_title=t("descent.fig.iteration"),
                           y_title=t("descent.fig.dist_axis"), height=look.height(360),
                           hovermode="closest", yaxis=log_axis(shown))
    return figure(data, layout)


def side_by_side(runs: list[d.DescentRun], titles: list[str], look: Look,
                 cols: int = 3) -> go.Figure:
    """Small loss-curve panels, one per learning rate (a grid of cols columns laid out by hand:
    axis domains and a title annotation per panel). Run i has series i's colour, dash and
    marker, as in the distance chart beside it, so no two runs look alike."""
    n = len(runs)
    cols = min(cols, n)
    rows = math.ceil(n / cols)
    hgap, vgap = 0.05, (0.22 if rows > 1 else 0.1) / rows
    width, height = (1 - hgap * (cols - 1)) / cols, (1 - vgap * (rows - 1)) / rows
    data: list[dict] = []
    layout = styled_layout(look, height=look.height(280) * rows + 40, legend=False,
                           hovermode="closest", margin=dict(t=60, b=30))
    notes = []
    for i, run in enumerate(runs):
        r, c = divmod(i, cols)
        x_lo, y_top = c * (width + hgap), 1 - r * (height + vgap)
        sx = "" if i == 0 else str(i + 1)
        traces, (x_range, y_range) = _panel(run, i, look)
        data += [dict(tr, xaxis=f"x{sx}", yaxis=f"y{sx}") for tr in traces]
        layout[f"xaxis{sx}"] = {**axis_style(look), "domain": domain(x_lo, x_lo + width),
                                "anchor": f"y{sx}", "range": x_range}
        layout[f"yaxis{sx}"] = {**axis_style(look), "domain": domain(y_top - height, y_top),
                                "anchor": f"x{sx}", "range": y_range}
        notes.append(dict(text=titles[i], x=x_lo + width / 2, y=y_top, xref="paper",
                          yref="paper", xanchor="center", yanchor="bottom", showarrow=False,
                          font=dict(size=look.font - 2, color=series_style(i, look)["color"])))
    layout["annotations"] = notes
    return figure(data, layout)


def _panel(run: d.DescentRun, i: int, look: Look) -> tuple[list[dict], tuple[list, list]]:
    """One side-by-side panel: the loss curve, run i's iterates in series i's style and the
    start ring; and the panel's x and y ranges."""
    loss = d.get(run.loss_id)
    lo, hi = view_1d(loss, run.iterates)
    gx, gf = d.curve(loss, lo, hi, 120)
    y_lo, y_hi = float(np.min(gf)), float(np.max(gf))
    pad = 0.08 * (y_hi - y_lo)
    xs, fs = run.iterates, run.losses
    style = series_style(i, look)
    traces = [
        _scatter(x=_f32(gx), y=_f32(gf), mode="lines", showlegend=False,
                 line=dict(color=look.color(GREY), width=2), hoverinfo="skip"),
        _scatter(x=_f32(xs), y=_f32(fs), mode="lines+markers", showlegend=False,
                 line=dict(color=style["color"], width=max(2.0, look.line / 2),
                           dash=style["dash"]),
                 marker=dict(size=look.marker - 2, color=style["color"],
                             symbol=style["symbol"]),
                 customdata=np.arange(len(xs)),
                 hovertemplate="k=%{customdata}<br>x=%{x:.5g}<extra></extra>"),
        _scatter(x=_f32(xs[:1]), y=_f32(fs[:1]), mode="markers", showlegend=False,
                 hoverinfo="skip", marker=dict(size=look.marker + 4, symbol="circle-open",
                                               color=look.text, line=dict(width=3))),
    ]
    return traces, ([lo, hi], [y_lo - pad, y_hi + pad])


def lr_axis(band: d.StableBand, lr: float, look: Look, others: list[float] | None = None,
            bare: bool = False) -> go.Figure:
    """A log learning-rate axis LR_MIN … LR_MAX: monotone band (0, 1/L), oscillating band
    (1/L, 2/L), diverging region above 2/L; 1/L, 2/L and the current lr marked. ``bare``: the
    axis and the current lr only (no band, no 1/L or 2/L, no compared lrs), for a question
    that asks where the bands end before its reveal."""
    lo, hi = d.LR_MIN, d.LR_MAX
    one, two = band.one_step, band.upper
    data, shapes, notes = [], [], []
    regions = [] if bare else [(lo, min(one, hi), d.MONOTONE),
                               (min(one, hi), min(two, hi), d.OSCILLATING),
                               (min(two, hi), hi, d.DIVERGES)]
    for a, b, regime in regions:
        if b > a:
            shapes.append(dict(type="rect", xref="x", yref="paper", x0=a, x1=b, y0=0, y1=1,
                               fillcolor=regime_color(regime, look), opacity=0.25,
                               line=dict(width=0), layer="below"))
            data.append(_scatter(x=[None], y=[None], mode="markers",
                                 name=t(f"descent.band.{regime}"),
                                 marker=dict(symbol="square", size=look.marker + 4,
                                             color=regime_color(regime, look),
                                             opacity=0.5)))
    if not bare:
        _band_marks(band, look, shapes, notes)
    if others and not bare:
        data.append(_scatter(x=_f32(others), y=[0.45] * len(others), mode="markers",
                             showlegend=False, hovertemplate="lr=%{x:.4g}<extra></extra>",
                             marker=dict(symbol="line-ns", size=16,
                                         line=dict(width=2, color=look.text))))
    data.append(_scatter(x=[lr], y=[MARKER_Y], mode="markers+text", showlegend=False,
                         text=[f"lr = {fmt(lr, d.exact_digits(lr))}"],
                         textposition=_label_side(lr, lo, hi), cliponaxis=False,
                         textfont=dict(size=look.font),
                         marker=dict(symbol="triangle-down", size=look.marker + 8,
                                     color=look.text),
                         hovertemplate="lr=%{x:.4g}<extra></extra>"))
    ticks = [1e-4, 1e-3, 1e-2, 0.1, 1.0, 3.0]
    layout = styled_layout(
        look, x_title=t("descent.fig.lr_axis"), height=look.height(230), hovermode="closest",
        margin=dict(t=40, b=55), shapes=shapes, annotations=notes,
        xaxis=dict(type="log", range=[math.log10(lo), math.log10(hi)], showgrid=True,
                   tickvals=ticks, ticktext=[fmt(v) for v in ticks], fixedrange=True,
                   title=dict(standoff=12), automargin=True),
        yaxis=dict(visible=False, range=[0, AXIS_TOP], fixedrange=True))
    return figure(data, layout)


def _band_marks(band: d.StableBand, look: Look, shapes: list, notes: list) -> None:
    """1/L and 2/L on the lr axis: a dashed line each (ending below the current-lr marker, so
    the marker's label never sits on it) and its value written beside it."""
    for value, label, regime in ((band.one_step, "1/L", d.MONOTONE),
                                 (band.upper, "2/L", d.DIVERGES)):
        if d.LR_MIN <= value <= d.LR_MAX:
            line = _vline(value, regime_color(regime, look), "dash", 3)
            shapes.append({**line, "y1": LINE_TOP / AXIS_TOP})
            notes.append(dict(x=math.log10(value), y=0.02, yref="paper", yanchor="bottom",
                              text=f"{label} = {fmt(value, 4)}", showarrow=False,
                              xanchor="right" if label == "1/L" else "left",
                              xshift=-4 if label == "1/L" else 4,
                              font=dict(size=look.font - 3)))


def _label_side(lr: float, lo: float, hi: float) -> str:
    """Where the current-lr label goes: centred above the marker, or turned inwards in the
    outer tenth of the axis so it is not cut off at either end."""
    at = (math.log10(lr) - math.log10(lo)) / (math.log10(hi) - math.log10(lo))
    return "top right" if at < 0.1 else ("top left" if at > 0.9 else "top center")


def contour_paths(runs: list[d.DescentRun], names: list[str], look: Look,
                  upto: int | None = None) -> go.Figure:
    """2-D: contour lines of the loss and each run's path (start ring, last point star)."""
    loss = d.get(runs[0].loss_id)
    x0, x1, y0, y1 = loss.view
    gx, gy, z = d.surface(loss, 121, 81)
    paths: list[tuple[int, np.ndarray]] = []  # (trace index, shown iterates) for play
    data = [dict(type="contour", x=_f32(gx), y=_f32(gy), z=_f32(z), showscale=False,
                 contours=dict(coloring="lines", showlabels=False, start=0.5, end=80.5, size=4),
                 autocontour=False, line=dict(width=1.5),
                 colorscale=[[0, look.color(GREY)], [1, look.color(GREY)]],
                 hoverinfo="skip", name=t("descent.fig.contours"))]
    for run, name in zip(runs, names):
        i = METHOD_INDEX.get(run.method, 0)
        k = _upto(run, upto)
        pts = run.iterates[: k + 1]
        style = series_style(i, look)
        paths.append((len(data), pts))
        data.append(_scatter(
            x=_f32(pts[:, 0]), y=_f32(pts[:, 1]), name=name, mode="lines+markers",
            line=dict(color=style["color"], width=max(2.0, look.line - 1), dash=style["dash"]),
            marker=dict(symbol=style["symbol"], size=look.marker - 3, color=style["color"]),
            customdata=np.arange(k + 1),
            hovertemplate="k=%{customdata}<br>(%{x:.4g}, %{y:.4g})<extra>" + name + "</extra>"))
        star = _last_star(pts, k, (x0, x1, y0, y1))  # always a trace (the lr scrub's frames)
        data.append(_scatter(x=star["x"], y=star["y"], mode="markers",
                             showlegend=False, hoverinfo="skip",
                             marker=dict(symbol="star", size=look.marker + 8,
                                         color=style["color"],
                                         line=dict(color=look.text, width=1))))
    start = runs[0].iterates[0]
    data.append(_scatter(x=_f32(start[:1]), y=_f32(start[1:2]), mode="markers",
                         name=t("descent.fig.start"), hoverinfo="skip",
                         marker=dict(size=look.marker + 12, symbol="circle-open",
                                     color=look.color(0), line=dict(width=4))))
    data.append(_scatter(x=[loss.minimizer[0]], y=[loss.minimizer[1]], mode="markers",
                         name=t("descent.fig.minimum"), hoverinfo="skip",
                         marker=dict(size=look.marker + 6, symbol="x-thin",
                                     line=dict(width=4, color=look.color(2)))))
    frames = _play_2d(paths)
    layout = styled_layout(
        look, x_title="x", y_title="y", hovermode="closest",
        height=LOSS_HEIGHT_CLASSROOM if look.classroom else 520,
        margin=dict(b=PLAY_MARGIN) if frames else {},
        xaxis=dict(range=[x0, x1], constrain="domain"),
        yaxis=dict(range=[y0, y1], scaleanchor="x", scaleratio=1, constrain="domain"),
        updatemenus=_play_menus(look) if frames else [])
    return figure(data, layout, frames)


def _last_star(pts: np.ndarray, k: int, view) -> dict:
    """The star on the last iterate shown (none at the start or far outside the view)."""
    x0, x1, y0, y1 = view
    x, y = pts[-1]
    shown = k > 0 and 2 * x0 <= x <= 2 * x1 and 2 * y0 <= y <= 2 * y1
    return {"x": _f32(pts[-1:, 0]) if shown else [], "y": _f32(pts[-1:, 1]) if shown else []}


def contour_frames(grid: list[list[d.DescentRun]], k: int, n: int) -> list[dict]:
    """Scrub frames of the learning rate on the contour map: frame j shows grid[j] (the chosen
    optimisers' runs at one lr of the grid, core.descent.run_grid), each at the step the page
    shows after the release (:func:`step_shown` of the longest), as :func:`contour_paths`
    draws them: per run its path (trace 1 + 2i) and its star (trace 2 + 2i)."""
    frames = []
    for runs in grid:
        kj = step_shown(k, n, max(r.n for r in runs))
        view = d.get(runs[0].loss_id).view
        traces, data = [], []
        for i, run in enumerate(runs):
            m = _upto(run, kj)
            pts = run.iterates[: m + 1]
            traces += [1 + 2 * i, 2 + 2 * i]
            data += [{"x": _f32(pts[:, 0]), "y": _f32(pts[:, 1]), "customdata": np.arange(m + 1)},
                     _last_star(pts, m, view)]
        frames.append({"traces": traces, "data": data})
    return frames


def _play_2d(paths: list[tuple[int, np.ndarray]]) -> list[dict]:
    """Frames 0 … m, m = min(longest shown path, MAX_FRAMES_2D): every path grows one
    iterate per frame (a path that is shorter stays whole)."""
    m = min(max(len(p) - 1 for _, p in paths), MAX_FRAMES_2D) if paths else 0
    if m < 1:
        return []
    return [dict(name=str(j), traces=[i for i, _ in paths],
                 data=[_scatter(x=_f32(p[: j + 1, 0]), y=_f32(p[: j + 1, 1]))
                       for _, p in paths])
            for j in range(m + 1)]
