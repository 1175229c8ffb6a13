"""Properties of an activation, measured from the function itself rather than typed in.

Everything here samples f and f' on a grid (step 1e-3 on [−10, 10], 0.05 out to ±100) plus probes
at ±1e6 and ±1e12, then reads the property off the numbers:

- range: min/max over the grid; an extreme at the grid's edge is an asymptote (limit taken at
  ±1e12, ±∞ when |f| keeps growing), an interior one is refined by golden-section search.
- zero-centred: "yes" if f is odd (f(−x) = −f(x)), "partly" if it takes both signs, else "no".
- monotonic / derivative monotonic: signs of successive differences on the grid.
- smoothness: a jump in f → "discontinuous"; a jump in f' → "kinked"; otherwise "smooth".
- saturation: |f'(x)| → 0 with f bounded as x → ±∞.
- max |f'|, where: grid maximum, refined; an interval when the maximum is a plateau.
- dead region: intervals where f'(x) = 0 exactly.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from core.activations import Activation, get
from core.numeric import bisect, check_int, check_range, golden_section, sample

_FINE = np.round(np.linspace(-10.0, 10.0, 20001), 10)
_COARSE = np.round(np.linspace(10.0, 100.0, 1801)[1:], 10)
GRID = np.concatenate([-_COARSE[::-1], _FINE, _COARSE])  # step 1e-3 on [−10, 10], 0.05 beyond
_NEAR = np.abs(GRID) <= 10


NEAR_IDENTITY_RADIUS = 0.1  # "≈ identity near 0" means |f(x) − x| ≤ NEAR_IDENTITY_TOL …
NEAR_IDENTITY_TOL = 1e-3  # … for every |x| ≤ NEAR_IDENTITY_RADIUS


def grid_summary() -> dict[str, float]:
    """The sampling grid in numbers: fine step on [−fine, fine], coarse step out to ±coarse."""
    return {"fine": float(_FINE[-1]), "fine_step": float(_FINE[1] - _FINE[0]),
            "coarse": float(_COARSE[-1]), "coarse_step": float(_COARSE[1] - _COARSE[0])}


_FAR = np.array([-1e12, -1e6, 1e6, 1e12])
_INF_GROWTH = 1.0  # |f(1e12)| − |f(1e6)| beyond this means unbounded
_JUMP_F = 0.05  # a step of f larger than this between grid neighbours is a jump
_JUMP_G = 0.02  # a step of f' larger than this between grid neighbours is a kink


@dataclass(frozen=True)
class Bound:
    """One end of the output range: value (±inf allowed) and whether it is attained."""

    value: float
    closed: bool


@dataclass(frozen=True)
class Properties:
    """Measured properties of one activation at given parameters."""

    lower: Bound
    upper: Bound
    discrete_values: tuple[float, ...] | None
    zero_centred: str  # "yes" | "partly" | "no"
    monotonic: bool
    grad_monotonic: bool
    smoothness: str  # "smooth" | "kinked" | "discontinuous"
    saturates_left: bool
    saturates_right: bool
    f0: float
    grad0: float
    max_abs_grad: float
    max_abs_grad_kind: str  # "point" | "interval" | "limit" (x → ±∞) | "approached" (x → a)
    max_abs_grad_at: tuple[tuple[float, float], ...]  # points (a == b) or plateaus [a, b]
    near_identity: bool
    dead_regions: tuple[tuple[float, float], ...]


def _scalar(act: Activation, params: dict, which: str):
    call = act.fn if which == "f" else act.grad
    return lambda t: float(call(np.array([t]), **params)[0])


def _side_limit(act: Activation, params: dict, side: int, lower: bool) -> float:
    """lim f(x) for x → side·∞: ±inf when |f| keeps growing, else f at side·1e12 (rounded)."""
    far = act.fn(_FAR, **params)
    f_far, f_mid = float(far[3 if side > 0 else 0]), float(far[2 if side > 0 else 1])
    if abs(f_far) - abs(f_mid) > _INF_GROWTH:
        return math.copysign(math.inf, f_far)
    return round(f_far, 9) + 0.0


def _bound(act: Activation, params: dict, f: np.ndarray, lower: bool) -> Bound:
    """The lower (or upper) end of f's range."""
    value = float(f.min() if lower else f.max())
    sides = [s for s, i in ((-1, 0), (1, len(GRID) - 1)) if f[i] == value]
    if not sides:  # an interior extremum: refine it and it is attained
        idx = int(np.argmin(f) if lower else np.argmax(f))
        if np.sum(f == value) == 1:
            x = golden_section(_scalar(act, params, "f"), GRID[idx - 1], GRID[idx + 1], not lower)
            fx = float(act.fn(np.array([x]), **params)[0])
            value = min(value, fx) if lower else max(value, fx)
        return Bound(value, True)
    limits = [_side_limit(act, params, s, lower) for s in sides]
    limit = min(limits) if lower else max(limits)
    if math.isinf(limit):
        return Bound(limit, False)
    # attained if f equals the limit somewhere in [−10, 10] (ReLU's 0), else only approached
    # (a Gaussian underflows to 0 far out, which must not count as attaining it)
    return Bound(limit, bool(np.any(f[_NEAR] == limit)))


