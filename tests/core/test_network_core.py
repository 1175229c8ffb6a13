"""Tests for core.network: course numbers, hand calculations, finite differences, fast path."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core import fasttrain
from core import network as net
from core.activations import get
from core.network import MLP, init_mlp, step, train, train_many

XOR_X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
XOR_T = np.array([0.0, 1.0, 1.0, 0.0])


def course_xor(acts=("sigmoid", "sigmoid")) -> MLP:
    """The course's 2-2-1 XOR network with its initial weights."""
    return MLP([[[0.10, 0.20], [0.30, 0.40]], [[0.50], [0.60]]], [[0.1, 0.2], [0.3]], acts)


def course_231() -> MLP:
    """The course's 2-3-1 ReLU network (no biases)."""
    return MLP([[[0.8, 0.4, 0.3], [0.2, 0.9, 0.5]], [[0.3], [0.5], [0.9]]], None,
               ("relu", "relu"))


def sig(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-z))


# ----------------------------------------------------------------------------- course numbers


def test_xor_after_90000_epochs_matches_course():
    result = train(course_xor(), XOR_X, XOR_T, lr=0.2, epochs=90_000)
    y = result.mlp.forward(XOR_X).ravel()
    np.testing.assert_array_equal(np.round(y, 4), [0.0081, 0.9915, 0.9915, 0.0104])
    assert result.diverged_at is None
    assert len(result.losses) == 90_000
    assert result.losses[-1] < result.losses[0]


def test_first_xor_update_by_hand():
    tr = step(course_xor(), XOR_X[0], XOR_T[0], lr=0.2)
    np.testing.assert_allclose(tr.z[0], [0.1, 0.2])
    np.testing.assert_allclose(tr.a[1], [0.52497918747894, 0.549833997312478], rtol=1e-12)
    np.testing.assert_allclose(tr.z[1], [0.8923899921269567], rtol=1e-12)
    np.testing.assert_allclose(tr.y, [0.7093831366974158], rtol=1e-12)
    np.testing.assert_allclose(tr.error, [0.7093831366974158], rtol=1e-12)
    np.testing.assert_allclose(tr.delta[1], [0.14624550672958006], rtol=1e-12)
    np.testing.assert_allclose(tr.delta[0], [0.018235062682112804, 0.021718911960128946],
                               rtol=1e-12)
    # input (0, 0): the first-layer weights cannot move, only the biases do
    np.testing.assert_array_equal(tr.dW[0], np.zeros((2, 2)))
    np.testing.assert_allclose(tr.after.weights[1][0, 0], 0.4846448305409318, rtol=1e-12)
    np.testing.assert_allclose(tr.after.biases[1], [0.27075089865408397], rtol=1e-12)
    assert tr.loss == pytest.approx(0.5 * 0.7093831366974158 ** 2, rel=1e-12)


def hand_update(W1, b1, W2, b2, x, t, lr):
    """The 2-2-1 sigmoid update written with plain floats and loops."""
    z1 = [x[0] * W1[0][j] + x[1] * W1[1][j] + b1[j] for j in range(2)]
    a1 = [sig(z) for z in z1]
    z2 = a1[0] * W2[0] + a1[1] * W2[1] + b2
    y = sig(z2)
    d2 = (y - t) * y * (1 - y)
    d1 = [d2 * W2[j] * a1[j] * (1 - a1[j]) for j in range(2)]
    W1n = [[W1[i][j] - lr * x[i] * d1[j] for j in range(2)] for i in range(2)]
    b1n = [b1[j] - lr * d1[j] for j in range(2)]
    W2n = [W2[j] - lr * a1[j] * d2 for j in range(2)]
    return dict(z1=z1, a1=a1, z2=z2, y=y, d2=d2, d1=d1, W1=W1n, b1=b1n, W2=W2n, b2=b2 - lr * d2)


def test_first_xor_epoch_by_hand():
    W1, b1, W2, b2 = [[0.1, 0.2], [0.3, 0.4]], [0.1, 0.2], [0.5, 0.6], 0.3
    mlp = course_xor()
    for x, t in zip(XOR_X, XOR_T):
        h = hand_update(W1, b1, W2, b2, x, t, 0.2)
        tr = step(mlp, x, t, lr=0.2)
        np.testing.assert_allclose(tr.z[0], h["z1"], rtol=1e-12)
        np.testing.assert_allclose(tr.a[1], h["a1"], rtol=1e-12)
        np.testing.assert_allclose(tr.y, [h["y"]], rtol=1e-12)
        np.testing.assert_allclose(tr.delta[1], [h["d2"]], rtol=1e-12)
        np.testing.assert_allclose(tr.delta[0], h["d1"], rtol=1e-12)
        np.testing.assert_allclose(tr.after.weights[0], h["W1"], rtol=1e-12)
        np.testing.assert_allclose(tr.after.weights[1].ravel(), h["W2"], rtol=1e-12)
        np.testing.assert_allclose(tr.after.biases[0], h["b1"], rtol=1e-12)
        np.testing.assert_allclose(tr.after.biases[1], [h["b2"]], rtol=1e-12)
        W1, b1, W2, b2, mlp = h["W1"], h["b1"], h["W2"], h["b2"], tr.after
    # one epoch of train() ends at the same parameters as the four chained steps
    for fast in (True, False):
        r = train(course_xor(), XOR_X, XOR_T, lr=0.2, epochs=1, fast=fast)
        np.testing.assert_allclose(r.mlp.weights[0], W1, rtol=1e-12)
        np.testing.assert_allclose(r.mlp.weights[1].ravel(), W2, rtol=1e-12)


