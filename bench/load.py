"""Load test: a class drawing digits at the same time while a few students start trainings, on one server.

One command. It starts `streamlit run app.py` itself (loopback only, a temporary runs folder holding a copy of a
digits model) or uses a server already running on this machine (--url). Then, in one Chromium with one browser
context per student, N sessions each draw 5 real handwritten digits (UNIPEN pen strokes) on /draw, reading the
prediction after each and pressing Clear, while M sessions on /train ask for a short training at the same moment.
It prints:

  errors               anything that went wrong on a page or in the server log (target 0)
  stroke to reading    seconds from releasing the mouse at the end of a stroke to the page showing the model's
                       reading of the drawing, measured with the browser's own clock (target p95 <= 1 s)
  trainings at once    the most trainings that really ran at the same time, from the runs they saved: a run's
                       model file is written after its fit, so [model written - fit seconds, model written] lies
                       inside the time its job ran; overlapping intervals are trainings that ran together (this
                       can miss an overlap of set-up phases only, never invent one). Must not exceed the server's
                       MNIST_APP_MAX_TRAININGS (read from the server process's environment).
  trainings finished   every requested training showed "Finished" on its page and saved a finished run
  server memory        peak resident memory (RSS) of the server's process tree, sampled 5 times a second
  CPU time             used by the server, and by Chromium with this script, while the test ran

    .venv/bin/python bench/load.py                                  # 20 sessions drawing + 3 trainings
    .venv/bin/python bench/load.py --sessions 5 --trainings 2 --json load.json
    .venv/bin/python bench/load.py --streamlit-option runner.postScriptGC=false --keep   # try a setting
    .venv/bin/python bench/load.py --client-nice 10   # the server first, as if the browsers ran elsewhere
    .venv/bin/python bench/load.py --url http://127.0.0.1:8501      # a running server (its runs get 3 more)

Exit code 0 when there were no errors, the trainings stayed within the limit and all finished; 1 otherwise.
The browser runs on the same machine as the server (in a class it runs on the students' computers): on a small
server the figures include Chromium's own work, and anything else the machine is doing (see the load average).
The simulated students draw as fast as the page answers, without a pause to think: harder than a real class.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from dataclasses import asdict, dataclass, field
from pathlib import Path

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
PROJECT_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_ROOT))

from bench.appserver import (  # noqa: E402
    CHROMIUM,
    CHROMIUM_ARGS,
    IDLE_APP,
    PAGE_PROBLEMS,
    PREDICTION,
    AppServer,
    listening_pid,
    process_cwd,
    process_environment,
    start_app_server,
    tree_cpu_seconds,
    tree_rss_bytes,
)
from mnist_core import config  # noqa: E402
from mnist_core.runs import MODEL_FILE, RunStore  # noqa: E402
from mnist_core.strokes import PenDigit, load_pen_digits  # noqa: E402

DIGITS_PER_SESSION = 5
CANVAS_SIZE = config.CANVAS_SIZE  # the pen strokes are points of a 280x280 canvas
VIEWPORT = {"width": 1280, "height": 1000}
LOOPBACK_HOSTS = {"127.0.0.1", "localhost", "::1"}

PAGE_LOAD_TIMEOUT_MS = 240_000  # every session opens at once; the first visits import TensorFlow
STEP_TIMEOUT_S = 60  # default wait for one stroke answered, one canvas cleared, one number typed
TRAINING_TIMEOUT_S = 900  # requested until finished, waiting in line included
TRAINING_POLL_S = 0.25
MEMORY_POLL_S = 0.2

CANVAS_DEBOUNCE_MS = 200  # streamlit-drawable-canvas sends a drawing this long after the last change
CANVAS = ".st-key-draw-canvas canvas.upper-canvas"  # fabric.js's mouse layer over the drawing
CLEAR_BUTTON = ".st-key-clear-canvas button"
START_BUTTON = ".st-key-train-start button"
EPOCHS_INPUT = ".st-key-train-epochs input"
PAGE_TITLE = "[data-testid=stMain] h1"

# In every page, on the browser's clock: when the last stroke ended (capture phase on window: nothing can hide
# it from us), and the [start, end] of every script run, from the app's data-test-script-state attribute.
PAGE_CLOCK_JS = """
window.__loadStrokeEnded = 0;
window.__loadRuns = [];
for (const type of ['pointerup', 'mouseup']) {
  window.addEventListener(type, () => { window.__loadStrokeEnded = performance.now(); }, true);
}
let runStarted = null;
new MutationObserver(() => {
  const app = document.querySelector('[data-testid=stApp]');
  if (app === null) return;
  const idle = app.getAttribute('data-test-script-state') === 'notRunning';
  if (!idle && runStarted === null) runStarted = performance.now();
  if (idle && runStarted !== null) { window.__loadRuns.push([runStarted, performance.now()]); runStarted = null; }
}).observe(document, {subtree: true, attributes: true, attributeFilter: ['data-test-script-state']});
"""
# What the Draw page shows about the drawing: its pictures (media URLs are content hashes) and the prediction.
READING_JS = f"""() => [
  ...[...document.querySelectorAll('[data-testid=stMain] img')].map(image => image.src),
  ...[...document.querySelectorAll('{PREDICTION}')].map(value => value.textContent),
].join(' ')"""
# The stroke is answered once the script run it caused has ended and no run is going on. The canvas sends a
# stroke CANVAS_DEBOUNCE_MS after it ends, so the run is one that started after the stroke, or one that was
# under way and went on past that moment (Streamlit folded the rerun into it). Should a run be too quick to be
# seen going (drawn by the browser in one go), the reading on the page changing after that moment counts.
# Returns milliseconds from the end of the stroke to the end of the run; false until then.
NEW_READING_JS = f"""before => {{
  if (document.querySelector('{IDLE_APP}') === null) return false;
  const ended = window.__loadStrokeEnded;
  const sent = ended + {CANVAS_DEBOUNCE_MS};
  const run = window.__loadRuns.find(([start, end]) => start > ended || end > sent);
  if (run !== undefined) return Math.max(run[1] - ended, 0.001);
  if (performance.now() > sent && ({READING_JS})() !== before) return performance.now() - ended;
  return false;
}}"""
# Once the reading is there: false until its pictures are on the page (a drawing always has some: the ink at
# least) and loaded, then milliseconds since the end of the stroke.
PICTURES_JS = """() => {
  const images = [...document.querySelectorAll('[data-testid=stMain] img')];
  if (images.length === 0 || !images.every(image => image.complete)) return false;
  return Math.max(performance.now() - window.__loadStrokeEnded, 0.001);
}"""
PICTURE_URLS_JS = "() => [...document.querySelectorAll('img')].map(image => image.src)"
MEDIA_URL = re.compile(r"https?://[^\s()]+/media/[^\s()]+")
TRAIN_STATE_JS = """() => {
  const texts = selector => [...document.querySelectorAll(selector)].map(e => e.innerText.trim()).filter(Boolean);
  const progress = document.querySelector('[data-testid=stProgress]') !== null;
  return {
    running: progress,
    // In line: a notice and the button to leave the line, no progress bar.
    waiting: !progress && document.querySelector('.st-key-train-stop') !== null &&
             document.querySelector('[data-testid=stAlertContentInfo]') !== null,
    done: texts('[data-testid=stAlertContentSuccess]'),
    problems: texts('[data-testid=stException], [data-testid=stAlertContentError]'),  // PAGE_PROBLEMS
  };
}"""
# Streamlit's own harmless noise: opened at a page's URL (/draw), the frontend first probes /draw/_stcore/...
# (404) before it finds the server's base path (https://github.com/streamlit/streamlit/issues/7074).
SUBPAGE_PROBE = re.compile(r"^https?://[^/]+/[^/]+/_stcore/(health|host-config|allowed-message-origins)$")


# ---------------------------------------------------------------- what is measured


@dataclass
class Figures:
    """Everything one load test measured."""

    url: str
    sessions: int
    trainings: int
    epochs: int
    errors: list[str] = field(default_factory=list)
    stroke_seconds: list[float] = field(default_factory=list)  # to the reading (prediction or message) on the page
    picture_seconds: list[float] = field(default_factory=list)  # ... and every picture of it loaded
    digits_drawn: int = 0
    digits_answered: int = 0  # the page showed a prediction for the whole digit
    digits_right: int = 0
    trainings_finished: int = 0  # pages that showed "Finished" and no error
    trainings_waited: int = 0  # pages that showed their training waiting in line first
    superseded_pictures: int = 0  # pictures replaced by a newer reading before the browser fetched them (404)
    finished_runs: int | None = None  # new finished runs in the server's runs folder
    most_at_once: int | None = None
    limit: int | None = None
    peak_rss_mb: float | None = None
    first_rss_mb: float | None = None
    server_cpu_seconds: float | None = None  # CPU time the server used during the test
    client_cpu_seconds: float = 0.0  # ... and Chromium with this script (on a real class: the students' laptops)
    seconds: float = 0.0
    load_before: tuple[float, float, float] = (0.0, 0.0, 0.0)
    load_after: tuple[float, float, float] = (0.0, 0.0, 0.0)

    def percentile(self, fraction: float, values: list[float] | None = None) -> float | None:
        return percentile(self.stroke_seconds if values is None else values, fraction)

    @property
    def within_limit(self) -> bool:
        return self.most_at_once is not None and self.limit is not None and self.most_at_once <= self.limit

    @property
    def all_finished(self) -> bool:
        runs_ok = self.finished_runs is None or self.finished_runs >= self.trainings
        return self.trainings_finished == self.trainings and runs_ok

    @property
    def passed(self) -> bool:
        return not self.errors and self.all_finished and (self.trainings == 0 or self.within_limit)

    def summary(self) -> dict:
        """The figures as JSON-ready data, percentiles included."""
        return {
            **asdict(self),
            "p50_seconds": self.percentile(0.50),
            "p95_seconds": self.percentile(0.95),
            "max_seconds": max(self.stroke_seconds, default=None),
            "p95_pictures_seconds": self.percentile(0.95, self.picture_seconds),
            "within_limit": self.within_limit,
            "all_finished": self.all_finished,
            "passed": self.passed,
        }


def percentile(values: list[float], fraction: float) -> float | None:
    """The nearest-rank percentile (p95 of 100 values is the 95th smallest); None without values."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * fraction // 1))  # ceil(n * fraction), at least 1
    return ordered[int(rank) - 1]


