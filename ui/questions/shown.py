"""What a reveal shows: a student's own answer against the truth (solo, or each phone after the
class's reveal), and on the projector the class's answers with the truth and one computed
sentence. Answers on the step's chart come through ui.questions.hook (traces of
ui.figures.answers); a number's or a choice's answers get their own chart here. What stays
hidden until the reveal: ui.questions.conceal."""

from __future__ import annotations

import plotly.graph_objects as go
import streamlit as st

from ui.figures.answers import answers_figure
from ui.format import fmt
from ui.i18n import t
from ui.page import chart, look
from ui.questions import judge
from ui.questions.model import Question, option_label, truth_text
from ui.questions.where import truth

ANSWERS_CHART = "answers"   # the chart of a number's or a choice's answers (key chart_answers)


def answers_chart(page_id: str, question: Question, answers: list[dict],
                  mine: dict | None = None) -> None:
    """A number's or a choice's answers as their own chart (histogram or bars, the truth
    marked; ``mine``: a student's own answer marked too). Taps and sketches: nothing here."""
    if question.kind not in ("choose", "number"):
        return
    known = truth(page_id, question)
    figure = answers_figure(question, answers, known, look(), mine=mine)
    chart(go.Figure(figure, _validate=False), ANSWERS_CHART)


def mine_text(page_id: str, question: Question, answer: dict) -> str:
    """The student's answer in words."""
    if question.kind == "choose":
        return t("flow.mine.choose", choice=option_label(page_id, question, answer["choice"]))
    if question.kind == "number":
        return t("flow.mine.number", value=fmt(float(answer["value"])))
    if question.kind == "tap":
        return t("flow.mine.tap", x=fmt(float(answer["x"])), y=fmt(float(answer["y"])))
    return t("flow.mine.sketch")


def mine(page_id: str, question: Question, answer: dict | None) -> None:
    """One student's answer against the truth (on the chart: ui.questions.hook adds it)."""
    known = truth(page_id, question)
    if answer is None:
        st.info(t("flow.mine.none"), icon=":material/help:")
    else:
        st.markdown(mine_text(page_id, question, answer))
        if judge.right(question, answer, known):
            st.success(t("flow.right"), icon=":material/check_circle:")
        else:
            st.warning(t("flow.wrong"), icon=":material/compare_arrows:")
    st.markdown(f"**{truth_text(page_id, question, known)}**")
    if answer is not None:
        answers_chart(page_id, question, [answer], mine=answer)


def class_reveal(page_id: str, question: Question, answers: list[dict]) -> None:
    """Projector: the truth, the one computed sentence about the class's answers, and a number's
    or a choice's answers as a chart (taps and sketches are drawn on the step's chart)."""
    known = truth(page_id, question)
    key, values = judge.summary(question, answers, known)
    with st.container(key="answer_reveal"):
        st.markdown(f"**{truth_text(page_id, question, known)}**")
        st.markdown(t(key, **values))
        answers_chart(page_id, question, answers)
