"""AppTest: your own activation (URL key fx) on the explorer, the saturation page and the lab."""

from __future__ import annotations

import numpy as np
import pytest

from core import network as net
from core.custom import parse
from core.properties import properties
from tests.pages.conftest import chart_specs, decode, run_page, texts

GELU_SIG = "x*sigmoid(1.702*x)"
NAME = "f(x) = x·sigmoid(1.702·x)"


def curves(at) -> dict[str, np.ndarray]:
    """{trace name: y} of the explorer's f/f' chart."""
    return {tr["name"]: decode(tr["y"]) for tr in chart_specs(at)[0]["data"]}


def warnings(at) -> list[str]:
    return [w.value for w in at.warning]


# ----------------------------------------------------------------------------- explorer


def test_formula_in_url_is_drawn_beside_the_catalogue():
    at = run_page("explorer", query={"fx": GELU_SIG}, locale="en-US")
    assert not at.exception
    ys = curves(at)
    assert {"Sigmoid", "Tanh", "ReLU", NAME, NAME + "′"} <= set(ys)
    x = np.linspace(-6, 6, 241)
    act = parse(GELU_SIG)
    np.testing.assert_allclose(ys[NAME], act.fn(x).astype(np.float32), atol=1e-6)
    np.testing.assert_allclose(ys[NAME + "′"], act.grad(x).astype(np.float32), atol=1e-6)
    assert at.text_input(key="fx").value == GELU_SIG
    assert not warnings(at)


def test_formula_gets_a_property_column_with_core_numbers():
    at = run_page("explorer", query={"fx": GELU_SIG}, locale="en-US")
    table = at.table[0].value
    assert NAME in table.columns
    p = properties(parse(GELU_SIG))
    column = table[NAME].tolist()
    assert column[0] == "[−0.1636, ∞)"  # range, measured: min of x·σ(1.702x)
    assert p.lower.value == pytest.approx(-0.16361, abs=1e-5)
    assert "0.5" in column  # f'(0) = ½
    assert "your own function" in column
    values = at.table[1].value  # the value table has a row for the formula
    assert NAME in values.index
    assert values.loc[NAME, "f(1)"] == f"{float(parse(GELU_SIG).fn(np.array([1.0]))[0]):.8g}"


def test_typing_a_formula_changes_the_chart():
    at = run_page("explorer", locale="en-US")
    assert all(not n.startswith("f(x)") for n in curves(at))
    at.text_input(key="fx").set_value("where(x > 0, x, 0.2 * x)").run()
    ys = curves(at)
    x = np.linspace(-6, 6, 241)
    np.testing.assert_allclose(ys["f(x) = where(x > 0, x, 0.2 · x)"],
                               np.where(x > 0, x, 0.2 * x).astype(np.float32), atol=1e-6)
    assert any("cases" in el.value for el in at.get("latex")) or "f(x)" in texts(at)


def test_only_the_formula_can_be_drawn():
    at = run_page("explorer", query={"fx": "log(1 + exp(x))"}, locale="en-US")
    at.multiselect(key="f_sigmoid").set_value([])
    at.multiselect(key="f_relu").set_value([]).run()
    assert not at.exception
    ys = curves(at)
    assert set(ys) == {"f(x) = log(1 + exp(x))", "f(x) = log(1 + exp(x))′"}
    # the naive softplus overflows far out: its property column says so instead of guessing
    assert "Not measured" in at.table[0].value["f(x) = log(1 + exp(x))"].iloc[0]


@pytest.mark.parametrize("locale, expected", [
    ("en-US", "unknown name 'y' at position 5"),
    ("ko-KR", "5번째 글자: 알 수 없는 이름 'y'"),
])
def test_bad_formula_gives_a_message_in_both_languages(locale, expected):
    at = run_page("explorer", query={"fx": "x + y"}, locale=locale)
    assert not at.exception
    assert any(expected in w for w in warnings(at)), warnings(at)
    assert all(not n.startswith("f(x)") for n in curves(at))  # the others are still drawn
    assert "Sigmoid" in curves(at)


