"""AppTest tests of the derivatives-and-saturation page (pages/saturation.py)."""

from __future__ import annotations

import json
import math

import pytest

from core import saturation as sat
from tests.pages.conftest import chart_specs, decode, run_page, texts
from ui.format import fmt, power
from ui.format import pct as _pct
from ui.i18n import act_name, set_lang

CURVES, DEPTH, PREACT, SHARES, GRAD, DIE = range(6)


def strips(spec: dict) -> list[list[tuple[float, float]]]:
    """The shaded intervals of the f/f′ chart, one list per bar trace (both panels)."""
    out = []
    for tr in spec["data"]:
        if tr.get("type") == "bar":
            base, length = decode(tr["base"]), decode(tr["x"])
            out.append([(float(a), float(a + n)) for a, n in zip(base, length)])
    return out


def scrub_values(at) -> dict:
    """control → the value its chart scrub shows (the grid value at the scrub's index)."""
    from tests.pages.conftest import chart_docs

    return {s["control"]: s["values"][i] for doc in chart_docs(at)
            for s, i in zip(doc.get("scrubs", []), doc.get("at", []))}


def scrub(at, key: str, value: float) -> None:
    """What the chart's scrub sends at the end of a drag: its callback writes the value."""
    at.session_state[key] = value
    at.run()


def _name(act_id: str, lang: str = "en") -> str:
    """An activation's display name in prose and charts (ui.i18n.act_name in that language)."""
    set_lang(lang)
    return act_name(act_id)


@pytest.mark.parametrize(("locale", "title"), [("ko-KR", "미분과 포화"), ("en-US", "Derivatives and saturation")])
def test_renders_in_both_languages(locale: str, title: str) -> None:
    at = run_page("saturation", locale=locale)
    assert not at.exception
    assert not at.warning
    assert title in at.title[0].value
    specs = chart_specs(at)
    assert len(specs) == 6
    # default: sigmoid, tanh, ReLU on the f/f' chart, 2 traces each plus tangent/markers
    names = [tr.get("name") for tr in specs[CURVES]["data"]]
    lang = locale[:2]
    assert {_name("sigmoid", lang), _name("tanh", lang), _name("relu", lang)} <= set(names)


def test_saturated_edges_are_computed_and_shaded() -> None:
    at = run_page("saturation", query={"sat_acts": ["Sigmoid", "Tanh"], "sat_t": "0.01"},
                  locale="en-US")
    assert not at.exception and not at.warning
    text = texts(at)
    sig = sat.sigmoid_saturation_edge(0.01)
    tanh = sat.tanh_saturation_edge(0.01)
    assert f"x < −{fmt(sig, 4)} or x > {fmt(sig, 4)}" in text
    assert f"x < −{fmt(tanh, 4)} or x > {fmt(tanh, 4)}" in text
    # the maximum of sigmoid' is computed: 0.25 at x = 0
    assert "Largest |f′|: **0.25** at x = 0." in text
    # shaded strips on both charts at the same edges (2 activations × 2 rows × 2 intervals)
    bars = strips(chart_specs(at)[CURVES])
    assert len(bars) == 4 and all(len(b) == 2 for b in bars)
    edges = sorted({round(v, 4) for b in bars for iv in b for v in iv})
    assert edges == sorted({-8.0, 8.0, round(-sig, 4), round(sig, 4), round(-tanh, 4),
                            round(tanh, 4)})


def test_threshold_change_moves_the_edges() -> None:
    at = run_page("saturation", query={"sat_acts": ["Sigmoid"]}, locale="en-US")
    before = strips(chart_specs(at)[CURVES])
    scrub(at, "sat_t", 0.2)
    assert not at.exception
    after = strips(chart_specs(at)[CURVES])
    edge = sat.sigmoid_saturation_edge(0.2)
    assert before != after
    assert after[0][1][0] == pytest.approx(edge, abs=1e-5)
    assert f"x > {fmt(edge, 4)}" in texts(at)
    assert at.query_params["sat_t"] == "0.2"


