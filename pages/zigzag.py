"""Zig-zag page: why a non-zero-centred activation (all-positive inputs) slows learning."""

from __future__ import annotations

from typing import Mapping

import pandas as pd
import streamlit as st

from core import zigzag as zz
from ui import lesson, shell
from ui.controls.zigzag import SETUP, SPEC
from ui.figures.zigzag import (MAX_FRAMES, PLAY_SPAN, distance_figure, perceptron_figure,
                               planes_figure, planes_scrub, scrub_steps)
from ui.format import fmt
from ui.i18n import act_name, t
from ui.page import (call_fragment, chart, follow_setup, guarded, header, look, picture_layout,
                     secondary, show_code)
from ui.questions.conceal import concealed, unless_concealed
from ui.sentences import zigzag as say

shell.ensure()
LOOK = look()
lesson.apply("zigzag")  # a lesson step's controls, before any widget

BATCH_TABLE = (1, 4, 16, 64)


def md(text: str) -> None:
    """st.markdown with the w* of the texts escaped (two stars would otherwise turn italic)."""
    st.markdown(text.replace("w*", "w\\*"))


@st.cache_data(max_entries=64, show_spinner=False)
def run_cached(act: str, w0: tuple, ws: tuple, lr: float, steps: int, batch: int, seed: int,
               zs: float) -> zz.ZigzagRun:
    """zz.simulate, cached per set-up."""
    return zz.simulate(act, w0, ws, lr, steps, batch_size=batch, seed=seed, z_scale=zs)


def run_of(s: Mapping, side: str, batch: int | None = None) -> zz.ZigzagRun:
    """The run of one panel (side "zz_a" or "zz_b") of the set-up s (control key → value)."""
    return run_cached(s[side], (float(s["zz_w01"]), float(s["zz_w02"])),
                      (float(s["zz_ws1"]), float(s["zz_ws2"])), float(s["zz_lr"]),
                      int(s["zz_n"]), int(s["zz_bs"] if batch is None else batch),
                      int(s["zz_seed"]), float(s["zz_zs"]))


def labels_of(s: Mapping) -> list[str]:
    """The display names of the two panels' activations in the current language."""
    return [act_name(s["zz_a"]), act_name(s["zz_b"])]


def default_step(run: zz.ZigzagRun, eps: float) -> int:
    """The step the page opens at when the URL names none: where the left run first gets within
    ε of w* (core's steps_to_reach), so the whole zig-zag is drawn at once; the last step if it
    never does."""
    reach = zz.summarize(run, eps).steps_to_reach
    return run.steps if reach is None else int(reach)


def _restore_defaults() -> None:
    defaults = SPEC.defaults()
    for key in SETUP:
        st.session_state[key] = defaults[key]
    st.session_state["zz_t"] = default_step(run_of(defaults, "zz_a"), defaults["zz_eps"])


# ------------------------------------------------------------------------- step view


def setup_controls() -> dict:
    """The set-up widgets: the two activations (side by side where they fit) and the learning
    rate beside the picture, the rest folded below it. Returns control key → value."""
    with st.container(horizontal=True, gap="small"):
        values = {key: SPEC.draw(key, width=160) for key in ("zz_a", "zz_b")}
    values["zz_lr"] = SPEC.draw("zz_lr")
    with secondary("common.more_controls"):
        for column, keys in zip(st.columns(3), (("zz_n",), ("zz_w01", "zz_w02"),
                                                ("zz_ws1", "zz_ws2"))):
            with column:
                values.update({key: SPEC.draw(key) for key in keys})
        for column, key in zip(st.columns(4), ("zz_bs", "zz_eps", "zz_seed", "zz_zs")):
            with column:
                values[key] = SPEC.draw(key)
        st.button(t("zigzag.reset_setup"), on_click=_restore_defaults, key="zz_restore")
    return values


def _shift_t(delta: int, steps: int) -> None:
    st.session_state["zz_t"] = int(min(max(st.session_state.get("zz_t", 0) + delta, 0), steps))


def _set_t(value: int) -> None:
    st.session_state["zz_t"] = int(value)


