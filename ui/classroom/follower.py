"""The student's side: ``/?room=CODE`` follows the teacher's view (ui.classroom.apply applies
it), a banner says so with a one-click "explore on my own", and a wrong, old, full or
unreachable code — or too many wrong codes tried — gets a clear message."""

from __future__ import annotations

import html
import time

import streamlit as st

from ui import internals, widgets
from ui.classroom import apply, limits, rules
from ui.classroom import state as S
from ui.classroom.panel import wait_left
from ui.classroom.rules import RoomError, normalise_code, old_code, valid_code
from ui.classroom.store import room_store
from ui.classroom.teacher import teacher_room
from ui.i18n import t
from ui.questions import flow


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
        store.join(code, me, status=apply.status())
    except RoomError as err:
        if err.reason == rules.UNKNOWN and st.session_state.get(S.JOINED) == code:
            return "left"     # the class this session followed is gone: its teacher left
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
    """Top of a full run: if the URL names a room, read its record and apply the teacher's view
    when the record asks for it (ui.classroom.apply), before any widget exists."""
    apply.sync_url()
    widgets.lock_scrubs(False)
    code = link_code()
    if code is None or code == teacher_room():
        st.session_state.pop(S.FOLLOW, None)
        return
    if st.session_state.get(S.FOLLOW) != code:     # a new code: start following it
        st.session_state[S.FOLLOW] = code
        for key in (S.APPLIED, S.EPOCH, S.VIEW):
            st.session_state[key] = None
    problem = _admit(code)
    if problem:
        st.session_state[S.PROBLEM] = problem
        return
    st.session_state.pop(S.PROBLEM, None)
    control = apply.read_control(code)
    st.session_state[S.CONTROL] = control
    widgets.lock_scrubs(leads(control))    # this run's scrubs, as the guard locks the widgets
    if control is None or control["away"] > rules.TEACHER_AWAY_S:
        return
    if apply.must_apply(control):
        apply.apply_room(code, control)


def leads(control: dict | None) -> bool:
    """Whether the teacher leads this follower now (Follow me or Pause, the teacher not gone):
    its controls are locked — the widgets by the guard in the browser, the charts' scrubs
    disabled (ui.widgets.lock_scrubs)."""
    if control is None or control["away"] > rules.TEACHER_AWAY_S:
        return False
    return control["mode"] in (rules.FOLLOW, rules.PAUSE)


def _rejoin() -> None:
    st.session_state[S.EPOCH] = None    # the next check applies the teacher's view


def _forget() -> None:
    if "room" in st.query_params:
        del st.query_params["room"]
    for key in (S.FOLLOW, S.PROBLEM, S.APPLIED, S.EPOCH, S.VIEW, S.JOINED):
        st.session_state.pop(key, None)


