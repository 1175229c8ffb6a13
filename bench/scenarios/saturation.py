"""Latency and load scenario for the derivatives-and-saturation page: move the probe slider
repeatedly (the f / f' chart with its shaded saturated regions and tangent must change each
time). Keys, bounds and the slider's label come from the page's control spec
(ui/controls/saturation.py)."""

from urllib.parse import quote, urlencode

from ui.controls.saturation import SPEC
from ui.i18n import CATALOGUES

QUERY = urlencode({"lang": "en"}, doseq=True, quote_via=quote)  # the defaults
SLIDER = "sat_x"
# the probe within the default x range, where every move changes the chart
_HALF = SPEC["sat_xr"].default
PROBE = f"{SLIDER}:{-_HALF:g}:{_HALF:g}"
# sliders the load bench moves on this page (in turn), each drawn on the default view: the
# probe (a fragment), the depth of the best case (a fragment) and the deep network's bias
MOVES = [PROBE, "sat_L", PROBE, "sat_b"]

SCENARIO = {
    "name": "saturation",
    "path": f"/saturation?{QUERY}",
    "slider": CATALOGUES["en"][SPEC[SLIDER].label],  # the latency bench runs in English
    "chart": "sat_curves",  # the key the page passes to ui.page.chart
}
