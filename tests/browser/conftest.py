"""Fixtures for the browser tests: a trained model, the real app server, Chromium pages (helpers: harness/).

The session trains one digits model on the full MNIST training set (or reuses one, MNIST_APP_REUSE_RUNS=1),
puts it in a temporary runs folder, and serves the app from there with `streamlit run`. Every test gets fresh
browser pages whose console errors fail the test, and leaves full-page screenshots in test-artifacts/screenshots/.
"""

from __future__ import annotations

import os
import shutil
import urllib.parse
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from harness.browser import (
    DEFAULT_TIMEOUT_MS,
    VIEWPORT,
    ConsoleErrors,
    Screen,
    screenshot,
    wait_for_app,
    wait_for_pictures,
)
from harness.models import provide_default_drawing_run
from harness.server import AppServer, start_class_server
from harness.train_page import stop_training_left_running
from mnist_core import config, limits
from mnist_core.classroom.caps import Caps
from mnist_core.classroom.settings import ClassSettings, ClassSettingsStore
from mnist_core.data.pen_digits import PenDigit, load_pen_digits, pick_per_label
from mnist_core.runs.store import TEMP_PREFIX, RunRecord

SAMPLES_PER_DIGIT = 10  # the Draw test replays 100 real handwritten digits
# Trainings started from the Train page use this many images, so an epoch takes a second or two.
APP_TRAIN_LIMIT = 6000
TEACHER_PASSWORD = "선생님-password-1"


expect.set_options(timeout=DEFAULT_TIMEOUT_MS)


# ---------------------------------------------------------------- the model and the runs folder


@pytest.fixture(scope="session")
def runs_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("runs")


@pytest.fixture(scope="session")
def reference_run(runs_dir) -> RunRecord:
    """The setup's default digits model (the small CNN on augmented images), the only run in the session's runs
    folder, so the Draw test measures what a class gets: trained here, or with MNIST_APP_REUSE_RUNS=1 copied from
    the app's runs folder when setup already trained it there."""
    reuse = os.environ.get("MNIST_APP_REUSE_RUNS") == "1"
    return provide_default_drawing_run(runs_dir, reuse_from=config.runs_dir() if reuse else None)


@pytest.fixture
def only_reference_run(runs_dir, reference_run) -> Iterator[RunRecord]:
    """The runs folder holds the reference run only, before and after the test (open_app asks for this).

    The Draw and Mistakes pages start on the latest digits run: without this, a short training started by a
    test would become the model they read with.
    """
    remove_runs_except(runs_dir, reference_run.id)
    yield reference_run
    remove_runs_except(runs_dir, reference_run.id)


def remove_runs_except(runs_dir: Path, keep_id: str) -> None:
    """Only the reference run is left: other runs, the class's settings (caps, the pinned run) and drawings go.

    A run folder goes as RunStore.delete removes one: renamed out of the list in one step, then removed. A run just
    finished may still get its map from the training worker; what the worker writes late lands in the renamed
    folder (a plain rmtree failed there: "Directory not empty"), and the next call removes that folder too.
    """
    for entry in runs_dir.iterdir():
        if entry.is_dir() and entry.name != keep_id:
            doomed = entry if entry.name.startswith(TEMP_PREFIX) else runs_dir / f"{TEMP_PREFIX}removed-{entry.name}"
            entry.rename(doomed)
            shutil.rmtree(doomed, ignore_errors=True)
        elif entry.is_file():
            entry.unlink()


# ---------------------------------------------------------------- the app server


@pytest.fixture(scope="session")
def app_server(runs_dir, reference_run, tmp_path_factory) -> Iterator[AppServer]:
    """The app as start.sh serves it (two Streamlit processes behind the front door, so that every browser test
    also crosses processes) on a free port, serving the session's runs folder; stopped with its children."""
    settings = {
        "MNIST_APP_RUNS_DIR": str(runs_dir),
        "MNIST_APP_TRAIN_LIMIT": str(APP_TRAIN_LIMIT),
        "MNIST_APP_TEACHER_PASSWORD": TEACHER_PASSWORD,
    }
    server = start_class_server(settings, tmp_path_factory.mktemp("server") / "streamlit.log", processes=2)
    try:
        yield server
    finally:
        server.stop()
        print(f"\nserver log: {server.log_path}")
        if server.tracebacks():
            print(f"the server log holds {server.tracebacks()} traceback(s):\n{server.log_tail(60)}")


# ---------------------------------------------------------------- the browser and its pages


@pytest.fixture
def console_errors() -> ConsoleErrors:
    return ConsoleErrors()


@pytest.fixture
def open_app(browser, app_server, only_reference_run, console_errors) -> Iterator[Callable[..., Page]]:
    """open_app(path="", who="", locale="en-US", screen=None, student=None) -> a page in a new browser context (a new
    user) showing `path`, on `screen` (a harness.browser.Screen: window size, pixel density, touch) or a 1280x1000
    window, as the named student (their link, ?student=...) when one is given.

    After the test: a full-page screenshot of every page still open, a training left running is stopped, then
    the test fails if any page logged a console error or threw, or shows a picture that did not load.
    """
    opened: list[tuple[str, Page]] = []
    contexts: list[BrowserContext] = []

    def open_page(
        path: str = "", who: str = "", locale: str = "en-US", screen: Screen | None = None, student: str | None = None
    ) -> Page:
        # English unless asked: the app speaks the browser's language, and most checks read its English words.
        if student is not None:  # a student's link: ?student=<name>
            path += ("&" if "?" in path else "?") + urllib.parse.urlencode({"student": student})
        device = screen.context_options() if screen is not None else {"viewport": VIEWPORT}
        context = browser.new_context(locale=locale, **device)
        context.set_default_timeout(DEFAULT_TIMEOUT_MS)
        contexts.append(context)
        page = context.new_page()
        console_errors.watch(page, who or f"page {len(opened) + 1}")
        opened.append((who, page))
        page.goto(f"{app_server.url}/{path}")
        wait_for_app(page)
        return page

    yield open_page

    broken = []
    for who, page in opened:
        if not page.is_closed():
            broken += wait_for_pictures(page)
            screenshot(page, who)
            stop_training_left_running(page)
    for context in contexts:
        context.close()
    if console_errors.errors or broken:
        pytest.fail("\n".join(["browser console errors:", *console_errors.errors, "broken pictures:", *broken]))


@pytest.fixture
def long_trainings_allowed(runs_dir, only_reference_run) -> None:
    """The teacher lets students train up to the page's 200 epochs in this test (the default cap is 20)."""
    ClassSettingsStore(runs_dir).save(ClassSettings(Caps(epochs=limits.PAGE_EPOCHS_HIGH)))


@pytest.fixture
def page(open_app) -> Page:
    """One user on the app's home page."""
    return open_app()


# ---------------------------------------------------------------- real handwriting


@pytest.fixture(scope="session")
def pen_digits() -> list[PenDigit]:
    """Real handwriting: the first samples of each digit from the UNIPEN pen strokes (samples/), 0 to 9."""
    return pick_per_label(load_pen_digits(config.pen_digits_path()), SAMPLES_PER_DIGIT)
