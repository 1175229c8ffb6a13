"""How a follower applies the teacher's view (measured in bench/follow.py).

The room holds one view (page + parameters), the teacher's mode (follow / free / pause) and a view
epoch ("everyone back to my view"), under one version. A follower applies a view only at the top
of a full run, before any widget exists (``follow``): every shared control of the page's spec is
written from the view — its default where the view leaves it out — together with the lesson step
and the address, in one go (ui.classroom.view.write_state). Text, controls and chart of that run
all come from the one state; no half-applied view is ever drawn. Another page first navigates
there (a history navigation), and the new page's run writes the state.

``watch`` (a small fragment, woken by a publish through ui.classroom.waker, and run every
HEARTBEAT_S — POLL_S without push) reads the room's control record, counts the follower in with
its roster status, draws the banner (and the pause screen), and reruns the app when the view must
be applied: a new view while the student follows, any difference while the teacher leads
(*Follow me*), or a new view epoch.
"""

from __future__ import annotations

import logging

import streamlit as st

from ui import internals
from ui.nav import declared_path
from ui.classroom import rules
from ui.classroom import state as S
from ui.classroom.rules import RoomError
from ui.classroom.store import room_store
from ui.classroom.view import (correct_address, current_page, current_view, query_of,
                               remember_page, write_state)
from ui.classroom.waker import push_available, remember

_LOG = logging.getLogger(__name__)


def navigate(view: dict) -> None:
    """Rerun this session on the view's page as a history navigation (URL wins for every bound
    widget), keeping this viewer's own lang/classroom/room."""
    st.session_state[S.SYNC_URL] = True   # before the request: the next write would yield
    page = str(view.get("page", ""))
    remember_page(page)
    if internals.navigate(query_of(view, own=True), page=page, declared=declared_path(page)):
        st.empty()  # a yield point: the runner stops this run and starts the requested one


def sync_url() -> None:
    """After a navigation: tell the browser the address it now shows (a history navigation
    assumes the browser changed it itself)."""
    if st.session_state.pop(S.SYNC_URL, False):
        internals.send_address()


def status() -> str:
    """This follower's roster status: following while it shows the last view applied (or the
    room's), exploring once it differs."""
    applied = st.session_state.get(S.VIEW)
    return rules.FOLLOWING if applied is None or applied == current_view() else rules.EXPLORING


def must_apply(control: dict) -> bool:
    """Whether the room's record asks this follower to take the teacher's view now."""
    if st.session_state.get(S.SOLO):
        return False
    if control["epoch"] != st.session_state.get(S.EPOCH):
        return True     # everyone back to the teacher's view (and a first join)
    if control["version"] == st.session_state.get(S.APPLIED):
        # nothing new: only a locked follower that drifted (a touch the lock missed) goes back
        return control["mode"] == rules.FOLLOW and status() == rules.EXPLORING
    # something new: a follower on the teacher's last view (or locked) takes the new one
    return control["mode"] == rules.FOLLOW or status() == rules.FOLLOWING


def apply_room(code: str, control: dict) -> None:
    """Top of a full run: take the room's view (see the module docstring)."""
    version, view = room_store().read(code)
    st.session_state[S.EPOCH] = control["epoch"]
    st.session_state[S.VIEW_EPOCH] = control["epoch"]
    if not view:
        st.session_state[S.APPLIED] = version
        return
    if view.get("page") != current_page():
        navigate(view)      # the new page's first run writes the state
        st.session_state[S.EPOCH] = None
        return
    if not write_state(view):   # a page without a control spec: the URL carries the view
        st.session_state[S.APPLIED] = version
        st.session_state[S.VIEW] = view
        if view != current_view():
            navigate(view)
        return
    st.session_state[S.APPLIED] = version
    st.session_state[S.VIEW] = view


def read_control(code: str) -> dict | None:
    """The room's control record (None when it cannot be read)."""
    try:
        return room_store().control(code)
    except RoomError:
        return None


def beat(code: str) -> None:
    """Count this follower in, with its roster status."""
    try:
        room_store().join(code, internals.session_id() or "test", status=status())
    except RoomError:
        pass


def keep_address() -> None:
    """In a fragment's run: the browser's request carries its address, which may be older than
    this session's view (a slow phone asks for the heartbeat before it has taken the address
    the last run sent, the step before the teacher's); Streamlit takes it as the address, and
    the page's next full run would take its lesson step as the student's choice. The view in
    this session's state wins: the browser gets its address back."""
    if internals.in_fragment_run():
        correct_address()


@st.fragment(run_every=S.HEARTBEAT_S if push_available() else S.POLL_S)
def watch(draw) -> None:
    """Follower: the room's record (what the server wakes, and a slow heartbeat): the roster
    beat, the banner (``draw(control)``), and a full rerun when the view must be applied."""
    code = st.session_state.get(S.FOLLOW)
    if not code:
        return
    remember(internals.session_id() or "test", internals.current_fragment_id())
    keep_address()
    control = read_control(code)
    if control is not None and must_apply(control) and internals.in_fragment_run():
        st.rerun(scope="app")
    beat(code)
    draw(control)


def verify() -> None:
    """End of every run: remember the page shown (the next run's top reads it)."""
    remember_page()
