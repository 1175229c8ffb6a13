"""Class link and follow-the-teacher in AppTest: the teacher's controls, a bad code's message in
both languages, and followers applying the teacher's published view.

AppTest has no browser that writes a moved widget into the address, so these tests publish
through the teacher's first run (its link's values) or through the store with the room's secret.
"""

from __future__ import annotations

import time

import numpy as np
import pytest

from tests.pages.conftest import chart_docs, chart_specs, decode, run_page
from ui.classroom import rules
from ui.classroom.memory_store import MemoryRoomStore
from ui.classroom.store import room_store, set_store
from ui.i18n import CATALOGUES
from ui.rooms import valid_code


@pytest.fixture(autouse=True)
def fresh_store():
    """Each test gets an empty in-memory store (rooms and limit counters of its own)."""
    old = set_store(MemoryRoomStore())
    yield
    set_store(old)

LEAKY = {"f_relu": ["ReLU", "Leaky ReLU"]}
SLOPE = "p_leaky_relu_negative_slope"


def errors(at) -> str:
    return "\n".join(e.value for e in at.error)


def infos(at) -> str:
    return "\n".join(e.value for e in at.info)


def htmls(at) -> str:
    return "\n".join(h.value for h in at.get("html"))


def open_room(view: dict | None = None) -> tuple[str, str]:
    """A room made directly in the app's store (as a teacher's session would), with a view."""
    code, secret = room_store().create()
    if view is not None:
        room_store().publish(code, secret, view)
    return code, secret


def scrub(at, value: float) -> None:
    """What the chart's scrub of the Leaky slope sends when a drag ends (the element's callback
    writes the value into the session state) and the run it starts."""
    at.session_state[SLOPE] = value
    at.run()


def leaky_curve(at) -> np.ndarray:
    """The y values of the Leaky ReLU trace of the explorer's f/f′ chart."""
    for spec in chart_specs(at):
        for trace in spec["data"]:
            if trace.get("name") == "Leaky ReLU":
                return decode(trace["y"]).astype(float)
    raise AssertionError("no Leaky ReLU trace")


def test_start_a_class_shows_its_code_and_publishes_the_view():
    teacher = run_page("explorer", query={**LEAKY, SLOPE: "0.3", "lang": "en",
                                          "classroom": "true"}, locale="en-US")
    assert not teacher.exception
    assert teacher.button(key="start_class").label == "Start a class"
    teacher.button(key="start_class").click().run()
    assert not teacher.exception
    code = teacher.session_state["_al_class_room"]
    assert valid_code(code)
    assert code in htmls(teacher)                      # shown in large type
    assert f"/?room={code}" in htmls(teacher)          # the students' link
    secret = teacher.session_state["_al_class_secret"]
    assert secret not in htmls(teacher) + infos(teacher)  # never on the page
    version, view = room_store().read(code)
    assert version == 1
    # the view without the per-viewer keys (lang, classroom)
    assert view == {"page": "explorer", "params": {**LEAKY, SLOPE: ["0.3"]}}
    teacher.button(key="end_class").click().run()
    assert "_al_class_room" not in teacher.session_state
    assert teacher.button(key="start_class")


def test_teacher_controls_are_in_both_languages():
    for locale, lang in (("ko-KR", "ko"), ("en-US", "en")):
        at = run_page("explorer", locale=locale)
        assert at.button(key="start_class").label == CATALOGUES[lang]["class.start"]
        assert at.button(key="share_class").label == CATALOGUES[lang]["class.share"]


def test_bad_code_shows_the_message_in_korean_and_english():
    for locale, lang in (("ko-KR", "ko"), ("en-US", "en")):
        for bad in ("BAD", "AAAAAAA", "0O0O0O0", "x" * 500):
            at = run_page(None, query={"room": bad}, locale=locale)
            assert not at.exception
            shown = bad.upper()[:12]
            assert errors(at) == CATALOGUES[lang]["class.bad_code"].format(code=shown)
            assert at.button(key="class_forget")