def test_probe_values_and_tangent() -> None:
    at = run_page("saturation", query={"sat_acts": ["Sigmoid"], "sat_x": "-3"}, locale="en-US")
    p = sat.probe("sigmoid", -3.0)
    text = texts(at)
    assert f"f(x₀) = {fmt(p.f, 5)}, f′(x₀) = {fmt(p.grad, 5)}" in text
    assert "saturated here" in text  # σ'(−3) ≈ 0.045 < t = 0.05
    tangent = [tr for tr in chart_specs(at)[CURVES]["data"] if tr.get("line", {}).get("dash") == "dash"
               and tr.get("mode") == "lines" and len(decode(tr["x"])) == 2]
    assert len(tangent) == 1
    tx, ty = decode(tangent[0]["x"]), decode(tangent[0]["y"])
    slope = (ty[1] - ty[0]) / (tx[1] - tx[0])
    assert slope == pytest.approx(p.grad, rel=1e-4)
    scrub(at, "sat_x", 0.0)
    p0 = sat.probe("sigmoid", 0.0)
    assert f"f′(x₀) = {fmt(p0.grad, 5)}" in texts(at)


def test_depth_slider_changes_depth_chart() -> None:
    at = run_page("saturation", query={"sat_acts": ["Sigmoid", "ReLU"]}, locale="en-US")
    y20 = decode(chart_specs(at)[DEPTH]["data"][0]["y"])
    assert len(y20) == 21 and y20[-1] == pytest.approx(0.25**20, rel=1e-9)
    at.slider(key="sat_L").set_value(50).run()
    spec = chart_specs(at)[DEPTH]
    y50 = decode(spec["data"][0]["y"])
    assert len(y50) == 51 and y50[-1] == pytest.approx(0.25**50, rel=1e-9)
    assert list(decode(spec["data"][1]["y"])) == [1.0] * 51
    assert f"0.25^50 = **{fmt(0.25**50, 4)}**" in texts(at)


def test_mlp_sentences_match_core_for_positive_sigmoid() -> None:
    query = {"sat_mlp": "Sigmoid", "sat_init": "|N(0, 1/n)|", "sat_depth": "12",
             "sat_width": "128", "sat_n": "300", "sat_seed": "3"}
    at = run_page("saturation", query=query, locale="en-US")
    assert not at.exception and not at.warning
    res = sat.simulate_deep_mlp("sigmoid", 12, 128, 300, "positive", 3, 0.0, 0.05)
    s = sat.summarize_mlp(res)
    text = texts(at)
    assert (f"The mean summed input is {fmt(s.mean_first, 3)} in layer 1 and "
            f"{fmt(s.mean_last, 3)} in layer 12") in text
    assert f"{_pct(s.sat_last)} in layer 12" in text
    assert f"‖∂L/∂W‖ is {fmt(s.grad_first, 3)} in layer 1" in text
    # the drift is visible in the chart: the mean trace climbs far above layer 1
    mean = [tr for tr in chart_specs(at)[PREACT]["data"] if tr.get("name") == "mean z"][0]
    m = decode(mean["y"])
    assert m[2] > m[1] > m[0] and m[-1] > m[0] + 3


def test_preset_button_sets_known_state() -> None:
    at = run_page("saturation", locale="en-US")
    at.button(key="sat_preset_relu_he").click().run()
    assert not at.exception
    assert at.session_state["sat_mlp"] == "relu" and at.session_state["sat_depth"] == 20
    res = sat.simulate_deep_mlp("relu", 20, 64, 256, "he", 0, 0.0, 0.05)
    s = sat.summarize_mlp(res)
    assert f"Largest ÷ smallest over all layers: {fmt(s.grad_spread, 3)}." in texts(at)
    assert s.grad_spread < 5  # He keeps ReLU gradients within a small factor
    grad = decode(chart_specs(at)[GRAD]["data"][0]["y"])
    assert len(grad) == 20


def test_dying_relu_numbers_match_core() -> None:
    at = run_page("saturation", query={"sat_die": ["ReLU", "Leaky ReLU"]}, locale="en-US")
    sweep = sat.dead_share_vs_bias(["relu", "leaky_relu"], sat.DEFAULT_SHIFTS, depth=10,
                                   width=64, n_samples=128, init="he", seed=0, threshold=0.05)
    text = texts(at)
    assert f"**{_name('relu')}**: at b = −4, {_pct(sweep.dead['relu'][0])} of all units are dead" in text
    assert f"**{_name('leaky_relu')}**: at b = −4, 0% of all units are dead" in text
    y = decode(chart_specs(at)[DIE]["data"][0]["y"])
    assert y[0] == pytest.approx(sweep.dead["relu"][0], abs=1e-6) and y[0] > 0.5


