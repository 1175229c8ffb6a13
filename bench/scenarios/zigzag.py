"""Latency scenario for the zig-zag page: move the step slider (the teacher's main control)."""

from ui.controls.zigzag import SPEC
from ui.i18n import CATALOGUES

SCENARIO = {
    "name": "zigzag",
    "path": "/zigzag?lang=en",
    # the URL-bound step slider, found by its English label; the planes chart must follow
    "slider": CATALOGUES["en"][SPEC["zz_t"].label],
    "chart": "zz_planes",  # the key the page passes to ui.page.chart
}
