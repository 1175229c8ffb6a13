"""Gradient descent on small preset losses: iterates, losses and the named regime.

Plain gradient descent x_{k+1} = x_k − lr · f'(x_k) on a quadratic with curvature L
(f'' = L) moves the error e_k = x_k − x* by the constant factor r = 1 − lr·L:

    e_k = r^k · e_0

so the run converges for 0 < lr < 2/L, lands on x* in one step at lr = 1/L, alternates
forever between x* ± e_0 at lr = 2/L and diverges for lr > 2/L.  This module computes
runs for preset losses (1-D and one elongated 2-D quadratic) and classifies each run from
its own iterates; :func:`quadratic_regime` gives the closed-form prediction to check it.

numpy + standard library only.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Callable

import numpy as np

from core.numeric import check_range

# --------------------------------------------------------------------------- limits
MAX_STEPS = 1000          #: most iterations one run may take
LR_MIN = 1e-4             #: smallest learning rate accepted
LR_MAX = 3.0              #: largest learning rate accepted
X0_MAX = 100.0            #: |start coordinate| must not exceed this
X_BOUND = 1e6             #: a run stops once |x| (or ‖w‖) exceeds this
LOSS_BOUND = 1e12         #: ... or once the loss exceeds this
FLOAT32_SAFE = 1e30       #: a value or loss beyond this is not kept (float32 max ≈ 3.4e38)
DEFAULT_TOL = 1e-6        #: converged when the distance to the minimiser stays ≤ tol
CYCLE_RTOL = 1e-9         #: per-step amplitude factor within 1 ± this counts as "no change"
METHODS = ("gd", "momentum", "adam")
MOMENTUM_BETA = 0.9       #: default β of heavy-ball momentum
ADAM_BETA1 = 0.9          #: default β₁ of Adam
ADAM_BETA2 = 0.999        #: default β₂ of Adam
MAX_RATES = 6             #: most learning rates compared side by side
GAP_FLOOR = 1e-16         #: a distance or loss gap of exactly 0 is drawn at this height (log axes)
LOG_LR_MIN = math.log10(LR_MIN)            #: left end of a log₁₀ lr slider
LOG_LR_MAX = round(math.log10(LR_MAX), 2)  #: right end of a log₁₀ lr slider

# regime ids (the page turns them into sentences)
MONOTONE = "monotone"          #: converges, error keeps one sign
OSCILLATING = "oscillating"    #: converges, error changes sign on the way
CYCLE = "cycle"                #: bounded, amplitude does not shrink: never converges
DIVERGES = "diverges"          #: amplitude grows (or the bound was hit)
TOO_SLOW = "too_slow"          #: shrinking, but not within tol after the steps given
REGIMES = (MONOTONE, OSCILLATING, CYCLE, DIVERGES, TOO_SLOW)


# --------------------------------------------------------------------------- losses
@dataclass(frozen=True)
class Loss1D:
    """A 1-D loss f(x) with gradient f'(x) and second derivative f''(x).

    ``curvature`` is the constant f'' of a quadratic and ``None`` otherwise.
    ``minimizers`` lists every local minimiser (sorted), ``maxima`` every local maximiser.
    """

    id: str
    latex: str
    text: str
    value: Callable[[np.ndarray], np.ndarray]
    grad: Callable[[np.ndarray], np.ndarray]
    second: Callable[[np.ndarray], np.ndarray]
    minimizers: tuple[float, ...]
    curvature: float | None
    default_x0: float
    view: tuple[float, float]
    dim: int = 1
    maxima: tuple[float, ...] = ()
    second_text: str = ""


@dataclass(frozen=True)
class Loss2D:
    """A 2-D quadratic f(w) = ½ Σ λᵢ (wᵢ − w*ᵢ)² with diagonal Hessian diag(λ).

    ``value``/``grad`` take arrays whose last axis has length 2.
    ``eigenvalues`` = (λ_min, λ_max); ``curvature`` = λ_max (the L of the stable band).
    """

    id: str
    latex: str
    text: str
    value: Callable[[np.ndarray], np.ndarray]
    grad: Callable[[np.ndarray], np.ndarray]
    minimizer: tuple[float, float]
    eigenvalues: tuple[float, float]
    default_x0: tuple[float, float]
    view: tuple[float, float, float, float]
    dim: int = 2

    @property
    def curvature(self) -> float:
        """L = λ_max, the largest second derivative."""
        return float(max(self.eigenvalues))

    @property
    def minimizers(self) -> tuple[tuple[float, float], ...]:
        """The unique minimiser, as a one-element tuple."""
        return (self.minimizer,)


Loss = Loss1D | Loss2D


def _quadratic(lid: str, a: float, c: float, b: float, latex: str, text: str,
               x0: float, view: tuple[float, float]) -> Loss1D:
    """f(x) = a·(x − c)² + b: f' = 2a(x − c), f'' = L = 2a, minimiser c."""
    def value(x: np.ndarray) -> np.ndarray:
        x = np.asarray(x, dtype=float)
        return a * (x - c) ** 2 + b

    def grad(x: np.ndarray) -> np.ndarray:
        x = np.asarray(x, dtype=float)
        return 2.0 * a * (x - c)

    def second(x: np.ndarray) -> np.ndarray:
        return np.full_like(np.asarray(x, dtype=float), 2.0 * a)

    return Loss1D(lid, latex, text, value, grad, second, (float(c),), 2.0 * a, x0, view)


