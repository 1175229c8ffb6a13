"""Plotly figures for the zig-zag page: the (w₁, w₂) plane with loss rings, the path of
updates with arrowheads coloured by sign pattern, the quadrants the next update can point into,
a Plotly play animation, the distance-to-w* chart, and the perceptron plane.

Arrays in, figures out: every number comes from ``core.zigzag``; nothing is computed here
except what is needed to draw (view window, polygons, sub-sampling of frames and curves).

Payload: arrays go out as float32/uint8 (base64 in the spec); the static planes chart is about
25–35 KB. The play animation (opt-in, ≤ MAX_FRAMES frames over ≤ PLAY_SPAN steps) adds a few
hundred KB, so the page only builds it when the user switches it on.
"""

from __future__ import annotations

import math
import unicodedata

import numpy as np
import plotly.graph_objects as go

from core import zigzag as zz
from ui.chart import Scrub
from ui.format import f32 as _f32
from ui.format import log_axis
from ui.i18n import t
from ui.theme import (MODEBAR_MARGIN, Look, axis_style, domain, figure, layout_style,
                      line_trace, merge, styled_layout)

# update classes (core.zigzag.update_classes codes) → the theme palette's blue, vermillion,
# green and grey (Okabe–Ito: distinct in greyscale too, ≥ 3:1 on either background)
CLASS_HUE = {zz.PP: 0, zz.MM: 1, zz.MIX: 2, zz.ZERO: 7}
CLASS_KEY = {zz.PP: "pp", zz.MM: "mm", zz.MIX: "mixed", zz.ZERO: "zero"}
GREEN, ORANGE = 2, 3           # palette places: the ε circle and line, the star w*
MARKER_YELLOW = "#F0E442"      # the current w: a yellow disc with a rim in the text colour
LINE_GREY = "rgba(128,128,128,0.9)"
PATH_LINE = "rgba(110,110,110,0.75)"
MAX_FRAMES = 60
MAX_PATH_POINTS = 500
MAX_CURVE_POINTS = 500
PLAY_SPAN = 250        # the play animation covers at most this many steps after t
N_RINGS = 10
RING_POINTS = 33
RING_COLOR = "rgba(86,180,233,0.75)"
DIST_FLOOR = 1e-6
# the planes are the page's main picture, its legend on top: beside the controls the chart
# reaches the bottom of a 1280×720 screen (≥ 35 % of it, issue #12); in classroom mode it spans
# the width (≥ 60 %) and the legend, the panels and their axes all end on the first screen
# (the chart starts ≈ 190 px down), so nothing of it is cut off on the projector
PLANES_HEIGHT = 510
PLANES_HEIGHT_CLASSROOM = 520


def planes_height(look: Look) -> int:
    """Height of the planes chart without the play controls."""
    return PLANES_HEIGHT_CLASSROOM if look.classroom else PLANES_HEIGHT


def class_color(cls: int, look: Look) -> str:
    """The colour of an update class in the look's theme."""
    return look.color(CLASS_HUE[int(cls)])


def class_scale(look: Look) -> list:
    """A colour scale over the class codes 0…3 (cmin 0, cmax 3) in the look's theme."""
    scale = []
    for i, cls in enumerate((zz.ZERO, zz.PP, zz.MM, zz.MIX)):
        colour = class_color(cls, look)
        scale += [[i / 4, colour], [(i + 1) / 4, colour]]
    return scale


def rgba(hex_colour: str, alpha: float) -> str:
    """A #RRGGBB colour with transparency."""
    r, g, b = (int(hex_colour[i: i + 2], 16) for i in (1, 3, 5))
    return f"rgba({r},{g},{b},{alpha})"


def class_label(cls: int) -> str:
    """Legend text of an update class, e.g. "(+,+) step"."""
    return t(f"zigzag.fig.class_{CLASS_KEY[int(cls)]}")


