"""What the teacher sees: the sidebar panel (share, start/end, one message) and the room banner
with the code in large type."""

from __future__ import annotations

import hashlib
import hmac
import html
import math
import time
from urllib.parse import urlencode

import streamlit as st

from ui.classroom import keeper, rules, waker
from ui.classroom import state as S
from ui.classroom import teacher
from ui.classroom.rules import RoomError
from ui import internals
from ui.classroom.share import class_qr, share_dialog
from ui.classroom.store import room_store
from ui.classroom.view import base_url, current_view, view_url
from ui.i18n import t
from ui.format import fmt
from ui.questions import flow


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


_KEEPER_JS = r"""
export default function (component) {
  const { data, setTriggerValue, parentElement } = component;
  const host = parentElement && (parentElement.host || parentElement);
  const row = host && host.closest && host.closest('[data-testid="stElementContainer"]');
  if (row) row.style.display = "none";
  const K = "activationLab.class";
  try {
    if (data && data.save) {
      localStorage.setItem(K, JSON.stringify(data.save));
    } else if (data && data.clear) {
      localStorage.removeItem(K);
    } else if (data && data.ask && window.__alClassAsked !== data.ask) {
      const kept = localStorage.getItem(K);
      if (kept) {   // once per try; a later try (the store did not answer) after wait_ms
        window.__alClassAsked = data.ask;
        const claim = JSON.parse(kept);
        setTimeout(() => setTriggerValue("claim", claim), data.wait_ms || 0);
      }
    }
  } catch (e) { /* no storage (private mode): the class cannot be reclaimed */ }
}
"""

_keeper = st.components.v2.component("al_class_keeper", js=_KEEPER_JS, isolate_styles=True)


def _claimed() -> None:
    value = st.session_state.get("class_keeper")
    try:
        claim = value["claim"]
    except (KeyError, TypeError):
        claim = getattr(value, "claim", None)
    if claim:
        teacher.claim(claim)


def keep() -> None:
    """The element that keeps this browser's room (code and secret) in its own storage, never
    in a link, so that the browser that started a class can reclaim it after a reload.

    Drawn at the end of a run, after the navigation: a reclaim is a rerun the browser asks for
    on the page it shows, and on a reload's first run the browser knows that page only once the
    navigation has run (a claim sent sooner reran the app on the home page)."""
    if teacher.teacher_room() is not None:
        data = st.session_state.get(S.KEEP) or {}
    elif st.session_state.get(S.FOLLOW):
        data = {}
    else:
        data = st.session_state.pop(S.KEEP, None) or _ask()
    _keeper(key="class_keeper", data=data, on_claim_change=_claimed, height=0)


def _ask() -> dict:
    """What the keeper asks its browser for the room it kept: try 1 at once; after a try the
    store did not answer, the next after 2, 4, 8 … s (at most 30 s), rules.CLAIM_TRIES in all."""
    tries = st.session_state.get(S.CLAIM_TRIES, 0)
    if tries >= rules.CLAIM_TRIES:
        return {}
    return {"ask": tries + 1, "wait_ms": int(1000 * min(30, 2 ** tries)) if tries else 0}


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


def _mode_changed() -> None:
    teacher.command(mode=st.session_state.get("class_mode") or rules.FOLLOW)


def _back() -> None:
    teacher.command(back=True)


def animal(secret: str, follower: str) -> int:
    """The animal a follower is called on the teacher's roster: drawn from an HMAC of its
    session id under the room's secret (no real name; the same student keeps it)."""
    digest = hmac.new(str(secret).encode(), str(follower).encode(), hashlib.sha256).digest()
    return int.from_bytes(digest[:4], "big") % ANIMALS


ANIMALS = 20   # class.animal.<i> in ui/locales/classroom.py
MAX_NAMES = 40  # names listed on the roster (the counts count everyone)


