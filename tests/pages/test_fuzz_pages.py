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


WIDGETS = ("slider", "number_input", "selectbox", "radio", "multiselect", "toggle", "text_input",
           "checkbox", "button_group")


@pytest.mark.parametrize("page", [p for p in PAGES if p != "home"])
def test_every_widget_is_declared_in_the_page_spec(page):
    """Every keyed input widget on the page is a control of the page's spec (or the frame's):
    a control added without its declaration fails here."""
    import importlib

    from tests.pages.conftest import run_page
    from ui.controls.shell import SPEC as FRAME

    spec = importlib.import_module(f"ui.controls.{page}").SPEC
    at = run_page(page, locale="en-US")
    keys = {w.key for kind in WIDGETS for w in getattr(at, kind) if w.key}
    assert keys, page
    assert {k for k in keys if k not in spec and k not in FRAME} == set()
