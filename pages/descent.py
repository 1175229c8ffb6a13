"""Learning rate and gradient descent: iterates on the loss, the named regime, the stable band,
several learning rates side by side, and GD / momentum / Adam on an elongated 2-D bowl."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from core import descent as d
from ui import lesson, shell, widgets
from ui.figures.descent import (contour_paths, distance_per_step, loss_curve, lr_axis, outside,
                                per_step, side_by_side)
from ui.i18n import t
from ui.page import chart, fmt, header, look, main_columns, secondary, show_code
from ui.parse import parse_numbers

shell.ensure()

LOOK = look()
lesson.apply("descent")  # a lesson step's controls, before any widget
LOSS_IDS = list(d.LOSSES)
DEFAULT_LR = 0.2
DEFAULT_STEPS = 100
DEFAULT_LRS = "0.001, 0.2, 0.5, 0.9, 1.0, 1.1"
QUICK_LRS = (0.2, 0.5, 0.9, 1.0, 1.1, 0.001)
LOG_LO, LOG_HI = d.LOG_LR_MIN, d.LOG_LR_MAX
METHOD_IDS = list(d.METHODS)
REGIME_BOX = {d.MONOTONE: st.success, d.OSCILLATING: st.info, d.CYCLE: st.warning,
              d.DIVERGES: st.error, d.TOO_SLOW: st.warning}
TOL = d.DEFAULT_TOL


def loss_label(loss_id: str) -> str:
    """Language-neutral label of a preset (its formula; also what the URL stores)."""
    return d.get(loss_id).text


SUPERSCRIPT = str.maketrans("0123456789−-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁻")


def nice(v: float, digits: int = 4) -> str:
    """fmt(v, digits) with a written power of ten (1×10^−6 or 1×10⁻⁶ → 10⁻⁶)."""
    text = fmt(float(v), digits)
    if "×10^" in text:
        mant, exp = text.split("×10^")
        text = f"{mant}×10{exp.translate(SUPERSCRIPT)}"
    return text[2:] if text.startswith("1×10") else text


def lr_text(v: float) -> str:
    """A learning rate written with as many digits as it takes to reproduce it exactly."""
    return fmt(float(v), d.exact_digits(v))


def factor_text(v: float) -> str:
    """A factor (r, a rate) with enough digits to tell it from −1, 0 and 1."""
    return fmt(float(v), d.digits_to_tell(v))


def num(v: float, digits: int = 6) -> str:
    """A computed number for a sentence (enough digits for iterates)."""
    return nice(v, digits)


def point(p: object) -> str:
    """An iterate as text: x or (x, y)."""
    if isinstance(p, (tuple, list)) or getattr(p, "ndim", 0) == 1:
        return "(" + ", ".join(num(v, 4) for v in p) + ")"
    return num(p)


@st.cache_data(max_entries=64, show_spinner=False)
def cached_run(loss_id: str, method: str, x0, lr: float, steps: int) -> d.DescentRun:
    """d.run, cached per set-up."""
    return d.run(loss_id, method, x0=x0, lr=lr, steps=steps, tol=TOL)


# ----------------------------------------------------------------------- widget callbacks
def _sync_from_log() -> None:
    """The log slider moved: lr ← 10^v, rounded to 3 significant digits, inside the range."""
    st.session_state["lr"] = d.lr_from_log(st.session_state["gd_lrlog"])


def _reset_start() -> None:
    """A new preset starts from its own default start point."""
    loss = d.get(st.session_state["gd_loss"])
    if loss.dim == 1:
        st.session_state["gd_x0"] = float(loss.default_x0)
    else:
        st.session_state["gd_wx"] = float(loss.default_x0[0])
        st.session_state["gd_wy"] = float(loss.default_x0[1])


def _quick(lr: float) -> None:
    """A course button: the course loss from its own start with this lr."""
    st.session_state["lr"] = lr
    st.session_state["gd_loss"] = "course"
    st.session_state["gd_x0"] = float(d.get("course").default_x0)


def _move(delta: int | None, n: int) -> None:
    """Step buttons: k ± 1 (clamped), or k = 0 / n for delta None with n = target."""
    k = st.session_state.get("gd_step", n)
    st.session_state["gd_step"] = n if delta is None else max(0, min(n, k + delta))


# ----------------------------------------------------------------------- controls
def controls() -> tuple[str, object, float, int]:
    """Learning rate (exact + log slider), the course cases and the loss beside the picture;
    the start and the iterations folded under them."""
    lr_box, loss_box = st.container(), st.container()
    with loss_box:
        expanded = d.get("expanded")
        loss_id = widgets.select(t("descent.loss"), "gd_loss", LOSS_IDS, "course",
                                 fmt=loss_label, help=t("descent.loss_help",
                                                        course=d.get("course").text,
                                                        expanded=expanded.text,
                                                        xmin=fmt(expanded.minimizers[0])),
                                 on_change=_reset_start)
    loss = d.get(loss_id)
    with loss_box, secondary("common.more_controls"):
        if loss.dim == 2:
            widgets.check_url_number("gd_x0", -d.X0_MAX, d.X0_MAX, fmt(d.get("course").default_x0))
            sx, sy = st.columns(2)
            with sx:
                wx = widgets.number(t("descent.w0x"), "gd_wx", -9.0, 9.0,
                                    float(loss.default_x0[0]), step=0.5)
            with sy:
                wy = widgets.number(t("descent.w0y"), "gd_wy", -4.0, 4.0,
                                    float(loss.default_x0[1]), step=0.25)
            x0 = (float(wx), float(wy))
        else:
            bowl = d.get("bowl2d")
            widgets.check_url_number("gd_wx", -9.0, 9.0, fmt(bowl.default_x0[0]))
            widgets.check_url_number("gd_wy", -4.0, 4.0, fmt(bowl.default_x0[1]))
            # the default follows the preset (10 for the quadratics, 0.5 for the quartic)
            x0 = float(widgets.number(t("descent.x0"), "gd_x0", -d.X0_MAX, d.X0_MAX,
                                      float(loss.default_x0), step=0.5,
                                      help=t("descent.x0_help", lo=fmt(-d.X0_MAX),
                                             hi=fmt(d.X0_MAX))))
        steps = int(widgets.slider(t("descent.steps"), "gd_steps", 1, d.MAX_STEPS,
                                   DEFAULT_STEPS))
    with lr_box:
        lr = float(widgets.number(t("descent.lr"), "lr", d.LR_MIN, d.LR_MAX, DEFAULT_LR,
                                  step=0.0001, fmt="%.4f", help=t("descent.lr_help")))
    # keep the log slider on the exact value (the number input is the source of truth)
    log_lr = d.log_lr(lr, 2)
    if abs(st.session_state.get("gd_lrlog", log_lr) - d.log_lr(lr)) > 0.006:
        st.session_state["gd_lrlog"] = min(LOG_HI, max(LOG_LO, log_lr))
    with lr_box:
        widgets.slider(t("descent.lrlog"), "gd_lrlog", LOG_LO, LOG_HI,
                       min(LOG_HI, max(LOG_LO, log_lr)), step=0.01, fmt="%.2f",
                       help=t("descent.lrlog_help", lo_log=fmt(LOG_LO), lo=lr_text(d.LR_MIN),
                              hi_log=fmt(LOG_HI), hi=lr_text(d.LR_MAX)),
                       on_change=_sync_from_log)
    course = d.get("course")
    with lr_box:
        st.markdown(f"**{t('descent.quick')}**",
                    help=t("descent.quick_help", course=course.text, x0=fmt(course.default_x0)))
        with st.container(horizontal=True, gap="small"):
            for q in QUICK_LRS:
                st.button(f"lr = {fmt(q)}", key=f"gd_quick_{q}", on_click=_quick, args=(q,),
                          type="primary" if abs(q - lr) < 1e-12 else "secondary")
    return loss_id, x0, lr, steps


# ----------------------------------------------------------------------- verdict
def regime_title(run: d.DescentRun) -> str:
    """The regime's name (with the step count for 'too slow')."""
    return t(f"descent.regime.{run.regime}", n=run.n)


