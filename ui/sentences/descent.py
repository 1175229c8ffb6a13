"""The learning-rate page's sentences and tables, computed from ``core.descent`` runs: the named
regime and why (every claim checked by core), the curvature story, the per-step line, the
iterate table and the comparison table. Importable without running the page (no Streamlit)."""

from __future__ import annotations

import pandas as pd

from core import descent as d
from ui.controls.descent import DEFAULT_LRS, lr_text
from ui.format import fmt, nice
from ui.i18n import t
from ui.parse import parse_numbers

TOL = d.DEFAULT_TOL


def factor_text(v: float) -> str:
    """A factor (r, a rate) with enough digits to tell it from −1, 0 and 1."""
    return fmt(float(v), d.digits_to_tell(v))


def num(v: float, digits: int = 6) -> str:
    """A computed number for a sentence (enough digits for iterates)."""
    return nice(float(v), digits)


def point(p: object) -> str:
    """An iterate as text: x or (x, y)."""
    if isinstance(p, (tuple, list)) or getattr(p, "ndim", 0) == 1:
        return "(" + ", ".join(num(v, 4) for v in p) + ")"
    return num(p)


def parse_lrs(raw: str) -> list[float] | None:
    """The learning rates of the compare box, or None when the text does not spell them."""
    return parse_numbers(str(raw), 1, d.MAX_RATES, d.LR_MIN, d.LR_MAX)


DEFAULT_RATES = parse_lrs(DEFAULT_LRS)


# ----------------------------------------------------------------------- the verdict
def regime_title(run: d.DescentRun) -> str:
    """The regime's name (with the step count for 'too slow')."""
    return t(f"descent.regime.{run.regime}", n=run.n)


def regime_short(run: d.DescentRun) -> str:
    """The regime's short name for titles and tables."""
    return t(f"descent.short.{run.regime}")


def badge(run: d.DescentRun) -> str:
    """The loss chart's title: the run's learning rate and its regime's short name."""
    return f"lr = {lr_text(run.lr)} · {regime_short(run)}"


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
    if run.regime == d.CYCLE:
        return why_cycle(loss, run, common)
    if run.reason == "bound":
        return why_bound(run, common)
    if run.reason == "growing":
        return why_growing(loss, run, common)
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


def why_cycle(loss: d.Loss, run: d.DescentRun, common: dict) -> str:
    """A run that neither settles nor grows: wandering between two walls, or a 2-cycle."""
    if run.orbit is not None and not run.period_two and loss.curvature is None:
        return t("descent.why.wander", lo=num(run.orbit[0], 4), hi=num(run.orbit[1], 4),
                 **common)
    fa, fb = num(run.losses[-2]) if run.n else num(run.losses[0]), num(run.losses[-1])
    key = "descent.why.cycle" if fa == fb else "descent.why.cycle_two"
    return t(key, a=point(run.iterates[-2]), b=point(run.iterates[-1]), f=fb, fa=fa, fb=fb,
             **common)


def why_growing(loss: d.Loss, run: d.DescentRun, common: dict) -> str:
    """A run whose distance to the minimum grows (along its worst axis on the bowl)."""
    if loss.dim == 2:
        dist = d.axis_distance(run, run.worst_axis)
        return t("descent.why2d.growing", axis="xy"[run.worst_axis], d0=num(dist[0]),
                 dn=num(dist[-1]), **common)
    dist = d.distance(run)
    return t("descent.why.growing", d0=num(dist[0]), dn=num(dist[-1]), **common)


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


# ----------------------------------------------------------------------- the curvature story
def theory(loss: d.Loss, run: d.DescentRun, lr: float) -> tuple[d.StableBand | None, list[str]]:
    """The curvature story as paragraphs, and the band it draws on the lr axis (None if none)."""
    band = d.stable_band(loss)
    if loss.dim == 2:
        pred = d.quadratic_regime(loss, lr, run.x0, run.steps, TOL)
        return band, [t("descent.theory.bowl", l1=fmt(loss.eigenvalues[0]),
                        l2=fmt(loss.eigenvalues[1]), lr=lr_text(lr),
                        r1=factor_text(pred.factors[0]), r2=factor_text(pred.factors[1]),
                        upper=fmt(band.upper, 4))]
    if band is not None:
        r = d.quadratic_regime(loss, lr, run.x0, run.steps, TOL).factors[0]
        return band, [t("descent.theory.quad", L=fmt(band.curvature), lr=lr_text(lr),
                        r=factor_text(r), upper=fmt(band.upper, 4), one=fmt(band.one_step, 4)),
                      t(f"descent.theory.{d.r_case(r)}", r=factor_text(r),
                        absr=factor_text(abs(r)), rtol=nice(d.CYCLE_RTOL))]
    local = d.local_band(loss, float(run.target))
    r = d.local_factor(loss, lr, float(run.target))
    return local, [t("descent.theory.quartic", hump=fmt(loss.maxima[0], 4), f2=loss.second_text,
                     left=fmt(loss.minimizers[0], 4), right=fmt(loss.minimizers[-1], 4)),
                   t("descent.theory.quartic_local", target=fmt(run.target, 4),
                     L=fmt(local.curvature, 4), upper=fmt(local.upper, 4), r=factor_text(r))]


def at_step(loss: d.Loss, run: d.DescentRun, k: int) -> str:
    """Where the run stands at step k: x (or (x, y)), f and, in 1-D, the slope."""
    k = min(k, run.n)
    if loss.dim == 1:
        g = float(loss.grad(run.iterates[k]))
        return t("descent.at_step", k=k, x=num(run.iterates[k]), f=num(run.losses[k]), g=num(g))
    p = run.iterates[k]
    return t("descent.at_step_2d", k=k, x=num(p[0], 5), y=num(p[1], 5), f=num(run.losses[k], 5))


def gap_note() -> str:
    """Why the loss gap is drawn against each preset's own minimum."""
    course, expanded = d.get("course"), d.get("expanded")
    return t("descent.gap_note", course=course.text, course_min=fmt(d.minimum_value(course)),
             expanded=expanded.text, expanded_min=fmt(d.minimum_value(expanded)),
             floor=nice(d.GAP_FLOOR))


# ----------------------------------------------------------------------- tables
def iterate_rows(loss: d.Loss, run: d.DescentRun) -> pd.DataFrame:
    """The first 8 and the last 4 iterates as numbers (x, f, slope or x, y, f; the distance)."""
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
    return pd.DataFrame(data)


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
