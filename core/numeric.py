"""The small numerical tools every core module shares: one of each.

- ``golden_section``: the extremum of a unimodal scalar function on [a, b].
- ``bisect``: the point where a yes/no test flips between two points.
- ``sample``: f and f' of an activation on evenly spaced points.
- ``check_range`` / ``check_int``: argument checks with one wording of the error.
- ``erf``: the error function on arrays (vectorised, double precision).

numpy and the standard library only; nothing here imports another core module.
"""

from __future__ import annotations

import math
from typing import Callable

import numpy as np

INV_PHI = (math.sqrt(5.0) - 1.0) / 2.0  # 1/φ ≈ 0.618: golden-section shrink factor


def check_range(name: str, value: float, lo: float, hi: float, lo_open: bool = False) -> None:
    """Raise ValueError unless value is finite and lo ≤ value ≤ hi (lo < value when lo_open)."""
    try:
        v = float(value)
    except (TypeError, ValueError):
        v = math.nan
    if not (math.isfinite(v) and lo <= v <= hi) or (lo_open and v == lo):
        bound = f"({lo}, {hi}]" if lo_open else f"[{lo}, {hi}]"
        raise ValueError(f"{name} must lie in {bound}, got {value!r}")


def check_int(name: str, value: int, lo: int, hi: int) -> None:
    """Raise ValueError unless value is an integer (not a bool) with lo ≤ value ≤ hi."""
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or not lo <= value <= hi:
        raise ValueError(f"{name} must be an integer in [{lo}, {hi}], got {value!r}")


def golden_section(fn: Callable[[float], float], a: float, b: float, maximise: bool = False,
                   tol: float = 1e-12, max_iter: int = 120) -> float:
    """The minimiser (maximiser when maximise) of a unimodal scalar fn on [a, b].

    Golden-section search: keep two interior points c = b − (b − a)/φ and d = a + (b − a)/φ
    (φ = (1 + √5)/2); if fn(c) is the better one the extremum lies in [a, d], else in [c, b].
    Each step shrinks the bracket by 1/φ ≈ 0.618 and reuses one of the two function values,
    so it costs one evaluation. Stops when b − a < tol or after max_iter steps; returns the
    midpoint of the last bracket.
    """
    sign = 1.0 if maximise else -1.0  # compare sign·fn: larger is better
    c, d = b - INV_PHI * (b - a), a + INV_PHI * (b - a)
    fc, fd = sign * fn(c), sign * fn(d)
    for _ in range(max_iter):
        if b - a < tol:
            break
        if fc >= fd:
            b, d, fd = d, c, fc
            c = b - INV_PHI * (b - a)
            fc = sign * fn(c)
        else:
            a, c, fc = c, d, fd
            d = a + INV_PHI * (b - a)
            fd = sign * fn(d)
    return 0.5 * (a + b)


def bisect(pred: Callable[[float], bool], a: float, b: float, rtol: float = 1e-12,
           max_iter: int = 200) -> float:
    """The point between a and b where the yes/no test pred flips (pred(a) ≠ pred(b)): one
    bracket of :func:`bisect_many` (the same halving, stopping rule and result)."""
    x = bisect_many(lambda m, idx: np.array([bool(pred(float(m[0])))]), np.array([a], float),
                    np.array([b], float), np.array([bool(pred(a))]), rtol, max_iter)
    return float(x[0])


