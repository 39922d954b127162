"""Fixtures and helpers for the browser tests: a trained model, the real app server, Chromium pages.

The session trains one digits model on the full MNIST training set (or reuses one, MNIST_APP_REUSE_RUNS=1),
puts it in a temporary runs folder, and serves the app from there with `streamlit run`. Every test gets fresh
browser pages whose console errors fail the test, and leaves full-page screenshots in test-artifacts/screenshots/.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import time
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, ConsoleMessage, Locator, Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from bench.appserver import IDLE_APP, PAGE_LANDMARKS, PREDICTION, PROGRESS_BAR, AppServer, start_app_server
from mnist_core import config
from mnist_core.cli import default_drawing_settings, is_default_drawing_run
from mnist_core.runs import RunRecord, RunStore
from mnist_core.strokes import PenDigit, load_pen_digits, pick_per_label
from mnist_core.training import train

REPO_ROOT = Path(__file__).resolve().parents[2]
SCREENSHOT_DIR = REPO_ROOT / "test-artifacts" / "screenshots"
PEN_DIGITS = config.pen_digits_path()
SAMPLES_PER_DIGIT = 10  # the Draw test replays 100 real handwritten digits

# The model the Draw and Mistakes tests read with: the setup's default digits model (the small CNN trained on
# augmented images, all 60,000 training images, 10 epochs), so the Draw test measures what a class gets.
REFERENCE_SETTINGS = default_drawing_settings()
# Trainings started from the Train page use this many images, so an epoch takes a second or two.
APP_TRAIN_LIMIT = 6000

DEFAULT_TIMEOUT_MS = 30_000  # Playwright waits: generous, the machine is small and shared
VIEWPORT = {"width": 1280, "height": 1000}


expect.set_options(timeout=DEFAULT_TIMEOUT_MS)


# ---------------------------------------------------------------- the model and the runs folder


@pytest.fixture(scope="session")
def runs_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("runs")


@pytest.fixture(scope="session")
def reference_run(runs_dir) -> RunRecord:
    """The default digits model, the only run in the session's runs folder: trained here, or with
    MNIST_APP_REUSE_RUNS=1 copied from the app's runs folder when setup already trained it there."""
    if os.environ.get("MNIST_APP_REUSE_RUNS") == "1":
        record = next((run for run in RunStore(config.runs_dir()).list() if is_default_drawing_run(run)), None)
        if record is not None:
            shutil.copytree(config.runs_dir() / record.id, runs_dir / record.id)
            print(f"\nreusing run {record.id} (test accuracy {record.test_accuracy:.4f})")
            return RunStore(runs_dir).get(record.id)
    started = time.perf_counter()
    result = train(REFERENCE_SETTINGS)
    record = RunStore(runs_dir).save(result)
    print(
        f"\ntrained the reference model in {time.perf_counter() - started:.0f} s: "
        f"test accuracy {record.test_accuracy:.4f}, run {record.id}"
    )
    return record


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
    for folder in runs_dir.iterdir():
        if folder.is_dir() and folder.name != keep_id:
            shutil.rmtree(folder)


# ---------------------------------------------------------------- the app server


@pytest.fixture(scope="session")
def app_server(runs_dir, reference_run, tmp_path_factory) -> Iterator[AppServer]:
    """`streamlit run app.py` on a free port, serving the session's runs folder; stopped with its children."""
    settings = {"MNIST_APP_RUNS_DIR": str(runs_dir), "MNIST_APP_TRAIN_LIMIT": str(APP_TRAIN_LIMIT)}
    server = start_app_server(settings, tmp_path_factory.mktemp("server") / "streamlit.log")
    try:
        yield server
    finally:
        server.stop()
        print(f"\nserver log: {server.log_path}")
        if server.tracebacks():
            print(f"the server log holds {server.tracebacks()} traceback(s):\n{server.log_tail(60)}")


# ---------------------------------------------------------------- the browser and its pages


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
    all_loaded = "() => [...document.querySelectorAll('[data-testid=stMain] img')].every(i => i.naturalWidth > 0)"
    with contextlib.suppress(PlaywrightTimeoutError):  # then say which did not load
        page.wait_for_function(all_loaded, timeout=timeout_ms)
    return page.evaluate(
        "() => [...document.querySelectorAll('[data-testid=stMain] img')]"
        ".filter(image => image.naturalWidth === 0).map(image => image.src)"
    )


@pytest.fixture
def console_errors() -> ConsoleErrors:
    return ConsoleErrors()


@pytest.fixture
def open_app(browser, app_server, only_reference_run, console_errors) -> Iterator[Callable[..., Page]]:
    """open_app(path="", who="", locale="en-US") -> a page in a new browser context (a new user) showing `path`.

    After the test: a full-page screenshot of every page still open, a training left running is stopped, then
    the test fails if any page logged a console error or threw, or shows a picture that did not load.
    """
    opened: list[tuple[str, Page]] = []
    contexts: list[BrowserContext] = []

    def open_page(path: str = "", who: str = "", locale: str = "en-US") -> Page:
        # English unless asked: the app speaks the browser's language, and most checks read its English words.
        context = browser.new_context(viewport=VIEWPORT, locale=locale)
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
    if console_errors.replaced_pictures:
        print(f"\n({console_errors.replaced_pictures} console errors about pictures of replaced runs were let through)")
    if console_errors.errors or broken:
        pytest.fail("\n".join(["browser console errors:", *console_errors.errors, "broken pictures:", *broken]))


