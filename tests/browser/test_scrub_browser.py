"""The picture follows the thumb (issue #24): the explorer's parameter is scrubbed in the browser.

A mouse drag on the chart's own range input changes the plot at every move, before the release
and with no message to the server; the curves drawn are core's for the value shown. The release
sends the value once: the URL holds it and a fresh tab on that URL draws the same curves. Arrow
keys move it with the same instant picture and an accessible value text.
"""

from __future__ import annotations

import numpy as np
import pytest

from core.activations import get
from tests.browser.conftest import goto, plot_js, wait_for_chart, wait_idle
from ui.controls.explorer import SPEC
from ui.format import fmt

KEY = "curves"
CONTROL = "p_leaky_relu_negative_slope"
URL = "/explorer?lang=en&f_relu=Leaky%20ReLU"
SCRUB = f'.st-key-chart_{KEY} input.al-scrub[data-control="{CONTROL}"]'

# counts every message the page sends to the server (Streamlit's websocket)
COUNT_SENDS = """(() => { const send = WebSocket.prototype.send;
  window.__alSends = 0; window.__alSendAt = [];
  WebSocket.prototype.send = function (data) {
    window.__alSends += 1; window.__alSendAt.push(performance.now());
    return send.call(this, data); }; })();"""

READ = """() => { const d = %s;
  const pick = (name) => d._fullData.find((t) => t.name === name);  // decoded arrays
  const f = pick('Leaky ReLU'), g = pick('Leaky ReLU′');
  const input = document.querySelector('%s');
  return {value: d.__alScrubValue, index: d.__alScrubIndex, at: d.__alScrubAt || 0,
          x0: f.x0, dx: f.dx, f: Array.from(f.y), g: Array.from(g.y),
          text: input.getAttribute('aria-valuetext'), thumb: +input.value,
          sends: window.__alSends, label: input.getAttribute('aria-label')}; }""" % (
    plot_js(KEY), SCRUB)


def read(tab) -> dict:
    return tab.evaluate(READ)


def assert_core(state: dict, value: float) -> None:
    """The curves drawn are core's f and f′ of Leaky ReLU at value, on the chart's x grid."""
    n = len(state["f"])
    x = np.linspace(round(state["x0"], 9), round(state["x0"] + state["dx"] * (n - 1), 9), n)
    act = get("leaky_relu")
    np.testing.assert_allclose(state["f"], act.fn(x, negative_slope=value).astype(np.float32),
                               atol=1e-6)
    np.testing.assert_allclose(state["g"], act.grad(x, negative_slope=value).astype(np.float32),
                               atol=1e-6)


@pytest.fixture
def counted(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 720}, locale="en-US")
    context.add_init_script(COUNT_SENDS)
    tab = context.new_page()
    yield context, tab
    context.close()


def test_drag_moves_the_picture_before_the_release_without_the_server(server, counted):
    context, tab = counted
    goto(tab, server + URL)
    wait_for_chart(tab, KEY)
    tab.wait_for_selector(SCRUB)
    grid = SPEC[CONTROL].grid()
    start = read(tab)
    assert start["label"] == SPEC[CONTROL].label()
    assert grid[start["thumb"]] == SPEC[CONTROL].default and start["text"] == fmt(0.01)
    box = tab.locator(SCRUB).bounding_box()
    y = box["y"] + box["height"] / 2
    at = lambda i: box["x"] + 8 + (box["width"] - 16) * i / (len(grid) - 1)  # noqa: E731
    tab.mouse.move(at(start["thumb"]), y)
    tab.mouse.down()
    sends = tab.evaluate("window.__alSends")
    seen = []
    for i in (6, 12, 19, 27, 35, 44):
        before = read(tab)["at"]
        tab.mouse.move(at(i), y, steps=2)
        tab.wait_for_function(f"() => ({plot_js(KEY)}).__alScrubAt > {before}", timeout=5_000)
        state = read(tab)
        value = grid[state["index"]]
        assert state["value"] == value and state["thumb"] == state["index"]
        assert state["text"] == fmt(value)
        assert_core(state, value)
        seen.append(value)
    assert len(set(seen)) == len(seen) >= 5, seen  # a new picture at every move
    assert tab.evaluate("window.__alSends") == sends, "a message went to the server mid-drag"
    tab.mouse.up()
    final = seen[-1]
    tab.wait_for_function(f"() => location.search.includes('{CONTROL}={final}')", timeout=15_000)
    wait_idle(tab)
    assert tab.evaluate("window.__alSends") > sends
    assert_core(read(tab), final)
    fresh = context.new_page()
    goto(fresh, tab.url)
    wait_for_chart(fresh, KEY)
    fresh.wait_for_selector(SCRUB)
    again = read(fresh)
    assert grid[again["thumb"]] == final and again["text"] == fmt(final)
    assert_core(again, final)
    assert again["f"] == read(tab)["f"]


def test_keys_move_it_with_the_same_instant_picture(server, counted):
    _, tab = counted
    goto(tab, server + URL + f"&{CONTROL}=0.2")
    wait_for_chart(tab, KEY)
    tab.wait_for_selector(SCRUB)
    grid = SPEC[CONTROL].grid()
    scrub = tab.locator(SCRUB)
    assert scrub.get_attribute("aria-valuetext") == fmt(0.2)
    assert tab.evaluate(f"document.querySelector('{SCRUB}').type") == "range"
    scrub.focus()
    for key, want in (("ArrowRight", 0.21), ("ArrowRight", 0.22), ("ArrowLeft", 0.21),
                      ("End", grid[-1]), ("Home", grid[0])):
        sends = tab.evaluate("window.__alSendAt.length")
        tab.keyboard.press(key)
        state = read(tab)  # in the same task as the key press: no server round trip yet
        assert state["value"] == want and state["text"] == fmt(want)
        assert_core(state, want)
        sent_at = tab.evaluate(f"window.__alSendAt.slice({sends})")
        assert all(state["at"] <= t for t in sent_at)  # drawn before anything was sent
        wait_idle(tab)
    tab.wait_for_function(f"() => location.search.includes('{CONTROL}=0.0') || "
                          f"!location.search.includes('{CONTROL}=')", timeout=15_000)
    assert_core(read(tab), grid[0])
