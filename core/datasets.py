"""Small two-dimensional binary classification sets for training toy networks.

Every generator returns a Dataset with X of shape (n, 2) and 0/1 labels y of shape (n,).
Classes alternate row by row (0, 1, 0, 1, … for all sets but XOR, which cycles through its
four corners), so per-sample training sees both classes early. Each set first draws clean
points with np.random.default_rng(seed) and then adds Gaussian noise N(0, noise²) to each
coordinate; the same (n, noise, seed) always gives the same points.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Callable

import numpy as np

from core.numeric import check_range

Array = np.ndarray

MIN_N = 4
MAX_N = 1_000        # points per data set
MAX_NOISE = 1.0      # noise standard deviation lies in [0, MAX_NOISE]


@dataclass(frozen=True, eq=False)
class Dataset:
    """Points X (n × 2), labels y ∈ {0, 1} (n,) and the generator id."""

    X: Array
    y: Array
    name: str

    @property
    def targets(self) -> Array:
        """Labels as an (n, 1) column, the shape a one-output network trains on."""
        return self.y.reshape(-1, 1)


def _check(n: int, noise: float) -> tuple[int, float]:
    n, noise = int(n), float(noise)
    check_range("n", n, MIN_N, MAX_N)
    check_range("noise", noise, 0.0, MAX_NOISE)
    return n, noise


def _finish(X: Array, y: Array, noise: float, rng: np.random.Generator, name: str) -> Dataset:
    """Add N(0, noise²) to every coordinate and wrap the result."""
    if noise > 0:
        X = X + rng.normal(0.0, noise, size=X.shape)
    X = X.astype(np.float64)
    y = y.astype(np.float64)
    X.setflags(write=False)
    y.setflags(write=False)
    return Dataset(X, y, name)


def _alternating(n: int) -> Array:
    """Labels 0, 1, 0, 1, … of length n."""
    return np.arange(n) % 2


def xor(n: int = 4, noise: float = 0.0, seed: int = 0) -> Dataset:
    """XOR: point i sits at corner i mod 4 of (0,0), (0,1), (1,0), (1,1) with label x₁ XOR x₂.
    n = 4, noise = 0 gives exactly the truth table in that order."""
    n, noise = _check(n, noise)
    rng = np.random.default_rng(seed)
    corners = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
    idx = np.arange(n) % 4
    return _finish(corners[idx], np.array([0, 1, 1, 0])[idx], noise, rng, "xor")


def circles(n: int = 200, noise: float = 0.05, seed: int = 0, factor: float = 0.5) -> Dataset:
    """Two concentric circles: label 0 on radius 1, label 1 on radius `factor` (0 < factor < 1);
    angles θ ~ U(0, 2π), point = r·(cos θ, sin θ)."""
    n, noise = _check(n, noise)
    if not 0.0 < factor < 1.0:
        raise ValueError("factor must lie in (0, 1)")
    rng = np.random.default_rng(seed)
    y = _alternating(n)
    theta = rng.uniform(0.0, 2 * math.pi, size=n)
    r = np.where(y == 1, factor, 1.0)
    return _finish(np.column_stack([r * np.cos(theta), r * np.sin(theta)]), y, noise, rng,
                   "circles")


def moons(n: int = 200, noise: float = 0.1, seed: int = 0) -> Dataset:
    """Two interleaved half circles, θ ~ U(0, π): label 0 at (cos θ, sin θ), label 1 at
    (1 − cos θ, ½ − sin θ); shifted by (−½, −¼) to centre the picture."""
    n, noise = _check(n, noise)
    rng = np.random.default_rng(seed)
    y = _alternating(n)
    theta = rng.uniform(0.0, math.pi, size=n)
    x0 = np.where(y == 0, np.cos(theta), 1.0 - np.cos(theta)) - 0.5
    x1 = np.where(y == 0, np.sin(theta), 0.5 - np.sin(theta)) - 0.25
    return _finish(np.column_stack([x0, x1]), y, noise, rng, "moons")


def spiral(n: int = 200, noise: float = 0.05, seed: int = 0, turns: float = 1.25) -> Dataset:
    """Two interleaved spiral arms: s ~ U(0.05, 1), radius s, angle 2π·turns·s + π·label
    (turns in (0, 3])."""
    n, noise = _check(n, noise)
    if not 0.0 < turns <= 3.0:
        raise ValueError("turns must lie in (0, 3]")
    rng = np.random.default_rng(seed)
    y = _alternating(n)
    s = rng.uniform(0.05, 1.0, size=n)
    angle = 2 * math.pi * turns * s + math.pi * y
    return _finish(np.column_stack([s * np.cos(angle), s * np.sin(angle)]), y, noise, rng,
                   "spiral")


def blobs(n: int = 200, noise: float = 0.1, seed: int = 0, spread: float = 0.3) -> Dataset:
    """Two Gaussian blobs: label 0 around (−0.6, −0.6), label 1 around (0.6, 0.6), each point
    centre + N(0, spread²) per coordinate (0 < spread ≤ 1) — linearly separable when tight."""
    n, noise = _check(n, noise)
    if not 0.0 < spread <= 1.0:
        raise ValueError("spread must lie in (0, 1]")
    rng = np.random.default_rng(seed)
    y = _alternating(n)
    centres = np.where(y[:, None] == 1, 0.6, -0.6) * np.ones((n, 2))
    return _finish(centres + rng.normal(0.0, spread, size=(n, 2)), y, noise, rng, "blobs")


DATASETS: dict[str, Callable[..., Dataset]] = {
    "xor": xor, "circles": circles, "moons": moons, "spiral": spiral, "blobs": blobs,
}


def plot_box(X: Array, margin: float = 0.25) -> tuple[tuple[float, float], tuple[float, float]]:
    """((x_min, x_max), (y_min, y_max)) of the points widened by `margin` on every side."""
    X = np.asarray(X, dtype=np.float64)
    lo, hi = X.min(axis=0) - margin, X.max(axis=0) + margin
    return (float(lo[0]), float(hi[0])), (float(lo[1]), float(hi[1]))


def uses_seed(name: str, noise: float) -> bool:
    """True if the points of data set `name` depend on the seed: every set draws from its
    generator except noise-free XOR, which is the fixed truth table."""
    if name not in DATASETS:
        raise ValueError(f"unknown data set {name!r}; choose from {sorted(DATASETS)}")
    return not (name == "xor" and float(noise) == 0.0)


def make(name: str, n: int, noise: float, seed: int = 0) -> Dataset:
    """The data set `name` (one of DATASETS) with n points, noise and seed."""
    if name not in DATASETS:
        raise ValueError(f"unknown data set {name!r}; choose from {sorted(DATASETS)}")
    return DATASETS[name](n=n, noise=noise, seed=seed)