# quartic f(x) = x⁴/4 − 2x² + x/2 + 5: two minima, the left one lower
_Q4 = (0.25, 0.0, -2.0, 0.5, 5.0)


def _quartic_value(x: np.ndarray) -> np.ndarray:
    """f(x) = x⁴/4 − 2x² + x/2 + 5."""
    x = np.asarray(x, dtype=float)
    return 0.25 * x ** 4 - 2.0 * x ** 2 + 0.5 * x + 5.0


def _quartic_grad(x: np.ndarray) -> np.ndarray:
    """f'(x) = x³ − 4x + 1/2."""
    x = np.asarray(x, dtype=float)
    return x ** 3 - 4.0 * x + 0.5


def _quartic_second(x: np.ndarray) -> np.ndarray:
    """f''(x) = 3x² − 4."""
    x = np.asarray(x, dtype=float)
    return 3.0 * x ** 2 - 4.0


def _quartic_stationary(sign: float) -> tuple[float, ...]:
    """Real roots of f'(x) = x³ − 4x + 1/2 where sign·f'' > 0, sorted."""
    roots = np.roots([1.0, 0.0, -4.0, 0.5])
    real = sorted(float(r.real) for r in roots if abs(r.imag) < 1e-12)
    return tuple(r for r in real if sign * _quartic_second(np.array(r)) > 0)


_E2 = (1.0, 9.0)  # Hessian eigenvalues of the elongated bowl


def _bowl_value(w: np.ndarray) -> np.ndarray:
    """f(x, y) = ½(x² + 9y²)."""
    w = np.asarray(w, dtype=float)
    return 0.5 * (_E2[0] * w[..., 0] ** 2 + _E2[1] * w[..., 1] ** 2)


def _bowl_grad(w: np.ndarray) -> np.ndarray:
    """∇f(x, y) = (x, 9y)."""
    w = np.asarray(w, dtype=float)
    return w * np.asarray(_E2)


LOSSES: dict[str, Loss] = {
    loss.id: loss
    for loss in (
        _quadratic("course", 1.0, 3.0, 10.0, r"(x-3)^2+10", "(x−3)²+10", 10.0, (-5.0, 11.0)),
        _quadratic("expanded", 1.0, 3.0, -5.0, r"x^2-6x+4", "x²−6x+4", 10.0, (-5.0, 11.0)),
        _quadratic("steep", 4.0, 3.0, 10.0, r"4(x-3)^2+10", "4(x−3)²+10", 10.0, (-5.0, 11.0)),
        _quadratic("flat", 0.5, 3.0, 10.0, r"\tfrac12(x-3)^2+10", "½(x−3)²+10", 10.0,
                   (-5.0, 11.0)),
        Loss1D("quartic", r"\tfrac14x^4-2x^2+\tfrac12x+5", "x⁴/4 − 2x² + x/2 + 5",
               _quartic_value, _quartic_grad, _quartic_second, _quartic_stationary(1.0), None,
               0.5, (-3.2, 3.2), maxima=_quartic_stationary(-1.0), second_text="3x² − 4"),
        Loss2D("bowl2d", r"\tfrac12(x^2+9y^2)", "½(x² + 9y²)", _bowl_value, _bowl_grad,
               (0.0, 0.0), _E2, (-8.0, 2.0), (-9.0, 9.0, -4.5, 4.5)),
    )
}


def get(loss_id: str) -> Loss:
    """The preset loss with this id; KeyError naming the valid ids otherwise."""
    try:
        return LOSSES[loss_id]
    except KeyError:
        raise KeyError(f"unknown loss {loss_id!r}; valid ids: {', '.join(LOSSES)}") from None


# --------------------------------------------------------------------------- stable band
@dataclass(frozen=True)
class StableBand:
    """Learning rates for a quadratic with largest curvature L (smallest μ):

    converges for 0 < lr < upper = 2/L, one step to x* at one_step = 1/L (1-D),
    best contraction for 2-D GD at best = 2/(μ + L).
    """

    curvature: float
    one_step: float
    upper: float
    best: float


def stable_band(loss: Loss) -> StableBand | None:
    """(1/L, 2/L, 2/(μ+L)) for a quadratic loss; None when f'' is not constant."""
    if loss.curvature is None:
        return None
    big = float(loss.curvature)
    small = float(min(loss.eigenvalues)) if isinstance(loss, Loss2D) else big
    return StableBand(big, 1.0 / big, 2.0 / big, 2.0 / (small + big))


def local_band(loss: Loss1D, x_star: float) -> StableBand:
    """Stable band of the quadratic approximation at a minimiser: L = f''(x*)."""
    curv = float(loss.second(np.array(x_star)))
    if not curv > 0:
        raise ValueError(f"f''({x_star}) = {curv} is not positive: not a minimiser")
    return StableBand(curv, 1.0 / curv, 2.0 / curv, 1.0 / curv)


