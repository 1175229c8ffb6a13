"""Small-network lab: train tiny MLPs side by side, one per activation, step through one
backpropagation update by hand, and see why a network without non-linearity stays linear."""

import numpy as np
import pandas as pd
import streamlit as st

from core import datasets as ds
from core import network as net
from core.activations import ACTIVATIONS
from ui import shell, widgets
from ui.figures.network import Diagram, MapPanel, boundary_figure, loss_figure, network_figure
from ui.i18n import t
from ui.page import chart, fmt, header, look, secondary, show_code

shell.ensure()

LOOK = look()
DATA_LABELS = {"xor": "XOR", "circles": "circles", "moons": "moons", "spiral": "spiral",
               "blobs": "blobs"}
HIDDEN_CHOICES = ["identity", "step", "sigmoid", "tanh", "relu", "leaky_relu", "elu", "selu",
                  "gelu", "silu", "softplus", "mish"]
OUTPUT_CHOICES = ["sigmoid", "identity", "tanh", "relu"]
LRS = [0.001, 0.01, 0.05, 0.1, 0.2, 0.5, 1.0, 2.0]
EPOCHS = [10, 100, 300, 1000, 3000, 10000, 30000, 90000]
INITS = ["course", "xavier", "he", "normal"]
INIT_LABELS = {"course": "course 2-2-1", "xavier": "Xavier", "he": "He",
               "normal": "N(0, 0.1²)"}
MODE_LABELS = {"sample": "per-sample", "batch": "full batch"}
LOSS_LABELS = {"mse": "MSE", "bce": "BCE"}
LOSS_FORMULAS = {"mse": "½(y − t)²", "bce": "BCE"}
EXAMPLES = {"relu231": "2-3-1 ReLU", "xor": "XOR 2-2-1"}
DEFAULT_ACTS = ["identity", "sigmoid", "tanh", "relu"]
MAX_COMPARE = 4
WORK_BUDGET = 40_000_000      # epochs × samples × weights per network on this page (≈ 3 s)
CHUNKS = 10                   # training runs in chunks so the progress bar can move
GRID = 40                     # decision-map resolution
COURSE = {"net_data": "xor", "net_n": 4, "net_noise": 0.0, "net_layers": 1, "net_w1": 2,
          "net_acts": ["identity", "sigmoid", "tanh", "relu"], "net_out": "sigmoid",
          "net_lr": 0.2, "net_epochs": 90000, "net_mode": "sample", "net_init": "course",
          "net_bias": True, "net_loss": "mse"}
STAGES = ("forward", "error", "backward", "update")


def name(act_id: str) -> str:
    """Language-neutral activation name (also what the URL stores)."""
    return ACTIVATIONS[act_id].name


def num(v: float, digits: int = 4) -> str:
    """A number for the diagram and the sentences."""
    return fmt(float(v), digits)


# ----------------------------------------------------------------------------- cached core calls


