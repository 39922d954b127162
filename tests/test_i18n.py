"""The message catalogs: every key the app uses exists in English and Korean, and t() never shows a raw key.

Also the language choice: a browser locale to a language, and a language for one block of code.
"""

import ast
import re
import string
import threading
from pathlib import Path

import pytest

from mnist_core import errors, i18n
from mnist_core.data.datasets import DATASET_NAMES, DatasetCorruptError, DatasetError, DatasetNotFoundError
from mnist_core.errors import advice
from mnist_core.i18n import language_for_locale, t
from mnist_core.locales import en, ko
from mnist_core.model import layers
from mnist_core.model.keras_model import ALL_MODEL_KINDS, OPTIMIZERS
from mnist_core.reading import explain, fooling
from mnist_core.reading.preprocess import DrawingStatus
from mnist_core.runs.store import RunError, RunStatus
from mnist_core.text import inside_words

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [  # everything that may show text: the app, its pages, the ui package, and mnist_core outside the catalogs
    ROOT / "app.py",
    *sorted((ROOT / "ui").glob("*.py")),
    *sorted((ROOT / "app_pages").glob("*.py")),
    *sorted(path for path in (ROOT / "mnist_core").rglob("*.py") if "locales" not in path.parts),
]

# Keys built at run time (f-strings), listed out.
DYNAMIC_KEYS = (
    [f"dataset.{name}" for name in DATASET_NAMES]
    + [f"dataset.{name}.short" for name in DATASET_NAMES]
    + [f"model.{kind}" for kind in ALL_MODEL_KINDS]
    + [f"model.{kind}.short" for kind in ALL_MODEL_KINDS]
    + [f"optimizer.{name}" for name in OPTIMIZERS]
    + [f"optimizer.{name}.short" for name in OPTIMIZERS]
    + [f"train.by_teacher.{state}" for state in ("stopped", "cancelled")]
    + [f"classes.fashion_mnist.{index}" for index in range(10)]
    + [f"runs.status.{status}" for status in RunStatus]
    + [f"train.done.{state}" for state in RunStatus]
    + [f"draw.step.{step}" for step in ("ink", "cropped", "scaled", "padded", "centred")]
    + [f"draw.{status}" for status in (DrawingStatus.TOO_SMALL, DrawingStatus.TOO_FULL)]
    + [f"chart.curve.{name}" for name in ("loss", "val_loss", "accuracy", "val_accuracy")]
    + [f"chart.{name}" for name in ("train", "validation", "loss", "accuracy")]
    + [*errors.ADVICE.values(), errors.FALLBACK_ADVICE]
    + list(layers.MESSAGE_KEYS)
    + list(explain.MESSAGE_KEYS)
    + list(fooling.MESSAGE_KEYS)
    + list(inside_words.REGION_KEYS)
)


def literal_keys() -> set[str]:
    """Every key written as a plain string in a t(...), Refusal(...) or one of their kin's call in the app's source."""
    keys = set()
    for path in SOURCES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in ("t", "Refusal", "LayerSpecError", "OverCap")
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                keys.add(node.args[0].value)
    return keys


def test_the_scan_finds_the_keys():
    assert {"home.title", "draw.prediction", "mistakes.headline"} <= literal_keys()


@pytest.mark.parametrize("key", sorted(literal_keys()) + DYNAMIC_KEYS)
def test_every_key_used_has_english_text(key):
    assert i18n.has_key(key), f"{key} is missing from mnist_core/locales/en.py"


def test_every_key_is_used():
    unused = set(en.MESSAGES) - literal_keys() - set(DYNAMIC_KEYS)
    assert not unused, f"keys no page uses: {sorted(unused)}"


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_language_has_exactly_the_english_keys_with_the_same_placeholders():
    for language in i18n.LANGUAGES:
        messages = i18n.catalog(language)
        assert set(messages) == set(en.MESSAGES), (
            language,
            sorted(set(en.MESSAGES) ^ set(messages)),
        )
        for key, text in en.MESSAGES.items():
            assert placeholders(messages[key]) == placeholders(text), (language, key)


COUNT_WITH_NOUN = re.compile(r"\{(\w+):([^{}|]+)\|([^{}|]+)\}")  # {epochs:epoch|epochs}


def expected(text: str, number: int) -> str:
    """The message as a reader should see it with every value `number`: counts with nouns worked out by hand."""
    nouns = COUNT_WITH_NOUN.sub(lambda m: f"{number} {m.group(2) if number == 1 else m.group(3)}", text)
    return nouns.format(**dict.fromkeys(placeholders(nouns), number))


@pytest.mark.parametrize("language", i18n.LANGUAGES)
@pytest.mark.parametrize("number", [1, 2])
def test_every_message_formats_with_its_own_placeholders(language, number):
    for key, text in i18n.catalog(language).items():
        shown = t(key, lang=language, **dict.fromkeys(placeholders(text), number))
        assert shown and shown == expected(text, number), (language, key)


def test_a_count_takes_the_singular_only_for_one():
    assert t("train.done.stopped", epochs=1) == "■ Stopped after 1 epoch. The model so far is saved."
    assert t("train.done.stopped", epochs=3) == "■ Stopped after 3 epochs. The model so far is saved."
    assert t("train.done.stopped", epochs=0) == "■ Stopped after 0 epochs. The model so far is saved."
    assert t("mistakes.showing", shown=20, matching=1234) == "Showing 20 of 1,234 mistakes."
    assert t("mistakes.showing", shown=1, matching=1) == "Showing 1 of 1 mistake."
    korean = t("train.done.stopped", lang="ko", epochs=1)
    assert "1" in korean and "epoch" not in korean  # Korean needs no plural and names no English noun


