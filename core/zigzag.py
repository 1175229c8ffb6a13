"""Why a non-zero-centred activation makes gradient descent zig-zag.

Data model (documented here because the page and the tests rely on it)
-----------------------------------------------------------------------
One neuron with two inputs and no bias: ``ŷ = w·x``.

* The inputs come from a previous layer: ``x = act(z)`` with
  ``z ~ N(0, z_scale²)`` drawn per component from ``np.random.default_rng(seed)``.
  Every step draws ``batch_size`` fresh samples (online learning), so two runs with
  the same seed, steps and batch size see the *same* ``z`` whatever the activation:
  sigmoid and tanh are compared on identical pre-activations.
* A teacher neuron produces the targets ``y = w*·x``, hence the loss
  ``L(w) = ½·mean_i (w·xᵢ − yᵢ)²`` is zero exactly at ``w*`` (no label noise).
* One step: ``δᵢ = w·xᵢ − yᵢ``, gradient ``g = mean_i δᵢ·xᵢ``, update ``Δw = −lr·g``.
  For a single sample ``Δw = −lr·δ·x`` is parallel to ``x``: if both inputs are
  positive (sigmoid), ``Δw₁`` and ``Δw₂`` share the sign of ``−δ`` — the update
  points into quadrant I or III only.
* The loss surface drawn on the page is the run's empirical expected loss
  ``L(w) = ½·(w − w*)ᵀ M (w − w*)`` with ``M = mean over all drawn inputs of x·xᵀ``.
* If a weight exceeds ``W_LIMIT`` in magnitude (too large a learning rate), the run
  stops updating: ``diverged_at`` records the step and later updates are zero, so
  every returned number stays finite.

Perceptron view: the course's four samples with output ``step(w·x)`` (0 for
``w·x ≤ 0``, 1 otherwise) and the rule ``w ← w + lr·(t − out)·x``.

Quadrants are numbered I ``(+,+)``, II ``(−,+)``, III ``(−,−)``, IV ``(+,−)``;
0 means "on an axis" (a zero component).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from core.activations import get
from core.numeric import check_range

MAX_STEPS = 2000
MAX_BATCH = 64
MAX_GRID = 201
MAX_EPOCHS = 500
MAX_LR = 10.0
MAX_Z_SCALE = 10.0
MAX_WEIGHT = 100.0

DEFAULT_W0 = (1.0, -1.0)
DEFAULT_W_STAR = (-1.0, 1.0)
DEFAULT_LR = 0.5
DEFAULT_STEPS = 300
DEFAULT_EPS = 0.05
W_LIMIT = 1e6

SAME = 1
MIXED = -1
ZERO = 0

NET_DECIMALS = 12
PERCEPTRON_X = np.array([[0.1, 0.2], [0.3, 0.1], [0.6, 0.6], [0.4, 0.3]])
PERCEPTRON_T = np.array([1.0, 0.0, 1.0, 0.0])


def _as_weight(name: str, w: npt.ArrayLike) -> np.ndarray:
    """Return a fresh float64 copy of a 2-vector, each |wᵢ| ≤ MAX_WEIGHT."""
    arr = np.array(w, dtype=np.float64).reshape(-1)
    if arr.shape != (2,) or not np.all(np.isfinite(arr)) or np.any(np.abs(arr) > MAX_WEIGHT):
        raise ValueError(f"{name} must be two finite numbers with |wᵢ| ≤ {MAX_WEIGHT}")
    return arr


@dataclass(frozen=True)
class ZigzagRun:
    """Result of :func:`simulate`; arrays are indexed by step t = 0 … steps−1.

    path[t] is w before step t (path[0] = w0, path[steps] = final w);
    inputs/targets/deltas have a batch axis; grads[t] = mean_i δᵢ·xᵢ and
    updates[t] = −lr·grads[t] (= path[t+1] − path[t] up to rounding; signs are
    judged on this exact product, not on the rounded difference).
    """

    activation: str
    w0: np.ndarray
    w_star: np.ndarray
    lr: float
    batch_size: int
    seed: int
    z_scale: float
    path: np.ndarray      # (steps+1, 2)
    z: np.ndarray         # (steps, batch, 2) pre-activations
    inputs: np.ndarray    # (steps, batch, 2) x = act(z)
    targets: np.ndarray   # (steps, batch)  y = w*·x
    deltas: np.ndarray    # (steps, batch)  δ = w·x − y
    grads: np.ndarray     # (steps, 2)
    updates: np.ndarray   # (steps, 2)
    diverged_at: int | None

    @property
    def steps(self) -> int:
        """Number of update steps T (path has T+1 rows)."""
        return int(self.updates.shape[0])


def draw_inputs(
    input_activation: str,
    steps: int,
    batch_size: int = 1,
    seed: int = 0,
    z_scale: float = 1.0,
    act_params: dict | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Draw z ~ N(0, z_scale²) of shape (steps, batch, 2) and return (z, act(z))."""
    check_range("steps", steps, 1, MAX_STEPS)
    check_range("batch_size", batch_size, 1, MAX_BATCH)
    check_range("z_scale", z_scale, 0.0, MAX_Z_SCALE, lo_open=True)
    act = get(input_activation)
    rng = np.random.default_rng(seed)
    z = rng.standard_normal((int(steps), int(batch_size), 2)) * float(z_scale)
    x = np.asarray(act.fn(z, **(act_params or {})), dtype=np.float64)
    return z, x