def view_box(paths: list[np.ndarray], points: list[np.ndarray], pad: float = 0.2,
             limit: float = 25.0) -> tuple[tuple[float, float], tuple[float, float]]:
    """Square-ish (w₁, w₂) window holding the given points and paths (paths clipped to ±limit
    around the points, so a diverging run cannot blow the view up)."""
    pts = np.vstack([np.asarray(p, dtype=float).reshape(-1, 2) for p in points])
    centre = pts.mean(axis=0)
    allp = [pts] + [np.clip(p, centre - limit, centre + limit) for p in paths]
    allp = np.vstack(allp)
    lo, hi = allp.min(axis=0), allp.max(axis=0)
    span = max(float((hi - lo).max()), 0.5) * (1 + 2 * pad)
    mid = (lo + hi) / 2
    return ((mid[0] - span / 2, mid[0] + span / 2), (mid[1] - span / 2, mid[1] + span / 2))


def _quadrant_polygons(w: np.ndarray, quads: tuple[int, ...], box) -> tuple[list, list]:
    """One closed outline through w covering, for each allowed quadrant, the rectangle from w to
    the window's corner (all traversed counter-clockwise, so fill="toself" fills each one)."""
    (x0, x1), (y0, y1) = box
    wx, wy = float(w[0]), float(w[1])
    rect = {1: [(x1, wy), (x1, y1), (wx, y1)], 2: [(wx, y1), (x0, y1), (x0, wy)],
            3: [(x0, wy), (x0, y0), (wx, y0)], 4: [(wx, y0), (x1, y0), (x1, wy)]}
    pts = [(wx, wy)]
    for q in quads:
        pts += rect[q] + [(wx, wy)]
    return [p[0] for p in pts], [p[1] for p in pts]


def _direction_line(w: np.ndarray, x: np.ndarray, box) -> tuple[list, list]:
    """The line through w along ±x: where a one-sample update must land (spans the window)."""
    n = float(np.hypot(*x))
    if n == 0:
        return [w[0]], [w[1]]
    (x0, x1), (y0, y1) = box
    reach = math.hypot(x1 - x0, y1 - y0)
    u = x / n * reach
    return [w[0] - u[0], w[0] + u[0]], [w[1] - u[1], w[1] + u[1]]


def _scatter(**kw) -> dict:
    """A scatter trace as a plain dict: validated once, when the figure is built in one call."""
    return dict(type="scatter", **kw)


def _path_trace(path: np.ndarray, classes: np.ndarray, k: int, look: Look, name: str,
                show_legend: bool) -> dict:
    """w₀ … w_k as one line with an arrowhead at every point, coloured by the update class that
    led there (the last MAX_PATH_POINTS points only)."""
    first = max(0, k + 1 - MAX_PATH_POINTS)
    pts = path[first: k + 1]
    cls = np.concatenate([[0], classes[:k]])[first:]
    size = np.full(len(pts), round(look.marker * 1.05), dtype=np.uint8)
    if first == 0:
        size[0] = 0
    return _scatter(
        x=_f32(pts[:, 0]), y=_f32(pts[:, 1]), mode="lines+markers", name=name,
        line=dict(color=PATH_LINE, width=max(1.5, look.line * 0.55)),
        marker=dict(symbol="arrow", angleref="previous", size=size,
                    color=cls.astype(np.uint8), cmin=0, cmax=3, colorscale=class_scale(look),
                    line=dict(width=0)),
        showlegend=show_legend, hoverinfo="skip")


