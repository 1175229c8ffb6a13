"""Small-network lab: train tiny MLPs side by side, one per activation, compare output
activations on the course's XOR network, step through one backpropagation update by hand, and
see why a network without non-linearity stays linear. Controls: ui.controls.network; what each
section trains: ui.runs.network; sentences and tables: ui.sentences.network."""

import numpy as np
import streamlit as st

from core import network as net
from ui import lesson, shell, widgets
from ui.controls.network import (COURSE, COURSE_KEYS, COURSE_SIZES, CUSTOM, EXAMPLE_SAMPLES,
                                 MAX_COMPARE, SPEC, STAGES, name)
from ui.figures.network import (MapPanel, TimelineTexts, boundary_figure, loss_figure,
                                network_figure, timeline_figure, timeline_scrub)
from ui.format import count
from ui.i18n import t
from ui.page import chart, guarded, header, lecture, look, picture_layout, secondary, show_code
from ui.questions.conceal import concealed, unless_concealed
from ui.runs import network as runs
from ui.sentences import network as say

shell.ensure()

LOOK = look()
lesson.apply("network")  # a lesson step's controls, before any widget
LOSS_FORMULAS = {"mse": "½(y − t)²", "bce": "BCE"}


def apply_course() -> None:
    """Button callback: the course's XOR setup (2-2-1, its lr and per-sample epochs)."""
    state = SPEC.state(**COURSE)
    for key in COURSE_KEYS:
        st.session_state[key] = state[key]


def formula_box():
    """The "f(x) = …" box (URL key fx): the parsed formula (core.custom), or None if the box is
    empty or the formula is rejected (a notice says where and why)."""
    return widgets.formula(spec=SPEC)[1]


def primary_controls():
    """The course button, data, activations (and the f(x) box), learning rate and epochs;
    returns the parsed formula of the f(x) box (or None)."""
    st.button(t("network.course_button", sizes=COURSE_SIZES, lr=say.num(net.COURSE_LR),
                epochs=count(net.COURSE_EPOCHS)), on_click=apply_course,
              icon=":material/school:",
              help=t("network.course_help", lr=say.num(net.COURSE_LR),
                     epochs=count(net.COURSE_EPOCHS)))
    SPEC.draw("net_data")
    mine = formula_box() if CUSTOM in SPEC.draw("net_acts") else None
    c1, c2 = st.columns(2)
    with c1:
        SPEC.draw("net_lr")
    with c2:
        SPEC.draw("net_epochs")
    return mine


def more_controls() -> None:
    """Data size and noise, output, mode, architecture, initialisation, seed, loss, bias and
    the mixed network, folded."""
    with secondary("common.more_controls"):
        for col, key in zip(st.columns(4), ("net_n", "net_noise", "net_out", "net_mode")):
            with col:
                SPEC.draw(key)
        c1, *cols = st.columns(4)
        with c1:
            layers = SPEC.draw("net_layers")
        for k, col in zip(range(1, layers + 1), cols):
            with col:
                SPEC.draw(f"net_w{k}")
        c1, c2, c3, c4 = st.columns(4)
        with c1:
            labels = widgets.Labels("network.opt.init", SPEC["net_init"].options,
                                    **SPEC["net_init"].values)
            SPEC.draw("net_init", help_values=dict(course=labels("course"),
                                                   normal=labels("normal")))
        for col, key in zip((c2, c3, c4), ("net_seed", "net_loss", "net_bias")):
            with col:
                SPEC.draw(key)
        if SPEC.draw("net_mix"):
            for k, col in zip(range(1, layers + 1), st.columns(3)):
                with col:
                    SPEC.draw(f"net_mix{k}")


def capped(budget: net.TrainPlan) -> None:
    """Say so when the request's work budget (core) trains fewer epochs than asked."""
    if budget.reduced:
        st.caption(t("network.epochs_capped", asked=count(budget.asked),
                     used=count(budget.epochs)))


def compare_notices(plan) -> None:
    """What the page changed in the asked set-up, and why."""
    if plan.course_fallback:
        st.caption(t("network.course_fallback", sizes=COURSE_SIZES))
    if plan.bce_fallback:
        st.warning(t("network.bce_needs_sigmoid"))
    if plan.too_many:
        st.info(t("network.too_many", k=MAX_COMPARE, names=", ".join(map(name, plan.chosen))))
    if plan.refused:
        st.warning(t("network.formula_too_costly", n=count(plan.n)))
    if plan.budget is not None:
        capped(plan.budget)