def simulate(
    input_activation: str,
    w0: npt.ArrayLike,
    w_star: npt.ArrayLike,
    lr: float,
    steps: int,
    batch_size: int = 1,
    seed: int = 0,
    z_scale: float = 1.0,
    act_params: dict | None = None,
) -> ZigzagRun:
    """Run (mini-batch) SGD on L = ½·mean(w·x − w*·x)² with x = act(z).

    Each step: δᵢ = w·xᵢ − yᵢ, g = mean_i δᵢ·xᵢ, w ← w − lr·g.
    Limits: 1 ≤ steps ≤ MAX_STEPS, 1 ≤ batch_size ≤ MAX_BATCH, 0 < lr ≤ MAX_LR,
    0 < z_scale ≤ MAX_Z_SCALE, |wᵢ| ≤ MAX_WEIGHT; otherwise ValueError.
    """
    check_range("lr", lr, 0.0, MAX_LR, lo_open=True)
    w0a, wsa = _as_weight("w0", w0), _as_weight("w_star", w_star)
    z, x = draw_inputs(input_activation, steps, batch_size, seed, z_scale, act_params)
    y = x @ wsa
    n = int(steps)
    path = np.empty((n + 1, 2))
    deltas = np.zeros((n, int(batch_size)))
    grads = np.zeros((n, 2))
    path[0] = w0a
    w = w0a.copy()
    diverged_at = None
    for t in range(n):
        if diverged_at is None:
            deltas[t] = x[t] @ w - y[t]
            grads[t] = deltas[t] @ x[t] / x.shape[1]
            w = w - lr * grads[t]
            if np.any(np.abs(w) > W_LIMIT):
                diverged_at = t + 1
        path[t + 1] = w
    return ZigzagRun(
        activation=input_activation, w0=w0a, w_star=wsa, lr=float(lr),
        batch_size=int(batch_size), seed=int(seed), z_scale=float(z_scale),
        path=path, z=z, inputs=x, targets=y, deltas=deltas, grads=grads,
        updates=-float(lr) * grads, diverged_at=diverged_at,
    )


def sign_pattern(updates: np.ndarray) -> np.ndarray:
    """Per row: SAME (1) if sign(Δw₁)·sign(Δw₂) > 0, MIXED (−1) if < 0, ZERO (0) otherwise."""
    u = np.asarray(updates, dtype=np.float64).reshape(-1, 2)
    return (np.sign(u[:, 0]) * np.sign(u[:, 1])).astype(np.int64)


def quadrant(v: npt.ArrayLike) -> int:
    """Quadrant of a 2-vector: 1 (+,+), 2 (−,+), 3 (−,−), 4 (+,−); 0 if a component is 0."""
    a, b = np.sign(np.asarray(v, dtype=np.float64).reshape(2))
    return {(1, 1): 1, (-1, 1): 2, (-1, -1): 3, (1, -1): 4}.get((int(a), int(b)), 0)


def allowed_quadrants(run: ZigzagRun, step: int) -> tuple[int, ...]:
    """Quadrants a single-sample update at this step can point into.

    A one-sample update is −lr·δ·x, parallel to ±x whatever the sign of δ, so the
    candidates are quadrant(xᵢ) and quadrant(−xᵢ) for every sample i of the step.
    (A mini-batch average of samples whose δ differ in sign may leave this set.)
    """
    check_range("step", step, 0, run.steps - 1)
    quads = set()
    for xi in run.inputs[step]:
        quads.update((quadrant(xi), quadrant(-xi)))
    quads.discard(0)
    return tuple(sorted(quads))


