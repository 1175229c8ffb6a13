"""AppTest: the learning-rate page states the computed regime, follows its controls and its URL."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest

from core import descent as d
from tests.pages.conftest import chart_spec, chart_specs, decode, run_page, texts
from ui.format import fmt
from ui.lessons import steps

QUARTIC = d.get("quartic").text
BOWL = d.get("bowl2d").text


def iterates(at) -> np.ndarray:
    """x of the iterate trace of the loss-curve chart (chart 0, trace 1), gaps dropped."""
    trace = chart_specs(at)[0]["data"][1]
    xs = decode(trace["x"])
    return np.array([v for v in xs.tolist() if v is not None], dtype=float)


def lrlog(at) -> float:
    """The log-lr position the loss chart's scrub shows (its grid value at its index)."""
    from tests.pages.conftest import chart_docs

    doc = next(doc for doc in chart_docs(at) if doc["key"] == "gd_curve")
    (scrub_,), (index,) = doc["scrubs"], doc["at"]
    assert scrub_["control"] == "gd_lrlog"
    return scrub_["values"][index]


def scrub(at, key: str, value: float) -> None:
    """What the chart's scrub sends when a drag ends: its callback writes the grid value."""
    at.session_state[key] = value
    at.run()


def boxes(at) -> str:
    """Text of every alert box."""
    return "\n".join(e.value for kind in ("success", "info", "warning", "error")
                     for e in getattr(at, kind))


def all_numbers(obj):
    """Every number inside a Plotly spec (decoding typed arrays)."""
    if isinstance(obj, dict):
        if "bdata" in obj and "dtype" in obj:
            yield from decode(obj).astype(float).tolist()
            return
        for v in obj.values():
            yield from all_numbers(v)
    elif isinstance(obj, list):
        for v in obj:
            yield from all_numbers(v)
    elif isinstance(obj, (int, float)) and not isinstance(obj, bool):
        yield float(obj)


def assert_all_finite(at):
    for spec in chart_specs(at):
        bad = [v for v in all_numbers(spec) if not math.isfinite(v)]
        assert not bad, bad[:5]
    def no_constant(name):  # NaN / Infinity / -Infinity as JSON tokens (not inside base64)
        raise AssertionError(f"{name} in a chart spec")

    for el in at.get("bidi_component"):
        if el.proto.component_name == "activation_lab.chart":  # the charts (not the key helpers)
            json.loads(el.proto.bytes.decode(), parse_constant=no_constant)


def test_default_view_in_korean():
    at = run_page("descent")
    assert not at.exception
    assert at.title[0].value == "학습률과 경사 하강법"
    run = d.gradient_descent("course", 10.0, 0.2, 100)
    assert "한 방향으로 수렴" in at.success[0].value
    assert f"{run.converged_at}번 반복" in at.success[0].value
    np.testing.assert_allclose(iterates(at), run.iterates.astype(np.float32), rtol=1e-6)


def test_english_title_and_course_default():
    at = run_page("descent", locale="en-US")
    assert not at.exception
    assert at.title[0].value == "Learning rate & gradient descent"
    assert "Converges monotonically" in at.success[0].value
    assert "After 31 steps" in at.success[0].value


def test_url_lr_1_opens_the_oscillation_case():
    at = run_page("descent", query={"lr": "1.0"}, locale="en-US")
    assert not at.exception
    run = d.gradient_descent("course", 10.0, 1.0, 100)
    assert run.regime == d.CYCLE
    text = boxes(at)
    assert "Oscillates forever" in text
    assert "between −4 and 10" in text and "stays at 59" in text
    assert set(iterates(at).tolist()) == {10.0, -4.0}
    assert "r = 1 − lr · L = 1 − 1 · 2 = −1" in texts(at)


def test_url_lr_05_lands_in_one_step():
    at = run_page("descent", query={"lr": "0.5"}, locale="en-US")
    assert "exactly 1/L" in at.success[0].value and "x₁ = 3" in at.success[0].value
    assert iterates(at)[1] == 3.0


def test_url_lr_11_diverges_stops_and_keeps_charts_finite():
    at = run_page("descent", query={"lr": "1.1"}, locale="en-US")
    assert not at.exception
    run = d.gradient_descent("course", 10.0, 1.1, 100)
    assert run.stopped_early
    msg = at.error[0].value
    assert "Diverges" in msg and f"At step {run.stopped_at}" in msg and "1,000,000" in msg
    assert_all_finite(at)
    assert f"stopped at step {run.stopped_at}" in texts(at)


