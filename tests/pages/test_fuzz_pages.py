"""Fuzzing every page's URL state through AppTest: no exception, finite charts, visible notices.

A fast subset runs in the suite (FUZZ_EXAMPLES per page, default 12; CI 25). For the full run:
    FUZZ_EXAMPLES=400 python -m pytest tests/pages/test_fuzz_pages.py
"""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, given, settings

from tests.pages.fuzzing import check_page, discover, query_strategy
from ui.nav import available

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "25" if os.environ.get("CI") else "12"))
PAGES = ["home"] + [p.id for p in available()]


@pytest.mark.parametrize("page", PAGES)
def test_random_urls_never_crash(page):
    specs = discover(page)

    @settings(max_examples=EXAMPLES, deadline=None, derandomize=True,
              suppress_health_check=list(HealthCheck))
    @given(query_strategy(specs))
    def run(query):
        check_page(page, specs, query)

    run()


@pytest.mark.parametrize("page", PAGES)
def test_every_widget_is_in_the_url(page):
    """Every keyed widget on the page is discoverable (and so bound to the URL)."""
    specs = discover(page)
    assert len({s.key for s in specs}) == len(specs)
