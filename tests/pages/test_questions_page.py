"""Questions in lessons (issue #23), the pure parts: every question step of every lesson has its
texts in Korean and English; every truth equals core's value computed here another way (finite
differences, an explicit loop, a separate training call); the judge refuses malformed answers
and counts right ones; the reveal's figures hold exactly the answers given and the truth."""

from __future__ import annotations

import json
import math
import re

import numpy as np
import pytest

from core import descent as d
from core import network as net
from core import zigzag as zz
from core.activations import get
from ui.figures.answers import (answer_traces, answers_figure, histogram, mine_traces,
                                reveal_traces)
from ui.i18n import CATALOGUES, set_lang
from ui.lessons import PAGES, steps
from ui.questions import judge
from ui.questions.model import (KINDS, MAX_ANSWER_BYTES, MAX_SKETCH_POINTS, Question, Truth,
                                asked, hint, option_label, prompt, truth_text)
from ui.theme import Look

LOOK = Look()
FIELD = re.compile(r"\{[A-Za-z_]\w*\}")


def question(page: str, qid: str) -> Question:
    return next(q for _, q in asked(page) if q.id == qid)


def all_questions() -> list[tuple[str, int, Question]]:
    return [(page, k, q) for page in PAGES for k, q in asked(page)]


def sigmoid(x):
    return 1.0 / (1.0 + np.exp(-x))


# ----------------------------------------------------------------------------- the lessons ask


def test_every_lesson_asks_two_questions_and_all_four_kinds_are_asked():
    kinds = set()
    for page in PAGES:
        qs = [q for _, q in asked(page)]
        assert len(qs) >= 2, page
        assert len({q.id for q in qs}) == len(qs)
        assert all(q.page == page for q in qs)
        ids = [s.id for s in steps(page)]
        assert len(set(ids)) == len(ids)
        kinds |= {q.kind for q in qs}
    assert kinds == set(KINDS)
    assert question("explorer", "sketch").kind == "sketch"


@pytest.mark.parametrize("lang", ["ko", "en"])
@pytest.mark.parametrize("page, k, q", all_questions(),
                         ids=[f"{p}-{q.id}" for p, _, q in all_questions()])
def test_every_question_has_its_texts(page, k, q, lang):
    set_lang(lang)
    table = CATALOGUES[lang]
    step = steps(page)[k - 1]
    for part in ("prompt", "truth"):
        assert f"question.{page}.{q.id}.{part}" in table
    for key in (f"lesson.{page}.{step.id}.title", f"lesson.{page}.{step.id}.text"):
        assert key in table
        assert not FIELD.search(table[key].format(**step.values()))
    shown = prompt(page, q)
    assert shown and not FIELD.search(shown)
    truth = q.truth()
    said = truth_text(page, q, truth)
    assert said and not FIELD.search(said)
    if q.kind in ("tap", "sketch"):
        assert hint(page, q) == table[f"question.{page}.{q.id}.hint"]
    else:
        assert hint(page, q) == "" and f"question.{page}.{q.id}.hint" not in table
    for option in q.options:
        label = option_label(page, q, option)
        assert label == table[f"question.{page}.{q.id}.option.{option}"]
    labels = [option_label(page, q, o) for o in q.options]
    assert len(set(labels)) == len(labels)
    if lang == "ko":
        assert re.search(r"[\uac00-\ud7a3]", shown)