def regime_short(run: d.DescentRun) -> str:
    """The regime's short name for titles and tables."""
    return t(f"descent.short.{run.regime}")


def why(run: d.DescentRun) -> str:
    """The computed explanation of a run's regime (every claim checked by core)."""
    loss = d.get(run.loss_id)
    common = dict(target=point(run.target), tol=nice(TOL), lr=lr_text(run.lr), n=run.n,
                  rate=factor_text(run.rate), bound=f"{d.X_BOUND:,.0f}")
    if run.reason == "one_step":
        return why_one_step(loss, run, common)
    if run.reason == "start":
        return t("descent.why.start", **common)
    if run.regime in (d.MONOTONE, d.OSCILLATING):
        return why_converged(loss, run, common)
    if run.regime == d.CYCLE and run.orbit is not None and not run.period_two \
            and loss.curvature is None:
        return t("descent.why.wander", lo=num(run.orbit[0], 4), hi=num(run.orbit[1], 4),
                 **common)
    if run.regime == d.CYCLE:
        fa, fb = num(run.losses[-2]) if run.n else num(run.losses[0]), num(run.losses[-1])
        key = "descent.why.cycle" if fa == fb else "descent.why.cycle_two"
        return t(key, a=point(run.iterates[-2]), b=point(run.iterates[-1]), f=fb, fa=fa,
                 fb=fb, **common)
    if run.reason == "bound":
        return why_bound(run, common)
    if run.reason == "growing":
        if loss.dim == 2:
            dist = d.axis_distance(run, run.worst_axis)
            return t("descent.why2d.growing", axis="xy"[run.worst_axis], d0=num(dist[0]),
                     dn=num(dist[-1]), **common)
        dist = d.distance(run)
        return t("descent.why.growing", d0=num(dist[0]), dn=num(dist[-1]), **common)
    if run.reason == "rate":
        dist = d.distance(run)
        text = t("descent.why.too_slow", x=point(run.iterates[-1]), dist=num(dist[-1]),
                 need=f"{run.estimated_steps:,}", **common)
        return text + (" " + t("descent.why.osc_note") if run.crossed_every_step else "")
    return t("descent.why.no_steps")


