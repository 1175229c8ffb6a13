"""Zig-zag page: why a non-zero-centred activation (all-positive inputs) slows learning."""

from __future__ import annotations

import numpy as np
import pandas as pd
import streamlit as st

from core import zigzag as zz
from core.activations import ACTIVATIONS
from core.properties import properties
from ui import lesson, shell, widgets
from ui.figures.zigzag import (MAX_FRAMES, PLAY_SPAN, distance_figure, perceptron_figure,
                               planes_figure)
from ui.i18n import t
from ui.page import chart, fmt, header, look, main_columns, secondary, show_code

shell.ensure()
LOOK = look()
lesson.apply("zigzag")  # a lesson step's controls, before any widget

IDS = list(ACTIVATIONS)
BATCHES = (1, 2, 4, 8, 16, 32, 64)
BATCH_TABLE = (1, 4, 16, 64)
LR_MAX, W_MAX = 3.0, 5.0
DEFAULTS = {
    "zz_a": "sigmoid", "zz_b": "tanh",
    "zz_w01": zz.DEFAULT_W0[0], "zz_w02": zz.DEFAULT_W0[1],
    "zz_ws1": zz.DEFAULT_W_STAR[0], "zz_ws2": zz.DEFAULT_W_STAR[1],
    "zz_lr": zz.DEFAULT_LR, "zz_n": zz.DEFAULT_STEPS, "zz_bs": 1, "zz_seed": 0,
    "zz_eps": zz.DEFAULT_EPS, "zz_zs": 1.0, "zz_t": 0,
}
P_W0, P_LR, P_EPOCHS = (0.5, -0.5), 0.2, 30
TABLE_ROWS = 4       # samples of a mini-batch listed in the step table
PERC_ROWS = 200      # rows of the perceptron update table


def name(act_id: str) -> str:
    """Language-neutral display name (what the URL stores)."""
    return ACTIVATIONS[act_id].name


def signed(v: float, digits: int = 3) -> str:
    """A number with an explicit sign for the tables: +0.123, −0.045, 0."""
    if v == 0:
        return "0"
    return ("+" if v > 0 else "−") + fmt(abs(float(v)), digits)


def pct(share: float | None) -> str:
    """A share as a percentage (at most 3 significant digits)."""
    return "—" if share is None else fmt(100 * share, 3) + "%"


def pattern(du: np.ndarray) -> str:
    """(+,+) / (−,−) / (+,−) / (−,+), 0 for a zero component."""
    s = {1.0: "+", -1.0: "−", 0.0: "0"}
    return f"({s[float(np.sign(du[0]))]},{s[float(np.sign(du[1]))]})"


def quad(q: int) -> str:
    """A quadrant's name in the current language (I … IV / 1 … 4); — for an axis."""
    return t(f"zigzag.q{q}") if q else "—"


def need_word(sign: float) -> str:
    """What a weight has to do to reach w*."""
    return t({1.0: "zigzag.need_rise", -1.0: "zigzag.need_fall"}.get(float(sign),
                                                                      "zigzag.need_stay"))


def md(text: str) -> None:
    """st.markdown with the w* of the texts escaped (two stars would otherwise turn italic)."""
    st.markdown(text.replace("w*", "w\\*"))


@st.cache_data(max_entries=64, show_spinner=False)
def run_cached(act: str, w0: tuple, ws: tuple, lr: float, steps: int, batch: int, seed: int,
               zs: float) -> zz.ZigzagRun:
    """zz.simulate, cached per set-up."""
    return zz.simulate(act, w0, ws, lr, steps, batch_size=batch, seed=seed, z_scale=zs)


@st.cache_data(max_entries=64, show_spinner=False)
def zero_centred(act: str) -> bool:
    """Whether core.properties finds the activation zero-centred (odd, both signs)."""
    return properties(act).zero_centred == "yes"


# ------------------------------------------------------------------------- set-up


def default_step(run: zz.ZigzagRun, eps: float) -> int:
    """The step the page opens at when the URL names none: where the left run first gets within
    ε of w* (core's steps_to_reach), so the whole zig-zag is drawn at once; the last step if it
    never does."""
    reach = zz.summarize(run, eps).steps_to_reach
    return run.steps if reach is None else int(reach)


