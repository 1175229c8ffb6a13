"""Latency and load scenario for the activation explorer: two ReLU-family curves on (so a page
open carries the Leaky ReLU slope's scrub frames), then the softmax temperature slider moved (a
server round trip: the softmax bars must change each time). The parameter sliders are scrubbed
in the browser (bench/scrub.py measures those). Keys, URL spellings and the slider's label come
from the page's control spec (ui/controls/explorer.py)."""

from urllib.parse import quote, urlencode

from ui.controls.explorer import SPEC
from ui.i18n import CATALOGUES

STATE = {"f_relu": ["relu", "leaky_relu"]}  # what the link sets, over the spec's defaults
QUERY = urlencode({"lang": "en", **SPEC.to_query(STATE)}, doseq=True, quote_via=quote)
SLIDER = "temp"
SCRUB = "p_leaky_relu_negative_slope"  # what bench/scrub.py drags on the f/f′ chart
# sliders the load bench moves on this page (in turn): each is drawn under STATE
MOVES = [SLIDER, "L", "a", SLIDER]

SCENARIO = {
    "name": "explorer",
    "path": f"/explorer?{QUERY}",
    "slider": CATALOGUES["en"][SPEC[SLIDER].label],  # the latency bench runs in English
    "chart": "softmax",  # the key the page passes to ui.page.chart
}