def test_every_question_step_is_a_complete_state_that_hides_the_answer():
    from ui.controls.descent import SPEC as DESCENT
    from ui.controls.explorer import SPEC as EXPLORER

    for page, k, q in all_questions():
        step = steps(page)[k - 1]
        assert step.focus, (page, q.id)
        # the step's picture is the chart the question is asked on, except the lr axis: it
        # stands under the descent page's picture, which the projector keeps in view
        if q.chart and (page, q.id) != ("descent", "diverge"):
            assert step.focus == q.chart
    for qid in ("steep", "sketch"):   # the derivative panel is off: f alone on the chart
        state = steps("explorer")[[s.id for s in steps("explorer")].index(qid)].state
        assert state["deriv"] is False and set(state) == set(EXPLORER.state())
    for qid in ("zero", "shrink"):    # the sigmoid alone: what it gives away is concealed
        step = next(s for s in steps("saturation") if s.id == qid)
        assert step.state["sat_acts"] == ["sigmoid"]
        assert {"depth", "deep"} <= set(step.question.hides)
    assert "slope" in question("saturation", "zero").hides   # f′ itself is the answer
    count = next(s.state for s in steps("descent") if s.id == "count")
    assert count["gd_step"] == 0 and set(DESCENT.state()) <= set(count)
    # the 2-3-1 network's values are not drawn on any step before its question (the question's
    # step draws that network with its units' values concealed)
    ids = [s.id for s in steps("network")]
    for s in steps("network")[: ids.index("output")]:
        assert s.state["net_ex"] == "xor", s.id
    output = steps("network")[ids.index("output")]
    assert output.state["net_ex"] == "relu231" and "pass" in output.question.hides


# ----------------------------------------------------------------------------- truths equal core's


def test_explorer_steepest_point_by_finite_differences():
    q = question("explorer", "steep")
    truth = q.truth()
    x = np.linspace(-6, 6, 12001)
    h = 1e-5
    slope = (sigmoid(x + h) - sigmoid(x - h)) / (2 * h)
    assert abs(truth.value - x[np.argmax(slope)]) < 1e-3
    assert truth.point == pytest.approx((truth.value, float(sigmoid(truth.value))), abs=1e-9)
    assert truth.values["g"] == "0.25"
    # the bounds hold the chart's axis ranges: the x range and f's span, and the margins the
    # automatic ranges add (a tenth of each width on either side)
    x0, x1, y0, y1 = q.bounds
    assert (x0, x1) == pytest.approx((-7.2, 7.2))
    assert y0 < float(sigmoid(-6.0)) - 0.05 and y1 > float(sigmoid(6.0)) + 0.05


def test_explorer_sketch_truth_is_tanh_prime_by_finite_differences():
    q = question("explorer", "sketch")
    cx, cy = (np.asarray(a) for a in q.truth().curve)
    h = 1e-5
    fd = (np.tanh(cx + h) - np.tanh(cx - h)) / (2 * h)
    assert cx[0] == -6.0 and cx[-1] == 6.0 and q.bounds[:2] == pytest.approx((-7.2, 7.2))
    assert np.max(np.abs(cy - fd)) < 1e-8
    assert q.bounds[2] < -0.99 and q.bounds[3] > 0.99  # tanh's own span on the chart


def test_saturation_sigma_prime_at_zero_is_a_quarter():
    q = question("saturation", "zero")
    h = 1e-6
    fd = float((sigmoid(h) - sigmoid(-h)) / (2 * h))
    assert q.truth().value == pytest.approx(fd, abs=1e-9)
    assert fd == pytest.approx(0.25, abs=1e-9)


def test_saturation_shrink_is_a_quarter_to_the_tenth_power():
    q = question("saturation", "shrink")
    truth = q.truth()
    assert truth.value == pytest.approx(0.25 ** 10, rel=1e-9)
    assert truth.choice == "e6"  # 0.25^10 ≈ 9.5·10⁻⁷: about a millionth
    assert truth.choice in q.options


def test_zigzag_quadrants_from_the_signs_of_the_inputs():
    q = question("zigzag", "quadrant")
    run = zz.simulate("sigmoid", zz.DEFAULT_W0, zz.DEFAULT_W_STAR, zz.DEFAULT_LR,
                      zz.DEFAULT_STEPS)
    assert np.all(run.inputs > 0)  # sigmoid outputs: an update is ±x, quadrant I or III
    signs = {tuple(np.sign(u)) for u in run.updates if np.all(u != 0)}
    assert signs <= {(1.0, 1.0), (-1.0, -1.0)}
    assert q.truth().choice == "i_iii"


