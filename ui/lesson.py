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

from ui import internals, page, widgets
from ui.i18n import t
from ui.lessons import Step, steps
from ui.questions.model import Question
from ui.page import clear_overlays, set_overlay
from ui.questions import flow

PARAM = "lesson"
# (page id, step or None, chosen): the step whose values this session wrote last (None: it left
# the lesson), and whether this session chose it (a button, a key, the teacher's view) and sent
# the browser its address, rather than read it from the address
_STEP = "_al_lesson_step"
_FULL = "_al_lesson_full_rerun"  # set by a callback: the whole page must follow

_KEYS_JS = r"""
export default function (component) {
  const { setTriggerValue, data, parentElement } = component;
  // one state per tab: the step the presses asked for, kept across reruns and remounts
  const S = window.__alLesson || (window.__alLesson = {target: null, at: 0, sent: 0, tries: 0});
  S.nav = setTriggerValue;
  // nothing to see: take this element's row out of the bar's layout (no empty gap)
  const host = parentElement && (parentElement.host || parentElement);
  const row = host && host.closest && host.closest('[data-testid="stElementContainer"]');
  if (row) row.style.display = "none";
  const now = () => performance.now();
  const send = () => {
    if (S.target === null || !S.nav) return;
    S.sent += 1;
    S.nav("nav", {to: S.target, n: S.sent});
    clearTimeout(S.retry);
    // a rerun may swallow a press: ask again until the page shows the step asked for
    S.retry = setTimeout(() => {
      if (S.target === null) return;
      if (S.data && S.data.step === S.target) { S.target = null; return; }
      if (++S.tries > 6) { S.target = null; return; }
      send();
    }, 1500);
  };
  S.send = send;
  if (data) {
    const fresh = !S.data || S.data.step !== data.step || S.data.page !== data.page;
    S.data = data;
    if (S.target !== null && (data.step === S.target || now() - S.at > 9000)) {
      S.target = null;
      S.tries = 0;
    } else if (S.target !== null && S.pending) {
      S.pending = false;
      send();
    }
    if (fresh) S.scrolled = false;
  }
  if (!window.__alLessonKeys) {
    window.__alLessonKeys = true;
    const textBox = (el) => {
      if (!el || el === document.body || el === document.documentElement) return false;
      if (el.isContentEditable) return true;
      if (el.tagName === "TEXTAREA" || el.tagName === "SELECT") return true;
      if (el.tagName === "INPUT" && !/^(range|checkbox|radio|button|submit)$/.test(el.type)) return true;
      const role = el.getAttribute && el.getAttribute("role");
      return ["textbox", "combobox", "spinbutton", "listbox", "option"].includes(role);
    };
    const busy = (el) => {
      if (textBox(el) || (el && el.tagName === "INPUT" && el.type === "range")) return true;
      const role = el && el.getAttribute && el.getAttribute("role");
      return ["slider", "tab", "radio", "menuitem", "switch", "checkbox"].includes(role);
    };
    const move = {ArrowRight: 1, PageDown: 1, ArrowLeft: -1, PageUp: -1};
    // the capture phase of the window: before a focused slider takes the key for itself
    window.addEventListener("keydown", (e) => {
      const S = window.__alLesson, d = S && S.data;
      if (window.__alClassLocked) return;  // a student while the teacher leads: keys do nothing
      if (!d || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey || !(e.key in move)) return;
      const el = document.activeElement;
      if (d.lecture) {
        // projector: PageDown / PageUp (a clicker) always move the lesson; the arrows too,
        // unless the teacher is typing in a text box
        if ((e.key === "ArrowLeft" || e.key === "ArrowRight") && textBox(el)) return;
      } else if (e.defaultPrevented || e.repeat || busy(e.target) || busy(el)) {
        return;
      }
      e.preventDefault();
      e.stopImmediatePropagation();
      if (d.lecture && el && el !== document.body && el.blur) el.blur();
      const base = S.target === null ? d.step : S.target;
      S.target = Math.max(1, Math.min(d.n, base + move[e.key]));
      S.at = now();
      S.tries = 0;
      if (S.nav) S.send(); else S.pending = true;
    }, true);
    // the teacher scrolls: the page stops bringing the step's picture back for this step
    const mine = () => { const S = window.__alLesson; if (S) S.userAt = now(); };
    window.addEventListener("wheel", mine, {passive: true, capture: true});
    window.addEventListener("touchmove", mine, {passive: true, capture: true});
    // the scroll bar itself, and the keys that scroll a page
    window.addEventListener("pointerdown", (e) => {
      if (e.target && e.target.matches && e.target.matches('[data-testid="stMain"]')) mine();
    }, {passive: true, capture: true});
    window.addEventListener("keydown", (e) => {
      if ([" ", "Home", "End", "ArrowUp", "ArrowDown"].includes(e.key) && !busy(e.target)) mine();
    }, {passive: true, capture: true});
  }
  // the lecture view fits the step's chart into the screen under the caption line
  window.__alFit = data && data.lecture && data.focus ? data.focus : null;
  const fit = () => { if (window.__alFitChart && window.__alFit) window.__alFitChart(window.__alFit); };
  // bring the bar (and the picture under it) into view when the step changes
  // (again a little later: charts above it may still be growing while the page is drawn)
  if (data && !S.scrolled) {
    S.scrolled = true;
    const step = data.step, since = now();
    const bring = () => {
      const box = document.querySelector(".st-key-lesson_bar");
      if (!box || !S.data || S.data.step !== step || (S.userAt || 0) > since) return;
      const r = box.getBoundingClientRect();
      const margin = parseFloat(getComputedStyle(box).scrollMarginTop) || 0;
      if (data.lecture ? Math.abs(r.top - margin) > 4 : (r.top < 0 || r.top > window.innerHeight * 0.6))
        box.scrollIntoView({block: "start"});
      fit();
    };
    [0, 250, 700, 1500, 2500].forEach((ms) => setTimeout(bring, ms));
    // the lecture view holds the line at its place for the whole step (a rerun, e.g. the
    // class starting, may leave the page scrolled elsewhere), until the teacher scrolls
    S.hold = data.lecture ? bring : null;
  } else {
    fit();
  }
  if (!window.__alLectureHold) {
    window.__alLectureHold = setInterval(() => {
      const S = window.__alLesson;
      if (S && S.hold && S.data && S.data.lecture && !document.hidden) S.hold();
    }, 1000);
  }
  return () => {
    if (S.nav === setTriggerValue) S.nav = null;
  };
}
"""

