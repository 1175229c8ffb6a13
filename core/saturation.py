"""Derivatives, saturation and what happens to a gradient on its way back through many layers.

Four questions, each answered by computing it:

1. Where is an activation *saturated*, i.e. where is |f'(x)| below a threshold t?
   (``saturated_intervals``: boundaries by bisection on |f'(x)| − t; closed forms for checking:
   sigmoid |x| > 2·arccosh(1/(2√t)), tanh |x| > arccosh(1/√t).)
2. How large can f' get, and where? (``derivative_peak`` / ``max_derivative``.)
3. Backpropagation multiplies one f' per layer, so through L layers the signal is scaled by at
   most (max|f'|)^L (``depth_factor``): 0.25^L for sigmoid, 1 for ReLU.
4. What does a real, randomly initialised deep MLP do? (``simulate_deep_mlp``: per-layer
   pre-activation quantiles, saturated share, dead share, gradient norms; ``dead_share_vs_bias``.)

Helpers for the page: ``curve_samples`` (f, f' on a grid), ``probe`` (f, f' and the tangent at
one point), ``summarize_mlp`` (the numbers the page states) and ``saturated_z_bands``.

numpy and the standard library only.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Mapping, Sequence

import numpy as np

from core.activations import get
from core.numeric import bisect_many, check_int, check_range, sample
from core.properties import MaxAbsGrad, max_abs_grad

# ----------------------------------------------------------------------------- limits

MAX_DEPTH = 30  # layers in simulate_deep_mlp
MAX_WIDTH = 256  # units per layer
MAX_SAMPLES = 2000  # input samples pushed through the network
MAX_FACTOR_DEPTH = 50  # L in depth_factor
MAX_ABS_X = 1000.0  # |x_min|, |x_max| in saturated_intervals / derivative_peak
MAX_GRID = 20001  # grid points used to find sign changes
MAX_CURVE_POINTS = 5001  # points in curve_samples
MAX_THRESHOLD = 10.0  # saturation threshold t must lie in (0, MAX_THRESHOLD]
MAX_ABS_BIAS = 20.0  # |bias_shift|
MAX_SHIFTS = 61  # len(shifts) in dead_share_vs_bias
MAX_SWEEP_ACTS = 8  # len(act_ids) in dead_share_vs_bias
MAX_SWEEP_WORK = 3.0e9  # acts · shifts · depth · n_samples · width² in dead_share_vs_bias

INITS: tuple[str, ...] = ("small", "xavier", "he", "positive")
SMALL_STD = 0.01  # the "small normal" initialisation: N(0, 0.01²)
QUANTILE_LEVELS: tuple[float, ...] = (0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99)
DEFAULT_THRESHOLD = 0.01

_BISECT_TOL = 1e-10  # relative bracket width at which bisection stops (boundaries ~1e-10)


def _abs_grad(act_id: str, params: Mapping[str, float]):
    """x ↦ |f'(x)| as a float64 array function for the activation act_id."""
    act = get(act_id)

    def g(x: np.ndarray | float) -> np.ndarray:
        return np.abs(act.grad(np.asarray(x, dtype=np.float64), **params))

    return g


# ----------------------------------------------------------------------------- 1. saturation


def saturated_intervals(
    act_id: str,
    threshold: float,
    x_min: float = -10.0,
    x_max: float = 10.0,
    n_grid: int = 4001,
    **params: float,
) -> list[tuple[float, float]]:
    """Maximal intervals of [x_min, x_max] where |f'(x)| < threshold (the saturated regions).

    Method: evaluate s(x) = [|f'(x)| < t] on an even grid of n_grid points, then refine every
    change of s between neighbours by bisection to ~1e-10. Intervals touching the range's ends
    start at x_min / end at x_max. Regions narrower than the grid step may be missed.
    Limits: |x_min|, |x_max| <= 1000, x_min < x_max, 0 < t <= 10, 3 <= n_grid <= 20001.
    (One threshold of :func:`saturated_intervals_grid`.)
    """
    return saturated_intervals_grid(act_id, [threshold], x_min, x_max, n_grid, **params)[0]