def most_overlapping(intervals: list[tuple[float, float]]) -> int:
    """The most intervals that contain one same moment (an interval ending as another starts does not count)."""
    events = sorted([(start, 1) for start, _ in intervals] + [(end, -1) for _, end in intervals])
    most = current = 0
    for _, change in events:  # at equal times the end (-1) sorts first
        current += change
        most = max(most, current)
    return most


def trainings_in_runs(runs_dir: Path, since: float) -> tuple[int, int]:
    """(most trainings at once, finished runs) among the runs whose model was written after `since`."""
    intervals, finished = [], 0
    for record in RunStore(runs_dir).list():
        try:
            written = (runs_dir / record.id / MODEL_FILE).stat().st_mtime
        except OSError:
            continue
        if written < since:
            continue
        intervals.append((written - record.fit_seconds, written))
        finished += record.status == "finished"
    return most_overlapping(intervals), finished


class MemoryWatch(threading.Thread):
    """Samples the resident memory of a process tree until stopped; keeps the first and the peak figure."""

    def __init__(self, pid: int) -> None:
        super().__init__(name="memory-watch", daemon=True)
        self.pid = pid
        self.first = 0
        self.peak = 0
        self._stopping = threading.Event()

    def run(self) -> None:
        while True:
            rss = tree_rss_bytes(self.pid)
            self.first = self.first or rss
            self.peak = max(self.peak, rss)
            if self._stopping.wait(MEMORY_POLL_S):
                return

    def stop(self) -> None:
        self._stopping.set()
        self.join(timeout=5)


