"""Figures of the small-network lab: loss curves, decision maps in a row, network diagrams.
Arrays and ready-made labels in, Plotly figures out: no maths."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import plotly.graph_objects as go

from ui.chart import Scrub
from ui.format import log_axis
from ui.theme import (MODEBAR_MARGIN, Look, axis_style, domain, figure, layout_style,
                      line_trace, merge, series_style, styled_layout)

MAX_POINTS = 200          # points per loss curve sent to the browser
F32_MAX = 1e38            # larger losses (a diverging run) are left out: float32 cannot hold them
LOSS_DECADES_BELOW = 6    # the loss axis reaches this many decades under the starting loss …
LOSS_DECADES_ABOVE = 2    # … and this many over it
CLASS_SYMBOLS = ("circle", "diamond")  # class 0 in the theme's first colour, class 1 its second


def map_scale(look: Look) -> list:
    """The decision maps' colours: class 0's colour (output 0) → the page background (0.5) →
    class 1's colour (output 1)."""
    return [[0.0, look.color(0)], [0.5, look.background], [1.0, look.color(1)]]


def _f32(a) -> np.ndarray:
    return np.asarray(a, dtype=np.float32)


def _thin(n: int) -> np.ndarray:
    """Indices of at most MAX_POINTS evenly spread samples of 0..n−1, first and last kept."""
    if n <= MAX_POINTS:
        return np.arange(n)
    return np.unique(np.linspace(0, n - 1, MAX_POINTS).round().astype(int))


def loss_range(losses: list[np.ndarray]) -> np.ndarray:
    """The losses worth a log axis: from LOSS_DECADES_BELOW decades under the highest starting
    loss up to LOSS_DECADES_ABOVE decades over it (a run that reaches 10⁻³⁶ or diverges towards
    10¹² would otherwise squeeze every curve into a few pixels); the axis ends there."""
    finite = [np.asarray(v, dtype=np.float64) for v in losses]
    finite = [v[np.isfinite(v) & (v > 0) & (v < F32_MAX)] for v in finite]
    finite = [v for v in finite if v.size]
    if not finite:
        return np.array([1.0])
    start = max(float(v[0]) for v in finite)
    lo, hi = start * 10.0 ** -LOSS_DECADES_BELOW, start * 10.0 ** LOSS_DECADES_ABOVE
    return np.clip(np.concatenate(finite), lo, hi)


def loss_figure(names: list[str], losses: list[np.ndarray], look: Look, x_title: str,
                y_title: str, most_labels: int = 8) -> go.Figure:
    """Loss per epoch for each network on a log axis (epochs counted from 1; only positive
    values below F32_MAX; long histories thinned to MAX_POINTS points), the axis clamped to
    loss_range, ticks at powers of ten."""
    traces = []
    for i, (name, loss) in enumerate(zip(names, losses)):
        loss = np.asarray(loss, dtype=np.float64)
        idx = _thin(loss.size)
        keep = idx[np.isfinite(loss[idx]) & (loss[idx] > 0) & (loss[idx] < F32_MAX)]
        traces.append(line_trace((keep + 1).astype(np.int32), _f32(loss[keep]), name, i, look,
                                 markers_every=10))
    layout = styled_layout(look, x_title=x_title, y_title=y_title, height=look.height(380))
    layout["yaxis"] = merge(layout["yaxis"], log_axis([loss_range(losses)], most_labels))
    layout["margin"] = {**layout["margin"], "l": 5 * look.font + 10}
    return figure(traces, layout)


@dataclass(frozen=True)
class MapPanel:
    """One decision map: title, grid axes xs, ys and the network output Z[i, j] at
    (xs[j], ys[i])."""

    title: str
    xs: np.ndarray
    ys: np.ndarray
    Z: np.ndarray


