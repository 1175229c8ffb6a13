"""Latency and load scenario for the activation explorer: two ReLU-family curves on, then the
Leaky ReLU slope slider moved (the f / f′ chart must change each time). Keys, URL spellings and
the slider's label come from the page's control spec (ui/controls/explorer.py)."""

from urllib.parse import quote, urlencode

from ui.controls.explorer import SPEC

STATE = {"f_relu": ["relu", "leaky_relu"]}  # what the link sets, over the spec's defaults
QUERY = urlencode({"lang": "en", **SPEC.to_query(STATE)}, doseq=True, quote_via=quote)
SLIDER = "p_leaky_relu_negative_slope"
# sliders the load bench moves on this page (in turn): each is drawn under STATE
MOVES = [SLIDER, "temp", "L", SLIDER]

SCENARIO = {
    "name": "explorer",
    "path": f"/explorer?{QUERY}",
    "slider": SPEC[SLIDER].label(),  # its label is language-neutral: "Leaky ReLU · negative_slope"
    "chart": "curves",  # the key the page passes to ui.page.chart
}