# ---------------------------------------------------------------- the server under test


@dataclass
class Target:
    """The server the load goes to, and what can be read about it."""

    url: str
    pid: int | None
    runs_dir: Path | None
    limit: int | None
    server: AppServer | None = None  # set when this script started it
    scratch: Path | None = None  # our temporary folder, removed at the end


def running_server(url: str, runs_dir: Path | None) -> Target:
    """A server already running on this machine: its pid from its port, its settings from its environment."""
    parts = urllib.parse.urlsplit(url)
    if parts.hostname not in LOOPBACK_HOSTS:
        raise SystemExit(f"--url must be a loopback address ({', '.join(sorted(LOOPBACK_HOSTS))}), not {url}")
    pid = listening_pid(parts.port or 80)
    environ = process_environment(pid) if pid else {}
    if runs_dir is None and pid:
        runs_dir = config.runs_dir(environ)
        if not runs_dir.is_absolute():
            runs_dir = (process_cwd(pid) or Path.cwd()) / runs_dir
    limit = config.max_concurrent_trainings(environ) if environ else None
    return Target(url=url.rstrip("/"), pid=pid, runs_dir=runs_dir, limit=limit)


def own_server(args: argparse.Namespace) -> Target:
    """A fresh server on a free loopback port, with a temporary runs folder holding one digits model."""
    scratch = Path(tempfile.mkdtemp(prefix="bench-load-"))
    runs_dir = scratch / "runs"
    runs_dir.mkdir()
    try:
        provide_digits_model(args.model_from, runs_dir)
        settings = {"MNIST_APP_RUNS_DIR": str(runs_dir), "MNIST_APP_TRAIN_LIMIT": str(args.train_limit)}
        if args.max_trainings:
            settings["MNIST_APP_MAX_TRAININGS"] = str(args.max_trainings)
        options = dict(option.split("=", 1) for option in args.streamlit_option)
        server = start_app_server(settings, scratch / "server.log", options=options)
    except BaseException:
        shutil.rmtree(scratch, ignore_errors=True)
        raise
    limit = config.max_concurrent_trainings(process_environment(server.pid))
    return Target(server.url, server.pid, runs_dir, limit, server=server, scratch=scratch)


