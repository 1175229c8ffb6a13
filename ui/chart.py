"""The app's one chart element: plotly.js in a Streamlit Components-v2 element, updated in place.

``st.plotly_chart`` derives its element id from the figure, so every changed figure was a new
element that the browser built from scratch: the user's zoom, hidden legend entries and hover mode
were lost at every slider move. This element keeps one DOM node per chart key and calls
``Plotly.react`` on it, with ``layout.uirevision`` set to the chart's *kind* (its key plus the
shape of its axes), so plotly.js keeps what the user changed for as long as the kind is the same.

plotly.js is the bundle that ships inside the installed ``plotly`` package (the version plotly.py
writes figures for). It is copied once into the app's ``static/`` folder, which Streamlit serves at
``app/static/`` (``server.enableStaticServing``): no CDN, no download at run time, one load per
browser tab however many charts a page has. The element's own inline JavaScript (sent with every
chart message) is a small loader; the renderer is ``static/activation_chart.js``.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import json
import math
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Sequence

import numpy as np
import plotly
import plotly.io as pio
import streamlit as st

from ui import internals

ROOT = Path(__file__).resolve().parent.parent
STATIC = ROOT / "static"
RENDERER = "activation_chart.js"
PLOTLY_SOURCE = Path(plotly.__file__).resolve().parent / "package_data" / "plotly.min.js"
COMPONENT = "activation_lab.chart"

# Sent inline with every chart message, so kept to a few hundred bytes: it loads the renderer
# module once per tab (the browser caches the import) and hands it the element's arguments.
LOADER_JS = """export default function(c){const w=window;
w.__alChart=w.__alChart||import(new URL("app/static/%s",document.baseURI).href);
w.__alChart.then(m=>m.render(c)).catch(e=>{let t=String(e);try{t=JSON.parse(
new TextDecoder().decode(c.data)).message}catch(_){}c.parentElement.textContent=t;});}""" % RENDERER


def plotly_js_version() -> str:
    """The plotly.js version bundled with the installed plotly package."""
    from plotly.offline._plotlyjs_version import __plotlyjs_version__

    return __plotlyjs_version__


def plotly_js_name() -> str:
    """File name of the served plotly.js bundle (versioned, so browsers never mix two)."""
    return f"plotly-{plotly_js_version()}.min.js"


def ensure_static() -> bool:
    """Copy plotly.min.js from the plotly package into static/ unless it is there already.

    Returns whether the file is in place. A read-only checkout (it cannot be copied) leaves the
    charts showing their "plotly.js could not be loaded" message instead of an empty box.
    """
    target = STATIC / plotly_js_name()
    try:
        if target.is_file() and target.stat().st_size == PLOTLY_SOURCE.stat().st_size:
            return True
        STATIC.mkdir(exist_ok=True)
        tmp = target.with_suffix(".tmp")
        shutil.copyfile(PLOTLY_SOURCE, tmp)
        tmp.replace(target)  # atomic: a concurrent request never sees half a file
        return True
    except OSError:
        return False


@dataclass(frozen=True)
class Scrub:
    """A page's main control, scrubbed in the browser over a grid ``core`` computed once.

    ``values`` is the grid (the control's own steps: nothing between grid points is invented),
    ``index`` the grid point shown now, ``frames[i]`` what changes in the figure at ``values[i]``:
    ``{"traces": [trace indices], "data": [{attribute: array, ...} per listed trace],
    "layout": {annotations/shapes/title ... (optional)}}`` (arrays go out as float32).
    ``texts[i]`` is values[i] as the page writes it; ``label`` the control's label (also its
    accessible name). The browser moves the picture with no message to the server while the
    thumb moves and sends the value when the drag ends (or a key moved it); the value then lands
    in ``st.session_state[control]`` and the URL like any widget's. ``disabled``: a follower
    whose teacher leads (the picture still follows the teacher). ``frames`` may be empty: the
    range input still moves and sends the value, and the picture comes from the server (a page
    over its payload budget does this for the scrubs it cannot send frames for). ``play``: a
    play/pause button beside the thumb steps through the grid (at most 30 grid points a second)
    and sends the value when it stops, as a release does. ``full``: {trace: {attribute: array}},
    whole traces of which a frame shows a run of points: a frame's ``"prefix": {trace: (a, b)}``
    says that its values of those attributes are the points a … b − 1 of them (the zig-zag's path
    up to step t); they are then sent once, not per frame, and drawn from views into them.
    """

    control: str
    values: tuple[float, ...]
    index: int
    frames: tuple[dict, ...]
    label: str
    texts: tuple[str, ...] = ()
    disabled: bool = False
    play: bool = False
    full: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Capture:
    """The chart takes an answer (a question step, ui.questions): ``mode`` "tap" (one point in
    data coordinates) or "sketch" (a stroke, resampled to at most ``points`` points), for the
    question ``question`` (its id); the element returns it as a trigger value."""

    mode: str
    question: str
    points: int = 64
    hint: str = ""
    extra: dict = field(default_factory=dict)


_MOUNT: list = []  # the registered element, made on the first chart drawn (not at import)


def _element():
    """The chart element, registered once per process on first use: importing this module (a
    figure builder's test, a bench) copies no file and registers nothing."""
    if not _MOUNT:
        ensure_static()
        _MOUNT.append(st.components.v2.component(COMPONENT, js=LOADER_JS, isolate_styles=False))
    return _MOUNT[0]


def _axis_signature(layout: dict[str, Any]) -> str:
    """The axes a figure has and their types: a change of these is a new view (zoom resets)."""
    parts = []
    for name in sorted(k for k in layout if re.fullmatch(r"(x|y)axis\d*|polar\d*|scene\d*", k)):
        axis = layout[name] if isinstance(layout[name], dict) else {}
        parts.append(f"{name}:{axis.get('type', '')}")
    return ",".join(parts)


def view_kind(key: str, layout: dict[str, Any]) -> str:
    """``layout.uirevision`` for a chart: its key and the shape of its axes.

    Same kind → plotly.js keeps the user's zoom, pan, hidden traces and hover mode; a parameter
    change keeps the kind, a switch to another view (other axes) does not.
    """
    digest = hashlib.sha1(_axis_signature(layout).encode()).hexdigest()[:10]
    return f"{key}:{digest}"


def export_name(page: str, key: str, state: dict[str, Any]) -> str:
    """File name for the mode bar's PNG export: app, page, chart and the state of the view."""
    bits = [f"{k}-{v}" for k, v in sorted(state.items()) if k not in ("lang", "classroom")]
    raw = "_".join(["activation-lab", page or "home", key, *bits])
    return re.sub(r"[^A-Za-z0-9._=-]+", "-", raw)[:120].strip("-")


# plotly.js's own English texts (hints, mode-bar button titles, notices) and the catalogue key of
# each one's translation: plotly.js shows a registered locale's dictionary in their place
PLOTLY_TEXTS: dict[str, str] = {
    "Double-click to zoom back out": "chart.plotly.zoom_back",
    "Double-click on legend to isolate one trace": "chart.plotly.isolate",
    "Download plot as a PNG": "chart.plotly.png",
    "Download plot": "chart.plotly.download",
    "Zoom": "chart.plotly.zoom",
    "Pan": "chart.plotly.pan",
    "Zoom in": "chart.plotly.zoom_in",
    "Zoom out": "chart.plotly.zoom_out",
    "Autoscale": "chart.plotly.autoscale",
    "Reset axes": "chart.plotly.reset_axes",
    "Reset": "chart.plotly.reset",
    "Reset view": "chart.plotly.reset_view",
    "Reset views": "chart.plotly.reset_views",
    "Box Select": "chart.plotly.box_select",
    "Lasso Select": "chart.plotly.lasso_select",
    "Toggle Spike Lines": "chart.plotly.spikes",
    "Show closest data on hover": "chart.plotly.closest",
    "Compare data on hover": "chart.plotly.compare",
    "Toggle show closest data on hover": "chart.plotly.toggle_closest",
    "Preparing image - this may take a few seconds": "chart.plotly.preparing",
    "Image download succeeded": "chart.plotly.image_ok",
    "Sorry, there was a problem downloading your image!": "chart.plotly.image_bad",
}


def plotly_locale(lang: str) -> dict[str, Any] | None:
    """The plotly.js locale for a language (None for English, plotly.js's own): its name, the
    dictionary of plotly.js's texts and the number format (``Plotly.register`` takes both)."""
    if lang == "en":
        return None
    from ui.i18n import CATALOGUES

    texts = CATALOGUES.get(lang, {})
    dictionary = {en: texts[key] for en, key in PLOTLY_TEXTS.items() if key in texts}
    return {"name": lang, "dictionary": dictionary,
            "format": {"decimal": ".", "thousands": ",", "grouping": [3],
                       "currency": ["₩", ""], "date": "%Y. %m. %d.",
                       "days": ["일요일", "월요일", "화요일", "수요일", "목요일", "금요일", "토요일"],
                       "shortDays": ["일", "월", "화", "수", "목", "금", "토"],
                       "months": [f"{m}월" for m in range(1, 13)],
                       "shortMonths": [f"{m}월" for m in range(1, 13)]} if lang == "ko" else {}}


def _in_run() -> bool:
    """Whether a script run (a session state) is there to read."""
    try:
        return "_al_view_epoch" in st.session_state
    except Exception:  # noqa: BLE001 - outside a script run (tests, benches)
        return False



# ---------------------------------------------------------------------------- scrub frames
#
# What the renderer accepts in a frame (Scrub.frames[i]): {"traces": [trace indices], "data":
# [{attribute: value} per listed trace], "layout": {layout key: value}}. An attribute value is
# - a numeric numpy array or list (any shape: a heat map's z is 2-D): sent as float32, non-finite
#   values as NaN (a gap, as None is in the figure);
# - {"levels": uint8 array, "lo": float, "hi": float}: sent as one byte per value, drawn as
#   lo + level·(hi − lo)/255 (decision maps);
# - anything else JSON can hold (colours, texts, scalars), sent as it is.
# A (trace, attribute) that is a numeric array of one shape in every frame is packed into one
# block over all frames (the browser decodes it once into one typed array and shows frame i as a
# view into it); the rest travels per frame. Layout values are replaced whole (annotations,
# shapes, a title).

def _numeric(value: Any) -> np.ndarray | None:
    """value as a float32 array if it is a numeric array or list, else None."""
    if isinstance(value, np.ndarray):
        return value.astype(np.float32) if value.dtype.kind in "fiub" and value.ndim else None
    if isinstance(value, (list, tuple)) and value:
        flat = [w for v in value for w in (v if isinstance(v, (list, tuple)) else (v,))]
        if any(isinstance(w, (str, bytes)) for w in flat):
            return None   # texts stay texts (numpy would read "0.69" as a number)
        try:
            arr = np.asarray([np.nan if v is None else v for v in value] if not isinstance(
                value[0], (list, tuple, np.ndarray)) else value, dtype=np.float32)
        except (TypeError, ValueError):
            return None
        return arr if arr.dtype.kind == "f" else None
    return None


def _levels(value: Any) -> tuple[np.ndarray, float, float] | None:
    if isinstance(value, dict) and set(value) == {"levels", "lo", "hi"}:
        levels = np.asarray(value["levels"])
        if levels.dtype != np.uint8:
            raise ValueError("levels must be a uint8 array")
        return levels, float(value["lo"]), float(value["hi"])
    return None


def _b64(arr: np.ndarray) -> str:
    return base64.b64encode(np.ascontiguousarray(arr).tobytes()).decode()


def _block(scrub: "Scrub", trace: int, attr: str) -> dict | None:
    """One block over all frames for (trace, attr), or None if some frame lacks it or holds
    something else (then it travels per frame)."""
    arrays, levels = [], []
    for frame in scrub.frames:
        where = dict(zip(frame.get("traces", ()), frame.get("data", ())))
        value = where.get(trace, {}).get(attr) if trace in where else None
        level = _levels(value)
        if level is not None:
            levels.append(level)
        else:
            arr = _numeric(value)
            if arr is None:
                return None
            arrays.append(arr)
    if arrays and levels:
        return None
    parts = arrays or [lv for lv, _, _ in levels]
    if len({p.shape for p in parts}) != 1:
        return None
    block = {"trace": trace, "attr": attr, "shape": list(parts[0].shape)}
    if arrays:
        block["f4"] = _b64(np.stack(arrays))
    else:
        block.update(u1=_b64(np.stack(parts)), lo=[lo for _, lo, _ in levels],
                     hi=[hi for _, _, hi in levels])
    return block


def _loose(value: Any) -> Any:
    """A per-frame value JSON can carry (numeric arrays as float32 base64 blocks)."""
    level = _levels(value)
    if level is not None:
        arr, lo, hi = level
        return {"u1": _b64(arr), "shape": list(arr.shape), "lo": lo, "hi": hi}
    arr = _numeric(value)
    if arr is not None:
        return {"f4": _b64(arr), "shape": list(arr.shape)}
    return value


def pack_scrub(scrub: "Scrub") -> dict:
    """The JSON the browser gets for one scrub (see the comment above): the grid, its texts,
    the label, the blocks over all frames and what travels per frame. Without the index."""
    if not scrub.values or (scrub.frames and len(scrub.frames) != len(scrub.values)):
        raise ValueError(f"{scrub.control}: one frame per grid value (or none)")
    if scrub.texts and len(scrub.texts) != len(scrub.values):
        raise ValueError(f"{scrub.control}: one text per grid value")
    cuts = [_prefixes(scrub, frame) for frame in scrub.frames]
    cut_pairs = {(t, a) for cut in cuts for t in cut for a in scrub.full[t]}
    pairs = sorted({(t, a) for fr in scrub.frames for t, d in zip(fr.get("traces", ()),
                                                                 fr.get("data", ()))
                    for a in d} - cut_pairs)
    blocks = [b for b in (_block(scrub, t, a) for t, a in pairs) if b is not None]
    packed = {(b["trace"], b["attr"]) for b in blocks} | cut_pairs
    rest = []
    for frame, cut in zip(scrub.frames, cuts):
        data: dict[str, dict] = {}
        for t, attrs in zip(frame.get("traces", ()), frame.get("data", ())):
            loose = {a: _loose(v) for a, v in attrs.items()
                     if (t, a) not in packed or (t in scrub.full and t not in cut)}
            if t in cut:
                loose["prefix"] = list(cut[t])
            if loose:
                data[str(t)] = loose
        rest.append({"data": data, "layout": frame.get("layout") or {}})
    texts = list(scrub.texts) or [f"{v:g}" for v in scrub.values]
    out = {"control": scrub.control, "label": scrub.label, "values": list(scrub.values),
           "texts": texts, "disabled": bool(scrub.disabled), "blocks": blocks,
           "live": bool(scrub.frames), "play": bool(scrub.play)}
    if any(r["data"] or r["layout"] for r in rest):
        out["rest"] = rest
    used = {t for cut in cuts for t in cut}
    if used:
        out["full"] = [{"trace": t, "attr": a, "f4": _b64(_numeric(scrub.full[t][a]))}
                       for t in sorted(used) for a in sorted(scrub.full[t])]
    return out


def _prefixes(scrub: "Scrub", frame: dict) -> dict[int, tuple[int, int]]:
    """The traces of a frame that show a run a … b − 1 of a whole trace in ``scrub.full``
    (its ``prefix``), checked: every attribute of the whole trace is in the frame and equals
    that run of it as float32 (else the frame's values travel as they are)."""
    out = {}
    where = dict(zip(frame.get("traces", ()), frame.get("data", ())))
    for t, (a, b) in (frame.get("prefix") or {}).items():
        whole, attrs = scrub.full.get(t), where.get(t)
        if not whole or attrs is None or not 0 <= a <= b:
            continue
        same = True
        for name, arr in whole.items():
            run, got = _numeric(arr), _numeric(attrs.get(name))
            if run is None or got is None or run.ndim != 1 or b > len(run) or \
                    not np.array_equal(run[a:b], got, equal_nan=True):
                same = False
                break
        if same:
            out[int(t)] = (int(a), int(b))
    return out


def _without_scrubbed(spec: dict, scrubs: Sequence["Scrub"]) -> dict:
    """The figure spec without what the scrubs' frames set (the part that changes with their
    index): what stays the same while only a scrubbed value moves."""
    data = [dict(tr) for tr in spec.get("data", [])]
    layout = dict(spec.get("layout", {}))
    for scrub in scrubs:
        for frame in scrub.frames:
            for t, attrs in zip(frame.get("traces", ()), frame.get("data", ())):
                if 0 <= t < len(data):
                    for attr in attrs:
                        data[t].pop(attr.split(".")[0], None)
            for name in frame.get("layout") or {}:
                layout.pop(name.split(".")[0], None)
    return {"data": data, "layout": layout}


def digest(doc: dict, scrubs: Sequence["Scrub"] = ()) -> str:
    """What the browser must hold to draw doc at any index of its scrubs: the figure without
    the scrubbed parts, the frames, the config and texts. Equal digests: send the index only.
    The PNG export's file name (it spells the URL's state, the scrubbed value too) travels
    with the index, so it is left out."""
    rest = {k: v for k, v in doc.items() if k not in ("figure", "scrubs", "digest", "at")}
    rest["config"] = {k: v for k, v in doc.get("config", {}).items()
                      if k != "toImageButtonOptions"}
    rest["figure"] = _without_scrubbed(doc["figure"], scrubs) if scrubs else doc["figure"]
    rest["scrubs"] = doc.get("scrubs", [])
    text = json.dumps(rest, separators=(",", ":"), sort_keys=True, allow_nan=False)
    return hashlib.sha1(text.encode()).hexdigest()[:16]


def document(fig: Any, key: str, config: dict[str, Any], message: str,
             locale: dict[str, Any] | None = None, scrubs: Sequence["Scrub"] = (),
             capture: "Capture | None" = None) -> dict:
    """Everything the browser gets for one chart: the figure (arrays as base64 blocks, as
    plotly.py writes them), the plotly.js config, the view kind, the chart's key, the texts, the
    plotly.js locale (``locale``: see :func:`plotly_locale`), the scrubs' grids and frames
    (``scrubs``, each with ``index`` in ``at``) and the capture (``capture``)."""
    spec = json.loads(pio.to_json(fig, validate=False))
    layout = spec.setdefault("layout", {})
    # "Everyone back to my view" bumps the class's view epoch: a new uirevision resets zoom
    epoch = st.session_state.get("_al_view_epoch", 0) if _in_run() else 0
    layout["uirevision"] = view_kind(key, layout) + (f":{epoch}" if epoch else "")
    layout.pop("width", None)
    layout["autosize"] = True
    if locale:
        config = dict(config, locale=locale["name"])
    doc = {"figure": spec, "config": config, "lib": f"app/static/{plotly_js_name()}",
           "message": message, "key": key, "locale": locale}
    if scrubs:
        doc["scrubs"] = [pack_scrub(s) for s in scrubs]
        doc["at"] = [int(s.index) for s in scrubs]
    if capture is not None:
        doc["capture"] = {"mode": capture.mode, "question": capture.question,
                          "points": int(capture.points), "hint": capture.hint}
    return doc


def encode(doc: dict, sent: str | None = None, scrubs: Sequence["Scrub"] = ()) -> tuple[bytes, str]:
    """(bytes to send, digest): the whole document, or — when the browser already holds one of
    the same digest (``sent``) — only the key, the digest and the scrubs' indices."""
    stamp = digest(doc, scrubs)
    if sent == stamp and scrubs:
        light = {"key": doc["key"], "digest": stamp, "at": doc["at"], "lib": doc["lib"],
                 "message": doc["message"]}
        export = doc.get("config", {}).get("toImageButtonOptions")
        if export:
            light["export"] = export
        doc = light
    else:
        doc = dict(doc, digest=stamp)
    return json.dumps(doc, separators=(",", ":"), allow_nan=False).encode(), stamp


def payload(fig: Any, key: str, config: dict[str, Any], message: str,
            locale: dict[str, Any] | None = None) -> bytes:
    """The bytes of a whole chart document (see :func:`document`), as the first draw sends."""
    return encode(document(fig, key, config, message, locale))[0]


def apply_frame(spec: dict, scrub: "Scrub", i: int) -> dict:
    """The figure spec (plain JSON, arrays decoded or not) with frame i of scrub applied, as the
    browser does it: for tests that check that frames reproduce the figure."""
    data = [dict(tr) for tr in spec.get("data", [])]
    layout = dict(spec.get("layout", {}))
    frame = scrub.frames[i]
    for t, attrs in zip(frame.get("traces", ()), frame.get("data", ())):
        for attr, value in attrs.items():
            level = _levels(value)
            if level is not None:
                arr, lo, hi = level
                value = lo + arr.astype(np.float32) * np.float32((hi - lo) / 255)
            data[t][attr] = value
    layout.update(frame.get("layout") or {})
    return {"data": data, "layout": layout}


# ---------------------------------------------------------------------------- the element

_SENT = "_al_chart_sent"  # chart key -> digest of the last document sent whole


def _scrub_changed(key: str, scrub: "Scrub") -> None:
    """Callback of a scrub's state value: the value the browser sent, if it is a point of the
    grid (and the scrub not disabled), becomes ``st.session_state[control]``; anything else is
    ignored (a forged or stale message changes nothing)."""
    state = st.session_state.get(f"chart_{key}") or {}
    sent = state.get(scrub.control) if hasattr(state, "get") else None
    value = sent.get("value") if isinstance(sent, dict) else None
    index = grid_match(scrub.values, value)
    if index is not None and not scrub.disabled:
        st.session_state[scrub.control] = scrub.values[index]


def grid_match(values: Sequence[float], value: Any) -> int | None:
    """Index of the grid point value names (within rounding), else None."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        return None
    for i, v in enumerate(values):
        if abs(v - value) <= 1e-9 * max(1.0, abs(v)):
            return i
    return None


def _resend(key: str) -> None:
    """Callback: the browser lacks the frames of the digest it got: send them whole next."""
    st.session_state.get(_SENT, {}).pop(key, None)


def captured(capture: "Capture | None", value: Any) -> dict | None:
    """The capture trigger value as the page gets it: ``{"question", "x", "y"}`` (tap) or
    ``{"question", "points"}`` (sketch) with finite numbers, at most ``points`` points in
    increasing x; None for anything else (another question's, malformed, forged)."""
    if capture is None or not isinstance(value, dict) or value.get("question") != capture.question:
        return None
    finite = lambda v: isinstance(v, (int, float)) and not isinstance(v, bool) \
        and math.isfinite(v)  # noqa: E731
    if capture.mode == "tap":
        x, y = value.get("x"), value.get("y")
        return {"question": capture.question, "x": float(x), "y": float(y)} \
            if finite(x) and finite(y) else None
    points = value.get("points")
    if not isinstance(points, list) or not 2 <= len(points) <= capture.points:
        return None
    if not all(isinstance(p, list) and len(p) == 2 and finite(p[0]) and finite(p[1])
               for p in points):
        return None
    xs = [p[0] for p in points]
    if any(b <= a for a, b in zip(xs, xs[1:])):
        return None
    return {"question": capture.question, "points": [[float(x), float(y)] for x, y in points]}


def render(fig: Any, key: str, config: dict[str, Any], message: str,
           locale: dict[str, Any] | None = None, scrubs: Sequence["Scrub"] = (),
           capture: "Capture | None" = None) -> dict | None:
    """Draw fig as the chart keyed ``chart_<key>`` (the same DOM node across reruns), its
    plotly.js texts in ``locale`` (see :func:`plotly_locale`), with its scrubs' range inputs
    and frames and its capture. Returns the capture's value in the run after the event."""
    doc = document(fig, key, config, message, locale, scrubs, capture)
    table = st.session_state.setdefault(_SENT, {}) if internals.in_script_run() else {}
    # AppTest and plain Python get whole documents (their readers parse the figure)
    sent = table.get(key) if internals.serves_browser() else None
    data, stamp = encode(doc, sent, scrubs)
    table[key] = stamp
    calls = {f"on_{s.control}_change": functools.partial(_scrub_changed, key, s)
             for s in scrubs}
    calls["on_resend_change"] = functools.partial(_resend, key)
    if capture is not None:
        calls["on_capture_change"] = _no_op
    result = _element()(key=f"chart_{key}", data=data, width="stretch", height="content",
                        **calls)
    return captured(capture, result.get("capture")) if capture is not None else None


def _no_op() -> None:
    """The capture's trigger callback (the page reads the value from the element)."""
