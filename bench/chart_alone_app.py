"""A second baseline for bench/latency.py: the explorer's f/f′ figure alone under one slider.

Same four curves, builder and styling as the explorer scenario (Sigmoid, Tanh, ReLU, Leaky ReLU,
241 points, f and f′ panels), with no other element on the page. Its latency against the hello
page's is the cost of the figure itself: what any page drawing that figure cannot go below.
"""

import sys
from pathlib import Path

import numpy as np
import streamlit as st

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from core.activations import get  # noqa: E402
from ui.figures.explorer import Curve, curves_figure  # noqa: E402
from ui.theme import Look  # noqa: E402

slope = st.slider("Leaky ReLU · negative_slope", 0.0, 1.0, 0.01, step=0.01)
x = np.linspace(-6, 6, 241)
params = {"sigmoid": {}, "tanh": {}, "relu": {}, "leaky_relu": {"negative_slope": slope}}
curves = [Curve(get(i).name, get(i).fn(x, **p), get(i).grad(x, **p)) for i, p in params.items()]
st.plotly_chart(curves_figure(x, curves, Look(), True, "f(x)", "f′(x)"), theme=None,
                width="stretch")
