"""A student alone on a question step (no class): answer, then *Reveal* (key ``reveal``) shows
the truth from core, their own answer against it (on the step's chart too) and the computed
sentence, and brings the revealed chart into view (the step's chart for a tap or a sketch, the
answers' chart for a number or a choice). Kept in this session only, per question."""

from __future__ import annotations

from typing import Any

import streamlit as st

from ui import internals
from ui.chart import Capture
from ui.figures.answers import mine_traces, reveal_traces
from ui.i18n import t
from ui.page import lecture as look_lecture
from ui.page import look
from ui.questions import inputs, judge, shown
from ui.questions.model import Question, hint
from ui.questions.where import qualified, truth

KEY = "_al_question_solo"   # qualified id -> {"answer", "revealed", "bad"}
SHOWN = "_al_question_solo_shown"   # the question whose inputs were drawn last
_FULL = "_al_question_solo_full"    # Reveal / Answer again pressed: the whole page follows
_REVEALS = "_al_question_solo_reveals"   # how many reveals this session has pressed

# after the reveal: bring the revealed chart into view once (its top in the upper part of the
# screen), again a little later while the page is still growing; the reader's own scrolling
# stops it
_BRING_JS = r"""
export default function ({ data, parentElement }) {
  // an element with nothing to show: its row takes no room in the panel
  const el = parentElement ? (parentElement.host || parentElement) : null;
  const slot = el && el.closest ? el.closest('[data-testid="stElementContainer"]') : null;
  if (slot) slot.style.display = "none";
  const token = data && data.token;
  if (!token || window.__alRevealBrought === token) return;
  window.__alRevealBrought = token;
  const since = performance.now();
  let moved = 0;
  const mine = () => { moved = performance.now(); };
  window.addEventListener("wheel", mine, {passive: true, capture: true});
  window.addEventListener("touchmove", mine, {passive: true, capture: true});
  const bring = () => {
    if (moved > since) return;
    const box = document.querySelector(".st-key-" + data.target);
    if (!box) return;
    const r = box.getBoundingClientRect();
    const h = window.innerHeight;
    if (r.height > 0 && (r.top < 0 || r.top > h * 0.55)) {
      // the page scrolls inside Streamlit's own container: let the browser find it, and
      // keep the chart's top clear of the app's header
      box.style.scrollMarginTop = Math.round(h * 0.1) + "px";
      box.scrollIntoView({block: "start", behavior: "instant"});
    }
  };
  [0, 250, 700, 1400, 2400].forEach((ms) => setTimeout(bring, ms));
}
"""
_bring = st.components.v2.component("al_reveal_bring", js=_BRING_JS, isolate_styles=True)


def state(page_id: str, question: Question) -> dict:
    """This session's answer to the question (a fresh record if none)."""
    table = st.session_state.setdefault(KEY, {})
    return table.setdefault(qualified(page_id, question),
                            {"answer": None, "revealed": False, "bad": None})


def _reveal(page_id: str, question: Question) -> None:
    state(page_id, question)["revealed"] = True
    # which reveal of this session: each one brings its chart into view once
    st.session_state[_REVEALS] = st.session_state.get(_REVEALS, 0) + 1
    st.session_state[_FULL] = True


def _again(page_id: str, question: Question) -> None:
    st.session_state.get(KEY, {}).pop(qualified(page_id, question), None)
    inputs.reset()
    st.session_state[_FULL] = True


def revealed_chart(question: Question) -> str:
    """The key of the chart a reveal draws on: the step's chart for a tap or a sketch, the
    answers' own chart for a number or a choice."""
    return question.chart if question.kind in ("tap", "sketch") else shown.ANSWERS_CHART


def _follow(question: Question) -> None:
    """Reveal / Answer again came in a fragment's run: the parts of the page the question
    keeps out of sight until the reveal stand outside it, so the whole page runs again."""
    if st.session_state.pop(_FULL, False) and question.hides and internals.in_fragment_run():
        st.rerun(scope="app")


def save(page_id: str, question: Question, answer: Any) -> bool:
    """Keep a well-formed answer (else the reason, shown under the inputs); whether it
    changed what this session holds."""
    mine = state(page_id, question)
    before = (mine["answer"], mine["bad"])
    bad = "flow.empty" if answer == inputs.EMPTY else judge.check(question, answer)
    mine["bad"] = bad
    if bad is None:
        mine["answer"] = answer
    return before != (mine["answer"], mine["bad"])


def panel(page_id: str, question: Question) -> None:
    """The question's input, then Reveal; after it, the answer against the truth."""
    _follow(question)
    mine = state(page_id, question)
    if st.session_state.get(SHOWN) != qualified(page_id, question):
        inputs.reset()
        st.session_state[SHOWN] = qualified(page_id, question)
    if mine["revealed"]:
        shown.mine(page_id, question, mine["answer"])
        if not look_lecture():
            _bring(key="reveal_bring", height=0, data={
                "token": f"{qualified(page_id, question)}#{st.session_state.get(_REVEALS, 0)}",
                "target": f"chart_{revealed_chart(question)}"})
        st.button(t("flow.again"), key="answer_again", on_click=_again,
                  args=(page_id, question), icon=":material/replay:")
        return
    given = inputs.draw(page_id, question)
    if given is not None:
        save(page_id, question, given)
    if mine["bad"]:
        st.error(t(mine["bad"]), icon=":material/error:")
    elif mine["answer"] is not None:
        said = "" if question.kind == "sketch" else shown.mine_text(page_id, question,
                                                                      mine["answer"])
        st.success(f"{t('flow.saved')} {said}".strip(), icon=":material/check:")
    st.button(t("flow.reveal"), key="reveal", on_click=_reveal, args=(page_id, question),
              type="primary", icon=":material/visibility:")


def chart(page_id: str, question: Question) -> tuple[Capture | None, list[dict]]:
    """The step's chart: it takes the answer until the reveal, then shows it and the truth."""
    mine = state(page_id, question)
    if not mine["revealed"]:
        if question.kind not in ("tap", "sketch"):
            return None, []
        return Capture(mode=question.kind, question=qualified(page_id, question),
                       hint=hint(page_id, question)), []
    known = truth(page_id, question)
    if mine["answer"] is None:
        return None, reveal_traces(question, [], known, look())
    return None, mine_traces(question, mine["answer"], known, look())


def took(page_id: str, question: Question, answer: dict) -> None:
    """A tap or a stroke on the chart: keep it and draw the page again to say so."""
    if not state(page_id, question)["revealed"] and save(page_id, question, answer):
        st.rerun(scope="app")
