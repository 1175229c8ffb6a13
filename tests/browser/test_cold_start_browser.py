"""Every page opens from a cold start by deep link with its URL values, inside the full app.

For each page a new server is started and the deep link is its very first request — the case in
which Streamlit's legacy multipage mode runs the page file without app.py (see ui/shell.py).
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import free_port, goto, start_server
from ui.i18n import CATALOGUES
from ui.nav import available

PAGES = [p.id for p in available()]
EN = CATALOGUES["en"]


@pytest.fixture
def fresh_server():
    """A server started for this test alone."""
    port = free_port()
    proc = start_server(port)
    yield f"http://127.0.0.1:{port}"
    proc.terminate()
    proc.wait(timeout=10)


@pytest.mark.parametrize("page_id", PAGES)
def test_deep_link_is_the_first_request(page_id, fresh_server, page):
    goto(page, f"{fresh_server}/{page_id}?lang=en&classroom=true")
    assert page.get_by_text("Page not found").count() == 0
    nav = page.locator('[data-testid="stSidebarNav"]')
    for other in ["home"] + PAGES:  # the router's navigation, not the legacy file list
        assert nav.get_by_text(EN[f"nav.{other}"], exact=True).count() == 1
    assert nav.locator('[aria-current="page"]').inner_text().strip().endswith(EN[f"nav.{page_id}"])
    assert page.locator("h1").count() >= 1
    # the URL values were applied: English texts and classroom mode on
    expect(page.get_by_text("Classroom mode", exact=True)).to_have_count(1, timeout=15_000)
    expect(page.locator('[data-testid="stSidebar"] input[type="checkbox"]').first).to_be_checked()
    assert "classroom=true" in page.url and page.url.rstrip("/").split("?")[0].endswith(page_id)
    # every chart the page keyed is drawn by plotly.js (ui.chart), none left as an empty box
    page.wait_for_function("""() => {
        const boxes = document.querySelectorAll('[class*="st-key-chart_"]');
        return boxes.length > 0 && Array.from(boxes).every(
            b => b.querySelector('.js-plotly-plot') && b.querySelector('.js-plotly-plot')._fullLayout);
    }""", timeout=60_000)
    assert page.locator(".al-chart-error").count() == 0
