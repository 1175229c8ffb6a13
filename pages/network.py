"""Small-network lab: train tiny MLPs side by side, one per activation, compare output
activations on the course's XOR network, step through one backpropagation update by hand, and
see why a network without non-linearity stays linear."""

import numpy as np
import pandas as pd
import streamlit as st

from core import datasets as ds
from core import network as net
from core.activations import ACTIVATIONS
from ui import lesson, shell, widgets
from ui.figures.network import (Diagram, MapPanel, boundary_figure, loss_figure, network_figure,
                                training_figure)
from ui.i18n import t
from ui.page import chart, fmt, header, look, main_columns, secondary, show_code
from ui.store import RunStore, shared_store

shell.ensure()

LOOK = look()
lesson.apply("network")  # a lesson step's controls, before any widget
# translated option labels; a link may hold an id or a label in either language (ui.widgets)
DATA_LABELS = widgets.Labels("network.opt.data", ["xor", "circles", "moons", "spiral", "blobs"])
HIDDEN_CHOICES = list(net.LAB_HIDDEN)
OUTPUT_CHOICES = list(net.LAB_OUTPUT)
LRS = [0.001, 0.01, 0.05, 0.1, net.COURSE_LR, 0.5, 1.0, 2.0]
EPOCHS = [10, 100, 300, 1000, 3000, 10000, 30000, net.COURSE_EPOCHS]
INITS = ["course", "xavier", "he", "normal"]
COURSE_SIZES = "-".join(map(str, net.COURSE_XOR_SIZES))
INIT_LABELS = widgets.Labels("network.opt.init", INITS,
                             fixed={"xavier": "Glorot", "he": "He",
                                    "normal": f"N(0, {fmt(net.NORMAL_SCALE)}²)"},
                             sizes=COURSE_SIZES)
MODE_LABELS = widgets.Labels("network.opt.mode", ["sample", "batch"])
LOSS_LABELS = {"mse": "MSE", "bce": "BCE"}
LOSS_FORMULAS = {"mse": "½(y − t)²", "bce": "BCE"}
EXAMPLES = {"relu231": "2-3-1 ReLU", "xor": f"XOR {COURSE_SIZES}"}
DEFAULT_ACTS = ["identity", "sigmoid", "tanh", "relu"]
MAX_COMPARE = 4
# one page request trains at most net.REQUEST_BUDGET work units, split between the sections
COMPARE_BUDGET = net.REQUEST_BUDGET * 4 // 10
OUTPUT_BUDGET = net.REQUEST_BUDGET * 4 // 10
LINEAR_BUDGET = net.REQUEST_BUDGET * 2 // 10
CHUNKS = 10                   # training runs in parts so the progress bar can move
GRID = 40                     # decision-map resolution
COURSE = {"net_data": "xor", "net_n": 4, "net_noise": 0.0, "net_layers": 1,
          "net_w1": net.COURSE_XOR_SIZES[1], "net_acts": ["identity", "sigmoid", "tanh", "relu"],
          "net_out": "sigmoid", "net_lr": net.COURSE_LR, "net_epochs": net.COURSE_EPOCHS,
          "net_mode": "sample", "net_init": "course", "net_bias": True, "net_loss": "mse"}
STAGES = ("forward", "error", "backward", "update")
# output comparison: the course's XOR network with these (hidden, output) activations
OUT_PAIRS = (("sigmoid", "sigmoid"), ("relu", "sigmoid"), ("sigmoid", "relu"), ("relu", "relu"))
OUT_EPOCHS = [1000, 3000, 10000, 30000, net.COURSE_EPOCHS]
# linear versus non-linear: circles, one width for every hidden layer
LIN = dict(n=100, noise=0.05, seed=0, width=6, lr=0.3, init_seed=1)
LIN_CHOICES = ["sigmoid", "tanh", "relu", "leaky_relu", "elu"]
LIN_EPOCHS = [100, 300, 1000, 3000]


def name(act_id: str) -> str:
    """Language-neutral activation name (also what the URL stores)."""
    if act_id == CUSTOM:
        return CUSTOM_LABEL
    return ACTIVATIONS[act_id].name


