"""Browser: your own activation — a shared fx link, typing a formula, a bad formula; ko and en."""

from __future__ import annotations

from urllib.parse import quote

import numpy as np

from core.custom import parse
from tests.browser.conftest import chart_traces, goto, screenshot, wait_for_chart, wait_idle

FX = "x*sigmoid(1.702*x)"
NAME = "f(x) = x·sigmoid(1.702·x)"


def test_cold_start_link_with_a_formula_then_typing_another(server, page):
    # the first request to this fresh server: a teacher's "try this function" link
    goto(page, f"{server}/explorer?lang=en&fx={quote(FX)}")
    wait_for_chart(page, "curves", f"d._fullData.some(t => t.name === {NAME!r})")
    assert page.locator("h1").first.inner_text() == "Activation explorer"
    traces = {t["name"]: t for t in chart_traces(page, "curves")}
    x = np.linspace(-6, 6, 241)
    np.testing.assert_allclose(traces[NAME]["y"], parse(FX).fn(x), atol=1e-5)
    np.testing.assert_allclose(traces[NAME + "′"]["y"], parse(FX).grad(x), atol=1e-5)

    box = page.get_by_role("textbox", name="Your own function f(x) =")
    box.fill("where(x > 0, x, 0.2 * x)")
    box.press("Enter")
    wait_idle(page)
    name = "f(x) = where(x > 0, x, 0.2 · x)"
    wait_for_chart(page, "curves", f"d._fullData.some(t => t.name === {name!r})")
    traces = {t["name"]: t for t in chart_traces(page, "curves")}
    np.testing.assert_allclose(traces[name]["y"], np.where(x > 0, x, 0.2 * x), atol=1e-6)
    assert NAME not in traces
    assert "fx=where" in page.url


def test_overflow_draws_a_gap(server, page):
    goto(page, f"{server}/explorer?lang=en&fx={quote('exp(exp(x))')}")
    name = "f(x) = exp(exp(x))"
    wait_for_chart(page, "curves", f"d._fullData.some(t => t.name === {name!r})")
    y = {t["name"]: t for t in chart_traces(page, "curves")}[name]["y"]
    assert all(v is None or v != v for v in y[-30:])  # nan: plotly leaves a gap
    assert page.get_by_text("left as gaps").count() >= 1


def test_screenshots_formula_and_bad_formula_in_both_languages(server, page):
    for lang in ("ko", "en"):
        goto(page, f"{server}/explorer?lang={lang}&fx={quote(FX)}")
        wait_for_chart(page, "curves", f"d._fullData.some(t => t.name === {NAME!r})")
        screenshot(page, f"custom-explorer-{lang}-1280x720")
        goto(page, f"{server}/explorer?lang={lang}&fx={quote('x + y')}")
        wait_for_chart(page, "curves")
        message = "unknown name 'y'" if lang == "en" else "알 수 없는 이름 'y'"
        assert page.get_by_text(message).count() == 1
        screenshot(page, f"custom-explorer-bad-{lang}-1280x720")
    goto(page, f"{server}/saturation?lang=ko&sat_acts=Sigmoid&sat_acts=f%28x%29&fx={quote(FX)}")
    wait_for_chart(page, "sat_curves", "d._fullData.some(t => t.name === 'f(x)')")
    screenshot(page, "custom-saturation-ko-1280x720")