@pytest.fixture
def page(open_app) -> Page:
    """One user on the app's home page."""
    return open_app()


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


# ---------------------------------------------------------------- waiting on the app


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


def keyed(key: str) -> str:
    """CSS selector of the container Streamlit renders for a widget or container with this key."""
    return f".st-key-{key}"


def button(page: Page, key: str) -> Locator:
    """The button with this key. (A button with a help text holds a second, hidden copy of itself: skip it.)"""
    return page.locator(f"{keyed(key)} button").filter(visible=True)


def go_to_page(page: Page, slug: str) -> None:
    """Switch pages the way a user does, by the sidebar link (the session and its state stay)."""
    page.locator(f"[data-testid=stSidebarNav] a[href$='/{slug}']").click()
    page.wait_for_url(re.compile(rf"/{slug}$"))
    page.locator(PAGE_LANDMARKS[slug]).first.wait_for()
    wait_idle(page)


# ---------------------------------------------------------------- the Draw page's canvas

CANVAS_SIZE = config.CANVAS_SIZE  # the pen strokes are points of a 280x280 canvas

Stroke = list[tuple[float, float]]


@pytest.fixture(scope="session")
def pen_digits() -> list[PenDigit]:
    """Real handwriting: the first samples of each digit from the UNIPEN pen strokes, 0 to 9."""
    if not PEN_DIGITS.is_file():
        pytest.fail(f"{PEN_DIGITS} is missing: the real pen strokes live in ../shared/data/ beside the repository")
    return pick_per_label(load_pen_digits(PEN_DIGITS), SAMPLES_PER_DIGIT)


def canvas(page: Page) -> Locator:
    """The drawing surface: fabric.js puts the mouse-handling canvas (`upper-canvas`) over the drawn one."""
    return page.locator(f"{keyed('draw-canvas')} canvas.upper-canvas")


def draw_strokes(page: Page, strokes: list[Stroke]) -> float:
    """Replay pen strokes with the mouse, one press-move-release per stroke; returns seconds to the answer.

    Each stroke makes the app read the drawing again; the next stroke starts once the page shows that reading
    (its pictures of "what the model sees" change), so every stroke is seen. The time returned runs from
    releasing the last stroke to the page showing the answer for the whole drawing, the run over.
    """
    surface = canvas(page)
    surface.scroll_into_view_if_needed()
    box = surface.bounding_box()
    assert box is not None, "the canvas is not on screen"
    scale_x, scale_y = box["width"] / CANVAS_SIZE, box["height"] / CANVAS_SIZE
    seconds = 0.0
    for stroke in strokes:
        points = [(box["x"] + x * scale_x, box["y"] + y * scale_y) for x, y in stroke]
        before = reading_signature(page)
        page.mouse.move(*points[0])
        page.mouse.down()
        for x, y in points[1:]:  # a one-point stroke is a dot: press and release in place
            page.mouse.move(x, y, steps=1)
        page.mouse.up()
        released = time.perf_counter()
        wait_for_new_reading(page, before)
        seconds = time.perf_counter() - released
    return seconds


# What the page shows about the drawing: its pictures (media URLs are content hashes) and the predicted label.
READING_SIGNATURE_JS = f"""() => [
  ...[...document.querySelectorAll('[data-testid=stMain] img')].map(image => image.src),
  ...[...document.querySelectorAll('{PREDICTION}')].map(value => value.textContent),
].join(' ')"""


def reading_signature(page: Page) -> str:
    return page.evaluate(READING_SIGNATURE_JS)


def wait_for_new_reading(page: Page, before: str) -> None:
    """Wait until the page shows another reading than `before`, and the run that drew it has ended."""
    page.wait_for_function(
        f"""before => ({READING_SIGNATURE_JS})() !== before &&
            document.querySelector('{IDLE_APP}') !== null""",
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


# ---------------------------------------------------------------- the Train page

TRAINING_TIMEOUT_MS = 300_000  # generous: the machine may be busy

# Loss and accuracy per epoch sit side by side in columns; the batch-level trace below them is not in a column.
EPOCH_LOSS_CHART = "[data-testid=stColumn] [data-testid=stVegaLiteChart]"
DONE = "[data-testid=stAlertContentSuccess]"  # the result view's "Finished" / "Stopped" line
FAILED = "[data-testid=stAlertContentError]"  # "The training failed", with the reason

# Vega draws every data point as an SVG mark with an aria-label such as "Epoch: 3; ...": count distinct epochs.
CHART_EPOCHS_JS = """selector => {
  const chart = document.querySelector(selector);
  if (!chart) return 0;
  const points = chart.querySelectorAll('[aria-roledescription="point"]');
  return new Set([...points].map(point => point.getAttribute('aria-label').split(';')[0])).size;
}"""


def set_epochs(page: Page, epochs: int) -> None:
    """Type the number of epochs (Enter commits it; the start button sends it along with its click)."""
    field = page.locator(f"{keyed('train-epochs')} input")
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
        pytest.fail(f"the training failed, the page says: {page.locator(FAILED).first.inner_text()}")
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