def test_url_lr_0001_too_slow_with_computed_estimate():
    at = run_page("descent", query={"lr": "0.001"}, locale="en-US")
    run = d.gradient_descent("course", 10.0, 0.001, 100)
    msg = boxes(at)
    assert "Too slow" in msg
    assert f"{run.estimated_steps:,}" in msg
    assert "8.72997" in msg  # x_100 = 3 + 7·0.998¹⁰⁰


def test_exact_lr_change_changes_chart_and_verdict():
    at = run_page("descent", locale="en-US")
    before = iterates(at)
    at.number_input(key="lr").set_value(0.9).run()
    after = iterates(at)
    assert not np.allclose(before[:5], after[:5])
    run = d.gradient_descent("course", 10.0, 0.9, 100)
    np.testing.assert_allclose(after, run.iterates.astype(np.float32), rtol=1e-6)
    assert "Converges while oscillating" in boxes(at)
    assert f"After {run.converged_at} steps" in boxes(at)


def test_log_slider_sets_the_exact_lr():
    at = run_page("descent", locale="en-US")
    scrub(at, "gd_lrlog", 0.0)
    assert not at.exception
    assert at.number_input(key="lr").value == pytest.approx(1.0)
    assert "Oscillates forever" in boxes(at)


def test_log_slider_follows_url_lr():
    at = run_page("descent", query={"lr": "0.001"}, locale="en-US")
    assert lrlog(at) == pytest.approx(-3.0)


def test_quick_button_sets_course_case():
    at = run_page("descent", query={"gd_loss": QUARTIC}, locale="en-US")
    at.button(key="gd_quick_1.1").click().run()
    assert not at.exception
    assert at.number_input(key="lr").value == pytest.approx(1.1)
    assert "Diverges" in boxes(at)


def test_step_slider_shows_first_iterates():
    at = run_page("descent", query={"gd_step": "3"}, locale="en-US")
    xs = iterates(at)
    np.testing.assert_allclose(xs, [10.0, 7.2, 5.52, 4.512], rtol=1e-6)
    assert "Step 3: x = 4.512" in texts(at)
    at.button(key="gd_b_next").click().run()
    assert len(iterates(at)) == 5


def test_opens_with_every_iterate_on_the_loss_curve():
    at = run_page("descent", locale="en-US")
    assert not at.exception
    run = d.run("course", "gd", x0=d.get("course").default_x0, lr=0.2, steps=100, tol=d.DEFAULT_TOL)
    assert at.slider(key="gd_step").value == run.n
    xs = iterates(at)
    assert len(xs) == run.n + 1
    np.testing.assert_allclose(xs, run.iterates.astype(np.float32), rtol=1e-6)
    # the loss curve is the page's first chart, and its verdict is stated on the page
    assert chart_specs(at)[0]["data"][0]["name"] == "loss f(x)"
    assert f"Step {run.n}: x = " in texts(at)
    assert "Verdict for lr = 0.2" in texts(at)


def test_every_iterate_by_default_follows_a_new_lr_and_step_count():
    at = run_page("descent", query={"lr": "0.9", "gd_steps": "30"}, locale="en-US")
    run = d.run("course", "gd", x0=d.get("course").default_x0, lr=0.9, steps=30, tol=d.DEFAULT_TOL)
    assert len(iterates(at)) == run.n + 1
    np.testing.assert_allclose(iterates(at), run.iterates.astype(np.float32), rtol=1e-6)


def test_stable_band_marked_on_lr_axis():
    at = run_page("descent", locale="en-US")
    axis = chart_specs(at)[1]
    notes = [a["text"] for a in axis["layout"]["annotations"]]
    assert "1/L = 0.5" in notes and "2/L = 1" in notes


@pytest.mark.parametrize("query", [{"lr": "abc"}, {"lr": "nan"}, {"lr": "1e9"}, {"lr": "0"},
                                   {"gd_steps": "5000"}, {"gd_loss": "nope"},
                                   {"gd_x0": "inf"}, {"gd_step": "-3"}, {"gd_wy": "99"},
                                   {"gd_x0": "-101.0", "gd_loss": BOWL}])
