"""Browser: the descent page from a cold-start ?lr=1.0 link, the log slider changing the run,
the step buttons, and screenshots in both languages."""

from __future__ import annotations

import time

import numpy as np

from core import descent as d
from tests.browser.conftest import (chart_traces, goto, screenshot,
                                    wait_for_chart, wait_for_charts, wait_idle)

CURVE = "gd_curve"  # the loss curve with the iterates


def iterates(tab) -> np.ndarray:
    """x of the iterate trace of the loss-curve chart (gaps dropped)."""
    try:
        traces = chart_traces(tab, CURVE)
    except Exception:  # noqa: BLE001 - the chart is not drawn yet
        return np.array([])
    if len(traces) < 2:
        return np.array([])
    xs = [v for v in traces[1]["x"] if v is not None]
    return np.array(xs, dtype=float)


def test_cold_start_lr_1_then_log_slider_changes_run(server, page):
    # first request to this fresh server: the deep link of the lr = 1.0 case
    goto(page, f"{server}/descent?lang=en&lr=1.0")
    wait_for_charts(page, 4)
    assert page.locator("h1").first.inner_text() == "Learning rate & gradient descent"
    assert page.get_by_text("Page not found").count() == 0
    body = page.locator('[data-testid="stMain"]').inner_text()
    assert "Oscillates forever" in body and "between −4 and 10" in body
    xs = iterates(page)
    assert len(xs) == 101 and set(np.round(xs, 4)) == {10.0, -4.0}

    # the log slider is the loss chart's scrub: one key press moves it one step of its grid
    scrub = page.locator(f'.st-key-chart_{CURVE} input.al-scrub[data-control="gd_lrlog"]')
    scrub.focus()
    page.keyboard.press("ArrowRight")
    lr = scrub.get_attribute("aria-valuetext").removeprefix("lr = ")
    assert float(lr) > 1.0
    page.get_by_text(f"Verdict for lr = {lr}").wait_for(timeout=30_000)
    wait_idle(page)
    wait_for_charts(page, 4)
    assert f"lr={lr}" in page.url
    run = d.gradient_descent("course", 10.0, float(lr), 100)
    body = page.locator('[data-testid="stMain"]').inner_text()
    assert "Diverges" in body
    xs2 = iterates(page)
    assert not np.array_equal(xs[:5], xs2[:5])
    np.testing.assert_allclose(xs2[:5], run.iterates[:5], rtol=1e-5)


def test_step_buttons_move_the_step(server, page):
    goto(page, f"{server}/descent?lang=en&lr=0.2&gd_step=3")
    wait_for_charts(page, 4)
    assert len(iterates(page)) == 4
    page.get_by_role("button", name="Next").click()
    # the click reruns the fragment; wait until the redrawn chart holds iterates 0 … 4
    wait_for_chart(page, CURVE, "d._fullData[1].x.length === 5")
    wait_idle(page)
    assert len(iterates(page)) == 5
    assert "gd_step=4" in page.url
    np.testing.assert_allclose(iterates(page), d.gradient_descent("course", 10, 0.2, 100)
                               .iterates[:5], rtol=1e-5)


def test_screenshots_both_languages(server, page):
    views = {"": "course", "&lr=1.0": "lr1", "&lr=1.1": "lr11",
             "&gd_loss=%C2%BD(x%C2%B2%20%2B%209y%C2%B2)": "bowl",
             "&gd_loss=x%E2%81%B4%2F4%20%E2%88%92%202x%C2%B2%20%2B%20x%2F2%20%2B%205": "quartic",
             "&gd_loss=x%E2%81%B4%2F4%20%E2%88%92%202x%C2%B2%20%2B%20x%2F2%20%2B%205"
             "&gd_x0=1.5&lr=3": "quartic-lr3"}
    for lang in ("ko", "en"):
        for query, name in views.items():
            goto(page, f"{server}/descent?lang={lang}{query}")
            wait_for_charts(page, 3)
            title = page.locator("h1").first.inner_text()
            assert title == ("학습률과 경사 하강법" if lang == "ko"
                             else "Learning rate & gradient descent")
            screenshot(page, f"descent-{name}-{lang}-1280x720")
            screenshot(page, f"descent-{name}-{lang}-full", full_page=True)


def wait_for_iterates(tab, n: int, timeout: float = 30.0) -> np.ndarray:
    """Poll until the loss-curve chart holds n iterates (it may render after the others)."""
    deadline = time.time() + timeout
    xs = iterates(tab)
    while len(xs) != n and time.time() < deadline:
        tab.wait_for_timeout(100)
        xs = iterates(tab)
    return xs


def test_classroom_mode_screenshot(server, page):
    goto(page, f"{server}/descent?lang=ko&classroom=true&lr=1.0")
    wait_for_charts(page, 3)
    screenshot(page, "descent-lr1-ko-classroom-full", full_page=True)


def test_changing_the_loss_in_the_fragment_reruns_the_comparison(server, page):
    goto(page, f"{server}/descent?lang=en")
    wait_for_charts(page, 3)
    page.locator('[data-testid="stSelectbox"]', has_text="Loss function").first.click()
    page.get_by_role("option", name="4(x−3)²+10").click()
    page.get_by_text("Converges while oscillating").first.wait_for(timeout=30_000)
    page.wait_for_timeout(500)
    wait_idle(page)
    assert "gd_loss=4" in page.url
    body = page.locator('[data-testid="stMain"]').inner_text()
    assert "Converges while oscillating" in body  # lr 0.2 on L = 8: r = −0.6
    # the comparison below followed: side-by-side panel titles name the steep regimes
    traces = chart_traces(page, "gd_side")
    steep = d.get("steep")
    curve_y = np.array(traces[0]["y"], dtype=float)
    curve_x = np.array(traces[0]["x"], dtype=float)
    np.testing.assert_allclose(curve_y, steep.value(curve_x), rtol=1e-4)