_keys = st.components.v2.component("al_lesson_keys", js=_KEYS_JS, isolate_styles=True)


# ----------------------------------------------------------------------------- state


def _raw_step() -> str | None:
    if PARAM not in st.query_params:
        return None
    return st.query_params.get(PARAM)


def _record() -> tuple[str, int | None, bool] | None:
    value = st.session_state.get(_STEP)
    return value if isinstance(value, tuple) and len(value) == 3 else None


def _keep(page_id: str, k: int | None, chosen: bool) -> None:
    """Remember that this session holds step k of page_id (None: no step), chosen or read."""
    st.session_state[_STEP] = (page_id, None if k is None else int(k), bool(chosen))


def _settle(page_id: str) -> None:
    """The step this session chose (a button, a key, the teacher's view) is the truth, the
    address a copy: a request can carry an address older than that choice (the browser asked
    for a heartbeat, or a component reported, before it had taken the address the choice sent;
    Streamlit merges a click's rerun with such a request and keeps the newer request's address),
    and the step before would come back as if someone had chosen it. Here the address gets the
    chosen step again. A history navigation (Back) that asks for another step makes the URL the
    truth again, as does another page."""
    record = _record()
    if record is None or not record[2]:
        return
    want = None if record[1] is None else str(record[1])
    if record[0] != page_id or (internals.is_history_navigation() and _raw_step() != want):
        _keep(record[0], record[1], chosen=False)
        return
    if _raw_step() == want:
        return
    if want is None:
        del st.query_params[PARAM]
    else:
        st.query_params[PARAM] = want


def current(page_id: str, notice: bool = False) -> int | None:
    """The lesson step (1-based) of this page: the one this session chose (:func:`_settle`),
    else the URL's; None when lesson mode is off. A URL value that is not a step of this page's
    lesson means step 1 (with a notice if ``notice``)."""
    _settle(page_id)
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