def _dynamic_traces(run: zz.ZigzagRun, classes: np.ndarray, step: int, box, look: Look,
                    show_legend: bool) -> list[dict]:
    """Traces that change with the step: shading, ±x line, path, next arrow, current w."""
    T = run.steps
    k = max(0, min(int(step), T))
    w = run.path[k]
    single = run.batch_size == 1
    if k < T:
        qx, qy = _quadrant_polygons(w, zz.open_quadrants(run, k), box)
    else:
        qx, qy = [w[0]], [w[1]]
    traces: list[dict] = [_scatter(
        x=_f32(qx), y=_f32(qy), mode="lines", fill="toself", fillcolor=rgba(look.color(0), 0.14),
        line=dict(width=0), hoverinfo="skip", name=t("zigzag.fig.allowed"),
        legendgroup="allowed", showlegend=show_legend)]
    lx, ly = _direction_line(w, run.inputs[k, 0], box) if (k < T and single) else ([w[0]], [w[1]])
    traces.append(_scatter(
        x=_f32(lx), y=_f32(ly), mode="lines", hoverinfo="skip",
        line=dict(color=LINE_GREY, width=max(1.5, look.line / 2), dash="dash"),
        name=t("zigzag.fig.x_line"), legendgroup="xline", showlegend=show_legend and single))
    traces.append(_path_trace(run.path, classes, k, look, t("zigzag.fig.path"), show_legend))
    if k < T:
        cls = int(classes[k])
        ax, ay = [w[0], run.path[k + 1, 0]], [w[1], run.path[k + 1, 1]]
    else:
        cls, ax, ay = zz.ZERO, [w[0]], [w[1]]
    traces.append(_scatter(
        x=_f32(ax), y=_f32(ay), mode="lines+markers",
        line=dict(color=class_color(cls, look), width=look.line * 1.5),
        marker=dict(symbol="arrow", angleref="previous", size=[0, look.marker * 2.2][: len(ax)],
                    color=class_color(cls, look), line=dict(width=1.5, color=look.text)),
        name=t("zigzag.fig.next"), legendgroup="next", showlegend=show_legend,
        hoverinfo="skip"))
    traces.append(_scatter(
        x=_f32([w[0]]), y=_f32([w[1]]), mode="markers+text",
        marker=dict(symbol="circle", size=look.marker * 1.4, color=MARKER_YELLOW,
                    line=dict(width=2.5, color=look.text)),
        text=[f"w<sub>{k}</sub>" if k else ""], textposition=_current_label_side(run, w),
        textfont=dict(size=look.font, color=look.text),
        name=t("zigzag.fig.current"), legendgroup="current", showlegend=False,
        hovertemplate=f"t = {k}<br>w₁ = %{{x:.3f}}<br>w₂ = %{{y:.3f}}<extra></extra>"))
    return traces


def _current_label_side(run: zz.ZigzagRun, w: np.ndarray) -> str:
    """Where the w_k label goes: below w when w* is nearer (w*'s label sits above the star), else
    on the vertical side away from w₀, so it does not land on their labels (layout only)."""
    if np.hypot(*(w - run.w0)) >= np.hypot(*(w - run.w_star)):
        return "bottom right"          # w*'s label is above the star
    return ("top" if w[1] >= run.w0[1] else "bottom") + " right"


def _w0_label_side(run: zz.ZigzagRun) -> str:
    """w₀'s label on the side the path does not head to (below w₀ when w* lies above it)."""
    return ("bottom" if run.w_star[1] > run.w0[1] else "top") + " right"


def _frame_traces(full: list[dict]) -> list[dict]:
    """The same traces stripped to what changes between frames (x, y, text, colours, sizes):
    plotly.js merges frame data into the existing traces, so styling need not be repeated."""
    out = []
    for tr in full:
        kw = dict(type="scatter", x=tr["x"], y=tr["y"])
        if tr.get("text") is not None:
            kw["text"] = tr["text"]
            kw["textposition"] = tr.get("textposition")
        marker = tr.get("marker") or {}
        if marker.get("size") is not None and tr["mode"] != "lines":
            kw["marker"] = dict(size=marker["size"], color=marker.get("color"))
        line = tr.get("line") or {}
        if tr["mode"] == "lines+markers" and line.get("color") is not None:
            kw["line"] = dict(color=line["color"])
        out.append(kw)
    return out


def _legend_traces(look: Look, box, classes=(zz.PP, zz.MM, zz.MIX)) -> list[dict]:
    """Legend entries for the arrow colours: one point each, placed outside the (fixed) axis
    ranges so only the legend shows it (plotly.js leaves empty traces out of the legend)."""
    (x0, x1), (y0, y1) = box
    far_x, far_y = x0 - 10 * (x1 - x0), y0 - 10 * (y1 - y0)
    return [_scatter(x=_f32([far_x]), y=_f32([far_y]), mode="markers", name=class_label(c),
                       marker=dict(symbol="triangle-up", size=look.marker * 1.3,
                                   color=class_color(c, look)),
                       hoverinfo="skip") for c in classes]