CUSTOM = "custom"  # the hidden-activation option that stands for the f(x) box (URL key fx)
CUSTOM_LABEL = "f(x)"


def formula_box():
    """The "f(x) = …" box (URL key fx): the parsed formula (core.custom), or None if the box is
    empty or the formula is rejected (a notice says where and why)."""
    return widgets.formula()[1]


def num(v: float, digits: int = 4) -> str:
    """A number for the diagram and the sentences."""
    return fmt(float(v), digits)


def pct(v: float, digits: int = 1) -> str:
    """A share as a percentage."""
    return f"{v:.{digits}%}"


# ----------------------------------------------------------------------------- cached core calls


@st.cache_data(max_entries=16, show_spinner=False)
def dataset(data: str, n: int, noise: float, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """(X, labels) of a data set."""
    d = ds.make(data, n, noise, seed)
    return np.array(d.X), np.array(d.y)


def run_store() -> RunStore:
    """The process-wide store: ≤ 12 requests × ≤ 5 runs × ≤ 100 000 float32 losses (≈ 24 MB)."""
    return shared_store("network_runs", 12)


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


def train_runs(key: tuple, mlps: list, X: np.ndarray, y: np.ndarray, lr: float, epochs: int,
               mode: str, loss: str, grid: bool = True) -> list[dict]:
    """Summaries of the networks trained from mlps (from the store, or trained now in CHUNKS
    parts by core with a progress bar)."""
    store = run_store()
    hit = store.get(key)
    if hit is not None:
        return hit
    with store.lock_for(key):  # a class opening the same link trains it once, not 30 times
        hit = store.get(key)
        if hit is not None:
            return hit
        bar = st.progress(0.0, text=t("network.training"))
        results = []
        for done, results in net.train_chunks(mlps, X, y, lr, epochs, mode, loss, CHUNKS):
            bar.progress(done / epochs, text=t("network.training_k", done=f"{done:,}",
                                               epochs=f"{epochs:,}"))
        bar.empty()
        target = net.target_loss(loss)
        summaries = [summarise(r, X, y, target, grid) for r in results]
        store.put(key, summaries)
    return summaries


# ----------------------------------------------------------------------------- section 1: compare


def apply_course() -> None:
    """Button callback: the course's XOR setup (2-2-1, its lr and per-sample epochs)."""
    for key, value in COURSE.items():
        st.session_state[key] = value


def controls(more=None) -> dict:
    """All training controls; returns the chosen values (already clamped to core bounds).
    The primary ones (course set-up, data, activations, lr, epochs) go into the current
    container, beside the picture; the rest folded into `more` (default: right under them)."""
    st.button(t("network.course_button", sizes=COURSE_SIZES, lr=num(net.COURSE_LR),
                epochs=f"{net.COURSE_EPOCHS:,}"), on_click=apply_course,
              icon=":material/school:",
              help=t("network.course_help", lr=num(net.COURSE_LR),
                     epochs=f"{net.COURSE_EPOCHS:,}"))
    data = widgets.select(t("network.data"), "net_data", list(DATA_LABELS), "xor",
                          fmt=DATA_LABELS.get, help=t("network.data_help"))
    acts = widgets.multiselect(t("network.acts", k=MAX_COMPARE), "net_acts",
                               HIDDEN_CHOICES + [CUSTOM],
                               DEFAULT_ACTS, fmt=name, help=t("network.acts_help"),
                               max_selections=MAX_COMPARE)
    mine = formula_box() if CUSTOM in acts else None  # trains on the plain numpy path
    c1, c2 = st.columns(2)
    with c1:
        lr = widgets.select(t("network.lr"), "net_lr", LRS, net.COURSE_LR, fmt=lambda v: f"{v:g}")
    with c2:
        epochs = widgets.select(t("network.epochs"), "net_epochs", EPOCHS, 1000, fmt=str)
    with (more or st.container()), secondary("common.more_controls"):
        c1, c2, c3, c4 = st.columns(4)
        with c1:
            n = widgets.slider(t("network.n"), "net_n", ds.MIN_N, 400, 100, step=4)
        with c2:
            noise = widgets.slider(t("network.noise"), "net_noise", 0.0, 0.5, 0.1, step=0.01)
        with c3:
            out = widgets.select(t("network.out"), "net_out", OUTPUT_CHOICES, "sigmoid",
                                 fmt=name, help=t("network.out_help"))
        with c4:
            mode = widgets.select(t("network.mode"), "net_mode", list(MODE_LABELS), "sample",
                                  fmt=MODE_LABELS.get, help=t("network.mode_help"))
        c1, c2, c3, c4 = st.columns(4)
        with c1:
            layers = widgets.slider(t("network.layers"), "net_layers", 1,
                                    net.MAX_HIDDEN_LAYERS, 1)
        widths = []
        for i, col in zip(range(layers), (c2, c3, c4)):
            with col:
                widths.append(widgets.slider(t("network.width", k=i + 1), f"net_w{i + 1}", 1,
                                             net.MAX_WIDTH, 4))
        c1, c2, c3, c4 = st.columns(4)
        with c1:
            init = widgets.select(t("network.init"), "net_init", INITS, "xavier",
                                  fmt=INIT_LABELS.get,
                                  help=t("network.init_help", sizes=COURSE_SIZES,
                                         course=INIT_LABELS["course"],
                                         width=net.COURSE_XOR_SIZES[1],
                                         normal=INIT_LABELS["normal"]))
        with c2:
            seed = widgets.number(t("network.seed"), "net_seed", 0, 9999, 0)
        with c3:
            loss = widgets.select(t("network.loss"), "net_loss", list(LOSS_LABELS), "mse",
                                  fmt=LOSS_LABELS.get, help=t("network.loss_help"))
        with c4:
            bias = widgets.toggle(t("network.bias"), "net_bias", True)
        mix = widgets.toggle(t("network.mix"), "net_mix", False, help=t("network.mix_help"))
        mix_acts = []
        if mix:
            for i, col in enumerate(st.columns(3)[:layers]):
                with col:
                    mix_acts.append(widgets.select(t("network.mix_layer", k=i + 1),
                                                   f"net_mix{i + 1}", HIDDEN_CHOICES,
                                                   ["relu", "tanh", "relu"][i], fmt=name))
    return dict(data=data, n=n, noise=noise, widths=widths, acts=acts, out=out, lr=lr,
                epochs=epochs, mode=mode, init=init, seed=seed, loss=loss, bias=bias,
                mix_acts=mix_acts, mine=mine)


def models(c: dict) -> list[tuple[str, tuple]]:
    """(label, activation ids per layer) of every network to train."""
    chosen = c["acts"][:MAX_COMPARE]
    if len(c["acts"]) > MAX_COMPARE:
        st.info(t("network.too_many", k=MAX_COMPARE,
                  names=", ".join(name(a) for a in chosen)))
    mine = c.get("mine")
    runs = [(mine.name if a == CUSTOM else name(a),
             tuple([mine if a == CUSTOM else a] * len(c["widths"]) + [c["out"]]))
            for a in chosen if a != CUSTOM or mine is not None]
    if c["mix_acts"]:
        label = t("network.mix_label", names="/".join(name(a) for a in c["mix_acts"]))
        runs.append((label, tuple(c["mix_acts"] + [c["out"]])))
    return runs


def start_mlps(sizes: tuple, runs: list, bias: bool, init: str, seed: int) -> list[net.MLP]:
    """The initial networks: the course's XOR weights or one seeded initialiser, the same
    weights for every activation (they depend only on sizes, method and seed)."""
    if init == "course":
        return [net.course_xor(acts[0], acts[1]) for _, acts in runs]
    start = net.init_mlp(sizes, runs[0][1], method=init, seed=seed, bias=bias)
    return [start.with_activations(acts) for _, acts in runs]


def dead_text(masks: tuple) -> tuple[int, str]:
    """(number of dead hidden units, "L1: #2, #4 · L2: #1" or "—")."""
    parts, total = [], 0
    for layer, mask in enumerate(masks, start=1):
        idx = [str(j + 1) for j, dead in enumerate(mask) if dead]
        total += len(idx)
        if idx:
            parts.append(f"L{layer}: " + ", ".join("#" + i for i in idx))
    return total, " · ".join(parts) or "—"


def reach_text(epoch: int | None) -> str:
    """The epoch a run first got below the target loss, or a dash."""
    return "—" if epoch is None else f"{epoch:,}"


def compare_section() -> None:
    """Section 1, the page's main picture: train the chosen activations on the same data and
    initial weights; the training curves with the decision maps (one chart) beside the primary
    controls (above it on a phone; in classroom mode below it, so the picture fills the
    projected screen), the verdict under the picture, then the table."""
    if LOOK.classroom:
        picture, ctrl = st.container(), st.container()
        with picture:
            lesson_box = st.container()
    else:
        ctrl, picture = main_columns(1, 2.6)
        with ctrl:
            lesson_box = st.container()
    more, below = st.container(), st.container()
    with ctrl:
        c = controls(more)
        notices = st.container()
    if not c["acts"] and not c["mix_acts"]:
        with notices:
            st.info(t("network.none"))
        return
    sizes = tuple([2] + c["widths"] + [1])
    init = c["init"]
    with notices:
        if init == "course" and (sizes != net.COURSE_XOR_SIZES or not c["bias"]):
            st.caption(t("network.course_fallback", sizes=COURSE_SIZES))
            init = "xavier"
        loss = c["loss"]
        if loss == "bce" and c["out"] != "sigmoid":
            st.warning(t("network.bce_needs_sigmoid"))
            loss = "mse"
        runs = models(c)
    if not runs:  # only "f(x)" was chosen and its box holds no usable formula
        return
    epochs = net.plan_epochs(sizes, [acts for _, acts in runs], c["n"], c["epochs"], c["mode"],
                             COMPARE_BUDGET, c["bias"])
    if epochs < c["epochs"]:
        with notices:
            st.caption(t("network.epochs_capped", asked=f"{c['epochs']:,}",
                         used=f"{epochs:,}"))
    # the seed only matters if the initial weights or the points are drawn at random
    seed = c["seed"] if init != "course" or ds.uses_seed(c["data"], c["noise"]) else 0
    X, y = dataset(c["data"], c["n"], c["noise"], seed)
    key = ("compare", c["data"], c["n"], c["noise"], seed, sizes, tuple(a for _, a in runs),
           c["bias"], init, c["lr"], epochs, c["mode"], loss)
    with picture:  # the progress bar stands where the picture will be
        results = [dict(label=label, **r) for (label, _), r in zip(runs, train_runs(
            key, start_mlps(sizes, runs, c["bias"], init, seed), X, y, c["lr"], epochs,
            c["mode"], loss))]
    target = net.target_loss(loss)
    with lesson_box:
        lesson.bar("network")  # after the training above: the step's numbers are stored
    panels, rows = [], []
    xor_table = c["data"] == "xor" and c["n"] == 4 and c["noise"] == 0
    for r in results:
        dead_n, dead_where = dead_text(r["dead"])
        title = f"{r['label']} · {pct(r['acc'], 0)}" + (f" · ✗{dead_n}" if dead_n else "")
        panels.append(MapPanel(title, r["xs"], r["ys"], r["Z"]))
        status = (t("network.diverged", epoch=r["diverged"] + 1) if r["diverged"] is not None
                  else t("network.ok"))
        row = {t("network.col.model"): r["label"], t("network.col.loss"): num(r["final"], 4),
               t("network.col.acc"): pct(r["acc"]),
               t("network.col.reach", target=num(target)): reach_text(r["reach"]),
               t("network.col.dead"): dead_where, t("network.col.status"): status}
        if xor_table:
            for xi, out in zip(net.XOR_X, r["xor"]):
                row[f"y({int(xi[0])}, {int(xi[1])})"] = num(out, 4)
        rows.append(row)
    with picture:
        chart(training_figure([r["label"] for r in results], [r["losses"] for r in results],
                              panels, X, y, LOOK, t("network.epoch_axis"),
                              t("network.loss_axis", loss=LOSS_FORMULAS[loss]),
                              t("network.map_scale"),
                              (t("network.class0"), t("network.class1"))), "net_loss")
        st.caption(f"**{t('network.maps')}** · "
                   + t("network.maps_help", half=num(net.DECISION_THRESHOLD)))
        verdict = st.container()
    with below:
        st.subheader(t("network.compare.title"))
        st.markdown(t("network.compare.intro"))
        st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")
    rank = net.rank_runs([r["acc"] for r in results], [r["final"] for r in results],
                         [r["reach"] for r in results])
    text = t("network.summary", data=DATA_LABELS[c["data"]], epochs=f"{epochs:,}",
             sizes="-".join(map(str, sizes)),
             best=", ".join(results[i]["label"] for i in rank.best),
             acc=pct(results[rank.best[0]]["acc"]), low=results[rank.lowest]["label"],
             loss=num(results[rank.lowest]["final"], 4))
    if rank.fastest is None:
        text += " " + t("network.summary_none", target=num(target), epochs=f"{epochs:,}")
    else:
        text += " " + t("network.summary_fast", target=num(target),
                        fast=results[rank.fastest]["label"],
                        epoch=f"{results[rank.fastest]['reach']:,}")
    verdict.markdown(text)
    with below:
        show_code(net.train, net._sample_update, net.train_chunks)


# ----------------------------------------------------------------------------- section 2: outputs


@st.fragment
def output_section() -> None:
    """Section 2: sigmoid or ReLU at the output of the course's XOR network, side by side."""
    st.subheader(t("network.oc.title"))
    st.markdown(t("network.oc.intro", sizes=COURSE_SIZES, lr=num(net.COURSE_LR)))
    with st.columns(3)[0]:
        asked = widgets.select(t("network.epochs"), "net_oc_epochs", OUT_EPOCHS, 10000,
                               fmt=str)
    epochs = net.plan_epochs(net.COURSE_XOR_SIZES, OUT_PAIRS, len(net.XOR_X), asked, "sample",
                             OUTPUT_BUDGET)
    if epochs < asked:
        st.caption(t("network.epochs_capped", asked=f"{asked:,}", used=f"{epochs:,}"))
    labels = [f"{name(h)} → {name(o)}" for h, o in OUT_PAIRS]
    results = train_runs(("outputs", epochs), [net.course_xor(h, o) for h, o in OUT_PAIRS],
                         net.XOR_X, net.XOR_T[:, 0], net.COURSE_LR, epochs, "sample", "mse",
                         grid=False)
    target = net.target_loss("mse")
    chart(loss_figure(labels, [r["losses"] for r in results], LOOK, t("network.epoch_axis"),
                      t("network.loss_axis", loss=LOSS_FORMULAS["mse"])), "net_oc_loss")
    rows, lines = [], []
    for (h, o), label, r in zip(OUT_PAIRS, labels, results):
        row = {t("network.col.model"): name(h), t("network.oc.col.out"): name(o)}
        for xi, v in zip(net.XOR_X, r["xor"]):
            row[f"y({int(xi[0])}, {int(xi[1])})"] = num(v, 4)
        row[t("network.col.acc")] = pct(r["acc"], 0)
        row[t("network.col.reach", target=num(target))] = reach_text(r["reach"])
        rows.append(row)
        outs = ", ".join(num(v, 3) for v in r["xor"])
        if r["reach"] is None:
            lines.append(t("network.oc.line_never", net=label, outs=outs, acc=pct(r["acc"], 0),
                           target=num(target), epochs=f"{epochs:,}"))
        else:
            lines.append(t("network.oc.line", net=label, outs=outs, acc=pct(r["acc"], 0),
                           target=num(target), epoch=f"{r['reach']:,}"))
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")
    st.markdown("\n".join(f"- {line}" for line in lines))
    rank = net.rank_runs([r["acc"] for r in results], [r["final"] for r in results],
                         [r["reach"] for r in results])
    rest = [i for i in range(len(results)) if i not in rank.best]
    text = t("network.oc.summary", best=", ".join(labels[i] for i in rank.best),
             acc=pct(results[rank.best[0]]["acc"], 0), epochs=f"{epochs:,}")
    if rest:
        text += " " + t("network.oc.summary_rest", rest=", ".join(
            f"{labels[i]} ({pct(results[i]['acc'], 0)})" for i in rest))
    st.markdown(text)
    st.markdown(t("network.oc.note"))


# ----------------------------------------------------------------------------- section 3: stepper


def move(key: str, delta: int, last: int) -> None:
    """Button callback: one stage forward or back (kept within 1..last)."""
    st.session_state[key] = min(last, max(1, int(st.session_state.get(key, 1)) + delta))


def unit_names(sizes: tuple) -> dict:
    """x₁, x₂ for inputs, h₁… for hidden units (layer-numbered if several), y for the output."""
    sub = "₀₁₂₃₄₅₆₇₈₉"
    names = {}
    for l, n in enumerate(sizes):
        for j in range(n):
            if l == 0:
                names[(l, j)] = f"x{sub[j + 1]}"
            elif l == len(sizes) - 1:
                names[(l, j)] = "y" if n == 1 else f"y{sub[j + 1]}"
            else:
                names[(l, j)] = f"h{sub[j + 1]}"
    return names


def diagram(tr: net.StepTrace, stage: str) -> Diagram:
    """The network of a trace with the numbers of one stage on its nodes and edges."""
    mlp = tr.before
    sizes = mlp.sizes
    names = unit_names(sizes)
    L = len(sizes) - 1
    node_text, edge_text = {}, {}
    for j, v in enumerate(tr.x):
        node_text[(0, j)] = f"x = {num(v)}"
    for l in range(1, L + 1):
        for j in range(sizes[l]):
            z, a = tr.z[l - 1][j], tr.a[l][j]
            if stage == "forward":
                text = f"z = {num(z)}<br>a = {num(a)}"
            elif stage == "error":
                text = f"a = {num(a)}"
                if l == L:
                    text = (f"y = {num(a)}<br>t = {num(tr.t[j])}<br>y − t = {num(tr.error[j])}"
                            f"<br>L = {num(tr.loss)}")
            elif stage == "backward":
                text = f"f′(z) = {num(tr.fprime[l - 1][j])}<br>δ = {num(tr.delta[l - 1][j])}"
            else:
                text = f"δ = {num(tr.delta[l - 1][j])}"
                if mlp.biases is not None:
                    text += f"<br>b → {num(tr.after.biases[l - 1][j])}"
            node_text[(l, j)] = text
    for l in range(L):
        for i in range(sizes[l]):
            for j in range(sizes[l + 1]):
                w = mlp.weights[l][i, j]
                edge_text[(l, i, j)] = (num(tr.after.weights[l][i, j]) if stage == "update"
                                        else num(w))
    hot_nodes = {"forward": {k for k in names if k[0] > 0}, "error": {(L, j) for j in
                 range(sizes[L])}, "backward": {k for k in names if k[0] > 0},
                 "update": set()}[stage]
    hot_edges = set(edge_text) if stage in ("update", "backward") else set()
    return Diagram(sizes, names, node_text, edge_text, frozenset(hot_nodes), frozenset(hot_edges))


def stage_lines(tr: net.StepTrace, stage: str) -> list[str]:
    """The stage's arithmetic written out with the trace's numbers, one line per unit."""
    mlp = tr.before
    names = unit_names(mlp.sizes)
    L = len(mlp.weights)
    lines = []
    if stage == "forward":
        for l in range(1, L + 1):
            act = name(mlp.activations[l - 1])
            for j in range(mlp.sizes[l]):
                terms = " + ".join(f"{num(tr.a[l - 1][i])}·{num(mlp.weights[l - 1][i, j])}"
                                   for i in range(mlp.sizes[l - 1]))
                if mlp.biases is not None:
                    terms += f" + {num(mlp.biases[l - 1][j])}"
                lines.append(t("network.step.line_forward", unit=names[(l, j)], terms=terms,
                               z=num(tr.z[l - 1][j]), act=act, a=num(tr.a[l][j])))
    elif stage == "error":
        for j in range(mlp.sizes[L]):
            lines.append(t("network.step.line_error", y=num(tr.y[j]), t=num(tr.t[j]),
                           e=num(tr.error[j])))
        lines.append(t("network.step.line_loss", loss=num(tr.loss)))
    elif stage == "backward":
        for j in range(mlp.sizes[L]):
            lines.append(t("network.step.line_delta_out", unit=names[(L, j)],
                           e=num(tr.error[j]), g=num(tr.fprime[L - 1][j]),
                           d=num(tr.delta[L - 1][j])))
        for l in range(L - 1, 0, -1):
            for i in range(mlp.sizes[l]):
                terms = " + ".join(f"{num(tr.delta[l][j])}·{num(mlp.weights[l][i, j])}"
                                   for j in range(mlp.sizes[l + 1]))
                lines.append(t("network.step.line_delta", unit=names[(l, i)], terms=terms,
                               back=num(tr.back[l - 1][i]), g=num(tr.fprime[l - 1][i]),
                               d=num(tr.delta[l - 1][i])))
    return lines


def update_table(tr: net.StepTrace) -> pd.DataFrame:
    """Every weight and bias: old value, gradient a·δ, new value w − lr·∂L/∂w."""
    mlp = tr.before
    names = unit_names(mlp.sizes)
    rows = []
    for l in range(len(mlp.weights)):
        for i in range(mlp.sizes[l]):
            for j in range(mlp.sizes[l + 1]):
                rows.append((f"w {names[(l, i)]}→{names[(l + 1, j)]}", mlp.weights[l][i, j],
                             tr.dW[l][i, j], tr.after.weights[l][i, j]))
        if mlp.biases is not None:
            for j in range(mlp.sizes[l + 1]):
                rows.append((f"b {names[(l + 1, j)]}", mlp.biases[l][j], tr.db[l][j],
                             tr.after.biases[l][j]))
    return pd.DataFrame({t("network.step.col.param"): [r[0] for r in rows],
                         t("network.step.col.old"): [num(r[1], 6) for r in rows],
                         t("network.step.col.grad"): [num(r[2], 6) for r in rows],
                         t("network.step.col.new"): [num(r[3], 6) for r in rows]})


@st.cache_data(max_entries=4, show_spinner=False)
def example_traces(example: str) -> tuple:
    """The traced updates of a textbook example (the course's learning rate)."""
    if example == "relu231":
        return (net.course_relu_231_step(),)
    return net.trace_epoch(net.course_xor(), net.XOR_X, net.XOR_T, lr=net.COURSE_LR)


@st.fragment
def step_section() -> None:
    """Section 3: one backpropagation update, stage by stage, on a drawn network."""
    st.subheader(t("network.step.title"))
    st.markdown(t("network.step.intro"))
    # one row of controls, so the drawn network fits under them at 1280×720
    c0, c1, c2, c3 = st.columns([3, 1.3, 1.3, 3], vertical_alignment="bottom")
    with c0:
        example = widgets.select(t("network.step.example"), "net_ex", list(EXAMPLES), "relu231",
                                 fmt=EXAMPLES.get, kind="segmented",
                                 help=t("network.step.example_help",
                                        x=", ".join(num(v) for v in net.COURSE_231_X),
                                        t=num(net.COURSE_231_T), lr=num(net.COURSE_LR),
                                        sizes=COURSE_SIZES, relu_label=EXAMPLES["relu231"]))
    traces = example_traces(example)
    key = f"net_pos_{example}"
    last = len(traces) * len(STAGES)
    with c3:
        pos = widgets.slider(t("network.step.pos"), key, 1, last, 1)
    with c1:
        st.button(t("network.step.back"), on_click=move, args=(key, -1, last),
                  key=f"{key}_back", width="stretch", icon=":material/arrow_back:")
    with c2:
        st.button(t("network.step.next"), on_click=move, args=(key, 1, last),
                  key=f"{key}_next", width="stretch", icon=":material/arrow_forward:",
                  type="primary")
    sample, stage_i = divmod(pos - 1, len(STAGES))
    stage = STAGES[stage_i]
    tr = traces[sample]
    if example == "xor":
        where = t("network.step.where_xor", k=sample + 1, n=len(traces),
                  x=", ".join(num(v) for v in tr.x), t=num(tr.t[0]))
    else:
        where = t("network.step.where_231", x=", ".join(num(v) for v in tr.x),
                  t=num(tr.t[0]), lr=num(tr.lr))
    left, right = st.columns([5, 4])
    with left:
        lesson.bar("network", "step")
        chart(network_figure(diagram(tr, stage), LOOK), "net_diagram")
    with right:
        st.markdown(f"**{t(f'network.stage.{stage}')}**  \n{where}")
        st.markdown(t(f"network.stage.{stage}.text"))
        if stage == "update":
            st.markdown(t("network.step.update_rule", lr=num(tr.lr)))
            st.dataframe(update_table(tr), hide_index=True, width="stretch")
        else:
            st.markdown("\n".join(f"- {line}" for line in stage_lines(tr, stage)))
    show_code(net._sample_update)


# ----------------------------------------------------------------------------- section 4: linear


@st.fragment
def linear_section() -> None:
    """Section 4: identity activations keep the decision boundary straight at any depth;
    non-linear ones bend it, some in fewer epochs than others."""
    st.subheader(t("network.lin.title"))
    st.markdown(t("network.lin.intro"))
    c1, c2, c3 = st.columns([1, 2, 1])
    with c1:
        depth = widgets.slider(t("network.lin.depth", width=LIN["width"]), "net_lin_depth", 1,
                               net.MAX_HIDDEN_LAYERS, 1)
    with c2:
        others = widgets.multiselect(t("network.lin.other"), "net_lin_acts", LIN_CHOICES,
                                     ["sigmoid", "relu"], fmt=name, max_selections=3)
    with c3:
        asked = widgets.select(t("network.epochs"), "net_lin_epochs", LIN_EPOCHS, 300, fmt=str)
    acts = ["identity"] + [a for a in others if a != "identity"]
    sizes = tuple([2] + [LIN["width"]] * depth + [1])
    layer_acts = [tuple([a] * depth + ["sigmoid"]) for a in acts]
    epochs = net.plan_epochs(sizes, layer_acts, LIN["n"], asked, "sample", LINEAR_BUDGET)
    if epochs < asked:
        st.caption(t("network.epochs_capped", asked=f"{asked:,}", used=f"{epochs:,}"))
    X, y = dataset("circles", LIN["n"], LIN["noise"], LIN["seed"])
    start = net.init_mlp(sizes, layer_acts[0], "xavier", seed=LIN["init_seed"])
    results = train_runs(("linear", sizes, tuple(layer_acts), epochs),
                         [start.with_activations(a) for a in layer_acts], X, y, LIN["lr"],
                         epochs, "sample", "mse")
    panels = [MapPanel(f"{name(a)} × {depth} · {pct(r['acc'], 0)}", r["xs"], r["ys"], r["Z"])
              for a, r in zip(acts, results)]
    chart(boundary_figure(panels, X, y, LOOK, t("network.map_scale"),
                          (t("network.class0"), t("network.class1"))), "net_linear")
    target = net.target_loss("mse")
    lines = []
    for a, r in zip(acts, results):
        verdict = t("network.lin.sep_yes" if net.separates(r["acc"]) else "network.lin.sep_no")
        common = dict(act=name(a), acc=pct(r["acc"]), verdict=verdict, target=num(target))
        if r["reach"] is None:
            lines.append(t("network.lin.line_never", epochs=f"{epochs:,}", **common))
        else:
            lines.append(t("network.lin.line", epoch=f"{r['reach']:,}", **common))
    st.markdown(t("network.lin.setup", n=LIN["n"], lr=num(LIN["lr"]), epochs=f"{epochs:,}",
                  sep=pct(net.SEPARATED_ACCURACY, 0)))
    st.markdown("\n".join(f"- {line}" for line in lines))
    rank = net.rank_runs([r["acc"] for r in results[1:]] or [0.0],
                         [r["final"] for r in results[1:]] or [float("inf")],
                         [r["reach"] for r in results[1:]] or [None])
    if len(results) > 2 and rank.fastest is not None:
        st.markdown(t("network.lin.fastest", act=name(acts[1 + rank.fastest]),
                      target=num(target), epoch=f"{results[1 + rank.fastest]['reach']:,}"))


header("network")
compare_section()
st.divider()
output_section()
st.divider()
step_section()
st.divider()
linear_section()
