"""The Train page in Chromium: set epochs, start and stop a training, follow its progress and charts."""

from __future__ import annotations

import contextlib
import re

from playwright.sync_api import Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from harness.browser import button, page_slug, wait_idle
from harness.selectors import DONE, EPOCH_LOSS_CHART, FAILED, PROGRESS_BAR, keyed

TRAINING_TIMEOUT_MS = 300_000  # generous: the machine may be busy
EPOCHS_KEY = "train-epochs"  # the epochs field's key


# Vega draws every data point as an SVG mark with an aria-label such as "Epoch: 3; ...": count distinct epochs.
CHART_EPOCHS_JS = """selector => {
  const chart = document.querySelector(selector);
  if (!chart) return 0;
  const points = chart.querySelectorAll('[aria-roledescription="point"]');
  return new Set([...points].map(point => point.getAttribute('aria-label').split(';')[0])).size;
}"""


def set_epochs(page: Page, epochs: int) -> None:
    """Type the number of epochs (Enter commits it; the start button sends it along with its click)."""
    field = page.locator(f"{keyed(EPOCHS_KEY)} input")
    field.fill(str(epochs))
    field.press("Enter")
    expect(field).to_have_value(str(epochs))
    wait_idle(page)


def start_training(page: Page) -> None:
    start = button(page, "train-start")
    expect(start).to_be_enabled()
    start.click()
    expect(page.locator(PROGRESS_BAR)).to_be_visible()


def stop_training(page: Page) -> None:
    button(page, "train-stop").click()


def progress_percent(page: Page) -> int:
    return int(page.locator(PROGRESS_BAR).get_attribute("aria-valuenow"))


def wait_for_progress_above(page: Page, percent: int) -> int:
    """Wait until the progress bar is past `percent`; returns where it is."""
    page.wait_for_function(
        """([selector, percent]) => {
            const bar = document.querySelector(selector);
            return bar !== null && Number(bar.getAttribute('aria-valuenow')) > percent;
        }""",
        arg=[PROGRESS_BAR, percent],
        timeout=TRAINING_TIMEOUT_MS,
    )
    return progress_percent(page)


def chart_epochs(page: Page) -> int:
    """How many epochs the live loss chart shows."""
    return page.evaluate(CHART_EPOCHS_JS, EPOCH_LOSS_CHART)


def wait_for_chart_epochs(page: Page, at_least: int) -> int:
    page.wait_for_function(
        f"([selector, n]) => ({CHART_EPOCHS_JS})(selector) >= n",
        arg=[EPOCH_LOSS_CHART, at_least],
        timeout=TRAINING_TIMEOUT_MS,
    )
    return chart_epochs(page)


def wait_until_done(page: Page) -> None:
    """Wait for the result view ("Finished" or "Stopped") and the end of the page run that drew it.

    A failed training shows an error box instead: the test fails at once, with the page's message.
    """
    outcome = page.locator(f"{DONE}, {FAILED}").first
    expect(outcome).to_be_visible(timeout=TRAINING_TIMEOUT_MS)
    if page.locator(FAILED).count():
        wait_idle(page)
        details = page.locator(f"{FAILED} code")  # the reason, in a code block that is drawn a moment later
        with contextlib.suppress(PlaywrightTimeoutError):
            details.first.wait_for(timeout=5_000)
        raise AssertionError(f"the training failed, the page says: {page.locator(FAILED).first.inner_text()}")
    expect(page.locator(PROGRESS_BAR)).to_have_count(0)
    wait_idle(page)


def expect_saved_run_with_status(page: Page, status: str) -> None:
    """The saved-runs table (the page's first table) lists a run with this status text.

    The table is drawn on a canvas; its cells are also in the DOM as an accessible grid, read here.
    """
    cells = page.locator("[data-testid=stDataFrame]").first.locator("[role=gridcell]")
    expect(cells.filter(has_text=re.compile(rf"^{re.escape(status)}$")).first).to_be_attached()


def stop_training_left_running(page: Page) -> None:
    """After a failed test: stop its training, so it does not slow down the tests after it."""
    stop = button(page, "train-stop")
    if page_slug(page) == "train" and stop.count():
        stop.click()
        with contextlib.suppress(PlaywrightTimeoutError):
            expect(page.locator(f"{DONE}, {FAILED}").first).to_be_visible(timeout=120_000)


def wait_for_batch_trace(page: Page) -> None:
    """Wait until the training reports batches (the batch-level loss chart appears): data loaded, model built."""
    expect(page.locator("[data-testid=stVegaLiteChart]").first).to_be_visible(timeout=TRAINING_TIMEOUT_MS)
