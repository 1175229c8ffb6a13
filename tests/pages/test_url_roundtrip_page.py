"""An emptied multiselect round-trips through its URL (the explorer's family pickers, f_<family>).

An absent key means the default (f_sigmoid: Sigmoid + Tanh), so an emptied selection must be in
the URL as ``f_sigmoid=`` — what the browser writes when a user clears the widget, and what
ui.widgets now also writes when a lesson step empties it from code (Streamlit 1.67 kept that as
an empty list, which the address and the teacher's published view left out: followers and
fresh sessions showed Sigmoid and Tanh again). ``f_sigmoid=`` is no bad value (no notice).
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from tests.pages.conftest import chart_spec, run_page
from ui.classroom import view_url
from ui.lessons import steps
from ui.rooms import room_store

FAMILIES = ("f_step", "f_sigmoid", "f_relu", "f_smooth-relu", "f_linear", "f_other")


def curve_names(at) -> set[str]:
    """The functions drawn on the explorer's f/f′ chart (f traces, not the f′ ones)."""
    try:
        spec = chart_spec(at, "curves")
    except KeyError:
        return set()
    return {tr["name"] for tr in spec["data"] if tr.get("name") and "′" not in tr["name"]}


def picks(at) -> dict[str, list[str]]:
    return {key: list(at.multiselect(key=key).value) for key in FAMILIES}


def notices(at) -> list[str]:
    return list(at.session_state["_al_url_notices"]) + [w.value for w in at.warning]


def query_of(url: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(url).query, keep_blank_values=True)


def test_an_emptied_sigmoid_link_shows_no_sigmoid_and_no_notice():
    at = run_page("explorer", query={"f_sigmoid": "", "lang": "en"}, locale="en-US")
    assert not at.exception
    assert at.multiselect(key="f_sigmoid").value == []
    assert curve_names(at) == {"ReLU"}                      # f_relu's default only
    assert notices(at) == []
    assert at.query_params["f_sigmoid"] in ("", [""])      # kept in the address


def test_old_links_keep_working():
    # absent key: the default
    at = run_page("explorer", query={"lang": "en"}, locale="en-US")
    assert curve_names(at) == {"Sigmoid", "Tanh", "ReLU"} and notices(at) == []
    # an item, and an empty value beside an item
    for query in ({"f_sigmoid": "Tanh"}, {"f_sigmoid": ["", "Tanh"]}):
        at = run_page("explorer", query={**query, "lang": "en"}, locale="en-US")
        assert at.multiselect(key="f_sigmoid").value == ["tanh"]
        assert curve_names(at) == {"Tanh", "ReLU"} and notices(at) == []
    # an unknown item is still dropped with a notice naming it
    at = run_page("explorer", query={"f_sigmoid": ["Nope", "Tanh"], "lang": "en"},
                  locale="en-US")
    assert curve_names(at) == {"Tanh", "ReLU"}
    assert any("Nope" in n and "f_sigmoid" in n for n in notices(at))


def test_a_lesson_step_that_empties_sigmoid_puts_it_in_the_url():
    k = [s.id for s in steps("explorer")].index("sigmoid") + 1  # questions come before it
    at = run_page("explorer", query={"lesson": str(k), "lang": "en"}, locale="en-US")
    assert curve_names(at) == {"Sigmoid", "Tanh"}
    at.button(key="lesson_next_main").click().run()        # the next step: the ReLU family only
    assert not at.exception
    assert curve_names(at) == {"ReLU", "Leaky ReLU", "ELU"}
    assert at.query_params["f_sigmoid"] in ("", [""])
    # a fresh browser opening that address shows the same functions, without a notice
    fresh = run_page("explorer", query=dict(at.query_params), locale="en-US")
    assert curve_names(fresh) == {"ReLU", "Leaky ReLU", "ELU"}
    assert picks(fresh) == picks(at)
    assert notices(fresh) == []


def test_follower_shows_the_teachers_functions_at_every_explorer_step():
    teacher = run_page("explorer", query={"lesson": "1", "lang": "en", "classroom": "true"},
                       locale="en-US")
    teacher.button(key="start_class").click().run()
    code = teacher.session_state["_al_class_room"]
    student = run_page(None, query={"room": code}, locale="en-US")
    n = len(steps("explorer"))
    for k in range(1, n + 1):
        if k > 1:
            teacher.button(key="lesson_next_main").click().run()
        student.run()
        assert not teacher.exception and not student.exception
        assert student.query_params["lesson"] in (str(k), [str(k)])
        assert picks(student) == picks(teacher), f"step {k}"
        assert curve_names(student) == curve_names(teacher), f"step {k}"
        assert notices(student) == [], f"step {k}"
        # the class link of this step opens the same functions in a fresh browser
        _, view = room_store().read(code)
        url = view_url("http://h", view)
        fresh = run_page("explorer", query=query_of(url), locale="en-US")
        assert picks(fresh) == picks(teacher), f"step {k}: {url}"
        assert notices(fresh) == [], f"step {k}"
    # step 4 is the one that empties f_sigmoid: it is spelled out in the published view
    teacher.button(key="lesson_prev_main").click().run()
    student.run()
    assert room_store().read(code)[1]["params"]["f_sigmoid"] == [""]
    assert student.multiselect(key="f_sigmoid").value == []
    assert curve_names(student) == {"ReLU", "Leaky ReLU", "ELU"}
