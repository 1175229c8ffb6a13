"""The controls of the learning-rate page (pages/descent.py), each declared once.

Bounds and defaults come from ``core.descent``: its limits, its presets' own start points and
the learning rate and iteration count ``core.descent.run`` takes by default.

Two controls are decided by the run when the page draws them (``dynamic``):

- ``gd_step`` — its upper bound and its default are the run's last step;
- ``gd_lrlog`` — the log learning-rate slider is a *view* of ``lr``: its position always comes
  from ``lr`` (the one source of truth), so it is not part of a lesson step's state, and a link's
  ``gd_lrlog`` that disagrees with its ``lr`` never overrides it. It is scrubbed on the loss
  chart (ui.chart.Scrub: the picture of every lr of its grid computed at once); only a scrub
  the user released changes ``lr`` (pages/descent.py).

``shown_with`` holds one value of another control, or a tuple of values any of which shows it.
"""

from __future__ import annotations

import inspect

from core import descent as d
from ui.controls import Control, Spec, grid_index
from ui.format import fmt

_RUN = inspect.signature(d.run).parameters  # core's own default lr and iteration count
DEFAULT_LR: float = _RUN["lr"].default
DEFAULT_STEPS: int = _RUN["steps"].default
DEFAULT_LRS = "0.001, 0.2, 0.5, 0.9, 1.0, 1.1"  # the course's six cases, slowest first
LOSS_IDS = tuple(d.LOSSES)
ONE_D = tuple(lid for lid in LOSS_IDS if d.get(lid).dim == 1)
TWO_D = tuple(lid for lid in LOSS_IDS if d.get(lid).dim == 2)
COURSE, BOWL = d.get("course"), d.get("bowl2d")
WX_MAX, WY_MAX = 9.0, 4.0  # the typed start on the 2-D bowl: |x| ≤ 9, |y| ≤ 4 (its view)


def lr_text(v: float) -> str:
    """A learning rate written with as many digits as it takes to reproduce it exactly."""
    return fmt(float(v), d.exact_digits(v))


def loss_label(loss_id: str) -> str:
    """A preset's language-neutral label: its formula (also what the URL stores)."""
    return d.get(loss_id).text


def log_position(lr: float) -> float:
    """Where the log slider stands for lr: log₁₀ lr on its 0.01 grid, inside its ends."""
    return min(d.LOG_LR_MAX, max(d.LOG_LR_MIN, d.log_lr(lr, 2)))


_LIMITS = dict(most=d.MAX_RATES, lo=lr_text(d.LR_MIN), hi=lr_text(d.LR_MAX))

SPEC = Spec("descent", [
    Control("gd_loss", "select", "course", label="descent.loss", options=LOSS_IDS,
            names=loss_label, help="descent.loss_help",
            values=dict(course=COURSE.text, expanded=d.get("expanded").text,
                        xmin=fmt(d.get("expanded").minimizers[0]))),
    # the default follows the preset (the page passes the chosen loss's own start)
    Control("gd_x0", "number", float(COURSE.default_x0), label="descent.x0",
            lo=-d.X0_MAX, hi=d.X0_MAX, step=0.5, help="descent.x0_help",
            values=dict(lo=fmt(-d.X0_MAX), hi=fmt(d.X0_MAX)), shown_with={"gd_loss": ONE_D}),
    Control("gd_wx", "number", float(BOWL.default_x0[0]), label="descent.w0x",
            lo=-WX_MAX, hi=WX_MAX, step=0.5, shown_with={"gd_loss": TWO_D}),
    Control("gd_wy", "number", float(BOWL.default_x0[1]), label="descent.w0y",
            lo=-WY_MAX, hi=WY_MAX, step=0.25, shown_with={"gd_loss": TWO_D}),
    Control("gd_steps", "slider", DEFAULT_STEPS, label="descent.steps", lo=1, hi=d.MAX_STEPS),
    Control("lr", "number", DEFAULT_LR, label="descent.lr", lo=d.LR_MIN, hi=d.LR_MAX,
            step=0.0001, fmt="%.4f", help="descent.lr_help"),
    Control("gd_lrlog", "slider", log_position(DEFAULT_LR), label="descent.lrlog",
            lo=d.LOG_LR_MIN, hi=d.LOG_LR_MAX, step=0.01, fmt="%.2f", help="descent.lrlog_help",
            values=dict(lo_log=fmt(d.LOG_LR_MIN), lo=lr_text(d.LR_MIN),
                        hi_log=fmt(d.LOG_LR_MAX), hi=lr_text(d.LR_MAX)),
            dynamic=True, scrub=True),
    # the slider opens at the run's last step: the loss curve shows every iterate
    Control("gd_step", "slider", d.MAX_STEPS, label="descent.step", lo=0, hi=d.MAX_STEPS,
            help="descent.step_help", dynamic=True),
    Control("gd_opt", "multi", d.METHODS, label="descent.optimizers", options=d.METHODS,
            names="descent.opt", help="descent.optimizers_help",
            values=dict(beta=fmt(d.MOMENTUM_BETA), beta1=fmt(d.ADAM_BETA1),
                        beta2=fmt(d.ADAM_BETA2)), shown_with={"gd_loss": TWO_D}),
    Control("gd_lrs", "text", DEFAULT_LRS, label="descent.lrs", help="descent.lrs_help",
            values=_LIMITS, max_chars=80),
])


SCRUB_STEP = 0.01  # the log slider's step (the scrub's grid is made of its multiples)
SCRUB_BUDGET = 195_000  # bytes of the lr frames at most: a page open stays ≤ 400 KB


def lr_at(position: float) -> float:
    """The learning rate a position of the log slider stands for (core's 3-digit 10^v)."""
    return d.lr_from_log(position)


def scrub_grid(lr: float, steps: int) -> tuple[tuple[float, ...], int, tuple[float, ...]]:
    """(positions, index, learning rates) of the loss chart's lr scrub: the log slider's own
    steps (every s-th when the frames of all would not fit SCRUB_BUDGET at about 10 bytes per
    iterate), the position of lr at index; the lr there is lr itself (as typed), elsewhere
    lr_at(position)."""
    from ui.figures.saturation import keep_within  # the scrubs' shared byte budget rule

    grid = SPEC["gd_lrlog"].grid()
    index = grid_index(grid, log_position(lr))
    keep = keep_within(grid, index, SCRUB_STEP, 700 + 10 * (steps + 1), SCRUB_BUDGET)
    values = tuple(grid[i] for i in keep)
    index = keep.index(index)
    return values, index, tuple(lr if i == index else lr_at(v) for i, v in enumerate(values))