def test_zigzag_weights_after_ten_steps():
    q = question("zigzag", "where")
    run = zz.simulate("sigmoid", zz.DEFAULT_W0, zz.DEFAULT_W_STAR, zz.DEFAULT_LR,
                      zz.DEFAULT_STEPS)
    w = run.path[10]
    # the path is w₀ plus the updates so far
    assert np.allclose(w, np.asarray(zz.DEFAULT_W0) + run.updates[:10].sum(axis=0))
    assert q.truth().point == pytest.approx((float(w[0]), float(w[1])), abs=1e-12)
    # the bounds are the left panel's axis ranges in the step's picture (t = 0)
    from ui.figures.zigzag import planes_figure

    other = zz.simulate("tanh", zz.DEFAULT_W0, zz.DEFAULT_W_STAR, zz.DEFAULT_LR,
                        zz.DEFAULT_STEPS)
    fig = planes_figure([run, other], ["a", "b"], 0, zz.DEFAULT_EPS, LOOK)
    assert tuple(fig.layout.xaxis.range) + tuple(fig.layout.yaxis.range) == \
        pytest.approx(q.bounds)
    x0, x1, y0, y1 = q.bounds
    assert x0 < w[0] < x1 and y0 < w[1] < y1


def test_descent_steps_to_within_a_hundredth_by_an_explicit_loop():
    q = question("descent", "count")
    x, k = 10.0, 0
    while abs(x - 3.0) >= 0.01:
        x -= 0.2 * (2 * x - 6)
        k += 1
    assert q.truth().value == k == 13
    assert q.integer and q.tolerance == 1.0


def test_descent_divergence_starts_at_two_over_the_curvature():
    q = question("descent", "diverge")
    loss = d.get("course")
    h = 1e-3
    x = np.array([3.0 - h, 3.0, 3.0 + h])
    f = loss.value(x)
    curvature = float((f[0] - 2 * f[1] + f[2]) / h ** 2)
    assert q.truth().value == pytest.approx(2 / curvature, rel=1e-6)
    # just below it the error shrinks, just above it grows (|1 − lr·L| against 1)
    for lr, shrinks in ((0.99 * 2 / curvature, True), (1.01 * 2 / curvature, False)):
        e = 7.0
        for _ in range(50):
            e *= 1 - lr * curvature
        assert (abs(e) < 7.0) == shrinks
    # the bounds are the lr axis of the page (a log axis from LR_MIN to LR_MAX)
    from ui.figures.descent import lr_axis

    fig = lr_axis(d.stable_band(loss), 0.9, LOOK)
    lo, hi = (10 ** v for v in fig.layout.xaxis.range)
    assert (q.bounds[0], q.bounds[1]) == pytest.approx((lo, hi))
    assert (q.bounds[2], q.bounds[3]) == pytest.approx(tuple(fig.layout.yaxis.range))
    assert q.scale == "log" and fig.layout.xaxis.type == "log"


def test_network_race_epochs_by_one_training_call_each():
    q = question("network", "race")
    truth = q.truth()
    reach = {}
    for act in q.options:
        shown = truth.values[f"e_{act}"]
        e = int(shown.replace(",", ""))
        mlp = net.course_xor(act, "sigmoid")
        before = net.train(mlp, net.XOR_X, net.XOR_T, net.COURSE_LR, e - 1).mlp if e > 1 else mlp
        after = net.train(before, net.XOR_X, net.XOR_T, net.COURSE_LR, 1).mlp
        assert net.accuracy(after, net.XOR_X, net.XOR_T[:, 0]) == 1.0
        assert net.accuracy(before, net.XOR_X, net.XOR_T[:, 0]) < 1.0
        reach[act] = e
    assert truth.choice == min(reach, key=reach.get)
    # the step's page trains fewer epochs than any network needs: nobody sees the answer yet
    race = next(s.state for s in steps("network") if s.id == "race")
    assert race["net_epochs"] < min(reach.values())


