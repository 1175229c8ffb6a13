"""AppTest: the explorer renders every activation, follows its controls and its URL."""

from __future__ import annotations

import numpy as np
import pytest

from core.activations import ACTIVATIONS, by_family, get, softmax
from tests.pages.conftest import chart_docs, chart_specs, decode, run_page, texts


def curves(at) -> dict[str, np.ndarray]:
    """{trace name: y} of the main f/f' chart."""
    return {tr["name"]: decode(tr["y"]) for tr in chart_specs(at)[0]["data"]}


def chart_x(at) -> np.ndarray:
    """The x grid of the main f/f' chart (uniform: x0, dx and the number of points); fewer
    points than 241 when many parameters' scrub frames must fit the page's payload."""
    tr = chart_specs(at)[0]["data"][0]
    n = len(decode(tr["y"]))
    lo, hi = round(tr["x0"], 9), round(tr["x0"] + tr["dx"] * (n - 1), 9)
    return np.linspace(lo, hi, n)  # as core samples it


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
    x = chart_x(at)
    assert x[0] == pytest.approx(-6) and x[-1] == pytest.approx(6) and len(x) >= 41
    for act_id in ids:
        act = get(act_id)
        np.testing.assert_allclose(ys[act.name], act.fn(x).astype(np.float32), rtol=1e-6, atol=1e-6)
        np.testing.assert_allclose(ys[act.name + "′"], act.grad(x).astype(np.float32), rtol=1e-6,
                                   atol=1e-6)


def test_parameter_changes_the_chart():
    at = run_page("explorer", query={"f_relu": "Leaky ReLU"}, locale="en-US")
    before = curves(at)["Leaky ReLU"].copy()
    # the chart's scrub sends the value; its callback writes it where a widget's value would be
    at.session_state["p_leaky_relu_negative_slope"] = 0.3
    at.run()
    after = curves(at)["Leaky ReLU"]
    x = np.linspace(-6, 6, 241)
    assert not np.allclose(before, after)
    assert at.query_params["p_leaky_relu_negative_slope"] == "0.3"
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
    at.session_state["p_elu_alpha"] = 0.5  # what the chart's scrub callback writes
    at.run()
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


# ----------------------------------------------------------------------------- the control spec

from urllib.parse import parse_qs  # noqa: E402

from bench.scenarios import explorer as scenario  # noqa: E402
from tests.pages.conftest import chart_spec  # noqa: E402
from ui.controls.explorer import SPEC  # noqa: E402
from ui.lessons import steps  # noqa: E402
from ui.sentences import explorer as say  # noqa: E402

WIDGETS = ("slider", "multiselect", "toggle", "text_input", "selectbox")


def widget_keys(at) -> set[str]:
    return {w.key for kind in WIDGETS for w in at.get(kind) if getattr(w, "key", None)}


def scrub_keys(at) -> set[str]:
    """The controls the page's charts scrub (their range inputs belong to the chart)."""
    return {s["control"] for doc in chart_docs(at) for s in doc.get("scrubs", [])}


def test_spec_generates_a_picker_per_family_and_a_slider_per_parameter():
    assert [k for k in SPEC.keys() if k.startswith("f_")] == [f"f_{f}" for f in by_family()]
    sliders = {c.key: c for c in SPEC if c.key.startswith("p_")}
    params = {f"p_{i}_{p.name}": p for i, act in ACTIVATIONS.items() for p in act.params}
    assert set(sliders) == set(params)
    for key, p in params.items():
        c = sliders[key]
        assert (c.lo, c.hi, c.default, c.step) == (p.min, p.max, p.default, p.step)
    assert {"xr", "deriv", "pts", "sm", "temp", "sm_off", "stack", "L", "a", "fx"} <= set(SPEC.keys())
    assert SPEC["fx"].kind == "text" and SPEC["xr"].kind == "range"


def test_spec_defaults_round_trip_through_the_url():
    state = SPEC.state(f_relu=["elu"], p_elu_alpha=2.0, xr=(-2.0, 3.0), stack="relu", L=5, fx="x")
    assert SPEC.from_query(SPEC.to_query(state)) == state
    assert SPEC.to_query({"f_relu": ["leaky_relu"]}) == {"f_relu": ["Leaky ReLU"]}  # URL unchanged


