"""A one-chart app for the scrub browser test: a line y = a·x whose slope a is scrubbed on the
chart, and a button that sets a from the server (as a lesson step or follow-the-teacher does)."""

import numpy as np
import streamlit as st

from ui.controls import Control, Spec
from ui.page import chart
from ui.chart import Scrub
from ui.theme import Look, figure, line_trace, styled_layout

SPEC = Spec("scrubtest", [Control("slope", "slider", 0.5, lo=0.0, hi=1.0, step=0.1, scrub=True,
                                  label=lambda: "Slope a")])
st.set_page_config(page_title="scrub", layout="wide")
x = np.linspace(-1.0, 1.0, 21)
grid = SPEC["slope"].grid()
slope = SPEC.draw("slope")
frames = tuple({"traces": [0], "data": [{"y": (a * x).astype(np.float32)}]} for a in grid)
layout = styled_layout(Look(), x_title="x", y_title="y", height=380)
layout["yaxis"]["range"] = [-1.1, 1.1]
fig = figure([line_trace(x, (slope * x).astype(np.float32), "a·x", 0, Look())], layout)
chart(fig, "line", scrubs=[Scrub("slope", grid, grid.index(slope), frames, "Slope a")])


def server_sets() -> None:
    st.session_state["slope"] = 0.3


st.button("Server sets 0.3", key="server", on_click=server_sets)
st.code(f"slope={slope}", language=None)