def test_expired_or_ended_code_shows_the_message():
    code, secret = open_room({"page": "explorer", "params": {}})
    room_store().end(code, secret)
    at = run_page(None, query={"room": code}, locale="en-US")
    assert errors(at) == CATALOGUES["en"]["class.bad_code"].format(code=code)


def test_forget_removes_the_code():
    at = run_page(None, query={"room": "AAAA"}, locale="en-US")
    at.button(key="class_forget").click().run()
    assert "room" not in at.query_params
    assert not at.error


def test_follower_opens_the_teachers_page_and_values():
    code, _ = open_room({"page": "explorer", "params": {**LEAKY, SLOPE: ["0.3"]}})
    student = run_page(None, query={"room": code, "lang": "en"}, locale="ko-KR")
    assert not student.exception
    assert student.session_state[SLOPE] == 0.3
    assert student.query_params["lang"] in ("en", ["en"])      # the student's own language stays
    assert student.query_params["room"] in (code, [code])
    assert CATALOGUES["en"]["class.locked"].format(code=code) in infos(student)
    # the same chart as opening the teacher's link directly
    direct = run_page("explorer", query={**LEAKY, SLOPE: "0.3"}, locale="en-US")
    np.testing.assert_allclose(leaky_curve(student), leaky_curve(direct))
    assert leaky_curve(student).min() < -0.3 * 5           # slope 0.3 on x down to −6


def test_follower_applies_a_new_view_and_resets_what_the_teacher_left_default():
    code, secret = open_room({"page": "explorer", "params": {**LEAKY, SLOPE: ["0.3"]}})
    student = run_page(None, query={"room": code}, locale="en-US")
    before = leaky_curve(student)
    room_store().publish(code, secret, {"page": "explorer", "params": dict(LEAKY)})
    student.run()
    assert student.session_state[SLOPE] == 0.01           # the default again
    assert not np.allclose(leaky_curve(student), before)
    room_store().publish(code, secret, {"page": "descent", "params": {"lr": ["0.5"]}})
    student.run()
    assert not student.exception
    assert student.number_input(key="lr").value == 0.5


def command(code: str, secret: str, **kw) -> None:
    room_store().command(code, secret, **kw)


def test_follow_me_locks_the_students_view_to_the_teachers():
    code, secret = open_room({"page": "explorer", "params": {**LEAKY, SLOPE: ["0.3"]}})
    student = run_page(None, query={"room": code}, locale="en-US")
    scrub(student, 0.5)           # a touch the lock let through
    assert student.session_state[SLOPE] == 0.3            # the teacher's value wins
    assert CATALOGUES["en"]["class.locked"].format(code=code) in infos(student)
    assert room_store().read(code)[1]["params"][SLOPE] == ["0.3"]   # nothing written


def scrubs_disabled(at) -> dict[str, bool]:
    """Each scrub of the page's charts: whether the chart element draws it disabled."""
    return {s["control"]: s["disabled"] for doc in chart_docs(at) for s in doc.get("scrubs", [])}


def test_the_teacher_leading_disables_the_students_scrubs_and_free_gives_them_back():
    code, secret = open_room({"page": "explorer", "params": {**LEAKY, SLOPE: ["0.3"]}})
    teacher = run_page("explorer", query={SLOPE: "0.3", "f_relu": LEAKY["f_relu"]})
    assert scrubs_disabled(teacher)[SLOPE] is False           # no class followed: free to move
    student = run_page(None, query={"room": code}, locale="en-US")
    assert scrubs_disabled(student)[SLOPE] is True            # Follow me (the default)
    scrub(student, 0.5)                                       # sent anyway: changes nothing
    assert student.session_state[SLOPE] == 0.3
    command(code, secret, mode="pause")
    student.run()
    assert set(scrubs_disabled(student).values()) == {True}
    command(code, secret, mode="free")
    student.run()
    assert set(scrubs_disabled(student).values()) == {False}
    scrub(student, 0.5)
    assert student.session_state[SLOPE] == 0.5
    command(code, secret, mode="follow")
    student.run()
    assert set(scrubs_disabled(student).values()) == {True}
    assert student.session_state[SLOPE] == 0.3                # the teacher's value again


