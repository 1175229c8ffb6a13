"""Derivatives and saturation: where f' is small, how gradients shrink through depth, and how
ReLU units die — every number on the page is computed by core.saturation."""

import numpy as np
import streamlit as st

from core import saturation as sat
from core.activations import ACTIVATIONS
from core.custom import all_finite
from core.custom import parse as parse_formula
from ui import lesson, shell, widgets
from ui.figures.saturation import (CurveSet, bias_chart, curves, depth_chart, grad_chart,
                                   interval_text, preact_chart, shares_chart)
from ui.i18n import t
from ui.page import chart, fmt, header, look, main_columns, secondary, show_code

shell.ensure()
LOOK = look()
lesson.apply("saturation")  # a lesson step's controls, before any widget

DEFAULT_ACTS = ["sigmoid", "tanh", "relu"]
MAX_ACTS = 4
N_CURVE = 161  # points per curve (payload: under 1 KB per array)
MLP_ACTS = ["sigmoid", "tanh", "hardtanh", "softsign", "relu", "leaky_relu", "prelu", "elu",
            "selu", "gelu_tanh", "silu", "mish", "softplus", "identity"]
DIE_ACTS = ["relu", "leaky_relu", "prelu", "elu", "selu", "relu6", "gelu_tanh", "silu",
            "softplus", "sigmoid", "tanh"]
INIT_LABELS = {"small": f"N(0, {fmt(sat.SMALL_STD)}²)", "xavier": "Xavier √(1/n)", "he": "He",
               "positive": "|N(0, 1/n)|"}
SWEEP = dict(depth=10, width=64, n_samples=128, init="he", seed=0)
PRESETS = {  # one click to a known state: activation, init, depth, bias shift
    "sig_pos": ("sigmoid", "positive", 10, 0.0),
    "sig_xav": ("sigmoid", "xavier", 20, 0.0),
    "relu_he": ("relu", "he", 20, 0.0),
    "relu_neg": ("relu", "he", 10, -1.0),
}


def name(act_id: str) -> str:
    """Language-neutral display name (also what the URL stores)."""
    if act_id == CUSTOM or act_id.startswith(FX_PREFIX):
        return CUSTOM_LABEL
    return ACTIVATIONS[act_id].name


# ----------------------------------------------------------------------------- your own function
CUSTOM = "custom"  # the option that stands for the formula in the f(x) box (URL key fx)
CUSTOM_LABEL = "f(x)"
FX_PREFIX = "fx:"  # inside the page the formula travels as "fx:<text>", so caches key on it
FORMULA: dict[str, str | None] = {"key": None, "shown": False}  # this run's formula key, box


def core_act(act_id: str):
    """What core gets for an id: the registry id itself, or the parsed formula for "fx:<text>"."""
    return parse_formula(act_id[len(FX_PREFIX):]) if act_id.startswith(FX_PREFIX) else act_id


def formula_box() -> str | None:
    """The "f(x) = …" box (URL key fx): "fx:<text>" for a valid formula, else None (a notice
    says where and why a formula was rejected)."""
    FORMULA["shown"] = True
    text, act = widgets.formula()
    if act is None:
        return None
    FORMULA["key"] = FX_PREFIX + text
    return FORMULA["key"]


def with_formula(ids: list[str]) -> list[str]:
    """The chosen ids with "custom" replaced by this run's formula key (left out without one)."""
    return [FORMULA["key"] if a == CUSTOM else a for a in ids
            if a != CUSTOM or FORMULA["key"] is not None]


@st.cache_data(max_entries=64, show_spinner=False)
def cached_intervals(act_id: str, threshold: float, lo: float, hi: float) -> list:
    """saturated_intervals, cached."""
    return sat.saturated_intervals(core_act(act_id), threshold, lo, hi)


@st.cache_data(max_entries=64, show_spinner=False)
def cached_peak(act_id: str) -> sat.DerivativePeak:
    """derivative_peak on [−20, 20], cached."""
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


def pct(share: float) -> str:
    """A share 0..1 as a percentage for text."""
    return f"{fmt(100 * share, 3)}\u00a0%"


