"""Latency scenario for the small-network lab: a non-training control. The backpropagation
step-through of the course's XOR network moves one stage per step (16 stages), and the diagram
chart (key net_diagram) must change each time. Training
controls retrain networks and are measured by bench/network_speed.py instead.

The query, the slider's key and its last stage come from the page's control spec."""

from urllib.parse import quote, urlencode

from ui.controls.network import SPEC

STEP_KEY = "net_pos_xor"  # the stage slider of the XOR example
QUERY = urlencode({"lang": "en", **SPEC.to_query({"net_ex": "xor"})}, doseq=True,
                  quote_via=quote)

SCENARIO = {
    "name": "network",
    "path": f"/network?{QUERY}",
    "slider": "Stage",
    "chart": "net_diagram",  # the key the page passes to ui.page.chart
    "max_moves": int(SPEC[STEP_KEY].hi) - 1,  # stages 1 … 16: the slider ends there
}
