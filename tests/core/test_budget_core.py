"""One measurement of max |f'|, the generated trainer's templates against the catalogue, and the
work budgets of the deep-MLP simulation and the network lab (counted in work units)."""

from __future__ import annotations

import math

import numpy as np
import pytest

from core import fasttrain
from core import network as net
from core import saturation as sat
from core.activations import ACTIVATIONS, CALL_COST, ELEMENT_COST, evaluation_work, get
from core.custom import MAX_DEPTH, MAX_LENGTH, MAX_NODES, NODE_CALL_COST, NODE_COST, parse
from core.properties import max_abs_grad, properties


def heaviest_formula() -> str:
    """The costliest formula the parser accepts: per character a catalogue GELU (its erf-based
    f and f' is the dearest per value) beats every other node, so as many nested gelu(…) as
    MAX_LENGTH allows, in chains kept within MAX_DEPTH: g¹⁶(x) + g¹⁵(x) + g(x)."""
    def chain(k: int) -> str:
        return "gelu(" * k + "x" + ")" * k
    return chain(16) + "+" + chain(15) + "+" + chain(1)


HEAVY = heaviest_formula()


def test_heaviest_formula_is_accepted_and_maximal():
    f = parse(HEAVY)
    assert len(HEAVY) <= MAX_LENGTH and f.nodes <= MAX_NODES
    # no other node buys more cost per typed character than an activation call "name(…)"
    per_char_gelu = (NODE_COST["act"] + ELEMENT_COST["gelu"]) / len("gelu()")
    for act_id, cost in ELEMENT_COST.items():
        assert (NODE_COST["act"] + cost) / (len(act_id) + 2) <= per_char_gelu, act_id
    for key, cost in NODE_COST.items():
        if key.startswith("fn:"):
            assert cost / (len(key) - 1) < per_char_gelu, key
    assert f.element_cost() > 30 * ELEMENT_COST["gelu"]
    # one more gelu does not fit
    with pytest.raises(ValueError):
        parse("gelu(" * MAX_DEPTH + "x" + ")" * MAX_DEPTH)


# ----------------------------------------------------------------------------- max |f'|


@pytest.mark.parametrize("act_id", sorted(ACTIVATIONS))
def test_explorer_and_saturation_page_state_the_same_max_slope(act_id):
    """properties(...) (the explorer) and derivative_peak / max_derivative (the saturation
    page) read one measurement: same value, same kind of place."""
    p = properties(act_id)
    peak = sat.derivative_peak(act_id)
    value, x_at = sat.max_derivative(act_id)
    assert p.max_abs_grad == peak.value == value
    assert peak.at_edge == (p.max_abs_grad_kind == "limit")
    if p.max_abs_grad_kind == "interval":
        assert (peak.x_lo, peak.x_hi) in p.max_abs_grad_at
    elif p.max_abs_grad_kind == "limit":
        assert math.copysign(math.inf, x_at) in [a for a, _ in p.max_abs_grad_at]
    else:
        assert x_at == pytest.approx(p.max_abs_grad_at[0][0], abs=1e-6)
    assert abs(float(get(act_id).grad(np.array([x_at]))[0])) == pytest.approx(value, abs=1e-9)


def test_parameters_beyond_twenty_agree_too():
    """Swish with β = 0.1 peaks near x ≈ 24: both pages now say so (before, the saturation
    page searched ±20 only and reported the range's edge)."""
    m = max_abs_grad("swish", beta=0.1)
    peak = sat.derivative_peak("swish", beta=0.1)
    assert m.kind == "point" and 20 < m.x_near < 30 and not peak.at_edge
    assert peak.value == properties("swish", beta=0.1).max_abs_grad == m.value


# ----------------------------------------------------------------------------- templates

GRID = np.concatenate([np.linspace(-30.0, 30.0, 6001), [-1e6, -50.0, -1e-9, 0.0, 1e-9, 3.0,
                                                         -3.0, 6.0, 20.0, 50.0, 1e6]])


@pytest.mark.parametrize("act_id", sorted(fasttrain.TEMPLATES))
def test_every_template_matches_the_catalogue_on_a_grid(act_id):
    """A template that disagrees with the catalogue's fn/grad fails here, loudly (the trainer
    no longer checks at run time)."""
    f = fasttrain.scalar_function(act_id)
    act = get(act_id)
    with np.errstate(all="ignore"):
        want_a, want_g = act.fn(GRID), act.grad(GRID)
    got = np.array([f(float(z)) for z in GRID])
    np.testing.assert_allclose(got[:, 0], want_a, rtol=1e-12, atol=1e-15, err_msg=act_id)
    np.testing.assert_allclose(got[:, 1], want_g, rtol=1e-12, atol=1e-15, err_msg=act_id)