def test_231_relu_forward_is_1_67():
    y = course_231().forward(np.array([[1.0, 1.0]]))
    np.testing.assert_allclose(y, [[1.67]], rtol=1e-12)


def test_231_relu_backprop_step_by_hand():
    tr = step(course_231(), [1.0, 1.0], [0.0], lr=0.2)
    np.testing.assert_allclose(tr.z[0], [1.0, 1.3, 0.8], rtol=1e-12)
    np.testing.assert_allclose(tr.y, [1.67], rtol=1e-12)
    assert tr.loss == pytest.approx(0.5 * 1.67 ** 2, rel=1e-12)
    np.testing.assert_allclose(tr.delta[1], [1.67], rtol=1e-12)
    np.testing.assert_allclose(tr.delta[0], [0.501, 0.835, 1.503], rtol=1e-12)
    np.testing.assert_allclose(tr.back[0], [0.501, 0.835, 1.503], rtol=1e-12)
    np.testing.assert_allclose(tr.back[1], [1.67], rtol=1e-12)
    np.testing.assert_allclose(tr.fprime[0], [1.0, 1.0, 1.0])
    np.testing.assert_allclose(tr.dW[1].ravel(), [1.67, 2.171, 1.336], rtol=1e-12)
    np.testing.assert_allclose(tr.after.weights[1].ravel(), [-0.034, 0.0658, 0.6328],
                               atol=1e-12)
    np.testing.assert_allclose(tr.after.weights[0],
                               [[0.6998, 0.233, -0.0006], [0.0998, 0.733, 0.1994]], atol=1e-12)
    assert tr.db is None and tr.after.biases is None


# ----------------------------------------------------------------------------- gradients


def numeric_grads(mlp: MLP, x, t, loss: str, h: float = 1e-6):
    """Central finite differences of the sample loss w.r.t. every weight and bias."""
    def value(m: MLP) -> float:
        zs, acts = net.forward_trace(m, np.asarray(x).reshape(1, -1))
        return net.sample_loss(acts[-1][0], np.asarray(t), zs[-1][0], loss)

    gw = []
    for l, w in enumerate(mlp.weights):
        g = np.zeros_like(w)
        for idx in np.ndindex(w.shape):
            ws_p = [v.copy() for v in mlp.weights]
            ws_m = [v.copy() for v in mlp.weights]
            ws_p[l][idx] += h
            ws_m[l][idx] -= h
            g[idx] = (value(mlp.with_params(ws_p, mlp.biases))
                      - value(mlp.with_params(ws_m, mlp.biases))) / (2 * h)
        gw.append(g)
    gb = None
    if mlp.biases is not None:
        gb = []
        for l, b in enumerate(mlp.biases):
            g = np.zeros_like(b)
            for j in range(b.size):
                bp = [v.copy() for v in mlp.biases]
                bm = [v.copy() for v in mlp.biases]
                bp[l][j] += h
                bm[l][j] -= h
                g[j] = (value(mlp.with_params(mlp.weights, bp))
                        - value(mlp.with_params(mlp.weights, bm))) / (2 * h)
            gb.append(g)
    return gw, gb


@settings(max_examples=25, deadline=None)
@given(
    seed=st.integers(0, 10_000),
    hidden=st.lists(st.integers(1, 5), min_size=1, max_size=3),
    act=st.sampled_from(["sigmoid", "tanh", "elu", "silu", "softplus", "gelu", "identity"]),
    bias=st.booleans(),
    loss=st.sampled_from(["mse", "bce"]),
)
def test_backprop_matches_finite_differences(seed, hidden, act, bias, loss):
    sizes = [2, *hidden, 1]
    out = "sigmoid" if loss == "bce" else act
    mlp = init_mlp(sizes, [act] * len(hidden) + [out], method="xavier", seed=seed, bias=bias)
    rng = np.random.default_rng(seed + 1)
    x, t = rng.normal(size=2), rng.uniform(size=1)
    tr = step(mlp, x, t, lr=0.1, loss=loss)
    gw, gb = numeric_grads(mlp, x, t, loss)
    for analytic, numeric in zip(tr.dW, gw):
        np.testing.assert_allclose(analytic, numeric, rtol=1e-5, atol=1e-8)
    if bias:
        for analytic, numeric in zip(tr.db, gb):
            np.testing.assert_allclose(analytic, numeric, rtol=1e-5, atol=1e-8)
    for w_new, w_old, dw in zip(tr.after.weights, mlp.weights, tr.dW):
        np.testing.assert_allclose(w_new, w_old - 0.1 * dw, rtol=1e-14, atol=1e-16)