@st.cache_data(max_entries=64, show_spinner=False)
def dataset(data: str, n: int, noise: float, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """(X, labels) of a data set."""
    d = ds.make(data, n, noise, seed)
    return np.array(d.X), np.array(d.y)


def start_mlp(sizes: tuple, acts: tuple, bias: bool, init: str, seed: int) -> net.MLP:
    """The initial network: the course's XOR weights or a seeded initialiser (same weights for
    every activation, since they depend only on sizes, method and seed)."""
    if init == "course":
        return net.course_xor(acts[0], acts[1])
    return net.init_mlp(sizes, acts, method=init, seed=seed, bias=bias)


@st.cache_data(max_entries=1024, show_spinner=False)
def train_chunk(data_key: tuple, sizes: tuple, acts: tuple, bias: bool, init: str, seed: int,
                lr: float, epochs: int, mode: str, loss: str, chunk: int) -> dict:
    """Parameters and losses after chunk `chunk` of CHUNKS (each continues the previous one)."""
    if chunk == 0:
        mlp = start_mlp(sizes, acts, bias, init, seed)
        done, diverged = False, None
    else:
        prev = train_chunk(data_key, sizes, acts, bias, init, seed, lr, epochs, mode, loss,
                           chunk - 1)
        mlp = net.MLP(prev["weights"], prev["biases"], acts)
        done, diverged = prev["diverged"] is not None, prev["diverged"]
    size = epochs * (chunk + 1) // CHUNKS - epochs * chunk // CHUNKS
    losses = np.zeros(0)
    if not done and size > 0:
        X, y = dataset(*data_key)
        r = net.train(mlp, X, y, lr, size, mode, loss)
        mlp, losses = r.mlp, r.losses
        if r.diverged_at is not None:
            diverged = epochs * chunk // CHUNKS + r.diverged_at
    return {"weights": [np.array(w) for w in mlp.weights],
            "biases": None if mlp.biases is None else [np.array(b) for b in mlp.biases],
            "losses": losses, "diverged": diverged}


@st.cache_data(max_entries=32, show_spinner=False)
def linear_demo(act: str, depth: int) -> dict:
    """A width-6 network of `depth` hidden layers with activation act on circles."""
    X, y = dataset("circles", 200, 0.05, 0)
    mlp = net.init_mlp([2] + [6] * depth + [1], [act] * depth + ["sigmoid"], "xavier", seed=1)
    r = net.train(mlp, X, y, 0.1, 200)
    (xl, yl) = ds.plot_box(X)
    xs, ys, Z = net.output_grid(r.mlp, xl, yl, GRID)
    return {"xs": xs, "ys": ys, "Z": Z, "acc": net.accuracy(r.mlp, X, y),
            "loss": float(r.losses[-1])}


# ----------------------------------------------------------------------------- section 1: compare


def apply_course() -> None:
    """Button callback: the course's XOR setup (2-2-1, lr 0.2, 90 000 per-sample epochs)."""
    for key, value in COURSE.items():
        st.session_state[key] = value


def controls() -> dict:
    """All training controls; returns the chosen values (already clamped to core bounds)."""
    st.button(t("network.course_button"), on_click=apply_course, icon=":material/school:",
              help=t("network.course_help"))
    c1, c2, c3 = st.columns(3)
    with c1:
        data = widgets.select(t("network.data"), "net_data", list(DATA_LABELS), "xor",
                              fmt=DATA_LABELS.get, help=t("network.data_help"))
    with c2:
        n = widgets.slider(t("network.n"), "net_n", ds.MIN_N, 400, 100, step=4)
    with c3:
        noise = widgets.slider(t("network.noise"), "net_noise", 0.0, 0.5, 0.1, step=0.01)
    c1, c2, c3, c4 = st.columns(4)
    with c1:
        layers = widgets.slider(t("network.layers"), "net_layers", 1, net.MAX_HIDDEN_LAYERS, 1)
    widths = []
    for i, col in zip(range(layers), (c2, c3, c4)):
        with col:
            widths.append(widgets.slider(t("network.width", k=i + 1), f"net_w{i + 1}", 1,
                                         net.MAX_WIDTH, 4))
    acts = widgets.multiselect(t("network.acts"), "net_acts", HIDDEN_CHOICES, DEFAULT_ACTS,
                               fmt=name, help=t("network.acts_help"),
                               max_selections=MAX_COMPARE)
    c1, c2, c3, c4 = st.columns(4)
    with c1:
        out = widgets.select(t("network.out"), "net_out", OUTPUT_CHOICES, "sigmoid", fmt=name,
                             help=t("network.out_help"))
    with c2:
        lr = widgets.select(t("network.lr"), "net_lr", LRS, 0.2, fmt=lambda v: f"{v:g}")
    with c3:
        epochs = widgets.select(t("network.epochs"), "net_epochs", EPOCHS, 1000, fmt=str)
    with c4:
        mode = widgets.select(t("network.mode"), "net_mode", list(MODE_LABELS), "sample",
                              fmt=MODE_LABELS.get, help=t("network.mode_help"))
    with secondary("common.more_controls"):
        c1, c2, c3, c4 = st.columns(4)
        with c1:
            init = widgets.select(t("network.init"), "net_init", INITS, "xavier",
                                  fmt=INIT_LABELS.get, help=t("network.init_help"))
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
                mix_acts=mix_acts)


def models(c: dict) -> list[tuple[str, tuple]]:
    """(label, activation ids per layer) of every network to train."""
    chosen = c["acts"][:MAX_COMPARE]
    if len(c["acts"]) > MAX_COMPARE:
        st.info(t("network.too_many", k=MAX_COMPARE,
                  names=", ".join(name(a) for a in chosen)))
    runs = [(name(a), tuple([a] * len(c["widths"]) + [c["out"]])) for a in chosen]
    if c["mix_acts"]:
        label = "mix " + "/".join(name(a) for a in c["mix_acts"])
        runs.append((label, tuple(c["mix_acts"] + [c["out"]])))
    return runs


