"""Every page opens without a Streamlit exception or a browser console error, directly and from the sidebar."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from harness.browser import go_to_page, screenshot
from harness.selectors import PAGE_LANDMARKS

PAGES = ["train", "draw", "mistakes"]  # besides home, at "/"
EXCEPTION = "[data-testid=stException]"


@pytest.mark.browser
@pytest.mark.parametrize("slug", ["", *PAGES], ids=["home", *PAGES])
def test_page_opens_by_its_url(open_app, slug):
    page = open_app(slug)
    # Elements appear a little after the run ends (their code loads on first use): wait for the page's own.
    page.locator(f"{PAGE_LANDMARKS[slug]}, {EXCEPTION}").first.wait_for()
    expect(page.locator(EXCEPTION)).to_have_count(0)
    expect(page.locator(PAGE_LANDMARKS[slug])).to_be_visible()


@pytest.mark.browser
def test_sidebar_reaches_every_page(page):
    for slug in [*PAGES, ""]:
        go_to_page(page, slug)
        expect(page.locator(EXCEPTION)).to_have_count(0)
        screenshot(page)