def test_batch_mode_uses_mean_of_sample_gradients():
    mlp = init_mlp([2, 3, 1], ["tanh", "sigmoid"], seed=3)
    traces = [step(mlp, x, t, lr=0.5) for x, t in zip(XOR_X, XOR_T)]
    mean_dw = [np.mean([tr.dW[l] for tr in traces], axis=0) for l in range(2)]
    mean_db = [np.mean([tr.db[l] for tr in traces], axis=0) for l in range(2)]
    r = train(mlp, XOR_X, XOR_T, lr=0.5, epochs=1, mode="batch")
    for l in range(2):
        np.testing.assert_allclose(r.mlp.weights[l], mlp.weights[l] - 0.5 * mean_dw[l],
                                   rtol=1e-12)
        np.testing.assert_allclose(r.mlp.biases[l], mlp.biases[l] - 0.5 * mean_db[l],
                                   rtol=1e-12)
    assert r.losses[0] == pytest.approx(np.mean([tr.loss for tr in traces]), rel=1e-12)
    assert r.losses[0] == pytest.approx(net.batch_loss(mlp, XOR_X, XOR_T), rel=1e-12)


def test_bce_output_signal_is_y_minus_t():
    mlp = init_mlp([2, 2, 1], ["tanh", "sigmoid"], seed=1)
    tr = step(mlp, [1.0, 0.0], [1.0], lr=0.1, loss="bce")
    np.testing.assert_allclose(tr.delta[-1], tr.y - 1.0, rtol=1e-14)
    assert tr.loss == pytest.approx(-math.log(tr.y[0]), rel=1e-12)


# ----------------------------------------------------------------------------- fast path


FAST_CASES = [
    ((2, 2, 1), ("sigmoid", "sigmoid"), True, "mse"),
    ((2, 4, 1), ("relu", "sigmoid"), True, "mse"),
    ((2, 3, 3, 1), ("tanh", "leaky_relu", "sigmoid"), True, "bce"),
    ((2, 5, 4, 3, 1), ("elu", "silu", "softplus", "identity"), False, "mse"),
    ((2, 3, 2), ("gelu", "tanh"), True, "mse"),
    ((2, 3, 1), ("identity", "identity"), True, "mse"),
    ((2, 4, 3, 1), ("mish", "mish", "sigmoid"), True, "mse"),
    ((2, 3, 1), ("mish", "sigmoid"), False, "bce"),
]


@pytest.mark.parametrize("sizes,acts,bias,loss", FAST_CASES)
def test_fast_path_equals_plain_loop(sizes, acts, bias, loss):
    mlp = init_mlp(sizes, acts, method="he", seed=7, bias=bias)
    rng = np.random.default_rng(0)
    X = rng.normal(size=(12, 2))
    T = (rng.uniform(size=(12, sizes[-1])) > 0.5).astype(float)
    # lr 0.05 keeps these runs out of unstable phases, where any rounding difference (here
    # ~1e-16 from math.exp vs np.exp) is amplified exponentially by the training dynamics
    fast = train(mlp, X, T, lr=0.05, epochs=300, loss=loss)
    slow = train(mlp, X, T, lr=0.05, epochs=300, loss=loss, fast=False)
    assert fast.fast and not slow.fast
    np.testing.assert_allclose(fast.losses, slow.losses, rtol=1e-9, atol=1e-15)
    for a, b in zip(fast.mlp.weights, slow.mlp.weights):
        np.testing.assert_allclose(a, b, rtol=1e-9, atol=1e-12)
    if bias:
        for a, b in zip(fast.mlp.biases, slow.mlp.biases):
            np.testing.assert_allclose(a, b, rtol=1e-9, atol=1e-12)


def test_compare_four_activations_fast_equals_plain():
    base = course_xor()
    mlps = [base.with_activations([h, "sigmoid"]) for h in ("sigmoid", "tanh", "relu", "elu")]
    fast = train_many(mlps, XOR_X, XOR_T, lr=0.2, epochs=2_000)
    slow = [train(m, XOR_X, XOR_T, lr=0.2, epochs=2_000, fast=False) for m in mlps]
    for f, s in zip(fast, slow):
        assert f.fast
        np.testing.assert_allclose(f.mlp.forward(XOR_X), s.mlp.forward(XOR_X), rtol=1e-10)
        np.testing.assert_allclose(f.losses, s.losses, rtol=1e-10)


def test_lab_and_template_bookkeeping():
    assert all(net._fast_supported([a]) for a in fasttrain.TEMPLATES)
    assert not net._fast_supported(["arctan"])


def test_every_lab_activation_has_a_verified_fast_path():
    """Every activation the page offers trains through the compiled path, so the page's cost
    model (fast-path cost per update) holds for every request it can make."""
    for act in net.LAB_HIDDEN + net.LAB_OUTPUT:
        assert act in fasttrain.TEMPLATES, act
    for hidden in net.LAB_HIDDEN:
        for out in net.LAB_OUTPUT:
            mlp = init_mlp([2, 3, 1], [hidden, out], seed=0)
            assert train(mlp, XOR_X, XOR_T, lr=0.1, epochs=1).fast, (hidden, out)
            cost = net.epoch_cost([2, 3, 1], [hidden, out], 4)
            assert cost == int(4 * net.FAST_PARAM_COST * 13)


