"""Class link and "follow the teacher" (issue #13, parts 2 and 3).

*Share with the class*: a dialog with a large QR code (made here by ``segno``, no web service)
and the address of the current view in large type, for the projector.

*Start a class*: the teacher's session opens a room (ui.rooms) and keeps its secret in its
session state, never in a link. Students open ``/?room=CODE`` and follow: the view that is
shared is the teacher's page plus its query parameters — every control is bound to the URL —
without the per-viewer keys (``lang``, ``classroom``, ``room``): each student keeps their own
language and projector setting.

How a change travels (measured in bench/follow.py):

1. Publish. The end of every full run of the teacher's session publishes the view if it changed
   (``publish_now``); changes made in ``@st.fragment`` reruns (the explorer's chart panel) do not
   reach the end of the script, so a tiny ``run_every`` fragment in the teacher's session
   compares the view with the last one published (``PUBLISH_EVERY_S``). Only code holding the
   room's secret (the teacher's session state) can publish: nothing a student sends writes to a
   room.
2. Wake. In the same process, a publish asks Streamlit to rerun each follower's small
   ``_watch`` fragment (the runtime's session registry; guarded: if that private API changes,
   followers poll instead). Idle followers therefore cost nothing between changes; the same
   fragment also runs every ``HEARTBEAT_S`` (it catches a missed wake and keeps the follower
   counted). Without the push (several processes, a shared store) it polls every ``POLL_S``.
3. Apply. ``_watch`` compares the room's version (an int) with the one applied. If only widgets
   of one ``@st.fragment`` differ (the teacher moved the explorer's slope), it reruns just that
   fragment, then itself to check that the values took; otherwise (another page, a lesson step)
   the whole app reruns and the top of the run (``follow``) navigates. Both reruns are *history
   navigations* to the teacher's query string: Streamlit seeds every URL-bound widget from the
   URL exactly as when a link is opened, and resets the ones the teacher left at their default.
"""

from __future__ import annotations

import html
import logging
import os
from typing import Any
from urllib.parse import urlencode

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from ui.i18n import t
from ui.format import fmt
from ui.rooms import IDLE_EXPIRY_S, RoomError, normalise_code, room_store, valid_code

UNAVAILABLE = "store_unavailable"  # RoomError reason: the shared store cannot be reached

_LOG = logging.getLogger(__name__)

PER_VIEWER = ("lang", "classroom", "room")  # URL keys that stay each viewer's own
PUBLISH_EVERY_S = 0.25  # teacher: how often fragment-made changes are looked for
# follower with push: re-check the version (a missed wake), stay counted; a deployment (or the
# topology test, which must see the cross-process wake alone) may set it, within 1 – 120 s
HEARTBEAT_S = min(max(float(os.environ.get("ACTIVATION_LAB_HEARTBEAT_S", "5") or 5), 1.0), 120.0)
POLL_S = 1.0            # follower without push: how often the version is read
QR_SCALE = 10

# session-state keys (private to this module)
ROOM = "_al_class_room"          # teacher: code of the room this session runs
SECRET = "_al_class_secret"      # teacher: the room's secret (never shown, never in a URL)
SENT = "_al_class_sent"          # teacher: the last view published
FOLLOW = "_al_class_follow"      # student: code followed
APPLIED = "_al_class_applied"    # student: room version applied
SOLO = "_al_class_solo"          # student: exploring on their own
PROBLEM = "_al_class_problem"    # student: RoomError reason of the link's code
SYNC_URL = "_al_class_sync_url"  # student: the run after a navigation sends the address
VERIFY = "_al_class_verify"      # student: (version, tries) to check at the end of the run
MAX_RETRIES = 2                  # navigations per version, if a page overrode the URL's values
CHECK = "_al_class_check"        # student: (version, tries) of a fragment-only apply to check


# ---------------------------------------------------------------------------- the view