@pytest.mark.parametrize("query", [{"sat_t": "abc"}, {"sat_t": "nan"}, {"sat_t": "1e9"},
                                   {"sat_L": "999"}, {"sat_depth": "-4"}, {"sat_init": "orthogonal"},
                                   {"sat_n": "100000"}])
def test_bad_url_values_fall_back_with_notice(query: dict) -> None:
    at = run_page("saturation", query=query, locale="en-US")
    assert not at.exception
    assert at.warning, "a bad URL value must show a notice"
    assert len(chart_specs(at)) == 6


def test_unknown_activation_in_url_is_dropped() -> None:
    at = run_page("saturation", query={"sat_acts": ["Sigmoid", "NoSuchThing"]}, locale="en-US")
    assert not at.exception
    assert at.warning
    names = {tr.get("name") for tr in chart_specs(at)[CURVES]["data"]}
    assert _name("sigmoid") in names


def test_no_activation_chosen_shows_hint() -> None:
    at = run_page("saturation", locale="en-US")
    at.multiselect(key="sat_acts").set_value([]).run()
    assert not at.exception
    assert any("Choose at least one activation" in i.value for i in at.info)


def test_labels_and_setup_numbers_come_from_the_code() -> None:
    """No typed numbers: the preset's bias, the small-normal std and the sweep's init."""
    small = f"N(0, {fmt(sat.SMALL_STD)}²)"
    at = run_page("saturation", query={"sat_init": small}, locale="en-US")
    assert not at.exception and not at.warning
    assert at.session_state["sat_init"] == "small"
    res = sat.simulate_deep_mlp("sigmoid", 10, 64, 256, "small", 0, 0.0, 0.05)
    assert f"{_name('sigmoid')}, {small} weights, 10 layers" in texts(at)
    assert decode(chart_specs(at)[GRAD]["data"][0]["y"])[-1] == pytest.approx(
        res.grad_norm_w[-1], rel=1e-6)
    assert f"{small}: small normal" in str(at.get("button_group")[0].proto.help)
    # the bias in the preset's label is the bias the preset sets
    at.button(key="sat_preset_relu_neg").click().run()
    label = at.button(key="sat_preset_relu_neg").label
    assert label == f"ReLU, He, b = {fmt(at.session_state['sat_b'])}" and at.session_state["sat_b"] < 0
    assert "Each point: 10 layers × 64 units, He weights, 128 samples, seed 0." in texts(at)


def test_dead_sentence_and_tails_follow_the_run() -> None:
    at = run_page("saturation", locale="en-US")   # Sigmoid, Xavier: no dead unit
    res = sat.simulate_deep_mlp("sigmoid", 10, 64, 256, "xavier", 0, 0.0, 0.05)
    s = sat.summarize_mlp(res)
    text = texts(at)
    assert s.dead_max == 0.0 and "No unit in any of the 10 layers is dead" in text
    assert "Dead units (f′ = 0" not in text
    assert (f"In layer 10 the central {_pct(s.z_mid_share)} of the summed inputs lie between "
            f"{fmt(s.z_lo_last, 3)} and {fmt(s.z_hi_last, 3)}") in text
    at = run_page("saturation", query={"sat_mlp": "ReLU", "sat_init": "He", "sat_b": "-2"},
                  locale="en-US")
    res = sat.simulate_deep_mlp("relu", 10, 64, 256, "he", 0, -2.0, 0.05)
    s = sat.summarize_mlp(res)
    assert s.dead_max > 0
    assert (f"{_pct(s.dead_first)} in layer 1, {_pct(s.dead_last)} in layer 10; the most, "
            f"{_pct(s.dead_max)}, in layer {s.dead_max_layer}.") in texts(at)


# ------------------------------------------------------------------ the control spec (issue 19)

