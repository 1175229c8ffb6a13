"""Charts update in place (issue #11): zoom, hidden curves and the DOM node survive a control change.

Every chart goes through ui.chart: one plotly.js div per chart key, redrawn with Plotly.react under
a layout.uirevision that stays the same while only parameters change.
"""

from __future__ import annotations

import pytest

from tests.browser.conftest import goto, plot_js, wait_for_chart, wait_idle
from ui.i18n import CATALOGUES

# page, URL, main chart key, label of its main slider
MAIN = [
    ("explorer", "/explorer?lang=en&f_relu=ReLU&f_relu=Leaky%20ReLU&f_sigmoid=Sigmoid",
     "curves", "negative_slope"),
    ("saturation", "/saturation?lang=en", "sat_curves", "Probe x₀"),
    ("zigzag", "/zigzag?lang=en&zz_t=40", "zz_planes", "Current step t"),
    ("descent", "/descent?lang=en", "gd_curve", "Learning rate on a log scale"),
    ("network", "/network?lang=en&net_ex=XOR%202-2-1", "net_diagram", "Stage"),
]

STATE = """(key) => { const d = document.querySelector('.st-key-chart_' + key + ' .js-plotly-plot');
  const L = d._fullLayout;
  const axes = Object.keys(L).filter(k => /^[xy]axis\\d*$/.test(k)).sort();
  let sum = 0, n = 0;
  for (const t of d._fullData) for (const a of [t.x, t.y, t.z]) if (a) for (const v of a) {
    const f = Array.isArray(v) ? v.reduce((p, q) => p + (+q || 0), 0) : +v;
    if (isFinite(f)) { sum += f * (++n % 7 + 1); } }
  const text = JSON.stringify(d._fullData.map(t => t.text)) +
               JSON.stringify((d.layout.annotations || []).map(a => a.text));
  return {ranges: axes.map(k => [k, L[k].range.slice()]), data: sum + ':' + n + ':' + text,
          visible: d._fullData.map(t => t.visible), same: d === window.__chartNode,
          renders: d.__alRenders || 0}; }"""


# a Streamlit slider, or a scrub slider that belongs to a chart (ui.chart.Scrub)
SLIDERS = '[data-testid="stSlider"], .al-scrub-row'


def reveal(tab, label: str):
    """The slider labelled `label`, its expander opened if it is folded away."""
    slider = tab.locator(SLIDERS, has_text=label).first
    if not slider.is_visible():
        tab.locator('[data-testid="stExpander"]', has=slider).first.locator("summary").click()
        tab.wait_for_timeout(400)
    slider.scroll_into_view_if_needed()
    return slider


def remember_node(tab, key: str) -> None:
    """Keep a reference to the chart's div, to check later that it is the same object."""
    tab.evaluate(f"window.__chartNode = {plot_js(key)}")


def drag_zoom(tab, key: str) -> None:
    """Zoom with the mouse: drag a box over the middle of the chart's first subplot."""
    area = tab.locator(f".st-key-chart_{key} .js-plotly-plot .nsewdrag").first
    area.scroll_into_view_if_needed()
    box = area.bounding_box()
    x0, y0 = box["x"] + box["width"] * 0.3, box["y"] + box["height"] * 0.3
    tab.mouse.move(x0, y0)
    tab.mouse.down()
    tab.mouse.move(x0 + box["width"] * 0.35, y0 + box["height"] * 0.35, steps=10)
    tab.mouse.up()
    tab.wait_for_timeout(600)


def move_and_wait(tab, key: str, label: str, before: dict) -> dict:
    """Press → on the slider, wait until the chart's data differs from `before`, return the state."""
    slider = reveal(tab, label)
    slider.locator('input[type="range"]').first.focus()
    tab.keyboard.press("ArrowRight")
    tab.wait_for_timeout(300)
    wait_idle(tab)
    tab.wait_for_function(f"(prev) => {{ try {{ return ({STATE})('{key}').data !== prev; }} "
                          f"catch (e) {{ return false; }} }}", arg=before["data"], timeout=30_000)
    wait_idle(tab)
    return tab.evaluate(STATE, key)


@pytest.mark.parametrize("page_id,url,key,label", MAIN, ids=[m[0] for m in MAIN])
def test_zoom_survives_a_control_change(server, page, page_id, url, key, label):
    goto(page, server + url)
    wait_for_chart(page, key)
    reveal(page, label)
    start = page.evaluate(STATE, key)
    drag_zoom(page, key)
    zoomed = page.evaluate(STATE, key)
    assert zoomed["ranges"] != start["ranges"], "the drag did not zoom"
    remember_node(page, key)
    after = move_and_wait(page, key, label, zoomed)
    assert after["data"] != zoomed["data"]
    assert after["same"], "the chart was rebuilt: a new DOM node"
    scrubbed = page.locator(".al-scrub-row", has_text=label).count() > 0
    # a scrub shows the new picture from its frames (no new document from the server)
    assert after["renders"] > zoomed["renders"] or scrubbed
    for (name, want), (name2, got) in zip(zoomed["ranges"], after["ranges"]):
        assert name == name2
        assert got == pytest.approx(want), f"{page_id}: {name} zoom lost"


LEGEND = [m for m in MAIN if m[0] != "network"]  # the network diagram has no legend


@pytest.mark.parametrize("page_id,url,key,label", LEGEND, ids=[m[0] for m in LEGEND])
def test_hidden_trace_stays_hidden(server, page, page_id, url, key, label):
    goto(page, server + url)
    wait_for_chart(page, key)
    entry = page.locator(f".st-key-chart_{key} .js-plotly-plot .legend .traces").first
    entry.scroll_into_view_if_needed()
    entry.click(force=True)
    page.wait_for_timeout(500)
    hidden = page.evaluate(STATE, key)
    assert "legendonly" in hidden["visible"]
    remember_node(page, key)
    after = move_and_wait(page, key, label, hidden)
    assert after["same"]
    assert after["visible"] == hidden["visible"]


def test_png_export_downloads_a_named_file(server, page):
    goto(page, server + "/descent?lang=en&lr=0.5")
    wait_for_chart(page, "gd_curve")
    chart = page.locator(".st-key-chart_gd_curve .js-plotly-plot")
    chart.hover()
    with page.expect_download(timeout=30_000) as info:
        chart.locator('.modebar-btn[data-title^="Download plot"]').first.click()
    name = info.value.suggested_filename
    assert name.startswith("activation-lab_descent_gd_curve") and name.endswith(".png")
    assert "lr-0.5" in name
    path = info.value.path()
    assert path and open(path, "rb").read(8) == b"\x89PNG\r\n\x1a\n"


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_missing_plotly_js_shows_a_message(server, browser, lang):
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    tab = context.new_page()
    tab.route("**/app/static/plotly-*.min.js", lambda route: route.abort())
    try:
        goto(tab, f"{server}/descent?lang={lang}")
        box = tab.locator(".st-key-chart_gd_curve .al-chart-error")
        box.wait_for(timeout=30_000)
        assert box.inner_text().strip() == CATALOGUES[lang]["common.chart_unavailable"]
        assert tab.locator(".st-key-chart_gd_curve .js-plotly-plot").count() == 0
    finally:
        context.close()


def test_plotly_js_is_loaded_once_per_tab(server, page):
    requests = []
    page.on("request", lambda r: "plotly-" in r.url and requests.append(r.url))
    goto(page, server + "/saturation?lang=en")
    page.wait_for_function("document.querySelectorAll('.js-plotly-plot').length >= 3",
                           timeout=60_000)
    assert len(requests) == 1 and requests[0].endswith(".min.js")