def test_bce_template_is_the_one_logit_bce():
    ns = fasttrain.namespace()
    z = np.linspace(-40, 40, 801)
    for t in (0.0, 1.0, 0.3):
        got = [eval(fasttrain.BCE_TEMPLATE.format(z=repr(float(v)), t=repr(t)), ns) for v in z]
        np.testing.assert_allclose(got, net.logit_bce(z, t), rtol=1e-15, atol=0)
    y = 1 / (1 + np.exp(-z[350:450]))
    np.testing.assert_allclose(net.logit_bce(z[350:450], 1.0), -np.log(y), rtol=1e-12)


@pytest.mark.parametrize("args", [
    ((2, 2, 1), ("sigmoid", "__import__('os')"), False, "mse"),    # an id without a template
    ((2, 2, 1), ("sigmoid", parse("x")), False, "mse"),             # a user's formula
    ((2, "2", 1), ("sigmoid", "sigmoid"), False, "mse"),            # a size as text
    ((2, True, 1), ("sigmoid", "sigmoid"), False, "mse"),           # a bool is not a size
    ((2, 10**6, 1), ("sigmoid", "sigmoid"), False, "mse"),          # a huge layer
    ((2,) * 20, ("sigmoid",) * 19, False, "mse"),                   # too many layers
    ((2, 2, 1), ("sigmoid",), False, "mse"),                        # one activation short
    ((2, 2, 1), ("sigmoid", "sigmoid"), "yes", "mse"),              # bias not a bool
    ((2, 2, 1), ("sigmoid", "sigmoid"), False, "mse\nimport os"),  # an unknown loss
])
def test_the_generated_source_is_written_only_from_checked_arguments(args):
    with pytest.raises(ValueError):
        fasttrain.generate(*args)
    with pytest.raises(ValueError):
        fasttrain.compiled(*args)


def test_scalar_function_takes_only_a_template_id():
    with pytest.raises(ValueError):
        fasttrain.scalar_function("relu\nimport os")


def test_supported_means_has_a_template():
    assert fasttrain.supported(["sigmoid", "relu"])
    assert not fasttrain.supported(["arctan"]) and not fasttrain.supported([parse("x")])


# ----------------------------------------------------------------------------- one pass


def test_value_and_slope_in_one_pass_equal_the_separate_paths():
    f = parse("x * sigmoid(1.702 * x) + where(x > 0, erf(x), tanh(x)) / (1 + x**2)")
    x = np.linspace(-5, 5, 1001)
    v, d = f.fn_grad(x)
    np.testing.assert_array_equal(v, f.fn(x))
    np.testing.assert_array_equal(d, f.grad(x))
    sig = get("sigmoid")
    v, d = sig.fn_grad(x)
    np.testing.assert_array_equal(v, sig.fn(x))
    np.testing.assert_array_equal(d, sig.grad(x))
    with pytest.raises(TypeError):
        f.fn_grad(x, beta=1.0)


def test_one_pass_walks_the_tree_once(monkeypatch):
    """fn_grad evaluates each node once; fn alone never computes a slope."""
    import core.custom as custom

    calls = {"value": 0, "slope": 0}
    value_of, slope_of = custom._value_of, custom._slope_of

    def count_value(*a):
        calls["value"] += 1
        return value_of(*a)

    def count_slope(*a):
        calls["slope"] += 1
        return slope_of(*a)

    monkeypatch.setattr(custom, "_value_of", count_value)
    monkeypatch.setattr(custom, "_slope_of", count_slope)
    f = parse("exp(-x*x) + sin(x)")  # add(exp(neg(mul(x, x))), sin(x)): 5 inner nodes
    f.fn_grad(np.linspace(-1, 1, 5))
    assert calls == {"value": 5, "slope": 5}
    calls.update(value=0, slope=0)
    f.fn(np.linspace(-1, 1, 5))
    assert calls == {"value": 5, "slope": 0}


# ----------------------------------------------------------------------------- costs


def test_costs_are_counted_from_the_tree():
    f = parse("x * sigmoid(x)")  # mul(x, act:sigmoid(x))
    assert f.element_cost() == NODE_COST["mul"] + 2 * NODE_COST["x"] + NODE_COST["act"] + \
        ELEMENT_COST["sigmoid"]
    assert f.call_cost() == NODE_CALL_COST["mul"] + 2 * NODE_CALL_COST["x"] + \
        NODE_CALL_COST["act"] + CALL_COST["sigmoid"]
    assert parse("x * sigmoid(x) + erf(x)").element_cost() > f.element_cost()
    assert evaluation_work(f, 1000) == f.call_cost() + 1000 * f.element_cost()
    assert evaluation_work("relu", 10) == CALL_COST["relu"] + 10 * ELEMENT_COST["relu"]
    assert set(ELEMENT_COST) == set(CALL_COST) == set(ACTIVATIONS)
    # deterministic: the same text, the same count
    assert parse(HEAVY).element_cost() == parse(HEAVY).element_cost()


