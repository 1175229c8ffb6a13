"""The view a class shares: the page and its URL parameters without the per-viewer keys.

Where the page declares its controls (``ui/controls/<page>.py``), the values of its shared
controls are read from this session's widget state through the spec, not from the query string:
the browser's address can lag behind (or miss) a change the widget made, and the class must get
the change anyway. A control at its default is left out of the view, as the URL leaves it out.
"""

from __future__ import annotations

import importlib
from typing import Any
from urllib.parse import urlencode

import streamlit as st

from ui import internals
from ui.classroom.state import HERE, PER_VIEWER


def current_page() -> str:
    """The url path of the page this run shows ("" for the home page). At the top of the
    frame the router has not resolved it yet: then the page this session ran last (or was
    sent to by a follow)."""
    path = internals.known_page_path()
    if path is None:
        return str(st.session_state.get(HERE, ""))
    return path


def remember_page(page: str | None = None) -> None:
    """The page this session shows (end of a run), or is being sent to (a follow)."""
    st.session_state[HERE] = current_page() if page is None else page


def spec_of(page: str) -> Any:
    """The control spec of a page (``SPEC`` of ui/controls/<page>.py), None if it has none."""
    if not page or not page.isidentifier() or page == "shell":
        return None
    try:
        module = importlib.import_module(f"ui.controls.{page}")
    except ImportError:
        return None
    return getattr(module, "SPEC", None)


def _query_params() -> dict[str, list[str]]:
    return {k: st.query_params.get_all(k) for k in sorted(st.query_params)
            if k not in PER_VIEWER}


def _widget_value(control: Any) -> Any:
    """The value this session holds for a control (its widget state, else the URL's), or
    None when it holds none the control can take."""
    if control.key in st.session_state:
        value = st.session_state[control.key]
    elif control.key in st.query_params:
        try:
            value = control.from_url(st.query_params.get_all(control.key))
        except ValueError:
            return None
    else:
        return None
    value = list(value) if isinstance(value, tuple) else value
    if control.kind == "range" and isinstance(value, list):
        value = tuple(value)
    return value if control.valid(value) else None


def spec_params(spec: Any, params: dict[str, list[str]]) -> dict[str, list[str]]:
    """params with every shared control of spec spelled from this session's values (left out
    at its default)."""
    params = dict(params)
    for control in spec.shared():
        params.pop(control.key, None)
        value = _widget_value(control)
        if value is None:
            continue
        if control.dynamic or control.session_value(value) != control.session_value(
                control.default):
            params[control.key] = control.to_url(value)
    return params


def _lesson_step(page: str) -> list[str] | None:
    """The lesson step whose values this session holds (what ui.lesson wrote last), as the
    URL spells it: the query string of a fragment rerun can be older than the step."""
    from ui import lesson

    applied = lesson.applied()  # (page, step) written
    if applied is not None and applied[0] == page:
        return [str(applied[1])]
    return None


def current_view() -> dict:
    """The view to share: page and parameters, without the per-viewer keys (the page's
    controls and lesson step from this session's state, see the module docstring)."""
    page = current_page()
    params = _query_params()
    spec = spec_of(page)
    if spec is not None:
        params = spec_params(spec, params)
        params.pop("lesson", None)
        step = _lesson_step(page)
        if step:
            params["lesson"] = step
    return {"page": page, "params": dict(sorted(params.items()))}


def address_differs() -> bool:
    """Whether the browser's address (this session's query string) says another view than
    current_view (a change the address missed)."""
    page = current_page()
    spec = spec_of(page)
    if spec is None:
        return False
    params = _query_params()
    if params.get("lesson") != _lesson_step(page):
        return True
    asked = spec.from_query(params)
    for control in spec.shared():
        value = _widget_value(control)
        if value is not None and control.session_value(value) != asked.get(control.key):
            return True
    return False


def correct_address() -> bool:
    """If the browser's address says another view than this session's (address_differs), send
    it the address of current_view: the session's view is the truth, the address a copy.
    Whether it was sent."""
    if not address_differs():
        return False
    internals.send_address(query_of(current_view(), own=True))
    return True


def write_state(view: dict) -> bool:
    """Follower, top of a full run on the view's page, before any widget: put every shared
    control of the page's spec into the view's value (its default where the view leaves it
    out), the lesson step and the address, in one go. False if the page has no spec."""
    spec = spec_of(str(view.get("page", "")))
    if spec is None:
        return False
    params = view.get("params", {})
    state = spec.from_query(params)
    for control in spec.shared():
        if control.key in state:
            st.session_state[control.key] = state[control.key]
        elif control.dynamic:
            st.session_state.pop(control.key, None)
    # a control whose bounds the view changes is a new widget, seeded from the address the page
    # was opened with over the value written here: the view's values win (on a navigation that
    # address is the view's own, and a control it leaves out takes its default)
    if not internals.is_history_navigation():
        internals.drop_url_seeds([c.key for c in spec.shared() if c.key in state])
    _write_lesson(str(view["page"]), params.get("lesson"))
    internals.send_address(query_of(view, own=True))
    return True


def _write_lesson(page: str, raw: list[str] | None) -> None:
    """The lesson step of the view, marked as applied: the step's own values do not overwrite
    the view's (which already hold them, and whatever the teacher moved since)."""
    from ui import lesson

    if not raw:
        lesson.mark_applied(page, None)  # no step in the view
        return
    try:
        k = int(raw[-1])
    except ValueError:
        return
    lesson.mark_applied(page, k)  # the view is the step


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