def provide_digits_model(source: Path, runs_dir: Path) -> None:
    """Copy the newest finished digits run from `source` into `runs_dir`, or train one (1 epoch) when none."""
    record = RunStore(source).latest("mnist", status="finished")
    if record is not None:
        shutil.copytree(source / record.id, runs_dir / record.id)
        print(f"Drawing with run {record.id} (test accuracy {record.test_accuracy:.4f}) from {source}", flush=True)
        return
    print(f"No finished digits run in {source}: training one (1 epoch) for the Draw page...", flush=True)
    subprocess.run(
        [sys.executable, "-m", "mnist_core", "train", "--epochs", "1", "--seed", "0"],
        cwd=PROJECT_ROOT,
        env={**os.environ, "MNIST_APP_RUNS_DIR": str(runs_dir), "TF_CPP_MIN_LOG_LEVEL": "2"},
        check=True,
        timeout=900,
    )


def release(target: Target, keep: bool) -> None:
    if target.server is not None:
        target.server.stop()
    if target.scratch is not None:
        if keep:
            print(f"Kept the runs folder and the server log in {target.scratch}")
        else:
            shutil.rmtree(target.scratch, ignore_errors=True)


# ---------------------------------------------------------------- the students


class StartLine:
    """Every session gets ready (or fails to); then all of them start at the same moment."""

    def __init__(self, sessions: int) -> None:
        self.missing = sessions
        self.go = asyncio.Event()

    def arrive(self) -> None:
        self.missing -= 1
        if self.missing <= 0:
            self.go.set()


@dataclass
class Crowd:
    """What every simulated student shares: the server, the start line, the figures, where screenshots go."""

    url: str
    figures: Figures
    line: StartLine
    screenshots: Path | None = None  # a screenshot of every student's page that failed
    step_timeout_ms: float = STEP_TIMEOUT_S * 1000  # longer than this for one answer counts as an error

    def error(self, who: str, problem: str) -> None:
        self.figures.errors.append(f"{who}: {problem}")

    async def failed(self, who: str, error: Exception, context) -> None:
        """Count a student's failure; keep a screenshot of the page when asked to."""
        self.error(who, f"{type(error).__name__}: {first_line(error)}")
        if self.screenshots is None or not context.pages:
            return
        try:
            await context.pages[0].screenshot(path=self.screenshots / f"{who.replace(' ', '-')}.png", full_page=True)
        except Exception as problem:  # a screenshot is a bonus: never a second failure
            print(f"no screenshot of {who}: {first_line(problem)}", file=sys.stderr)


def first_line(error: BaseException) -> str:
    text = str(error).strip()
    return text.splitlines()[0][:200] if text else type(error).__name__