def test_english_writes_no_count_with_a_bare_plural():
    """ "{epochs} epochs" would read "1 epochs": every count of a noun names both forms."""
    bare = re.compile(r"\{(\w+)(:[^}]*)?\} (epochs|drawings|students|minutes|mistakes|trainings|seconds)\b")
    for key, text in en.MESSAGES.items():
        match = bare.search(text)
        assert match is None or "|" in (match.group(2) or ""), (key, text)


# Korean messages with Latin letters and no Hangul: names the same in both languages.
SAME_IN_KOREAN = {"model.mlp.short", "model.cnn.short", *(f"optimizer.{name}.short" for name in OPTIMIZERS)}


def test_korean_is_korean():
    hangul = re.compile("[\uac00-\ud7a3]")
    for key, text in ko.MESSAGES.items():
        words = re.sub(r"\{[^}]*\}", "", text)  # placeholders are not words
        if re.search("[A-Za-z]", words) and key not in SAME_IN_KOREAN:
            assert hangul.search(text), f"{key} is not translated: {text!r}"
    assert t("classes.fashion_mnist.9", lang="ko") == "앵클 부츠"
    assert t("mistakes.headline", lang="ko", wrong=196, total=10000, right="98.04%") == (
        "테스트 이미지 10,000장 중 196장 틀림 (정확도 98.04%)"
    )


def test_formatting_and_thousands():
    assert t("mistakes.headline", wrong=196, total=10000, right="98.04%") == (
        "196 of 10,000 test images wrong (98.04% right)"
    )


def test_a_missing_key_never_shows_as_a_raw_key():
    text = t("nowhere.some_missing_key")
    assert text == "some missing key"
    assert "." not in text


def test_a_missing_placeholder_does_not_crash():
    assert t("mistakes.headline") == i18n.catalog("en")["mistakes.headline"]  # no kwargs: the text as is
    assert t("train.queued", wrong_name=3)  # broken fill: falls back, never raises


def test_the_language_comes_from_the_source_the_app_sets():
    previous = i18n._language_source
    try:
        i18n.set_language_source(lambda: "xx")  # a language we do not have: English
        assert i18n.current_language() == "en"
        i18n.set_language_source(lambda: 1 / 0)  # no session at all: English
        assert i18n.current_language() == "en"
        assert t("nav.home") == "Home"
    finally:
        i18n.set_language_source(previous)


def test_an_unknown_language_reads_english():
    assert t("nav.train", lang="xx") == "Train"


# Choosing the language


@pytest.mark.parametrize(
    ("locale", "language"),
    [
        ("ko-KR", "ko"),
        ("ko", "ko"),
        ("ko_KR", "ko"),
        ("KO-kr", "ko"),
        ("ko-Kore-KR", "ko"),
        (" ko-KR ", "ko"),
        ("en-US", "en"),
        ("en", "en"),
        ("ja-JP", "en"),
        ("de-DE", "en"),
        ("kok-IN", "en"),  # Konkani: starts with "ko" but is not Korean
        ("", "en"),
        (None, "en"),
    ],
)
def test_a_browser_locale_gives_korean_for_korean_and_english_otherwise(locale, language):
    assert language_for_locale(locale) == language


def test_in_language_holds_for_its_block_in_its_thread_only():
    previous = i18n._language_source
    try:
        i18n.set_language_source(lambda: "ko")
        assert t("nav.home") == "홈"
        seen = {}
        with i18n.in_language("en"):
            assert t("nav.home") == "Home"
            other = threading.Thread(target=lambda: seen.setdefault("other", t("nav.home")))
            other.start()
            other.join()
        assert seen["other"] == "홈"  # another thread (another session) is not affected
        assert t("nav.home") == "홈"
    finally:
        i18n.set_language_source(previous)


def test_a_key_missing_in_a_language_is_noted_and_shown_in_english(monkeypatch):
    monkeypatch.delitem(i18n.catalog("ko"), "nav.home")
    i18n.forget_missing()
    assert t("nav.home", lang="ko") == "Home"
    assert i18n.missing_keys() == {("ko", "nav.home")}
    i18n.forget_missing()


# Errors: what to do, in the reader's language (the error's own English message is shown as details)


@pytest.mark.parametrize(
    ("error", "english", "korean"),
    [
        (DatasetNotFoundError("Could not find it."), "not on this server", "파일이 없어요"),
        (DatasetCorruptError("Damaged."), "damaged or incomplete", "손상되었거나"),
        (DatasetError("Could not read."), "could not be read", "읽을 수 없어요"),
        (RunError("Run x has no model file."), "missing or damaged", "손상되었어요"),
        (ValueError("Epochs must be between 1 and 1000, not 0."), "whole number", "정수"),
        (RuntimeError("The disk is full."), "Try again", "다시 시도"),
    ],
)
def test_error_advice_in_both_languages(error, english, korean):
    with i18n.in_language("en"):
        assert english in advice(error)
    with i18n.in_language("ko"):
        assert korean in advice(error)