def _map_trace(p: MapPanel, c: int, k: int, ax: str, look: Look, scale_title: str,
               rows: tuple[float, float]) -> dict:
    """The contour of decision map c of k: output in % with two decimals, sent as uint16
    hundredths (half the bytes of float32), a line where it crosses 50 %."""
    pct = np.clip(np.nan_to_num(np.asarray(p.Z, dtype=np.float64), nan=0.5), 0, 1) * 1e4
    return dict(
        type="contour", x=_f32(p.xs), y=_f32(p.ys), z=np.round(pct).astype(np.uint16),
        zmin=0, zmax=1e4, colorscale=map_scale(look), showscale=(c == k - 1), ncontours=1,
        xaxis=f"x{ax}", yaxis=f"y{ax}",
        contours=dict(coloring="heatmap", start=5000, end=5000, size=1, showlines=True),
        line=dict(color=look.text, width=max(2.0, look.line - 1)),
        colorbar=dict(title=dict(text=scale_title, side="right"), thickness=14,
                      tickfont=dict(size=look.font - 4), tickvals=[0, 2500, 5000, 7500, 1e4],
                      ticktext=["0", "25", "50", "75", "100"],
                      y=rows[0], yanchor="bottom", len=rows[1] - rows[0], lenmode="fraction"),
        hovertemplate="(%{x:.2f}, %{y:.2f})<extra></extra>", name=p.title)


def _point_traces(X: np.ndarray, labels: np.ndarray, c: int, ax: str, look: Look,
                  class_names: tuple[str, str]) -> list[dict]:
    """The training points of both classes on map c (in the legend once)."""
    return [dict(type="scatter", x=_f32(X[labels == bool(cls)][:, 0]),
                 y=_f32(X[labels == bool(cls)][:, 1]), mode="markers", name=class_names[cls],
                 legendgroup=f"class{cls}", showlegend=(c == 0), xaxis=f"x{ax}",
                 yaxis=f"y{ax}", hoverinfo="skip",
                 marker=dict(color=look.color(cls), symbol=CLASS_SYMBOLS[cls],
                             size=max(6, look.marker - 3), line=dict(color=look.text, width=1)))
            for cls in (0, 1)]


def _map_axes(p: MapPanel, ax: str, lo: float, width: float, look: Look,
              rows: tuple[float, float], square: bool) -> dict:
    """The hidden x and y axes of one map (equal scales, bottom of its row, with square)."""
    hidden = dict(showticklabels=False, ticks="", showgrid=False, zeroline=False,
                  linecolor=look.grid)
    x = {**axis_style(look), "domain": [lo, lo + width], "anchor": f"y{ax}",
         "range": [float(p.xs[0]), float(p.xs[-1])], **hidden}
    y = {**axis_style(look), "domain": list(rows), "anchor": f"x{ax}",
         "range": [float(p.ys[0]), float(p.ys[-1])], **hidden}
    if square:
        x["constrain"] = "domain"
        y.update(scaleanchor=f"x{ax}", scaleratio=1, constrain="domain",
                 constraintoward="bottom")
    return {f"xaxis{ax}": x, f"yaxis{ax}": y}


def _map_parts(panels: list[MapPanel], X: np.ndarray, y: np.ndarray, look: Look,
               scale_title: str, class_names: tuple[str, str], first: int = 1,
               rows: tuple[float, float] = (0.0, 1.0), square: bool = False,
               title_size: int | None = None) -> tuple[list[dict], dict, list[dict]]:
    """(traces, axis layout, title annotations) of decision maps side by side on the axes
    numbered first, first + 1, … and drawn in the paper rows [rows[0], rows[1]] (with square,
    each map keeps equal scales, sits at the bottom of its row and, unless in classroom mode
    (wide), has its title on two lines: name, then the rest)."""
    k = len(panels)
    gap = 0.02
    width = (1 - gap * (k - 1)) / k
    labels = np.asarray(y).reshape(-1) > 0.5
    traces, layout, titles = [], {}, []
    for c, p in enumerate(panels):
        ax = "" if c + first == 1 else str(c + first)
        traces.append(_map_trace(p, c, k, ax, look, scale_title, rows))
        traces += _point_traces(X, labels, c, ax, look, class_names)
        layout.update(_map_axes(p, ax, c * (width + gap), width, look, rows, square))
        # on the map's own axes: the title stays on top of the map wherever the scale puts it
        text = p.title.replace(" · ", "<br>", 1) if square and not look.classroom else p.title
        titles.append(dict(text=text, x=0.5, y=1, xref=f"x{ax} domain",
                           yref=f"y{ax} domain", xanchor="center", yanchor="bottom",
                           showarrow=False,
                           font=dict(size=title_size or look.font - 1, color=look.text)))
    return traces, layout, titles


