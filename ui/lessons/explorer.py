"""Lesson: why a non-linearity at all (a linear stack collapses), the sigmoid family, the ReLU
family, and softmax overflow. Numbers from core.properties / core.activations."""

from __future__ import annotations

import functools

import numpy as np

from core.activations import EXP_OVERFLOW, FLOAT64_MAX, get, softmax_demo
from core.properties import compare_stacks, properties
from ui.controls.explorer import SPEC
from ui.i18n import act_name
from ui.lessons import Step, note, percent
from ui.format import fmt
from ui.sentences.explorer import default_scores

SCORES = tuple(default_scores())  # the page's default scores and settings, from its spec
OFFSET = SPEC["sm_off"].default
DEPTH, WEIGHT = SPEC["L"].default, SPEC["a"].default
LEAKY = 0.1  # the exercise's slope (the default is the catalogue's)


def name(act_id: str) -> str:
    """The display name in the current language (시그모이드, tanh, ReLU …)."""
    return act_name(act_id)


@functools.lru_cache(maxsize=8)
def stack(act_id: str):
    return compare_stacks(act_id, DEPTH, WEIGHT)


@functools.lru_cache(maxsize=8)
def props(act_id: str, **params: float):
    return properties(act_id, **params)


pct = percent  # the number of a percentage: the texts write {p}%


def collapse() -> dict:
    run = stack("identity")
    return dict(a=fmt(WEIGHT), L=DEPTH, slope=fmt(run.slope, 4), dev=pct(run.linear_error))


def bend() -> dict:
    run = stack("tanh")
    return dict(name=name("tanh"), L=DEPTH, a=fmt(WEIGHT), dev=pct(run.bent_error))


def on_stack(act_id: str, x: float, text: str) -> dict:
    """An arrow at h_L(x) on the right panel (the stack of act_id; the left one is the line)."""
    run = stack(act_id)
    i = int(np.argmin(np.abs(run.x - x)))
    return {"annotations": [note(float(run.x[i]), float(run.bent[i]), text, ax=-50, ay=-40,
                                 xref="x2", yref="y2")]}


def family() -> dict:
    s, h = props("sigmoid"), props("tanh")
    return dict(sig=name("sigmoid"), tanh=name("tanh"), slo=fmt(s.lower.value),
                shi=fmt(s.upper.value), tlo=fmt(h.lower.value), thi=fmt(h.upper.value),
                sg=fmt(s.max_abs_grad, 4), tg=fmt(h.max_abs_grad, 4))


def family_marks() -> dict:
    zero = np.zeros(1)
    sg, tg = float(get("sigmoid").grad(zero)[0]), float(get("tanh").grad(zero)[0])
    return {"annotations": [note(0.0, sg, f"σ′(0) = {fmt(sg)}", ax=70, ay=-10, yref="y2"),
                            note(0.0, tg, f"tanh′(0) = {fmt(tg)}", ax=70, ay=-10, yref="y2")]}


def relus() -> dict:
    x = np.array([-2.0])
    return dict(relu=name("relu"), leaky=name("leaky_relu"), elu=name("elu"),
                g=fmt(float(get("relu").grad(x)[0])),
                one=fmt(float(get("relu").grad(-x)[0])),
                slope=fmt(float(get("leaky_relu").grad(x, negative_slope=LEAKY)[0])),
                lo=fmt(props("elu").lower.value), x=fmt(float(x[0])))


def relu_marks() -> dict:
    x = np.array([-4.0])
    y = float(get("leaky_relu").fn(x, negative_slope=LEAKY)[0])
    return {"annotations": [note(-4.0, y, f"{name('leaky_relu')}: {fmt(LEAKY)}·x", ax=0, ay=-50)]}


def overflow() -> dict:
    demo = softmax_demo(list(SCORES), 1.0, OFFSET)
    show = lambda a: "[" + ", ".join(fmt(float(v), 4) for v in a) + "]"  # noqa: E731
    return dict(off=fmt(OFFSET), scores=show(demo.shifted), zmax=fmt(demo.largest_exponent),
                ln_max=fmt(EXP_OVERFLOW, 4), fmax=fmt(FLOAT64_MAX, 2), naive=show(demo.naive),
                stable=show(demo.stable), orig=show(SCORES))


STEPS = (
    Step("collapse", SPEC.state(stack="identity"), collapse, "stack",
         lambda: on_stack("identity", 2.0, f"{fmt(stack('identity').slope, 4)}·x"), near="stack"),
    Step("bend", SPEC.state(), bend, "stack",
         lambda: on_stack("tanh", 2.0, f"{name('tanh')} × {DEPTH}"), near="stack"),
    Step("sigmoid", SPEC.state(f_relu=[]), family, "curves", family_marks),
    Step("relu", SPEC.state(f_sigmoid=[], f_relu=["relu", "leaky_relu", "elu"],
                            p_leaky_relu_negative_slope=LEAKY), relus, "curves", relu_marks),
    # its bar stands right above the naive-vs-stable chart, which shows the nan it speaks of
    Step("softmax", SPEC.state(), overflow, "overflow", near="overflow"),
)
