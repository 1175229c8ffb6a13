"""Helpers every page uses: the current look, headers, charts, numbers and "show the code"."""

from __future__ import annotations

import functools
import inspect
import logging
from typing import Any, Callable, Sequence

import plotly.graph_objects as go
import streamlit as st

from ui.chart import Capture, Scrub, export_name, plotly_locale, render
from ui.format import fmt  # noqa: F401 - pages import fmt from here
from ui.i18n import get_lang, has, t
from ui.questions import hook as question_hook
from ui.theme import Look
from ui.widgets import allowed as allowed_scrubs

PLOTLY_CONFIG = {"displaylogo": False, "responsive": True,
                 "modeBarButtonsToRemove": ["lasso2d", "select2d"]}


def classroom() -> bool:
    """Whether classroom (projector) mode is on for this run."""
    return bool(st.session_state.get("classroom", False))


def look() -> Look:
    """The Look for this run: classroom mode from the URL, dark/light from the browser theme."""
    theme = getattr(st.context, "theme", None)
    dark = getattr(theme, "type", None) == "dark"
    return Look(classroom=classroom(), dark=dark)


def header(prefix: str, intro: str | None = None) -> None:
    """A one-line title (``<prefix>.title``) with the page's introduction folded beside it.

    The intro (``<prefix>.intro``, or the text given) sits in an "About this page" popover at the
    right of the title, so the main picture starts right below the title line (issue #12). A
    ``<prefix>.lead`` key, if a page defines one, is shown as a one-sentence caption under it.
    On a phone the two columns stack: the title, then the button across the screen.
    """
    title_col, about_col = st.columns([3, 1], vertical_alignment="center", gap="small")
    title_col.title(t(f"{prefix}.title"))
    with about_col.popover(t("common.about_page"), icon=":material/info:", width="stretch"):
        st.markdown(intro if intro is not None else t(f"{prefix}.intro"))
    if has(f"{prefix}.lead"):
        st.caption(t(f"{prefix}.lead"))


def lecture() -> bool:
    """Whether the lecture view is on: classroom (projector) mode with a lesson step in the URL.
    The lesson's step then stands as one caption line on top of the picture, the page's main
    controls in a narrow strip beside it, and the picture fills the rest of the screen."""
    return classroom() and "lesson" in st.query_params


FOLLOW_KEY = "_al_class_follow"  # the session flag ui.classroom sets for a student in a class


def follower() -> bool:
    """Whether this session follows a teacher's class (a ``?room=`` link): its main picture comes
    first, before the controls, so that a phone shows it on the first screen."""
    return bool(st.session_state.get(FOLLOW_KEY)) or "room" in st.query_params


def main_columns(controls: float = 1.0, picture: float = 3.0):
    """(controls, picture) containers for a page's main picture and its primary controls: side by
    side on wide screens; Streamlit stacks columns below 640 px, so on a phone the controls stand
    directly above the picture. In classroom mode the picture gets 60 % more of the width (the
    projected picture must cover ≥ 60 % of a 1280×720 screen, issue #12, and ≥ 55 % under the
    lesson's caption line in the lecture view, issue #21). A student following a class gets the picture
    first (on the left, and on top when a phone stacks the columns), the controls folded."""
    if classroom():
        picture *= 1.6
    if follower() and not classroom():  # the picture first, the controls folded beside it
        right, left = st.columns([picture, controls], gap="medium")
        return left.expander(t("layout.controls"), expanded=False, icon=":material/tune:"), right
    left, right = st.columns([controls, picture], gap="small" if lecture() else "medium")
    return left, right


OVERLAYS = "_al_chart_overlays"


def set_overlay(key: str, annotations: list[dict] | None = None,
                shapes: list[dict] | None = None) -> None:
    """Ask the chart keyed `key` to draw extra annotations/shapes in this session (a lesson's
    highlight); an empty call removes them."""
    table = st.session_state.setdefault(OVERLAYS, {})
    if annotations or shapes:
        table[key] = {"annotations": list(annotations or []), "shapes": list(shapes or [])}
    else:
        table.pop(key, None)


def clear_overlays() -> None:
    """Forget every chart overlay of this session."""
    st.session_state[OVERLAYS] = {}


def _with_overlay(fig: go.Figure, key: str) -> go.Figure:
    """fig plus the annotations/shapes a lesson asked this chart to show (see set_overlay)."""
    extra = st.session_state.get(OVERLAYS, {}).get(key)
    if not extra:
        return fig
    layout = fig.layout
    annotations = list(layout.annotations or ()) + extra["annotations"]
    shapes = list(layout.shapes or ()) + extra["shapes"]
    return go.Figure(data=fig.data, layout=dict(layout.to_plotly_json(), annotations=annotations,
                                                shapes=shapes),
                     frames=fig.frames or None, _validate=False)


