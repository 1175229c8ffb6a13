"""How a follower applies the teacher's view (measured in bench/follow.py).

``_watch`` (a small fragment, woken by a publish through ui.classroom.waker, and run every
HEARTBEAT_S — POLL_S without push) compares the room's version with the one applied. If only
widgets of one ``@st.fragment`` differ (the teacher moved the explorer's slope), it reruns just
that fragment, then itself to check that the values took; otherwise (another page, a lesson
step) the whole app reruns and the top of the run (``follow``) navigates. Both reruns are
*history navigations* to the teacher's query string: Streamlit seeds every URL-bound widget
from the URL exactly as when a link is opened, and resets the ones the teacher left at their
default.
"""

from __future__ import annotations

import logging

import streamlit as st

from ui import internals
from ui.classroom import state as S
from ui.classroom.rules import RoomError
from ui.classroom.store import room_store
from ui.classroom.view import current_page, current_view, query_of, same
from ui.classroom.waker import push_available, remember

_LOG = logging.getLogger(__name__)


def navigate(view: dict, fragment: str | None = None, then: str | None = None) -> None:
    """Rerun this session on the view's page and parameters as a history navigation (URL
    wins for every bound widget), keeping this viewer's own lang/classroom/room. With a
    fragment id (the view differs only in that fragment's widgets) only that fragment reruns."""
    query = query_of(view, own=True)
    if fragment:
        internals.send_address(query)   # sent now, as no full run follows to send it
        done = internals.navigate(query, fragments=[fragment] + ([then] if then else []))
    else:
        st.session_state[S.SYNC_URL] = True   # before the request: the next write would yield
        done = internals.navigate(query, page=str(view.get("page", "")))
    if done:
        st.empty()  # a yield point: the runner stops this run and starts the requested one


def sync_url() -> None:
    """After a navigation: tell the browser the address it now shows (a history navigation
    assumes the browser changed it itself)."""
    if st.session_state.pop(S.SYNC_URL, False):
        internals.send_address()


def fragment_of(view: dict) -> str | None:
    """The fragment that holds every widget whose URL value differs between this session's
    view and view, if they all live in one fragment on the same page (else None: the whole
    page must rerun — another page, a lesson step, a control outside fragments)."""
    if view.get("page") != current_page():
        return None
    mine, theirs = current_view()["params"], view.get("params", {})
    changed = {k for k in mine.keys() | theirs.keys() if mine.get(k) != theirs.get(k)}
    return internals.fragment_of_keys(changed) if changed else None


def _room_version(code: str) -> int | None:
    try:
        room_store().join(code, internals.session_id() or "test")
        return room_store().version(code)
    except RoomError:
        return None


def _target(code: str, version: int | None) -> tuple[int | None, dict | None, str | None]:
    """(version, view, fragment) to apply in a fragment run (view None: a full rerun)."""
    if version is None or not internals.in_fragment_run() or st.session_state.get(S.SYNC_URL):
        return version, None, None
    try:
        version, view = room_store().read(code)
    except RoomError:
        return version, None, None
    return version, view, fragment_of(view)


@st.fragment(run_every=S.HEARTBEAT_S if push_available() else S.POLL_S)
def watch() -> None:
    """Follower: a cheap check of the room's version (what the server wakes, and a slow
    heartbeat); when it changed, rerun the one fragment the change is in, else the page."""
    code = st.session_state.get(S.FOLLOW)
    if not code or st.session_state.get(S.SOLO):
        return
    me = internals.current_fragment_id()
    remember(internals.session_id() or "test", me)
    version = _room_version(code)
    checking = st.session_state.get(S.CHECK)          # (version, tries) of a fragment apply
    rechecking = internals.in_fragment_run() and checking and checking[0] == version
    if version == st.session_state.get(S.APPLIED) and not rechecking:
        return
    version, view, fragment = _target(code, version)
    if view is not None and same(view):   # showing it (applied, or came back by a full run)
        st.session_state[S.APPLIED] = version
        st.session_state.pop(S.CHECK, None)
        return
    tries = checking[1] + 1 if checking and checking[0] == version else 0
    if fragment is None or tries > S.MAX_RETRIES:
        st.session_state.pop(S.CHECK, None)
        st.rerun(scope="app")
    st.session_state[S.APPLIED] = version
    # this fragment runs again right after the target one, to check that the values took
    # (another rerun request arriving meanwhile is merged with ours and may carry the old
    # address: then it applies once more)
    st.session_state[S.CHECK] = (version, tries)
    navigate(view, fragment, then=me)


def verify() -> None:
    """End of a follower's run after a navigation: a page may have put other values in place of
    the URL's on its first run (a lesson step writes its own values and reruns); navigate again,
    at most MAX_RETRIES times per version, until the view is the teacher's."""
    pending = st.session_state.get(S.VERIFY)
    code = st.session_state.get(S.FOLLOW)
    if pending is None:
        return
    version, tries = pending
    try:
        current, view = room_store().read(code) if code else (None, None)
    except RoomError:
        current = view = None
    if current != version or st.session_state.get(S.SOLO) or same(view) \
            or tries >= S.MAX_RETRIES:
        st.session_state.pop(S.VERIFY, None)
        return
    st.session_state[S.VERIFY] = (version, tries + 1)
    navigate(view)
