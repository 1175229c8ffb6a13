"""What a lesson step that asks a question shows (issue #23): predict, then reveal.

- Solo (no class): the question with its input, then *Reveal* (ui.questions.solo).
- A class's teacher: *Ask* → the live count → *End* / *Reveal* on the projector
  (ui.questions.teach); *Next* is the lesson's own button.
- A class's student: the question first on the phone, its input, "answer sent", a late
  answer's refusal, and after the reveal their own answer against the truth
  (ui.questions.student).

Entry points: :func:`step_panel`, :func:`in_caption`, :func:`caption` and
:func:`caption_items` (the lesson bar, ui.lesson), :func:`student_panel` and
:func:`student_check` (the follower's banner and watch, ui.classroom.follower),
:func:`live_count` (the teacher's live fragment, ui.classroom.panel); the step's chart asks
:func:`chart_extras` and hands back its tap or stroke to :func:`chart_took` through
ui.questions.hook (registered on import).
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from ui import internals
from ui.i18n import t
from ui.page import lecture
from ui.questions import hook, inputs, solo, student, teach
from ui.questions.model import Question, prompt
from ui.questions.where import STUDENT, TEACHER, here, role

_SIDES = {TEACHER: teach, STUDENT: student}


def in_caption(question: Question | None) -> bool:
    """Whether this session's side of the question stands in the lesson's caption line: the
    teacher's, in the lecture view (projector mode with a lesson), where a box under the line
    would push the picture down. Everywhere else it is a panel under the step's text."""
    return question is not None and role() == TEACHER and lecture()


def caption(page_id: str, question: Question) -> str:
    """The caption line's text on a question step the teacher asks: the question."""
    return f"**{t('flow.question')}** — {prompt(page_id, question)}"


def caption_items(page_id: str, question: Question) -> None:
    """The teacher's Ask / count / End / Reveal as compact items of the caption line."""
    teach.strip(page_id, question)


def step_panel(page_id: str, question: Question | None) -> None:
    """Under the step's text in the lesson bar: the question and what this session does with
    it. A student answers in the box at the top of the page while the teacher asks; the
    teacher's items stand in the lecture view's caption line (:func:`caption_items`)."""
    if question is None or in_caption(question):
        return
    side = role()
    if side == STUDENT and student.ours(page_id, question) is not None:
        return
    with st.container(key="question_panel"):
        st.markdown(f"**{t('flow.question')}** — {prompt(page_id, question)}")
        if side == TEACHER:
            teach.panel(page_id, question)
        elif side == STUDENT:
            st.caption(t("flow.wait"))
        else:
            solo.panel(page_id, question)


def student_panel() -> None:
    """Top of a student's page (the follower's banner): the room's question, if any."""
    if role() == STUDENT:
        student.panel()


def student_check(control: dict | None) -> None:
    """In the follower's watch: a new, ended or revealed question redraws the whole page."""
    if role() == STUDENT and internals.in_fragment_run() and student.changed(control):
        st.rerun(scope="app")


def live_count(code: str, present: int) -> None:
    """In the teacher's live fragment: "n of m answered" for the room's latest question."""
    teach.count_line(code, present)


def chart_extras(key: str) -> tuple[Any, list[dict]]:
    """(capture, extra traces) for the chart keyed key: the question of the step shown asks
    this chart for a tap or a stroke, or its reveal draws on it."""
    found = here()
    if found is None or found[1].chart != key:
        return None, []
    return _SIDES.get(role(), solo).chart(*found)


def chart_took(key: str, event: Any) -> None:
    """The step's chart took a tap or a stroke: it is this session's answer."""
    found = here()
    if found is None or found[1].chart != key:
        return
    answer = inputs.from_event(found[1], event)
    if answer is None:
        return
    side = role()
    if side == STUDENT:
        student.took(*found, answer)
    elif side != TEACHER:
        solo.took(*found, answer)


hook.provide(chart_extras, chart_took)
