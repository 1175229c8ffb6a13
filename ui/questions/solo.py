"""A student alone on a question step (no class): answer, then *Reveal* (key ``reveal``) shows
the truth from core, their own answer against it (on the step's chart too) and the computed
sentence. Kept in this session only, per question."""

from __future__ import annotations

from typing import Any

import streamlit as st

from ui.chart import Capture
from ui.figures.answers import mine_traces, reveal_traces
from ui.i18n import t
from ui.page import look
from ui.questions import inputs, judge, shown
from ui.questions.model import Question, hint
from ui.questions.where import qualified, truth

KEY = "_al_question_solo"   # qualified id -> {"answer", "revealed", "bad"}
SHOWN = "_al_question_solo_shown"   # the question whose inputs were drawn last


def state(page_id: str, question: Question) -> dict:
    """This session's answer to the question (a fresh record if none)."""
    table = st.session_state.setdefault(KEY, {})
    return table.setdefault(qualified(page_id, question),
                            {"answer": None, "revealed": False, "bad": None})


def _reveal(page_id: str, question: Question) -> None:
    state(page_id, question)["revealed"] = True


def _again(page_id: str, question: Question) -> None:
    st.session_state.get(KEY, {}).pop(qualified(page_id, question), None)
    inputs.reset()


def save(page_id: str, question: Question, answer: Any) -> bool:
    """Keep a well-formed answer (else the reason, shown under the inputs); whether it
    changed what this session holds."""
    mine = state(page_id, question)
    before = (mine["answer"], mine["bad"])
    bad = "flow.empty" if answer == inputs.EMPTY else judge.check(question, answer)
    mine["bad"] = bad
    if bad is None:
        mine["answer"] = answer
    return before != (mine["answer"], mine["bad"])


def panel(page_id: str, question: Question) -> None:
    """The question's input, then Reveal; after it, the answer against the truth."""
    mine = state(page_id, question)
    if st.session_state.get(SHOWN) != qualified(page_id, question):
        inputs.reset()
        st.session_state[SHOWN] = qualified(page_id, question)
    if mine["revealed"]:
        shown.mine(page_id, question, mine["answer"])
        st.button(t("flow.again"), key="answer_again", on_click=_again,
                  args=(page_id, question), icon=":material/replay:")
        return
    given = inputs.draw(page_id, question)
    if given is not None:
        save(page_id, question, given)
    if mine["bad"]:
        st.error(t(mine["bad"]), icon=":material/error:")
    elif mine["answer"] is not None:
        said = "" if question.kind == "sketch" else shown.mine_text(page_id, question,
                                                                      mine["answer"])
        st.success(f"{t('flow.saved')} {said}".strip(), icon=":material/check:")
    st.button(t("flow.reveal"), key="reveal", on_click=_reveal, args=(page_id, question),
              type="primary", icon=":material/visibility:")


def chart(page_id: str, question: Question) -> tuple[Capture | None, list[dict]]:
    """The step's chart: it takes the answer until the reveal, then shows it and the truth."""
    mine = state(page_id, question)
    if not mine["revealed"]:
        if question.kind not in ("tap", "sketch"):
            return None, []
        return Capture(mode=question.kind, question=qualified(page_id, question),
                       hint=hint(page_id, question)), []
    known = truth(page_id, question)
    if mine["answer"] is None:
        return None, reveal_traces(question, [], known, look())
    return None, mine_traces(question, mine["answer"], known, look())


def took(page_id: str, question: Question, answer: dict) -> None:
    """A tap or a stroke on the chart: keep it and draw the page again to say so."""
    if not state(page_id, question)["revealed"] and save(page_id, question, answer):
        st.rerun(scope="app")