def _static_traces(run: zz.ZigzagRun, eps: float, box, look: Look) -> list[dict]:
    """Evenly spaced rings of ½(w − w*)ᵀM(w − w*), the ε circle, w₀ and w*.

    The rings are one scatter line per panel (rings separated by None gaps) from
    core.zigzag.loss_rings, not a contour trace: plotly.js drops contour lines when an
    animation frame redraws the plot."""
    rx: list = []
    ry: list = []
    for ring in zz.loss_rings(run, box[0], box[1], n_rings=N_RINGS, n_points=RING_POINTS):
        rx += [round(float(v), 4) for v in ring[:, 0]] + [None]   # None: a gap between rings
        ry += [round(float(v), 4) for v in ring[:, 1]] + [None]
    rings = [_scatter(x=rx, y=ry, mode="lines", line=dict(color=RING_COLOR, width=1.2),
                        hoverinfo="skip", showlegend=False, name=t("zigzag.fig.contours"))]
    ang = np.linspace(0, 2 * np.pi, 48)
    ws = run.w_star
    circle = _scatter(x=_f32(ws[0] + eps * np.cos(ang)), y=_f32(ws[1] + eps * np.sin(ang)),
                        mode="lines", line=dict(color=look.color(GREEN), width=1.5),
                        hoverinfo="skip",
                        name="ε", showlegend=False)
    w0 = _scatter(x=_f32(run.w0[:1]), y=_f32(run.w0[1:]), mode="markers+text",
                    marker=dict(symbol="square", size=look.marker * 1.3, color=look.text,
                                line=dict(width=1.5, color=look.background)),
                    text=["w₀"], textposition=_w0_label_side(run),
                    textfont=dict(size=look.font, color=look.text), name="w₀", showlegend=False,
                    hovertemplate="w₀ = (%{x:.3f}, %{y:.3f})<extra></extra>")
    star = _scatter(x=_f32(ws[:1]), y=_f32(ws[1:]), mode="markers+text",
                      marker=dict(symbol="star", size=look.marker * 2.2,
                                  color=look.color(ORANGE), line=dict(width=1.5, color=look.text)),
                      text=["w*"], textposition="top right",
                      textfont=dict(size=look.font, color=look.text), name="w*", showlegend=False,
                      hovertemplate="w* = (%{x:.3f}, %{y:.3f})<extra></extra>")
    return rings + [circle, w0, star]


def frame_steps(step: int, last: int, max_frames: int = MAX_FRAMES) -> list[int]:
    """Steps shown by the play animation: from step to last, at most max_frames of them."""
    step, last = int(step), int(last)
    if last <= step:
        return [step]
    n = min(max_frames, last - step + 1)
    return sorted({int(round(v)) for v in np.linspace(step, last, n)})


def _panel_axes(i: int, n: int, box, look: Look, spacing: float = 0.09) -> dict:
    """Layout entries for panel i of n side by side: x/y axes (equal scale) and their domain."""
    width = (1 - spacing * (n - 1)) / n
    lo = i * (width + spacing)
    sx, sy = ("", "") if i == 0 else (str(i + 1), str(i + 1))
    return {
        f"xaxis{sx}": {**axis_style(look, "w₁"), "domain": domain(lo, lo + width), "anchor": f"y{sy}",
                       "range": list(box[0]), "constrain": "domain"},
        # w₂ is named once, on the left panel: between the panels the title sat on the data
        # of the left panel on a phone
        f"yaxis{sy}": {**axis_style(look, "w₂" if i == 0 else ""), "domain": [0.0, 1.0],
                       "anchor": f"x{sx}",
                       "range": list(box[1]), "scaleanchor": f"x{sx}", "scaleratio": 1,
                       # a square panel narrower than the chart is tall sits at the top, under
                       # its title (on a phone the first screen then shows the planes)
                       "constrain": "domain", "constraintoward": "top"},
    }


def _panel_title(i: int, n: int, text: str, look: Look) -> dict:
    """A panel's title centred above it (placed on the panel's own axes, so it stays on top of
    the square panel wherever the equal scale puts it)."""
    s = "" if i == 0 else str(i + 1)
    return dict(text=text, x=0.5, y=1.0, xref=f"x{s} domain", yref=f"y{s} domain",
                xanchor="center", yanchor="bottom", showarrow=False,
                font=dict(size=look.font + 1, color=look.text))


TITLE_WIDTH = 28       # a panel title longer than this (in half-width characters) wraps


