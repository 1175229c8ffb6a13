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


@pytest.mark.parametrize("pair", [["0.0", "-1.0"], ["3", "-3"], ["6", "6"]])
def test_descending_x_range_in_url_falls_back_to_the_default(pair):
    # found by the URL fuzzer: Streamlit keeps a descending pair from a link as it is
    at = run_page("explorer", query={"xr": pair}, locale="en-US")
    assert not at.exception
    if pair[0] != pair[1]:
        assert any("`xr`" in w.value for w in at.warning)
    data = chart_specs(at)[0]["data"]
    lo = data[0]["x0"]
    hi = lo + (len(decode(data[0]["y"])) - 1) * data[0]["dx"]
    assert hi > lo
    if pair[0] != pair[1]:
        assert (lo, hi) == (pytest.approx(-6), pytest.approx(6))


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
    assert "0.25 at x = 0" in found  # max |f'| of the sigmoid, measured
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
    assert table.loc["max |f′| and where", "ELU"] == "1 at x > 0"


# ----------------------------------------------------------------------------- issue #2 audit

import re  # noqa: E402

from core.activations import (EXP_OVERFLOW, FLOAT64_MAX, SELU_ALPHA, SELU_SCALE,  # noqa: E402
                              softmax_demo)
from core.properties import (NEAR_IDENTITY_RADIUS, NEAR_IDENTITY_TOL, compare_stacks,  # noqa: E402
                             properties)
from ui.locales import activations as act_texts  # noqa: E402
from ui.locales import explorer as page_texts  # noqa: E402
from ui.page import fmt  # noqa: E402

ALL = {f"f_{fam}": [get(i).name for i in members] for fam, members in by_family().items()}


def test_every_activation_renders_in_korean_with_all_texts():
    at = run_page("explorer", query=ALL, locale="ko-KR")
    assert not at.exception
    assert len(at.tabs) >= len(ACTIVATIONS)
    found = texts(at)
    assert "{{" not in found and "}}" not in found  # every doubled LaTeX brace was formatted
    assert "주로 쓰이는 곳" in found


def test_locale_sentences_hold_no_typed_decimal_facts():
    """Numbers such as 0.25, 1.6733 or 1.8×10^308 come from core through placeholders."""
    typed = re.compile(r"\d\.\d|\d\s*×\s*10|10\^\d")
    for module in (act_texts, page_texts):
        for lang in (module.EN, module.KO):
            bad = {k: v for k, v in lang.items() if typed.search(v)}
            assert not bad


def test_texts_cite_numbers_measured_by_core():
    at = run_page("explorer", query={"f_relu": ["SELU", "ReLU6"], "f_step": "Sign"},
                  locale="en-US")
    found = texts(at)
    assert f"α ≈ {fmt(SELU_ALPHA, 5)} and λ ≈ {fmt(SELU_SCALE, 5)}" in found
    assert f"capped at {fmt(properties('relu6').upper.value)}" in found
    sign = properties("sign")
    assert f"{', '.join(fmt(v) for v in sign.discrete_values)}, and sign(0) = {fmt(sign.f0)}" in found
    sig = properties("sigmoid")
    assert f"probability between {fmt(sig.lower.value)} and {fmt(sig.upper.value)}" in found
    assert f"about {fmt(FLOAT64_MAX, 2)}" in found and f"above about {fmt(EXP_OVERFLOW, 4)}" in found
    label = at.table[0].value.index
    assert f"≈ identity near 0 (|f(x) − x| ≤ {fmt(NEAR_IDENTITY_TOL)} for |x| ≤ "\
           f"{fmt(NEAR_IDENTITY_RADIUS)})" in label


def test_supremum_approached_is_worded_as_a_limit():
    at = run_page("explorer", query={"f_smooth-relu": ["Hard swish", "Softplus"]}, locale="en-US")
    table = at.table[0].value
    hs = properties("hardswish")
    assert table.loc["max |f′| and where", "Hard swish"] == \
        f"{fmt(hs.max_abs_grad)}, approached as x → {fmt(hs.max_abs_grad_at[0][0])}"
    assert table.loc["max |f′| and where", "Softplus"] == "1, approached as x → ∞"


def test_property_table_has_typical_use_row():
    at = run_page("explorer", query={"f_relu": "ReLU", "f_sigmoid": "Sigmoid"}, locale="en-US")
    table = at.table[0].value
    assert table.loc["Typical use", "ReLU"] == "hidden layers"
    assert "binary-classification output" in table.loc["Typical use", "Sigmoid"]


