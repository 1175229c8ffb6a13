"""Activation explorer: overlay activations and their derivatives, read their measured properties,
see softmax overflow, and why stacked linear layers stay linear.

The controls are declared once in ui.controls.explorer; the sentences and tables are built in
ui.sentences.explorer; the figures in ui.figures.explorer."""

import pandas as pd
import streamlit as st

from core.activations import ACTIVATIONS, by_family, get, softmax, softmax_demo, softmax_naive
from core.custom import CustomActivation, FormulaError, sample
from core.custom import evaluate as formula_evaluate
from core.custom import forward as formula_forward
from core.custom import parse as parse_formula
from core.properties import compare_stacks, grid_summary, linearity_error, stack_layers
from ui import lesson, shell, widgets
from ui.controls.explorer import SPEC
from ui.figures.explorer import (Curve, curves_figure, overflow_figure, parameter_curves,
                                 softmax_figure, stack_figure)
from ui.format import fmt, plain
from ui.i18n import act_name, t
from ui.page import chart, guarded, header, look, main_columns, show_code
from ui.questions.conceal import unless_concealed
from ui.sentences import explorer as say

shell.ensure()

LAST_FORMULA = "_al_explorer_last_formula"  # the last formula text that parsed, this session
LOOK = look()
lesson.apply("explorer")  # a lesson step's controls, before any widget


def pick_activations() -> list[str]:
    """One multiselect per family in a popover; returns the chosen ids in catalogue order.

    Outside the chart's fragment on purpose: changing the set of functions reruns the page,
    while parameter and range changes rerun only the chart's fragment.
    """
    chosen: list[str] = []
    with st.popover(t("explorer.pick"), icon=":material/tune:", width="stretch"):
        for family, ids in by_family().items():
            picked = SPEC.draw(f"f_{family}", placeholder=t("common.choose"))
            chosen += [i for i in ids if i in picked]
    st.markdown(" · ".join(f"**{act_name(i)}**" for i in chosen) or t("explorer.none"))
    return chosen


def pick_params(ids: list[str]) -> dict[str, dict[str, float]]:
    """Each chosen activation's parameters (URL key p_<id>_<param>): scrubbed on the f/f′
    chart by its own range inputs (no Streamlit widget here, ui.chart.Scrub)."""
    values = {i: {p.name: SPEC.draw(f"p_{i}_{p.name}") for p in ACTIVATIONS[i].params}
              for i in ids}
    if any(values.values()):
        st.caption(t("scrub.hint"))
    return values


# ----------------------------------------------------------------------------- your own function


def custom_formula() -> tuple[CustomActivation | None, CustomActivation | None]:
    """The "f(x) = …" box (URL key fx, drawn by ui.widgets.formula: parsed by core.custom, never
    evaluated by Python): (the formula, None) when it parses; (None, the last formula that
    parsed in this session) while the box holds one that does not, so that curve stays on the
    chart, faded, beside the message; (None, None) for an empty box."""
    text, mine = widgets.formula(hint_when_empty=False, spec=SPEC)
    if mine is not None or not text.strip():
        st.session_state[LAST_FORMULA] = mine.text if mine is not None else None
        return mine, None
    last = st.session_state.get(LAST_FORMULA)
    try:
        faded = parse_formula(last) if last else None
    except FormulaError:
        faded = None
    if faded is not None:
        st.caption(t("explorer.last_formula", name=plain(faded.name)))
    return None, faded


def gap_notices(act: CustomActivation, own, show_grad: bool) -> None:
    """Say how many points of the user's curve are gaps (overflow or outside the domain)."""
    total, name = len(own.x), plain(act.name)
    if own.f_gaps:
        st.info(t("custom.gaps", name=name, n=own.f_gaps, total=total))
    if show_grad and own.g_gaps > own.f_gaps:
        st.info(t("custom.gaps_grad", name=name, n=own.g_gaps, total=total))


@guarded
def custom_details(act: CustomActivation) -> None:
    """The user's formula in LaTeX (built from its parsed tree) and how its derivative is
    computed."""
    st.subheader(t("custom.title"))
    st.latex(act.latex_f)
    st.caption(t("custom.derivative_note"))


# ----------------------------------------------------------------------------- f and f′


