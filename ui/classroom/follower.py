"""The student's side: ``/?room=CODE`` follows the teacher's view (ui.classroom.apply applies
it), a banner says so with a one-click "explore on my own", and a wrong, old, full or
unreachable code — or too many wrong codes tried — gets a clear message."""

from __future__ import annotations

import time

import streamlit as st

from ui import internals
from ui.classroom import apply, limits, rules
from ui.classroom import state as S
from ui.classroom.panel import wait_left
from ui.classroom.rules import RoomError, normalise_code, old_code, valid_code
from ui.classroom.store import room_store
from ui.classroom.teacher import teacher_room
from ui.classroom.view import same
from ui.i18n import t


def link_code() -> str | None:
    """The room code in this viewer's URL (normalised), if any."""
    raw = st.query_params.get_all("room")
    return normalise_code(raw[-1]) if raw else None


def _admit(code: str) -> str | None:
    """Join code (or, exploring alone, check it still exists); the problem's reason if not.
    A code this session has not joined yet is a try: refused while the limits say wait, and
    counted when it names no room (once per code)."""
    if old_code(code):
        return "old"
    if not valid_code(code):
        return rules.UNKNOWN
    store, me = room_store(), internals.session_id() or "test"
    try:
        if st.session_state.get(S.JOINED) != code:
            wait = limits.wait_s(store, "try")
            if wait:
                st.session_state[S.WAIT_UNTIL] = time.time() + wait
                return "wait"
        if st.session_state.get(S.SOLO):
            store.leave(code, me)
            store.version(code)   # still there?
        else:
            store.join(code, me)
    except RoomError as err:
        if err.reason == rules.UNKNOWN and st.session_state.get(S.TRIED) != code:
            st.session_state[S.TRIED] = code
            _count_try(store)
        return err.reason
    st.session_state[S.JOINED] = code
    return None


def _count_try(store) -> None:
    try:
        limits.count(store, "try")
    except RoomError:
        pass


def follow() -> None:
    """Top of a full run: if the URL names a room and this session follows it, apply the
    teacher's view when its version changed (this stops the run and starts the new one)."""
    apply.sync_url()
    code = link_code()
    if code is None or code == teacher_room():
        st.session_state.pop(S.FOLLOW, None)
        return
    if st.session_state.get(S.FOLLOW) != code:     # a new code: start following it
        st.session_state[S.FOLLOW] = code
        st.session_state[S.APPLIED] = -1
        st.session_state[S.SOLO] = False
    problem = _admit(code)
    if problem:
        st.session_state[S.PROBLEM] = problem
        return
    st.session_state.pop(S.PROBLEM, None)
    if st.session_state.get(S.SOLO):
        return
    try:
        if room_store().version(code) == st.session_state.get(S.APPLIED):
            return
        version, view = room_store().read(code)
    except RoomError as err:
        st.session_state[S.PROBLEM] = err.reason
        return
    st.session_state[S.APPLIED] = version
    if view and not same(view):
        st.session_state[S.VERIFY] = (version, 0)
        apply.navigate(view)


def _solo() -> None:
    st.session_state[S.SOLO] = True


def _rejoin() -> None:
    st.session_state[S.SOLO] = False
    st.session_state[S.APPLIED] = -1


def _forget() -> None:
    if "room" in st.query_params:
        del st.query_params["room"]
    for key in (S.FOLLOW, S.PROBLEM, S.SOLO, S.APPLIED):
        st.session_state.pop(key, None)


_MESSAGES = {"full": "class.full", rules.UNAVAILABLE: "class.store_unavailable",
             "old": "class.old_code", "wait": "class.wait_code"}


def shown(code: str) -> str:
    """A code from a link as text: anything but letters and digits becomes "·" (nothing in it
    can be read as Markdown)."""
    return "".join(c if c.isalnum() else "·" for c in code)


def _problem_banner(code: str, problem: str) -> None:
    with st.container(key="class_problem"):
        message = t(_MESSAGES.get(problem, "class.bad_code"), code=shown(code),
                    seconds=wait_left())
        st.error(message, icon=":material/error:")
        st.button(t("class.forget"), key="class_forget", on_click=_forget)


def follower_banner() -> None:
    """Main area, student with a room link: what they follow, and the one-click switch; a clear
    message for a wrong, old or expired code."""
    code = st.session_state.get(S.FOLLOW)
    if not code:
        return
    problem = st.session_state.get(S.PROBLEM)
    if problem:
        _problem_banner(code, problem)
        return
    solo = st.session_state.get(S.SOLO)
    with st.container(key="class_follow", horizontal=True, vertical_alignment="center"):
        if solo:
            st.info(t("class.solo", code=shown(code)), icon=":material/explore:", width="stretch")
            st.button(t("class.rejoin"), key="class_rejoin", icon=":material/groups:",
                      on_click=_rejoin, type="primary")
        else:
            st.info(t("class.following", code=shown(code)), icon=":material/groups:", width="stretch")
            st.button(t("class.solo_button"), key="class_solo", icon=":material/explore:",
                      on_click=_solo)
    if not solo:
        apply.watch()
