"""Class link and "follow the teacher".

*Share with the class* (ui.classroom.share): a QR code and the address of the current view.
*Start a class* (ui.classroom.teacher, .panel): the teacher's session opens a room and publishes
its view — the page plus its query parameters, without the per-viewer keys (``lang``,
``classroom``, ``room``). Students open ``/?room=CODE`` and follow (ui.classroom.follower,
.apply). Rooms live in a store (ui.classroom.store: memory or Redis) under the rules of
ui.classroom.rules; waking followers (ui.classroom.waker) and every other use of Streamlit's
private API go through ui.internals.

ui.shell calls the four entry points below.
"""

from __future__ import annotations

import streamlit as st

from ui.classroom import apply, follower, panel, teacher
from ui.classroom.share import QR_SCALE, qr_svg, show_qr
from ui.classroom.state import HEARTBEAT_S, PER_VIEWER, POLL_S, PUBLISH_EVERY_S
from ui.classroom.teacher import publish_now, teacher_room
from ui.classroom.view import base_url, current_page, current_view, view_url
from ui.classroom.waker import wake

teacher_panel = panel.teacher_panel
follow = follower.follow

__all__ = ["HEARTBEAT_S", "PER_VIEWER", "POLL_S", "PUBLISH_EVERY_S", "QR_SCALE", "base_url",
           "current_page", "current_view", "follow", "frame_main", "frame_top", "publish_now",
           "qr_svg", "run_finished", "show_qr", "teacher_panel", "teacher_room", "view_url",
           "wake"]


def frame_top() -> None:
    """Called by ui.shell at the very top of every full run, before any widget."""
    follower.follow()


def frame_main() -> None:
    """Called by ui.shell in the main area, above the page: the banners."""
    follower.follower_banner()
    panel.room_banner()


def run_finished() -> None:
    """Called by ui.shell after the page ran: the browser's keeper of its class (in the
    sidebar), publish the teacher's view; a follower checks that the view it navigated to is
    the teacher's."""
    with st.sidebar:
        panel.keep()
    teacher.publish_and_tell()
    apply.verify()
