"""Both catalogues have the same keys, no empty values, and every key a page uses exists."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ui.i18n import CATALOGUES, lang_from_locale, set_lang, t

ROOT = Path(__file__).resolve().parents[1]


def test_same_keys_in_korean_and_english():
    assert CATALOGUES["ko"].keys() == CATALOGUES["en"].keys()


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_no_empty_values(lang):
    empty = [k for k, v in CATALOGUES[lang].items() if not v.strip()]
    assert not empty


def test_placeholders_match_between_languages():
    fields = lambda s: set(re.findall(r"(?<!\\)\{([a-z_]+)\}", s))  # noqa: E731
    diff = [k for k in CATALOGUES["en"] if fields(CATALOGUES["en"][k]) != fields(CATALOGUES["ko"][k])]
    assert not diff


def test_korean_catalogue_is_korean():
    hangul = re.compile(r"[\uac00-\ud7a3]")
    with_hangul = sum(bool(hangul.search(v)) for v in CATALOGUES["ko"].values())
    assert with_hangul / len(CATALOGUES["ko"]) > 0.7


def test_every_literal_key_used_in_code_exists():
    used = set()
    for path in list((ROOT / "pages").glob("*.py")) + list((ROOT / "ui").rglob("*.py")):
        used |= set(re.findall(r'\bt\("([a-z_][\w\-]*\.[\w.\-]+)"', path.read_text(encoding="utf-8")))
    missing = sorted(k for k in used if k not in CATALOGUES["en"])
    assert not missing


@pytest.mark.parametrize("locale, lang", [("ko-KR", "ko"), ("ko", "ko"), ("en-US", "en"),
                                          ("de-DE", "en"), (None, "ko"), ("", "ko")])
def test_language_from_browser_locale(locale, lang):
    assert lang_from_locale(locale) == lang


def test_t_formats_and_switches_language():
    set_lang("en")
    assert t("nav.explorer") == "Activation explorer"
    set_lang("ko")
    assert t("nav.explorer") == "활성화 함수 탐색기"
    set_lang("xx")
    assert t("nav.explorer") == "활성화 함수 탐색기"  # unknown language -> default
