"""core.properties: properties measured from the functions match the known mathematics."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.activations import ACTIVATIONS, get
from core import properties as properties_mod
from core.properties import linearity_error, properties, stack_layers, values_at

RAISE = dict(over="raise", invalid="raise", divide="raise")


def test_sigmoid_facts_from_the_course():
    p = properties("sigmoid")
    assert p.max_abs_grad == pytest.approx(0.25, abs=1e-12)
    assert p.max_abs_grad_at == ((0.0, 0.0),)
    assert (p.lower.value, p.lower.closed, p.upper.value, p.upper.closed) == (0, False, 1, False)
    assert p.zero_centred == "no" and p.monotonic and p.smoothness == "smooth"
    assert p.saturates_left and p.saturates_right
    assert p.f0 == 0.5 and p.grad0 == 0.25


def test_tanh_is_zero_centred_with_max_slope_one():
    p = properties("tanh")
    assert p.zero_centred == "yes" and p.near_identity
    assert p.max_abs_grad == pytest.approx(1.0) and p.max_abs_grad_at == ((0.0, 0.0),)
    assert (p.lower.value, p.upper.value) == (-1, 1)


def test_relu_dead_region_and_plateau():
    p = properties("relu")
    assert p.dead_regions == ((-math.inf, 0.0),)
    assert p.max_abs_grad == 1 and p.max_abs_grad_at == ((0.0, math.inf),)
    assert (p.lower.value, p.lower.closed, p.upper.value) == (0.0, True, math.inf)
    assert p.smoothness == "kinked" and p.saturates_left and not p.saturates_right


def test_leaky_relu_has_no_dead_region():
    p = properties("leaky_relu")
    assert p.dead_regions == () and p.lower.value == -math.inf and p.zero_centred == "partly"


def test_step_and_sign_are_discrete_and_discontinuous():
    assert properties("step").discrete_values == (0.0, 1.0)
    assert properties("sign").discrete_values == (-1.0, 0.0, 1.0)
    assert properties("step").smoothness == "discontinuous"
    assert properties("step").dead_regions == ((-math.inf, math.inf),)


def test_interior_minimum_is_refined():
    p = properties("silu")
    assert p.lower.closed and p.lower.value == pytest.approx(-0.278464542761074, abs=1e-9)
    assert not p.monotonic
    assert properties("gelu").lower.value == pytest.approx(-0.16997120747990, abs=1e-9)


def test_hardswish_supremum_is_approached_at_three():
    p = properties("hardswish")
    assert p.max_abs_grad == pytest.approx(1.5) and p.max_abs_grad_kind == "approached"
    assert p.max_abs_grad_at == ((3.0, 3.0),)


def test_elu_smooth_only_for_alpha_one():
    assert properties("elu").smoothness == "smooth"
    assert properties("elu", alpha=2.0).smoothness == "kinked"
    assert properties("elu", alpha=2.0).lower.value == pytest.approx(-2.0)


def test_softplus_supremum_is_a_limit():
    p = properties("softplus")
    assert p.max_abs_grad_kind == "limit" and p.max_abs_grad == pytest.approx(1.0)


@pytest.mark.parametrize("act_id", list(ACTIVATIONS))
def test_properties_agree_with_samples(act_id):
    with np.errstate(**RAISE):
        p = properties(act_id)
    x = np.linspace(-50, 50, 5001)
    f = get(act_id).fn(x)
    assert np.all(f >= p.lower.value - 1e-9) and np.all(f <= p.upper.value + 1e-9)
    assert np.max(np.abs(get(act_id).grad(x))) <= p.max_abs_grad + 1e-9
    assert p.f0 == get(act_id).fn(0.0) and p.grad0 == get(act_id).grad(0.0)
    if p.monotonic:
        d = np.diff(f)
        assert np.all(d >= 0) or np.all(d <= 0)


@given(st.sampled_from([a for a in ACTIVATIONS if get(a).params]), st.data())
def test_properties_with_random_parameters_are_consistent(act_id, data):
    act = get(act_id)
    params = {p.name: data.draw(st.floats(p.min, p.max)) for p in act.params}
    with np.errstate(**RAISE):
        p = properties(act_id, **params)
    x = np.linspace(-20, 20, 801)
    f = act.fn(x, **params)
    assert p.lower.value <= f.min() + 1e-9 and f.max() <= p.upper.value + 1e-9


def test_values_at_course_points():
    f, g = values_at("sigmoid", [-1, 0, 0.5, 1])
    np.testing.assert_allclose(f, [0.26894142, 0.5, 0.62245933, 0.73105858], atol=1e-8)
    np.testing.assert_allclose(g, f * (1 - f))


def test_linear_stack_is_a_to_the_L_times_x():
    x = np.linspace(-3, 3, 61)
    rows = stack_layers("identity", x, 3, weight=1.5)
    np.testing.assert_allclose(rows[-1], 1.5**3 * x)
    assert linearity_error(rows[-1], x) < 1e-12
    assert linearity_error(stack_layers("tanh", x, 3, weight=1.5)[-1], x) > 0.1


def test_stack_depth_is_bounded():
    with pytest.raises(ValueError):
        stack_layers("relu", np.zeros(3), 51)


def test_grid_summary_describes_the_grid():
    g = properties_mod.grid_summary()
    assert g["fine"] == 10 and g["coarse"] == 100
    assert np.isclose(g["fine_step"], 1e-3) and np.isclose(g["coarse_step"], 0.05)
    assert properties_mod.GRID.min() == -g["coarse"] and properties_mod.GRID.max() == g["coarse"]


# ----------------------------------------------------------------------------- issue #2 audit

from core.properties import (MAX_CURVE_POINTS, MAX_POINTS, NEAR_IDENTITY_RADIUS,  # noqa: E402
                             NEAR_IDENTITY_TOL, compare_stacks, curve)

MONOTONIC = {"identity", "step", "sign", "sigmoid", "tanh", "relu", "leaky_relu", "prelu", "elu",
             "selu", "celu", "softplus", "softsign", "hardtanh", "hardsigmoid", "relu6",
             "logsigmoid", "arctan", "bent_identity", "tanhshrink", "softshrink", "hardshrink"}
NOT_MONOTONIC = {"gelu", "gelu_tanh", "silu", "swish", "mish", "hardswish", "gaussian"}

SELU_LOW = -1.0507009873554805 * 1.6732632423543772
# (lower, lower attained, upper, upper attained): the textbook ranges
RANGES = {
    "sigmoid": (0, False, 1, False), "tanh": (-1, False, 1, False),
    "relu": (0, True, math.inf, False), "relu6": (0, True, 6, True),
    "hardsigmoid": (0, True, 1, True), "hardtanh": (-1, True, 1, True),
    "softsign": (-1, False, 1, False), "arctan": (-math.pi / 2, False, math.pi / 2, False),
    "logsigmoid": (-math.inf, False, 0, False), "elu": (-1, False, math.inf, False),
    "selu": (SELU_LOW, False, math.inf, False), "softplus": (0, False, math.inf, False),
    "gaussian": (0, False, 1, True), "identity": (-math.inf, False, math.inf, False),
}


def test_monotonic_flags_match_the_mathematics():
    assert MONOTONIC | NOT_MONOTONIC == set(ACTIVATIONS)
    for act_id in ACTIVATIONS:
        assert properties(act_id).monotonic == (act_id in MONOTONIC), act_id


@pytest.mark.parametrize("act_id, expected", RANGES.items())
def test_output_ranges_match_the_textbook(act_id, expected):
    p = properties(act_id)
    lo, lo_closed, hi, hi_closed = expected
    assert p.lower.value == pytest.approx(lo, abs=1e-9) and p.upper.value == pytest.approx(hi, abs=1e-9)
    if math.isfinite(lo):
        assert p.lower.closed == lo_closed, "lower"
    if math.isfinite(hi):
        assert p.upper.closed == hi_closed, "upper"


@pytest.mark.parametrize("act_id, left, right", [
    ("sigmoid", True, True), ("tanh", True, True), ("relu", True, False),
    ("leaky_relu", False, False), ("elu", True, False), ("softplus", True, False),
    ("identity", False, False), ("gaussian", True, True), ("logsigmoid", False, True),
])
def test_saturation_sides(act_id, left, right):
    p = properties(act_id)
    assert (p.saturates_left, p.saturates_right) == (left, right)


def test_zero_centred_and_near_identity():
    assert properties("tanh").zero_centred == "yes" and properties("sigmoid").zero_centred == "no"
    assert properties("elu").zero_centred == "partly"
    assert properties("tanh").near_identity and not properties("sigmoid").near_identity
    x = np.linspace(-NEAR_IDENTITY_RADIUS, NEAR_IDENTITY_RADIUS, 201)
    assert np.max(np.abs(get("tanh").fn(x) - x)) <= NEAR_IDENTITY_TOL


def test_derivative_monotonic_and_smoothness():
    assert properties("relu").grad_monotonic and not properties("sigmoid").grad_monotonic
    assert properties("softplus").grad_monotonic and properties("softplus").smoothness == "smooth"
    assert properties("leaky_relu").smoothness == "kinked"
    assert properties("sign").smoothness == "discontinuous"


def test_curve_samples_f_and_grad_and_is_bounded():
    x, f, g = curve("elu", -2.0, 2.0, 5, alpha=0.5)
    np.testing.assert_allclose(x, [-2, -1, 0, 1, 2])
    np.testing.assert_allclose(f, get("elu").fn(x, alpha=0.5))
    np.testing.assert_allclose(g, get("elu").grad(x, alpha=0.5))
    for bad in [dict(n=MAX_CURVE_POINTS + 1), dict(n=1), dict(lo=1.0, hi=1.0),
                dict(lo=-1e9, hi=0.0)]:
        with pytest.raises(ValueError):
            curve("relu", **{**dict(lo=-1.0, hi=1.0, n=10), **bad})


def test_values_at_is_bounded():
    with pytest.raises(ValueError):
        values_at("relu", list(range(MAX_POINTS + 1)))
    with pytest.raises(ValueError):
        values_at("relu", [1e9])


@given(st.sampled_from(list(ACTIVATIONS)), st.integers(1, 10), st.floats(0.1, 3.0))
def test_compare_stacks_linear_is_a_line_of_slope_w_to_the_L(act_id, depth, weight):
    with np.errstate(**RAISE):
        run = compare_stacks(act_id, depth, weight)
    np.testing.assert_allclose(run.linear, weight**depth * run.x, rtol=1e-12, atol=1e-12)
    assert run.slope == pytest.approx(weight**depth) and run.linear_error < 1e-9
    np.testing.assert_allclose(run.bent, stack_layers(act_id, run.x, depth, weight)[-1])
    assert np.all(np.isfinite(run.bent))


def test_compare_stacks_bends_for_tanh_not_for_identity():
    assert compare_stacks("tanh", 3, 1.5).bent_error > 0.1
    assert compare_stacks("identity", 3, 1.5).bent_error < 1e-9