_MESSAGES = {"full": "class.full", "left": "class.left", rules.UNAVAILABLE: "class.store_unavailable",
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


_GUARD_JS = r"""
export default function (component) {
  const { data, setTriggerValue, parentElement } = component;
  const host = parentElement && (parentElement.host || parentElement);
  const row = host && host.closest && host.closest('[data-testid="stElementContainer"]');
  if (row) row.style.display = "none";
  const w = window;
  w.__alClassLocked = !!(data && data.locked);
  w.__alClassGuard = { data: data || {}, touched: setTriggerValue };
  if (w.__alClassGuardOn) return;
  w.__alClassGuardOn = true;
  const CONTROLS = '[data-testid="stSlider"], [data-testid="stSelectbox"], ' +
    '[data-testid="stMultiSelect"], [data-testid="stNumberInput"], [data-testid="stTextInput"], ' +
    '[data-testid="stTextArea"], [data-testid="stCheckbox"], [data-testid="stRadio"], ' +
    '[data-testid="stButtonGroup"], [data-testid="stToggle"], [class*="st-key-lesson_"], ' +
    '[data-baseweb="popover"] [role="option"], .al-scrubs';
  const KEYS = ["ArrowRight", "ArrowLeft", "ArrowUp", "ArrowDown", "PageDown", "PageUp",
                "Home", "End", " ", "Enter"];
  let toast = null, timer = null, later = null;
  const say = (text) => {
    if (!toast) {
      toast = document.createElement("div");
      toast.className = "al-leading";
      toast.setAttribute("role", "status");
      toast.style.cssText = "position:fixed;left:50%;bottom:24px;transform:translateX(-50%);" +
        "z-index:1000001;background:#1f2937;color:#fff;padding:10px 16px;border-radius:8px;" +
        "font-size:1rem;max-width:90vw;box-shadow:0 4px 16px rgba(0,0,0,.3)";
      document.body.appendChild(toast);
    }
    toast.textContent = text;
    toast.dataset.said = String(Number(toast.dataset.said || 0) + 1);   // times shown
    toast.style.display = "block";
    clearTimeout(timer);
    timer = setTimeout(() => { toast.style.display = "none"; }, 2500);
  };
  // the student's own boxes (the answer to the teacher's question): never locked
  const mine = (el) => el && el.closest && el.closest('[class*="st-key-class_"]');
  const control = (el) => el && el.closest && !el.closest('[class*="st-key-class_"]') &&
    el.closest(CONTROLS);
  const stop = (e) => {
    const g = w.__alClassGuard;
    if (!g) return;
    if (mine(e.target) || (e.type === "keydown" && mine(document.activeElement))) return;
    const hit = control(e.target) || (e.type === "keydown" && control(document.activeElement));
    if (g.data.locked) {
      const key = e.type === "keydown";
      if (key && !(KEYS.includes(e.key) || hit)) return;
      if (!key && !hit) return;
      e.preventDefault();
      e.stopImmediatePropagation();
      if (["pointerdown", "touchstart", "keydown"].includes(e.type)) say(g.data.msg || "");
      return;
    }
    if (hit && g.data.free) {   // exploring: tell the class check a moment after the change
      clearTimeout(later);
      later = setTimeout(() => g.touched && g.touched("touched", Date.now()), 900);
    }
  };
  for (const type of ["pointerdown", "mousedown", "touchstart", "click", "keydown", "input",
                      "change"]) {
    w.addEventListener(type, stop, { capture: true, passive: false });
  }
}
"""

_guard = st.components.v2.component("al_class_guard", js=_GUARD_JS, isolate_styles=True)


def _noop() -> None:
    """A touch in free mode: rerunning the watch fragment is all it takes."""


def _pause_screen() -> None:
    st.html(f'<div class="al-pause" role="alertdialog" style="position:fixed;inset:0;'
            'z-index:1000000;display:flex;flex-direction:column;align-items:center;'
            'justify-content:center;gap:1rem;background:rgba(15,23,42,0.96);color:#fff;'
            'text-align:center;padding:2rem">'
            f'<div style="font-size:3rem;font-weight:700">{html.escape(t("class.paused"))}</div>'
            f'<div style="font-size:1.3rem;max-width:36rem">{html.escape(t("class.paused_text"))}'
            '</div></div>')


# The follower's banner is one slim line on any screen (a phone's first screen is for the
# picture): the message is cut to one line with an ellipsis, the button beside it stays whole.
# The teacher's question is its own block under it (ui.questions.student), with finger-size
# targets (its folded "type the point" line too).
BANNER_CSS = """<style>
.st-key-class_follow { flex-wrap: nowrap !important; gap: 0.4rem !important; min-height: 0; }
.st-key-class_follow > div { min-width: 0; }
.st-key-class_follow [data-testid="stAlert"] { min-width: 0; }
.st-key-class_follow [data-testid="stAlertContainer"] { padding: 0.3rem 0.6rem !important;
  min-height: 0 !important; }
.st-key-class_follow [data-testid="stAlert"] div { min-width: 0; }
.st-key-class_follow [data-testid="stAlert"] p { white-space: nowrap; overflow: hidden;
  text-overflow: ellipsis; margin: 0 !important; font-size: 0.9rem; line-height: 1.4; }
.st-key-class_follow button { min-height: 0; padding: 0.2rem 0.6rem; white-space: nowrap; }
.st-key-class_follow button p { font-size: 0.9rem; }
.st-key-class_question summary { min-height: 2.75rem; }
</style>"""


def _draw(control: dict | None) -> None:
    """The follower's banner from the room's record (inside the watch fragment): one slim line
    (BANNER_CSS)."""
    code = shown(st.session_state.get(S.FOLLOW) or "")
    st.html(BANNER_CSS)
    mode = control["mode"] if control else None
    left = control is None or control["away"] > rules.TEACHER_AWAY_S
    locked = not left and mode == rules.FOLLOW
    with st.container(key="class_follow", horizontal=True, vertical_alignment="center"):
        if left:
            st.warning(t("class.left", code=code), icon=":material/logout:", width="stretch")
        elif mode == rules.FREE and apply.status() == rules.EXPLORING:
            st.info(t("class.free_exploring", code=code), icon=":material/explore:",
                    width="stretch")
            st.button(t("class.rejoin"), key="class_rejoin", icon=":material/groups:",
                      on_click=_rejoin, type="primary")
        elif mode == rules.FREE:
            st.info(t("class.free_following", code=code), icon=":material/explore:",
                    width="stretch")
        else:
            st.info(t("class.locked" if locked else "class.following", code=code),
                    icon=":material/groups:", width="stretch")
    if mode == rules.PAUSE and not left:
        _pause_screen()
    flow.student_check(control)   # a question asked, ended or revealed: draw the page again
    if internals.in_fragment_run() and widgets.scrub_lock_changed(leads(control)):
        st.rerun(scope="app")     # Follow me ↔ Free: the charts' scrubs lock or unlock
    _guard(key="class_guard", data={"locked": leads(control),
                                    "free": mode == rules.FREE, "msg": t("class.leading")},
           on_touched_change=_noop, height=0)


def follower_banner() -> None:
    """Main area, student with a room link: what they follow (kept current by the watch
    fragment); a clear message for a wrong, old or expired code."""
    code = st.session_state.get(S.FOLLOW)
    if not code:
        return
    problem = st.session_state.get(S.PROBLEM)
    if problem:
        _problem_banner(code, problem)
        return
    apply.watch(_draw)
    flow.student_panel()   # the teacher's question comes first on the phone
