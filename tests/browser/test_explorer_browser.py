"""Browser: the explorer from a cold-start deep link, a slider that changes the chart, both languages."""

from __future__ import annotations

from urllib.parse import quote

import numpy as np

from core.activations import get
from tests.browser.conftest import (chart_traces, goto, plot_js, press_slider, screenshot,
                                    wait_for_chart, wait_for_charts, wait_idle)


def test_cold_start_deep_link_then_slider_changes_chart(server, page):
    # The very first request to this fresh server: a deep link with URL values.
    goto(page, f"{server}/explorer?lang=en&f_relu=Leaky%20ReLU&p_leaky_relu_negative_slope=0.2")
    wait_for_charts(page)
    assert page.locator("h1").first.inner_text() == "Activation explorer"
    assert page.get_by_text("Page not found").count() == 0
    # the router ran: the real navigation is in the sidebar
    assert page.locator('[data-testid="stSidebarNav"]').get_by_text("Activation explorer").count() == 1
    traces = {t["name"]: t for t in chart_traces(page, "curves")}
    x = np.linspace(-6, 6, 241)  # the default x range, sent as x0/dx
    y = np.array(traces["Leaky ReLU"]["y"])
    assert y.shape == x.shape
    np.testing.assert_allclose(y, get("leaky_relu").fn(x, negative_slope=0.2), atol=1e-5)

    # the slope is scrubbed on the chart (its range input belongs to the chart element)
    page.locator('.st-key-chart_curves input.al-scrub[data-control="p_leaky_relu_negative_slope"]'
                 ).focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_function("location.search.includes('p_leaky_relu_negative_slope=0.21')",
                           timeout=15_000)
    wait_idle(page)
    traces = {t["name"]: t for t in chart_traces(page, "curves")}
    y2 = np.array(traces["Leaky ReLU"]["y"])
    assert not np.allclose(y, y2)
    np.testing.assert_allclose(y2, get("leaky_relu").fn(x, negative_slope=0.21), atol=1e-5)
    assert "p_leaky_relu_negative_slope=0.21" in page.url

    # hovering the chart shows the values of the curves at that x
    plot = page.locator(".st-key-chart_curves .js-plotly-plot .nsewdrag").first
    box = plot.bounding_box()
    page.mouse.move(box["x"] + box["width"] * 0.75, box["y"] + box["height"] * 0.5)
    page.wait_for_function("document.querySelector('.st-key-chart_curves .hoverlayer')"
                           " && document.querySelector('.st-key-chart_curves .hoverlayer')"
                           ".textContent.includes('Leaky ReLU')", timeout=10_000)


def test_screenshots_both_languages(server, page):
    for lang in ("ko", "en"):
        goto(page, f"{server}/explorer?lang={lang}")
        wait_for_charts(page)
        title = page.locator("h1").first.inner_text()
        assert title == ("활성화 함수 탐색기" if lang == "ko" else "Activation explorer")
        screenshot(page, f"explorer-{lang}-1280x720")
        screenshot(page, f"explorer-{lang}-full", full_page=True)
    # classroom (projector) mode: bigger fonts and lines, secondary controls folded away
    goto(page, f"{server}/explorer?lang=ko&classroom=true")
    wait_for_charts(page)
    assert page.locator("h1").first.inner_text() == "활성화 함수 탐색기"
    screenshot(page, "explorer-ko-classroom-full", full_page=True)


def test_language_survives_page_switch(server, browser):
    context = browser.new_context(viewport={"width": 1280, "height": 720}, locale="ko-KR")
    tab = context.new_page()
    goto(tab, f"{server}/")
    assert tab.locator("h1").first.inner_text().startswith("Activation Lab ·")  # Korean default
    goto(tab, f"{server}/?lang=en")
    assert tab.locator("h1").first.inner_text() == "Activation Lab"
    screenshot(tab, "home-en-1280x720")
    tab.locator('[data-testid="stSidebarNav"]').get_by_text("Activation explorer").click()
    wait_idle(tab)
    wait_for_charts(tab)
    assert tab.locator("h1").first.inner_text() == "Activation explorer"
    assert "lang=en" in tab.url
    context.close()


