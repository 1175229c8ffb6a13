"""Derivatives and saturation: where f' is small, how gradients shrink through depth, and how
ReLU units die — every number on the page is computed by core.saturation."""

import numpy as np
import streamlit as st

from core import saturation as sat
from core.custom import all_finite
from core.custom import parse as parse_formula
from ui import lesson, shell, widgets
from ui.controls import grid_index
from ui.controls.saturation import (CUSTOM, CUSTOM_LABEL, FX_PREFIX, PRESETS, SPEC, SWEEP,
                                    probe_grid)
from ui.figures.saturation import (CurveSet, bias_chart, curves, curves_scrubs, depth_chart,
                                   f_alone, grad_chart, preact_chart, shares_chart)
from ui.format import count, fmt
from ui.i18n import t
from ui.page import (call_fragment, chart, follow_setup, guarded, header, lecture, look,
                     picture_layout,
                     secondary, show_code)
from ui.questions.conceal import concealed
from ui.sentences import saturation as say
from ui.sentences.saturation import display_name as name

shell.ensure()
LOOK = look()
lesson.apply("saturation")  # a lesson step's controls, before any widget

N_CURVE = 161  # points per curve (payload: under 1 KB per array)
FORMULA: dict[str, str | None] = {"key": None, "shown": False}  # this run's formula key, box


# ----------------------------------------------------------------------------- your own function
def core_act(act_id: str):
    """What core gets for an id: the registry id itself, or the parsed formula for "fx:<text>"."""
    return parse_formula(act_id[len(FX_PREFIX):]) if act_id.startswith(FX_PREFIX) else act_id


def formula_box() -> None:
    """The "f(x) = …" box (URL key fx): this run's formula key is "fx:<text>" for a valid
    formula, else None (a notice says where and why a formula was rejected)."""
    FORMULA["shown"] = True
    text, act = widgets.formula(spec=SPEC)
    FORMULA["key"] = None if act is None else FX_PREFIX + text


def with_formula(ids: list[str]) -> list[str]:
    """The chosen ids with "custom" replaced by this run's formula key (left out without one)."""
    return [FORMULA["key"] if a == CUSTOM else a for a in ids
            if a != CUSTOM or FORMULA["key"] is not None]


@st.cache_data(max_entries=64, show_spinner=False)
def cached_intervals(act_id: str, thresholds: tuple, lo: float, hi: float) -> list:
    """saturated_intervals_grid over the threshold slider's grid, cached."""
    return sat.saturated_intervals_grid(core_act(act_id), thresholds, lo, hi)


@st.cache_data(max_entries=64, show_spinner=False)
def cached_probes(act_id: str, xs: tuple, half_width: float) -> sat.Probes:
    """probes over the probe's grid, cached."""
    return sat.probes(core_act(act_id), xs, half_width)


@st.cache_data(max_entries=64, show_spinner=False)
def cached_peak(act_id: str) -> sat.DerivativePeak:
    """derivative_peak (the largest |f′| over the whole line), cached."""
    return sat.derivative_peak(core_act(act_id))


@st.cache_data(max_entries=64, show_spinner=False)
def cached_sim(act_id: str, depth: int, width: int, n: int, init: str, seed: int,
               bias: float, threshold: float) -> sat.DeepMLPResult:
    """simulate_deep_mlp, cached (a user's formula may overflow in the network: no warnings,
    the page checks the result with all_finite)."""
    with np.errstate(all="ignore"):
        return sat.simulate_deep_mlp(core_act(act_id), depth, width, n, init, seed, bias,
                                     threshold)


@st.cache_data(max_entries=32, show_spinner=False)
def cached_sweep(act_ids: tuple, threshold: float) -> sat.BiasSweep:
    """dead_share_vs_bias over DEFAULT_SHIFTS with the fixed SWEEP network, cached."""
    return sat.dead_share_vs_bias(list(act_ids), sat.DEFAULT_SHIFTS, threshold=threshold, **SWEEP)


# ----------------------------------------------------------------------------- 1. f and f'
def curve_controls() -> tuple[list[str], float]:
    """The controls beside the main picture: activations and the x range (the threshold t and
    the probe are scrubbed on the chart itself)."""
    ids = SPEC.draw("sat_acts")
    half = SPEC.draw("sat_xr")
    # the deep network below may use the formula too: its choice is in the session, or on a
    # first run still only in the link (then no rerun is needed to show the box)
    mlp_choice = st.session_state.get("sat_mlp")
    if CUSTOM in ids or mlp_choice == CUSTOM or (
            mlp_choice is None and st.query_params.get("sat_mlp") == CUSTOM_LABEL):
        formula_box()
    return with_formula(ids), half


