"""Predict, then reveal (issue #23): on every question step of every lesson, in Korean and
English, nothing on the page states or draws the answer before the reveal — the charts' bands,
shadings, annotations and scrubs, the tables and sentences that give it away are absent from
what the page sends (the figure dicts and the text) — and after a student's own *Reveal* they
are back, with the truth, their own answer and the reveal's sentence. The truth is core's,
computed here another way."""

from __future__ import annotations

import math

import numpy as np
import pytest

from core import descent as d
from core import network as net
from core import zigzag as zz
from core.activations import get
from tests.pages.conftest import chart_docs, decode, run_page, texts
from tests.pages.test_questions_flow_page import fill, right_answer
from ui.format import fmt
from ui.i18n import CATALOGUES, set_lang
from ui.lessons import PAGES
from ui.questions.model import asked, key
from ui.sentences.network import num as say_num

LOCALES = {"en": "en-US", "ko": "ko-KR"}
QUESTIONS = [(p, k, q) for p in PAGES for k, q in asked(p)]
IDS = [f"{p}-{q.id}" for p, _, q in QUESTIONS]


def docs_by_key(at) -> dict[str, dict]:
    return {doc["key"]: doc for doc in chart_docs(at)}


def shapes(doc: dict) -> list[dict]:
    return list(doc["figure"].get("layout", {}).get("shapes") or [])


def notes(doc: dict) -> list[str]:
    return [str(a.get("text", "")) for a in doc["figure"].get("layout", {}).get("annotations")
            or []]


def traces(doc: dict) -> list[dict]:
    return list(doc["figure"].get("data") or [])


def scrubbed(doc: dict) -> bool:
    return bool(doc.get("scrubs"))


def truth_sentence(lang: str, page: str, question) -> str:
    set_lang(lang)
    return CATALOGUES[lang][key(page, question, "truth")].format(**question.truth().values)


# ----------------------------------------------------------------------------- core, another way


def sigmoid(x):
    return 1.0 / (1.0 + np.exp(-x))


def core_truth(page: str, qid: str):
    """What the answer is, computed from core here without the lesson's functions."""
    loss = d.get("course")
    f = lambda x: float(loss.value(np.array([x], dtype=float))[0])  # noqa: E731
    if (page, qid) == ("descent", "count"):   # an explicit loop, f′ by central differences
        x, xs, h = 10.0, [10.0], 1e-6
        for _ in range(200):
            x -= 0.2 * (f(x + h) - f(x - h)) / (2 * h)
            xs.append(x)
        err = np.abs(np.asarray(xs) - loss.minimizers[0])
        return next(k for k in range(len(err)) if np.all(err[k:] < 0.01))
    if (page, qid) == ("descent", "diverge"):   # 2/L, L = f″ by central differences
        h, m = 1e-3, loss.minimizers[0]
        return 2.0 / ((f(m + h) - 2 * f(m) + f(m - h)) / h ** 2)
    if (page, qid) == ("explorer", "steep"):
        x = np.linspace(-6, 6, 12001)
        return float(x[np.argmax(sigmoid(x) * (1 - sigmoid(x)))])
    if (page, qid) == ("explorer", "sketch"):
        return 1.0   # tanh′ peaks at 1 (at x = 0)
    if (page, qid) == ("saturation", "zero"):
        return float(get("sigmoid").grad(np.zeros(1))[0])
    if (page, qid) == ("saturation", "shrink"):
        x = np.linspace(-8, 8, 16001)
        return float(np.max(sigmoid(x) * (1 - sigmoid(x)))) ** 10
    if (page, qid) == ("zigzag", "where"):
        from ui.lessons.zigzag import run
        return tuple(float(v) for v in run("sigmoid").path[10])
    if (page, qid) == ("zigzag", "quadrant"):
        return "i_iii"   # all-positive inputs: every one-sample step is (+,+) or (−,−)
    if (page, qid) == ("network", "output"):
        mlp = net.course_relu_231()
        h = np.maximum(np.asarray(net.COURSE_231_X, dtype=float) @ np.asarray(mlp.weights[0]), 0)
        return float(np.maximum(h @ np.asarray(mlp.weights[1]).ravel(), 0))
    if (page, qid) == ("network", "race"):
        return "relu"
    raise AssertionError((page, qid))


