"""A chart takes an answer (issue #23, ui.chart.Capture): a tap comes back to Python in data
coordinates (within a pixel's worth), a stroke as at most 64 points with x increasing, and the
student's own answer is drawn on their chart at once. Runs tests/browser/capture_app.py.

Also, on tests/browser/scrub_app.py: a value the server sets (a lesson step, follow-the-teacher)
moves a chart's scrub thumb and picture, but never while the user drags it."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import numpy as np
import pytest

from tests.browser.conftest import ROOT, free_port, plot_js, wait_for_chart, wait_idle

APP = Path(__file__).with_name("capture_app.py")
GD = plot_js("answer")


@pytest.fixture(scope="module")
def capture_server(tmp_path_factory):
    """The capture app beside a link to the app's static/ folder (Streamlit serves the folder
    next to the script it runs), run from the repository root (its config and packages)."""
    here = tmp_path_factory.mktemp("capture")
    shutil.copy(APP, here / "capture_app.py")
    (here / "static").symlink_to(ROOT / "static", target_is_directory=True)
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "streamlit", "run", str(here / "capture_app.py"),
                             "--server.port", str(port), "--server.address", "127.0.0.1"],
                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(url + "/_stcore/health", timeout=2):
                break
        except OSError:
            time.sleep(0.2)
    yield url
    proc.terminate()
    proc.wait(timeout=10)


def written(tab) -> dict | None:
    return json.loads(tab.locator('[data-testid="stCode"]').last.inner_text())


def pixel(tab, x: float, y: float) -> tuple[float, float]:
    """The page pixel of data point (x, y) on the chart (plotly's own axes)."""
    return tuple(tab.evaluate(f"""([x, y]) => {{ const d = {GD}, L = d._fullLayout;
        const b = d.getBoundingClientRect();
        return [b.left + L.xaxis._offset + L.xaxis.d2p(x), b.top + L.yaxis._offset + L.yaxis.d2p(y)]; }}""",
                              [x, y]))


def per_pixel(tab) -> tuple[float, float]:
    return tuple(tab.evaluate(f"""() => {{ const L = {GD}._fullLayout;
        return [8 / L.xaxis._length, 4 / L.yaxis._length]; }}"""))


def open_app(browser, server: str, mode: str, touch: bool = False):
    context = browser.new_context(viewport={"width": 390 if touch else 1280,
                                            "height": 844 if touch else 720},
                                  has_touch=touch, is_mobile=touch, locale="en-US")
    tab = context.new_page()
    tab.goto(f"{server}/?mode={mode}")
    wait_idle(tab)
    wait_for_chart(tab, "answer")
    return context, tab


def test_a_tap_comes_back_in_data_coordinates(capture_server, browser):
    context, tab = open_app(browser, capture_server, "tap")
    try:
        assert written(tab) is None
        assert tab.locator(".al-capture-hint").inner_text() == "Answer on the chart"
        left = tab.evaluate(f"() => {GD}.getBoundingClientRect().left + 5")
        tab.mouse.click(left, pixel(tab, 0, 0)[1])  # outside the plot area: no answer
        tab.wait_for_timeout(600)
        assert written(tab) is None
        px, py = pixel(tab, 1.5, 0.5)
        tab.mouse.click(px, py)
        tab.wait_for_function("() => document.querySelector('[data-testid=\"stCode\"]')"
                              ".innerText.includes('q-tap')", timeout=15_000)
        got = written(tab)
        dx, dy = per_pixel(tab)
        assert got["question"] == "q-tap"
        assert abs(got["x"] - 1.5) <= dx and abs(got["y"] - 0.5) <= dy
        mine = tab.evaluate(f"() => {GD}.data.filter(t => t.meta === 'mine')"
                            ".map(t => [Array.from(t.x), Array.from(t.y)])")
        assert len(mine) == 1 and mine[0] == [[got["x"]], [got["y"]]]
    finally:
        context.close()


def test_a_stroke_comes_back_as_at_most_64_points_with_x_increasing(capture_server, browser):
    context, tab = open_app(browser, capture_server, "sketch")
    try:
        xs = np.linspace(-3, 3, 40)
        x0, y0 = pixel(tab, -3, -1.5)
        x1, y1 = pixel(tab, 3, 1.5)  # linear axes: the stroke's pixels lie on a line
        tab.mouse.move(x0, y0)
        tab.mouse.down()
        for x in xs[1:]:
            f = (x + 3) / 6
            tab.mouse.move(x0 + (x1 - x0) * f, y0 + (y1 - y0) * f)
        tab.mouse.up()
        tab.wait_for_function("() => document.querySelector('[data-testid=\"stCode\"]')"
                              ".innerText.includes('q-sketch')", timeout=15_000)
        got = np.array(written(tab)["points"])
        assert 2 <= len(got) <= 64
        assert np.all(np.diff(got[:, 0]) > 0)
        dx, dy = per_pixel(tab)
        assert got[0, 0] == pytest.approx(-3, abs=dx) and got[-1, 0] == pytest.approx(3, abs=dx)
        np.testing.assert_allclose(got[:, 1], 0.5 * got[:, 0], atol=2 * dy)
    finally:
        context.close()


def test_a_finger_tap_answers_and_does_not_scroll(capture_server, browser):
    context, tab = open_app(browser, capture_server, "tap", touch=True)
    try:
        assert tab.evaluate(f"() => getComputedStyle({GD}).touchAction") == "none"
        tab.locator(f".st-key-chart_answer .js-plotly-plot").scroll_into_view_if_needed()
        px, py = pixel(tab, -1.0, -0.5)
        before = tab.evaluate("() => document.scrollingElement.scrollTop")
        tab.touchscreen.tap(px, py)
        tab.wait_for_function("() => document.querySelector('[data-testid=\"stCode\"]')"
                              ".innerText.includes('q-tap')", timeout=15_000)
        got = written(tab)
        dx, dy = per_pixel(tab)
        assert abs(got["x"] + 1.0) <= dx and abs(got["y"] + 0.5) <= dy
        assert tab.evaluate("() => document.scrollingElement.scrollTop") == before
    finally:
        context.close()


# ----------------------------------------------------------------------------- a server's value

SCRUB_APP = Path(__file__).with_name("scrub_app.py")
LINE = plot_js("line")


@pytest.fixture(scope="module")
def scrub_server(tmp_path_factory):
    here = tmp_path_factory.mktemp("scrub")
    shutil.copy(SCRUB_APP, here / "scrub_app.py")
    (here / "static").symlink_to(ROOT / "static", target_is_directory=True)
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "streamlit", "run", str(here / "scrub_app.py"),
                             "--server.port", str(port), "--server.address", "127.0.0.1"],
                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(url + "/_stcore/health", timeout=2):
                break
        except OSError:
            time.sleep(0.2)
    yield url
    proc.terminate()
    proc.wait(timeout=10)


