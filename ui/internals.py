"""The one adapter between the app and Streamlit's private (undocumented) API.

Every use of a Streamlit name that is not part of its documented API lives here, so an upgrade of
Streamlit is checked in one file (a repo-rule test, tests/test_internals_rule.py, keeps it so).
Each function below says what it relies on; all of them fail over to a harmless answer
(None, False, "", no-op) when the private thing is missing or behaves differently, and the
callers keep working without it (followers poll, the address bar catches up later, a link
falls back to its default with the usual notice).

What is relied on (Streamlit 1.67), why, and how each fails over:

- ``streamlit.runtime.scriptrunner.get_script_run_ctx()``: the current script run — its
  ``session_id`` (follower ids in a room), ``page_script_hash`` and ``pages_manager.get_pages()``
  (the page's url path, for a shared view and for navigating a follower),
  ``is_history_navigation`` (a lesson step yields to a Back/follow navigation), ``cursors``
  (one object per run: a per-run marker), ``fragment_ids_this_run`` (this is a fragment rerun),
  ``fragment_storage`` and ``session_state._state`` widget metadata (which fragment a widget is
  in), ``script_requests.request_rerun`` with a ``RerunData`` (rerun as a history navigation to
  another query string). Without a context (outside a run, a changed API): None / "" / False.
- ``session_state.query_params()`` context manager with ``set_with_no_forward_msg``,
  ``populate_from_query_string``, ``_initial_query_params`` and ``_send_query_param_msg``:
  rewrite the URL before widgets seed from it, and send the browser its address after a
  navigation. Failing: False is returned (a link falls back to the default with a notice; the
  address bar catches up on the next full run).
- ``streamlit.runtime.get_instance()``: ``get_app_session(id)``, ``is_active_session(id)``, and
  on an AppSession ``_client_state``, ``_event_loop``, ``has_fragment``, ``request_rerun`` and
  ``_scriptrunner`` (a wake waits until the session's run has ended and saved its state):
  wake a follower's session from another session's thread (push), and know whether a teacher's
  session still exists; ``_state`` (``AppSessionState``): tick a teacher's live fragment only
  while its session runs no script (a ``run_every`` timer of the browser would interrupt the
  teacher's own slower runs). Failing: no push (followers poll every few seconds) and "unknown"
  liveness (a room then simply lapses after its grace time unless its teacher acts).
- ``streamlit.util.calc_hash`` of a page's declared url path: the script hash st.Page gives it
  (``page_hash``), so that a follower sent to a page is asked for it by the hash the router
  knows it by. Failing: "" (the page is looked up among the listed pages, as before).
- ``streamlit.runtime.scriptrunner_utils.script_run_context.ThreadState``: the id of the fragment
  running now (so a wake reruns only that fragment). Failing: None (the whole app reruns).
"""

from __future__ import annotations

import logging
from contextlib import contextmanager
from typing import Any, Iterator

_LOG = logging.getLogger(__name__)


# ---------------------------------------------------------------------------- the script run

def _ctx() -> Any:
    try:
        from streamlit.runtime.scriptrunner import get_script_run_ctx

        return get_script_run_ctx()
    except Exception:  # noqa: BLE001 - moved or renamed: behave as outside a run
        return None


def in_script_run() -> bool:
    """Whether this thread runs a Streamlit script (False in plain Python, tests of pure code)."""
    return _ctx() is not None


def session_id() -> str | None:
    """The id of this run's session (None outside a run)."""
    ctx = _ctx()
    return getattr(ctx, "session_id", None) if ctx is not None else None


def run_marker() -> object | None:
    """An object that is the same for the whole of one script run and new in the next."""
    ctx = _ctx()
    return getattr(ctx, "cursors", None) if ctx is not None else None


def is_history_navigation() -> bool:
    """Whether this run was started as a history navigation (Back, or following a teacher)."""
    ctx = _ctx()
    return bool(ctx is not None and getattr(ctx, "is_history_navigation", False))


def in_fragment_run() -> bool:
    """Whether this run reruns fragments only."""
    return bool(getattr(_ctx(), "fragment_ids_this_run", None))


def _pages() -> dict:
    ctx = _ctx()
    try:
        return dict(ctx.pages_manager.get_pages()) if ctx is not None else {}
    except Exception:  # noqa: BLE001
        return {}


