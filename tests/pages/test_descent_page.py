"""AppTest: the learning-rate page states the computed regime, follows its controls and its URL."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest

from core import descent as d
from tests.pages.conftest import chart_specs, decode, run_page, texts
from ui.page import fmt

QUARTIC = d.get("quartic").text
BOWL = d.get("bowl2d").text


def iterates(at) -> np.ndarray:
    """x of the iterate trace of the loss-curve chart (chart 0, trace 1), gaps dropped."""
    trace = chart_specs(at)[0]["data"][1]
    xs = decode(trace["x"])
    return np.array([v for v in xs.tolist() if v is not None], dtype=float)


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
    for el in at.get("plotly_chart"):
        assert "NaN" not in el.proto.spec and "Infinity" not in el.proto.spec


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
    at.slider(key="gd_lrlog").set_value(0.0).run()
    assert not at.exception
    assert at.number_input(key="lr").value == pytest.approx(1.0)
    assert "Oscillates forever" in boxes(at)


def test_log_slider_follows_url_lr():
    at = run_page("descent", query={"lr": "0.001"}, locale="en-US")
    assert at.slider(key="gd_lrlog").value == pytest.approx(-3.0)


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
    assert "영원히 진동" in msg and "−4와 10 사이" in msg
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