def test_bad_url_values_fall_back_with_a_notice(query):
    at = run_page("descent", query=query, locale="en-US")
    assert not at.exception
    key = next(iter(query))
    assert any(f"`{key}`" in w.value for w in at.warning), [w.value for w in at.warning]
    assert_all_finite(at)


def test_quartic_start_decides_the_minimum():
    loss = d.get("quartic")
    right = run_page("descent", query={"gd_loss": QUARTIC, "gd_x0": "0.5", "lr": "0.05"},
                     locale="en-US")
    left = run_page("descent", query={"gd_loss": QUARTIC, "gd_x0": "-0.2", "lr": "0.05"},
                    locale="en-US")
    assert not right.exception and not left.exception
    assert f"x* = {fmt(loss.minimizers[1], 6)}" in boxes(right)
    assert f"x* = {fmt(loss.minimizers[0], 6)}" in boxes(left)
    assert fmt(loss.minimizers[0], 6) == "−2.05979"
    assert "hump at x = 0.1255" in texts(right)


def test_bowl_shows_three_optimisers_and_zigzag_factor():
    at = run_page("descent", query={"gd_loss": BOWL}, locale="en-US")
    assert not at.exception
    contour = chart_specs(at)[0]
    names = [tr.get("name") for tr in contour["data"]]
    assert {"GD", "Momentum", "Adam"} <= set(names)
    gd = d.gradient_descent("bowl2d", (-8.0, 2.0), 0.2, 100)
    path = [tr for tr in contour["data"] if tr.get("name") == "GD"][0]
    np.testing.assert_allclose(np.array(decode(path["y"]).tolist(), dtype=float),
                               gd.iterates[:, 1].astype(np.float32), rtol=1e-5, atol=1e-30)
    found = texts(at)
    assert "r₂ = 1 − lr · 9 = −0.8" in found
    table = at.dataframe[0].value.to_string()
    for name in ("GD", "Momentum", "Adam"):
        assert name in table


def test_compare_table_names_each_regime():
    at = run_page("descent", locale="en-US")
    table = [df.value for df in at.dataframe if "lr = 1.1" in df.value.to_string()][0]
    regimes = table.iloc[:, 1].tolist()
    assert regimes == ["too slow", "converges (monotone)", "converges (monotone)",
                       "converges (oscillating)", "oscillates forever", "diverges"]
    assert "between −4 and 10" in table.to_string()


def test_compare_bad_list_warns_and_uses_default():
    at = run_page("descent", query={"gd_lrs": "0.1, banana"}, locale="en-US")
    assert not at.exception
    assert any("banana" in w.value for w in at.warning)


def test_long_run_1000_steps_is_finite():
    at = run_page("descent", query={"lr": "3", "gd_steps": "1000", "gd_lrs": "3, 2.5, 0.0001"},
                  locale="en-US")
    assert not at.exception
    assert_all_finite(at)


def test_korean_sentences_have_the_numbers():
    at = run_page("descent", query={"lr": "1.0"})
    msg = at.warning[0].value
    # no particle after a number: "두 값 −4, 10 사이" instead of "−4와 10 사이"
    assert "영원히 진동" in msg and "두 값 −4, 10 사이" in msg
    assert json.dumps(msg)  # plain text, no objects


def test_changing_the_loss_updates_the_comparison_too():
    at = run_page("descent", locale="en-US")
    at.selectbox(key="gd_loss").set_value("steep").run()
    assert not at.exception
    table = [df.value for df in at.dataframe if "lr = 1.1" in df.value.to_string()][0]
    expected = [d.gradient_descent("steep", 10.0, lr, 100) for lr in
                (0.001, 0.2, 0.5, 0.9, 1.0, 1.1)]
    assert table.iloc[:, 1].tolist()[1] == "converges (oscillating)"  # r = 1 − 0.2·8 = −0.6
    assert [r.regime for r in expected][1] == d.OSCILLATING
    assert "2/L = 0.25" in [a["text"] for a in chart_specs(at)[1]["layout"]["annotations"]]


def test_switching_to_the_quartic_moves_the_start_to_its_default():
    at = run_page("descent", locale="en-US")
    assert at.number_input(key="gd_x0").value == 10.0
    at.selectbox(key="gd_loss").set_value("quartic").run()
    assert not at.exception
    assert at.number_input(key="gd_x0").value == pytest.approx(0.5)
    assert iterates(at)[0] == pytest.approx(0.5)