def test_network_forward_pass_by_hand():
    q = question("network", "output")
    mlp = net.course_relu_231()
    x = np.array(net.COURSE_231_X)
    hidden = np.maximum(0.0, x @ np.asarray(mlp.weights[0]))
    y = float(np.maximum(0.0, hidden @ np.asarray(mlp.weights[1]))[0])
    assert q.truth().value == pytest.approx(y, abs=1e-12)
    assert y == pytest.approx(1.67, abs=1e-12)  # the course's number
    values = q.values()
    assert values["w1"] == "[[0.8, 0.4, 0.3], [0.2, 0.9, 0.5]]" and values["w2"] == "0.3, 0.5, 0.9"


# ----------------------------------------------------------------------------- the judge

TAP = Question("t", "tap", chart="c", bounds=(-6.0, 6.0, 0.0, 1.0), tolerance=0.5)
TAP_XY = Question("txy", "tap", chart="c", bounds=(-2.0, 2.0, -2.0, 2.0), tolerance=0.2,
                  axis="xy")
TAP_LOG = Question("tl", "tap", chart="c", bounds=(1e-4, 3.0, 0.0, 1.15), tolerance=0.1,
                   scale="log")
NUMBER = Question("n", "number", bounds=(-10.0, 10.0), tolerance=0.01)
COUNT = Question("k", "number", bounds=(0.0, 1000.0), tolerance=1.0, integer=True)
CHOOSE = Question("c", "choose", options=("a", "b", "c"))
SKETCH = Question("s", "sketch", chart="c", bounds=(-6.0, 6.0, -1.2, 1.2), tolerance=0.1)
LINE = Truth(curve=(np.linspace(-6, 6, 13), np.zeros(13)))  # the true curve y = 0


def sketch(y: float, x0: float = -6.0, x1: float = 6.0, n: int = 20) -> dict:
    return {"points": [[round(float(x), 2), y] for x in np.linspace(x0, x1, n)]}


@pytest.mark.parametrize("q, answer, why", [
    (TAP, {"x": float("nan"), "y": 0.5}, "number"),
    (TAP, {"x": math.inf, "y": 0.5}, "number"),
    (TAP, {"x": "1", "y": 0.5}, "number"),
    (TAP, {"x": True, "y": 0.5}, "number"),
    (TAP, {"x": 7.0, "y": 0.5}, "outside"),
    (TAP, {"x": 0.0, "y": -0.1}, "outside"),
    (TAP, {"x": 0.0}, "shape"),
    (TAP, {"x": 0.0, "y": 0.5, "who": "me"}, "shape"),
    (TAP, [0.0, 0.5], "shape"),
    (TAP, None, "shape"),
    (NUMBER, {"value": float("nan")}, "number"),
    (NUMBER, {"value": 11.0}, "outside"),
    (NUMBER, {"choice": "a"}, "shape"),
    (COUNT, {"value": 12.5}, "whole"),
    (CHOOSE, {"choice": "d"}, "choice"),
    (CHOOSE, {"choice": 1}, "choice"),
    (CHOOSE, {"choice": "a" * 2000}, "size"),
    (SKETCH, {"points": [[0.0, 0.0]]}, "points"),
    (SKETCH, {"points": [[float(i) / 20, 0.0] for i in range(MAX_SKETCH_POINTS + 1)]}, "points"),
    (SKETCH, {"points": [[0.0, 0.0, 1.0], [1.0, 0.0, 1.0]]}, "points"),
    (SKETCH, {"points": [[1.0, 0.0], [0.0, 0.0]]}, "order"),
    (SKETCH, {"points": [[0.0, 0.0], [1.0, 2.0]]}, "outside"),
    (SKETCH, {"points": [[0.0, float("nan")], [1.0, 0.0]]}, "number"),
    (SKETCH, {"points": [[-5.123456789 + i * 0.17, 0.123456789] for i in range(64)]}, "size"),
])
def test_check_refuses_malformed_answers(q, answer, why):
    assert judge.check(q, answer) == f"question.bad.{why}"
    assert f"question.bad.{why}" in CATALOGUES["ko"] and why in judge.BAD
    assert not judge.right(q, answer, Truth(value=0.0, point=(0.0, 0.0), choice="a",
                                            curve=LINE.curve))


