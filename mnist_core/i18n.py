"""Every visible string of the app, looked up by key in the session's language.

    t("mistakes.headline", wrong=196, total=10000, right=0.9804)

A count with a noun names both forms: "{epochs:epoch|epochs}" reads "1 epoch" or "10 epochs" (Korean needs no
plural and writes "{epochs}에포크").

Catalogs are plain dicts, one module per language: mnist_core/locales/<language>.py with MESSAGES, all
with the same keys as the English one. A key missing in a language falls back to English, so a page
never shows a raw key (and the fallback is noted, for the tests). The language of "now" comes from a
source the app sets once (the Streamlit session); without one, and outside the app, it is English.
"""

from __future__ import annotations

import importlib
import string
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

DEFAULT_LANGUAGE = "en"
LANGUAGES: tuple[str, ...] = ("en", "ko")  # each has mnist_core/locales/<language>.py
LANGUAGE_NAMES = {"en": "English", "ko": "한국어"}  # each in its own language, for the switch

_catalogs: dict[str, dict[str, str]] = {}
_language_source: Callable[[], str | None] = lambda: None  # noqa: E731
_forced = threading.local()  # a language for one block of code in one thread (see in_language)
_missing: set[tuple[str, str]] = set()  # (language, key) looked up but not in that language's catalog


def language_for_locale(locale: str | None) -> str:
    """The app's language for a browser locale: "ko-KR", "ko" or "ko_KR" -> "ko"; anything else -> "en".

    Only the first part of the tag counts ("kok-IN", Konkani, is not Korean).
    """
    if not locale:
        return DEFAULT_LANGUAGE
    primary = locale.strip().replace("_", "-").split("-")[0].lower()
    return primary if primary in LANGUAGES else DEFAULT_LANGUAGE


def set_language_source(source: Callable[[], str | None]) -> None:
    """Tell t() where to find the current language (the app reads it from the session)."""
    global _language_source
    _language_source = source


def current_language() -> str:
    language = getattr(_forced, "language", None)
    if language is None:
        try:
            language = _language_source()
        except Exception:  # no session (command line, tests): English
            language = None
    return language if language in LANGUAGES else DEFAULT_LANGUAGE


@contextmanager
def in_language(language: str) -> Iterator[None]:
    """Inside this block, in this thread, t() speaks `language` (e.g. English chart labels without a Korean font)."""
    previous = getattr(_forced, "language", None)
    _forced.language = language
    try:
        yield
    finally:
        _forced.language = previous


def catalog(language: str) -> dict[str, str]:
    """The messages of one language (English for a language the app does not have)."""
    if language not in LANGUAGES:
        language = DEFAULT_LANGUAGE
    if language not in _catalogs:
        _catalogs[language] = importlib.import_module(f"mnist_core.locales.{language}").MESSAGES
    return _catalogs[language]


class _Formatter(string.Formatter):
    """str.format, and a count with its noun: {n:one|many} -> "1 one", "2 many", "1,000 many"."""

    def format_field(self, value: object, format_spec: str) -> str:
        if "|" not in format_spec:
            return super().format_field(value, format_spec)
        one, many = format_spec.split("|", 1)
        number = f"{value:,}" if isinstance(value, int) else str(value)
        return f"{number} {one if number == '1' else many}"


_FORMATTER = _Formatter()


def fill(text: str, **kwargs: object) -> str:
    """A message filled in with its values (str.format, plus the counts with nouns described above)."""
    return _FORMATTER.vformat(text, (), kwargs) if "|" in text else text.format(**kwargs)


def t(key: str, lang: str | None = None, **kwargs: object) -> str:
    """The text for `key` in `lang` (default: the current language), filled in with its values (see fill)."""
    language = lang or current_language()
    if key not in catalog(language):
        _missing.add((language, key))
    for text in (catalog(language).get(key), catalog(DEFAULT_LANGUAGE).get(key)):
        if text is None:
            continue
        try:
            return fill(text, **kwargs) if kwargs else text
        except (KeyError, IndexError, ValueError):
            continue  # a translation with a broken placeholder: try English
    # A key no catalog has is a bug the tests catch; show something readable rather than crash.
    return key.rsplit(".", 1)[-1].replace("_", " ")


def has_key(key: str) -> bool:
    return key in catalog(DEFAULT_LANGUAGE)


def missing_keys() -> set[tuple[str, str]]:
    """(language, key) pairs looked up since the start (or since forget_missing) that had no text."""
    return set(_missing)


def forget_missing() -> None:
    _missing.clear()