def chart(fig: go.Figure, key: str, *, scrubs: Sequence[Scrub] = (),
          capture: Capture | None = None) -> dict | None:
    """Render a Plotly figure at full width through the app's chart element (ui.chart): the same
    plotly.js chart is updated in place on every rerun, keeping the user's zoom and legend.

    ``scrubs``: controls the chart scrubs in the browser (each a range input above the plot
    and the picture at every grid value, see ui.chart.Scrub); their values land in
    ``st.session_state[control]`` and the URL when a drag ends. ``capture``: the chart takes a
    tap or a stroke as an answer; its value comes back here in the run after it (else None).
    A lesson question on this chart (ui.questions.hook) may capture and add answer traces."""
    asked, extra = question_hook.extras(key)
    if extra:
        fig = go.Figure(data=list(fig.data) + extra, layout=fig.layout, _validate=False)
    page = st.context.url.rstrip("/").rsplit("/", 1)[-1] if getattr(st.context, "url", None) else ""
    state = {k: ",".join(st.query_params.get_all(k)) for k in st.query_params}
    config = dict(PLOTLY_CONFIG, toImageButtonOptions={
        "format": "png", "scale": 2, "filename": export_name(page.split("?")[0], key, state)})
    return question_hook.took(key, render(
        _with_overlay(fig, key), key, config, t("common.chart_unavailable"),
        plotly_locale(get_lang()), scrubs=allowed_scrubs(scrubs), capture=capture or asked))


def secondary(label_key: str, expanded: bool = False):
    """A container for secondary controls: a folded expander (issue #12: the picture and its
    primary controls come first); ``expanded=True`` opens it, except in classroom mode."""
    return st.expander(t(label_key), expanded=expanded and not classroom())


@functools.lru_cache(maxsize=256)
def source_of(fn: Callable[..., Any]) -> tuple[str, str]:
    """(dotted name, source text) of a function, read once: the files do not change while the
    server runs, and reading and tokenising them on every fragment rerun cost a few ms each."""
    module = inspect.getmodule(fn)
    return f"{module.__name__ if module else ''}.{fn.__qualname__}", inspect.getsource(fn)


def show_code(*functions: Callable[..., Any]) -> None:
    """An expander with the source of the core functions behind a chart ("show the code")."""
    with st.expander(t("common.show_code"), expanded=False):
        for fn in functions:
            name, source = source_of(fn)
            st.caption(name)
            st.code(source, language="python")


_LOG = logging.getLogger("activation_lab")


def report_error(where: str) -> None:
    """Log the exception being handled (the server log keeps the stack) and show the viewer a
    short message in their language instead of a traceback."""
    _LOG.exception("error in %s", where)
    st.error(t("errors.section"), icon=":material/error:")


def guarded(fn: Callable[..., Any]) -> Callable[..., Any]:
    """A page section that cannot take the page down: an uncaught error in it is logged and shown
    as a short friendly box, and the rest of the page still renders. Streamlit's own stop/rerun
    signals pass through (they are not Exceptions)."""
    @functools.wraps(fn)
    def section(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except Exception:  # noqa: BLE001 - the viewer gets a message, the log the stack
            report_error(fn.__qualname__)
            return None
    return section


def picture_layout(controls: float = 1.0, picture: float = 2.1):
    """(controls, picture, lesson) containers of a page's main section: the controls beside the
    picture, the lesson bar above the controls (a phone stacks them: the controls above the
    picture, or below it for a student following a class, who gets the lesson's text on top of
    the picture). In classroom mode the
    controls stay beside the picture, never under it, so the teacher can change a value and
    show its effect on one screen; in the lecture view they are a narrow strip and the lesson's
    caption line stands on top of the picture."""
    ctrl, pic = main_columns(controls, picture)
    on_picture = "lesson" in st.query_params and (classroom() or follower())
    with pic if on_picture else ctrl:
        lesson_box = st.container()
    return ctrl, pic, lesson_box


_FULL_RUN = "_al_full_run"


def call_fragment(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """Call a page's ``@st.fragment`` from the page's full run (so that :func:`follow_setup`
    inside it can tell a full run from the fragment's own reruns)."""
    st.session_state[_FULL_RUN] = True
    try:
        return fn(*args, **kwargs)
    finally:
        st.session_state[_FULL_RUN] = False


def follow_setup(name: str, setup: Any) -> None:
    """Inside a fragment: if the set-up the rest of the page depends on changed in a fragment
    rerun, rerun the whole page so that everything below follows it."""
    key = f"_al_setup_{name}"
    if not st.session_state.get(_FULL_RUN) and st.session_state.get(key, setup) != setup:
        st.session_state[key] = setup
        st.rerun(scope="app")
    st.session_state[key] = setup
