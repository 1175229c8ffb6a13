"""Every entry of every page's control spec (ui/controls/<page>.py), walked generically:

- a link that sets the control to another valid value opens the page with that value and no
  notice (URL round trip), and the spec's own URL spelling reads back to the same value;
- an empty value of a single choice falls back to the default with a notice naming the key;
- Markdown, HTML and LaTeX in a text control are shown as text (no link or image is rendered);
- a lesson step's state is a complete state of the page (every shared key, valid values).

A control added to a spec is covered here without any edit to this file.
"""

from __future__ import annotations

import importlib

import pytest

from tests.pages.conftest import run_page, texts
from tests.pages.fuzzing import live_markup
from ui.controls import CHOICE_KINDS, Control, Spec
from ui.lessons import PAGES as LESSON_PAGES
from ui.lessons import steps
from ui.nav import available

PAGES = [p.id for p in available()]


def spec_of(page: str) -> Spec:
    return importlib.import_module(f"ui.controls.{page}").SPEC


def entries(select=lambda c: True) -> list:
    return [pytest.param(page, c.key, id=f"{page}-{c.key}")
            for page in PAGES for c in spec_of(page) if select(c)]


def other_value(c: Control):
    """A valid value of c other than its default (None if it has no other)."""
    if c.kind in CHOICE_KINDS:
        others = [o for o in c.options if o != c.default]
        return others[0] if others else None
    if c.kind == "multi":
        pick = [o for o in c.options if o not in c.default][:1]
        return pick if c.valid(pick) else None
    if c.kind == "toggle":
        return not c.default
    if c.kind == "text":
        return None  # what a text box accepts is the page's parser's business
    step = c.step or (1 if c.integer else (c.hi - c.lo) / 10)
    if c.kind == "range":
        lo, hi = c.default
        new = (lo, hi - step) if hi - step > lo else (lo + step, hi)
        return tuple(int(v) if c.integer else float(v) for v in new)
    new = c.default + step if c.default + step <= c.hi else c.default - step
    return int(new) if c.integer else float(new)


def notices_about(at, key: str) -> list[str]:
    return [w.value for w in at.warning if f"`{key}`" in w.value]


@pytest.mark.parametrize("page", PAGES)
def test_every_page_has_a_spec_and_it_spells_itself(page):
    spec = spec_of(page)
    assert len(spec) > 0
    for c in spec:
        if c.dynamic:
            continue
        assert c.valid(c.default), c.key
        assert c.from_url(c.to_url(c.default)) == c.session_value(c.default) or \
            c.from_url(c.to_url(c.default)) == c.default, c.key
        alt = other_value(c)
        if alt is not None:
            assert c.from_url(c.to_url(alt)) == alt or \
                c.session_value(c.from_url(c.to_url(alt))) == c.session_value(alt), c.key


@pytest.mark.parametrize("page,key", entries(
    lambda c: not c.viewer and not c.dynamic and other_value(c) is not None))
def test_a_link_opens_every_control_at_its_value(page, key):
    spec = spec_of(page)
    c = spec[key]
    alt = other_value(c)
    state = c.setup() | {key: alt}
    at = run_page(page, query=spec.to_query(state), locale="en-US")
    assert not at.exception, [e.message for e in at.exception]
    assert not notices_about(at, key), notices_about(at, key)
    value = at.session_state[key]
    if c.scrub:  # the grid's own value: the link's float spelling of it is the same number
        assert value == pytest.approx(alt, rel=1e-9) and value in c.grid(), (value, alt)
        return
    assert c.session_value(value) == c.session_value(alt) or value == alt, (value, alt)


@pytest.mark.parametrize("page,key", entries(lambda c: c.kind in CHOICE_KINDS and not c.viewer))
def test_an_empty_choice_falls_back_to_the_default_with_a_notice(page, key):
    spec = spec_of(page)
    c = spec[key]
    at = run_page(page, query=spec.to_query(c.setup()) | {key: ""}, locale="en-US")
    assert not at.exception, [e.message for e in at.exception]
    assert notices_about(at, key), [w.value for w in at.warning]


PAYLOADS = ["![i](//tracker.example/t.png)", "[Session expired: log in](https://tracker.example)",
            "<img src=//tracker.example/x.png>", "$\\frac{1}{0}$ **bold** :red[alarm]"]


@pytest.mark.parametrize("page,key", entries(lambda c: c.kind == "text"))
def test_text_from_a_link_is_shown_as_text(page, key):
    spec = spec_of(page)
    c = spec[key]
    for payload in PAYLOADS:
        at = run_page(page, query=spec.to_query(c.setup()) | {key: payload},
                      locale="en-US")
        assert not at.exception, [e.message for e in at.exception]
        assert not live_markup(texts(at)), (key, payload, live_markup(texts(at)))


@pytest.mark.parametrize("page", [p for p in PAGES if p in LESSON_PAGES])
def test_every_lesson_step_is_a_complete_valid_state(page):
    spec = spec_of(page)
    shared = {c.key for c in spec.shared() if not c.dynamic}
    for step in steps(page):
        assert shared <= set(step.state), (step.id, sorted(shared - set(step.state)))
        for key, value in step.state.items():
            assert key in spec, (step.id, key)
            assert spec[key].valid(value) or spec[key].valid(
                int(value) if isinstance(value, float) and value == int(value) else value), \
                (step.id, key, value)


@pytest.mark.parametrize("page", PAGES)
def test_a_follower_gets_every_control_the_teacher_sets(page):
    """Follow-the-teacher by the spec: for every shared control, a view that sets it to another
    valid value reaches the student's session with that value (one student, one room, the
    teacher's views published one after another)."""
    from ui.classroom.memory_store import MemoryRoomStore
    from ui.classroom.store import room_store, set_store

    spec = spec_of(page)
    old = set_store(MemoryRoomStore())
    try:
        code, secret = room_store().create()
        room_store().publish(code, secret, {"page": page, "params": {}})
        student = run_page(None, query={"room": code}, locale="en-US")
        checked = 0
        for c in spec.shared():
            alt = other_value(c)
            if c.dynamic or alt is None:
                continue
            view = {"page": page, "params": spec.to_query(c.setup() | {c.key: alt})}
            room_store().publish(code, secret, view)
            student.run()
            assert not student.exception, (c.key, [e.message for e in student.exception])
            value = student.session_state[c.key]
            assert c.session_value(value) == c.session_value(alt) or value == alt, \
                (c.key, value, alt)
            checked += 1
        assert checked > 0
    finally:
        set_store(old)
