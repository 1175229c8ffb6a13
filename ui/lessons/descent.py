"""Lesson: one loss, six learning rates — steady, one step, oscillating, a cycle, divergence,
too slow; two questions (steps to within 0.01 at lr 0.2, the learning rate where divergence
begins). Every number comes from core.descent runs of the course set-up."""

from __future__ import annotations

import functools

from core import descent as d
from ui.controls.descent import SPEC
from ui.lessons import Step, note
from ui.figures.descent import AXIS_TOP, MARKER_Y
from ui.format import fmt
from ui.questions.model import Question, Truth

# the page's defaults (every step runs the course loss from its own start, the whole path shown)
LOSS = SPEC["gd_loss"].default
X0 = SPEC["gd_x0"].default
N_ITER = SPEC["gd_steps"].default
TOL = d.DEFAULT_TOL
CHART = "gd_curve"


@functools.lru_cache(maxsize=16)
def run(lr: float) -> d.DescentRun:
    """The course loss from its start with this lr (the page's own set-up)."""
    return d.run(LOSS, "gd", x0=X0, lr=lr, steps=N_ITER, tol=TOL)


def factor(lr: float) -> float:
    """r = 1 − lr·L: each step multiplies the error x − 3 by r."""
    return float(d.quadratic_regime(d.get(LOSS), lr, X0, N_ITER, TOL).factors[0])


def state(lr: float) -> dict:
    """The page's defaults with this lr, the whole path shown (the slider at the last step).
    The log slider is no part of it: its position follows lr."""
    return SPEC.state(lr=lr, gd_step=run(lr).n)


def common(lr: float) -> dict:
    r = run(lr)
    return dict(lr=fmt(lr), x0=fmt(X0), target=fmt(float(r.target)), tol=fmt(TOL),
                r=fmt(factor(lr), 4), n=r.n)


def at(lr: float, k: int, text: str, ay: float = -50, ax: float = 0) -> dict:
    """An annotation at iterate k of the run."""
    r = run(lr)
    return note(float(r.iterates[k]), float(r.losses[k]), text, ax=ax, ay=ay)


def steady() -> dict:
    return dict(common(0.2), k=run(0.2).converged_at)


def one_step() -> dict:
    band = d.stable_band(d.get(LOSS))
    return dict(common(0.5), x1=fmt(float(run(0.5).iterates[1])), L=fmt(band.curvature),
                one=fmt(band.one_step))


def oscillating() -> dict:
    xs = run(0.9).iterates
    return dict(common(0.9), x1=fmt(float(xs[1]), 4), x2=fmt(float(xs[2]), 4),
                k=run(0.9).converged_at)


def cycle() -> dict:
    xs = run(1.0).iterates
    return dict(common(1.0), a=fmt(float(xs[-1])), b=fmt(float(xs[-2])),
                upper=fmt(d.stable_band(d.get(LOSS)).upper))


def diverges() -> dict:
    r = run(1.1)
    return dict(common(1.1), absr=fmt(abs(factor(1.1)), 4), k=r.stopped_at,
                bound=f"{d.X_BOUND:,.0f}", x1=fmt(float(r.iterates[1]), 4),
                x2=fmt(float(r.iterates[2]), 4))


def _nothing_to_say() -> dict:
    return {}


def slow() -> dict:
    r = run(0.001)
    # estimated_steps counts from x₀ (the whole run), so the texts say "in all" and also give
    # the steps still to go after the n shown
    return dict(common(0.001), x=fmt(float(r.iterates[-1]), 4), need=f"{r.estimated_steps:,}",
                more=f"{r.estimated_steps - r.n:,}")


# ----------------------------------------------------------------------------- questions
GOAL = 0.01  # "how many steps until |x − 3| < 0.01?"
ASK_LR = 0.2


def ask_state(lr: float) -> dict:
    """The page with this lr and only x₀ drawn (the step slider at 0): no iterate to count."""
    return SPEC.state(lr=lr, gd_step=0)


def count_names() -> dict:
    r = run(ASK_LR)
    return dict(lr=fmt(ASK_LR), x0=fmt(X0), target=fmt(float(r.target)), goal=fmt(GOAL))


def count() -> Truth:
    """The first step k from which |x_k − 3| stays within GOAL (core.descent.run, tol=GOAL)."""
    r = d.run(LOSS, "gd", x0=X0, lr=ASK_LR, steps=N_ITER, tol=GOAL)
    k = r.converged_at
    return Truth(value=float(k), values=dict(count_names(), k=k,
                                             x=fmt(float(r.iterates[k]), 4)))


def diverge() -> Truth:
    """The stability limit 2/L of the course loss (core.descent.stable_band): at it x cycles,
    above it every step lands farther from the minimiser."""
    band = d.stable_band(d.get(LOSS))
    up = float(band.upper)
    return Truth(value=up, point=(up, MARKER_Y), values=dict(upper=fmt(up), L=fmt(band.curvature)))


# until the reveal the page leaves out what gives the answer away: the comparison of several
# lrs (their distance curves count the steps; their regimes bracket 2/L), and for the diverge
# question the curvature story and the lr axis's bands, 1/L and 2/L ("theory"). The lr stays
# the student's to move (the box, the buttons, the chart's scrub): trying is not being told.
COUNT = Question("count", "number", page="descent", truth=count, bounds=(0.0, 10000.0),
                 tolerance=1.0, integer=True, values=count_names, hides=("compare",))
DIVERGE = Question("diverge", "tap", page="descent", truth=diverge, chart="gd_axis",
                   bounds=(d.LR_MIN, d.LR_MAX, 0.0, AXIS_TOP), tolerance=0.1, axis="x",
                   scale="log", hides=("compare", "theory"))


STEPS = (
    Step("count", ask_state(ASK_LR), count_names, CHART, question=COUNT),
    Step("steady", state(0.2), steady, CHART,
         lambda: {"annotations": [at(0.2, run(0.2).converged_at, f"k = {run(0.2).converged_at}",
                                     ay=-60)]}),
    Step("one_step", state(0.5), one_step, CHART,
         lambda: {"annotations": [at(0.5, 0, "x₀"), at(0.5, 1, "x₁", ay=-60)]}),
    Step("oscillating", state(0.9), oscillating, CHART,
         lambda: {"annotations": [at(0.9, 0, "x₀"), at(0.9, 1, "x₁"), at(0.9, 2, "x₂", ax=30)]}),
    # answered on the lr axis under the picture; the projector keeps the loss curve in view
    Step("diverge", state(0.9), _nothing_to_say, CHART, question=DIVERGE),
    Step("cycle", state(1.0), cycle, CHART,
         lambda: {"annotations": [at(1.0, 0, f"x₀ = x₂ = … = {fmt(X0)}", ax=-40),
                                  at(1.0, 1, f"x₁ = x₃ = … = {fmt(float(run(1.0).iterates[1]))}",
                                     ax=40)]}),
    Step("diverges", state(1.1), diverges, CHART,
         lambda: {"annotations": [at(1.1, 0, "x₀"), at(1.1, 1, "x₁"), at(1.1, 2, "x₂")]}),
    Step("slow", state(0.001), slow, CHART,
         lambda: {"annotations": [at(0.001, run(0.001).n, f"k = {run(0.001).n}", ax=-40)]}),
)