def test_the_spec_holds_every_control_and_the_presets_are_states_of_it() -> None:
    from ui.controls.saturation import PRESETS, SPEC

    assert SPEC.keys() == ["sat_acts", "sat_t", "sat_xr", "fx", "sat_x", "sat_L", "sat_mlp",
                           "sat_init", "sat_depth", "sat_width", "sat_n", "sat_b", "sat_seed",
                           "sat_die"]
    assert SPEC["sat_depth"].hi == sat.MAX_DEPTH and SPEC["sat_width"].hi == sat.MAX_WIDTH
    assert SPEC["sat_n"].hi == sat.MAX_SAMPLES and SPEC["sat_L"].hi == sat.MAX_FACTOR_DEPTH
    assert SPEC["sat_init"].options == sat.INITS
    for preset in PRESETS.values():
        state = SPEC.state(**preset)
        assert all(state[k] == SPEC[k].session_value(v) for k, v in preset.items())
    # the URL spells activations by their language-neutral names, as links made before did
    query = SPEC.to_query(SPEC.state(sat_acts=["sigmoid", "custom"], sat_init="positive"))
    assert query["sat_acts"] == ["Sigmoid", "f(x)"] and query["sat_init"] == ["|N(0, 1/n)|"]
    assert SPEC.from_query(query)["sat_acts"] == ["sigmoid", "custom"]


def test_every_control_of_the_spec_is_drawn_with_its_default() -> None:
    from tests.pages.test_lessons_page import same, widget_values
    from ui.controls.saturation import SPEC

    shown: dict = {}
    for control in SPEC:
        shown.update(control.shown_with)
    shown["fx"] = "tanh(x)"  # a formula on the chart, so that its scrubs (x₀, t) are drawn
    at = run_page("saturation", query=SPEC.to_query(SPEC.state(**shown)), locale="en-US")
    assert not at.exception and not at.warning
    values = widget_values(at) | scrub_values(at)
    state = SPEC.state(**shown)
    for key in SPEC.keys():
        assert key in values, key
        assert same(values[key], state[key]), (key, values[key], state[key])


def test_an_empty_initialisation_falls_back_with_a_notice() -> None:
    """`/saturation?sat_init=` used to show a traceback."""
    at = run_page("saturation", query={"sat_init": ""}, locale="en-US")
    assert not at.exception
    assert [w.value for w in at.warning] == [
        "The link left `sat_init` empty, so this page uses Xavier √\\(1/n\\)."]
    res = sat.simulate_deep_mlp("sigmoid", 10, 64, 256, "xavier", 0, 0.0, 0.05)
    assert decode(chart_specs(at)[GRAD]["data"][0]["y"])[-1] == pytest.approx(
        res.grad_norm_w[-1], rel=1e-6)
    assert "Sigmoid" in texts(at) and "Xavier √(1/n) weights, 10 layers" in texts(at)


PAYLOADS = ["![i](//example.org/t.png)", "[Session expired](https://example.org)"]


@pytest.mark.parametrize("payload", PAYLOADS)
@pytest.mark.parametrize("shown", [True, False])
def test_text_from_a_link_is_shown_as_text(payload: str, shown: bool) -> None:
    """Every text-like key of the spec (the formula box) with a Markdown image or link: no
    rendered Markdown holds an unescaped "](" — the value shows escaped, or not at all."""
    from ui.controls.saturation import SPEC

    query = {c.key: payload for c in SPEC if c.kind == "text"}
    assert list(query) == ["fx"]
    if shown:
        query["sat_acts"] = ["Sigmoid", "f(x)"]
        query["sat_mlp"] = "f(x)"
    at = run_page("saturation", query=query, locale="en-US")
    assert not at.exception
    rendered = [m.value for m in at.markdown] + [c.value for c in at.caption]
    for kind in ("warning", "info", "success", "error"):
        rendered += [e.value for e in getattr(at, kind)]
    assert rendered and not [r for r in rendered if "](" in r]
    if shown:  # the formula is refused, with its reason (no chart of it is drawn)
        assert any("f(x)" in w.value or "formula" in w.value.lower() for w in at.warning)
        assert at.text_input(key="fx").value == payload


# ------------------------------------------------------------------ charts (issue 22)

def test_the_saturated_strips_have_a_legend() -> None:
    at = run_page("saturation", query={"sat_acts": ["Sigmoid", "Tanh", "ReLU"]}, locale="en-US")
    data = chart_specs(at)[CURVES]["data"]
    bars = [tr for tr in data if tr.get("type") == "bar"]
    entries = [tr["name"] for tr in bars if tr["showlegend"]]
    # sigmoid and tanh are saturated somewhere on [−8, 8]; ReLU (f′ = 0 for x < 0) too
    assert entries == [f"{_name(a)}: |f′| < t" for a in ("sigmoid", "tanh", "relu")]
    # each strip in its curve's colour, on both panels
    lines = {tr["name"]: tr["line"]["color"] for tr in data if tr.get("mode") == "lines+markers"}
    for bar in bars:
        name = bar["name"].split(":")[0]
        rgb = bar["marker"]["color"].removeprefix("rgba(").rsplit(",", 1)[0]
        hexed = lines[name].lstrip("#")
        assert rgb == ",".join(str(int(hexed[i:i + 2], 16)) for i in (0, 2, 4))


