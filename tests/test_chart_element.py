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


# ----------------------------------------------------------------------------- scrub frames

def leaky_scrub(index: int = 1, show_grad: bool = True):
    """The explorer's scrub of the Leaky ReLU slope over its grid, with the figure it belongs
    to (the picture at values[index])."""
    from core.activations import get
    from ui.controls.explorer import SPEC
    from ui.figures.explorer import Curve, curve_scrub, curve_traces, curves_figure

    control = SPEC["p_leaky_relu_negative_slope"]
    grid = control.grid()
    x = np.linspace(-6, 6, 241)
    f_rows, g_rows = get("leaky_relu").sweep(x, "negative_slope", grid)
    scrub = curve_scrub(control.key, control.label(), grid, index, curve_traces(0, show_grad),
                        f_rows, g_rows)
    fig = curves_figure(x, [Curve("Leaky ReLU", f_rows[index], g_rows[index])], Look(),
                        show_grad, "f", "g")
    return scrub, fig, grid, x


def blocks_of(doc: dict) -> dict:
    """(trace, attr) -> float32 array (frames × shape) of the first scrub's blocks."""
    import base64

    out = {}
    for b in doc["scrubs"][0]["blocks"]:
        flat = np.frombuffer(base64.b64decode(b["f4"]), dtype=np.float32)
        out[(b["trace"], b["attr"])] = flat.reshape(-1, *b["shape"])
    return out


def test_the_grid_is_the_slider_s_own_steps():
    from ui.controls.explorer import SPEC

    grid = SPEC["p_leaky_relu_negative_slope"].grid()
    assert grid[:3] == (0.0, 0.01, 0.02) and grid[-1] == 0.5 and len(grid) == 51
    assert SPEC["p_softplus_threshold"].grid() == tuple(float(v) for v in range(1, 51))
    assert SPEC["p_leaky_relu_negative_slope"].snap(0.0149) == 0.01
    assert SPEC["p_leaky_relu_negative_slope"].snap(0.0151) == 0.02
    from ui.controls import Control

    with pytest.raises(ValueError):
        Control("t", "toggle", False, scrub=True)  # only a bounded slider can be scrubbed


def test_frames_are_packed_as_one_float32_block_per_trace_attribute():
    scrub, fig, grid, x = leaky_scrub(index=30)
    doc = chart.document(fig, "curves", {}, "m", scrubs=[scrub])
    packed = doc["scrubs"][0]
    assert packed["control"] == "p_leaky_relu_negative_slope"
    assert packed["values"] == list(grid) and packed["texts"][30] == "0.3"
    assert doc["at"] == [30] and "rest" not in packed
    blocks = blocks_of(doc)
    assert set(blocks) == {(0, "y"), (1, "y")}
    assert blocks[(0, "y")].shape == (51, 241)
    for k in (0, 17, 50):  # frame k is core's f and f′ at grid[k]
        want = np.where(x > 0, x, grid[k] * x).astype(np.float32)
        np.testing.assert_array_equal(blocks[(0, "y")][k], want)
        np.testing.assert_array_equal(blocks[(1, "y")][k],
                                      np.where(x > 0, 1, grid[k]).astype(np.float32))
    # the figure is the picture at values[index]: frame `index` reproduces it exactly
    from tests.pages.conftest import decode

    for t in (0, 1):
        np.testing.assert_array_equal(decode(doc["figure"]["data"][t]["y"]), blocks[(t, "y")][30])


def test_levels_and_loose_values_travel_as_documented():
    import base64

    frames = tuple({"traces": [0], "data": [{"z": {"levels": np.full((2, 3), k * 50, np.uint8),
                                                     "lo": -1.0, "hi": 1.0},
                                               "text": [f"epoch {k}"]}],
                    "layout": {"title": {"text": f"t{k}"}}} for k in range(3))
    scrub = chart.Scrub("epoch", (0, 1, 2), 2, frames, "Epoch")
    packed = chart.pack_scrub(scrub)
    (block,) = packed["blocks"]
    assert block["attr"] == "z" and block["shape"] == [2, 3]
    assert block["lo"] == [-1.0] * 3 and block["hi"] == [1.0] * 3
    levels = np.frombuffer(base64.b64decode(block["u1"]), dtype=np.uint8).reshape(3, 2, 3)
    assert levels[2, 1, 2] == 100
    assert packed["rest"][1] == {"data": {"0": {"text": ["epoch 1"]}},
                                 "layout": {"title": {"text": "t1"}}}
    shown = chart.apply_frame({"data": [{"type": "heatmap"}], "layout": {}}, scrub, 1)
    assert shown["data"][0]["z"][0, 0] == pytest.approx(-1 + 2 * 50 / 255, abs=1e-6)
    with pytest.raises(ValueError):
        chart.pack_scrub(chart.Scrub("epoch", (0, 1), 0, frames, "Epoch"))  # a frame per value