def _refine(pred, inside: float, outside: float) -> float:
    """The boundary between a point where pred holds and one where it does not (bisection),
    rounded to 9 decimals so ReLU's kink reads 0 rather than 1e-13."""
    return round(bisect(pred, inside, outside), 9) + 0.0


def _intervals(mask: np.ndarray, pred=None, near: np.ndarray | None = None,
               grid: np.ndarray = GRID, open_ends: bool = True
               ) -> tuple[tuple[float, float], ...]:
    """Contiguous runs of True in mask (at least 3 grid points) as (x_start, x_end).

    open_ends: a run touching an end of the grid runs to ±inf there (the grid stands for the
    whole line); otherwise it ends at the grid's end. near (a mask over grid) keeps only runs
    that reach into it (far-out runs of the whole-line grid can be float underflow).

    With pred (scalar x -> bool, the same test as mask), each inner end is refined by
    bisection, so ReLU's dead region reads (−inf, 0) rather than (−inf, −0.001).
    """
    out = []
    padded = np.concatenate([[False], mask, [False]])
    starts = np.flatnonzero(~padded[:-1] & padded[1:])
    ends = np.flatnonzero(padded[:-1] & ~padded[1:]) - 1
    last = len(grid) - 1
    for s, e in zip(starts, ends):
        if e - s < 2 or (near is not None and not np.any(near[s:e + 1])):
            continue
        a = float(grid[s]) if s > 0 or not open_ends else -math.inf
        b = float(grid[e]) if e < last or not open_ends else math.inf
        if pred is not None:
            a = a if s == 0 else _refine(pred, float(grid[s]), float(grid[s - 1]))
            b = b if e == last else _refine(pred, float(grid[e]), float(grid[e + 1]))
        out.append((a, b))
    return tuple(out)


@dataclass(frozen=True)
class MaxAbsGrad:
    """sup |f'(x)|, measured (max_abs_grad).

    kind: "point" (attained at points), "interval" (attained on a plateau), "limit"
    (approached as x → ±∞), "approached" (approached next to a jump of f', e.g. hard swish as
    x → 3 from the left) or "edge" (on a finite search range only: the largest value sits on
    the range's end). at: the points (a, a) or plateaus (a, b) (±inf ends allowed; for
    "limit" the side(s) ±inf). x_near: a finite x, closest to 0, where |f'(x)| is within 1e-9
    of value (the far probe ±1e6 for a limit, just beside the jump for "approached").
    """

    value: float
    kind: str
    at: tuple[tuple[float, float], ...]
    x_near: float


