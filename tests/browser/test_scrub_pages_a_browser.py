"""The picture follows the thumb on the saturation and learning-rate pages (issue #24).

On each page a mouse drag on the main chart's own range input changes the plot at every move,
before the release and with no message to the server; what the plot shows is core's for the
value shown (read back from the page and compared here). The release sends the value once and
the URL then holds it. The helpers (the websocket counter, the tab fixture) are the explorer's
scrub test's.
"""

from __future__ import annotations

import numpy as np
import pytest

from core import descent as d
from core import saturation as sat
from tests.browser.conftest import goto, plot_js, wait_for_chart, wait_idle
from tests.browser.test_scrub_browser import counted  # noqa: F401 - the fixture
from ui.controls.descent import lr_at, lr_text
from ui.format import fmt
from ui.i18n import set_lang
from ui.sentences.descent import badge

READ = """([key, control, traces]) => { const d = %s;
  const input = document.querySelector(
    `.st-key-chart_${key} input.al-scrub[data-control="${control}"]`);
  const pick = (t) => ({x: Array.from(d.data[t].x || []), y: Array.from(d.data[t].y || []),
                        text: d.data[t].text || null});
  return {value: d.__alScrubValue, index: d.__alScrubIndex, at: d.__alScrubAt || 0,
          thumb: +input.value, n: +input.max + 1, text: input.getAttribute('aria-valuetext'),
          sends: window.__alSends, traces: traces.map(pick),
          title: (d.layout.title || {}).text || ''}; }"""


def read(tab, key: str, control: str, traces: list[int]) -> dict:
    return tab.evaluate(READ % plot_js(key).replace("'", '"'), [key, control, traces])


def drag(tab, key: str, control: str, traces: list[int], stops: list[float], check) -> list:
    """Press the scrub's thumb, move to each stop (a share of the track) and check every
    picture before releasing; returns the values seen. No message may leave mid-drag."""
    scrub = tab.locator(f'.st-key-chart_{key} input.al-scrub[data-control="{control}"]')
    box = scrub.bounding_box()
    start = read(tab, key, control, traces)
    at = lambda i: box["x"] + 8 + (box["width"] - 16) * i / (start["n"] - 1)  # noqa: E731
    y = box["y"] + box["height"] / 2
    tab.mouse.move(at(start["thumb"]), y)
    tab.mouse.down()
    sends = tab.evaluate("window.__alSends")
    seen = []
    for share in stops:
        before = read(tab, key, control, traces)["at"]
        tab.mouse.move(at(round(share * (start["n"] - 1))), y, steps=2)
        tab.wait_for_function(f"() => ({plot_js(key)}).__alScrubAt > {before}", timeout=5_000)
        state = read(tab, key, control, traces)
        assert state["thumb"] == state["index"]
        check(state)
        seen.append(state["value"])
    assert len(set(seen)) == len(seen) >= 5, seen  # a new picture at every move
    assert tab.evaluate("window.__alSends") == sends, "a message went to the server mid-drag"
    tab.mouse.up()
    return seen


def test_saturation_probe_scrub_draws_cores_tangent_before_the_release(server, counted):  # noqa: F811
    _, tab = counted
    goto(tab, server + "/saturation?lang=en&sat_acts=Sigmoid&sat_x=0")
    wait_for_chart(tab, "sat_curves")
    # one activation: strips and edges 0-2, t 3-4, curves 5-6, probe lines 7-8, tangent 9,
    # the markers at (x₀, f) 10 and (x₀, f′) 11
    traces = [9, 10, 11]

    def check(state):
        p = sat.probe("sigmoid", state["value"], 0.15 * 8)
        tangent, f, g = state["traces"]
        np.testing.assert_allclose(f["x"] + f["y"] + g["y"], [p.x, p.f, p.grad], rtol=1e-6,
                                   atol=1e-7)
        np.testing.assert_allclose(tangent["y"], p.tangent_y, rtol=1e-6, atol=1e-6)
        assert f["text"] == [f"f = {fmt(p.f)}"] and state["text"] == fmt(p.x)

    seen = drag(tab, "sat_curves", "sat_x", traces, [0.55, 0.6, 0.67, 0.75, 0.85, 0.95], check)
    final = seen[-1]
    tab.wait_for_function(f"() => location.search.includes('sat_x={fmt(final)}')",
                          timeout=15_000)
    wait_idle(tab)
    body = tab.locator('[data-testid="stMain"]').inner_text()
    assert f"At the probe x₀ = {fmt(final)}" in body  # the sentences follow the release


