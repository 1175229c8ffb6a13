"""The controls of the activation explorer: one table, read by the page, its lesson, the load
bench and the tests. The per-family pickers and the per-parameter sliders are generated from
the catalogue (core.activations), so a new activation or parameter needs no edit here."""

from __future__ import annotations

from core.activations import ACTIVATIONS, by_family
from core.custom import MAX_LENGTH
from core.properties import MAX_POINTS
from ui.controls import Control, Spec

DEFAULT_PICK = {"sigmoid": ("sigmoid", "tanh"), "relu": ("relu",)}  # the first view
SCORE_COUNT = (2, 10)  # how many softmax scores the text box accepts
SCORE_LIMIT = 1e4  # |score| bound of the text box (the offset on top stays far below core's)
POINTS_CHARS = 120  # characters of the points and scores boxes


def neutral_name(act_id: str) -> str:
    """The language-neutral name of a catalogue activation: its option label and what the URL
    stores (prose and charts may show ``ui.i18n.act_name`` instead)."""
    return ACTIVATIONS[act_id].name


def _family_pickers() -> list[Control]:
    """f_<family>: which functions of the family are on the chart."""
    return [Control(f"f_{family}", "multi", list(DEFAULT_PICK.get(family, ())),
                    label=f"family.{family}", options=tuple(ids), names=neutral_name,
                    help="explorer.pick_help")
            for family, ids in by_family().items()]


def _param_label(act_id: str, param: str):
    return lambda: f"{neutral_name(act_id)} · {param}"


def _family_of(act_id: str) -> str:
    return next(f for f, ids in by_family().items() if act_id in ids)


def _parameter_sliders() -> list[Control]:
    """p_<id>_<param>: a slider per parameter of a parametric activation, drawn while that
    activation is on the chart; bounds, step and default from the catalogue. Scrubbed: the f/f′
    chart's own range input moves the curve over the parameter's grid in the browser."""
    return [Control(f"p_{act_id}_{p.name}", "slider", p.default, lo=p.min, hi=p.max, step=p.step,
                    label=_param_label(act_id, p.name), scrub=True,
                    shown_with={f"f_{_family_of(act_id)}": [act_id]})
            for act_id, act in ACTIVATIONS.items() for p in act.params]


SPEC = Spec("explorer", [
    *_family_pickers(),
    # the formula box is drawn by ui.widgets.formula (it parses what it reads)
    Control("fx", "text", "", label="custom.label", help="custom.help",
            values={"max": MAX_LENGTH}, max_chars=MAX_LENGTH + 1),
    Control("deriv", "toggle", True, label="explorer.show_grad"),
    Control("xr", "range", (-6.0, 6.0), lo=-20.0, hi=20.0, step=0.5, label="explorer.xrange"),
    *_parameter_sliders(),
    Control("pts", "text", "-1, 0, 0.5, 1", label="explorer.points", values={"n": MAX_POINTS},
            max_chars=POINTS_CHARS),
    Control("sm", "text", "2, 1, 0.1", label="explorer.softmax_scores",
            values={"lo": SCORE_COUNT[0], "hi": SCORE_COUNT[1]}, max_chars=POINTS_CHARS),
    Control("temp", "slider", 1.0, lo=0.1, hi=10.0, step=0.1, label="explorer.temperature"),
    Control("sm_off", "slider", 1000, lo=0, hi=2000, step=50, label="explorer.large_scores"),
    Control("stack", "select", "tanh", label="explorer.stack_act", options=tuple(ACTIVATIONS),
            names=neutral_name),
    Control("L", "slider", 3, lo=1, hi=10, label="explorer.stack_depth"),
    Control("a", "slider", 1.5, lo=0.1, hi=3.0, step=0.1, label="explorer.stack_weight"),
])
