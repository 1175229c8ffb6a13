"""What a reveal shows: a student's own answer against the truth (solo, or each phone after the
class's reveal), and on the projector the class's answers with the truth and one computed
sentence. Answers on the step's chart come through ui.questions.hook (traces of
ui.figures.answers); a number's or a choice's answers get their own chart here.

Predict, then reveal: before the reveal nothing on the page may state or draw the answer. A
question names the parts of its page that would (``Question.hides``); the page asks
:func:`concealed` (or wraps a section in :func:`unless_concealed`) and leaves them out until
this session has seen the reveal: alone, their own *Reveal*; in a class, the teacher's."""

from __future__ import annotations

import functools
from typing import Any, Callable

import plotly.graph_objects as go
import streamlit as st

from ui import internals
from ui.figures.answers import answers_figure
from ui.format import fmt
from ui.i18n import t
from ui.page import chart, look
from ui.questions import judge
from ui.questions.model import Question, option_label, truth_text
from ui.questions.where import STUDENT, TEACHER, here, qualified, role, truth

ANSWERS_CHART = "answers"   # the chart of a number's or a choice's answers (key chart_answers)
HIDDEN = "question.hidden"  # what stands where a concealed part would be
_SEEN = "_al_question_concealed"   # qualified id -> whether the last run concealed its parts


def revealed(page_id: str, question: Question) -> bool:
    """Whether this session has seen the question's reveal: alone, their own *Reveal*; the
    class's teacher and students, the room's question revealed."""
    side = role()
    if side in (TEACHER, STUDENT):
        from ui.questions import student, teach

        asked = (teach if side == TEACHER else student).ours(page_id, question)
        return bool(asked) and asked.get("status") == teach.REVEALED
    from ui.questions import solo

    return bool(solo.state(page_id, question)["revealed"])


def concealed(page_id: str, part: str, note: bool = False) -> bool:
    """Whether the page must leave ``part`` out now: the lesson step shown asks a question
    that names it in ``hides`` and this session has not seen its reveal yet (``note``: then
    one line says, here, that the part comes back with the reveal).

    The reveal (or *Answer again*, or the teacher's *Ask again*) may come in a fragment's run,
    while a concealed part stands outside that fragment: when the answer changes there, the
    whole page runs again so that every part follows."""
    found = here()
    if found is None or found[0] != page_id or part not in found[1].hides:
        return False
    hide = not revealed(*found)
    seen = st.session_state.setdefault(_SEEN, {})
    qid = qualified(*found)
    before, seen[qid] = seen.get(qid), hide
    if before is not None and before != hide and internals.in_fragment_run():
        st.rerun(scope="app")
    if hide and note:
        hidden_note()
    return hide


def hidden_note() -> None:
    """The line that stands for a concealed part."""
    st.caption(t(HIDDEN))


def unless_concealed(page_id: str, part: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """A page section drawn only when ``part`` is not concealed (else one line says it comes
    back with the reveal, and the section returns None)."""
    def wrap(fn: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(fn)
        def section(*args: Any, **kwargs: Any) -> Any:
            if concealed(page_id, part, note=True):
                return None
            return fn(*args, **kwargs)
        return section
    return wrap


def answers_chart(page_id: str, question: Question, answers: list[dict],
                  mine: dict | None = None) -> None:
    """A number's or a choice's answers as their own chart (histogram or bars, the truth
    marked; ``mine``: a student's own answer marked too). Taps and sketches: nothing here."""
    if question.kind not in ("choose", "number"):
        return
    known = truth(page_id, question)
    figure = answers_figure(question, answers, known, look(), mine=mine)
    chart(go.Figure(figure, _validate=False), ANSWERS_CHART)


def mine_text(page_id: str, question: Question, answer: dict) -> str:
    """The student's answer in words."""
    if question.kind == "choose":
        return t("flow.mine.choose", choice=option_label(page_id, question, answer["choice"]))
    if question.kind == "number":
        return t("flow.mine.number", value=fmt(float(answer["value"])))
    if question.kind == "tap":
        return t("flow.mine.tap", x=fmt(float(answer["x"])), y=fmt(float(answer["y"])))
    return t("flow.mine.sketch")


def mine(page_id: str, question: Question, answer: dict | None) -> None:
    """One student's answer against the truth (on the chart: ui.questions.hook adds it)."""
    known = truth(page_id, question)
    if answer is None:
        st.info(t("flow.mine.none"), icon=":material/help:")
    else:
        st.markdown(mine_text(page_id, question, answer))
        if judge.right(question, answer, known):
            st.success(t("flow.right"), icon=":material/check_circle:")
        else:
            st.warning(t("flow.wrong"), icon=":material/compare_arrows:")
    st.markdown(f"**{truth_text(page_id, question, known)}**")
    if answer is not None:
        answers_chart(page_id, question, [answer], mine=answer)


def class_reveal(page_id: str, question: Question, answers: list[dict]) -> None:
    """Projector: the truth, the one computed sentence about the class's answers, and a number's
    or a choice's answers as a chart (taps and sketches are drawn on the step's chart)."""
    known = truth(page_id, question)
    key, values = judge.summary(question, answers, known)
    with st.container(key="answer_reveal"):
        st.markdown(f"**{truth_text(page_id, question, known)}**")
        st.markdown(t(key, **values))
        answers_chart(page_id, question, answers)
