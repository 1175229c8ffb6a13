"""Latency and load scenario for the derivatives-and-saturation page: move the x-range slider
repeatedly (a server round trip: the f / f' chart with its shaded saturated regions and tangent
must change each time). The probe x₀ and the threshold t are scrubbed in the browser (no round
trip while they move). Keys, bounds and the slider's label come from the page's control spec
(ui/controls/saturation.py)."""

from urllib.parse import quote, urlencode

from ui.controls.saturation import SPEC
from ui.i18n import CATALOGUES

QUERY = urlencode({"lang": "en"}, doseq=True, quote_via=quote)  # the defaults
SLIDER = "sat_xr"
# sliders the load bench moves on this page (in turn), each drawn on the default view: the
# x range (the main chart), the depth of the best case (a fragment) and the deep network's bias
MOVES = [SLIDER, "sat_L", SLIDER, "sat_b"]

SCENARIO = {
    "name": "saturation",
    "path": f"/saturation?{QUERY}",
    "slider": CATALOGUES["en"][SPEC[SLIDER].label],  # the latency bench runs in English
    "chart": "sat_curves",  # the key the page passes to ui.page.chart
}
