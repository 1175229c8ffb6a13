"""Activation explorer: overlay activations and their derivatives, read their measured properties,
see softmax overflow, and why stacked linear layers stay linear."""

import pandas as pd
import streamlit as st

from core.activations import (ACTIVATIONS, EXP_OVERFLOW, FLOAT64_MAX, OVERFLOW_EXAMPLE, by_family,
                              get, softmax, softmax_demo, softmax_naive)
from core.custom import CustomActivation, first_undefined, sample
from core.custom import evaluate as formula_evaluate
from core.custom import forward as formula_forward
from core.custom import parse as parse_formula
from core.properties import (MAX_POINTS, NEAR_IDENTITY_RADIUS, NEAR_IDENTITY_TOL, POINT_LIMIT,
                             compare_stacks, curve, grid_summary, linearity_error, properties,
                             stack_layers, values_at)
from ui import lesson, shell, widgets
from ui.figures.explorer import (Curve, curves_figure, interval_text, range_text, softmax_figure,
                                 stack_figure)
from ui.i18n import t
from ui.page import chart, fmt, header, look, main_columns, secondary, show_code
from ui.parse import parse_numbers

shell.ensure()

DEFAULT_PICK = {"sigmoid": ["sigmoid", "tanh"], "relu": ["relu"]}
DEFAULT_POINTS = "-1, 0, 0.5, 1"
DEFAULT_SCORES = "2, 1, 0.1"
SCORE_COUNT = (2, 10)  # how many softmax scores the text box accepts
SCORE_LIMIT = 1e4  # |score| bound of the text box (offset added on top stays far below core's)
N_POINTS = 241  # step 0.05 on the default range: hover shows round x values
LOOK = look()
lesson.apply("explorer")  # a lesson step's controls, before any widget


def name(act_id: str) -> str:
    """Language-neutral display name (also what the URL stores)."""
    return ACTIVATIONS[act_id].name


def pick_activations() -> list[str]:
    """One multiselect per family in a popover; returns the chosen ids in catalogue order.

    Outside the chart's fragment on purpose: changing the set of functions reruns the page,
    while parameter and range changes rerun only the chart's fragment.
    """
    chosen: list[str] = []
    with st.popover(t("explorer.pick"), icon=":material/tune:", width="stretch"):
        for family, ids in by_family().items():
            picked = widgets.multiselect(
                t(f"family.{family}"), f"f_{family}", ids, DEFAULT_PICK.get(family, []),
                fmt=name, help=t("explorer.pick_help"), placeholder=t("common.choose"))
            chosen += [i for i in ids if i in picked]
    st.markdown(" · ".join(f"**{name(i)}**" for i in chosen) or t("explorer.none"))
    return chosen


def pick_params(ids: list[str]) -> dict[str, dict[str, float]]:
    """A slider per parameter of each chosen parametric activation (URL key p_<id>_<param>)."""
    values: dict[str, dict[str, float]] = {i: {} for i in ids}
    parametric = [i for i in ids if ACTIVATIONS[i].params]
    # folded unless a chosen function has parameters to move (then they are primary controls)
    with secondary("explorer.params", expanded=bool(parametric)):
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


def measured_rows(p) -> list[str]:
    """The measured rows of a properties column (all but cost and typical use), as text."""
    yes_no = lambda b: t("yes") if b else t("no")  # noqa: E731
    sat = {(True, True): "both", (True, False): "left", (False, True): "right"}.get(
        (p.saturates_left, p.saturates_right), "none")
    where = ", ".join(interval_text(a, b) for a, b in p.max_abs_grad_at)
    if p.max_abs_grad_kind == "approached":
        where = ", ".join(f"x → {fmt(a)}" for a, _ in p.max_abs_grad_at)
    template = "prop.max_limit" if p.max_abs_grad_kind in ("limit", "approached") else "prop.max_at"
    max_grad = t(template, value=fmt(p.max_abs_grad), where=where)
    dead = ", ".join(interval_text(a, b) for a, b in p.dead_regions) or t("prop.dead_none")
    return [range_text(p), t(f"prop.zc.{p.zero_centred}"), yes_no(p.monotonic),
            yes_no(p.grad_monotonic), t(f"prop.{p.smoothness}"), t(f"prop.sat.{sat}"),
            fmt(p.f0), fmt(p.grad0), max_grad, yes_no(p.near_identity), dead]


