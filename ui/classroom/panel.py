"""What the teacher sees: the sidebar panel (share, start/end, one message) and the room banner
with the code in large type."""

from __future__ import annotations

import html
import math
import time
from urllib.parse import urlencode

import streamlit as st

from ui.classroom import rules
from ui.classroom import state as S
from ui.classroom import teacher
from ui.classroom.rules import RoomError
from ui.classroom.share import share_dialog, show_qr
from ui.classroom.store import room_store
from ui.classroom.view import base_url, current_view, view_url
from ui.i18n import t
from ui.format import fmt


def wait_left() -> int:
    """Whole seconds left of a limit's wait (at least 1 while one is set)."""
    return max(1, int(math.ceil(st.session_state.get(S.WAIT_UNTIL, 0.0) - time.time())))


def _message() -> None:
    """The one message of the teacher's panel, if any."""
    problem = st.session_state.get(S.TEACHER_PROBLEM)
    if problem == "wait" and st.session_state.get(S.WAIT_UNTIL, 0.0) <= time.time():
        st.session_state.pop(S.TEACHER_PROBLEM, None)
        return
    if problem == rules.UNAVAILABLE:
        st.error(t("class.store_unavailable"), icon=":material/cloud_off:")
    elif problem == rules.TOO_BIG:
        st.warning(t("class.too_big", kb=fmt(rules.MAX_STATE_BYTES / 1024)))
    elif problem == rules.TOO_MANY:
        st.error(t("class.too_many_rooms"))
    elif problem == "wait":
        st.warning(t("class.wait_start", seconds=wait_left()))
    elif problem == "expired":
        st.warning(t("class.expired", hours=fmt(rules.IDLE_EXPIRY_S / 3600)))
    elif problem == "lost":
        st.warning(t("class.lost", seconds=fmt(rules.TEACHER_GRACE_S)))


def teacher_panel() -> None:
    """Sidebar: "share with the class" and "start a class" (or the running class's controls)."""
    teacher._check_room()
    st.markdown(f"**{t('class.heading')}**")
    if st.button(t("class.share"), key="share_class", icon=":material/qr_code_2:",
                 width="stretch"):
        share_dialog(view_url(base_url(), current_view()))
    if teacher.teacher_room() is None:
        if st.session_state.get(S.FOLLOW) and not st.session_state.get(S.PROBLEM):
            return   # a student in a class starts none (the banner above the page says so)
        st.button(t("class.start"), key="start_class", icon=":material/groups:",
                  width="stretch", on_click=teacher._start, help=t("class.start_help"))
    else:
        st.button(t("class.end"), key="end_class", icon=":material/stop_circle:",
                  width="stretch", on_click=teacher._end)
    _message()


def room_banner() -> None:
    """Main area, teacher with a room: the code in large type with its QR link (key room_code)."""
    code = teacher.teacher_room()
    if code is None:
        return
    link = f"{base_url()}/?{urlencode({'room': code})}"
    try:
        count = len(room_store().followers(code))
    except RoomError:
        count = 0
    with st.container(key="room_code", border=True, horizontal=True,
                      vertical_alignment="center", gap="medium"):
        st.html(f'<div class="al-room" style="line-height:1.1">'
                f'<div style="font-size:0.9rem;opacity:0.8">{t("class.code")}</div>'
                f'<div class="al-room-code" style="font-size:2.4rem;font-weight:700;'
                f'letter-spacing:0.2em;font-family:monospace">{html.escape(code)}</div></div>',
                width="content")
        st.html(f'<div class="al-room-link" style="font-size:1.25rem;font-weight:600">'
                f'{html.escape(link)}</div><div style="font-size:0.9rem;opacity:0.8">'
                f'{t("class.following_count", n=count)}</div>', width="content")
        with st.popover(t("class.show_qr"), icon=":material/qr_code_2:"):
            show_qr(link, 340, with_url=False)   # the address stands beside the button
            st.html('<p style="font-size:3rem;font-weight:700;letter-spacing:0.25em;'
                    f'text-align:center;font-family:monospace;margin:0">{html.escape(code)}</p>')
    teacher._publisher()