def _ctx():
    return get_script_run_ctx()


def current_page() -> str:
    """The url path of the page this run shows ("" for the home page)."""
    ctx = _ctx()
    if ctx is None:
        return ""
    info = ctx.pages_manager.get_pages().get(ctx.page_script_hash) or {}
    return str(info.get("url_pathname", "") or "")


def current_view() -> dict:
    """The view to share: page and URL parameters, without the per-viewer keys."""
    params = {k: st.query_params.get_all(k) for k in sorted(st.query_params)
              if k not in PER_VIEWER}
    return {"page": current_page(), "params": params}


def view_url(base: str, view: dict, extra: dict | None = None) -> str:
    """The address of a view: base (scheme://host[/prefix]) / page ? parameters."""
    query = [(k, v) for k, vs in view["params"].items() for v in vs]
    query += list((extra or {}).items())
    page = view["page"].strip("/")
    return f"{base.rstrip('/')}/{page}" + (f"?{urlencode(query)}" if query else "")


def base_url() -> str:
    """scheme://host[/prefix] of the app as the viewer's browser reaches it."""
    url = getattr(st.context, "url", None)
    if url:
        page = current_page()
        url = url.split("?", 1)[0].rstrip("/")
        if page and url.endswith("/" + page):
            url = url[: -len(page) - 1]
        return url
    host = (st.context.headers or {}).get("Host", "localhost:8501")
    return f"http://{host}"


# ---------------------------------------------------------------------------- QR and text

def qr_svg(url: str, scale: int = QR_SCALE) -> str:
    """An SVG QR code of url (dark on white with its quiet zone, readable from a projector
    in both themes)."""
    import segno

    return segno.make(url, error="m").svg_inline(scale=scale, dark="#000000", light="#ffffff",
                                                 border=4)


def show_qr(url: str, width: int = 360, with_url: bool = True) -> None:
    """The QR code of url, width px wide, and the address in large text under it. (st.html
    keeps only HTML, no inline SVG: the SVG goes in as an image's data URI.)"""
    import segno

    uri = segno.make(url, error="m").svg_data_uri(scale=QR_SCALE, dark="#000000",
                                                  light="#ffffff", border=4)
    st.html(f'<div class="al-qr" style="max-width:{width}px;margin:0 auto">'
            f'<img src="{html.escape(uri)}" alt="QR: {html.escape(url)}" '
            'style="width:100%;height:auto;display:block;image-rendering:pixelated"></div>')
    if not with_url:
        return
    st.html(f'<p class="al-url" style="font-size:1.6rem;font-weight:600;word-break:break-all;'
            f'text-align:center;margin:0.4rem 0">{html.escape(url)}</p>')


def _share_body(url: str) -> None:
    show_qr(url, 460)
    st.caption(t("class.share_help"))


def _share_dialog(url: str) -> None:
    """The dialog (made per run: its title is in the viewer's language)."""
    st.dialog(t("class.share_title"), width="large")(_share_body)(url)


# ---------------------------------------------------------------------------- the teacher

def teacher_room() -> str | None:
    """The code of the room this session runs, if any."""
    return st.session_state.get(ROOM)


def _start() -> None:
    try:
        code, secret = room_store().create()
    except RoomError as err:
        st.session_state[PROBLEM] = err.reason
        return
    st.session_state[ROOM], st.session_state[SECRET] = code, secret
    st.session_state.pop(SENT, None)
    st.session_state.pop(PROBLEM, None)


def _end() -> None:
    code, secret = st.session_state.pop(ROOM, None), st.session_state.pop(SECRET, None)
    st.session_state.pop(SENT, None)
    if code and secret:
        try:
            room_store().end(code, secret)
        except RoomError:
            pass


