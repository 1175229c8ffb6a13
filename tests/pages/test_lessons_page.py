"""Lesson mode (issue #13, part 1): every step of every page's lesson, opened by its link in
Korean and English, sets the page's controls to the step's state and shows the step's sentence,
whose numbers are checked against core here; the buttons move between steps, leaving keeps the
state, and a bad step in the URL falls back to step 1 with a notice."""

from __future__ import annotations

import numpy as np
import pytest

from core import descent as d
from core import network as net
from core import saturation as sat
from core import zigzag as zz
from core.activations import get, softmax_demo
from core.properties import compare_stacks
from tests.pages.conftest import run_page, texts
from ui.i18n import CATALOGUES, set_lang
from ui.lessons import PAGES, steps
from ui.format import fmt

LOCALES = {"ko": "ko-KR", "en": "en-US"}
KINDS = ("slider", "number_input", "selectbox", "multiselect", "toggle", "text_input", "radio",
         "button_group", "select_slider")


def widget_values(at) -> dict:
    """key → value of every keyed widget on the page, and of every control a chart scrubs
    (its range input belongs to the chart; the value is the session's)."""
    from tests.pages.conftest import chart_docs

    found = {}
    for kind in KINDS:
        for w in at.get(kind):
            if getattr(w, "key", None):
                found[w.key] = w.value
    for doc in chart_docs(at):
        for scrub in doc.get("scrubs", []):
            found[scrub["control"]] = at.session_state[scrub["control"]]
    return found


def same(a, b) -> bool:
    if isinstance(a, (tuple, list)) or isinstance(b, (tuple, list)):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    if isinstance(a, (int, float)) and isinstance(b, (int, float)) and not isinstance(a, bool):
        return abs(float(a) - float(b)) <= 1e-9 * max(1.0, abs(float(b)))
    return a == b


def step_in_url(at) -> str | None:
    """The lesson step the app's URL holds now (None if lesson mode is off)."""
    if "lesson" not in at.query_params:
        return None
    value = at.query_params["lesson"]
    return value[0] if isinstance(value, list) else value


def plain(text: str) -> str:
    return text.replace("\\", "")


# ------------------------------------------------------------------ numbers checked with core

def _descent(lr: float) -> d.DescentRun:
    return d.run("course", "gd", x0=10.0, lr=lr, steps=100, tol=d.DEFAULT_TOL)


def _zz(act: str) -> zz.ZigzagRun:
    return zz.simulate(act, zz.DEFAULT_W0, zz.DEFAULT_W_STAR, zz.DEFAULT_LR, zz.DEFAULT_STEPS)


def _reach(act: str) -> int:
    return zz.steps_to_reach(_zz(act), zz.DEFAULT_EPS)


def _xor(hidden: str, out: str, epochs: int) -> net.TrainResult:
    return net.train(net.course_xor(hidden, out), net.XOR_X, net.XOR_T, net.COURSE_LR, epochs,
                     "sample", "mse")


def _dead_relu() -> float:
    """Share of dead ReLU units at the most negative bias shift (the page's fixed network)."""
    sweep = sat.dead_share_vs_bias(["relu"], sat.DEFAULT_SHIFTS, threshold=0.05, depth=10,
                                   width=64, n_samples=128, init="he", seed=0)
    return float(sweep.dead["relu"][0])


def _same_sign_all(act: str) -> bool:
    cls = zz.update_classes(_zz(act).updates[:_reach(act)])
    return bool(np.all((cls == zz.PP) | (cls == zz.MM)))


