"""A browser set to Korean gets the whole app in Korean: titles, sidebar, widgets, messages, the prediction."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from mnist_core.locales import en, ko

from .conftest import PAGE_LANDMARKS, PREDICTION, clear_canvas, draw_strokes, keyed, screenshot, wait_idle

HANGUL = re.compile("[\uac00-\ud7a3]")
PAGE_TITLES = {"": "home.title", "train": "train.title", "draw": "draw.title", "mistakes": "mistakes.title"}
NAV_KEYS = ["nav.home", "nav.train", "nav.draw", "nav.mistakes"]
NAMESPACES = "|".join(sorted({key.split(".")[0] for key in en.MESSAGES}))
KEY_LIKE = re.compile(rf"\b(?:{NAMESPACES})\.[a-z_]+(?:\.[a-z0-9_]+)*\b")
PLACEHOLDER = re.compile(r"\{[^}]*\}")


def english_sentences() -> list[str]:
    """English messages long enough to be unmistakable, cut at their placeholders, that Korean says otherwise."""
    pieces = set()
    for key, english in en.MESSAGES.items():
        if english == ko.MESSAGES[key]:
            continue
        for piece in PLACEHOLDER.split(english.splitlines()[0]):
            piece = re.sub(r"[*_`#>]", "", piece).strip()  # markdown marks are not on the screen
            if len(piece) >= 20 and " " in piece:
                pieces.add(piece)
    return sorted(pieces)


def visible_text(page) -> str:
    """What a person reads on the page: the main part and the sidebar, without the icons' ligature names."""
    hide_icons(page)
    return "\n".join(page.locator(f"[data-testid={part}]").inner_text() for part in ("stMain", "stSidebar"))


def hide_icons(page) -> None:
    # Material icons are words drawn by a font ("home", "draw"): the text of a page, not what a person reads.
    page.add_style_tag(content="[data-testid=stIconMaterial] { display: none !important; }")


@pytest.mark.browser
@pytest.mark.parametrize("slug", list(PAGE_TITLES), ids=["home", *list(PAGE_TITLES)[1:]])
def test_a_korean_browser_gets_every_page_in_korean(open_app, slug):
    page = open_app(slug, locale="ko-KR")
    page.locator(PAGE_LANDMARKS[slug]).first.wait_for()
    wait_idle(page)

    expect(page.locator("[data-testid=stMain] h1").first).to_have_text(ko.MESSAGES[PAGE_TITLES[slug]])
    hide_icons(page)
    nav = page.locator("[data-testid=stSidebarNav] a").all_inner_texts()
    assert [label.strip() for label in nav] == [ko.MESSAGES[key] for key in NAV_KEYS]
    text = visible_text(page)
    hangul_share = len(HANGUL.findall(text)) / max(1, len(re.findall(r"[^\W\d_]", text)))
    english_left = [sentence for sentence in english_sentences() if sentence in text]
    raw_keys = KEY_LIKE.findall(text)
    print(f"\n/{slug} in Korean: {hangul_share:.0%} of the letters on the page are Hangul")
    assert not english_left, english_left
    assert not raw_keys, raw_keys
    assert hangul_share > 0.5, text[:500]
    screenshot(page, "ko")


@pytest.mark.browser
def test_a_korean_browser_reads_a_drawing_in_korean(open_app, pen_digits):
    page = open_app("draw", locale="ko-KR")
    digit = pen_digits[0]
    draw_strokes(page, digit.strokes)
    expect(page.locator(f"{keyed('prediction')} [data-testid=stMetricLabel]")).to_have_text(
        ko.MESSAGES["draw.prediction"]
    )
    expect(page.locator(PREDICTION)).to_have_text(re.compile(r"^\d$"))
    assert HANGUL.search(page.locator(f"{keyed('prediction')} [data-testid=stProgress]").inner_text())
    screenshot(page, "ko-drawn")
    clear_canvas(page)
    expect(page.locator("[data-testid=stMain]")).to_contain_text(ko.MESSAGES["draw.blank"])