def publish_now() -> int | None:
    """Publish the view if this session runs a room and the view changed; wake the followers.
    Returns the room's version (None when nothing was published)."""
    code, secret = st.session_state.get(ROOM), st.session_state.get(SECRET)
    if not code or not secret:
        return None
    view = current_view()
    if st.session_state.get(SENT) == view:
        return None
    store = room_store()
    try:
        version = store.publish(code, secret, view)
    except RoomError as err:  # expired or ended elsewhere: the teacher's panel says so
        _lost_room(err)
        return None
    st.session_state.pop(PROBLEM, None)
    st.session_state[SENT] = view
    wake(store, code)
    return version


@st.fragment(run_every=PUBLISH_EVERY_S)
def _publisher() -> None:
    """Teacher only: publish changes made in fragment reruns (full runs publish at their end)."""
    publish_now()
    if teacher_room() is None:   # the room expired or was ended: redraw the teacher's panel
        st.rerun(scope="app")


def _check_room() -> None:
    """Forget this session's room if it has expired or was ended (a cheap version read)."""
    code = teacher_room()
    if code is None:
        return
    try:
        room_store().version(code)
    except RoomError as err:
        _lost_room(err)
    else:
        if st.session_state.get(PROBLEM) == UNAVAILABLE:
            st.session_state.pop(PROBLEM, None)


def _lost_room(err: RoomError) -> None:
    """After a failed room call: forget an expired or ended room; keep it while the shared store
    is only unreachable (a short outage must not end the class: the next run tries again)."""
    if err.reason == UNAVAILABLE:
        st.session_state[PROBLEM] = UNAVAILABLE
        st.session_state.pop(SENT, None)  # publish again once the store answers
        return
    for key in (ROOM, SECRET, SENT):
        st.session_state.pop(key, None)
    st.session_state[PROBLEM] = "unknown"


def teacher_panel() -> None:
    """Sidebar: "share with the class" and "start a class" (or the running class's controls)."""
    _check_room()
    st.markdown(f"**{t('class.heading')}**")
    if st.button(t("class.share"), key="share_class", icon=":material/qr_code_2:",
                 width="stretch"):
        _share_dialog(view_url(base_url(), current_view()))
    if teacher_room() is None:
        if st.session_state.get(FOLLOW) and not st.session_state.get(PROBLEM):
            return   # a student in a class starts none (the banner above the page says so)
        st.button(t("class.start"), key="start_class", icon=":material/groups:",
                  width="stretch", on_click=_start, help=t("class.start_help"))
        if st.session_state.get(PROBLEM) == "too_many_rooms":
            st.error(t("class.too_many_rooms"))
        elif st.session_state.get(PROBLEM) == UNAVAILABLE:
            st.error(t("class.store_unavailable"), icon=":material/cloud_off:")
        elif st.session_state.get(PROBLEM) == "unknown" and not st.session_state.get(FOLLOW):
            st.warning(t("class.expired", hours=fmt(IDLE_EXPIRY_S / 3600)))
    else:
        if st.session_state.get(PROBLEM) == UNAVAILABLE:
            st.error(t("class.store_unavailable"), icon=":material/cloud_off:")
        st.button(t("class.end"), key="end_class", icon=":material/stop_circle:",
                  width="stretch", on_click=_end)


def room_banner() -> None:
    """Main area, teacher with a room: the code in large type with its QR link (key room_code)."""
    code = teacher_room()
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
                f'letter-spacing:0.2em;font-family:monospace">{code}</div></div>',
                width="content")
        st.html(f'<div class="al-room-link" style="font-size:1.25rem;font-weight:600">'
                f'{html.escape(link)}</div><div style="font-size:0.9rem;opacity:0.8">'
                f'{t("class.following_count", n=count)}</div>', width="content")
        with st.popover(t("class.show_qr"), icon=":material/qr_code_2:"):
            show_qr(link, 340, with_url=False)   # the address stands beside the button
            st.html('<p style="font-size:3rem;font-weight:700;letter-spacing:0.25em;'
                    f'text-align:center;font-family:monospace;margin:0">{code}</p>')
    _publisher()