def train_all(c: dict, sizes: tuple, runs: list, epochs: int, init: str, loss: str) -> list:
    """Train every network (cached per chunk) with a progress bar; returns per-run results."""
    data_key = (c["data"], c["n"], c["noise"], c["seed"])
    bar = st.progress(0.0, text=t("network.training"))
    for chunk in range(CHUNKS):  # fills the chunk cache that analyse() then reads
        for _, acts in runs:
            train_chunk(data_key, sizes, acts, c["bias"], init, c["seed"], c["lr"], epochs,
                        c["mode"], loss, chunk)
        bar.progress((chunk + 1) / CHUNKS, text=t("network.training_k", k=chunk + 1, n=CHUNKS))
    bar.empty()
    return [dict(label=label, **analyse(data_key, sizes, acts, c["bias"], init, c["seed"],
                                        c["lr"], epochs, c["mode"], loss))
            for label, acts in runs]


@st.cache_data(max_entries=256, show_spinner=False)
def analyse(data_key: tuple, sizes: tuple, acts: tuple, bias: bool, init: str, seed: int,
            lr: float, epochs: int, mode: str, loss: str) -> dict:
    """Everything shown about one trained network: losses, decision map, accuracy, dead units,
    outputs on the four XOR corners."""
    args = (data_key, sizes, acts, bias, init, seed, lr, epochs, mode, loss)
    parts = [train_chunk(*args, chunk) for chunk in range(CHUNKS)]
    mlp = net.MLP(parts[-1]["weights"], parts[-1]["biases"], acts)
    X, y = dataset(*data_key)
    xl, yl = ds.plot_box(X)
    xs, ys, Z = net.output_grid(mlp, xl, yl, GRID)
    return {"losses": np.concatenate([p["losses"] for p in parts]),
            "diverged": parts[-1]["diverged"], "acc": net.accuracy(mlp, X, y),
            "dead": net.dead_units(mlp, X) if parts[-1]["diverged"] is None  # nan: no verdict
            else tuple(np.zeros(n, dtype=bool) for n in sizes[1:-1]), "xs": xs, "ys": ys, "Z": Z,
            "xor": mlp.forward(net.XOR_X)[:, 0]}


def dead_text(masks: tuple) -> tuple[int, str]:
    """(number of dead hidden units, "L1: #2, #4 · L2: #1" or "—")."""
    parts, total = [], 0
    for layer, mask in enumerate(masks, start=1):
        idx = [str(j + 1) for j, dead in enumerate(mask) if dead]
        total += len(idx)
        if idx:
            parts.append(f"L{layer}: " + ", ".join("#" + i for i in idx))
    return total, " · ".join(parts) or "—"


def compare_section() -> None:
    """Section 1: train the chosen activations on the same data and initial weights."""
    st.subheader(t("network.compare.title"))
    st.markdown(t("network.compare.intro"))
    c = controls()
    if not c["acts"] and not c["mix_acts"]:
        st.info(t("network.none"))
        return
    sizes = tuple([2] + c["widths"] + [1])
    init = c["init"]
    if init == "course" and (sizes != (2, 2, 1) or not c["bias"]):
        st.caption(t("network.course_fallback"))
        init = "xavier"
    loss = c["loss"]
    if loss == "bce" and c["out"] != "sigmoid":
        st.warning(t("network.bce_needs_sigmoid"))
        loss = "mse"
    epochs = net.epochs_within(sizes, c["n"], c["epochs"], WORK_BUDGET)
    if epochs < c["epochs"]:
        st.caption(t("network.epochs_capped", asked=f"{c['epochs']:,}", used=f"{epochs:,}"))
    runs = models(c)
    results = train_all(c, sizes, runs, epochs, init, loss)
    X, y = dataset(c["data"], c["n"], c["noise"], c["seed"])
    chart(loss_figure([r["label"] for r in results], [r["losses"] for r in results], LOOK,
                      t("network.epoch_axis"), t("network.loss_axis", loss=LOSS_FORMULAS[loss])),
          "net_loss")
    panels, rows = [], []
    for r in results:
        dead_n, dead_where = dead_text(r["dead"])
        title = f"{r['label']} · {r['acc']:.0%}" + (f" · ✗{dead_n}" if dead_n else "")
        panels.append(MapPanel(title, r["xs"], r["ys"], r["Z"]))
        final = r["losses"][-1] if r["losses"].size else float("nan")
        status = (t("network.diverged", epoch=r["diverged"] + 1) if r["diverged"] is not None
                  else t("network.ok"))
        row = {t("network.col.model"): r["label"], t("network.col.loss"): num(final, 4),
               t("network.col.acc"): f"{r['acc']:.1%}", t("network.col.dead"): dead_where,
               t("network.col.status"): status}
        if c["data"] == "xor" and c["n"] == 4 and c["noise"] == 0:
            for xi, out in zip(net.XOR_X, r["xor"]):
                row[f"y({int(xi[0])}, {int(xi[1])})"] = num(out, 4)
        rows.append(row)
    st.markdown(f"**{t('network.maps')}**")
    chart(boundary_figure(panels, X, y, LOOK, t("network.map_scale"),
                          (t("network.class0"), t("network.class1"))), "net_maps")
    st.caption(t("network.maps_help"))
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")
    accs = [r["acc"] for r in results]
    finals = [r["losses"][-1] if r["losses"].size else float("inf") for r in results]
    best = [r["label"] for r, a in zip(results, accs) if a == max(accs)]
    low = min(range(len(results)), key=lambda i: finals[i])
    st.markdown(t("network.summary", data=DATA_LABELS[c["data"]], epochs=f"{epochs:,}",
                  sizes="-".join(map(str, sizes)), best=", ".join(best), acc=f"{max(accs):.1%}",
                  low=results[low]["label"], loss=num(finals[low], 4)))
    show_code(net.train, net._sample_update)