def test_quartic_two_cycle_and_wandering_are_described():
    two = run_page("descent", query={"gd_loss": QUARTIC, "lr": "0.3", "gd_steps": "1000"},
                   locale="en-US")
    run = d.gradient_descent("quartic", 0.5, 0.3, 1000)
    msg = boxes(two)
    assert "Oscillates forever" in msg and "loss alternates between" in msg
    assert fmt(run.iterates[-1], 6) in msg
    wander = run_page("descent", query={"gd_loss": QUARTIC, "lr": "0.45", "gd_steps": "1000"},
                      locale="en-US")
    run = d.gradient_descent("quartic", 0.5, 0.45, 1000)
    msg = boxes(wander)
    assert "keeps wandering between" in msg
    assert fmt(run.orbit[0], 4) in msg and fmt(run.orbit[1], 4) in msg


# ------------------------------------------------------------------ audit #5
LOSS_LABELS = {lid: d.get(lid).text for lid in d.LOSSES}


def _starts(lid):
    """Typed-start extremes and a few inner starts, as URL values."""
    if d.get(lid).dim == 2:
        return [{"gd_wx": "-9", "gd_wy": "-4"}, {"gd_wx": "9", "gd_wy": "4"},
                {"gd_wx": "-8", "gd_wy": "2"}]
    return [{"gd_x0": v} for v in ("-100", "-5.75", "1.5", "100")]


@pytest.mark.parametrize("lid", list(d.LOSSES))
def test_every_preset_at_lr_3_keeps_every_chart_number_finite(lid):
    for start in _starts(lid):
        at = run_page("descent", query={"gd_loss": LOSS_LABELS[lid], "lr": "3", **start},
                      locale="en-US")
        assert not at.exception, start
        assert_all_finite(at)
        assert "stopped at the bound after" in boxes(at), start


def test_quartic_lr_3_from_1_5_drops_the_unplottable_step():
    at = run_page("descent", query={"gd_loss": QUARTIC, "gd_x0": "1.5", "lr": "3"},
                  locale="en-US")
    run = d.gradient_descent("quartic", 1.5, 3.0, 100)
    assert not run.escape.kept
    assert_all_finite(at)
    msg = at.error[0].value
    assert f"Step {run.escape.step} would jump to x = {fmt(run.escape.point, 6)}" in msg
    assert f"stopped at the bound after {run.n} steps" in msg
    np.testing.assert_allclose(iterates(at), run.iterates.astype(np.float32))


def test_lr_just_above_1_is_written_exactly():
    at = run_page("descent", query={"lr": "1.0001"}, locale="en-US")
    assert not at.exception
    found = texts(at)
    run = d.gradient_descent("course", 10.0, 1.0001, 100)
    assert run.regime == d.DIVERGES and run.rate == pytest.approx(1.0002, rel=1e-6)
    assert "Verdict for lr = 1.0001" in found
    assert "r = 1 − lr · L = 1 − 1.0001 · 2 = −1.0002" in found
    assert "|r| = 1.0002 > 1" in found
    assert "grows about ×1.0002 per step" in found
    head = at.subheader[0].value + at.error[0].value + "\n".join(m.value for m in at.markdown)
    import re
    assert not re.search(r"lr = 1(?![./\d])|×1(?![.\d])|= −1(?![.\d])|\|r\| = 1(?![.\d])", head)
    axis = chart_specs(at)[1]
    assert "lr = 1.0001" in [tr.get("text", [None])[0] for tr in axis["data"] if tr.get("text")]


def test_lr_near_one_over_L_is_not_called_exact():
    near = run_page("descent", query={"lr": "0.50000001"}, locale="en-US")
    msg = near.success[0].value
    gap = d.one_step_gap(d.get("course"), 0.50000001)
    assert "is exactly 1/L" not in msg and "is not exactly 1/L = 0.5" in msg
    assert f"differs by {fmt(gap, 3).replace('1×10', '10')}" in msg
    exact = run_page("descent", query={"lr": "0.5"}, locale="en-US")
    assert "is exactly 1/L = 0.5" in exact.success[0].value


