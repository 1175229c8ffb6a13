"""The zig-zag page's sentences and tables: each builder takes core.zigzag's runs and summaries
and returns text (Markdown templates from ui/locales/zigzag.py with the numbers filled in) or
table rows. No Streamlit: importable by tests and lessons."""

from __future__ import annotations

import functools

import numpy as np

from core import zigzag as zz
from core.properties import properties
from ui.format import fmt, pct
from ui.i18n import t

TABLE_ROWS = 4       # samples of a mini-batch listed in the step table
PERC_ROWS = 200      # rows of the perceptron update table
SIGN = {1.0: "+", -1.0: "−", 0.0: "0"}
NO_CHANGE = 1e-12  # an update below this size is rounding noise: "no change"


def signed(v: float, digits: int = 3) -> str:
    """A number with an explicit sign for the tables: +0.123, −0.045, 0."""
    if v == 0:
        return "0"
    return ("+" if v > 0 else "−") + fmt(abs(float(v)), digits)


def pattern(du: np.ndarray) -> str:
    """(+,+) / (−,−) / (+,−) / (−,+), 0 for a zero component."""
    return f"({SIGN[float(np.sign(du[0]))]},{SIGN[float(np.sign(du[1]))]})"


def quad(q: int) -> str:
    """A quadrant's name in the current language (I … IV / 1 … 4); — for an axis."""
    return t(f"zigzag.q{q}") if q else "—"


def quads(qs) -> str:
    """A list of quadrants: "I, III"; — for none."""
    return ", ".join(quad(q) for q in qs) or "—"


def need_word(sign: float) -> str:
    """What a weight has to do to reach w*."""
    return t({1.0: "zigzag.need_rise", -1.0: "zigzag.need_fall"}.get(float(sign),
                                                                      "zigzag.need_stay"))


def ratio_text(r: float | None) -> str:
    """A ratio: 3.44× in English, 3.44배 in Korean."""
    return "—" if r is None else t("zigzag.times", r=fmt(r, 3))


def ratio_or_inf(r: float | None) -> str:
    """An eigenvalue or speed-up ratio; ∞ when there is none (a flat direction)."""
    return fmt(r, 3) if r else "∞"


def reach_text(s: zz.RunSummary, steps: int) -> str:
    """Steps to reach ε, or a 'not within n steps' phrase."""
    return str(s.steps_to_reach) if s.steps_to_reach is not None else t("zigzag.never", n=steps)


# ------------------------------------------------------------------------- one step