def test_check_accepts_well_formed_answers_up_to_the_limits():
    full = {"points": [[round(-6 + 12 * i / 63, 2), -0.99] for i in range(MAX_SKETCH_POINTS)]}
    assert len(json.dumps(full, separators=(",", ":"))) <= MAX_ANSWER_BYTES
    for q, answer in ((TAP, {"x": -6, "y": 1.0}), (TAP_LOG, {"x": 1e-4, "y": 0}),
                      (NUMBER, {"value": -10}), (COUNT, {"value": 13.0}),
                      (CHOOSE, {"choice": "c"}), (SKETCH, full),
                      (SKETCH, {"points": [[0.0, 0.0], [0.0, 1.0]]})):
        assert judge.check(q, answer) is None, (q.id, answer)


def test_every_reason_has_its_text_in_both_languages():
    for why in judge.BAD:
        for lang in ("ko", "en"):
            assert CATALOGUES[lang][f"question.bad.{why}"]


def test_right_and_summary_count_a_constructed_class():
    truth = Truth(value=0.0, point=(0.0, 0.5))
    taps = [{"x": x, "y": 0.5} for x in (0.0, 0.3, -0.5, 0.51, 2.0, -3.0)]
    taps.append({"x": float("nan"), "y": 0.5})  # malformed: not counted at all
    assert [judge.right(TAP, a, truth) for a in taps] == [True, True, True, False, False, False,
                                                          False]
    assert judge.summary(TAP, taps, truth) == ("question.summary.within",
                                               {"k": 3, "n": 6, "tol": "0.5"})
    # Euclidean distance on "xy"
    near = [{"x": 0.1, "y": 0.1}, {"x": 0.15, "y": 0.15}, {"x": -0.2, "y": 0.0}]
    assert [judge.right(TAP_XY, a, Truth(point=(0.0, 0.0))) for a in near] == [True, False, True]
    assert judge.summary(TAP_XY, near, Truth(point=(0.0, 0.0)))[1] == {"k": 2, "n": 3,
                                                                         "tol": "0.2"}
    # decades on a log axis: 10^0.1 ≈ 1.26
    lrs = [{"x": v, "y": 0.5} for v in (1.0, 1.2, 0.8, 1.3, 0.5, 0.01)]
    log_truth = Truth(value=1.0, point=(1.0, 0.62))
    assert sum(judge.right(TAP_LOG, a, log_truth) for a in lrs) == 3
    key, values = judge.summary(TAP_LOG, lrs, log_truth)
    assert key == "question.summary.within_factor" and values == {"k": 3, "n": 6,
                                                                  "factor": "1.26"}
    # numbers
    numbers = [{"value": v} for v in (0.25, 0.26, 0.2, 0.25, 1.0)] + [{"value": 99.0}]
    assert judge.summary(NUMBER, numbers, Truth(value=0.25)) == (
        "question.summary.within", {"k": 3, "n": 5, "tol": "0.01"})
    # choices
    chosen = [{"choice": c} for c in "aabcab"] + [{"choice": "z"}]
    assert judge.summary(CHOOSE, chosen, Truth(choice="a")) == ("question.summary.chose",
                                                                {"k": 3, "n": 6})
    assert judge.counts(CHOOSE, chosen) == {"a": 3, "b": 2, "c": 1}
    # sketches: mean vertical distance from y = 0, and a sketch must span half the range
    sketches = [sketch(0.05), sketch(-0.08), sketch(0.31), sketch(0.0, -1.0, 1.0)]
    assert [judge.right(SKETCH, s, LINE) for s in sketches] == [True, True, False, False]
    key, values = judge.summary(SKETCH, sketches, LINE)
    assert key == "question.summary.sketch"
    assert values == {"k": 2, "n": 4, "tol": "0.1", "mean": "0.11"}  # (0.05 + 0.08 + 0.31 + 0)/4
    assert judge.summary(NUMBER, [], Truth(value=0.0)) == ("question.summary.none", {})
    for k in ("none", "chose", "within", "within_factor", "near", "sketch"):
        for lang in ("ko", "en"):
            assert CATALOGUES[lang][f"question.summary.{k}"]
    set_lang("ko")
    from ui.i18n import t

    assert t(key, **values) == ("답한 4명 가운데 2명의 곡선이 참 곡선에서 평균 0.1 이내에 있습니다. "
                                "모든 곡선의 평균 거리는 0.11입니다.")