def test_log_axes_keep_their_titles_off_the_tick_labels() -> None:
    at = run_page("saturation", query={"sat_L": "50"}, locale="en-US")
    for key in (DEPTH, GRAD):
        axis = chart_specs(at)[key]["layout"]["yaxis"]
        assert axis["type"] == "log" and axis["automargin"] is True
        assert axis["title"]["standoff"] > 0 and axis["title"]["text"]
        # powers of ten written out: 10⁻¹⁰ is never drawn as a mangled mantissa
        assert all(t == "1" or t == "10" or t.startswith("10") for t in axis["ticktext"])
    depth = chart_specs(at)[DEPTH]["layout"]["yaxis"]
    assert depth["ticktext"][0] == power(math.floor(math.log10(0.25 ** 50)))


def test_lesson_step_four_stands_by_the_gradient_chart() -> None:
    """The step about per-layer gradient sizes: its bar comes after the summed-input chart and
    right before the gradient chart (nothing drawn between them but the chart's title)."""
    from ui.lessons import steps

    k = [s.id for s in steps("saturation")].index("gradient") + 1
    at = run_page("saturation", query={"lesson": str(k)}, locale="en-US")
    assert not at.exception
    order = []
    for el in at.main:
        _walk(el, order)
    bar = order.index("lesson_bar")
    assert order.index("chart:sat_preact") < bar < order.index("chart:sat_grad")
    between = order[bar + 1:order.index("chart:sat_grad")]
    assert all(not e.startswith("chart:") for e in between), between


def _walk(node, out: list) -> None:
    """The page's elements in document order: the lesson bar's box and the charts by key."""
    proto = getattr(node, "proto", None)
    key = getattr(node, "key", None) or ""
    if getattr(node, "type", "") == "bidi_component":
        if proto.component_name == "activation_lab.chart":
            out.append("chart:" + proto.id.rsplit("-chart_", 1)[-1])
        return
    if "lesson_bar" in str(key) or "lesson_bar" in str(getattr(proto, "id", "")):
        out.append("lesson_bar")
    for child in getattr(node, "children", {}).values() if hasattr(node, "children") else []:
        _walk(child, out)


# ------------------------------------------------------------------ work budget (issue 20)

def _heavy_formula() -> str:
    """The heaviest kind of formula the box takes: a balanced sum of erf(erf(x)) as long as the
    box allows (erf is the most expensive function per element)."""
    from core.custom import MAX_LENGTH

    best = "erf(erf(x))"
    for k in range(2, 64):
        units = ["erf(erf(x))"] * k
        while len(units) > 1:
            units = [f"({units[i]}+{units[i + 1]})" if i + 1 < len(units) else units[i]
                     for i in range(0, len(units), 2)]
        if len(units[0]) > MAX_LENGTH:
            break
        best = units[0]
    return best


def _count_work(monkeypatch) -> list:
    """Record every simulate_deep_mlp call the page makes, with its counted work units."""
    calls: list = []
    real = sat.simulate_deep_mlp

    def counted(act, depth, width, n, *args, **kwargs):
        calls.append((sat.simulation_work(act, depth, width, n), n))
        return real(act, depth, width, n, *args, **kwargs)

    monkeypatch.setattr(sat, "simulate_deep_mlp", counted)
    return calls


