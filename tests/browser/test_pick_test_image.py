"""A student who cannot draw takes part (issue #33, item 4): on the Draw page, with the keyboard alone (Tab, arrow
keys, typing, Enter; no mouse), they pick a test image by its number, read it, give it to the class set, and pick
a random one of a digit."""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import Page, expect

from harness.browser import screenshot, wait_idle
from harness.selectors import PREDICTION, keyed
from mnist_core import config, i18n
from mnist_core.classset.drawings import ClassDrawings
from mnist_core.data import datasets

STUDENT = "Seo-yeon"
INDEX = 42  # any test image
DIGIT = 3  # the digit of the random pick
MOST_TABS = 120  # the sidebar and the page's widgets before the one sought: a bound, in case it is never reached
FOCUSED_IN = "selector => Boolean(document.activeElement && document.activeElement.closest(selector))"


def say(key: str, **values: object) -> str:
    return i18n.t(key, "en", **values)


def tab_to(page: Page, selector: str) -> None:
    """Press Tab until the keyboard's focus is inside `selector`, as a keyboard user does."""
    for _ in range(MOST_TABS):
        if page.evaluate(FOCUSED_IN, selector):
            return
        page.keyboard.press("Tab")
    pytest.fail(f"Tab never reached {selector}")


def shown_test_image(page: Page, index: int, label: int) -> None:
    """The page reads this test image: its picture, named in words, and the network's answer."""
    picture = page.locator(f"{keyed('pictures-pick-test-image-shown')} img")
    expect(picture).to_have_attribute("alt", say("pick.alt", index=index, label=label))
    expect(page.locator(keyed("pick-test-image"))).to_contain_text(say("pick.caption", index=index, label=label))
    expect(page.locator(PREDICTION)).to_have_text(re.compile(r"^\d$"))


@pytest.mark.browser
def test_a_test_image_picked_read_and_given_with_the_keyboard_only(open_app, runs_dir):
    labels = datasets.load("mnist").y_test
    page = open_app("draw", student=STUDENT)
    page.locator(keyed("pick-test-image")).wait_for()

    # By its number: type it, Enter; then on to the button and Enter.
    tab_to(page, f"{keyed('pick-test-image-number')} input")
    page.keyboard.press("Control+A")
    page.keyboard.type(str(INDEX))
    page.keyboard.press("Enter")
    wait_idle(page)
    tab_to(page, f"{keyed('pick-test-image-read')} button")
    page.keyboard.press("Enter")
    label = int(labels[INDEX])
    shown_test_image(page, INDEX, label)
    wait_idle(page)

    # Given to the class set as the digit its label says, by the give button of that digit.
    tab_to(page, f"{keyed(f'give-{label}')} button")
    page.keyboard.press("Enter")
    given = page.locator(f"{keyed('give-drawing')} [data-testid=stAlertContentSuccess]")
    expect(given).to_contain_text(f"Given as a {label}")
    store = ClassDrawings(config.class_db_path({"MNIST_APP_RUNS_DIR": str(runs_dir)}))
    assert int(store.counts()[label]) == 1 and int(store.counts().sum()) == 1
    (drawing_id,) = store.ids()
    assert json.loads(store.strokes(drawing_id)) == {"test_image": INDEX}
    screenshot(page, "given")

    # A random one of a digit: back to the choice (Shift+Tab), the arrow keys open it, typing finds the option.
    choice = f"{keyed('pick-test-image-how')} input"
    for _ in range(MOST_TABS):
        if page.evaluate(FOCUSED_IN, choice):
            break
        page.keyboard.press("Shift+Tab")
    page.keyboard.press("ArrowDown")
    page.keyboard.type(say("pick.random", digit=DIGIT))
    page.keyboard.press("Enter")
    wait_idle(page)
    expect(page.locator(keyed("pick-test-image-number"))).to_have_count(0)  # no number to type for a random one
    tab_to(page, f"{keyed('pick-test-image-read')} button")
    page.keyboard.press("Enter")
    caption = page.locator(keyed("pick-test-image")).get_by_text(re.compile(rf"^Test image (\d+): {DIGIT}$"))
    expect(caption).to_be_visible()
    index = int(re.match(r"Test image (\d+)", caption.inner_text()).group(1))
    assert int(labels[index]) == DIGIT
    shown_test_image(page, index, DIGIT)