# ---------------------------------------------------------------------------- waking followers

def _push_available() -> bool:
    """Whether a publish can wake followers in this process (Streamlit's runtime is there and
    ACTIVATION_LAB_FOLLOW_PUSH is not "0": bench/follow.py measures both ways)."""
    if os.environ.get("ACTIVATION_LAB_FOLLOW_PUSH", "1") == "0":
        return False
    try:
        from streamlit import runtime

        return runtime.exists()
    except Exception:  # noqa: BLE001
        return False


_WATCHERS: dict[str, str] = {}   # session id → id of its _watch fragment (this process)


def wake(store: Any, code: str) -> int:
    """Ask the followers of code that live in this process to rerun now; returns how many.

    Uses Streamlit's runtime: the session registry is thread-safe, and the rerun itself is
    scheduled on the session's event loop, where Streamlit makes its own rerun calls. A session
    that is gone is counted out of the room. Any failure leaves the followers to their poll.
    """
    if not _push_available():
        return 0
    try:
        from streamlit import runtime
        from streamlit.proto.ClientState_pb2 import ClientState

        rt = runtime.get_instance()
        woken = 0
        for sid in store.followers(code):
            session = rt.get_app_session(sid)
            if session is None:
                store.leave(code, sid)
                _WATCHERS.pop(sid, None)
                continue

            watcher = _WATCHERS.get(sid, "")

            def rerun(s=session, fid=watcher) -> None:
                # rerun only the follower's _watch fragment (it decides how much must rerun);
                # the whole app if that fragment is not known
                state = ClientState()
                state.CopyFrom(s._client_state)
                state.fragment_id = fid if fid and s.has_fragment(fid) else ""
                state.is_auto_rerun = False
                s.request_rerun(state)

            session._event_loop.call_soon_threadsafe(rerun)
            woken += 1
        return woken
    except Exception:  # noqa: BLE001 - a changed private API: followers poll instead
        _LOG.debug("push to followers failed", exc_info=True)
        return 0


# ---------------------------------------------------------------------------- the students

def _session_id() -> str:
    ctx = _ctx()
    return ctx.session_id if ctx is not None else "test"


def link_code() -> str | None:
    """The room code in this viewer's URL (normalised), if any."""
    raw = st.query_params.get_all("room")
    return normalise_code(raw[-1]) if raw else None


def _navigate(view: dict, fragment: str | None = None, then: str | None = None) -> None:
    """Rerun this session on the view's page and parameters as a history navigation (URL
    wins for every bound widget), keeping this viewer's own lang/classroom/room. With a
    fragment id (the view differs only in that fragment's widgets) only that fragment reruns."""
    from streamlit.runtime.scriptrunner_utils.script_requests import RerunData

    ctx = _ctx()
    own = [(k, v) for k in PER_VIEWER for v in st.query_params.get_all(k)]
    query = urlencode([(k, v) for k, vs in view["params"].items() for v in vs] + own)
    page = str(view.get("page", ""))
    page_hash = next((h for h, p in ctx.pages_manager.get_pages().items()
                      if p.get("url_pathname", "") == page), "")
    if fragment:
        # the browser's address: sent now, as no full run follows to send it
        with ctx.session_state.query_params() as qp:
            qp.populate_from_query_string(query)
            qp._send_query_param_msg()
        data = RerunData(query_string=query, page_script_hash=ctx.page_script_hash,
                         fragment_id_queue=[fragment] + ([then] if then else []),
                         is_fragment_scoped_rerun=True,
                         is_history_navigation=True,
                         cached_message_hashes=ctx.cached_message_hashes,
                         context_info=ctx.context_info)
    else:
        st.session_state[SYNC_URL] = True   # before the request: the next write would yield
        data = RerunData(query_string=query, page_script_hash=page_hash, page_name=page,
                         is_history_navigation=True,
                         cached_message_hashes=ctx.cached_message_hashes,
                         context_info=ctx.context_info)
    ctx.script_requests.request_rerun(data)
    st.empty()  # a yield point: the runner stops this run and starts the requested one


