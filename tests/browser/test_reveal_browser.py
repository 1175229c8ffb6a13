"""Predict, then reveal, in the browser (issue #23): the descent lesson's "where does descent
start to diverge?" step, alone at home, on a laptop (1280×720) and on a phone (390×844). Before
the reveal the learning-rate axis the student taps has no regime band, no 1/L or 2/L line and no
label, in what plotly.js holds (data and layout); the student taps a learning rate and presses
Reveal; then the bands, 2/L, their own tap and the truth are on that chart, and the chart stands
in view (its top inside the screen)."""

from __future__ import annotations

import pytest

from core import descent as d
from tests.browser.conftest import goto, plot_js, screenshot, wait_for_chart, wait_idle
from ui.format import fmt
from ui.i18n import CATALOGUES
from ui.lessons import steps

EN = CATALOGUES["en"]
STEP = next(k for k, s in enumerate(steps("descent"), start=1)
            if s.question is not None and s.question.id == "diverge")
CHART = steps("descent")[STEP - 1].question.chart
UPPER = float(d.stable_band(d.get("course")).upper)   # 2/L, from core
WAIT = 30_000
SIZES = {"laptop": {"width": 1280, "height": 720}, "phone": {"width": 390, "height": 844}}


def held(tab) -> dict:
    """What plotly.js holds for the lr axis: its shapes, annotation texts and traces."""
    return tab.evaluate(
        f"""() => {{ const g = {plot_js(CHART)};
            return {{shapes: (g.layout.shapes || []).map(s => ({{type: s.type, x0: s.x0,
                                                                x1: s.x1}})),
                     notes: (g.layout.annotations || []).map(a => String(a.text)),
                     traces: g.data.map(t => ({{name: t.name || "", meta: t.meta || "",
                                               n: Array.from(t.x || []).length,
                                               x: Array.from(t.x || []).slice(0, 2)}}))}}; }}""")


def tap(tab, lr: float) -> None:
    """Tap the lr axis at lr (plotly.js's own axes give the pixel)."""
    tab.locator(f".st-key-chart_{CHART}").scroll_into_view_if_needed()
    px, py = tab.evaluate(
        f"""(x) => {{ const g = {plot_js(CHART)}, L = g._fullLayout,
                     r = g.getBoundingClientRect();
            return [r.left + L.xaxis._offset + L.xaxis.d2p(x),
                    r.top + L.yaxis._offset + L.yaxis._length * 0.5]; }}""", lr)
    tab.mouse.click(px, py)


@pytest.mark.parametrize("size", list(SIZES))
def test_the_diverge_question_hides_the_bands_until_the_reveal(server, browser, size):
    context = browser.new_context(viewport=SIZES[size], locale="en-US")
    tab = context.new_page()
    try:
        goto(tab, f"{server}/descent?lang=en&lesson={STEP}")
        wait_for_chart(tab, CHART, timeout=60_000)
        before = held(tab)
        assert before["shapes"] == []                            # no band, no 1/L, no 2/L
        assert not any("2/L" in n or "1/L" in n for n in before["notes"])
        assert not any(t["name"] == EN["descent.band.diverges"] for t in before["traces"])
        assert not any(t["meta"] in ("truth", "mine", "answers") for t in before["traces"])
        assert EN["question.hidden"] in tab.inner_text("body")
        screenshot(tab, f"reveal_descent_diverge_{size}_before")
        tap(tab, 0.8)
        tab.wait_for_selector(f"text={EN['flow.saved']}", timeout=WAIT)
        wait_idle(tab)
        tab.evaluate("window.scrollTo(0, 0)")        # the student reads the question up top
        tab.locator(".st-key-reveal button").first.click()
        wait_idle(tab)
        wait_for_chart(tab, CHART, "d.layout.shapes && d.layout.shapes.some("
                                   "s => s.type === 'rect')", timeout=WAIT)
        tab.wait_for_timeout(2600)                   # the reveal's scrolling is done by now
        after = held(tab)
        rects = [s for s in after["shapes"] if s["type"] == "rect"]
        assert len(rects) == 3
        assert any(abs(float(s["x0"]) - UPPER) < 1e-9 for s in rects)   # the diverging band
        assert any(f"2/L = {fmt(UPPER, 4)}" in n for n in after["notes"])
        truth = [t for t in after["traces"] if t["meta"] == "truth"]
        mine = [t for t in after["traces"] if t["meta"] == "mine"]
        assert truth and any(abs(float(x) - UPPER) < 1e-6 for t in truth for x in t["x"])
        assert mine and abs(float(mine[0]["x"][0]) - 0.8) < 0.05
        top, height = tab.evaluate(
            f"""() => [document.querySelector('.st-key-chart_{CHART}')
                        .getBoundingClientRect().top, window.innerHeight]""")
        assert 0 <= top < height, (top, height)
        screenshot(tab, f"reveal_descent_diverge_{size}_after")
    finally:
        context.close()