def curve_sets(ids: list[str], half: float, xs: tuple, ix: int, ts: tuple, it: int):
    """(sets at the values shown, probes over xs, intervals over ts) of the chosen functions."""
    sets, probes, intervals = [], [], []
    for a in ids:
        x, f, g = sat.curve_samples(core_act(a), -half, half, N_CURVE)
        probes.append(cached_probes(a, xs, 0.15 * half))
        intervals.append(cached_intervals(a, ts, -half, half))
        sets.append(CurveSet(name(a), x, f, g, intervals[-1][it], probes[-1].at(ix)))
    return sets, probes, intervals


@st.fragment
def curves_panel(ids: list[str], half: float, chart_col) -> float:
    """f and f' with the saturated regions shaded, their edges as numbers, and the probe
    (a fragment: a new probe redraws only this chart). The probe x₀ and the threshold t are
    scrubbed on the chart (every grid value computed by core.saturation, ui.chart.Scrub); the
    verdict sentences under it follow the value released. A new t reruns the whole page (the
    sections below use it). Returns t."""
    x0, thr = SPEC.draw("sat_x"), SPEC.draw("sat_t")
    follow_setup("saturation_threshold", thr)
    if not ids:
        chart_col.info(t("saturation.none"))
        return thr
    xs, ts = probe_grid(half), SPEC["sat_t"].grid()
    ix, it = grid_index(xs, min(max(x0, -half), half)), grid_index(ts, thr)
    x0, thr = xs[ix], ts[it]
    sets, probes, intervals = curve_sets(ids, half, xs, ix, ts, it)
    scrubs = curves_scrubs(sets, (-half, half), LOOK,
                           ("sat_x", xs, ix, probes, SPEC["sat_x"].step, t("saturation.probe")),
                           ("sat_t", ts, it, intervals, SPEC["sat_t"].step,
                            t("saturation.threshold")))
    if concealed("saturation", "slope"):  # a question asks for f′: f alone until its reveal
        with chart_col:
            chart(f_alone(sets, (-half, half), LOOK), "sat_curves")
            concealed("saturation", "slope", note=True)
        return thr
    with chart_col:
        chart(curves(sets, thr, (-half, half), LOOK), "sat_curves", scrubs=scrubs)
    chart_col.markdown("\n".join(  # the verdict next to its picture
        say.saturation_line(s, sat.saturated_fraction(core_act(a), thr, -half, half),
                            cached_peak(a), thr, (-half, half)) for a, s in zip(ids, sets)))
    chart_col.subheader(t("saturation.probe_title", x=fmt(x0)))
    chart_col.markdown(say.probe_lines(sets, thr))
    return thr


@guarded
def main_section() -> tuple[list[str], float]:
    """Title, the lesson bar, the shared controls and the f / f′ picture."""
    header("saturation", intro=f"{t('saturation.intro')}\n\n**{t('saturation.curves.title')}.** "
                              f"{t('saturation.curves.body')}")
    controls, picture, lesson_box = picture_layout(1.0, 3.0)
    with lesson_box:
        lesson.bar("saturation")
    with controls:
        chosen, half_range = curve_controls()
        if not concealed("saturation", "slope"):   # (no scrub on f alone)
            st.caption(t("saturation.scrub_hint"))
    threshold = call_fragment(curves_panel, chosen, half_range, picture)
    # outside the fragment, so moving the probe does not resend the source code
    show_code(sat.saturated_intervals_grid, sat.derivative_peak, sat.probes)
    return chosen, threshold


# ----------------------------------------------------------------------------- 2. depth
@st.fragment
@guarded
def depth_section(ids: list[str]) -> None:
    """Best case through L layers: (max|f'|)^L on a log axis."""
    st.header(t("saturation.depth.title"))
    st.markdown(t("saturation.depth.body"))
    depth = SPEC.draw("sat_L")
    if not ids:
        st.info(t("saturation.none"))
        return
    series = [(name(a), sat.depth_factor(core_act(a), depth)) for a in ids]
    lesson.bar("saturation", "depth")
    if concealed("saturation", "depth", note=True):  # (max|f′|)^L is a question's answer
        return
    chart(depth_chart(series, LOOK), "sat_depth")
    st.markdown(say.depth_lines([(label, cached_peak(a).value, float(f[-1]))
                                 for a, (label, f) in zip(ids, series)], depth))
    st.caption(t("saturation.depth_note"))
    show_code(sat.depth_factor)


# ----------------------------------------------------------------------------- 3. deep MLP
def apply_preset(key: str) -> None:
    """Button callback: put the deep network's controls into a known state."""
    for k, value in PRESETS[key].items():
        st.session_state[k] = SPEC[k].session_value(value)