def _restore_defaults() -> None:
    for key, value in DEFAULTS.items():
        st.session_state[key] = value
    left = run_cached(DEFAULTS["zz_a"], zz.DEFAULT_W0, zz.DEFAULT_W_STAR, zz.DEFAULT_LR,
                      zz.DEFAULT_STEPS, 1, 0, 1.0)
    st.session_state["zz_t"] = default_step(left, zz.DEFAULT_EPS)


def primary_controls() -> dict:
    """The set-up widgets beside the picture: the two activations (side by side where they fit:
    a phone), and the learning rate."""
    with st.container(horizontal=True, gap="small"):
        a = widgets.select(t("zigzag.act_a"), "zz_a", IDS, "sigmoid", fmt=name,
                           help=t("zigzag.act_help"), width=160)
        b = widgets.select(t("zigzag.act_b"), "zz_b", IDS, "tanh", fmt=name,
                           help=t("zigzag.act_help"), width=160)
    lr = widgets.slider(t("zigzag.lr"), "zz_lr", 0.01, LR_MAX, zz.DEFAULT_LR, step=0.01)
    return dict(a=a, b=b, lr=float(lr))


def setup_controls() -> dict:
    """The secondary set-up widgets (all URL-bound, folded below the picture); returns the
    chosen values."""
    with secondary("common.more_controls"):
        c1, c2, c3 = st.columns(3)
        with c1:
            steps = widgets.slider(t("zigzag.steps"), "zz_n", 10, zz.MAX_STEPS,
                                   zz.DEFAULT_STEPS, step=10)
        with c2:
            w01 = widgets.number(f"{t('zigzag.w0')} · w₁", "zz_w01", -W_MAX, W_MAX,
                                 zz.DEFAULT_W0[0], step=0.1)
            w02 = widgets.number(f"{t('zigzag.w0')} · w₂", "zz_w02", -W_MAX, W_MAX,
                                 zz.DEFAULT_W0[1], step=0.1)
        with c3:
            ws1 = widgets.number(f"{t('zigzag.wstar')} · w₁", "zz_ws1", -W_MAX, W_MAX,
                                 zz.DEFAULT_W_STAR[0], step=0.1)
            ws2 = widgets.number(f"{t('zigzag.wstar')} · w₂", "zz_ws2", -W_MAX, W_MAX,
                                 zz.DEFAULT_W_STAR[1], step=0.1)
        d1, d2, d3, d4 = st.columns(4)
        with d1:
            batch = widgets.select(t("zigzag.batch"), "zz_bs", BATCHES, 1,
                                   help=t("zigzag.batch_help"))
        with d2:
            eps = widgets.slider(t("zigzag.eps"), "zz_eps", 0.01, 0.5, zz.DEFAULT_EPS,
                                 step=0.01, help=t("zigzag.eps_help"))
        with d3:
            seed = widgets.number(t("zigzag.seed"), "zz_seed", 0, 9999, 0, step=1)
        with d4:
            zs = widgets.slider(t("zigzag.zscale"), "zz_zs", 0.1, 5.0, 1.0, step=0.1)
        st.button(t("zigzag.reset_setup"), on_click=_restore_defaults, key="zz_restore")
    return dict(steps=int(steps), w0=(float(w01), float(w02)), ws=(float(ws1), float(ws2)),
                batch=int(batch), eps=float(eps), seed=int(seed), zs=float(zs))


# ------------------------------------------------------------------------- step view


def _shift_t(delta: int, steps: int) -> None:
    st.session_state["zz_t"] = int(min(max(st.session_state.get("zz_t", 0) + delta, 0), steps))


def _set_t(value: int) -> None:
    st.session_state["zz_t"] = int(value)