def test_mish_template_matches_registry_at_extremes():
    from core.activations import get
    mlp = MLP([[[1.0]], [[1.0]]], None, ("mish", "identity"))
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        for z in (-1e150, -800.0, -40.0, -1e-300, 0.0, 3e-8, 0.7, 40.0, 800.0, 1e150):
            fast = train(mlp, [[z]], [[0.0]], lr=1e-9, epochs=1)
            slow = train(mlp, [[z]], [[0.0]], lr=1e-9, epochs=1, fast=False)
            assert fast.fast and not slow.fast
            # first epoch loss = ½·mish(z)², the same from the compiled path and the registry
            want = 0.5 * float(get("mish").fn(np.array([z]))[0]) ** 2
            assert fast.losses[0] == pytest.approx(want, rel=1e-12, abs=1e-300)
            np.testing.assert_allclose(fast.mlp.weights[0], slow.mlp.weights[0], rtol=1e-12)


def test_activation_without_template_falls_back():
    mlp = init_mlp([2, 3, 1], ["arctan", "sigmoid"], seed=0)
    r = train(mlp, XOR_X, XOR_T, lr=0.2, epochs=5)
    slow = train(mlp, XOR_X, XOR_T, lr=0.2, epochs=5, fast=False)
    assert not r.fast
    np.testing.assert_array_equal(r.losses, slow.losses)


def test_chunked_training_continues_exactly():
    mlp = course_xor()
    whole = train(mlp, XOR_X, XOR_T, lr=0.2, epochs=200)
    half = train(mlp, XOR_X, XOR_T, lr=0.2, epochs=100)
    rest = train(half.mlp, XOR_X, XOR_T, lr=0.2, epochs=100)
    np.testing.assert_array_equal(np.concatenate([half.losses, rest.losses]), whole.losses)
    np.testing.assert_array_equal(rest.mlp.weights[0], whole.mlp.weights[0])


# ----------------------------------------------------------------------------- behaviour


def test_relu_output_fails_xor_but_relu_hidden_works():
    """From the course's initial weights: ReLU hidden + sigmoid output solves XOR, ReLU at the
    output too gets stuck, and a linear hidden layer cannot separate XOR at all."""
    base = course_xor()
    runs = {acts: train(base.with_activations(acts), XOR_X, XOR_T, lr=0.2, epochs=20_000)
            for acts in [("relu", "sigmoid"), ("relu", "relu"), ("identity", "sigmoid")]}
    assert net.accuracy(runs["relu", "sigmoid"].mlp, XOR_X, XOR_T) == 1.0
    assert runs["relu", "sigmoid"].losses[-1] < 1e-3
    assert net.accuracy(runs["relu", "relu"].mlp, XOR_X, XOR_T) < 1.0
    assert runs["relu", "relu"].losses[-1] > 0.05
    np.testing.assert_allclose(runs["identity", "sigmoid"].mlp.forward(XOR_X), 0.5, atol=0.01)


def test_identity_network_stays_linear():
    """Deep identity networks are one affine map: the output on a grid is a plane."""
    mlp = init_mlp([2, 6, 6, 6, 1], ["identity"] * 4, seed=5)
    xs, ys, Z = net.output_grid(mlp, (-1, 1), (-1, 1), resolution=9)
    gx, gy = np.meshgrid(xs, ys)
    A = np.column_stack([gx.ravel(), gy.ravel(), np.ones(gx.size)])
    coef, *_ = np.linalg.lstsq(A, Z.ravel(), rcond=None)
    np.testing.assert_allclose(A @ coef, Z.ravel(), atol=1e-12)


def test_dead_units_are_found():
    W1 = np.array([[1.0, -1.0], [1.0, -1.0]])
    mlp = MLP([W1, [[1.0], [1.0]]], [[0.0, -0.5], [0.0]], ["relu", "sigmoid"])
    masks = net.dead_units(mlp, XOR_X)
    np.testing.assert_array_equal(masks[0], [False, True])
    # a dead unit receives no gradient, so training never revives it
    r = train(mlp, XOR_X, XOR_T, lr=0.5, epochs=50)
    np.testing.assert_array_equal(r.mlp.weights[0][:, 1], W1[:, 1])
    assert net.dead_units(r.mlp, XOR_X)[0][1]


def test_divergence_stops_both_paths_at_same_epoch():
    mlp = init_mlp([2, 4, 1], ["identity", "identity"], method="normal", seed=0, scale=3.0)
    X = np.array([[10.0, -8.0], [9.0, 7.0], [-10.0, 10.0], [5.0, 5.0]])
    T = np.array([1.0, 0.0, 1.0, 0.0])
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        fast = train(mlp, X, T, lr=5.0, epochs=500)
        slow = train(mlp, X, T, lr=5.0, epochs=500, fast=False)
        batch = train(mlp, X, T, lr=5.0, epochs=500, mode="batch")
    assert fast.diverged_at is not None and fast.diverged_at == slow.diverged_at
    assert len(fast.losses) == fast.diverged_at + 1
    assert batch.diverged_at is not None


def test_extreme_inputs_raise_no_warnings():
    mlp = init_mlp([2, 3, 1], ["sigmoid", "sigmoid"], seed=0)
    big = np.array([[1e300, -1e300], [-1e308, 1e308]])
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        y = mlp.forward(big)
        assert np.all((y >= 0) & (y <= 1))
        step(mlp, big[0], [1.0], lr=0.1)
        step(mlp.with_activations(["sigmoid", "sigmoid"]), big[0], [1.0], lr=0.1, loss="bce")
        net.batch_loss(mlp, big, [0.0, 1.0], loss="bce")
        net.dead_units(mlp, big)
        train(mlp, big, [0.0, 1.0], lr=1.0, epochs=3)