def property_column(act_id: str, params: dict[str, float]) -> list[str]:
    """The measured properties of one activation, as text in PROPERTY_ROWS order."""
    if isinstance(act_id, CustomActivation):  # the user's formula (its own cost and use rows)
        return custom_column(act_id)
    p = measured(act_id, tuple(sorted(params.items())))
    return measured_rows(p) + [t(f"cost.{ACTIVATIONS[act_id].cost}"),
                               ", ".join(t(f"use.{u}") for u in ACTIVATIONS[act_id].uses)]


PROPERTY_ROWS = ["prop.range", "prop.zero_centred", "prop.monotonic", "prop.grad_monotonic",
                 "prop.smoothness", "prop.saturates", "prop.f0", "prop.g0", "prop.max_grad",
                 "prop.near_identity", "prop.dead", "prop.cost", "prop.uses"]
ROW_VALUES = {"prop.near_identity": lambda: dict(radius=fmt(NEAR_IDENTITY_RADIUS),
                                                 tol=fmt(NEAR_IDENTITY_TOL))}


def facts(act_id: str) -> dict[str, str]:
    """Numbers the texts of an activation may cite, measured by core at its default parameters.

    Every ``act.<id>.*`` text is formatted with these (its LaTeX braces are doubled for that).
    """
    act = get(act_id)
    p = measured(act_id, tuple(sorted(act.defaults().items())))
    values = ", ".join(fmt(v) for v in p.discrete_values) if p.discrete_values else range_text(p)
    out = dict(lo=fmt(p.lower.value), hi=fmt(p.upper.value), f0=fmt(p.f0), g0=fmt(p.grad0),
               maxg=fmt(p.max_abs_grad), values=values)
    out.update({k: fmt(v, 5) for k, v in act.constants})
    return out


def property_table(ids: list[str], params: dict[str, dict[str, float]], mine=None) -> None:
    """One table, a column per chosen activation: its properties at the current parameters."""
    st.subheader(t("explorer.measured"))
    st.caption(t("explorer.measured_help", **{k: fmt(v) for k, v in grid_summary().items()}))
    table = {t("explorer.prop"): [t(k, **ROW_VALUES[k]()) if k in ROW_VALUES else t(k)
                                  for k in PROPERTY_ROWS]}
    table.update({name(i): property_column(i, params[i]) for i in ids})
    if mine is not None:
        table[mine.name] = property_column(mine, {})
    st.table(pd.DataFrame(table).set_index(t("explorer.prop")))


def details(ids: list[str]) -> None:
    """A tab per activation: formulas, where it is used, its weakness and the idea to remember."""
    st.subheader(t("explorer.details"))
    for tab, act_id in zip(st.tabs([name(i) for i in ids]), ids):
        act = get(act_id)
        known = facts(act_id)
        with tab:
            left, right = st.columns([1, 1])
            with left:
                st.markdown(f"**{t(f'act.{act_id}.name')}** — {t(f'family.{act.family}')}")
                st.caption(t("explorer.formula"))
                st.latex(act.latex_f)
                st.caption(t("explorer.derivative"))
                st.latex(act.latex_grad)
            with right:
                st.markdown(f"**{t('explorer.use')}.** {t(f'act.{act_id}.use', **known)}")
                st.markdown(f"**{t('explorer.weakness')}.** "
                            f"{t(f'act.{act_id}.weakness', **known)}")
                st.info(t(f"act.{act_id}.note", **known))


def value_table(ids: list[str], params: dict[str, dict[str, float]], mine=None) -> None:
    """f(x) and f'(x) at the points the user typed (default −1, 0, 0.5, 1)."""
    st.subheader(t("explorer.table"))
    text = widgets.text(t("explorer.points", n=MAX_POINTS), "pts", DEFAULT_POINTS, max_chars=120)
    points = parse_numbers(text, 1, MAX_POINTS, -POINT_LIMIT, POINT_LIMIT)
    if points is None:
        st.warning(t("explorer.points_bad", bad=text[:60], n=MAX_POINTS, lo=fmt(-POINT_LIMIT),
                     hi=fmt(POINT_LIMIT)))
        points = parse_numbers(DEFAULT_POINTS, 1, MAX_POINTS, -POINT_LIMIT, POINT_LIMIT)
    table = {t("explorer.table_fn"): [name(i) for i in ids]}
    results = [values_at(i, points, **params[i]) for i in ids]
    if mine is not None:
        table[t("explorer.table_fn")].append(mine.name)
        results.append(values_at(mine, points))
    for k, x in enumerate(points):
        table[f"f({fmt(x)})"] = [fmt(float(f[k]), 8) for f, _ in results]
        table[f"f′({fmt(x)})"] = [fmt(float(g[k]), 8) for _, g in results]
    st.table(pd.DataFrame(table).set_index(t("explorer.table_fn")))


