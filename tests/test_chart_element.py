"""The app's chart element (ui/chart.py): what it sends and how it names the view's kind."""

from __future__ import annotations

import json

import numpy as np
import pytest

from ui import chart
from ui.theme import Look, figure, line_trace, styled_layout


def small_figure(slope: float, log_y: bool = False, second_axis: bool = False):
    x = np.linspace(-3, 3, 61, dtype=np.float32)
    y = np.where(x > 0, x, slope * x).astype(np.float32)
    layout = styled_layout(Look(), x_title="x", y_title="f(x)")
    if log_y:
        layout["yaxis"]["type"] = "log"
    if second_axis:
        layout["yaxis2"] = {"overlaying": "y", "side": "right"}
    return figure([line_trace(x, y, "Leaky ReLU", 0, Look())], layout)


def test_a_parameter_change_keeps_the_view_kind():
    a, b = small_figure(0.01), small_figure(0.3)
    kind = lambda fig: chart.view_kind("curves", fig.to_plotly_json()["layout"])  # noqa: E731
    assert kind(a) == kind(b)
    assert kind(a) != kind(small_figure(0.01, log_y=True))       # another axis type
    assert kind(a) != kind(small_figure(0.01, second_axis=True))  # another set of axes
    assert chart.view_kind("other", {}) != chart.view_kind("curves", {})


def test_payload_is_one_json_document_with_the_view_kind():
    fig = small_figure(0.2)
    doc = json.loads(chart.payload(fig, "curves", {"displaylogo": False}, "no plotly.js"))
    layout = doc["figure"]["layout"]
    assert layout["uirevision"] == chart.view_kind("curves", fig.to_plotly_json()["layout"])
    assert layout["autosize"] is True and "width" not in layout
    assert doc["config"] == {"displaylogo": False}
    assert doc["message"] == "no plotly.js"
    assert doc["lib"] == f"app/static/{chart.plotly_js_name()}"
    y = doc["figure"]["data"][0]["y"]
    assert y["dtype"] == "f4"  # float32 arrays travel as base64 blocks
    from tests.pages.conftest import decode
    assert decode(y)[-1] == pytest.approx(3.0)
    assert decode(y)[0] == pytest.approx(-0.6)


def test_nan_becomes_a_gap_never_invalid_json():
    bad = figure([line_trace([0.0, 1.0, 2.0], [0.0, float("nan"), 1.0], "gap", 0, Look())], {})
    text = chart.payload(bad, "gap", {}, "m").decode()
    assert "NaN" not in text
    assert json.loads(text)["figure"]["data"][0]["y"] == [0.0, None, 1.0]


def test_export_name_says_page_chart_and_state():
    name = chart.export_name("descent", "gd_curve", {"lr": "0.5", "lang": "ko", "gd_x0": "3"})
    assert name == "activation-lab_descent_gd_curve_gd_x0-3_lr-0.5"
    hostile = chart.export_name("explorer", "curves", {"fx": "../../etc/passwd <script>"})
    assert "/" not in hostile and "<" not in hostile and " " not in hostile
    assert len(chart.export_name("p", "k", {"a": "x" * 500})) <= 120


def test_plotly_js_is_served_from_the_installed_package():
    served = chart.STATIC / chart.plotly_js_name()
    assert chart.ensure_static()
    assert served.stat().st_size == chart.PLOTLY_SOURCE.stat().st_size
    assert served.read_bytes()[:2000] == chart.PLOTLY_SOURCE.read_bytes()[:2000]
    assert (chart.STATIC / chart.RENDERER).is_file()
    assert chart.RENDERER in chart.LOADER_JS and len(chart.LOADER_JS) < 600
