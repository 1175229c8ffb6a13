"""Sentences, tables and drawn-network texts of the small-network lab: the summaries of
ui.runs.network and core's traces in, translated text and tables out (no training here)."""

from __future__ import annotations

import pandas as pd

from core import network as net
from ui.controls.network import name
from ui.figures.network import Diagram, MapTimeline
from ui.format import count, fmt, plain
from ui.i18n import t

SUB = "₀₁₂₃₄₅₆₇₈₉"


def percent(share: float, decimals: int = 1) -> str:
    """A share as a percentage with a fixed number of decimals and no space before % (the
    tables keep their column width: 97.0%, 100.0%)."""
    return f"{share:.{decimals}%}"


def num(v: float, digits: int = 4) -> str:
    """A number for the diagram, the tables and the sentences."""
    return fmt(float(v), digits)


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
    return "—" if epoch is None else count(epoch)


def xor_cells(outputs) -> dict[str, str]:
    """{"y(0, 1)": output, …} on the four XOR corners."""
    return {f"y({int(x[0])}, {int(x[1])})": num(v, 4) for x, v in zip(net.XOR_X, outputs)}


# ----------------------------------------------------------------------------- section 1


def map_title(r: dict) -> str:
    """A decision map's title: the network, its accuracy and its dead units (✗k)."""
    return snapshot_title(r["label"], r["acc"], dead_text(r["dead"])[0])


def snapshot_title(label: str, acc: float, dead: int) -> str:
    """A decision map's title at one snapshot: the network, its accuracy, its dead units."""
    return f"{label} · {percent(acc, 0)}" + (f" · ✗{int(dead)}" if dead else "")


def map_timeline(results: list[dict]) -> MapTimeline:
    """The decision maps of section 1's networks at every snapshot of the run (ui.runs'
    timeline), their titles then and the cursor's label ("epoch 320 / 1,000")."""
    at = results[0]["at"]
    last = count(int(at[-1]))
    return MapTimeline(at, results[0]["xs"], results[0]["ys"],
                       tuple(r["maps"] for r in results),
                       tuple(tuple(snapshot_title(r["label"], a, d)
                                   for a, d in zip(r["accs"], r["deads"])) for r in results),
                       tuple(t("network.at_text", epoch=count(int(e)), epochs=last)
                             for e in at))


def compare_table(results: list[dict], target: float, xor_table: bool) -> pd.DataFrame:
    """One row per trained network: final loss, accuracy, epoch below target, dead units,
    status (and the outputs on the XOR corners for the four-point XOR)."""
    rows = []
    for r in results:
        status = (t("network.diverged", epoch=r["diverged"] + 1) if r["diverged"] is not None
                  else t("network.ok"))
        row = {t("network.col.model"): r["label"], t("network.col.loss"): num(r["final"], 4),
               t("network.col.acc"): percent(r["acc"]),
               t("network.col.reach", target=num(target)): reach_text(r["reach"]),
               t("network.col.dead"): dead_text(r["dead"])[1],
               t("network.col.status"): status}
        if xor_table:
            row.update(xor_cells(r["xor"]))
        rows.append(row)
    return pd.DataFrame(rows)


def compare_summary(results: list[dict], target: float, epochs: int, data_label: str,
                    sizes: tuple) -> str:
    """The verdict under the main picture: the most accurate network(s), the lowest loss and
    the first to reach the target loss (a label may be a user's formula: shown as text)."""
    rank = net.rank_runs([r["acc"] for r in results], [r["final"] for r in results],
                         [r["reach"] for r in results])
    text = t("network.summary", data=data_label, epochs=count(epochs),
             sizes="-".join(map(str, sizes)),
             best=", ".join(plain(results[i]["label"]) for i in rank.best),
             acc=percent(results[rank.best[0]]["acc"]), low=plain(results[rank.lowest]["label"]),
             loss=num(results[rank.lowest]["final"], 4))
    if rank.fastest is None:
        return text + " " + t("network.summary_none", target=num(target), epochs=count(epochs))
    return text + " " + t("network.summary_fast", target=num(target),
                          fast=plain(results[rank.fastest]["label"]),
                          epoch=count(results[rank.fastest]["reach"]))


# ----------------------------------------------------------------------------- section 2