EXPECT = {  # (page, step id) → strings computed with core that the sentence must contain
    ("descent", "steady"): lambda: [f"{_descent(0.2).converged_at}"],
    ("descent", "one_step"): lambda: [f"x₁ = {fmt(float(_descent(0.5).iterates[1]))}",
                                      f"1/L = {fmt(1 / d.get('course').curvature)}"],
    ("descent", "oscillating"): lambda: [fmt(float(_descent(0.9).iterates[1]), 4),
                                         f"{_descent(0.9).converged_at}"],
    ("descent", "cycle"): lambda: [f"{fmt(float(_descent(1.0).iterates[0]))} ↔ "
                                   f"{fmt(float(_descent(1.0).iterates[1]))}"],
    ("descent", "diverges"): lambda: [f"{_descent(1.1).stopped_at}"],
    ("descent", "slow"): lambda: [f"{_descent(0.001).estimated_steps:,}",
                                  f"{_descent(0.001).estimated_steps - _descent(0.001).n:,}",
                                  fmt(float(_descent(0.001).iterates[-1]), 4)],
    ("zigzag", "inputs"): lambda: [fmt(100 * zz.input_quadrant_shares(_zz("sigmoid"))[1], 3)],
    ("zigzag", "same_sign"): lambda: [f"{_reach('sigmoid')}"],
    ("zigzag", "path"): lambda: [fmt(zz.summarize(_zz("sigmoid"), zz.DEFAULT_EPS).detour_ratio,
                                     3), f"{_reach('sigmoid')}"],
    ("zigzag", "tanh"): lambda: [f"{_reach('tanh')}", f"{_reach('sigmoid')}"],
    ("zigzag", "relu"): lambda: [f"{_reach('relu')}"],
    ("explorer", "collapse"): lambda: [fmt(compare_stacks("identity", 3, 1.5).slope, 4),
                                       fmt(1.5 ** 3, 4)],
    ("explorer", "bend"): lambda: [f"{fmt(100 * compare_stacks('tanh', 3, 1.5).bent_error, 3)}%"],
    ("explorer", "sigmoid"): lambda: [fmt(float(get("sigmoid").grad(np.zeros(1))[0]), 4)],
    ("explorer", "relu"): lambda: [fmt(float(get("leaky_relu").grad(np.array([-2.0]),
                                                                     negative_slope=0.1)[0]))],
    # the question steps' sentences name the functions only; their truths are checked with
    # core in tests/pages/test_questions_page.py
    ("explorer", "steep"): lambda: [],
    ("explorer", "sketch"): lambda: [],
    ("saturation", "zero"): lambda: [],
    ("saturation", "shrink"): lambda: ["10"],
    ("zigzag", "quadrant"): lambda: [],
    ("zigzag", "where"): lambda: ["10"],
    ("descent", "count"): lambda: ["0.01", "x₀ = 10"],
    ("descent", "diverge"): lambda: [],
    ("network", "race"): lambda: ["100"],
    ("network", "output"): lambda: [],
    ("explorer", "softmax"): lambda: ["nan", fmt(float(softmax_demo([2, 1, 0.1]).probs[0]), 4)],
    ("saturation", "quarter"): lambda: [fmt(sat.derivative_peak("sigmoid").value, 4)],
    ("saturation", "flat"): lambda: [fmt(sat.sigmoid_saturation_edge(0.05), 4)],
    ("saturation", "depth"): lambda: [fmt(float(sat.depth_factor("sigmoid", 10)[-1]), 4),
                                      fmt(0.25 ** 10, 4)],
    ("saturation", "gradient"): lambda: [fmt(sat.summarize_mlp(sat.simulate_deep_mlp(
        "sigmoid", 10, 64, 256, "xavier", 0, 0.0, 0.05)).grad_ratio, 3)],
    ("saturation", "dying"): lambda: [fmt(100 * _dead_relu(), 3) + "%"],
    ("network", "linear"): lambda: [
        f"{net.accuracy(_xor('identity', 'sigmoid', 10000).mlp, net.XOR_X, net.XOR_T[:, 0]):.0%}"],
    ("network", "course"): lambda: [", ".join(fmt(float(v), 3) for v in _xor(
        "sigmoid", "sigmoid", net.COURSE_EPOCHS).mlp.forward(net.XOR_X)[:, 0])],
    ("network", "relu_out"): lambda: [
        f"{net.accuracy(_xor('relu', 'relu', 10000).mlp, net.XOR_X, net.XOR_T[:, 0]):.0%}"],
    ("network", "forward"): lambda: [f"y = {fmt(float(net.course_relu_231_step().y[0]), 4)}"],
    ("network", "update"): lambda: [fmt(float(net.trace_epoch(
        net.course_xor(), net.XOR_X, net.XOR_T, lr=net.COURSE_LR)[0].after.weights[1][0, 0]), 4)],
}

