"""A lesson's question step in AppTest (issue #23): alone at home (answer, then reveal the truth
and the computed sentence, in Korean and English); a class's teacher asking (the room has an
open question, the live count, the reveal on the step's chart); a student's phone (the question
first with its input, answer sent, a bad answer's message, a late answer refused, their own
answer against the truth after the reveal)."""

from __future__ import annotations

import pytest

from tests.pages.conftest import chart_docs, chart_spec, run_page, texts
from ui.classroom.memory_store import MemoryRoomStore
from ui.classroom.store import room_store, set_store
from ui.i18n import CATALOGUES, set_lang
from ui.lessons import PAGES
from ui.questions import judge
from ui.questions.model import asked, key, prompt
from ui.questions.where import qualified

LOCALES = {"en": "en-US", "ko": "ko-KR"}
INPUTS = {"choose": "answer_choice", "number": "answer_number", "tap": "answer_number"}


@pytest.fixture(autouse=True)
def fresh_store():
    """Each test gets an empty in-memory room store."""
    old = set_store(MemoryRoomStore())
    yield
    set_store(old)


def steps_of(kind: str) -> list[tuple[str, int, object]]:
    """(page, step, question) of every question step of a kind, in every lesson."""
    return [(p, k, q) for p in PAGES for k, q in asked(p) if q.kind == kind]


def one_of(*kinds: str) -> tuple[str, int, object]:
    """The first question step of the first kind any lesson asks."""
    for kind in kinds:
        if steps_of(kind):
            return steps_of(kind)[0]
    raise AssertionError(f"no lesson asks a {' or '.join(kinds)} question")


TYPED = [s for kind in ("choose", "number", "tap") for s in steps_of(kind)[:1]]


def right_answer(question) -> dict:
    """What core says, as the answer a student would give."""
    truth = question.truth()
    if question.kind == "choose":
        return {"choice": truth.choice}
    if question.kind == "number":
        return {"value": truth.value}
    return {"x": truth.point[0], "y": truth.point[1]}


def fill(at, question, answer: dict):
    """Put an answer into the step's inputs and press send."""
    if question.kind == "choose":
        at.radio(key="answer_choice").set_value(question.options.index(answer["choice"]))
    elif question.kind == "number":
        at.number_input(key="answer_number").set_value(answer["value"])
    else:
        at.number_input(key="answer_number").set_value(answer["x"])
        at.number_input(key="answer_number_y").set_value(answer["y"])
    return at.button(key="answer_send").click().run()


def truth_sentence(lang: str, page: str, question) -> str:
    """The reveal's sentence in lang, its values computed by core here (names in lang too)."""
    set_lang(lang)
    return CATALOGUES[lang][key(page, question, "truth")].format(**question.truth().values)


def metas(spec: dict) -> list:
    return [trace.get("meta") for trace in spec["data"]]


# ----------------------------------------------------------------------------- solo


@pytest.mark.parametrize("lang", ["ko", "en"])
@pytest.mark.parametrize("page,step,question", TYPED, ids=[q.kind for _, _, q in TYPED])
def test_alone_a_student_answers_then_reveals_the_truth(lang, page, step, question):
    at = run_page(page, query={"lesson": str(step), "lang": lang}, locale=LOCALES[lang])
    assert not at.exception
    assert CATALOGUES[lang]["flow.question"] in texts(at)
    assert at.button(key="reveal").label == CATALOGUES[lang]["flow.reveal"]
    fill(at, question, right_answer(question))
    assert not at.exception
    assert any(CATALOGUES[lang]["flow.saved"] in s.value for s in at.success)
    at.button(key="reveal").click().run()
    assert not at.exception
    assert truth_sentence(lang, page, question) in texts(at)          # computed by core now
    assert CATALOGUES[lang]["flow.right"] in [s.value for s in at.success]
    if question.kind == "tap":   # their own answer and the truth on the step's chart
        assert {"mine", "truth"} <= set(metas(chart_spec(at, question.chart)))
    else:                        # or on a chart of its own
        assert {"answers", "truth", "mine"} <= set(metas(chart_spec(at, "answers")))


def test_alone_a_wrong_or_bad_answer_says_so():
    page, step, question = one_of("number", "tap")
    at = run_page(page, query={"lesson": str(step), "lang": "en"}, locale="en-US")
    far = question.bounds[1] + 10 * (question.bounds[1] - question.bounds[0] + 1)
    fill(at, question, {"value": far} if question.kind == "number" else {"x": far, "y": 0.0})
    assert CATALOGUES["en"]["question.bad.outside"] in [e.value for e in at.error]
    at.button(key="answer_send").click().run()   # still the bad box: nothing kept
    at.button(key="reveal").click().run()
    assert CATALOGUES["en"]["flow.mine.none"] in [i.value for i in at.info]


