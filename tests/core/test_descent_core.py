"""Unit tests for core/descent.py: closed forms, regime boundaries, bounds, 2-D, quartic."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core import descent as d

RAISE = dict(over="raise", invalid="raise", divide="raise")
QUADS = ["course", "expanded", "steep", "flat"]


# ------------------------------------------------------------------ registry and losses
def test_registry_ids_and_unknown_id():
    assert set(d.LOSSES) == {"course", "expanded", "steep", "flat", "quartic", "bowl2d"}
    with pytest.raises(KeyError, match="valid ids: course"):
        d.get("nope")


def test_course_loss_values_and_gradient():
    loss = d.get("course")
    x = np.array([10.0, 3.0, -4.0])
    np.testing.assert_allclose(loss.value(x), [59.0, 10.0, 59.0])
    np.testing.assert_allclose(loss.grad(x), 2 * x - 6)
    assert loss.curvature == 2.0 and loss.minimizers == (3.0,)


def test_expanded_form_is_x2_minus_6x_plus_4():
    loss = d.get("expanded")
    x = np.linspace(-5, 11, 33)
    np.testing.assert_allclose(loss.value(x), x ** 2 - 6 * x + 4, atol=1e-12)
    np.testing.assert_allclose(loss.grad(x), 2 * x - 6)
    assert loss.minimizers == (3.0,)


@pytest.mark.parametrize("lid", ["course", "steep", "flat", "quartic"])
def test_gradients_match_finite_differences(lid):
    loss = d.get(lid)
    x = np.linspace(-3, 3, 13)
    h = 1e-6
    num = (loss.value(x + h) - loss.value(x - h)) / (2 * h)
    np.testing.assert_allclose(loss.grad(x), num, rtol=1e-6, atol=1e-5)
    num2 = (loss.grad(x + h) - loss.grad(x - h)) / (2 * h)
    np.testing.assert_allclose(loss.second(x), num2, rtol=1e-5, atol=1e-4)


def test_bowl_gradient_matches_finite_differences():
    loss = d.get("bowl2d")
    w = np.array([[-8.0, 2.0], [1.5, -0.3]])
    h = 1e-6
    for i in range(2):
        step = np.zeros(2)
        step[i] = h
        num = (loss.value(w + step) - loss.value(w - step)) / (2 * h)
        np.testing.assert_allclose(loss.grad(w)[:, i], num, rtol=1e-6)
    assert loss.value(np.array([0.0, 0.0])) == 0.0


# ------------------------------------------------------------------ stable band
@pytest.mark.parametrize("lid,curv", [("course", 2.0), ("expanded", 2.0), ("steep", 8.0),
                                      ("flat", 1.0)])
def test_stable_band_quadratics(lid, curv):
    band = d.stable_band(d.get(lid))
    assert band.curvature == curv
    assert band.one_step == 1 / curv and band.upper == 2 / curv


def test_stable_band_course_numbers():
    band = d.stable_band(d.get("course"))
    assert (band.one_step, band.upper) == (0.5, 1.0)


def test_stable_band_none_for_quartic_and_2d_values():
    assert d.stable_band(d.get("quartic")) is None
    band = d.stable_band(d.get("bowl2d"))
    assert band.curvature == 9.0
    assert band.upper == pytest.approx(2 / 9) and band.best == pytest.approx(0.2)


def test_local_band_at_quartic_minima():
    loss = d.get("quartic")
    for xs in loss.minimizers:
        band = d.local_band(loss, xs)
        assert band.curvature == pytest.approx(3 * xs ** 2 - 4)
    with pytest.raises(ValueError):
        d.local_band(loss, 0.0)


# ------------------------------------------------------------------ closed form
@pytest.mark.parametrize("lid", QUADS)
@pytest.mark.parametrize("lr", [0.001, 0.05, 0.2, 0.3, 0.5, 0.9, 1.0])
def test_closed_form_iterates(lid, lr):
    loss = d.get(lid)
    run = d.gradient_descent(loss, 10.0, lr, 60)
    k = np.arange(run.n + 1)
    r = 1 - lr * loss.curvature
    expected = 3.0 + r ** k * (10.0 - 3.0)
    np.testing.assert_allclose(run.iterates, expected, rtol=1e-9, atol=1e-9)
    np.testing.assert_allclose(run.losses, loss.value(run.iterates))


@settings(max_examples=60, deadline=None)
@given(lr=st.floats(1e-4, 0.99), x0=st.floats(-100, 100), steps=st.integers(0, 200))
def test_closed_form_property(lr, x0, steps):
    run = d.gradient_descent("course", x0, lr, steps)
    k = np.arange(run.n + 1)
    np.testing.assert_allclose(run.iterates, 3 + (1 - 2 * lr) ** k * (x0 - 3),
                               rtol=1e-9, atol=1e-9)
    assert np.all(np.isfinite(run.iterates)) and np.all(np.isfinite(run.losses))


# ------------------------------------------------------------------ course numbers
def test_course_lr_02_converges_monotonically():
    run = d.gradient_descent("course", 10, 0.2, 100)
    assert run.regime == d.MONOTONE
    assert run.converged_at == 31
    assert run.iterates[1] == pytest.approx(7.2)
    assert np.all(np.diff(run.losses) <= 0)


def test_course_lr_05_lands_in_one_step():
    run = d.gradient_descent("course", 10, 0.5, 100)
    assert run.iterates[1] == 3.0 and run.one_step
    assert run.regime == d.MONOTONE and run.reason == "one_step"


def test_course_lr_1_oscillates_between_10_and_minus_4():
    run = d.gradient_descent("course", 10, 1.0, 100)
    assert run.regime == d.CYCLE and not run.stopped_early
    assert set(run.iterates.tolist()) == {10.0, -4.0}
    assert np.all(run.losses == 59.0)
    assert run.rate == 1.0


def test_course_lr_11_diverges_and_stops_at_bound():
    run = d.gradient_descent("course", 10, 1.1, 100)
    assert run.regime == d.DIVERGES and run.stopped_early and run.reason == "bound"
    assert abs(run.iterates[-1]) > d.X_BOUND
    assert np.all(np.abs(run.iterates[:-1]) <= d.X_BOUND)
    assert run.stopped_at == run.n < 100
    assert np.all(np.isfinite(run.iterates)) and np.all(np.isfinite(run.losses))
    assert run.rate == pytest.approx(1.2)


def test_course_lr_0001_too_slow_with_estimate():
    run = d.gradient_descent("course", 10, 0.001, 100)
    assert run.regime == d.TOO_SLOW and run.converged_at is None
    assert run.iterates[-1] == pytest.approx(3 + 7 * 0.998 ** 100)
    assert run.rate == pytest.approx(0.998)
    exact = math.ceil(math.log(1e-6 / 7) / math.log(0.998))
    assert abs(run.estimated_steps - exact) <= 1


def test_course_lr_09_converges_oscillating():
    run = d.gradient_descent("course", 10, 0.9, 100)
    assert run.regime == d.OSCILLATING and run.oscillating
    assert run.converged_at == 71


def test_slightly_above_one_diverges_without_hitting_bound():
    run = d.gradient_descent("course", 10, 1.01, 100)
    assert run.regime == d.DIVERGES and not run.stopped_early and run.reason == "growing"
    assert run.rate == pytest.approx(1.02)


def test_cycle_with_one_step_only():
    run = d.gradient_descent("course", 10, 1.0, 1)
    assert run.regime == d.CYCLE


# ------------------------------------------------------------------ regime boundaries
@pytest.mark.parametrize("lid", QUADS)
def test_boundaries_exactly_at_1_over_L_and_2_over_L(lid):
    loss = d.get(lid)
    band = d.stable_band(loss)
    steps = 1000
    below_one = d.gradient_descent(loss, 10, band.one_step * 0.9, steps)
    at_one = d.gradient_descent(loss, 10, band.one_step, steps)
    above_one = d.gradient_descent(loss, 10, band.one_step * 1.1, steps)
    below_two = d.gradient_descent(loss, 10, band.upper * 0.99, steps)
    at_two = d.gradient_descent(loss, 10, band.upper, steps)
    above_two = d.gradient_descent(loss, 10, min(band.upper * 1.01, d.LR_MAX), steps)
    assert below_one.regime == d.MONOTONE
    assert at_one.regime == d.MONOTONE and at_one.converged_at == 1
    assert above_one.regime == d.OSCILLATING
    assert below_two.regime == d.OSCILLATING or (below_two.regime == d.TOO_SLOW
                                                  and below_two.oscillating)
    assert at_two.regime == d.CYCLE
    assert above_two.regime == d.DIVERGES


@pytest.mark.parametrize("lid", QUADS)
def test_trajectory_regime_agrees_with_closed_form(lid):
    loss = d.get(lid)
    band = d.stable_band(loss)
    grid = np.concatenate([np.geomspace(d.LR_MIN, d.LR_MAX, 60),
                           [band.one_step, band.upper]])
    for lr in grid:
        for steps in (10, 100, 1000):
            run = d.gradient_descent(loss, 10, float(lr), steps)
            pred = d.quadratic_regime(loss, float(lr), 10, steps)
            assert run.regime == pred.regime, (lr, steps)
            if pred.steps_needed is not None and run.converged_at is not None:
                assert abs(run.converged_at - pred.steps_needed) <= 1


def test_too_slow_becomes_converged_with_more_steps():
    assert d.gradient_descent("course", 10, 0.01, 100).regime == d.TOO_SLOW
    run = d.gradient_descent("course", 10, 0.01, 1000)
    assert run.regime == d.MONOTONE
    assert run.converged_at == d.quadratic_regime(d.get("course"), 0.01, 10, 1000).steps_needed


def test_start_at_minimum():
    run = d.gradient_descent("course", 3.0, 0.2, 10)
    assert run.regime == d.MONOTONE and run.converged_at == 0


def test_zero_steps():
    run = d.gradient_descent("course", 10, 0.2, 0)
    assert run.n == 0 and run.regime == d.TOO_SLOW and math.isfinite(run.rate)


# ------------------------------------------------------------------ bounds and stability
@pytest.mark.parametrize("lid", list(d.LOSSES))
@pytest.mark.parametrize("method", d.METHODS)
def test_no_warnings_and_finite_at_lr_3_1000_steps(lid, method):
    with np.errstate(**RAISE):
        run = d.run(lid, method, None, 3.0, 1000)
    assert np.all(np.isfinite(run.iterates)) and np.all(np.isfinite(run.losses))
    assert math.isfinite(run.rate)


@settings(max_examples=80, deadline=None)
@given(lid=st.sampled_from(["course", "steep", "flat", "quartic"]),
       lr=st.floats(d.LR_MIN, d.LR_MAX), x0=st.floats(-d.X0_MAX, d.X0_MAX),
       steps=st.integers(0, 1000))
def test_any_input_stays_finite(lid, lr, x0, steps):
    with np.errstate(**RAISE):
        run = d.gradient_descent(lid, x0, lr, steps)
    assert np.all(np.isfinite(run.iterates)) and np.all(np.isfinite(run.losses))
    assert run.regime in d.REGIMES
    if run.stopped_early:
        assert run.regime == d.DIVERGES
        assert np.all(np.abs(run.iterates[:-1]) <= d.X_BOUND)


@pytest.mark.parametrize("kw", [dict(lr=0.0), dict(lr=5e-5), dict(lr=3.01),
                                dict(lr=float("nan")), dict(steps=1001), dict(steps=-1),
                                dict(x0=101.0), dict(x0=float("inf"))])
def test_out_of_range_arguments_raise(kw):
    args = dict(x0=10.0, lr=0.2, steps=100) | kw
    with pytest.raises(ValueError):
        d.gradient_descent("course", **args)


def test_wrong_start_dimension_raises():
    with pytest.raises(ValueError):
        d.gradient_descent("bowl2d", 1.0, 0.1, 10)
    with pytest.raises(ValueError):
        d.gradient_descent("course", (1.0, 2.0), 0.1, 10)


def test_compare_rates_limits_and_order():
    lrs = [0.001, 0.2, 0.5, 0.9, 1.0, 1.1]
    runs = d.compare_rates("course", lrs, 10, 100)
    assert [r.regime for r in runs] == [d.TOO_SLOW, d.MONOTONE, d.MONOTONE, d.OSCILLATING,
                                        d.CYCLE, d.DIVERGES]
    with pytest.raises(ValueError):
        d.compare_rates("course", [0.1] * 13)


def test_input_array_not_modified():
    x0 = np.array([-8.0, 2.0])
    d.gradient_descent("bowl2d", x0, 0.2, 20)
    np.testing.assert_array_equal(x0, [-8.0, 2.0])


# ------------------------------------------------------------------ 2-D
def test_bowl_gd_closed_form_and_zigzag():
    run = d.gradient_descent("bowl2d", (-8.0, 2.0), 0.2, 100)
    k = np.arange(run.n + 1)
    np.testing.assert_allclose(run.iterates[:, 0], -8.0 * 0.8 ** k, atol=1e-12)
    np.testing.assert_allclose(run.iterates[:, 1], 2.0 * (-0.8) ** k, atol=1e-12)
    assert run.regime == d.OSCILLATING and run.oscillating
    signs = np.sign(run.iterates[:10, 1])
    assert np.all(signs[1:] == -signs[:-1])          # y flips every step: zig-zag
    assert np.all(np.diff(run.iterates[:10, 0]) > 0)  # x creeps one way


@pytest.mark.parametrize("lr,regime", [(0.05, d.MONOTONE), (1 / 9, d.MONOTONE),
                                       (0.2, d.OSCILLATING), (2 / 9, d.CYCLE),
                                       (0.25, d.DIVERGES), (0.01, d.TOO_SLOW)])
def test_bowl_regimes_match_closed_form(lr, regime):
    loss = d.get("bowl2d")
    run = d.gradient_descent(loss, None, lr, 1000)
    assert run.regime == regime
    assert d.quadratic_regime(loss, lr, None, 1000).regime == regime


def test_bowl_one_over_L_kills_y_in_one_step():
    run = d.gradient_descent("bowl2d", (-8.0, 2.0), 1 / 9, 5)
    assert abs(run.iterates[1, 1]) < 1e-15


def test_momentum_matches_hand_recursion():
    loss = d.get("bowl2d")
    run = d.momentum_descent(loss, (-8.0, 2.0), 0.1, 5, beta=0.9)
    x, v = np.array([-8.0, 2.0]), np.zeros(2)
    for k in range(5):
        v = 0.9 * v - 0.1 * loss.grad(x)
        x = x + v
        np.testing.assert_allclose(run.iterates[k + 1], x)


def test_adam_first_step_is_lr_times_sign():
    run = d.adam_descent("bowl2d", (-8.0, 2.0), 0.2, 3)
    np.testing.assert_allclose(run.iterates[1], [-8.0 + 0.2, 2.0 - 0.2], atol=1e-8)


def test_momentum_and_adam_converge_on_bowl():
    for fn in (d.momentum_descent, d.adam_descent):
        run = fn("bowl2d", None, 0.2, 1000)
        assert run.converged_at is not None
        assert np.linalg.norm(run.iterates[-1]) <= run.tol


def test_methods_are_deterministic():
    a = d.adam_descent("bowl2d", None, 0.1, 300)
    b = d.adam_descent("bowl2d", None, 0.1, 300)
    np.testing.assert_array_equal(a.iterates, b.iterates)


def test_unknown_method_raises():
    with pytest.raises(ValueError):
        d.run("bowl2d", "rmsprop")


# ------------------------------------------------------------------ quartic
def test_quartic_minima():
    loss = d.get("quartic")
    left, right = loss.minimizers
    assert left == pytest.approx(-2.0598, abs=1e-4) and right == pytest.approx(1.9343, abs=1e-4)
    np.testing.assert_allclose(loss.grad(np.array([left, right])), 0, atol=1e-12)
    assert loss.value(np.array(left)) < loss.value(np.array(right))  # left is global


@pytest.mark.parametrize("x0,side", [(0.5, 1), (0.2, 1), (3.0, 1), (-0.1, 0), (-1.0, 0),
                                     (-3.0, 0)])
def test_quartic_start_decides_minimum(x0, side):
    loss = d.get("quartic")
    run = d.gradient_descent(loss, x0, 0.05, 500)
    assert run.target == loss.minimizers[side]
    assert run.converged_at is not None
    assert abs(run.iterates[-1] - loss.minimizers[side]) <= 1e-6


def test_quartic_the_hump_separates_basins():
    loss = d.get("quartic")
    hump = 0.12549409  # local maximum: f'(x) = 0 with f'' < 0
    assert loss.second(np.array(hump)) < 0
    left = d.gradient_descent(loss, hump - 0.01, 0.05, 1000)
    right = d.gradient_descent(loss, hump + 0.01, 0.05, 1000)
    assert left.target < 0 < right.target


def test_quartic_large_lr_diverges_and_stops():
    run = d.gradient_descent("quartic", 3.0, 1.0, 1000)
    assert run.regime == d.DIVERGES and run.stopped_early
    assert np.all(np.isfinite(run.losses))


def test_single_step_runs_are_classified_by_that_step():
    loss = d.get("quartic")
    run = d.gradient_descent(loss, 0.5, 0.2, 1)  # 0.5 → 0.775: closer to x* ≈ 1.934
    assert run.regime == d.TOO_SLOW and run.rate < 1
    assert d.gradient_descent("course", 10, 1.0, 1).regime == d.CYCLE
    assert d.gradient_descent("course", 10, 1.1, 1).regime == d.DIVERGES
    assert d.gradient_descent("course", 10, 0.2, 2).regime == d.TOO_SLOW


@pytest.mark.parametrize("steps", [1, 2, 3, 4, 5, 7, 10])
def test_short_runs_agree_with_closed_form(steps):
    loss = d.get("course")
    for lr in (0.001, 0.1, 0.3, 0.7, 0.95, 1.0, 1.05, 2.0):
        run = d.gradient_descent(loss, 10, lr, steps)
        assert run.regime == d.quadratic_regime(loss, lr, 10, steps).regime, (lr, steps)
        if run.regime == d.TOO_SLOW:
            assert run.rate == pytest.approx(abs(1 - 2 * lr), rel=1e-9)


def test_quartic_period_two_cycle_and_bounded_wandering():
    loss = d.get("quartic")
    two = d.gradient_descent(loss, 0.5, 0.3, 1000)  # lr·f''(x*) ≈ 2.17 > 2: period 2
    assert two.regime == d.CYCLE and two.period_two
    assert two.losses[-1] != two.losses[-2]  # an asymmetric back-and-forth
    wander = d.gradient_descent(loss, 0.5, 0.45, 1000)  # bounded, irregular
    assert wander.regime == d.CYCLE and not wander.period_two
    lo, hi = wander.orbit
    assert -3 < lo < hi < 3 and not wander.stopped_early
    assert d.gradient_descent(loss, 0.5, 0.5, 1000).regime == d.DIVERGES


def test_course_cycle_is_period_two_with_orbit():
    run = d.gradient_descent("course", 10, 1.0, 100)
    assert run.period_two and run.orbit == (-4.0, 10.0)


@pytest.mark.parametrize("lr", [1.0000001, 1.001, 1.01])
@pytest.mark.parametrize("steps", [2, 8, 9, 20, 100, 1000])
def test_slow_divergence_is_named_diverges(lr, steps):
    run = d.gradient_descent("course", 10, lr, steps)
    assert run.regime == d.DIVERGES


# ------------------------------------------------------------------ float32-safe stops (#5.1)
F32_MAX = float(np.finfo(np.float32).max)


def test_quartic_escape_too_large_for_float32_is_not_kept():
    loss = d.get("quartic")
    run = d.gradient_descent(loss, 1.5, 3.0, 100)
    # 1.5 → 7.875 → −1364.24… → 7.6×10⁹ with f = 8.4×10³⁸ > float32 max
    assert run.regime == d.DIVERGES and run.reason == "bound" and run.stopped_early
    esc = run.escape
    assert esc.step == 3 and not esc.kept and esc.crossed == "x"
    assert esc.point == pytest.approx(7.617220630982698e9)
    assert esc.loss == pytest.approx(float(loss.value(np.array(esc.point))))
    assert esc.loss > F32_MAX
    assert run.n == 2 and run.stopped_at == run.n + 1
    np.testing.assert_allclose(run.iterates, [1.5, 7.875, -1364.244140625])
    assert np.all(np.isfinite(run.iterates.astype(np.float32)))
    assert np.all(np.isfinite(run.losses.astype(np.float32)))
    assert run.farther_each_step  # 0.43 → 5.94 → 1366.2 → 7.6×10⁹ from x* ≈ 1.934


def test_course_escape_is_kept_and_names_the_x_bound():
    run = d.gradient_descent("course", 10, 1.1, 100)
    assert run.escape.kept and run.escape.crossed == "x"
    assert run.escape.point == run.iterates[-1] and run.escape.step == run.n
    assert run.farther_each_step


def test_loss_bound_is_named_when_it_is_the_one_crossed():
    run = d.gradient_descent("quartic", -5.75, 0.0723, 100)
    assert run.escape.crossed == "loss" and run.escape.kept
    assert abs(run.escape.point) < d.X_BOUND and run.escape.loss > d.LOSS_BOUND
    # |x − x*|: 3.69, 8.36, 7.90, …: not farther at every step
    assert not run.farther_each_step


@settings(max_examples=120, deadline=None)
@given(lid=st.sampled_from(list(d.LOSSES)), method=st.sampled_from(d.METHODS),
       lr=st.floats(d.LR_MIN, d.LR_MAX), a=st.floats(-1, 1), b=st.floats(-1, 1),
       steps=st.integers(1, 300))
def test_every_kept_number_is_finite_in_float32(lid, method, lr, a, b, steps):
    loss = d.get(lid)
    x0 = a * d.X0_MAX if loss.dim == 1 else (a * 9.0, b * 4.0)
    with np.errstate(**RAISE):
        run = d.run(lid, method, x0, lr, steps)
    for arr in (run.iterates, run.losses):
        assert np.all(np.abs(arr) <= d.FLOAT32_SAFE)
        assert np.all(np.isfinite(np.asarray(arr, dtype=np.float32)))


@pytest.mark.parametrize("lid", list(d.LOSSES))
def test_lr_3_from_the_typed_extremes_is_float32_finite(lid):
    loss = d.get(lid)
    starts = ([-d.X0_MAX, -5.75, 1.5, d.X0_MAX] if loss.dim == 1
              else [(-9.0, -4.0), (9.0, 4.0), (-9.0, 4.0)])
    for x0 in starts:
        run = d.gradient_descent(loss, x0, 3.0, 1000)
        assert run.regime == d.DIVERGES and run.stopped_early, x0
        assert np.all(np.isfinite(run.losses.astype(np.float32))), x0


# ------------------------------------------------------------------ 2-D per coordinate (#5.2)
BOWL_STARTS = [None, (9.0, -4.0), (0.5, 0.25), (-9.0, 0.0), (0.0, 4.0), (-9.0, 0.01)]


@pytest.mark.parametrize("x0", BOWL_STARTS)
def test_bowl_regime_agrees_with_closed_form_on_a_grid(x0):
    loss = d.get("bowl2d")
    band = d.stable_band(loss)
    grid = np.concatenate([np.geomspace(d.LR_MIN, d.LR_MAX, 60),
                           np.linspace(0.2215, 0.2245, 31),
                           [band.one_step, band.upper, band.best]])
    for lr in grid:
        for steps in (10, 100, 1000):
            run = d.gradient_descent(loss, x0, float(lr), steps)
            pred = d.quadratic_regime(loss, float(lr), x0, steps)
            assert run.regime == pred.regime, (lr, steps)
            if pred.steps_needed is not None and run.converged_at is not None:
                assert abs(run.converged_at - pred.steps_needed) <= 1


@pytest.mark.parametrize("lr", [0.2223, 0.2225, 0.223, 0.2238])
def test_bowl_growth_in_y_counts_as_divergence(lr):
    run = d.gradient_descent("bowl2d", (-8.0, 2.0), lr, 100)
    r2 = 1 - 9 * lr
    assert r2 < -1
    # ‖e_100‖ is still below ‖e_0‖ (x shrinks), yet y grows: diverges
    assert d.distance(run)[-1] < d.distance(run)[0]
    assert run.regime == d.DIVERGES and run.reason == "growing" and run.worst_axis == 1
    assert run.rate == pytest.approx(abs(r2), rel=1e-9)
    y = d.axis_distance(run, 1)
    np.testing.assert_allclose(y, 2.0 * abs(r2) ** np.arange(101), rtol=1e-9)


# ------------------------------------------------------------------ checked claims (#5.4)
def test_course_oscillation_crosses_every_step_and_gets_closer():
    run = d.gradient_descent("course", 10, 0.9, 100)
    assert run.crossed_every_step and run.crossings == run.crossing_steps == 70
    assert run.converged_at == 71 and run.closer_each_step


def test_quartic_oscillation_crosses_only_some_steps():
    run = d.gradient_descent("quartic", 0.5, 0.15, 200)
    assert run.regime == d.OSCILLATING and not run.crossed_every_step
    e = run.iterates[: run.converged_at + 1] - run.target
    flips = int(np.sum((np.sign(e[1:]) != np.sign(e[:-1])) & (np.abs(e[1:]) > run.tol)))
    assert run.crossings == flips == 3 and run.crossing_steps == run.converged_at - 1 == 8


def test_monotone_course_run_gets_closer_and_loss_falls_every_step():
    run = d.gradient_descent("course", 10, 0.2, 100)
    assert run.closer_each_step and run.loss_falls and run.crossings == 0
    assert not run.farther_each_step


def test_bowl_zigzag_crosses_every_step():
    run = d.gradient_descent("bowl2d", (-8.0, 2.0), 0.2, 100)
    assert run.crossed_every_step and run.closer_each_step


# ------------------------------------------------------------------ wording helpers (#5.3, #5.7)
@pytest.mark.parametrize("r,case", [(-1.0, "r_minus_one"), (-1 - 8e-10, "r_near_minus_one"),
                                    (-1 + 8e-10, "r_near_minus_one"), (-1.0002, "r_big"),
                                    (-20.67, "r_big"), (0.0, "r_zero"), (-0.8, "r_neg"),
                                    (0.6, "r_pos"), (-2e-8, "r_neg")])
def test_r_case(r, case):
    assert d.r_case(r) == case


def test_r_case_agrees_with_quadratic_regime():
    loss = d.get("course")
    for lr in np.concatenate([np.geomspace(d.LR_MIN, d.LR_MAX, 50), [0.5, 1.0, 1 + 4e-10]]):
        pred = d.quadratic_regime(loss, float(lr), 10, 100)
        case = d.r_case(pred.factors[0])
        assert (case == "r_big") == (pred.regime == d.DIVERGES), lr
        assert (case in ("r_minus_one", "r_near_minus_one")) == (pred.regime == d.CYCLE), lr


def test_digits_to_tell_factors_from_one():
    assert d.digits_to_tell(-1.0002) == 5 and f"{-1.0002:.5g}" == "-1.0002"
    assert d.digits_to_tell(1 - 2 * 1.0001) >= 5
    assert float(f"{-1 - 8e-10:.{d.digits_to_tell(-1 - 8e-10)}g}") != -1.0
    assert d.digits_to_tell(-0.8) == 4 and d.digits_to_tell(-1.0) == 4


@pytest.mark.parametrize("v,k", [(1.0001, 5), (0.50000001, 8), (0.2, 1), (1.0, 1),
                                 (1 + 4e-10, 11), (0.0001, 1), (3.0, 1)])
def test_exact_digits_reproduce_the_value(v, k):
    assert d.exact_digits(v) == k and float(f"{v:.{k}g}") == v


def test_one_step_gap_and_log_helpers():
    assert d.one_step_gap(d.get("course"), 0.5) == 0.0
    assert d.one_step_gap(d.get("course"), 0.50000001) == pytest.approx(1e-8)
    assert d.one_step_gap(d.get("quartic"), 0.3) is None
    assert d.lr_from_log(0.0) == 1.0 and d.lr_from_log(0.01) == 1.02
    assert d.lr_from_log(d.LOG_LR_MAX) == d.LR_MAX and d.lr_from_log(-9) == d.LR_MIN
    assert d.log_lr(0.001, 2) == -3.0 and d.LOG_LR_MIN == -4.0
    assert d.minimum_value(d.get("course")) == 10.0
    assert d.minimum_value(d.get("expanded")) == -5.0


# --------------------------------------------------------------------------- the lr grid (#24)
LOG_GRID = np.round(np.arange(round(d.LOG_LR_MIN * 100), round(d.LOG_LR_MAX * 100) + 1) / 100, 2)
LR_GRID = [d.lr_from_log(v) for v in LOG_GRID]  # the log slider's steps, as the page reads them


@pytest.mark.parametrize("loss_id,x0", [("course", 10.0), ("steep", -7.5), ("quartic", 0.5),
                                        ("quartic", -100.0), ("bowl2d", (-8.0, 2.0))])
@pytest.mark.parametrize("method", d.METHODS)
def test_run_grid_equals_each_single_run(loss_id: str, x0, method: str) -> None:
    with np.errstate(**RAISE):
        runs = d.run_grid(loss_id, method, x0, LR_GRID, 60)
    assert len(runs) == len(LR_GRID)
    for lr, got in zip(LR_GRID, runs):
        one = d.run(loss_id, method, x0=x0, lr=lr, steps=60)
        np.testing.assert_array_equal(got.iterates, one.iterates)
        np.testing.assert_array_equal(got.losses, one.losses)
        assert (got.regime, got.reason, got.converged_at, got.escape, got.rate, got.lr) == \
               (one.regime, one.reason, one.converged_at, one.escape, one.rate, one.lr)


def test_run_grid_regimes_follow_the_stable_band() -> None:
    runs = d.run_grid("course", "gd", 10.0, LR_GRID, 200)
    band = d.stable_band(d.get("course"))
    for lr, r in zip(LR_GRID, runs):
        predicted = d.quadratic_regime(d.get("course"), lr, 10.0, 200).regime
        assert r.regime == predicted, lr
        if lr > band.upper:
            assert r.regime == d.DIVERGES
    # every regime of the course appears somewhere on the slider
    assert {r.regime for r in runs} >= {d.MONOTONE, d.OSCILLATING, d.DIVERGES, d.TOO_SLOW}


def test_run_grid_step_is_the_gradient_by_finite_differences() -> None:
    runs = d.run_grid("quartic", "gd", 0.5, LR_GRID[::40], 1)
    loss = d.get("quartic")
    h = 1e-6
    fd = (loss.value(np.array(0.5 + h)) - loss.value(np.array(0.5 - h))) / (2 * h)
    for r in runs:
        assert (r.iterates[0] - r.iterates[1]) / r.lr == pytest.approx(float(fd), rel=1e-7)


def test_run_grid_limits() -> None:
    with pytest.raises(ValueError):
        d.run_grid("course", "gd", 10.0, [])
    with pytest.raises(ValueError):
        d.run_grid("course", "gd", 10.0, [0.1, 5.0])
    with pytest.raises(ValueError):
        d.run_grid("course", "nesterov", 10.0, [0.1])
