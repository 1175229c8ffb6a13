"""Latency scenario for the learning-rate page: nudge the log learning-rate slider (the main
control; its callback sets the exact lr), the loss-curve chart with the iterates must follow."""

SCENARIO = {
    "name": "descent",
    "path": "/descent?lang=en",
    "slider": "Learning rate on a log scale",
    "chart": "gd_curve",  # the key the page passes to ui.page.chart
}