@pytest.mark.parametrize("fx, code_text", [
    ("__import__('os').system('ls')", "attribute access"),
    ("().__class__", "attribute access"),
    ("lambda: 1", "lambda"),
    ("9**9**9", "too large"),
    ("х + 1", "U+0445"),
])
def test_hostile_formula_in_url_falls_back_with_a_notice(fx, code_text):
    at = run_page("explorer", query={"fx": fx}, locale="en-US")
    assert not at.exception
    assert any(code_text in w for w in warnings(at)), warnings(at)
    assert all(not n.startswith("f(x)") for n in curves(at))


def test_ten_kilobytes_in_url_fall_back_with_a_notice():
    at = run_page("explorer", query={"fx": "x+" * 5000 + "x"}, locale="en-US")
    assert not at.exception
    assert any("`fx`" in w for w in warnings(at)), warnings(at)
    # Streamlit keeps the first max_chars characters: one more than core accepts, so the cut
    # formula is rejected as too long rather than drawn
    assert any("expression too long (201 characters, at most 200)" in w for w in warnings(at))
    assert all(not n.startswith("f(x)") for n in curves(at))


def test_overflow_is_a_gap_with_a_notice():
    at = run_page("explorer", query={"fx": "exp(exp(x))", "xr": ["-6", "6"]}, locale="en-US")
    ys = curves(at)["f(x) = exp(exp(x))"]
    x = np.linspace(-6, 6, 241)
    gaps = np.array([v is None for v in ys])  # sent as null: no nan or inf reaches the browser
    assert gaps.any() and np.array_equal(gaps, np.exp(np.exp(np.minimum(x, 5))) > 1e30)
    drawn = np.array([v for v in ys if v is not None], dtype=np.float64)
    np.testing.assert_allclose(drawn, np.exp(np.exp(x[~gaps])), rtol=1e-6)
    assert any(f"at {gaps.sum()} of the 241 points" in i.value for i in at.info)


# ----------------------------------------------------------------------------- saturation


def test_saturation_page_draws_and_shades_the_formula():
    at = run_page("saturation", query={"sat_acts": ["Sigmoid", "f(x)"],
                                       "fx": "where(x > 0, x, 0.2 * x)"}, locale="en-US")
    assert not at.exception
    spec = chart_specs(at)[0]
    names = [tr.get("name") for tr in spec["data"]]
    assert "f(x)" in names and "f(x)′" in names
    f = decode(next(tr["y"] for tr in spec["data"] if tr.get("name") == "f(x)"))
    x = np.linspace(-8, 8, 161)
    np.testing.assert_allclose(f, np.where(x > 0, x, 0.2 * x), atol=1e-6)
    # depth factor: (max |f'|)^L with max |f'| = 1 for this leaky ReLU
    assert any("f(x)" in tr.get("name", "") for tr in chart_specs(at)[1]["data"])


def test_saturation_deep_network_runs_the_formula():
    at = run_page("saturation", query={"sat_mlp": "f(x)", "fx": "tanh(x)"}, locale="en-US")
    assert not at.exception
    assert at.text_input(key="fx").value == "tanh(x)"
    setup = [c.value for c in at.caption if c.value.startswith("f(x), Xavier")]
    assert setup, [c.value for c in at.caption]
    # the same network with tanh from the catalogue gives the same gradient norms
    ref = run_page("saturation", query={"sat_mlp": "Tanh"}, locale="en-US")
    grads = [tr for tr in chart_specs(at) if any("‖∂L/∂W‖" == d.get("name") for d in tr["data"])]
    grads_ref = [tr for tr in chart_specs(ref)
                 if any("‖∂L/∂W‖" == d.get("name") for d in tr["data"])]
    np.testing.assert_allclose(decode(grads[0]["data"][0]["y"]),
                               decode(grads_ref[0]["data"][0]["y"]), rtol=1e-6)


