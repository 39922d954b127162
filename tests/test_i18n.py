"""The message catalogs: every key the app uses exists in English, and t() never shows a raw key."""

import ast
import string
from pathlib import Path

import pytest

from mnist_core import i18n
from mnist_core.datasets import DATASET_NAMES
from mnist_core.i18n import t
from mnist_core.model import MODEL_KINDS

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [
    ROOT / "app.py",
    ROOT / "ui.py",
    *sorted((ROOT / "app_pages").glob("*.py")),
    ROOT / "mnist_core/presentation.py",
]

# Keys built at run time (f-strings), listed out.
DYNAMIC_KEYS = (
    [f"dataset.{name}" for name in DATASET_NAMES]
    + [f"dataset.{name}.short" for name in DATASET_NAMES]
    + [f"model.{kind}" for kind in MODEL_KINDS]
    + [f"model.{kind}.short" for kind in MODEL_KINDS]
    + [f"classes.fashion_mnist.{index}" for index in range(10)]
    + [f"runs.status.{status}" for status in ("finished", "stopped")]
    + [f"train.done.{state}" for state in ("finished", "stopped")]
    + [f"draw.step.{step}" for step in ("ink", "cropped", "scaled", "padded", "centred")]
    + [f"draw.{status}" for status in ("too_small", "too_full")]
    + [f"chart.curve.{name}" for name in ("loss", "val_loss", "accuracy", "val_accuracy")]
    + [f"chart.{name}" for name in ("train", "validation", "loss", "accuracy")]
)


def literal_keys() -> set[str]:
    """Every t("...") key written as a plain string in the app's source."""
    keys = set()
    for path in SOURCES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "t"
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


def test_every_message_formats_with_its_own_placeholders():
    for key, text in i18n.catalog("en").items():
        fields = {name for _, name, _, _ in string.Formatter().parse(text) if name}
        values = dict.fromkeys(fields, 1)
        assert t(key, **values), key


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