def why_one_step(loss: d.Loss, run: d.DescentRun, common: dict) -> str:
    """One step to within tol: 'exactly 1/L' only when lr equals 1/L exactly."""
    x1 = point(run.iterates[1])
    gap = d.one_step_gap(loss, run.lr) if loss.dim == 1 else None
    if gap is None:
        return t("descent.why.one_step_any", x1=x1, **common)
    one = lr_text(d.stable_band(loss).one_step)
    if gap == 0:
        return t("descent.why.one_step", x1=x1, one=one, **common)
    return t("descent.why.one_step_near", x1=x1, one=one, gap=nice(abs(gap), 3), **common)


def why_converged(loss: d.Loss, run: d.DescentRun, common: dict) -> str:
    """Converged runs: the side(s), the crossings and the distances as counted by core."""
    two = "2d" if loss.dim == 2 else ""
    k = run.converged_at
    if run.regime == d.MONOTONE:
        strong = run.closer_each_step and run.loss_falls
        key = f"descent.why{two}.monotone" + ("" if strong else "_weak")
        return t(key, k=k, **common)
    if run.crossed_every_step:
        parts = [t(f"descent.why{two}.osc_all", **common)]
    else:
        parts = [t(f"descent.why{two}.osc_some", c=run.crossings, m=run.crossing_steps,
                   **common)]
    parts.append(t("descent.why.closer" if run.closer_each_step else "descent.why.not_closer"))
    parts.append(t(f"descent.why{two}.within", k=k, **common))
    return " ".join(parts)


def why_bound(run: d.DescentRun, common: dict) -> str:
    """Stopped at the bound: the growth (checked step by step) and which bound was crossed."""
    esc = run.escape
    lead = t("descent.why.bound_farther" if run.farther_each_step else "descent.why.bound_away",
             **common)
    where = dict(k=esc.step, x=point(esc.point), f=num(esc.loss, 4), lbound=nice(d.LOSS_BOUND))
    if not esc.kept:
        stop = t("descent.why.bound_far", **where, **(common | {"n": run.n}))
    elif esc.crossed == "x":
        stop = t("descent.why.bound_x", **where, **common)
    else:
        stop = t("descent.why.bound_loss", **where, **common)
    return f"{lead} {stop}"