def open_quadrants(run: ZigzagRun, step: int) -> tuple[int, ...]:
    """Quadrants the update applied at this step can point into, whatever the errors δᵢ.

    The update is −lr·mean_i δᵢ·xᵢ, a combination of the step's inputs with free coefficients
    δᵢ. One sample (or samples all parallel to one x): only ±x, i.e. allowed_quadrants.
    Two samples that are not parallel (x₁ᵃ·x₂ᵇ − x₂ᵃ·x₁ᵇ ≠ 0 for some pair) span the plane, so an
    averaged update can point into every quadrant (1, 2, 3, 4).
    """
    single = allowed_quadrants(run, step)
    x = run.inputs[step]
    cross = np.outer(x[:, 0], x[:, 1]) - np.outer(x[:, 1], x[:, 0])
    return (1, 2, 3, 4) if np.any(cross != 0) else single


def input_quadrant_shares(run: ZigzagRun) -> np.ndarray:
    """Share of all drawn inputs x lying in quadrant 0 (axis), I, II, III, IV (sums to 1)."""
    xs = run.inputs.reshape(-1, 2)
    q = np.array([quadrant(v) for v in xs])
    return np.bincount(q, minlength=5) / len(q)


def distances(run: ZigzagRun) -> np.ndarray:
    """‖w_t − w*‖ for t = 0 … steps."""
    return np.linalg.norm(run.path - run.w_star, axis=1)


def steps_to_reach(run: ZigzagRun, eps: float) -> int | None:
    """Smallest t with ‖w_t − w*‖ < eps, or None if the run never gets there."""
    check_range("eps", eps, 0.0, np.inf, lo_open=True)
    hit = np.flatnonzero(distances(run) < eps)
    return int(hit[0]) if hit.size else None


def _stop(run: ZigzagRun, upto: int | None) -> int:
    """Number of updates to count: upto clipped to [0, steps], all if None."""
    return run.steps if upto is None else int(min(max(upto, 0), run.steps))


def path_length(run: ZigzagRun, upto: int | None = None) -> float:
    """Σ_{t<upto} ‖Δw_t‖ (all steps when upto is None)."""
    return float(np.linalg.norm(run.updates[: _stop(run, upto)], axis=1).sum())


def straight_distance(run: ZigzagRun) -> float:
    """‖w0 − w*‖: the length of the direct route."""
    return float(np.linalg.norm(run.w0 - run.w_star))


def same_sign_share(run: ZigzagRun, upto: int | None = None) -> float | None:
    """#(+,+ or −,−) / #(non-zero-both updates) over the first upto steps; None if none."""
    pat = sign_pattern(run.updates[: _stop(run, upto)])
    counted = np.count_nonzero(pat)
    return None if counted == 0 else float(np.count_nonzero(pat == SAME) / counted)


def input_moment(run: ZigzagRun) -> np.ndarray:
    """M = mean over all drawn inputs of x·xᵀ (2×2)."""
    xs = run.inputs.reshape(-1, 2)
    return xs.T @ xs / len(xs)


def expected_loss(run: ZigzagRun, w: npt.ArrayLike) -> np.ndarray:
    """L(w) = ½·(w − w*)ᵀ M (w − w*) for w of shape (..., 2)."""
    d = np.asarray(w, dtype=np.float64) - run.w_star
    return 0.5 * np.einsum("...i,ij,...j->...", d, input_moment(run), d)


