"""Lesson: σ′ is at most 0.25, the flat (saturated) regions, 0.25^L through depth, a deep
sigmoid network's gradient per layer, dying ReLU; two questions (σ′(0), what is left after
10 sigmoid layers). Numbers from core.saturation."""

from __future__ import annotations

import functools
import math

import numpy as np

from core import saturation as sat
from core.activations import get
from ui.controls.saturation import SPEC, SWEEP
from ui.i18n import act_name
from ui.lessons import Step, note, percent
from ui.format import fmt
from ui.questions.model import Question, Truth

BASE = SPEC.state()  # the page's defaults: a step states only what differs
THRESHOLD = BASE["sat_t"]
HALF = BASE["sat_xr"]
DEPTH_L = 10  # the depth step's L (the page's default is deeper)
MLP = dict(act_id=BASE["sat_mlp"], depth=BASE["sat_depth"], width=BASE["sat_width"],
           n=int(BASE["sat_n"]), init=BASE["sat_init"], seed=int(BASE["sat_seed"]),
           bias=BASE["sat_b"])
DIE = tuple(BASE["sat_die"])
PROBE = 4.0


def name(act_id: str) -> str:
    """The display name in the current language (시그모이드, tanh, ReLU …)."""
    return act_name(act_id)


pct = percent  # the number of a percentage: the texts write {p}%


@functools.lru_cache(maxsize=8)
def peak(act_id: str) -> sat.DerivativePeak:
    return sat.derivative_peak(act_id)


@functools.lru_cache(maxsize=2)
def deep() -> sat.MLPSummary:
    m = MLP
    res = sat.simulate_deep_mlp(m["act_id"], m["depth"], m["width"], m["n"], m["init"],
                                m["seed"], m["bias"], THRESHOLD)
    return sat.summarize_mlp(res)


@functools.lru_cache(maxsize=2)
def sweep() -> sat.BiasSweep:
    return sat.dead_share_vs_bias(list(DIE), sat.DEFAULT_SHIFTS, threshold=THRESHOLD, **SWEEP)


def quarter() -> dict:
    p = peak("sigmoid")
    return dict(name=name("sigmoid"), m=fmt(p.value, 4), x=fmt(round(p.x_at, 6) + 0.0))


def quarter_marks() -> dict:
    p = peak("sigmoid")
    return {"annotations": [note(round(p.x_at, 6) + 0.0, p.value, f"σ′ ≤ {fmt(p.value, 4)}",
                                 ax=80, ay=-20, yref="y2")]}


def flat() -> dict:
    pr = sat.probe("sigmoid", PROBE)
    return dict(t=fmt(THRESHOLD), sig=name("sigmoid"), tanh=name("tanh"),
                es=fmt(sat.sigmoid_saturation_edge(THRESHOLD), 4),
                et=fmt(sat.tanh_saturation_edge(THRESHOLD), 4),
                share=pct(sat.saturated_fraction("sigmoid", THRESHOLD, -HALF, HALF)),
                lo=fmt(-HALF), hi=fmt(HALF), x=fmt(PROBE), g=fmt(pr.grad, 4))


def flat_marks() -> dict:
    pr = sat.probe("sigmoid", PROBE)
    return {"annotations": [note(PROBE, pr.grad, f"σ′({fmt(PROBE)}) = {fmt(pr.grad, 3)}",
                                 ax=-60, ay=-40, yref="y2")]}


def through_depth() -> dict:
    v = {a: float(sat.depth_factor(a, DEPTH_L)[-1]) for a in ("sigmoid", "tanh", "relu")}
    return dict(L=DEPTH_L, m=fmt(peak("sigmoid").value, 4), sig=name("sigmoid"),
                v=fmt(v["sigmoid"], 4), tanh=name("tanh"), tv=fmt(v["tanh"], 4),
                relu=name("relu"), rv=fmt(v["relu"], 4))


def depth_marks() -> dict:
    v = float(sat.depth_factor("sigmoid", DEPTH_L)[-1])
    return {"annotations": [note(DEPTH_L, math.log10(v), f"{fmt(peak('sigmoid').value)}^{DEPTH_L}"
                                 f" = {fmt(v, 3)}", ax=60, ay=-30)]}


def gradient() -> dict:
    s = deep()
    return dict(name=name(MLP["act_id"]), L=MLP["depth"], first=fmt(s.grad_first, 3),
                last=fmt(s.grad_last, 3), ratio=fmt(s.grad_ratio, 3))


