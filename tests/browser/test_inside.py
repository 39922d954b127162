"""Inside the network in Chromium: the CNN's filters and maps and the dense network's units on the Draw page, and
the first layer's weights forming on the Train page while a training runs."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from harness.browser import screenshot, wait_idle
from harness.drawing import draw_strokes
from harness.selectors import PROGRESS_BAR, keyed
from harness.train_page import set_epochs, start_training, wait_until_done
from mnist_core.runs.store import RunStore

INSIDE_PICTURES = f"{keyed('inside-network')} img"
WEIGHT_PICTURES = f"{keyed('weights-live')} img:not([alt^='Colour scale'])"  # the units, not the legend


def look_inside(page: Page) -> None:
    """Turn on "Look inside the network" (a switch under the pictures of what the model sees)."""
    switch = page.locator(keyed("show-inside"))
    switch.locator("label").click()
    expect(switch.locator("input")).to_be_checked()
    wait_idle(page)


def check_pictures(page: Page, at_least: int) -> int:
    """At least `at_least` pictures inside the network, every one loaded and with its alt text."""
    pictures = page.locator(INSIDE_PICTURES)
    expect(pictures.nth(at_least - 1)).to_be_visible()
    alts = pictures.evaluate_all("images => images.map(image => [image.alt, image.naturalWidth])")
    assert all(alt.strip() and width > 0 for alt, width in alts), alts
    return len(alts)


@pytest.mark.browser
def test_the_inside_of_the_cnn_follows_the_drawing(open_app, pen_digits):
    page = open_app("draw")
    draw_strokes(page, pen_digits[30].strokes)  # a 3
    look_inside(page)
    count = check_pictures(page, 34)  # the legend, conv1's 32 filters each above its map, the second layer's grid
    expect(page.locator(keyed("inside-network"))).to_contain_text("32 filters")
    before = page.locator(INSIDE_PICTURES).nth(5).get_attribute("src")
    draw_strokes(page, pen_digits[70].strokes)  # one more stroke: the maps follow it
    expect(page.locator(INSIDE_PICTURES).nth(5)).not_to_have_attribute("src", before)
    print(f"\n{count} pictures inside the CNN")
    screenshot(page, "cnn")


@pytest.mark.browser
def test_the_inside_of_the_dense_network_shows_its_busiest_units(open_app, runs_dir, pen_digits, quick_result):
    dense = RunStore(runs_dir).save(quick_result, teacher=True)  # the tutorial's network, trained briefly
    page = open_app("draw")
    choice = page.locator(keyed("draw-run")).get_by_role("combobox")
    choice.click()
    page.get_by_role("option", name=re.compile(r"Dense")).click()
    wait_idle(page)
    expect(choice).to_have_value(re.compile(r"Dense"))
    draw_strokes(page, pen_digits[70].strokes)  # a 7
    look_inside(page)
    count = check_pictures(page, 16)
    expect(page.locator(keyed("inside-network"))).to_contain_text("hidden")
    print(f"\n{count} pictures inside the dense network of run {dense.id}")
    screenshot(page, "dense")


@pytest.mark.browser
def test_the_weights_form_while_a_training_runs_and_stay_readable_after(open_app):
    page = open_app("train", student="Min-jun")
    set_epochs(page, 5)
    start_training(page)
    expect(page.locator(WEIGHT_PICTURES).first).to_be_visible(timeout=300_000)  # epoch 0: noise, while running
    assert page.locator(PROGRESS_BAR).count() == 1
    live = page.locator(WEIGHT_PICTURES).first.get_attribute("src")
    expect(page.locator(WEIGHT_PICTURES).first).not_to_have_attribute("src", live, timeout=300_000)  # the next epoch
    screenshot(page, "live")
    wait_until_done(page)
    slider = page.locator(f"{keyed('weights-live')} [data-testid=stSlider]")
    expect(slider).to_be_visible()  # afterwards: an epoch slider goes back through them
    assert page.locator(WEIGHT_PICTURES).count() >= 16