def _sync_url() -> None:
    """After a navigation: tell the browser the address it now shows (a history navigation
    assumes the browser changed it itself)."""
    if not st.session_state.pop(SYNC_URL, False):
        return
    ctx = _ctx()
    try:
        with ctx.session_state.query_params() as qp:
            qp._send_query_param_msg()
    except Exception:  # noqa: BLE001 - a changed private API: the address catches up later
        _LOG.debug("cannot send the followed address", exc_info=True)


def _same(view: dict) -> bool:
    return view == current_view()


def follow() -> None:
    """Top of a full run: if the URL names a room and this session follows it, apply the
    teacher's view when its version changed (this stops the run and starts the new one)."""
    _sync_url()
    code = link_code()
    if code is None or code == teacher_room():
        st.session_state.pop(FOLLOW, None)
        return
    store = room_store()
    if st.session_state.get(FOLLOW) != code:     # a new code: start following it
        st.session_state[FOLLOW] = code
        st.session_state[APPLIED] = -1
        st.session_state[SOLO] = False
    st.session_state.pop(PROBLEM, None)
    if not valid_code(code):
        st.session_state[PROBLEM] = "unknown"
        return
    try:
        if st.session_state.get(SOLO):
            store.leave(code, _session_id())
            store.version(code)   # still there?
            return
        store.join(code, _session_id())
        version = store.version(code)
    except RoomError as err:
        st.session_state[PROBLEM] = err.reason
        return
    if version == st.session_state.get(APPLIED):
        return
    version, view = store.read(code)
    st.session_state[APPLIED] = version
    if view and not _same(view):
        st.session_state[VERIFY] = (version, 0)
        try:
            _navigate(view)
        except (ImportError, AttributeError, TypeError):  # pragma: no cover - API changed
            _LOG.warning("cannot apply the teacher's view", exc_info=True)


def _solo() -> None:
    st.session_state[SOLO] = True


def _rejoin() -> None:
    st.session_state[SOLO] = False
    st.session_state[APPLIED] = -1


def _forget() -> None:
    if "room" in st.query_params:
        del st.query_params["room"]
    for key in (FOLLOW, PROBLEM, SOLO, APPLIED):
        st.session_state.pop(key, None)


def _fragment_of(view: dict) -> str | None:
    """The fragment that holds every widget whose URL value differs between this session's
    view and view, if they all live in one fragment on the same page (else None: the whole
    page must rerun — another page, a lesson step, a control outside fragments)."""
    if view.get("page") != current_page():
        return None
    mine = current_view()["params"]
    theirs = view.get("params", {})
    changed = {k for k in mine.keys() | theirs.keys() if mine.get(k) != theirs.get(k)}
    if not changed:
        return None
    state = _ctx().session_state._state   # SessionState (its wrapper maps attributes to keys)
    fragments = set()
    for key in changed:
        widget = state.get_widget_id_from_key(key)
        meta = state.get_widget_metadata(widget) if widget else None
        fragments.add(getattr(meta, "fragment_id", None))
    if len(fragments) != 1 or None in fragments:
        return None
    fragment = fragments.pop()
    return fragment if _ctx().fragment_storage.contains(fragment) else None


