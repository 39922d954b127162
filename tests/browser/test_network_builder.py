"""Build your own network in Chromium (issue #31): three layers put together with the builder's widgets, trained
for a few epochs on the Train page, then chosen on the Draw page and read a real pen digit."""

from __future__ import annotations

import contextlib
import re

import pytest
from playwright.sync_api import Locator, Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from harness.browser import button, go_to_page, screenshot, wait_idle
from harness.drawing import draw_strokes, predicted_label
from harness.selectors import PREDICTION, keyed
from harness.train_page import set_epochs, start_training, wait_until_done
from mnist_core.i18n import t
from mnist_core.model.layers import parse_layers
from mnist_core.runs.store import RunStore

from .conftest import APP_TRAIN_LIMIT

BUILT = "dense 64 relu; dropout 0.2; dense 32 tanh"
EPOCHS = 2  # a few seconds on the server's few thousand images: enough to read a clear digit


def say(key: str, **values: object) -> str:
    return t(key, "en", **values)


def layer_row(page: Page, index: int) -> Locator:
    return page.locator(keyed(f"builder-layer-{index}"))


def choose(page: Page, place: Locator, option: str) -> None:
    """Pick an option of a Streamlit selectbox by its shown name. A page run that ends just after the click draws
    the box again, closed: open it again then."""
    box, choice = place.get_by_role("combobox"), page.get_by_role("option", name=option, exact=True)
    for _ in range(3):
        box.click()
        with contextlib.suppress(PlaywrightTimeoutError):
            choice.wait_for(timeout=5_000)
            break
        wait_idle(page)
    choice.click()
    wait_idle(page)


def type_number(page: Page, place: Locator, label: str, value: str) -> None:
    """Type a number into a labelled field and commit it (Enter), as a person does."""
    field = place.get_by_label(label, exact=True)
    field.fill(value)
    field.press("Enter")
    wait_idle(page)


def add_layer(page: Page, kind: str) -> None:
    choose(page, page.locator(keyed("builder-add-kind")), kind)
    button(page, "builder-add").click()
    wait_idle(page)


def built_text(page: Page) -> Locator:
    """The builder's text field: it shows the layers the widgets make."""
    return page.locator(f"{keyed('builder-text')} input")


@pytest.mark.browser
def test_a_network_built_with_the_widgets_trains_and_reads_a_drawing(open_app, runs_dir, reference_run, pen_digits):
    page = open_app("train", student="Min-jun")
    page.locator(keyed("train-model")).get_by_text(say("builder.model_option")).click()
    expect(page.locator(keyed("network-builder"))).to_be_visible()
    wait_idle(page)
    expect(built_text(page)).to_have_value("dense 1000 relu")  # the tutorial's network to start from

    # dense 64 relu; dropout 0.2; dense 32 tanh, through the widgets; each step shown before the next.
    type_number(page, layer_row(page, 0), say("builder.units"), "64")
    expect(built_text(page)).to_have_value("dense 64 relu")
    add_layer(page, say("builder.kind.dropout"))
    expect(built_text(page)).to_have_value("dense 64 relu; dropout 0.2")
    add_layer(page, say("builder.kind.dense"))
    expect(built_text(page)).to_have_value("dense 64 relu; dropout 0.2; dense 64 relu")
    type_number(page, layer_row(page, 2), say("builder.units"), "32")
    expect(built_text(page)).to_have_value("dense 64 relu; dropout 0.2; dense 32 relu")
    choose(page, layer_row(page, 2), "tanh")
    expect(built_text(page)).to_have_value(BUILT)
    spec = parse_layers(BUILT)
    parameters = say("builder.parameters", parameters=spec.parameters, layers=spec.layer_count)
    expect(page.locator(keyed("builder-parameters"))).to_have_text(parameters)
    expect(page.locator(keyed("network-builder"))).to_contain_text("32 units, tanh")
    expect(layer_row(page, 3)).to_have_count(0)
    screenshot(page, "built")

    set_epochs(page, EPOCHS)
    start_training(page)
    wait_until_done(page)
    (run,) = [record for record in RunStore(runs_dir).list() if record.id != reference_run.id]
    assert run.status == "finished" and run.epochs_done == EPOCHS
    assert run.settings["layers"] == BUILT and run.settings["model_kind"] == "custom"
    assert run.settings["train_limit"] == APP_TRAIN_LIMIT

    # The Draw page reads with it, in numpy (the pages never load TensorFlow).
    go_to_page(page, "draw")
    choice = page.locator(keyed("draw-run")).get_by_role("combobox")
    choice.click()
    page.get_by_role("option", name=re.compile("Min-jun")).click()
    wait_idle(page)
    expect(choice).to_have_value(re.compile("Min-jun"))
    digit = next(digit for digit in pen_digits if digit.label == 3)
    draw_strokes(page, digit.strokes)
    expect(page.locator(PREDICTION)).to_have_text(re.compile(r"^\s*\d\s*$"))
    print(f"\nthe built network ({BUILT}) read a pen {digit.label} as {predicted_label(page)}")
    screenshot(page, "drawn")