def mlp_controls() -> dict:
    """The presets and the deep network's controls; their values by key."""
    st.caption(t("saturation.presets"))
    for col, key in zip(st.columns(len(PRESETS)), PRESETS):
        col.button(t(f"saturation.preset.{key}", b=fmt(PRESETS[key]["sat_b"])),
                   key=f"sat_preset_{key}", on_click=apply_preset, args=(key,), width="stretch")
    values = {}
    for col, key in zip(st.columns([1, 2, 1]), ("sat_mlp", "sat_init", "sat_depth")):
        with col:
            values[key] = SPEC.draw(key)
    with secondary("common.more_controls"):
        for col, key in zip(st.columns(4), ("sat_width", "sat_n", "sat_b", "sat_seed")):
            with col:
                values[key] = SPEC.draw(key)
    return values


def mlp_charts(res: sat.DeepMLPResult, depth: int, thr: float) -> None:
    """The summed inputs per layer, the saturated and dead shares, the gradient per layer."""
    s = sat.summarize_mlp(res)
    st.subheader(t("saturation.preact_title"))
    chart(preact_chart(res, LOOK, sat.saturated_z_bands(res)), "sat_preact")
    st.markdown(say.preact_text(s, depth))
    # in the lecture view the gradient chart (a step's picture) comes first, across the width
    right, left = (st.container(), st.container()) if lecture() else st.columns(2)[::-1]
    with left:
        st.subheader(t("saturation.shares_title"))
        chart(shares_chart(res, LOOK), "sat_shares")
        st.markdown(say.shares_text(s, depth, thr))
    with right:
        lesson.bar("saturation", "grad")  # the step that speaks of gradient sizes, by their chart
        st.subheader(t("saturation.grad_title"))
        chart(grad_chart(res, LOOK), "sat_grad")
        st.markdown(say.grad_text(s, depth))


def fit_budget(act_id: str, depth: int, width: int, n: int) -> int | None:
    """The sample count the simulation may use under the request's work budget (fewer than
    asked: the page says so), or None when even the fewest samples are too much (it refuses)."""
    plan = sat.plan_simulation(core_act(act_id), depth, width, n, budget=sat.SIM_BUDGET)
    values = dict(name=name(act_id), L=depth, w=width, asked=count(n), used=count(plan.n_samples))
    if not plan.within:
        st.warning(t("saturation.budget_refused", **values), icon="⚠️")
        return None
    if plan.reduced:
        st.info(t("saturation.budget_reduced", **values), icon=":material/speed:")
    return plan.n_samples


@st.fragment
@guarded
def mlp_section(thr: float) -> None:
    """A random deep MLP: per-layer summed inputs, saturated / dead shares and gradient norms."""
    st.header(t("saturation.mlp.title"))
    st.markdown(t("saturation.mlp.body"))
    v = mlp_controls()
    if concealed("saturation", "deep", note=True):  # its gradient shrinks layer by layer
        return
    act_id, depth, width = v["sat_mlp"], int(v["sat_depth"]), int(v["sat_width"])
    follow_setup("saturation_formula", act_id == CUSTOM)  # the f(x) box comes and goes with it
    if act_id == CUSTOM:
        if FORMULA["key"] is None:
            st.info(t("custom.need"))
            return
        act_id = FORMULA["key"]
    n = fit_budget(act_id, depth, width, int(v["sat_n"]))
    if n is None:
        return
    res = cached_sim(act_id, depth, width, n, v["sat_init"], int(v["sat_seed"]),
                     float(v["sat_b"]), thr)
    if not all_finite(res.preact_quantiles, res.preact_mean, res.preact_std, res.grad_norm_w,
                      res.grad_norm_z):  # only a user's formula can make the network overflow
        st.warning(t("custom.overflow_net", name=name(act_id), L=depth), icon="⚠️")
        return
    st.caption(say.mlp_setup(name(act_id), v["sat_init"], depth, width, n, float(v["sat_b"]),
                             thr))
    mlp_charts(res, depth, thr)
    show_code(sat.simulate_deep_mlp, sat.simulation_work)


# ----------------------------------------------------------------------------- 4. dying ReLU
@st.fragment
@guarded
def dying_section(thr: float) -> None:
    """Share of dead units against a negative bias shift, ReLU beside Leaky ReLU / ELU."""
    st.header(t("saturation.die.title"))
    st.markdown(t("saturation.die.body"))
    ids = SPEC.draw("sat_die")
    if not ids:
        st.info(t("saturation.none"))
        return
    sweep = cached_sweep(tuple(ids), thr)
    st.caption(say.die_setup())
    lesson.bar("saturation", "die")
    chart(bias_chart(sweep.shifts, [(name(a), sweep.dead[a]) for a in ids], LOOK), "sat_die")
    st.markdown(say.die_lines(sweep, ids, thr))
    st.caption(t("saturation.die_note"))
    show_code(sat.dead_share_vs_bias)


shown = main_section()
chosen, threshold = shown if shown is not None else ([], SPEC["sat_t"].default)
call_fragment(depth_section, chosen)
call_fragment(mlp_section, threshold)
call_fragment(dying_section, threshold)
SPEC.finish()