def test_descent_lr_scrub_draws_cores_iterates_and_regime_before_the_release(server, counted):  # noqa: F811
    _, tab = counted
    goto(tab, server + "/descent?lang=en")
    wait_for_chart(tab, "gd_curve")

    def check(state):
        lr = lr_at(state["value"])
        run = d.run("course", "gd", x0=10.0, lr=lr, steps=100, tol=d.DEFAULT_TOL)
        path = state["traces"][0]
        np.testing.assert_allclose(path["x"], run.iterates.astype(np.float32), rtol=1e-6)
        np.testing.assert_allclose(path["y"], run.losses.astype(np.float32), rtol=1e-6)
        set_lang("en")  # the page's language, for the regime's name
        assert state["title"] == badge(run) and state["text"] == f"lr = {lr_text(lr)}"

    seen = drag(tab, "gd_curve", "gd_lrlog", [1], [0.5, 0.6, 0.7, 0.8, 0.9, 0.97], check)
    final = seen[-1]
    # the link holds lr, the one truth (the log slider's position is a view of it)
    lr = lr_text(lr_at(final))
    tab.wait_for_function(f"() => new URLSearchParams(location.search).get('lr') === '{lr}'",
                          timeout=15_000)
    wait_idle(tab)
    body = tab.locator('[data-testid="stMain"]').inner_text()
    assert f"Verdict for lr = {lr}" in body
    assert read(tab, "gd_curve", "gd_lrlog", [1])["text"] == f"lr = {lr}"


def test_saturation_threshold_scrub_keeps_the_zoom_of_the_slope_panel(server, counted):  # noqa: F811
    """The threshold's frames set the f′ panel's range (it follows t); once the user zoomed
    that panel, a scrub of t moves the shading and the line at t and keeps the zoom."""
    _, tab = counted
    goto(tab, server + "/saturation?lang=en")
    wait_for_chart(tab, "sat_curves")
    ranges = f"() => {{ const L = ({plot_js('sat_curves')})._fullLayout; " \
             "return [L.xaxis.range.slice(), L.yaxis2.range.slice()]; }"
    start = tab.evaluate(ranges)
    area = tab.locator(".st-key-chart_sat_curves .nsewdrag[data-subplot='xy2']").first
    area.scroll_into_view_if_needed()
    box = area.bounding_box()
    w, h = box["width"], box["height"]  # a zoom box from 30 %, 20 % to 60 %, 60 % of the panel
    # by the mouse itself: plotly.js covers the page with its drag cover while a drag runs, so
    # a locator's drag_to cannot find the panel for its "up"
    tab.mouse.move(box["x"] + 0.3 * w, box["y"] + 0.2 * h)
    tab.mouse.down()
    tab.mouse.move(box["x"] + 0.6 * w, box["y"] + 0.6 * h, steps=6)
    tab.mouse.up()
    tab.wait_for_timeout(600)
    zoomed = tab.evaluate(ranges)
    assert zoomed[1] != pytest.approx(start[1]), "the drag did not zoom the f′ panel"
    line = """() => Array.from(%s.data[%d].y)"""
    sel = '.st-key-chart_sat_curves input.al-scrub[data-control="sat_t"]'
    n_sets = tab.evaluate(f"() => ({plot_js('sat_curves')}).data.filter((t) => t.type === 'bar').length") // 2
    at_t = line % (plot_js("sat_curves"), 3 * n_sets)   # the line at t across the f′ panel
    for key in ("ArrowRight", "ArrowRight", "ArrowLeft"):
        before = tab.evaluate(f"() => [({plot_js('sat_curves')}).__alScrubAt || 0, ({at_t})()]")
        tab.focus(sel)
        tab.keyboard.press(key)
        tab.wait_for_function(f"() => ({plot_js('sat_curves')}).__alScrubAt > {before[0]}",
                              timeout=5_000)
        wait_idle(tab)
        tab.wait_for_timeout(300)
        assert tab.evaluate(at_t) != before[1]          # the line at t moved
        now = tab.evaluate(ranges)
        assert now[0] == pytest.approx(zoomed[0]) and now[1] == pytest.approx(zoomed[1]), now


EDGES = """() => { const d = %s; const g = [...d.querySelectorAll('.scatterlayer .trace')]
  .find((e) => e.__data__ && e.__data__[0] && e.__data__[0].trace.index === 2);
  return g ? [...g.querySelectorAll('path.js-line')].map((p) => p.getAttribute('d') || '') : null; }"""


def test_saturation_threshold_scrub_draws_edges_that_were_not_there_at_the_start(server, counted):  # noqa: F811
    """Opened at a threshold above max σ′ (σ is saturated everywhere: no edges, so plotly.js
    draws no edge trace at all), the threshold dragged down: from the first value under max σ′
    on, the dotted edges are drawn where core puts them."""
    _, tab = counted
    goto(tab, server + "/saturation?lang=en&sat_acts=Sigmoid&sat_t=0.4")
    wait_for_chart(tab, "sat_curves")
    assert read(tab, "sat_curves", "sat_t", [2])["traces"][0]["x"] == []   # none at t = 0.4
    drawn = []

    def check(state):
        want = [e for ab in sat.saturated_intervals("sigmoid", state["value"], -8.0, 8.0)
                for e in ab if -8.0 < e < 8.0]
        edges = state["traces"][0]
        np.testing.assert_allclose([x for x in edges["x"] if x is not None and x == x][::2], want,
                                   rtol=1e-6, atol=1e-6)
        drawn.append((bool(want), tab.evaluate(EDGES % plot_js("sat_curves"))))

    drag(tab, "sat_curves", "sat_t", [2], [0.7, 0.55, 0.45, 0.3, 0.2, 0.1], check)
    assert drawn[0][0] is False and drawn[-1][0] is True
    for has, paths in drawn:
        if has:   # the edges on screen: a path through both of them
            assert paths and sum(p.count("M") for p in paths) == 2, paths
