"""What the small-network lab trains, importable without running the page: the set-up of each
section from the controls' values, its store key, and the trained summaries (from the
process-wide store, or trained now by core with a progress bar). The network lesson asks the
same functions for the page's results instead of training anything itself."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping

import numpy as np
import streamlit as st

from core import datasets as ds
from core import network as net
from ui.controls.network import CUSTOM, LIN_WIDTH, MAX_COMPARE, SPEC, name
from ui.i18n import t
from ui.store import RunStore, shared_store

# one page request trains at most net.REQUEST_BUDGET work units, split between the sections
COMPARE_BUDGET = net.REQUEST_BUDGET * 4 // 10
OUTPUT_BUDGET = net.REQUEST_BUDGET * 4 // 10
LINEAR_BUDGET = net.REQUEST_BUDGET * 2 // 10
STORE_REQUESTS = 12           # requests kept: ≤ 12 × ≤ 5 runs × ≤ 100 000 float32 losses
#                               (and the timeline's maps: ≤ 12 × ≤ 170 000 float32 values)
CHUNKS = 10                   # training runs in parts so the progress bar can move
GRID = 40                     # decision-map resolution
TIMELINE_BYTES = 170_000      # the timeline's maps of one page, one byte per grid value
#                               (with the titles and the cursor ≈ 280 KB of JSON): this bounds the snapshots
# output comparison: the course's XOR network with these (hidden, output) activations
OUT_PAIRS = (("sigmoid", "sigmoid"), ("relu", "sigmoid"), ("sigmoid", "relu"), ("relu", "relu"))
# linear versus non-linear: circles, one width for every hidden layer
LIN = dict(n=100, noise=0.05, seed=0, lr=0.3, init_seed=1)


@st.cache_data(max_entries=16, show_spinner=False)
def dataset(data: str, n: int, noise: float, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """(X, labels) of a data set."""
    d = ds.make(data, n, noise, seed)
    return np.array(d.X), np.array(d.y)


def snapshot_count(models: int) -> int:
    """Snapshots of section 1's timeline for that many networks: as many as TIMELINE_BYTES of
    one-byte maps hold (epoch 0 included), at most core's MAX_SNAPSHOTS, at least 2."""
    fit = 1 + TIMELINE_BYTES // (max(1, int(models)) * GRID * GRID)
    return max(2, min(net.MAX_SNAPSHOTS, fit))


def run_store() -> RunStore:
    """The process-wide store of trained summaries (≈ 24 MB at most)."""
    return shared_store("network_runs", STORE_REQUESTS)


def timeline_of(tl: net.Timeline, i: int, diverged: int | None) -> dict:
    """Network i's snapshots (core's Timeline): the epochs, the maps (float32), accuracy and
    dead units at each (no verdict on dead units once the run has diverged, as summarise)."""
    dead = tl.dead[i] if diverged is None else np.where(tl.epochs > diverged, 0, tl.dead[i])
    return {"at": np.asarray(tl.epochs), "maps": np.asarray(tl.maps[i], dtype=np.float32),
            "accs": np.asarray(tl.accuracy[i]), "deads": np.asarray(dead)}


def summarise(r: net.TrainResult, X: np.ndarray, y: np.ndarray, target: float,
              grid: bool) -> dict:
    """Everything shown about one trained network, from core: losses, accuracy, dead units,
    decision map, outputs on the XOR corners and the epoch the loss first fell below target."""
    mlp, ok = r.mlp, r.diverged_at is None
    with np.errstate(over="ignore"):  # a diverged loss beyond float32 becomes inf (not drawn)
        losses = np.asarray(r.losses, dtype=np.float32)
    out = {"losses": losses,
           "final": float(r.losses[-1]) if r.losses.size else float("nan"),
           "diverged": r.diverged_at, "acc": net.accuracy(mlp, X, y),
           "dead": net.dead_units(mlp, X) if ok  # nan parameters: no verdict
           else tuple(np.zeros(n, dtype=bool) for n in mlp.sizes[1:-1]),
           "reach": net.epochs_to_loss(r.losses, target),
           "xor": mlp.forward(net.XOR_X)[:, 0] if mlp.sizes[0] == 2 else None}
    if grid:
        xl, yl = ds.plot_box(X)
        out["xs"], out["ys"], out["Z"] = net.output_grid(mlp, xl, yl, GRID)
    return out


def _train(mlps: list, X: np.ndarray, y: np.ndarray, lr: float, epochs: int, mode: str,
           loss: str, snapshots: int) -> tuple[list, net.Timeline | None]:
    """(core's results, the timeline or None): trained in parts by core with a progress bar,
    the parts ending at the timeline's epochs when snapshots ≥ 2."""
    bar = st.progress(0.0, text=t("network.training"))
    results, timeline = [], None
    if snapshots >= 2:
        steps = net.train_timeline(mlps, X, y, lr, epochs, mode, loss, snapshots,
                                   *ds.plot_box(X), GRID)
    else:
        steps = ((done, rs, None)
                 for done, rs in net.train_chunks(mlps, X, y, lr, epochs, mode, loss, CHUNKS))
    for done, results, timeline in steps:
        bar.progress(done / epochs, text=t("network.training_k", done=f"{done:,}",
                                           epochs=f"{epochs:,}"))
    bar.empty()
    return results, timeline