def step_rows(rep: zz.StepReport, label: str) -> list[dict]:
    """Rows of the live table for one run: one per sample (≤ TABLE_ROWS) and, for a
    mini-batch, a row with the averaged update that is actually applied."""
    rows = []
    batch = len(rep.deltas)
    quads = ", ".join(quad(q) for q in rep.allowed) or "—"
    for i in range(min(batch, TABLE_ROWS)):
        x, du = rep.inputs[i], rep.sample_updates[i]
        rows.append({
            t("zigzag.col_run"): label, t("zigzag.col_sample"): str(i + 1),
            "x₁": signed(x[0]), "x₂": signed(x[1]), "δ": signed(rep.deltas[i]),
            "Δw₁": signed(du[0]), "Δw₂": signed(du[1]),
            t("zigzag.col_pattern"): pattern(du), t("zigzag.col_quads"): quads,
        })
    if batch > 1:
        rows.append({
            t("zigzag.col_run"): label, t("zigzag.col_sample"): t("zigzag.mean_row", b=batch),
            "x₁": "", "x₂": "", "δ": "", "Δw₁": signed(rep.update[0]),
            "Δw₂": signed(rep.update[1]), t("zigzag.col_pattern"): pattern(rep.update),
            t("zigzag.col_quads"): "",
        })
    return rows


def wrong_phrase(rep: zz.StepReport) -> str:
    """Which weights this update pushes away from w*."""
    if not (np.abs(rep.update) > 1e-12).any():  # rounding noise is no change
        return t("zigzag.wrong_zero")
    if rep.wrong.all():
        return t("zigzag.wrong_both")
    if rep.wrong.any():
        return t("zigzag.wrong_one", i="₁" if rep.wrong[0] else "₂")
    return t("zigzag.wrong_none")


def step_sentence(rep: zz.StepReport, label: str, lr: float) -> str:
    """One sentence with this step's numbers."""
    du = rep.update
    if not rep.need.any():  # at w*: δ is rounding noise and the update changes nothing
        return t("zigzag.now_sentence_reached", name=label)
    if len(rep.deltas) > 1:
        text = t("zigzag.now_sentence_batch", name=label, b=len(rep.deltas), dw1=signed(du[0]),
                 dw2=signed(du[1]), pattern=pattern(du), wrong=wrong_phrase(rep),
                 need1=need_word(rep.need[0]), need2=need_word(rep.need[1]))
        if rep.left_allowed:
            text += " " + t("zigzag.batch_left", quads=", ".join(quad(q) for q in rep.allowed))
        return text
    x = rep.inputs[0]
    common = dict(name=label, x1=signed(x[0]), x2=signed(x[1]), delta=signed(rep.deltas[0]),
                  lr=fmt(lr, 3), dw1=signed(du[0]), dw2=signed(du[1]),
                  need1=need_word(rep.need[0]), need2=need_word(rep.need[1]),
                  wrong=wrong_phrase(rep))
    if rep.inputs_mixed_sign[0]:
        return t("zigzag.now_sentence_mixed", **common)
    if rep.update_class in (zz.PP, zz.MM):
        direction = t("zigzag.both_up" if rep.update_class == zz.PP else "zigzag.both_down")
        return t("zigzag.now_sentence_same", dir=direction, **common)
    return t("zigzag.now_sentence_axis", **common)


