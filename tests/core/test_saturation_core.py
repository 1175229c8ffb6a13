"""Unit tests for core/saturation.py: saturated regions, max |f'|, depth factor, deep-MLP simulation."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core import saturation as sat_mod
from core.activations import ACTIVATIONS, get
from core.saturation import (
    MAX_DEPTH,
    MAX_FACTOR_DEPTH,
    MAX_SAMPLES,
    MAX_WIDTH,
    dead_share_vs_bias,
    depth_factor,
    derivative_peak,
    max_derivative,
    saturated_fraction,
    saturated_intervals,
    sigmoid_saturation_edge,
    simulate_deep_mlp,
    tanh_saturation_edge,
)

RAISE = dict(over="raise", invalid="raise", divide="raise")


# ----------------------------------------------------------------------------- closed forms


@settings(max_examples=40, deadline=None)
@given(t=st.floats(min_value=1e-6, max_value=0.249))
def test_sigmoid_intervals_match_closed_form(t: float) -> None:
    edge = 2 * math.acosh(1 / (2 * math.sqrt(t)))
    ivs = saturated_intervals("sigmoid", t, -30.0, 30.0)
    assert len(ivs) == 2
    (a0, b0), (a1, b1) = ivs
    assert a0 == -30.0 and b1 == 30.0
    assert b0 == pytest.approx(-edge, abs=1e-8)
    assert a1 == pytest.approx(edge, abs=1e-8)
    # the boundary really is where σ' crosses t
    s = get("sigmoid").grad(np.array([a1 - 1e-6, a1 + 1e-6]))
    assert s[0] > t > s[1]


@settings(max_examples=40, deadline=None)
@given(t=st.floats(min_value=1e-6, max_value=0.99))
def test_tanh_intervals_match_closed_form(t: float) -> None:
    edge = math.acosh(1 / math.sqrt(t))
    ivs = saturated_intervals("tanh", t, -20.0, 20.0)
    assert len(ivs) == 2
    assert ivs[0][1] == pytest.approx(-edge, abs=1e-8)
    assert ivs[1][0] == pytest.approx(edge, abs=1e-8)


def test_closed_form_helpers_agree_with_derivative() -> None:
    for t in (0.001, 0.01, 0.1, 0.2):
        x = sigmoid_saturation_edge(t)
        assert get("sigmoid").grad(np.array([x]))[0] == pytest.approx(t, rel=1e-9)
    for t in (0.001, 0.01, 0.5, 0.9):
        x = tanh_saturation_edge(t)
        assert get("tanh").grad(np.array([x]))[0] == pytest.approx(t, rel=1e-9)
    assert sigmoid_saturation_edge(0.01) == pytest.approx(4.5848633, abs=1e-6)
    with pytest.raises(ValueError):
        sigmoid_saturation_edge(0.25)
    with pytest.raises(ValueError):
        tanh_saturation_edge(1.0)


def test_sigmoid_above_max_derivative_is_saturated_everywhere() -> None:
    assert saturated_intervals("sigmoid", 0.3, -5, 5) == [(-5.0, 5.0)]
    assert saturated_fraction("sigmoid", 0.3, -5, 5) == pytest.approx(1.0)


def test_kinked_derivatives_have_exact_edges() -> None:
    (a, b), = saturated_intervals("relu", 0.5, -4, 4)
    assert a == -4.0 and b == pytest.approx(0.0, abs=1e-8)
    left, right = saturated_intervals("hardtanh", 0.5, -4, 4)
    assert left[1] == pytest.approx(-1.0, abs=1e-8)
    assert right[0] == pytest.approx(1.0, abs=1e-8)
    # Leaky ReLU's slope 0.01 is not below t = 0.01, but it is below 0.02
    assert saturated_intervals("leaky_relu", 0.01, -4, 4) == []
    (a, b), = saturated_intervals("leaky_relu", 0.02, -4, 4)
    assert b == pytest.approx(0.0, abs=1e-8)
    assert saturated_intervals("step", 0.01, -3, 3) == [(-3.0, 3.0)]
    assert saturated_intervals("identity", 0.5, -3, 3) == []
    # parameters reach the derivative: ELU with α = 0.1 has slope ≤ 0.1 for x < 0
    (a, b), = saturated_intervals("elu", 0.2, -4, 4, alpha=0.1)
    assert b == pytest.approx(0.0, abs=1e-8)


def test_saturated_fraction_sigmoid() -> None:
    edge = sigmoid_saturation_edge(0.05)
    assert saturated_fraction("sigmoid", 0.05, -10, 10) == pytest.approx((20 - 2 * edge) / 20, abs=1e-8)


@pytest.mark.parametrize(
    "kwargs",
    [dict(threshold=0.0), dict(threshold=-1.0), dict(threshold=11.0), dict(threshold=float("nan")),
     dict(threshold=0.1, x_min=2.0, x_max=1.0), dict(threshold=0.1, x_min=-1001.0),
     dict(threshold=0.1, n_grid=20002), dict(threshold=0.1, n_grid=2)],
)
def test_saturated_intervals_rejects_bad_arguments(kwargs: dict) -> None:
    with pytest.raises(ValueError):
        saturated_intervals("sigmoid", **kwargs)


def test_unknown_activation_is_keyerror() -> None:
    with pytest.raises(KeyError):
        saturated_intervals("nope", 0.1)


# ----------------------------------------------------------------------------- max |f'|


def test_max_derivative_known_values() -> None:
    v, x = max_derivative("sigmoid")
    assert v == pytest.approx(0.25, abs=1e-15) and x == pytest.approx(0.0, abs=1e-6)
    v, x = max_derivative("tanh")
    assert v == pytest.approx(1.0, abs=1e-15) and x == pytest.approx(0.0, abs=1e-6)
    v, x = max_derivative("relu")
    assert v == 1.0 and x == pytest.approx(0.0, abs=1e-8)
    # GELU' = Φ(x) + xφ(x) peaks where its derivative (2 − x²)φ(x) vanishes: x = √2
    v, x = max_derivative("gelu")
    phi = math.exp(-1) / math.sqrt(2 * math.pi)
    assert x == pytest.approx(math.sqrt(2), abs=1e-6)
    assert v == pytest.approx(0.5 * (1 + math.erf(1)) + math.sqrt(2) * phi, abs=1e-12)
    v, _ = max_derivative("hardsigmoid")
    assert v == pytest.approx(1 / 6)
    v, _ = max_derivative("step")
    assert v == 0.0


def test_plateau_and_edge_reporting() -> None:
    # over the whole line (the one measurement, core.properties.max_abs_grad)
    p = derivative_peak("relu")
    assert p.x_lo == pytest.approx(0.0, abs=1e-8) and p.x_hi == math.inf and not p.at_edge
    p = derivative_peak("hardtanh")
    assert (p.x_lo, p.x_hi) == (pytest.approx(-1.0, abs=1e-8), pytest.approx(1.0, abs=1e-8))
    p = derivative_peak("softplus")  # σ(x) → 1 only as x → ∞
    assert p.at_edge and p.x_at == 1e6 and p.value == pytest.approx(1.0, abs=1e-12)
    # on a finite range
    p = derivative_peak("relu", -20.0, 20.0)
    assert p.x_lo == pytest.approx(0.0, abs=1e-8) and p.x_hi == 20.0 and not p.at_edge
    p = derivative_peak("softplus", -20.0, 20.0)
    assert p.at_edge and p.x_at == 20.0 and p.value < 1.0


@pytest.mark.parametrize("act_id", sorted(ACTIVATIONS))
def test_max_derivative_not_below_dense_grid(act_id: str) -> None:
    grid = np.linspace(-20, 20, 400_001)
    brute = float(np.max(np.abs(get(act_id).grad(grid))))
    v, x = max_derivative(act_id)
    assert v >= brute - 1e-9
    assert abs(float(get(act_id).grad(np.array([x]))[0])) == pytest.approx(v, abs=1e-9)


# ----------------------------------------------------------------------------- depth factor


def test_depth_factor_values_and_bounds() -> None:
    f = depth_factor("sigmoid", 50)
    assert f.shape == (51,)
    np.testing.assert_allclose(f, 0.25 ** np.arange(51), rtol=1e-12)
    assert f[10] == pytest.approx(0.25**10)
    np.testing.assert_array_equal(depth_factor("relu", 50), np.ones(51))
    tanh = depth_factor("tanh", 20)
    assert np.all(tanh <= 1.0) and tanh[0] == 1.0
    step = depth_factor("step", 3)
    np.testing.assert_array_equal(step, [1.0, 0.0, 0.0, 0.0])
    assert depth_factor("selu", 50)[-1] == pytest.approx(1.7580993408473766**50, rel=1e-9)
    for bad in (-1, MAX_FACTOR_DEPTH + 1, 2.5):
        with pytest.raises(ValueError):
            depth_factor("sigmoid", bad)  # type: ignore[arg-type]


# ----------------------------------------------------------------------------- deep MLP


def test_result_shapes() -> None:
    r = simulate_deep_mlp("tanh", 7, 16, 32, "xavier", 3)
    for arr in (r.preact_mean, r.preact_std, r.saturated_share, r.dead_share, r.grad_norm_w,
                r.grad_norm_z):
        assert arr.shape == (7,)
    assert r.preact_quantiles.shape == (7, r.quantile_levels.size)
    assert np.all(np.diff(r.preact_quantiles, axis=1) >= 0)


def test_sigmoid_positive_weights_push_summed_input_upward() -> None:
    r = simulate_deep_mlp("sigmoid", 12, 128, 300, "positive", 0)
    m = r.preact_mean
    # layer 1 sees zero-mean inputs; every later layer sums positive outputs with positive weights
    assert abs(m[0]) < 0.2
    assert m[0] < m[1] < m[2]
    assert np.all(m[2:] > m[1] + 1.0)
    # the lower 1 % quantile moves up too: the whole distribution drifts into the flat tail
    q01 = r.preact_quantiles[:, 0]
    assert q01[0] < 0 < q01[1] < q01[2]
    assert r.saturated_share[0] < 0.05 and np.all(r.saturated_share[3:] > 0.99)
    # compared with zero-mean Xavier weights the drift is absent
    x = simulate_deep_mlp("sigmoid", 12, 128, 300, "xavier", 0)
    assert np.all(np.abs(x.preact_mean) < 0.3)


def test_relu_he_gradient_norm_roughly_flat() -> None:
    r = simulate_deep_mlp("relu", 20, 256, 256, "he", 0)
    for g in (r.grad_norm_w, r.grad_norm_z):
        assert g.max() / g.min() < 3.0


def test_sigmoid_gradient_vanishes_towards_the_input() -> None:
    r = simulate_deep_mlp("sigmoid", 20, 128, 256, "xavier", 0)
    gz = r.grad_norm_z
    assert np.all(np.diff(gz) > 0)  # each layer closer to the input gets a smaller signal
    assert gz[0] / gz[-1] < 1e-8
    assert r.grad_norm_w[0] / r.grad_norm_w[-1] < 1e-6


def test_dying_relu_with_negative_bias() -> None:
    relu = simulate_deep_mlp("relu", 10, 64, 200, "he", 0, bias_shift=-3.0)
    assert relu.dead_share[-1] == 1.0
    leaky = simulate_deep_mlp("leaky_relu", 10, 64, 200, "he", 0, bias_shift=-3.0)
    assert np.all(leaky.dead_share == 0.0)
    no_shift = simulate_deep_mlp("relu", 3, 64, 200, "he", 0)
    assert no_shift.dead_share[0] == 0.0


def test_dead_share_vs_bias() -> None:
    shifts = np.linspace(-3, 1, 9)
    before = shifts.copy()
    s = dead_share_vs_bias(["relu", "leaky_relu", "elu"], shifts, depth=6, width=32, n_samples=64)
    np.testing.assert_array_equal(shifts, before)
    np.testing.assert_array_equal(s.shifts, shifts)
    assert s.dead["relu"][0] > 0.8 and s.dead["relu"][0] > s.dead["relu"][-1]
    assert np.all(s.dead["leaky_relu"] == 0) and np.all(s.dead["elu"] == 0)
    assert s.dead_last["relu"][0] == 1.0
    # each point is the single simulation with that shift
    one = simulate_deep_mlp("relu", 6, 32, 64, "he", 0, bias_shift=-3.0)
    assert s.dead["relu"][0] == pytest.approx(one.dead_share.mean())
    with pytest.raises(ValueError):
        dead_share_vs_bias(["relu"] * 9, [0.0])
    with pytest.raises(ValueError):
        dead_share_vs_bias(["relu"], np.zeros(62))
    with pytest.raises(ValueError):
        dead_share_vs_bias(["relu"] * 8, np.zeros(61), depth=30, width=256, n_samples=2000)
    with pytest.raises(ValueError):
        dead_share_vs_bias(["relu"], [25.0])


def test_same_seed_same_result_and_seed_matters() -> None:
    a = simulate_deep_mlp("elu", 8, 32, 50, "he", 11, bias_shift=-0.5)
    b = simulate_deep_mlp("elu", 8, 32, 50, "he", 11, bias_shift=-0.5)
    c = simulate_deep_mlp("elu", 8, 32, 50, "he", 12, bias_shift=-0.5)
    for name in ("preact_quantiles", "saturated_share", "dead_share", "grad_norm_w", "grad_norm_z"):
        np.testing.assert_array_equal(getattr(a, name), getattr(b, name))
    assert not np.array_equal(a.grad_norm_w, c.grad_norm_w)


@pytest.mark.parametrize(
    "kwargs",
    [dict(depth=MAX_DEPTH + 1), dict(depth=0), dict(width=MAX_WIDTH + 1), dict(width=0),
     dict(n_samples=MAX_SAMPLES + 1), dict(n_samples=0), dict(init="orthogonal"),
     dict(seed=-1), dict(bias_shift=20.5), dict(bias_shift=float("inf")), dict(threshold=0.0),
     dict(depth=3.0)],
)
def test_simulate_rejects_bad_arguments(kwargs: dict) -> None:
    args = dict(act_id="relu", depth=3, width=8, n_samples=8, init="he", seed=0)
    args.update(kwargs)
    with pytest.raises(ValueError):
        simulate_deep_mlp(**args)


@pytest.mark.parametrize(("act_id", "init"), [("relu", "positive"), ("sigmoid", "positive")])
def test_max_settings_finite_without_warnings(act_id: str, init: str) -> None:
    with np.errstate(**RAISE):
        r = simulate_deep_mlp(act_id, MAX_DEPTH, MAX_WIDTH, MAX_SAMPLES, init, 1)
    for arr in (r.preact_quantiles, r.saturated_share, r.dead_share, r.grad_norm_w, r.grad_norm_z):
        assert np.all(np.isfinite(arr))
    assert r.grad_norm_w.shape == (MAX_DEPTH,)


@pytest.mark.parametrize("act_id", ["selu", "bent_identity", "hardswish", "elu", "tanh", "step",
                                    "softplus", "gaussian", "mish"])
def test_explosive_settings_stay_finite(act_id: str) -> None:
    """Positive weights and a large bias make the sums grow layer after layer: no overflow."""
    with np.errstate(**RAISE):
        r = simulate_deep_mlp(act_id, MAX_DEPTH, 128, 64, "positive", 2, bias_shift=20.0)
        s = simulate_deep_mlp(act_id, 10, 64, 64, "he", 2, bias_shift=-20.0)
    for res in (r, s):
        assert np.all(np.isfinite(res.preact_quantiles))
        assert np.all(np.isfinite(res.grad_norm_w)) and np.all(res.grad_norm_w >= 0)


@pytest.mark.parametrize("act_id", sorted(ACTIVATIONS))
def test_extreme_ranges_without_warnings(act_id: str) -> None:
    with np.errstate(**RAISE):
        ivs = saturated_intervals(act_id, 1e-3, -1000.0, 1000.0)
        peak = derivative_peak(act_id, -1000.0, 1000.0)
        factor = depth_factor(act_id, MAX_FACTOR_DEPTH)
    for a, b in ivs:
        assert -1000.0 <= a <= b <= 1000.0
    assert math.isfinite(peak.value) and np.all(np.isfinite(factor))


# ----------------------------------------------------------------------------- page helpers


def test_curve_samples_and_probe() -> None:
    x, f, g = sat_mod.curve_samples("sigmoid", -4.0, 4.0, 9)
    np.testing.assert_allclose(x, np.linspace(-4, 4, 9))
    np.testing.assert_allclose(f, 1 / (1 + np.exp(-x)))
    np.testing.assert_allclose(g, f * (1 - f))
    p = sat_mod.probe("tanh", 0.5, half_width=2.0)
    assert p.f == pytest.approx(math.tanh(0.5)) and p.grad == pytest.approx(1 - math.tanh(0.5) ** 2)
    np.testing.assert_allclose(p.tangent_x, [-1.5, 2.5])
    np.testing.assert_allclose(p.tangent_y, p.f + p.grad * (p.tangent_x - 0.5))
    with np.errstate(**RAISE):
        far = sat_mod.probe("sigmoid", -1000.0)
    assert far.grad == 0.0 and far.f == 0.0
    for bad in (dict(x_min=1.0, x_max=0.0), dict(x_min=0.0, x_max=1.0, n=1),
                dict(x_min=0.0, x_max=1.0, n=6000)):
        with pytest.raises(ValueError):
            sat_mod.curve_samples("relu", **bad)
    with pytest.raises(ValueError):
        sat_mod.probe("relu", 1e4)


def test_summary_and_flat_zones() -> None:
    r = simulate_deep_mlp("sigmoid", 8, 64, 100, "positive", 0, threshold=0.05)
    s = sat_mod.summarize_mlp(r)
    assert s.mean_first == r.preact_mean[0] and s.mean_last == r.preact_mean[-1]
    assert s.mean_peak == r.preact_mean.max() and 1 <= s.mean_peak_layer <= 8
    assert s.rising_layers == int(np.sum(np.diff(r.preact_mean) > 0))
    assert s.grad_ratio == pytest.approx(r.grad_norm_w[0] / r.grad_norm_w[-1])
    assert s.sat_last == r.saturated_share[-1]
    zones = sat_mod.saturated_z_bands(r)
    edge = sigmoid_saturation_edge(0.05)
    assert any(a == pytest.approx(edge, abs=1e-8) for a, _ in zones)
    # ReLU with positive weights: z reaches ~1e31, the zone range is clipped to ±1000
    huge = simulate_deep_mlp("relu", 30, 64, 20, "positive", 0)
    assert huge.preact_quantiles.max() > 1e6
    zones = sat_mod.saturated_z_bands(huge)
    assert all(-1000.0 <= a <= b <= 1000.0 for a, b in zones)
    dead = simulate_deep_mlp("step", 3, 8, 8, "he", 0)
    assert sat_mod.summarize_mlp(dead).grad_spread == 1.0  # all zero: 0/0 reported as 1


def test_summary_tail_quantiles() -> None:
    r = simulate_deep_mlp("sigmoid", 6, 32, 100, "positive", 1)
    s = sat_mod.summarize_mlp(r)
    levels = list(sat_mod.QUANTILE_LEVELS)
    assert s.z_mid_share == pytest.approx(levels[-1] - levels[0]) and s.z_mid_share == pytest.approx(0.98)
    # recomputed by hand: the last layer's summed inputs, forward pass with the same draws
    rng = np.random.default_rng(1)
    h = rng.standard_normal((100, 32))
    ws = [np.abs(rng.standard_normal((32, 32)) * math.sqrt(1 / 32)) for _ in range(6)]
    for w in ws:
        z = h @ w
        h = 1 / (1 + np.exp(-z))
    assert s.z_lo_last == pytest.approx(float(np.quantile(z, 0.01)), rel=1e-12)
    assert s.z_hi_last == pytest.approx(float(np.quantile(z, 0.99)), rel=1e-12)
    assert s.z_lo_last > 0  # the drift: even the lower tail of the last layer is positive


# ----------------------------------------------------------------------------- scrub grids (#24)
X_GRID = np.round(np.arange(-160, 161) * 0.05, 12)  # the probe slider's steps on [−8, 8]
T_GRID = np.round(np.arange(1, 501) * 0.001, 12)  # the threshold slider's steps


@pytest.mark.parametrize("act", ["sigmoid", "tanh", "relu", "leaky_relu", "elu", "gelu",
                                 "softplus", "mish", "hardtanh", "silu"])
def test_probes_over_the_grid_equal_each_single_probe(act: str) -> None:
    with np.errstate(**RAISE):
        grid = sat_mod.probes(act, X_GRID, 1.2)
    # exact, but for GELU: core.numeric.erf takes math.erf for a few values and a rational
    # approximation for many (both within an ulp or two of the true value)
    tol = dict(rtol=1e-14, atol=1e-15) if act == "gelu" else dict(rtol=0, atol=0)
    for j, x0 in enumerate(X_GRID):
        one = sat_mod.probe(act, float(x0), 1.2)
        at = grid.at(j)
        assert at.x == one.x
        np.testing.assert_allclose([at.f, at.grad], [one.f, one.grad], **tol)
        np.testing.assert_allclose(at.tangent_y, one.tangent_y, **tol)
        np.testing.assert_array_equal(at.tangent_x, one.tangent_x)


@pytest.mark.parametrize("act", ["sigmoid", "tanh", "softplus", "elu"])
def test_probe_tangent_is_the_derivative_by_finite_differences(act: str) -> None:
    grid = sat_mod.probes(act, X_GRID, 1.0)
    h = 1e-6
    fd = (get(act).fn(X_GRID + h) - get(act).fn(X_GRID - h)) / (2 * h)
    np.testing.assert_allclose(grid.grad, fd, rtol=1e-6, atol=1e-8)
    slope = (grid.tangent_y[:, 1] - grid.tangent_y[:, 0]) / (grid.tangent_x[:, 1]
                                                             - grid.tangent_x[:, 0])
    np.testing.assert_allclose(slope, grid.grad, rtol=1e-9, atol=1e-12)


@pytest.mark.parametrize("act", ["sigmoid", "tanh", "relu", "elu", "gelu", "softplus",
                                 "selu", "mish"])
def test_intervals_over_the_threshold_grid_equal_each_single_call(act: str) -> None:
    with np.errstate(**RAISE):
        grid = sat_mod.saturated_intervals_grid(act, T_GRID, -8.0, 8.0)
    assert len(grid) == len(T_GRID)
    for j in range(0, len(T_GRID), 7):
        assert grid[j] == saturated_intervals(act, float(T_GRID[j]), -8.0, 8.0)


def test_threshold_grid_matches_the_closed_forms() -> None:
    ts = T_GRID[T_GRID < 0.25]
    grid = sat_mod.saturated_intervals_grid("sigmoid", ts, -30.0, 30.0)
    for t, ivs in zip(ts, grid):
        edge = sigmoid_saturation_edge(float(t))
        assert ivs == [pytest.approx((-30.0, -edge), abs=1e-8),
                       pytest.approx((edge, 30.0), abs=1e-8)]


def test_grids_at_the_extremes_raise_no_numpy_warning() -> None:
    xs = np.array([-1000.0, -999.95, 0.0, 999.95, 1000.0])
    with np.errstate(**RAISE):
        for act in ("sigmoid", "tanh", "softplus", "elu", "mish", "gelu", "selu"):
            p = sat_mod.probes(act, xs, 2000.0)
            assert np.all(np.isfinite(p.f)) and np.all(np.isfinite(p.grad))
            sat_mod.saturated_intervals_grid(act, [1e-300, 10.0], -1000.0, 1000.0)


def test_grid_limits_are_checked() -> None:
    with pytest.raises(ValueError):
        sat_mod.probes("sigmoid", [])
    with pytest.raises(ValueError):
        sat_mod.probes("sigmoid", [0.0, 1001.0])
    with pytest.raises(ValueError):
        sat_mod.saturated_intervals_grid("sigmoid", [0.1, 0.0])
    with pytest.raises(ValueError):
        sat_mod.saturated_intervals_grid("sigmoid", np.full(sat_mod.MAX_THRESHOLDS + 1, 0.1))