MAX_THRESHOLDS = 2001  # thresholds in one saturated_intervals_grid call


def saturated_intervals_grid(
    act_id: str,
    thresholds: Sequence[float],
    x_min: float = -10.0,
    x_max: float = 10.0,
    n_grid: int = 4001,
    **params: float,
) -> list[list[tuple[float, float]]]:
    """The saturated intervals {x in [x_min, x_max] : |f'(x)| < t_j} for every threshold t_j
    at once (a slider's grid of thresholds): |f'| is evaluated on the even grid once, every
    change of s_j(x) = [|f'(x)| < t_j] between grid neighbours is located for all j together,
    and all edges are refined by one vectorised bisection (:func:`_bisect_edges`, ~1e-10).
    Entry j is what :func:`saturated_intervals` gives for t_j. Limits as there, and at most
    MAX_THRESHOLDS thresholds.
    """
    check_range("x_min", x_min, -MAX_ABS_X, MAX_ABS_X)
    check_range("x_max", x_max, -MAX_ABS_X, MAX_ABS_X)
    if not x_min < x_max:
        raise ValueError("x_min must be smaller than x_max")
    check_int("n_grid", n_grid, 3, MAX_GRID)
    t = np.asarray(thresholds, dtype=np.float64).reshape(-1)
    if not 1 <= t.size <= MAX_THRESHOLDS:
        raise ValueError(f"give 1 to {MAX_THRESHOLDS} thresholds, got {t.size}")
    if not (np.all(np.isfinite(t)) and np.all((t > 0) & (t <= MAX_THRESHOLD))):
        raise ValueError(f"threshold must lie in (0, {MAX_THRESHOLD}], got {thresholds!r}")
    g = _abs_grad(act_id, params)
    grid = np.linspace(x_min, x_max, n_grid)
    sat = g(grid)[None, :] < t[:, None]  # (thresholds, grid points)
    rows, cols = np.nonzero(sat[:, 1:] != sat[:, :-1])
    edges = _edges_between(g, grid[cols], grid[cols + 1], t[rows], sat[rows, cols])
    out: list[list[tuple[float, float]]] = []
    for j in range(t.size):
        mine = rows == j
        bounds = [float(x_min)] if sat[j, 0] else []
        bounds += [float(e) for e in edges[mine]]
        if len(bounds) % 2:
            bounds.append(float(x_max))
        out.append(list(zip(bounds[::2], bounds[1::2])))
    return out


def _edges_between(g, a: np.ndarray, b: np.ndarray, t: np.ndarray, p_a: np.ndarray,
                   rtol: float = _BISECT_TOL) -> np.ndarray:
    """Where g(x) < t_k flips in each bracket [a_k, b_k] (pred_k(a_k) = p_a[k]): the one
    bisection, core.numeric.bisect_many, on all brackets at once."""
    return bisect_many(lambda x, idx: g(x) < t[idx], a, b, p_a, rtol)


def sigmoid_saturation_edge(threshold: float) -> float:
    """Closed form (0 < t < 1/4): σ'(x) = 1/(4·cosh²(x/2)) < t ⇔ |x| > 2·arccosh(1/(2√t))."""
    if not 0 < threshold < 0.25:
        raise ValueError("the sigmoid closed form needs 0 < t < 0.25")
    return 2.0 * math.acosh(1.0 / (2.0 * math.sqrt(threshold)))


def tanh_saturation_edge(threshold: float) -> float:
    """Closed form: tanh'(x) = 1/cosh²(x) < t  ⇔  |x| > arccosh(1/√t)  (0 < t < 1)."""
    if not 0 < threshold < 1:
        raise ValueError("the tanh closed form needs 0 < t < 1")
    return math.acosh(1.0 / math.sqrt(threshold))


def saturated_fraction(
    act_id: str, threshold: float, x_min: float = -10.0, x_max: float = 10.0, **params: float
) -> float:
    """Share of [x_min, x_max] covered by saturated_intervals: Σ(b − a) / (x_max − x_min)."""
    ivs = saturated_intervals(act_id, threshold, x_min, x_max, **params)
    return float(sum(b - a for a, b in ivs) / (x_max - x_min))