def line_state(tab) -> dict:
    return tab.evaluate(f"""() => {{ const d = {LINE}, i = document.querySelector('input.al-scrub');
        return {{y: Array.from(d._fullData[0].y), text: i.getAttribute('aria-valuetext'),
                 value: +i.value, code: document.querySelector('[data-testid="stCode"]').innerText}}; }}""")


def test_a_server_value_moves_the_thumb_but_never_fights_a_drag(scrub_server, browser):
    context = browser.new_context(viewport={"width": 1280, "height": 720}, locale="en-US")
    tab = context.new_page()
    try:
        tab.goto(scrub_server + "/?slope=0.8")
        wait_idle(tab)
        wait_for_chart(tab, "line")
        x = np.linspace(-1, 1, 21)
        start = line_state(tab)
        assert start["text"] == "0.8" and "slope=0.8" in start["code"]
        np.testing.assert_allclose(start["y"], 0.8 * x, atol=1e-6)
        tab.get_by_role("button", name="Server sets 0.3").click()  # a lesson step, a teacher
        tab.wait_for_function("() => document.querySelector('input.al-scrub')"
                              ".getAttribute('aria-valuetext') === '0.3'", timeout=15_000)
        wait_idle(tab)
        moved = line_state(tab)
        np.testing.assert_allclose(moved["y"], 0.3 * x, atol=1e-6)
        assert "slope=0.3" in tab.url
        # a drag in progress: the server's value arrives, the thumb and picture stay the user's
        box = tab.locator("input.al-scrub").bounding_box()
        y = box["y"] + box["height"] / 2
        at = lambda i: box["x"] + 8 + (box["width"] - 16) * i / 10  # noqa: E731
        tab.mouse.move(at(3), y)
        tab.mouse.down()
        tab.mouse.move(at(9), y, steps=3)
        dragged = line_state(tab)
        assert dragged["value"] == 9
        tab.evaluate("() => { window.__alServerSet = true; }")
        tab.locator(".st-key-server button").evaluate("(b) => b.click()")
        tab.wait_for_timeout(1500)
        during = line_state(tab)
        assert during["value"] == 9 and during["text"] == "0.9"
        np.testing.assert_allclose(during["y"], 0.9 * x, atol=1e-6)
        tab.mouse.up()
        tab.wait_for_function("() => location.search.includes('slope=0.9')", timeout=15_000)
        wait_idle(tab)
        final = line_state(tab)
        assert final["text"] == "0.9" and "slope=0.9" in final["code"]
    finally:
        context.close()