def test_the_heaviest_link_stays_within_the_work_budget(monkeypatch) -> None:
    from core.custom import parse

    formula = _heavy_formula()
    act = parse(formula)
    assert sat.simulation_work(act, 30, 256, 2000) > 5 * sat.SIM_BUDGET  # really heavy
    calls = _count_work(monkeypatch)
    query = {"sat_mlp": "f(x)", "fx": formula, "sat_depth": "30", "sat_width": "256",
             "sat_n": "2000", "sat_seed": "7391"}  # a seed no other test caches
    at = run_page("saturation", query=query, locale="en-US", timeout=120)
    assert not at.exception and not at.warning
    plan = sat.plan_simulation(act, 30, 256, 2000)
    assert plan.reduced and 10 <= plan.n_samples < 2000
    # the work the page did, counted: one simulation, within the budget
    assert calls == [(plan.work, plan.n_samples)] and plan.work <= sat.SIM_BUDGET
    # the page says what it reduced, and states the run it made
    reduced = [i.value for i in at.info if "more work than one request may do" in i.value]
    assert reduced == [f"30 layers × 256 units × 2,000 samples with f(x) is more work than one "
                       f"request may do, so the network was run with {plan.n_samples:,} samples "
                       f"instead of 2,000. Every number and chart below comes from those "
                       f"{plan.n_samples:,} samples."]
    assert f"f(x), Xavier √(1/n) weights, 30 layers × 256 units, {plan.n_samples} samples" in texts(at)
    assert len(decode(chart_specs(at)[GRAD]["data"][0]["y"])) == 30


def test_the_budget_message_in_korean_and_a_set_up_within_it_is_not_reduced(monkeypatch) -> None:
    calls = _count_work(monkeypatch)
    query = {"sat_mlp": "ReLU", "sat_depth": "30", "sat_width": "256", "sat_n": "2000",
             "sat_seed": "7392"}
    at = run_page("saturation", query=query, locale="ko-KR", timeout=120)
    assert not at.exception
    plan = sat.plan_simulation("relu", 30, 256, 2000)
    assert calls == [(plan.work, plan.n_samples)] and plan.work <= sat.SIM_BUDGET
    if plan.reduced:  # the catalogue's cheapest functions too, at the largest set-up
        assert any(f"표본을 {plan.n_samples:,}개로 줄여서" in i.value for i in at.info)
    calls.clear()
    at = run_page("saturation", query={"sat_seed": "7393"}, locale="en-US")
    assert calls == [(sat.simulation_work("sigmoid", 10, 64, 256), 256)]
    assert not [i for i in at.info if "more work" in i.value]


def test_a_set_up_over_budget_even_at_the_fewest_samples_is_refused(monkeypatch) -> None:
    calls = _count_work(monkeypatch)
    monkeypatch.setattr(sat, "SIM_BUDGET", sat.simulation_work("tanh", 30, 256, 5))
    at = run_page("saturation", query={"sat_mlp": "Tanh", "sat_depth": "30",
                                       "sat_width": "256", "sat_seed": "7394"}, locale="en-US")
    assert not at.exception and calls == []
    assert [w.value for w in at.warning] == [
        f"30 layers × 256 units with {_name('tanh')} is more work than one request may do, "
        "even with only 10 samples, so the network was not run. Use fewer layers or units, or a "
        "simpler formula."]
    assert len(chart_specs(at)) == 3  # f / f′, depth, dying ReLU: the network's three are not


def test_the_benches_move_sliders_of_the_spec() -> None:
    """bench/load.py and the latency scenario take the page's sliders from the spec."""
    from bench.load import PAGES
    from bench.scenarios.saturation import MOVES, QUERY, SCENARIO
    from ui.controls.saturation import SPEC

    assert PAGES["saturation"] == (QUERY, MOVES)
    for move in MOVES:
        key, *window = move.split(":")
        control = SPEC[key]
        assert control.kind == "slider" and not control.shown_with
        assert all(control.lo <= float(v) <= control.hi for v in window)
    at = run_page("saturation", locale="en-US")
    assert at.slider(key="sat_xr").label == SCENARIO["slider"]


@pytest.mark.parametrize("shown", [True, False])
def test_a_formula_too_long_gets_one_notice_shown_or_not(shown: bool) -> None:
    """The box is the spec's fx control: a bad link value gets exactly one notice, from the box
    when it is drawn, from SPEC.finish when the set-up does not draw it."""
    query = {"fx": "x+" * 150 + "x"}
    if shown:
        query["sat_acts"] = ["f(x)"]
    at = run_page("saturation", query=query, locale="en-US")
    assert not at.exception
    notices = [w.value for w in at.warning if "`fx`" in w.value]
    assert len(notices) == 1, notices
    assert ("not shown in the current view" in notices[0]) is not shown


def test_peak_sentences_for_plateaus_and_limits() -> None:
    from ui.i18n import set_lang
    from ui.sentences.saturation import peak_text

    set_lang("en")
    assert peak_text(sat.derivative_peak("relu")) == "Largest |f′|: **1**, reached for x > 0."
    assert peak_text(sat.derivative_peak("identity")) == "Largest |f′|: **1**, reached for every x."
    assert peak_text(sat.derivative_peak("hardtanh")) == (
        "Largest |f′|: **1**, reached for −1 < x < 1.")
    assert peak_text(sat.derivative_peak("softplus")) == (
        "|f′| keeps growing towards x → +∞ and approaches **1**.")


