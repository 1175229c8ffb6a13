"""Browser test of the derivatives-and-saturation page against a real Streamlit server."""

from __future__ import annotations

import pytest

from core import saturation as sat
from tests.browser.conftest import (chart_traces, goto, plot_js, screenshot, wait_for_chart,
                                    wait_for_charts, wait_idle)
from ui.format import fmt

DEEP_LINK = "/saturation?sat_acts=Sigmoid&sat_acts=Tanh&sat_t=0.01&sat_L=30&sat_x=-3&lang=en"


def test_cold_deep_link_then_interaction(server, page) -> None:
    # the first request to this module's fresh server: a deep link with URL values
    goto(page, server + DEEP_LINK)
    wait_for_charts(page, 6)
    assert "Derivatives and saturation" in page.locator("h1").first.inner_text()
    body = page.locator('[data-testid="stMain"]').inner_text()
    edge = sat.sigmoid_saturation_edge(0.01)
    assert f"x > {fmt(edge, 4)}" in body  # threshold 0.01 from the URL, edge computed
    depth = chart_traces(page, "sat_depth")
    assert len(depth[0]["y"]) == 31  # L = 30 from the URL
    assert depth[0]["y"][-1] == pytest.approx(0.25**30, rel=1e-6)
    # move the probe: the probe markers on the f/f' chart move with it
    markers = lambda: [tr["x"] for tr in chart_traces(page, "sat_curves")  # noqa: E731
                       if len(tr["x"]) == 1 and tr["y"][0] is not None and tr["x"][0] < 8]
    before = markers()
    scrub = page.locator('.st-key-chart_sat_curves input.al-scrub[data-control="sat_x"]')
    scrub.focus()  # the probe is the chart's scrub: each arrow key is one step of its grid
    for _ in range(4):
        page.keyboard.press("ArrowRight")
    page.wait_for_timeout(300)
    wait_idle(page)
    after = markers()
    assert before and after and before != after
    assert after[0][0] == pytest.approx(-3 + 4 * 0.05, abs=1e-6)
    # the probe panel is a fragment: its rerun must keep the page language (English here)
    body = page.locator('[data-testid="stMain"]').inner_text()
    assert "At the probe x₀ = −2.8" in body and "탐침" not in body
    p = sat.probe("sigmoid", -2.8)
    assert f"f′(x₀) = {fmt(p.grad, 5)}" in body


def test_preset_shows_positive_weight_drift(server, page) -> None:
    goto(page, f"{server}/saturation?lang=en")
    wait_for_charts(page, 6)
    page.get_by_role("button", name="Sigmoid, W > 0").click()
    page.wait_for_timeout(500)
    page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]')
    wait_for_chart(page, "sat_preact",
                   "Array.from(d._fullData).some(t => t.name === 'flat zone (|f′| < t)')")
    mean = [tr for tr in chart_traces(page, "sat_preact") if tr["name"] == "mean z"][0]["y"]
    res = sat.simulate_deep_mlp("sigmoid", 10, 64, 256, "positive", 0, 0.0, 0.05)
    assert mean == pytest.approx(list(res.preact_mean), rel=1e-5, abs=1e-6)
    assert mean[2] > mean[1] > mean[0]
    page.evaluate(f"{plot_js('sat_preact')}"
                  ".scrollIntoView({block: 'center'})")
    page.wait_for_timeout(500)
    screenshot(page, "saturation-en-positive")
    page.evaluate(f"{plot_js('sat_grad')}"
                  ".scrollIntoView({block: 'center'})")
    page.wait_for_timeout(500)
    screenshot(page, "saturation-en-positive-grad")


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_screenshots(server, page, lang: str) -> None:
    goto(page, f"{server}/saturation?lang={lang}")
    wait_for_charts(page, 6)
    page.wait_for_timeout(800)
    title = page.locator("h1").first.inner_text()
    assert ("미분과 포화" if lang == "ko" else "Derivatives and saturation") in title
    screenshot(page, f"saturation-{lang}")
    screenshot(page, f"saturation-{lang}-full", full_page=True)
    # the MLP section further down, as a teacher would scroll to it
    page.evaluate(f"{plot_js('sat_preact')}"
                  ".scrollIntoView({block: 'center'})")
    page.wait_for_timeout(500)
    # hover the chart, as a teacher pointing at it would: Plotly's tool bar shows up and must
    # stand in the right margin, clear of the legend
    _hover(page, "sat_preact")
    screenshot(page, f"saturation-{lang}-mlp")
    page.evaluate(f"{plot_js('sat_shares')}"
                  ".scrollIntoView({block: 'center'})")
    page.wait_for_timeout(500)
    _hover(page, "sat_shares")
    bar = page.locator(".st-key-chart_sat_shares .modebar").bounding_box()
    legend = page.locator(".st-key-chart_sat_shares .infolayer > .legend").first.bounding_box()
    assert bar and legend
    assert bar["x"] >= legend["x"] + legend["width"] or bar["y"] >= legend["y"] + legend["height"]
    screenshot(page, f"saturation-{lang}-shares")


def _hover(page, key: str) -> None:
    """Move the mouse over the middle of a chart and give Plotly time to show its tool bar."""
    box = page.locator(f".st-key-chart_{key} .js-plotly-plot").bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_timeout(400)


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_lesson_gradient_step_stands_by_its_chart_on_the_first_screen(server, page, lang) -> None:
    """Lesson step 4 speaks of per-layer gradient sizes: once the page has brought its bar into
    view, the bar and the whole gradient chart are on the 1280×720 screen together, the bar
    right above the chart (not above the summed-input chart)."""
    from ui.lessons import steps

    k = [s.id for s in steps("saturation")].index("gradient") + 1
    goto(page, f"{server}/saturation?lesson={k}&lang={lang}")
    wait_for_charts(page, 6)
    wait_for_chart(page, "sat_grad")
    page.wait_for_timeout(3000)  # the bar's own scrolls (up to 2.5 s after the step is drawn)
    bar = page.locator(".st-key-lesson_bar").bounding_box()
    grad = page.locator(".st-key-chart_sat_grad").bounding_box()
    preact = page.locator(".st-key-chart_sat_preact").bounding_box()
    assert bar and grad and preact
    assert 0 <= bar["y"] and grad["y"] + grad["height"] <= 720
    assert bar["y"] + bar["height"] <= grad["y"] <= bar["y"] + bar["height"] + 120
    assert preact["y"] + preact["height"] <= bar["y"]
    assert bar["x"] < grad["x"] + grad["width"] and grad["x"] < bar["x"] + bar["width"]
    screenshot(page, f"saturation-{lang}-lesson-gradient")