def peak_text(p: sat.DerivativePeak) -> str:
    """Where the largest |f'| is reached, in words."""
    if p.at_edge:
        return t("saturation.peak_limit", value=fmt(p.value, 4),
                 side="+∞" if p.x_at > 0 else "−∞")
    if p.x_lo < p.x_hi:
        edge_lo, edge_hi = p.x_lo <= -20.0, p.x_hi >= 20.0
        if edge_lo and edge_hi:
            where = t("saturation.every_x")
        elif edge_hi:
            where = f"x > {fmt(round(p.x_lo, 6))}"
        elif edge_lo:
            where = f"x < {fmt(round(p.x_hi, 6))}"
        else:
            where = f"{fmt(round(p.x_lo, 6))} < x < {fmt(round(p.x_hi, 6))}"
        return t("saturation.peak_plateau", value=fmt(p.value, 4), where=where)
    return t("saturation.peak_point", value=fmt(p.value, 4), x=fmt(round(p.x_at, 6), 5))


# ----------------------------------------------------------------------------- 1. f and f'


def curve_controls() -> tuple[list[str], float, float]:
    """The controls every section shares: activations, threshold t and the x range (stacked in
    the narrow controls column beside the main picture)."""
    ids = widgets.multiselect(t("saturation.acts", n=MAX_ACTS), "sat_acts",
                              list(ACTIVATIONS) + [CUSTOM],
                              DEFAULT_ACTS,
                              fmt=name, max_selections=MAX_ACTS, help=t("saturation.acts_help"))
    thr = widgets.slider(t("saturation.threshold"), "sat_t", 0.001, 0.5, 0.05, step=0.001,
                         fmt="%.3f", help=t("saturation.threshold_help"))
    half = widgets.slider(t("saturation.xrange"), "sat_xr", 1.0, 20.0, 8.0, step=0.5)
    # the deep network below may use the formula too: its choice is in the session, or on a
    # first run still only in the link (then no rerun is needed to show the box)
    mlp_choice = st.session_state.get("sat_mlp")
    if CUSTOM in ids or mlp_choice == CUSTOM or (
            mlp_choice is None and st.query_params.get("sat_mlp") == CUSTOM_LABEL):
        formula_box()
    return with_formula(ids), thr, half


@st.fragment
def curves_panel(ids: list[str], thr: float, half: float, control_col, chart_col) -> None:
    """f and f' with the saturated regions shaded, their edges as numbers, and the probe
    (a fragment: moving the probe redraws only this chart). The probe slider goes into the
    page's controls column, the chart and its verdict sentences into the picture column."""
    with control_col:
        x0 = widgets.slider(t("saturation.probe"), "sat_x", -20.0, 20.0, 1.5, step=0.05,
                            help=t("saturation.probe_help"))
    if not ids:
        chart_col.info(t("saturation.none"))
        return
    lo, hi = -half, half
    x0 = min(max(x0, lo), hi)
    sets = []
    for a in ids:
        x, f, g = sat.curve_samples(core_act(a), lo, hi, N_CURVE)
        sets.append(CurveSet(name(a), x, f, g, cached_intervals(a, thr, lo, hi),
                             sat.probe(core_act(a), x0, 0.15 * half)))
    with chart_col:
        chart(curves(sets, thr, (lo, hi), LOOK), "sat_curves")
    lines = []
    for a, s in zip(ids, sets):
        ivs = s.intervals
        if ivs:
            where = t("saturation.or").join(interval_text(u, v, (lo, hi)) for u, v in ivs)
            share = sat.saturated_fraction(core_act(a), thr, lo, hi)
            text = t("saturation.sat_line", name=name(a), t=fmt(thr), where=where,
                     share=pct(share), lo=fmt(lo), hi=fmt(hi))
        else:
            text = t("saturation.sat_none", name=name(a), t=fmt(thr), lo=fmt(lo), hi=fmt(hi))
        lines.append(f"- {text} {peak_text(cached_peak(a))}")
    chart_col.markdown("\n".join(lines))  # the verdict next to its picture
    chart_col.subheader(t("saturation.probe_title", x=fmt(x0)))
    rows = []
    for s in sets:
        p = s.probe
        state = t("saturation.probe_flat") if abs(p.grad) < thr else t("saturation.probe_live")
        rows.append("- " + t("saturation.probe_line", name=s.name, x=fmt(p.x), f=fmt(p.f, 5),
                             g=fmt(p.grad, 5), state=state))
    chart_col.markdown("\n".join(rows))