# ----------------------------------------------------------------------------- 2. max |f'|


@dataclass(frozen=True)
class DerivativePeak:
    """The largest |f'(x)| on a search range and where it is reached.

    value: max |f'|; x_at: the point of the maximum closest to 0; [x_lo, x_hi]: the set of
    maximisers (x_lo == x_hi for a single peak, an interval for a plateau such as ReLU's x > 0);
    at_edge: the maximum sits on the edge of the search range (f' still growing there, e.g.
    softplus' → 1 only as x → ∞).
    """

    value: float
    x_at: float
    x_lo: float
    x_hi: float
    at_edge: bool


def _peak(m: MaxAbsGrad) -> DerivativePeak:
    """A DerivativePeak read off core.properties' measurement."""
    if m.kind == "interval":
        x_lo, x_hi = min(m.at, key=lambda r: max(r[0] - m.x_near, m.x_near - r[1], 0.0))
        return DerivativePeak(m.value, m.x_near, x_lo, x_hi, False)
    return DerivativePeak(m.value, m.x_near, m.x_near, m.x_near, m.kind in ("limit", "edge"))


def derivative_peak(
    act_id: str, x_min: float | None = None, x_max: float | None = None, n_grid: int = 8001,
    **params: float
) -> DerivativePeak:
    """sup |f'(x)| and where, from core.properties.max_abs_grad (the one measurement, so the
    explorer and this page state the same number).

    Without a range: over the whole line (a plateau may run to ±inf; a supremum reached only
    as x → ±∞, such as softplus' → 1, has at_edge and x_at = ±1e6, the probe it was read at).
    With x_min, x_max: over n_grid even points of [x_min, x_max] (at_edge when the largest
    value sits on an end). Limits: |x_min|, |x_max| <= 1000, x_min < x_max,
    3 <= n_grid <= 20001.
    """
    if x_min is None and x_max is None:
        return _peak(max_abs_grad(act_id, **params))
    x_min = -MAX_ABS_X if x_min is None else x_min
    x_max = MAX_ABS_X if x_max is None else x_max
    check_range("x_min", x_min, -MAX_ABS_X, MAX_ABS_X)
    check_range("x_max", x_max, -MAX_ABS_X, MAX_ABS_X)
    if not x_min < x_max:
        raise ValueError("x_min must be smaller than x_max")
    check_int("n_grid", n_grid, 3, MAX_GRID)
    return _peak(max_abs_grad(act_id, np.linspace(x_min, x_max, n_grid), **params))


def max_derivative(act_id: str, **params: float) -> tuple[float, float]:
    """(sup |f'(x)|, x where it is reached, closest to 0) over the whole line
    (derivative_peak without a range)."""
    peak = derivative_peak(act_id, **params)
    return peak.value, peak.x_at


def depth_factor(act_id: str, depth: int, **params: float) -> np.ndarray:
    """Best-case gradient scale through L layers: (max|f'|)^L for L = 0..depth (depth <= 50).

    Backpropagation multiplies one f'(z) per layer, so no signal can grow by more than this
    (weights aside): sigmoid 0.25^L, tanh and ReLU 1^L.
    """
    check_int("depth", depth, 0, MAX_FACTOR_DEPTH)
    m, _ = max_derivative(act_id, **params)
    return np.power(float(m), np.arange(depth + 1, dtype=np.float64))


