"""A browser set to Korean gets the whole app in Korean: titles, sidebar, widgets, messages, the prediction."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from harness.browser import screenshot, wait_idle
from harness.drawing import clear_canvas, draw_strokes
from harness.language import HANGUL, KEY_LIKE, english_sentences, hangul_share
from harness.selectors import PAGE_LANDMARKS, PREDICTION, keyed
from mnist_core.locales import ko

PAGE_TITLES = {
    "": "home.title",
    "train": "train.title",
    "draw": "draw.title",
    "mistakes": "mistakes.title",
    "class_page": "class.title",
    "teacher": "teacher.title",
}
NAV_KEYS = ["nav.home", "nav.train", "nav.draw", "nav.mistakes", "nav.class", "nav.teacher"]
LANDMARKS = {**PAGE_LANDMARKS, "class_page": keyed("class-count"), "teacher": keyed("teacher-password")}


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
    page.locator(LANDMARKS[slug]).first.wait_for()
    wait_idle(page)

    expect(page.locator("[data-testid=stMain] h1").first).to_have_text(ko.MESSAGES[PAGE_TITLES[slug]])
    hide_icons(page)
    nav = page.locator("[data-testid=stSidebarNav] a").all_inner_texts()
    assert [label.strip() for label in nav] == [ko.MESSAGES[key] for key in NAV_KEYS]
    text = visible_text(page)
    share = hangul_share(text)
    english_left = [sentence for sentence in english_sentences(rendered=True) if sentence in text]
    raw_keys = KEY_LIKE.findall(text)
    print(f"\n/{slug} in Korean: {share:.0%} of the letters on the page are Hangul")
    assert not english_left, english_left
    assert not raw_keys, raw_keys
    assert share > 0.5, text[:500]
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