# ----------------------------------------------------------------------------- 2. depth


@st.fragment
def depth_section(ids: list[str]) -> None:
    """Best case through L layers: (max|f'|)^L on a log axis."""
    st.header(t("saturation.depth.title"))
    st.markdown(t("saturation.depth.body"))
    depth = widgets.slider(t("saturation.depth_L"), "sat_L", 1, sat.MAX_FACTOR_DEPTH, 20)
    if not ids:
        st.info(t("saturation.none"))
        return
    series = [(name(a), sat.depth_factor(core_act(a), depth)) for a in ids]
    lesson.bar("saturation", "depth")
    chart(depth_chart(series, LOOK), "sat_depth")
    lines = []
    for a, (label, f) in zip(ids, series):
        m = cached_peak(a).value
        if m == 0.0:
            lines.append(f"- {t('saturation.depth_zero', name=label)}")
        else:
            lines.append("- " + t("saturation.depth_line", name=label, m=fmt(m, 4), L=depth,
                                  v=fmt(float(f[-1]), 4)))
    st.markdown("\n".join(lines))
    st.caption(t("saturation.depth_note"))
    show_code(sat.depth_factor)


# ----------------------------------------------------------------------------- 3. deep MLP


def apply_preset(key: str) -> None:
    """Button callback: put the MLP controls into a known state."""
    act_id, init, depth, bias = PRESETS[key]
    st.session_state["sat_mlp"] = act_id
    st.session_state["sat_init"] = init
    st.session_state["sat_depth"] = depth
    st.session_state["sat_b"] = bias


@st.fragment
def mlp_section(thr: float) -> None:
    """A random deep MLP: per-layer summed inputs, saturated / dead shares and gradient norms."""
    st.header(t("saturation.mlp.title"))
    st.markdown(t("saturation.mlp.body"))
    st.caption(t("saturation.presets"))
    cols = st.columns(len(PRESETS))
    for col, key in zip(cols, PRESETS):
        col.button(t(f"saturation.preset.{key}", b=fmt(PRESETS[key][3])), key=f"sat_preset_{key}",
                   on_click=apply_preset,
                   args=(key,), width="stretch")
    c1, c2, c3 = st.columns([1, 2, 1])
    with c1:
        act_id = widgets.select(t("saturation.mlp_act"), "sat_mlp", MLP_ACTS + [CUSTOM], "sigmoid",
                                fmt=name)
    with c2:
        init = widgets.select(t("saturation.init"), "sat_init", list(sat.INITS), "xavier",
                              fmt=INIT_LABELS.get, kind="segmented",
                              help=t("saturation.init_help", small=fmt(sat.SMALL_STD)))
    with c3:
        depth = widgets.slider(t("saturation.mlp_depth"), "sat_depth", 2, sat.MAX_DEPTH, 10)
    with secondary("common.more_controls"):
        d1, d2, d3, d4 = st.columns(4)
        with d1:
            width = widgets.slider(t("saturation.width"), "sat_width", 4, sat.MAX_WIDTH, 64)
        with d2:
            n = widgets.number(t("saturation.samples"), "sat_n", 10, sat.MAX_SAMPLES, 256,
                               step=10)
        with d3:
            bias = widgets.slider(t("saturation.bias"), "sat_b", -5.0, 5.0, 0.0, step=0.25,
                                  help=t("saturation.bias_help"))
        with d4:
            seed = widgets.number(t("saturation.seed"), "sat_seed", 0, 9999, 0)
    if act_id == CUSTOM:
        if not FORMULA["shown"]:  # chosen in this fragment: a full run draws the f(x) box
            st.rerun()
        if FORMULA["key"] is None:
            st.info(t("custom.need"))
            return
        act_id = FORMULA["key"]
    res = cached_sim(act_id, int(depth), int(width), int(n), init, int(seed), float(bias), thr)
    if not all_finite(res.preact_quantiles, res.preact_mean, res.preact_std, res.grad_norm_w,
                      res.grad_norm_z):  # only a user's formula can make the network overflow
        st.warning(t("custom.overflow_net", name=name(act_id), L=depth), icon="⚠️")
        return
    s = sat.summarize_mlp(res)
    st.caption(t("saturation.mlp_setup", name=name(act_id), init=INIT_LABELS[init], L=depth,
                 w=width, n=n, b=fmt(bias), t=fmt(thr)))
    lesson.bar("saturation", "mlp")
    st.subheader(t("saturation.preact_title"))
    chart(preact_chart(res, LOOK, sat.saturated_z_bands(res)), "sat_preact")
    st.markdown(t("saturation.preact_text", first=fmt(s.mean_first, 3), L=depth,
                  last=fmt(s.mean_last, 3), peak=fmt(s.mean_peak, 3), peak_layer=s.mean_peak_layer,
                  rising=s.rising_layers, steps=depth - 1, mid=pct(s.z_mid_share),
                  lo=fmt(s.z_lo_last, 3), hi=fmt(s.z_hi_last, 3)))
    left, right = st.columns(2)
    with left:
        st.subheader(t("saturation.shares_title"))
        chart(shares_chart(res, LOOK), "sat_shares")
        text = t("saturation.shares_text", t=fmt(thr), sat_first=pct(s.sat_first),
                 sat_last=pct(s.sat_last), L=depth)
        if s.dead_max == 0.0:
            text += " " + t("saturation.dead_none", L=depth)
        else:
            text += " " + t("saturation.dead_text", dead_first=pct(s.dead_first),
                            dead_last=pct(s.dead_last), dead_max=pct(s.dead_max),
                            dead_layer=s.dead_max_layer, L=depth)
        st.markdown(text)
    with right:
        st.subheader(t("saturation.grad_title"))
        chart(grad_chart(res, LOOK), "sat_grad")
        st.markdown(t("saturation.grad_text", first=fmt(s.grad_first, 3), L=depth,
                      last=fmt(s.grad_last, 3), ratio=fmt(s.grad_ratio, 3),
                      spread=fmt(s.grad_spread, 3)))
    show_code(sat.simulate_deep_mlp)