def test_every_step_claim_only_when_every_step_crosses():
    every = run_page("descent", query={"lr": "0.9"}, locale="en-US")
    assert "Every step jumps over the minimum" in boxes(every)
    some = run_page("descent", query={"gd_loss": QUARTIC, "gd_x0": "0.5", "lr": "0.15",
                                      "gd_steps": "200"}, locale="en-US")
    run = d.gradient_descent("quartic", 0.5, 0.15, 200)
    assert run.regime == d.OSCILLATING and not run.crossed_every_step
    msg = boxes(some)
    assert "Every step jumps" not in msg
    assert f"{run.crossings} of the {run.crossing_steps} steps before x got within" in msg


def test_farther_each_step_claim_is_checked():
    grow = run_page("descent", query={"lr": "1.1"}, locale="en-US")
    assert "Each step lands farther" in grow.error[0].value
    bumpy = run_page("descent", query={"gd_loss": QUARTIC, "gd_x0": "-5.75", "lr": "0.0723"},
                     locale="en-US")
    run = d.gradient_descent("quartic", -5.75, 0.0723, 100)
    assert not run.farther_each_step and run.escape.crossed == "loss"
    msg = bumpy.error[0].value
    assert "Each step lands farther" not in msg and "does not grow at every step" in msg
    assert f"At step {run.stopped_at} the loss reached" in msg and "f ≤ 10¹²" in msg


@pytest.mark.parametrize("lr", ["1.0000000004", "0.9999999996"])
def test_lr_within_tolerance_of_one_on_a_quadratic_is_not_wandering(lr):
    at = run_page("descent", query={"lr": lr}, locale="en-US")
    assert not at.exception
    msg, found = boxes(at), texts(at)
    assert "Oscillates forever" in msg and "wandering" not in msg and "walls" not in msg
    assert f"Verdict for lr = {lr}" in found
    r = 1 - float(lr) * 2
    assert r != -1 and "Here r = −1:" not in found
    assert f"Here r = {fmt(r, d.digits_to_tell(r))}" in found


def test_bowl_growth_in_y_is_called_divergence():
    at = run_page("descent", query={"gd_loss": BOWL, "lr": "0.223"}, locale="en-US")
    run = d.gradient_descent("bowl2d", (-8.0, 2.0), 0.223, 100)
    assert run.regime == d.DIVERGES
    msg = at.error[0].value
    y = d.axis_distance(run, 1)
    assert "Along y the distance to the minimum grows about ×1.007 per step" in msg
    assert fmt(y[-1], 6) in msg
    assert "r₂ = 1 − lr · 9 = −1.007" in texts(at)


def test_bowl_contour_plays_at_most_60_frames():
    at = run_page("descent", query={"gd_loss": BOWL}, locale="en-US")
    contour = chart_specs(at)[0]
    frames = contour["frames"]
    assert 1 < len(frames) <= 60
    gd = d.gradient_descent("bowl2d", (-8.0, 2.0), 0.2, 100)
    last = frames[-1]
    gd_index = [i for i, tr in enumerate(contour["data"]) if tr.get("name") == "GD"][0]
    k = last["traces"].index(gd_index)
    ys = decode(last["data"][k]["y"]).astype(float)
    np.testing.assert_allclose(ys, gd.iterates[: len(frames), 1].astype(np.float32), rtol=1e-6)


@pytest.mark.parametrize("lr,loss", [("1.0", "course"), ("0.2", "bowl2d"), ("0.5", "course"),
                                     ("3", "course"), ("0.0001", "course")])
def test_lr_label_is_clear_of_the_dashed_lines(lr, loss):
    at = run_page("descent", query={"lr": lr, "gd_loss": LOSS_LABELS[loss]}, locale="en-US")
    axis = [s for s in chart_specs(at) if s["layout"].get("yaxis", {}).get("visible") is False][0]
    label = f"lr = {fmt(float(lr), d.exact_digits(float(lr)))}"
    marker = [tr for tr in axis["data"] if tr.get("text") == [label]][0]
    top = axis["layout"]["yaxis"]["range"][1]
    dashed = [sh for sh in axis["layout"]["shapes"] if sh["type"] == "line"]
    assert len(dashed) == 2
    # every dashed line ends below the marker, whose label is written above it
    assert all(sh["y1"] * top < marker["y"][0] for sh in dashed)
    assert marker["textposition"].startswith("top")
    if float(lr) in (3.0, 0.0001):  # turned inwards at the ends of the axis
        assert marker["textposition"] == ("top left" if float(lr) == 3.0 else "top right")


