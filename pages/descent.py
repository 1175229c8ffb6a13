"""Learning rate and gradient descent: iterates, regime, stable band, several lrs side by side,
GD / momentum / Adam on a 2-D bowl (controls: ui/controls/descent.py; sentences: ui/sentences)."""

from __future__ import annotations

import streamlit as st

from core import descent as d
from ui import lesson, shell
from ui.chart import Scrub
from ui.controls.descent import (COURSE, SCRUB_BUDGET, SCRUB_STEP, SPEC, log_position, lr_at,
                                 scrub_grid)
from ui.figures.descent import (contour_frames, contour_paths, distance_per_step, loss_curve,
                                loss_frames, lr_axis, outside, per_step, side_by_side)
from ui.figures.saturation import thin
from ui.format import fmt, plain
from ui.i18n import t
from ui.page import (call_fragment, chart, follow_setup, guarded, header, look, picture_layout,
                     secondary, show_code)
from ui.questions.conceal import concealed, unless_concealed
from ui.sentences import descent as say

shell.ensure()

LOOK = look()
lesson.apply("descent")  # a lesson step's controls, before any widget
QUICK_LRS = (0.2, 0.5, 0.9, 1.0, 1.1, 0.001)
REGIME_BOX = {d.MONOTONE: st.success, d.OSCILLATING: st.info, d.CYCLE: st.warning,
              d.DIVERGES: st.error, d.TOO_SLOW: st.warning}
LOG_TOL = 0.006  # the log slider (a view of lr, scrubbed on the chart) within it shows lr
_DRAWN = "_gd_lrlog_drawn"  # (the position drawn, the lr it was drawn for)
_STEP_AT = "_gd_step_at"  # (last step n of the run shown, whether the step slider stood at n)


@st.cache_data(max_entries=64, show_spinner=False)
def cached_run(loss_id: str, method: str, x0, lr: float, steps: int) -> d.DescentRun:
    """d.run, cached per set-up."""
    return d.run(loss_id, method, x0=x0, lr=lr, steps=steps, tol=d.DEFAULT_TOL)


@st.cache_resource(max_entries=8, show_spinner=False)
def cached_grid(loss_id: str, method: str, x0, lrs: tuple, steps: int) -> list[d.DescentRun]:
    """d.run_grid (the runs of the scrub's grid, stepped together), cached (only read)."""
    return d.run_grid(loss_id, method, x0, lrs, steps, d.DEFAULT_TOL)


# ----------------------------------------------------------------------- widget callbacks
def take_scrubbed_lr() -> None:
    """Before the lr box is drawn: if the chart's scrub moved the log slider away from the
    position drawn last, lr ← lr_from_log(v), unless v already shows lr or lr was set in this
    same round (a lesson step, a course button, the box: lr wins over a stale position)."""
    v, drawn = st.session_state.get("gd_lrlog"), st.session_state.get(_DRAWN)
    lr = st.session_state.get("lr", SPEC["lr"].default)
    if v is None or drawn is None or abs(v - drawn[0]) < 1e-9 or lr != drawn[1]:
        return  # not moved, or lr set in this round
    if abs(v - d.log_lr(lr)) > LOG_TOL:
        st.session_state["lr"] = lr_at(v)


def _reset_start() -> None:
    """A new preset starts from its own default start point."""
    loss = d.get(st.session_state["gd_loss"])
    starts = (loss.default_x0,) if loss.dim == 1 else loss.default_x0
    for key, value in zip(("gd_x0",) if loss.dim == 1 else ("gd_wx", "gd_wy"), starts):
        st.session_state[key] = float(value)


def _quick(lr: float) -> None:
    """A course button: the course loss from its own start with this lr."""
    st.session_state.update(lr=lr, gd_loss="course", gd_x0=float(COURSE.default_x0))


def _move(delta: int | None, n: int) -> None:
    """Step buttons: k ± 1 (clamped), or k = 0 / n for delta None with n = target."""
    k = st.session_state.get("gd_step", n)
    st.session_state["gd_step"] = n if delta is None else max(0, min(n, k + delta))


# ----------------------------------------------------------------------- controls
def start_and_steps(loss: d.Loss) -> tuple[object, int]:
    """The start (x₀, or (x, y) on the bowl) and the iteration count, folded."""
    with secondary("common.more_controls"):
        if loss.dim == 2:
            x0 = []
            for box, key, value in zip(st.columns(2), ("gd_wx", "gd_wy"), loss.default_x0):
                with box:
                    x0.append(float(SPEC.draw(key, default=float(value))))
        else:  # the default follows the preset (10 for the quadratics, 0.5 for the quartic)
            x0 = float(SPEC.draw("gd_x0", default=float(loss.default_x0)))
        return (tuple(x0) if loss.dim == 2 else x0), int(SPEC.draw("gd_steps"))


