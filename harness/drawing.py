"""The Draw page in Chromium: replay pen strokes on the canvas (mouse or finger), wait for the reading, clear it."""

from __future__ import annotations

import time
from collections.abc import Callable

from playwright.sync_api import Locator, Page, expect

from harness.browser import button, wait_idle
from harness.selectors import CANVAS, IDLE_APP, PICTURES, PREDICTION, keyed
from mnist_core.data.pen_digits import PEN_CANVAS

Stroke = list[tuple[float, float]]


def canvas(page: Page) -> Locator:
    """The drawing surface: fabric.js puts the mouse-handling canvas (`upper-canvas`) over the drawn one."""
    return page.locator(CANVAS)


def draw_strokes(page: Page, strokes: list[Stroke]) -> float:
    """Replay pen strokes with the mouse, one press-move-release per stroke; returns seconds to the answer.

    Each stroke makes the app read the drawing again; the next stroke starts once the page shows that reading
    (its pictures of "what the model sees" change), so every stroke is seen. The time returned runs from
    releasing the last stroke to the page showing the answer for the whole drawing, the run over and its pictures
    loaded.
    """

    def with_the_mouse(points: list[tuple[float, float]]) -> None:
        page.mouse.move(*points[0])
        page.mouse.down()
        for x, y in points[1:]:  # a one-point stroke is a dot: press and release in place
            page.mouse.move(x, y, steps=1)
        page.mouse.up()

    return replay(page, strokes, with_the_mouse)


def touch_strokes(page: Page, strokes: list[Stroke]) -> float:
    """Replay pen strokes with a finger, as a phone's or tablet's touch screen sends them; like `draw_strokes`.

    Playwright has no touch drag, so the touches go through the Chrome DevTools Protocol (the page's context
    needs `has_touch=True`). Points are CSS pixels of the window, as the mouse's are.
    """
    session = page.context.new_cdp_session(page)

    def touch(kind: str, points: list[dict[str, float]]) -> None:
        session.send("Input.dispatchTouchEvent", {"type": kind, "touchPoints": points})

    def with_a_finger(points: list[tuple[float, float]]) -> None:
        touch("touchStart", [{"x": points[0][0], "y": points[0][1]}])
        for x, y in points[1:]:
            touch("touchMove", [{"x": x, "y": y}])
        touch("touchEnd", [])

    try:
        return replay(page, strokes, with_a_finger)
    finally:
        session.detach()


def replay(page: Page, strokes: list[Stroke], trace: Callable[[list[tuple[float, float]]], None]) -> float:
    """Trace each stroke on the canvas (points in window coordinates), waiting for the reading after each one."""
    surface = canvas(page)
    surface.scroll_into_view_if_needed()
    box = surface.bounding_box()
    assert box is not None, "the canvas is not on screen"
    scale_x, scale_y = box["width"] / PEN_CANVAS, box["height"] / PEN_CANVAS
    seconds = 0.0
    for stroke in strokes:
        trace([(box["x"] + x * scale_x, box["y"] + y * scale_y) for x, y in stroke])
        released = time.perf_counter()
        # Taken once the stroke is over (the canvas sends it a moment later): the page no longer changes by then.
        wait_for_new_reading(page, reading_signature(page))
        seconds = time.perf_counter() - released
    return seconds


# What the page shows about the drawing: its pictures (media URLs are content hashes) and the predicted label.
READING_SIGNATURE_JS = f"""() => [
  ...[...document.querySelectorAll('{PICTURES}')].map(image => image.src),
  ...[...document.querySelectorAll('{PREDICTION}')].map(value => value.textContent),
].join(' ')"""


def reading_signature(page: Page) -> str:
    return page.evaluate(READING_SIGNATURE_JS)


def wait_for_new_reading(page: Page, before: str) -> None:
    """Wait until the page shows another reading than `before`, whole, and the run that drew it has ended.

    Whole: its pictures are there and loaded (a drawing always has some, its ink at least). Streamlit shows an
    element a moment after the run that made it ended when its code loads on first use, so the first answer on a
    page comes in parts; a reading taken before it is whole would change again, as if the next stroke had answered.
    """
    page.wait_for_function(
        f"""before => {{
            const pictures = [...document.querySelectorAll('{PICTURES}')];
            return document.querySelector('{IDLE_APP}') !== null && ({READING_SIGNATURE_JS})() !== before &&
                pictures.length > 0 && pictures.every(picture => picture.complete);
        }}""",
        arg=before,
        polling=25,
    )


def predicted_label(page: Page) -> str:
    return page.locator(PREDICTION).inner_text().strip()


def clear_canvas(page: Page) -> None:
    """Press the clear button; wait until the prediction is gone and a fresh, empty canvas is in place."""
    canvas(page).evaluate("element => element.setAttribute('data-test-drawn-on', 'yes')")
    button(page, "clear-canvas").click()
    expect(page.locator(PREDICTION)).to_have_count(0)
    fresh = page.locator(f"{keyed('draw-canvas')} canvas.upper-canvas:not([data-test-drawn-on])")
    expect(fresh).to_be_visible()
    wait_idle(page)