def test_simulation_work_formula():
    d, w, n = 7, 32, 50
    c, C = get("tanh").element_cost(), get("tanh").call_cost()
    want = d * (3 * n * w * w * sat.SIM_MAC_COST + n * w * (sat.SIM_ELEMENT_COST + c) + C)
    assert sat.simulation_work("tanh", d, w, n) == pytest.approx(want)
    assert sat.simulation_work(c, d, w, n) == pytest.approx(want - d * C)
    assert sat.simulation_work(parse(HEAVY), d, w, n) > 10 * sat.simulation_work("tanh", d, w, n)


@pytest.mark.parametrize("act", ["identity", "gelu", "mish", HEAVY])
def test_heaviest_simulation_is_reduced_to_within_budget(act):
    a = parse(act) if act == HEAVY else act
    plan = sat.plan_simulation(a, sat.MAX_DEPTH, sat.MAX_WIDTH, sat.MAX_SAMPLES)
    assert plan.reduced and plan.asked == sat.MAX_SAMPLES
    assert sat.MIN_SIM_SAMPLES <= plan.n_samples < sat.MAX_SAMPLES
    assert plan.work == sat.simulation_work(a, sat.MAX_DEPTH, sat.MAX_WIDTH, plan.n_samples)
    assert plan.work <= sat.SIM_BUDGET and plan.within
    assert sat.simulation_work(a, sat.MAX_DEPTH, sat.MAX_WIDTH, plan.n_samples + 1) > \
        sat.SIM_BUDGET


def test_sweep_work_counts_forward_passes():
    one = sat.sweep_work(["relu"], 25, 10, 64, 128)
    relu = get("relu")
    want = 25 * 10 * (128 * 64 * 64 * sat.SIM_MAC_COST
                      + 128 * 64 * (sat.SIM_ELEMENT_COST + relu.element_cost()) + relu.call_cost())
    assert one == pytest.approx(want)
    assert sat.sweep_work(["relu", "gelu"], 25, 10, 64, 128) > 2 * one
    # the page's default sweep (ReLU, Leaky ReLU, ELU; 25 shifts; 10 × 64 × 128) fits a budget
    assert sat.sweep_work(["relu", "leaky_relu", "elu"], len(sat.DEFAULT_SHIFTS), 10, 64, 128) \
        < sat.SIM_BUDGET


def test_small_simulation_is_not_reduced():
    plan = sat.plan_simulation("relu", 10, 64, 256)
    assert plan == sat.SimPlan(256, 256, sat.simulation_work("relu", 10, 64, 256), False, True)
    tiny = sat.plan_simulation(parse(HEAVY), 30, 256, 2000, budget=1.0)
    assert tiny.n_samples == sat.MIN_SIM_SAMPLES and tiny.reduced and not tiny.within


@pytest.mark.parametrize("mode", ["sample", "batch"])
def test_heaviest_network_request_is_reduced_to_within_budget(mode):
    """The network lab's largest set-up (3 × 8 hidden units, 400 points, 4 networks, 90 000
    epochs) with the heaviest formula in every hidden layer: fewer epochs, within budget."""
    f = parse(HEAVY)
    sizes = (2, 8, 8, 8, 1)
    sets = [(f, f, f, "sigmoid")] * 3 + [("mish",) * 3 + ("sigmoid",)]
    budget = net.REQUEST_BUDGET * 4 // 10
    plan = net.plan_training(sizes, sets, 400, 90_000, mode, budget)
    assert plan.reduced and plan.asked == 90_000 and plan.epochs >= 1
    assert plan.work == net.plan_cost(sizes, sets, 400, plan.epochs, mode)
    assert plan.within == (plan.work <= budget)
    assert plan.work <= budget or plan.epochs == 1
    if mode == "batch":  # full batch fits; per sample, one epoch of this is already too much
        assert plan.within and plan.epochs > 1
    assert net.plan_epochs(sizes, sets, 400, 90_000, mode, budget) == plan.epochs


def test_batch_with_a_formula_costs_its_evaluations():
    f = parse(HEAVY)
    sizes = (2, 8, 1)
    plain = net.epoch_cost(sizes, ["tanh", "sigmoid"], 400, "batch")
    mine = net.epoch_cost(sizes, [f, "sigmoid"], 400, "batch")
    extra = (f.call_cost() - get("tanh").call_cost()
             + net.SMALL_ARRAY_FACTOR * 400 * 8 * (f.element_cost() - get("tanh").element_cost()))
    assert mine - plain == pytest.approx(extra, abs=2)
