"""Lesson: XOR needs a non-linear hidden layer, the course's sigmoid network after 90 000
epochs, ReLU at the output, then one forward pass and one update stepped through by hand; two
questions (which hidden activation gets XOR right first, the 2-3-1 network's output).

Trained numbers of the story are the page's own: the lesson asks the page's run functions
(ui.runs.network.stored_compare) for the runs the page trained in this process. The one
training of its own is the race question's truth (epochs_to_all: the epoch each network first
gets all four points right, which no stored run records; about a second, once per process).
The traced single updates are a few arithmetic operations of core.network (cached)."""

from __future__ import annotations

import functools

import numpy as np

from core import network as net
from ui.i18n import act_name
from ui.lessons import Step, note, percent
from ui.format import fmt
from ui.controls.network import COURSE, SPEC, STAGES
from ui.questions.model import Question, Truth, option_label
from ui.runs.network import stored_compare

SIZES = net.COURSE_XOR_SIZES
# the lesson's page state: the course's XOR set-up with 10 000 epochs (the course itself: 90 000)
BASE = dict(COURSE, net_acts=["identity", "sigmoid"], net_epochs=10000)


def name(act_id: str) -> str:
    """The display name in the current language (시그모이드, tanh, ReLU …)."""
    return act_name(act_id)


pct = percent  # the number of a percentage: the texts write {p}%


def outs(values) -> str:
    return ", ".join(fmt(float(v), 3) for v in values)


def trained(acts: tuple[str, ...], out: str, epochs: int) -> list[dict] | None:
    """The page's summaries of the course XOR networks (hidden act, out) for each act, or None
    if the page has not trained them (yet) in this process: asked of the page's own run
    function (ui.runs.network), never trained here."""
    return stored_compare(dict(BASE, net_acts=list(acts), net_out=out, net_epochs=epochs))


def pending() -> dict:
    """The values the titles need, and the note that the numbers come after the training."""
    return {"_variant": "_pending", "epochs": f"{net.COURSE_EPOCHS:,}", "relu": name("relu")}


def linear() -> dict:
    runs = trained(("identity", "sigmoid"), "sigmoid", BASE["net_epochs"])
    if runs is None:
        return pending()
    lin, sig = runs
    return dict(lin=name("identity"), sizes="-".join(map(str, SIZES)), sig=name("sigmoid"), epochs=f"{BASE['net_epochs']:,}",
                acc=pct(lin["acc"]), loss=fmt(lin["final"], 3), outs=outs(lin["xor"]),
                sacc=pct(sig["acc"]), souts=outs(sig["xor"]))


def course() -> dict:
    runs = trained(("sigmoid",), "sigmoid", net.COURSE_EPOCHS)
    if runs is None:
        return pending()
    return dict(sizes="-".join(map(str, SIZES)), lr=fmt(net.COURSE_LR),
                epochs=f"{net.COURSE_EPOCHS:,}", outs=outs(runs[0]["xor"]),
                loss=fmt(runs[0]["final"], 3))


def relu_out() -> dict:
    runs = trained(("sigmoid", "relu"), "relu", BASE["net_epochs"])
    if runs is None:
        return pending()
    sig, relu = runs
    return dict(relu=name("relu"), sig=name("sigmoid"), epochs=f"{BASE['net_epochs']:,}",
                acc=pct(relu["acc"]), outs=outs(relu["xor"]), loss=fmt(relu["final"], 3),
                sacc=pct(sig["acc"]), souts=outs(sig["xor"]))


@functools.lru_cache(maxsize=1)
def relu_step() -> net.StepTrace:
    return net.course_relu_231_step()


@functools.lru_cache(maxsize=1)
def xor_epoch() -> tuple:
    return net.trace_epoch(net.course_xor(), net.XOR_X, net.XOR_T, lr=net.COURSE_LR)


def forward() -> dict:
    tr = relu_step()
    return dict(x=", ".join(fmt(float(v)) for v in tr.x), z=", ".join(fmt(float(v), 4)
                                                                      for v in tr.z[0]),
                y=fmt(float(tr.y[0]), 4), t=fmt(float(tr.t[0])), loss=fmt(float(tr.loss), 4),
                relu=name("relu"), sizes="-".join(map(str, tr.before.sizes)))


def update() -> dict:
    tr = xor_epoch()[0]
    w_old, w_new = tr.before.weights[1][0, 0], tr.after.weights[1][0, 0]
    return dict(x=", ".join(fmt(float(v)) for v in tr.x), t=fmt(float(tr.t[0])),
                y=fmt(float(tr.y[0]), 4), d=fmt(float(tr.delta[-1][0]), 4),
                g=fmt(float(tr.dW[1][0, 0]), 4), lr=fmt(tr.lr), old=fmt(float(w_old), 4),
                new=fmt(float(w_new), 4))


def last_loss(acts: tuple[str, ...], out: str, epochs: int, which: int) -> dict:
    """An arrow at the last epoch's loss of run `which` (log axis: y is log10 of the loss)."""
    runs = trained(acts, out, epochs)
    if runs is None:
        return {}
    losses = np.asarray(runs[which]["losses"], dtype=float)
    if not losses.size or not np.isfinite(losses[-1]) or losses[-1] <= 0:
        return {}
    label = f"{name(acts[which])}: {fmt(float(losses[-1]), 3)}"
    return {"annotations": [note(float(losses.size), float(np.log10(losses[-1])), label, ax=-70,
                                 ay=-40)]}


