"""Korean/English strings: ``t("key", **values)`` looks up the current language's catalogue.

Every module in ``ui/locales`` contributes two dicts, ``EN`` and ``KO``; they are merged here.
A key that two modules define is an error (so pages cannot silently overwrite each other), and a
test checks that both catalogues have the same keys and no empty values.
"""

from __future__ import annotations

import importlib
import pkgutil
import threading

import ui.locales

LANGS: tuple[str, ...] = ("ko", "en")
DEFAULT_LANG = "ko"  # the course's audience is Korean first


def _load() -> dict[str, dict[str, str]]:
    merged: dict[str, dict[str, str]] = {"en": {}, "ko": {}}
    for info in sorted(pkgutil.iter_modules(ui.locales.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"ui.locales.{info.name}")
        for lang, table in (("en", module.EN), ("ko", module.KO)):
            clash = merged[lang].keys() & table.keys()
            if clash:
                raise ValueError(f"ui.locales.{info.name} redefines keys {sorted(clash)[:5]}")
            merged[lang].update(table)
    return merged


CATALOGUES: dict[str, dict[str, str]] = _load()

# Each Streamlit session runs its script in its own thread: keep the language per thread.
_current = threading.local()


def lang_from_locale(locale: str | None) -> str:
    """'ko' for a Korean browser locale (ko, ko-KR, …), 'en' for any other, 'ko' if unknown."""
    if not locale:
        return DEFAULT_LANG
    return "ko" if locale.lower().startswith("ko") else "en"


def set_lang(lang: str) -> None:
    """Choose the language for the rest of this script run."""
    _current.lang = lang if lang in LANGS else DEFAULT_LANG


def _session_lang() -> str | None:
    """The language switch's value in this Streamlit session, if there is one.

    A fragment rerun executes only the fragment, not app.py, so the per-thread value may be stale
    there; the switch's widget state (key "lang") is the session's truth.
    """
    try:
        import streamlit as st

        from ui import internals

        if not internals.in_script_run():
            return None
        lang = st.session_state.get("lang")
    except Exception:  # noqa: BLE001 - outside Streamlit nothing is known
        return None
    return lang if lang in LANGS else None


def get_lang() -> str:
    """The language of this script run: the session's switch, else the per-thread choice."""
    return _session_lang() or getattr(_current, "lang", DEFAULT_LANG)


def t(key: str, **values: object) -> str:
    """The string for key in the current language, with ``{name}`` fields filled from values."""
    text = CATALOGUES[get_lang()].get(key)
    if text is None:
        text = CATALOGUES["en"].get(key, key)
    return text.format(**values) if values else text


def has(key: str) -> bool:
    """Whether the catalogue defines key."""
    return key in CATALOGUES["en"]


def act_name(act_id: str) -> str:
    """An activation's display name in the current language, for prose and labels.

    It is ``act.<id>.name`` without its trailing gloss in parentheses ("시그모이드 (로지스틱 함수,
    …)" → "시그모이드", "Sigmoid (logistic)" → "Sigmoid"), so the course's own names (시그모이드,
    tanh, ReLU, Leaky ReLU, ELU, 항등 함수, 계단 함수 …) are the ones injected into sentences; the
    explorer's card shows the whole key. Ids without a key (e.g. ``custom``) get the catalogue's
    name, or the id itself.
    """
    key = f"act.{act_id}.name"
    if has(key):
        text = t(key)
        return text.split(" (", 1)[0] if text.endswith(")") else text
    from core.activations import ACTIVATIONS

    return ACTIVATIONS[act_id].name if act_id in ACTIVATIONS else act_id
