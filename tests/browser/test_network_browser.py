"""Browser: the small-network lab opens from a cold deep link, trains, follows its controls,
and looks right in Korean and English at 1280×720."""

from __future__ import annotations

import numpy as np

from tests.browser.conftest import (chart_traces, goto, plot_js, press_slider, screenshot,
                                    wait_for_charts, wait_idle)

DEEP = ("/network?lang=en&net_data=circles&net_n=100&net_noise=0.05&net_epochs=300"
        "&net_acts=Identity&net_acts=ReLU&net_w1=6")


def scroll_to(tab, text: str) -> None:
    """Scroll so that the heading containing text is at the top of the view."""
    tab.get_by_text(text, exact=False).first.evaluate("e => e.scrollIntoView({block: 'start'})")
    tab.wait_for_timeout(600)


def loss_curves(tab, n: int) -> list[dict]:
    """The n training curves of the main chart (drawn first; the decision maps follow)."""
    return chart_traces(tab, "net_loss")[:n]


def test_cold_deep_link_trains_and_follows_controls(server, page):
    goto(page, server + DEEP)
    wait_for_charts(page, 4)
    assert page.locator("h1").first.inner_text().strip() == "Small-network lab"
    # the main picture (curves with the decision maps) is the first chart on the page
    first = page.evaluate("() => document.querySelector('.js-plotly-plot')"
                          ".closest('[class*=\"st-key-chart_\"]').className")
    assert "st-key-chart_net_loss" in first
    traces = chart_traces(page, "net_loss")
    assert [tr["name"] for tr in traces[:2]] == ["Identity", "ReLU"]
    assert [tr["name"].split(" · ")[0] for tr in traces if " · " in (tr["name"] or "")] == \
        ["Identity", "ReLU"]                          # one decision map per network
    losses = traces[:2]
    assert losses[0]["x"][-1] == 300  # epochs from the URL
    # the non-linear network ends with a smaller loss than the linear one on circles
    assert losses[1]["y"][-1] < losses[0]["y"][-1]
    screenshot(page, "network_en_deeplink")
    before = np.array(losses[1]["y"])
    page.get_by_text("More controls").first.click()   # the number of points is folded
    press_slider(page, "Points", "ArrowRight")
    wait_for_charts(page, 4)
    after = np.array(loss_curves(page, 2)[1]["y"])
    assert "net_n=104" in page.url
    assert before.shape != after.shape or not np.allclose(before, after)


def assert_diagram_fits(tab) -> None:
    """The whole diagram (h₃ included) lies in the 1280×720 view, and no node or edge label
    is cut off by the figure's edge."""
    box = tab.locator(".st-key-chart_net_diagram .js-plotly-plot").bounding_box()
    assert box["y"] > 0 and box["y"] + box["height"] <= 720, box
    inside = tab.evaluate(f"""() => {{ const d = {plot_js('net_diagram')};
        const r = d.querySelector('.main-svg').getBoundingClientRect();
        const parts = Array.from(d.querySelectorAll('.annotation, .textpoint'));
        return parts.length > 0 && parts.map(e => e.getBoundingClientRect())
            .every(b => b.top >= r.top - 1 && b.bottom <= r.bottom + 1
                        && b.left >= r.left - 1 && b.right <= r.right + 1); }}""")
    assert inside


def test_step_through_buttons_advance_the_stage(server, page):
    goto(page, server + "/network?lang=en&net_ex=2-3-1%20ReLU")
    wait_for_charts(page, 4)
    scroll_to(page, "Backpropagation step by step")
    assert_diagram_fits(page)
    assert page.get_by_text("1 · Forward pass").count() >= 1
    assert page.get_by_text("1.67").count() >= 1
    page.get_by_role("button", name="Next").first.click()
    wait_idle(page)
    page.get_by_text("2 · Error").first.wait_for()
    assert "net_pos_relu231=2" in page.url
    scroll_to(page, "Backpropagation step by step")
    assert_diagram_fits(page)
    screenshot(page, "network_en_step_error")
    page.get_by_role("button", name="Next").first.click()
    wait_idle(page)
    page.get_by_text("3 · Deltas").first.wait_for()
    assert page.get_by_text("0.501").count() >= 1  # δ of the first hidden unit, as by hand


def shots(page, server, lang: str) -> None:
    goto(page, f"{server}/network?lang={lang}")
    wait_for_charts(page, 4)
    page.wait_for_timeout(800)
    screenshot(page, f"network_{lang}_top")
    headings = {"en": ("Decision maps", "Which activation at the output",
                       "Backpropagation step by step", "Linear versus"),
                "ko": ("결정 영역", "출력층에는 어떤", "오차역전파 한 단계씩", "선형과 비선형")}[lang]
    for name, text in zip(("maps", "outputs", "step", "linear"), headings):
        scroll_to(page, text)
        screenshot(page, f"network_{lang}_{name}")
    # the output comparison's table and sentences, and the linear section's sentences
    scroll_to(page, "(0,0), (0,1), (1,0), (1,1)")
    screenshot(page, f"network_{lang}_outputs_table")
    scroll_to(page, {"en": "“separates” means", "ko": "“분리한다”"}[lang])
    screenshot(page, f"network_{lang}_linear_text")
    goto(page, f"{server}/network?lang={lang}&net_ex=XOR%202-2-1&net_pos_xor=8")
    wait_for_charts(page, 4)
    scroll_to(page, headings[2])
    screenshot(page, f"network_{lang}_step_xor_update")


def test_screenshots_english(server, page):
    shots(page, server, "en")


def test_screenshots_korean(server, browser):
    context = browser.new_context(viewport={"width": 1280, "height": 720}, locale="ko-KR")
    tab = context.new_page()
    try:
        shots(tab, server, "ko")
        assert tab.locator("h1").first.inner_text().strip() == "작은 신경망 실험실"
    finally:
        context.close()