def bisect_many(pred: Callable[[np.ndarray, np.ndarray], np.ndarray], a: np.ndarray,
                b: np.ndarray, p_a: np.ndarray, rtol: float = 1e-12,
                max_iter: int = 200) -> np.ndarray:
    """Bisection on many brackets [a_k, b_k] at once, where the yes/no test flips
    (pred_k(a_k) = p_a[k] ≠ pred_k(b_k)); ``pred(x, idx)`` answers for the brackets ``idx`` at
    their points x.

    Each bracket: look at the midpoint m = (a + b)/2; if pred(m) = pred(a) the flip lies in
    [m, b], else in [a, m]. A bracket stops when |b − a| ≤ rtol·max(1, |a|, |b|), when its
    midpoint can no longer be told apart from an end (float resolution), or after max_iter
    halvings; returns the midpoints of the last brackets. a may lie on either side of b. For a
    jump (ReLU' at 0) it converges to the jump.
    """
    a, b = np.array(a, dtype=np.float64), np.array(b, dtype=np.float64)
    live = np.ones(a.shape, dtype=bool)
    for _ in range(max_iter):
        m = 0.5 * (a + b)
        live &= ~((np.abs(b - a) <= rtol * np.maximum(1.0, np.maximum(np.abs(a), np.abs(b))))
                  | (m == a) | (m == b))
        idx = np.flatnonzero(live)
        if idx.size == 0:
            break
        same = np.asarray(pred(m[idx], idx), dtype=bool) == p_a[idx]
        a[idx[same]] = m[idx[same]]
        b[idx[~same]] = m[idx[~same]]
    return 0.5 * (a + b)