def page_path() -> str:
    """The url path of the page this run shows ("" for the home page, or when unknown)."""
    ctx = _ctx()
    info = _pages().get(getattr(ctx, "page_script_hash", None)) or {}
    return str(info.get("url_pathname", "") or "")


def known_page_path() -> str | None:
    """The url path of this run's page if the router has resolved it (None before
    ``st.navigation`` ran in this run, e.g. at the top of the frame)."""
    ctx = _ctx()
    info = _pages().get(getattr(ctx, "page_script_hash", None))
    path = info.get("url_pathname") if info else None
    return None if path is None else str(path)


def current_fragment_id() -> str | None:
    """The id of the fragment running now (None in a full run or when unknown)."""
    try:
        from streamlit.runtime.scriptrunner_utils.script_run_context import ThreadState

        return ThreadState.get().fragment_id or None
    except Exception:  # noqa: BLE001
        return None


def fragment_of_keys(keys: set[str]) -> str | None:
    """The one fragment that holds every widget of these keys in this run, else None."""
    ctx = _ctx()
    try:
        state = ctx.session_state._state   # SessionState (its wrapper maps attributes to keys)
        found = set()
        for key in keys:
            widget = state.get_widget_id_from_key(key)
            meta = state.get_widget_metadata(widget) if widget else None
            found.add(getattr(meta, "fragment_id", None))
        if len(found) != 1 or None in found:
            return None
        fragment = found.pop()
        return fragment if ctx.fragment_storage.contains(fragment) else None
    except Exception:  # noqa: BLE001 - a full rerun does it all
        return None


# ---------------------------------------------------------------------------- the address

@contextmanager
def _query_params() -> Iterator[Any]:
    from streamlit.runtime.state import get_session_state

    with get_session_state().query_params() as qp:
        yield qp


def set_url_value(key: str, value: str | list[str], seed: bool = False) -> bool:
    """Put key=value in the URL without a rerun and send the browser its address; with seed,
    also in what widgets are seeded from on their first run. False if that failed."""
    try:
        with _query_params() as qp:
            qp.set_with_no_forward_msg(key, value)
            initial = getattr(qp, "_initial_query_params", None) if seed else None
            if isinstance(initial, dict) and key in initial:
                initial[key] = list(value) if isinstance(value, list) else [value]
            qp._send_query_param_msg()
    except Exception:  # noqa: BLE001 - Streamlit internals changed: the caller falls back
        return False
    return True


def drop_url_seeds(keys: list[str]) -> None:
    """Forget the values of keys in the address the page was opened with, which seed a widget
    drawn for the first time (also a control that became a new widget: its bounds changed)
    over a value the code set. Relies on ``_initial_query_params``; failing: nothing."""
    try:
        with _query_params() as qp:
            initial = getattr(qp, "_initial_query_params", None)
            if isinstance(initial, dict):
                for key in keys:
                    initial.pop(key, None)
    except Exception:  # noqa: BLE001 - Streamlit internals changed
        _LOG.debug("cannot drop the address's seeds", exc_info=True)


def send_address(query: str | None = None) -> bool:
    """Send the browser the address of this session's query parameters (first replaced by
    query, a query string, if given). False if that failed (it catches up on a later run)."""
    try:
        with _query_params() as qp:
            if query is not None:
                qp.populate_from_query_string(query)
            qp._send_query_param_msg()
    except Exception:  # noqa: BLE001
        _LOG.debug("cannot send the address", exc_info=True)
        return False
    return True


def page_hash(declared: str) -> str:
    """The script hash st.navigation knows a page by: Streamlit hashes the url path the page is
    declared with in st.Page (``Page._script_hash`` is ``streamlit.util.calc_hash(url_path)``).
    The pages listed by ``pages_manager.get_pages()`` at the top of a session's run, before the
    router ran, are the pages/ folder's own scripts with other hashes: a request naming one of
    those is resolved by its page name alone, and a rerun that repeats the hash without the
    name (a fragment's ``st.rerun(scope="app")``) lands on the home page. Failing: ""."""
    try:
        from streamlit.util import calc_hash

        return calc_hash(declared)
    except Exception:  # noqa: BLE001
        return ""