def applied() -> tuple[str, int] | None:
    """(page id, step) whose values this session holds: what a lesson step wrote last."""
    record = _record()
    return None if record is None or record[1] is None else (record[0], record[1])


def mark_applied(page_id: str, k: int | None) -> None:
    """Record that this session holds step k of page_id's lesson (None: no step), e.g. after
    the class's view was written by follow-the-teacher (which sent the browser its address)."""
    _keep(page_id, k, chosen=True)


def _write(page_id: str, k: int, skip: set[str] = frozenset(), chosen: bool | None = None) -> None:
    """Put the controls into step k's state (allowed: before the widgets or in a callback),
    except the keys in skip; chosen as _keep's (None: as recorded for this step, else read)."""
    step = steps(page_id)[k - 1]
    written = [key for key in step.state if key not in skip]
    for key in written:
        st.session_state[key] = step.state[key]
    # a control whose bounds the step changes is a new widget, which takes its first value from
    # the address the page was opened with, over the step's (the descent's step slider when the
    # run grows from 66 to 100 iterations): the step's values are not to be seeded over
    if not internals.is_history_navigation():   # there the address is the view, and wins
        internals.drop_url_seeds(written)
    clear_overlays()  # the step's own highlight is set where its bar is drawn
    if chosen is None:
        record = _record()
        chosen = record is not None and record[:2] == (page_id, k) and record[2]
    _keep(page_id, k, chosen)


def _go(page_id: str, k: int) -> None:
    """Callback: show step k (clamped to the story)."""
    k = max(1, min(len(steps(page_id)), int(k)))
    st.query_params[PARAM] = str(k)
    _write(page_id, k, chosen=True)
    st.session_state[_FULL] = True


def _move(page_id: str, delta: int) -> None:
    """Callback of ‹ and ›: the step after (before) the one this session shows."""
    _go(page_id, (current(page_id) or 0) + delta)


def _leave(page_id: str) -> None:
    """Callback: lesson mode off; the controls keep their current values."""
    if PARAM in st.query_params:
        del st.query_params[PARAM]
    _keep(page_id, None, chosen=True)
    clear_overlays()
    st.session_state[_FULL] = True


def _keyboard(page_id: str) -> None:
    """Callback of the keys element: go to the step the presses asked for (the browser sends the
    step itself, not a move, so a press swallowed by a rerun is made up by the next one).

    Also when the page shows that step already (the browser asks again when it has not drawn
    the step yet): the message carries the browser's values of every control, and a browser
    that has not drawn the step yet still holds an earlier step's. Those arrive as changes of
    the controls; the step's own values must win over them."""
    value = st.session_state.get("lesson_keys")
    try:
        nav = value["nav"]
    except (KeyError, TypeError):
        nav = getattr(value, "nav", None)
    try:
        to = int(nav["to"])
    except (KeyError, TypeError, ValueError):
        return
    _go(page_id, to)


def apply(page_id: str) -> None:
    """At the top of a page (before its widgets): when the URL's step differs from the one last
    applied in this session, write that step's control values into the session state."""
    moved = st.session_state.pop(_FULL, None)
    k = current(page_id, notice=True)
    applied_now = applied()
    if k is None:
        if applied_now is not None:  # the URL left lesson mode (history, a link): drop highlights
            clear_overlays()
            st.session_state.pop(_STEP, None)
        return
    if applied_now == (page_id, k):
        if moved:
            # A callback wrote this step in a fragment's run, which this full run replaces at
            # once: the browser may never draw that run's widgets, whose values told it the
            # step's values. Write them again, so this run's widgets tell it too (else the
            # browser keeps the old values and sends them back with its next message).
            _write(page_id, k)
        return
    fresh = applied_now is None or applied_now[0] != page_id
    # A link (or Back) that opens the page: the values it spells out are the exact view and win;
    # the step fills in every control the link leaves out.
    given = {key for key in steps(page_id)[k - 1].state if key in st.query_params} if fresh \
        else set()
    _write(page_id, k, skip=given, chosen=False)
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
    """One line that keeps its place from step to step: "Step k / n", ‹, › Next, × (the keys
    are explained beside "Step k / n", never in a tooltip of the buttons: a tooltip stayed over
    the page after a click), narrow enough for a column beside a picture."""
    with st.container(horizontal=True, gap="small", vertical_alignment="center"):
        st.markdown(f"**{t('lesson.step', k=k, n=n)}**", width="content",
                    help=t("lesson.keys_help"))
        _buttons(page_id, k, n, where)


