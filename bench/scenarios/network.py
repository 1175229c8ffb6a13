"""Latency scenario for the small-network lab: a non-training control. The backpropagation
step-through of the course's XOR network moves one stage per step (16 stages), and the diagram
chart (key net_diagram) must change each time. Training
controls retrain networks and are measured by bench/network_speed.py instead."""

SCENARIO = {
    "name": "network",
    "path": "/network?lang=en&net_ex=XOR%202-2-1",
    "slider": "Stage",
    "chart": "net_diagram",  # the key the page passes to ui.page.chart
    "max_moves": 15,  # stages 1 … 16: the slider ends there
}