class FailedPictures:
    """Pictures a page could not load, judged once the page has settled.

    Streamlit deletes a session's pictures when its next script run ends. A picture the browser asks for only
    after that answers 404, but the page shows the newer run's picture instead: the student sees nothing wrong.
    Such a superseded picture is counted apart; one that is still on the page is an error.
    """

    def __init__(self) -> None:
        self.urls: set[str] = set()

    def note(self, message) -> bool:
        """Keep the URL when the console message is about a picture that did not load."""
        location = message.location.get("url", "")
        if "404" in message.text and MEDIA_URL.search(location):
            self.urls.add(location)
            return True
        found = MEDIA_URL.search(message.text) if "Image source error" in message.text else None
        if found:
            self.urls.add(found.group(0))
        return found is not None

    async def settle(self, page, crowd: Crowd, who: str) -> None:
        shown = set(await page.evaluate(PICTURE_URLS_JS))
        for url in self.urls:
            if url in shown:
                crowd.error(who, f"a picture on the page did not load: {url}")
            else:
                crowd.figures.superseded_pictures += 1
        self.urls.clear()


async def open_page(context, crowd: Crowd, path: str, who: str):
    """A page of the app, drawn and idle, and its failed pictures; uncaught and console errors count as errors."""
    page = await context.new_page()
    pictures = FailedPictures()

    def console(message) -> None:
        location = message.location.get("url", "")
        if message.type != "error" or pictures.note(message):
            return
        if not ("404" in message.text and SUBPAGE_PROBE.match(location)):
            crowd.error(who, f"console error: {message.text[:200]} ({location})")

    page.on("console", console)
    page.on("pageerror", lambda error: crowd.error(who, f"uncaught {first_line(error)}"))
    await page.goto(f"{crowd.url}/{path}", timeout=PAGE_LOAD_TIMEOUT_MS)
    await page.locator(PAGE_TITLE).first.wait_for(timeout=PAGE_LOAD_TIMEOUT_MS)
    await page.wait_for_selector(IDLE_APP, timeout=PAGE_LOAD_TIMEOUT_MS)
    return page, pictures


async def report_page_problems(page, crowd: Crowd, who: str) -> None:
    """Exceptions or error boxes on the page count as errors."""
    for text in await page.locator(PAGE_PROBLEMS).all_inner_texts():
        lines = " / ".join(line.strip() for line in text.splitlines() if line.strip())
        crowd.error(who, f"the page shows an error: {lines[:400]}")


async def draw_digit(page, pictures: FailedPictures, crowd: Crowd, who: str, digit: PenDigit) -> str | None:
    """Replay a digit stroke by stroke, timing each stroke's answer; returns the prediction shown, if any."""
    surface = page.locator(CANVAS)
    await surface.scroll_into_view_if_needed()
    box = await surface.bounding_box()
    if box is None:
        raise RuntimeError("the canvas is not on screen")
    scale_x, scale_y = box["width"] / CANVAS_SIZE, box["height"] / CANVAS_SIZE
    for stroke in digit.strokes:
        points = [(box["x"] + x * scale_x, box["y"] + y * scale_y) for x, y in stroke]
        before = await page.evaluate(READING_JS)
        await page.mouse.move(*points[0])
        await page.mouse.down()
        for x, y in points[1:]:  # a one-point stroke is a dot: press and release in place
            await page.mouse.move(x, y)
        await page.mouse.up()
        answered = await page.wait_for_function(
            NEW_READING_JS, arg=before, polling="raf", timeout=crowd.step_timeout_ms
        )
        crowd.figures.stroke_seconds.append(await answered.json_value() / 1000)
        # A student looks at the answer before the next stroke: its pictures load first.
        shown = await page.wait_for_function(PICTURES_JS, polling="raf", timeout=crowd.step_timeout_ms)
        crowd.figures.picture_seconds.append(await shown.json_value() / 1000)
        await pictures.settle(page, crowd, who)
    values = await page.locator(PREDICTION).all_inner_texts()
    return values[0].strip() if values else None


async def clear_canvas(page, crowd: Crowd) -> None:
    """Press Clear; wait for a fresh, empty canvas, and no prediction or pictures of the old drawing."""
    await page.locator(CANVAS).evaluate("element => element.setAttribute('data-load-drawn', 'yes')")
    await page.locator(CLEAR_BUTTON).filter(visible=True).click(timeout=crowd.step_timeout_ms)
    await page.locator(f"{CANVAS}:not([data-load-drawn])").wait_for(timeout=crowd.step_timeout_ms)
    await page.wait_for_function(
        f"""() => document.querySelector('{PREDICTION}') === null && document.querySelector('{IDLE_APP}') !== null &&
            document.querySelector('[data-testid=stMain] img') === null""",
        polling="raf",
        timeout=crowd.step_timeout_ms,
    )