def log_slider(lr: float) -> float:
    """The log slider's position, placed from lr (lr wins); the chart draws its range input."""
    position, held = log_position(lr), st.session_state.get("gd_lrlog")
    if held is not None and abs(held - d.log_lr(lr)) > LOG_TOL:
        st.session_state["gd_lrlog"] = position
    value = SPEC.draw("gd_lrlog", default=position)  # a bad link value gets its notice here
    if abs(value - d.log_lr(lr)) > LOG_TOL:  # a link's position that disagrees with its lr
        value = st.session_state["gd_lrlog"] = position
    st.session_state[_DRAWN] = (value, lr)
    return position


def quick_buttons(lr: float) -> None:
    """The course's cases in one click each (the current one highlighted)."""
    st.markdown(f"**{t('descent.quick')}**",
                help=t("descent.quick_help", course=COURSE.text, x0=fmt(COURSE.default_x0)))
    with st.container(horizontal=True, gap="small"):
        for q in QUICK_LRS:
            st.button(f"lr = {fmt(q)}", key=f"gd_quick_{q}", on_click=_quick, args=(q,),
                      type="primary" if abs(q - lr) < 1e-12 else "secondary")


def controls() -> tuple[str, object, float, int]:
    """Learning rate (exact + log slider), the course cases and the loss beside the picture;
    the start and the iterations folded under them."""
    lr_box, loss_box = st.container(), st.container()
    with loss_box:
        loss_id = SPEC.draw("gd_loss", on_change=_reset_start)
        x0, steps = start_and_steps(d.get(loss_id))
    with lr_box:
        take_scrubbed_lr()
        lr = float(SPEC.draw("lr"))
        log_slider(lr)
        quick_buttons(lr)
        st.caption(t("descent.scrub_hint"))
    return loss_id, x0, lr, steps


# ----------------------------------------------------------------------- the picture
def lr_scrub(shown: list[d.DescentRun], k: int) -> Scrub:
    """The main chart's lr scrub (ui.controls.descent.scrub_grid): the runs of the optimisers
    shown at every lr of its grid (core, at once), each at the step shown after the release."""
    run = shown[0]
    values, index, lrs = scrub_grid(run.lr, run.steps)
    grids = [cached_grid(r.loss_id, r.method, r.x0, lrs, r.steps) for r in shown]
    frames = (loss_frames(grids[0], k, run.n, [say.badge(r) for r in grids[0]], LOOK)
              if d.get(run.loss_id).dim == 1 else
              contour_frames([list(g) for g in zip(*grids)], k, max(r.n for r in shown)))
    return thin(Scrub("gd_lrlog", values, index, tuple(frames), t("descent.lrlog"),
                      tuple(f"lr = {say.lr_text(lr)}" for lr in lrs)), SCRUB_STEP, SCRUB_BUDGET)


def verdict(run: d.DescentRun, lr: float) -> None:
    """Regime box with its computed reason."""
    st.subheader(t("descent.verdict", lr=say.lr_text(lr)))
    REGIME_BOX[run.regime](f"**{say.regime_title(run)}** — {say.why(run)}")


def theory_and_axis(loss: d.Loss, run: d.DescentRun, lr: float) -> None:
    """The curvature story, then the lr axis with the stable band, 1/L, 2/L and the lr."""
    st.markdown(f"**{t('descent.theory.head')}**")
    band, paragraphs = say.theory(loss, run, lr)
    bare = concealed("descent", "theory", note=True)  # a question asks where the bands end
    for text in [] if bare else paragraphs:
        st.markdown(text)
    if band is not None:
        chart(lr_axis(band, lr, LOOK, compare_lrs(), bare=bare), "gd_axis")
        if loss.curvature is None and not bare:
            st.caption(t("descent.axis_caption_local", target=fmt(run.target, 4),
                         L=fmt(band.curvature, 4)))
        if not bare:
            st.caption(t("descent.axis_caption"))


def step_controls(n: int, area: dict) -> int:
    """The step buttons and the URL-bound step slider under the picture; returns k. The slider
    opens at the last step: the loss curve shows every iterate."""
    with area["buttons"], st.container(horizontal=True, gap="small",
                                       vertical_alignment="center"):
        st.markdown(f"**{t('descent.walk')}**")
        for key, delta, target, icon in (("first", None, 0, "first_page"),
                                         ("prev", -1, n, "chevron_left"),
                                         ("next", 1, n, "chevron_right"),
                                         ("last", None, n, "last_page")):
            st.button(t(f"descent.{key}"), key=f"gd_b_{key}", on_click=_move,
                      args=(delta, target), icon=f":material/{icon}:")
    n_was, at_end = st.session_state.get(_STEP_AT, (n, False))
    held = st.session_state.get("gd_step")
    if held is not None and (held > n or (at_end and n_was != n and held == n_was)):
        st.session_state["gd_step"] = n  # the end stays the end, unless a step wrote another k
    with area["buttons"]:
        k = int(SPEC.draw("gd_step", hi=n, default=n))
    st.session_state[_STEP_AT] = (n, k >= n)
    return k


def iterate_table(loss: d.Loss, run: d.DescentRun) -> None:
    """First 8 and last 4 iterates as numbers, built only while the expander is open."""
    box = st.expander(t("descent.table"), expanded=False, key="gd_table_open", on_change="rerun")
    if box.open:
        with box:
            st.caption(t("descent.table_note"))
            st.dataframe(say.iterate_rows(loss, run), hide_index=True, width="stretch")