def test_fragment_rerun_keeps_the_language(server, browser):
    context = browser.new_context(viewport={"width": 1280, "height": 720}, locale="ko-KR")
    tab = context.new_page()
    goto(tab, f"{server}/explorer?lang=en")
    wait_for_charts(tab)
    press_slider(tab, "Temperature T", "ArrowRight", 2)  # reruns only the softmax fragment
    assert tab.get_by_text("The probabilities sum to").count() == 1
    assert tab.get_by_text("확률의 합은").count() == 0
    context.close()


def _visible(tab, selector: str) -> dict:
    """Where the element is on the screen: top, bottom (px) and the viewport height."""
    return tab.evaluate("""(s) => { const r = document.querySelector(s).getBoundingClientRect();
                                   return {top: r.top, bottom: r.bottom, vh: innerHeight}; }""",
                        selector)


def test_overflow_step_shows_its_nan_on_the_first_screen(browser, server):
    """Lesson step 5 (softmax overflow) in Korean projector mode: its bar and the chart of the
    naive formula's nan beside the stable bars are on the screen together."""
    context = browser.new_context(viewport={"width": 1280, "height": 720}, locale="ko-KR")
    tab = context.new_page()
    goto(tab, f"{server}/explorer?lang=ko&classroom=true&lesson=5")
    wait_for_chart(tab, "overflow")
    tab.wait_for_timeout(2800)  # the bar brings itself into view (up to 2.5 s after drawing)
    bar = _visible(tab, ".st-key-lesson_bar")
    plot = _visible(tab, ".st-key-chart_overflow .js-plotly-plot")
    assert -2 <= bar["top"] and plot["bottom"] <= plot["vh"], (bar, plot)
    shown = tab.evaluate(f"{plot_js('overflow')}.querySelector('.textpoint') ? "
                         f"Array.from({plot_js('overflow')}.querySelectorAll('.textpoint'))"
                         ".map(e => e.textContent) : []")
    assert shown.count("nan") == 3, shown
    screenshot(tab, "explorer-ko-classroom-lesson5-1280x720")
    context.close()


def test_formula_error_fits_three_lines_in_projector_mode(browser, server):
    context = browser.new_context(viewport={"width": 1280, "height": 720}, locale="ko-KR")
    tab = context.new_page()
    fx = "x * leaky_relu(x, negative_slope=3)"  # the longest kind of message: a parameter range
    goto(tab, f"{server}/explorer?lang=ko&classroom=true&fx={quote(fx)}")
    wait_for_charts(tab)
    alert = tab.locator('[data-testid="stAlert"]', has_text="leaky_relu").first
    text = alert.locator('[data-testid="stMarkdownContainer"] p').first
    lines = text.evaluate("(p) => Math.round(p.getBoundingClientRect().height"
                          " / parseFloat(getComputedStyle(p).lineHeight))")
    assert 1 <= lines <= 3, lines
    screenshot(tab, "explorer-ko-classroom-formula-error-1280x720")
    context.close()


def test_wrong_formula_keeps_the_last_curve_faded_in_the_browser(server, page):
    goto(page, f"{server}/explorer?lang=en&fx={quote('x * sigmoid(x)')}")
    wait_for_chart(page, "curves")
    box = page.locator('[data-testid="stTextInput"] input').first
    box.fill("x * sigmoid(x")
    box.press("Enter")
    wait_idle(page)
    page.get_by_text("cannot be used").first.wait_for()
    wait_for_chart(page, "curves", "d._fullData.some(t => t.opacity < 1)")
    faded = page.evaluate(f"Array.from({plot_js('curves')}._fullData)"
                          ".filter(t => t.opacity < 1).map(t => t.name)")
    assert "f(x) = x · sigmoid(x)" in faded
    screenshot(page, "explorer-en-formula-faded-1280x720")
