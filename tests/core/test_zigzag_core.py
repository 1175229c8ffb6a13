"""Tests for core/zigzag.py: sign-locked updates, the tanh comparison, the perceptron rule."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core import zigzag as zz
from core.activations import ACTIVATIONS

D = dict(w0=zz.DEFAULT_W0, w_star=zz.DEFAULT_W_STAR, lr=zz.DEFAULT_LR, steps=zz.DEFAULT_STEPS)
STRICT = dict(over="raise", invalid="raise", divide="raise", under="ignore")


def run(act: str = "sigmoid", **kw) -> zz.ZigzagRun:
    args = {**D, **kw}
    return zz.simulate(act, args.pop("w0"), args.pop("w_star"), args.pop("lr"), args.pop("steps"),
                       **args)


# ---------------------------------------------------------------- the model itself


def test_shapes_and_first_step_by_hand():
    r = run(steps=5, batch_size=3, seed=7)
    assert r.path.shape == (6, 2) and r.inputs.shape == (5, 3, 2) and r.deltas.shape == (5, 3)
    assert r.grads.shape == (5, 2) and r.updates.shape == (5, 2)
    x = 1.0 / (1.0 + np.exp(-r.z[0]))                      # sigmoid of the drawn z
    np.testing.assert_allclose(r.inputs[0], x, rtol=1e-12)
    delta = x @ np.array(zz.DEFAULT_W0) - x @ np.array(zz.DEFAULT_W_STAR)
    np.testing.assert_allclose(r.deltas[0], delta, rtol=1e-12)
    dw = -zz.DEFAULT_LR * (delta[:, None] * x).mean(axis=0)
    np.testing.assert_allclose(r.path[1], np.array(zz.DEFAULT_W0) + dw, rtol=1e-12)
    np.testing.assert_allclose(r.path[1:] - r.path[:-1], r.updates, atol=1e-12)


def test_targets_come_from_teacher_so_loss_is_zero_at_w_star():
    r = run(steps=50)
    np.testing.assert_allclose(r.targets, r.inputs @ np.array(zz.DEFAULT_W_STAR))
    assert zz.expected_loss(r, zz.DEFAULT_W_STAR) == pytest.approx(0.0, abs=1e-15)
    assert zz.expected_loss(r, zz.DEFAULT_W0) > 0
    # starting at the optimum, nothing moves
    r2 = run(w0=zz.DEFAULT_W_STAR, steps=20)
    assert np.all(r2.updates == 0) and zz.steps_to_reach(r2, 1e-9) == 0


def test_same_seed_same_z_for_every_activation():
    a, b = run("sigmoid", seed=3), run("tanh", seed=3)
    np.testing.assert_array_equal(a.z, b.z)
    np.testing.assert_allclose(b.inputs, np.tanh(a.z), rtol=1e-12)


def test_seeded_runs_repeat_exactly_and_seeds_differ():
    for act in ("sigmoid", "tanh", "relu"):
        a, b = run(act, seed=11, batch_size=4), run(act, seed=11, batch_size=4)
        for name in ("path", "z", "inputs", "deltas", "grads", "updates"):
            np.testing.assert_array_equal(getattr(a, name), getattr(b, name))
    assert not np.array_equal(run(seed=1).path, run(seed=2).path)


def test_inputs_are_not_modified():
    w0, ws = np.array([1.0, -1.0]), np.array([-1.0, 1.0])
    r = zz.simulate("tanh", w0, ws, 1.0, 30)
    np.testing.assert_array_equal(w0, [1.0, -1.0])
    np.testing.assert_array_equal(ws, [-1.0, 1.0])
    r.path[0, 0] = 99.0   # the run owns copies, not the caller's arrays
    assert w0[0] == 1.0


# ---------------------------------------------------------------- the zig-zag claims


@pytest.mark.parametrize("seed", range(5))
def test_sigmoid_single_sample_updates_are_sign_locked(seed):
    r = run("sigmoid", seed=seed, steps=zz.MAX_STEPS)
    assert np.all(r.inputs > 0)
    du = r.updates
    assert np.all(np.sign(du[:, 0]) == np.sign(du[:, 1]))
    # once w lands exactly on w* (δ = 0) the updates are exactly zero; all others are (+,+)/(−,−)
    moving = np.any(du != 0, axis=1)
    assert moving.sum() > 100
    assert np.all(zz.sign_pattern(du[moving]) == zz.SAME)
    assert zz.same_sign_share(r) == 1.0
    for t in (0, 1, 57, zz.MAX_STEPS - 1):
        assert zz.allowed_quadrants(r, t) == (1, 3)
    for t in np.flatnonzero(moving)[:50]:
        assert zz.quadrant(du[t]) in (1, 3)


@pytest.mark.parametrize("seed", range(8))
def test_tanh_has_both_patterns_and_reaches_w_star_faster(seed):
    sig, tan = run("sigmoid", seed=seed, steps=1000), run("tanh", seed=seed, steps=1000)
    pat = zz.sign_pattern(tan.updates)
    assert np.any(pat == zz.SAME) and np.any(pat == zz.MIXED)
    s_sig, s_tan = zz.summarize(sig, zz.DEFAULT_EPS), zz.summarize(tan, zz.DEFAULT_EPS)
    assert s_sig.steps_to_reach is not None and s_tan.steps_to_reach is not None
    assert 3 * s_tan.steps_to_reach < s_sig.steps_to_reach
    assert s_sig.same_sign_share == 1.0 and 0 < s_tan.same_sign_share < 1
    assert s_sig.detour_ratio > 2.5 > 2.0 > s_tan.detour_ratio


def test_default_setup_numbers():
    """The default scene, seed 0: the numbers the page quotes (pinned so a change is noticed)."""
    sig = zz.summarize(run("sigmoid"), zz.DEFAULT_EPS)
    tan = zz.summarize(run("tanh"), zz.DEFAULT_EPS)
    assert (sig.steps_to_reach, tan.steps_to_reach) == (202, 28)
    assert sig.straight_distance == pytest.approx(np.sqrt(8))
    assert sig.detour_ratio == pytest.approx(3.44, abs=0.01)
    assert tan.detour_ratio == pytest.approx(1.54, abs=0.01)


def test_minibatch_straightens_the_path_but_does_not_speed_up_sigmoid():
    single = zz.summarize(run("sigmoid", steps=1000), zz.DEFAULT_EPS)
    tan = zz.summarize(run("tanh", steps=1000, batch_size=16), zz.DEFAULT_EPS)
    detours = []
    for b in (2, 4, 16, 64):
        r = run("sigmoid", steps=1000, batch_size=b)
        s = zz.summarize(r, zz.DEFAULT_EPS)
        # averaging samples whose errors differ in sign lets some updates leave quadrants I/III
        assert np.any(zz.sign_pattern(r.updates) == zz.MIXED)
        assert s.same_sign_share < 1.0
        detours.append(s.detour_ratio)
        # ... yet the number of steps barely moves and stays far above tanh's
        assert abs(s.steps_to_reach - single.steps_to_reach) < 0.2 * single.steps_to_reach
        assert s.steps_to_reach > 5 * tan.steps_to_reach
    assert detours == sorted(detours, reverse=True) and detours[0] < single.detour_ratio
    # small batches keep a clear zig-zag
    assert detours[1] > 1.5


def test_allowed_quadrants_follow_the_inputs():
    r = run("tanh", steps=300)
    for t in range(300):
        x = r.inputs[t, 0]
        q = zz.allowed_quadrants(r, t)
        assert q == tuple(sorted({zz.quadrant(x), zz.quadrant(-x)}))
        if r.updates[t].all():
            assert zz.quadrant(r.updates[t]) in q
    shares = zz.input_quadrant_shares(r)
    assert shares.sum() == pytest.approx(1.0) and all(shares[1:] > 0.15)
    assert zz.input_quadrant_shares(run("sigmoid"))[1] == 1.0


def test_quadrant_and_sign_pattern_values():
    assert [zz.quadrant(v) for v in ([1, 2], [-1, 2], [-1, -2], [1, -2], [0, 1])] == [1, 2, 3, 4, 0]
    np.testing.assert_array_equal(
        zz.sign_pattern(np.array([[1, 2], [-1, -2], [1, -2], [0, 3]])), [1, 1, -1, 0]
    )


def test_summary_helpers_by_hand():
    r = run(steps=3)
    lengths = np.linalg.norm(np.diff(r.path, axis=0), axis=1)
    assert zz.path_length(r) == pytest.approx(lengths.sum())
    assert zz.path_length(r, 2) == pytest.approx(lengths[:2].sum())
    assert zz.path_length(r, 0) == 0.0
    d = np.linalg.norm(r.path - np.array(zz.DEFAULT_W_STAR), axis=1)
    eps = (d[2] + d[1]) / 2 if d[2] < d[1] else d[0] + 1
    assert zz.steps_to_reach(r, eps) == (2 if d[2] < d[1] and d[0] >= eps else 0)
    assert zz.steps_to_reach(r, 1e-12) is None
    s = zz.summarize(r, 1e-12)
    assert s.steps_to_reach is None and s.path_length == pytest.approx(lengths.sum())
    assert s.final_distance == pytest.approx(d[-1])


def test_loss_grid_matches_quadratic_form():
    r = run("tanh", steps=100)
    w1, w2, L = zz.loss_grid(r, (-2, 2), (-3, 3), n=21)
    assert L.shape == (21, 21) and w1[0] == -2 and w2[-1] == 3
    M = np.mean([np.outer(x, x) for x in r.inputs.reshape(-1, 2)], axis=0)
    d = np.array([w1[4], w2[7]]) - np.array(zz.DEFAULT_W_STAR)
    assert L[7, 4] == pytest.approx(0.5 * d @ M @ d)
    # sigmoid inputs: the valley is long along (1, −1), the direction from w0 to w*
    evals, evecs = np.linalg.eigh(zz.input_moment(run("sigmoid")))
    assert evals[1] / evals[0] > 5
    assert abs(evecs[:, 0] @ np.array([1, -1]) / np.sqrt(2)) > 0.99


# ---------------------------------------------------------------- bounds and stability


@pytest.mark.parametrize(
    "kw",
    [
        dict(steps=0), dict(steps=zz.MAX_STEPS + 1), dict(batch_size=0),
        dict(batch_size=zz.MAX_BATCH + 1), dict(lr=0.0), dict(lr=zz.MAX_LR * 1.01),
        dict(lr=float("nan")), dict(z_scale=0.0), dict(z_scale=zz.MAX_Z_SCALE + 1),
        dict(w0=(1.0, 2.0, 3.0)), dict(w_star=(zz.MAX_WEIGHT * 2, 0.0)), dict(w0=(np.inf, 0)),
    ],
)
def test_out_of_bounds_raise(kw):
    with pytest.raises(ValueError):
        run(**kw)


def test_other_bounds_raise():
    r = run(steps=5)
    with pytest.raises(ValueError):
        zz.loss_grid(r, (-1, 1), (-1, 1), n=zz.MAX_GRID + 1)
    with pytest.raises(ValueError):
        zz.allowed_quadrants(r, 5)
    with pytest.raises(ValueError):
        zz.steps_to_reach(r, 0.0)
    with pytest.raises(ValueError):
        zz.perceptron((0, 0), 0.1, zz.MAX_EPOCHS + 1)
    with pytest.raises(ValueError):
        zz.perceptron((0, 0), 0.0, 1)
    with pytest.raises(KeyError):
        run("no_such_activation")


@pytest.mark.parametrize("act", sorted(ACTIVATIONS))
def test_every_activation_extreme_settings_no_warnings(act):
    with np.errstate(**STRICT):
        r = run(act, lr=zz.MAX_LR, steps=zz.MAX_STEPS, batch_size=zz.MAX_BATCH,
                z_scale=zz.MAX_Z_SCALE, w0=(zz.MAX_WEIGHT, -zz.MAX_WEIGHT),
                w_star=(-zz.MAX_WEIGHT, zz.MAX_WEIGHT))
        s = zz.summarize(r, 1e-3)
        zz.loss_grid(r, (-1000, 1000), (-1000, 1000), n=zz.MAX_GRID)
        zz.input_quadrant_shares(r)
        opened = [zz.open_quadrants(r, k) for k in (0, zz.MAX_STEPS - 1)]
    assert all(set(q) <= {1, 2, 3, 4} for q in opened)
    for arr in (r.path, r.deltas, r.grads, r.updates):
        assert np.all(np.isfinite(arr))
    assert np.isfinite(s.path_length)


def test_divergence_is_caught_and_frozen():
    with np.errstate(**STRICT):
        r = run("identity", lr=zz.MAX_LR, z_scale=zz.MAX_Z_SCALE, steps=500)
    assert r.diverged_at is not None and r.diverged_at < 20
    assert np.all(r.updates[r.diverged_at:] == 0)
    assert zz.summarize(r, zz.DEFAULT_EPS).diverged_at == r.diverged_at


@settings(max_examples=40, deadline=None)
@given(
    act=st.sampled_from(["sigmoid", "tanh", "relu", "softplus", "step"]),
    lr=st.floats(1e-6, zz.MAX_LR),
    seed=st.integers(0, 2**31),
    batch=st.integers(1, 8),
    w=st.lists(st.floats(-zz.MAX_WEIGHT, zz.MAX_WEIGHT), min_size=4, max_size=4),
)
def test_property_no_warnings_finite_and_positive_inputs_never_mixed(act, lr, seed, batch, w):
    with np.errstate(**STRICT):
        r = zz.simulate(act, w[:2], w[2:], lr, 100, batch_size=batch, seed=seed)
    assert np.all(np.isfinite(r.path))
    if batch == 1 and np.all(r.inputs >= 0):
        assert not np.any(zz.sign_pattern(r.updates) == zz.MIXED)


# ---------------------------------------------------------------- perceptron view


def test_perceptron_first_epoch_by_hand():
    """w0 = (0, 0), lr = 0.1, samples in the course's order; out = 1 only if w·x > 0.

    1. x=(0.1,0.2) t=1: w·x = 0      -> out 0, error +1, w = (0.01, 0.02)
    2. x=(0.3,0.1) t=0: w·x = 0.005  -> out 1, error −1, w = (0.01−0.03, 0.02−0.01) = (−0.02, 0.01)
    3. x=(0.6,0.6) t=1: w·x = −0.006 -> out 0, error +1, w = (−0.02+0.06, 0.01+0.06) = (0.04, 0.07)
    4. x=(0.4,0.3) t=0: w·x = 0.037  -> out 1, error −1, w = (0.04−0.04, 0.07−0.03) = (0.00, 0.04)
    """
    p = zz.perceptron((0.0, 0.0), 0.1, 1)
    np.testing.assert_allclose(p.net, [0.0, 0.005, -0.006, 0.037], atol=1e-12)
    np.testing.assert_array_equal(p.outputs, [0, 1, 0, 1])
    np.testing.assert_array_equal(p.errors, [1, -1, 1, -1])
    np.testing.assert_allclose(
        p.path, [[0, 0], [0.01, 0.02], [-0.02, 0.01], [0.04, 0.07], [0.0, 0.04]], atol=1e-12
    )
    np.testing.assert_allclose(
        p.updates, [[0.01, 0.02], [-0.03, -0.01], [0.06, 0.06], [-0.04, -0.03]], atol=1e-12
    )
    np.testing.assert_array_equal(p.sample, [0, 1, 2, 3])
    assert p.epochs == 1


def test_perceptron_updates_are_sign_locked_and_zigzag_into_quadrant_two():
    p = zz.perceptron((0.5, -0.5), 0.2, 100)
    moved = p.updates[np.any(p.updates != 0, axis=1)]
    assert len(moved) > 0 and np.all(zz.sign_pattern(moved) == zz.SAME)
    # it does converge: the last epoch makes no mistake, and the weights it found classify all four
    assert not p.errors[-4:].any()
    w = p.path[-1]
    assert np.array_equal((zz.PERCEPTRON_X @ w > 0).astype(float), zz.PERCEPTRON_T)
    # every weight vector that classifies all four samples has w1 < 0 < w2: up and to the left
    w1, w2, E = zz.perceptron_errors_grid((-2, 2), (-2, 2), n=101)
    g1, g2 = np.meshgrid(w1, w2)
    assert np.any(E == 0) and np.all(g1[E == 0] < 0) and np.all(g2[E == 0] > 0)
    assert w[0] < 0 < w[1]
    # with only (+,+)/(−,−) moves the route is much longer than the straight line
    assert np.linalg.norm(moved, axis=1).sum() > 3 * np.linalg.norm(w - p.path[0])


def test_perceptron_errors_grid_by_hand():
    w1, w2, E = zz.perceptron_errors_grid((-1, 1), (-1, 1), n=3)
    # w = (0, 0): every output 0 -> the two t=1 samples are wrong
    assert E[1, 1] == 2
    # w = (1, 1): every output 1 -> the two t=0 samples are wrong
    assert E[2, 2] == 2
    # w = (−1, 1): nets 0.1, −0.2, 0, −0.1 -> outputs 1,0,0,0 -> only (0.6,0.6) wrong
    assert E[2, 0] == 1


def test_perceptron_second_epoch_by_hand_including_an_exact_tie():
    """Continuing from w = (0, 0.04) with lr = 0.1:

    1. (0.1,0.2) t=1: 0.008 > 0 -> out 1, ok
    2. (0.3,0.1) t=0: 0.004 > 0 -> out 1, error −1, w = (−0.03, 0.03)
    3. (0.6,0.6) t=1: −0.018 + 0.018 = 0 -> out 0 (step(0) = 0), error +1, w = (0.03, 0.09)
    4. (0.4,0.3) t=0: 0.012 + 0.027 = 0.039 -> out 1, error −1, w = (−0.01, 0.06)
    """
    p = zz.perceptron((0.0, 0.0), 0.1, 2)
    np.testing.assert_allclose(p.net[4:], [0.008, 0.004, 0.0, 0.039], atol=1e-12)
    np.testing.assert_array_equal(p.errors[4:], [0, -1, 1, -1])
    np.testing.assert_allclose(p.path[5:], [[0, 0.04], [-0.03, 0.03], [0.03, 0.09], [-0.01, 0.06]],
                               atol=1e-12)
    assert zz.perceptron_clean_epoch(p) is None


def test_perceptron_clean_epoch():
    p = zz.perceptron((0.0, 0.0), 0.1, 10)
    c = zz.perceptron_clean_epoch(p)
    assert c is not None
    e = p.errors.reshape(10, 4)
    assert e[: c - 1].any(axis=1).all() and not e[c - 1 :].any()
    w = p.path[4 * (c - 1)]
    assert np.array_equal((zz.PERCEPTRON_X @ w > 0).astype(float), zz.PERCEPTRON_T)


# ---------------------------------------------------------------- page helpers


def test_update_classes():
    u = np.array([[1, 2], [-1, -2], [1, -2], [-1, 2], [0, 3], [0, 0]])
    np.testing.assert_array_equal(zz.update_classes(u), [zz.PP, zz.MM, zz.MIX, zz.MIX, 0, 0])


def test_step_report_by_hand():
    r = run("sigmoid", steps=10, batch_size=3, seed=4)
    rep = zz.step_report(r, 2)
    x, d = r.inputs[2], r.deltas[2]
    np.testing.assert_allclose(rep.sample_updates, -zz.DEFAULT_LR * d[:, None] * x)
    np.testing.assert_allclose(rep.sample_updates.mean(axis=0), rep.update)
    np.testing.assert_array_equal(rep.need, np.sign(r.w_star - r.path[2]))
    assert rep.inputs_same_sign.all() and not rep.inputs_mixed_sign.any()
    assert rep.allowed == (1, 3)
    # default start: w1 must fall, w2 must rise; a (+,+) step moves w1 the wrong way
    rep1 = zz.step_report(run("sigmoid"), 0)
    np.testing.assert_array_equal(rep1.need, [-1, 1])
    if rep1.update_class == zz.PP:
        np.testing.assert_array_equal(rep1.wrong, [True, False])
    else:
        assert rep1.update_class == zz.MM
        np.testing.assert_array_equal(rep1.wrong, [False, True])


def test_valley_and_speedup():
    v = zz.valley(run("sigmoid"))
    M = zz.input_moment(run("sigmoid"))
    assert v.big >= v.small > 0 and v.ratio == pytest.approx(v.big / v.small)
    np.testing.assert_allclose(M @ v.flat, v.small * v.flat, atol=1e-12)
    assert v.flat[0] > 0 and v.flat[1] < 0   # the flat direction is along (1, −1)
    assert zz.valley(run("tanh")).ratio < 2 < v.ratio
    assert zz.speedup(202, 28) == pytest.approx(202 / 28)
    assert zz.speedup(None, 3) is None and zz.speedup(5, 0) is None


def test_perceptron_summary():
    p = zz.perceptron((0.0, 0.0), 0.1, 10)
    s = zz.perceptron_summary(p)
    assert s.presentations == 40 and s.moved == s.same
    assert s.moved == int(np.count_nonzero(p.errors))
    assert s.clean_epoch == zz.perceptron_clean_epoch(p) and s.in_wedge
    assert s.length == pytest.approx(np.linalg.norm(p.updates, axis=1).sum())
    assert s.ratio == pytest.approx(s.length / np.linalg.norm(p.path[-1]))
    assert not zz.perceptron_summary(zz.perceptron((0.5, -0.5), 0.2, 1)).in_wedge


@pytest.mark.parametrize("act", ["sigmoid", "tanh", "relu", "step"])
def test_loss_rings_lie_on_level_sets(act):
    r = run(act, steps=200)
    rings = zz.loss_rings(r, (-2, 2), (-2, 2), n_rings=5, n_points=40)
    assert len(rings) == 5
    levels = []
    for ring in rings:
        assert ring.shape == (40, 2)
        L = zz.expected_loss(r, ring)
        levels.append(L.mean())
        np.testing.assert_allclose(L, L[0], rtol=1e-6)
    # evenly spaced in √(2L); the outermost ring passes through the farthest corner's level
    s = np.sqrt(2 * np.array(levels))
    np.testing.assert_allclose(np.diff(s), s[0], rtol=1e-6)
    corners = np.array([[-2, -2], [-2, 2], [2, -2], [2, 2]])
    assert s[-1] == pytest.approx(np.sqrt(2 * zz.expected_loss(r, corners)).max())
    with pytest.raises(ValueError):
        zz.loss_rings(r, (-1, 1), (-1, 1), n_rings=zz.MAX_RINGS + 1)


def test_needed_direction_and_mixed_share():
    sign, q = zz.needed_direction(run())
    np.testing.assert_array_equal(sign, [-1, 1])
    assert q == 2
    assert zz.needed_direction(run(w_star=(2.0, 1.0)))[1] == 1
    assert zz.mixed_input_share(run("sigmoid")) == 0.0
    x = run("tanh").inputs.reshape(-1, 2)
    assert zz.mixed_input_share(run("tanh")) == pytest.approx(np.mean(x[:, 0] * x[:, 1] < 0))


def test_step_report_flags_batch_updates_that_leave_the_sample_quadrants():
    r = run("sigmoid", batch_size=4, steps=300)
    flags = [zz.step_report(r, k).left_allowed for k in range(300)]
    mixed = zz.update_classes(r.updates) == zz.MIX
    np.testing.assert_array_equal(flags, mixed)   # sigmoid: samples allow only I/III
    assert any(flags)
    single = run("sigmoid", steps=300)
    assert not any(zz.step_report(single, k).left_allowed for k in range(300))


def test_open_quadrants_single_sample_and_minibatch():
    """One sample: only ±x (I and III for sigmoid). Several non-parallel samples: every quadrant,
    because mean_i δᵢ·xᵢ with free δᵢ spans the plane."""
    single = run("sigmoid", steps=50)
    for k in range(50):
        assert zz.open_quadrants(single, k) == zz.allowed_quadrants(single, k) == (1, 3)
    batch = run("sigmoid", steps=50, batch_size=4)
    for k in range(50):
        assert zz.allowed_quadrants(batch, k) == (1, 3)
        assert zz.open_quadrants(batch, k) == (1, 2, 3, 4)
    # every applied mini-batch update really lies in an open quadrant (some in II or IV)
    quads = {zz.quadrant(u) for u in batch.updates if u.all()}
    assert quads <= {1, 2, 3, 4} and quads & {2, 4}
    tan = run("tanh", steps=30)
    for k in range(30):
        x = tan.inputs[k, 0]
        assert zz.open_quadrants(tan, k) == tuple(sorted({zz.quadrant(x), zz.quadrant(-x)}))


def test_same_sign_input_share_and_similar_steps():
    sig, tan = run("sigmoid"), run("tanh")
    assert zz.same_sign_input_share(sig) == 1.0
    x = tan.inputs.reshape(-1, 2)
    assert zz.same_sign_input_share(tan) == pytest.approx(np.mean(x[:, 0] * x[:, 1] > 0))
    assert zz.same_sign_input_share(tan) + zz.mixed_input_share(tan) == pytest.approx(1.0)
    assert zz.similar_steps(202, 182) and zz.similar_steps(0, 0)
    assert not zz.similar_steps(202, 28) and not zz.similar_steps(100, 79)
    assert zz.similar_steps(100, 80)