CASES = [(page, k) for page in PAGES for k in range(1, len(steps(page)) + 1)]


def test_every_step_has_an_expectation_and_four_to_seven_steps():
    """Four to seven steps of the story, and at least two questions among them (#23)."""
    for page in PAGES:
        story = [s for s in steps(page) if s.question is None]
        assert 4 <= len(story) <= 7
        assert len(steps(page)) - len(story) >= 2
        assert {s.id for s in steps(page)} == {i for p, i in EXPECT if p == page}


@pytest.mark.parametrize("lang", ["ko", "en"])
@pytest.mark.parametrize("page, k", CASES)
def test_step_link_sets_state_and_shows_sentence(page, k, lang):
    step = steps(page)[k - 1]
    at = run_page(page, query={"lesson": str(k)}, locale=LOCALES[lang])
    assert not at.exception, [e.value for e in at.exception]
    values = widget_values(at)
    drawn = [key for key in step.state if key in values]
    assert len(drawn) >= len(step.state) / 2, (page, k, sorted(set(step.state) - set(drawn)))
    for key in drawn:
        assert same(values[key], step.state[key]), (key, values[key], step.state[key])
    # the step visibly changes at least one control against the step before it (cyclic); a
    # question may be asked on the picture of the step before it, and the step after a question
    # may show the picture its question concealed
    previous = steps(page)[k - 2]
    assert step.question is not None or previous.question is not None or \
        any(not same(previous.state.get(key), step.state[key]) for key in drawn), (page, k)
    # the sentence: the catalogue's text for this language, with numbers equal to core's
    set_lang(lang)
    step_values = dict(step.values())
    variant = step_values.pop("_variant", "")
    assert variant != "_pending", "the page trained nothing the lesson could read"
    expected = CATALOGUES[lang][f"lesson.{page}.{step.id}.text{variant}"].format(**step_values)
    shown = plain(texts(at))
    assert expected in shown
    for part in EXPECT[(page, step.id)]():
        assert part in expected, (part, expected)
    head = CATALOGUES[lang]["lesson.step"].format(k=k, n=len(steps(page)))
    assert head in shown
    # the highlight: the step's annotations are handed to its chart
    marks = step.overlay().get("annotations", [])
    table = at.session_state["_al_chart_overlays"] if "_al_chart_overlays" in at.session_state \
        else {}
    if marks:
        assert [a["text"] for a in table[step.focus]["annotations"]] == [a["text"] for a in marks]
    assert set(table) <= {step.focus}
    if (page, step.id) == ("zigzag", "same_sign"):
        every = _same_sign_all("sigmoid")
        assert (variant == "") == every


def step_number(page: str, step_id: str) -> int:
    """The 1-based number of a step (questions shift the story's numbers)."""
    return [s.id for s in steps(page)].index(step_id) + 1


def test_buttons_move_between_steps_and_leaving_keeps_the_state():
    k = step_number("descent", "cycle") - 1  # the step before lr = 1.0 (at lr = 0.9)
    at = run_page("descent", query={"lesson": str(k)}, locale="en-US")
    assert at.number_input(key="lr").value == 0.9
    at.button(key="lesson_next_main").click().run()
    assert step_in_url(at) == str(k + 1)
    assert at.number_input(key="lr").value == 1.0
    # between steps the class may move the controls; a rerun does not put them back
    at.number_input(key="lr").set_value(0.3).run()
    at.run()
    assert at.number_input(key="lr").value == 0.3
    at.button(key="lesson_prev_main").click().run()
    assert step_in_url(at) == str(k)
    assert at.number_input(key="lr").value == 0.9
    at.number_input(key="lr").set_value(0.25).run()
    at.button(key="lesson_leave_main").click().run()
    assert "lesson" not in at.query_params
    assert at.number_input(key="lr").value == 0.25
    assert not at.exception
    labels = [b.label for b in at.button]
    assert CATALOGUES["en"]["lesson.start"] in labels
    at.button(key="lesson_start").click().run()
    assert step_in_url(at) == "1"
    assert at.number_input(key="lr").value == 0.2