def default_scores() -> list[float]:
    """The default softmax scores as numbers."""
    return parse_numbers(DEFAULT_SCORES, *SCORE_COUNT, -SCORE_LIMIT, SCORE_LIMIT)


def softmax_texts(total: float) -> dict[str, str]:
    """The numbers the softmax texts cite, from core: Σp, the float64 limit, the course example."""
    return dict(total=fmt(total), fmax=fmt(FLOAT64_MAX, 2), ln_max=fmt(EXP_OVERFLOW, 4),
                example="[" + ", ".join(fmt(v) for v in OVERFLOW_EXAMPLE) + "]")


@st.fragment
def softmax_panel() -> None:
    """Scores -> probability bars with temperature, and naive vs stable softmax on large scores."""
    st.subheader(t("softmax.title"))
    texts = softmax_texts(softmax_demo(default_scores()).total)
    st.markdown(t("softmax.body", **texts))
    c1, c2 = st.columns([2, 1])
    lo, hi = SCORE_COUNT
    with c1:
        raw = widgets.text(t("explorer.softmax_scores", lo=lo, hi=hi), "sm", DEFAULT_SCORES,
                           max_chars=120)
    with c2:
        temp = widgets.slider(t("explorer.temperature"), "temp", 0.1, 10.0, 1.0, step=0.1)
    scores = parse_numbers(raw, lo, hi, -SCORE_LIMIT, SCORE_LIMIT)
    if scores is None:
        st.warning(t("explorer.softmax_bad", bad=raw[:60], lo=lo, hi=hi, zlo=fmt(-SCORE_LIMIT),
                     zhi=fmt(SCORE_LIMIT)))
        scores = default_scores()
    demo = softmax_demo(scores, temp)
    labels = [f"z{i + 1} = {fmt(s)}" for i, s in enumerate(scores)]
    lesson.bar("explorer", "softmax")
    chart(softmax_figure(labels, demo.probs, LOOK, t("explorer.softmax_prob")), "softmax")
    st.markdown(t("explorer.softmax_sum", total=fmt(demo.total, 6), top=fmt(demo.top, 4)))

    st.markdown(f"**{t('explorer.naive_vs_stable')}**")
    st.markdown(t("softmax.overflow", **texts))
    offset = widgets.slider(t("explorer.large_scores"), "sm_off", 0, 2000, 1000, step=50)
    demo = softmax_demo(scores, temp, offset)
    show = lambda a: "[" + ", ".join(fmt(float(v), 4) for v in a) + "]"  # noqa: E731
    st.markdown(t("explorer.naive_result", scores=show(demo.shifted), naive=show(demo.naive),
                  stable=show(demo.stable)))
    st.dataframe(pd.DataFrame({"z": [fmt(v) for v in demo.shifted],
                               t("explorer.naive"): [fmt(float(v), 6) for v in demo.naive],
                               t("explorer.stable"): [fmt(float(v), 6) for v in demo.stable]}),
                 hide_index=True, width="stretch")
    if demo.naive_finite:
        st.success(t("explorer.naive_ok", diff=fmt(demo.max_diff, 3)))
    else:
        st.error(t("explorer.naive_broken", zmax=fmt(demo.largest_exponent), **texts))
    show_code(softmax, softmax_naive)


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
    run = compare_stacks(act_id, depth, weight)
    series = [(t("explorer.stack_linear"), run.linear), (f"{name(act_id)} × {depth}", run.bent)]
    lesson.bar("explorer", "stack")
    chart(stack_figure(run.x, series, LOOK, t("explorer.stack_axis")), "stack")
    st.markdown(t("explorer.stack_result", L=depth, slope=fmt(run.slope),
                  lin_dev=f"{run.linear_error:.1%}", name=name(act_id),
                  dev=f"{run.bent_error:.1%}"))
    show_code(stack_layers, linearity_error)


def guide() -> None:
    """Which activation to use where, as five short cards (their numbers come from core)."""
    st.subheader(t("explorer.guide"))
    sig = facts("sigmoid")
    known = dict(sig_lo=sig["lo"], sig_hi=sig["hi"],
                 total=fmt(softmax_demo(default_scores()).total))
    keys = ["hidden", "binary", "multiclass", "regression", "rnn"]
    per_row = 2 if LOOK.classroom else 3  # wider cards keep projected lines readable
    for start in range(0, len(keys), per_row):
        for col, key in zip(st.columns(per_row), keys[start:start + per_row]):
            with col.container(border=True):
                st.markdown(f"**{t(f'guide.{key}.title')}**")
                st.markdown(t(f"guide.{key}.body", **known))