def test_free_lets_students_explore_and_back_to_my_view_brings_them_back():
    code, secret = open_room({"page": "explorer", "params": {**LEAKY, SLOPE: ["0.3"]}})
    student = run_page(None, query={"room": code}, locale="en-US")
    command(code, secret, mode="free")
    student.run()
    assert CATALOGUES["en"]["class.free_following"].format(code=code) in infos(student)
    scrub(student, 0.5)           # the student's own change
    assert student.session_state[SLOPE] == 0.5
    assert CATALOGUES["en"]["class.free_exploring"].format(code=code) in infos(student)
    assert [s for _, s, _ in room_store().roster(code)] == ["exploring"]
    room_store().publish(code, secret, {"page": "explorer", "params": {**LEAKY, SLOPE: ["0.1"]}})
    student.run()
    assert student.session_state[SLOPE] == 0.5            # exploring: not moved
    command(code, secret, back=True)                         # everyone back to my view
    student.run()
    assert student.session_state[SLOPE] == 0.1
    assert student.session_state["_al_view_epoch"] == 1      # the charts reset their zoom
    assert CATALOGUES["en"]["class.free_following"].format(code=code) in infos(student)
    student.run()
    assert [s for _, s, _ in room_store().roster(code)] == ["following"]


def test_pause_shows_eyes_on_the_projector():
    code, secret = open_room({"page": "explorer", "params": dict(LEAKY)})
    student = run_page(None, query={"room": code, "lang": "ko"}, locale="ko-KR")
    assert "al-pause" not in htmls(student)
    command(code, secret, mode="pause")
    student.run()
    assert "al-pause" in htmls(student)
    assert CATALOGUES["ko"]["class.paused"] in htmls(student)
    command(code, secret, mode="follow")
    student.run()
    assert "al-pause" not in htmls(student)


def test_the_teachers_roster_counts_following_exploring_and_gone():
    import re

    teacher = start_class({SLOPE: "0.3"})
    code = teacher.session_state["_al_class_room"]
    from ui.i18n import set_lang

    set_lang("en")   # AppTest formats the switch's options in this thread's language
    teacher.segmented_control(key="class_mode").set_value("free").run()
    assert room_store().control(code)["mode"] == "free"
    student = run_page(None, query={"room": code}, locale="en-US")
    scrub(student, 0.6)           # one explores
    for other in ("phone-a", "phone-b"):                     # two more follow (other sessions)
        room_store().join(code, other)
    room_store().join(code, "gone-one")
    now = time.time()
    room_store().join(code, "gone-one", now=now - rules.ROSTER_GONE_S - 1)
    teacher.run()
    roster = re.search(r'data-following="(\d+)" data-exploring="(\d+)" data-gone="(\d+)"',
                       htmls(teacher))
    assert roster.groups() == ("2", "1", "1")
    assert CATALOGUES["en"]["class.roster"].format(following=2, exploring=1, gone=1) \
        in htmls(teacher)
    names = [CATALOGUES["en"][f"class.animal.{i}"] for i in range(20)]
    assert sum(htmls(teacher).count(n) for n in names) >= 4   # animals, never real names
    teacher.button(key="class_back").click().run()
    assert room_store().control(code)["epoch"] == 1
    student.run()
    assert student.session_state[SLOPE] == 0.3


def test_students_see_that_the_teacher_has_left():
    code, secret = open_room({"page": "explorer", "params": dict(LEAKY)})
    student = run_page(None, query={"room": code}, locale="en-US")
    room_store().end(code, secret)
    student.run()
    assert CATALOGUES["en"]["class.left"].format(code=code) in "\n".join(
        e.value for e in student.error)


