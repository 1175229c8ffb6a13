"""A small multilayer perceptron trained by backpropagation, written to be traced by hand.

Conventions (the course's): a sample is a row vector, a layer computes z = a·W + b and
a' = f(z), W has shape (inputs, outputs). With the loss L = ½·Σ(y − t)² one update is

    δ_out = (y − t) ⊙ f'(z_out)              output error signal
    δ_l   = (δ_{l+1} · W_{l+1}ᵀ) ⊙ f'(z_l)   pushed back one layer (with the *old* W_{l+1})
    ∂L/∂W_l = a_{l−1}ᵀ · δ_l,  ∂L/∂b_l = δ_l
    W_l ← W_l − lr·∂L/∂W_l,   b_l ← b_l − lr·∂L/∂b_l

With binary cross-entropy L = −[t·ln y + (1 − t)·ln(1 − y)] on a sigmoid output the output
signal simplifies to δ_out = y − t.

Parameters are never modified in place: every update builds new arrays, so a trace keeps both
the old and the new values. ``train`` runs per-sample updates (the course's way, samples in data
order) or full-batch gradient descent. Per-sample training of tiny networks is dominated by
Python overhead, so by default it runs through a specialised path (core.fasttrain): for a given
architecture the update is written out as straight-line scalar code (one Python float per
weight) and compiled once. Activations without a scalar template there (and users' formulas)
train on the plain numpy loop.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Iterator, Sequence

import numpy as np

from core import fasttrain
from core.activations import Activation, get
from core.fasttrain import generate as _generate  # noqa: F401  (the repo-rule test reads it here)
from core.numeric import check_range

Array = np.ndarray

MAX_HIDDEN_LAYERS = 3      # at most 3 hidden layers (4 weight matrices)
MAX_WIDTH = 8              # every layer (input, hidden, output) has at most 8 units
MAX_EPOCHS = 100_000       # epochs per training call
MAX_SAMPLES = 1_000        # rows of a training set
MAX_UPDATES = 1_000_000    # epochs × samples per training call (bounds the work)
MAX_MODELS = 8             # networks trained side by side in one call
MAX_LR = 10.0              # learning rates lie in (0, MAX_LR]
MAX_GRID = 200             # decision-map resolution per axis
LOSS_LIMIT = 1e12          # an epoch loss above this (or not finite) stops training: diverged
MAX_CHUNKS = 100           # train_chunks splits a run into at most this many parts

# The course's set-ups (BRIEF §5), used by course_xor / course_relu_231 and stated on the page.
COURSE_LR = 0.2            # learning rate of both course examples
COURSE_EPOCHS = 90_000     # per-sample epochs of the XOR example
COURSE_XOR_SIZES = (2, 2, 1)
COURSE_231_X = (1.0, 1.0)  # the input of the 2-3-1 hand calculation
COURSE_231_T = 0.0         # its target
NORMAL_SCALE = 0.1         # standard deviation of the "normal" initialiser by default

# The activations the small-network lab offers (hidden layers / output layer); each has a
# verified compiled per-sample path (tests assert it), so its training cost is the fast one.
LAB_HIDDEN = ("identity", "step", "sigmoid", "tanh", "relu", "leaky_relu", "elu", "selu",
              "gelu", "silu", "softplus", "mish")
LAB_OUTPUT = ("sigmoid", "identity", "tanh", "relu")

LOSSES = fasttrain.LOSSES   # the losses the trainers know (the fast path writes both)
INIT_METHODS = ("normal", "xavier", "he")
MODES = ("sample", "batch")


# ----------------------------------------------------------------------------- the model


def _frozen(a: Array) -> Array:
    """A float64 read-only copy of a."""
    out = np.array(a, dtype=np.float64, copy=True)
    out.setflags(write=False)
    return out


@dataclass(frozen=True, eq=False)
class MLP:
    """A fully connected network: layer l maps a_{l−1} to a_l = f_l(a_{l−1}·W_l + b_l).

    weights[l] has shape (n_l, n_{l+1}); biases is None (no biases) or biases[l] has shape
    (n_{l+1},); activations[l] is a registry id (core.activations) or an Activation object
    (a user's formula; it always trains on the plain numpy path). At most
    MAX_HIDDEN_LAYERS hidden layers and MAX_WIDTH units per layer (ValueError otherwise).
    Arrays are stored as read-only float64 copies.
    """

    weights: tuple[Array, ...]
    biases: tuple[Array, ...] | None
    activations: tuple[str, ...]

    def __post_init__(self) -> None:
        ws = tuple(_frozen(w) for w in self.weights)
        if not 1 <= len(ws) <= MAX_HIDDEN_LAYERS + 1:
            raise ValueError(f"need 1..{MAX_HIDDEN_LAYERS + 1} weight matrices, got {len(ws)}")
        for w in ws:
            if w.ndim != 2 or not (1 <= w.shape[0] <= MAX_WIDTH and 1 <= w.shape[1] <= MAX_WIDTH):
                raise ValueError(f"weight shape {w.shape}: each side must be 1..{MAX_WIDTH}")
        for w_prev, w in zip(ws, ws[1:]):
            if w_prev.shape[1] != w.shape[0]:
                raise ValueError(f"weights {w_prev.shape} and {w.shape} do not chain")
        bs = None
        if self.biases is not None:
            bs = tuple(_frozen(b).reshape(-1) for b in self.biases)
            if len(bs) != len(ws) or any(b.shape != (w.shape[1],) for b, w in zip(bs, ws)):
                raise ValueError("one bias vector of length n_out per layer expected")
        # a registry id, or an Activation object (a user's formula from core.custom.parse)
        acts = tuple(a if isinstance(a, Activation) else str(a) for a in self.activations)
        if len(acts) != len(ws):
            raise ValueError(f"{len(ws)} layers need {len(ws)} activation ids, got {len(acts)}")
        for a in acts:
            get(a)  # KeyError naming the valid ids
        object.__setattr__(self, "weights", ws)
        object.__setattr__(self, "biases", bs)
        object.__setattr__(self, "activations", acts)

    @property
    def sizes(self) -> tuple[int, ...]:
        """Units per layer, input first: (n_0, n_1, …, n_L)."""
        return (self.weights[0].shape[0],) + tuple(w.shape[1] for w in self.weights)

    def with_params(self, weights: Sequence[Array], biases: Sequence[Array] | None) -> MLP:
        """The same architecture and activations with other parameters."""
        return MLP(tuple(weights), None if biases is None else tuple(biases), self.activations)

    def with_activations(self, activations: Sequence[str]) -> MLP:
        """The same parameters with other activation ids (one per layer)."""
        return MLP(self.weights, self.biases, tuple(activations))

    def forward(self, X: Array) -> Array:
        """Network output y = a_L for each row of X (shape (n, n_L))."""
        return forward_trace(self, X)[1][-1]


def _bias(mlp: MLP, layer: int) -> Array | float:
    return 0.0 if mlp.biases is None else mlp.biases[layer]


def forward_trace(mlp: MLP, X: Array) -> tuple[list[Array], list[Array]]:
    """(zs, as) for the rows of X: z_l = a_{l−1}·W_l + b_l, a_l = f_l(z_l), as[0] = X."""
    a = _check_X(mlp, X)
    zs: list[Array] = []
    acts: list[Array] = [a]
    with np.errstate(over="ignore", invalid="ignore"):  # huge inputs give ±inf, not warnings
        for layer, (w, act_id) in enumerate(zip(mlp.weights, mlp.activations)):
            z = a @ w + _bias(mlp, layer)
            a = get(act_id).fn(z)
            zs.append(z)
            acts.append(a)
    return zs, acts


# ----------------------------------------------------------------------------- initialisation


def init_params(
    sizes: Sequence[int], method: str = "xavier", seed: int = 0, bias: bool = True,
    scale: float = NORMAL_SCALE,
) -> tuple[tuple[Array, ...], tuple[Array, ...] | None]:
    """Seeded random weights for layer sizes (n_0, …, n_L); biases start at 0 (or None).

    W_l ~ N(0, s²) with s = scale ("normal"), s = √(2/(n_in + n_out)) ("xavier", Glorot) or
    s = √(2/n_in) ("he"). Drawn with np.random.default_rng(seed), layer by layer.
    """
    sizes = [int(n) for n in sizes]
    if not 2 <= len(sizes) <= MAX_HIDDEN_LAYERS + 2 or any(not 1 <= n <= MAX_WIDTH for n in sizes):
        raise ValueError(
            f"sizes need 2..{MAX_HIDDEN_LAYERS + 2} layers of 1..{MAX_WIDTH} units, got {sizes}")
    if method not in INIT_METHODS:
        raise ValueError(f"unknown init method {method!r}; choose from {INIT_METHODS}")
    if not 0 < scale <= 10:
        raise ValueError("scale must lie in (0, 10]")
    rng = np.random.default_rng(seed)
    weights = []
    for n_in, n_out in zip(sizes, sizes[1:]):
        std = {"normal": scale, "xavier": math.sqrt(2 / (n_in + n_out)),
               "he": math.sqrt(2 / n_in)}[method]
        weights.append(rng.normal(0.0, std, size=(n_in, n_out)))
    biases = tuple(np.zeros(n) for n in sizes[1:]) if bias else None
    return tuple(weights), biases


def init_mlp(
    sizes: Sequence[int], activations: Sequence[str], method: str = "xavier", seed: int = 0,
    bias: bool = True, scale: float = NORMAL_SCALE,
) -> MLP:
    """An MLP with init_params(sizes, method, seed, bias, scale) and the given activation ids."""
    weights, biases = init_params(sizes, method, seed, bias, scale)
    return MLP(weights, biases, tuple(activations))


# ----------------------------------------------------------------------------- input checks


def _check_X(mlp: MLP, X: Array) -> Array:
    X = np.asarray(X, dtype=np.float64)
    if X.ndim == 1:
        X = X.reshape(1, -1)
    if X.ndim != 2 or X.shape[1] != mlp.sizes[0]:
        raise ValueError(f"X must have shape (n, {mlp.sizes[0]}), got {X.shape}")
    if X.shape[0] > MAX_SAMPLES * 100:
        raise ValueError(f"at most {MAX_SAMPLES * 100} rows per forward pass")
    return X


def _check_data(mlp: MLP, X: Array, T: Array) -> tuple[Array, Array]:
    X = _check_X(mlp, X)
    T = np.asarray(T, dtype=np.float64).reshape(X.shape[0], -1)
    if T.shape[1] != mlp.sizes[-1]:
        raise ValueError(f"targets need {mlp.sizes[-1]} column(s), got {T.shape[1]}")
    if not 1 <= X.shape[0] <= MAX_SAMPLES:
        raise ValueError(f"training sets hold 1..{MAX_SAMPLES} samples, got {X.shape[0]}")
    if not (np.all(np.isfinite(X)) and np.all(np.isfinite(T))):
        raise ValueError("X and T must be finite")
    return X, T


def _check_loss(mlp: MLP, loss: str) -> None:
    if loss not in LOSSES:
        raise ValueError(f"unknown loss {loss!r}; choose from {LOSSES}")
    if loss == "bce" and mlp.activations[-1] != "sigmoid":
        raise ValueError("binary cross-entropy needs a sigmoid output layer")


def _check_lr(lr: float) -> float:
    check_range("learning rate", lr, 0.0, MAX_LR, lo_open=True)
    return float(lr)


def _check_epochs(epochs: int, n: int) -> int:
    epochs = int(epochs)
    check_range("epochs", epochs, 0, MAX_EPOCHS)
    if epochs * n > MAX_UPDATES:
        raise ValueError(f"epochs × samples = {epochs * n} exceeds {MAX_UPDATES}")
    return epochs


# ----------------------------------------------------------------------------- losses


def logit_bce(z: Array, t: Array) -> Array:
    """Binary cross-entropy of a sigmoid output y = σ(z) against target t, elementwise, from
    the logit: max(z, 0) − z·t + ln(1 + e^(−|z|)) = −[t ln y + (1 − t) ln(1 − y)], without
    ever taking log 0 (the one BCE in core; the generated trainer's BCE_TEMPLATE is the same
    formula, a test compares them)."""
    return np.maximum(z, 0) - z * t + np.log1p(np.exp(-np.abs(z)))


def sample_loss(y: Array, t: Array, z_out: Array, loss: str = "mse") -> float:
    """Loss of one sample: ½·Σ(y − t)² ("mse") or Σ logit_bce(z_out, t) ("bce")."""
    if loss == "mse":
        d = y - t
        return float(0.5 * np.sum(d * d))
    return float(np.sum(logit_bce(z_out, t)))


def batch_loss(mlp: MLP, X: Array, T: Array, loss: str = "mse") -> float:
    """Mean over the rows of X of the per-sample loss (see sample_loss)."""
    X, T = _check_data(mlp, X, T)
    _check_loss(mlp, loss)
    with np.errstate(over="ignore", invalid="ignore"):
        zs, acts = forward_trace(mlp, X)
        if loss == "mse":
            d = acts[-1] - T
            per = 0.5 * np.sum(d * d, axis=1)
        else:
            per = np.sum(logit_bce(zs[-1], T), axis=1)
    return float(np.mean(per))


# ----------------------------------------------------------------------------- one traced update


@dataclass(frozen=True, eq=False)
class StepTrace:
    """Everything one per-sample update computes, layer by layer (index l = layer l + 1).

    x, t: the sample and its target; z[l], a[l + 1]: pre-activation and activation of layer l
    (a[0] = x); y = a[-1]; error = y − t; loss: the sample loss before the update;
    fprime[l] = f_l'(z[l]); back[l] = delta[l + 1]·W[l + 1]ᵀ, the signal a hidden layer receives
    (for the output layer: ∂L/∂y); delta[l] = ∂L/∂z_l (= back[l]·fprime[l] except for the BCE
    output, where it is y − t); dW[l] = a[l]ᵀ·delta[l]; db[l] = delta[l] (None without biases);
    before / after: the network before and after W ← W − lr·dW, b ← b − lr·db.
    """

    x: Array
    t: Array
    lr: float
    loss_name: str
    z: tuple[Array, ...]
    a: tuple[Array, ...]
    error: Array
    loss: float
    fprime: tuple[Array, ...]
    back: tuple[Array, ...]
    delta: tuple[Array, ...]
    dW: tuple[Array, ...]
    db: tuple[Array, ...] | None
    before: MLP
    after: MLP

    @property
    def y(self) -> Array:
        """The network output for x before the update."""
        return self.a[-1]


def _sample_update(
    weights: Sequence[Array], biases: Sequence[Array] | None, acts_fg: Sequence, x: Array,
    t: Array, lr: float, loss: str,
) -> tuple[list[Array], list[Array], list[Array], list[Array], list[Array], list[Array] | None]:
    """One per-sample backprop step on 1-D x, t: (zs, as, deltas, dWs, new Ws, new bs).

    acts_fg holds one registry Activation per layer (its .fn and .grad are used)."""
    zs: list[Array] = []
    acts: list[Array] = [x]
    slopes: list[Array] = []
    for layer, (w, act) in enumerate(zip(weights, acts_fg)):
        z = acts[-1] @ w
        if biases is not None:
            z = z + biases[layer]
        a, g = act.fn_grad(z)  # f and f' together (one pass for a user's formula)
        zs.append(z)
        acts.append(a)
        slopes.append(g)
    n_layers = len(weights)
    deltas: list[Array] = [np.empty(0)] * n_layers
    if loss == "bce":
        deltas[-1] = acts[-1] - t
    else:
        deltas[-1] = (acts[-1] - t) * slopes[-1]
    for layer in range(n_layers - 2, -1, -1):
        back = deltas[layer + 1] @ weights[layer + 1].T
        deltas[layer] = back * slopes[layer]
    dws = [np.outer(acts[layer], deltas[layer]) for layer in range(n_layers)]
    new_w = [w - lr * dw for w, dw in zip(weights, dws)]
    new_b = None if biases is None else [b - lr * d for b, d in zip(biases, deltas)]
    return zs, acts, deltas, dws, new_w, new_b


def _registry(mlp: MLP) -> list:
    """The registry Activation object of every layer."""
    return [get(a) for a in mlp.activations]


def step(mlp: MLP, x: Array, t: Array, lr: float, loss: str = "mse") -> StepTrace:
    """One per-sample gradient step on (x, t), returned as a full StepTrace (see module doc)."""
    X, T = _check_data(mlp, np.asarray(x, dtype=np.float64).reshape(1, -1), t)
    _check_loss(mlp, loss)
    lr = _check_lr(lr)
    x1, t1 = X[0], T[0]
    with np.errstate(over="ignore", invalid="ignore"):
        zs, acts, deltas, dws, new_w, new_b = _sample_update(
            mlp.weights, mlp.biases, _registry(mlp), x1, t1, lr, loss)
        value = sample_loss(acts[-1], t1, zs[-1], loss)
        fprime = [get(a).grad(z) for a, z in zip(mlp.activations, zs)]
        dy = acts[-1] - t1 if loss == "mse" else (acts[-1] - t1) / np.maximum(
            acts[-1] * (1 - acts[-1]), np.finfo(float).tiny)
        back = [deltas[l + 1] @ mlp.weights[l + 1].T for l in range(len(zs) - 1)] + [dy]
    return StepTrace(
        x=_frozen(x1), t=_frozen(t1), lr=lr, loss_name=loss,
        z=tuple(_frozen(z) for z in zs), a=tuple(_frozen(a) for a in acts),
        error=_frozen(acts[-1] - t1), loss=value, fprime=tuple(_frozen(g) for g in fprime),
        back=tuple(_frozen(b) for b in back),
        delta=tuple(_frozen(d) for d in deltas), dW=tuple(_frozen(d) for d in dws),
        db=None if new_b is None else tuple(_frozen(d) for d in deltas),
        before=mlp, after=mlp.with_params(new_w, new_b),
    )


# ----------------------------------------------------------------------------- training


@dataclass(frozen=True, eq=False)
class TrainResult:
    """The trained network, the loss per epoch and where training diverged (None if it did not).

    losses[e] is the mean sample loss seen during epoch e: in per-sample mode each sample's loss
    is taken just before its own update; in batch mode it is the loss before the epoch's update.
    """

    mlp: MLP
    losses: Array
    diverged_at: int | None
    fast: bool = False


def _train_sample_numpy(mlp: MLP, X: Array, T: Array, lr: float, epochs: int,
                        loss: str) -> TrainResult:
    """The straightforward course loop: for each epoch, for each sample in order, one update."""
    losses: list[float] = []
    diverged = None
    n = X.shape[0]
    weights, biases, acts_fg = list(mlp.weights), mlp.biases, _registry(mlp)
    with np.errstate(over="ignore", invalid="ignore"):
        for epoch in range(epochs):
            total = 0.0
            for i in range(n):
                zs, acts, _, _, weights, biases = _sample_update(
                    weights, biases, acts_fg, X[i], T[i], lr, loss)
                total += sample_loss(acts[-1], T[i], zs[-1], loss)
            total = total / n
            losses.append(total)
            if not total < LOSS_LIMIT:
                diverged = epoch
                break
    return TrainResult(mlp.with_params(weights, biases), np.array(losses), diverged, fast=False)


def _forward_slopes(mlp: MLP, X: Array) -> tuple[list[Array], list[Array], list[Array]]:
    """(zs, as, f'(zs)) for the rows of X, each layer's f and f' computed together
    (Activation.fn_grad: one pass for a user's formula)."""
    zs: list[Array] = []
    acts: list[Array] = [X]
    slopes: list[Array] = []
    for layer, (w, act_id) in enumerate(zip(mlp.weights, mlp.activations)):
        z = acts[-1] @ w + _bias(mlp, layer)
        a, g = get(act_id).fn_grad(z)
        zs.append(z)
        acts.append(a)
        slopes.append(g)
    return zs, acts, slopes


def _train_batch(mlp: MLP, X: Array, T: Array, lr: float, epochs: int, loss: str) -> TrainResult:
    """Full-batch gradient descent on the mean loss: ∂W_l = A_{l−1}ᵀ·Δ_l / n, ∂b_l = mean(Δ_l)."""
    losses: list[float] = []
    diverged = None
    n = X.shape[0]
    n_layers = len(mlp.weights)
    with np.errstate(over="ignore", invalid="ignore"):
        for epoch in range(epochs):
            zs, acts, slopes = _forward_slopes(mlp, X)
            if loss == "bce":
                per = np.sum(logit_bce(zs[-1], T), axis=1)
                delta = acts[-1] - T
            else:
                d = acts[-1] - T
                per = 0.5 * np.sum(d * d, axis=1)
                delta = d * slopes[-1]
            deltas = [delta]
            for layer in range(n_layers - 2, -1, -1):
                back = deltas[0] @ mlp.weights[layer + 1].T
                deltas.insert(0, back * slopes[layer])
            new_w = [w - lr * (acts[l].T @ deltas[l] / n) for l, w in enumerate(mlp.weights)]
            new_b = None if mlp.biases is None else [
                b - lr * (deltas[l].sum(axis=0) / n) for l, b in enumerate(mlp.biases)]
            total = float(np.mean(per))
            losses.append(total)
            if not total < LOSS_LIMIT:
                diverged = epoch
                break
            mlp = mlp.with_params(new_w, new_b)
    return TrainResult(mlp, np.array(losses), diverged, fast=False)


def train(
    mlp: MLP, X: Array, T: Array, lr: float, epochs: int, mode: str = "sample",
    loss: str = "mse", fast: bool = True,
) -> TrainResult:
    """Train for `epochs` epochs: per-sample updates in data order ("sample") or full-batch
    gradient descent on the mean loss ("batch"). Stops early once an epoch loss is not finite or
    exceeds LOSS_LIMIT (diverged_at then names that epoch). fast=False forces the plain numpy
    per-sample loop; both give the same numbers up to floating-point rounding.
    Bounds: epochs ≤ MAX_EPOCHS, epochs × samples ≤ MAX_UPDATES, 0 < lr ≤ MAX_LR.
    """
    X, T = _check_data(mlp, X, T)
    _check_loss(mlp, loss)
    lr = _check_lr(lr)
    epochs = _check_epochs(epochs, X.shape[0])
    if mode not in MODES:
        raise ValueError(f"unknown mode {mode!r}; choose from {MODES}")
    if mode == "batch":
        return _train_batch(mlp, X, T, lr, epochs, loss)
    if fast and _fast_supported(mlp.activations):
        return _train_sample_fast(mlp, X, T, lr, epochs, loss)
    return _train_sample_numpy(mlp, X, T, lr, epochs, loss)


def train_many(
    mlps: Sequence[MLP], X: Array, T: Array, lr: float, epochs: int, mode: str = "sample",
    loss: str = "mse", fast: bool = True,
) -> list[TrainResult]:
    """train() for up to MAX_MODELS networks on the same data (e.g. one per activation).

    The networks are independent, so each runs its own per-sample sequence; with fast=True each
    runs through the compiled scalar path, which is what makes comparing activations quick.
    """
    if not 1 <= len(mlps) <= MAX_MODELS:
        raise ValueError(f"train 1..{MAX_MODELS} networks at once, got {len(mlps)}")
    return [train(m, X, T, lr, epochs, mode, loss, fast) for m in mlps]


def train_chunks(
    mlps: Sequence[MLP], X: Array, T: Array, lr: float, epochs: int, mode: str = "sample",
    loss: str = "mse", chunks: int = 10,
) -> Iterator[tuple[int, list[TrainResult]]]:
    """train_many() split into `chunks` consecutive parts, for a progress display.

    Part k trains every network for ⌊epochs·(k+1)/chunks⌋ − ⌊epochs·k/chunks⌋ epochs, starting
    from where part k − 1 ended (same numbers as one call: training is a pure sequence of
    updates). After each part it yields (epochs done, results so far), where each result holds
    the losses of all epochs done; a diverged network stops and keeps its diverged_at.
    Bounds: those of train(), 1 ≤ len(mlps) ≤ MAX_MODELS, 1 ≤ chunks ≤ MAX_CHUNKS.
    """
    if not 1 <= len(mlps) <= MAX_MODELS:
        raise ValueError(f"train 1..{MAX_MODELS} networks at once, got {len(mlps)}")
    chunks = int(chunks)
    if not 1 <= chunks <= MAX_CHUNKS:
        raise ValueError(f"chunks must lie in 1..{MAX_CHUNKS}, got {chunks}")
    X, T = _check_data(mlps[0], X, T)
    epochs = _check_epochs(epochs, X.shape[0])
    states = list(mlps)
    losses: list[list[Array]] = [[] for _ in mlps]
    diverged: list[int | None] = [None] * len(mlps)
    fast = [False] * len(mlps)
    for k in range(chunks):
        start, stop = epochs * k // chunks, epochs * (k + 1) // chunks
        for i, m in enumerate(states):
            if diverged[i] is None and stop > start:
                r = train(m, X, T, lr, stop - start, mode, loss)
                states[i], fast[i] = r.mlp, r.fast
                losses[i].append(r.losses)
                if r.diverged_at is not None:
                    diverged[i] = start + r.diverged_at
        yield stop, [TrainResult(m, np.concatenate(ls) if ls else np.zeros(0), d, f)
                     for m, ls, d, f in zip(states, losses, diverged, fast)]


# ----------------------------------------------------------------------------- bounding work
# Work is counted in units of about 1 ns of CPU on the course machine (the unit of
# core.activations' and core.custom's evaluation costs too). The constants are fitted by
# bench/formula_cost.py ("network" part: process CPU time, best of 3, on the shared 2-core
# machine under load from other processes): a compiled per-sample update costs a part per
# parameter (a fit through 0); a numpy per-sample update a part per layer, a full-batch epoch
# a fixed part, a part per layer and the arithmetic on all rows; on the numpy paths every
# layer adds the evaluation of its f and f' (call and element costs of core.activations; a
# user's formula costs by its nodes, core.custom).

FAST_PARAM_COST = 68       # units per parameter of a compiled per-sample update
NUMPY_LAYER_COST = 20_600  # units per layer of a numpy per-sample update
BATCH_EPOCH_COST = 52_400  # units per full-batch epoch …
BATCH_LAYER_COST = 7_460   # … plus this per layer …
BATCH_ROW_PARAM_COST = 1.33  # … plus this per row and parameter
SMALL_ARRAY_FACTOR = 0.4   # per-element cost on a layer's ≤ 3,200 values / on 512,000 values
#                            (the largest ratio seen over two runs: 0.30, 0.39)
REQUEST_BUDGET = 2_500_000_000  # units one page request may cause in total (≈ 2.5 s of CPU)


def _layer_act_cost(act, rows: int, width: int) -> float:
    """Units of one layer's f and f' on rows × width values on a numpy path, once per update
    or epoch: call_cost() + SMALL_ARRAY_FACTOR·rows·width·element_cost() (the element costs
    are measured on large arrays; a layer's few values stay in cache)."""
    act = get(act)
    return act.call_cost() + SMALL_ARRAY_FACTOR * rows * width * act.element_cost()


def n_params(sizes: Sequence[int], bias: bool = True) -> int:
    """Weights plus (if bias) biases of a dense network: Σ n_l·n_{l+1} (+ Σ n_{l+1})."""
    return n_weights(sizes) + (int(sum(sizes[1:])) if bias else 0)


def epoch_cost(sizes: Sequence[int], activations: Sequence, n: int, mode: str = "sample",
               bias: bool = True) -> int:
    """Work units (≈ ns of CPU) of one training epoch on n samples, P = n_params(sizes, bias),
    L layers, A_l = _layer_act_cost of layer l:
    per-sample, compiled path  n·FAST_PARAM_COST·P;
    per-sample, numpy loop     n·(NUMPY_LAYER_COST·L + Σ A_l(1 row));
    full batch                 BATCH_EPOCH_COST + BATCH_LAYER_COST·L + BATCH_ROW_PARAM_COST·n·P
                               + Σ A_l(n rows)."""
    if mode not in MODES:
        raise ValueError(f"unknown mode {mode!r}; choose from {MODES}")
    n, layers, p = max(1, int(n)), len(sizes) - 1, n_params(sizes, bias)
    if mode == "batch":
        acts = sum(_layer_act_cost(a, n, w) for a, w in zip(activations, sizes[1:]))
        return int(BATCH_EPOCH_COST + BATCH_LAYER_COST * layers + BATCH_ROW_PARAM_COST * n * p
                   + acts)
    if _fast_supported(activations):
        return int(n * FAST_PARAM_COST * p)
    acts = sum(_layer_act_cost(a, 1, w) for a, w in zip(activations, sizes[1:]))
    return int(n * (NUMPY_LAYER_COST * layers + acts))


def plan_epochs(sizes: Sequence[int], activation_sets: Sequence[Sequence], n: int,
                epochs: int, mode: str = "sample", budget: int = REQUEST_BUDGET,
                bias: bool = True) -> int:
    """The largest epoch count E ≤ epochs for training one network per activation set on n
    samples with E·Σ epoch_cost(…) ≤ budget, E ≤ MAX_EPOCHS and E·n ≤ MAX_UPDATES (at least 1:
    one epoch of the largest page request costs far less than any budget used)."""
    return plan_training(sizes, activation_sets, n, epochs, mode, budget, bias).epochs


@dataclass(frozen=True)
class TrainPlan:
    """What a request may train: epochs (≤ asked), the work of that in units (≈ ns of CPU),
    reduced = epochs < asked (the page then says so: "asked, used") and within = work ≤
    budget (False when even one epoch costs more: the page should refuse, e.g. a heavy formula
    trained per sample on many points, and suggest full batch or fewer points)."""

    asked: int
    epochs: int
    work: int
    reduced: bool
    within: bool


def plan_training(sizes: Sequence[int], activation_sets: Sequence[Sequence], n: int,
                  epochs: int, mode: str = "sample", budget: int = REQUEST_BUDGET,
                  bias: bool = True, fixed: int = 0) -> TrainPlan:
    """The set-up to train under a work budget: one network per activation set (catalogue ids
    or a user's formula per layer) on n samples for at most `epochs` epochs; fewer epochs when
    the work F + E·Σ epoch_cost(…) would exceed budget (or E·n > MAX_UPDATES, E > MAX_EPOCHS),
    F = `fixed`: work the request does whatever the epochs (the timeline's snapshots,
    snapshot_cost), taken from the budget first and counted in `work`.
    Always at least one epoch; `within` says whether that still fits the budget."""
    asked, fixed = int(epochs), max(0, int(fixed))
    cost = sum(epoch_cost(sizes, acts, n, mode, bias) for acts in activation_sets)
    room = max(0, int(budget) - fixed)
    cap = min(asked, MAX_EPOCHS, MAX_UPDATES // max(1, int(n)), room // max(1, cost))
    used = max(1, cap)
    work = fixed + used * cost
    return TrainPlan(asked, used, work, used < asked, work <= int(budget))


def plan_cost(sizes: Sequence[int], activation_sets: Sequence[Sequence], n: int,
              epochs: int, mode: str = "sample", bias: bool = True) -> int:
    """Work units of training one network per activation set for `epochs` epochs."""
    return int(epochs) * sum(epoch_cost(sizes, a, n, mode, bias) for a in activation_sets)


MAX_TRACE = 16             # samples per traced epoch


def trace_epoch(mlp: MLP, X: Array, T: Array, lr: float,
                loss: str = "mse") -> tuple[StepTrace, ...]:
    """One per-sample epoch as a chain of StepTraces: trace k starts from trace k−1's `after`.
    At most MAX_TRACE samples."""
    X, T = _check_data(mlp, X, T)
    if X.shape[0] > MAX_TRACE:
        raise ValueError(f"trace at most {MAX_TRACE} samples, got {X.shape[0]}")
    traces = []
    for x, t in zip(X, T):
        traces.append(step(mlp, x, t, lr, loss))
        mlp = traces[-1].after
    return tuple(traces)


def n_weights(sizes: Sequence[int]) -> int:
    """Number of weights of a dense network with these layer sizes: Σ n_l·n_{l+1}."""
    return int(sum(a * b for a, b in zip(sizes, sizes[1:])))


def course_xor(hidden: str = "sigmoid", output: str = "sigmoid") -> MLP:
    """The course's 2-2-1 XOR network: W1 = [[0.1, 0.2], [0.3, 0.4]], b1 = [0.1, 0.2],
    W2 = [[0.5], [0.6]], b2 = [0.3] (sigmoid everywhere in the course; trained with lr 0.2)."""
    return MLP([[[0.10, 0.20], [0.30, 0.40]], [[0.50], [0.60]]], [[0.1, 0.2], [0.3]],
               (hidden, output))


def course_relu_231() -> MLP:
    """The course's hand-calculation network: 2-3-1, ReLU, no biases,
    W1 = [[0.8, 0.4, 0.3], [0.2, 0.9, 0.5]], W2 = [[0.3], [0.5], [0.9]] (x = [1, 1], t = 0)."""
    return MLP([[[0.8, 0.4, 0.3], [0.2, 0.9, 0.5]], [[0.3], [0.5], [0.9]]], None,
               ("relu", "relu"))


def course_relu_231_step() -> StepTrace:
    """The course's hand-calculated update: step(course_relu_231(), COURSE_231_X,
    [COURSE_231_T], COURSE_LR)."""
    return step(course_relu_231(), COURSE_231_X, [COURSE_231_T], COURSE_LR)


XOR_X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
XOR_T = np.array([[0.0], [1.0], [1.0], [0.0]])
XOR_X.setflags(write=False)
XOR_T.setflags(write=False)


# ----------------------------------------------------------------------------- analysis helpers


def dead_units(mlp: MLP, X: Array) -> tuple[Array, ...]:
    """Per hidden layer, a bool mask of units whose derivative f'(z) is 0 on every row of X:
    such a unit passes no gradient back and can no longer learn (e.g. a dead ReLU, z ≤ 0)."""
    zs, _ = forward_trace(mlp, X)
    masks = []
    for z, act_id in zip(zs[:-1], mlp.activations[:-1]):
        with np.errstate(over="ignore", invalid="ignore"):
            g = get(act_id).grad(z)
        masks.append(np.all(g == 0, axis=0))
    return tuple(masks)


DECISION_THRESHOLD = 0.5   # an output above this counts as class 1


def accuracy(mlp: MLP, X: Array, labels: Array,
             threshold: float = DECISION_THRESHOLD) -> float:
    """Share of rows where (first output > threshold) equals the 0/1 label."""
    with np.errstate(over="ignore", invalid="ignore"):
        y = mlp.forward(X)[:, 0]
    labels = np.asarray(labels, dtype=np.float64).reshape(-1)
    return float(np.mean((y > threshold) == (labels > 0.5)))


def epochs_to_loss(losses: Array, threshold: float) -> int | None:
    """The first epoch (counted from 1) whose loss is below threshold, or None if none is:
    min{e : losses[e − 1] < threshold}."""
    below = np.flatnonzero(np.asarray(losses, dtype=np.float64) < float(threshold))
    return int(below[0]) + 1 if below.size else None


def target_loss(loss: str = "mse", margin: float = 0.2) -> float:
    """The loss of one sample whose output misses its 0/1 target by `margin` (0 < margin < 1):
    ½·margin² for "mse", −ln(1 − margin) for "bce". A mean loss below it means the outputs are,
    on average, about that close to their targets."""
    if loss not in LOSSES:
        raise ValueError(f"unknown loss {loss!r}; choose from {LOSSES}")
    if not 0 < margin < 1:
        raise ValueError("margin must lie in (0, 1)")
    return 0.5 * margin * margin if loss == "mse" else -math.log1p(-margin)


SEPARATED_ACCURACY = 0.95  # training accuracy at which a data set counts as separated


def separates(accuracy: float) -> bool:
    """True if a training accuracy means the classes are separated: accuracy ≥
    SEPARATED_ACCURACY."""
    return float(accuracy) >= SEPARATED_ACCURACY


@dataclass(frozen=True)
class Ranking:
    """Indices into a list of compared runs: best = all runs with the highest accuracy,
    lowest = the run with the smallest final loss, fastest = the run that first reached the
    target loss (None if none did); ties go to the earlier run."""

    best: tuple[int, ...]
    lowest: int
    fastest: int | None


def rank_runs(accuracies: Sequence[float], final_losses: Sequence[float],
              reach_epochs: Sequence[int | None]) -> Ranking:
    """best = {i : acc_i = max acc}, lowest = argmin final loss (non-finite losses count as
    +∞), fastest = argmin over the runs with a reach epoch."""
    if not len(accuracies) == len(final_losses) == len(reach_epochs) >= 1:
        raise ValueError("one accuracy, final loss and reach epoch per run expected")
    top = max(accuracies)
    best = tuple(i for i, a in enumerate(accuracies) if a == top)
    finals = [f if math.isfinite(f) else math.inf for f in map(float, final_losses)]
    lowest = min(range(len(finals)), key=lambda i: finals[i])
    reached = [i for i, e in enumerate(reach_epochs) if e is not None]
    fastest = min(reached, key=lambda i: reach_epochs[i]) if reached else None
    return Ranking(best, lowest, fastest)


def output_grid(
    mlp: MLP, xlim: tuple[float, float], ylim: tuple[float, float], resolution: int = 80,
) -> tuple[Array, Array, Array]:
    """(xs, ys, Z) with Z[i, j] = first output at (xs[j], ys[i]) for a 2-input network.
    resolution ≤ MAX_GRID points per axis."""
    if mlp.sizes[0] != 2:
        raise ValueError("output_grid needs a network with 2 inputs")
    resolution = int(resolution)
    if not 2 <= resolution <= MAX_GRID:
        raise ValueError(f"resolution must lie in 2..{MAX_GRID}")
    xs = np.linspace(float(xlim[0]), float(xlim[1]), resolution)
    ys = np.linspace(float(ylim[0]), float(ylim[1]), resolution)
    gx, gy = np.meshgrid(xs, ys)
    with np.errstate(over="ignore", invalid="ignore"):
        out = mlp.forward(np.column_stack([gx.ravel(), gy.ravel()]))[:, 0]
    return xs, ys, out.reshape(resolution, resolution)


# ----------------------------------------------------------------------------- the fast path


def _fast_supported(activations: Sequence) -> bool:
    """True if every layer can train on the generated fast path (core.fasttrain)."""
    return fasttrain.supported(activations)


def _train_sample_fast(mlp: MLP, X: Array, T: Array, lr: float, epochs: int,
                       loss: str) -> TrainResult:
    """Per-sample training through the compiled scalar loop; same numbers as the numpy loop."""
    run = fasttrain.compiled(mlp.sizes, mlp.activations, mlp.biases is not None, loss)
    flat = [float(v) for w in mlp.weights for v in w.ravel()]
    if mlp.biases is not None:
        flat += [float(v) for b in mlp.biases for v in b]
    rows = [(tuple(map(float, x)), tuple(map(float, t))) for x, t in zip(X, T)]
    new, losses = run(flat, rows, lr, epochs, LOSS_LIMIT)
    weights, pos = [], 0
    for w in mlp.weights:
        weights.append(np.array(new[pos:pos + w.size]).reshape(w.shape))
        pos += w.size
    biases = None
    if mlp.biases is not None:
        biases = []
        for b in mlp.biases:
            biases.append(np.array(new[pos:pos + b.size]))
            pos += b.size
    diverged = None
    if losses and not losses[-1] < LOSS_LIMIT:
        diverged = len(losses) - 1
    return TrainResult(mlp.with_params(weights, biases), np.array(losses), diverged, fast=True)


# ----------------------------------------------------------------------------- training timeline
# The lab's timeline shows each network's decision map at a bounded set of epochs of its one
# training run: the run is split into parts (train_chunks) whose ends are those epochs, and after
# each part the map is computed from the network as it stands. Nothing is retrained.

MAX_SNAPSHOTS = MAX_CHUNKS + 1   # epoch 0 and the ends of at most MAX_CHUNKS parts


def snapshot_epochs(epochs: int, count: int) -> Array:
    """The epochs the timeline keeps, e_k = ⌊E·k/(S − 1)⌋ for k = 0 … S − 1 with
    S = min(count, E + 1): e_0 = 0 (the initial network), e_{S−1} = E, strictly increasing
    (they are the ends of train_chunks' parts with S − 1 chunks).
    Bounds: 1 ≤ E ≤ MAX_EPOCHS, 2 ≤ count ≤ MAX_SNAPSHOTS."""
    epochs, count = int(epochs), int(count)
    if not 1 <= epochs <= MAX_EPOCHS:
        raise ValueError(f"epochs must lie in 1..{MAX_EPOCHS}, got {epochs}")
    if not 2 <= count <= MAX_SNAPSHOTS:
        raise ValueError(f"count must lie in 2..{MAX_SNAPSHOTS}, got {count}")
    s = min(count, epochs + 1)
    return np.array([epochs * k // (s - 1) for k in range(s)], dtype=np.int64)


PART_COST = 25_000         # units of starting one part of a run again (per network) …
PART_ROW_COST = 1_200      # … plus this per training row (rows and parameters converted again)


def snapshot_cost(sizes: Sequence[int], activation_sets: Sequence[Sequence], n: int,
                  count: int, resolution: int, bias: bool = True) -> int:
    """Work units of count snapshots of every network. Each is one forward pass over the
    resolution² grid points and the n training points, bounded above by a full-batch epoch on
    those rows, plus restarting the run's next part: count · Σ [epoch_cost(sizes, acts,
    resolution² + n, "batch", bias) + PART_COST + PART_ROW_COST·n] (measured: a snapshot of a
    2-4-1 network on a 40² grid ≈ 0.55 of its estimate)."""
    n = max(1, int(n))
    rows = int(resolution) ** 2 + n
    return int(count) * sum(epoch_cost(sizes, acts, rows, "batch", bias) + PART_COST
                            + PART_ROW_COST * n for acts in activation_sets)


@dataclass(frozen=True, eq=False)
class Timeline:
    """Snapshots of networks during one training run: at epochs[k] (the network after that
    many epochs), maps[i, k, r, c] = network i's first output at (xs[c], ys[r]),
    accuracy[i, k] its training accuracy, dead[i, k] its hidden units that pass no gradient on
    the training points (0 when a parameter is not finite)."""

    epochs: Array
    xs: Array
    ys: Array
    maps: Array
    accuracy: Array
    dead: Array


def _snapshot(mlp: MLP, X: Array, labels: Array, xlim, ylim,
              resolution: int) -> tuple[Array, Array, Array, float, int]:
    """(xs, ys, map, accuracy, dead units) of one network as it stands."""
    xs, ys, Z = output_grid(mlp, xlim, ylim, resolution)
    finite = all(np.all(np.isfinite(w)) for w in mlp.weights) and (
        mlp.biases is None or all(np.all(np.isfinite(b)) for b in mlp.biases))
    dead = int(sum(int(m.sum()) for m in dead_units(mlp, X))) if finite else 0
    return xs, ys, Z, accuracy(mlp, X, labels), dead


def train_timeline(
    mlps: Sequence[MLP], X: Array, T: Array, lr: float, epochs: int, mode: str = "sample",
    loss: str = "mse", count: int = 31, xlim=(-1.0, 1.0), ylim=(-1.0, 1.0),
    resolution: int = 40,
) -> Iterator[tuple[int, list[TrainResult], Timeline]]:
    """train_chunks() with its parts ending at snapshot_epochs(epochs, count) (S − 1 parts),
    keeping each network's decision map (output_grid over xlim × ylim) and training accuracy
    (labels: T's first column > 0.5) at every one of those epochs. Yields (epochs done,
    results so far, Timeline of the snapshots taken so far) after each part; the results equal
    one train_many() call (training is a pure sequence of updates). The work beyond training
    is snapshot_cost(…, S, resolution).
    Bounds: those of train_chunks() and snapshot_epochs()."""
    X, T = _check_data(mlps[0], X, T)
    at = snapshot_epochs(_check_epochs(epochs, X.shape[0]), count)
    labels, k, s = T[:, 0], len(mlps), len(at)
    maps = np.full((k, s, int(resolution), int(resolution)), np.nan)
    acc, dead = np.zeros((k, s)), np.zeros((k, s), dtype=np.int64)

    def keep(j: int, models: Sequence[MLP]) -> tuple[Array, Array]:
        for i, m in enumerate(models):
            xs, ys, maps[i, j], acc[i, j], dead[i, j] = _snapshot(m, X, labels, xlim, ylim,
                                                                  resolution)
        return xs, ys

    xs, ys = keep(0, mlps)
    for j, (done, results) in enumerate(
            train_chunks(mlps, X, T, lr, int(at[-1]), mode, loss, s - 1), start=1):
        keep(j, [r.mlp for r in results])
        yield done, results, Timeline(at[:j + 1], xs, ys, maps[:, :j + 1], acc[:, :j + 1],
                                      dead[:, :j + 1])
