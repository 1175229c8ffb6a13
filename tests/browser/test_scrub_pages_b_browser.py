"""The picture follows the thumb on the network lab (the training timeline) and the zig-zag page
(the step t), issue #24: a mouse drag on the chart's own range input changes the plot at every
move, before the release and with no message to the server, and what is drawn is core's for the
value shown (the decision maps of the network stopped at that epoch; the path up to that step);
the release puts the value in the URL."""

from __future__ import annotations

import numpy as np

from core import network as net
from core import zigzag as zz
from tests.browser.conftest import goto, plot_js, wait_for_chart, wait_idle
from tests.browser.test_scrub_browser import counted  # noqa: F401 - the fixture (sends counted)
from ui.figures.network import map_levels
from ui.figures.zigzag import STATIC_TRACES

NET_URL = ("/network?lang=en&net_data=circles&net_n=100&net_noise=0.05&net_epochs=300"
           "&net_acts=Identity&net_acts=ReLU&net_w1=6")
NET_STATE = dict(net_data="circles", net_n=100, net_noise=0.05, net_epochs=300,
                 net_acts=["identity", "relu"], net_w1=6)


def scrub_of(key: str, control: str) -> str:
    return f'.st-key-chart_{key} input.al-scrub[data-control="{control}"]'


READ = """([key, sel]) => { const d = document.querySelector(`.st-key-chart_${key} .js-plotly-plot`);
  const input = document.querySelector(sel);
  const arr = (a) => a == null ? null : Array.from(a, (r) => (r && r.length !== undefined
                                                              && typeof r !== 'string') ? Array.from(r) : r);
  return {value: d.__alScrubValue, index: d.__alScrubIndex, at: d.__alScrubAt || 0,
          thumb: +input.value, n: +input.max + 1, text: input.getAttribute('aria-valuetext'),
          sends: window.__alSends,
          traces: d.data.map((t) => ({type: t.type, meta: t.meta || null, x: arr(t.x),
                                      y: arr(t.y), z: t.type === 'heatmap' ? arr(t.z) : null}))}; }"""


def drag(tab, key: str, control: str, stops, check) -> tuple[list, list[float]]:
    """Press the thumb, move to each index of stops (reading the plot after each move with
    check(state)), release; (values seen, ms from each move to its frame)."""
    sel = scrub_of(key, control)
    tab.wait_for_selector(sel)
    start = tab.evaluate(READ, [key, sel])
    box = tab.locator(sel).bounding_box()
    y = box["y"] + box["height"] / 2
    at = lambda i: box["x"] + 8 + (box["width"] - 16) * i / (start["n"] - 1)  # noqa: E731
    tab.mouse.move(at(start["thumb"]), y)
    tab.mouse.down()
    sends = tab.evaluate("window.__alSends")
    seen, delays = [], []
    for i in stops:
        before = tab.evaluate(f"() => [({plot_js(key)}).__alScrubAt || 0, performance.now()]")
        tab.mouse.move(at(i), y, steps=2)
        tab.wait_for_function(f"() => ({plot_js(key)}).__alScrubAt > {before[0]}",
                              timeout=5_000)
        state = tab.evaluate(READ, [key, sel])
        delays.append(state["at"] - before[1])
        assert state["thumb"] == state["index"]
        check(state)
        seen.append(state["value"])
    assert len(set(seen)) == len(seen) >= 5, seen  # a new picture at every move
    assert tab.evaluate("window.__alSends") == sends, "a message went to the server mid-drag"
    tab.mouse.up()
    tab.wait_for_function(f"() => location.search.includes('{control}={seen[-1]}')",
                          timeout=20_000)
    wait_idle(tab)
    assert tab.evaluate("window.__alSends") > sends
    return seen, delays


def frame_rate(tab, key: str, control: str) -> float:
    """Frames per second of stepping the scrub through every grid point in the page (input
    events on the range input, each applied and painted before the next): a measurement for
    the report, not a timed assertion (the shared test machine's load varies)."""
    return tab.evaluate("""async (sel) => { const input = document.querySelector(sel);
      const n = +input.max + 1, t0 = performance.now();
      for (let i = 0; i < n; i++) {
        input.value = String(i); input.dispatchEvent(new Event('input'));
        await new Promise((r) => requestAnimationFrame(() => r()));
      }
      return n * 1000 / (performance.now() - t0); }""", scrub_of(key, control))


