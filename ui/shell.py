"""The frame around every page (config, language, classroom mode, URL notices, CSS) and the router.

``app.py`` calls :func:`main`: frame → navigation (only pages whose files exist) → the page.

Every page script starts with :func:`ensure`. Normally the router already ran in this script run
and ``ensure`` returns at once. But with a ``pages/`` folder next to ``app.py``, Streamlit's legacy
multipage mode runs a deep-linked page file *directly* on the first request after a server start
(and AppTest does so on ``switch_page``). ``ensure`` notices that, runs the router itself — which
draws the frame and the real navigation and runs the requested page — and then stops the direct
run, so the page is drawn once, inside the full app, from a cold start too.
"""

from __future__ import annotations

import threading

import streamlit as st

from ui import classroom as class_link
from ui import internals, widgets
from ui.controls.shell import LANG_NAMES, SPEC
from ui.i18n import lang_from_locale, set_lang, t
from ui.nav import HOME, available
from ui.page import report_error
from ui.theme import page_css

_local = threading.local()


def _run_marker() -> object | None:
    """An object that is the same for the whole of one script run and new in the next."""
    return internals.run_marker()


def classroom_requested() -> bool:
    """Classroom mode as this run will see it, before its switch is drawn: the switch's session
    value once it exists, else the link's ``classroom=true``."""
    if "classroom" in st.session_state:
        return bool(st.session_state["classroom"])
    return [v.lower() for v in st.query_params.get_all("classroom")] == ["true"]


def sidebar_state() -> str:
    """The sidebar on opening: collapsed for a projector (classroom mode), otherwise "auto" —
    Streamlit then opens it on wide screens and keeps it collapsed on phones, where an open
    sidebar would cover the page."""
    return "collapsed" if classroom_requested() else "auto"


def render_frame() -> None:
    """Draw the frame: config, sidebar switches, the notice slot and the CSS."""
    _local.run = _run_marker()
    st.set_page_config(page_title="Activation Lab", page_icon=":material/show_chart:",
                       layout="wide", initial_sidebar_state=sidebar_state())
    widgets.begin_run(st.container())
    class_link.frame_top()  # a follower applies the teacher's view before any widget
    with st.sidebar:
        lang = SPEC.draw("lang", default=lang_from_locale(st.context.locale),
                         help=" · ".join(LANG_NAMES.values()))
        set_lang(lang)
        classroom = SPEC.draw("classroom")
        st.caption(t("common.share_hint"))
        class_link.teacher_panel()
    st.html(page_css(classroom))
    class_link.frame_main()


def main() -> None:
    """The router: frame, navigation built from ui.nav, then the chosen page."""
    render_frame()
    pages = [st.Page(HOME.file, title=t("nav.home"), icon=HOME.icon, url_path=HOME.url_path,
                     default=True)]
    pages += [st.Page(p.file, title=t(f"nav.{p.id}"), icon=p.icon, url_path=p.url_path)
              for p in available()]
    try:
        st.navigation(pages, position="sidebar").run()
    except Exception:  # noqa: BLE001 - no traceback reaches a viewer; the log keeps it
        report_error("page")
    class_link.run_finished()  # a teacher's session publishes its view
    widgets.end_run()


def ensure() -> None:
    """Return if the router runs this script run; otherwise run the router and stop here."""
    marker = _run_marker()
    if marker is not None and getattr(_local, "run", None) is marker:
        return
    main()
    st.stop()