def loss_grid(
    run: ZigzagRun,
    w1_range: tuple[float, float],
    w2_range: tuple[float, float],
    n: int = 81,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(w1 values, w2 values, L) with L[j, i] = expected_loss((w1[i], w2[j])); 2 ≤ n ≤ MAX_GRID."""
    check_range("n", n, 2, MAX_GRID)
    for lo, hi in (w1_range, w2_range):
        check_range("grid bound", abs(lo), 0, 10 * MAX_WEIGHT)
        check_range("grid bound", abs(hi), 0, 10 * MAX_WEIGHT)
    w1 = np.linspace(w1_range[0], w1_range[1], int(n))
    w2 = np.linspace(w2_range[0], w2_range[1], int(n))
    g1, g2 = np.meshgrid(w1, w2)
    return w1, w2, expected_loss(run, np.stack([g1, g2], axis=-1))


@dataclass(frozen=True)
class RunSummary:
    """Numbers the page quotes for one run (see the functions of the same names)."""

    steps_to_reach: int | None
    path_length: float
    straight_distance: float
    detour_ratio: float | None
    same_sign_share: float | None
    final_distance: float
    diverged_at: int | None


def summarize(run: ZigzagRun, eps: float) -> RunSummary:
    """Summary up to the step that reaches eps (the whole run if it never does).

    detour_ratio = path_length / straight_distance (None when the distance is 0).
    """
    reach = steps_to_reach(run, eps)
    length = path_length(run, reach)
    straight = straight_distance(run)
    return RunSummary(
        steps_to_reach=reach,
        path_length=length,
        straight_distance=straight,
        detour_ratio=None if straight == 0 else length / straight,
        same_sign_share=same_sign_share(run, reach),
        final_distance=float(distances(run)[-1]),
        diverged_at=run.diverged_at,
    )


@dataclass(frozen=True)
class PerceptronRun:
    """Every update of :func:`perceptron`; row k is the k-th sample presented.

    path[k] is w before update k; sample[k] indexes PERCEPTRON_X.
    """

    lr: float
    path: np.ndarray      # (n+1, 2)
    sample: np.ndarray    # (n,) int
    inputs: np.ndarray    # (n, 2)
    targets: np.ndarray   # (n,)
    net: np.ndarray       # (n,) w·x
    outputs: np.ndarray   # (n,) step(w·x)
    errors: np.ndarray    # (n,) t − out
    updates: np.ndarray   # (n, 2)

    @property
    def epochs(self) -> int:
        """Number of full passes over the four samples."""
        return len(self.sample) // len(PERCEPTRON_X)


def perceptron(w0: npt.ArrayLike, lr: float, epochs: int) -> PerceptronRun:
    """Perceptron rule on the course's four samples, in order, no bias.

    out = step(w·x) (1 if w·x > 0 else 0), error = t − out, w ← w + lr·error·x.
    w·x is rounded to NET_DECIMALS places first, so a tie that is exactly 0 on paper
    (e.g. 0.6·(−0.03) + 0.6·0.03) stays 0 instead of becoming ±1e−18 by rounding.
    Limits: 1 ≤ epochs ≤ MAX_EPOCHS, 0 < lr ≤ MAX_LR.
    """
    check_range("lr", lr, 0.0, MAX_LR, lo_open=True)
    check_range("epochs", epochs, 1, MAX_EPOCHS)
    w = _as_weight("w0", w0)
    k = len(PERCEPTRON_X)
    n = int(epochs) * k
    sample = np.tile(np.arange(k), int(epochs))
    path = np.empty((n + 1, 2))
    net, outputs = np.empty(n), np.empty(n)
    path[0] = w
    for i, s in enumerate(sample):
        net[i] = np.round(PERCEPTRON_X[s] @ w, NET_DECIMALS)
        outputs[i] = 1.0 if net[i] > 0 else 0.0
        w = w + lr * (PERCEPTRON_T[s] - outputs[i]) * PERCEPTRON_X[s]
        path[i + 1] = w
    return PerceptronRun(
        lr=float(lr), path=path, sample=sample, inputs=PERCEPTRON_X[sample].copy(),
        targets=PERCEPTRON_T[sample].copy(), net=net, outputs=outputs,
        errors=PERCEPTRON_T[sample] - outputs, updates=np.diff(path, axis=0),
    )


def perceptron_errors_grid(
    w1_range: tuple[float, float], w2_range: tuple[float, float], n: int = 81
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(w1, w2, E) with E[j, i] = #samples misclassified by step((w1[i], w2[j])·x)."""
    check_range("n", n, 2, MAX_GRID)
    w1 = np.linspace(w1_range[0], w1_range[1], int(n))
    w2 = np.linspace(w2_range[0], w2_range[1], int(n))
    g1, g2 = np.meshgrid(w1, w2)
    net = g1[..., None] * PERCEPTRON_X[:, 0] + g2[..., None] * PERCEPTRON_X[:, 1]
    return w1, w2, ((net > 0).astype(float) != PERCEPTRON_T).sum(axis=-1).astype(float)


def perceptron_clean_epoch(run: PerceptronRun) -> int | None:
    """First epoch (1-based) with no misclassified sample (the rule stops moving), else None."""
    wrong = run.errors.reshape(run.epochs, len(PERCEPTRON_X)).any(axis=1)
    clean = np.flatnonzero(~wrong)
    return int(clean[0]) + 1 if clean.size else None


# ----------------------------------------------------------------------------- page helpers

PP, MM, MIX = 1, 2, 3   # update classes for drawing: (+,+), (−,−), mixed; ZERO (0) otherwise


def update_classes(updates: np.ndarray) -> np.ndarray:
    """Per row: PP (1) if Δw₁, Δw₂ > 0; MM (2) if both < 0; MIX (3) if opposite; ZERO (0) else."""
    u = np.sign(np.asarray(updates, dtype=np.float64).reshape(-1, 2))
    cls = np.zeros(len(u), dtype=np.int64)
    cls[(u[:, 0] > 0) & (u[:, 1] > 0)] = PP
    cls[(u[:, 0] < 0) & (u[:, 1] < 0)] = MM
    cls[u[:, 0] * u[:, 1] < 0] = MIX
    return cls


@dataclass(frozen=True)
class StepReport:
    """Everything about update t of a run, for the live table.

    sample_updates[i] = −lr·δᵢ·xᵢ (sample i's own step before averaging);
    update = mean of those = path[t+1] − path[t]; need = sign(w* − w_t) per weight;
    wrong[j] = the update moves weight j away from w* (non-zero and opposite to need);
    left_allowed = a mini-batch average points into a quadrant no single sample could reach.
    """

    step: int
    w: np.ndarray
    inputs: np.ndarray          # (batch, 2)
    deltas: np.ndarray          # (batch,)
    sample_updates: np.ndarray  # (batch, 2)
    update: np.ndarray          # (2,)
    update_class: int
    inputs_same_sign: np.ndarray  # (batch,) bool: x₁·x₂ > 0
    inputs_mixed_sign: np.ndarray  # (batch,) bool: x₁·x₂ < 0
    allowed: tuple[int, ...]
    need: np.ndarray            # (2,) in {−1, 0, 1}
    wrong: np.ndarray           # (2,) bool
    left_allowed: bool          # the (averaged) update points into a quadrant not in `allowed`


def step_report(run: ZigzagRun, step: int) -> StepReport:
    """The numbers of update `step` (0 ≤ step < steps): Δwᵢ = −lr·δ·xᵢ per sample and averaged."""
    allowed = allowed_quadrants(run, step)
    x, d = run.inputs[step], run.deltas[step]
    per = -run.lr * d[:, None] * x
    du = run.updates[step]
    need = np.sign(np.round(run.w_star - run.path[step], 12))
    prod = x[:, 0] * x[:, 1]
    return StepReport(
        step=int(step), w=run.path[step].copy(), inputs=x.copy(), deltas=d.copy(),
        sample_updates=per, update=du.copy(), update_class=int(update_classes(du)[0]),
        inputs_same_sign=prod > 0, inputs_mixed_sign=prod < 0, allowed=allowed, need=need,
        wrong=(du != 0) & (np.sign(du) != need),
        left_allowed=quadrant(du) != 0 and quadrant(du) not in allowed,
    )


@dataclass(frozen=True)
class Valley:
    """Shape of the loss bowl ½(w − w*)ᵀM(w − w*): eigenvalues of M (big ≥ small), their ratio
    (None if small is 0) and the unit eigenvector of the small one (the flat direction, w₁ ≥ 0)."""

    big: float
    small: float
    ratio: float | None
    flat: np.ndarray


def valley(run: ZigzagRun) -> Valley:
    """Eigen-decomposition of M = mean x·xᵀ over the run's inputs."""
    vals, vecs = np.linalg.eigh(input_moment(run))
    flat = vecs[:, 0] * (1.0 if vecs[0, 0] >= 0 else -1.0)
    small, big = max(float(vals[0]), 0.0), float(vals[1])
    return Valley(big=big, small=small, ratio=big / small if small > 0 else None, flat=flat)


def speedup(slow_steps: int | None, fast_steps: int | None) -> float | None:
    """slow_steps / fast_steps, or None when either is missing or fast_steps is 0."""
    if slow_steps is None or fast_steps is None or fast_steps == 0:
        return None
    return slow_steps / fast_steps


@dataclass(frozen=True)
class PerceptronSummary:
    """moved = presentations that changed w; same = of those, (+,+) or (−,−);
    length = Σ‖Δw‖; straight = ‖w_final − w0‖; clean_epoch per perceptron_clean_epoch;
    in_wedge = the final w classifies all four samples."""

    presentations: int
    moved: int
    same: int
    length: float
    straight: float
    ratio: float | None
    clean_epoch: int | None
    final: np.ndarray
    in_wedge: bool


def perceptron_summary(run: PerceptronRun) -> PerceptronSummary:
    """Counts and lengths of a perceptron run (see PerceptronSummary)."""
    moving = np.any(run.updates != 0, axis=1)
    cls = update_classes(run.updates[moving])
    length = float(np.linalg.norm(run.updates, axis=1).sum())
    final = run.path[-1].copy()
    straight = float(np.linalg.norm(final - run.path[0]))
    net = np.round(PERCEPTRON_X @ final, NET_DECIMALS)
    return PerceptronSummary(
        presentations=len(run.updates), moved=int(moving.sum()),
        same=int(np.count_nonzero((cls == PP) | (cls == MM))), length=length, straight=straight,
        ratio=length / straight if straight > 0 else None,
        clean_epoch=perceptron_clean_epoch(run), final=final,
        in_wedge=bool(np.array_equal((net > 0).astype(float), PERCEPTRON_T)),
    )


MAX_RINGS = 50
MAX_RING_POINTS = 400


def loss_rings(
    run: ZigzagRun,
    w1_range: tuple[float, float],
    w2_range: tuple[float, float],
    n_rings: int = 12,
    n_points: int = 73,
) -> list[np.ndarray]:
    """Contour lines of L(w) = ½(w − w*)ᵀM(w − w*) as closed (n_points, 2) polylines.

    Ring j has √(2L) = r_j with r_j evenly spaced up to the largest √(2L) at the corners of
    the window (so rings are evenly spaced, like a map's). With M = V·diag(λ)·Vᵀ a ring is
    w* + r·V·diag(1/√λ)·(cos θ, sin θ); λ is floored at 1e−9·λ_max so a flat direction gives
    long straight-ish lines instead of a division by zero.
    Limits: 1 ≤ n_rings ≤ MAX_RINGS, 8 ≤ n_points ≤ MAX_RING_POINTS.
    """
    check_range("n_rings", n_rings, 1, MAX_RINGS)
    check_range("n_points", n_points, 8, MAX_RING_POINTS)
    vals, vecs = np.linalg.eigh(input_moment(run))
    top = max(float(vals[-1]), 1e-300)
    lam = np.maximum(vals, 1e-9 * top)
    corners = np.array([[a, b] for a in w1_range for b in w2_range], dtype=np.float64)
    r_max = float(np.sqrt(2 * expected_loss(run, corners)).max())
    if r_max == 0:
        return []
    theta = np.linspace(0, 2 * np.pi, int(n_points))
    unit = np.stack([np.cos(theta), np.sin(theta)], axis=1) / np.sqrt(lam)
    shape = unit @ vecs.T
    radii = np.linspace(0, r_max, int(n_rings) + 1)[1:]
    return [run.w_star + r * shape for r in radii]


def needed_direction(run: ZigzagRun) -> tuple[np.ndarray, int]:
    """(sign(w* − w0) per weight, quadrant(w* − w0)): where the weights have to go overall."""
    d = run.w_star - run.w0
    return np.sign(d), quadrant(d)


def same_sign_input_share(run: ZigzagRun) -> float:
    """Share of drawn inputs with x₁·x₂ > 0 (quadrants I and III)."""
    q = input_quadrant_shares(run)
    return float(q[1] + q[3])


SIMILAR_STEPS = 0.2  # step counts within 20 % of each other count as "about the same"


def similar_steps(a: int, b: int, tol: float = SIMILAR_STEPS) -> bool:
    """|b − a| ≤ tol·max(a, b): two step counts that are about the same (0 and 0 are similar)."""
    return abs(int(b) - int(a)) <= tol * max(int(a), int(b))


def mixed_input_share(run: ZigzagRun) -> float:
    """Share of drawn inputs with x₁·x₂ < 0 (quadrants II and IV): the only inputs that can
    produce a mixed-sign single-sample update."""
    q = input_quadrant_shares(run)
    return float(q[2] + q[4])
