"""Driving the app in Chromium: wait for a page, press its buttons, switch pages, watch for errors, screenshots.

Playwright's sync API. The app's selectors come from harness.selectors; the Draw page's canvas from
harness.drawing; the Train page from harness.train_page.
"""

from __future__ import annotations

import contextlib
import os
import re
import urllib.parse
from pathlib import Path

from playwright.sync_api import ConsoleMessage, Locator, Page
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from harness.selectors import IDLE_APP, PAGE_LANDMARKS, PICTURES, keyed

DEFAULT_TIMEOUT_MS = 30_000  # Playwright waits: generous, the machine is small and shared
VIEWPORT = {"width": 1280, "height": 1000}
SCREENSHOT_DIR = Path(__file__).resolve().parent.parent / "test-artifacts" / "screenshots"


def wait_for_app(page: Page, timeout_ms: float = 90_000) -> None:
    """Wait until the page's first script run has drawn the page and ended (a server's first run imports TF)."""
    page.locator("[data-testid=stMain] h1").first.wait_for(timeout=timeout_ms)
    wait_idle(page, timeout_ms)


def wait_idle(page: Page, timeout_ms: float = DEFAULT_TIMEOUT_MS) -> None:
    """Wait until no script run is going on.

    Only meaningful once the page shows something the awaited run drew: a quick run can start and end within one
    frame, so "not running" alone may still be the state from before it.
    """
    page.wait_for_selector(IDLE_APP, timeout=timeout_ms)


def button(page: Page, key: str) -> Locator:
    """The button with this key. (A button with a help text holds a second, hidden copy of itself: skip it.)"""
    return page.locator(f"{keyed(key)} button").filter(visible=True)


def go_to_page(page: Page, slug: str) -> None:
    """Switch pages the way a user does, by the sidebar link (the session and its state stay)."""
    page.locator(f"[data-testid=stSidebarNav] a[href$='/{slug}']").click()
    page.wait_for_url(re.compile(rf"/{slug}$"))
    page.locator(PAGE_LANDMARKS[slug]).first.wait_for()
    wait_idle(page)


class ConsoleErrors:
    """Console errors and uncaught exceptions of every page a test opened.

    Two kinds of Streamlit noise are let through, nothing else:
    - opened at a page's URL (/train), the frontend first probes /train/_stcore/health and /train/_stcore/host-config
      (404) before it finds the server's base path: https://github.com/streamlit/streamlit/issues/7074
    - a picture of a run that a newer run already replaced: Streamlit drops a session's old media files when a run
      ends, so a browser still fetching one gets a 404 ("Image source error"), and the newer picture shows instead.
      Quick reruns (a stroke every second) make this common. Counted, and `wait_for_pictures` makes sure every picture
      on the page at the end did load.
    """

    SUBPAGE_PROBE = re.compile(r"^https?://[^/]+/[^/]+/_stcore/(health|host-config|allowed-message-origins)$")
    MEDIA_FILE = re.compile(r"/media/[0-9a-f]+\.(png|jpe?g|gif|webp)")

    def __init__(self) -> None:
        self.errors: list[str] = []
        self.replaced_pictures = 0

    def watch(self, page: Page, who: str) -> None:
        page.on("console", lambda message: self._console(who, message))
        page.on("pageerror", lambda error: self.errors.append(f"{who}: uncaught {error}"))

    def _console(self, who: str, message: ConsoleMessage) -> None:
        if message.type != "error":
            return
        url = message.location.get("url", "")
        if "404" in message.text and self.SUBPAGE_PROBE.match(url):
            return
        if ("404" in message.text and self.MEDIA_FILE.search(url)) or (
            "Image source error" in message.text and self.MEDIA_FILE.search(message.text)
        ):
            self.replaced_pictures += 1
            return
        self.errors.append(f"{who}: console error: {message.text} ({url})")


def wait_for_pictures(page: Page, timeout_ms: float = 15_000) -> list[str]:
    """Wait until every picture on the page has loaded; returns those that did not (broken or still loading)."""
    wait_idle(page)
    all_loaded = f"() => [...document.querySelectorAll('{PICTURES}')].every(i => i.naturalWidth > 0)"
    with contextlib.suppress(PlaywrightTimeoutError):  # then say which did not load
        page.wait_for_function(all_loaded, timeout=timeout_ms)
    return page.evaluate(
        f"() => [...document.querySelectorAll('{PICTURES}')]"
        ".filter(image => image.naturalWidth === 0).map(image => image.src)"
    )


def screenshot(page: Page, who: str = "") -> Path:
    """Save a full-page screenshot as test-artifacts/screenshots/<test name>-[<who>-]<page>.png."""
    test_name = os.environ.get("PYTEST_CURRENT_TEST", "test").split("::")[-1].split(" ")[0]
    test_name = re.sub(r"[^\w.-]+", "_", test_name.replace("[", "_").replace("]", ""))
    page_name = page_slug(page)
    path = SCREENSHOT_DIR / "-".join(part for part in (test_name, who, page_name) if part)
    path = path.with_name(path.name + ".png")
    path.parent.mkdir(parents=True, exist_ok=True)
    wait_for_pictures(page, 5_000)  # best effort: a screenshot of grey placeholders shows little
    # Streamlit scrolls inside its main section, not the document: make the window as tall as the content.
    viewport = page.viewport_size or VIEWPORT
    content_height = page.evaluate(
        "() => Math.max(...[...document.querySelectorAll('[data-testid=stMain], [data-testid=stSidebarContent]')]"
        ".map(element => element.scrollHeight), 0)"
    )
    page.set_viewport_size({"width": viewport["width"], "height": max(viewport["height"], min(content_height, 8000))})
    try:
        wait_for_pictures(page, 5_000)  # a taller window lays the page out again
        page.screenshot(path=path, full_page=True)
    finally:
        page.set_viewport_size(viewport)
    return path


def page_slug(page: Page) -> str:
    """The app page shown: the URL path's last part ("train"), or "home"."""
    path = urllib.parse.urlparse(page.url).path.strip("/")
    return path.rsplit("/", 1)[-1] or "home"