def network_maps():
    """The page's set-up of NET_URL, its data, start networks and grid box (ui.runs)."""
    from ui.controls.network import SPEC
    from ui.runs import network as runs

    plan = runs.plan_compare(SPEC.state(**NET_STATE))
    X, y = runs.dataset(plan.data, plan.n, plan.noise, plan.seed)
    from core import datasets as ds
    return plan, X, y, runs.start_mlps(plan), ds.plot_box(X), runs.GRID


def test_network_timeline_scrubs_the_epoch_with_core_maps(server, counted):
    _, tab = counted
    goto(tab, server + NET_URL)
    wait_for_chart(tab, "net_loss", "d.data.some((t) => t.type === 'heatmap')", timeout=90_000)
    plan, X, y, mlps, box, grid = network_maps()

    def check(state):
        e = int(state["value"])
        maps = [t["z"] for t in state["traces"] if t["type"] == "heatmap"]
        *cursor, line = [t for t in state["traces"] if t["meta"] == "cursor"]
        assert line["x"] == [e, e]                     # the cursor line, moved as a trace
        assert state["text"].startswith(f"epoch {e:,} /")
        for m, z in zip(mlps, maps):
            stopped = net.train(m, X, y, plan.lr, e, plan.mode, plan.loss).mlp if e else m
            want = map_levels(net.output_grid(stopped, *box, grid)[2])
            np.testing.assert_array_equal(np.asarray(z, dtype=np.float32), want)
        assert all(c["x"] == ([e] if e else []) for c in cursor)

    start = tab.evaluate(READ, ["net_loss", scrub_of("net_loss", "net_at")])
    assert start["value"] is None or start["thumb"] == start["n"] - 1  # opens at the last epoch
    n = start["n"]
    seen, delays = drag(tab, "net_loss", "net_at", (n - 8, n - 20, n // 2, n // 3, 7, 2, 0),
                        check)
    assert seen[-1] == 0
    print(f"network: {n} epochs kept, move → frame ms {sorted(delays)}; "
          f"play through all frames: {frame_rate(tab, 'net_loss', 'net_at'):.1f} fps")


def test_zigzag_scrubs_the_step_with_core_paths(server, counted):
    _, tab = counted
    goto(tab, server + "/zigzag?lang=en")
    wait_for_chart(tab, "zz_planes")
    run = zz.simulate("sigmoid", zz.DEFAULT_W0, zz.DEFAULT_W_STAR, zz.DEFAULT_LR,
                      zz.DEFAULT_STEPS)

    def check(state):
        k = int(state["value"])
        assert state["text"] == f"t = {k}"
        path = state["traces"][STATIC_TRACES + 2]      # the left panel's path up to step k
        current = state["traces"][STATIC_TRACES + 4]
        want = run.path[: k + 1].astype(np.float32)
        np.testing.assert_array_equal(np.asarray(path["x"], dtype=np.float32), want[:, 0])
        np.testing.assert_array_equal(np.asarray(path["y"], dtype=np.float32), want[:, 1])
        assert (np.float32(current["x"][0]), np.float32(current["y"][0])) == tuple(want[-1])

    seen, delays = drag(tab, "zz_planes", "zz_t", (30, 24, 17, 11, 6, 3), check)
    assert seen[1:] == [24, 17, 11, 6, 3] and seen[0] > 24  # every step early in the run
    print(f"zigzag: move → frame ms {sorted(delays)}; "
          f"{frame_rate(tab, 'zz_planes', 'zz_t'):.1f} fps")


def test_network_timeline_plays_and_sends_the_epoch_where_it_stops(server, counted):
    """▶ (a button in the scrub bar, reached with Tab, pressed with the keyboard) steps through
    the epochs at most 30 per second with no message to the server; ❚❚ stops it and the epoch
    shown goes to the server (the URL) as after a release."""
    _, tab = counted
    goto(tab, server + NET_URL)
    wait_for_chart(tab, "net_loss", "d.data.some((t) => t.type === 'heatmap')", timeout=90_000)
    sel = scrub_of("net_loss", "net_at")
    play = ".st-key-chart_net_loss button.al-scrub-play"
    assert tab.get_attribute(play, "aria-pressed") == "false"
    assert tab.get_attribute(play, "aria-label") == "▶ " + tab.inner_text(
        ".st-key-chart_net_loss .al-scrub-row label")
    tab.focus(sel)
    tab.keyboard.press("Home")
    tab.wait_for_function("() => location.search.includes('net_at=0')", timeout=20_000)
    wait_idle(tab)
    sends = tab.evaluate("window.__alSends")
    tab.focus(sel)
    tab.keyboard.press("Shift+Tab")      # the button sits before the slider in the tab order
    assert tab.evaluate("document.activeElement.className") == "al-scrub-play"
    t0 = tab.evaluate("performance.now()")
    tab.keyboard.press("Enter")
    tab.wait_for_function(f"() => +document.querySelector('{sel}').value >= 6", timeout=10_000)
    assert tab.get_attribute(play, "aria-pressed") == "true"
    assert tab.evaluate("window.__alSends") == sends          # nothing sent while playing
    tab.keyboard.press("Space")
    state = tab.evaluate(READ, ["net_loss", sel])
    took = tab.evaluate("performance.now()") - t0
    assert state["thumb"] <= took / (1000 / 30) + 1          # at most 30 steps a second
    tab.wait_for_function(f"() => location.search.includes('net_at={state['value']}')",
                          timeout=20_000)
    assert tab.get_attribute(play, "aria-pressed") == "false"
    assert tab.evaluate("window.__alSends") == sends + 1


# the plotted path of a panel as it is on the screen: the centres of its drawn arrows (the
# first point, w₀, has none), turned back into (w₁, w₂) by the panel's axes
PLOTTED = """([t]) => { const d = %s;
  const g = [...d.querySelectorAll('.scatterlayer .trace')]
    .find((e) => e.__data__[0].trace.index === t);
  const L = d._fullLayout, xa = L.xaxis, ya = L.yaxis;
  const arrows = [...g.querySelectorAll('path.point')].filter((p) => p.getAttribute('d') !== 'M0,0Z')
    .map((p) => /translate\\(([-\\d.e]+),([-\\d.e]+)\\)/.exec(p.getAttribute('transform')))
    .map((m) => [xa.p2c(+m[1]), ya.p2c(+m[2])]);
  const entry = d.__alScrubEntries.zz_t;
  return {arrows, direct: !!entry.direct, whole: (entry.scrub.spec.full || []).length,
          perPx: [(xa.range[1] - xa.range[0]) / xa._length, (ya.range[1] - ya.range[0]) / ya._length],
          x: Array.from(d.data[t].x), y: Array.from(d.data[t].y)}; }"""


def test_zigzag_path_is_a_prefix_of_one_whole_path_drawn_in_place(server, counted):
    """The frames name how many points of the whole path (sent once) the step shows; the
    picture moves without plotly.js's redraw, and what is on the screen after a move to step t
    is core's w₀ … w_t: the figure's data exactly and each arrow where w_k is."""
    _, tab = counted
    goto(tab, server + "/zigzag?lang=en")
    wait_for_chart(tab, "zz_planes")
    run = zz.simulate("sigmoid", zz.DEFAULT_W0, zz.DEFAULT_W_STAR, zz.DEFAULT_LR,
                      zz.DEFAULT_STEPS)
    path = STATIC_TRACES + 2
    read = PLOTTED % plot_js("zz_planes")

    def check(state):
        k = int(state["value"])
        got = tab.evaluate(read, [path])
        assert got["whole"] == 8                       # x, y, sizes, colours of both paths
        assert got["direct"], "the frame went through Plotly.update"
        want = run.path[: k + 1].astype(np.float32)
        np.testing.assert_array_equal(np.asarray(got["x"], dtype=np.float32), want[:, 0])
        np.testing.assert_array_equal(np.asarray(got["y"], dtype=np.float32), want[:, 1])
        drawn = np.asarray(got["arrows"])
        assert drawn.shape == (k, 2)                   # one arrow per update w₁ … w_k
        np.testing.assert_allclose(drawn[:, 0], want[1:, 0], atol=0.01 * got["perPx"][0] + 1e-6)
        np.testing.assert_allclose(drawn[:, 1], want[1:, 1], atol=0.01 * abs(got["perPx"][1]) + 1e-6)

    seen, delays = drag(tab, "zz_planes", "zz_t", (30, 24, 17, 11, 6, 3, 9, 40), check)
    assert seen[1:7] == [24, 17, 11, 6, 3, 9]
    print(f"zigzag (prefix): move → frame ms {sorted(delays)}")
