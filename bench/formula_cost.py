"""Re-measure the work-unit constants of core's cost model (one unit ≈ 1 ns of CPU here).

Prints, as Python literals to paste into core:
  * ELEMENT_COST / CALL_COST (core/activations.py): ns per element and per call of f and f'
    of every catalogue activation (fn + grad on float64 values, N(0, 3²));
  * NODE_COST / NODE_CALL_COST (core/custom.py): ns per element / per call of one node (value and slope) of a
    user's formula, by node kind: the time of a node over x-leaves minus the time of its
    leaves (a catalogue activation inside a formula costs its ELEMENT_COST plus NODE_COST["act"]);
  * SIM_MAC_COST / SIM_ELEMENT_COST (core/saturation.py): ns per multiply-add of the deep-MLP
    simulation's three matrix products per layer and ns per element of its other per-layer work
    (quantiles, shares, norms), fitted on simulate_deep_mlp with the identity;
  * FAST_* / NUMPY_* / BATCH_* (core/network.py): the training cost model, fitted on
    core.network.train timings (compiled per-sample path, numpy loop, full batch).
Per element = on 512,000 values; per call (CALL_COST, NODE_CALL_COST) = on 8 values, where
numpy's fixed cost per call is all there is (a tiny network's layers are that small).
Every time is the CPU time of this process, best of --repeats runs (the least disturbed one).

Usage: .venv/bin/python bench/formula_cost.py [--repeats 5] [--only catalogue,nodes,sim,network]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from core import network as net  # noqa: E402
from core import saturation as sat  # noqa: E402
from core.activations import ACTIVATIONS  # noqa: E402
from core.custom import Node, forward  # noqa: E402

N = 512_000  # 2,000 samples × 256 units: one layer of the largest simulation


def best(fn, repeats: int) -> float:
    """The shortest of `repeats` CPU times of fn() in seconds (process time: on a shared
    machine the wall time also counts other processes' turns)."""
    out = float("inf")
    for _ in range(repeats):
        start = time.process_time()
        fn()
        out = min(out, time.process_time() - start)
    return out


def per_element(fn, repeats: int) -> float:
    """ns per element of fn() over the N-element array."""
    return best(fn, repeats) / N * 1e9


X8 = np.linspace(-2.0, 2.0, 8)  # a tiny array: the time is numpy's fixed cost per call
CALLS = 200  # calls timed together on X8


def per_call(fn, repeats: int) -> float:
    """ns per call of fn() (on the tiny array X8)."""
    return best(lambda: [fn() for _ in range(CALLS)], repeats) / CALLS * 1e9


def catalogue(x: np.ndarray, repeats: int) -> tuple[dict[str, int], dict[str, int]]:
    """(ELEMENT_COST, CALL_COST): fn + grad per element on 512,000 values and per call on 8
    values, every catalogue activation."""
    elem, call = {}, {}
    with np.errstate(all="ignore"):
        for a in ACTIVATIONS.values():
            elem[a.id] = max(1, round(per_element(lambda: (a.fn(x), a.grad(x)), repeats)))
            call[a.id] = max(1, round(per_call(lambda: (a.fn(X8), a.grad(X8)), repeats)))
    return elem, call


def nodes(x: np.ndarray, repeats: int, element: dict[str, int], call: dict[str, int]
          ) -> tuple[dict[str, int], dict[str, int]]:
    """(NODE_COST, NODE_CALL_COST): one node over x-leaves minus its leaves, per element on
    512,000 values and per evaluation on 8 values."""
    X, C = Node("x"), Node("num", value=0.5)
    cmp_ = Node("cmp", (X, C), fn=">")
    trees = {
        "x": (X, []), "num": (C, []), "neg": (Node("neg", (X,)), [X]),
        "add": (Node("add", (X, X)), [X, X]), "sub": (Node("sub", (X, X)), [X, X]),
        "mul": (Node("mul", (X, X)), [X, X]), "div": (Node("div", (X, X)), [X, X]),
        "pow": (Node("pow", (X, Node("num", value=3.0))), [X, C]),
        "pow_x": (Node("pow", (Node("num", value=2.0), X)), [C, X]),
        "where": (Node("where", (cmp_, X, X)), [X, X, X, C]),
    }
    for name in ("exp", "log", "log1p", "sqrt", "abs", "sin", "cos", "erf"):
        trees["fn:" + name] = (Node("fn", (X,), fn=name), [X])
    for name in ("maximum", "minimum"):
        trees["fn:" + name] = (Node("fn", (X, X), fn=name), [X, X])
    trees["act"] = (Node("act", (X,), fn="identity"), [X])
    both = Node("cmp", (X, C), fn=">")
    trees["and"] = (Node("where", (Node("and", (both, both)), X, X)), [X, X, X, X, C, C])
    trees["not"] = (Node("where", (Node("not", (both,)), X, X)), [X, X, X, C])
    tables = []
    for arr, timer, act in ((x, per_element, element), (X8, per_call, call)):
        with np.errstate(all="ignore"):
            raw = {k: timer(lambda t=t: forward(t, arr), repeats) for k, (t, _) in trees.items()}
        out = {}
        for k, (t, kids) in trees.items():
            out[k] = raw[k] - sum(raw["x" if c.op == "x" else "num"] for c in kids)
        out["act"] -= act["identity"]
        out["and"] -= out["where"]  # the and node itself (its comparisons: as in "where")
        out["not"] -= out["where"]
        out["or"] = out["and"]
        out["cmp"] = 1  # a comparison is timed inside "where" (and, not: inside theirs)
        floor = raw["x"] if arr is X8 else 1.0  # per call: at least one numpy call (x's)
        tables.append({k: max(1, round(max(v, floor))) for k, v in out.items()})
    return tables[0], tables[1]


def simulation(repeats: int) -> tuple[float, float]:
    """(ns per multiply-add, ns per element of other per-layer work) of simulate_deep_mlp with
    the identity, fitted on width 256 (products dominate) and width 16 (element work does)."""
    def t(depth, width, n):
        return best(lambda: sat.simulate_deep_mlp("identity", depth, width, n, "xavier", 0),
                    repeats)
    ident = float(sat.get("identity").element_cost())
    rows = []
    for depth, width, n in ((30, 256, 2000), (30, 16, 2000)):
        macs = 3.0 * depth * n * width * width
        elems = float(depth * n * width)
        rows.append((macs, elems, t(depth, width, n) * 1e9 - ident * elems))
    (m1, e1, y1), (m2, e2, y2) = rows
    det = m1 * e2 - m2 * e1
    mac = (y1 * e2 - y2 * e1) / det
    elem = (m1 * y2 - m2 * y1) / det
    return mac, elem


def _train_ns(sizes, acts, n, epochs, mode, repeats, fast=True) -> float:
    """CPU ns of one epoch (per-sample: of one update when per_update) of core.network.train."""
    mlp = net.init_mlp(sizes, list(acts), seed=0)
    rng = np.random.default_rng(0)
    X = rng.standard_normal((n, sizes[0]))
    T = (X[:, :1] > 0).astype(float)
    return best(lambda: net.train(mlp, X, T, 0.01, epochs, mode, fast=fast), repeats) \
        / epochs * 1e9


def network(repeats: int) -> dict[str, float]:
    """The constants of core.network's epoch_cost, fitted on train() timings."""
    relu = {s: ("relu",) * (len(s) - 2) + ("sigmoid",) for s in
            ((2, 2, 1), (2, 8, 1), (2, 8, 8, 8, 1))}
    # compiled per-sample path: ns per update = B·P (a fit through 0)
    big = (2, 8, 8, 8, 1)
    pts = [(net.n_params(s), _train_ns(s, a, 400, 3, "sample", repeats) / 400)
           for s, a in relu.items()]
    pts.append((net.n_params(big),
                _train_ns(big, ("mish",) * 3 + ("sigmoid",), 400, 3, "sample", repeats) / 400))
    B = sum(p * t for p, t in pts) / sum(p * p for p, _ in pts)
    # numpy per-sample loop (arctan has no template): ns per update = S + L·layers
    # (a fit through 0: per layer, the activation's own evaluation_work is added on top)
    n2 = _train_ns((2, 2, 1), ("arctan", "sigmoid"), 100, 1, "sample", repeats, False) / 100
    n4 = _train_ns(big, ("arctan",) * 3 + ("sigmoid",), 100, 1, "sample", repeats, False) / 100
    layer = (2 * n2 + 4 * n4) / (2 * 2 + 4 * 4)
    # full batch: ns per epoch = E + L·layers + R·rows·P
    rows = []
    for s, a in relu.items():
        for n in (4, 400):
            rows.append((1.0, len(s) - 1, n * net.n_params(s),
                         _train_ns(s, a, n, 30, "batch", repeats)))
    m = np.array([r[:3] for r in rows], dtype=float)
    (E, L, R), *_ = np.linalg.lstsq(m, np.array([r[3] for r in rows]), rcond=None)
    # per-element cost on a layer's 3,200 values against ELEMENT_COST (512,000): the largest
    # ratio over a few activations and a heavy formula
    from core.custom import parse
    x = np.random.default_rng(0).standard_normal(3200)
    ratios = []
    for a in ("sigmoid", "mish", "gelu", "tanh",
              parse("erf(erf(erf(x)))+gelu(gelu(x))*mish(mish(x))-tanh(exp(-x*x))/2")):
        act = net.get(a)
        t = best(lambda: [act.fn_grad(x) for _ in range(20)], repeats) / 20 * 1e9
        ratios.append((t - act.call_cost()) / (3200 * act.element_cost()))
    return {"FAST_PARAM_COST": B, "SMALL_ARRAY_FACTOR": max(ratios),
            "NUMPY_LAYER_COST": layer,
            "BATCH_EPOCH_COST": E, "BATCH_LAYER_COST": L, "BATCH_ROW_PARAM_COST": R}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--only", default="catalogue,nodes,sim,network")
    args = ap.parse_args()
    parts = set(args.only.split(","))
    x = np.random.default_rng(0).standard_normal(N) * 3.0
    element, call = catalogue(x, args.repeats) if parts & {"catalogue", "nodes"} else ({}, {})
    if "catalogue" in parts:
        print("ELEMENT_COST =", element)
        print("CALL_COST =", call)
    if "nodes" in parts:
        node_elem, node_call = nodes(x, args.repeats, element, call)
        print("NODE_COST =", node_elem)
        print("NODE_CALL_COST =", node_call)
    if "sim" in parts:
        mac, elem = simulation(args.repeats)
        print(f"SIM_MAC_COST = {mac:.3f}  SIM_ELEMENT_COST = {elem:.2f}")
    if "network" in parts:
        for k, v in network(args.repeats).items():
            print(f"{k} = {v:.3g}")


if __name__ == "__main__":
    main()