# --------------------------------------------------------------------------- runs
@dataclass(frozen=True)
class Escape:
    """The iterate with which a run left the bound.

    step: its index k; point: x_k (float, or (x, y)); loss: f(x_k); crossed: "x" when
    max|x_k| > X_BOUND, else "loss" (f(x_k) > LOSS_BOUND); kept: whether x_k is the last
    entry of the run's iterates — it is dropped when |x_k| or |f(x_k)| > FLOAT32_SAFE, so
    every kept number stays finite in float32 (the run then ends at x_{k−1}, inside the bound).
    """

    step: int
    point: float | tuple[float, float]
    loss: float
    crossed: str
    kept: bool


@dataclass(frozen=True)
class DescentRun:
    """One optimisation run and its computed regime.

    iterates: shape (n+1,) for 1-D, (n+1, 2) for 2-D (x_0 … x_n, all finite, all within
    ±FLOAT32_SAFE, losses too); losses: f(x_k), shape (n+1,); target: the minimiser the run
    is judged against; converged_at: first k from which ‖x_j − target‖ ≤ tol for every later
    j (or None); stopped_early / stopped_at / escape: the run stopped because iterate
    stopped_at left the bound (see :class:`Escape`; stopped_at = n, or n + 1 when that
    iterate was too large to keep); rate: measured per-step amplitude factor over the second
    half of the run (of the worst coordinate, ``worst_axis``, in 2-D); estimated_steps: for
    TOO_SLOW, steps needed at that rate to reach tol; oscillating: the error changed sign
    (any coordinate) before converging/ending; crossings / crossing_steps: how many of the
    steps that start and end farther than tol from the target (per coordinate) change the
    error's sign, and how many such steps there are (of the coordinate that crosses most
    often); closer_each_step: ‖e_k‖ < ‖e_{k−1}‖
    for every step up to converged_at (or n); farther_each_step: ‖e_k‖ > ‖e_{k−1}‖ for
    every step (the dropped escape included); loss_falls: f(x_k) < f(x_{k−1}) for every step
    up to converged_at (or n); period_two: (CYCLE) the last iterates repeat every 2 steps,
    x_n ≈ x_{n−2}; orbit: (CYCLE, 1-D) smallest and largest x over the second half.
    """

    loss_id: str
    method: str
    lr: float
    x0: float | tuple[float, float]
    steps: int
    tol: float
    iterates: np.ndarray
    losses: np.ndarray
    target: float | tuple[float, float]
    regime: str
    reason: str
    converged_at: int | None
    stopped_early: bool
    stopped_at: int | None
    rate: float
    estimated_steps: int | None
    oscillating: bool
    params: dict = field(default_factory=dict)
    period_two: bool = False
    orbit: tuple[float, float] | None = None
    escape: Escape | None = None
    crossings: int = 0
    crossing_steps: int = 0
    closer_each_step: bool = False
    farther_each_step: bool = False
    loss_falls: bool = False
    worst_axis: int = 0

    @property
    def n(self) -> int:
        """Number of steps actually taken (and kept)."""
        return len(self.losses) - 1

    @property
    def one_step(self) -> bool:
        """True when the first step already landed within tol and stayed."""
        return self.converged_at == 1

    @property
    def crossed_every_step(self) -> bool:
        """Every step that started and ended outside tol changed the error's sign."""
        return self.crossing_steps > 0 and self.crossings == self.crossing_steps


def _check(lr: float, steps: int, x0: np.ndarray, tol: float) -> None:
    """ValueError unless LR_MIN ≤ lr ≤ LR_MAX, 0 ≤ steps ≤ MAX_STEPS, |x0| ≤ X0_MAX, tol > 0."""
    check_range("lr", lr, LR_MIN, LR_MAX)
    check_range("steps", steps, 0, MAX_STEPS)
    if int(steps) != steps:
        raise ValueError(f"steps must be a whole number, got {steps}")
    if not (np.all(np.isfinite(x0)) and np.all(np.abs(x0) <= X0_MAX)):
        raise ValueError(f"start must be finite with |x0| ≤ {X0_MAX}, got {x0}")
    check_range("tol", tol, 0.0, math.inf, lo_open=True)


def _out_of_bound(x: np.ndarray, fx: float) -> bool:
    """True when ‖x‖ > X_BOUND or f(x) > LOSS_BOUND."""
    return bool(np.max(np.abs(x)) > X_BOUND or abs(fx) > LOSS_BOUND)


def _as_point(x: np.ndarray) -> float | tuple[float, float]:
    """An iterate as a float (1-D) or a tuple (2-D)."""
    return float(x) if np.ndim(x) == 0 else tuple(float(v) for v in x)