def step_rows(rep: zz.StepReport, label: str) -> list[dict]:
    """Rows of the live table for one run: one per sample (≤ TABLE_ROWS) and, for a
    mini-batch, a row with the averaged update that is actually applied."""
    rows = []
    batch = len(rep.deltas)
    allowed = quads(rep.allowed)
    for i in range(min(batch, TABLE_ROWS)):
        x, du = rep.inputs[i], rep.sample_updates[i]
        rows.append({
            t("zigzag.col_run"): label, t("zigzag.col_sample"): str(i + 1),
            "x₁": signed(x[0]), "x₂": signed(x[1]), "δ": signed(rep.deltas[i]),
            "Δw₁": signed(du[0]), "Δw₂": signed(du[1]),
            t("zigzag.col_pattern"): pattern(du), t("zigzag.col_quads"): allowed,
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
    if not (np.abs(rep.update) > NO_CHANGE).any():  # rounding noise is no change
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
    needs = dict(need1=need_word(rep.need[0]), need2=need_word(rep.need[1]),
                 wrong=wrong_phrase(rep), dw1=signed(du[0]), dw2=signed(du[1]), name=label)
    if len(rep.deltas) > 1:
        text = t("zigzag.now_sentence_batch", b=len(rep.deltas), pattern=pattern(du), **needs)
        if rep.left_allowed:
            text += " " + t("zigzag.batch_left", quads=quads(rep.allowed))
        return text
    x = rep.inputs[0]
    common = dict(x1=signed(x[0]), x2=signed(x[1]), delta=signed(rep.deltas[0]),
                  lr=fmt(lr, 3), **needs)
    if rep.inputs_mixed_sign[0]:
        return t("zigzag.now_sentence_mixed", **common)
    if rep.update_class in (zz.PP, zz.MM):
        direction = t("zigzag.both_up" if rep.update_class == zz.PP else "zigzag.both_down")
        return t("zigzag.now_sentence_same", dir=direction, **common)
    return t("zigzag.now_sentence_axis", **common)


def step_text(run: zz.ZigzagRun, rep: zz.StepReport, label: str, k: int, eps: float) -> str:
    """The step sentence of one run, and whether w is already within ε of w*."""
    text = step_sentence(rep, label, run.lr)
    dist = float(zz.distances(run)[k])
    if dist < eps:
        text += " " + t("zigzag.inside_eps", d=fmt(dist, 3), eps=fmt(eps))
    return text


# ------------------------------------------------------------------------- comparisons


def compare_table(runs: list[zz.ZigzagRun], sums: list[zz.RunSummary], labels: list[str],
                  steps: int) -> dict[str, list[str]]:
    """The measured comparison of the two runs: column → cells."""
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
    return table


def _both_paths(a: str, b: str, sa: zz.RunSummary, sb: zz.RunSummary, eps: float) -> dict:
    """The numbers every two-run verdict states: lengths, detours, same-sign shares."""
    return dict(a=a, b=b, eps=fmt(eps), la=fmt(sa.path_length, 3), lb=fmt(sb.path_length, 3),
                d=fmt(sa.straight_distance, 3), ra=ratio_text(sa.detour_ratio),
                rb=ratio_text(sb.detour_ratio), pa=pct(sa.same_sign_share),
                pb=pct(sb.same_sign_share))


def verdict(labels: list[str], sums: list[zz.RunSummary], eps: float, steps: int) -> str:
    """The sentence comparing the two runs, with their numbers."""
    (sa, sb), (a, b) = sums, labels
    if sa.steps_to_reach is not None and sa.steps_to_reach == sb.steps_to_reach:
        return t("zigzag.verdict_tie", s=sa.steps_to_reach, **_both_paths(a, b, sa, sb, eps))
    if sa.steps_to_reach is not None and sb.steps_to_reach is not None:
        a_slower = sa.steps_to_reach >= sb.steps_to_reach
        slow, fast = (sa, sb) if a_slower else (sb, sa)
        ratio = zz.speedup(slow.steps_to_reach, fast.steps_to_reach)
        return t("zigzag.verdict_both", sa=sa.steps_to_reach, sb=sb.steps_to_reach,
                 ratio=ratio_or_inf(ratio), fast=b if a_slower else a,
                 **_both_paths(a, b, sa, sb, eps))
    if sa.steps_to_reach is None and sb.steps_to_reach is None:
        return t("zigzag.verdict_none", eps=fmt(eps), n=steps, da=fmt(sa.final_distance, 3),
                 db=fmt(sb.final_distance, 3))
    done, other, who = (sa, sb, a) if sa.steps_to_reach is not None else (sb, sa, b)
    return t("zigzag.verdict_partial", n=steps, who=who, eps=fmt(eps), s=done.steps_to_reach,
             left=fmt(other.final_distance, 3))


@functools.lru_cache(maxsize=64)
def zero_centred(act: str) -> bool:
    """Whether core.properties finds the activation zero-centred (odd, both signs)."""
    return properties(act).zero_centred == "yes"


def why_title(runs: list[zz.ZigzagRun]) -> str:
    """The heading of the explanation: a lock when some run never saw mixed-sign inputs."""
    locked = any(zz.mixed_input_share(run) == 0 for run in runs)
    return t("zigzag.why" if locked else "zigzag.why_free")


def _why_locked(run: zz.ZigzagRun, first: zz.ZigzagRun, label: str) -> list[str]:
    """Why a run whose inputs never had opposite signs can only step into quadrants I and III."""
    q = zz.input_quadrant_shares(run)
    need, qneed = zz.needed_direction(first)
    texts = [t("zigzag.why_body", name=label, q1=pct(q[1]), q3=pct(q[3]), q0=pct(q[0]),
               w01=fmt(first.w0[0], 3), w02=fmt(first.w0[1], 3), ws1=fmt(first.w_star[0], 3),
               ws2=fmt(first.w_star[1], 3), n1=need_word(need[0]), n2=need_word(need[1]),
               qneed=quad(qneed))]
    if qneed in (2, 4):
        texts.append(t("zigzag.why_blocked", q=quad(qneed)))
    elif qneed in (1, 3):
        texts.append(t("zigzag.why_easy", q=quad(qneed)))
    return texts


def why_texts(runs: list[zz.ZigzagRun], labels: list[str]) -> list[str]:
    """The explanation, paragraph by paragraph, with this run's input shares and the
    eigenvalues of its loss bowl."""
    texts: list[str] = []
    for run, lab in zip(runs, labels):
        mixed = zz.mixed_input_share(run)
        if mixed == 0:
            texts += _why_locked(run, runs[0], lab)
        else:
            key = "zigzag.why_centred" if zero_centred(run.activation) else \
                "zigzag.why_both_signs"
            texts.append(t(key, name=lab, mixed=pct(mixed)))
    texts.append(t("zigzag.why_valley_intro"))
    for run, lab in zip(runs, labels):
        v = zz.valley(run)
        texts.append(t("zigzag.why_valley_row", name=lab, big=fmt(v.big, 3),
                       small=fmt(v.small, 3), ratio=ratio_or_inf(v.ratio),
                       v1=fmt(float(v.flat[0]), 2), v2=fmt(float(v.flat[1]), 2)))
    return texts


# ------------------------------------------------------------------------- batch sizes


def batch_table(labels: list[str], sums: dict, sizes: tuple[int, ...],
                steps: int) -> dict[str, list[str]]:
    """Steps to ε, detour and same-sign share of both set-ups at each batch size; sums maps
    (0 | 1, batch size) → the run's summary."""
    measures = (("zigzag.b_reach", lambda s: reach_text(s, steps)),
                ("zigzag.b_ratio", lambda s: ratio_text(s.detour_ratio)),
                ("zigzag.b_same", lambda s: pct(s.same_sign_share)))
    table: dict[str, list[str]] = {t("zigzag.metric"): []}
    for bsz in sizes:
        table[t("zigzag.batch_col", b=bsz)] = []
    for side, lab in enumerate(labels):
        for mkey, show in measures:
            table[t("zigzag.metric")].append(f"{lab} · {t(mkey)}")
            for bsz in sizes:
                table[t("zigzag.batch_col", b=bsz)].append(show(sums[(side, bsz)]))
    return table


def batch_sentence(labels: list[str], sums: dict, valleys: tuple[zz.Valley, zz.Valley],
                   sizes: tuple[int, ...], steps: int) -> str:
    """What averaging over a mini-batch changed (the detour) and what it did not (the steps,
    when the valley's shape is to blame); valleys of both set-ups at the smallest batch."""
    small, big = sizes[0], sizes[-1]
    s1, smax, sb = sums[(0, small)], sums[(0, big)], sums[(1, big)]
    if None in (s1.steps_to_reach, smax.steps_to_reach, sb.steps_to_reach):
        return t("zigzag.batch_sentence_none", n=steps)
    text = t("zigzag.batch_sentence", a=labels[0], b1=small, r1=ratio_text(s1.detour_ratio),
             s1=pct(s1.same_sign_share), bmax=big, rmax=ratio_text(smax.detour_ratio),
             smax=pct(smax.same_sign_share))
    counts = dict(a=labels[0], b=labels[1], n1=s1.steps_to_reach, nmax=smax.steps_to_reach,
                  nb=sb.steps_to_reach, bmax=big)
    if not zz.similar_steps(s1.steps_to_reach, smax.steps_to_reach):
        return text + " " + t("zigzag.batch_steps_changed", **counts)
    cause = t("zigzag.batch_cause", a=labels[0], b=labels[1], ra=ratio_or_inf(valleys[0].ratio),
              rb=ratio_or_inf(valleys[1].ratio))
    return text + " " + t("zigzag.batch_steps_same", **counts) + " " + cause


# ------------------------------------------------------------------------- perceptron


def perceptron_samples() -> str:
    """The course's samples in order: (0.1, 0.2)→1, …"""
    return ", ".join(f"({fmt(float(x[0]))}, {fmt(float(x[1]))})→{int(y)}"
                     for x, y in zip(zz.PERCEPTRON_X, zz.PERCEPTRON_T))


def perceptron_sentence(p: zz.PerceptronRun, w0: tuple[float, float], lr: float,
                        epochs: int) -> str:
    """What the perceptron did: updates that moved, of which same-sign, first clean epoch."""
    s = zz.perceptron_summary(p)
    f1, f2 = fmt(float(s.final[0]), 3), fmt(float(s.final[1]), 3)
    clean = (t("zigzag.perc_clean", e=s.clean_epoch, f1=f1, f2=f2, n=len(zz.PERCEPTRON_X))
             if s.clean_epoch is not None
             else t("zigzag.perc_not_clean", e=epochs, f1=f1, f2=f2))
    return t("zigzag.perc_sentence", w01=fmt(w0[0], 3), w02=fmt(w0[1], 3), lr=fmt(lr, 3),
             n=s.presentations, moved=s.moved, same=s.same, clean=clean,
             length=fmt(s.length, 3), straight=fmt(s.straight, 3), ratio=ratio_text(s.ratio))


def perceptron_rows(p: zz.PerceptronRun) -> list[dict]:
    """One row per presentation (the first PERC_ROWS): input, target, net, output, update."""
    n = len(zz.PERCEPTRON_X)
    return [{
        t("zigzag.p_k"): i + 1, t("zigzag.p_epoch"): i // n + 1,
        "x₁": fmt(float(p.inputs[i, 0])), "x₂": fmt(float(p.inputs[i, 1])),
        t("zigzag.p_target"): int(p.targets[i]), "w·x": signed(p.net[i], 4),
        t("zigzag.p_out"): int(p.outputs[i]), t("zigzag.p_error"): int(p.errors[i]),
        "Δw₁": signed(p.updates[i, 0], 4), "Δw₂": signed(p.updates[i, 1], 4),
        t("zigzag.col_pattern"): pattern(p.updates[i]),
        "w₁": fmt(float(p.path[i + 1, 0]), 4), "w₂": fmt(float(p.path[i + 1, 1]), 4),
    } for i in range(min(len(p.updates), PERC_ROWS))]