# ----------------------------------------------------------------------------- 4. dying ReLU


@st.fragment
def dying_section(thr: float) -> None:
    """Share of dead units against a negative bias shift, ReLU beside Leaky ReLU / ELU."""
    st.header(t("saturation.die.title"))
    st.markdown(t("saturation.die.body"))
    ids = widgets.multiselect(t("saturation.die_acts", n=MAX_ACTS), "sat_die", DIE_ACTS,
                              ["relu", "leaky_relu", "elu"], fmt=name, max_selections=MAX_ACTS)
    if not ids:
        st.info(t("saturation.none"))
        return
    sweep = cached_sweep(tuple(ids), thr)
    st.caption(t("saturation.die_setup", L=SWEEP["depth"], w=SWEEP["width"],
                 init=INIT_LABELS[SWEEP["init"]],
                 n=SWEEP["n_samples"], seed=SWEEP["seed"]))
    lesson.bar("saturation", "die")
    chart(bias_chart(sweep.shifts, [(name(a), sweep.dead[a]) for a in ids], LOOK), "sat_die")
    i0 = sat.DEFAULT_SHIFTS.index(0.0)
    b_min = sat.DEFAULT_SHIFTS[0]
    lines = ["- " + t("saturation.die_line", name=name(a), b=fmt(b_min),
                      dead_neg=pct(sweep.dead[a][0]), dead_zero=pct(sweep.dead[a][i0]),
                      b0=fmt(sat.DEFAULT_SHIFTS[i0]),
                      last=pct(sweep.dead_last[a][0]), sat=pct(sweep.saturated[a][0]), t=fmt(thr))
             for a in ids]
    st.markdown("\n".join(lines))
    st.caption(t("saturation.die_note"))
    show_code(sat.dead_share_vs_bias)


header("saturation", intro=f"{t('saturation.intro')}\n\n**{t('saturation.curves.title')}.** "
                          f"{t('saturation.curves.body')}")
controls, picture = main_columns()
# off a lesson the bar is one "Lesson mode" button: it stands atop the controls, so the picture
# starts right under the title; a running lesson's bar stands above the picture
with picture if lesson.current("saturation") is not None else controls:
    lesson.bar("saturation")
with controls:
    chosen, threshold, half_range = curve_controls()
curves_panel(chosen, threshold, half_range, controls, picture)
# outside the fragment, so moving the probe does not resend the source code
show_code(sat.saturated_intervals, sat.derivative_peak, sat.probe)
depth_section(chosen)
mlp_section(threshold)
dying_section(threshold)