def train_runs(key: tuple, mlps: list, X: np.ndarray, y: np.ndarray, lr: float, epochs: int,
               mode: str, loss: str, grid: bool = True, snapshots: int = 0) -> list[dict]:
    """Summaries of the networks trained from mlps (from the store, or trained now by core
    with a progress bar); with snapshots ≥ 2 each also holds its timeline (timeline_of)."""
    store = run_store()
    hit = store.get(key)
    if hit is not None:
        return hit
    with store.lock_for(key):  # a class opening the same link trains it once, not 30 times
        hit = store.get(key)
        if hit is not None:
            return hit
        results, timeline = _train(mlps, X, y, lr, epochs, mode, loss, snapshots)
        target = net.target_loss(loss)
        summaries = [summarise(r, X, y, target, grid) for r in results]
        if timeline is not None:
            for i, (out, r) in enumerate(zip(summaries, results)):
                out.update(timeline_of(timeline, i, r.diverged_at))
        store.put(key, summaries)
    return summaries


# ----------------------------------------------------------------------------- section 1


@dataclass(frozen=True)
class Compare:
    """What section 1 trains for one set-up (plan_compare): one network per label, all from the
    same initial weights on the same points; the notes say what the page changed."""

    data: str
    n: int
    noise: float
    seed: int
    sizes: tuple
    labels: tuple
    layer_acts: tuple
    bias: bool
    init: str
    lr: float
    budget: net.TrainPlan | None  # epochs asked and used under the work budget (core)
    mode: str
    loss: str
    course_fallback: bool    # the course weights need the course's 2-2-1 with biases: Xavier
    bce_fallback: bool       # BCE needs a sigmoid output: MSE
    chosen: tuple            # the activations trained (the first MAX_COMPARE chosen)
    too_many: bool
    refused: bool            # the f(x) network left out: one epoch of it is over the budget

    @property
    def epochs(self) -> int:
        """The epochs trained (≤ the epochs asked: the request's work budget; 0: none)."""
        return self.budget.epochs if self.budget is not None else 0

    @property
    def key(self) -> tuple:
        """The store key of the runs (labels aside: they are the language's)."""
        return ("timeline", self.data, self.n, self.noise, self.seed, self.sizes,
                self.layer_acts, self.bias, self.init, self.lr, self.epochs, self.mode,
                self.loss)


def _models(s: Mapping[str, Any], layers: int, mine) -> tuple[list, list]:
    """(labels, activation ids per layer) of every network the settings ask for."""
    chosen = list(s["net_acts"])[:MAX_COMPARE]
    picked = [(mine.name if a == CUSTOM else name(a), [mine if a == CUSTOM else a] * layers)
              for a in chosen if a != CUSTOM or mine is not None]
    labels = [label for label, _ in picked]
    acts = [tuple(a + [s["net_out"]]) for _, a in picked]
    if s["net_mix"]:
        mix = [s[f"net_mix{k}"] for k in range(1, layers + 1)]
        labels.append(t("network.mix_label", names="/".join(name(a) for a in mix)))
        acts.append(tuple(mix + [s["net_out"]]))
    return labels, acts


def _within_budget(s: Mapping[str, Any], sizes: tuple, labels: list, layer_acts: list,
                   mine) -> tuple[list, list, net.TrainPlan | None, bool]:
    """(labels, activations, core's plan of epochs, refused): when even one epoch is over
    COMPARE_BUDGET (a heavy formula on the per-sample path), the f(x) network is left out."""
    def plan(acts: list) -> net.TrainPlan | None:
        if not acts:
            return None
        shots = net.snapshot_cost(sizes, acts, int(s["net_n"]), snapshot_count(len(acts)), GRID,
                                  s["net_bias"])
        return net.plan_training(sizes, acts, int(s["net_n"]), int(s["net_epochs"]),
                                 s["net_mode"], COMPARE_BUDGET, s["net_bias"], fixed=shots)

    budget = plan(layer_acts)
    if budget is None or budget.within or mine is None:
        return labels, layer_acts, budget, False
    keep = [i for i, acts in enumerate(layer_acts) if mine not in acts]
    layer_acts = [layer_acts[i] for i in keep]
    return [labels[i] for i in keep], layer_acts, plan(layer_acts), True


