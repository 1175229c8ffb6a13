"""The sentences of the derivatives-and-saturation page: core.saturation's results in, translated
Markdown out (every number formatted here, none typed into a text)."""

from __future__ import annotations

import math
from typing import Sequence

from core import saturation as sat
from ui.controls.saturation import CUSTOM, CUSTOM_LABEL, FX_PREFIX, INIT_LABELS, SWEEP
from ui.figures.saturation import CurveSet
from ui.format import fmt, pct
from ui.i18n import act_name, t

def display_name(act_key: str) -> str:
    """An activation's name in prose and charts: the current language's name for a catalogue
    id, "f(x)" for the user's formula ("custom" or "fx:<text>")."""
    if act_key == CUSTOM or act_key.startswith(FX_PREFIX):
        return CUSTOM_LABEL
    return act_name(act_key)


def interval_text(a: float, b: float, x_range: tuple[float, float]) -> str:
    """An interval of the shown x range as text: 'x < b', 'x > a', 'a < x < b' or 'all x'."""
    left, right = a <= x_range[0], b >= x_range[1]
    if left and right:
        return t("saturation.all_x")
    a, b = round(a, 6), round(b, 6)  # edges are good to ~1e-10: print no bisection noise
    if left:
        return f"x < {fmt(b, 4)}"
    if right:
        return f"x > {fmt(a, 4)}"
    return f"{fmt(a, 4)} < x < {fmt(b, 4)}"


def peak_text(p: sat.DerivativePeak) -> str:
    """Where the largest |f′| is reached, in words."""
    if p.at_edge:
        return t("saturation.peak_limit", value=fmt(p.value, 4),
                 side="+∞" if p.x_at > 0 else "−∞")
    if p.x_lo < p.x_hi:
        edge_lo, edge_hi = math.isinf(p.x_lo), math.isinf(p.x_hi)  # a plateau to ±∞
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


def saturation_line(s: CurveSet, share: float, peak: sat.DerivativePeak, thr: float,
                    x_range: tuple[float, float]) -> str:
    """One activation's saturated region on the shown range, its share and its largest |f′|."""
    lo, hi = x_range
    if s.intervals:
        where = t("saturation.or").join(interval_text(u, v, x_range) for u, v in s.intervals)
        text = t("saturation.sat_line", name=s.name, t=fmt(thr), where=where, share=pct(share),
                 lo=fmt(lo), hi=fmt(hi))
    else:
        text = t("saturation.sat_none", name=s.name, t=fmt(thr), lo=fmt(lo), hi=fmt(hi))
    return f"- {text} {peak_text(peak)}"


def probe_lines(sets: Sequence[CurveSet], thr: float) -> str:
    """f(x₀), f′(x₀) of every activation at the probe and whether it is saturated there."""
    rows = []
    for s in sets:
        p = s.probe
        state = t("saturation.probe_flat") if abs(p.grad) < thr else t("saturation.probe_live")
        rows.append("- " + t("saturation.probe_line", name=s.name, x=fmt(p.x), f=fmt(p.f, 5),
                             g=fmt(p.grad, 5), state=state))
    return "\n".join(rows)


def depth_lines(rows: Sequence[tuple[str, float, float]], depth: int) -> str:
    """(name, max|f′|, (max|f′|)^L) per activation: the best case through L layers."""
    lines = []
    for label, m, v in rows:
        if m == 0.0:
            lines.append(f"- {t('saturation.depth_zero', name=label)}")
        else:
            lines.append("- " + t("saturation.depth_line", name=label, m=fmt(m, 4), L=depth,
                                  v=fmt(v, 4)))
    return "\n".join(lines)


def mlp_setup(name: str, init: str, depth: int, width: int, n: int, bias: float,
              thr: float) -> str:
    """The caption that names the simulated network."""
    return t("saturation.mlp_setup", name=name, init=INIT_LABELS[init], L=depth, w=width, n=n,
             b=fmt(bias), t=fmt(thr))


def preact_text(s: sat.MLPSummary, depth: int) -> str:
    """How the summed inputs z drift and spread from layer to layer."""
    return t("saturation.preact_text", first=fmt(s.mean_first, 3), L=depth,
             last=fmt(s.mean_last, 3), peak=fmt(s.mean_peak, 3), peak_layer=s.mean_peak_layer,
             rising=s.rising_layers, steps=depth - 1, mid=pct(s.z_mid_share),
             lo=fmt(s.z_lo_last, 3), hi=fmt(s.z_hi_last, 3))


def shares_text(s: sat.MLPSummary, depth: int, thr: float) -> str:
    """Saturated shares in the first and last layer, and the dead units."""
    text = t("saturation.shares_text", t=fmt(thr), sat_first=pct(s.sat_first),
             sat_last=pct(s.sat_last), L=depth)
    if s.dead_max == 0.0:
        return text + " " + t("saturation.dead_none", L=depth)
    return text + " " + t("saturation.dead_text", dead_first=pct(s.dead_first),
                          dead_last=pct(s.dead_last), dead_max=pct(s.dead_max),
                          dead_layer=s.dead_max_layer, L=depth)


def grad_text(s: sat.MLPSummary, depth: int) -> str:
    """The gradient of the first layer against the last one."""
    return t("saturation.grad_text", first=fmt(s.grad_first, 3), L=depth,
             last=fmt(s.grad_last, 3), ratio=fmt(s.grad_ratio, 3), spread=fmt(s.grad_spread, 3))


def die_setup() -> str:
    """The caption that names the sweep's fixed network."""
    return t("saturation.die_setup", L=SWEEP["depth"], w=SWEEP["width"],
             init=INIT_LABELS[SWEEP["init"]], n=SWEEP["n_samples"], seed=SWEEP["seed"])


def die_lines(sweep: sat.BiasSweep, ids: Sequence[str], thr: float) -> str:
    """Dead shares at the most negative bias shift and at b = 0, per activation."""
    i0 = sat.DEFAULT_SHIFTS.index(0.0)
    b_min = sat.DEFAULT_SHIFTS[0]
    return "\n".join(
        "- " + t("saturation.die_line", name=display_name(a), b=fmt(b_min),
                 dead_neg=pct(sweep.dead[a][0]), dead_zero=pct(sweep.dead[a][i0]),
                 b0=fmt(sat.DEFAULT_SHIFTS[i0]), last=pct(sweep.dead_last[a][0]),
                 sat=pct(sweep.saturated[a][0]), t=fmt(thr))
        for a in ids)
