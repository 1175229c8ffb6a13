"""Browser: the zig-zag page from a cold-start deep link, its controls, and screenshots."""

from __future__ import annotations

import numpy as np

from core import zigzag as zz
from tests.browser.conftest import (chart_traces, goto, press_slider, screenshot, wait_for_chart,
                                    wait_for_charts, wait_idle)

DEEP = "/zigzag?lang=en&zz_t=12&zz_lr=0.5&zz_seed=3"


def _path(tab, length: int | None = None, panel: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """x, y of the path trace ("path of w") of one panel of the planes chart; with length,
    first wait until the redrawn chart holds a path of that many points."""
    if length is not None:
        wait_for_chart(tab, "zz_planes",
                       f"((tr) => tr.length > {int(panel)} && tr[{int(panel)}].x && "
                       f"tr[{int(panel)}].x.length === {int(length)})"
                       "(d._fullData.filter(t => t.name === 'path of w'))")
    traces = [tr for tr in chart_traces(tab, "zz_planes") if tr["name"] == "path of w"]
    return np.asarray(traces[panel]["x"], float), np.asarray(traces[panel]["y"], float)


def test_cold_deep_link_then_controls(server, page):
    goto(page, server + DEEP)          # the first request to this fresh server
    wait_for_charts(page, 2)
    assert "Zig-zag updates" in page.locator("h1").first.inner_text()
    run = zz.simulate("sigmoid", zz.DEFAULT_W0, zz.DEFAULT_W_STAR, 0.5, zz.DEFAULT_STEPS, seed=3)
    x, y = _path(page, 13)
    assert len(x) == 13                              # w_0 … w_12 from the URL
    np.testing.assert_allclose(x, run.path[:13, 0], atol=1e-5)
    np.testing.assert_allclose(y, run.path[:13, 1], atol=1e-5)
    # the step button moves to t = 13 and the chart follows
    page.get_by_role("button", name="Step ▶").click()
    wait_idle(page)
    page.wait_for_timeout(500)
    x2, _ = _path(page, 14)
    assert len(x2) == 14
    np.testing.assert_allclose(x2[-1], run.path[13, 0], atol=1e-5)
    # the learning-rate slider changes the run
    press_slider(page, "Learning rate", "ArrowRight", 3)
    page.wait_for_timeout(500)
    x3, _ = _path(page, 14)
    assert not np.allclose(x3[: len(x2)], x2[: len(x3)])


def test_screenshots_ko_en(server, page):
    for lang in ("ko", "en"):
        goto(page, server + f"/zigzag?lang={lang}&zz_t=40")
        wait_for_charts(page, 2)
        page.wait_for_timeout(800)
        title = page.locator("h1").first.inner_text()
        assert ("지그재그 가중치 갱신" if lang == "ko" else "Zig-zag updates") in title
        body = page.locator('[data-testid="stMain"]').inner_text()
        assert ("t = 40 단계의 숫자" if lang == "ko" else "Step t = 40 in numbers") in body
        screenshot(page, f"zigzag_{lang}_top")
        page.locator(".js-plotly-plot").first.scroll_into_view_if_needed()
        page.wait_for_timeout(400)
        screenshot(page, f"zigzag_{lang}_planes")
        screenshot(page, f"zigzag_{lang}_full", full_page=True)
    # a mini-batch of 4: the shading opens all four quadrants (core.zigzag.open_quadrants)
    goto(page, server + "/zigzag?lang=en&zz_bs=4&zz_t=7")
    wait_for_charts(page, 2)
    shade = [tr for tr in chart_traces(page, "zz_planes")
             if tr["name"] == "quadrants open to the next step"]
    assert len(shade) == 2 and all(len(tr["x"]) == 17 for tr in shade)
    page.locator(".js-plotly-plot").first.scroll_into_view_if_needed()
    page.wait_for_timeout(400)
    screenshot(page, "zigzag_en_batch4_planes")
    goto(page, server + "/zigzag?lang=ko&classroom=true&zz_t=60")
    wait_for_charts(page, 2)
    page.locator(".js-plotly-plot").first.scroll_into_view_if_needed()
    page.wait_for_timeout(500)
    screenshot(page, "zigzag_ko_classroom_planes")


def test_play_animation_moves_the_current_point(server, page):
    goto(page, server + "/zigzag?lang=en&zz_play=true")
    wait_for_charts(page, 2)
    start = [tr for tr in chart_traces(page, "zz_planes") if tr["name"] == "current w"][0]
    page.locator(".updatemenu-button").first.click()   # plotly.js "▶ Play" (an SVG button)
    page.wait_for_timeout(2500)
    now = [tr for tr in chart_traces(page, "zz_planes") if tr["name"] == "current w"][0]
    assert (now["x"], now["y"]) != (start["x"], start["y"])
    screenshot(page, "zigzag_en_playing")
