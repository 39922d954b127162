"""Every page on five screens, from a phone to a desktop: the canvas whole, the answer in view while drawing, no
picture over another, every picture at its own size; real pen digits drawn with a finger on the phone and the
tablet, with the mouse elsewhere, read right. And the canvas whole at every window width, sidebar open or closed.
"""

from __future__ import annotations

import itertools

import pytest
from playwright.sync_api import Page, expect

from harness.browser import (
    Screen,
    blurred_pictures,
    picture_boxes,
    screenshot,
    set_sidebar,
    wait_for_app,
    wait_for_layout,
    wait_for_pictures,
)
from harness.drawing import canvas, clear_canvas, draw_strokes, predicted_label, touch_strokes
from harness.selectors import PAGE_LANDMARKS, PREDICTION, keyed
from mnist_core.data.pen_digits import PenDigit
from mnist_core.limits import CANVAS_SIZE

SCREENS = [
    Screen("phone", 390, 844, device_scale_factor=3, touch=True, mobile=True),
    Screen("tablet", 820, 1180, device_scale_factor=2, touch=True),  # held upright
    Screen("projector", 1024, 768),
    Screen("laptop", 1366, 768),
    Screen("desktop", 1920, 1080),
]
DIGITS_PER_SCREEN = 3
PROBABILITIES = f"{keyed('reading')} [data-testid=stVegaLiteChart]"
TOUCHING = 1.0  # px: boxes that share an edge may overlap by a rounding error
# Widths to sweep, with the sidebar open and closed: both ends, steps between, Streamlit's phone breakpoint
# (768: from 769 px the open sidebar takes room from the page rather than covering it) and the five screens.
WIDTHS = sorted({*range(360, 1921, 80), 768, 769, *(screen.width for screen in SCREENS), 1920})
SWEEP_HEIGHT = 900
MAIN = "[data-testid=stMain]"


def digits_for(screen_number: int, pen_digits: list[PenDigit]) -> list[PenDigit]:
    """Different digits and writers on each screen: screen n draws labels 3n, 3n+1, 3n+2 (mod 10), n-th sample."""
    labels = [(DIGITS_PER_SCREEN * screen_number + offset) % 10 for offset in range(DIGITS_PER_SCREEN)]
    return [[digit for digit in pen_digits if digit.label == label][screen_number] for label in labels]


def in_view_while_drawing(screen: Screen) -> list[str]:
    """What a student sees while drawing, without scrolling: on a phone the answer, on larger screens the chart too."""
    return [PREDICTION] if screen.name == "phone" else [PREDICTION, PROBABILITIES]


def box_of(page: Page, selector: str) -> dict:
    box = page.locator(selector).first.bounding_box()
    assert box is not None, f"{selector} is not on the page"
    return box


def inside(inner: dict, outer: dict) -> bool:
    return (
        inner["x"] >= outer["x"] - TOUCHING
        and inner["y"] >= outer["y"] - TOUCHING
        and inner["x"] + inner["width"] <= outer["x"] + outer["width"] + TOUCHING
        and inner["y"] + inner["height"] <= outer["y"] + outer["height"] + TOUCHING
    )


def overlap(one: dict, other: dict) -> bool:
    across = min(one["x"] + one["width"], other["x"] + other["width"]) - max(one["x"], other["x"])
    down = min(one["y"] + one["height"], other["y"] + other["height"]) - max(one["y"], other["y"])
    return across > TOUCHING and down > TOUCHING


def layout_problems(page: Page) -> list[str]:
    """Pictures, captions and charts (and the canvas) over one another, cut off at the sides, or blurred."""
    boxes = picture_boxes(page)
    if canvas(page).count():
        boxes.append({"what": "canvas", **canvas(page).bounding_box()})
    main = box_of(page, MAIN)
    across_main = {"x": main["x"], "y": -1e9, "width": main["width"], "height": 2e9}  # its left and right edges
    pairs = itertools.combinations(boxes, 2)
    problems = [f"{one['what']} overlaps {other['what']}" for one, other in pairs if overlap(one, other)]
    problems += [f"{box['what']} sticks out of the page at the side" for box in boxes if not inside(box, across_main)]
    return problems + [f"blurred: {picture}" for picture in blurred_pictures(page)]


def canvas_problems(page: Page) -> list[str]:
    """Why the canvas is not whole on the screen: shrunk, or cut by its container, the page or the window."""
    surface = canvas(page).bounding_box()
    assert surface is not None, "the canvas is not on the page"
    window = page.viewport_size
    places = {
        "its container": box_of(page, keyed("draw-canvas")),
        "the page": box_of(page, MAIN),
        "the window": {"x": 0, "y": 0, "width": window["width"], "height": window["height"]},
    }
    problems = [f"cut by {name}: {surface} in {box}" for name, box in places.items() if not inside(surface, box)]
    if (surface["width"], surface["height"]) != (CANVAS_SIZE, CANVAS_SIZE):
        problems.append(f"the canvas is shown {surface['width']} x {surface['height']} px, not {CANVAS_SIZE}")
    if overlap(surface, box_of(page, keyed("reading"))):
        problems.append("the canvas and the answer overlap")
    return problems


def open_page_on(page: Page, base_url: str, slug: str) -> None:
    page.goto(f"{base_url}/{slug}")
    wait_for_app(page)
    page.locator(PAGE_LANDMARKS[slug]).first.wait_for()
    wait_for_pictures(page)


@pytest.mark.browser
@pytest.mark.parametrize("screen", SCREENS, ids=[screen.name for screen in SCREENS])
def test_every_page_fits_the_screen(open_app, app_server, pen_digits, screen):
    page = open_app("draw", screen=screen)
    assert canvas_problems(page) == []
    canvas_top = canvas(page).bounding_box()["y"]

    draw = touch_strokes if screen.touch else draw_strokes
    misses = []
    for number, digit in enumerate(digits_for(SCREENS.index(screen), pen_digits)):
        if number:
            clear_canvas(page)
        draw(page, digit.strokes)
        answer = predicted_label(page)
        if answer != str(digit.label):
            misses.append(f"{digit.id} (writer {digit.writer}): drew {digit.label}, read {answer}")
        # Seen without scrolling: the page has not moved, and the answer is wholly in the window.
        assert canvas(page).bounding_box()["y"] == canvas_top, "the page scrolled while drawing"
        for part in in_view_while_drawing(screen):
            expect(page.locator(part)).to_be_in_viewport(ratio=1)
    print(f"\n{screen.name}: {DIGITS_PER_SCREEN - len(misses)} of {DIGITS_PER_SCREEN} digits read right")
    assert misses == []
    wait_for_pictures(page)
    assert layout_problems(page) == []
    screenshot(page)

    # The other pages (the Train page's charts: the saved runs' curves).
    for slug in ["", "mistakes", "train"]:
        open_page_on(page, app_server.url, slug)
        assert layout_problems(page) == [], f"on {slug or 'home'}"
        screenshot(page)


@pytest.mark.browser
def test_the_canvas_is_whole_at_every_width(open_app):
    page = open_app("draw")
    problems = []
    for expanded, width in itertools.product([True, False], WIDTHS):
        page.set_viewport_size({"width": width, "height": SWEEP_HEIGHT})
        wait_for_layout(page)
        set_sidebar(page, expanded)
        problems += [f"{width} px, sidebar {'open' if expanded else 'closed'}: {p}" for p in canvas_problems(page)]
    assert problems == []