def boundary_figure(panels: list[MapPanel], X: np.ndarray, y: np.ndarray, look: Look,
                    scale_title: str, class_names: tuple[str, str]) -> go.Figure:
    """Decision maps side by side: colour = network output (map_scale: class 0's colour → background at
    0.5 → class 1's colour),
    a black line where the output crosses 0.5, and the training points of both classes.
    The layout is written in one go (no make_subplots): building figures is the slow part."""
    k = len(panels)
    traces, layout, titles = _map_parts(panels, X, y, look, scale_title, class_names)
    base = layout_style(look, height=look.height(int(720 / max(k, 2)) + 110))
    base = merge(base, dict(hovermode="closest", margin=dict(l=10, r=10, t=40, b=50),
                            legend=dict(orientation="h", yanchor="top", y=-0.02,
                                        xanchor="left", x=0), annotations=titles))
    return figure(traces, {**base, **layout})


# ----------------------------------------------------------------------------- training timeline
# The lab's main picture: the decision maps large, on top, the loss curves with a cursor under
# them; scrubbing the epoch (ui.chart.Scrub) swaps the maps, the titles and the cursor in the
# browser, from the snapshots core kept during the one training run.

LEVELS = 255                     # a map goes out as one byte per grid value: output·255
TIMELINE_HEIGHT = 760            # beside the controls (a phone stacks: maps two by two)
TIMELINE_HEIGHT_CLASSROOM = 550  # the projector: what is left of 720 px under the title
# where everything stands, as paper fractions: the maps' box (x, y), the loss chart's (x, y),
# the legend's corner and the colour scale's centre (x, y) and length
TIMELINE_BOXES = {
    # beside the controls and on a phone: the maps over the colour scale and a short loss
    # chart, the legend under it
    False: dict(maps=((0.0, 1.0), (0.36, 1.0)), loss=((0.0, 1.0), (0.0, 0.2)),
                legend=(0.0, -0.1),
                scale=dict(orientation="h", x=0.5, xanchor="center", y=0.335, yanchor="top",
                           len=0.6)),
    # the projector: the maps large on the left, the loss chart on the right under the colour
    # scale; no legend (each map's title has its curve's colour, the classes show on the maps)
    True: dict(maps=((0.0, 0.6), (0.0, 1.0)), loss=((0.75, 1.0), (0.0, 0.56)), legend=None,
               scale=dict(orientation="v", x=0.63, xanchor="left", y=1.0, yanchor="top",
                          len=0.38)),
}


def map_levels(Z) -> np.ndarray:
    """A decision map as uint8 levels round(255·output) (output clipped to [0, 1], a missing
    value drawn as 0.5): what the browser gets, in the figure and in every frame."""
    z = np.clip(np.nan_to_num(np.asarray(Z, dtype=np.float64), nan=0.5), 0.0, 1.0)
    return np.round(z * LEVELS).astype(np.uint8)


@dataclass(frozen=True)
class MapTimeline:
    """Decision maps of several networks at the snapshot epochs ``epochs`` of one run:
    maps[i][k, r, c] = network i's output at (xs[c], ys[r]) after epochs[k] epochs,
    titles[i][k] its title then, epoch_texts[k] the cursor's label ("epoch 320 of 1,000")."""

    epochs: np.ndarray
    xs: np.ndarray
    ys: np.ndarray
    maps: tuple
    titles: tuple
    epoch_texts: tuple