def check_truth(page: str, question) -> None:
    truth, want = question.truth(), core_truth(page, question.id)
    if (page, question.id) == ("saturation", "shrink"):   # (max σ′)^10, about 10⁻⁶
        assert truth.value == pytest.approx(want, rel=1e-5)
        assert truth.choice == "e6" and round(-math.log10(want)) == 6
    elif question.kind == "choose":
        assert truth.choice == want
    elif question.kind == "sketch":
        assert float(np.max(np.asarray(truth.curve[1]))) == pytest.approx(want, abs=1e-6)
    elif isinstance(want, tuple):
        assert truth.point == pytest.approx(want, abs=1e-9)
    elif (page, question.id) == ("descent", "diverge"):
        assert truth.value == pytest.approx(want, rel=1e-5)
    elif (page, question.id) == ("explorer", "steep"):
        assert truth.value == pytest.approx(want, abs=1e-3)
    else:
        assert truth.value == pytest.approx(want, rel=1e-6, abs=1e-9)


# ----------------------------------------------------------------------------- the give-aways


def give_aways(page: str, qid: str, at, lang: str) -> dict[str, bool]:
    """For each thing that would state or draw the answer: whether the page shows it now."""
    docs, said = docs_by_key(at), texts(at)
    if page == "descent":
        axis = docs["gd_axis"]
        upper = fmt(float(d.stable_band(d.get("course")).upper))
        found = {"compare charts": {"gd_side", "gd_cmp_dist"} <= set(docs),
                 "compare table": len(at.dataframe) > 0}
        if qid == "diverge":
            found |= {
                "bands": any(s.get("type") == "rect" for s in shapes(axis)),
                "2/L line": any(s.get("type") == "line" for s in shapes(axis)),
                "2/L note": any(f"2/L = {upper}" in n for n in notes(axis)),
                "band legend": any(tr.get("name") == CATALOGUES[lang]["descent.band.diverges"]
                                   for tr in traces(axis)),
                "curvature story": "1 − lr · L" in said,   # its r = 1 − lr · L = …
                "2/L in words": f"2/L = {upper}" in said or f"2/L(= {upper})" in said}
        return found
    if page == "explorer":
        return {"tables": len(at.table) >= 2,
                "details": CATALOGUES[lang]["explorer.details"] in said}
    if page == "saturation":
        curves = docs["sat_curves"]
        found = {"depth chart": "sat_depth" in docs, "deep network": "sat_grad" in docs}
        if qid == "zero":
            found |= {"f′ panel": any(tr.get("yaxis") == "y2" for tr in traces(curves)),
                      "shading": any(tr.get("type") == "bar" for tr in traces(curves)),
                      "probe scrub": scrubbed(curves)}
        return found
    if page == "zigzag":
        planes = docs["zz_planes"]
        found = {"step scrub": scrubbed(planes), "later sections": "zz_dist" in docs}
        if qid == "quadrant":
            shading = [tr for tr in traces(planes) if tr.get("fill") == "toself"]
            found |= {"shading": any(len(decode(tr.get("x", []))) for tr in shading),
                      "numbers": len(at.dataframe) > 0}
        return found
    if page == "network":
        diagram = docs["net_diagram"]
        y = fmt(core_truth("network", "output"), 4)
        found = {"2-3-1 output": any(f"a = {y}" in n for n in notes(diagram))}
        if qid == "output":   # the same network drawn, its units' values and lines left out
            found |= {"unit values": not any("?" in n for n in notes(diagram)),
                      "forward lines": f"= {say_num(core_truth('network', 'output'))}" in said}
        if qid == "race":
            found |= {"output comparison": "net_oc_loss" in docs, "circles": "net_linear" in docs}
        return found
    raise AssertionError(page)


# the give-aways the reveal does not bring back (the race's step draws the XOR example)
STAYS_HIDDEN = {("network", "race"): {"2-3-1 output"}}


