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
    # the learning-rate slider changes the run, in the planes and in the comparison below them
    # (the slider sits in the planes' fragment, which reruns the whole page for a new set-up)
    dist = chart_traces(page, "zz_dist")[0]["y"]
    press_slider(page, "Learning rate", "ArrowRight", 3)
    page.wait_for_timeout(500)
    x3, _ = _path(page, 14)
    assert not np.allclose(x3[: len(x2)], x2[: len(x3)])
    wait_for_chart(page, "zz_dist", f"d._fullData[0].y.length !== {len(dist)} || "
                                    f"d._fullData[0].y[1] !== {dist[1]}")
    faster = zz.simulate("sigmoid", zz.DEFAULT_W0, zz.DEFAULT_W_STAR, 0.53, zz.DEFAULT_STEPS,
                         seed=3)
    assert "zz_lr=0.53" in page.url
    np.testing.assert_allclose(chart_traces(page, "zz_dist")[0]["y"][:5],
                               zz.distances(faster)[:5], rtol=1e-5)


def test_screenshots_ko_en(server, page):
    for lang in ("ko", "en"):
        goto(page, server + f"/zigzag?lang={lang}&zz_t=40")
        wait_for_charts(page, 2)
        page.wait_for_timeout(800)
        title = page.locator("h1").first.inner_text()
        assert ("지그재그 갱신" if lang == "ko" else "Zig-zag updates") in title
        body = page.locator('[data-testid="stMain"]').inner_text()
        assert ("걸음 t = 40: 숫자로 보기" if lang == "ko" else "Step t = 40 in numbers") in body
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
    for lang in ("ko", "en"):       # the opening views (issue #12): classroom and a phone
        goto(page, server + f"/zigzag?lang={lang}&classroom=true")
        wait_for_charts(page, 2)
        page.wait_for_timeout(500)
        screenshot(page, f"zigzag_{lang}_classroom_top")
    page.set_viewport_size({"width": 390, "height": 844})
    for lang in ("ko", "en"):
        goto(page, server + f"/zigzag?lang={lang}")
        wait_for_charts(page, 2)
        page.wait_for_timeout(500)
        screenshot(page, f"zigzag_{lang}_phone_top")
        screenshot(page, f"zigzag_{lang}_phone_full", full_page=True)
    page.set_viewport_size({"width": 1280, "height": 720})


def test_opens_with_the_whole_zigzag_and_play_starts_from_step_zero(server, page):
    run = zz.simulate("sigmoid", zz.DEFAULT_W0, zz.DEFAULT_W_STAR, zz.DEFAULT_LR,
                      zz.DEFAULT_STEPS)
    reach = zz.summarize(run, zz.DEFAULT_EPS).steps_to_reach
    goto(page, server + "/zigzag?lang=en")
    wait_for_charts(page, 2)
    x, y = _path(page, reach + 1)       # no zz_t in the link: the path up to the reach step
    np.testing.assert_allclose(x, run.path[: reach + 1, 0], atol=1e-5)
    np.testing.assert_allclose(y, run.path[: reach + 1, 1], atol=1e-5)
    # the planes stand on the first screen, beside their controls
    box = page.locator(".st-key-chart_zz_planes .js-plotly-plot").bounding_box()
    assert box["y"] < 720 * 0.3 and box["y"] + box["height"] > 600
    # Play (switched on) animates from step 0 while the chart first shows the reach step
    goto(page, server + "/zigzag?lang=en&zz_play=true")
    wait_for_charts(page, 2)
    x, _ = _path(page, reach + 1)
    start = [tr for tr in chart_traces(page, "zz_planes") if tr["name"] == "current w"][0]
    page.locator(".updatemenu-button").first.click()   # plotly.js "▶ Play" (an SVG button)
    # the path is redrawn from w₀ on: it soon holds fewer points than the opening view
    wait_for_chart(page, "zz_planes", f"d._fullData.filter(t => t.name === 'path of w')[0]"
                                      f".x.length < {reach + 1}")
    page.wait_for_timeout(1500)
    now = [tr for tr in chart_traces(page, "zz_planes") if tr["name"] == "current w"][0]
    assert (now["x"], now["y"]) != (start["x"], start["y"])
    screenshot(page, "zigzag_en_playing")


def test_an_explicit_step_zero_link_opens_step_zero(server, page):
    goto(page, server + "/zigzag?lang=en&zz_t=0")
    wait_for_charts(page, 2)
    x, y = _path(page, 1)
    np.testing.assert_allclose([x[0], y[0]], zz.DEFAULT_W0, atol=1e-6)
    assert "Step t = 0 in numbers" in page.locator('[data-testid="stMain"]').inner_text()


def test_the_legend_is_on_the_first_projector_screen(server, page):
    # issue #22: on a 1280×720 projector the legend stood under the panels and was cut off; it
    # now stands on top of the planes (under the lesson bar when a lesson runs)
    for query, name in (("classroom=true&lang=ko&lesson=1", "lesson1"),
                        ("classroom=true&lang=ko", "open"), ("classroom=true&lang=en", "open_en")):
        goto(page, server + f"/zigzag?{query}")
        wait_for_charts(page, 2)
        page.wait_for_timeout(800)
        chart = page.locator(".st-key-chart_zz_planes .js-plotly-plot").first.bounding_box()
        legend = page.locator(".st-key-chart_zz_planes g.legend").first.bounding_box()
        assert legend is not None and 0 <= legend["y"] < legend["y"] + legend["height"] <= 720
        # above the panels: the legend ends before the first panel's plot area begins
        plot = page.locator(".st-key-chart_zz_planes .nsewdrag").first.bounding_box()
        assert legend["y"] + legend["height"] <= plot["y"]
        if "lesson" not in query:     # the whole chart, axes and all, on the first screen
            assert chart["y"] + chart["height"] <= 720, chart
        screenshot(page, f"zigzag_classroom_legend_{name}")
