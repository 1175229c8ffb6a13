"""Browser: lesson mode from a cold-start ?lesson=1 link; the keys a presentation clicker sends
(→ / PageDown / PageUp) move the step while nothing is focused, and not while a slider is;
screenshots of one lesson step per page (ko, en, classroom mode)."""

from __future__ import annotations

import numpy as np
import pytest

from core import descent as d
from tests.browser.conftest import chart_traces, goto, screenshot, wait_for_charts, wait_idle
from ui.lessons import steps

CURVE = "gd_curve"


def iterates(tab) -> np.ndarray:
    traces = chart_traces(tab, CURVE)
    return np.array([v for v in traces[1]["x"] if v is not None], dtype=float)


def course(lr: float) -> np.ndarray:
    return d.run("course", "gd", x0=10.0, lr=lr, steps=100, tol=d.DEFAULT_TOL).iterates


def wait_step(tab, k: int, n: int) -> None:
    tab.locator(".st-key-lesson_bar").get_by_text(f"Step {k} / {n}").wait_for(timeout=30_000)
    wait_idle(tab)


def press(tab, key: str) -> None:
    """Press a key with nothing focused (as a clicker does while the page is shown)."""
    tab.evaluate("() => document.activeElement && document.activeElement.blur()")
    tab.keyboard.press(key)
    tab.wait_for_timeout(300)


def key_to_step(tab, key: str, k: int, n: int, drawn: str) -> None:
    """Press a key, wait for step k of n in the bar and the URL and for the loss curve's plot
    div d to satisfy the JavaScript condition drawn."""
    press(tab, key)
    wait_step(tab, k, n)
    assert f"lesson={k}" in tab.url
    tab.wait_for_function(
        "() => { try { const d = document.querySelector('.st-key-chart_gd_curve .js-plotly-plot');"
        f" return {drawn}; }} catch (e) {{ return false; }} }}", timeout=30_000)


def number(step_id: str) -> int:
    """The 1-based number of a descent step (the questions shift the story's numbers)."""
    return [s.id for s in steps("descent")].index(step_id) + 1


def test_cold_lesson_link_and_clicker_keys(server, page):
    n = len(steps("descent"))
    first, steady, one, osc = (number(i) for i in ("count", "steady", "one_step", "oscillating"))
    assert (first, steady, one, osc) == (1, 2, 3, 4)  # a question first, then the story
    goto(page, f"{server}/descent?lang=en&lesson=1")  # the first request of this server
    wait_for_charts(page, 2)
    wait_step(page, 1, n)
    np.testing.assert_allclose(iterates(page), course(0.2)[:1], rtol=1e-5)  # only x₀ shown

    key_to_step(page, "ArrowRight", steady, n, "d._fullData[1].x.length > 2")
    np.testing.assert_allclose(iterates(page), course(0.2), rtol=1e-5)

    key_to_step(page, "ArrowRight", one, n, "d._fullData[1].x[1] === 3")
    np.testing.assert_allclose(iterates(page), course(0.5), rtol=1e-5, atol=1e-6)
    assert page.locator('[data-testid="stNumberInput"] input').first.input_value() != ""

    key_to_step(page, "PageDown", osc, n, "Math.abs(d._fullData[1].x[1] + 2.6) < 1e-4")
    np.testing.assert_allclose(iterates(page)[:5], course(0.9)[:5], rtol=1e-5)

    press(page, "PageUp")
    wait_step(page, one, n)
    assert f"lesson={one}" in page.url

    # a focused slider keeps its arrow keys: the lesson does not move (the learning rate is
    # scrubbed on the loss chart: its range input belongs to the chart)
    thumb = page.locator('input.al-scrub[data-control="gd_lrlog"]').first
    thumb.focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_timeout(1500)
    wait_idle(page)
    assert f"lesson={one}" in page.url
    assert page.locator(".st-key-lesson_bar").get_by_text(f"Step {one} / {n}").count() == 1

    # leaving keeps the controls; the URL loses the step
    page.locator(".st-key-lesson_leave_main").get_by_role("button").first.click()
    page.get_by_role("button", name="Lesson mode").wait_for(timeout=30_000)
    wait_idle(page)
    assert "lesson=" not in page.url
    press(page, "ArrowRight")
    page.wait_for_timeout(1000)
    assert "lesson=" not in page.url


SHOTS = [("explorer", 3), ("saturation", 3), ("zigzag", 3), ("descent", 4), ("network", 2)]


@pytest.mark.parametrize("page_id, k", SHOTS)
def test_lesson_screenshots(server, page, page_id, k):
    for lang, extra in (("ko", ""), ("en", ""), ("ko", "&classroom=true")):
        goto(page, f"{server}/{page_id}?lang={lang}&lesson={k}{extra}")
        wait_for_charts(page, 1)
        page.locator(".st-key-lesson_bar").wait_for(timeout=60_000)
        page.wait_for_timeout(1500)
        wait_idle(page)
        mode = "classroom" if extra else lang
        screenshot(page, f"lesson_{page_id}_{k}_{mode}")
        assert page.locator(".st-key-lesson_bar").count() == 1


def test_back_to_a_lesson_step_restores_its_state(server, page):
    k, n = number("one_step"), len(steps("descent"))
    goto(page, f"{server}/descent?lang=en&lesson={k}")
    wait_step(page, k, n)
    page.get_by_role("link", name="Zig-zag updates").click()
    page.wait_for_url("**/zigzag**", timeout=30_000)
    wait_idle(page)
    assert "lesson=" not in page.url
    assert page.locator(".st-key-lesson_bar").count() == 0
    page.go_back()
    wait_step(page, k, n)
    lr = page.locator('[data-testid="stNumberInput"]', has_text="Learning rate").locator("input")
    assert float(lr.first.input_value()) == 0.5
