"""A follower sent to another page is asked for it by the hash st.navigation knows it by
(ui.internals.page_hash): a hash of the pages/ folder's own scripts is resolved by the page's
name alone, and a fragment's rerun that repeats it without the name ran the home page (found by
bench/follow.py: half of 30 followers ran the home page after a lesson step)."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from ui import internals
from ui.nav import HOME, PAGES, declared_path


def _router_hashes() -> None:
    """The app's pages as shell.main declares them (callables here: the hash depends on the
    url path only); each one's address path → the hash the router knows it by."""
    import streamlit as st

    from ui.nav import HOME, PAGES

    def page() -> None:
        pass

    pages = [st.Page(page, title=HOME.id, url_path=HOME.url_path, default=True)]
    pages += [st.Page(page, title=p.id, url_path=p.url_path) for p in PAGES]
    st.session_state["hashes"] = {p.url_path: p._script_hash for p in pages}  # noqa: SLF001


def test_the_hash_a_navigation_asks_for_is_the_one_the_router_knows():
    at = AppTest.from_function(_router_hashes)
    at.run()
    hashes = at.session_state["hashes"]
    assert set(hashes) == {"", *(p.url_path for p in PAGES)}   # the home page shows ""
    for shown, known in hashes.items():
        assert internals.page_hash(declared_path(shown)) == known, shown
    assert declared_path("") == HOME.url_path
