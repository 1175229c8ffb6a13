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