@st.fragment
def step_view() -> dict:
    """The page's main picture with its primary controls: the two activations, the learning
    rate, the step buttons, Play and the step slider beside the two planes (directly above them
    on a phone, below them in classroom mode so that the planes fill the projected screen), the
    verdict under the planes, then the folded set-up and this step's numbers.

    A fragment: stepping reruns only this part of the page; a new set-up reruns the whole page
    (the comparison below must follow it). Returns the set-up (on full runs)."""
    if LOOK.classroom:      # the projected planes first, all controls right under them
        picture, controls = st.container(), st.container()
        with picture:
            lesson_box = st.container()
    else:
        controls, picture = main_columns(1.05, 3)
        with controls:
            lesson_box = st.container()
    with controls:
        notices = st.container()
        buttons = st.container()      # stepping first, then the set-up
        stepper = st.container()
        cfg = primary_controls()
    cfg.update(setup_controls())
    setup = tuple(sorted((k, str(v)) for k, v in cfg.items()))
    if not st.session_state.get("_zz_full_run") and \
            st.session_state.get("_zz_setup", setup) != setup:
        st.rerun(scope="app")
    st.session_state["_zz_setup"] = setup
    eps = cfg["eps"]
    labels = [name(cfg["a"]), name(cfg["b"])]
    runs = [run_cached(cfg[key], cfg["w0"], cfg["ws"], cfg["lr"], cfg["steps"], cfg["batch"],
                       cfg["seed"], cfg["zs"]) for key in ("a", "b")]
    sums = [zz.summarize(r, eps) for r in runs]
    reach = [s.steps_to_reach for s in sums]
    steps = runs[0].steps
    opening = default_step(runs[0], eps)
    if st.session_state.get("zz_t", 0) > steps:
        st.session_state["zz_t"] = steps
    with notices:
        if cfg["w0"] == cfg["ws"]:
            st.warning(t("zigzag.same_points"))
        for r, lab in zip(runs, labels):
            if r.diverged_at is not None:
                st.error(t("zigzag.diverged", name=lab, step=r.diverged_at))
    with buttons:
        st.markdown(f"**{t('zigzag.controls')}**")
        with st.container(horizontal=True, gap="small"):
            st.button(t("zigzag.back"), on_click=_shift_t, args=(-1, steps), key="zz_back")
            st.button(t("zigzag.fwd"), on_click=_shift_t, args=(1, steps), key="zz_fwd",
                      type="primary")
            st.button(t("zigzag.reset"), on_click=_set_t, args=(0,), key="zz_reset")
            st.button(t("zigzag.jump"), on_click=_set_t, args=(reach[0] or 0,), key="zz_jump",
                      disabled=reach[0] is None)
            play = widgets.toggle(t("zigzag.play"), "zz_play", False,
                                  help=t("zigzag.play_help"))
    with stepper:
        k = int(widgets.slider(t("zigzag.t"), "zz_t", 0, steps, opening, step=1))
    done = [r for r in reach if r is not None]
    end = min(steps, max(done) + 5) if len(done) == len(reach) else steps
    # Play runs the zig-zag from its start when the chart shows the opening view (the whole
    # path up to the reach step), else from the current step as before
    start = 0 if k == opening else k
    end = max(min(end, start + PLAY_SPAN), k)
    titles = [t("zigzag.panel", name=lab) for lab in labels]
    with lesson_box:
        lesson.bar("zigzag")
    with picture:
        fig = planes_figure(runs, titles, k, eps, LOOK, play_until=end if play else None,
                            play_from=start)
        chart(fig, "zz_planes")
        if play and end > start:
            st.caption(t("zigzag.play_hint", t=start, end=end,
                         frames=min(MAX_FRAMES, end - start + 1)))
        md(verdict(labels, sums, eps, steps))
        with st.expander(t("zigzag.legend_title"), expanded=False):
            md(t("zigzag.legend_body"))

    st.subheader(t("zigzag.now", t=k))
    if k >= steps:
        st.info(t("zigzag.end_of_run", t=k))
        return cfg
    reports = [zz.step_report(r, k) for r in runs]
    rows = [row for rep, lab in zip(reports, labels) for row in step_rows(rep, lab)]
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")
    for run, rep, lab in zip(runs, reports, labels):
        text = step_sentence(rep, lab, run.lr)
        dist = float(zz.distances(run)[k])
        if dist < eps:
            text += " " + t("zigzag.inside_eps", d=fmt(dist, 3), eps=fmt(eps))
        md(text)
    return cfg


# ------------------------------------------------------------------------- comparisons


def reach_text(s: zz.RunSummary, steps: int) -> str:
    """Steps to reach ε, or a 'not within n steps' phrase."""
    return str(s.steps_to_reach) if s.steps_to_reach is not None else t("zigzag.never", n=steps)


def ratio_text(r: float | None) -> str:
    """A ratio like 3.44×."""
    return "—" if r is None else t("zigzag.times", r=fmt(r, 3))  # 3.44× / 3.44배