def _width(text: str) -> int:
    """Display width in half-width characters (Hangul and other wide characters count 2)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def wrap_title(text: str, width: int = TITLE_WIDTH) -> str:
    """A panel title on one line, or on two (<br>) balanced at a space, outside parentheses
    where that keeps both lines within width: "tanh (hyperbolic tangent)<br>inputs"."""
    if _width(text) <= width:
        return text
    cuts = [i for i, ch in enumerate(text) if ch == " "]
    if not cuts:
        return text

    def cost(i: int) -> tuple:
        inside = text[:i].count("(") > text[:i].count(")")
        longest = max(_width(text[:i]), _width(text[i + 1:]))
        return (longest > width or inside, longest)

    best = min(cuts, key=cost)
    return f"{text[:best]}<br>{text[best + 1:]}"


def _title_px(look: Look, lines: int = 1) -> int:
    """Room for the panel titles (of that many lines) above the panels."""
    return lines * (look.font + 6) + 12


def _bottom_px(look: Look) -> int:
    """Room under the panels for their tick labels and the w₁ titles."""
    return 2 * look.font + 14


def _play_px(look: Look) -> int:
    """Room for the play row (buttons, slider with its value and ticks)."""
    return 2 * look.font + 50


def _above(look: Look, px: float) -> float:
    """A height px (and a few px to spare) above the panels in the plot's height fraction
    (1 + px / plot height), the plot height taken with a legend of two rows (a narrow screen's
    legend of more rows moves it a few px closer)."""
    plot = planes_height(look) - _title_px(look) - _bottom_px(look) - 2 * (look.font + 12)
    return 1 + (px + 8) / plot


def _frame(look: Look, play: bool, lines: int) -> dict:
    """Height, margins and legend of the planes chart, from the top: the legend (as many rows
    as it needs: plotly.js widens the top margin for it), the play row when playing, the panel
    titles, the panels, their axes. Nothing stands under the axes: on a 720-px projector
    screen the legend is never what is cut off."""
    play_px = _play_px(look) if play else 0
    layout = layout_style(look, height=planes_height(look) + play_px, legend=True)
    layout["legend"].update(y=_above(look, _title_px(look, lines) + play_px), yanchor="bottom", x=0,
                            xanchor="left", orientation="h")
    layout.update(hovermode="closest", margin=dict(t=_title_px(look, lines) + play_px,
                                                   b=_bottom_px(look), l=60, r=MODEBAR_MARGIN))
    return layout


def _play_controls(frames: list[dict], look: Look, active: int = 0, lines: int = 1) -> dict:
    """▶/❚❚ buttons and a step slider above the panels that play the frames (the slider starts
    on frame `active`, the one the chart shows)."""
    # redraw=True: with redraw=False plotly.js drops the (static) contour lines while playing
    anim = dict(frame=dict(duration=150, redraw=True), transition=dict(duration=0),
                mode="immediate")
    still = dict(frame=dict(duration=0, redraw=True), mode="immediate",
                 transition=dict(duration=0))
    return dict(
        updatemenus=[dict(
            type="buttons", direction="left", x=0.0, y=_above(look, _title_px(look, lines)),
            xanchor="left",
            yanchor="bottom", pad=dict(r=8, t=0), showactive=False,
            font=dict(size=look.font - 2, color=look.text), bgcolor="rgba(128,128,128,0.16)",
            bordercolor=look.grid,
            buttons=[dict(label="▶ " + t("zigzag.fig.play"), method="animate",
                          args=[None, dict(fromcurrent=True, **anim)]),
                     dict(label="❚❚ " + t("zigzag.fig.pause"), method="animate",
                          args=[[None], still])])],
        sliders=[dict(
            active=active, x=0.3, len=0.7, y=_above(look, _title_px(look, lines)),
            yanchor="bottom",
            pad=dict(t=0, b=0),
            currentvalue=dict(prefix="t = ", font=dict(size=look.font - 2)),
            font=dict(size=max(10, look.font - 6)), tickcolor=look.grid,
            steps=[dict(label=f["name"], method="animate", args=[[f["name"]], still])
                   for f in frames])],
    )


def planes_figure(runs: list[zz.ZigzagRun], titles: list[str], step: int, eps: float, look: Look,
                  play_until: int | None = None, max_frames: int = MAX_FRAMES,
                  play_from: int | None = None, view_until: int | None = None,
                  quadrants: bool = True) -> go.Figure:
    """One (w₁, w₂) panel per run, side by side, showing step `step`. ``quadrants=False``
    leaves out what tells where an update can point (the shaded quadrants, the ±x line and the
    next update): a question asks exactly that before its reveal.

    With play_until > step the figure carries Plotly frames (≤ max_frames) from play_from
    (default: step; it may lie before step, e.g. 0 while the chart shows the whole path) to
    play_until with ▶/❚❚ buttons and a slider; frames replace only the step-dependent traces.
    Traces and layout are plain dicts put together in one go.Figure call (building it with
    make_subplots and update_* calls took ~70 ms of every step). view_until: the window holds
    the paths up to that step too (a scrub's last step: the window stays while it moves).
    """
    n = len(runs)
    last = step if play_until is None else max(step, play_until)
    first = step if play_from is None else max(0, min(int(play_from), step))
    box = plane_box(runs, max(last, view_until or 0))
    classes = [zz.update_classes(r.updates) for r in runs]
    traces: list[dict] = []
    dyn_index: list[int] = []
    titles = [wrap_title(title) for title in titles]
    lines = max(title.count("<br>") + 1 for title in titles)
    layout = _frame(look, play=last > step, lines=lines)
    layout["annotations"] = [_panel_title(i, n, title, look) for i, title in enumerate(titles)]
    for i, r in enumerate(runs):
        layout.update(_panel_axes(i, n, box, look))
        axes = dict(xaxis=f"x{i + 1 if i else ''}", yaxis=f"y{i + 1 if i else ''}")
        traces += [{**tr, **axes} for tr in _static_traces(r, eps, box, look)]
        for j, tr in enumerate(_dynamic_traces(r, classes[i], step, box, look, i == 0)):
            if not quadrants and j in QUADRANT_TRACES:
                tr = {**tr, "x": [], "y": [], "showlegend": False}
            dyn_index.append(len(traces))
            traces.append({**tr, **axes})
    traces += _legend_traces(look, box)
    frames: list[dict] = []
    if last > step:
        shown = frame_steps(first, last, max_frames)
        if first < step and step not in shown:   # the slider must be able to stand on step
            shown = sorted(set(frame_steps(first, last, max_frames - 1)) | {step})
        for k in shown:
            data = []
            for i, r in enumerate(runs):
                data += _frame_traces(_dynamic_traces(r, classes[i], k, box, look, i == 0))
            frames.append(dict(data=data, traces=dyn_index, name=str(k)))
        active = int(np.argmin(np.abs(np.asarray(shown) - step)))
        layout.update(_play_controls(frames, look, active, lines))
    return figure(traces, layout, frames)


def plane_box(runs: list[zz.ZigzagRun], until: int):
    """The planes' window: the paths up to step until, w₀ and w* (view_box)."""
    return view_box([r.path[: until + 1] for r in runs], [runs[0].w0, runs[0].w_star])


# ------------------------------------------------------------------------- the scrubbed step
# The step t is scrubbed in the browser (ui.chart.Scrub): each frame restyles the five traces
# of each panel that change with the step. The path at step t is the first points of the whole
# path, sent once (Scrub.full; a frame names how many it shows); the rest costs about the same
# in every frame: the grid is every step at first, then steps about 1/R of t apart, with the
# largest R whose frames fit SCRUB_BYTES.

SCRUB_BYTES = 300_000    # bytes of all frames of the planes chart in the page's JSON (about)
FRAME_BYTES = 900        # per frame and panel besides the path (shading, lines, marker, texts)
POINT_BYTES = 22         # per point of a whole path, once (x, y, arrow size and colour, base64)
STATIC_TRACES = 4        # per panel: rings, ε circle, w₀, w* (_static_traces) …
DYNAMIC_TRACES = 5       # … then shading, ±x line, path, next update, current w
QUADRANT_TRACES = (0, 1, 3)   # of those, what shows where an update can point
FRAME_ATTRS = ("x", "y", "text", "textposition", "hovertemplate", "marker.size",
               "marker.color", "line.color")


def _spaced(steps: int, r: int) -> set[int]:
    """0, 1, …, r, then each next step max(1, ⌊t/r⌋) further, and the last step."""
    grid, k = {steps}, 0
    while k < steps:
        grid.add(k)
        k += max(1, k // r)
    return grid


def scrub_cost(grid, panels: int) -> int:
    """Bytes of the frames of a grid of steps (FRAME_BYTES a frame, POINT_BYTES a point of
    the whole paths up to its last step)."""
    return panels * (FRAME_BYTES * len(grid) + POINT_BYTES * (max(grid, default=0) + 1))


def scrub_steps(steps: int, panels: int, keep: tuple = ()) -> tuple[int, ...]:
    """The steps the chart's slider can stand on: _spaced(steps, R) with the largest R (every
    step when they all fit) whose frames fit SCRUB_BYTES, plus the steps in keep (the step
    shown, a lesson's step, the reach steps), so that no step the page shows is off the grid."""
    steps = int(steps)
    extra = {int(k) for k in keep if 0 <= int(k) <= steps}
    grid = set(range(steps + 1))
    r = steps
    while r > 1 and scrub_cost(grid | extra, panels) > SCRUB_BYTES:
        r = r // 2 if r > 64 else r - 1
        grid = _spaced(steps, r)
    return tuple(sorted(grid | extra))


def _flat(trace: dict) -> dict:
    """The FRAME_ATTRS of a trace, dotted names as Plotly's restyle takes them."""
    out = {}
    for name in FRAME_ATTRS:
        value, parts = trace, name.split(".")
        for part in parts:
            value = value.get(part) if isinstance(value, dict) else None
        if value is not None:
            out[name] = value
    return out


def planes_scrub(runs: list[zz.ZigzagRun], grid: tuple[int, ...], index: int, look: Look,
                 control: str, label: str, texts: tuple[str, ...] = ()) -> Scrub:
    """The step scrubbed over grid: frame i restyles each panel's step-dependent traces
    (_dynamic_traces) to step grid[i], in the window of planes_figure(…, view_until=grid[-1]),
    so frame i reproduces planes_figure at step grid[i]. The figure's trace order: per panel
    its static traces, then its dynamic ones."""
    box = plane_box(runs, grid[-1])
    classes = [zz.update_classes(r.updates) for r in runs]
    per_panel = STATIC_TRACES + DYNAMIC_TRACES
    order = [i * per_panel + STATIC_TRACES + j for i in range(len(runs))
             for j in range(DYNAMIC_TRACES)]
    # each panel's path at step k is the points first … k of its whole path (_path_trace):
    # the whole paths go to the browser once and a frame names the run it shows
    paths = [i * per_panel + STATIC_TRACES + 2 for i in range(len(runs))]
    last = int(grid[-1])
    full = {}
    for t, r, cls in zip(paths, runs, classes):
        size = np.full(last + 1, round(look.marker * 1.05), dtype=np.uint8)
        size[0] = 0
        full[t] = {"x": _f32(r.path[: last + 1, 0]), "y": _f32(r.path[: last + 1, 1]),
                   "marker.size": size,
                   "marker.color": np.concatenate([[0], cls[:last]]).astype(np.uint8)}
    frames = []
    for k in grid:
        data = [_flat(tr) for i, r in enumerate(runs)
                for tr in _dynamic_traces(r, classes[i], k, box, look, i == 0)]
        first = max(0, int(k) + 1 - MAX_PATH_POINTS)
        frames.append({"traces": order, "data": data,
                       "prefix": {t: (first, int(k) + 1) for t in full}})
    return Scrub(control, tuple(int(k) for k in grid), int(index), tuple(frames), label,
                 tuple(texts), full=full)


def distance_figure(runs: list[zz.ZigzagRun], names: list[str], eps: float,
                    look: Look) -> go.Figure:
    """‖w_t − w*‖ against t on a log axis for every run, with the ε line."""
    traces, shown = [], [np.array([eps])]
    for i, (r, name) in enumerate(zip(runs, names)):
        d = np.maximum(zz.distances(r), DIST_FLOOR)
        idx = np.unique(np.linspace(0, len(d) - 1, min(len(d), MAX_CURVE_POINTS)).astype(int))
        shown.append(d[idx])
        traces.append(line_trace(_f32(idx), _f32(d[idx]), name, i, look,
                                 hovertemplate="t = %{x}<br>‖w − w*‖ = %{y:.4g}<extra></extra>"))
    layout = styled_layout(look, x_title=t("zigzag.fig.step_axis"),
                           y_title=t("zigzag.fig.dist_axis"), height=look.height(340),
                           hovermode="closest")
    # whole decades written 10ⁿ (plotly's own "power" labels drew 10⁻¹⁰ as "10⁻¹o"), the title
    # clear of the tick labels
    layout["yaxis"] = merge(layout["yaxis"], log_axis(shown))
    layout["shapes"] = [dict(type="line", xref="x domain", x0=0, x1=1, yref="y", y0=eps, y1=eps,
                             line=dict(color=look.color(GREEN), dash="dot", width=2))]
    # plotly.js places annotations on a log axis by log10 of the value (shapes by the value
    # itself): add_hline put this label at 10^ε instead of at ε
    layout["annotations"] = [dict(text=f"ε = {eps:g}", xref="x domain", x=1, xanchor="right",
                                  yref="y", y=float(np.log10(eps)), yanchor="top",
                                  showarrow=False,
                                  font=dict(size=look.font - 2, color=look.text))]
    return figure(traces, layout)


def perceptron_figure(p: zz.PerceptronRun, step: int, look: Look, grid_n: int = 81) -> go.Figure:
    """Perceptron plane: number of misclassified samples as a shaded map (0 = the green solution
    wedge), the updates up to `step` as arrows coloured by sign pattern, w₀ and the current w."""
    k = max(0, min(int(step), len(p.updates)))
    box = view_box([p.path], [p.path[0], np.zeros(2)], pad=0.2)
    w1, w2, E = zz.perceptron_errors_grid(box[0], box[1], n=grid_n)
    traces = [dict(
        type="heatmap", x=_f32(w1), y=_f32(w2), z=E.astype(np.int8), zmin=0, zmax=4,
        colorscale=[[0, rgba(look.color(GREEN), 0.55)], [0.125, rgba(look.color(GREEN), 0.55)],
                    [0.125, "rgba(128,128,128,0.04)"], [1, "rgba(128,128,128,0.45)"]],
        colorbar=dict(title=dict(text=t("zigzag.fig.wrong"), side="top"),
                      tickvals=[0, 1, 2, 3, 4], len=0.8, thickness=14,
                      tickfont=dict(size=look.font - 3)),
        hovertemplate="w₁ = %{x:.3f}<br>w₂ = %{y:.3f}<br>" + t("zigzag.fig.wrong")
        + " = %{z}<extra></extra>", name=t("zigzag.fig.wrong"))]
    classes = zz.update_classes(p.updates)
    moved = np.concatenate([[True], np.any(p.updates[:k] != 0, axis=1)])
    path, cls = p.path[: k + 1][moved], np.concatenate([[0], classes[:k]])[moved]
    size = np.full(len(path), round(look.marker * 1.2), dtype=np.uint8)
    size[0] = 0
    traces.append(_scatter(
        x=_f32(path[:, 0]), y=_f32(path[:, 1]), mode="lines+markers", name=t("zigzag.fig.path"),
        line=dict(color=PATH_LINE, width=max(1.5, look.line * 0.55)),
        marker=dict(symbol="arrow", angleref="previous", size=size, color=cls.astype(np.uint8),
                    cmin=0, cmax=3, colorscale=class_scale(look)), hoverinfo="skip"))
    w = p.path[k]
    traces.append(_scatter(x=_f32(p.path[0, :1]), y=_f32(p.path[0, 1:]), mode="markers+text",
                           marker=dict(symbol="square", size=look.marker * 1.3, color=look.text),
                           text=["w₀"], textposition="top right", name="w₀", showlegend=False,
                           textfont=dict(size=look.font, color=look.text)))
    traces.append(_scatter(x=_f32(w[:1]), y=_f32(w[1:]), mode="markers+text",
                           marker=dict(size=look.marker * 1.4, color=MARKER_YELLOW,
                                       line=dict(width=2.5, color=look.text)),
                           text=[f"w<sub>{k}</sub>"], textposition="bottom right",
                           textfont=dict(size=look.font, color=look.text),
                           name=t("zigzag.fig.current")))
    traces += _legend_traces(look, box, (zz.PP, zz.MM))
    layout = styled_layout(look, x_title="w₁", y_title="w₂", height=look.height(520),
                           hovermode="closest")
    layout["legend"].update(y=-0.14, yanchor="top")
    layout["xaxis"].update(range=list(box[0]), constrain="domain")
    layout["yaxis"].update(range=list(box[1]), scaleanchor="x", scaleratio=1, constrain="domain")
    return figure(traces, layout)