def test_only_the_index_is_sent_when_nothing_else_changed():
    a, fig_a, _, _ = leaky_scrub(index=1)
    b, fig_b, _, _ = leaky_scrub(index=40)
    whole, stamp = chart.encode(chart.document(fig_a, "curves", {}, "m", scrubs=[a]), None, [a])
    light, stamp_b = chart.encode(chart.document(fig_b, "curves", {}, "m", scrubs=[b]), stamp, [b])
    assert stamp_b == stamp  # the same figure but for the scrubbed value
    assert json.loads(light) == {"key": "curves", "digest": stamp, "at": [40],
                                 "lib": f"app/static/{chart.plotly_js_name()}", "message": "m"}
    assert len(light) < 200 < 100_000 < len(whole)
    # anything else changed (here: f′ hidden, so other traces and frames): the whole document
    c, fig_c, _, _ = leaky_scrub(index=40, show_grad=False)
    again, stamp_c = chart.encode(chart.document(fig_c, "curves", {}, "m", scrubs=[c]), stamp, [c])
    assert stamp_c != stamp and "figure" in json.loads(again)


class FakeState(dict):
    """st.session_state in a callback: the element's state under its key, the controls."""


@pytest.fixture
def session(monkeypatch):
    state = FakeState()
    monkeypatch.setattr(chart.st, "session_state", state)
    return state


@pytest.mark.parametrize("sent,stored", [
    ({"value": 0.3, "seq": 1}, 0.3),
    ({"value": 0.30000000000000004, "seq": 2}, 0.3),    # within rounding of a grid point
    ({"value": 0.305, "seq": 3}, None),                 # between grid points
    ({"value": 7.0, "seq": 4}, None),                   # outside the grid
    ({"value": float("nan"), "seq": 5}, None),
    ({"value": "0.3", "seq": 6}, None),
    ({"value": True, "seq": 7}, None),
    ("0.3", None),
    (None, None),
])
def test_the_callback_stores_only_grid_values(session, sent, stored):
    scrub, _, _, _ = leaky_scrub()
    session["chart_curves"] = {scrub.control: sent}
    chart._scrub_changed("curves", scrub)
    assert session.get(scrub.control) == stored


def test_a_disabled_scrub_ignores_the_browser(session):
    scrub, _, _, _ = leaky_scrub()
    from dataclasses import replace

    session["chart_curves"] = {scrub.control: {"value": 0.3, "seq": 1}}
    chart._scrub_changed("curves", replace(scrub, disabled=True))
    assert scrub.control not in session


@pytest.mark.parametrize("mode,value,want", [
    ("tap", {"question": "q", "x": 1.5, "y": -0.25}, {"question": "q", "x": 1.5, "y": -0.25}),
    ("tap", {"question": "other", "x": 1.5, "y": 0.0}, None),
    ("tap", {"question": "q", "x": float("inf"), "y": 0.0}, None),
    ("tap", {"question": "q", "x": "1", "y": 0.0}, None),
    ("sketch", {"question": "q", "points": [[0, 1], [1, 2]]},
     {"question": "q", "points": [[0.0, 1.0], [1.0, 2.0]]}),
    ("sketch", {"question": "q", "points": [[1, 1], [0, 2]]}, None),   # x not increasing
    ("sketch", {"question": "q", "points": [[k, 0] for k in range(65)]}, None),  # too many
    ("sketch", {"question": "q", "points": [[0, 1]]}, None),
    ("sketch", {"question": "q", "points": [[0, 1], [1, None]]}, None),
    ("sketch", None, None),
])
def test_a_capture_value_is_checked_before_the_page_gets_it(mode, value, want):
    assert chart.captured(chart.Capture(mode, question="q"), value) == want


def test_a_scrub_without_frames_leaves_the_picture_to_the_server():
    scrub = chart.Scrub("slope", (0.0, 0.5, 1.0), 1, (), "Slope")
    packed = chart.pack_scrub(scrub)
    assert packed["live"] is False and packed["blocks"] == [] and "rest" not in packed
    assert packed["texts"] == ["0", "0.5", "1"]
    assert chart.pack_scrub(leaky_scrub()[0])["live"] is True


def test_the_explorer_s_frames_stay_within_their_budget():
    from ui.figures.explorer import FRAME_BUDGET, POINTS, frame_points

    assert frame_points([51], True) == (241, 1)         # Leaky ReLU's slope: every point
    assert frame_points([100, 50], True) == (121, 2)    # Softplus: β and its threshold
    every = [30, 30, 51, 101, 30, 30, 100, 100, 50, 61, 61]  # every parameter of the catalogue
    n, framed = frame_points(every, True)
    assert n == POINTS[-1] and 0 < framed < len(every)
    assert sum(every[:framed]) * 2 * 4 * n <= FRAME_BUDGET < sum(every[:framed + 1]) * 8 * n


def test_frame_texts_that_look_like_numbers_stay_texts():
    from ui.chart import _numeric

    assert _numeric(["0.69", "1.5"]) is None
    assert _numeric([["0.1"], ["2"]]) is None
    np.testing.assert_array_equal(_numeric([0.5, None, 2]), np.array([0.5, np.nan, 2], np.float32))