def test_a_student_never_writes_to_the_room():
    code, _ = open_room({"page": "explorer", "params": {**LEAKY, SLOPE: ["0.3"]}})
    student = run_page(None, query={"room": code}, locale="en-US")
    scrub(student, 0.7)
    student.run()
    assert room_store().read(code) == (1, {"page": "explorer",
                                           "params": {**LEAKY, SLOPE: ["0.3"]}})
    assert "_al_class_secret" not in student.session_state


def test_share_dialog_url_has_the_view_without_per_viewer_keys():
    from ui.classroom import view_url

    view = {"page": "explorer", "params": {**LEAKY, SLOPE: ["0.3"]}}
    url = view_url("https://lab.example/", view)
    assert url == ("https://lab.example/explorer?f_relu=ReLU&f_relu=Leaky+ReLU"
                   "&p_leaky_relu_negative_slope=0.3")
    assert view_url("http://h", {"page": "", "params": {}}, {"room": "AX7K"}) == \
        "http://h/?room=AX7K"


def test_qr_code_is_made_locally_and_encodes_the_url():
    import re

    import segno

    from ui.classroom import QR_SCALE, qr_svg

    url = "http://h/?room=AX7K"
    svg = qr_svg(url)
    assert svg.startswith("<svg") and "#000" in svg
    size = segno.make(url, error="m").symbol_size(scale=QR_SCALE, border=4)
    assert re.search(r'width="(\d+)"', svg).group(1) == str(size[0])
    assert qr_svg("http://h/?room=AX7M") != svg


def test_follower_gets_the_lesson_step_and_the_teachers_own_values_on_it():
    relus = {"f_relu": ["ReLU", "Leaky ReLU", "ELU"]}
    code, _ = open_room({"page": "explorer", "params": {"lesson": ["4"], **relus,
                                                        SLOPE: ["0.3"]}})
    student = run_page(None, query={"room": code}, locale="en-US")
    assert not student.exception
    assert student.query_params["lesson"] in ("4", ["4"])
    # the step's own value is 0.1; the teacher moved it to 0.3 after reaching the step
    assert student.session_state[SLOPE] == 0.3
    assert student.multiselect(key="f_relu").value == ["relu", "leaky_relu", "elu"]


def start_class(query: dict | None = None, lang: str = "en"):
    """A teacher's session on the explorer with a class started."""
    locale = "en-US" if lang == "en" else "ko-KR"
    teacher = run_page("explorer", query={**LEAKY, "lang": lang, **(query or {})}, locale=locale)
    teacher.button(key="start_class").click().run()
    return teacher


def warnings(at) -> list[str]:
    return [w.value for w in at.warning]


def test_teacher_is_told_when_the_class_has_ended_by_expiry():
    teacher = start_class()
    code, secret = teacher.session_state["_al_class_room"], teacher.session_state["_al_class_secret"]
    room_store().end(code, secret)        # as the expiry would, after no change for 3 hours
    teacher.session_state["_al_class_changed"] = time.time() - rules.IDLE_EXPIRY_S - 1
    teacher.query_params[SLOPE] = "0.2"   # the teacher's next change cannot be published
    teacher.run()
    assert not teacher.exception
    assert "_al_class_room" not in teacher.session_state
    assert warnings(teacher) == [CATALOGUES["en"]["class.expired"].format(hours=3)]
    assert teacher.button(key="start_class")


def test_a_restarted_store_is_told_as_such_not_as_idle():
    for lang in ("en", "ko"):
        teacher = start_class(lang=lang)
        assert teacher.session_state["_al_class_room"]
        set_store(MemoryRoomStore())      # the room store restarted empty
        teacher.run()
        assert not teacher.exception
        assert "_al_class_room" not in teacher.session_state
        assert warnings(teacher) == [CATALOGUES[lang]["class.lost"].format(seconds="90")]