def _iterate(loss: Loss, x0: np.ndarray, lrs: np.ndarray, steps: int, update: Callable
             ) -> list[tuple[np.ndarray, np.ndarray, Escape | None]]:
    """Runs for the learning rates lrs[j] at once, all from x0: for every row j still inside
    the bound, x_{k+1} = update(x_k, ∇f(x_k), k, rows) (rows: the indices j of the rows that
    step), k < steps. A row stops at its first iterate outside the bound; that iterate is kept
    unless |x| or |f| > FLOAT32_SAFE. Each row's numbers are those of its own run alone (every
    operation is element-wise). Returns (iterates, losses, escape) per row."""
    m = len(lrs)
    xs = np.empty((steps + 1, m) + x0.shape)
    fs = np.empty((steps + 1, m))
    xs[0] = x0
    fs[0] = loss.value(xs[0])
    length = np.full(m, steps + 1)
    escapes: list[Escape | None] = [None] * m
    live = np.arange(m)
    for k in range(steps):
        if live.size == 0:
            break
        # every kept x has |x| ≤ X_BOUND and f ≤ LOSS_BOUND, so with lr ≤ LR_MAX one step
        # stays finite in float64 for every preset (x⁴ of the quartic included)
        x = xs[k, live]
        x_new = np.asarray(update(x, np.asarray(loss.grad(x), dtype=float), k, live), dtype=float)
        f_new = np.asarray(loss.value(x_new), dtype=float)
        big = np.abs(x_new).reshape(live.size, -1).max(axis=1)
        xs[k + 1, live], fs[k + 1, live] = x_new, f_new
        out = (big > X_BOUND) | (np.abs(f_new) > LOSS_BOUND)
        for i in np.flatnonzero(out):
            j = live[i]
            kept = bool(big[i] <= FLOAT32_SAFE and abs(f_new[i]) <= FLOAT32_SAFE)
            length[j] = k + 2 if kept else k + 1
            escapes[j] = Escape(k + 1, _as_point(x_new[i]), float(f_new[i]),
                                "x" if big[i] > X_BOUND else "loss", kept)
        live = live[~out]
    return [(xs[:length[j], j].copy(), fs[:length[j], j].copy(), escapes[j]) for j in range(m)]


def _nearest(loss: Loss, x: np.ndarray) -> float | tuple[float, ...]:
    """The minimiser of ``loss`` closest to x (a float in 1-D, a tuple in 2-D)."""
    mins = np.asarray(loss.minimizers, dtype=float)
    if loss.dim == 1:
        return float(mins[np.argmin(np.abs(mins - float(x)))])
    d = np.linalg.norm(mins - x, axis=-1)
    return tuple(float(v) for v in mins[np.argmin(d)])