def epoch_index(plan, at) -> int:
    """The snapshot shown: the epoch control's value (the last epoch by default, and again
    whenever the trained set-up changes), snapped to the nearest epoch kept (and the link
    then names that epoch)."""
    last = int(at[-1])
    if st.session_state.get("_al_net_run", plan.key) != plan.key:
        st.session_state["net_at"] = last
    st.session_state["_al_net_run"] = plan.key
    value = int(SPEC.draw("net_at", default=last))
    k = int(np.argmin(np.abs(np.asarray(at) - value)))
    if int(at[k]) != value:  # (the next run leaves the last epoch, the default, out)
        st.session_state["net_at"] = int(at[k])
        st.query_params["net_at"] = str(int(at[k]))
    return k


def show_compare(plan, X, y, results: list[dict], picture, below) -> None:
    """The decision maps over the training curves at the epoch shown, the verdict under them,
    then the table."""
    target = net.target_loss(plan.loss)
    timeline = say.map_timeline(results)
    texts = TimelineTexts(t("network.epoch_axis"),
                          t("network.loss_axis", loss=LOSS_FORMULAS[plan.loss]),
                          t("network.map_scale"), (t("network.class0"), t("network.class1")),
                          t("network.legend_out", out=name(plan.layer_acts[0][-1])))
    with picture:
        k = epoch_index(plan, timeline.epochs)
        losses = [r["losses"] for r in results]
        scrub = timeline_scrub(timeline, losses, k, LOOK, True, "net_at", t("network.at"))
        chart(timeline_figure([r["label"] for r in results], losses, timeline, k, X, y, LOOK,
                              texts), "net_loss", scrubs=[scrub])
        st.caption(f"**{t('network.maps')}** · "
                   + t("network.maps_help", half=say.num(net.DECISION_THRESHOLD)))
        data_label = widgets.Labels("network.opt.data", SPEC["net_data"].options)
        st.markdown(say.compare_summary(results, target, plan.epochs, data_label(plan.data),
                                        plan.sizes))
    xor_table = plan.data == "xor" and plan.n == 4 and plan.noise == 0
    with below:
        st.subheader(t("network.compare.title"))
        st.markdown(t("network.compare.intro"))
        st.dataframe(say.compare_table(results, target, xor_table), hide_index=True,
                     width="stretch")
        show_code(net.train, net._sample_update, net.train_timeline)


@guarded
def compare_section() -> None:
    """Section 1, the page's main picture: train the chosen activations on the same data and
    initial weights; the curves with the decision maps beside the primary controls (above it on
    a phone; in classroom mode below it), the verdict under the picture, then the table."""
    ctrl, picture, lesson_box = picture_layout(1, 2.6)
    more, below = st.container(), st.container()
    with ctrl:
        mine = primary_controls()
        notices = st.container()
    with more:
        more_controls()
    s = SPEC.settings()
    if not s["net_acts"] and not s["net_mix"]:
        notices.info(t("network.none"))
        return
    plan = runs.plan_compare(s, mine)
    with notices:
        compare_notices(plan)
    if not plan.layer_acts:  # only "f(x)" was chosen, and its formula is unusable or too costly
        return
    with picture:  # the progress bar stands where the picture will be
        X, y, results = runs.compare_runs(plan)
    with lesson_box:
        lesson.bar("network")  # after the training above: the step's numbers are stored
    show_compare(plan, X, y, results, picture, below)


@st.fragment
@guarded
@unless_concealed("network", "outputs")
def output_section() -> None:
    """Section 2: sigmoid or ReLU at the output of the course's XOR network, side by side."""
    st.subheader(t("network.oc.title"))
    st.markdown(t("network.oc.intro", sizes=COURSE_SIZES, lr=say.num(net.COURSE_LR)))
    with st.columns(3)[0]:
        asked = SPEC.draw("net_oc_epochs")
    budget, labels, results = runs.output_runs(asked)
    capped(budget)
    epochs = budget.epochs
    target = net.target_loss("mse")
    chart(loss_figure(labels, [r["losses"] for r in results], LOOK, t("network.epoch_axis"),
                      t("network.loss_axis", loss=LOSS_FORMULAS["mse"])), "net_oc_loss")
    st.dataframe(say.output_table(runs.OUT_PAIRS, results, target), hide_index=True,
                 width="stretch")
    lines = say.output_lines(labels, results, target, epochs)
    st.markdown("\n".join(f"- {line}" for line in lines))
    st.markdown(say.output_summary(labels, results, epochs))
    st.markdown(t("network.oc.note"))


