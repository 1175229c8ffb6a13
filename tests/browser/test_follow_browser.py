"""Follow the teacher in two browser contexts: a teacher (English) starts a class, a student
(Korean browser) opens the class link and follows a lesson step and a slider; then explores on
their own without touching the teacher's view; a wrong code shows the message in both languages.

No timing assertions here (bench/follow.py measures the delay); the waits are generous.
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

from tests.browser.conftest import (chart_traces, goto, leading_shown, screenshot,
                                    wait_for_chart, wait_idle)
from ui.classroom.rules import valid_code
from ui.controls.explorer import SPEC
from ui.format import fmt
from ui.i18n import CATALOGUES
from ui.lessons import steps

SLOPE = "p_leaky_relu_negative_slope"
GRID = SPEC[SLOPE].grid()
WAIT = 15_000


def query(tab) -> dict[str, list[str]]:
    return parse_qs(urlparse(tab.url).query)


def leaky(tab) -> list[float]:
    """The y values of the Leaky ReLU curve on the f/f′ chart."""
    for trace in chart_traces(tab, "curves"):
        if trace["name"] == "Leaky ReLU":
            return [round(v, 9) for v in trace["y"]]
    return []


def thumb(tab, selector: str) -> tuple[str, str]:
    """(grid index, the value's text) a scrub's range input stands at."""
    return tuple(tab.locator(selector).first.evaluate(
        "i => [i.value, i.getAttribute('aria-valuetext')]"))


def unfold(tab, selector: str) -> None:
    """Open the folded controls (a follower's page shows the picture first) until selector is
    visible."""
    if tab.locator(selector).first.is_visible():
        return
    for lang in ("ko", "en"):
        folded = tab.locator('[data-testid="stExpander"] summary',
                             has_text=CATALOGUES[lang]["layout.controls"]).first
        if folded.count() and folded.is_visible():
            folded.click()
            tab.locator(selector).first.wait_for(state="visible", timeout=WAIT)
            return


def drag(tab, selector: str) -> None:
    """A mouse drag along a scrub, from its left end to its right end."""
    box = tab.locator(selector).first.bounding_box()
    y = box["y"] + box["height"] / 2
    tab.mouse.move(box["x"] + 4, y)
    tab.mouse.down()
    tab.mouse.move(box["x"] + box["width"] - 4, y, steps=8)
    tab.mouse.up()


def leading(tab, times: int) -> None:
    """The notice a locked follower gets for a touch or a key (its times-th showing): the
    teacher is leading."""
    assert leading_shown(tab, times, WAIT) == CATALOGUES["ko"]["class.leading"]


def wait_url(tab, key: str, value: str, timeout: float = WAIT) -> None:
    tab.wait_for_function("([k, v]) => new URLSearchParams(location.search).get(k) === v",
                          arg=[key, value], timeout=timeout)


def test_student_follows_the_teacher_and_can_explore_alone(server, browser):
    teacher_ctx = browser.new_context(viewport={"width": 1280, "height": 720}, locale="en-US")
    student_ctx = browser.new_context(viewport={"width": 1280, "height": 720}, locale="ko-KR")
    try:
        teacher, student = teacher_ctx.new_page(), student_ctx.new_page()
        # cold start: the first request of this server is the teacher's deep link
        ids = [s.id for s in steps("explorer")]
        k = ids.index("sigmoid") + 1  # the sigmoid family; the ReLU family is the next step
        assert ids[k] == "relu"
        goto(teacher, f"{server}/explorer?lang=en&lesson={k}")
        assert teacher.locator("h1").first.inner_text().strip() == "Activation explorer"
        teacher.locator(".st-key-start_class button").first.click()
        teacher.wait_for_selector(".st-key-room_code .al-room-code", timeout=WAIT)
        code = teacher.locator(".st-key-room_code .al-room-code").inner_text().strip()
        assert valid_code(code)
        assert f"?room={code}" in teacher.locator(".st-key-room_code").inner_text()
        wait_idle(teacher)
        screenshot(teacher, "follow_teacher_room_en")

        # the student opens the class link on the home page and lands on the teacher's step
        student.goto(f"{server}/?room={code}")
        wait_url(student, "lesson", str(k))
        wait_idle(student)
        assert urlparse(student.url).path == "/explorer"
        assert query(student)["room"] == [code]
        assert "lang" not in query(student)           # the teacher's language is not pushed
        banner = student.locator(".st-key-class_follow").inner_text()
        assert code in banner and "선생님" in banner    # Korean: the student's own language

        # the teacher moves to the next lesson step (ReLU family, Leaky ReLU slope 0.1)
        teacher.locator(".st-key-lesson_next_main button").first.click()
        wait_url(teacher, "lesson", str(k + 1))
        wait_idle(teacher)
        wait_url(student, "lesson", str(k + 1))
        wait_for_chart(student, "curves", "d._fullData.some(t => t.name === 'Leaky ReLU')")

        # the teacher changes the slope; the student shows the same value and curve
        scrub = f'input.al-scrub[data-control="{SLOPE}"]'  # scrubbed on the curves chart
        teacher.locator(scrub).first.focus()
        for _ in range(4):
            teacher.keyboard.press("ArrowRight")
        wait_idle(teacher)
        teacher.wait_for_function("(k) => new URLSearchParams(location.search).has(k) && "
                                  "new URLSearchParams(location.search).get(k) !== '0.1'",
                                  arg=SLOPE, timeout=WAIT)
        slope = query(teacher)[SLOPE][0]
        assert float(slope) > 0.1
        wait_url(student, SLOPE, slope)
        wait_idle(student)
        wait_for_chart(student, "curves",
                       f"d._fullData.some(t => t.name === 'Leaky ReLU' && "
                       f"Math.abs(t.y[0] - ({-6 * float(slope)})) < 1e-5)")  # x from −6
        assert leaky(student) == leaky(teacher)
        # the student's thumb stands at the teacher's value: a range input's value is the
        # index of the grid point (its text says the value)
        at = thumb(teacher, scrub)
        assert abs(GRID[int(at[0])] - float(slope)) < 1e-9 and at[1] == fmt(float(slope))
        student.wait_for_function(
            "([s, i]) => document.querySelector(s)?.value === i", arg=[scrub, at[0]],
            timeout=WAIT)
        assert thumb(student, scrub) == at
        screenshot(student, "follow_student_ko")

        # Follow me: the student's scrub is disabled; a drag or a key on it changes nothing and
        # says that the teacher is leading
        assert student.locator(scrub).first.is_disabled()
        curve = leaky(student)
        drag(student, scrub)
        leading(student, 1)
        said = int(student.locator(".al-leading").get_attribute("data-said"))
        student.locator(scrub).first.focus()     # a disabled input takes no focus: keys go on
        for key in ("ArrowLeft", "Home"):
            student.keyboard.press(key)
        leading(student, said + 1)
        student.wait_for_timeout(1500)
        assert thumb(student, scrub) == at and query(student)[SLOPE] == [slope]
        assert leaky(student) == curve

        # the teacher lets the class explore (Free): the student's change leaves the teacher's
        # view alone
        teacher.locator(".st-key-class_mode button", has_text="Free").click()
        student.wait_for_function(
            "(t) => document.querySelector('.st-key-class_follow')?.innerText.includes(t)",
            arg=CATALOGUES["ko"]["class.free_following"].split(" — ")[0], timeout=WAIT)
        wait_idle(student)
        student.wait_for_function(  # Free unlocks the scrubs with no action of the student
            "(s) => document.querySelector(s)?.disabled === false", arg=scrub, timeout=WAIT)
        teacher_curve = leaky(teacher)
        unfold(student, ".st-key-deriv label")
        student.locator(".st-key-deriv label").first.click()       # hide f′ (a click, no keys)
        # the student's own chart loses its f′ panel (known gap: right after "explore on my
        # own" this first change does not always reach the student's address bar; see #13 note)
        wait_for_chart(student, "curves", "!d.layout.yaxis2")
        assert not student.locator(".st-key-deriv input").first.is_checked()
        student.wait_for_selector(".st-key-class_rejoin", timeout=WAIT)   # exploring now
        wait_idle(student)
        teacher.wait_for_timeout(1500)
        assert "deriv" not in query(teacher)
        assert leaky(teacher) == teacher_curve
        assert query(student)[SLOPE] == [slope]
        # Free: the student's scrub is theirs (a key moves the value and the picture)
        student.locator(scrub).first.focus()
        student.keyboard.press("ArrowLeft")
        mine = GRID[int(at[0]) - 1]
        own = SPEC[SLOPE].to_url(mine)[0]
        wait_url(student, SLOPE, own)
        wait_for_chart(student, "curves", f"d._fullData.some(t => t.name === 'Leaky ReLU' && "
                                          f"Math.abs(t.y[0] - ({-6 * mine})) < 1e-5)")
        assert thumb(student, scrub) == (str(int(at[0]) - 1), fmt(mine))
        wait_idle(student)
        teacher.wait_for_timeout(1000)
        assert query(teacher)[SLOPE] == [slope]
        # …and a change by the teacher no longer moves the student
        teacher.locator(scrub).first.focus()
        teacher.keyboard.press("ArrowRight")
        teacher.keyboard.press("ArrowRight")
        # two grid steps up (the address may show the first step before the second)
        teacher_slope = SPEC[SLOPE].to_url(GRID[int(at[0]) + 2])[0]
        wait_url(teacher, SLOPE, teacher_slope)
        student.wait_for_timeout(2500)
        assert query(student)[SLOPE] == [own] != [teacher_slope]
        screenshot(student, "follow_student_solo_ko")

        # back to the class: one click brings the teacher's view again
        student.locator(".st-key-class_rejoin button").first.click()
        wait_url(student, SLOPE, teacher_slope, timeout=2 * WAIT)   # a loaded machine is slow
        wait_idle(student)
        assert "deriv" not in query(student)      # the teacher's default again
        assert leaky(student) == leaky(teacher)

        # share with the class: the QR dialog of the teacher's current view
        teacher.locator(".st-key-share_class button").first.click()
        dialog = teacher.locator('[role="dialog"]')
        dialog.wait_for(timeout=WAIT)
        assert f"{SLOPE}={teacher_slope}" in dialog.locator(".al-url").inner_text()
        qr = dialog.locator(".al-qr img")
        assert qr.count() == 1
        assert qr.evaluate("i => i.complete && i.naturalWidth") > 200  # the image decoded
        teacher.wait_for_timeout(400)
        screenshot(teacher, "follow_share_dialog_en")
    finally:
        teacher_ctx.close()
        student_ctx.close()


def test_wrong_code_shows_the_message_in_both_languages(server, page):
    for lang in ("ko", "en"):
        goto(page, f"{server}/?room=zzzz&lang={lang}")
        alert = page.locator(".st-key-class_problem [data-testid='stAlert']").first
        alert.wait_for(timeout=WAIT)
        assert CATALOGUES[lang]["class.bad_code"].format(code="ZZZZ") in alert.inner_text()
        screenshot(page, f"follow_bad_code_{lang}")
