"""Picture first (issue #12), the server side: one-line title with the intro folded beside it,
the main picture in the page's main columns, secondary controls folded, the theme's palette."""

from __future__ import annotations

import pytest

from tests.pages.conftest import run_page
from ui.i18n import CATALOGUES
from ui.theme import OKABE_ITO, OKABE_ITO_DARK, Look


def _header_row(at):
    """The first block of the page: (title column, about column)."""
    row = at.main.children[1]
    return row.children[0], row.children[1]


def _markdown_in(block) -> list[str]:
    out, todo = [], [block]
    while todo:
        node = todo.pop()
        if getattr(node, "type", None) == "markdown":
            out.append(node.value)
        if isinstance(getattr(node, "children", None), dict):
            todo += list(node.children.values())
    return out


@pytest.mark.parametrize("page", ["explorer", "saturation"])
@pytest.mark.parametrize("locale,lang", [("ko-KR", "ko"), ("en-US", "en")])
def test_title_with_the_intro_folded_in_a_popover(page, locale, lang):
    at = run_page(page, locale=locale)
    assert not at.exception
    title_col, about_col = _header_row(at)
    assert title_col.children[0].value == CATALOGUES[lang][f"{page}.title"]
    popover = about_col.children[0]
    assert popover.type == "popover"
    assert popover.proto.popover.label == CATALOGUES[lang]["common.about_page"]
    intro = CATALOGUES[lang][f"{page}.intro"]
    folded = "\n".join(_markdown_in(popover))
    assert intro in folded
    # the intro is only in the popover, not spelled out on the page as well
    page_text = [m.value for m in at.markdown]
    assert sum(intro in text for text in page_text) == 1


def test_saturation_folds_the_chart_reading_guide_into_the_intro():
    at = run_page("saturation", locale="en-US")
    _, about_col = _header_row(at)
    folded = "\n".join(_markdown_in(about_col.children[0]))
    assert CATALOGUES["en"]["saturation.curves.body"] in folded
    assert not [h for h in at.header if h.value == CATALOGUES["en"]["saturation.curves.title"]]


@pytest.mark.parametrize("page,key", [("explorer", "curves"), ("saturation", "sat_curves")])
def test_main_picture_stands_in_the_wide_column_beside_its_controls(page, key):
    at = run_page(page, locale="en-US")
    row = at.main.children[2]  # right under the title row
    controls, picture = row.children[0], row.children[1]
    assert controls.weight < picture.weight
    charts, todo = [], [picture]
    while todo:
        node = todo.pop()
        if getattr(node, "type", None) in ("bidi_component", "plotly_chart"):
            charts.append(node.proto.id)
        if isinstance(getattr(node, "children", None), dict):
            todo += list(node.children.values())
    assert any(i.endswith(f"chart_{key}") for i in charts), charts
    assert not any(getattr(c, "type", None) in ("bidi_component", "plotly_chart")
                   for c in controls.children.values())


def test_classroom_gives_the_picture_more_width():
    normal = run_page("explorer", locale="en-US").main.children[2]
    room = run_page("explorer", query={"classroom": "true"}, locale="en-US").main.children[2]
    share = lambda row: row.children[1].weight / sum(  # noqa: E731
        c.weight for c in row.children.values())
    assert share(room) > share(normal) >= 0.7


def test_parameters_are_scrubbed_on_the_curves_chart_only_when_a_chosen_function_has_some():
    from tests.pages.test_explorer_page import scrub_keys

    plain = run_page("explorer", locale="en-US")
    assert scrub_keys(plain) == set()
    assert not [e for e in plain.expander if e.label == "Parameters"]
    elu = run_page("explorer", query={"f_relu": "ELU", "f_sigmoid": []}, locale="en-US")
    assert scrub_keys(elu) == {"p_elu_alpha"}
    room = run_page("explorer", query={"f_relu": "ELU", "f_sigmoid": [], "classroom": "true"},
                    locale="en-US")
    assert scrub_keys(room) == {"p_elu_alpha"}


def test_secondary_controls_start_folded():
    at = run_page("saturation", locale="en-US")
    more = [e for e in at.expander if e.label == CATALOGUES["en"]["common.more_controls"]]
    assert more and all(e.proto.expanded is False for e in more)


def test_main_height_fills_the_first_screen_and_looks_pick_the_theme_palette():
    assert Look().main_height == Look(classroom=True).main_height
    assert 0.6 * 720 < Look().main_height < 720
    assert Look(dark=True).palette == OKABE_ITO_DARK and Look().palette == OKABE_ITO