def test_lesson_steps_are_complete_states_of_the_spec():
    for step in steps("explorer"):
        assert set(step.state) == set(SPEC.keys())
    assert steps("explorer")[1].state == SPEC.state()  # "bend" is the default view


@pytest.mark.parametrize("key", [c.key for c in SPEC if c.shown_with])
def test_every_conditional_control_is_drawn_under_its_shown_with(key):
    query = SPEC.to_query(dict(SPEC[key].shown_with))
    at = run_page("explorer", query={**query, "lang": "en"}, locale="en-US")
    assert not at.exception
    assert key in widget_keys(at) | scrub_keys(at)


def test_default_view_draws_every_unconditional_control():
    at = run_page("explorer", locale="en-US")
    assert {c.key for c in SPEC if not c.shown_with} <= widget_keys(at)
    assert not at.warning


def test_bench_scenario_comes_from_the_spec():
    query = parse_qs(scenario.QUERY)
    assert query["f_relu"] == ["ReLU", "Leaky ReLU"]
    at = run_page("explorer", query=query, locale="en-US")
    assert set(scenario.MOVES) <= {s.key for s in at.slider}
    assert scenario.SCENARIO["slider"] == "Temperature T"


# ----------------------------------------------------------------------------- user text is text

PAYLOADS = ["![i](//example.org/t.png)", "[Session expired](https://example.org)"]
TEXT_KEYS = [c.key for c in SPEC if c.kind == "text"]


def markdown_bodies(at) -> list[str]:
    """Every Markdown body the page sent: texts, alerts, and table headers and cells."""
    parts = [e.value for kind in ("markdown", "caption", "warning", "info", "success", "error")
             for e in getattr(at, kind)]
    for table in at.table:
        df = table.value
        parts += [str(v) for v in (*df.columns, *df.index, *df.to_numpy().ravel())]
    return parts


def unescaped_link(body: str) -> bool:
    """Whether Markdown would read a link or image in body: a `](` that is neither escaped
    nor inside a code span (where nothing is Markdown)."""
    outside = re.sub(r"`[^`]*`", "", body)
    return re.search(r"(?<!\\)\]\(", outside) is not None


@pytest.mark.parametrize("payload", PAYLOADS)
@pytest.mark.parametrize("key", TEXT_KEYS)
def test_typed_text_from_a_link_is_shown_as_text(key, payload):
    at = run_page("explorer", query={key: payload, "lang": "en"}, locale="en-US")
    assert not at.exception
    bodies = markdown_bodies(at)
    assert not [b for b in bodies if unescaped_link(b)]
    if key != "fx":  # a formula's message names the first character it cannot use
        assert any("example.org" in b for b in bodies)  # it is said back, as text


def test_quoted_text_cannot_leave_its_code_span():
    assert say.quoted("a`](x)`b") == "a ](x) b"
    assert len(say.quoted("9" * 500)) == say.QUOTED + 1


# ----------------------------------------------------------------------------- issue 22


def test_overflow_step_stands_above_a_chart_of_the_nan():
    at = run_page("explorer", query={"lesson": "5", "lang": "en"}, locale="en-US")
    assert not at.exception
    order, todo = [], [at.main]
    while todo:  # the page's elements in document order
        node = todo.pop(0)
        kids = getattr(node, "children", None)
        if isinstance(kids, dict):
            todo = [kids[k] for k in sorted(kids)] + todo
        else:
            order.append(node)
    title = CATALOGUES_EN["lesson.explorer.softmax.title"]
    bar = next(i for i, n in enumerate(order) if n.type == "markdown"
               and n.value.startswith(f"**{title}**  \n"))  # the step's own bar
    chart_at = next(i for i, n in enumerate(order) if getattr(n, "type", "") == "bidi_component"
                    and n.proto.id.endswith("chart_overflow"))
    between = {getattr(n, "type", "") for n in order[bar + 1:chart_at]
               if getattr(n, "type", "") != "bidi_component"
               or n.proto.component_name == "activation_lab.chart"}  # not the bar's keys
    assert bar < chart_at and not between & {"table", "arrow_data_frame", "dataframe",
                                              "bidi_component"}, between
    spec = chart_spec(at, "overflow")
    demo = softmax_demo(say.default_scores(), 1.0, SPEC["sm_off"].default)
    nan_marks = [tr for tr in spec["data"] if tr.get("mode") == "text"]
    assert nan_marks and nan_marks[0]["text"] == ["nan"] * len(demo.naive)
    stable = [tr for tr in spec["data"] if tr["type"] == "bar"][1]
    np.testing.assert_allclose(decode(stable["y"]), demo.stable.astype(np.float32), rtol=1e-6)