def test_helps_and_notes_show_core_numbers():
    at = run_page("descent", locale="en-US")
    found = texts(at)
    course, expanded = d.get("course"), d.get("expanded")
    assert f"never drops below {fmt(d.minimum_value(course))}" in found
    assert f"drops to {fmt(d.minimum_value(expanded))} at its minimum" in found
    assert "drawn at 10⁻¹⁶" in found
    lrs = at.text_input(key="gd_lrs")
    assert f"up to {d.MAX_RATES} values" in lrs.label
    assert "between 0.0001 and 3" in lrs.help
    x0 = at.number_input(key="gd_x0")
    assert f"between {fmt(-d.X0_MAX)} and {fmt(d.X0_MAX)}" in x0.help


KO_COUNTERS = ("번", "개", "배")


def test_korean_strings_put_no_particle_after_a_placeholder():
    import re

    from ui.locales.descent import EN, KO
    assert set(EN) == set(KO)
    bad = []
    for key, text in KO.items():
        for m in re.finditer(r"\{[a-z0-9_]+\}([가-힣]+)", text):
            if not m.group(1).startswith(KO_COUNTERS):
                bad.append((key, m.group(0)))
    assert not bad, bad


@pytest.mark.parametrize("key", ["descent.loss_help", "descent.x0_help", "descent.lrlog_help",
                                 "descent.quick_help", "descent.gap_note", "descent.lrs",
                                 "descent.lrs_help", "descent.lrs_bad",
                                 "descent.optimizers_help", "descent.theory.quartic"])
def test_facts_in_help_texts_are_placeholders(key):
    import re

    from ui.locales.descent import EN, KO
    for text in (EN[key], KO[key]):
        plain = re.sub(r"\{[a-z0-9_]+\}", "", text)
        for formula in ("10^v", "2-D", "2차원", "4차", "2차 함수", "f″(x)", "1/L", "2/L"):
            plain = plain.replace(formula, "")
        assert not re.search(r"[0-9]", plain), (key, plain)


# ------------------------------------------------------------------ one spec, lr the one truth
def test_lesson_steps_are_the_spec_defaults_with_overrides():
    from ui.controls.descent import SPEC
    from ui.lessons import steps

    for step in steps("descent"):
        lr = step.state["lr"]
        assert step.state == SPEC.state(lr=lr, gd_step=step.state["gd_step"])
        assert "gd_lrlog" not in step.state  # a view of lr, never part of a state


def _lesson_checks(at, step) -> None:
    """The run on the page is the step's run: the box, the log slider, the chart, the verdict."""
    from ui.controls.descent import log_position, lr_text

    lr = step.state["lr"]
    assert at.number_input(key="lr").value == lr
    assert lrlog(at) == pytest.approx(log_position(lr))
    run = d.run("course", "gd", x0=10.0, lr=lr, steps=100, tol=d.DEFAULT_TOL)
    np.testing.assert_allclose(iterates(at), run.iterates[: step.state["gd_step"] + 1]
                               .astype(np.float32), rtol=1e-6)
    assert f"Verdict for lr = {lr_text(lr)}" in texts(at)


def test_every_lesson_step_sets_its_lr_30_times_even_with_a_stale_log_slider():
    """Issue 21 item 1: a lesson step's lr always wins. Each transition also carries the log
    slider's position from before the previous step (what a browser that has not caught up
    still sends): it must not write its rounded value over the step's lr."""
    from ui.controls.descent import log_position
    from ui.lessons import steps

    story = steps("descent")
    at = run_page("descent", query={"lesson": "1"}, locale="en-US")
    applied = {k: 0 for k in range(1, len(story) + 1)}
    old = log_position(story[0].state["lr"])

    def go(button: str, k: int) -> None:
        nonlocal old
        before = lrlog(at)
        # the stale echo rides along with the click; not into a step that keeps lr (a question
        # asked on the picture of the step it precedes): there the page cannot tell an old
        # position from the user's own move, and takes the move
        keeps = at.number_input(key="lr").value == story[k - 1].state["lr"]
        if before != old and not keeps:
            at.session_state["gd_lrlog"] = old
        at.button(key=button).click().run()
        assert not at.exception
        old = before
        applied[k] += 1
        _lesson_checks(at, story[k - 1])

    for _ in range(30):
        at.button(key="lesson_leave_main").click().run()
        go("lesson_start", 1)
        for k in range(2, len(story) + 1):
            go("lesson_next_main", k)
        go("lesson_prev_main", len(story) - 1)
        go("lesson_next_main", len(story))
    assert min(applied.values()) >= 30, applied