# ----------------------------------------------------------------------------- section 2: stepper


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
    """The traced updates of a textbook example (lr 0.2)."""
    if example == "relu231":
        return (net.step(net.course_relu_231(), [1.0, 1.0], [0.0], lr=0.2),)
    return net.trace_epoch(net.course_xor(), net.XOR_X, net.XOR_T, lr=0.2)


@st.fragment
def step_section() -> None:
    """Section 2: one backpropagation update, stage by stage, on a drawn network."""
    st.subheader(t("network.step.title"))
    st.markdown(t("network.step.intro"))
    c0, c3 = st.columns(2, vertical_alignment="bottom")
    with c0:
        example = widgets.select(t("network.step.example"), "net_ex", list(EXAMPLES), "relu231",
                                 fmt=EXAMPLES.get, kind="segmented",
                                 help=t("network.step.example_help"))
    traces = example_traces(example)
    key = f"net_pos_{example}"
    last = len(traces) * len(STAGES)
    with c3:
        pos = widgets.slider(t("network.step.pos"), key, 1, last, 1)
    c1, c2, _ = st.columns([1, 1, 3])
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
    where = t("network.step.where_xor", k=sample + 1, x=", ".join(num(v) for v in tr.x),
              t=num(tr.t[0])) if example == "xor" else t("network.step.where_231")
    left, right = st.columns([5, 4])
    with left:
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


# ----------------------------------------------------------------------------- section 3: linear


@st.fragment
def linear_section() -> None:
    """Section 3: identity activations keep the decision boundary straight at any depth."""
    st.subheader(t("network.lin.title"))
    st.markdown(t("network.lin.intro"))
    c1, c2 = st.columns(2)
    with c1:
        depth = widgets.slider(t("network.lin.depth"), "net_lin_depth", 1, net.MAX_HIDDEN_LAYERS,
                               3)
    with c2:
        other = widgets.select(t("network.lin.other"), "net_lin_act", ["relu", "tanh", "sigmoid"],
                               "relu", fmt=name)
    lin, non = linear_demo("identity", depth), linear_demo(other, depth)
    X, y = dataset("circles", 200, 0.05, 0)
    panels = [MapPanel(f"{name(a)} × {depth} · {r['acc']:.0%}", r["xs"], r["ys"], r["Z"])
              for a, r in (("identity", lin), (other, non))]
    chart(boundary_figure(panels, X, y, LOOK, t("network.map_scale"),
                          (t("network.class0"), t("network.class1"))), "net_linear")
    verdict = "good" if non["acc"] >= lin["acc"] + 0.2 else "weak"
    st.markdown(t(f"network.lin.result_{verdict}", depth=depth, lin_acc=f"{lin['acc']:.1%}",
                  other=name(other), acc=f"{non['acc']:.1%}"))


header("network")
compare_section()
st.divider()
step_section()
st.divider()
linear_section()