def compare_table(runs: list[zz.ZigzagRun], sums: list[zz.RunSummary], labels: list[str],
                  steps: int) -> None:
    """The measured comparison of the two runs."""
    rows = [
        ("zigzag.m_reach", [reach_text(s, steps) for s in sums]),
        ("zigzag.m_length", [fmt(s.path_length, 4) for s in sums]),
        ("zigzag.m_straight", [fmt(s.straight_distance, 4) for s in sums]),
        ("zigzag.m_ratio", [ratio_text(s.detour_ratio) for s in sums]),
        ("zigzag.m_same", [pct(s.same_sign_share) for s in sums]),
        ("zigzag.m_inputs", [pct(zz.same_sign_input_share(r)) for r in runs]),
        ("zigzag.m_final", [fmt(s.final_distance, 3) for s in sums]),
    ]
    table = {t("zigzag.metric"): [t(key) for key, _ in rows]}
    for i, lab in enumerate(labels):
        table[lab] = [values[i] for _, values in rows]
    st.dataframe(pd.DataFrame(table), hide_index=True, width="stretch")
    st.caption(t("zigzag.ratio_note"))


def verdict(labels: list[str], sums: list[zz.RunSummary], eps: float, steps: int) -> str:
    """The sentence comparing the two runs, with their numbers."""
    (sa, sb), (a, b) = sums, labels
    if sa.steps_to_reach is not None and sa.steps_to_reach == sb.steps_to_reach:
        return t("zigzag.verdict_tie", a=a, b=b, s=sa.steps_to_reach, eps=fmt(eps),
                 la=fmt(sa.path_length, 3), lb=fmt(sb.path_length, 3),
                 d=fmt(sa.straight_distance, 3), ra=ratio_text(sa.detour_ratio),
                 rb=ratio_text(sb.detour_ratio), pa=pct(sa.same_sign_share),
                 pb=pct(sb.same_sign_share))
    if sa.steps_to_reach is not None and sb.steps_to_reach is not None:
        a_slower = sa.steps_to_reach >= sb.steps_to_reach
        slow, fast = (sa, sb) if a_slower else (sb, sa)
        ratio = zz.speedup(slow.steps_to_reach, fast.steps_to_reach)
        return t("zigzag.verdict_both", a=a, b=b, sa=sa.steps_to_reach, sb=sb.steps_to_reach,
                 eps=fmt(eps), ratio=fmt(ratio, 3) if ratio else "∞",
                 fast=b if a_slower else a, la=fmt(sa.path_length, 3),
                 lb=fmt(sb.path_length, 3), d=fmt(sa.straight_distance, 3),
                 ra=ratio_text(sa.detour_ratio), rb=ratio_text(sb.detour_ratio),
                 pa=pct(sa.same_sign_share), pb=pct(sb.same_sign_share))
    if sa.steps_to_reach is None and sb.steps_to_reach is None:
        return t("zigzag.verdict_none", eps=fmt(eps), n=steps, da=fmt(sa.final_distance, 3),
                 db=fmt(sb.final_distance, 3))
    done, other, who = (sa, sb, a) if sa.steps_to_reach is not None else (sb, sa, b)
    return t("zigzag.verdict_partial", n=steps, who=who, eps=fmt(eps), s=done.steps_to_reach,
             left=fmt(other.final_distance, 3))


def why_section(runs: list[zz.ZigzagRun], labels: list[str]) -> None:
    """The explanation, with this run's input shares and the eigenvalues of its loss bowl."""
    locked = any(zz.mixed_input_share(run) == 0 for run in runs)
    st.subheader(t("zigzag.why" if locked else "zigzag.why_free"))
    r0 = runs[0]
    need, qneed = zz.needed_direction(r0)
    for run, lab in zip(runs, labels):
        q = zz.input_quadrant_shares(run)
        mixed = zz.mixed_input_share(run)
        if mixed == 0:
            md(t("zigzag.why_body", name=lab, q1=pct(q[1]), q3=pct(q[3]), q0=pct(q[0]),
                          w01=fmt(r0.w0[0], 3), w02=fmt(r0.w0[1], 3), ws1=fmt(r0.w_star[0], 3),
                          ws2=fmt(r0.w_star[1], 3), n1=need_word(need[0]),
                          n2=need_word(need[1]), qneed=quad(qneed)))
            if qneed in (2, 4):
                md(t("zigzag.why_blocked", q=quad(qneed)))
            elif qneed in (1, 3):
                md(t("zigzag.why_easy", q=quad(qneed)))
        elif zero_centred(run.activation):
            md(t("zigzag.why_centred", name=lab, mixed=pct(mixed)))
        else:
            md(t("zigzag.why_both_signs", name=lab, mixed=pct(mixed)))
    md(t("zigzag.why_valley_intro"))
    for run, lab in zip(runs, labels):
        v = zz.valley(run)
        md(t("zigzag.why_valley_row", name=lab, big=fmt(v.big, 3), small=fmt(v.small, 3),
                      ratio=fmt(v.ratio, 3) if v.ratio else "∞", v1=fmt(float(v.flat[0]), 2),
                      v2=fmt(float(v.flat[1]), 2)))


