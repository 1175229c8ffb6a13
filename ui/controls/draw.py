"""The one generic routine that turns a :class:`ui.controls.Control` into its URL-bound widget
(``ui.widgets``: the notice for a bad link value lives there), and the run's record of what was
drawn (``Spec.settings`` / ``Spec.finish``)."""

from __future__ import annotations

from typing import Any

import streamlit as st

from ui import widgets
from ui.i18n import t

_DRAWN = "_al_drawn"  # page → {key: value} drawn in this run (reset by ui.widgets.begin_run)


def _text(label: Any, values: dict) -> str | None:
    if label is None or label == "":
        return label
    if callable(label):
        return label()
    return t(label, **values) if values else t(label)


def _names(control, values: dict):
    """The option-label function of a choice control."""
    if isinstance(control.names, str):
        return widgets.Labels(control.names, control.options, legacy=control.legacy, **values)
    if control.legacy:
        return widgets.Named(control.names or str, control.legacy)
    return control.names or str


def draw(spec, control, **over: Any) -> Any:
    """Draw control where the page stands and return its value.

    ``over`` may hold: ``label_values`` / ``help_values`` (template values known only at run
    time), ``hi`` / ``default`` (a dynamic control's run-time bound and default), ``options``
    (a subset the current set-up offers), and any keyword of the Streamlit widget (on_change,
    args, placeholder, disabled, label_visibility, …)."""
    values = dict(control.values)
    label = _text(control.label, values | over.pop("label_values", {}))
    help_text = _text(control.help, values | over.pop("help_values", {})) \
        if control.help else over.pop("help", None)
    over.pop("help", None)
    hi = over.pop("hi", control.hi)
    default = over.pop("default", control.default)
    options = list(over.pop("options", control.options))
    key, kind = control.key, control.kind
    if control.scrub:  # the page's chart draws its range input (ui.chart.Scrub)
        value = widgets.scrub(control, default)
    elif kind in ("slider", "range"):
        value = widgets.slider(label, key, control.lo, hi, default, step=control.step,
                               help=help_text, fmt=control.fmt, **over)
    elif kind == "number":
        value = widgets.number(label, key, control.lo, hi, default, step=control.step,
                               help=help_text, fmt=control.fmt, **over)
    elif kind in ("select", "segmented", "radio"):
        value = widgets.select(label, key, options, default, fmt=_names(control, values),
                               kind={"select": "selectbox"}.get(kind, kind), help=help_text,
                               **over)
    elif kind == "multi":
        value = widgets.multiselect(label, key, options, default, fmt=_names(control, values),
                                    help=help_text, max_selections=control.most, **over)
    elif kind == "toggle":
        value = widgets.toggle(label, key, default, help=help_text, **over)
    else:
        value = widgets.text(label, key, default, max_chars=control.max_chars, help=help_text,
                             **over)
    mark_drawn(spec.page, key, value)
    return value


def mark_drawn(page: str, key: str, value: Any) -> None:
    """Record a control that a widget of its own drew (the formula box), for settings/finish."""
    st.session_state.setdefault(_DRAWN, {}).setdefault(page, {})[key] = value


def drawn_values(page: str) -> dict[str, Any]:
    """Key → value of the controls of page drawn in this run."""
    return dict(st.session_state.get(_DRAWN, {}).get(page, {}))


def check_undrawn(spec) -> None:
    """A notice for each control of spec that this run did not draw while the link holds a value
    it cannot use (e.g. ``net_w3`` with one hidden layer)."""
    drawn = st.session_state.get(_DRAWN, {}).get(spec.page, {})
    for control in spec:
        if control.key in drawn or control.key not in st.query_params:
            continue
        raw = st.query_params.get_all(control.key)
        try:
            control.from_url(raw)
        except ValueError:
            widgets.notice_unused(control.key, raw, control.default)


def reset_run() -> None:
    """Forget what the previous run drew (called at the top of every full run)."""
    st.session_state[_DRAWN] = {}
