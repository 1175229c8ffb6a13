"""Translated option labels keep links working (issue #15): old English links, links made in
Korean mode and option ids open the same state in both languages."""

from __future__ import annotations

import pytest

from tests.pages.conftest import run_page, texts

LOCALES = ["ko-KR", "en-US"]


def select(at, key):
    return at.selectbox(key=key)


@pytest.mark.parametrize("locale", LOCALES)
def test_an_old_english_link_opens_the_same_options_in_both_languages(locale):
    at = run_page("network", query={"net_data": "circles", "net_mode": "full batch",
                                    "net_init": "course 2-2-1"}, locale=locale)
    assert not at.exception and not at.warning
    assert select(at, "net_data").value == "circles"
    assert select(at, "net_mode").value == "batch"
    assert select(at, "net_init").value == "course"
    shown = {"ko-KR": ("동심원", "전체 배치", "수업 예제 2-2-1"),
             "en-US": ("circles", "full batch", "course 2-2-1")}[locale]
    for key, label in zip(("net_data", "net_mode", "net_init"), shown):
        el = select(at, key)
        assert el.options[el.index] == label
    assert {"ko-KR": "**동심원** 데이터로", "en-US": "On **circles**"}[locale] in texts(at)


@pytest.mark.parametrize("locale", LOCALES)
def test_a_korean_mode_link_opens_the_same_options_in_both_languages(locale):
    at = run_page("network", query={"net_data": "반달", "net_mode": "전체 배치"}, locale=locale)
    assert not at.exception and not at.warning
    assert select(at, "net_data").value == "moons"
    assert select(at, "net_mode").value == "batch"


def test_option_ids_work_as_link_values_and_the_link_then_holds_the_current_label():
    at = run_page("network", query={"net_data": "spiral", "net_mode": "batch"}, locale="ko-KR")
    assert not at.warning
    assert (select(at, "net_data").value, select(at, "net_mode").value) == ("spiral", "batch")
    assert at.query_params["net_data"] == "나선"


def test_a_korean_link_round_trips_through_english_mode():
    ko = run_page("network", query={"net_data": "blobs"}, locale="ko-KR")
    link = {"net_data": ko.query_params["net_data"]}
    assert link == {"net_data": "군집"}
    en = run_page("network", query=link, locale="en-US")
    assert select(en, "net_data").value == "blobs"
    assert en.query_params["net_data"] == "blobs"
    back = run_page("network", query={"net_data": en.query_params["net_data"]}, locale="ko-KR")
    assert select(back, "net_data").value == "blobs"


def test_a_bad_link_value_still_falls_back_with_a_notice():
    at = run_page("network", query={"net_data": "donut"}, locale="ko-KR")
    assert select(at, "net_data").value == "xor"
    assert any("net_data" in w.value for w in at.warning)


def test_switching_the_language_keeps_the_chosen_options():
    at = run_page("network", query={"net_data": "moons", "net_mode": "batch"}, locale="ko-KR")
    at.button_group(key="lang").set_value("en").run()
    assert not at.exception
    assert (select(at, "net_data").value, select(at, "net_mode").value) == ("moons", "batch")
    assert at.title[0].value == "Small-network lab"
    el = select(at, "net_mode")
    assert el.options[el.index] == "full batch"
    at.button_group(key="lang").set_value("ko").run()
    assert (select(at, "net_data").value, select(at, "net_mode").value) == ("moons", "batch")
    assert not [w for w in at.warning if "net_" in w.value]


@pytest.mark.parametrize(("value", "locale"), [("모멘텀", "en-US"), ("Momentum", "ko-KR"),
                                               ("momentum", "ko-KR")])
def test_descent_optimiser_links_work_in_both_languages(value, locale):
    at = run_page("descent", query={"gd_loss": "½(x² + 9y²)", "gd_opt": value}, locale=locale)
    assert not at.exception and not at.warning
    assert at.multiselect(key="gd_opt").value == ["momentum"]


def test_switching_the_language_keeps_a_translated_multiselect():
    at = run_page("descent", query={"gd_loss": "½(x² + 9y²)", "gd_opt": ["모멘텀", "Adam"]},
                  locale="ko-KR")
    assert at.multiselect(key="gd_opt").value == ["momentum", "adam"]
    at.button_group(key="lang").set_value("en").run()
    assert not at.exception
    el = at.multiselect(key="gd_opt")
    assert el.value == ["momentum", "adam"]
    assert "Momentum" in el.options and "모멘텀" not in el.options