@st.fragment
def curves_panel(ids: list[str], control_col, chart_col, mine=None) -> None:
    """The f/f' chart with its own controls, and the tables that depend on the parameters.

    A fragment holding only what a parameter or x-range change alters, so moving a slider
    reruns and redraws this part alone (the pickers, formulas and notes stay as they are).
    Its controls and chart go into the page's main columns (made outside, beside the picker:
    a fragment may write into outside containers); the tables follow below.
    """
    with control_col:
        show_grad = widgets.toggle(t("explorer.show_grad"), "deriv", True)
        lo, hi = widgets.slider(t("explorer.xrange"), "xr", -20.0, 20.0, (-6.0, 6.0), step=0.5)
        if hi - lo < 0.5:
            lo, hi = lo - 0.5, hi + 0.5
        params = pick_params(ids)
    with chart_col:
        samples = [curve(i, lo, hi, N_POINTS, **params[i]) for i in ids]
        curves = [Curve(name(i), f, g) for i, (_, f, g) in zip(ids, samples)]
        own = sample(mine, lo, hi, N_POINTS) if mine is not None else None
        if own is not None:
            curves.append(Curve(mine.name, own.f, own.grad))
        chart(curves_figure(samples[0][0] if samples else own.x, curves, LOOK, show_grad,
                            t("explorer.f_axis"), t("explorer.g_axis")), "curves")
        if own is not None:
            gap_notices(mine, own, show_grad)
        show_code(*[fn for i in ids for fn in get(i).code()],
                  *([formula_evaluate, formula_forward] if mine is not None else []))
    property_table(ids, params, mine)
    value_table(ids, params, mine)


# ----------------------------------------------------------------------------- your own function


def custom_formula() -> CustomActivation | None:
    """The "f(x) = …" box (URL key fx): the user's formula parsed by core.custom (never
    evaluated by Python), or None if the box is empty or the formula is rejected."""
    return widgets.formula(hint_when_empty=False)[1]


@st.cache_data(max_entries=64, show_spinner=False)
def measured_formula(text: str):
    """core.properties of a formula (cached by its text), or the x where it is undefined."""
    act = parse_formula(text)
    bad = first_undefined(act)
    return bad if bad is not None else properties(act)


def custom_column(act: CustomActivation) -> list[str]:
    """The property column of the user's formula (or a note why it is not measured)."""
    p = measured_formula(act.text)
    if not hasattr(p, "lower"):
        return [t("custom.not_measured", x=fmt(p))] + ["—"] * (len(PROPERTY_ROWS) - 1)
    return measured_rows(p) + [t("custom.cost"), t("custom.uses")]


def gap_notices(act: CustomActivation, own, show_grad: bool) -> None:
    """Say how many points of the user's curve are gaps (overflow or outside the domain)."""
    total = len(own.x)
    if own.f_gaps:
        st.info(t("custom.gaps", name=act.name, n=own.f_gaps, total=total))
    if show_grad and own.g_gaps > own.f_gaps:
        st.info(t("custom.gaps_grad", name=act.name, n=own.g_gaps, total=total))


def custom_details(act: CustomActivation) -> None:
    """The user's formula in LaTeX and how its derivative is computed."""
    st.subheader(t("custom.title"))
    st.latex(act.latex_f)
    st.caption(t("custom.derivative_note"))


def check_hidden_parameters(chosen: list[str]) -> None:
    """A notice for a bad p_<id>_<param> URL value of a function that is not on the chart (its
    slider is not drawn, so nothing else would check it); the same for x range without a chart."""
    for act_id, act in ACTIVATIONS.items():
        if act_id not in chosen:
            for p in act.params:
                widgets.check_url_number(f"p_{act_id}_{p.name}", p.min, p.max, p.default)
    if not chosen:
        widgets.check_url_number("xr", -20.0, 20.0, (-6.0, 6.0))


header("explorer")
controls, picture = main_columns()
# off a lesson the bar is one "Lesson mode" button: it stands atop the controls, so the picture
# starts right under the title; a running lesson's bar stands above the picture
with picture if lesson.current("explorer") is not None else controls:
    lesson.bar("explorer")
with controls:
    chosen = pick_activations()
    mine = custom_formula()
check_hidden_parameters(chosen + (["custom"] if mine is not None else []))
if chosen or mine is not None:
    curves_panel(chosen, controls, picture, mine)
    if chosen:
        details(chosen)
    if mine is not None:
        custom_details(mine)
softmax_panel()
stack_panel()
guide()