@pytest.mark.parametrize("lang", ["ko", "en"])
@pytest.mark.parametrize("page, step, question", QUESTIONS, ids=IDS)
def test_nothing_gives_the_answer_away_before_the_reveal(lang, page, step, question):
    check_truth(page, question)
    at = run_page(page, query={"lesson": str(step), "lang": lang}, locale=LOCALES[lang])
    assert not at.exception
    sentence = truth_sentence(lang, page, question)
    before = give_aways(page, question.id, at, lang)
    assert not any(before.values()), {k: v for k, v in before.items() if v}
    assert sentence not in texts(at)
    assert all(tr.get("meta") not in ("truth", "mine", "answers")
               for doc in chart_docs(at) for tr in traces(doc))
    if question.hides:   # one line says where a part went
        assert CATALOGUES[lang]["question.hidden"] in texts(at)
    if question.kind != "sketch":   # the student commits (a sketch is drawn on the chart only)
        at = fill(at, question, right_answer(question))
        assert not any(give_aways(page, question.id, at, lang).values())
        assert sentence not in texts(at)
    at.button(key="reveal").click().run()
    assert not at.exception
    after = give_aways(page, question.id, at, lang)
    back = set(after) - STAYS_HIDDEN.get((page, question.id), set())
    assert all(after[k] for k in back), {k: v for k, v in after.items() if k in back and not v}
    assert sentence in texts(at)
    assert CATALOGUES[lang]["question.hidden"] not in texts(at)
    metas = {tr.get("meta") for doc in chart_docs(at) for tr in traces(doc)}
    assert "truth" in metas   # on the step's chart (tap, sketch) or the answers' chart
    if question.kind == "sketch":
        assert CATALOGUES[lang]["flow.mine.none"] in [i.value for i in at.info]
    else:   # their own answer against the truth
        assert "mine" in metas
        assert CATALOGUES[lang]["flow.right"] in [x.value for x in at.success]
    if question.kind == "tap":
        truth = next(tr for tr in traces(docs_by_key(at)[question.chart])
                     if tr.get("meta") == "truth")
        x = decode(truth["x"])[0]
        want = core_truth(page, question.id)
        want_x = want[0] if isinstance(want, tuple) else want
        assert float(x) == pytest.approx(want_x, abs=1e-3)


def test_answer_again_hides_them_again():
    page, step, question = next(s for s in QUESTIONS if s[:1] == ("descent",) and s[2].id == "diverge")
    at = run_page(page, query={"lesson": str(step), "lang": "en"}, locale="en-US")
    at.button(key="reveal").click().run()
    assert give_aways(page, question.id, at, "en")["bands"]
    at.button(key="answer_again").click().run()
    assert not at.exception
    assert not any(give_aways(page, question.id, at, "en").values())


def test_steps_without_a_question_hide_nothing():
    at = run_page("descent", query={"lesson": "6", "lang": "en"}, locale="en-US")   # the cycle
    assert not at.exception
    found = give_aways("descent", "diverge", at, "en")
    assert all(found.values()), found
    assert CATALOGUES["en"]["question.hidden"] not in texts(at)
    assert math.isfinite(core_truth("descent", "diverge"))


def test_the_class_sees_them_only_after_the_teachers_reveal():
    from ui.classroom.memory_store import MemoryRoomStore
    from ui.classroom.store import room_store, set_store

    old = set_store(MemoryRoomStore())
    try:
        page, step, question = next(s for s in QUESTIONS if s[0] == "descent"
                                    and s[2].id == "diverge")
        teacher = run_page(page, query={"lesson": str(step), "lang": "ko"}, locale="ko-KR")
        teacher.button(key="start_class").click().run()
        assert not any(give_aways(page, question.id, teacher, "ko").values())
        teacher.button(key="ask").click().run()
        code = teacher.session_state["_al_class_room"]
        qid = room_store().question(code)["qid"]
        assert room_store().answer(code, "a-student", qid, {"x": 0.5, "y": 0.5}) == 1
        teacher.run()
        assert not any(give_aways(page, question.id, teacher, "ko").values())   # not yet
        teacher.button(key="reveal").click().run()
        assert not teacher.exception
        found = give_aways(page, question.id, teacher, "ko")
        assert all(found.values()), found
        assert truth_sentence("ko", page, question) in texts(teacher)
    finally:
        set_store(old)