# ----------------------------------------------------------------------------- immutability


def test_inputs_and_traces_are_not_modified():
    W1 = np.array([[0.1, 0.2], [0.3, 0.4]])
    W2 = np.array([[0.5], [0.6]])
    X, T = XOR_X.copy(), XOR_T.copy()
    mlp = MLP([W1, W2], [np.array([0.1, 0.2]), np.array([0.3])], ("sigmoid", "sigmoid"))
    W1[0, 0] = 99.0  # the model keeps its own copy
    assert mlp.weights[0][0, 0] == 0.1
    tr = step(mlp, X[1], T[1], lr=0.2)
    before = [w.copy() for w in tr.before.weights]
    train(mlp, X, T, lr=0.2, epochs=10)
    train(mlp, X, T, lr=0.2, epochs=10, mode="batch")
    np.testing.assert_array_equal(X, XOR_X)
    np.testing.assert_array_equal(T, XOR_T)
    for a, b in zip(tr.before.weights, before):
        np.testing.assert_array_equal(a, b)
    assert not tr.after.weights[0].flags.writeable
    with pytest.raises(ValueError):
        mlp.weights[0][0, 0] = 1.0


# ----------------------------------------------------------------------------- initialisation


def test_init_is_seeded_and_scaled():
    a = net.init_params([2, 8, 8, 1], "he", seed=4)
    b = net.init_params([2, 8, 8, 1], "he", seed=4)
    c = net.init_params([2, 8, 8, 1], "he", seed=5)
    for x, y in zip(a[0], b[0]):
        np.testing.assert_array_equal(x, y)
    assert not np.array_equal(a[0][1], c[0][1])
    assert all(np.all(bias == 0) for bias in a[1])
    assert net.init_params([2, 3, 1], bias=False)[1] is None
    big = net.init_params([8, 8, 8, 8, 8], "xavier", seed=0)[0]
    assert np.std(np.concatenate([w.ravel() for w in big])) == pytest.approx(0.354, rel=0.2)
    he = net.init_params([8, 8, 8, 8, 8], "he", seed=0)[0]
    assert np.std(np.concatenate([w.ravel() for w in he])) == pytest.approx(0.5, rel=0.2)
    small = net.init_params([8, 8, 8, 8, 8], "normal", seed=0, scale=0.1)[0]
    assert np.std(np.concatenate([w.ravel() for w in small])) == pytest.approx(0.1, rel=0.2)


# ----------------------------------------------------------------------------- bounds


@pytest.mark.parametrize("sizes", [[2, 3, 3, 3, 3, 1], [2, 9, 1], [9, 2, 1], [2], [2, 0, 1]])
def test_architecture_bounds(sizes):
    with pytest.raises(ValueError):
        init_mlp(sizes, ["sigmoid"] * max(len(sizes) - 1, 1))