def test_saturation_deep_network_that_overflows_says_so():
    at = run_page("saturation", query={"sat_mlp": "f(x)", "fx": "x**3"}, locale="en-US")
    assert not at.exception
    assert any("overflow" in w for w in warnings(at)), warnings(at)
    assert not any(c.value.startswith("f(x), Xavier") for c in at.caption)


def test_saturation_bad_formula_is_left_out_with_a_notice():
    at = run_page("saturation", query={"sat_acts": ["Sigmoid", "f(x)"], "fx": "sin(x, y=1)"},
                  locale="ko-KR")
    assert not at.exception
    assert any("'y' 매개변수가 없습니다" in w for w in warnings(at)), warnings(at)
    names = [tr.get("name") for tr in chart_specs(at)[0]["data"]]
    assert "시그모이드" in names and "f(x)" not in names  # the chart names it in Korean


# ----------------------------------------------------------------------------- network lab


def test_network_lab_trains_the_formula_on_the_numpy_path():
    fx = "x * sigmoid(x)"
    at = run_page("network", query={"net_acts": ["SiLU", "f(x)"], "fx": fx,
                                    "net_epochs": "100", "net_n": "40"}, locale="en-US")
    assert not at.exception
    want = {"SiLU", "f(x) = x · sigmoid(x)"}
    lines = {tr["name"]: decode(tr["y"]) for tr in chart_specs(at)[0]["data"]
             if tr.get("name") in want}  # the loss curves (the chart may hold the maps too)
    assert set(lines) == want
    # the formula equals SiLU, so both networks (same start) learn the same way
    np.testing.assert_allclose(lines["f(x) = x · sigmoid(x)"], lines["SiLU"], rtol=1e-4)


def test_network_lab_budget_caps_the_formula_run():
    fx = "x * sigmoid(x) + 0.1 * sin(3 * x) * tanh(x)"
    at = run_page("network", query={"net_acts": ["f(x)"], "fx": fx, "net_epochs": "90000",
                                    "net_n": "400"}, locale="en-US")
    assert not at.exception
    act = parse(fx)
    sizes = (2, 4, 1)
    acts = [(act, "sigmoid")]
    # the timeline's snapshots are taken from the same budget first (core.network.snapshot_cost)
    from ui.runs.network import COMPARE_BUDGET, GRID, snapshot_count
    shots = net.snapshot_cost(sizes, acts, 400, snapshot_count(1), GRID, True)
    used = net.plan_training(sizes, acts, 400, 90_000, "sample", COMPARE_BUDGET, True,
                             fixed=shots).epochs
    assert used < 90_000
    assert any(f"{used:,}" in c.value for c in at.caption), [c.value for c in at.caption]
    loss = [tr for tr in chart_specs(at)[0]["data"] if tr.get("name") == act.name]
    assert len(decode(loss[0]["y"])) == used


def test_network_lab_hostile_formula_is_a_notice():
    at = run_page("network", query={"net_acts": ["ReLU", "f(x)"], "fx": "[x for x in 'ab']"},
                  locale="en-US")
    assert not at.exception
    assert any("is not allowed in a formula" in w for w in warnings(at)), warnings(at)
    names = [tr.get("name", "") for tr in chart_specs(at)[0]["data"]]
    assert "ReLU" in names and not any(n.startswith("f(x)") for n in names)


def test_choosing_the_formula_for_the_deep_network_shows_its_box():
    at = run_page("saturation", locale="en-US")
    assert not [ti for ti in at.text_input if ti.key == "fx"]  # no box until it is chosen
    at.selectbox(key="sat_mlp").set_value("custom").run()
    assert not at.exception
    assert [ti for ti in at.text_input if ti.key == "fx"]
    assert any("Type a formula" in i.value for i in at.info)
    at.text_input(key="fx").set_value("tanh(x)").run()
    assert any(c.value.startswith("f(x), Xavier") for c in at.caption)