def theory(loss: d.Loss, run: d.DescentRun, lr: float) -> d.StableBand | None:
    """Curvature explanation; returns the band drawn on the lr axis (None if none)."""
    st.markdown(f"**{t('descent.theory.head')}**")
    band = d.stable_band(loss)
    if loss.dim == 2:
        pred = d.quadratic_regime(loss, lr, run.x0, run.steps, TOL)
        st.markdown(t("descent.theory.bowl", l1=fmt(loss.eigenvalues[0]),
                      l2=fmt(loss.eigenvalues[1]), lr=lr_text(lr),
                      r1=factor_text(pred.factors[0]), r2=factor_text(pred.factors[1]),
                      upper=fmt(band.upper, 4)))
        return band
    if band is not None:
        pred = d.quadratic_regime(loss, lr, run.x0, run.steps, TOL)
        r = pred.factors[0]
        st.markdown(t("descent.theory.quad", L=fmt(band.curvature), lr=lr_text(lr),
                      r=factor_text(r), upper=fmt(band.upper, 4), one=fmt(band.one_step, 4)))
        st.markdown(t(f"descent.theory.{d.r_case(r)}", r=factor_text(r),
                      absr=factor_text(abs(r)), rtol=nice(d.CYCLE_RTOL)))
        return band
    st.markdown(t("descent.theory.quartic", hump=fmt(loss.maxima[0], 4), f2=loss.second_text,
                  left=fmt(loss.minimizers[0], 4), right=fmt(loss.minimizers[-1], 4)))
    local = d.local_band(loss, float(run.target))
    r = d.local_factor(loss, lr, float(run.target))
    st.markdown(t("descent.theory.quartic_local", target=fmt(run.target, 4),
                  L=fmt(local.curvature, 4), upper=fmt(local.upper, 4), r=factor_text(r)))
    return local


def verdict(run: d.DescentRun, lr: float) -> None:
    """Regime box with its computed reason."""
    st.subheader(t("descent.verdict", lr=lr_text(lr)))
    REGIME_BOX[run.regime](f"**{regime_title(run)}** — {why(run)}")


def theory_panel(loss: d.Loss, run: d.DescentRun, lr: float) -> d.StableBand | None:
    """The curvature story; returns the band for the lr axis."""
    return theory(loss, run, lr)


def axis_panel(loss: d.Loss, run: d.DescentRun, lr: float, band: d.StableBand | None,
               compare_lrs: list[float]) -> None:
    """The lr axis with the stable band, 1/L, 2/L and the current lr (full width)."""
    if band is not None:
        chart(lr_axis(band, lr, LOOK, compare_lrs), "gd_axis")
        if loss.curvature is None:
            st.caption(t("descent.axis_caption_local", target=fmt(run.target, 4),
                         L=fmt(band.curvature, 4)))
        st.caption(t("descent.axis_caption"))


# ----------------------------------------------------------------------- walk
def step_controls(n: int, area: dict) -> int:
    """Buttons (area["buttons"]) and the URL-bound step slider (area["controls"]); returns k.
    The slider opens at the last step: the loss curve shows every iterate (issue #12)."""
    with area["buttons"], st.container(horizontal=True, gap="small",
                                       vertical_alignment="center"):
        st.markdown(f"**{t('descent.walk')}**")
        st.button(t("descent.first"), key="gd_b_first", on_click=_move, args=(None, 0),
                  icon=":material/first_page:")
        st.button(t("descent.prev"), key="gd_b_prev", on_click=_move, args=(-1, n),
                  icon=":material/chevron_left:")
        st.button(t("descent.next"), key="gd_b_next", on_click=_move, args=(1, n),
                  icon=":material/chevron_right:")
        st.button(t("descent.last"), key="gd_b_last", on_click=_move, args=(None, n),
                  icon=":material/last_page:")
    with area["buttons"]:
        return int(widgets.slider(t("descent.step"), "gd_step", 0, n, n,
                                  help=t("descent.step_help")))


def iterate_table(loss: d.Loss, run: d.DescentRun) -> None:
    """First 8 and last 4 iterates as numbers."""
    box = st.expander(t("descent.table"), expanded=False, key="gd_table_open",
                      on_change="rerun")
    if not box.open:  # lazy: the table is built and sent only while the expander is open
        return
    with box:
        st.caption(t("descent.table_note"))
        rows = sorted(set(range(min(8, run.n + 1))) | set(range(max(0, run.n - 3), run.n + 1)))
        dist = d.distance(run)
        data = {t("descent.col.k"): rows}
        if loss.dim == 1:
            grads = loss.grad(run.iterates[rows])
            data[t("descent.col.x")] = [num(run.iterates[k], 8) for k in rows]
            data[t("descent.col.f")] = [num(run.losses[k], 8) for k in rows]
            data[t("descent.col.g")] = [num(g, 8) for g in grads]
        else:
            data[t("descent.col.x")] = [num(run.iterates[k, 0], 6) for k in rows]
            data[t("descent.col.y")] = [num(run.iterates[k, 1], 6) for k in rows]
            data[t("descent.col.f")] = [num(run.losses[k], 6) for k in rows]
        data[t("descent.col.dist")] = [num(dist[k], 6) for k in rows]
        st.dataframe(pd.DataFrame(data), hide_index=True, width="stretch")