def step_buttons(steps: int, reach: int | None) -> bool:
    """Back, forward, to t = 0, to the left run's reach step, and the Play switch."""
    st.markdown(f"**{t('zigzag.controls')}**")
    with st.container(horizontal=True, gap="small"):
        st.button(t("zigzag.back"), on_click=_shift_t, args=(-1, steps), key="zz_back")
        st.button(t("zigzag.fwd"), on_click=_shift_t, args=(1, steps), key="zz_fwd",
                  type="primary")
        st.button(t("zigzag.reset"), on_click=_set_t, args=(0,), key="zz_reset")
        st.button(t("zigzag.jump"), on_click=_set_t, args=(reach or 0,), key="zz_jump",
                  disabled=reach is None)
        return bool(SPEC.draw("zz_play"))


def notices(runs: list[zz.ZigzagRun], labels: list[str], s: Mapping) -> None:
    """Warnings about the set-up: start = optimum, a run that diverged."""
    if (s["zz_w01"], s["zz_w02"]) == (s["zz_ws1"], s["zz_ws2"]):
        st.warning(t("zigzag.same_points"))
    for r, lab in zip(runs, labels):
        if r.diverged_at is not None:
            st.error(t("zigzag.diverged", name=lab, step=r.diverged_at))


def play_window(k: int, opening: int, steps: int, reach: list[int | None]) -> tuple[int, int]:
    """(first, last) step of the Play animation: from the start when the chart shows the
    opening view (the whole path up to the reach step), else from the current step; to a few
    steps after both runs reached ε, at most PLAY_SPAN steps."""
    done = [r for r in reach if r is not None]
    end = min(steps, max(done) + 5) if len(done) == len(reach) else steps
    start = 0 if k == opening else k
    return start, max(min(end, start + PLAY_SPAN), k)


def step_numbers(runs: list[zz.ZigzagRun], labels: list[str], k: int, eps: float) -> None:
    """Step k in numbers: each sample's update in a table, one sentence per run."""
    st.subheader(t("zigzag.now", t=k))
    if k >= runs[0].steps:
        st.info(t("zigzag.end_of_run", t=k))
        return
    reports = [zz.step_report(r, k) for r in runs]
    rows = [row for rep, lab in zip(reports, labels) for row in say.step_rows(rep, lab)]
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")
    for run, rep, lab in zip(runs, reports, labels):
        md(say.step_text(run, rep, lab, k, eps))


@st.fragment
@guarded
def step_view() -> dict:
    """The main picture with its controls (ui.page.picture_layout), the verdict under the
    planes, the folded set-up and this step's numbers. A fragment: stepping reruns only this
    part; a new set-up reruns the whole page. Returns the set-up (control key → value)."""
    controls, picture, lesson_box = picture_layout(1.05, 3)
    with controls:
        warn, buttons = st.container(), st.container()
        s = setup_controls()
    follow_setup("zigzag", tuple(sorted((k, str(v)) for k, v in s.items())))
    labels = labels_of(s)
    runs = [run_of(s, side) for side in ("zz_a", "zz_b")]
    sums = [zz.summarize(r, s["zz_eps"]) for r in runs]
    reach = [x.steps_to_reach for x in sums]
    steps, opening = runs[0].steps, default_step(runs[0], s["zz_eps"])
    if st.session_state.get("zz_t", 0) > steps:
        st.session_state["zz_t"] = steps
    with warn:
        notices(runs, labels, s)
    with buttons:
        play = step_buttons(steps, reach[0])
    k = min(int(SPEC.draw("zz_t", default=opening)), steps)  # scrubbed on the chart
    start, end = play_window(k, opening, steps, reach)
    with lesson_box:
        lesson.bar("zigzag")
    # a question step: the later steps (the scrub's frames, the play) and the quadrants an
    # update can point into stay out of the picture until its reveal
    still, bare = concealed("zigzag", "steps"), concealed("zigzag", "quadrants")
    play = play and not still
    with picture:
        titles = [t("zigzag.panel", name=lab) for lab in labels]
        grid = scrub_steps(steps, len(runs), (k, opening, *[r for r in reach if r is not None]))
        scrub = planes_scrub(runs, grid, grid.index(k), LOOK, "zz_t", t("zigzag.t"),
                             tuple(f"t = {g}" for g in grid))
        chart(planes_figure(runs, titles, k, s["zz_eps"], LOOK, play_until=end if play else None,
                            play_from=start, view_until=steps, quadrants=not bare),
              "zz_planes", scrubs=[] if still else [scrub])
        if play and end > start:
            st.caption(t("zigzag.play_hint", t=start, end=end,
                         frames=min(MAX_FRAMES, end - start + 1)))
        if concealed("zigzag", "quadrants", note=True):
            return s
        md(say.verdict(labels, sums, s["zz_eps"], steps))
        with st.expander(t("zigzag.legend_title"), expanded=False):
            md(t("zigzag.legend_body"))
    step_numbers(runs, labels, k, s["zz_eps"])
    return s