async def drawing_student(number: int, browser, crowd: Crowd, digits: list[PenDigit]) -> None:
    """Open /draw, wait for everybody, then draw each digit, read the prediction and clear."""
    who = f"drawing {number}"
    figures = crowd.figures
    context = await browser.new_context(viewport=VIEWPORT)
    try:
        await context.add_init_script(PAGE_CLOCK_JS)
        try:
            page, pictures = await open_page(context, crowd, "draw", who)
            await page.locator(CANVAS).wait_for(timeout=PAGE_LOAD_TIMEOUT_MS)
        finally:
            crowd.line.arrive()
        await crowd.line.go.wait()
        for digit in digits:
            answer = await draw_digit(page, pictures, crowd, who, digit)
            figures.digits_drawn += 1
            figures.digits_answered += answer is not None
            figures.digits_right += answer == str(digit.label)
            await clear_canvas(page, crowd)
        await pictures.settle(page, crowd, who)
        await report_page_problems(page, crowd, who)
    except Exception as error:  # one student's failure is counted, the others go on
        await crowd.failed(who, error, context)
    finally:
        await context.close()


async def set_epochs(page, crowd: Crowd, epochs: int) -> None:
    """Type the number of epochs; Enter commits it."""
    field = page.locator(EPOCHS_INPUT)
    await field.fill(str(epochs), timeout=crowd.step_timeout_ms)
    await field.press("Enter")
    await page.wait_for_function(
        f"""epochs => document.querySelector('{EPOCHS_INPUT}')?.value === epochs &&
            document.querySelector('{IDLE_APP}') !== null""",
        arg=str(epochs),
        polling="raf",
        timeout=crowd.step_timeout_ms,
    )


async def follow_training(page, crowd: Crowd, who: str) -> None:
    """Watch the page until the training is done or fails; note whether it had to wait in line first."""
    deadline = time.monotonic() + TRAINING_TIMEOUT_S
    waited = False
    waiting_before = False  # seen twice in a row, so a page half-way through redrawing does not count
    while time.monotonic() < deadline:
        state = await page.evaluate(TRAIN_STATE_JS)
        waited = waited or (state["waiting"] and waiting_before)
        waiting_before = state["waiting"]
        if state["problems"]:
            return  # reported with the page's other problems
        if state["done"] and not state["running"]:
            crowd.figures.trainings_finished += 1
            crowd.figures.trainings_waited += waited
            return
        await asyncio.sleep(TRAINING_POLL_S)
    crowd.error(who, f"the training did not finish within {TRAINING_TIMEOUT_S} s")


async def training_student(number: int, browser, crowd: Crowd, epochs: int) -> None:
    """Open /train and set the epochs, wait for everybody, then start a training and follow it to its end."""
    who = f"training {number}"
    context = await browser.new_context(viewport=VIEWPORT)
    try:
        try:
            page, pictures = await open_page(context, crowd, "train", who)
            await page.locator(START_BUTTON).filter(visible=True).wait_for(timeout=PAGE_LOAD_TIMEOUT_MS)
            await set_epochs(page, crowd, epochs)
        finally:
            crowd.line.arrive()
        await crowd.line.go.wait()
        await page.locator(START_BUTTON).filter(visible=True).click(timeout=crowd.step_timeout_ms)
        await follow_training(page, crowd, who)
        await pictures.settle(page, crowd, who)
        await report_page_problems(page, crowd, who)
    except Exception as error:
        await crowd.failed(who, error, context)
    finally:
        await context.close()


async def run_students(
    url: str, plans: list[list[PenDigit]], figures: Figures, args: argparse.Namespace, screenshots: Path | None
) -> None:
    """Every student at once, in one Chromium: the drawing ones, then the training ones."""
    from playwright.async_api import async_playwright

    trainings, epochs = args.trainings, args.epochs
    crowd = Crowd(url, figures, StartLine(len(plans) + trainings), screenshots, args.step_timeout * 1000)
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            students = [drawing_student(n, browser, crowd, digits) for n, digits in enumerate(plans, 1)]
            students += [training_student(n, browser, crowd, epochs) for n in range(1, trainings + 1)]
            await asyncio.gather(*students)
        finally:
            await browser.close()