def draw_curves(ids, params, x_range, show_grad: bool, mine, faded) -> None:
    """The f/f′ chart of the chosen functions (each parameter scrubbed over its grid), the
    user's formula and a faded last formula."""
    lo, hi = x_range
    x, rows, scrubs = parameter_curves(ids, params, lo, hi, show_grad)
    curves = [Curve(ACTIVATIONS[i].name, f, g) for i, (f, g) in zip(ids, rows)]
    for act, dim in ((mine, False), (faded, True)):
        if act is not None:
            own = sample(act, lo, hi, len(x))
            curves.append(Curve(act.name, own.f, own.grad, faded=dim))
            if not dim:
                gap_notices(act, own, show_grad)
    chart(curves_figure(x, curves, LOOK, show_grad, t("explorer.f_axis"), t("explorer.g_axis")),
          "curves", scrubs=scrubs)
    show_code(*[fn for i in ids for fn in get(i).code()],
              *([formula_evaluate, formula_forward] if mine is not None else []))


@unless_concealed("explorer", "properties")
def tables(ids: list[str], params: dict[str, dict[str, float]], mine) -> None:
    """The measured properties (a column per function) and f, f′ at the typed points."""
    st.subheader(t("explorer.measured"))
    st.caption(t("explorer.measured_help", **{k: fmt(v) for k, v in grid_summary().items()}))
    prop = say.property_table(ids, params, mine)
    st.table(pd.DataFrame(prop).set_index(t("explorer.prop")))
    st.subheader(t("explorer.table"))
    points, notice = say.read_points(SPEC.draw("pts"))
    if notice:
        st.warning(notice)
    values = say.value_table(ids, params, points, mine)
    st.table(pd.DataFrame(values).set_index(t("explorer.table_fn")))


@st.fragment
@guarded
def curves_panel(ids: list[str], control_col, chart_col, mine=None, faded=None) -> None:
    """The f/f' chart with its own controls, and the tables that depend on the parameters.

    A fragment holding only what a parameter or x-range change alters, so moving a slider
    reruns and redraws this part alone (the pickers, formulas and notes stay as they are).
    Its controls and chart go into the page's main columns (made outside, beside the picker:
    a fragment may write into outside containers); the tables follow below.
    """
    with control_col:
        show_grad = SPEC.draw("deriv")
        lo, hi = SPEC.draw("xr")
        if hi - lo < 0.5:
            lo, hi = lo - 0.5, hi + 0.5
        params = pick_params(ids)
    with chart_col:
        draw_curves(ids, params, (lo, hi), show_grad, mine, faded)
    if ids or mine is not None:
        tables(ids, params, mine)


@guarded
@unless_concealed("explorer", "details")
def details(ids: list[str]) -> None:
    """A tab per activation: formulas, where it is used, its weakness and the idea to remember."""
    st.subheader(t("explorer.details"))
    for tab, act_id in zip(st.tabs([ACTIVATIONS[i].name for i in ids]), ids):
        act = get(act_id)
        known = say.facts(act_id)
        with tab:
            left, right = st.columns([1, 1])
            with left:
                st.markdown(f"**{act_name(act_id)}** — {t(f'family.{act.family}')}")
                st.caption(t("explorer.formula"))
                st.latex(act.latex_f)
                st.caption(t("explorer.derivative"))
                st.latex(act.latex_grad)
            with right:
                st.markdown(f"**{t('explorer.use')}.** {t(f'act.{act_id}.use', **known)}")
                st.markdown(f"**{t('explorer.weakness')}.** "
                            f"{t(f'act.{act_id}.weakness', **known)}")
                st.info(t(f"act.{act_id}.note", **known))


# ----------------------------------------------------------------------------- softmax


