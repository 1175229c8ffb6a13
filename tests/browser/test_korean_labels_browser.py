"""Browser: translated option labels (issue #15) keep links working in a real browser — an old
English link opens in Korean, the address bar then holds the Korean label, and a link copied in
Korean mode opens the same state in English."""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

from tests.browser.conftest import goto, screenshot, wait_idle

OLD_LINK = "/network?lang=ko&net_data=circles&net_mode=full%20batch&net_epochs=10&net_n=40"


def shown(tab, label: str) -> str:
    """The option shown by the selectbox whose label is label."""
    box = tab.locator('[data-testid="stSelectbox"]', has_text=label).first
    return box.locator('input[role="combobox"]').input_value()


def query(tab) -> dict[str, list[str]]:
    return parse_qs(urlparse(tab.url).query)


def test_old_english_link_opens_in_korean_and_a_korean_link_opens_in_english(server, page,
                                                                                browser):
    goto(page, server + OLD_LINK)  # the module's first request: a cold start
    assert page.locator("h1").first.inner_text().strip() == "작은 신경망 실험실"
    assert shown(page, "데이터셋") == "동심원"
    assert shown(page, "갱신 방식") == "전체 배치"
    page.wait_for_function("() => location.search.includes('net_data=%EB%8F%99%EC%8B%AC%EC%9B%90')",
                           timeout=10_000)  # the address bar now holds the Korean label
    assert query(page)["net_data"] == ["동심원"] and query(page)["net_mode"] == ["전체 배치"]
    screenshot(page, "korean_labels_ko")

    # choose another data set in Korean mode: the link carries its Korean label
    page.locator('[data-testid="stSelectbox"]', has_text="데이터셋").first.click()
    page.get_by_role("option", name="반달").click()
    wait_idle(page)
    page.wait_for_function("() => new URLSearchParams(location.search).get('net_data') === '반달'",
                           timeout=10_000)
    link = page.url.replace("lang=ko", "lang=en")

    # the Korean-mode link opened by an English reader
    context = browser.new_context(viewport={"width": 1280, "height": 720}, locale="en-US")
    other = context.new_page()
    try:
        goto(other, link)
        assert other.locator("h1").first.inner_text().strip() == "Small-network lab"
        assert shown(other, "Data set") == "moons"
        assert shown(other, "Updates") == "full batch"
        screenshot(other, "korean_labels_en")
    finally:
        context.close()

    # switching the language in the same tab keeps the choices
    page.locator('[data-testid="stSidebar"]').get_by_text("en", exact=True).first.click()
    wait_idle(page)
    assert page.locator("h1").first.inner_text().strip() == "Small-network lab"
    assert shown(page, "Data set") == "moons"
    assert shown(page, "Updates") == "full batch"
    page.wait_for_function("() => new URLSearchParams(location.search).get('net_data') === 'moons'",
                           timeout=10_000)  # and the address bar follows the language
    assert page.locator('[data-testid="stAlert"]', has_text="net_").count() == 0
    screenshot(page, "korean_labels_switched_en")