# ----------------------------------------------------------------------------- questions
RACE = ("sigmoid", "tanh", "relu")  # "which hidden activation reaches 100 % on XOR first?"
RACE_EPOCHS = 100                   # the page trains this few while the question is open
RACE_CAP = 20_000                   # epochs the truth trains at most per activation


@functools.lru_cache(maxsize=4)
def epochs_to_all(hidden: str, cap: int = RACE_CAP) -> int | None:
    """The first epoch after which the course XOR network (hidden, sigmoid output, lr 0.2,
    per-sample updates) classifies all four corners: min{e : accuracy after e epochs = 1},
    trained one epoch at a time by core.network (None if not within cap epochs). The truth
    of a question: the only training this lesson does itself (about a second, once)."""
    mlp = net.course_xor(hidden, "sigmoid")
    for epoch in range(1, cap + 1):
        mlp = net.train(mlp, net.XOR_X, net.XOR_T, net.COURSE_LR, 1).mlp
        if net.accuracy(mlp, net.XOR_X, net.XOR_T[:, 0]) == 1.0:
            return epoch
    return None


def race() -> Truth:
    """The activation whose network reaches 100 % first (the fewest epochs)."""
    reach = {a: epochs_to_all(a) for a in RACE}
    done = {a: e for a, e in reach.items() if e is not None}
    choice = min(done, key=done.get) if done else None
    shown = lambda e: f"{e:,}" if e is not None else f"> {RACE_CAP:,}"  # noqa: E731
    values = dict(answer=option_label("network", RACE_Q, choice) if choice else "",
                  sizes="-".join(map(str, SIZES)),
                  **{f"e_{a}": shown(e) for a, e in reach.items()},
                  **{f"n_{a}": name(a) for a in RACE})
    return Truth(choice=choice, values=values)


def race_names() -> dict:
    return dict(sizes="-".join(map(str, SIZES)), epochs=f"{RACE_EPOCHS:,}")


def matrix(w) -> str:
    return "[" + ", ".join("[" + ", ".join(fmt(float(v)) for v in row) + "]" for row in w) + "]"


def forward_names() -> dict:
    """The 2-3-1 network's numbers for the prompt (core.network.course_relu_231)."""
    mlp = net.course_relu_231()
    return dict(relu=name("relu"), sizes="-".join(map(str, mlp.sizes)),
                x=", ".join(fmt(v) for v in net.COURSE_231_X), w1=matrix(mlp.weights[0]),
                w2=", ".join(fmt(float(v)) for v in np.asarray(mlp.weights[1]).ravel()))


def output() -> Truth:
    """The 2-3-1 ReLU network's output for x = [1, 1] (core.network.course_relu_231_step)."""
    tr = relu_step()
    y = float(tr.y[0])
    return Truth(value=y, values=dict(x=", ".join(fmt(float(v)) for v in tr.x),
                                      z=", ".join(fmt(float(v), 4) for v in tr.z[0]),
                                      y=fmt(y, 4), relu=name("relu")))


# until the reveal the page leaves out the runs that tell which learns XOR faster: the output
# comparison (ReLU or sigmoid hidden on the same XOR network) and the circles' race ("linear")
RACE_Q = Question("race", "choose", page="network", truth=race, options=RACE,
                  values=race_names, hides=("outputs", "linear"))
# the 2-3-1 network is drawn with its inputs and weights; its units' values ("pass": z and a on
# the drawing, the forward lines beside it) are the answer
OUTPUT = Question("output", "number", page="network", truth=output, bounds=(-100.0, 100.0),
                  tolerance=0.01, values=forward_names, hides=("pass",))


# the steps before the 2-3-1 question draw the XOR example in the step-by-step section: the
# 2-3-1 network's forward pass (its output, the question's answer) is not drawn before it
EARLY = dict(BASE, net_ex="xor")

STEPS = (
    Step("linear", SPEC.state(**EARLY), linear, "net_loss",
         lambda: last_loss(("identity", "sigmoid"), "sigmoid", BASE["net_epochs"], 0)),
    Step("race", SPEC.state(**dict(EARLY, net_acts=list(RACE), net_epochs=RACE_EPOCHS)),
         race_names, "net_loss", question=RACE_Q),
    Step("course", SPEC.state(**dict(EARLY, net_acts=["sigmoid"],
                                     net_epochs=net.COURSE_EPOCHS)),
         course, "net_loss", lambda: last_loss(("sigmoid",), "sigmoid", net.COURSE_EPOCHS, 0)),
    Step("relu_out", SPEC.state(**dict(EARLY, net_acts=["sigmoid", "relu"], net_out="relu")),
         relu_out, "net_loss",
         lambda: last_loss(("sigmoid", "relu"), "relu", BASE["net_epochs"], 1)),
    Step("output", SPEC.state(**BASE), forward_names, "net_diagram",
         near="step", question=OUTPUT),
    Step("forward", SPEC.state(**BASE), forward, "net_diagram", near="step"),
    Step("update", SPEC.state(**dict(BASE, net_ex="xor", net_pos_xor=len(STAGES))), update,
         "net_diagram", near="step"),
)
