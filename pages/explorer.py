"""Activation explorer: overlay activations and their derivatives, read their measured properties,
see softmax overflow, and why stacked linear layers stay linear."""

import numpy as np
import pandas as pd
import streamlit as st

from core.activations import ACTIVATIONS, by_family, get, softmax, softmax_naive
from core.properties import (grid_summary, linearity_error, properties, stack_layers,
                             values_at)
from ui import shell, widgets
from ui.figures.explorer import (Curve, curves_figure, interval_text, range_text, softmax_figure,
                                 stack_figure)
from ui.i18n import t
from ui.page import chart, fmt, header, look, secondary, show_code
from ui.parse import parse_numbers

shell.ensure()

DEFAULT_PICK = {"sigmoid": ["sigmoid", "tanh"], "relu": ["relu"]}
DEFAULT_POINTS = "-1, 0, 0.5, 1"
DEFAULT_SCORES = "2, 1, 0.1"
N_POINTS = 241  # step 0.05 on the default range: hover shows round x values
LOOK = look()


def name(act_id: str) -> str:
    """Language-neutral display name (also what the URL stores)."""
    return ACTIVATIONS[act_id].name


def pick_activations() -> list[str]:
    """One multiselect per family in a popover; returns the chosen ids in catalogue order.

    Outside the chart's fragment on purpose: changing the set of functions reruns the page,
    while parameter and range changes rerun only the chart's fragment.
    """
    chosen: list[str] = []
    button, summary = st.columns([2, 3], vertical_alignment="center")
    with button.popover(t("explorer.pick"), icon=":material/tune:", width="stretch"):
        for family, ids in by_family().items():
            picked = widgets.multiselect(
                t(f"family.{family}"), f"f_{family}", ids, DEFAULT_PICK.get(family, []),
                fmt=name, help=t("explorer.pick_help"), placeholder=t("common.choose"))
            chosen += [i for i in ids if i in picked]
    summary.markdown(" · ".join(f"**{name(i)}**" for i in chosen) or t("explorer.none"))
    return chosen


def pick_params(ids: list[str]) -> dict[str, dict[str, float]]:
    """A slider per parameter of each chosen parametric activation (URL key p_<id>_<param>)."""
    values: dict[str, dict[str, float]] = {i: {} for i in ids}
    parametric = [i for i in ids if ACTIVATIONS[i].params]
    with secondary("explorer.params"):
        if not parametric:
            st.caption(t("explorer.params_none"))
        for act_id in parametric:
            for p in ACTIVATIONS[act_id].params:
                values[act_id][p.name] = widgets.slider(
                    f"{name(act_id)} · {p.name}", f"p_{act_id}_{p.name}", p.min, p.max,
                    p.default, step=p.step)
    return values


@st.cache_data(max_entries=512, show_spinner=False)
def measured(act_id: str, params: tuple[tuple[str, float], ...]):
    """core.properties for (id, parameters), cached: the same function is measured once."""
    return properties(act_id, **dict(params))


def property_column(act_id: str, params: dict[str, float]) -> list[str]:
    """The measured properties of one activation, as text in PROPERTY_ROWS order."""
    p = measured(act_id, tuple(sorted(params.items())))
    yes_no = lambda b: t("yes") if b else t("no")  # noqa: E731
    sat = {(True, True): "both", (True, False): "left", (False, True): "right"}.get(
        (p.saturates_left, p.saturates_right), "none")
    where = ", ".join(interval_text(a, b) for a, b in p.max_abs_grad_at)
    if p.max_abs_grad_kind == "approached":
        where = ", ".join(f"x → {fmt(a)}" for a, _ in p.max_abs_grad_at)
    if p.max_abs_grad_kind in ("limit", "approached"):
        where = f"{t('prop.max_limit')} {where}"
    dead = ", ".join(interval_text(a, b) for a, b in p.dead_regions) or t("prop.dead_none")
    return [range_text(p), t(f"prop.zc.{p.zero_centred}"), yes_no(p.monotonic),
            yes_no(p.grad_monotonic), t(f"prop.{p.smoothness}"), t(f"prop.sat.{sat}"),
            fmt(p.f0), fmt(p.grad0), f"{fmt(p.max_abs_grad)} — {where}",
            yes_no(p.near_identity), dead, t(f"cost.{ACTIVATIONS[act_id].cost}")]