# ----------------------------------------------------------------------------- the teacher


def start_class(page: str, step: int, lang: str = "en"):
    teacher = run_page(page, query={"lesson": str(step), "lang": lang}, locale=LOCALES[lang])
    teacher.button(key="start_class").click().run()
    assert not teacher.exception
    return teacher


def test_the_teachers_ask_opens_the_question_and_reveal_draws_the_answers():
    page, step, question = one_of("tap")
    teacher = start_class(page, step)
    code = teacher.session_state["_al_class_room"]
    assert teacher.button(key="ask").label == CATALOGUES["en"]["flow.ask"]
    teacher.button(key="ask").click().run()
    assert not teacher.exception
    q = room_store().question(code)
    assert q["status"] == "open" and q["id"] == qualified(page, question) and q["count"] == 0
    assert CATALOGUES["en"]["flow.count"].format(n=0, m=0) in texts(teacher)
    # a student on the phone answers (through the store, as their session would)
    answer = right_answer(question)
    assert room_store().answer(code, "a-student", q["qid"], answer) == 1
    teacher.run()
    assert CATALOGUES["en"]["flow.count"].format(n=1, m=1) in texts(teacher)
    assert metas(chart_spec(teacher, question.chart)).count("answers") == 0   # not before
    teacher.button(key="reveal").click().run()
    assert not teacher.exception
    assert room_store().question(code)["status"] == "revealed"
    assert truth_sentence("en", page, question) in texts(teacher)
    assert {"answers", "truth"} <= set(metas(chart_spec(teacher, question.chart)))
    assert teacher.button(key="ask").label == CATALOGUES["en"]["flow.ask_again"]


LECTURE = [s for kind in ("choose", "number") for s in steps_of(kind)[:1]]


@pytest.mark.parametrize("lang", ["ko", "en"])
@pytest.mark.parametrize("page,step,question", LECTURE, ids=[q.kind for _, _, q in LECTURE])
def test_on_the_projector_the_question_stands_in_the_caption_line(lang, page, step, question):
    """The lecture view (issue #21): the caption line is the question; Ask, the short count, End
    and Reveal are its items, and no panel stands under it; after the reveal the computed
    sentence, with the truth and the answers chart behind its button."""
    words = CATALOGUES[lang]
    teacher = run_page(page, query={"lesson": str(step), "lang": lang, "classroom": "true"},
                       locale=LOCALES[lang])
    teacher.button(key="start_class").click().run()
    assert not teacher.exception
    set_lang(lang)
    prompt_line = f"**{words['flow.question']}** — {prompt(page, question)}"
    assert prompt_line in [m.value for m in teacher.markdown]
    assert teacher.button(key="ask").label == words["flow.ask"]
    teacher.button(key="ask").click().run()
    assert not teacher.exception
    code = teacher.session_state["_al_class_room"]
    q = room_store().question(code)
    assert q["status"] == "open" and q["id"] == qualified(page, question)
    assert words["flow.count_short"].format(n=0, m=0) in texts(teacher)
    assert words["flow.open_teacher"] not in texts(teacher)          # no panel under the line
    assert words["flow.status.open"] not in texts(teacher)    # nor a count in the banner
    assert teacher.button(key="answer_end").label == words["flow.end_short"]
    answer = right_answer(question)
    assert room_store().answer(code, "a-student", q["qid"], answer) == 1
    teacher.run()
    assert "**" + words["flow.count_short"].format(n=1, m=1) + "**" in [
        m.value for m in teacher.markdown]
    teacher.button(key="reveal").click().run()
    assert not teacher.exception
    assert room_store().question(code)["status"] == "revealed"
    set_lang(lang)
    key_, values = judge.summary(question, [answer], question.truth())
    assert words[key_].format(**values) in texts(teacher)
    assert truth_sentence(lang, page, question) in texts(teacher)
    assert metas(chart_spec(teacher, "answers")).count("answers") >= 1
    count = "**" + words["flow.count_short"].format(n=1, m=1) + "**"
    assert count not in [m.value for m in teacher.markdown]     # the sentence in its place
    assert teacher.button(key="ask").label == words["flow.ask_again"]


# ----------------------------------------------------------------------------- a student


def class_asking(page: str, step: int, question) -> tuple[str, str, str]:
    """A room on the step (as a teacher's session makes it) that asks its question."""
    code, secret = room_store().create()
    room_store().publish(code, secret, {"page": page, "params": {"lesson": [str(step)]}})
    record = dict(question.record(), id=qualified(page, question))
    return code, secret, room_store().ask(code, secret, record)