def test_a_request_that_carries_the_address_before_a_click_does_not_undo_the_click():
    """The browser may send a request (a heartbeat, a component's report) with the address it
    held before a click's run sent the new one; Streamlit keeps that older address for the run.
    The step the session chose wins, and the address gets it again (a CI run over Redis lost a
    teacher's "next" this way)."""
    k = step_number("descent", "cycle") - 1
    at = run_page("descent", query={"lesson": str(k)}, locale="en-US")
    at.button(key="lesson_next_main").click().run()
    assert step_in_url(at) == str(k + 1)
    at.query_params["lesson"] = str(k)         # the request before the click's address came
    at.run()
    assert step_in_url(at) == str(k + 1)
    assert at.number_input(key="lr").value == 1.0
    assert f"{k + 1} / " in " ".join(m.value for m in at.markdown)
    at.query_params["lesson"] = str(k)         # "next" clicked from that stale address
    at.button(key="lesson_next_main").click().run()
    assert step_in_url(at) == str(k + 2)
    at.button(key="lesson_leave_main").click().run()
    at.query_params["lesson"] = str(k + 2)     # leaving, then a request from before it
    at.run()
    assert "lesson" not in at.query_params
    assert CATALOGUES["en"]["lesson.start"] in [b.label for b in at.button]


def test_values_spelled_out_in_a_lesson_link_win_and_the_step_fills_the_rest():
    # a teacher's link: the lr = 1.1 step (the path shown up to its step 66) with lr moved to 0.3
    k = step_number("descent", "diverges")
    at = run_page("descent", query={"lesson": str(k), "lr": "0.3"}, locale="en-US")
    assert not at.exception
    assert at.number_input(key="lr").value == 0.3
    assert at.slider(key="gd_step").value == steps("descent")[k - 1].state["gd_step"]


@pytest.mark.parametrize("bad", ["abc", "0", "99", "2.5"])
def test_bad_step_falls_back_to_step_one_with_a_notice(bad):
    at = run_page("zigzag", query={"lesson": bad}, locale="en-US")
    assert not at.exception
    assert any("lesson" in w.value for w in at.warning)
    head = CATALOGUES["en"]["lesson.step"].format(k=1, n=len(steps("zigzag")))
    assert head in texts(at)


# ------------------------------------------------------------------ what the steps say (#22)

def step_text(page: str, step_id: str, lang: str) -> tuple[str, str, dict]:
    """(title, sentence, values) of a lesson step in a language, as the lesson bar renders it."""
    from ui.lesson import texts as lesson_texts

    set_lang(lang)
    k = [s.id for s in steps(page)].index(step_id) + 1
    values = dict(steps(page)[k - 1].values())
    head, text = lesson_texts(page, k)
    return head, text, values


def all_step_texts(lang: str) -> dict[tuple[str, str], str]:
    """Title and sentence of every step (the network's from its catalogue template with its
    field names, since its numbers come from the page's own training)."""
    out = {}
    for page in PAGES:
        for s in steps(page):
            key = f"lesson.{page}.{s.id}"
            texts_ = [CATALOGUES[lang][k] for k in CATALOGUES[lang]
                      if k.startswith(key + ".text")]
            out[(page, s.id)] = CATALOGUES[lang][key + ".title"] + "\n" + "\n".join(texts_)
    return out


