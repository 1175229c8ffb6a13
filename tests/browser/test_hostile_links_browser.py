"""A shared link can't track or trick the class: Markdown, HTML and LaTeX carried by a link show
as text in a real browser — no image loads from another host, no link points to one, no script
runs, and no exception box or traceback is shown."""

from __future__ import annotations

import importlib
from urllib.parse import quote, urlencode, urlparse

import pytest

from tests.browser.conftest import goto, screenshot
from ui.nav import available

HOST = "tracker.example"
# each payload and the text that must be visible, as typed, in the page's notices
PAYLOADS = [(f"![i](//{HOST}/t.png)", f"![i](//{HOST}/t.png)"),
            (f"[Session expired: log in](https://{HOST}/login)", "[Session expired: log in]("),
            (f"<img src=//{HOST}/x.png onerror=window.__pwned=1>", f"<img src=//{HOST}/x.png"),
            ("$\\frac{1}{0}$ **bold**", "$\\frac{1}{0}$ **bold**")]
PAGES = [p.id for p in available()]


def hostile_query(page: str, payload: str) -> str:
    """Every text control of the page, and one choice control, set to payload."""
    spec = importlib.import_module(f"ui.controls.{page}").SPEC
    params = {c.key: payload for c in spec if c.kind == "text"}
    choice = next(c for c in spec if c.kind in ("select", "segmented", "radio"))
    params[choice.key] = payload  # a bad option: its notice echoes the payload
    params["lesson"] = payload
    return urlencode(params, quote_via=quote)


def outside_links(tab) -> dict:
    """Images and links in the page that point to another host, and what else went wrong."""
    return tab.evaluate(
        """(host) => ({
            imgs: Array.from(document.querySelectorAll('img'))
                       .map(i => i.getAttribute('src') || '').filter(s => s.includes(host)),
            links: Array.from(document.querySelectorAll('a'))
                        .map(a => a.getAttribute('href') || '').filter(h => h.includes(host)),
            pwned: !!window.__pwned,
            katex: document.querySelectorAll('.katex').length,
            exceptions: document.querySelectorAll('[data-testid="stException"]').length,
            strongBold: Array.from(document.querySelectorAll('strong'))
                             .filter(s => s.textContent === 'bold').length,
        })""", HOST)


@pytest.mark.parametrize("page_id", PAGES)
def test_link_payloads_render_as_text(server, page, page_id):
    requests = []
    page.on("request", lambda r: requests.append(r.url) if urlparse(r.url).hostname == HOST
            else None)
    for i, (payload, visible) in enumerate(PAYLOADS):
        goto(page, f"{server}/{page_id}?lang=en&{hostile_query(page_id, payload)}")
        page.wait_for_timeout(500)
        found = outside_links(page)
        assert found == {"imgs": [], "links": [], "pwned": False, "katex": found["katex"],
                         "exceptions": 0, "strongBold": 0}, (payload, found)
        warnings = page.locator('[data-testid="stAlert"]').all_inner_texts()
        shown = " ".join(warnings).replace("\u2060", "")
        assert visible in shown, (payload, warnings)  # echoed exactly as typed, as text
        if i == 0:
            screenshot(page, f"hostile-{page_id}")
    assert requests == []