def navigate(query: str, page: str | None = None, fragments: list[str] | None = None,
             declared: str | None = None) -> bool:
    """Rerun this session as a history navigation to query (every URL-bound widget seeded from
    it): on the page whose url path is page (declared in st.Page with the url path declared,
    see :func:`page_hash`), or, with fragment ids, only those fragments of the current page.
    Returns False when the request could not be made."""
    ctx = _ctx()
    try:
        from streamlit.runtime.scriptrunner_utils.script_requests import RerunData

        common = dict(query_string=query, is_history_navigation=True,
                      cached_message_hashes=ctx.cached_message_hashes,
                      context_info=ctx.context_info)
        if fragments:
            data = RerunData(page_script_hash=ctx.page_script_hash, fragment_id_queue=fragments,
                             is_fragment_scoped_rerun=True, **common)
        else:
            target = (page_hash(declared) if declared else "") or next(
                (h for h, p in _pages().items() if p.get("url_pathname", "") == page), "")
            data = RerunData(page_script_hash=target, page_name=page or "", **common)
        ctx.script_requests.request_rerun(data)
    except Exception:  # noqa: BLE001 - the API changed: the caller's view is not applied
        _LOG.warning("cannot navigate this session", exc_info=True)
        return False
    return True


# ---------------------------------------------------------------------------- other sessions

def _runtime() -> Any:
    try:
        from streamlit import runtime

        return runtime.get_instance() if runtime.exists() else None
    except Exception:  # noqa: BLE001
        return None


def runtime_running() -> bool:
    """Whether a Streamlit server runs in this process (not in AppTest or plain Python)."""
    return _runtime() is not None


def serves_browser() -> bool:
    """Whether this run's session talks to a browser: a real server's runtime, not the stand-in
    that ``streamlit.testing`` (AppTest) installs in its place."""
    rt = _runtime()
    if rt is None:
        return False
    from unittest.mock import NonCallableMock

    return not isinstance(rt, NonCallableMock)


def session_active(sid: str) -> bool | None:
    """Whether the session sid is connected in this process (None: cannot be known here)."""
    rt = _runtime()
    if rt is None:
        return None
    try:
        return bool(rt.is_active_session(sid))
    except Exception:  # noqa: BLE001
        return None


def session_exists(sid: str) -> bool | None:
    """Whether this process still holds the session sid (None: cannot be known here)."""
    rt = _runtime()
    if rt is None:
        return None
    try:
        return rt.get_app_session(sid) is not None
    except Exception:  # noqa: BLE001
        return None


def session_idle(sid: str) -> bool:
    """Whether the session sid exists in this process and runs no script now (a rerun asked of
    it then cannot interrupt one of its own runs). False when unknown."""
    rt = _runtime()
    try:
        from streamlit.runtime.app_session import AppSessionState

        session = rt.get_app_session(sid) if rt is not None else None
        return session is not None and session._state == AppSessionState.APP_NOT_RUNNING
    except Exception:  # noqa: BLE001
        return False


RERUN_WAIT_S = 0.1    # a rerun asked of a session that runs a script waits for its end …
RERUN_WAIT_TRIES = 100   # … this many times at most (then it is asked anyway)


def request_rerun(sid: str, fragment_id: str = "") -> bool:
    """Ask the session sid (any thread) to rerun: only fragment_id if that session has it,
    else the whole app. The request is scheduled on the session's event loop, where Streamlit
    makes its own. False if the session is gone or this cannot be done.

    The request repeats the session's saved client state (its address and page), which is
    saved when a script run ends: while the session runs a script, that state is older than
    the run (which may have moved the lesson step or the address), and a request would start
    a run from the old address. So the request waits (on the event loop) until no script
    runs."""
    rt = _runtime()
    try:
        session = rt.get_app_session(sid) if rt is not None else None
        if session is None:
            return False
        from streamlit.proto.ClientState_pb2 import ClientState
        from streamlit.runtime.app_session import AppSessionState

        def rerun(tries: int = 0) -> None:
            if session._state == AppSessionState.SHUTDOWN_REQUESTED:
                return
            busy = session._state != AppSessionState.APP_NOT_RUNNING or \
                session._scriptrunner is not None     # its state is saved when the runner ends
            if busy and tries < RERUN_WAIT_TRIES:
                session._event_loop.call_later(RERUN_WAIT_S, rerun, tries + 1)
                return
            state = ClientState()
            state.CopyFrom(session._client_state)
            state.fragment_id = fragment_id if fragment_id and session.has_fragment(
                fragment_id) else ""
            state.is_auto_rerun = False
            session.request_rerun(state)

        session._event_loop.call_soon_threadsafe(rerun)
    except Exception:  # noqa: BLE001 - a changed private API: the follower polls instead
        _LOG.debug("cannot wake session", exc_info=True)
        return False
    return True