def test_the_lessons_judge_their_truth_right():
    """Every question's own truth, given as an answer, is right (and inside the bounds)."""
    for page, _, q in all_questions():
        truth = q.truth()
        if q.kind == "number":
            answer = {"value": round(truth.value) if q.integer else truth.value}
        elif q.kind == "choose":
            answer = {"choice": truth.choice}
        elif q.kind == "tap":
            answer = {"x": truth.point[0], "y": truth.point[1]}
        else:
            cx, cy = truth.curve
            idx = np.linspace(0, len(cx) - 1, 40).astype(int)
            answer = {"points": [[round(float(cx[i]), 2), round(float(cy[i]), 3)] for i in idx]}
        assert judge.check(q, answer) is None, (page, q.id, judge.check(q, answer))
        assert judge.right(q, answer, truth), (page, q.id)


# ----------------------------------------------------------------------------- the figures


def points_of(trace: dict) -> int:
    return sum(v is not None for v in trace["x"])


def test_reveal_traces_hold_exactly_the_answers_and_the_truth():
    q = question("zigzag", "where")
    truth = q.truth()
    taps = [{"x": 0.1 * i, "y": -0.1 * i} for i in range(7)] + [{"x": 9.0, "y": 0.0}]
    traces = reveal_traces(q, taps, truth, LOOK)
    answers = [tr for tr in traces if tr["meta"] == "answers"]
    truths = [tr for tr in traces if tr["meta"] == "truth"]
    assert len(answers) == 1 and points_of(answers[0]) == 7  # the one outside is not drawn
    assert answers[0]["x"][3] == pytest.approx(0.3) and answers[0]["y"][3] == pytest.approx(-0.3)
    assert len(truths) == 1 and truths[0]["x"] == [truth.point[0]]
    assert {tr["meta"] for tr in traces} == {"answers", "truth"}
    # a tap judged on x only: the truth is a star and a vertical line through it
    steep = question("explorer", "steep")
    traces = reveal_traces(steep, [{"x": 0.2, "y": 0.5}], steep.truth(), LOOK)
    assert [tr["meta"] for tr in traces] == ["answers", "truth", "truth"]
    assert traces[1]["x"] == [0.0, 0.0] and traces[1]["y"] == list(steep.bounds[2:])
    # sketches: one faint trace, one line per sketch (gaps between them)
    sk = question("explorer", "sketch")
    drawn = [sketch(0.1 * i, n=10 + i) for i in range(5)]
    traces = reveal_traces(sk, drawn, sk.truth(), LOOK)
    bundle = [tr for tr in traces if tr["meta"] == "answers"]
    assert len(bundle) == 1 and points_of(bundle[0]) == sum(10 + i for i in range(5))
    assert bundle[0]["x"].count(None) == 4 and bundle[0]["opacity"] < 0.5
    curve = [tr for tr in traces if tr["meta"] == "truth"][0]
    assert len(curve["x"]) == len(sk.truth().curve[0])
    # the traces sit on the question's subplot; no answers, no answer trace
    assert all(tr["xaxis"] == "x" and tr["yaxis"] == "y" for tr in traces)
    assert answer_traces(sk, [], LOOK) == []
    assert [tr["meta"] for tr in reveal_traces(sk, [], sk.truth(), LOOK)] == ["truth"]