def walk_1d(loss: d.Loss1D, run: d.DescentRun, area: dict) -> None:
    """The loss curve with the iterates up to step k and the verdict under it; then the
    curvature story, the lr axis, the loss gap and x per iteration."""
    k = step_controls(run.n, area)
    with area["picture"]:
        chart(loss_curve(run, LOOK, upto=k, badge=say.badge(run)), "gd_curve",
              scrubs=[lr_scrub([run], k)])
    with area["below"]:
        out = outside(run, k)
        if out.count:
            st.caption(t("descent.outside", count=out.count, far=say.num(out.farthest, 4)))
        st.markdown(say.at_step(loss, run, k))
        verdict(run, run.lr)
        show_code(d.gradient_descent)
    theory_and_axis(loss, run, run.lr)
    chart(per_step(run, LOOK, upto=k), "gd_steps_chart")
    st.caption(say.gap_note())
    iterate_table(loss, run)


def walk_2d(loss: d.Loss2D, x0, steps: int, run: d.DescentRun, area: dict) -> None:
    """The contour map with the chosen optimisers' paths and the verdict under it; then the
    curvature story and the optimisers' comparison."""
    with area["controls"]:  # beside the picture, under the other controls
        methods = SPEC.draw("gd_opt") or ["gd"]
    runs = [run if m == "gd" else cached_run(loss.id, m, x0, run.lr, steps) for m in methods]
    k = step_controls(max(r.n for r in runs), area)
    names = [t(f"descent.opt.{m}") for m in methods]
    with area["picture"]:
        chart(contour_paths(runs, names, LOOK, upto=k), "gd_contour", scrubs=[lr_scrub(runs, k)])
    with area["below"]:
        st.markdown(say.at_step(loss, run, k))
        verdict(run, run.lr)
        show_code(d.gradient_descent, d.momentum_descent, d.adam_descent)
    theory_and_axis(loss, run, run.lr)
    st.markdown(f"**{t('descent.dist_title')}**")
    chart(distance_per_step(runs, names, LOOK, upto=k), "gd_dist")
    st.markdown(f"**{t('descent.opt_table', lr=say.lr_text(run.lr))}**")
    st.dataframe(say.summary_table(runs, names, t("descent.col.method")), hide_index=True,
                 width="stretch")
    iterate_table(loss, run)


# ----------------------------------------------------------------------- the comparison
def compare_lrs() -> list[float]:
    """The list typed in the compare box (the default list when it does not parse)."""
    raw = st.session_state.get("gd_lrs", st.query_params.get("gd_lrs", SPEC["gd_lrs"].default))
    return say.parse_lrs(raw) or say.DEFAULT_RATES


@st.fragment
@guarded
@unless_concealed("descent", "compare")
def compare_panel(loss_id: str, x0, steps: int) -> None:
    """The same loss and start with several learning rates: panels and a table."""
    st.subheader(t("descent.compare"))
    st.markdown(t("descent.compare_intro"))
    raw = SPEC.draw("gd_lrs")
    lrs = say.parse_lrs(raw)
    if lrs is None:
        st.warning(t("descent.lrs_bad", bad=plain(raw, most=60), **SPEC["gd_lrs"].values))
        lrs = say.DEFAULT_RATES
    runs = [cached_run(loss_id, "gd", x0, lr, steps) for lr in lrs]
    names = [f"lr = {say.lr_text(lr)}" for lr in lrs]
    if d.get(loss_id).dim == 1:
        titles = [f"{name} · {say.regime_short(r)}" for name, r in zip(names, runs)]
        chart(side_by_side(runs, titles, LOOK), "gd_side")
    st.markdown(f"**{t('descent.dist_title')}**")
    chart(distance_per_step(runs, names, LOOK), "gd_cmp_dist")
    st.dataframe(say.summary_table(runs, names, t("descent.col.lr")), hide_index=True,
                 width="stretch")


# ----------------------------------------------------------------------- page
@st.fragment
@guarded
def main_panel() -> tuple[str, object, int]:
    """The main picture with its controls beside it, the verdict under the picture, then the
    walk. A fragment: moving lr or the step reruns only this; a new loss, start or iteration
    count reruns the whole page, so that the comparison below follows."""
    ctrl, picture, lesson_box = picture_layout(1, 2.6)
    with ctrl:
        loss_id, x0, lr, steps = controls()
    shown, buttons, below = (picture.container() for _ in range(3))  # chart, buttons, verdict
    area = dict(controls=ctrl, picture=shown, buttons=buttons, below=below)
    setup = (loss_id, x0, steps)
    follow_setup("descent", setup)
    loss = d.get(loss_id)
    run = cached_run(loss_id, "gd", x0, lr, steps)
    with lesson_box:
        lesson.bar("descent")
    if loss.dim == 1:
        walk_1d(loss, run, area)
    else:
        walk_2d(loss, x0, steps, run, area)
    return setup


header("descent")
setup = call_fragment(main_panel)
if setup is not None:
    compare_panel(*setup)
SPEC.finish()