def test_an_oversize_view_is_refused_and_the_class_keeps_its_last_view():
    # a page's controls are bounded by its spec; a page without one shares its address as is
    for lang in ("en", "ko"):
        locale = "en-US" if lang == "en" else "ko-KR"
        teacher = run_page(None, query={"lang": lang, "note": "short"}, locale=locale)
        teacher.button(key="start_class").click().run()
        code = teacher.session_state["_al_class_room"]
        assert room_store().read(code)[1] == {"page": "", "params": {"note": ["short"]}}
        teacher.query_params["note"] = "x" * (rules.MAX_STATE_BYTES + 1000)
        teacher.run()
        assert not teacher.exception
        assert teacher.session_state["_al_class_room"] == code        # the class goes on
        assert CATALOGUES[lang]["class.too_big"].format(kb="16") in warnings(teacher)
        assert CATALOGUES[lang]["class.expired"].format(hours=3) not in warnings(teacher)
        assert room_store().read(code)[1]["params"]["note"] == ["short"]  # the last good view
        teacher.query_params["note"] = "again"
        teacher.run()
        assert CATALOGUES[lang]["class.too_big"].format(kb="16") not in warnings(teacher)
        assert room_store().read(code)[1]["params"]["note"] == ["again"]


def test_one_session_cannot_exhaust_the_rooms():
    teacher = start_class()
    first = teacher.session_state["_al_class_room"]
    for _ in range(5):                                  # too big views: the room is kept
        teacher.query_params["fx"] = "y" * (rules.MAX_STATE_BYTES + 10)
        teacher.run()
        assert teacher.session_state["_al_class_room"] == first
        del teacher.query_params["fx"]
        teacher.run()
    assert len(room_store()) == 1
    for _ in range(rules.STARTS_PER_SESSION + 2):       # end and start again, quickly
        if "_al_class_room" in teacher.session_state:
            teacher.button(key="end_class").click().run()
        teacher.button(key="start_class").click().run()
    assert len(room_store()) <= 1
    assert "_al_class_room" not in teacher.session_state
    shown = warnings(teacher)
    assert len(shown) == 1 and shown[0].startswith("You have started several classes")
    seconds = int(shown[0].split("Wait ")[1].split(" s")[0])
    assert 0 < seconds <= rules.START_WINDOW_S


def test_guessing_codes_is_limited_per_session_and_address():
    code, _ = open_room({"page": "explorer", "params": dict(LEAKY)})
    guesser = run_page(None, query={"room": "ACEFHKM"}, locale="en-US")
    for i in range(rules.TRIES_PER_SESSION - 1):
        guesser.query_params["room"] = f"ACEFHK{rules.ALPHABET[i]}"
        guesser.run()
        assert errors(guesser).startswith("There is no class")
    guesser.query_params["room"] = code                 # even an open room: wait first
    guesser.run()
    message = errors(guesser)
    assert message.startswith("Too many wrong class codes"), message
    assert 0 < int(message.split("Wait ")[1].split(" s")[0]) <= rules.TRY_WINDOW_S
    tries = rules.TRIES_PER_SESSION
    while tries < rules.TRIES_PER_ADDRESS:              # new sessions from the same address
        other = run_page(None, query={"room": f"{rules.ALPHABET[tries % 16]}XXXXXX"},
                         locale="ko-KR")
        tries += 1
        assert other.error
    blocked = run_page(None, query={"room": code}, locale="ko-KR")
    assert errors(blocked).startswith(CATALOGUES["ko"]["class.wait_code"].split("{")[0][:10])
    assert "_al_class_joined" not in blocked.session_state
    assert room_store().followers(code) == []


def test_old_short_codes_get_their_own_message():
    for locale, lang in (("ko-KR", "ko"), ("en-US", "en")):
        for old in ("ACE7", "ace-7k", "ACE7KM"):
            at = run_page(None, query={"room": old}, locale=locale)
            shown = old.upper().replace("-", "")
            assert errors(at) == CATALOGUES[lang]["class.old_code"].format(code=shown)


def test_markdown_in_a_code_is_shown_as_text():
    at = run_page(None, query={"room": "[A](//X)"}, locale="en-US")
    assert "(" not in errors(at) and "[" not in errors(at)


class Unreachable:
    """A room store whose server cannot be reached (as ui.rooms_redis raises when Redis is down)."""

    def __getattr__(self, name):
        from ui.rooms import RoomError

        def fail(*args, **kwargs):
            raise RoomError("store_unavailable")
        return fail