def test_property_table_in_korean():
    at = run_page("explorer", query={"f_sigmoid": "Sigmoid", "f_relu": "ReLU"})
    table = at.table[0].value
    assert table.loc["|f′|의 최댓값과 위치", "Sigmoid"] == "x = 0에서 0.25"
    assert table.loc["출력 범위", "Sigmoid"] == "(0, 1)"
    assert table.loc["죽은 구간 (f′ = 0)", "ReLU"] == "x < 0"
    assert table.loc["0 중심 (zero-centered)", "Sigmoid"].startswith("아니요")


def test_value_table_default_points_and_grad_values():
    at = run_page("explorer", query={"f_sigmoid": "Sigmoid", "f_relu": []}, locale="en-US")
    table = at.table[1].value
    assert [c for c in table.columns] == ["f(−1)", "f′(−1)", "f(0)", "f′(0)", "f(0.5)", "f′(0.5)",
                                          "f(1)", "f′(1)"]
    f, g = get("sigmoid").fn(np.array([-1.0, 0, 0.5, 1])), get("sigmoid").grad(np.array([-1.0, 0, 0.5, 1]))
    assert list(table.loc["Sigmoid"]) == [fmt(float(v), 8) for pair in zip(f, g) for v in pair]


def test_show_the_code_under_every_chart():
    at = run_page("explorer", query={"f_relu": "ELU", "f_sigmoid": []}, locale="en-US")
    labels = [e.label for e in at.expander]
    assert labels.count("Show the code behind this chart") == 3
    code = "\n".join(c.value for c in at.code)
    for fn in ("def elu(", "def elu_grad(", "def softmax(", "def softmax_naive(",
               "def stack_layers("):
        assert fn in code


def test_stack_chart_panels_follow_core():
    at = run_page("explorer", query={"stack": "ReLU", "L": "2", "a": "0.5"}, locale="en-US")
    spec = [s for s in chart_specs(at) if s["data"][0].get("name", "").startswith("identity")][0]
    run = compare_stacks("relu", 2, 0.5)
    assert spec["data"][1]["yaxis"] == "y2" and "yaxis2" in spec["layout"]  # own scale
    np.testing.assert_allclose(decode(spec["data"][1]["y"]), run.bent.astype(np.float32))
    assert f"slope a^L = {fmt(run.slope)}" in texts(at)


def test_naive_softmax_error_states_core_numbers():
    at = run_page("explorer", query={"sm": "0, 1", "sm_off": "1000"}, locale="en-US")
    demo = softmax_demo([0.0, 1.0], 1.0, 1000)
    message = at.error[0].value
    assert f"largest exponent is {fmt(demo.largest_exponent)}" in message
    assert fmt(EXP_OVERFLOW, 4) in message and fmt(FLOAT64_MAX, 2) in message


def test_bad_points_and_scores_fall_back_with_a_notice():
    at = run_page("explorer", query={"pts": "1, 2e7", "sm": "5"}, locale="en-US")
    assert not at.exception
    warnings = " ".join(w.value for w in at.warning)
    assert "2e7" in warnings and "`5`" in warnings
    probs = softmax([2, 1, 0.1])
    bars = [s for s in chart_specs(at) if s["data"][0]["type"] == "bar"][0]
    np.testing.assert_allclose(decode(bars["data"][0]["y"]), probs.astype(np.float32), rtol=1e-6)


def test_x_range_change_changes_chart_and_keeps_per_curve_parameters():
    at = run_page("explorer", query={"f_relu": ["ELU", "CELU"], "p_elu_alpha": "2.0"},
                  locale="en-US")
    at.slider(key="xr").set_value((-2.0, 4.0)).run()
    spec = chart_specs(at)[0]
    x = np.linspace(-2, 4, 241)
    ys = {tr["name"]: decode(tr["y"]) for tr in spec["data"]}
    np.testing.assert_allclose(ys["ELU"], get("elu").fn(x, alpha=2.0).astype(np.float32), atol=1e-6)
    np.testing.assert_allclose(ys["CELU"], get("celu").fn(x).astype(np.float32), atol=1e-6)


@pytest.mark.parametrize("query", [{"p_elu_alpha": "abc", "f_relu": "ReLU"},
                                   {"p_hardtanh_max_val": "99"},
                                   {"xr": "abc", "f_sigmoid": [], "f_relu": []}])
def test_bad_url_value_of_a_hidden_control_still_gets_a_notice(query):
    at = run_page("explorer", query=query, locale="en-US")
    assert not at.exception
    key = next(iter(query))
    assert any(f"`{key}`" in w.value for w in at.warning), [w.value for w in at.warning]