def plan_compare(s: Mapping[str, Any], mine=None) -> Compare:
    """Section 1's set-up from the controls' values s (SPEC keys) and the parsed f(x) formula
    (mine, or None); its layer_acts are empty when there is nothing to train."""
    layers = int(s["net_layers"])
    sizes = tuple([2] + [int(s[f"net_w{k}"]) for k in range(1, layers + 1)] + [1])
    labels, layer_acts, budget, refused = _within_budget(s, sizes, *_models(s, layers, mine),
                                                         mine)
    course_fallback = s["net_init"] == "course" and (
        sizes != net.COURSE_XOR_SIZES or not s["net_bias"])
    init = "xavier" if course_fallback else s["net_init"]
    bce_fallback = s["net_loss"] == "bce" and s["net_out"] != "sigmoid"
    # the seed only matters if the initial weights or the points are drawn at random
    seed = int(s["net_seed"]) if init != "course" or ds.uses_seed(s["net_data"],
                                                                  s["net_noise"]) else 0
    return Compare(s["net_data"], int(s["net_n"]), float(s["net_noise"]), seed, sizes,
                   tuple(labels), tuple(layer_acts), bool(s["net_bias"]), init,
                   float(s["net_lr"]), budget, s["net_mode"],
                   "mse" if bce_fallback else s["net_loss"], course_fallback, bce_fallback,
                   tuple(list(s["net_acts"])[:MAX_COMPARE]), len(s["net_acts"]) > MAX_COMPARE,
                   refused)


def start_mlps(p: Compare) -> list[net.MLP]:
    """The initial networks: the course's XOR weights or one seeded initialiser, the same
    weights for every activation (they depend only on sizes, method and seed)."""
    if p.init == "course":
        return [net.course_xor(acts[0], acts[1]) for acts in p.layer_acts]
    start = net.init_mlp(p.sizes, p.layer_acts[0], method=p.init, seed=p.seed, bias=p.bias)
    return [start.with_activations(acts) for acts in p.layer_acts]


def compare_runs(p: Compare) -> tuple[np.ndarray, np.ndarray, list[dict]]:
    """(X, labels, one summary per network, each with its label) of section 1 (trained now if
    the store does not hold them)."""
    X, y = dataset(p.data, p.n, p.noise, p.seed)
    runs = train_runs(p.key, start_mlps(p), X, y, p.lr, p.epochs, p.mode, p.loss,
                      snapshots=snapshot_count(len(p.layer_acts)))
    return X, y, [dict(label=label, **r) for label, r in zip(p.labels, runs)]


def stored_compare(overrides: Mapping[str, Any]) -> list[dict] | None:
    """Section 1's summaries for the page state SPEC.state(**overrides), if the page has
    trained them in this process (the lesson's numbers); None otherwise."""
    p = plan_compare(SPEC.state(**overrides))
    return run_store().get(p.key) if p.layer_acts else None


# ----------------------------------------------------------------------------- sections 2 and 4


def output_runs(asked: int) -> tuple[net.TrainPlan, list[str], list[dict]]:
    """(epochs asked and used, labels, summaries) of the course XOR network with each
    OUT_PAIRS output."""
    budget = net.plan_training(net.COURSE_XOR_SIZES, OUT_PAIRS, len(net.XOR_X), asked,
                               "sample", OUTPUT_BUDGET)
    epochs = budget.epochs
    labels = [f"{name(h)} → {name(o)}" for h, o in OUT_PAIRS]
    results = train_runs(("outputs", epochs), [net.course_xor(h, o) for h, o in OUT_PAIRS],
                         net.XOR_X, net.XOR_T[:, 0], net.COURSE_LR, epochs, "sample", "mse",
                         grid=False)
    return budget, labels, results


def linear_runs(depth: int, acts: list[str], asked: int):
    """(epochs asked and used, points X, their classes, summaries) of the circles trained with each activation in every
    one of depth hidden layers of LIN_WIDTH units (sigmoid output), from one Xavier start."""
    sizes = tuple([2] + [LIN_WIDTH] * depth + [1])
    layer_acts = [tuple([a] * depth + ["sigmoid"]) for a in acts]
    budget = net.plan_training(sizes, layer_acts, LIN["n"], asked, "sample", LINEAR_BUDGET)
    epochs = budget.epochs
    X, y = dataset("circles", LIN["n"], LIN["noise"], LIN["seed"])
    start = net.init_mlp(sizes, layer_acts[0], "xavier", seed=LIN["init_seed"])
    results = train_runs(("linear", sizes, tuple(layer_acts), epochs),
                         [start.with_activations(a) for a in layer_acts], X, y, LIN["lr"],
                         epochs, "sample", "mse")
    return budget, X, y, results


@st.cache_data(max_entries=4, show_spinner=False)
def example_traces(example: str) -> tuple:
    """The traced updates of a textbook example (the course's learning rate)."""
    if example == "relu231":
        return (net.course_relu_231_step(),)
    return net.trace_epoch(net.course_xor(), net.XOR_X, net.XOR_T, lr=net.COURSE_LR)

