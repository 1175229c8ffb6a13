"""The view a class shares: the page and its URL parameters without the per-viewer keys."""

from __future__ import annotations

from urllib.parse import urlencode

import streamlit as st

from ui import internals
from ui.classroom.state import PER_VIEWER


def current_page() -> str:
    """The url path of the page this run shows ("" for the home page)."""
    return internals.page_path()


def current_view() -> dict:
    """The view to share: page and URL parameters, without the per-viewer keys."""
    params = {k: st.query_params.get_all(k) for k in sorted(st.query_params)
              if k not in PER_VIEWER}
    return {"page": current_page(), "params": params}


def same(view: dict | None) -> bool:
    """Whether this session shows view now."""
    return view == current_view()


def query_of(view: dict, own: bool = False) -> str:
    """The query string of a view's parameters (with this viewer's own per-viewer keys)."""
    query = [(k, v) for k, vs in view.get("params", {}).items() for v in vs]
    if own:
        query += [(k, v) for k in PER_VIEWER for v in st.query_params.get_all(k)]
    return urlencode(query)


def view_url(base: str, view: dict, extra: dict | None = None) -> str:
    """The address of a view: base (scheme://host[/prefix]) / page ? parameters."""
    query = [(k, v) for k, vs in view["params"].items() for v in vs]
    query += list((extra or {}).items())
    page = view["page"].strip("/")
    return f"{base.rstrip('/')}/{page}" + (f"?{urlencode(query)}" if query else "")


def base_url() -> str:
    """scheme://host[/prefix] of the app as the viewer's browser reaches it."""
    url = getattr(st.context, "url", None)
    if url:
        page = current_page()
        url = url.split("?", 1)[0].rstrip("/")
        if page and url.endswith("/" + page):
            url = url[: -len(page) - 1]
        return url
    host = (st.context.headers or {}).get("Host", "localhost:8501")
    return f"http://{host}"
