"""A student's phone in a class: when the teacher asks, the question comes first on the screen
(container ``class_question``, above the page: the follower's lock leaves what is inside a
``class_`` container free), with its input; "answer sent"; a late answer gets the store's
refusal; after the reveal, their own answer against the truth. Answers are tied to the
session's random id only."""

from __future__ import annotations

from typing import Any

import streamlit as st

from ui import internals
from ui.chart import Capture
from ui.classroom import state as S
from ui.classroom import waker
from ui.classroom.answers import refusal
from ui.classroom.rules import RoomError
from ui.classroom.store import room_store
from ui.figures.answers import mine_traces
from ui.i18n import t
from ui.page import look
from ui.questions import inputs, judge, shown
from ui.questions.model import Question, hint, prompt
from ui.questions.teach import CLOSED, OPEN, REVEALED
from ui.questions.where import find, here, qualified, truth

SEEN = "_al_question_seen"     # (qid, status) of the room's question this session drew last
SENT = "_al_question_sent"     # {"qid", "answer" | "refused" | "bad"}: the last send


# a new question on the phone: bring its box into view (the page may stand scrolled down to
# the lesson's picture); again a little later, after the page's own scrolling to the step
_BRING_JS = r"""
export default function (component) {
  const { data, parentElement } = component;
  const host = parentElement && (parentElement.host || parentElement);
  const row = host && host.closest && host.closest('[data-testid="stElementContainer"]');
  if (row) row.style.display = "none";
  if (!data || !data.qid || window.__alQuestionShown === data.qid) return;
  window.__alQuestionShown = data.qid;
  const bring = () => {
    const box = document.querySelector(".st-key-class_question");
    if (box && box.getBoundingClientRect().top < 0 || box && box.getBoundingClientRect().top >
        window.innerHeight * 0.5) box.scrollIntoView({block: "start"});
  };
  [0, 300, 900, 1800, 2800].forEach((ms) => setTimeout(bring, ms));
}
"""
_bring = st.components.v2.component("al_question_bring", js=_BRING_JS, isolate_styles=True)


def who() -> str:
    """This student as the room knows them: the session's random id (no name)."""
    return internals.session_id() or "test"


def latest() -> dict | None:
    """The room's latest question (None without one, or when the store cannot say)."""
    code = st.session_state.get(S.FOLLOW)
    if not code or st.session_state.get(S.PROBLEM):
        return None
    try:
        return room_store().question(code)
    except RoomError:
        return None


def changed(control: dict | None) -> bool:
    """Whether the room's question (from the control record the watch reads) differs from what
    this session drew: a new question, or one ended or revealed."""
    asked = control.get("question") if isinstance(control, dict) and "question" in control \
        else latest()
    now = (asked["qid"], asked["status"]) if asked else None
    return now != st.session_state.get(SEEN)


def send(asked: dict, question: Question, answer: Any) -> bool:
    """Check and send an answer to the open question; whether the last send changed."""
    before = st.session_state.get(SENT)
    bad = "flow.empty" if answer == inputs.EMPTY else judge.check(question, answer)
    if bad is not None:
        st.session_state[SENT] = {"qid": asked["qid"], "bad": bad}
        return before != st.session_state[SENT]
    store, code = room_store(), st.session_state.get(S.FOLLOW)
    try:
        store.answer(code, who(), asked["qid"], answer)
    except RoomError as err:
        st.session_state[SENT] = {"qid": asked["qid"], "refused": err.reason}
    else:
        st.session_state[SENT] = {"qid": asked["qid"], "answer": answer}
        waker.answered(store, code)   # the teacher's live count shows it at once
    return before != st.session_state[SENT]


def _said(asked: dict) -> None:
    """The last send's outcome for this question."""
    sent = st.session_state.get(SENT) or {}
    if sent.get("qid") != asked["qid"]:
        return
    if "answer" in sent:
        st.success(t("flow.sent"), icon=":material/check:")
    elif "bad" in sent:
        st.error(t(sent["bad"]), icon=":material/error:")
    else:
        key, values = refusal(sent["refused"])
        st.error(t(key, **values), icon=":material/block:")


def _mine(asked: dict) -> dict | None:
    try:
        return room_store().my_answer(st.session_state.get(S.FOLLOW), who(), asked["qid"])
    except RoomError:
        return None


def panel() -> None:
    """Top of a student's page, right under the class banner (its own block, never inside the
    banner): the room's question, its input, what became of the answer. An open question shows
    on any step (its chart may be elsewhere); an ended or revealed one only on its own step."""
    asked = latest()
    found = find(asked["id"]) if asked else None
    if asked is None or found is None:
        st.session_state[SEEN] = (asked["qid"], asked["status"]) if asked else None
        return
    page_id, question = found
    if (st.session_state.get(SEEN) or (None,))[0] != asked["qid"]:
        inputs.reset()
    st.session_state[SEEN] = (asked["qid"], asked["status"])
    if asked["status"] != OPEN and not on_chart(page_id, question):
        return    # ended or revealed, and the teacher has moved on: the picture comes first
    with st.container(key="class_question", border=True):
        _bring(key="class_question_bring", data={"qid": asked["qid"]}, height=0)
        st.markdown(f"**{t('flow.asked')}** — {prompt(page_id, question)}")
        if asked["status"] == REVEALED:
            shown.mine(page_id, question, _mine(asked))
            return
        if asked["status"] == CLOSED:
            st.warning(t("flow.ended"), icon=":material/timer_off:")
        if question.kind in ("tap", "sketch") and not on_chart(page_id, question):
            st.info(t("flow.elsewhere"), icon=":material/touch_app:")
        given = inputs.draw(page_id, question)
        if given is not None:
            send(asked, question, given)
        _said(asked)


def on_chart(page_id: str, question: Question) -> bool:
    """Whether this page shows the question's step (its chart takes the answer)."""
    found = here()
    return found is not None and found[0] == page_id and found[1].id == question.id


def ours(page_id: str, question: Question) -> dict | None:
    """The room's question if it is this step's."""
    asked = latest()
    return asked if asked and asked["id"] == qualified(page_id, question) else None


def chart(page_id: str, question: Question) -> tuple[Capture | None, list[dict]]:
    """The step's chart on the phone: it takes the tap or the stroke while the question is
    asked; after the reveal it shows the student's own answer and the truth."""
    asked = ours(page_id, question)
    if asked is None:
        return None, []
    if asked["status"] == REVEALED:
        mine = _mine(asked)
        return None, (mine_traces(question, mine, truth(page_id, question), look())
                      if mine else [])
    if question.kind not in ("tap", "sketch") or asked["status"] not in (OPEN, CLOSED):
        return None, []
    return Capture(mode=question.kind, question=asked["qid"], hint=hint(page_id, question)), []


def took(page_id: str, question: Question, answer: dict) -> None:
    """A tap or a stroke on the chart: send it, then draw the page again to say so."""
    asked = ours(page_id, question)
    if asked is not None and asked["status"] != REVEALED and send(asked, question, answer):
        st.rerun(scope="app")