def test_overflow_chart_has_bars_on_both_sides_when_the_naive_formula_holds():
    at = run_page("explorer", query={"sm_off": "0"}, locale="en-US")
    spec = chart_spec(at, "overflow")
    assert not [tr for tr in spec["data"] if tr.get("mode") == "text"]
    naive, stable = [decode(tr["y"]) for tr in spec["data"] if tr["type"] == "bar"]
    np.testing.assert_allclose(naive, stable, rtol=1e-6)


def test_wrong_formula_keeps_the_last_valid_curve_faded():
    at = run_page("explorer", query={"fx": "x * sigmoid(x)"}, locale="en-US")
    at.text_input(key="fx").set_value("x * sigmoid(x").run()
    assert not at.exception
    assert any("cannot be used" in w.value for w in at.warning)
    spec = chart_specs(at)[0]
    faded = [tr for tr in spec["data"] if tr["name"] == "f(x) = x · sigmoid(x)"]
    assert faded and faded[0]["opacity"] < 1 and faded[0]["line"]["dash"] == "dot"
    x = np.linspace(-6, 6, 241)
    np.testing.assert_allclose(decode(faded[0]["y"]), (x / (1 + np.exp(-x))).astype(np.float32),
                               atol=1e-6)
    assert any("last formula that worked" in c.value for c in at.caption)
    assert "f(x) = x · sigmoid(x)" not in at.table[0].value.columns  # not measured: only drawn
    at.text_input(key="fx").set_value("").run()  # an empty box forgets it
    assert all(not tr["name"].startswith("f(x)") for tr in chart_specs(at)[0]["data"])


def test_formula_error_shows_the_typed_name_as_text():
    at = run_page("explorer", query={"fx": "__import__"}, locale="en-US")
    message = " ".join(w.value for w in at.warning)
    assert r"\_\_import\_\_" in message  # escaped: Markdown shows it as typed, not bold
    assert not re.search(r"(?<!\\)__import", message)


CATALOGUES_EN = __import__("ui.i18n", fromlist=["CATALOGUES"]).CATALOGUES["en"]


# ----------------------------------------------------------------------------- scrubbed parameters

@pytest.mark.parametrize("raw,used", [("abc", 0.01), ("0.9", 0.01), ("0.013", 0.01),
                                      ("0.2", 0.2)])
def test_a_scrubbed_parameter_reads_its_link_with_the_usual_notice(raw, used):
    at = run_page("explorer", query={"f_relu": "Leaky ReLU", "p_leaky_relu_negative_slope": raw},
                  locale="en-US")
    assert not at.exception
    x = np.linspace(-6, 6, 241)
    np.testing.assert_allclose(curves(at)["Leaky ReLU"],
                               np.where(x > 0, x, used * x).astype(np.float32), atol=1e-6)
    notices = [w.value for w in at.warning if "p_leaky_relu_negative_slope" in w.value]
    assert len(notices) == (0 if raw == "0.2" else 1)
    assert at.session_state["p_leaky_relu_negative_slope"] == used
    doc = next(d for d in chart_docs(at) if d["key"] == "curves")
    assert doc["scrubs"][0]["values"][doc["at"][0]] == used


def test_a_scrubbed_parameter_at_its_default_leaves_the_url():
    at = run_page("explorer", query={"f_relu": "Leaky ReLU", "p_leaky_relu_negative_slope": "0.2"},
                  locale="en-US")
    at.session_state["p_leaky_relu_negative_slope"] = 0.01  # a lesson step, the default
    at.run()
    assert "p_leaky_relu_negative_slope" not in at.query_params