def batch_section(cfg: dict, labels: list[str]) -> None:
    """Both set-ups rerun at several batch sizes: what averaging changes and what it does not."""
    st.subheader(t("zigzag.batch_title"))
    md(t("zigzag.batch_body"))
    sums, runs = {}, {}
    for bsz in BATCH_TABLE:
        for key in ("a", "b"):
            runs[(key, bsz)] = run_cached(cfg[key], cfg["w0"], cfg["ws"], cfg["lr"],
                                          cfg["steps"], bsz, cfg["seed"], cfg["zs"])
            sums[(key, bsz)] = zz.summarize(runs[(key, bsz)], cfg["eps"])
    table: dict[str, list[str]] = {t("zigzag.metric"): []}
    for bsz in BATCH_TABLE:
        table[t("zigzag.batch_col", b=bsz)] = []
    measures = (("zigzag.b_reach", lambda s: reach_text(s, cfg["steps"])),
                ("zigzag.b_ratio", lambda s: ratio_text(s.detour_ratio)),
                ("zigzag.b_same", lambda s: pct(s.same_sign_share)))
    for key, lab in (("a", labels[0]), ("b", labels[1])):
        for mkey, show in measures:
            table[t("zigzag.metric")].append(f"{lab} · {t(mkey)}")
            for bsz in BATCH_TABLE:
                table[t("zigzag.batch_col", b=bsz)].append(show(sums[(key, bsz)]))
    st.dataframe(pd.DataFrame(table), hide_index=True, width="stretch")
    st.caption(t("zigzag.ratio_note"))
    big = BATCH_TABLE[-1]
    s1, smax, sb = sums[("a", BATCH_TABLE[0])], sums[("a", big)], sums[("b", big)]
    if None in (s1.steps_to_reach, smax.steps_to_reach, sb.steps_to_reach):
        md(t("zigzag.batch_sentence_none", n=cfg["steps"]))
        return
    text = t("zigzag.batch_sentence", a=labels[0], b1=BATCH_TABLE[0],
             r1=ratio_text(s1.detour_ratio),
             s1=pct(s1.same_sign_share), bmax=big, rmax=ratio_text(smax.detour_ratio),
             smax=pct(smax.same_sign_share))
    steps = dict(a=labels[0], b=labels[1], n1=s1.steps_to_reach, nmax=smax.steps_to_reach,
                 nb=sb.steps_to_reach, bmax=big)
    if zz.similar_steps(s1.steps_to_reach, smax.steps_to_reach):
        va, vb = zz.valley(runs[("a", BATCH_TABLE[0])]), zz.valley(runs[("b", BATCH_TABLE[0])])
        text += " " + t("zigzag.batch_steps_same", **steps) + " " + t(
            "zigzag.batch_cause", a=labels[0], b=labels[1],
            ra=fmt(va.ratio, 3) if va.ratio else "∞", rb=fmt(vb.ratio, 3) if vb.ratio else "∞")
    else:
        text += " " + t("zigzag.batch_steps_changed", **steps)
    md(text)


# ------------------------------------------------------------------------- perceptron


@st.cache_data(max_entries=32, show_spinner=False)
def perceptron_cached(w0: tuple, lr: float, epochs: int) -> zz.PerceptronRun:
    """zz.perceptron, cached."""
    return zz.perceptron(w0, lr, epochs)