def max_abs_grad(activation_id, grid: np.ndarray | None = None, **params: float) -> MaxAbsGrad:
    """sup |f'(x)| and where: THE one measurement of the largest slope in core (the explorer's
    properties and core.saturation's derivative_peak / max_derivative both read it).

    Method: |f'| on the grid (default GRID: the whole line, step 1e-3 on [−10, 10] and 0.05 out
    to ±100), then
    - a plateau (≥ 3 grid points within 1e-12 of the top, reaching into [−10, 10] on GRID):
      its inner ends refined by bisection → "interval";
    - the top at an end of GRID: the limit, |f'(±1e6)| → "limit" (on another grid: "edge");
    - |f'| dropping by more than 0.02 to a neighbour of the top: the jump located by bisection,
      → "point" if |f'| at the jump is the top (SELU at 0), else "approached";
    - otherwise the grid maximum refined by golden-section search → "point".
    grid: an increasing array of x (a finite search range) instead of the whole line.
    """
    act = get(activation_id)
    whole = grid is None
    grid = GRID if whole else np.asarray(grid, dtype=np.float64)
    ag = np.abs(act.grad(grid, **params))
    top = float(ag.max())
    gfun = _scalar(act, params, "g")
    near = _NEAR if whole else None
    runs = _intervals(ag >= top - 1e-12, lambda t: abs(gfun(t)) >= top - 1e-12, near, grid, whole)
    if runs:
        a, b = min(runs, key=lambda r: 0.0 if r[0] <= 0.0 <= r[1] else min(abs(r[0]), abs(r[1])))
        x = float(min(max(0.0, a), b))
        if abs(gfun(x)) < top - 1e-12:  # an open end (ReLU' (0) = 0): step 1e-9 inside
            x = x + 1e-9 if x == a else x - 1e-9
        return MaxAbsGrad(top, "interval", runs, x)
    idx = int(np.argmax(ag))
    last = len(grid) - 1
    if ag[0] >= top - 1e-12 or ag[last] >= top - 1e-12:
        if not whole:
            x = float(grid[last] if ag[last] >= top - 1e-12 else grid[0])
            return MaxAbsGrad(top, "edge", ((x, x),), x)
        far_x = np.array([-1e6, 1e6])
        far = np.abs(act.grad(far_x, **params))
        keep = far >= far.max() - 1e-9
        sides = tuple((s, s) for s, k in zip((-math.inf, math.inf), keep) if k)
        return MaxAbsGrad(float(far.max()), "limit", sides, float(far_x[keep][-1]))
    for nb in (idx + 1, idx - 1):  # |f'| jumps down next to the maximum
        if 0 <= nb <= last and ag[nb] < top - _JUMP_G:
            level = (top + ag[nb]) / 2
            kink = _refine(lambda t: abs(gfun(t)) > level, float(grid[idx]), float(grid[nb]))
            if abs(gfun(kink)) >= top - 1e-12:  # attained at the kink itself (SELU at 0)
                return MaxAbsGrad(max(top, abs(gfun(kink))), "point", ((kink, kink),), kink)
            beside = kink + (1e-12 if nb < idx else -1e-12)
            sup = max(top, abs(gfun(beside)))
            return MaxAbsGrad(round(sup, 9), "approached", ((kink, kink),), beside)
    x = golden_section(lambda t: abs(gfun(t)), grid[max(idx - 1, 0)], grid[min(idx + 1, last)],
                       maximise=True)
    val = abs(gfun(x))
    if val < top:
        val, x = top, float(grid[idx])
    shown = round(float(x), 6) + 0.0
    return MaxAbsGrad(val, "point", ((shown, shown),), float(x))


def _saturates(act: Activation, params: dict, side: int, bounded: bool) -> bool:
    g = act.grad(np.array([side * 1e6, side * 1e3]), **params)
    return bool(bounded and abs(g[0]) < 1e-6 and abs(g[1]) < 1e-3)


def properties(activation_id: str, **params: float) -> Properties:
    """Measure every property of ``get(activation_id)`` at the given parameters."""
    act = get(activation_id)
    f, g = act.fn_grad(GRID, **params)
    lower, upper = _bound(act, params, f, True), _bound(act, params, f, False)
    uniq = np.unique(f)
    discrete = tuple(float(v) for v in uniq) if len(uniq) <= 3 else None
    odd = np.allclose(f, -f[::-1], atol=1e-12)
    both_signs = bool(np.any(f < -1e-12) and np.any(f > 1e-12))
    df, dg = np.diff(f), np.diff(g)
    fine = _NEAR[1:] & _NEAR[:-1]  # jumps are judged on the 1e-3 part of the grid only
    jump_f = bool(np.any(np.abs(df[fine]) > _JUMP_F))
    jump_g = bool(np.any(np.abs(dg[fine]) > _JUMP_G))
    zero = np.array([0.0])
    f0, g0 = float(act.fn(zero, **params)[0]), float(act.grad(zero, **params)[0])
    near = GRID[np.abs(GRID) <= NEAR_IDENTITY_RADIUS]
    peak = max_abs_grad(act, **params)
    gfun = _scalar(act, params, "g")
    return Properties(
        lower=lower,
        upper=upper,
        discrete_values=discrete,
        zero_centred="yes" if odd and both_signs else ("partly" if both_signs else "no"),
        monotonic=bool(np.all(df >= 0) or np.all(df <= 0)),
        grad_monotonic=bool(np.all(dg >= -1e-15) or np.all(dg <= 1e-15)),
        smoothness="discontinuous" if jump_f else ("kinked" if jump_g else "smooth"),
        saturates_left=_saturates(act, params, -1, math.isfinite(lower.value)),
        saturates_right=_saturates(act, params, 1, math.isfinite(upper.value)),
        f0=f0,
        grad0=g0,
        max_abs_grad=peak.value,
        max_abs_grad_kind=peak.kind,
        max_abs_grad_at=peak.at,
        near_identity=bool(np.max(np.abs(act.fn(near, **params) - near)) <= NEAR_IDENTITY_TOL),
        dead_regions=_intervals(g == 0, lambda t: gfun(t) == 0, _NEAR),
    )


