"""Latency scenario for the zig-zag page: move the step slider (the teacher's main control)."""

SCENARIO = {
    "name": "zigzag",
    "path": "/zigzag?lang=en",
    "slider": "Current step t",   # the URL-bound step slider; the planes chart must follow
    "chart": "zz_planes",  # the key the page passes to ui.page.chart
}
