"""Time comparing four hidden activations on XOR (2-2-1, per-sample updates, lr 0.2).

Fast path: core.network.train_many (compiled scalar loop per network).
Baselines, each run once per activation (four runs):
  * "plain": core.network.train(..., fast=False), the straightforward numpy loop of the repo,
  * "textbook": a minimal hand-written numpy loop with inline activation formulas (no registry),
    the kind of loop a student writes from the course notes.
By default everything runs for the full epoch count (90 000: about three minutes for the
baselines) and the numbers of the fast path are compared with both baselines after all epochs.
--quick runs the baselines for --base-epochs epochs only and scales their times linearly; the
output then says so on every scaled line, and compares the numbers after --base-epochs epochs.

The fast path's time is the best of --repeats runs (default 3); the baselines run once each
(--base-repeats to change that).

Usage: .venv/bin/python bench/network_speed.py [--epochs 90000] [--quick] [--base-epochs 3000]
       [--repeats 3] [--base-repeats 1] [--hidden sigmoid,tanh,relu,elu]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from core.network import MLP, train, train_many  # noqa: E402

X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
T = np.array([[0.0], [1.0], [1.0], [0.0]])
HIDDEN = ("sigmoid", "tanh", "relu", "elu")
LR = 0.2


def course_models(hidden: tuple[str, ...] = HIDDEN) -> list[MLP]:
    base = MLP([[[0.10, 0.20], [0.30, 0.40]], [[0.50], [0.60]]], [[0.1, 0.2], [0.3]],
               ("sigmoid", "sigmoid"))
    return [base.with_activations([h, "sigmoid"]) for h in hidden]


_TEXTBOOK = {
    "sigmoid": (lambda z: 1 / (1 + np.exp(-z)), lambda a, z: a * (1 - a)),
    "tanh": (np.tanh, lambda a, z: 1 - a * a),
    "relu": (lambda z: np.maximum(z, 0), lambda a, z: (z > 0).astype(float)),
    "elu": (lambda z: np.where(z > 0, z, np.expm1(np.minimum(z, 0))),
            lambda a, z: np.where(z > 0, 1.0, np.exp(np.minimum(z, 0)))),
}


def textbook_loop(mlp: MLP, epochs: int) -> np.ndarray:
    """Course-style loop: forward, deltas, updates, one sample at a time."""
    W1, W2 = mlp.weights
    b1, b2 = mlp.biases
    f1, g1 = _TEXTBOOK[mlp.activations[0]]
    f2, g2 = _TEXTBOOK["sigmoid"]
    for _ in range(epochs):
        for x, t in zip(X, T):
            z1 = x @ W1 + b1
            a1 = f1(z1)
            z2 = a1 @ W2 + b2
            a2 = f2(z2)
            d2 = (a2 - t) * g2(a2, z2)
            d1 = (d2 @ W2.T) * g1(a1, z1)
            W2 = W2 - LR * np.outer(a1, d2)
            b2 = b2 - LR * d2
            W1 = W1 - LR * np.outer(x, d1)
            b1 = b1 - LR * d1
    return f2(f1(X @ W1 + b1) @ W2 + b2)


def timed(fn, repeats: int):
    """(result, best wall time of `repeats` runs): the minimum is the least disturbed by other
    processes on a shared machine (the timeit convention)."""
    best, out = float("inf"), None
    for _ in range(repeats):
        start = time.perf_counter()
        out = fn()
        best = min(best, time.perf_counter() - start)
    return out, best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--epochs", type=int, default=90_000)
    ap.add_argument("--quick", action="store_true",
                    help="run the baselines for --base-epochs only and scale their times")
    ap.add_argument("--base-epochs", type=int, default=3_000)
    ap.add_argument("--repeats", type=int, default=3, help="best of this many fast-path runs")
    ap.add_argument("--base-repeats", type=int, default=1, help="best of this many baseline runs")
    ap.add_argument("--hidden", default=",".join(HIDDEN),
                    help="comma-separated hidden activations (textbook loop: sigmoid, tanh, "
                         "relu, elu only)")
    args = ap.parse_args()
    hidden = tuple(args.hidden.split(","))
    epochs = args.epochs
    base_epochs = min(args.base_epochs, epochs) if args.quick else epochs
    scale = epochs / base_epochs
    models = course_models(hidden)
    textbook = all(h in _TEXTBOOK for h in hidden)

    fast, t_fast = timed(lambda: train_many(models, X, T, LR, epochs), args.repeats)
    fast_cmp = fast if base_epochs == epochs else train_many(models, X, T, LR, base_epochs)
    plain, t_plain = timed(lambda: [train(m, X, T, LR, base_epochs, fast=False)
                                    for m in models], args.base_repeats)
    if textbook:
        text, t_text = timed(lambda: [textbook_loop(m, base_epochs) for m in models],
                             args.base_repeats)

    print(f"XOR 2-2-1, hidden activations {', '.join(hidden)}, sigmoid output, lr {LR}, "
          f"per-sample updates, {epochs} epochs × {len(models)} networks")
    print(f"fast path (train_many)           : {t_fast:8.2f} s  measured, all {epochs} epochs, "
          f"best of {args.repeats}, compiled={all(r.fast for r in fast)}")
    note = (f"measured, all {epochs} epochs" if scale == 1 else
            f"SCALED: measured {base_epochs} epochs, × {scale:g}")
    print(f"plain numpy loop (fast=False) ×{len(models)} : {t_plain * scale:8.2f} s  ({note})")
    print(f"speed-up vs plain loop           : {t_plain * scale / t_fast:8.1f}×"
          + ("" if scale == 1 else "  (from a scaled time)"))
    if textbook:
        print(f"textbook numpy loop ×{len(models)}           : {t_text * scale:8.2f} s  ({note})")
        print(f"speed-up vs textbook loop        : {t_text * scale / t_fast:8.1f}×"
              + ("" if scale == 1 else "  (from a scaled time)"))

    diff_out = max(np.max(np.abs(f.mlp.forward(X) - p.mlp.forward(X)))
                   for f, p in zip(fast_cmp, plain))
    diff_loss = max(np.max(np.abs(f.losses - p.losses)) for f, p in zip(fast_cmp, plain))
    line = (f"same numbers after {base_epochs} epochs: max |Δ output| fast vs plain = "
            f"{diff_out:.2e}, max |Δ loss per epoch| = {diff_loss:.2e}")
    if textbook:
        diff_text = max(np.max(np.abs(f.mlp.forward(X) - t)) for f, t in zip(fast_cmp, text))
        line += f", max |Δ output| fast vs textbook = {diff_text:.2e}"
    print(line)
    for h, r in zip(hidden, fast):
        y = np.round(r.mlp.forward(X).ravel(), 4)
        print(f"  {h:8s} outputs after {epochs} epochs: {y}  final loss {r.losses[-1]:.3e}")


if __name__ == "__main__":
    main()