def test_training_bounds():
    mlp = course_xor()
    with pytest.raises(ValueError):
        train(mlp, XOR_X, XOR_T, lr=0.2, epochs=net.MAX_EPOCHS + 1)
    X = np.zeros((400, 2))
    with pytest.raises(ValueError):
        train(mlp, X, np.zeros(400), lr=0.2, epochs=net.MAX_UPDATES // 400 + 1)
    with pytest.raises(ValueError):
        train(mlp, np.zeros((net.MAX_SAMPLES + 1, 2)), np.zeros(net.MAX_SAMPLES + 1), 0.2, 1)
    for lr in (0.0, -1.0, net.MAX_LR * 2, float("nan")):
        with pytest.raises(ValueError):
            train(mlp, XOR_X, XOR_T, lr=lr, epochs=1)
    with pytest.raises(ValueError):
        train(mlp, XOR_X, XOR_T, lr=0.2, epochs=1, mode="minibatch")
    with pytest.raises(ValueError):
        train(mlp, XOR_X, XOR_T, lr=0.2, epochs=1, loss="hinge")
    with pytest.raises(ValueError):
        train(mlp.with_activations(["sigmoid", "tanh"]), XOR_X, XOR_T, 0.2, 1, loss="bce")
    with pytest.raises(ValueError):
        train_many([mlp] * (net.MAX_MODELS + 1), XOR_X, XOR_T, 0.2, 1)
    with pytest.raises(ValueError):
        train(mlp, [[0.0, float("inf")]], [1.0], 0.2, 1)
    with pytest.raises(KeyError):
        mlp.with_activations(["sigmoid", "nope"])
    with pytest.raises(ValueError):
        net.output_grid(mlp, (-1, 1), (-1, 1), resolution=net.MAX_GRID + 1)


def test_trace_epoch_chains_steps_and_course_presets():
    traces = net.trace_epoch(net.course_xor(), net.XOR_X, net.XOR_T, lr=0.2)
    assert len(traces) == 4
    for prev, nxt in zip(traces, traces[1:]):
        assert nxt.before is prev.after
    r = train(net.course_xor(), net.XOR_X, net.XOR_T, lr=0.2, epochs=1)
    np.testing.assert_allclose(traces[-1].after.weights[0], r.mlp.weights[0], rtol=1e-12)
    np.testing.assert_allclose(net.course_relu_231().forward([[1.0, 1.0]]), [[1.67]])
    with pytest.raises(ValueError):
        net.trace_epoch(net.course_xor(), np.zeros((net.MAX_TRACE + 1, 2)),
                        np.zeros(net.MAX_TRACE + 1), lr=0.2)


# ----------------------------------------------------------------------------- chunks, budgets


@pytest.mark.parametrize("mode,fast_acts", [("sample", ("relu", "sigmoid")),
                                            ("sample", ("arctan", "sigmoid")),
                                            ("batch", ("tanh", "sigmoid"))])
def test_train_chunks_equals_one_call(mode, fast_acts):
    mlps = [course_xor(("sigmoid", "sigmoid")), course_xor(fast_acts)]
    parts = list(net.train_chunks(mlps, XOR_X, XOR_T, 0.2, 250, mode=mode, chunks=7))
    assert [done for done, _ in parts] == [250 * (k + 1) // 7 for k in range(7)]
    for done, results in parts:
        assert all(len(r.losses) == done for r in results)
    for m, r in zip(mlps, parts[-1][1]):
        whole = train(m, XOR_X, XOR_T, 0.2, 250, mode=mode)
        np.testing.assert_allclose(r.losses, whole.losses, rtol=1e-12)
        np.testing.assert_allclose(r.mlp.weights[0], whole.mlp.weights[0], rtol=1e-12)
        assert r.diverged_at is None and r.fast == whole.fast


def test_train_chunks_stops_a_diverged_network_and_keeps_the_epoch():
    good = init_mlp([2, 4, 1], ["tanh", "sigmoid"], seed=0)
    bad = init_mlp([2, 4, 1], ["identity", "identity"], method="normal", seed=0, scale=3.0)
    X = np.array([[10.0, -8.0], [9.0, 7.0], [-10.0, 10.0], [5.0, 5.0]])
    T = np.array([1.0, 0.0, 1.0, 0.0])
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        *_, (done, (rg, rb)) = net.train_chunks([good, bad], X, T, 5.0, 500, chunks=10)
        whole = train(bad, X, T, 5.0, 500)
    assert done == 500 and len(rg.losses) == 500 and rg.diverged_at is None
    assert rb.diverged_at == whole.diverged_at and len(rb.losses) == whole.diverged_at + 1
    with pytest.raises(ValueError):
        next(net.train_chunks([good], X, T, 0.1, 10, chunks=net.MAX_CHUNKS + 1))
    with pytest.raises(ValueError):
        next(net.train_chunks([good] * (net.MAX_MODELS + 1), X, T, 0.1, 10))


def test_epochs_to_loss_and_target_loss():
    losses = np.array([0.5, 0.3, 0.019, 0.05, 0.01])
    assert net.epochs_to_loss(losses, 0.02) == 3       # epochs count from 1
    assert net.epochs_to_loss(losses, 0.5) == 2       # strictly below
    assert net.epochs_to_loss(losses, 0.001) is None
    assert net.epochs_to_loss(np.zeros(0), 1.0) is None
    with np.errstate(all="raise"):  # a diverged history (nan, inf) is read without warnings
        assert net.epochs_to_loss([np.nan, np.inf, 0.1], 0.2) == 3
        assert net.epochs_to_loss([1e308, np.inf, np.nan], 1.0) is None
    assert net.target_loss("mse", 0.2) == pytest.approx(0.02, rel=1e-15)
    assert net.target_loss("bce", 0.2) == pytest.approx(-math.log(0.8), rel=1e-15)
    for bad in (0.0, 1.0, -0.1):
        with pytest.raises(ValueError):
            net.target_loss("mse", bad)
    with pytest.raises(ValueError):
        net.target_loss("hinge")


def test_separates_and_rank_runs():
    assert net.separates(net.SEPARATED_ACCURACY) and not net.separates(0.9)
    r = net.rank_runs([0.5, 1.0, 1.0, 0.75], [0.1, float("nan"), 0.01, 0.001], [None, 40, 12, 12])
    assert r.best == (1, 2) and r.lowest == 3 and r.fastest == 2
    assert net.rank_runs([0.5], [float("inf")], [None]) == net.Ranking((0,), 0, None)
    with pytest.raises(ValueError):
        net.rank_runs([0.5, 0.6], [0.1], [None])


def test_epoch_cost_depends_on_the_path_and_mode():
    fast = net.epoch_cost([2, 2, 1], ["sigmoid", "sigmoid"], 4)
    slow = net.epoch_cost([2, 2, 1], ["arctan", "sigmoid"], 4)
    batch = net.epoch_cost([2, 2, 1], ["arctan", "sigmoid"], 4, mode="batch")
    arctan, sig = get("arctan"), get("sigmoid")
    assert fast == int(4 * 9 * net.FAST_PARAM_COST)
    layer = [a.call_cost() + net.SMALL_ARRAY_FACTOR * rows * w * a.element_cost()
             for a, rows, w in ((arctan, 1, 2), (sig, 1, 1), (arctan, 4, 2), (sig, 4, 1))]
    assert slow == pytest.approx(4 * (2 * net.NUMPY_LAYER_COST + layer[0] + layer[1]), abs=1)
    assert slow > 10 * fast
    assert batch == pytest.approx(2 * net.BATCH_LAYER_COST + net.BATCH_EPOCH_COST
                                  + net.BATCH_ROW_PARAM_COST * 4 * 9 + layer[2] + layer[3], abs=1)
    assert net.n_params([2, 2, 1]) == 9 and net.n_params([2, 2, 1], bias=False) == 6


def test_plan_epochs_keeps_every_bound():
    course = [("identity", "sigmoid"), ("sigmoid", "sigmoid"), ("tanh", "sigmoid"),
              ("relu", "sigmoid")]
    # the course comparison fits the page's compare share of the budget unchanged
    assert net.plan_epochs((2, 2, 1), course, 4, 90_000, "sample",
                           net.REQUEST_BUDGET * 4 // 10) == 90_000
    worst = [("mish",) * 3 + ("sigmoid",)] * 5
    sizes = (2, 8, 8, 8, 1)
    for mode in ("sample", "batch"):
        for budget in (10**6, 4 * 10**8, 10**12):
            e = net.plan_epochs(sizes, worst, 400, 90_000, mode, budget)
            assert 1 <= e <= net.MAX_EPOCHS and e * 400 <= net.MAX_UPDATES
            assert net.plan_cost(sizes, worst, 400, e, mode) <= max(
                budget, net.plan_cost(sizes, worst, 400, 1, mode))
            assert net.plan_cost(sizes, worst, 400, e + 1, mode) > budget or e * 400 + 400 > \
                net.MAX_UPDATES or e == 90_000
    # a slow (numpy) network gets fewer epochs than a compiled one under the same budget
    assert net.plan_epochs((2, 2, 1), [("arctan", "sigmoid")], 4, 90_000, budget=10**9) < \
        net.plan_epochs((2, 2, 1), [("mish", "sigmoid")], 4, 90_000, budget=10**9)


def test_course_constants_match_presets():
    tr = net.course_relu_231_step()
    np.testing.assert_allclose(tr.x, net.COURSE_231_X)
    assert tr.t[0] == net.COURSE_231_T and tr.lr == net.COURSE_LR
    np.testing.assert_allclose(tr.y, [1.67], rtol=1e-12)
    assert net.course_xor().sizes == net.COURSE_XOR_SIZES


def test_output_activation_comparison_from_course_weights():
    """What the page's output comparison shows: from the course weights, ReLU → ReLU stays at
    75 % (three corners get the same output) while the three others solve XOR."""
    runs = {(h, o): train(net.course_xor(h, o), XOR_X, XOR_T, 0.2, 10_000)
            for h in ("sigmoid", "relu") for o in ("sigmoid", "relu")}
    for pair, r in runs.items():
        acc = net.accuracy(r.mlp, XOR_X, XOR_T)
        assert acc == (0.75 if pair == ("relu", "relu") else 1.0), pair
    y = runs["relu", "relu"].mlp.forward(XOR_X).ravel()
    assert y[0] == pytest.approx(y[2], abs=1e-12) and y[0] == pytest.approx(y[3], abs=1e-12)
    assert net.epochs_to_loss(runs["relu", "relu"].losses, net.target_loss()) is None


# ----------------------------------------------------------------------------- a user's formula


def test_custom_activation_trains_on_the_numpy_path_like_its_catalogue_twin():
    from core.activations import get
    from core.custom import parse

    silu = parse("x * sigmoid(x)")
    start = net.init_mlp((2, 3, 1), ("silu", "sigmoid"), seed=3)
    mine = start.with_activations((silu, "sigmoid"))
    assert mine.activations[0] is silu
    assert not net._fast_supported(mine.activations)
    ref = net.train(start, net.XOR_X, net.XOR_T, 0.5, 50)
    got = net.train(mine, net.XOR_X, net.XOR_T, 0.5, 50)
    assert ref.fast and not got.fast
    np.testing.assert_allclose(got.losses, ref.losses, rtol=1e-10)
    for a, b in zip(got.mlp.weights, ref.mlp.weights):
        np.testing.assert_allclose(a, b, rtol=1e-10)
    batch = net.train(mine, net.XOR_X, net.XOR_T, 0.5, 20, mode="batch")
    np.testing.assert_allclose(batch.losses, net.train(start, net.XOR_X, net.XOR_T, 0.5, 20,
                                                       mode="batch").losses, rtol=1e-10)
    trace = net.step(mine, [1.0, 0.0], [1.0], 0.5)
    np.testing.assert_allclose(trace.fprime[0], get("silu").grad(trace.z[0]))


def test_custom_activation_costs_more_with_a_bigger_formula():
    from core.custom import parse

    small, big = parse("x * sigmoid(x)"), parse("x * sigmoid(x) + 0.1 * sin(3 * x) * tanh(x)")
    sizes = (2, 4, 1)
    numpy_path = net.epoch_cost(sizes, ["arctan", "sigmoid"], 4)
    c_small = net.epoch_cost(sizes, [small, "sigmoid"], 4)
    c_big = net.epoch_cost(sizes, [big, "sigmoid"], 4)
    assert c_small == pytest.approx(4 * (2 * net.NUMPY_LAYER_COST + small.call_cost()
                                         + net.SMALL_ARRAY_FACTOR * 4 * small.element_cost()
                                         + get("sigmoid").call_cost()
                                         + net.SMALL_ARRAY_FACTOR * get("sigmoid").element_cost()),
                                    abs=1)
    assert numpy_path < c_small < c_big
    assert net.epoch_cost(sizes, [big, "sigmoid"], 4, "batch") > \
        net.epoch_cost(sizes, ["arctan", "sigmoid"], 4, "batch")
    e = net.plan_epochs(sizes, [(big, "sigmoid")], 4, 90_000, budget=10**9)
    assert e * c_big <= 10**9 < (e + 1) * c_big


# ----------------------------------------------------------------------------- training timeline


def _circles(n: int = 60):
    from core import datasets as ds
    d = ds.make("circles", n, 0.1, 0)
    return np.array(d.X), np.array(d.y)


def test_snapshot_epochs_are_the_chunk_ends_and_bounded():
    assert net.snapshot_epochs(1000, 5).tolist() == [0, 250, 500, 750, 1000]
    assert net.snapshot_epochs(3, 31).tolist() == [0, 1, 2, 3]      # S = min(count, E + 1)
    e = net.snapshot_epochs(net.MAX_EPOCHS, net.MAX_SNAPSHOTS)
    assert len(e) == net.MAX_SNAPSHOTS and e[0] == 0 and e[-1] == net.MAX_EPOCHS
    assert np.all(np.diff(e) > 0)
    for bad in ((0, 5), (net.MAX_EPOCHS + 1, 5), (10, 1), (10, net.MAX_SNAPSHOTS + 1)):
        with pytest.raises(ValueError):
            net.snapshot_epochs(*bad)


@pytest.mark.parametrize("mode", ["sample", "batch"])
def test_timeline_snapshots_equal_a_network_stopped_at_that_epoch(mode):
    """Every kept map, accuracy and dead-unit count is exactly that of the same network trained
    for just that many epochs (one run, nothing retrained); numpy warnings are errors."""
    import warnings
    X, y = _circles()
    start = init_mlp((2, 4, 1), ("relu", "sigmoid"), "xavier", seed=3)
    mlps = [start.with_activations(a) for a in (("relu", "sigmoid"), ("tanh", "sigmoid"))]
    box = ((-1.5, 1.5), (-1.2, 1.4))
    with warnings.catch_warnings(), np.errstate(all="raise"):
        warnings.simplefilter("error")
        steps = list(net.train_timeline(mlps, X, y, 0.3, 120, mode, "mse", 7, *box, 12))
    done, results, tl = steps[-1]
    assert [s[0] for s in steps] == tl.epochs[1:].tolist() == [20, 40, 60, 80, 100, 120]
    assert tl.maps.shape == (2, 7, 12, 12) and tl.accuracy.shape == tl.dead.shape == (2, 7)
    whole = train_many(mlps, X, y, 0.3, 120, mode)
    for k, e in enumerate(tl.epochs):
        for i, m in enumerate(mlps):
            stopped = train(m, X, y, 0.3, int(e), mode).mlp if e else m
            xs, ys, Z = net.output_grid(stopped, *box, 12)
            np.testing.assert_array_equal(tl.maps[i, k], Z)
            assert tl.accuracy[i, k] == net.accuracy(stopped, X, y)
            assert tl.dead[i, k] == sum(int(d.sum()) for d in net.dead_units(stopped, X))
    np.testing.assert_array_equal(tl.xs, xs)
    for r, w in zip(results, whole):   # the run itself is the one-call run
        np.testing.assert_array_equal(r.losses, w.losses)
        np.testing.assert_array_equal(r.mlp.weights[0], w.mlp.weights[0])


def test_timeline_of_a_diverging_network_keeps_going_without_warnings():
    X, y = _circles(40)
    m = init_mlp((2, 3, 1), ("relu", "identity"), "xavier", seed=0)
    with np.errstate(all="raise"):
        *_, (done, results, tl) = net.train_timeline([m], X, y, 9.0, 200, "sample", "mse", 11)
    assert results[0].diverged_at is not None
    assert tl.maps.shape[1] == 11 and np.isfinite(tl.accuracy).all()
    assert (tl.dead[0, tl.epochs > results[0].diverged_at + 1] >= 0).all()


def test_snapshot_cost_is_counted_in_the_plan():
    sizes, acts, n = (2, 4, 1), [("tanh", "sigmoid")] * 4, 100
    shots = net.snapshot_cost(sizes, acts, n, 32, 40)
    rows = 40 * 40 + n
    assert shots == 32 * 4 * (net.epoch_cost(sizes, acts[0], rows, "batch") + net.PART_COST
                              + net.PART_ROW_COST * n)
    budget = 10 * shots
    plain = net.plan_training(sizes, acts, n, 10 ** 5, "sample", budget)
    with_shots = net.plan_training(sizes, acts, n, 10 ** 5, "sample", budget, fixed=shots)
    assert with_shots.work <= budget and with_shots.within
    assert with_shots.epochs < plain.epochs
    assert with_shots.work == shots + with_shots.epochs * sum(
        net.epoch_cost(sizes, a, n) for a in acts)
    over = net.plan_training(sizes, acts, n, 10, "sample", shots // 2, fixed=shots)
    assert over.epochs == 1 and not over.within