def digits_for_sessions(digits: list[PenDigit], sessions: int, per_session: int) -> list[list[PenDigit]]:
    """Different real digits for every session: labels in turn (0-4, 5-9, ...), each sample used once if possible."""
    by_label = [[digit for digit in digits if digit.label == label] for label in range(10)]
    rounds = max(len(samples) for samples in by_label)
    order = [samples[i] for i in range(rounds) for samples in by_label if i < len(samples)]
    return [
        [order[(session * per_session + k) % len(order)] for k in range(per_session)] for session in range(sessions)
    ]


# ---------------------------------------------------------------- one command


def measure(target: Target, plans: list[list[PenDigit]], args: argparse.Namespace) -> Figures:
    figures = Figures(url=target.url, sessions=args.sessions, trainings=args.trainings, epochs=args.epochs)
    figures.limit = target.limit
    figures.load_before = os.getloadavg()
    watch = MemoryWatch(target.pid) if target.pid else None
    if watch:
        watch.start()
    tracebacks_before = target.server.tracebacks() if target.server else 0
    server_cpu_before = tree_cpu_seconds(target.pid) if target.pid else None
    client_cpu_before = own_cpu_seconds()
    started_wall, started = time.time(), time.perf_counter()
    screenshots = target.scratch if args.keep else None
    if args.client_nice:
        os.nice(args.client_nice)  # this script and the Chromium it starts; the server is already running
    students = run_students(target.url, plans, figures, args, screenshots)
    try:
        asyncio.run(asyncio.wait_for(students, args.timeout))
    except TimeoutError:
        figures.errors.append(f"the whole test did not end within {args.timeout} s")
    finally:
        if watch:
            watch.stop()
    figures.seconds = time.perf_counter() - started
    figures.load_after = os.getloadavg()
    figures.client_cpu_seconds = own_cpu_seconds() - client_cpu_before  # the browser has exited and been reaped
    if server_cpu_before is not None:
        figures.server_cpu_seconds = tree_cpu_seconds(target.pid) - server_cpu_before
    if watch:
        figures.first_rss_mb, figures.peak_rss_mb = watch.first / 2**20, watch.peak / 2**20
    if target.runs_dir is not None and target.runs_dir.is_dir():
        figures.most_at_once, figures.finished_runs = trainings_in_runs(target.runs_dir, since=started_wall)
    if target.server is not None:
        new_tracebacks = target.server.tracebacks() - tracebacks_before
        if new_tracebacks:
            figures.errors.append(f"the server log holds {new_tracebacks} traceback(s):\n{target.server.log_tail()}")
    return figures


def own_cpu_seconds() -> float:
    """CPU time of this script and of its children that have ended (Chromium, Playwright's driver)."""
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


def seconds_text(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.2f}"


