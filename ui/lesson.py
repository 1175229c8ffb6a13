"""Lesson mode: a story of steps on each page, the step in the URL (``?lesson=3``), previous /
next buttons, and the keys a presentation clicker sends (→ / ← / PageDown / PageUp).

A page calls :func:`apply` right after ``LOOK = look()`` (before any widget exists) and
:func:`bar` right above its main picture (and ``bar(page_id, near)`` beside other charts that
steps point at). A step's control values are written into ``st.session_state`` only when the
step changes (a button, a key, or the URL), so between steps the class may move every control;
leaving the lesson removes ``lesson`` from the URL and keeps the current state.
"""

from __future__ import annotations

import streamlit as st

from ui import internals, widgets
from ui.i18n import t
from ui.lessons import Step, steps
from ui.page import clear_overlays, set_overlay

PARAM = "lesson"
_APPLIED = "_al_lesson_applied"  # (page id, step) whose state was last written
_FULL = "_al_lesson_full_rerun"  # set by a callback: the whole page must follow

_KEYS_JS = r"""
export default function (component) {
  const { setTriggerValue, data, parentElement } = component;
  window.__alLessonNav = setTriggerValue;
  // nothing to see: take this element's row out of the bar's layout (no empty gap)
  const host = parentElement && (parentElement.host || parentElement);
  const row = host && host.closest && host.closest('[data-testid="stElementContainer"]');
  if (row) row.style.display = "none";
  if (!window.__alLessonKeys) {
    window.__alLessonKeys = true;
    const busy = (el) => {
      if (!el || el === document.body || el === document.documentElement) return false;
      if (el.isContentEditable) return true;
      if (/^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName)) return true;
      const role = el.getAttribute && el.getAttribute("role");
      return ["slider", "spinbutton", "combobox", "listbox", "option", "textbox", "tab",
              "radio", "menuitem", "switch", "checkbox"].includes(role);
    };
    document.addEventListener("keydown", (e) => {
      const nav = window.__alLessonNav;
      if (!nav || e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || e.repeat) return;
      if (busy(e.target) || busy(document.activeElement)) return;
      const move = {ArrowRight: "next", PageDown: "next", ArrowLeft: "prev", PageUp: "prev"};
      if (!(e.key in move)) return;
      e.preventDefault();
      nav("nav", move[e.key]);
    });
  }
  // bring the bar (and the picture under it) into view when the step changes
  // (again a little later: charts above it may still be growing while the page is drawn)
  if (data && window.__alLessonShown !== data.step) {
    const step = data.step;
    const bring = () => {
      const box = document.querySelector(".st-key-lesson_bar");
      if (!box || window.__alLessonShown !== step) return;
      const r = box.getBoundingClientRect();
      if (r.top < 0 || r.top > window.innerHeight * 0.6) box.scrollIntoView({block: "start"});
    };
    [0, 400, 1200, 2500].forEach((ms) => setTimeout(bring, ms));
  }
  if (data) window.__alLessonShown = data.step;
  return () => {
    if (window.__alLessonNav === setTriggerValue) window.__alLessonNav = null;
  };
}
"""

_keys = st.components.v2.component("al_lesson_keys", js=_KEYS_JS, isolate_styles=True)


# ----------------------------------------------------------------------------- state


def _raw_step() -> str | None:
    if PARAM not in st.query_params:
        return None
    return st.query_params.get(PARAM)


def current(page_id: str, notice: bool = False) -> int | None:
    """The lesson step (1-based) the URL asks for, or None when lesson mode is off. A value that
    is not a step of this page's lesson means step 1 (with a notice if ``notice``)."""
    raw = _raw_step()
    if raw is None:
        return None
    n = len(steps(page_id))
    try:
        k = int(raw)
    except (TypeError, ValueError):
        k = 0
    if not 1 <= k <= n:
        if notice:
            widgets._notice(PARAM, st.query_params.get_all(PARAM), 1)  # noqa: SLF001
        return 1
    return k


def _overlays(step: Step) -> None:
    clear_overlays()
    if step.focus:
        shown = step.overlay()
        set_overlay(step.focus, annotations=shown.get("annotations"), shapes=shown.get("shapes"))


def _write(page_id: str, k: int, skip: set[str] = frozenset()) -> None:
    """Put the controls into step k's state (allowed: before the widgets or in a callback),
    except the keys in skip."""
    step = steps(page_id)[k - 1]
    for key, value in step.state.items():
        if key not in skip:
            st.session_state[key] = value
    clear_overlays()  # the step's own highlight is set where its bar is drawn
    st.session_state[_APPLIED] = (page_id, k)


def _go(page_id: str, k: int) -> None:
    """Callback: show step k (clamped to the story)."""
    k = max(1, min(len(steps(page_id)), int(k)))
    st.query_params[PARAM] = str(k)
    _write(page_id, k)
    st.session_state[_FULL] = True


def _move(page_id: str, delta: int) -> None:
    _go(page_id, (current(page_id) or 0) + delta)