def output_table(pairs, results: list[dict], target: float) -> pd.DataFrame:
    """One row per (hidden, output) pair: the outputs on the XOR corners, accuracy, epoch
    below target."""
    rows = []
    for (h, o), r in zip(pairs, results):
        row = {t("network.col.model"): name(h), t("network.oc.col.out"): name(o)}
        row.update(xor_cells(r["xor"]))
        row[t("network.col.acc")] = percent(r["acc"], 0)
        row[t("network.col.reach", target=num(target))] = reach_text(r["reach"])
        rows.append(row)
    return pd.DataFrame(rows)


def output_lines(labels: list[str], results: list[dict], target: float, epochs: int) -> list:
    """One sentence per network: its outputs, accuracy and when it got below the target."""
    lines = []
    for label, r in zip(labels, results):
        common = dict(net=label, outs=", ".join(num(v, 3) for v in r["xor"]),
                      acc=percent(r["acc"], 0), target=num(target))
        if r["reach"] is None:
            lines.append(t("network.oc.line_never", epochs=count(epochs), **common))
        else:
            lines.append(t("network.oc.line", epoch=count(r["reach"]), **common))
    return lines


def output_summary(labels: list[str], results: list[dict], epochs: int) -> str:
    """Which pairs reached the highest accuracy, and the accuracy of the others."""
    rank = net.rank_runs([r["acc"] for r in results], [r["final"] for r in results],
                         [r["reach"] for r in results])
    rest = [i for i in range(len(results)) if i not in rank.best]
    text = t("network.oc.summary", best=", ".join(labels[i] for i in rank.best),
             acc=percent(results[rank.best[0]]["acc"], 0), epochs=count(epochs))
    if rest:
        text += " " + t("network.oc.summary_rest", rest=", ".join(
            f"{labels[i]} ({percent(results[i]['acc'], 0)})" for i in rest))
    return text


# ----------------------------------------------------------------------------- section 3


def unit_names(sizes: tuple) -> dict:
    """x₁, x₂ for inputs, h₁… for hidden units, y for the output."""
    names = {}
    for l, n in enumerate(sizes):
        for j in range(n):
            if l == 0:
                names[(l, j)] = f"x{SUB[j + 1]}"
            elif l == len(sizes) - 1:
                names[(l, j)] = "y" if n == 1 else f"y{SUB[j + 1]}"
            else:
                names[(l, j)] = f"h{SUB[j + 1]}"
    return names


def _node_text(tr: net.StepTrace, stage: str, l: int, j: int) -> str:
    """What one unit (layer l ≥ 1, unit j) shows at a stage."""
    last = l == len(tr.before.sizes) - 1
    if stage == "forward":
        return f"z = {num(tr.z[l - 1][j])}<br>a = {num(tr.a[l][j])}"
    if stage == "error":
        if last:
            return (f"y = {num(tr.a[l][j])}<br>t = {num(tr.t[j])}<br>y − t = "
                    f"{num(tr.error[j])}<br>L = {num(tr.loss)}")
        return f"a = {num(tr.a[l][j])}"
    if stage == "backward":
        return f"f′(z) = {num(tr.fprime[l - 1][j])}<br>δ = {num(tr.delta[l - 1][j])}"
    text = f"δ = {num(tr.delta[l - 1][j])}"
    if tr.before.biases is not None:
        text += f"<br>b → {num(tr.after.biases[l - 1][j])}"
    return text


def diagram(tr: net.StepTrace, stage: str, unknown: bool = False) -> Diagram:
    """The network of a trace with the numbers of one stage on its nodes and edges
    (``unknown``: the units' values are "?", for a question that asks for them)."""
    mlp = tr.before
    sizes, L = mlp.sizes, len(mlp.sizes) - 1
    names = unit_names(sizes)
    node_text = {(0, j): f"x = {num(v)}" for j, v in enumerate(tr.x)}
    node_text.update({(l, j): "z = ?<br>a = ?" if unknown else _node_text(tr, stage, l, j)
                      for l in range(1, L + 1) for j in range(sizes[l])})
    weights = tr.after.weights if stage == "update" else mlp.weights
    edge_text = {(l, i, j): num(weights[l][i, j]) for l in range(L)
                 for i in range(sizes[l]) for j in range(sizes[l + 1])}
    hot_nodes = {"forward": {k for k in names if k[0] > 0},
                 "error": {(L, j) for j in range(sizes[L])},
                 "backward": {k for k in names if k[0] > 0}, "update": set()}[stage]
    hot_edges = set(edge_text) if stage in ("update", "backward") else set()
    return Diagram(sizes, names, node_text, edge_text, frozenset(hot_nodes), frozenset(hot_edges))