def test_mine_traces_show_a_students_own_answer_against_the_truth():
    q = question("descent", "diverge")
    traces = mine_traces(q, {"x": 0.5, "y": 0.6}, q.truth(), LOOK)
    assert [tr["meta"] for tr in traces] == ["mine", "truth", "truth"]
    assert traces[0]["x"] == [0.5] and traces[2]["x"] == [1.0]
    assert mine_traces(question("descent", "count"), {"value": 3}, Truth(value=13.0), LOOK) == []


def test_answers_figure_histogram_counts_every_number_and_marks_the_truth():
    q = question("descent", "count")
    truth = q.truth()
    given = [13, 13, 12, 14, 20, 5, 13, 1000, 13.5]  # 13.5 is not a whole count: refused
    fig = answers_figure(q, [{"value": v} for v in given], truth, LOOK, mine={"value": 12})
    bars = [tr for tr in fig["data"] if tr["meta"] == "answers"]
    assert len(bars) == 1 and sum(bars[0]["y"]) == 8
    assert "1 (< 10.5)" in bars[0]["text"] and "2 (> 15.5)" in bars[0]["text"]
    line = [tr for tr in fig["data"] if tr["meta"] == "truth"]
    assert len(line) == 1 and line[0]["x"] == [13.0, 13.0]
    mine = [tr for tr in fig["data"] if tr["meta"] == "mine"]
    assert mine and mine[0]["x"] == [12.0]
    centres, counts, width, below, above = histogram([float(v) for v in given[:-1]], 13.0, 1.0,
                                                     True)
    assert width == 1.0 and counts[list(centres).index(13.0)] == 3
    assert counts.sum() + below + above == 8
    assert fig["layout"]["xaxis"]["title"]["font"]["size"] >= 16


def test_answers_figure_bars_count_every_choice_and_mark_the_truth():
    q = question("zigzag", "quadrant")
    truth = q.truth()
    set_lang("ko")
    given = ["i_iii", "any", "i_iii", "i", "ii_iv", "i_iii", "nope"]
    fig = answers_figure(q, [{"choice": c} for c in given], truth, Look(classroom=True))
    bars = fig["data"][0]
    assert bars["meta"] == "answers" and bars["orientation"] == "h"
    assert bars["x"] == [3, 1, 1, 1] and sum(bars["x"]) == 6
    assert bars["y"][0] == "제1사분면 또는 제3사분면만"
    star = [tr for tr in fig["data"] if tr["meta"] == "truth"]
    assert len(star) == 1 and star[0]["y"] == [bars["y"][0]]
    assert bars["marker"]["color"][0] != bars["marker"]["color"][1]
    assert bars["textfont"]["size"] >= 22  # projector size
    empty = answers_figure(q, [], truth, LOOK)
    assert empty["data"][0]["x"] == [0, 0, 0, 0]
    assert answers_figure(question("explorer", "steep"), [], truth, LOOK)["data"] == []


def test_answers_figure_is_a_plain_dict_that_json_can_hold():
    q = question("network", "output")
    fig = answers_figure(q, [{"value": v} for v in (1.67, 1.7, 0.9)], q.truth(), LOOK)
    text = json.dumps(fig)
    assert '"meta": "truth"' in text and '"meta": "answers"' in text
    import ui.figures.answers as module

    source = open(module.__file__, encoding="utf-8").read()
    assert "import streamlit" not in source and "ui.chart" not in source
