"""Driving the app in Chromium: screens, wait for a page, press its buttons, switch pages, the sidebar, the pictures
on a page, watch for errors, screenshots.

Playwright's sync API. The app's selectors come from harness.selectors; the Draw page's canvas from
harness.drawing; the Train page from harness.train_page.
"""

from __future__ import annotations

import contextlib
import os
import re
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import ConsoleMessage, Locator, Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from harness.selectors import IDLE_APP, PAGE_LANDMARKS, PICTURES, keyed
from mnist_core.serving.front_door import COOKIE as PROCESS_COOKIE

DEFAULT_TIMEOUT_MS = 30_000  # Playwright waits: generous, the machine is small and shared
VIEWPORT = {"width": 1280, "height": 1000}
SCREENSHOT_DIR = Path(__file__).resolve().parent.parent / "test-artifacts" / "screenshots"
SIDEBAR = "[data-testid=stSidebar]"


@dataclass(frozen=True)
class Screen:
    """A device to open the app on: its window in CSS pixels, device pixels per CSS pixel, a touch screen or not."""

    name: str
    width: int
    height: int
    device_scale_factor: float = 1
    touch: bool = False
    mobile: bool = False  # a phone's browser: it honours the page's viewport meta tag, as a real phone does

    def context_options(self) -> dict:
        """Playwright's new_context arguments for this screen."""
        return {
            "viewport": {"width": self.width, "height": self.height},
            "device_scale_factor": self.device_scale_factor,
            "has_touch": self.touch,
            "is_mobile": self.mobile,
        }


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


def server_process(page: Page) -> str | None:
    """Which Streamlit process of a class server the page sits at (the front door's cookie), or None."""
    return next((cookie["value"] for cookie in page.context.cookies() if cookie["name"] == PROCESS_COOKIE), None)


def go_to_page(page: Page, slug: str) -> None:
    """Switch pages the way a user does, by the sidebar link (the session and its state stay)."""
    # The link keeps the page's query (?student=...): match the path only.
    links = "[data-testid=stSidebarNav] a"
    page.locator(f"{links}[href$='/{slug}'], {links}[href*='/{slug}?']").click()
    page.wait_for_url(re.compile(rf"/{slug}(\?.*)?$"))
    page.locator(PAGE_LANDMARKS[slug]).first.wait_for()
    wait_idle(page)


def set_sidebar(page: Page, expanded: bool) -> None:
    """Open or close the sidebar with its own buttons, as a user does, and wait until the page has moved over."""
    sidebar = page.locator(SIDEBAR)
    if (sidebar.get_attribute("data-collapsed") == "false") != expanded:
        if expanded:
            page.locator("[data-testid=stExpandSidebarButton]").click()
        else:
            sidebar.hover()  # the close button shows only while the pointer is over the sidebar
            page.locator("[data-testid=stSidebarCollapseButton] button").click()
    expect(sidebar).to_have_attribute("data-collapsed", "false" if expanded else "true")
    wait_for_layout(page)


# True once the sidebar and the main area have kept their place and size for a few frames (transitions over).
LAYOUT_STILL_JS = f"""() => {{
  const place = JSON.stringify(['{SIDEBAR}', '[data-testid=stMain]'].map(selector =>
    document.querySelector(selector)?.getBoundingClientRect() ?? null));
  window.__stillFrames = place === window.__lastPlace ? window.__stillFrames + 1 : 0;
  window.__lastPlace = place;
  return window.__stillFrames >= 5;
}}"""


def wait_for_layout(page: Page) -> None:
    """Wait until the page stops moving after a change of window size or of the sidebar."""
    page.evaluate("() => { window.__stillFrames = 0; window.__lastPlace = null; }")
    page.wait_for_function(LAYOUT_STILL_JS, polling="raf")


# Every picture of the main area, every caption under one, every chart: where it is, and what it is (for messages).
PICTURE_BOXES_JS = f"""() => {{
const pictureName = image =>
  image.parentElement.querySelector('[data-testid=stImageCaption]')?.textContent || image.src.split('/').pop();
return [
  ...[...document.querySelectorAll('{PICTURES}')].map(image => ['picture ' + pictureName(image), image]),
  ...[...document.querySelectorAll('[data-testid=stMain] [data-testid=stImageCaption]')]
    .map(caption => ['caption "' + caption.textContent + '"', caption]),
  ...[...document.querySelectorAll('[data-testid=stMain] [data-testid=stVegaLiteChart]')]
    .map(chart => ['chart', chart]),
].map(([what, element]) => {{
  const box = element.getBoundingClientRect();
  return {{what, x: box.x, y: box.y, width: box.width, height: box.height}};
}}).filter(box => box.width > 0 && box.height > 0);
}}"""


def picture_boxes(page: Page) -> list[dict]:
    """The boxes of the pictures, their captions and the charts on the page, in window coordinates (hidden ones not).

    Each is a dict with "what" (for messages) and x, y, width, height.
    """
    return page.evaluate(PICTURE_BOXES_JS)


# Pictures made to show their pixels (ui.pictures) that the browser blurs: shown at another width than their own,
# or enlarged for a screen of 2 or 3 device pixels per CSS pixel with smoothing (image-rendering other than pixelated).
BLURRED_PICTURES_JS = """() => [...document.querySelectorAll('[class*="st-key-pictures-"] img')]
  .map(image => [image.src.split('/').pop(), image.naturalWidth, image.getBoundingClientRect().width,
                 getComputedStyle(image).imageRendering])
  .filter(([name, own, shown, rendering]) => shown !== own || rendering !== 'pixelated')
  .map(([name, own, shown, rendering]) => `${name}: ${own} px wide, shown ${shown} px wide, ${rendering}`)"""


def blurred_pictures(page: Page) -> list[str]:
    """Pictures of sharp pixels that the browser would blur (none should be)."""
    return page.evaluate(BLURRED_PICTURES_JS)


class ConsoleErrors:
    """Console errors and uncaught exceptions of every page a test opened.

    One kind of Streamlit noise is let through, nothing else: opened at a page's URL (/train), the frontend first
    probes /train/_stcore/health and /train/_stcore/host-config (404) before it finds the server's base path:
    https://github.com/streamlit/streamlit/issues/7074. A picture that fails to load is an error: the app's pictures
    travel inside the page (data URLs), so none can go missing.
    """

    SUBPAGE_PROBE = re.compile(r"^https?://[^/]+/[^/]+/_stcore/(health|host-config|allowed-message-origins)$")

    def __init__(self) -> None:
        self.errors: list[str] = []

    def watch(self, page: Page, who: str) -> None:
        page.on("console", lambda message: self._console(who, message))
        page.on("pageerror", lambda error: self.errors.append(f"{who}: uncaught {error}"))

    def _console(self, who: str, message: ConsoleMessage) -> None:
        if message.type != "error":
            return
        url = message.location.get("url", "")
        if "404" in message.text and self.SUBPAGE_PROBE.match(url):
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