def curve_samples(
    act_id: str, x_min: float, x_max: float, n: int = 401, **params: float
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(x, f(x), f'(x)) on n evenly spaced points of [x_min, x_max] (n <= 5001, |x| <= 1000)."""
    check_range("x_min", x_min, -MAX_ABS_X, MAX_ABS_X)
    check_range("x_max", x_max, -MAX_ABS_X, MAX_ABS_X)
    if not x_min < x_max:
        raise ValueError("x_min must be smaller than x_max")
    check_int("n", n, 2, MAX_CURVE_POINTS)
    return sample(get(act_id), x_min, x_max, n, **params)


@dataclass(frozen=True)
class Probe:
    """f and f' at one point x0 and the tangent line y = f(x0) + f'(x0)·(x − x0) drawn on
    [x0 − half_width, x0 + half_width] (tangent_x, tangent_y: its two end points)."""

    x: float
    f: float
    grad: float
    tangent_x: np.ndarray
    tangent_y: np.ndarray


@dataclass(frozen=True)
class Probes:
    """:class:`Probe` at many points x0_j at once (a slider's grid): x, f, grad of shape (m,),
    tangent_x, tangent_y of shape (m, 2); ``at(j)`` is the Probe at x0_j."""

    x: np.ndarray
    f: np.ndarray
    grad: np.ndarray
    tangent_x: np.ndarray
    tangent_y: np.ndarray

    def at(self, j: int) -> Probe:
        """The probe at the j-th point."""
        return Probe(float(self.x[j]), float(self.f[j]), float(self.grad[j]),
                     self.tangent_x[j].copy(), self.tangent_y[j].copy())


MAX_PROBES = 20001  # points in one probes call


def probes(act_id: str, x0: Sequence[float], half_width: float = 1.0,
           **params: float) -> Probes:
    """f(x0_j), f'(x0_j) and the tangent y = f(x0_j) + f'(x0_j)·(x − x0_j) on
    [x0_j − half_width, x0_j + half_width] for every x0_j (one evaluation of f and f' over all
    points; |x0_j| <= 1000, at most MAX_PROBES points)."""
    x = np.asarray(x0, dtype=np.float64).reshape(-1)
    if not 1 <= x.size <= MAX_PROBES:
        raise ValueError(f"give 1 to {MAX_PROBES} points, got {x.size}")
    if not (np.all(np.isfinite(x)) and np.all(np.abs(x) <= MAX_ABS_X)):
        raise ValueError(f"x0 must lie in [-{MAX_ABS_X}, {MAX_ABS_X}]")
    check_range("half_width", half_width, 0.0, 2 * MAX_ABS_X)
    f, g = get(act_id).fn_grad(x, **params)
    f, g = np.asarray(f, dtype=np.float64), np.asarray(g, dtype=np.float64)
    tx = np.stack([x - half_width, x + half_width], axis=1)
    return Probes(x, f, g, tx, f[:, None] + g[:, None] * (tx - x[:, None]))


def probe(act_id: str, x0: float, half_width: float = 1.0, **params: float) -> Probe:
    """f(x0), f'(x0) and the tangent line at x0: y = f(x0) + f'(x0)·(x − x0) (|x0| <= 1000);
    one point of :func:`probes`."""
    check_range("x0", x0, -MAX_ABS_X, MAX_ABS_X)
    return probes(act_id, [x0], half_width, **params).at(0)


# ----------------------------------------------------------------------------- 3. deep MLP


@dataclass(frozen=True)
class DeepMLPResult:
    """Per-layer statistics of a simulated deep MLP (arrays have one entry per layer 1..depth).

    preact_quantiles[l, k]: quantile QUANTILE_LEVELS[k] of the summed inputs z of layer l+1
    over all samples and units; saturated_share: share of (sample, unit) pairs with
    |f'(z)| < threshold; dead_share: share of units whose f'(z) = 0 for every sample (a dead
    ReLU outputs 0 and passes no gradient for any input); grad_norm_w: ‖∂L/∂W_l‖_F;
    grad_norm_z: ‖∂L/∂z_l‖_F (the error signal arriving at layer l).
    """

    act_id: str
    depth: int
    width: int
    n_samples: int
    init: str
    seed: int
    bias_shift: float
    threshold: float
    quantile_levels: np.ndarray
    preact_quantiles: np.ndarray
    preact_mean: np.ndarray
    preact_std: np.ndarray
    saturated_share: np.ndarray
    dead_share: np.ndarray
    grad_norm_w: np.ndarray
    grad_norm_z: np.ndarray


def init_std(init: str, fan_in: int) -> float:
    """Weight scale: small 0.01, Xavier/Glorot √(1/fan_in) (= √(2/(fan_in+fan_out)) for square
    layers), He √(2/fan_in), positive √(1/fan_in) (|N(0, 1/fan_in)|: all weights > 0)."""
    if init == "small":
        return SMALL_STD
    if init in ("xavier", "positive"):
        return math.sqrt(1.0 / fan_in)
    if init == "he":
        return math.sqrt(2.0 / fan_in)
    raise ValueError(f"init must be one of {INITS}, got {init!r}")


def _weights(rng: np.random.Generator, init: str, width: int) -> np.ndarray:
    """One width×width weight matrix W ~ N(0, s²) (or |N(0, s²)| for 'positive')."""
    w = rng.standard_normal((width, width)) * init_std(init, width)
    return np.abs(w) if init == "positive" else w


def _safe_norm(a: np.ndarray) -> float:
    """Frobenius norm m·√(Σ(a/m)²), m = max|a|: cannot overflow in the squares."""
    m = float(np.max(np.abs(a))) if a.size else 0.0
    if m == 0.0 or not math.isfinite(m):
        return m
    s = a / m
    return m * math.sqrt(float(np.sum(s * s)))


def _validate_sim(depth: int, width: int, n_samples: int, init: str, seed: int,
                  bias_shift: float, threshold: float) -> None:
    """Raise ValueError for any argument of simulate_deep_mlp outside its documented limits."""
    check_int("depth", depth, 1, MAX_DEPTH)
    check_int("width", width, 1, MAX_WIDTH)
    check_int("n_samples", n_samples, 1, MAX_SAMPLES)
    check_int("seed", seed, 0, 2**32 - 1)
    if init not in INITS:
        raise ValueError(f"init must be one of {INITS}, got {init!r}")
    check_range("bias_shift", bias_shift, -MAX_ABS_BIAS, MAX_ABS_BIAS)
    if not (math.isfinite(threshold) and 0 < threshold <= MAX_THRESHOLD):
        raise ValueError(f"threshold must lie in (0, {MAX_THRESHOLD}], got {threshold!r}")


def simulate_deep_mlp(
    act_id: str,
    depth: int,
    width: int,
    n_samples: int,
    init: str,
    seed: int,
    bias_shift: float = 0.0,
    threshold: float = DEFAULT_THRESHOLD,
    params: Mapping[str, float] | None = None,
) -> DeepMLPResult:
    """Push random inputs through a deep MLP and backpropagate a fixed error.

    Forward, for l = 1..depth:  z_l = h_{l−1}·W_l + b,  h_l = f(z_l),  h_0 = X ~ N(0, 1)
    (n_samples × width), W_l as in init_std, every bias b = bias_shift.
    Backward from a fixed error E ~ N(0, 1)/n_samples at the output (∂L/∂h_depth = E):
    ∂L/∂z_l = ∂L/∂h_l ⊙ f'(z_l),  ∂L/∂W_l = h_{l−1}ᵀ·∂L/∂z_l,
    ∂L/∂h_{l−1} = ∂L/∂z_l·W_lᵀ.
    One generator default_rng(seed) draws X, then W_1..W_depth, then E, so the same seed gives
    the same network for every activation. Limits: depth <= 30, width <= 256,
    n_samples <= 2000, |bias_shift| <= 20, 0 < threshold <= 10.
    """
    _validate_sim(depth, width, n_samples, init, seed, bias_shift, threshold)
    act = get(act_id)
    p = dict(params or {})
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((n_samples, width))
    weights = [_weights(rng, init, width) for _ in range(depth)]
    err = rng.standard_normal((n_samples, width)) / n_samples

    levels = np.array(QUANTILE_LEVELS)
    quant = np.empty((depth, levels.size))
    mean, std = np.empty(depth), np.empty(depth)
    sat, dead = np.empty(depth), np.empty(depth)
    inputs: list[np.ndarray] = []  # h_{l-1} for every layer (needed for ∂L/∂W_l)
    slopes: list[np.ndarray] = []  # f'(z_l) for every layer
    h = x
    for l, w in enumerate(weights):
        z = h @ w + bias_shift
        h_next, d = act.fn_grad(z, **p)
        quant[l] = np.quantile(z, levels)
        mean[l], std[l] = float(np.mean(z)), float(np.std(z))
        sat[l] = float(np.mean(np.abs(d) < threshold))
        dead[l] = float(np.mean(np.all(d == 0.0, axis=0)))
        inputs.append(h)
        slopes.append(d)
        h = h_next

    gw, gz = np.empty(depth), np.empty(depth)
    g_h = err
    for l in range(depth - 1, -1, -1):
        g_z = g_h * slopes[l]
        gz[l] = _safe_norm(g_z)
        gw[l] = _safe_norm(inputs[l].T @ g_z)
        g_h = g_z @ weights[l].T
    return DeepMLPResult(act_id, depth, width, n_samples, init, seed, float(bias_shift),
                         float(threshold), levels, quant, mean, std, sat, dead, gw, gz)


# Work of simulate_deep_mlp in units of about 1 ns of CPU on the course machine (the unit of
# core.activations' and core.custom's evaluation costs): fitted by bench/formula_cost.py
# ("sim" part: process CPU time of simulate_deep_mlp with the identity at 30 × 256 × 2,000
# and 30 × 16 × 2,000, best of 3, on the shared 2-core machine; the larger of two runs: 0.22
# per multiply-add, raised to 0.30 because bench/work_budget.py then measured 1.7 s of CPU
# for 1.2 s counted with the identity under a load average of ~15).
SIM_MAC_COST = 0.30  # units per multiply-add of the three matrix products per layer
SIM_ELEMENT_COST = 37.0  # units per value of the other per-layer work (quantiles, shares, norms)
SIM_BUDGET = 1_200_000_000  # units one request's simulation may cost: the reduced heaviest
#                             runs measured 1.5 s of CPU or less with bench/work_budget.py under load
MIN_SIM_SAMPLES = 10  # plan_simulation never goes below this many samples


def simulation_work(act_or_cost, depth: int, width: int, n_samples: int) -> float:
    """Work units (≈ ns of CPU) of simulate_deep_mlp(act, depth, width, n_samples, …):

        depth·(3·n·w²·SIM_MAC_COST + n·w·(SIM_ELEMENT_COST + c) + C)

    with c, C the activation's cost per value and per call of f and f' (its element_cost()
    and call_cost(): core.activations' tables, or a user's formula's node costs). act_or_cost
    is an activation id, an Activation, or a number c (per value; C = 0 then). Three products
    per layer: h·W forward, ∂L/∂z·Wᵀ and hᵀ·∂L/∂z backward."""
    if isinstance(act_or_cost, (int, float)) and not isinstance(act_or_cost, bool):
        per_value, per_call = float(act_or_cost), 0.0
    else:
        act = get(act_or_cost)
        per_value, per_call = act.element_cost(), act.call_cost()
    d, w, n = int(depth), int(width), int(n_samples)
    return d * (3.0 * n * w * w * SIM_MAC_COST + n * w * (SIM_ELEMENT_COST + per_value)
                + per_call)


def sweep_work(act_ids: Sequence, n_shifts: int, depth: int = 10, width: int = 64,
               n_samples: int = 256) -> float:
    """Work units (≈ ns of CPU) of dead_share_vs_bias: per activation and shift a forward pass
    only (one product per layer), Σ_acts shifts·depth·(n·w²·SIM_MAC_COST
    + n·w·(SIM_ELEMENT_COST + c) + C), c, C as in simulation_work."""
    total = 0.0
    for a in act_ids:
        act = get(a)
        d, w, n = int(depth), int(width), int(n_samples)
        total += int(n_shifts) * d * (n * w * w * SIM_MAC_COST + n * w * (
            SIM_ELEMENT_COST + act.element_cost()) + act.call_cost())
    return total


@dataclass(frozen=True)
class SimPlan:
    """A simulation set-up under a work budget: n_samples (≤ asked), its work in units
    (≈ ns of CPU), reduced = n_samples < asked (the page says so: asked and used) and
    within = work ≤ budget (False only if even MIN_SIM_SAMPLES samples cost more: refuse)."""

    asked: int
    n_samples: int
    work: float
    reduced: bool
    within: bool


def plan_simulation(act_or_cost, depth: int, width: int, n_samples: int,
                    budget: float = SIM_BUDGET) -> SimPlan:
    """The largest sample count n ≤ n_samples with simulation_work(act, depth, width, n) ≤
    budget (work grows linearly in n), but at least MIN_SIM_SAMPLES (or n_samples if smaller;
    `within` then says whether that fits); depth and width are kept (they are what the page is
    about)."""
    asked = int(n_samples)
    full = simulation_work(act_or_cost, depth, width, asked)
    if full <= budget:
        return SimPlan(asked, asked, full, False, True)
    fixed = simulation_work(act_or_cost, depth, width, 0)
    per_sample = (full - fixed) / asked
    n = int((budget - fixed) // per_sample) if budget > fixed else 0
    n = max(min(MIN_SIM_SAMPLES, asked), min(n, asked))
    work = simulation_work(act_or_cost, depth, width, n)
    return SimPlan(asked, n, work, n < asked, work <= budget)


def saturated_z_bands(res: DeepMLPResult, params: Mapping[str, float] | None = None
                      ) -> list[tuple[float, float]]:
    """saturated_intervals of res's activation over the range its summed inputs z cover
    (from the lowest 1 % quantile to the highest 99 % quantile of any layer, 5 % padding,
    clipped to ±1000): the flat zones the z distribution of each layer can drift into."""
    lo = float(np.min(res.preact_quantiles))
    hi = float(np.max(res.preact_quantiles))
    pad = 0.05 * max(hi - lo, 1.0)
    lo = min(max(lo - pad, -MAX_ABS_X), MAX_ABS_X - 1.0)
    hi = max(min(hi + pad, MAX_ABS_X), lo + 1.0)
    return saturated_intervals(res.act_id, res.threshold, lo, hi, **dict(params or {}))


@dataclass(frozen=True)
class MLPSummary:
    """The numbers the page states about one DeepMLPResult (l = 1 is the input side).

    mean_first / mean_last: mean summed input of layer 1 / of the last layer; mean_peak and
    mean_peak_layer: the largest layer mean and where; rising_layers: how many layers l >= 2 have
    a larger mean than layer l − 1; sat_first / sat_last, dead_first / dead_last: shares in the
    first / last layer; grad_first / grad_last: ‖∂L/∂W‖ of layer 1 / the last layer and
    grad_ratio = grad_first / grad_last; grad_spread = max/min of ‖∂L/∂W_l‖ over the layers
    (inf when some layer gets exactly 0); z_lo_last / z_hi_last: the lowest / highest quantile
    of QUANTILE_LEVELS of the last layer's z, which enclose the central share z_mid_share
    (= last level − first level, 0.98) of its summed inputs — the rest is the mass in the tails.
    """

    mean_first: float
    mean_last: float
    mean_peak: float
    mean_peak_layer: int
    rising_layers: int
    sat_first: float
    sat_last: float
    dead_first: float
    dead_last: float
    dead_max: float
    dead_max_layer: int
    grad_first: float
    grad_last: float
    grad_ratio: float
    grad_spread: float
    z_lo_last: float
    z_hi_last: float
    z_mid_share: float


def _ratio(a: float, b: float) -> float:
    """a / b with 0/0 = 1 and a/0 = inf (never a numpy warning)."""
    if b == 0.0:
        return 1.0 if a == 0.0 else math.inf
    return a / b


def summarize_mlp(res: DeepMLPResult) -> MLPSummary:
    """Headline numbers of a simulation: first vs last layer, peaks, ratios (see MLPSummary)."""
    m, g = res.preact_mean, res.grad_norm_w
    k = int(np.argmax(m))
    kd = int(np.argmax(res.dead_share))
    return MLPSummary(
        mean_first=float(m[0]), mean_last=float(m[-1]), mean_peak=float(m[k]),
        mean_peak_layer=k + 1, rising_layers=int(np.sum(np.diff(m) > 0)),
        sat_first=float(res.saturated_share[0]), sat_last=float(res.saturated_share[-1]),
        dead_first=float(res.dead_share[0]), dead_last=float(res.dead_share[-1]),
        dead_max=float(res.dead_share[kd]), dead_max_layer=kd + 1,
        grad_first=float(g[0]), grad_last=float(g[-1]),
        grad_ratio=_ratio(float(g[0]), float(g[-1])),
        grad_spread=_ratio(float(g.max()), float(g.min())),
        z_lo_last=float(res.preact_quantiles[-1, 0]),
        z_hi_last=float(res.preact_quantiles[-1, -1]),
        z_mid_share=float(res.quantile_levels[-1] - res.quantile_levels[0]),
    )


DEFAULT_SHIFTS: tuple[float, ...] = tuple(float(v) for v in np.linspace(-4.0, 2.0, 25))


@dataclass(frozen=True)
class BiasSweep:
    """Dead and saturated shares of deep MLPs against a bias shift, per activation.

    dead[act][k]: share of all hidden units (all layers) that are dead at shifts[k];
    dead_last[act][k]: the same for the last layer only; saturated[act][k]: share of
    (sample, unit) pairs with |f'| < threshold over all layers.
    """

    shifts: np.ndarray
    dead: dict[str, np.ndarray]
    dead_last: dict[str, np.ndarray]
    saturated: dict[str, np.ndarray]


def _forward_shares(act_id: str, x: np.ndarray, weights: list[np.ndarray], bias: float,
                    threshold: float, params: Mapping[str, float]) -> tuple[np.ndarray, np.ndarray]:
    """Forward pass only (as in simulate_deep_mlp): per-layer saturated and dead shares."""
    act = get(act_id)
    sat, dead = np.empty(len(weights)), np.empty(len(weights))
    h = x
    for l, w in enumerate(weights):
        z = h @ w + bias
        h, d = act.fn_grad(z, **params)
        sat[l] = float(np.mean(np.abs(d) < threshold))
        dead[l] = float(np.mean(np.all(d == 0.0, axis=0)))
    return sat, dead


def dead_share_vs_bias(
    act_ids: Sequence[str],
    shifts: Sequence[float],
    depth: int = 10,
    width: int = 64,
    n_samples: int = 256,
    init: str = "he",
    seed: int = 0,
    threshold: float = DEFAULT_THRESHOLD,
    params: Mapping[str, Mapping[str, float]] | None = None,
) -> BiasSweep:
    """For each activation and each bias shift b, run the forward pass of
    simulate_deep_mlp(…, bias_shift=b) with the same seed (same inputs and weights) and record
    the dead / saturated shares (identical to the full simulation's).

    Limits: <= 8 activations, <= 61 shifts, and acts·shifts·depth·n_samples·width² <= 3e9,
    plus the limits of simulate_deep_mlp. params maps an activation id to its parameters.
    """
    ids = list(act_ids)
    sh = np.array([float(s) for s in shifts], dtype=np.float64)
    if not 1 <= len(ids) <= MAX_SWEEP_ACTS:
        raise ValueError(f"between 1 and {MAX_SWEEP_ACTS} activations, got {len(ids)}")
    if not 1 <= sh.size <= MAX_SHIFTS:
        raise ValueError(f"between 1 and {MAX_SHIFTS} shifts, got {sh.size}")
    for s in sh:
        check_range("shift", float(s), -MAX_ABS_BIAS, MAX_ABS_BIAS)
    _validate_sim(depth, width, n_samples, init, seed, 0.0, threshold)
    work = len(ids) * sh.size * depth * n_samples * width * width
    if work > MAX_SWEEP_WORK:
        raise ValueError(f"sweep too large ({work:.2g} > {MAX_SWEEP_WORK:.2g} multiply-adds)")
    for a in ids:
        get(a)
    rng = np.random.default_rng(seed)  # the same draws as simulate_deep_mlp
    x = rng.standard_normal((n_samples, width))
    weights = [_weights(rng, init, width) for _ in range(depth)]
    dead, last, sat = {}, {}, {}
    for a in ids:
        p = dict((params or {}).get(a) or {})
        shares = [_forward_shares(a, x, weights, float(s), threshold, p) for s in sh]
        dead[a] = np.array([d.mean() for _, d in shares])
        last[a] = np.array([d[-1] for _, d in shares])
        sat[a] = np.array([s_.mean() for s_, _ in shares])
    return BiasSweep(sh, dead, last, sat)
