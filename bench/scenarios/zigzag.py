"""Latency scenario for the zig-zag page: move the learning-rate slider (a server round trip; the
step t is scrubbed in the browser, which bench/scrub.py measures)."""

from ui.controls.zigzag import SPEC
from ui.i18n import CATALOGUES

SCENARIO = {
    "name": "zigzag",
    "path": "/zigzag?lang=en",
    # the URL-bound learning-rate slider, found by its English label; the planes chart follows
    "slider": CATALOGUES["en"][SPEC["zz_lr"].label],
    "chart": "zz_planes",  # the key the page passes to ui.page.chart
}