def move(key: str, delta: int, last: int) -> None:
    """Button callback: one stage forward or back (kept within 1..last)."""
    st.session_state[key] = min(last, max(1, int(st.session_state.get(key, 1)) + delta))


def step_controls() -> tuple[str, int]:
    """The example, the back/next buttons and the stage slider in one row (so the drawn
    network fits under them at 1280×720); returns (example, position)."""
    c0, c1, c2, c3 = st.columns([3, 1.3, 1.3, 3], vertical_alignment="bottom")
    with c0:
        example = SPEC.draw("net_ex")
    key = f"net_pos_{example}"
    last = SPEC[key].hi
    with c3:
        pos = SPEC.draw(key)
    with c1:
        st.button(t("network.step.back"), on_click=move, args=(key, -1, last),
                  key=f"{key}_back", width="stretch", icon=":material/arrow_back:")
    with c2:
        st.button(t("network.step.next"), on_click=move, args=(key, 1, last),
                  key=f"{key}_next", width="stretch", icon=":material/arrow_forward:",
                  type="primary")
    return example, pos


@st.fragment
@guarded
def step_section() -> None:
    """Section 3: one backpropagation update, stage by stage, on a drawn network."""
    st.subheader(t("network.step.title"))
    st.markdown(t("network.step.intro"))
    example, pos = step_controls()
    traces = runs.example_traces(example)
    (sample, stage_i), unknown = divmod(pos - 1, len(STAGES)), concealed("network", "pass")
    stage, tr = STAGES[stage_i], traces[sample]   # unknown: a question asks for the units' values
    # in the lecture view the drawn network gets the whole width, its words under it
    left, right = (st.container(), st.container()) if lecture() else st.columns([5, 4])
    with left:
        lesson.bar("network", "step")
        chart(network_figure(say.diagram(tr, stage, unknown), LOOK), "net_diagram")
    with right:
        where = say.where_text(example, tr, sample, EXAMPLE_SAMPLES[example])
        st.markdown(f"**{t(f'network.stage.{stage}')}**  \n{where}\n\n"
                    + t(f"network.stage.{stage}.text"))
        if unknown:
            concealed("network", "pass", note=True)
        elif stage == "update":
            st.markdown(t("network.step.update_rule", lr=say.num(tr.lr)))
            st.dataframe(say.update_table(tr), hide_index=True, width="stretch")
        else:
            st.markdown("\n".join(f"- {line}" for line in say.stage_lines(tr, stage)))
    show_code(net._sample_update)


@st.fragment
@guarded
@unless_concealed("network", "linear")
def linear_section() -> None:
    """Section 4: identity activations keep the decision boundary straight at any depth;
    non-linear ones bend it, some in fewer epochs than others."""
    st.subheader(t("network.lin.title"))
    st.markdown(t("network.lin.intro"))
    c1, c2, c3 = st.columns([1, 2, 1])
    with c1:
        depth = SPEC.draw("net_lin_depth")
    with c2:
        others = SPEC.draw("net_lin_acts")
    with c3:
        asked = SPEC.draw("net_lin_epochs")
    acts = ["identity"] + [a for a in others if a != "identity"]
    budget, X, y, results = runs.linear_runs(depth, acts, asked)
    capped(budget)
    epochs = budget.epochs
    panels = [MapPanel(f"{name(a)} × {depth} · {say.percent(r['acc'], 0)}", r["xs"], r["ys"],
                       r["Z"]) for a, r in zip(acts, results)]
    chart(boundary_figure(panels, X, y, LOOK, t("network.map_scale"),
                          (t("network.class0"), t("network.class1"))), "net_linear")
    target = net.target_loss("mse")
    st.markdown(t("network.lin.setup", n=runs.LIN["n"], lr=say.num(runs.LIN["lr"]),
                  epochs=count(epochs), sep=say.percent(net.SEPARATED_ACCURACY, 0)))
    lines = say.linear_lines(acts, results, target, epochs)
    st.markdown("\n".join(f"- {line}" for line in lines))
    fastest = say.linear_fastest(acts, results, target)
    if fastest:
        st.markdown(fastest)


header("network")
compare_section()
st.divider()
output_section()
st.divider()
step_section()
st.divider()
linear_section()
SPEC.finish()
