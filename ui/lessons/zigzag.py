"""Lesson: inputs from sigmoid are all positive, so every update is (+,+) or (−,−), the path
to w* zig-zags; tanh (zero-centred) does not; ReLU inputs are never negative either; two
questions (the quadrants of one update, the weights after 10 steps). Numbers from core.zigzag
runs of the page's default set-up."""

from __future__ import annotations

import functools

import numpy as np

from core import zigzag as zz
from ui.controls.zigzag import SPEC
from ui.i18n import act_name
from ui.lessons import Step, note, percent
from ui.figures.zigzag import view_box
from ui.format import fmt
from ui.questions.model import Question, Truth, option_label

CHART = "zz_planes"


@functools.lru_cache(maxsize=8)
def run(act: str) -> zz.ZigzagRun:
    """The page's default run with inputs from this activation."""
    return zz.simulate(act, zz.DEFAULT_W0, zz.DEFAULT_W_STAR, zz.DEFAULT_LR, zz.DEFAULT_STEPS)


def summary(act: str) -> zz.RunSummary:
    return zz.summarize(run(act), zz.DEFAULT_EPS)


def reach(act: str) -> int:
    """Steps to within ε (the whole run if it never gets there)."""
    k = summary(act).steps_to_reach
    return zz.DEFAULT_STEPS if k is None else k


def same_count(act: str) -> tuple[int, int]:
    """(updates that were (+,+) or (−,−), updates counted) up to the reach step."""
    cls = zz.update_classes(run(act).updates[: reach(act)])
    return int(np.count_nonzero((cls == zz.PP) | (cls == zz.MM))), len(cls)


pct = percent  # the number of a percentage: the texts write {p}%


def name(act: str) -> str:
    """The display name in the current language (시그모이드, tanh, ReLU …)."""
    return act_name(act)


def ends() -> dict:
    """w₀ and w* marked on the left (sigmoid) panel."""
    w0, ws = zz.DEFAULT_W0, zz.DEFAULT_W_STAR
    return {"annotations": [note(w0[0], w0[1], "w₀", ax=30, ay=30),
                            note(ws[0], ws[1], "w*", ax=-30, ay=-30)]}


def inputs() -> dict:
    shares = zz.input_quadrant_shares(run("sigmoid"))
    return dict(name=name("sigmoid"), m=f"{run('sigmoid').inputs.reshape(-1, 2).shape[0]:,}",
                share=pct(float(shares[1])))


def same_sign() -> dict:
    same, n = same_count("sigmoid")
    values = dict(name=name("sigmoid"), same=same, n=n, lr=fmt(zz.DEFAULT_LR))
    if same != n:
        values["_variant"] = "_some"
    return values


def path() -> dict:
    s = summary("sigmoid")
    return dict(name=name("sigmoid"), length=fmt(s.path_length, 3),
                straight=fmt(s.straight_distance, 3), ratio=fmt(s.detour_ratio, 3),
                eps=fmt(zz.DEFAULT_EPS), k=reach("sigmoid"))


def tanh() -> dict:
    return dict(name=name("tanh"), sig=name("sigmoid"),
                share=pct(summary("tanh").same_sign_share), kb=reach("tanh"),
                ka=reach("sigmoid"), eps=fmt(zz.DEFAULT_EPS))


def relu() -> dict:
    same, n = same_count("relu")
    cls = zz.update_classes(run("relu").updates[: reach("relu")])
    return dict(name=name("relu"), same=same, n=n, ratio=fmt(summary("relu").detour_ratio, 3),
                k=reach("relu"), axis=int(np.count_nonzero(cls == zz.ZERO)),
                mixed=int(np.count_nonzero(cls == zz.MIX)))


def mark_step(act: str, k: int, text: str) -> dict:
    w = run(act).path[k]
    return {"annotations": [note(float(w[0]), float(w[1]), text, ax=60, ay=45)]}


# ----------------------------------------------------------------------------- questions
# Both are asked on the opening picture (zz_t=0): only w₀ and w* are drawn, no update yet.
AFTER = 10  # "where will the weights be after 10 steps?"
QUADS = {"i_iii": (1, 3), "ii_iv": (2, 4), "i": (1,), "any": (1, 2, 3, 4)}  # the options


def quadrants() -> Truth:
    """The quadrants a single update of the sigmoid run can point into, over all its steps
    (core.zigzag.allowed_quadrants); the option naming exactly that set."""
    r = run("sigmoid")
    found: set[int] = set()
    for k in range(r.steps):
        found.update(zz.allowed_quadrants(r, k))
    every = tuple(sorted(found))
    choice = next((o for o, q in QUADS.items() if q == every), "any")
    return Truth(choice=choice, values=dict(name=name("sigmoid"),
                                            answer=option_label("zigzag", QUADRANT, choice)))


def after() -> Truth:
    """w after AFTER steps of the sigmoid run (core.zigzag.simulate)."""
    w = run("sigmoid").path[AFTER]
    x, y = float(w[0]), float(w[1])
    return Truth(point=(x, y), values=dict(name=name("sigmoid"), t=AFTER, w1=fmt(x, 3),
                                           w2=fmt(y, 3)))


def ask_names() -> dict:
    return dict(name=name("sigmoid"), t=AFTER)


def plane_bounds() -> tuple[float, float, float, float]:
    """The left panel's axis ranges at step 0: w₀ and w* in the page's view box."""
    r = run("sigmoid")
    (x0, x1), (y0, y1) = view_box([r.path[:1]], [r.w0, r.w_star])
    return (float(x0), float(x1), float(y0), float(y1))


# until the reveal the page leaves out what gives the answers away: the later steps (the
# scrub's frames and the play carry the whole path), the sections below the picture that
# measure the run ("later"), and for the quadrant question the shaded quadrants, the ±x line,
# the next update and the sentences about them ("quadrants")
QUADRANT = Question("quadrant", "choose", page="zigzag", truth=quadrants, options=tuple(QUADS),
                    values=ask_names, hides=("quadrants", "steps", "later"))
WHERE = Question("where", "tap", page="zigzag", truth=after, chart=CHART, bounds=plane_bounds(),
                 tolerance=0.15, axis="xy", values=ask_names, hides=("steps", "later"))


STEPS = (
    Step("inputs", SPEC.state(zz_t=0), inputs, CHART, ends),
    Step("quadrant", SPEC.state(zz_t=0), ask_names, CHART, question=QUADRANT),
    Step("where", SPEC.state(zz_t=0), ask_names, CHART, question=WHERE),
    Step("same_sign", SPEC.state(zz_t=6), same_sign, CHART,
         lambda: mark_step("sigmoid", 6, "t = 6")),
    Step("path", SPEC.state(zz_t=reach("sigmoid")), path, CHART,
         lambda: mark_step("sigmoid", reach("sigmoid"), f"t = {reach('sigmoid')}")),
    Step("tanh", SPEC.state(zz_t=reach("tanh")), tanh, CHART,
         lambda: {"annotations": [note(float(run("tanh").path[reach("tanh")][0]),
                                       float(run("tanh").path[reach("tanh")][1]),
                                       f"t = {reach('tanh')}", ax=60, ay=45, xref="x2",
                                       yref="y2")]}),
    Step("relu", SPEC.state(zz_a="relu", zz_t=reach("relu")), relu, CHART,
         lambda: mark_step("relu", reach("relu"), f"t = {reach('relu')}")),
)