def walk_1d(loss: d.Loss1D, run: d.DescentRun, area: dict) -> None:
    """The picture: the loss curve with the iterates up to step k (all of them by default) and
    the verdict under it; then the curvature story, the lr axis, loss gap and x per iteration."""
    k = step_controls(run.n, area)
    with area["picture"]:
        chart(loss_curve(run, LOOK, upto=k), "gd_curve")
    with area["below"]:
        out = outside(run, k)
        if out.count:
            st.caption(t("descent.outside", count=out.count, far=num(out.farthest, 4)))
        g = float(loss.grad(run.iterates[k]))
        st.markdown(t("descent.at_step", k=k, x=num(run.iterates[k]), f=num(run.losses[k]),
                      g=num(g)))
        verdict(run, run.lr)
        show_code(d.gradient_descent)
    band = theory_panel(loss, run, run.lr)
    axis_panel(loss, run, run.lr, band, compare_lrs())
    chart(per_step(run, LOOK, upto=k), "gd_steps_chart")
    st.caption(t("descent.gap_note", course=d.get("course").text,
                 course_min=fmt(d.minimum_value(d.get("course"))),
                 expanded=d.get("expanded").text,
                 expanded_min=fmt(d.minimum_value(d.get("expanded"))),
                 floor=nice(d.GAP_FLOOR)))
    iterate_table(loss, run)


def walk_2d(loss: d.Loss2D, x0, lr: float, steps: int, run: d.DescentRun, area: dict) -> None:
    """The picture: the contour map with the chosen optimisers' paths and the verdict under it;
    then the curvature story and the optimisers' comparison."""
    with area["controls"]:  # beside the picture, under the other controls
        methods = widgets.multiselect(t("descent.optimizers"), "gd_opt", METHOD_IDS, METHOD_IDS,
                            fmt=widgets.Labels("descent.opt", METHOD_IDS),
                            help=t("descent.optimizers_help", beta=fmt(d.MOMENTUM_BETA),
                                   beta1=fmt(d.ADAM_BETA1), beta2=fmt(d.ADAM_BETA2))) or ["gd"]
    runs = [run if m == "gd" else cached_run(loss.id, m, x0, lr, steps) for m in methods]
    n = max(r.n for r in runs)
    k = step_controls(n, area)
    p = run.iterates[min(k, run.n)]
    names = [t(f"descent.opt.{m}") for m in methods]
    with area["picture"]:
        chart(contour_paths(runs, names, LOOK, upto=k), "gd_contour")
    with area["below"]:
        st.markdown(t("descent.at_step_2d", k=min(k, run.n), x=num(p[0], 5), y=num(p[1], 5),
                      f=num(run.losses[min(k, run.n)], 5)))
        verdict(run, lr)
        show_code(d.gradient_descent, d.momentum_descent, d.adam_descent)
    band = theory_panel(loss, run, lr)
    axis_panel(loss, run, lr, band, compare_lrs())
    st.markdown(f"**{t('descent.dist_title')}**")
    chart(distance_per_step(runs, names, LOOK, upto=k), "gd_dist")
    st.markdown(f"**{t('descent.opt_table', lr=lr_text(lr))}**")
    table = summary_table(runs, names, t("descent.col.method"))
    st.dataframe(table, hide_index=True, width="stretch")
    iterate_table(loss, run)


def detail(run: d.DescentRun) -> str:
    """Short computed note for a table row."""
    if run.one_step:
        return t("descent.detail.one_step")
    if run.regime == d.CYCLE:
        return t("descent.detail.cycle", a=point(run.iterates[-2]), b=point(run.iterates[-1]))
    if run.reason == "bound":
        return t("descent.detail.bound", k=run.stopped_at)
    if run.reason == "growing":
        return t("descent.detail.growing", rate=factor_text(run.rate))
    if run.reason == "rate":
        return t("descent.detail.too_slow", need=f"{run.estimated_steps:,}")
    return t("descent.detail.none")