PROPERTY_ROWS = ["prop.range", "prop.zero_centred", "prop.monotonic", "prop.grad_monotonic",
                 "prop.smoothness", "prop.saturates", "prop.f0", "prop.g0", "prop.max_grad",
                 "prop.near_identity", "prop.dead", "prop.cost"]


def property_table(ids: list[str], params: dict[str, dict[str, float]]) -> None:
    """One table, a column per chosen activation: its properties at the current parameters."""
    st.subheader(t("explorer.measured"))
    st.caption(t("explorer.measured_help", **{k: fmt(v) for k, v in grid_summary().items()}))
    table = {t("explorer.prop"): [t(k) for k in PROPERTY_ROWS]}
    table.update({name(i): property_column(i, params[i]) for i in ids})
    st.table(pd.DataFrame(table).set_index(t("explorer.prop")))


def details(ids: list[str]) -> None:
    """A tab per activation: formulas, where it is used, its weakness, and the code behind it."""
    st.subheader(t("explorer.details"))
    for tab, act_id in zip(st.tabs([name(i) for i in ids]), ids):
        act = get(act_id)
        with tab:
            left, right = st.columns([1, 1])
            with left:
                st.markdown(f"**{t(f'act.{act_id}.name')}** — {t(f'family.{act.family}')}")
                st.caption(t("explorer.formula"))
                st.latex(act.latex_f)
                st.caption(t("explorer.derivative"))
                st.latex(act.latex_grad)
            with right:
                st.markdown(f"**{t('explorer.use')}.** {t(f'act.{act_id}.use')}")
                st.markdown(f"**{t('explorer.weakness')}.** {t(f'act.{act_id}.weakness')}")
                st.info(t(f"act.{act_id}.note"))
            show_code(act._fn, act._grad)


def value_table(ids: list[str], params: dict[str, dict[str, float]]) -> None:
    """f(x) and f'(x) at the points the user typed (default −1, 0, 0.5, 1)."""
    st.subheader(t("explorer.table"))
    text = widgets.text(t("explorer.points"), "pts", DEFAULT_POINTS, max_chars=120)
    points = parse_numbers(text, 1, 12, -1e6, 1e6)
    if points is None:
        st.warning(t("explorer.points_bad", bad=text[:60]))
        points = parse_numbers(DEFAULT_POINTS, 1, 12, -1e6, 1e6)
    table = {t("explorer.table_fn"): [name(i) for i in ids]}
    results = [values_at(i, points, **params[i]) for i in ids]
    for k, x in enumerate(points):
        table[f"f({fmt(x)})"] = [fmt(float(f[k]), 8) for f, _ in results]
        table[f"f′({fmt(x)})"] = [fmt(float(g[k]), 8) for _, g in results]
    st.table(pd.DataFrame(table).set_index(t("explorer.table_fn")))


@st.fragment
def softmax_panel() -> None:
    """Scores -> probability bars with temperature, and naive vs stable softmax on large scores."""
    st.subheader(t("softmax.title"))
    st.markdown(t("softmax.body"))
    c1, c2 = st.columns([2, 1])
    with c1:
        raw = widgets.text(t("explorer.softmax_scores"), "sm", DEFAULT_SCORES, max_chars=120)
    with c2:
        temp = widgets.slider(t("explorer.temperature"), "temp", 0.1, 10.0, 1.0, step=0.1)
    scores = parse_numbers(raw, 2, 10, -1e4, 1e4)
    if scores is None:
        st.warning(t("explorer.softmax_bad", bad=raw[:60]))
        scores = parse_numbers(DEFAULT_SCORES, 2, 10, -1e4, 1e4)
    probs = softmax(scores, temperature=temp)
    labels = [f"z{i + 1} = {fmt(s)}" for i, s in enumerate(scores)]
    chart(softmax_figure(labels, probs, LOOK, t("explorer.softmax_prob")), "softmax")
    st.markdown(t("explorer.softmax_sum", total=fmt(float(probs.sum()), 6),
                  top=fmt(float(probs.max()), 4)))

    st.markdown(f"**{t('explorer.naive_vs_stable')}**")
    st.markdown(t("softmax.overflow"))
    offset = widgets.slider(t("explorer.large_scores"), "sm_off", 0, 2000, 1000, step=50)
    big = [s + offset for s in scores]
    naive, stable = softmax_naive(big, temp), softmax(big, temp)
    show = lambda a: "[" + ", ".join(fmt(float(v), 4) for v in a) + "]"  # noqa: E731
    st.markdown(t("explorer.naive_result", scores=show(big), naive=show(naive),
                  stable=show(stable)))
    st.dataframe(pd.DataFrame({"z": [fmt(v) for v in big],
                               t("explorer.naive"): [fmt(float(v), 6) for v in naive],
                               t("explorer.stable"): [fmt(float(v), 6) for v in stable]}),
                 hide_index=True, width="stretch")
    if np.all(np.isfinite(naive)):
        st.success(t("explorer.naive_ok", diff=fmt(float(np.max(np.abs(naive - stable))), 3)))
    else:
        st.error(t("explorer.naive_broken", zmax=fmt(max(big) / temp)))


