"""The teacher's side: start a class, publish the view, end it; the panel and the room banner.

The teacher's session opens a room and keeps its secret in its session state, never in a link.
The end of every full run publishes the view if it changed (``publish_now``); changes made in
``@st.fragment`` reruns do not reach the end of the script, so a tiny ``run_every`` fragment
compares the view with the last one published (``PUBLISH_EVERY_S``). Only code holding the
room's secret can publish: nothing a student sends writes to a room.

A view over the size limit is refused with a message and the class keeps its last good view;
an outage of the shared store keeps the room (the next run tries again); a room the store no
longer has is forgotten with the truth: no change for IDLE_EXPIRY_S, or lost by the store.
"""

from __future__ import annotations

import time

import streamlit as st

from ui import internals
from ui.classroom import keeper, limits, rules
from ui.classroom import state as S
from ui.classroom.rules import RoomError
from ui.classroom.store import room_store
from ui.classroom.view import correct_address, current_view
from ui.classroom.waker import wake


def teacher_room() -> str | None:
    """The code of the room this session runs, if any."""
    return st.session_state.get(S.ROOM)


def _forget_room() -> None:
    keeper.release(st.session_state.get(S.ROOM))
    for key in (S.ROOM, S.SECRET, S.SENT, S.REJECTED, S.CHANGED_AT, S.MODE):
        st.session_state.pop(key, None)
    st.session_state[S.KEEP] = {"clear": True}   # the browser forgets it too


def _start() -> None:
    """Start a class (one per session: a running one is ended first), within the limits."""
    store = room_store()
    try:
        wait = limits.wait_s(store, "start")
        if wait:
            st.session_state[S.TEACHER_PROBLEM] = "wait"
            st.session_state[S.WAIT_UNTIL] = time.time() + wait
            return
        _end()
        code, secret = store.create()
        limits.count(store, "start")
    except RoomError as err:
        st.session_state[S.TEACHER_PROBLEM] = err.reason
        return
    _adopt(code, secret)


def _adopt(code: str, secret: str) -> None:
    """This session runs the room (started here, or reclaimed by this browser)."""
    st.session_state[S.ROOM], st.session_state[S.SECRET] = code, secret
    st.session_state[S.CHANGED_AT] = time.time()
    for key in (S.TEACHER_PROBLEM, S.SENT, S.CLAIM_TRIES):
        st.session_state.pop(key, None)
    st.session_state[S.KEEP] = {"save": {"code": code, "secret": secret}}
    keeper.hold(code, secret, internals.session_id())


def claim(value) -> bool:
    """The teacher's browser asks for the room it kept (after a reload, a dropped connection or
    a closed lid): adopted only with the room's secret. Whether it was."""
    try:
        code, secret = str(value["code"])[:rules.READ_CODE_CHARS], str(value["secret"])[:200]
    except (KeyError, TypeError):
        return False
    if teacher_room() is not None or not rules.valid_code(rules.normalise_code(code)):
        return False
    code = rules.normalise_code(code)
    try:
        room_store().touch(code, secret)
    except RoomError as err:
        if err.reason == rules.UNAVAILABLE:   # the store does not answer now: keep the room,
            st.session_state[S.TEACHER_PROBLEM] = rules.UNAVAILABLE   # say so, ask again
            st.session_state[S.CLAIM_TRIES] = st.session_state.get(S.CLAIM_TRIES, 0) + 1
        else:
            st.session_state[S.KEEP] = {"clear": True}   # gone or not this browser's: forget it
        return False
    _adopt(code, secret)
    return True


def command(mode: str | None = None, back: bool = False) -> None:
    """The teacher holds the class: a mode (rules.MODES) and/or everyone back to this view;
    the followers are woken."""
    code, secret = teacher_room(), st.session_state.get(S.SECRET)
    if not code:
        return
    publish_now()     # "back to my view" means this view
    try:
        room_store().command(code, secret, mode=mode, back=back)
    except RoomError as err:
        _failed(err)
        return
    if mode:
        st.session_state[S.MODE] = mode
    wake(room_store(), code)


def _end() -> None:
    code, secret = st.session_state.get(S.ROOM), st.session_state.get(S.SECRET)
    _forget_room()
    if code and secret:
        try:
            room_store().end(code, secret)
        except RoomError:
            pass


def publish_now() -> int | None:
    """Publish the view if this session runs a room and the view changed; wake the followers.
    Returns the room's version (None when nothing was published)."""
    code, secret = st.session_state.get(S.ROOM), st.session_state.get(S.SECRET)
    if not code or not secret:
        return None
    # the browser's address may have missed a change its widget made (the widget's value is in
    # this session's state): correct the address, and publish from the state regardless
    correct_address()
    view = current_view()
    if view in (st.session_state.get(S.SENT), st.session_state.get(S.REJECTED)):
        return None
    store = room_store()
    try:
        version = store.publish(code, secret, view)
    except RoomError as err:
        _failed(err, view)
        return None
    if st.session_state.get(S.TEACHER_PROBLEM) in (rules.TOO_BIG, rules.UNAVAILABLE):
        st.session_state.pop(S.TEACHER_PROBLEM, None)
    st.session_state.pop(S.REJECTED, None)
    st.session_state[S.SENT] = view
    st.session_state[S.CHANGED_AT] = time.time()
    wake(store, code)
    return version


def _failed(err: RoomError, view: dict | None = None) -> None:
    """After a failed room call: refuse a too big view (the class keeps the last good one);
    keep the room while the shared store is only unreachable; else the room is gone."""
    if err.reason == rules.TOO_BIG:
        st.session_state[S.TEACHER_PROBLEM] = rules.TOO_BIG
        st.session_state[S.REJECTED] = view
    elif err.reason == rules.UNAVAILABLE:
        st.session_state[S.TEACHER_PROBLEM] = rules.UNAVAILABLE
        st.session_state.pop(S.SENT, None)  # publish again once the store answers
    else:
        changed = st.session_state.get(S.CHANGED_AT, 0.0)
        idle = time.time() - changed >= rules.IDLE_EXPIRY_S - rules.LEASE_RENEW_S
        _forget_room()
        st.session_state[S.TEACHER_PROBLEM] = "expired" if idle else "lost"


def publish_and_tell() -> None:
    """Publish; when that changed what the teacher's panel must say (a refused view, a lost
    room, an outage), run the app once more to say it now."""
    before = (teacher_room(), st.session_state.get(S.TEACHER_PROBLEM))
    publish_now()
    if (teacher_room(), st.session_state.get(S.TEACHER_PROBLEM)) != before:
        st.rerun(scope="app")


def _check_room() -> None:
    """Renew this session's room (the teacher is here) and notice if it is gone."""
    code = teacher_room()
    if code is None:
        return
    try:
        room_store().touch(code, st.session_state.get(S.SECRET))
    except RoomError as err:
        _failed(err)
    else:
        if st.session_state.get(S.TEACHER_PROBLEM) == rules.UNAVAILABLE:
            st.session_state.pop(S.TEACHER_PROBLEM, None)