def summary_table(runs: list[d.DescentRun], names: list[str], first: str) -> pd.DataFrame:
    """One row per run: name, regime, steps to tol, last x, detail."""
    return pd.DataFrame({
        first: names,
        t("descent.col.regime"): [regime_short(r) for r in runs],
        t("descent.col.steps", tol=nice(TOL)): [
            "—" if r.converged_at is None else str(r.converged_at) for r in runs],
        t("descent.col.final"): [point(r.iterates[-1]) for r in runs],
        t("descent.col.detail"): [detail(r) for r in runs],
    })


def compare_lrs() -> list[float]:
    """The list typed in the compare box (default when it does not parse)."""
    raw = st.session_state.get("gd_lrs", st.query_params.get("gd_lrs", DEFAULT_LRS))
    values = parse_numbers(str(raw), 1, d.MAX_RATES, d.LR_MIN, d.LR_MAX)
    return values if values is not None else parse_numbers(DEFAULT_LRS, 1, d.MAX_RATES,
                                                           d.LR_MIN, d.LR_MAX)


@st.fragment
def compare_panel(loss_id: str, x0, steps: int) -> None:
    """The same loss and start with several learning rates: panels and a table."""
    st.subheader(t("descent.compare"))
    st.markdown(t("descent.compare_intro"))
    limits = dict(most=d.MAX_RATES, lo=lr_text(d.LR_MIN), hi=lr_text(d.LR_MAX))
    raw = widgets.text(t("descent.lrs", **limits), "gd_lrs", DEFAULT_LRS, max_chars=80,
                       help=t("descent.lrs_help", **limits))
    lrs = parse_numbers(raw, 1, d.MAX_RATES, d.LR_MIN, d.LR_MAX)
    if lrs is None:
        st.warning(t("descent.lrs_bad", bad=raw[:60], **limits))
        lrs = parse_numbers(DEFAULT_LRS, 1, d.MAX_RATES, d.LR_MIN, d.LR_MAX)
    runs = [cached_run(loss_id, "gd", x0, lr, steps) for lr in lrs]
    names = [f"lr = {lr_text(lr)}" for lr in lrs]
    if d.get(loss_id).dim == 1:
        titles = [f"lr = {lr_text(r.lr)} · {regime_short(r)}" for r in runs]
        chart(side_by_side(runs, titles, LOOK), "gd_side")
    st.markdown(f"**{t('descent.dist_title')}**")
    chart(distance_per_step(runs, names, LOOK), "gd_cmp_dist")
    st.dataframe(summary_table(runs, names, t("descent.col.lr")), hide_index=True,
                 width="stretch")


# ----------------------------------------------------------------------- page
@st.fragment
def main_panel() -> tuple[str, object, int]:
    """The main picture with its controls beside it (above it on a phone; in classroom mode
    below it, the step buttons right above it, so the picture fills the projected screen), the
    verdict under the picture, then the walk. A fragment: moving lr or the step reruns only
    this. If the loss, start or iteration count changed, the comparison below must follow, so
    the whole page is rerun instead."""
    if LOOK.classroom:
        picture, ctrl = st.container(), st.container()
        with picture:
            lesson_box = st.container()
    else:
        ctrl, picture = main_columns(1, 2.1)
        with ctrl:
            lesson_box = st.container()
    with ctrl:
        loss_id, x0, lr, steps = controls()
    with picture:  # chart, then the step buttons and slider right under it, then the verdict
        shown, buttons, below = st.container(), st.container(), st.container()
    area = dict(controls=ctrl, picture=shown, buttons=buttons, below=below)
    setup = (loss_id, x0, steps)
    if not st.session_state.get("_gd_full_run") and \
            st.session_state.get("_gd_setup", setup) != setup:
        st.rerun(scope="app")
    st.session_state["_gd_setup"] = setup
    loss = d.get(loss_id)
    run = cached_run(loss_id, "gd", x0, lr, steps)
    with lesson_box:
        lesson.bar("descent")
    if loss.dim == 1:
        walk_1d(loss, run, area)
    else:
        walk_2d(loss, x0, lr, steps, run, area)
    return setup


header("descent")
st.session_state["_gd_full_run"] = True
setup = main_panel()
st.session_state["_gd_full_run"] = False
compare_panel(*setup)
