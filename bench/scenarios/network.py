"""Latency scenario for the small-network lab: move the "Points" slider of the training panel.
The data set changes, so all four networks retrain (chunks cached after the first visit of a
value) and the loss chart must change each time."""

SCENARIO = {
    "name": "network",
    "path": "/network?lang=en",
    "slider": "Points",
    "chart_index": 0,
}
