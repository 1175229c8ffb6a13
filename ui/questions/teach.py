"""The teacher's side of a question step: *Ask* (key ``ask``) opens it in the room, *End*
(key ``answer_end``) takes no more answers, *Reveal* (key ``reveal``) shows the class's answers
on the step's chart (or their own chart for numbers and choices), the truth and one computed
sentence. The live count ("23 of 31 answered", container ``answer_count``) stands in the room
banner's live fragment (ui.classroom.panel), which the server reruns every second.

In the lecture view (projector mode with a lesson) the teacher's question is part of the lesson's
caption line instead (:func:`strip`): Ask, the count, End and Reveal as compact items, after
the reveal the computed sentence. The count there is a small fragment of its own, which the
live fragment reruns when the count it reads differs from the one shown (:func:`count_line`)."""

from __future__ import annotations

import time

import streamlit as st

from ui import internals
from ui.classroom import rules
from ui.classroom import state as S
from ui.classroom.rules import RoomError
from ui.classroom.store import room_store
from ui.classroom.waker import wake
from ui.figures.answers import reveal_traces
from ui.i18n import t
from ui.page import classroom, lecture, look
from ui.questions import judge, shown
from ui.questions.model import Question, truth_text
from ui.questions.where import here, qualified, truth

# the question under the lecture view's caption line (which may overhang its row)
CSS = "<style>.st-key-lesson_bar .st-key-question_panel { margin-top: 0.9rem; }</style>"
# the projector's one-line room banner: the question's count, while it stands there, in place of
# the roster's (a style element may outlive the fragment run that drew it: the rule checks)
BANNER_CSS = """<style>
.st-key-room_code:has(.st-key-answer_count) [data-testid="stElementContainer"]:has(.al-roster) {
  display: none; }
.st-key-room_code .st-key-answer_count p { margin: 0; white-space: nowrap;
  font-size: 0.9rem !important; }
</style>"""
PROBLEM = "_al_question_teacher_problem"   # why the last Ask / End / Reveal failed
PRESENT = "_al_question_present"   # students in class, as the live fragment last counted them
SHOWN = "_al_question_count_shown"   # (qid, n, m, status) the caption line's count shows
ASKED = "_al_question_count_asked"   # the same, the last one the live fragment asked it to show
SLOT = "_al_question_count_fragment"   # the id of the caption line's count fragment
ASK_AGAIN_S = 3.0
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


def _buttons(page_id: str, question: Question, asked: dict | None, short: bool = False) -> None:
    """Ask (or Ask again), End, Reveal: the ones the question's status allows. Short: the
    caption line's compact labels."""
    status = asked["status"] if asked else None
    with st.container(horizontal=True, gap="small", key="question_actions",
                      width="content" if short else "stretch"):
        if status in (None, REVEALED):
            st.button(t("flow.ask" if status is None else "flow.ask_again"), key="ask",
                      on_click=_ask, args=(page_id, question), icon=":material/campaign:",
                      type="primary" if status is None else "secondary")
        if status == OPEN:
            st.button(t("flow.end_short" if short else "flow.end"), key="answer_end",
                      on_click=_act, args=("end_question", asked["qid"]),
                      icon=":material/stop_circle:")
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


def _count_text(n: int, m: int, status: str, short: bool = False) -> str:
    if short:  # the caption line: the count, a lock once answers are closed
        lock = ":material/lock: " if status == CLOSED else ""
        return f"{lock}**{t('flow.count_short', n=n, m=m)}**"
    return f"**{t('flow.count', n=n, m=m)}** · {t('flow.status.' + status)}"


def count_line(code: str, present: int) -> None:
    """The live count of the room's latest question: "n of m answered", m the students in
    class now (at least n). Inside the room banner's live fragment; in the lecture view the
    question of the step shown has its count in the caption line (:func:`_strip_count`), which
    this reruns when its count is not the one the room holds now."""
    st.session_state[PRESENT] = int(present)
    asked = latest(code)
    if not asked:
        return
    n = int(asked.get("count", 0))
    m = max(n, int(present))
    found = here()
    if lecture() and found is not None and asked.get("id") == qualified(*found):
        _nudge((asked["qid"], n, m, asked["status"]))
        return
    if classroom():
        st.html(BANNER_CSS)
    with st.container(key="answer_count"):
        st.markdown(_count_text(n, m, asked["status"]))


def _nudge(now: tuple) -> None:
    """Ask the caption line's count fragment to show now's count if it shows another (for the
    same count again only after ASK_AGAIN_S: a request may be lost, and one for a fragment that
    is gone makes a whole run of the page)."""
    if now[3] == REVEALED or not internals.in_fragment_run():
        return   # a whole run draws the caption line after this
    fragment = st.session_state.get(SLOT)
    if not fragment or st.session_state.get(SHOWN) == now:
        return
    last, at = st.session_state.get(ASKED) or (None, 0.0)
    if last == now and time.monotonic() - at < ASK_AGAIN_S:
        return
    st.session_state[ASKED] = (now, time.monotonic())
    internals.request_rerun(internals.session_id() or "", fragment)


@st.fragment
def _strip_count(page_id: str, question: Question) -> None:
    """The caption line's live count (container ``answer_count``)."""
    asked = ours(page_id, question)
    if not asked or asked["status"] not in (OPEN, CLOSED):
        st.session_state.pop(SHOWN, None)
        if internals.in_fragment_run() and asked is not None:
            st.rerun(scope="app")   # revealed meanwhile: the chart and the line follow
        return
    st.session_state[SLOT] = internals.current_fragment_id()
    n = int(asked.get("count", 0))
    m = max(n, int(st.session_state.get(PRESENT, 0)))
    st.session_state[SHOWN] = (asked["qid"], n, m, asked["status"])
    with st.container(key="answer_count", width="content"):
        st.markdown(_count_text(n, m, asked["status"], short=True))


def _said(page_id: str, question: Question, asked: dict) -> None:
    """After the reveal, in the caption line: the computed sentence cut to the line; its
    button opens the truth, the whole sentence and a number's or a choice's answers chart."""
    given = answers(asked)
    known = truth(page_id, question)
    key, values = judge.summary(question, given, known)
    sentence = t(key, **values)
    with st.popover(sentence, icon=":material/bar_chart:", key="answer_said", width="content"):
        with st.container(key="answer_reveal"):
            st.markdown(f"**{truth_text(page_id, question, known)}**")
            st.markdown(sentence)
            shown.answers_chart(page_id, question, given)


def strip(page_id: str, question: Question) -> None:
    """The lecture view's question items, inside the caption line (ui.lesson): Ask; once asked
    the live count, End and Reveal; after the reveal the computed sentence and Ask again."""
    asked = ours(page_id, question)
    status = asked["status"] if asked else None
    if status == REVEALED:
        _said(page_id, question, asked)
    elif status in (OPEN, CLOSED):
        with st.container(width="content", key="answer_live"):
            _strip_count(page_id, question)
    _buttons(page_id, question, asked, short=True)
    problem = st.session_state.get(PROBLEM)
    if problem:
        why = "class.store_unavailable" if problem == rules.UNAVAILABLE else "flow.teacher_failed"
        with st.container(key="question_problem", width="content"):
            st.markdown(f":red[:material/error: {t(why)}]")