# ------------------------------------------------------------------------- comparisons


@guarded
@unless_concealed("zigzag", "later")
def comparison(s: Mapping) -> None:
    """The model, the measured comparison of the two runs, the distance chart, why."""
    labels = labels_of(s)
    runs = [run_of(s, side) for side in ("zz_a", "zz_b")]
    sums = [zz.summarize(r, s["zz_eps"]) for r in runs]
    with st.expander(t("zigzag.model"), expanded=False):
        md(t("zigzag.model_body", batch=s["zz_bs"], zs=fmt(s["zz_zs"]), seed=int(s["zz_seed"])))
    show_code(zz.simulate, zz.allowed_quadrants)
    st.subheader(t("zigzag.compare"))
    st.dataframe(pd.DataFrame(say.compare_table(runs, sums, labels, int(s["zz_n"]))),
                 hide_index=True, width="stretch")
    st.caption(t("zigzag.ratio_note"))
    md(f"**{t('zigzag.distance')}**")
    chart(distance_figure(runs, labels, s["zz_eps"], LOOK), "zz_dist")
    st.subheader(say.why_title(runs))
    for text in say.why_texts(runs, labels):
        md(text)


@guarded
@unless_concealed("zigzag", "later")
def batch_section(s: Mapping) -> None:
    """Both set-ups rerun at several batch sizes: what averaging changes and what it does not."""
    st.subheader(t("zigzag.batch_title"))
    md(t("zigzag.batch_body"))
    labels = labels_of(s)
    sums = {(i, b): zz.summarize(run_of(s, side, b), s["zz_eps"])
            for i, side in enumerate(("zz_a", "zz_b")) for b in BATCH_TABLE}
    st.dataframe(pd.DataFrame(say.batch_table(labels, sums, BATCH_TABLE, int(s["zz_n"]))),
                 hide_index=True, width="stretch")
    st.caption(t("zigzag.ratio_note"))
    valleys = tuple(zz.valley(run_of(s, side, BATCH_TABLE[0])) for side in ("zz_a", "zz_b"))
    md(say.batch_sentence(labels, sums, valleys, BATCH_TABLE, int(s["zz_n"])))


# ------------------------------------------------------------------------- perceptron


@st.cache_data(max_entries=32, show_spinner=False)
def perceptron_cached(w0: tuple, lr: float, epochs: int) -> zz.PerceptronRun:
    """zz.perceptron, cached."""
    return zz.perceptron(w0, lr, epochs)


@st.fragment
@guarded
@unless_concealed("zigzag", "later")
def perceptron_section() -> None:
    """The course's four samples with the perceptron rule (its own fragment)."""
    st.subheader(t("zigzag.perc", n=len(zz.PERCEPTRON_X)))
    md(t("zigzag.perc_body", samples=say.perceptron_samples(), n=len(zz.PERCEPTRON_X)))
    keys = ("zz_pw1", "zz_pw2", "zz_plr", "zz_pep")
    values = {}
    for column, key in zip(st.columns(4), keys):
        with column:
            values[key] = SPEC.draw(key)
    w0 = (float(values["zz_pw1"]), float(values["zz_pw2"]))
    p = perceptron_cached(w0, float(values["zz_plr"]), int(values["zz_pep"]))
    n = len(p.updates)
    if st.session_state.get("zz_pk", n) > n:
        st.session_state["zz_pk"] = n
    k = min(int(SPEC.draw("zz_pk", hi=n, default=n)), n)
    chart(perceptron_figure(p, k, LOOK), "zz_perc")
    md(say.perceptron_sentence(p, w0, float(values["zz_plr"]), int(values["zz_pep"])))
    rows = say.perceptron_rows(p)
    with st.expander(t("zigzag.perc_table", n=len(rows)), expanded=False):
        st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch", height=360)
    show_code(zz.perceptron)


# ------------------------------------------------------------------------- page

header("zigzag")
setup = call_fragment(step_view) or SPEC.settings()
comparison(setup)
batch_section(setup)
perceptron_section()
SPEC.finish()