def test_descent_lesson_calls_the_minimiser_a_point_not_the_minimum_value():
    """Item 2: x = 3 is where the loss is smallest; the minimum value is f(3) = 10."""
    loss = d.get("course")
    x1 = float(_descent(0.5).iterates[1])
    assert x1 == 3.0 and float(loss.value(np.array([x1]))[0]) == 10.0
    for step_id in ("steady", "one_step", "oscillating"):
        head, text, _ = step_text("descent", step_id, "ko")
        assert "최솟값" not in head + text, (step_id, head, text)
        assert "최소점" in head + text


def test_slow_step_says_the_total_and_the_steps_still_to_go():
    """Item 3: estimated_steps counts from x₀, so it is the total, not 'more'."""
    r = _descent(0.001)
    _, en, values = step_text("descent", "slow", "en")
    assert values["need"] == f"{r.estimated_steps:,}" and values["more"] == f"{r.estimated_steps - r.n:,}"
    assert f"about {r.estimated_steps:,} steps in all" in en
    assert f"{r.estimated_steps - r.n:,} more" in en
    _, ko, _ = step_text("descent", "slow", "ko")
    assert f"모두 약 {r.estimated_steps:,}번" in ko and f"약 {r.estimated_steps - r.n:,}번을 더" in ko


def test_depth_step_says_what_the_power_is():
    """Item 4: 0.25^L is the share of the gradient that survives L sigmoid layers at best."""
    _, ko, values = step_text("saturation", "depth", "ko")
    assert values["v"] == fmt(0.25 ** 10, 4)
    assert "최선값" not in ko
    assert f"남는 기울기의 몫은 가장 좋은 경우에도 0.25^10 = {fmt(0.25 ** 10, 4)}" in ko
    _, en, _ = step_text("saturation", "depth", "en")
    assert f"the share of the gradient that survives 10 Sigmoid layers is at best" in en


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_every_step_is_at_most_three_full_sentences(lang):
    """Spoken prose: ≤ 3 sentences, no clipped 'label: value.' fragments, no placeholder padded
    with 값/자리/위치/지점."""
    import re

    for (page, step_id), text in all_step_texts(lang).items():
        for body in text.split("\n")[1:]:
            ends = re.findall(r"[.!?](?=\s|$)", re.sub(r"\d\.\d|…", "", body))
            assert 1 <= len(ends) <= 3, (page, step_id, body)
            if lang == "ko":
                assert not re.search(r"\}\s*(값|자리|위치|지점)", body), (page, step_id, body)
                # every sentence ends in a verb (…다.), not a clipped noun or number
                for sentence in re.split(r"(?<=[.!?])\s+", body.strip()):
                    bare = re.sub(r"\([^()]*(?:\([^()]*\)[^()]*)*\)\.$", ".", sentence)
                    assert re.search(r"[다요]\.$", bare), (page, step_id, sentence)


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_lesson_percentages_are_numbers_before_a_plain_percent_sign(lang):
    """One format: the code passes the number, the text writes {p}% (no space, no no-break
    space), and no value the stories compute carries its own % sign."""
    import re

    for page in PAGES:
        for k, s in enumerate(steps(page), 1):
            values = dict(s.values())
            assert not any("%" in str(v) for v in values.values()), (page, s.id, values)
    for text in all_step_texts(lang).values():
        assert not re.search(r"\s%", text)
        assert all(m.group(1).startswith("{") for m in re.finditer(r"(\{\w+\}|\S+)%", text))


def test_lessons_use_the_course_names_of_the_activations_in_korean():
    _, ko, values = step_text("explorer", "relu", "ko")
    assert (values["relu"], values["leaky"], values["elu"]) == ("ReLU", "Leaky ReLU", "ELU")
    _, ko, values = step_text("explorer", "sigmoid", "ko")
    assert (values["sig"], values["tanh"]) == ("시그모이드", "tanh")
    assert "렐루" not in "".join(all_step_texts("ko").values())