def report(figures: Figures) -> str:
    p95 = figures.percentile(0.95)
    target_met = "met" if p95 is not None and p95 <= 1.0 else "MISSED"
    limit = "unknown" if figures.limit is None else str(figures.limit)
    most = "unknown (runs folder not readable)" if figures.most_at_once is None else str(figures.most_at_once)
    verdict = "within the limit" if figures.within_limit else "OVER THE LIMIT OR UNKNOWN"
    memory = (
        "unknown (server process not found)"
        if figures.peak_rss_mb is None
        else f"peak {figures.peak_rss_mb:,.0f} MB (first sample {figures.first_rss_mb:,.0f} MB)"
    )
    lines = [
        f"Load test on {figures.url}: {figures.sessions} sessions drawing {DIGITS_PER_SESSION} digits each, "
        f"{figures.trainings} trainings of {figures.epochs} epochs requested at once",
        f"  machine: {os.cpu_count()} cores; load average {'/'.join(f'{x:.2f}' for x in figures.load_before)} "
        f"before, {'/'.join(f'{x:.2f}' for x in figures.load_after)} after; took {figures.seconds:.0f} s",
        f"  errors: {len(figures.errors)} (target 0)",
        f"  stroke to reading: {len(figures.stroke_seconds)} strokes; p50 {seconds_text(figures.percentile(0.5))} s, "
        f"p95 {seconds_text(p95)} s (target <= 1 s: {target_met}), "
        f"max {seconds_text(max(figures.stroke_seconds, default=None))} s; with its pictures loaded: "
        f"p95 {seconds_text(figures.percentile(0.95, figures.picture_seconds))} s",
        f"  digits: {figures.digits_drawn} drawn, {figures.digits_answered} got a prediction, "
        f"{figures.digits_right} read right",
        f"  trainings at once: {most} (limit MNIST_APP_MAX_TRAININGS = {limit}): {verdict}",
        f"  trainings finished: {figures.trainings_finished} of {figures.trainings} on their pages "
        f"({figures.trainings_waited} waited in line first), finished runs saved: "
        f"{'unknown' if figures.finished_runs is None else figures.finished_runs}; "
        f"every one finished: {'yes' if figures.all_finished else 'NO'}",
        f"  server memory (RSS of its process tree): {memory}",
        f"  CPU time used meanwhile: server {seconds_text(figures.server_cpu_seconds)} s, Chromium and this script "
        f"{figures.client_cpu_seconds:.0f} s (in a class the browsers run on the students' own computers), of "
        f"{figures.seconds * (os.cpu_count() or 1):.0f} s the {os.cpu_count()} cores had",
    ]
    if figures.superseded_pictures:
        lines.append(
            f"  (not errors: {figures.superseded_pictures} pictures were replaced by a newer reading before the "
            "browser fetched them, and answered 404)"
        )
    lines += [f"  error: {error}" for error in figures.errors[:20]]
    if len(figures.errors) > 20:
        lines.append(f"  ... and {len(figures.errors) - 20} more errors")
    return "\n".join(lines)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=20, help="students drawing at once (default 20)")
    parser.add_argument("--trainings", type=int, default=3, help="students asking for a training at once (3)")
    parser.add_argument("--epochs", type=int, default=2, help="epochs per training (2)")
    parser.add_argument("--url", help="a running server on this machine (loopback only); default: start one")
    parser.add_argument("--runs-dir", type=Path, help="the running server's runs folder (default: read from it)")
    parser.add_argument("--train-limit", type=int, default=6000, help="own server: training images per training (6000)")
    parser.add_argument("--max-trainings", type=int, help="own server: MNIST_APP_MAX_TRAININGS (default: the app's)")
    parser.add_argument(
        "--model-from", type=Path, default=config.runs_dir(), help="own server: copy a digits run from here"
    )
    parser.add_argument(
        "--streamlit-option",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="own server: a `streamlit run` setting, e.g. runner.postScriptGC=false (repeatable)",
    )
    parser.add_argument("--keep", action="store_true", help="own server: keep its runs folder and log")
    parser.add_argument(
        "--client-nice",
        type=int,
        default=0,
        help="run Chromium at this lower priority (e.g. 10), so the server gets the CPU first, as it would with "
        "the browsers on the students' computers",
    )
    parser.add_argument("--digits", type=Path, default=config.pen_digits_path(), help="the UNIPEN pen digits file")
    parser.add_argument("--timeout", type=float, default=1800, help="seconds for the whole test (1800)")
    parser.add_argument(
        "--step-timeout", type=float, default=STEP_TIMEOUT_S, help="seconds one answer may take before it is an error"
    )
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    args = parser.parse_args(argv)
    if any("=" not in option for option in args.streamlit_option):
        parser.error("--streamlit-option takes NAME=VALUE")
    if not 1 <= args.sessions <= 100 or not 0 <= args.trainings <= 20 or not 1 <= args.epochs <= 200:
        parser.error("use 1-100 sessions, 0-20 trainings and 1-200 epochs")
    return args


def stop_on_signal(signum: int, frame: object) -> None:
    print(f"Stopped by signal {signum}: stopping the server and leaving.", file=sys.stderr, flush=True)
    sys.exit(128 + signum)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    # A SIGTERM (a test's timeout, Ctrl-C's cousin) still runs the clean-up below: the server is stopped.
    signal.signal(signal.SIGTERM, stop_on_signal)
    plans = digits_for_sessions(load_pen_digits(args.digits), args.sessions, DIGITS_PER_SESSION)
    target = running_server(args.url, args.runs_dir) if args.url else own_server(args)
    try:
        figures = measure(target, plans, args)
    finally:
        release(target, args.keep)
    print(report(figures), flush=True)
    if args.json:
        args.json.write_text(json.dumps(figures.summary(), indent=2))
    return 0 if figures.passed else 1


if __name__ == "__main__":
    sys.exit(main())
