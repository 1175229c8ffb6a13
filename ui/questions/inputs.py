"""The answer inputs a question step draws (phone first: big targets, one hand): a radio keyed
``answer_choice`` for a choice, a number box keyed ``answer_number`` for a number (and for a
tap typed instead: ``answer_number`` for x, ``answer_number_y`` for y), the send button keyed
``answer_send``; a tap or a stroke on the step's chart comes back through ui.questions.hook."""

from __future__ import annotations

from typing import Any

import streamlit as st

from ui.classroom.answers import check as stored
from ui.classroom.rules import RoomError
from ui.i18n import t
from ui.questions.model import Question, option_label

KEYS = ("answer_choice", "answer_number", "answer_number_y")
EMPTY = "empty"   # the send button with nothing chosen or typed

# bigger targets on a phone: the choices, the boxes and the send button
CSS = """<style>
.st-key-class_question, .st-key-question_panel { font-size: 1.1rem; }
.st-key-class_question { scroll-margin-top: 56px; }
.st-key-answer_choice label { min-height: 2.75rem; align-items: center; font-size: 1.15rem; }
.st-key-answer_send button, .st-key-reveal button, .st-key-ask button { min-height: 3rem;
  font-size: 1.1rem; }
.st-key-answer_number input, .st-key-answer_number_y input { min-height: 2.75rem;
  font-size: 1.15rem; }
</style>"""


def reset() -> None:
    """Forget what the inputs hold (a new question starts empty)."""
    for key in KEYS:
        st.session_state.pop(key, None)


def _number(label: str, key: str, integer: bool) -> Any:
    if integer:
        return st.number_input(label, key=key, value=None, step=1, format="%d")
    return st.number_input(label, key=key, value=None, format="%g")


def _send() -> bool:
    return st.button(t("flow.send"), key="answer_send", type="primary", width="stretch",
                     icon=":material/send:")


def _choose(page_id: str, question: Question) -> dict | str | None:
    labels = [option_label(page_id, question, o) for o in question.options]
    # the options are their places: the labels are in this run's language
    place = st.radio(t("flow.choice"), range(len(labels)), key="answer_choice", index=None,
                     format_func=labels.__getitem__)
    if not _send():
        return None
    return EMPTY if place is None else {"choice": question.options[place]}


def _value(question: Question) -> dict | str | None:
    value = _number(t("flow.number"), "answer_number", question.integer)
    if not _send():
        return None
    if value is None:
        return EMPTY
    return {"value": int(value) if question.integer else float(value)}


def _point(question: Question) -> dict | str | None:
    """The point typed instead of a tap (for a keyboard or a screen reader); what to do on the
    chart is said once, over the chart that takes the tap (its capture's hint)."""
    with st.expander(t("flow.type_point"), icon=":material/keyboard:"):
        x = _number(t("flow.x"), "answer_number", False)
        y = _number(t("flow.y"), "answer_number_y", False)
        if not _send():
            return None
    if x is None or y is None:
        return EMPTY
    return {"x": float(x), "y": float(y)}


def draw(page_id: str, question: Question) -> dict | str | None:
    """The question's input: the answer when the send button was pressed now (EMPTY when
    nothing was chosen or typed), else None (a chart answer arrives through the chart)."""
    st.html(CSS)
    if question.kind == "choose":
        return _choose(page_id, question)
    if question.kind == "number":
        return _value(question)
    if question.kind == "tap":
        return _point(question)
    return None   # a stroke: on the chart, whose capture says what to do


def from_event(question: Question, event: Any) -> dict | None:
    """A chart's event as an answer: a tap's {"x", "y"} or a stroke's {"points"} (None for an
    event of another kind)."""
    if not isinstance(event, dict):
        try:
            event = dict(event)
        except (TypeError, ValueError):
            return None
    if question.kind == "tap" and "x" in event and "y" in event:
        return {"x": event["x"], "y": event["y"]}
    if question.kind == "sketch" and "points" in event:
        return kept(question, {"points": event["points"]})
    return None


def kept(question: Question, answer: dict) -> dict:
    """A sketch as a room keeps it (its points on the store's grid of the chart, so that 64
    points fit 1 KB); an answer the store would refuse stays as it is (the judge says why)."""
    try:
        return stored(question.record(), answer)
    except (RoomError, ValueError, TypeError):
        return answer