def _forward_lines(tr: net.StepTrace) -> list[str]:
    mlp, names, lines = tr.before, unit_names(tr.before.sizes), []
    for l in range(1, len(mlp.weights) + 1):
        for j in range(mlp.sizes[l]):
            terms = " + ".join(f"{num(tr.a[l - 1][i])}·{num(mlp.weights[l - 1][i, j])}"
                               for i in range(mlp.sizes[l - 1]))
            if mlp.biases is not None:
                terms += f" + {num(mlp.biases[l - 1][j])}"
            lines.append(t("network.step.line_forward", unit=names[(l, j)], terms=terms,
                           z=num(tr.z[l - 1][j]), act=name(mlp.activations[l - 1]),
                           a=num(tr.a[l][j])))
    return lines


def _backward_lines(tr: net.StepTrace) -> list[str]:
    mlp, names = tr.before, unit_names(tr.before.sizes)
    L = len(mlp.weights)
    lines = [t("network.step.line_delta_out", unit=names[(L, j)], e=num(tr.error[j]),
               g=num(tr.fprime[L - 1][j]), d=num(tr.delta[L - 1][j]))
             for j in range(mlp.sizes[L])]
    for l in range(L - 1, 0, -1):
        for i in range(mlp.sizes[l]):
            terms = " + ".join(f"{num(tr.delta[l][j])}·{num(mlp.weights[l][i, j])}"
                               for j in range(mlp.sizes[l + 1]))
            lines.append(t("network.step.line_delta", unit=names[(l, i)], terms=terms,
                           back=num(tr.back[l - 1][i]), g=num(tr.fprime[l - 1][i]),
                           d=num(tr.delta[l - 1][i])))
    return lines


def stage_lines(tr: net.StepTrace, stage: str) -> list[str]:
    """The stage's arithmetic written out with the trace's numbers, one line per unit."""
    if stage == "forward":
        return _forward_lines(tr)
    if stage == "error":
        return [t("network.step.line_error", y=num(tr.y[j]), t=num(tr.t[j]),
                  e=num(tr.error[j])) for j in range(tr.before.sizes[-1])] + \
            [t("network.step.line_loss", loss=num(tr.loss))]
    if stage == "backward":
        return _backward_lines(tr)
    return []


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
    cols = ("network.step.col.param", "network.step.col.old", "network.step.col.grad",
            "network.step.col.new")
    return pd.DataFrame({t(c): [r[k] if k == 0 else num(r[k], 6) for r in rows]
                         for k, c in enumerate(cols)})


def where_text(example: str, tr: net.StepTrace, sample: int, samples: int) -> str:
    """Which sample of the example the shown update is for."""
    x = ", ".join(num(v) for v in tr.x)
    if example == "xor":
        return t("network.step.where_xor", k=sample + 1, n=samples, x=x, t=num(tr.t[0]))
    return t("network.step.where_231", x=x, t=num(tr.t[0]), lr=num(tr.lr))


# ----------------------------------------------------------------------------- section 4


def linear_lines(acts: list[str], results: list[dict], target: float, epochs: int) -> list:
    """One sentence per activation: accuracy, whether it separates the circles, and when the
    loss got below the target."""
    lines = []
    for a, r in zip(acts, results):
        verdict = t("network.lin.sep_yes" if net.separates(r["acc"]) else "network.lin.sep_no")
        common = dict(act=name(a), acc=percent(r["acc"]), verdict=verdict, target=num(target))
        if r["reach"] is None:
            lines.append(t("network.lin.line_never", epochs=count(epochs), **common))
        else:
            lines.append(t("network.lin.line", epoch=count(r["reach"]), **common))
    return lines


def linear_fastest(acts: list[str], results: list[dict], target: float) -> str | None:
    """Which non-linear activation got below the target first (if two or more were trained
    and one did)."""
    rest = results[1:]
    rank = net.rank_runs([r["acc"] for r in rest] or [0.0],
                         [r["final"] for r in rest] or [float("inf")],
                         [r["reach"] for r in rest] or [None])
    if len(results) <= 2 or rank.fastest is None:
        return None
    return t("network.lin.fastest", act=name(acts[1 + rank.fastest]), target=num(target),
             epoch=count(results[1 + rank.fastest]["reach"]))