def roster(code: str, secret: str) -> tuple[dict[str, int], list[tuple[str, str]]]:
    """Counts of following / exploring / gone followers, and (name, status) of each."""
    counts = {rules.FOLLOWING: 0, rules.EXPLORING: 0, "gone": 0}
    names: list[tuple[str, str]] = []
    try:
        entries = room_store().roster(code)
    except RoomError:
        return counts, names
    seen: dict[int, int] = {}
    for follower, status, age in sorted(entries, key=lambda e: animal(secret, e[0])):
        # a session this process holds and that has disconnected is gone at once; one held by
        # another process (a school's second app process) only by its age
        local_gone = internals.session_exists(follower) and \
            internals.session_active(follower) is False
        if age > gone_after() or local_gone:
            status = "gone"
        counts[status] = counts.get(status, 0) + 1
        i = animal(secret, follower)
        seen[i] = seen.get(i, 0) + 1
        name = t(f"class.animal.{i}") + (f" {seen[i]}" if seen[i] > 1 else "")
        names.append((name, status))
    return counts, names


@st.fragment
def _live() -> None:
    """Teacher only: publish changes made in fragment reruns (full runs publish at their end),
    and the roster, current without any action of the teacher. The server reruns it every
    keeper.TICK_S while the teacher's session is idle (ui.classroom.keeper.live)."""
    teacher.publish_and_tell()
    code, secret = teacher.teacher_room(), st.session_state.get(S.SECRET)
    if not code:
        return
    keeper.live(code, internals.session_id(), internals.current_fragment_id())
    # an answer reruns this fragment at once (ui.classroom.waker.wake_teacher)
    waker.remember_teacher(code, internals.session_id(), internals.current_fragment_id())
    counts, names = roster(code, secret)
    listed = " · ".join(f"{name} ({t('class.status.' + status)})"
                        for name, status in names[:MAX_NAMES])
    st.html(f'<div class="al-roster" data-following="{counts[rules.FOLLOWING]}" '
            f'data-exploring="{counts[rules.EXPLORING]}" data-gone="{counts["gone"]}">'
            f'<div style="font-weight:600">{html.escape(t("class.roster", **counts))}</div>'
            f'<div style="font-size:0.85rem;opacity:0.8">{html.escape(listed)}</div></div>')
    # a question's live count: the students in class now (following or exploring) answer
    flow.live_count(code, counts[rules.FOLLOWING] + counts[rules.EXPLORING])


def gone_after() -> float:
    """Seconds without a sign of a follower after which the roster counts it gone: at least
    ROSTER_GONE_S, and two and a half heartbeats (a deployment may beat less often)."""
    from ui.classroom.state import HEARTBEAT_S

    return max(rules.ROSTER_GONE_S, 2.5 * HEARTBEAT_S)


def room_banner() -> None:
    """Main area, teacher with a room: the code in large type with its QR link (key room_code),
    how the class follows, everyone back, and the live roster."""
    code = teacher.teacher_room()
    if code is None:
        return
    link = f"{base_url()}/?{urlencode({'room': code})}"
    if "class_mode" not in st.session_state or not st.session_state.get("class_mode"):
        try:
            st.session_state["class_mode"] = room_store().control(code)["mode"]
        except RoomError:
            st.session_state["class_mode"] = rules.FOLLOW
    with st.container(key="room_code", border=True, horizontal=True,
                      vertical_alignment="center", gap="medium"):
        st.html(f'<div class="al-room" style="line-height:1.1">'
                f'<div style="font-size:0.9rem;opacity:0.8">{t("class.code")}</div>'
                f'<div class="al-room-code" style="font-size:2.4rem;font-weight:700;'
                f'letter-spacing:0.2em;font-family:monospace">{html.escape(code)}</div></div>',
                width="content")
        st.html(f'<div class="al-room-link" style="font-size:1.25rem;font-weight:600">'
                f'{html.escape(link)}</div>', width="content")
        with st.popover(t("class.show_qr"), icon=":material/qr_code_2:"):
            class_qr(link, code)
        st.segmented_control(t("class.mode"), rules.MODES, key="class_mode",
                             format_func=lambda m: t(f"class.mode.{m}"), help=t("class.mode_help"),
                             on_change=_mode_changed, label_visibility="collapsed")
        st.button(t("class.back"), key="class_back", icon=":material/undo:", on_click=_back,
                  help=t("class.back_help"))
        _live()
