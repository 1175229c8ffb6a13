"""Predict, then reveal: before the reveal nothing on the page may state or draw the answer. A
question names the parts of its page that would (``Question.hides``); the page asks
:func:`concealed` (or wraps a section in :func:`unless_concealed`) and leaves them out until
this session has seen the reveal: alone, their own *Reveal*; in a class, the teacher's."""

from __future__ import annotations

import functools
from typing import Any, Callable

import streamlit as st

from ui import internals
from ui.i18n import t
from ui.questions import solo, student, teach
from ui.questions.model import Question
from ui.questions.where import STUDENT, TEACHER, here, qualified, role

HIDDEN = "question.hidden"  # what stands where a concealed part would be
_SEEN = "_al_question_concealed"   # qualified id -> whether the last run concealed its parts


def revealed(page_id: str, question: Question) -> bool:
    """Whether this session has seen the question's reveal: alone, their own *Reveal*; the
    class's teacher and students, the room's question revealed."""
    side = role()
    if side in (TEACHER, STUDENT):
        asked = (teach if side == TEACHER else student).ours(page_id, question)
        return bool(asked) and asked.get("status") == teach.REVEALED
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
