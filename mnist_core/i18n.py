"""Every visible string of the app, looked up by key in the session's language.

    t("mistakes.headline", wrong=196, total=10000, right=0.9804)

Catalogs are plain dicts, one module per language: mnist_core/locales/<language>.py with MESSAGES, all
with the same keys as the English one. A key missing in a language falls back to English, so a page
never shows a raw key. The language of "now" comes from a source the app sets once (the Streamlit
session); without one, and outside the app, it is English.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

DEFAULT_LANGUAGE = "en"
LANGUAGES: tuple[str, ...] = ("en",)  # each has mnist_core/locales/<language>.py

_catalogs: dict[str, dict[str, str]] = {}
_language_source: Callable[[], str | None] = lambda: None  # noqa: E731


def set_language_source(source: Callable[[], str | None]) -> None:
    """Tell t() where to find the current language (the app reads it from the session)."""
    global _language_source
    _language_source = source


def current_language() -> str:
    try:
        language = _language_source()
    except Exception:  # no session (command line, tests): English
        language = None
    return language if language in LANGUAGES else DEFAULT_LANGUAGE


def catalog(language: str) -> dict[str, str]:
    """The messages of one language (English for a language the app does not have)."""
    if language not in LANGUAGES:
        language = DEFAULT_LANGUAGE
    if language not in _catalogs:
        _catalogs[language] = importlib.import_module(f"mnist_core.locales.{language}").MESSAGES
    return _catalogs[language]


def t(key: str, lang: str | None = None, **kwargs: object) -> str:
    """The text for `key` in `lang` (default: the current language), filled in with str.format(**kwargs)."""
    language = lang or current_language()
    for text in (catalog(language).get(key), catalog(DEFAULT_LANGUAGE).get(key)):
        if text is None:
            continue
        try:
            return text.format(**kwargs) if kwargs else text
        except (KeyError, IndexError, ValueError):
            continue  # a translation with a broken placeholder: try English
    # A key no catalog has is a bug the tests catch; show something readable rather than crash.
    return key.rsplit(".", 1)[-1].replace("_", " ")


def has_key(key: str) -> bool:
    return key in catalog(DEFAULT_LANGUAGE)