def test_the_user_moving_the_log_slider_still_sets_lr_after_a_step():
    from ui.lessons import steps

    k = [s.id for s in steps("descent")].index("cycle")  # the step before lr = 1
    at = run_page("descent", query={"lesson": str(k)}, locale="en-US")
    at.button(key="lesson_next_main").click().run()  # the next step: lr = 1
    assert at.number_input(key="lr").value == 1.0
    scrub(at, "gd_lrlog", -0.3)  # a new position: the user's own move, released on the chart
    assert at.number_input(key="lr").value == pytest.approx(0.501)
    assert "Verdict for lr = 0.501" in texts(at)


def _lr_one_step() -> str:
    """The lesson step (1-based, as the URL spells it) whose state has lr = 1."""
    from ui.lessons import steps

    return str(next(k for k, s in enumerate(steps("descent"), 1) if s.state["lr"] == 1.0))


@pytest.mark.parametrize("query", [{"gd_lrlog": "-3"}, {"gd_lrlog": "-3", "lr": "0.9"},
                                   {"gd_lrlog": "0.3", "lesson": _lr_one_step()}])
def test_a_links_log_slider_value_never_overrides_lr(query):
    from ui.controls.descent import log_position

    at = run_page("descent", query=query, locale="en-US")
    assert not at.exception
    lr = 1.0 if "lesson" in query else float(query.get("lr", 0.2))
    assert at.number_input(key="lr").value == lr
    assert lrlog(at) == pytest.approx(log_position(lr))
    run = d.gradient_descent("course", 10.0, lr, 100)
    np.testing.assert_allclose(iterates(at), run.iterates.astype(np.float32), rtol=1e-6)


# ------------------------------------------------------------------ user text is text
PAYLOADS = ("![i](//example.org/t.png)", "[Session expired](https://example.org)")


@pytest.mark.parametrize("payload", PAYLOADS)
def test_typed_text_in_a_link_shows_escaped(payload):
    from ui.controls.descent import SPEC

    keys = [c.key for c in SPEC if c.kind == "text"]
    assert keys == ["gd_lrs"]
    at = run_page("descent", query={key: payload for key in keys}, locale="en-US")
    assert not at.exception
    shown = [e.value for kind in ("markdown", "caption", "warning", "info", "error", "success")
             for e in getattr(at, kind)]
    assert any("example" in s for s in shown)  # the value is echoed (in the bad-list warning)
    for text in shown:
        assert "](" not in text.replace("\\]\\(", ""), text


# ------------------------------------------------------------------ the charts (issue 22)
def test_play_buttons_stand_under_the_plot_area():
    for query in ({"gd_loss": BOWL},):  # the 1-D loss curve is scrubbed over lr instead
        at = run_page("descent", query=query, locale="en-US")
        fig = chart_specs(at)[0]
        menu = fig["layout"]["updatemenus"][0]
        assert menu["y"] <= 0 and menu["yanchor"] == "top" and menu["xanchor"] == "right"
        assert fig["layout"]["margin"]["b"] >= 90


def test_side_by_side_runs_each_have_their_own_style():
    at = run_page("descent", locale="en-US")
    side = chart_spec(at, "gd_side")
    paths = [tr for tr in side["data"] if "customdata" in tr]
    styles = [(tr["line"]["color"], tr["line"]["dash"], tr["marker"]["symbol"]) for tr in paths]
    assert len(styles) == 6
    for i, a in enumerate(styles):
        for b in styles[i + 1:]:
            assert all(x != y for x, y in zip(a, b)), (a, b)  # colour, dash and marker differ
    dist = chart_spec(at, "gd_cmp_dist")
    assert [tr["line"]["color"] for tr in dist["data"]] == [s[0] for s in styles]
    slow, one = dist["data"][0], dist["data"][4]  # lr = 0.001 and lr = 1 lie on top of each other
    shown = [set(np.flatnonzero(np.asarray(tr["marker"]["size"]))) for tr in (slow, one)]
    assert shown[0] and shown[1] and not shown[0] & shown[1]


