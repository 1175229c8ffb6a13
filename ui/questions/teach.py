"""The teacher's side of a question step: *Ask* (key ``ask``) opens it in the room, *End*
(key ``answer_end``) takes no more answers, *Reveal* (key ``reveal``) shows the class's answers
on the step's chart (or their own chart for numbers and choices), the truth and one computed
sentence. The live count ("23 of 31 answered", container ``answer_count``) stands in the room
banner's live fragment (ui.classroom.panel), which the server reruns every second."""

from __future__ import annotations

import streamlit as st

from ui.classroom import rules
from ui.classroom import state as S
from ui.classroom.rules import RoomError
from ui.classroom.store import room_store
from ui.classroom.waker import wake
from ui.figures.answers import reveal_traces
from ui.i18n import t
from ui.page import classroom, look
from ui.questions import shown
from ui.questions.model import Question
from ui.questions.where import qualified, truth

# the question under the lecture view's caption line (which may overhang its row)
CSS = "<style>.st-key-lesson_bar .st-key-question_panel { margin-top: 0.9rem; }</style>"
# the projector's one-line room banner: the question's count stands in for the roster's
BANNER_CSS = """<style>
.st-key-room_code [data-testid="stElementContainer"]:has(.al-roster) { display: none; }
.st-key-room_code .st-key-answer_count p { margin: 0; white-space: nowrap;
  font-size: 0.9rem !important; }
</style>"""
PROBLEM = "_al_question_teacher_problem"   # why the last Ask / End / Reveal failed
OPEN, CLOSED, REVEALED = rules.OPEN, rules.CLOSED_Q, rules.REVEALED


def room() -> tuple[str | None, str | None]:
    """(code, secret) of the room this session runs."""
    return st.session_state.get(S.ROOM), st.session_state.get(S.SECRET)


def latest(code: str | None) -> dict | None:
    """The room's latest question (None when there is none or the store cannot say)."""
    if not code:
        return None
    try:
        return room_store().question(code)
    except RoomError:
        return None


def ours(page_id: str, question: Question) -> dict | None:
    """The room's latest question if it is this one."""
    asked = latest(room()[0])
    return asked if asked and asked.get("id") == qualified(page_id, question) else None


def _act(what: str, *args) -> None:
    """Callback: ask / end / reveal in the room, then wake the class."""
    code, secret = room()
    store = room_store()
    try:
        getattr(store, what)(code, secret, *args)
    except RoomError as err:
        st.session_state[PROBLEM] = err.reason
        return
    st.session_state.pop(PROBLEM, None)
    wake(store, code)


def _ask(page_id: str, question: Question) -> None:
    _act("ask", dict(question.record(), id=qualified(page_id, question)))


def _buttons(page_id: str, question: Question, asked: dict | None) -> None:
    status = asked["status"] if asked else None
    with st.container(horizontal=True, gap="small", key="question_actions"):
        if status in (None, REVEALED):
            st.button(t("flow.ask" if status is None else "flow.ask_again"), key="ask",
                      on_click=_ask, args=(page_id, question), icon=":material/campaign:",
                      type="primary" if status is None else "secondary")
        if status == OPEN:
            st.button(t("flow.end"), key="answer_end", on_click=_act,
                      args=("end_question", asked["qid"]), icon=":material/stop_circle:")
        if status in (OPEN, CLOSED):
            st.button(t("flow.reveal_class"), key="reveal", on_click=_act,
                      args=("reveal", asked["qid"]), icon=":material/visibility:",
                      type="primary")


def panel(page_id: str, question: Question) -> None:
    """The teacher's buttons and what the class sees now."""
    asked = ours(page_id, question)
    st.html(CSS)
    _buttons(page_id, question, asked)
    problem = st.session_state.get(PROBLEM)
    if problem:
        st.error(t("class.store_unavailable" if problem == rules.UNAVAILABLE
                   else "flow.teacher_failed"), icon=":material/error:")
    status = asked["status"] if asked else None
    if status == OPEN:
        st.caption(t("flow.open_teacher"))
    elif status == CLOSED:
        st.caption(t("flow.closed_teacher"))
    elif status == REVEALED:
        shown.class_reveal(page_id, question, answers(asked))


def answers(asked: dict) -> list[dict]:
    """The class's answers to a question (without who gave them)."""
    code, secret = room()
    try:
        return room_store().answers(code, secret, asked["qid"])
    except RoomError:
        return []


def chart(page_id: str, question: Question) -> tuple[None, list[dict]]:
    """The step's chart on the projector: after the reveal, the class's answers and the truth."""
    asked = ours(page_id, question)
    if not asked or asked["status"] != REVEALED:
        return None, []
    return None, reveal_traces(question, answers(asked), truth(page_id, question), look())


def count_line(code: str, present: int) -> None:
    """The live count of the room's latest question: "n of m answered", m the students in
    class now (at least n). Inside the room banner's live fragment."""
    asked = latest(code)
    if not asked:
        return
    n = int(asked.get("count", 0))
    m = max(n, int(present))
    if classroom():
        st.html(BANNER_CSS)
    with st.container(key="answer_count"):
        st.markdown(f"**{t('flow.count', n=n, m=m)}** · {t('flow.status.' + asked['status'])}")