# ------------------------------------------------------------------ scrub frames (issue 24)
def _figure_and_scrubs(acts: list[str], half: float, x0: float, thr: float):
    """The f/f′ figure and its two scrubs as the page builds them at (x0, thr)."""
    from plotly.io.json import to_json_plotly

    from ui.controls import grid_index
    from ui.controls.saturation import SPEC, probe_grid
    from ui.figures.saturation import CurveSet, curves, curves_scrubs
    from ui.theme import Look

    xs, ts = probe_grid(half), SPEC["sat_t"].grid()
    ix, it = grid_index(xs, x0), grid_index(ts, thr)
    probes = [sat.probes(a, xs, 0.15 * half) for a in acts]
    intervals = [sat.saturated_intervals_grid(a, ts, -half, half) for a in acts]
    sets = []
    for a, p, iv in zip(acts, probes, intervals):
        x, f, g = sat.curve_samples(a, -half, half, 161)
        sets.append(CurveSet(a, x, f, g, iv[it], p.at(ix)))
    look = Look()
    fig = curves(sets, ts[it], (-half, half), look)
    scrubs = curves_scrubs(sets, (-half, half), look,
                           ("sat_x", xs, ix, probes, 0.05, "x0"),
                           ("sat_t", ts, it, intervals, 0.001, "t"))
    return json.loads(to_json_plotly(fig.to_plotly_json())), scrubs


def _plain(spec) :
    """A figure spec with every array (numpy, base64 block or list) as a list of float32
    values, so that a frame applied in Python compares with a figure built and encoded."""
    import numpy as np

    if isinstance(spec, dict) and set(spec) == {"dtype", "bdata"}:
        return [float(v) for v in decode(spec).astype(np.float32)]
    if isinstance(spec, np.ndarray):
        return [float(v) for v in spec.astype(np.float32)]
    if isinstance(spec, dict):
        return {k: _plain(v) for k, v in spec.items()}
    if isinstance(spec, (list, tuple)) and spec and all(
            isinstance(v, float) or v is None for v in spec):
        return [None if v is None else float(np.float32(v)) for v in spec]
    if isinstance(spec, (list, tuple)):
        return [_plain(v) for v in spec]
    return spec


@pytest.mark.parametrize("acts", [["sigmoid", "tanh", "relu"], ["elu"], ["gelu", "softplus"]])
def test_every_scrub_frame_reproduces_the_figure_built_at_its_value(acts) -> None:
    from ui.chart import apply_frame

    base, (probe, threshold) = _figure_and_scrubs(acts, 8.0, 1.5, 0.05)
    assert probe.values[probe.index] == 1.5 and threshold.values[threshold.index] == 0.05
    assert len(probe.values) >= 100 and len(threshold.values) >= 100
    for scrub, other in ((probe, threshold), (threshold, probe)):
        for i in range(0, len(scrub.values), 17):
            v = scrub.values[i]
            x0, thr = (v, 0.05) if scrub is probe else (1.5, v)
            want, _ = _figure_and_scrubs(acts, 8.0, x0, thr)
            got = apply_frame(base, scrub, i)
            assert _plain(got) == _plain(want), (scrub.control, v)


def test_scrubs_fit_the_page_budget_and_keep_the_value_shown() -> None:
    from ui.figures.saturation import SCRUB_BYTES, scrub_bytes

    four = ["sigmoid", "tanh", "relu", "gelu"]
    _, scrubs = _figure_and_scrubs(four, 20.0, -3.35, 0.013)
    for s in scrubs:
        assert scrub_bytes(s) <= 1.05 * SCRUB_BYTES
        assert s.values == tuple(sorted(s.values))
    probe, threshold = scrubs
    assert probe.values[probe.index] == -3.35 and threshold.values[threshold.index] == 0.013
    # thinned to every s-th step of the slider counted from the value shown
    gaps = {round(b - a, 9) for a, b in zip(probe.values, probe.values[1:])}
    assert len(probe.values) < 801 and len(gaps) == 1
    assert round(gaps.pop() / 0.05, 9) % 1 == 0