@st.fragment
def perceptron_section() -> None:
    """The course's four samples with the perceptron rule (its own fragment)."""
    st.subheader(t("zigzag.perc", n=len(zz.PERCEPTRON_X)))
    samples = ", ".join(f"({fmt(float(x[0]))}, {fmt(float(x[1]))})→{int(y)}"
                        for x, y in zip(zz.PERCEPTRON_X, zz.PERCEPTRON_T))
    md(t("zigzag.perc_body", samples=samples, n=len(zz.PERCEPTRON_X)))
    c1, c2, c3, c4 = st.columns(4)
    with c1:
        pw1 = widgets.number(f"{t('zigzag.perc_w0')} · w₁", "zz_pw1", -W_MAX, W_MAX, P_W0[0],
                             step=0.1)
    with c2:
        pw2 = widgets.number(f"{t('zigzag.perc_w0')} · w₂", "zz_pw2", -W_MAX, W_MAX, P_W0[1],
                             step=0.1)
    with c3:
        plr = widgets.slider(t("zigzag.perc_lr"), "zz_plr", 0.01, 2.0, P_LR, step=0.01)
    with c4:
        pep = widgets.slider(t("zigzag.perc_epochs"), "zz_pep", 1, 200, P_EPOCHS)
    p = perceptron_cached((float(pw1), float(pw2)), float(plr), int(pep))
    n = len(p.updates)
    if st.session_state.get("zz_pk", n) > n:
        st.session_state["zz_pk"] = n
    k = int(widgets.slider(t("zigzag.perc_k"), "zz_pk", 0, n, n, step=1))
    k = min(k, n)
    chart(perceptron_figure(p, k, LOOK), "zz_perc")
    s = zz.perceptron_summary(p)
    f1, f2 = fmt(float(s.final[0]), 3), fmt(float(s.final[1]), 3)
    clean = (t("zigzag.perc_clean", e=s.clean_epoch, f1=f1, f2=f2, n=len(zz.PERCEPTRON_X))
             if s.clean_epoch is not None else t("zigzag.perc_not_clean", e=pep, f1=f1, f2=f2))
    md(t("zigzag.perc_sentence", w01=fmt(pw1, 3), w02=fmt(pw2, 3), lr=fmt(plr, 3),
                  n=s.presentations, moved=s.moved, same=s.same, clean=clean,
                  length=fmt(s.length, 3), straight=fmt(s.straight, 3),
                  ratio=ratio_text(s.ratio)))
    shown = min(n, PERC_ROWS)
    rows = [{
        t("zigzag.p_k"): i + 1, t("zigzag.p_epoch"): i // 4 + 1,
        "x₁": fmt(float(p.inputs[i, 0])), "x₂": fmt(float(p.inputs[i, 1])),
        t("zigzag.p_target"): int(p.targets[i]), "w·x": signed(p.net[i], 4),
        t("zigzag.p_out"): int(p.outputs[i]), t("zigzag.p_error"): int(p.errors[i]),
        "Δw₁": signed(p.updates[i, 0], 4), "Δw₂": signed(p.updates[i, 1], 4),
        t("zigzag.col_pattern"): pattern(p.updates[i]),
        "w₁": fmt(float(p.path[i + 1, 0]), 4), "w₂": fmt(float(p.path[i + 1, 1]), 4),
    } for i in range(shown)]
    with st.expander(t("zigzag.perc_table", n=shown), expanded=False):
        st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch", height=360)
    show_code(zz.perceptron)


# ------------------------------------------------------------------------- page

header("zigzag")
st.session_state["_zz_full_run"] = True
cfg = step_view()
st.session_state["_zz_full_run"] = False
labels = [name(cfg["a"]), name(cfg["b"])]
runs = [run_cached(cfg[key], cfg["w0"], cfg["ws"], cfg["lr"], cfg["steps"], cfg["batch"],
                   cfg["seed"], cfg["zs"]) for key in ("a", "b")]
sums = [zz.summarize(r, cfg["eps"]) for r in runs]
with st.expander(t("zigzag.model"), expanded=False):
    md(t("zigzag.model_body", batch=cfg["batch"], zs=fmt(cfg["zs"]), seed=cfg["seed"]))
show_code(zz.simulate, zz.allowed_quadrants)

st.subheader(t("zigzag.compare"))
compare_table(runs, sums, labels, cfg["steps"])
md(f"**{t('zigzag.distance')}**")
chart(distance_figure(runs, labels, cfg["eps"], LOOK), "zz_dist")
why_section(runs, labels)
batch_section(cfg, labels)
perceptron_section()