def overflow_part(scores: list[float], temp: float, texts: dict[str, str]) -> None:
    """Naive vs stable softmax on the scores plus a large offset: the lesson's overflow step
    stands right above this chart, which shows the naive formula's nan beside the stable bars."""
    st.markdown(f"**{t('explorer.naive_vs_stable')}**")
    st.markdown(t("softmax.overflow", **texts))
    demo = softmax_demo(scores, temp, SPEC.draw("sm_off"))
    lesson.bar("explorer", "overflow")
    labels = [f"z{i + 1} = {fmt(v)}" for i, v in enumerate(demo.shifted)]
    chart(overflow_figure(labels, demo.naive, demo.stable, LOOK,
                          (t("explorer.naive"), t("explorer.stable")),
                          t("explorer.softmax_prob")), "overflow")
    st.markdown(t("explorer.naive_result", scores=say.vector(demo.shifted),
                  naive=say.vector(demo.naive), stable=say.vector(demo.stable)))
    st.dataframe(pd.DataFrame(say.overflow_table(demo)), hide_index=True, width="stretch")
    held, sentence = say.overflow_verdict(demo, texts)
    (st.success if held else st.error)(sentence)


@st.fragment
@guarded
def softmax_panel() -> None:
    """Scores -> probability bars with temperature, and naive vs stable softmax on large scores."""
    st.subheader(t("softmax.title"))
    texts = say.softmax_texts(softmax_demo(say.default_scores()).total)
    st.markdown(t("softmax.body", **texts))
    c1, c2 = st.columns([2, 1])
    with c1:
        raw = SPEC.draw("sm")
    with c2:
        temp = SPEC.draw("temp")
    scores, notice = say.read_scores(raw)
    if notice:
        st.warning(notice)
    demo = softmax_demo(scores, temp)
    labels = [f"z{i + 1} = {fmt(s)}" for i, s in enumerate(scores)]
    chart(softmax_figure(labels, demo.probs, LOOK, t("explorer.softmax_prob")), "softmax")
    st.markdown(t("explorer.softmax_sum", total=fmt(demo.total, 6), top=fmt(demo.top, 4)))
    overflow_part(scores, temp, texts)
    show_code(softmax, softmax_naive)


# ----------------------------------------------------------------------------- stacks and guide


@st.fragment
@guarded
def stack_panel() -> None:
    """h_L(x) for L stacked one-neuron layers: identity stays a line, non-linear ones bend."""
    st.subheader(t("why.title"))
    st.markdown(t("why.body"))
    c1, c2, c3 = st.columns(3)
    with c1:
        act_id = SPEC.draw("stack")
    with c2:
        depth = SPEC.draw("L")
    with c3:
        weight = SPEC.draw("a")
    run = compare_stacks(act_id, depth, weight)
    series = [(t("explorer.stack_linear"), run.linear),
              (f"{ACTIVATIONS[act_id].name} × {depth}", run.bent)]
    lesson.bar("explorer", "stack")
    chart(stack_figure(run.x, series, LOOK, t("explorer.stack_axis")), "stack")
    st.markdown(say.stack_sentence(run, depth, act_id))
    show_code(stack_layers, linearity_error)


@guarded
def guide() -> None:
    """Which activation to use where, as five short cards (their numbers come from core)."""
    st.subheader(t("explorer.guide"))
    known = say.guide_values()
    keys = ["hidden", "binary", "multiclass", "regression", "rnn"]
    per_row = 2 if LOOK.classroom else 3  # wider cards keep projected lines readable
    for start in range(0, len(keys), per_row):
        for col, key in zip(st.columns(per_row), keys[start:start + per_row]):
            with col.container(border=True):
                st.markdown(f"**{t(f'guide.{key}.title')}**")
                st.markdown(t(f"guide.{key}.body", **known))


@guarded
def main_picture() -> None:
    """Title, the pickers and the formula box beside the f/f′ chart, then what depends on them.

    In classroom mode the formula box stands under the chart, across the wide column, so a
    message about a formula stays short on the projector."""
    header("explorer")
    controls, picture = main_columns()
    # off a lesson the bar is one "Lesson mode" button: it stands atop the controls, so the
    # picture starts right under the title; a running lesson's bar stands above the picture
    with picture if lesson.current("explorer") is not None else controls:
        lesson.bar("explorer")
    with picture:
        chart_box = st.container()
        formula_box = st.container() if LOOK.classroom else controls
    with controls:
        chosen = pick_activations()
    with formula_box:
        mine, faded = custom_formula()
    if chosen or mine is not None or faded is not None:
        curves_panel(chosen, controls, chart_box, mine, faded)
        if chosen:
            details(chosen)
        if mine is not None:
            custom_details(mine)


main_picture()
softmax_panel()
stack_panel()
guide()
SPEC.finish()