def test_an_unreachable_store_is_said_clearly_and_once_and_the_page_still_works():
    set_store(Unreachable())
    for lang, locale in (("en", "en-US"), ("ko", "ko-KR")):
        teacher = run_page("explorer", query={**LEAKY, "lang": lang}, locale=locale)
        teacher.button(key="start_class").click().run()
        assert not teacher.exception
        assert errors(teacher).count(CATALOGUES[lang]["class.store_unavailable"]) == 1
        assert "_al_class_room" not in teacher.session_state
        assert len(leaky_curve(teacher)) > 0          # the rest of the page is drawn
        student = run_page(None, query={"room": "ACE7ACE", "lang": lang}, locale=locale)
        assert not student.exception
        assert errors(student).count(CATALOGUES[lang]["class.store_unavailable"]) == 1


def test_a_short_outage_keeps_the_teachers_room():
    teacher = run_page("explorer", query={**LEAKY, "lang": "en"}, locale="en-US")
    teacher.button(key="start_class").click().run()
    code = teacher.session_state["_al_class_room"]
    real = set_store(Unreachable())
    teacher.run()
    assert not teacher.exception
    assert teacher.session_state["_al_class_room"] == code      # kept through the outage
    assert CATALOGUES["en"]["class.store_unavailable"] in errors(teacher)
    set_store(real)
    teacher.run()
    assert teacher.session_state["_al_class_room"] == code
    assert CATALOGUES["en"]["class.store_unavailable"] not in errors(teacher)


def _reclaim_script():
    """A session whose browser hands back the room it kept (what the keeper element's claim
    does after a reload): the claim's result and what the keeper asks the browser next."""
    import streamlit as st

    from ui.classroom import panel, teacher

    kept = st.session_state.pop("kept", None)
    if kept is not None:
        st.session_state["claimed"] = teacher.claim(kept)
    st.session_state["ask"] = panel._ask()


def test_a_reload_while_the_store_does_not_answer_keeps_the_class_and_asks_again():
    from streamlit.testing.v1 import AppTest

    code, secret = open_room()
    real = set_store(Unreachable())
    at = AppTest.from_function(_reclaim_script)
    at.session_state["kept"] = {"code": code, "secret": secret}
    at.run()
    assert at.session_state["claimed"] is False
    assert "_al_class_keep" not in at.session_state     # the browser keeps the room (no clear)
    assert at.session_state["_al_class_teacher_problem"] == rules.UNAVAILABLE
    assert at.session_state["ask"] == {"ask": 2, "wait_ms": 2000}   # try 2, two seconds later
    at.session_state["kept"] = {"code": code, "secret": secret}
    at.run()
    assert at.session_state["ask"] == {"ask": 3, "wait_ms": 4000}
    set_store(real)                                     # the store answers again
    at.session_state["kept"] = {"code": code, "secret": secret}
    at.run()
    assert at.session_state["claimed"] is True
    assert at.session_state["_al_class_room"] == code
    assert "_al_class_teacher_problem" not in at.session_state
    assert at.session_state["_al_class_keep"] == {"save": {"code": code, "secret": secret}}


def test_a_reclaim_is_tried_a_bounded_number_of_times_and_a_wrong_secret_is_forgotten():
    from streamlit.testing.v1 import AppTest

    code, secret = open_room()
    at = AppTest.from_function(_reclaim_script)
    real = set_store(Unreachable())
    for _ in range(rules.CLAIM_TRIES):
        at.session_state["kept"] = {"code": code, "secret": secret}
        at.run()
    assert at.session_state["ask"] == {}                 # no more tries in this page
    set_store(real)
    other = AppTest.from_function(_reclaim_script)
    other.session_state["kept"] = {"code": code, "secret": "not-the-secret"}
    other.run()
    assert other.session_state["claimed"] is False
    assert other.session_state["_al_class_keep"] == {"clear": True}   # not this browser's
    assert "_al_class_room" not in other.session_state
