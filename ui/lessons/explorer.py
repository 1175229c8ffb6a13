"""Lesson: why a non-linearity at all (a linear stack collapses), the sigmoid family, the ReLU
family, and softmax overflow; two questions first (tap where the sigmoid is steepest, sketch
tanh′), with the derivative panel off. Numbers from core.properties / core.activations."""

from __future__ import annotations

import functools

import numpy as np

from core.activations import EXP_OVERFLOW, FLOAT64_MAX, get, softmax_demo
from core.properties import compare_stacks, curve, properties
from core.saturation import derivative_peak
from ui.controls.explorer import SPEC
from ui.i18n import act_name
from ui.lessons import Step, note, percent
from ui.format import fmt
from ui.questions.model import Question, Truth
from ui.sentences.explorer import default_scores

SCORES = tuple(default_scores())  # the page's default scores and settings, from its spec
OFFSET = SPEC["sm_off"].default
DEPTH, WEIGHT = SPEC["L"].default, SPEC["a"].default
LEAKY = 0.1  # the exercise's slope (the default is the catalogue's)
X_RANGE = tuple(SPEC["xr"].default)  # the f / f′ chart's x axis
SAMPLES = 241  # the page's samples of a curve on its x range
PAD = 0.1  # a question's y bounds: the curve's span and this share of it on either side


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


# ----------------------------------------------------------------------------- questions
# Both are asked with the derivative panel switched off (deriv=False): the chart shows f alone,
# so the answer (f′) is not on the screen until the reveal draws it.


@functools.lru_cache(maxsize=8)
def samples(act_id: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(x, f, f′) of an activation on the chart's x range, as the page samples it."""
    return curve(act_id, X_RANGE[0], X_RANGE[1], SAMPLES)


def f_bounds(act_id: str) -> tuple[float, float, float, float]:
    """(x0, x1, y0, y1) of the f chart showing this activation alone: the x range and the
    curve's span, each widened by PAD of its width on either side (the chart's axes range
    automatically, a little wider than the data: every point of its plot area lies inside)."""
    f = samples(act_id)[1]
    lo, hi = float(np.min(f)), float(np.max(f))
    pad, xpad = PAD * (hi - lo), PAD * (X_RANGE[1] - X_RANGE[0])
    return (float(X_RANGE[0]) - xpad, float(X_RANGE[1]) + xpad, lo - pad, hi + pad)


def steepest() -> Truth:
    """Where σ′ is largest (core.saturation.derivative_peak), drawn at (x*, σ(x*)) on f."""
    p = derivative_peak("sigmoid")
    x = round(p.x_at, 6) + 0.0
    y = float(get("sigmoid").fn(np.array([x]))[0])
    return Truth(value=x, point=(x, y), values=dict(name=name("sigmoid"), x=fmt(x),
                                                    g=fmt(p.value, 4)))


def tanh_slope() -> Truth:
    """tanh′ on the chart's x range (core.properties.curve); its largest value and where."""
    x, _, g = samples("tanh")
    i = int(np.argmax(g))
    return Truth(curve=(x, g), values=dict(name=name("tanh"), m=fmt(float(g[i]), 4),
                                           x=fmt(float(x[i]) + 0.0)))


def ask_names() -> dict:
    return dict(sig=name("sigmoid"), tanh=name("tanh"))


# the measured properties and the values at points (f′ and where it peaks) and the formulas
# and uses (f′'s formula, "its derivative almost disappears far from zero") come back with the
# reveal
STEEP = Question("steep", "tap", page="explorer", truth=steepest, chart="curves",
                 bounds=f_bounds("sigmoid"), tolerance=0.5, axis="x", values=ask_names,
                 hides=("properties", "details"))
SKETCH = Question("sketch", "sketch", page="explorer", truth=tanh_slope, chart="curves",
                  bounds=f_bounds("tanh"), tolerance=0.12, values=ask_names,
                  hides=("properties", "details"))


STEPS = (
    Step("collapse", SPEC.state(stack="identity"), collapse, "stack",
         lambda: on_stack("identity", 2.0, f"{fmt(stack('identity').slope, 4)}·x"), near="stack"),
    Step("bend", SPEC.state(), bend, "stack",
         lambda: on_stack("tanh", 2.0, f"{name('tanh')} × {DEPTH}"), near="stack"),
    Step("steep", SPEC.state(f_sigmoid=["sigmoid"], f_relu=[], deriv=False), ask_names,
         "curves", question=STEEP),
    Step("sketch", SPEC.state(f_sigmoid=["tanh"], f_relu=[], deriv=False), ask_names, "curves",
         question=SKETCH),
    Step("sigmoid", SPEC.state(f_relu=[]), family, "curves", family_marks),
    Step("relu", SPEC.state(f_sigmoid=[], f_relu=["relu", "leaky_relu", "elu"],
                            p_leaky_relu_negative_slope=LEAKY), relus, "curves", relu_marks),
    # its bar stands right above the naive-vs-stable chart, which shows the nan it speaks of
    Step("softmax", SPEC.state(), overflow, "overflow", near="overflow"),
)