@st.fragment
def stack_panel() -> None:
    """h_L(x) for L stacked one-neuron layers: identity stays a line, non-linear ones bend."""
    st.subheader(t("why.title"))
    st.markdown(t("why.body"))
    c1, c2, c3 = st.columns(3)
    with c1:
        act_id = widgets.select(t("explorer.stack_act"), "stack", list(ACTIVATIONS), "tanh",
                                fmt=name)
    with c2:
        depth = widgets.slider(t("explorer.stack_depth"), "L", 1, 10, 3)
    with c3:
        weight = widgets.slider(t("explorer.stack_weight"), "a", 0.1, 3.0, 1.5, step=0.1)
    x = np.linspace(-3, 3, 241)
    linear = stack_layers("identity", x, depth, weight)[-1]
    bent = stack_layers(act_id, x, depth, weight)[-1]
    series = [(t("explorer.stack_linear"), linear), (f"{name(act_id)} × {depth}", bent)]
    chart(stack_figure(x, series, LOOK, t("explorer.stack_axis")), "stack")
    st.markdown(t("explorer.stack_result", L=depth, slope=fmt(weight**depth),
                  lin_dev=f"{linearity_error(linear, x):.1%}", name=name(act_id),
                  dev=f"{linearity_error(bent, x):.1%}"))


def guide() -> None:
    """Which activation to use where, as five short cards."""
    st.subheader(t("explorer.guide"))
    keys = ["hidden", "binary", "multiclass", "regression", "rnn"]
    for row in (keys[:3], keys[3:]):
        for col, key in zip(st.columns(3), row):
            with col.container(border=True):
                st.markdown(f"**{t(f'guide.{key}.title')}**")
                st.markdown(t(f"guide.{key}.body"))


@st.fragment
def curves_panel(ids: list[str]) -> None:
    """The f/f' chart with its own controls, and the tables that depend on the parameters.

    A fragment holding only what a parameter or x-range change alters, so moving a slider
    reruns and redraws this part alone (the pickers, formulas and notes stay as they are).
    """
    chart_col, control_col = st.columns([3, 2], gap="medium")
    with control_col:
        show_grad = widgets.toggle(t("explorer.show_grad"), "deriv", True)
        lo, hi = widgets.slider(t("explorer.xrange"), "xr", -20.0, 20.0, (-6.0, 6.0), step=0.5)
        if hi - lo < 0.5:
            lo, hi = lo - 0.5, hi + 0.5
        params = pick_params(ids)
    with chart_col:
        x = np.linspace(lo, hi, N_POINTS)
        curves = [Curve(name(i), get(i).fn(x, **params[i]), get(i).grad(x, **params[i]))
                  for i in ids]
        chart(curves_figure(x, curves, LOOK, show_grad, t("explorer.f_axis"),
                            t("explorer.g_axis")), "curves")
    property_table(ids, params)
    value_table(ids, params)


header("explorer")
chosen = pick_activations()
if chosen:
    curves_panel(chosen)
    details(chosen)
softmax_panel()
stack_panel()
guide()
