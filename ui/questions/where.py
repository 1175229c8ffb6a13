"""Where a question stands: the question of the lesson step shown now, who this session is in a
class (solo, teacher or student), and a question's id as a room keeps it (``<page>:<id>``, so
that a student's phone finds its texts whatever page it shows)."""

from __future__ import annotations

import threading

import streamlit as st

from ui import internals
from ui.i18n import get_lang
from ui.classroom import state as S
from ui.lessons import PAGES, steps
from ui.questions.model import Question, Truth

SOLO, TEACHER, STUDENT = "solo", "teacher", "student"
_TRUTHS: dict[tuple[str, str, str], Truth] = {}
_LOCK = threading.Lock()


def role() -> str:
    """TEACHER when this session runs a class, STUDENT when it follows one (a link whose code
    works), else SOLO (a student alone: predict, then reveal for themselves)."""
    if st.session_state.get(S.ROOM):
        return TEACHER
    if st.session_state.get(S.FOLLOW) and not st.session_state.get(S.PROBLEM):
        return STUDENT
    return SOLO


def qualified(page_id: str, question: Question) -> str:
    """The id a room keeps for a question: ``<page>:<question id>``."""
    return f"{page_id}:{question.id}"


def find(qid: str | None) -> tuple[str, Question] | None:
    """(page id, question) of a qualified id (None if no lesson asks it)."""
    page_id, _, own = str(qid or "").partition(":")
    if page_id not in PAGES:
        return None
    for step in steps(page_id):
        if step.question is not None and step.question.id == own:
            return page_id, step.question
    return None


def step_number(page_id: str) -> int | None:
    """The lesson step the URL shows on page_id (None off the lesson or for a bad value)."""
    raw = st.query_params.get("lesson")
    try:
        k = int(raw) if raw is not None else 0
    except ValueError:
        return None
    return k if 1 <= k <= len(steps(page_id)) else None


def here() -> tuple[str, Question] | None:
    """(page id, question) of the lesson step this run shows, if that step asks one."""
    page_id = internals.known_page_path()
    if page_id not in PAGES:
        return None
    k = step_number(page_id)
    question = steps(page_id)[k - 1].question if k else None
    return (page_id, question) if question is not None else None


def truth(page_id: str, question: Question) -> Truth:
    """What core says the answer is (computed on first use in this process and language: the
    step's state is fixed, so the truth is the same for every viewer; its words are not)."""
    key = (page_id, question.id, get_lang())
    with _LOCK:
        known = _TRUTHS.get(key)
    if known is None:
        known = question.truth()
        with _LOCK:
            _TRUTHS[key] = known
    return known
