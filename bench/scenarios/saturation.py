"""Latency scenario for the derivatives-and-saturation page: move the probe slider repeatedly
(the f / f' chart with its shaded saturated regions and tangent must change each time)."""

SCENARIO = {
    "name": "saturation",
    "path": "/saturation?lang=en",
    "slider": "Probe x₀",
    "chart": "sat_curves",  # the key the page passes to ui.page.chart
}