def test_log_axes_keep_their_titles_off_the_tick_labels():
    at = run_page("descent", locale="en-US")
    for key, axis in (("gd_steps_chart", "yaxis"), ("gd_cmp_dist", "yaxis"), ("gd_axis", "xaxis")):
        ax = chart_spec(at, key)["layout"][axis]
        assert ax["type"] == "log" and ax["automargin"] is True, key
        assert ax["title"]["standoff"] >= 10, key


# ------------------------------------------------------------------ the lr scrub (issue 24)
def _applied(spec: dict, frame: dict) -> dict:
    """spec with a scrub frame applied as plotly.js does (trace attributes restyled, layout
    attribute paths such as "xaxis.range" relaid out)."""
    import copy

    out = copy.deepcopy({"data": spec["data"], "layout": spec["layout"]})
    for i, attrs in zip(frame["traces"], frame["data"]):
        out["data"][i].update(attrs)
    for path, value in frame["layout"].items():
        *parents, last = path.split(".")
        node = out["layout"]
        for name in parents:
            node = node.setdefault(name, {})
        node[last] = value
    return out


def _loss_figure(run, k):
    from plotly.io.json import to_json_plotly

    from ui.figures.descent import loss_curve
    from ui.sentences.descent import badge
    from ui.theme import Look

    return json.loads(to_json_plotly(loss_curve(run, Look(), upto=k, badge=badge(run))
                                     .to_plotly_json()))


@pytest.mark.parametrize("loss_id,x0,lr,steps,k", [("course", 10.0, 0.2, 100, None),
                                                   ("quartic", 0.5, 0.9, 60, 7),
                                                   ("steep", -7.5, 0.26, 40, None)])
def test_every_lr_frame_reproduces_the_loss_chart_built_at_its_lr(loss_id, x0, lr, steps, k):
    from tests.pages.test_saturation_page import _plain
    from ui.controls.descent import scrub_grid
    from ui.figures.descent import loss_frames, step_shown
    from ui.sentences.descent import badge
    from ui.theme import Look

    values, index, lrs = scrub_grid(lr, steps)
    assert lrs[index] == lr and len(values) >= 100  # ≥ every fourth step of the log slider
    runs = d.run_grid(loss_id, "gd", x0, lrs, steps)
    here = runs[index]
    k = here.n if k is None else k
    frames = loss_frames(runs, k, here.n, [badge(r) for r in runs], Look())
    base = _loss_figure(here, k)
    for i in list(range(0, len(values), 23)) + [index, len(values) - 1]:
        want = _loss_figure(runs[i], step_shown(k, here.n, runs[i].n))
        got = _applied(base, frames[i])
        assert _plain(got) == _plain({"data": want["data"], "layout": want["layout"]}), lrs[i]
        one = d.run(loss_id, "gd", x0=x0, lr=lrs[i], steps=steps)  # core's value for that lr
        np.testing.assert_array_equal(runs[i].iterates, one.iterates)


def test_the_lr_scrub_payload_fits_and_the_step_count_thins_it():
    from ui.chart import Scrub
    from ui.controls.descent import SCRUB_BUDGET, scrub_grid
    from ui.figures.descent import loss_frames
    from ui.figures.saturation import scrub_bytes
    from ui.theme import Look

    for steps in (100, 1000):
        values, index, lrs = scrub_grid(0.2, steps)
        runs = d.run_grid("course", "gd", 10.0, lrs, steps)
        frames = loss_frames(runs, runs[index].n, runs[index].n, [""] * len(runs), Look())
        size = scrub_bytes(Scrub("gd_lrlog", values, index, tuple(frames), "lr"))
        assert size <= 1.1 * SCRUB_BUDGET, (steps, size)
        assert values[index] == pytest.approx(math.log10(0.2), abs=0.006)
    assert len(scrub_grid(0.2, 1000)[0]) < len(scrub_grid(0.2, 100)[0])


def test_a_lesson_step_s_k_wins_over_the_end_that_stays_the_end():
    """Step 7 (lr 1.1) ends its run early, at its last step k = n; a jump from there to step 1
    (k = 0 on a longer run) must show k = 0, not the new run's end (the class transitions
    test found 7 → 1 showing every iterate)."""
    at = run_page("descent", query={"lesson": "7"}, locale="en-US")
    seven = steps("descent")[6].state
    assert at.slider(key="gd_step").value == seven["gd_step"]
    at.query_params["lesson"] = "1"
    at.run()
    assert at.slider(key="gd_step").value == steps("descent")[0].state["gd_step"] == 0
