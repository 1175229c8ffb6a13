"""The baseline for bench/latency.py: one slider and one Plotly chart, nothing else."""

import numpy as np
import plotly.graph_objects as go
import streamlit as st

k = st.slider("Frequency", 0.5, 5.0, 1.0, step=0.1)
x = np.linspace(-6, 6, 401)
fig = go.Figure(go.Scatter(x=x.astype(np.float32), y=np.sin(k * x).astype(np.float32)))
st.plotly_chart(fig, theme=None)