def dying() -> dict:
    sw, b = sweep(), sat.DEFAULT_SHIFTS[0]
    dead = {a: pct(float(sw.dead[a][0])) for a in DIE}
    return dict(b=fmt(b), relu=name("relu"), leaky=name("leaky_relu"), elu=name("elu"),
                dr=dead["relu"], dl=dead["leaky_relu"], de=dead["elu"],
                d0=pct(float(sw.dead["relu"][sat.DEFAULT_SHIFTS.index(0.0)])))


def dying_marks() -> dict:
    sw, b = sweep(), sat.DEFAULT_SHIFTS[0]
    share = float(sw.dead["relu"][0])
    return {"annotations": [note(b, share, f"{name('relu')}: {pct(share)}%", ax=60, ay=30)]}


# ----------------------------------------------------------------------------- questions
ASK = ["sigmoid"]   # the function both questions are about is on the chart
ZOOM = 6.0          # the σ′(0) question's half-width of the x range
SHARES = {"e1": 1, "e3": 3, "e6": 6, "e9": 9}  # the options: about 10^−k of the gradient


def at_zero() -> Truth:
    """σ′(0) from core.activations (the sigmoid's derivative at 0)."""
    g = float(get("sigmoid").grad(np.zeros(1))[0])
    return Truth(value=g, values=dict(name=name("sigmoid"), g=fmt(g, 4),
                                      m=fmt(peak("sigmoid").value, 4)))


def zero_names() -> dict:
    return dict(sig=name("sigmoid"), relu=name("relu"))


def shrink() -> Truth:
    """The sigmoid's best-case factor through DEPTH_L layers, (max σ′)^L (core.saturation);
    the option whose 10^−k lies nearest to it on a log scale."""
    v = float(sat.depth_factor("sigmoid", DEPTH_L)[-1])
    choice = min(SHARES, key=lambda o: abs(math.log10(v) + SHARES[o]))
    return Truth(value=v, choice=choice, values=dict(
        name=name("sigmoid"), L=DEPTH_L, m=fmt(peak("sigmoid").value, 4), v=fmt(v, 4)))


def shrink_names() -> dict:
    return dict(sig=name("sigmoid"), L=DEPTH_L, relu=name("relu"))


# Both are asked with the sigmoid on the chart; until the reveal the page leaves out what
# gives the answer away: the f′ panel, the shading, the probe's tangent and values ("slope"),
# the best case through depth (max|f′|)^L ("depth") and the simulated deep sigmoid network,
# whose gradient shrinks layer by layer ("deep"). The shrink question keeps the f′ panel:
# max σ′ is what the steps before taught; how it multiplies through depth is the question.
ZERO = Question("zero", "number", page="saturation", truth=at_zero, bounds=(-10.0, 10.0),
                tolerance=0.01, values=zero_names, hides=("slope", "depth", "deep"))
SHRINK = Question("shrink", "choose", page="saturation", truth=shrink, options=tuple(SHARES),
                  values=shrink_names, hides=("depth", "deep"))


STEPS = (
    # a closer look at x = 0 than the next step's (which shows σ′(0) with the whole range)
    Step("zero", SPEC.state(sat_acts=ASK, sat_x=0.0, sat_xr=ZOOM), zero_names, "sat_curves",
         question=ZERO),
    Step("quarter", SPEC.state(sat_acts=["sigmoid"], sat_x=0.0), quarter, "sat_curves",
         quarter_marks),
    Step("flat", SPEC.state(sat_acts=["sigmoid", "tanh"], sat_x=PROBE), flat, "sat_curves",
         flat_marks),
    # asked beside f and f′ (max σ′ in view); the depth chart that answers it is concealed
    Step("shrink", SPEC.state(sat_acts=ASK, sat_L=DEPTH_L), shrink_names, "sat_curves",
         question=SHRINK),
    Step("depth", SPEC.state(sat_L=DEPTH_L), through_depth, "sat_depth", depth_marks,
         near="depth"),
    # the step speaks of per-layer gradient sizes: its bar stands by the gradient chart
    Step("gradient", SPEC.state(sat_acts=["sigmoid"]), gradient, "sat_grad", near="grad"),
    Step("dying", SPEC.state(sat_acts=list(DIE)), dying, "sat_die", dying_marks, near="die"),
)
