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

import hashlib
import json
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import plotly
import plotly.io as pio
import streamlit as st

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
    whose teacher leads (the picture still follows the teacher).
    """

    control: str
    values: tuple[float, ...]
    index: int
    frames: tuple[dict, ...]
    label: str
    texts: tuple[str, ...] = ()
    disabled: bool = False


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


def payload(fig: Any, key: str, config: dict[str, Any], message: str,
            locale: dict[str, Any] | None = None) -> bytes:
    """The bytes sent to the browser: one JSON document with the figure (arrays as base64
    blocks, as plotly.py writes them), the plotly.js config, the view kind, the chart's key,
    the texts and the plotly.js locale (``locale``: see :func:`plotly_locale`)."""
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
    return json.dumps(doc, separators=(",", ":"), allow_nan=False).encode()


def render(fig: Any, key: str, config: dict[str, Any], message: str,
           locale: dict[str, Any] | None = None) -> None:
    """Draw fig as the chart keyed ``chart_<key>`` (the same DOM node across reruns), its
    plotly.js texts in ``locale`` (see :func:`plotly_locale`)."""
    _element()(key=f"chart_{key}", data=payload(fig, key, config, message, locale),
               width="stretch", height="content")