@dataclass(frozen=True)
class TimelineTexts:
    """The words of the timeline figure, in the page's language."""

    x_title: str
    y_title: str
    scale_title: str
    class_names: tuple[str, str]
    legend_note: str | None = None


def map_grid(k: int, look: Look) -> tuple[int, int]:
    """(columns, rows) of k maps: at most two columns (three for five maps), so that a phone's
    maps are half its width each and the projector's fill the height beside the loss chart."""
    if k <= 2:
        return max(1, k), 1
    cols = 3 if k > 4 else 2
    return cols, -(-k // cols)


def _cell(c: int, cols: int, rows: int, box) -> tuple[list, list]:
    """(x domain, y domain) of map c in a cols × rows grid filling box ((x0, x1), (y0, y1))."""
    (x0, x1), (y0, y1) = box
    gap_x, gap_y = 0.03 * (x1 - x0), 0.09 * (y1 - y0)
    w = (x1 - x0 - gap_x * (cols - 1)) / cols
    h = (y1 - y0 - gap_y * (rows - 1)) / rows
    col, row = c % cols, c // cols
    left, top = x0 + col * (w + gap_x), y1 - row * (h + gap_y)
    return domain(left, left + w), domain(top - h, top)


def _timeline_map(tl: MapTimeline, i: int, k: int, ax: str, look: Look,
                  scale_title: str) -> dict:
    """Map i at snapshot k as a smoothly shaded heatmap of uint8 levels (a heatmap, not a
    contour: the browser redraws it per scrubbed frame without tracing contour lines; the
    class boundary shows where the colour passes through the background at 50 %)."""
    scale = TIMELINE_BOXES[look.classroom]["scale"]
    return dict(
        type="heatmap", x=_f32(tl.xs), y=_f32(tl.ys), z=map_levels(tl.maps[i][k]),
        zmin=0, zmax=LEVELS, zsmooth="best", colorscale=map_scale(look), showscale=(i == 0),
        xaxis=f"x{ax}", yaxis=f"y{ax}",
        colorbar=dict(title=dict(text=scale_title, side="right" if look.classroom else "top"),
                      thickness=12, tickfont=dict(size=look.font - 4),
                      tickvals=[LEVELS * q for q in (0, 0.25, 0.5, 0.75, 1)],
                      ticktext=["0", "25", "50", "75", "100"], lenmode="fraction", **scale),
        hovertemplate="(%{x:.2f}, %{y:.2f})<extra></extra>", name=tl.titles[i][k])


def _cursor(tl: MapTimeline, losses: list, k: int) -> list[tuple[np.ndarray, np.ndarray]]:
    """The loss cursor's point on each curve at snapshot k: (e, loss during epoch e), epoch
    e = epochs[k]; empty at e = 0 and where the loss is not drawn (not finite, ≤ 0, ≥ F32_MAX)."""
    e = int(tl.epochs[k])
    points = []
    for loss in losses:
        v = float(loss[e - 1]) if 1 <= e <= len(loss) else float("nan")
        keep = bool(np.isfinite(v) and 0 < v < F32_MAX)
        points.append((_f32([e] if keep else []), _f32([v] if keep else [])))
    return points


def _timeline_notes(tl: MapTimeline, k: int, look: Look) -> list[dict]:
    """The annotations at snapshot k: the maps' titles (in their curve's colour) and the
    cursor's label (plain texts: the browser sets them in place while the thumb moves)."""
    titles = [dict(text=tl.titles[i][k], x=0.5, y=1, xref=f"x{i + 2} domain",
                   yref=f"y{i + 2} domain", xanchor="center", yanchor="bottom",
                   showarrow=False, font=dict(size=look.font - 1, color=look.color(i)))
              for i in range(len(tl.maps))]
    label = dict(text=tl.epoch_texts[k], x=0.01, y=1, xref="x domain", yref="y domain",
                 xanchor="left", yanchor="top", showarrow=False, bgcolor=_box(look, 0.85),
                 font=dict(size=look.font - 2, color=look.text))
    return titles + [label]


def _cursor_line(tl: MapTimeline, k: int, span: list, look: Look) -> dict:
    """The cursor line at epochs[k] across the loss axis' range span (log10 ends), a trace
    (moving it is a restyle of x, not a relayout)."""
    e = float(tl.epochs[k])
    return dict(type="scatter", mode="lines", x=_f32([e, e]),
                y=_f32([10.0 ** span[0], 10.0 ** span[1]]), xaxis="x", yaxis="y",
                showlegend=False, hoverinfo="skip", meta="cursor", name="",
                line=dict(color=look.text, width=2, dash="dot"))


def _timeline_layout(tl: MapTimeline, losses: list, look: Look, texts: TimelineTexts) -> dict:
    """timeline_figure's layout without the per-snapshot notes (boxes: TIMELINE_BOXES)."""
    k, boxes = len(tl.maps), TIMELINE_BOXES[look.classroom]
    cols, rows = map_grid(k, look)
    curves = loss_figure([""] * len(losses), losses, look, texts.x_title, texts.y_title,
                         most_labels=4).layout.to_plotly_json()
    layout = dict(curves)
    (lx, ly), last = boxes["loss"], float(tl.epochs[-1])
    layout["xaxis"] = dict(curves["xaxis"], domain=list(lx), anchor="y", range=[0, last],
                           autorange=False, title=dict(curves["xaxis"]["title"], standoff=2))
    layout["yaxis"] = dict(curves["yaxis"], domain=list(ly), anchor="x")
    for c in range(k):
        xd, yd = _cell(c, cols, rows, boxes["maps"])
        p = MapPanel("", tl.xs, tl.ys, tl.maps[c][0])
        axes = _map_axes(p, str(c + 2), xd[0], xd[1] - xd[0], look, (yd[0], yd[1]), True)
        axes[f"yaxis{c + 2}"]["constraintoward"] = "top"
        axes[f"xaxis{c + 2}"]["constraintoward"] = "center"
        layout.update(axes)
    corner = boxes["legend"]
    legend = dict(orientation="h", x=corner[0], xanchor="left", y=corner[1], yanchor="top",
                  font=dict(size=look.font - 3)) if corner else {}
    layout.update(height=TIMELINE_HEIGHT_CLASSROOM if look.classroom else TIMELINE_HEIGHT,
                  hovermode="closest", showlegend=corner is not None, legend=legend,
                  margin=dict(curves["margin"], t=look.font + 12,
                              b=2 * look.font + (16 if look.classroom else 110),
                              r=MODEBAR_MARGIN))
    return layout


def timeline_figure(names: list[str], losses: list, tl: MapTimeline, index: int,
                    X: np.ndarray, y: np.ndarray, look: Look,
                    texts: TimelineTexts) -> go.Figure:
    """The network lab's main picture at snapshot `index`: the decision maps large on top (one
    row on the projector, two columns elsewhere), each titled in its loss curve's colour, and
    the loss curves (log axis, as loss_figure) under them with a cursor at epochs[index]."""
    k = len(tl.maps)
    layout = _timeline_layout(tl, losses, look, texts)
    curves = loss_figure(names, losses, look, texts.x_title, texts.y_title, most_labels=4)
    traces = [dict(tr.to_plotly_json()) for tr in curves.data]
    for i, (cx, cy) in enumerate(_cursor(tl, losses, index)):
        traces.append(dict(type="scatter", mode="markers", x=cx, y=cy, xaxis="x", yaxis="y",
                           showlegend=False, hoverinfo="skip", name=names[i], meta="cursor",
                           marker=dict(size=look.marker + 4, color=look.color(i),
                                       symbol=series_style(i, look)["symbol"],
                                       line=dict(color=look.text, width=2))))
    if texts.legend_note:   # first in the legend: an unseen point on the first map
        traces.append(dict(type="scatter", mode="markers", name=texts.legend_note,
                           x=_f32(tl.xs[:1]), y=_f32(tl.ys[:1]), xaxis="x2", yaxis="y2",
                           hoverinfo="skip", legendrank=1,
                           marker=dict(color="rgba(0,0,0,0)", size=1)))
    labels = np.asarray(y).reshape(-1) > 0.5
    for i in range(k):
        traces.append(_timeline_map(tl, i, index, str(i + 2), look, texts.scale_title))
        traces += _point_traces(X, labels, i, str(i + 2), look, texts.class_names)
    traces.append(_cursor_line(tl, index, layout["yaxis"]["range"], look))
    layout["annotations"] = _timeline_notes(tl, index, look)
    return figure(traces, layout)


def timeline_traces(tl: MapTimeline, losses: list,
                    legend_note: bool) -> tuple[list[int], list[int]]:
    """(indices of the cursor traces, indices of the map traces, index of the cursor line) in
    timeline_figure's data."""
    n = len(losses)
    first = 2 * n + (1 if legend_note else 0)
    return (list(range(n, 2 * n)), [first + 3 * i for i in range(len(tl.maps))],
            first + 3 * len(tl.maps))


def timeline_frames(tl: MapTimeline, losses: list, look: Look,
                    legend_note: bool) -> tuple[dict, ...]:
    """What changes in timeline_figure from one snapshot to another, one frame per snapshot:
    the maps' levels (one byte per value, drawn as 0 + level·255/255: the figure's own uint8
    levels), the cursor's points and line, the titles and the cursor's label."""
    cursors, maps, line = timeline_traces(tl, losses, legend_note)
    frames = []
    for k in range(len(tl.epochs)):
        e = float(tl.epochs[k])
        frames.append({"traces": cursors + maps + [line],
                       "data": [{"x": cx, "y": cy} for cx, cy in _cursor(tl, losses, k)]
                       + [{"z": {"levels": map_levels(tl.maps[i][k]), "lo": 0.0,
                                "hi": float(LEVELS)}, "name": tl.titles[i][k]}
                          for i in range(len(maps))] + [{"x": _f32([e, e])}],
                       "layout": {"annotations": _timeline_notes(tl, k, look)}})
    return tuple(frames)


def timeline_scrub(tl: MapTimeline, losses: list, index: int, look: Look, legend_note: bool,
                   control: str, label: str, disabled: bool = False) -> Scrub:
    """The epoch scrubbed in the browser: the snapshot epochs as the grid, timeline_frames as
    its frames (frame k reproduces timeline_figure at index k), epoch_texts as the thumb's
    texts."""
    return Scrub(control, tuple(int(e) for e in tl.epochs), int(index),
                 timeline_frames(tl, losses, look, legend_note), label,
                 tuple(tl.epoch_texts), disabled, play=True)


@dataclass(frozen=True)
class Diagram:
    """A drawn network: units per layer, a label and value text per node (layer, unit), a text
    per edge (layer, i, j) and which nodes / edges to highlight."""

    sizes: tuple[int, ...]
    node_names: dict[tuple[int, int], str]
    node_text: dict[tuple[int, int], str]
    edge_text: dict[tuple[int, int, int], str]
    hot_nodes: frozenset = frozenset()
    hot_edges: frozenset = frozenset()
    dead_nodes: frozenset = frozenset()


def _node_xy(sizes: tuple[int, ...]) -> dict[tuple[int, int], tuple[float, float]]:
    """Layer l at x = l; its units centred on y = 0, one unit apart, first unit on top."""
    return {(l, j): (float(l), (n - 1) / 2 - j) for l, n in enumerate(sizes) for j in range(n)}


def _edge_traces(d: Diagram, xy: dict, look: Look) -> list[dict]:
    """The edges as two line traces: the quiet ones, then the highlighted ones over them."""
    traces = []
    for hot in (False, True):
        xs, ys = [], []
        for (l, i, j) in d.edge_text:
            if ((l, i, j) in d.hot_edges) != hot:
                continue
            (x0, y0), (x1, y1) = xy[(l, i)], xy[(l + 1, j)]
            xs += [x0, x1, None]
            ys += [y0, y1, None]
        if xs:
            traces.append(dict(type="scatter", x=xs, y=ys, mode="lines", hoverinfo="skip",
                               line=dict(color=look.color(1) if hot else look.grid,
                                         width=look.line + (1 if hot else -1)),
                               showlegend=False))
    return traces


def _box(look: Look, alpha: float) -> str:
    """A text box's background: the page background, slightly see-through."""
    h = look.background.lstrip("#")
    r, g, b = (int(h[i:i + 2], 16) for i in (0, 2, 4))
    return f"rgba({r},{g},{b},{alpha})"


def _notes(d: Diagram, xy: dict, look: Look) -> list[dict]:
    """The edge texts (40 % along their edge from the source, halfway when all edges meet in
    one unit, so fanning-out labels stay apart) and the node texts under their node."""
    notes = []
    for (l, i, j), text in d.edge_text.items():
        (x0, y0), (x1, y1) = xy[(l, i)], xy[(l + 1, j)]
        pos = 0.5 if d.sizes[l + 1] == 1 else 0.4
        colour = look.color(1) if (l, i, j) in d.hot_edges else look.text
        notes.append(dict(x=x0 + pos * (x1 - x0), y=y0 + pos * (y1 - y0), text=text,
                          showarrow=False, font=dict(size=look.font - 3, color=colour),
                          bgcolor=_box(look, 0.85), borderpad=1))
    for key, text in d.node_text.items():
        x, y = xy[key]
        notes.append(dict(x=x, y=y - 0.2, yanchor="top", text=text, showarrow=False,
                          align="center", font=dict(size=look.font - 2, color=look.text),
                          bgcolor=_box(look, 0.9), borderpad=2))
    return notes


def _node_colour(d: Diagram, key: tuple[int, int], look: Look) -> str:
    if key in d.dead_nodes:
        return look.color(7)
    if key in d.hot_nodes:
        return look.color(1)
    return look.color(0) if key[0] == 0 else look.color(2)


def network_figure(d: Diagram, look: Look, title: str | None = None) -> go.Figure:
    """The network as circles and lines, with the texts of _notes (all annotations set at
    once: adding them one by one is quadratic)."""
    xy = _node_xy(d.sizes)
    keys = list(xy)
    traces = _edge_traces(d, xy, look) + [dict(
        type="scatter", x=[xy[k][0] for k in keys], y=[xy[k][1] for k in keys],
        mode="markers+text",
        text=[d.node_names.get(k, "") for k in keys], textposition="middle center",
        textfont=dict(size=look.font, color=look.background), hoverinfo="skip", showlegend=False,
        marker=dict(size=look.marker * 4.4, color=[_node_colour(d, k, look) for k in keys],
                    line=dict(color=look.background, width=2)))]
    top = max(d.sizes)
    layout = styled_layout(look, title=title, legend=False,
                           height=look.height(max(300, 105 * top + 80)))  # 3 units: fits 720 px
    layout["xaxis"].update(visible=False, range=[-0.45, len(d.sizes) - 0.55])
    layout["yaxis"].update(visible=False, range=[-(top - 1) / 2 - 1.0, (top - 1) / 2 + 0.45])
    layout.update(hovermode=False, margin=dict(l=10, r=10, t=50 if title else 10, b=10),
                  annotations=_notes(d, xy, look))
    return figure(traces, layout)
