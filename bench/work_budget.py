"""Time the heaviest requests after core's work budgets have reduced them.

Deep-MLP simulation (core.saturation): 30 layers × 256 units × 2,000 samples asked, for the
identity, GELU and the heaviest formula the parser accepts; plan_simulation picks the sample
count, this script runs simulate_deep_mlp with it. Network lab (core.network): 3 × 8 hidden
units, 400 points, four networks (three with the heaviest formula in every hidden layer, one
Mish), 90,000 epochs asked, per sample and full batch, under the page's compare share (40 %)
of REQUEST_BUDGET; plan_training picks the epochs.

Prints per case: the work units the plan counts (≈ ns of CPU), the measured CPU time of this
process and the wall time (on a shared machine the wall time also counts other processes).

Usage: .venv/bin/python bench/work_budget.py
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from core import network as net  # noqa: E402
from core import saturation as sat  # noqa: E402
from core.custom import parse  # noqa: E402

HEAVY = "gelu(" * 16 + "x" + ")" * 16 + "+" + "gelu(" * 15 + "x" + ")" * 15 + "+gelu(x)"


def timed(fn) -> tuple[float, float]:
    """(CPU seconds of this process, wall seconds) of one call of fn()."""
    cpu, wall = time.process_time(), time.perf_counter()
    with np.errstate(all="ignore"):
        fn()
    return time.process_time() - cpu, time.perf_counter() - wall


def main() -> None:
    heavy = parse(HEAVY)
    print(f"heaviest formula: {len(HEAVY)} characters, {heavy.nodes} nodes, "
          f"{heavy.element_cost():.0f} units per value, {heavy.call_cost():.0f} per call")
    for label, act in (("identity", "identity"), ("gelu", "gelu"), ("heaviest formula", heavy)):
        plan = sat.plan_simulation(act, sat.MAX_DEPTH, sat.MAX_WIDTH, sat.MAX_SAMPLES)
        cpu, wall = timed(lambda: sat.simulate_deep_mlp(
            act, sat.MAX_DEPTH, sat.MAX_WIDTH, plan.n_samples, "he", 0))
        print(f"simulation {label:17s}: {plan.n_samples:5d} of {plan.asked} samples, "
              f"{plan.work / 1e9:5.2f} s counted, CPU {cpu:5.2f} s, wall {wall:5.2f} s")
    sizes = (2, 8, 8, 8, 1)
    sets = [(heavy, heavy, heavy, "sigmoid")] * 3 + [("mish",) * 3 + ("sigmoid",)]
    rng = np.random.default_rng(0)
    X = rng.standard_normal((400, 2))
    T = (X[:, :1] > 0).astype(float)
    budget = net.REQUEST_BUDGET * 4 // 10
    for mode in ("sample", "batch"):
        plan = net.plan_training(sizes, sets, 400, 90_000, mode, budget)
        mlps = [net.init_mlp(sizes, list(a), seed=0) for a in sets]
        cpu, wall = timed(lambda: net.train_many(mlps, X, T, 0.01, plan.epochs, mode))
        print(f"network {mode:6s}: {plan.epochs:5d} of {plan.asked} epochs, "
              f"{plan.work / 1e9:5.2f} s counted (share {budget / 1e9:.2f} s), "
              f"CPU {cpu:5.2f} s, wall {wall:5.2f} s")


if __name__ == "__main__":
    main()