def _leave() -> None:
    """Callback: lesson mode off; the controls keep their current values."""
    if PARAM in st.query_params:
        del st.query_params[PARAM]
    clear_overlays()
    st.session_state.pop(_APPLIED, None)
    st.session_state[_FULL] = True


def _keyboard(page_id: str) -> None:
    """Callback of the keys element: one step on → / PageDown, back on ← / PageUp."""
    value = st.session_state.get("lesson_keys")
    try:
        nav = value["nav"]
    except (KeyError, TypeError):
        nav = getattr(value, "nav", None)
    if nav in ("next", "prev"):
        _move(page_id, 1 if nav == "next" else -1)


def apply(page_id: str) -> None:
    """At the top of a page (before its widgets): when the URL's step differs from the one last
    applied in this session, write that step's control values into the session state."""
    st.session_state.pop(_FULL, None)
    k = current(page_id, notice=True)
    applied = st.session_state.get(_APPLIED)
    if k is None:
        if applied is not None:  # the URL left lesson mode (history, a link): drop highlights
            clear_overlays()
            st.session_state.pop(_APPLIED, None)
        return
    if applied == (page_id, k):
        return
    fresh = applied is None or applied[0] != page_id
    # A link (or Back) that opens the page: the values it spells out are the exact view and win;
    # the step fills in every control the link leaves out.
    given = {key for key in steps(page_id)[k - 1].state if key in st.query_params} if fresh \
        else set()
    _write(page_id, k, skip=given)
    # A history navigation (Back, or following a teacher) resets every bound widget the URL
    # leaves out to its default, over the session state: run once more as an ordinary run.
    history = internals.is_history_navigation()
    if fresh and history and len(given) < len(steps(page_id)[k - 1].state):
        st.rerun()


# ----------------------------------------------------------------------------- the bar


def texts(page_id: str, k: int) -> tuple[str, str]:
    """Step k's title and sentence in the current language, their numbers computed by core now.
    A story may pick a variant of the sentence (``_variant`` in its values: a suffix of the key),
    e.g. "every one of the updates" only when every one was."""
    step = steps(page_id)[k - 1]
    values = dict(step.values())
    variant = values.pop("_variant", "")
    head = t(f"lesson.{page_id}.{step.id}.title", **values)
    if variant == "_pending":  # the page has not finished the work the numbers come from
        return head, t("lesson.pending")
    return head, t(f"lesson.{page_id}.{step.id}.text{variant}", **values)


def _row(page_id: str, k: int, n: int, where: str) -> None:
    """One line that keeps its place from step to step: "Step k / n", ‹, › Next, × (the icon
    buttons say what they do in their tooltip), narrow enough for a column beside a picture."""
    with st.container(horizontal=True, gap="small", vertical_alignment="center"):
        st.markdown(f"**{t('lesson.step', k=k, n=n)}**", width="content")
        st.button(":material/chevron_left:", key=f"lesson_prev_{where}", on_click=_move,
                  args=(page_id, -1), disabled=k <= 1,
                  help=f"{t('lesson.prev')} — {t('lesson.keys_help')}")
        st.button(t("lesson.next"), key=f"lesson_next_{where}", on_click=_move,
                  args=(page_id, 1), disabled=k >= n, icon=":material/chevron_right:",
                  type="primary", help=t("lesson.keys_help"))
        st.button(":material/close:", key=f"lesson_leave_{where}", on_click=_leave,
                  help=f"{t('lesson.leave')} — {t('lesson.leave_help')}")


def bar(page_id: str, near: str | None = None) -> None:
    """The lesson bar: "Step k / n", the step's title and computed sentence, previous / next /
    leave. Called by the page right above its main picture (near=None) and, for steps that
    point at another chart, beside that chart (near=<name the story uses>). Off the lesson,
    the main call shows one button that starts it."""
    if st.session_state.get(_FULL):  # a callback moved the step inside a fragment's rerun
        st.rerun(scope="app")
    k = current(page_id)
    if k is None:
        if near is None:
            st.button(t("lesson.start"), key="lesson_start", on_click=_go, args=(page_id, 1),
                      icon=":material/co_present:", help=t("lesson.start_help"))
        return
    story = steps(page_id)
    n, step = len(story), story[k - 1]
    where = near or "main"
    if step.near != near:
        if near is None:  # the step's own bar stands lower on the page: a compact line here
            with st.container(border=True, key="lesson_mini"):
                _row(page_id, k, n, where)
                st.markdown(t("lesson.elsewhere", title=texts(page_id, k)[0]))
        return
    head, text = texts(page_id, k)
    _overlays(step)  # here, after any work the page did above (the network lab's training)
    with st.container(border=True, key="lesson_bar"):
        _row(page_id, k, n, where)
        text = text.replace("w*", "w\\*")  # two stars would turn italic
        st.markdown(f"**{head}**  \n{text}")
        _keys(key="lesson_keys", data={"step": k, "near": step.near or ""},
              on_nav_change=lambda: _keyboard(page_id), height=0)
