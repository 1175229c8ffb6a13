"""core.activations: analytic derivatives, PyTorch conventions, stability, dtypes, softmax."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.activations import ACTIVATIONS, by_family, get, softmax, softmax_naive

IDS = list(ACTIVATIONS)
RAISE = dict(over="raise", invalid="raise", divide="raise")
REQUIRED = {"identity", "step", "sign", "sigmoid", "tanh", "relu", "leaky_relu", "prelu", "elu",
            "selu", "celu", "gelu", "silu", "mish", "softplus", "softsign", "hardtanh",
            "hardsigmoid", "hardswish", "relu6", "logsigmoid"}


def params_strategy(act_id: str):
    """Hypothesis strategy for a valid parameter dict of an activation."""
    act = get(act_id)
    return st.fixed_dictionaries({p.name: st.floats(p.min, p.max) for p in act.params})


def kinks(act_id: str, params: dict) -> np.ndarray:
    """Points where f or f' is not differentiable (finite differences are invalid there)."""
    pts = [0.0, -3.0, 3.0, 6.0]
    pts += [v for k, v in params.items() if k in ("min_val", "max_val", "threshold")]
    if "lambd" in params:
        pts += [params["lambd"], -params["lambd"]]
    if "threshold" in params:
        pts.append(params["threshold"] / params.get("beta", 1.0))
    return np.array(pts)


def test_catalogue_has_required_ids_and_extras():
    assert REQUIRED <= set(ACTIVATIONS)
    assert len(set(ACTIVATIONS) - REQUIRED) >= 3


def test_unknown_id_names_the_valid_ones():
    with pytest.raises(KeyError) as err:
        get("sigmod")
    assert "sigmoid" in str(err.value) and "relu" in str(err.value)


def test_families_cover_every_activation_once():
    grouped = [i for ids in by_family().values() for i in ids]
    assert sorted(grouped) == sorted(IDS)
    assert set(by_family()) <= {"step", "sigmoid", "relu", "smooth-relu", "linear", "other"}


@pytest.mark.parametrize("act_id", IDS)
def test_metadata_complete(act_id):
    act = get(act_id)
    assert act.latex_f and act.latex_grad and act.name
    assert "=" in act.formula or "x" in act.formula  # the docstring states the formula
    for p in act.params:
        assert p.min <= p.default <= p.max


@pytest.mark.parametrize("act_id", IDS)
@given(data=st.data())
def test_grad_matches_central_differences(act_id, data):
    params = data.draw(params_strategy(act_id))
    x = np.array(data.draw(st.lists(st.floats(-8, 8), min_size=1, max_size=20)))
    near = np.min(np.abs(x[:, None] - kinks(act_id, params)[None, :]), axis=1) < 1e-3
    x = x[~near]
    if x.size == 0:
        return
    act = get(act_id)
    h = 1e-6
    fd = (act.fn(x + h, **params) - act.fn(x - h, **params)) / (2 * h)
    np.testing.assert_allclose(act.grad(x, **params), fd, rtol=1e-5, atol=1e-6)


@pytest.mark.parametrize("act_id", IDS)
def test_extreme_inputs_are_finite_without_warnings(act_id):
    x = np.array([-1e6, -1e3, -30.0, -1e-300, 0.0, 1e-300, 30.0, 1e3, 1e6])
    act = get(act_id)
    with np.errstate(**RAISE):
        f, g = act.fn(x), act.grad(x)
        for p in act.params:  # every parameter at both ends of its range
            for v in (p.min, p.max):
                act.fn(x, **{p.name: v}), act.grad(x, **{p.name: v})
    assert np.all(np.isfinite(f)) and np.all(np.isfinite(g))


@pytest.mark.parametrize("act_id", IDS)
def test_float32_in_float32_out_and_agrees(act_id):
    x64 = np.linspace(-10, 10, 101)
    x32 = x64.astype(np.float32)
    act = get(act_id)
    with np.errstate(**RAISE):
        f32, g32 = act.fn(x32), act.grad(x32)
    assert f32.dtype == np.float32 and g32.dtype == np.float32
    assert f32.shape == x32.shape
    np.testing.assert_allclose(f32, act.fn(x32.astype(np.float64)), rtol=1e-5, atol=1e-5)


@pytest.mark.parametrize("act_id", IDS)
def test_shape_preserved_and_ints_promoted(act_id):
    x = np.arange(-3, 3).reshape(2, 3)
    act = get(act_id)
    assert act.fn(x).shape == (2, 3) and act.fn(x).dtype == np.float64
    assert act.grad(x).shape == (2, 3)
    assert np.ndim(act.fn(0.5)) == 0