def _buttons(page_id: str, k: int, n: int, where: str, short: bool = False) -> None:
    """‹ previous, › next (with its word unless short), × leave."""
    st.button(":material/chevron_left:", key=f"lesson_prev_{where}", on_click=_move,
              args=(page_id, -1), disabled=k <= 1)
    st.button(":material/chevron_right:" if short else t("lesson.next"),
              key=f"lesson_next_{where}", on_click=_move, args=(page_id, 1), disabled=k >= n,
              icon=None if short else ":material/chevron_right:", type="primary")
    st.button(":material/close:", key=f"lesson_leave_{where}", on_click=_leave, args=(page_id,),
              help=f"{t('lesson.leave')} — {t('lesson.leave_help')}")


def _caption(page_id: str, k: int, n: int, where: str, head: str, text: str,
             question: Question | None = None) -> None:
    """The lecture view's lesson line (projector mode): the step's title and sentence cut to two
    lines over the picture, the whole text folded behind a small "more", then ‹ k / n › ×. On a
    question step the teacher asks, the line is the question, and Ask / the live count / End /
    Reveal (after the reveal the computed sentence) stand in it as compact items."""
    asking = flow.in_caption(question)
    line = _stars(flow.caption(page_id, question)) if asking else f"**{head}** — {text}"
    with st.container(horizontal=True, gap="small", vertical_alignment="center",
                      key="lesson_line"):
        with st.container(key="lesson_caption", width="stretch"):
            st.markdown(line)
        with st.popover(t("lecture.more"), width="content", key="lesson_more"):
            st.markdown(f"**{t('lesson.step', k=k, n=n)} · {head}**  \n{text}")
            if asking:
                st.markdown(line)
            st.caption(t("lesson.keys_help"))
        if asking:
            flow.caption_items(page_id, question)
        st.markdown(f"**{t('lecture.step', k=k, n=n)}**", width="content")
        _buttons(page_id, k, n, where, short=True)


def _stars(text: str) -> str:
    """w* as written, not the start of italics."""
    return text.replace("w*", "w\\*")


def bar(page_id: str, near: str | None = None) -> None:
    """The lesson bar: "Step k / n", the step's title and computed sentence, previous / next /
    leave. Called by the page right above its main picture (near=None) and, for steps that
    point at another chart, beside that chart (near=<name the story uses>). Off the lesson,
    the main call shows one button that starts it. In projector mode (the lecture view) the bar
    is one caption line over the picture (:func:`_caption`); the keys a clicker sends always
    move the lesson there, whatever has the focus."""
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
    lecture = page.lecture()
    if step.near != near:
        if near is None:  # the step's own bar stands lower on the page: a compact line here
            with st.container(border=not lecture, key="lesson_mini"):
                _row(page_id, k, n, where)
                if not lecture:
                    st.markdown(t("lesson.elsewhere", title=texts(page_id, k)[0]))
        return
    head, text = texts(page_id, k)
    _overlays(step)  # here, after any work the page did above (the network lab's training)
    text = _stars(text)  # two stars would turn italic
    with st.container(border=not lecture, key="lesson_bar"):
        if lecture:
            _caption(page_id, k, n, where, head, text, step.question)
        else:
            _row(page_id, k, n, where)
            with st.container(key="lesson_text"):
                st.markdown(f"**{head}**  \n{text}")
        _keys(key="lesson_keys", data={"step": k, "n": n, "page": page_id, "lecture": lecture,
                                       "focus": step.focus or ""},
              on_nav_change=lambda: _keyboard(page_id), height=0)
        flow.step_panel(page_id, step.question)  # a question step: ask, answer, reveal
