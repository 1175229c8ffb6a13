"""A one-chart app for the chart-answer browser test (ui.chart.Capture): the chart takes a tap or
a stroke (``?mode=tap|sketch``) and the page writes the value ui.page.chart returned."""

import json

import numpy as np
import streamlit as st

from ui.chart import Capture
from ui.page import chart
from ui.theme import Look, figure, line_trace, styled_layout

st.set_page_config(page_title="capture", layout="wide")
mode = "sketch" if st.query_params.get("mode") == "sketch" else "tap"
x = np.linspace(-4.0, 4.0, 81)
layout = styled_layout(Look(), x_title="x", y_title="y", height=420)
layout["xaxis"]["range"] = [-4, 4]
layout["yaxis"]["range"] = [-2, 2]
fig = figure([line_trace(x, np.tanh(x), "tanh", 0, Look())], layout)
answer = chart(fig, "answer", capture=Capture(mode, question=f"q-{mode}", points=64,
                                              hint="Answer on the chart"))
if answer is not None:
    st.session_state["answer"] = answer
st.code(json.dumps(st.session_state.get("answer")), language=None)
