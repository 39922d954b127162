"""Train page: a training runs live, survives a page switch, finishes; another one is stopped and saved as stopped."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from harness.browser import go_to_page, screenshot
from harness.selectors import PROGRESS_BAR
from harness.train_page import (
    expect_saved_run_with_status,
    progress_percent,
    set_epochs,
    start_training,
    stop_training,
    wait_for_batch_trace,
    wait_for_chart_epochs,
    wait_for_progress_above,
    wait_until_done,
)
from mnist_core.runs.store import RunStore
from mnist_core.text.runs import status_text

from .conftest import APP_TRAIN_LIMIT

# Under a second each on 6,000 images on a quiet machine, after seconds of getting ready: enough epochs left to
# see the chart grow, leave, come back and still find it running.
LIVE_EPOCHS = 20
STOPPED_EPOCHS = 200  # the page's maximum: it is stopped long before the end


@pytest.mark.browser
def test_training_shows_live_progress_survives_a_page_switch_and_finishes(open_app, runs_dir, reference_run):
    page = open_app("train", student="Min-jun")
    set_epochs(page, LIVE_EPOCHS)
    start_training(page)

    # The progress bar moves while we watch, and the loss chart gains a point per epoch.
    first = wait_for_progress_above(page, 0)
    second = wait_for_progress_above(page, first)
    shown = wait_for_chart_epochs(page, 1)
    more = wait_for_chart_epochs(page, shown + 1)
    screenshot(page, "live")

    # Another page and back, before the end: it went on without us, and still goes on.
    go_to_page(page, "draw")
    go_to_page(page, "train")
    expect(page.locator(PROGRESS_BAR)).to_be_visible()
    back = progress_percent(page)
    assert back >= second, f"progress went back from {second}% to {back}%"
    later = wait_for_progress_above(page, back)
    print(f"\nprogress {first}% -> {second}%, left and came back at {back}%, then {later}%")
    print(f"the loss chart went from {shown} to {more} epochs")

    wait_until_done(page)
    expect_saved_run_with_status(page, status_text("finished"))
    trained = [record for record in RunStore(runs_dir).list() if record.id != reference_run.id]
    assert [(record.status, record.epochs_done, record.settings["train_limit"]) for record in trained] == [
        ("finished", LIVE_EPOCHS, APP_TRAIN_LIMIT)
    ]


@pytest.mark.browser
def test_stopped_training_is_saved_as_stopped(open_app, runs_dir, long_trainings_allowed):
    page = open_app("train", student="Min-jun")
    set_epochs(page, STOPPED_EPOCHS)
    start_training(page)
    wait_for_batch_trace(page)  # batches are running: stop in the middle of the first epoch
    stop_training(page)

    wait_until_done(page)
    expect_saved_run_with_status(page, status_text("stopped"))
    stopped = [record for record in RunStore(runs_dir).list() if record.status == "stopped"]
    assert len(stopped) == 1
    assert 1 <= stopped[0].epochs_done < STOPPED_EPOCHS  # Keras ends the epoch it was stopped in