def sample(act, lo: float, hi: float, n: int, **params: float
           ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(x, f(x), f'(x)) on xₖ = lo + k·(hi − lo)/(n − 1), k = 0..n−1, for an Activation act
    (anything with fn_grad: f and f' together, one pass for a user's formula). The callers
    check their own limits on lo, hi and n."""
    x = np.linspace(float(lo), float(hi), int(n))
    f, g = act.fn_grad(x, **params)
    return x, f, g


# ----------------------------------------------------------------------------- erf
# W. J. Cody, "Rational Chebyshev approximations for the error function", Math. Comp. 23
# (1969) 631–637, the coefficients of his CALERF routine (SPECFUN, netlib): three rational
# approximations with relative error below 6e-19 (|x| ≤ 0.5), 7e-19 (0.5 < |x| ≤ 4) and
# 3e-17 (|x| > 4) in exact arithmetic; in doubles the result is good to a few ulp.

_A = (3.16112374387056560e00, 1.13864154151050156e02, 3.77485237685302021e02,
      3.20937758913846947e03, 1.85777706184603153e-1)
_B = (2.36012909523441209e01, 2.44024637934444173e02, 1.28261652607737228e03,
      2.84423683343917062e03)
_C = (5.64188496988670089e-1, 8.88314979438837594e00, 6.61191906371416295e01,
      2.98635138197400131e02, 8.81952221241769090e02, 1.71204761263407058e03,
      2.05107837782607147e03, 1.23033935479799725e03, 2.15311535474403846e-8)
_D = (1.57449261107098347e01, 1.17693950891312499e02, 5.37181101862009858e02,
      1.62138957456669019e03, 3.29079923573345963e03, 4.36261909014324716e03,
      3.43936767414372164e03, 1.23033935480374942e03)
_P = (3.05326634961232344e-1, 3.60344899949804439e-1, 1.25781726111229246e-1,
      1.60837851487422766e-2, 6.58749161529837803e-4, 1.63153871373020978e-2)
_Q = (2.56852019228982242e00, 1.87295284992346725e00, 5.27905102951428412e-1,
      6.05183413124413191e-2, 2.33520497626869185e-3)
_SQRPI = 1.0 / math.sqrt(math.pi)  # 1/√π
_ERF_ONE = 6.0  # erfc(|x|) < 2.2e-17 beyond: erf(x) = ±1 in double precision
_ERF_SMALL = 64  # up to this many values erf loops over math.erf (same C library function)
_ERF_BLOCK = 16384  # larger arrays are done in blocks of this many values (128 KB each)


def _rational(z: np.ndarray, num_c: tuple, den_c: tuple) -> np.ndarray:
    """(num_c[-1]·zᵏ + … + num_c[k−1]) / (zᵏ + den_c[0]·zᵏ⁻¹ + … + den_c[k−1]) by Horner's
    rule in Cody's coefficient order (num_c[-1] leads), computed in place (large arrays: every
    temporary costs fresh memory)."""
    k = len(den_c)
    num = z * num_c[-1]
    den = z.copy()
    for i in range(k - 1):
        num += num_c[i]
        num *= z
        den += den_c[i]
        den *= z
    num += num_c[k - 1]
    den += den_c[k - 1]
    num /= den
    return num


def _erf_small(x: np.ndarray) -> np.ndarray:
    """erf(x) for |x| ≤ 0.5: x·P(x²)/Q(x²) (Cody's first approximation; x² is taken as 0
    below |x| = 1e-100, where it would only underflow)."""
    y = np.where(np.abs(x) < 1e-100, 0.0, x)
    y *= y
    r = _rational(y, _A, _B)
    r *= x
    return r


def _erfc_mid(y: np.ndarray) -> np.ndarray:
    """erfc(y) for 0.5 < y ≤ 4: e^(−y²)·P(y)/Q(y) (Cody's second approximation)."""
    r = _rational(y, _C, _D)
    r *= _exp_neg_square(y)
    return r


def _erfc_large(y: np.ndarray) -> np.ndarray:
    """erfc(y) for y > 4: e^(−y²)/y·(1/√π + R(1/y²)/y²) (Cody's third approximation)."""
    z = y * y
    np.reciprocal(z, out=z)
    r = _rational(z, _P, _Q)
    r *= z
    np.subtract(_SQRPI, r, out=r)
    r *= _exp_neg_square(y)
    r /= y
    return r


def _exp_neg_square(y: np.ndarray) -> np.ndarray:
    """e^(−y²) as e^(−ỹ²)·e^(−(y − ỹ)(y + ỹ)), ỹ = y rounded down to 1/16: ỹ² is exact, so the
    rounding error of y² is not multiplied by y² in the exponent (Cody's trick)."""
    ys = y * 16.0
    np.trunc(ys, out=ys)
    ys /= 16.0
    d = y - ys
    d *= y + ys
    np.negative(d, out=d)
    np.exp(d, out=d)
    ys *= ys
    np.negative(ys, out=ys)
    np.exp(ys, out=ys)
    ys *= d
    return ys


def erf(x: np.ndarray | float) -> np.ndarray:
    """erf(x) = (2/√π)·∫₀ˣ e^(−t²) dt elementwise on a float64 array (nan stays nan).

    Cody's rational approximations: |x| ≤ 0.5 directly; 0.5 < |x| ≤ 4 and 4 < |x| < 6 through
    erfc(|x|) = 1 − erf(|x|); ±1 beyond |x| ≥ 6. erf(−x) = −erf(x), erf(±0) = ±0. Agrees with
    math.erf to ~1e-16 relative (tests check 1e-13 over a wide grid). Arrays of at most 64
    values (a small network's layer) go through math.erf value by value: numpy's fixed cost
    per call of the branches above is then the larger part; large arrays are done in blocks
    of 16,384 values so every temporary stays in the CPU cache.
    """
    x = np.asarray(x, dtype=np.float64)
    if x.size <= _ERF_SMALL:  # a few values: math.erf each is cheaper than the masked branches
        return np.array([math.erf(v) for v in x.ravel()], dtype=np.float64).reshape(x.shape)
    if x.size > _ERF_BLOCK:  # in blocks, so that every temporary stays in the CPU cache
        flat = np.ascontiguousarray(x).ravel()
        out = np.empty_like(flat)
        for i in range(0, flat.size, _ERF_BLOCK):
            out[i:i + _ERF_BLOCK] = _erf_block(flat[i:i + _ERF_BLOCK])
        return out.reshape(x.shape)
    return _erf_block(x)


def _erf_block(x: np.ndarray) -> np.ndarray:
    """erf on one float64 array (see erf)."""
    out = np.empty_like(x)
    ax = np.abs(x)
    small = ax <= 0.5
    mid = (ax > 0.5) & (ax <= 4.0)
    large = (ax > 4.0) & (ax < _ERF_ONE)
    out[small] = _erf_small(x[small])
    sgn = np.sign(x)
    out[mid] = sgn[mid] * (1.0 - _erfc_mid(ax[mid]))
    out[large] = sgn[large] * (1.0 - _erfc_large(ax[large]))
    one = ax >= _ERF_ONE
    out[one] = sgn[one]
    nan = np.isnan(x)
    out[nan] = np.nan
    return out