@st.fragment(run_every=HEARTBEAT_S if _push_available() else POLL_S)
def _watch() -> None:
    """Follower: a cheap check of the room's version (what the server wakes, and a slow
    heartbeat); when it changed, rerun the one fragment the change is in, else the page."""
    code = st.session_state.get(FOLLOW)
    if not code or st.session_state.get(SOLO):
        return
    me = None
    try:
        from streamlit.runtime.scriptrunner_utils.script_run_context import ThreadState

        me = ThreadState.get().fragment_id
        if me:
            _WATCHERS[_session_id()] = me
    except Exception:  # noqa: BLE001 - without it, a publish reruns the whole app
        pass
    try:
        room_store().join(code, _session_id())
        version = room_store().version(code)
    except RoomError:
        version = None
    in_fragment_run = bool(getattr(_ctx(), "fragment_ids_this_run", None))
    checking = st.session_state.get(CHECK)          # (version, tries) of a fragment-only apply
    if version == st.session_state.get(APPLIED) and not (in_fragment_run and checking
                                                         and checking[0] == version):
        return
    fragment = view = None
    if version is not None and in_fragment_run and not st.session_state.get(SYNC_URL):
        try:
            version, view = room_store().read(code)
            fragment = _fragment_of(view)
        except Exception:  # noqa: BLE001 - private API changed: a full rerun does it all
            fragment = None
    if view is not None and _same(view):   # showing it (applied, or came back by a full run)
        st.session_state[APPLIED] = version
        st.session_state.pop(CHECK, None)
        return
    tries = checking[1] + 1 if checking and checking[0] == version else 0
    if fragment is None or tries > MAX_RETRIES:
        st.session_state.pop(CHECK, None)
        st.rerun(scope="app")
    st.session_state[APPLIED] = version
    # this fragment runs again right after the target one, to check that the values took
    # (another rerun request arriving meanwhile is merged with ours and may carry the old
    # address: then it applies once more)
    st.session_state[CHECK] = (version, tries)
    _navigate(view, fragment, then=me)


def follower_banner() -> None:
    """Main area, student with a room link: what they follow, and the one-click switch; a clear
    message for a wrong or expired code."""
    code = st.session_state.get(FOLLOW)
    if not code:
        return
    problem = st.session_state.get(PROBLEM)
    if problem:
        with st.container(key="class_problem"):
            message = {"full": "class.full", UNAVAILABLE: "class.store_unavailable"}.get(
                problem, "class.bad_code")
            st.error(t(message, code=code), icon=":material/error:")
            st.button(t("class.forget"), key="class_forget", on_click=_forget)
        return
    with st.container(key="class_follow", horizontal=True, vertical_alignment="center"):
        if st.session_state.get(SOLO):
            st.info(t("class.solo", code=code), icon=":material/explore:", width="stretch")
            st.button(t("class.rejoin"), key="class_rejoin", icon=":material/groups:",
                      on_click=_rejoin, type="primary")
        else:
            st.info(t("class.following", code=code), icon=":material/groups:", width="stretch")
            st.button(t("class.solo_button"), key="class_solo", icon=":material/explore:",
                      on_click=_solo)
    if not st.session_state.get(SOLO):
        _watch()


def frame_top() -> None:
    """Called by ui.shell at the very top of every full run, before any widget."""
    follow()


def frame_main() -> None:
    """Called by ui.shell in the main area, above the page: the banners."""
    follower_banner()
    room_banner()


def _verify() -> None:
    """End of a follower's run after a navigation: a page may have put other values in place of
    the URL's on its first run (a lesson step writes its own values and reruns); navigate again,
    at most MAX_RETRIES times per version, until the view is the teacher's."""
    pending = st.session_state.get(VERIFY)
    code = st.session_state.get(FOLLOW)
    if pending is None:
        return
    version, tries = pending
    try:
        current, view = room_store().read(code) if code else (None, None)
    except RoomError:
        current = None
    if current != version or st.session_state.get(SOLO) or _same(view) or tries >= MAX_RETRIES:
        st.session_state.pop(VERIFY, None)
        return
    st.session_state[VERIFY] = (version, tries + 1)
    _navigate(view)


def run_finished() -> None:
    """Called by ui.shell after the page ran: publish the teacher's view; a follower checks
    that the view it navigated to is the teacher's."""
    publish_now()
    _verify()