def _windows(norm: np.ndarray) -> tuple[float, float, int]:
    """Early and late amplitude of a run and the steps between them (‖e_k‖ = norm[k]).

    Amplitudes are maxima over windows of w = min(8, max(2, n // 4)) steps, so a bounded
    back-and-forth (period 2, 4, or irregular) counts as roughly constant: late window
    k = n−w+1 … n, early window starting half-way to it. One step: the two single values.
    """
    n = len(norm) - 1
    if n == 1:
        return float(norm[0]), float(norm[1]), 1
    w = min(8, max(2, n // 4))
    s2 = n - w + 1
    s1 = s2 // 2
    return float(np.max(norm[s1:s1 + w])), float(np.max(norm[s2:])), s2 - s1


def _growing(norm: np.ndarray) -> bool:
    """Steady growth: the amplitude ends beyond the start distance and, for n ≥ 8, the maxima
    of four consecutive chunks of the second half strictly increase (a bounded irregular
    orbit that only wanders farther now and then does not count)."""
    if _windows(norm)[1] <= norm[0]:
        return False
    n = len(norm) - 1
    if n < 8:
        return True
    chunks = np.array_split(norm[n // 2:], 4)
    peaks = [float(np.max(c)) for c in chunks]
    return all(b > a for a, b in zip(peaks, peaks[1:]))


def _rate(norm: np.ndarray) -> float:
    """Per-step amplitude factor q = (A_late / A_early)^(1/span) from :func:`_windows`.

    A zero amplitude gives 0, no steps 1; computed with logs (no overflow), q ≤ e^690.
    """
    if len(norm) < 2:
        return 1.0
    a, b, span = _windows(norm)
    if a == 0 or b == 0:
        return 0.0
    log_q = (math.log(b) - math.log(a)) / span
    return math.exp(min(log_q, 690.0))


def _crossings(e2: np.ndarray, tol: float, upto: int) -> tuple[int, int]:
    """(crossings, comparable steps) among steps k = 1 … upto, per coordinate i: step k is
    comparable when |e_{k−1,i}|, |e_{k,i}| > tol and crosses when e_{·,i} changes sign
    there. Reported for the coordinate with the most crossings (the one that zig-zags)."""
    part = e2[: upto + 1]
    big = np.abs(part) > tol
    both = big[1:] & big[:-1]
    flips = (np.sign(part[1:]) * np.sign(part[:-1]) < 0) & both
    per = [(int(np.count_nonzero(flips[:, i])), int(np.count_nonzero(both[:, i])))
           for i in range(part.shape[1])]
    return max(per, key=lambda cm: (cm[0], -cm[1]))


def _steps_more(q: float, dist: float, tol: float) -> int:
    """Steps needed at factor q < 1 to shrink dist to tol: ⌈log(tol / dist) / log q⌉, ≥ 1."""
    if dist <= tol:
        return 1
    if q <= 0:
        return 1
    return max(1, math.ceil(math.log(tol / dist) / math.log(q)))


def classify(errors: np.ndarray, stopped_at: int | None, tol: float = DEFAULT_TOL
             ) -> dict:
    """Name the regime from errors e_k = x_k − x* (shape (n+1,) or (n+1, d)).

    Each coordinate i is judged on its own amplitude |e_{k,i}| (a 2-D run can shrink in x
    while it grows in y), with per-step rate q_i from :func:`_rate` and q = max q_i:

    * bound hit → DIVERGES ("bound");
    * ‖e_j‖ ≤ tol for all j ≥ K → MONOTONE / OSCILLATING (sign change before K);
    * otherwise some q_i > 1 + CYCLE_RTOL with steady growth of |e_{·,i}|
      (:func:`_growing`) → DIVERGES ("growing"); q ≥ 1 − CYCLE_RTOL otherwise → CYCLE
      (bounded, not shrinking); q < 1 → TOO_SLOW with estimated_steps =
      n + max_i ⌈log(tol / (√d·|e_{n,i}|)) / log q_i⌉.

    Also returns crossings / crossing_steps (:func:`_crossings`), closer_each_step,
    farther_each_step and worst_axis (the coordinate with the largest q_i).
    """
    e = np.asarray(errors, dtype=float)
    e2 = e.reshape(len(e), -1)
    dims = e2.shape[1]
    norm = np.linalg.norm(e2, axis=1)
    amp = np.abs(e2)
    n = len(norm) - 1
    rates = [_rate(amp[:, i]) for i in range(dims)]
    worst = int(np.argmax(rates))
    q = float(rates[worst])
    out = dict(regime=TOO_SLOW, reason="", converged_at=None, rate=q,
               estimated_steps=None, oscillating=False, worst_axis=worst,
               farther_each_step=bool(n > 0 and np.all(np.diff(norm) > 0)))

    def marks(upto: int) -> dict:
        c, m = _crossings(e2, tol, upto)
        return dict(crossings=c, crossing_steps=m, oscillating=c > 0,
                    closer_each_step=bool(upto > 0 and np.all(np.diff(norm[: upto + 1]) < 0)))

    if stopped_at is not None:
        out.update(regime=DIVERGES, reason="bound", **marks(n))
        return out
    inside = norm <= tol
    if inside[-1]:
        k = n
        while k > 0 and inside[k - 1]:
            k -= 1
        info = marks(k)
        out.update(regime=OSCILLATING if info["oscillating"] else MONOTONE,
                   converged_at=int(k), reason="one_step" if k == 1 else
                   ("start" if k == 0 else "tolerance"), **info)
        return out
    out.update(marks(n))
    grows = any(rates[i] > 1.0 + CYCLE_RTOL and _growing(amp[:, i]) for i in range(dims))
    if n == 0:
        out.update(regime=TOO_SLOW, reason="no_steps")
    elif grows:
        out.update(regime=DIVERGES, reason="growing",
                   worst_axis=max((i for i in range(dims) if rates[i] > 1.0 + CYCLE_RTOL
                                   and _growing(amp[:, i])), key=lambda i: rates[i]))
        out["rate"] = float(rates[out["worst_axis"]])
    elif q >= 1.0 - CYCLE_RTOL:
        out.update(regime=CYCLE, reason="no_shrink")
    else:
        more = max(_steps_more(rates[i], amp[n, i] * math.sqrt(dims), tol)
                   for i in range(dims) if amp[n, i] > 0)
        out.update(regime=TOO_SLOW, reason="rate", estimated_steps=int(n + more))
    return out


def _finish(loss: Loss, method: str, lr: float, x0: np.ndarray, steps: int, tol: float,
            xs: np.ndarray, fs: np.ndarray, escape: Escape | None, params: dict) -> DescentRun:
    """Attach target minimiser and regime to the raw iterates."""
    stopped = None if escape is None else escape.step
    target = _nearest(loss, xs[-1]) if stopped is None else _nearest(loss, xs[0])
    judged = xs if escape is None or escape.kept else \
        np.concatenate([xs, np.asarray(escape.point, dtype=float)[None]])
    err = judged - np.asarray(target, dtype=float)
    info = classify(err, stopped, tol)
    x0_out = float(xs[0]) if loss.dim == 1 else (float(xs[0][0]), float(xs[0][1]))
    period_two, orbit = False, None
    if info["regime"] == CYCLE and len(xs) >= 3:
        scale = max(1.0, float(np.max(np.abs(xs[-3:]))))
        period_two = bool(np.max(np.abs(xs[-1] - xs[-3])) <= 1e-9 * scale)
        if loss.dim == 1:
            tail = xs[len(xs) // 2:]
            orbit = (float(np.min(tail)), float(np.max(tail)))
    upto = info["converged_at"] if info["converged_at"] is not None else len(fs) - 1
    falls = bool(upto > 0 and np.all(np.diff(fs[: upto + 1]) < 0))
    return DescentRun(loss.id, method, float(lr), x0_out, int(steps), float(tol), xs, fs,
                      target, info["regime"], info["reason"], info["converged_at"],
                      stopped is not None, stopped, info["rate"], info["estimated_steps"],
                      info["oscillating"], params, period_two, orbit, escape,
                      info["crossings"], info["crossing_steps"], info["closer_each_step"],
                      info["farther_each_step"], falls, info["worst_axis"])


def _start(loss: Loss, x0: "Start") -> np.ndarray:
    """x0 as a float array of the loss's dimension (the preset start when None)."""
    if x0 is None:
        x0 = loss.default_x0
    arr = np.array(x0, dtype=float)
    if arr.shape != (() if loss.dim == 1 else (2,)):
        raise ValueError(f"start for {loss.id!r} must have dimension {loss.dim}, got {x0}")
    return arr


Start = float | tuple[float, float] | np.ndarray | None


def _descend(loss: Loss | str, method: str, x0: Start, lrs, steps: int, tol: float,
             params: dict) -> list[DescentRun]:
    """Runs of one method from one start for every learning rate in lrs, stepped together
    (:func:`_iterate`); the update rules are those of gradient_descent / momentum_descent /
    adam_descent (their docstrings), with the hyper-parameters in params."""
    loss = get(loss) if isinstance(loss, str) else loss
    start = _start(loss, x0)
    rates = np.asarray(lrs, dtype=float).reshape(-1)
    for lr in rates:
        _check(float(lr), steps, start, tol)
    lr = rates.reshape((-1,) + (1,) * start.ndim)  # one row per rate
    state = [np.zeros((len(rates),) + start.shape), np.zeros((len(rates),) + start.shape)]

    def gd(x: np.ndarray, g: np.ndarray, k: int, rows: np.ndarray) -> np.ndarray:
        return x - lr[rows] * g

    def momentum(x: np.ndarray, g: np.ndarray, k: int, rows: np.ndarray) -> np.ndarray:
        state[0][rows] = params["beta"] * state[0][rows] - lr[rows] * g
        return x + state[0][rows]

    def adam(x: np.ndarray, g: np.ndarray, k: int, rows: np.ndarray) -> np.ndarray:
        beta1, beta2, t = params["beta1"], params["beta2"], k + 1
        state[0][rows] = beta1 * state[0][rows] + (1.0 - beta1) * g
        state[1][rows] = beta2 * state[1][rows] + (1.0 - beta2) * g * g
        m_hat = state[0][rows] / (1.0 - beta1 ** t)
        v_hat = state[1][rows] / (1.0 - beta2 ** t)
        return x - lr[rows] * m_hat / (np.sqrt(v_hat) + params["eps"])

    update = {"gd": gd, "momentum": momentum, "adam": adam}[method]
    rows = _iterate(loss, start, rates, int(steps), update)
    return [_finish(loss, method, float(r), start, steps, tol, xs, fs, escape, dict(params))
            for r, (xs, fs, escape) in zip(rates, rows)]


def gradient_descent(loss: Loss | str, x0: Start = None, lr: float = 0.2, steps: int = 100,
                     tol: float = DEFAULT_TOL) -> DescentRun:
    """Plain gradient descent x_{k+1} = x_k − lr·∇f(x_k), k = 0 … steps−1.

    Works for 1-D and 2-D presets; stops at the first iterate with |x| > X_BOUND or
    f > LOSS_BOUND (stopped_early; kept only while |x|, |f| ≤ FLOAT32_SAFE).  lr ∈ [LR_MIN, LR_MAX], steps ≤ MAX_STEPS.
    """
    return _descend(loss, "gd", x0, [lr], steps, tol, {})[0]


def momentum_descent(loss: Loss | str, x0: Start = None, lr: float = 0.2, steps: int = 100,
                     beta: float = MOMENTUM_BETA, tol: float = DEFAULT_TOL) -> DescentRun:
    """Heavy-ball momentum: v_{k+1} = β·v_k − lr·∇f(x_k), x_{k+1} = x_k + v_{k+1}, v_0 = 0.

    0 ≤ β < 1; same bounds as :func:`gradient_descent`.
    """
    if not 0.0 <= beta < 1.0:
        raise ValueError(f"beta must lie in [0, 1), got {beta}")
    return _descend(loss, "momentum", x0, [lr], steps, tol, {"beta": beta})[0]


def adam_descent(loss: Loss | str, x0: Start = None, lr: float = 0.2, steps: int = 100,
                 beta1: float = ADAM_BETA1, beta2: float = ADAM_BETA2, eps: float = 1e-8,
                 tol: float = DEFAULT_TOL) -> DescentRun:
    """Adam: m ← β₁m + (1−β₁)g, v ← β₂v + (1−β₂)g², x ← x − lr·m̂/(√v̂ + ε),
    m̂ = m/(1−β₁^t), v̂ = v/(1−β₂^t), t = k + 1.  Same bounds as gradient_descent."""
    if not (0.0 <= beta1 < 1.0 and 0.0 <= beta2 < 1.0 and eps > 0):
        raise ValueError("need 0 ≤ beta1, beta2 < 1 and eps > 0")
    return _descend(loss, "adam", x0, [lr], steps, tol,
                    {"beta1": beta1, "beta2": beta2, "eps": eps})[0]


HYPER = {"gd": {}, "momentum": {"beta": MOMENTUM_BETA},
         "adam": {"beta1": ADAM_BETA1, "beta2": ADAM_BETA2, "eps": 1e-8}}
MAX_GRID_RATES = 1001  #: most learning rates in one run_grid call


def run(loss: Loss | str, method: str = "gd", x0: Start = None, lr: float = 0.2, steps: int = 100,
        tol: float = DEFAULT_TOL) -> DescentRun:
    """Dispatch to gd / momentum (β = MOMENTUM_BETA) / adam (ADAM_BETA1, ADAM_BETA2)."""
    if method not in METHODS:
        raise ValueError(f"unknown method {method!r}; valid: {', '.join(METHODS)}")
    fn = {"gd": gradient_descent, "momentum": momentum_descent, "adam": adam_descent}[method]
    return fn(loss, x0=x0, lr=lr, steps=steps, tol=tol)


def run_grid(loss: Loss | str, method: str = "gd", x0: Start = None, lrs=(0.2,),
             steps: int = 100, tol: float = DEFAULT_TOL) -> list[DescentRun]:
    """:func:`run` for every learning rate of lrs (a slider's grid) in one vectorised pass:
    all rates step together, x_{k+1} = x_k − lr_j·∇f(x_k) for plain GD (momentum and Adam as
    in :func:`run`), each stopping at its own first iterate outside the bound; entry j equals
    run(loss, method, x0, lrs[j], steps, tol). At most MAX_GRID_RATES rates."""
    if method not in METHODS:
        raise ValueError(f"unknown method {method!r}; valid: {', '.join(METHODS)}")
    if not 1 <= len(lrs) <= MAX_GRID_RATES:
        raise ValueError(f"give 1 to {MAX_GRID_RATES} learning rates, got {len(lrs)}")
    return _descend(loss, method, x0, lrs, steps, tol, HYPER[method])


def compare_rates(loss: Loss | str, lrs: list[float], x0: Start = None, steps: int = 100,
                  tol: float = DEFAULT_TOL) -> list[DescentRun]:
    """One plain-GD run per learning rate (at most 12 rates), same loss and start."""
    lrs = list(lrs)
    if not 1 <= len(lrs) <= 12:
        raise ValueError(f"give 1 to 12 learning rates, got {len(lrs)}")
    return [gradient_descent(loss, x0=x0, lr=lr, steps=steps, tol=tol) for lr in lrs]


# --------------------------------------------------------------------------- theory
def _steps_to_tol(r: np.ndarray, e0: np.ndarray, tol: float) -> int:
    """Smallest k with ‖r^k ⊙ e0‖ ≤ tol, for max|r| < 1 (vectorised search)."""
    with np.errstate(divide="ignore"):
        logs = np.log(np.maximum(np.abs(r), 1e-300))
    d = len(e0)
    hi = 0
    for ri, ei, li in zip(r, e0, logs):
        if abs(ei) > 0 and abs(ri) > 0:
            hi = max(hi, math.ceil(math.log(tol / (abs(ei) * math.sqrt(d))) / li))
        elif abs(ei) > 0:
            hi = max(hi, 1)
    ks = np.arange(hi + 1, dtype=float)
    err = np.abs(e0)[None, :] * np.abs(r)[None, :] ** ks[:, None]
    ok = np.flatnonzero(np.linalg.norm(err, axis=1) <= tol)
    return int(ok[0]) if len(ok) else hi
@dataclass(frozen=True)
class Prediction:
    """Closed-form outcome of plain GD on a quadratic: factors r_i = 1 − lr·λ_i."""

    regime: str
    factors: tuple[float, ...]
    steps_needed: int | None  # steps to reach tol (None: never)


def quadratic_regime(loss: Loss, lr: float, x0: Start = None, steps: int = 100,
                     tol: float = DEFAULT_TOL) -> Prediction:
    """Predict the regime of GD on a quadratic from r_i = 1 − lr·λ_i and e_k,i = r_i^k e_0,i.

    max|r| > 1 → DIVERGES, = 1 → CYCLE (|r − (−1)| ≤ CYCLE_RTOL), < 1 → converges after
    steps_needed = min k with ‖r^k ⊙ e_0‖ ≤ tol (MONOTONE if every active r ≥ 0,
    else OSCILLATING), or TOO_SLOW if steps_needed > steps.
    """
    band = stable_band(loss)
    if band is None:
        raise ValueError(f"{loss.id!r} is not a quadratic")
    start = _start(loss, x0)
    _check(lr, steps, start, tol)
    eig = np.atleast_1d(np.asarray(loss.eigenvalues if loss.dim == 2 else [loss.curvature]))
    e0 = np.atleast_1d(start - np.asarray(loss.minimizers[0], dtype=float))
    r = 1.0 - lr * eig
    active = np.abs(e0) > 0
    factors = tuple(float(v) for v in r)
    if not np.any(active) or np.linalg.norm(e0) <= tol:
        return Prediction(MONOTONE, factors, 0)
    worst = float(np.max(np.abs(r[active])))
    if worst > 1.0 + CYCLE_RTOL:
        return Prediction(DIVERGES, factors, None)
    if worst >= 1.0 - CYCLE_RTOL:
        return Prediction(CYCLE, factors, None)
    k = _steps_to_tol(r, e0, tol)
    osc = bool(np.any(r[active & (np.abs(r) > 0)] < 0))
    if k > steps:
        return Prediction(TOO_SLOW, factors, k)
    return Prediction(OSCILLATING if osc else MONOTONE, factors, k)


# --------------------------------------------------------------------------- chart data
MAX_SAMPLES = 2000  #: most sample points of a curve / per axis of a surface


def curve(loss: Loss1D, lo: float, hi: float, n: int = 400) -> tuple[np.ndarray, np.ndarray]:
    """n evenly spaced x in [lo, hi] and f(x) (2 ≤ n ≤ MAX_SAMPLES, |lo|, |hi| ≤ 10·X0_MAX)."""
    if not 2 <= n <= MAX_SAMPLES:
        raise ValueError(f"n must lie in [2, {MAX_SAMPLES}], got {n}")
    if not (math.isfinite(lo) and math.isfinite(hi) and lo < hi
            and max(abs(lo), abs(hi)) <= 10 * X0_MAX):
        raise ValueError(f"need finite lo < hi within ±{10 * X0_MAX}, got {lo}, {hi}")
    x = np.linspace(lo, hi, n)
    return x, np.asarray(loss.value(x), dtype=float)


def surface(loss: Loss2D, nx: int = 161, ny: int = 121
            ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Grid over the preset view: xs (nx,), ys (ny,), f on the grid (ny, nx)."""
    if not (2 <= nx <= MAX_SAMPLES and 2 <= ny <= MAX_SAMPLES):
        raise ValueError(f"nx, ny must lie in [2, {MAX_SAMPLES}]")
    x0, x1, y0, y1 = loss.view
    gx, gy = np.linspace(x0, x1, nx), np.linspace(y0, y1, ny)
    return gx, gy, np.asarray(loss.value(np.stack(np.meshgrid(gx, gy), axis=-1)))


def loss_gap(run: DescentRun) -> np.ndarray:
    """f(x_k) − f(target) for every iterate, clipped at 0 from below (rounding)."""
    best = float(get(run.loss_id).value(np.asarray(run.target, dtype=float)))
    return np.maximum(run.losses - best, 0.0)


def distance(run: DescentRun) -> np.ndarray:
    """‖x_k − target‖ for every iterate."""
    err = run.iterates - np.asarray(run.target, dtype=float)
    return np.abs(err) if err.ndim == 1 else np.linalg.norm(err, axis=1)


def local_factor(loss: Loss1D, lr: float, x_star: float) -> float:
    """r = 1 − lr·f''(x*): the factor GD multiplies small errors by near the minimiser x*."""
    return 1.0 - lr * float(loss.second(np.array(x_star)))


# --------------------------------------------------------------------------- wording helpers
def r_case(r: float) -> str:
    """Which statement fits the factor r = 1 − lr·L of a 1-D quadratic:

    "r_big" for |r| > 1 + CYCLE_RTOL, "r_minus_one" for r = −1 exactly, "r_near_minus_one"
    for 0 < | |r| − 1 | ≤ CYCLE_RTOL (r < 0), "r_zero" for r = 0, "r_neg" for −1 < r < 0,
    "r_pos" for 0 < r < 1.
    """
    if abs(r) > 1.0 + CYCLE_RTOL:
        return "r_big"
    if r == -1.0:
        return "r_minus_one"
    if abs(r) >= 1.0 - CYCLE_RTOL:
        return "r_near_minus_one"
    if r == 0.0:
        return "r_zero"
    return "r_neg" if r < 0 else "r_pos"


def digits_to_tell(value: float, refs: tuple[float, ...] = (-1.0, 0.0, 1.0), least: int = 4,
                   most: int = 17) -> int:
    """Smallest k in [least, most] such that value rounded to k significant digits differs
    from every reference value it is not equal to (so r = −1.0002 is not written −1)."""
    value = float(value)
    for k in range(least, most + 1):
        shown = float(f"{value:.{k}g}")
        if all(shown != ref for ref in refs if value != ref):
            return k
    return most


def exact_digits(value: float, most: int = 17) -> int:
    """Fewest significant digits k ≤ most whose rounding reads back as exactly value
    (float(f"{value:.kg}") == value: the shortest text that reproduces it)."""
    value = float(value)
    for k in range(1, most + 1):
        if float(f"{value:.{k}g}") == value:
            return k
    return most


def one_step_gap(loss: Loss, lr: float) -> float | None:
    """lr − 1/L for a quadratic (0 means lr is exactly the one-step rate); None otherwise."""
    band = stable_band(loss)
    return None if band is None else float(lr) - band.one_step


def lr_from_log(v: float) -> float:
    """lr = 10^v rounded to 3 significant digits and clamped to [LR_MIN, LR_MAX]."""
    return min(LR_MAX, max(LR_MIN, float(f"{10.0 ** float(v):.3g}")))


def log_lr(lr: float, digits: int | None = None) -> float:
    """log₁₀ lr (rounded to ``digits`` decimals when given)."""
    v = math.log10(float(lr))
    return v if digits is None else round(v, digits)


def minimum_value(loss: Loss) -> float:
    """f(x*) at the (first) minimiser."""
    return float(loss.value(np.asarray(loss.minimizers[0], dtype=float)))


def axis_distance(run: DescentRun, axis: int) -> np.ndarray:
    """|x_k,i − target_i| of one coordinate i of a 2-D run (the 1-D distance for 1-D runs)."""
    if run.iterates.ndim == 1:
        return distance(run)
    return np.abs(run.iterates[:, axis] - float(run.target[axis]))