def test_unknown_parameter_is_rejected():
    with pytest.raises(TypeError):
        get("elu").fn([0.0], slope=2)


def test_course_worked_values():
    np.testing.assert_allclose(get("sigmoid").fn([-2, 1, 3]), [0.11920292, 0.73105858, 0.95257413],
                               atol=5e-9)
    np.testing.assert_array_equal(get("step").fn([-2, 1, 3]), [0, 1, 1])
    np.testing.assert_array_equal(get("sign").fn([-2.0, 0.0, 3.0]), [-1, 0, 1])
    assert get("step").fn(0.0) == 0


@pytest.mark.parametrize("act_id, grad_at_0", [
    ("relu", 0.0), ("leaky_relu", 0.01), ("prelu", 0.25), ("elu", 1.0), ("celu", 1.0),
    ("relu6", 0.0), ("hardtanh", 1.0), ("hardsigmoid", 1 / 6), ("hardswish", 0.5),
    ("softshrink", 0.0), ("hardshrink", 0.0), ("selu", 1.0507009873554805 * 1.6732632423543772),
])
def test_pytorch_convention_at_kinks(act_id, grad_at_0):
    assert get(act_id).grad(0.0) == pytest.approx(grad_at_0)


@pytest.mark.parametrize("act_id, x, grad", [
    ("hardswish", -3.0, 0.0), ("hardswish", 3.0, 1.0), ("hardswish", 2.0, 2 / 3 + 0.5), ("hardtanh", 1.0, 0.0),
    ("relu6", 6.0, 0.0), ("hardsigmoid", 3.0, 0.0), ("softshrink", 0.5, 0.0),
])
def test_pytorch_convention_at_other_corners(act_id, x, grad):
    assert get(act_id).grad(x) == pytest.approx(grad)


def test_softplus_threshold_reverts_to_identity():
    sp = get("softplus")
    assert sp.fn(25.0) == 25.0 and sp.grad(25.0) == 1.0
    assert sp.fn(10.0, beta=3.0) == 10.0  # beta*x = 30 > 20


@given(st.lists(st.floats(-1e4, 1e4), min_size=2, max_size=16), st.floats(0.05, 20))
def test_softmax_is_a_distribution_and_shift_invariant(z, temperature):
    with np.errstate(**RAISE):
        p = softmax(z, temperature)
        q = softmax(np.array(z) + 1234.5, temperature)
    assert np.all(p >= 0) and p.sum() == pytest.approx(1.0)
    np.testing.assert_allclose(p, q, atol=1e-6)
    assert p[np.argmax(z)] == pytest.approx(p.max())


def test_softmax_naive_overflows_where_stable_does_not():
    naive, stable = softmax_naive([1000.0, 1001.0]), softmax([1000.0, 1001.0])
    assert np.all(np.isnan(naive))
    np.testing.assert_allclose(stable, softmax([0.0, 1.0]))
    np.testing.assert_allclose(stable, [0.26894142, 0.73105858], atol=1e-8)


def test_softmax_temperature_sharpens_and_flattens():
    z = [2.0, 1.0, 0.1]
    assert softmax(z, 0.5).max() > softmax(z, 1).max() > softmax(z, 5).max()
    with pytest.raises(ValueError):
        softmax(z, 0.0)


def test_softmax_batch_along_last_axis():
    z = np.array([[1.0, 2.0], [1000.0, 1000.0]])
    np.testing.assert_allclose(softmax(z), [[0.26894142, 0.73105858], [0.5, 0.5]], atol=1e-8)


# ----------------------------------------------------------------------------- issue #2 audit

from core.activations import (EXP_OVERFLOW, FLOAT64_MAX, MAX_SOFTMAX_CLASSES,  # noqa: E402
                              OVERFLOW_EXAMPLE, USES, softmax_demo)

# PyTorch's parameter names and defaults (torch.nn.functional), plus PReLU's init a = 0.25.
TORCH_DEFAULTS = {
    "leaky_relu": {"negative_slope": 0.01}, "prelu": {"a": 0.25}, "elu": {"alpha": 1.0},
    "celu": {"alpha": 1.0}, "softplus": {"beta": 1.0, "threshold": 20.0},
    "hardtanh": {"min_val": -1.0, "max_val": 1.0}, "softshrink": {"lambd": 0.5},
    "hardshrink": {"lambd": 0.5},
}