MAX_POINTS = 12  # values_at: at most this many points …
POINT_LIMIT = 1e6  # … each with |x| ≤ POINT_LIMIT
MAX_CURVE_POINTS = 2001  # curve: samples per curve
CURVE_LIMIT = 1e3  # curve: |x range ends| ≤ CURVE_LIMIT


def values_at(activation_id: str, points: list[float], **params: float) -> tuple[np.ndarray, np.ndarray]:
    """(f(xᵢ), f'(xᵢ)) for a value table: at most MAX_POINTS points, |xᵢ| ≤ POINT_LIMIT."""
    x = np.asarray(points, dtype=np.float64)
    if x.ndim != 1 or not 1 <= x.size <= MAX_POINTS or not np.all(np.abs(x) <= POINT_LIMIT):
        raise ValueError(f"1..{MAX_POINTS} points with |x| <= {POINT_LIMIT}")
    return get(activation_id).fn_grad(x, **params)


def curve(activation_id: str, lo: float, hi: float, n: int, **params: float
          ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(x, f(x), f'(x)) on xₖ = lo + k·(hi − lo)/(n − 1), k = 0..n−1 (n ≤ MAX_CURVE_POINTS)."""
    check_int("n", n, 2, MAX_CURVE_POINTS)
    check_range("lo", lo, -CURVE_LIMIT, CURVE_LIMIT)
    check_range("hi", hi, -CURVE_LIMIT, CURVE_LIMIT)
    if not lo < hi:
        raise ValueError("need lo < hi")
    return sample(get(activation_id), lo, hi, n, **params)


MAX_DEPTH = 50


def stack_layers(activation_id: str, x: np.ndarray, depth: int, weight: float = 1.0,
                 **params: float) -> np.ndarray:
    """h_L(x) for h_0 = x, h_k = f(w·h_(k−1)): L layers of one neuron each.

    With f the identity this is w^L·x — still a straight line, however deep. Returns an array of
    shape (depth + 1, len(x)), row k = h_k. Depth is capped at MAX_DEPTH (ValueError beyond).
    """
    check_int("depth", depth, 0, MAX_DEPTH)
    act = get(activation_id)
    rows = [np.asarray(x, dtype=np.float64)]
    for _ in range(depth):
        z = np.clip(weight * rows[-1], -1e150, 1e150)
        rows.append(act.fn(z, **params))
    return np.stack(rows)


@dataclass(frozen=True)
class StackComparison:
    """L stacked identity layers beside L stacked layers of one activation, on the same x."""

    x: np.ndarray
    linear: np.ndarray  # h_L for the identity: slope·x
    bent: np.ndarray  # h_L for the chosen activation
    slope: float  # w^L, the slope of the linear stack
    linear_error: float  # linearity_error(linear, x): 0 up to rounding
    bent_error: float  # linearity_error(bent, x)


def compare_stacks(activation_id: str, depth: int, weight: float, lo: float = -3.0,
                   hi: float = 3.0, n: int = 241, **params: float) -> StackComparison:
    """h_L(x) = f(w·f(w·…f(w·x))) for the identity and for f, sampled on n points of [lo, hi].

    The identity stack equals w^L·x (a line of slope w^L); the other one bends unless f is linear.
    """
    x, _, _ = curve("identity", lo, hi, n)
    linear = stack_layers("identity", x, depth, weight)[-1]
    bent = stack_layers(activation_id, x, depth, weight, **params)[-1]
    return StackComparison(x, linear, bent, float(weight) ** depth, linearity_error(linear, x),
                           linearity_error(bent, x))


def linearity_error(y: np.ndarray, x: np.ndarray) -> float:
    """Max |y − (best straight line through (x, y))| / (range of y): 0 for a line.

    A scale-free measure of how far a curve is from a straight line (least-squares fit).
    """
    y = np.asarray(y, dtype=np.float64)
    span = float(np.ptp(y))
    if span == 0 or not np.all(np.isfinite(y)):
        return 0.0
    a, b = np.polyfit(x, y, 1)
    return float(np.max(np.abs(y - (a * x + b))) / span)