@pytest.mark.parametrize("page,step,question", TYPED, ids=[q.kind for _, _, q in TYPED])
def test_a_student_sees_the_question_first_and_sends_an_answer(page, step, question):
    code, secret, qid = class_asking(page, step, question)
    student = run_page(None, query={"room": code, "lang": "en"}, locale="en-US")
    assert not student.exception
    assert student.query_params["lesson"] in (str(step), [str(step)])
    assert INPUTS[question.kind] in [w.key for w in student.get(
        "radio" if question.kind == "choose" else "number_input")]
    fill(student, question, right_answer(question))
    assert not student.exception
    assert CATALOGUES["en"]["flow.sent"] in [s.value for s in student.success]
    assert room_store().question(code)["count"] == 1
    # after the reveal the phone shows their own answer against the truth
    room_store().reveal(code, secret, qid)
    student.run()
    assert truth_sentence("en", page, question) in texts(student)
    assert CATALOGUES["en"]["flow.right"] in [s.value for s in student.success]


@pytest.mark.parametrize("who", ["alone", "class"])
def test_what_to_do_on_the_chart_is_said_once_over_the_chart(who):
    """A tap question's hint ("Tap one point on the chart.") stands over the chart that takes
    the tap (its capture), not a second time in the question's box."""
    page, step, question = steps_of("tap")[0]
    if who == "alone":
        at = run_page(page, query={"lesson": str(step), "lang": "en"}, locale="en-US")
    else:
        code, _, _ = class_asking(page, step, question)
        at = run_page(None, query={"room": code, "lang": "en"}, locale="en-US")
    assert not at.exception
    said = CATALOGUES["en"][key(page, question, "hint")]
    assert said
    captures = [d["capture"] for d in chart_docs(at) if d.get("capture")]
    assert [c["hint"] for c in captures] == [said]
    assert said not in [c.value for c in at.caption]
    assert texts(at).count(said) == 0


def test_a_students_bad_answer_gets_a_message_and_writes_nothing():
    page, step, question = one_of("number", "tap")
    code, _, _ = class_asking(page, step, question)
    student = run_page(None, query={"room": code, "lang": "ko"}, locale="ko-KR")
    far = question.bounds[1] + 10 * (question.bounds[1] - question.bounds[0] + 1)
    fill(student, question, {"value": far} if question.kind == "number" else {"x": far, "y": 0.0})
    assert CATALOGUES["ko"]["question.bad.outside"] in [e.value for e in student.error]
    fill(student, question, {"value": None} if question.kind == "number"
         else {"x": None, "y": None})
    assert CATALOGUES["ko"]["flow.empty"] in [e.value for e in student.error]
    assert room_store().question(code)["count"] == 0


def test_a_late_answer_is_refused_with_a_message():
    page, step, question = one_of("number", "choose", "tap")
    code, secret, qid = class_asking(page, step, question)
    student = run_page(None, query={"room": code, "lang": "en"}, locale="en-US")
    room_store().end_question(code, secret, qid)      # the teacher ends it meanwhile
    fill(student, question, right_answer(question))
    assert CATALOGUES["en"]["answers.error.closed"] in [e.value for e in student.error]
    assert room_store().question(code)["count"] == 0
    student.run()   # the next run says the question has ended
    assert CATALOGUES["en"]["flow.ended"] in [w.value for w in student.warning]


def question_box(at) -> bool:
    """Whether the phone draws the room's question (its own block under the class banner)."""
    return any(c.proto.id.endswith("-class_question") for c in at.get("container"))


def test_a_question_stays_on_the_phone_while_open_and_after_the_reveal_only_on_its_step():
    page, step, question = one_of("tap", "choose", "number")
    code, secret, qid = class_asking(page, step, question)
    student = run_page(None, query={"room": code, "lang": "en"}, locale="en-US")
    assert question_box(student)
    # the teacher moves on while the question is open: it stays (answered elsewhere)
    room_store().publish(code, secret, {"page": page, "params": {"lesson": [str(step + 1)]}})
    student.run()
    assert student.query_params["lesson"] in (str(step + 1), [str(step + 1)])
    assert question_box(student)
    # revealed, on another step: the picture comes first, the question is gone
    room_store().reveal(code, secret, qid)
    student.run()
    assert not question_box(student)
    # back on its step: the reveal is there again
    room_store().publish(code, secret, {"page": page, "params": {"lesson": [str(step)]}})
    student.run()
    assert question_box(student)
    assert truth_sentence("en", page, question) in texts(student)
