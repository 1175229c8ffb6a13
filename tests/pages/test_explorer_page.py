"""AppTest: the explorer renders every activation, follows its controls and its URL."""

from __future__ import annotations

import numpy as np
import pytest

from core.activations import ACTIVATIONS, by_family, get, softmax
from tests.pages.conftest import chart_specs, decode, run_page, texts


def curves(at) -> dict[str, np.ndarray]:
    """{trace name: y} of the main f/f' chart."""
    return {tr["name"]: decode(tr["y"]) for tr in chart_specs(at)[0]["data"]}


def test_default_view_in_korean():
    at = run_page("explorer")
    assert not at.exception
    assert at.title[0].value == "활성화 함수 탐색기"
    names = set(curves(at))
    assert {"Sigmoid", "Tanh", "ReLU", "Sigmoid′", "Tanh′", "ReLU′"} <= names


def test_english_from_browser_locale():
    at = run_page("explorer", locale="en-US")
    assert at.title[0].value == "Activation explorer"


def test_lang_in_url_overrides_locale():
    at = run_page("explorer", query={"lang": "en"}, locale="ko-KR")
    assert at.title[0].value == "Activation explorer"


@pytest.mark.parametrize("family", list(by_family()))
def test_every_activation_renders(family):
    ids = by_family()[family]
    at = run_page("explorer", query={f"f_{family}": [get(i).name for i in ids]}, locale="en-US")
    assert not at.exception
    ys = curves(at)
    x = np.linspace(-6, 6, 241)
    for act_id in ids:
        act = get(act_id)
        np.testing.assert_allclose(ys[act.name], act.fn(x).astype(np.float32), rtol=1e-6, atol=1e-6)
        np.testing.assert_allclose(ys[act.name + "′"], act.grad(x).astype(np.float32), rtol=1e-6,
                                   atol=1e-6)


def test_parameter_changes_the_chart():
    at = run_page("explorer", query={"f_relu": "Leaky ReLU"}, locale="en-US")
    before = curves(at)["Leaky ReLU"].copy()
    at.slider(key="p_leaky_relu_negative_slope").set_value(0.3).run()
    after = curves(at)["Leaky ReLU"]
    x = np.linspace(-6, 6, 241)
    assert not np.allclose(before, after)
    np.testing.assert_allclose(after, np.where(x > 0, x, 0.3 * x).astype(np.float32), atol=1e-6)


def test_each_curve_keeps_its_own_parameters():
    at = run_page("explorer", query={"f_relu": ["ELU", "CELU"], "p_elu_alpha": "2.0",
                                     "p_celu_alpha": "0.5"}, locale="en-US")
    ys = curves(at)
    x = np.linspace(-6, 6, 241)
    np.testing.assert_allclose(ys["ELU"], get("elu").fn(x, alpha=2.0).astype(np.float32), atol=1e-6)
    np.testing.assert_allclose(ys["CELU"], get("celu").fn(x, alpha=0.5).astype(np.float32), atol=1e-6)


def test_derivative_toggle_and_x_range_from_url():
    at = run_page("explorer", query={"deriv": "false", "xr": ["-2", "3"]}, locale="en-US")
    data = chart_specs(at)[0]["data"]
    assert all(not tr["name"].endswith("′") for tr in data)
    assert data[0]["x0"] == pytest.approx(-2)
    assert data[0]["x0"] + (len(decode(data[0]["y"])) - 1) * data[0]["dx"] == pytest.approx(3)
    assert "x" not in data[0]  # a uniform grid is sent as x0/dx, not as an array


@pytest.mark.parametrize("query", [{"xr": "abc"}, {"temp": "nan"}, {"temp": "1e9"},
                                   {"L": "2.5"}, {"stack": "nope"}, {"deriv": "maybe"},
                                   {"f_relu": "Bogus"}, {"p_elu_alpha": "-inf"}])
def test_bad_url_values_fall_back_with_a_notice(query):
    at = run_page("explorer", query={**query, "f_relu": query.get("f_relu", "ELU")},
                  locale="en-US")
    assert not at.exception
    key = next(iter(query))
    assert any(f"`{key}`" in w.value for w in at.warning), [w.value for w in at.warning]


def test_value_table_matches_core_at_course_points():
    at = run_page("explorer", locale="en-US")
    found = texts(at)
    s = get("sigmoid").fn(np.array([-1.0, 0.0, 0.5, 1.0]))
    for v in s:
        assert f"{v:.8g}" in found


def test_points_text_is_parsed_not_evaluated():
    at = run_page("explorer", query={"pts": "__import__('os')"}, locale="en-US")
    assert not at.exception
    assert any("__import__" in w.value for w in at.warning)


def test_softmax_panel_numbers_and_overflow():
    at = run_page("explorer", query={"sm": "1, 2, 3", "temp": "2.0"}, locale="en-US")
    probs = softmax([1, 2, 3], temperature=2.0)
    bars = [spec for spec in chart_specs(at) if spec["data"][0]["type"] == "bar"][0]
    np.testing.assert_allclose(decode(bars["data"][0]["y"]), probs.astype(np.float32), rtol=1e-6)
    assert at.success  # e^(1003/2) still fits in a float64: both formulas agree at T = 2


def test_softmax_overflow_shows_nan_and_the_fix():
    at = run_page("explorer", query={"sm": "0, 1"}, locale="en-US")  # scores 1000, 1001 at T = 1
    assert any("nan" in e.value for e in at.error)
    assert "[nan, nan]" in texts(at)
    assert "[0.2689, 0.7311]" in texts(at)


def test_softmax_naive_agrees_without_offset():
    at = run_page("explorer", query={"sm_off": "0"}, locale="en-US")
    assert not at.error
    assert at.success


def test_stacking_identity_stays_linear():
    at = run_page("explorer", query={"stack": "Tanh", "L": "4", "a": "2.0"}, locale="en-US")
    stack = [s for s in chart_specs(at) if s["data"][0].get("name", "").startswith("identity")][0]
    x = decode(stack["data"][0]["x"]).astype(float)
    lin = decode(stack["data"][0]["y"]).astype(float)
    np.testing.assert_allclose(lin, 16 * x, rtol=1e-5, atol=1e-5)
    assert "a^L = 16" in texts(at)


def test_property_table_is_computed():
    at = run_page("explorer", query={"f_sigmoid": "Sigmoid", "f_relu": []}, locale="en-US")
    found = texts(at)
    assert "0.25 — x = 0" in found  # max |f'| of the sigmoid, measured
    assert "(0, 1)" in found


def test_every_activation_has_texts_and_properties():
    ids = list(ACTIVATIONS)
    query = {f"f_{fam}": [get(i).name for i in members] for fam, members in by_family().items()}
    at = run_page("explorer", query=query, locale="en-US")
    assert not at.exception
    assert len(at.tabs) >= len(ids)


def test_property_table_has_a_column_per_function_that_follows_its_parameters():
    at = run_page("explorer", query={"f_relu": ["ReLU", "ELU"], "p_elu_alpha": "2.0"},
                  locale="en-US")
    table = at.table[0].value
    assert list(table.columns) == ["Sigmoid", "Tanh", "ReLU", "ELU"]
    assert table.loc["Output range", "ELU"] == "(−2, ∞)"
    assert table.loc["Output range", "ReLU"] == "[0, ∞)"
    at.slider(key="p_elu_alpha").set_value(0.5).run()
    table = at.table[0].value
    assert table.loc["Output range", "ELU"] == "(−0.5, ∞)"
    assert table.loc["max |f′| and where", "ELU"] == "1 — x > 0"