@pytest.mark.parametrize("act_id, defaults", TORCH_DEFAULTS.items())
def test_parameter_names_and_defaults_follow_pytorch(act_id, defaults):
    assert get(act_id).defaults() == defaults


def test_non_parametric_functions_take_no_parameters():
    for act_id in ("relu", "sigmoid", "tanh", "selu", "gelu", "silu", "mish", "relu6"):
        assert get(act_id).params == ()


@pytest.mark.parametrize("act_id", IDS)
def test_activation_carries_its_uses_and_code(act_id):
    act = get(act_id)
    assert act.uses and set(act.uses) <= set(USES)
    assert act.family in {"step", "sigmoid", "relu", "smooth-relu", "linear", "other"}
    fn, grad = act.code()
    assert fn.__doc__ and grad.__doc__ and "=" in fn.__doc__ + grad.__doc__


@pytest.mark.parametrize("act_id", IDS)
def test_float32_extremes_stay_finite_without_warnings(act_id):
    x = np.array([-1e6, -1e3, -30.0, 0.0, 30.0, 1e3, 1e6], dtype=np.float32)
    act = get(act_id)
    settings = [{}] + [{p.name: v} for p in act.params for v in (p.min, p.max)]
    with np.errstate(**RAISE):
        for params in settings:
            f, g = act.fn(x, **params), act.grad(x, **params)
            assert f.dtype == g.dtype == np.float32
            assert np.all(np.isfinite(f)) and np.all(np.isfinite(g))


def test_step_is_zero_up_to_and_including_zero():
    np.testing.assert_array_equal(get("step").fn([-1e-300, 0.0, 1e-300]), [0, 0, 1])
    assert get("sign").fn(0.0) == 0 and get("sign").fn(-0.0) == 0


def test_gelu_is_the_exact_erf_form_not_the_tanh_one():
    x = np.array([-2.0, -0.5, 0.5, 2.0])
    import math

    exact = [0.5 * v * (1 + math.erf(v / math.sqrt(2))) for v in x]
    np.testing.assert_allclose(get("gelu").fn(x), exact, rtol=1e-15)
    assert not np.allclose(get("gelu_tanh").fn(x), exact, rtol=1e-6, atol=0)


def test_softmax_demo_reproduces_the_course_overflow():
    demo = softmax_demo([0.0, 1.0], 1.0, offset=1000)
    np.testing.assert_array_equal(demo.shifted, OVERFLOW_EXAMPLE)
    assert not demo.naive_finite and np.all(np.isnan(demo.naive))
    np.testing.assert_allclose(demo.stable, [0.26894142, 0.73105858], atol=1e-8)
    assert demo.largest_exponent == 1001 > EXP_OVERFLOW
    with np.errstate(over="ignore"):
        assert np.isinf(np.exp(np.float64(EXP_OVERFLOW) * (1 + 1e-12)))  # just beyond: inf
    assert np.isfinite(np.exp(np.float64(EXP_OVERFLOW)))
    assert FLOAT64_MAX == np.finfo(np.float64).max


@given(st.lists(st.floats(-50, 50), min_size=2, max_size=10), st.floats(0.1, 10),
       st.integers(0, 2000))
def test_softmax_demo_naive_breaks_exactly_past_the_float64_limit(z, temperature, offset):
    demo = softmax_demo(z, temperature, offset)
    assert demo.total == pytest.approx(1.0) and demo.top == demo.probs.max()
    np.testing.assert_allclose(demo.stable, demo.probs, atol=1e-9)  # shift invariance
    if demo.largest_exponent < EXP_OVERFLOW - 1:
        assert demo.naive_finite and demo.max_diff < 1e-9
    if demo.largest_exponent > EXP_OVERFLOW + 1:
        assert not demo.naive_finite


@pytest.mark.parametrize("bad", [dict(z=[1.0] * (MAX_SOFTMAX_CLASSES + 1)),
                                 dict(z=[1.0, float("nan")]), dict(z=[1.0, float("inf")]),
                                 dict(z=[1e301, 0.0]), dict(z=[1.0, 2.0], temperature=1e-9),
                                 dict(z=[1.0, 2.0], temperature=1e9), dict(z=[])])
def test_softmax_bounds_raise_value_error(bad):
    with pytest.raises(ValueError):
        softmax(**bad)
    with pytest.raises(ValueError):
        softmax_naive(**bad)


def test_softmax_extreme_but_allowed_scores_are_stable():
    with np.errstate(**RAISE):
        p = softmax([1e300, -1e300, 0.0], temperature=1e-3)
    np.testing.assert_array_equal(p, [1.0, 0.0, 0.0])
