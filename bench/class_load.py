"""A class on one server: many students drawing on /draw while some press Start on /train, measured.

One command, in the manner of shinyloadtest/shinycannon. It starts its own server as start.sh does (the class
server: one Streamlit process per core behind the front door; --processes 0 for one plain `streamlit run app.py`),
loopback only, with a temporary runs folder holding a copy of a digits model, or uses a running one on this machine
(--url). Then:

1. Record: one real Chromium session on /draw draws real pen digits (UNIPEN, samples/), stroke by stroke, reads
   each and clears it. Every websocket request the page sent is kept with what the server showed in answer.
   With trainings, a second page records opening /train and setting the epochs.
2. Replay: N light clients each replay that session as their own Streamlit session, at a student's pace (a second
   or so per stroke, two to read the answer) or --flat-out (no pauses; the first strokes all go at once: a
   burst). Each stroke's time to its reading is measured, the reading checked against the recording, and every
   picture it shows fetched, as a browser would. M more clients, each a named student (?student=load-train-M),
   press Start on /train at the same moment and follow their training to its end.
3. Beside them, one real Chromium student draws 10 digits; its stroke times are reported next to the simulated
   ones. The light students replay the session at least once, and again (a page reload) until the Chromium
   student is done and every training has ended: trainings are timed with the class drawing all the while.

Why light clients with asyncio `websockets`, not Locust: the clients must run beside the server on its own two
cores and take as little of them as possible. One asyncio process holds every session (a few seconds of CPU for
a whole class; the report says how much), with no gevent monkey-patching next to Playwright, and no new
dependency (`websockets` is pinned already). Locust has no Streamlit user either: the protocol part (XSRF,
protobuf frames, a run's end, the reading, pictures) would be ours anyway, and its statistics would not check
readings. Its web UI and distributed workers are not needed for a class of 60 on one machine.

Errors are page exceptions and error boxes, pictures that fail to load (404: the "media race"), requests not
answered in time, Chromium console errors, and (own server) tracebacks in the server's log. Server CPU per stroke
is the server's CPU time while the class ran divided by the strokes drawn: clears and pictures are included, and so
are trainings (measure it with --trainings 0).

    .venv/bin/python bench/class_load.py                               # 30 students at a student's pace
    .venv/bin/python bench/class_load.py --students 30 --flat-out      # bursts: all draw as fast as answers come
    .venv/bin/python bench/class_load.py --students 10,20,30,45,60 --flat-out --json sweep.json   # a table
    .venv/bin/python bench/class_load.py --students 30 --trainings 2   # two trainings requested at once
    .venv/bin/python bench/class_load.py --students 0 --trainings 1    # a training alone, to compare its time
    .venv/bin/python bench/class_load.py --url http://127.0.0.1:8501   # a running server (trainings add runs)
    .venv/bin/python bench/class_load.py --flat-out --processes 0      # one Streamlit process, no front door

--json FILE writes, per number of students: students, errors, wrong_readings, stroke_p50_s, stroke_p95_s,
browser_p95_s, trainings_requested, trainings_finished, peak_rss_mb, server_cpu_ms_per_stroke, then more
(burst_p95_s: each student's first stroke; the messages of the errors). One object, or a list for a sweep.
Exit code 0 when there were no errors, no wrong readings, and every training finished.
"""

from __future__ import annotations

import argparse
import json
import shutil
import signal
import sys
import tempfile
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from playwright.sync_api import Browser, sync_playwright

from harness.browser import VIEWPORT
from harness.chromium import launch
from harness.classroom import ClassFigures, Target, run_class
from harness.models import provide_default_drawing_run
from harness.processes import listening_pid
from harness.recording import DrawingRecording, Step, record_drawing, record_training_setup
from harness.replay import FLAT_OUT, STUDENT_PACE, Timeouts
from harness.server import start_app_server, start_class_server
from mnist_core import config
from mnist_core.classroom import defaults
from mnist_core.data.pen_digits import PenDigit, load_pen_digits
from mnist_core.runs.store import RunStore

LOOPBACK_HOSTS = {"127.0.0.1", "localhost", "::1"}


# ---------------------------------------------------------------- the server and the recording


@contextmanager
def target_server(args: argparse.Namespace) -> Iterator[Target]:
    """The running server at --url, or a fresh one on a free loopback port with its own runs folder."""
    if args.url:
        parts = urllib.parse.urlsplit(args.url)
        if parts.hostname not in LOOPBACK_HOSTS:
            raise SystemExit(f"--url must be a loopback address ({', '.join(sorted(LOOPBACK_HOSTS))}), not {args.url}")
        yield Target(args.url.rstrip("/"), listening_pid(parts.port or 80))
        return
    scratch = Path(tempfile.mkdtemp(prefix="class-load-"))
    try:
        runs_dir = scratch / "runs"
        provide_drawing_model(args.model_from, runs_dir)
        settings = {"MNIST_APP_RUNS_DIR": str(runs_dir), "MNIST_APP_TRAIN_LIMIT": str(args.train_limit)}
        settings |= dict(setting.split("=", 1) for setting in args.app_setting)
        if args.max_trainings:
            settings["MNIST_APP_MAX_TRAININGS"] = str(args.max_trainings)
        options = dict(option.split("=", 1) for option in args.streamlit_option)
        if args.processes:
            server = start_class_server(settings, scratch / "server.log", args.processes, options=options)
        else:
            server = start_app_server(settings, scratch / "server.log", options=options)
        try:
            yield Target(server.url, server.pid, server)
        finally:
            server.stop()
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def provide_drawing_model(source: Path, runs_dir: Path) -> None:
    """The run the Draw page would read with in `source`, copied; with none there, the default digits model."""
    runs_dir.mkdir(parents=True, exist_ok=True)
    chosen = defaults.drawing_run(RunStore(source).list()) if source.is_dir() else None
    if chosen is None:
        provide_default_drawing_run(runs_dir)  # trains it: about 2 minutes
        return
    shutil.copytree(source / chosen.id, runs_dir / chosen.id)
    print(f"Drawing with run {chosen.id} (test accuracy {chosen.test_accuracy:.4f}) from {source}", flush=True)


def class_digits(pen_digits: list[PenDigit], count: int) -> list[PenDigit]:
    """`count` pen digits, labels in turn (0-9, then 0-9 again with the next writers)."""
    by_label = [[digit for digit in pen_digits if digit.label == label] for label in range(10)]
    rounds = max(len(samples) for samples in by_label)
    in_turn = [samples[k] for k in range(rounds) for samples in by_label if k < len(samples)]
    return in_turn[:count]


def record(
    browser: Browser, url: str, digits: list[PenDigit], trainings: int, epochs: int
) -> tuple[DrawingRecording, list[Step]]:
    """The reference sessions, a page each: /draw, and /train when there are trainings."""
    context = browser.new_context(viewport=VIEWPORT, locale="en-US")
    try:
        drawing = record_drawing(context.new_page(), url, digits)
        training_setup = record_training_setup(context.new_page(), url, epochs) if trainings else []
    finally:
        context.close()
    readings = " ".join(map(str, drawing.readings))
    training = f"; /train with {epochs} epochs" if trainings else ""
    print(f"Recorded on {url}: {len(digits)} digits, {drawing.strokes} strokes, read {readings}{training}", flush=True)
    return drawing, training_setup


# ---------------------------------------------------------------- the command


def sweep_table(results: list[ClassFigures]) -> str:
    """One line per number of students."""
    columns = ["students", "errors", "wrong_readings", "stroke_p50_s", "stroke_p95_s", "burst_p95_s", "browser_p95_s"]
    columns += ["server_cpu_ms_per_stroke", "peak_rss_mb"]
    lines = [" | ".join(columns)]
    for figures in results:
        summary = figures.summary()
        lines.append(" | ".join("n/a" if summary[name] is None else str(summary[name]) for name in columns))
    return "\n".join(lines)


def student_counts(text: str) -> list[int]:
    counts = [int(part) for part in text.split(",")]
    if any(not 0 <= count <= 500 for count in counts):
        raise argparse.ArgumentTypeError("use 0 to 500 students")
    return counts


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    option = parser.add_argument
    option(
        "--students",
        type=student_counts,
        default=[30],
        help="light students drawing, or a list for a sweep: 10,20,30,45,60 (default 30)",
    )
    option(
        "--flat-out",
        action="store_true",
        help="no pauses: each answer is followed at once by the next request, "
        "and the first strokes all go at the same moment (a burst)",
    )
    option("--digits", type=int, default=10, help="pen digits in the recording the students replay (10)")
    option("--trainings", type=int, default=0, help="more students, pressing Start at the same moment (0)")
    option("--epochs", type=int, default=1, help="epochs per training (1)")
    option("--url", help="a running server on this machine (loopback only); default: start one")
    option(
        "--processes",
        type=int,
        default=config.server_processes(),
        help="own server: Streamlit processes behind the front door, as start.sh serves (default: one per core); "
        "0: one `streamlit run app.py` without the door",
    )
    option("--train-limit", type=int, default=6000, help="own server: images per training (6000)")
    option("--max-trainings", type=int, help="own server: MNIST_APP_MAX_TRAININGS (default: the app's)")
    option(
        "--model-from",
        type=Path,
        default=config.runs_dir(),
        help="own server: copy the run the Draw page would read with from this runs folder (default: the app's)",
    )
    option(
        "--streamlit-option",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="own server: a `streamlit run` setting, e.g. runner.postScriptGC=true (repeatable)",
    )
    option(
        "--app-setting",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="own server: one of the app's settings, e.g. MNIST_APP_TRAINING_IN=thread (repeatable)",
    )
    option("--pen-digits", type=Path, default=config.pen_digits_path(), help="the UNIPEN pen digits file")
    option("--request-timeout", type=float, default=60, help="seconds one answer may take (60)")
    option("--training-timeout", type=float, default=900, help="seconds one training may take (900)")
    option("--json", type=Path, help="also write the figures to this JSON file")
    args = parser.parse_args(argv)
    if any("=" not in setting for setting in args.streamlit_option + args.app_setting):
        parser.error("--streamlit-option and --app-setting take NAME=VALUE")
    if not 1 <= args.digits <= 200 or not 0 <= args.trainings <= 50 or not 1 <= args.epochs <= 200:
        parser.error("use 1-200 digits, 0-50 trainings and 1-200 epochs")
    return args


def stop_on_signal(signum: int, frame: object) -> None:
    print(f"Stopped by signal {signum}: stopping the server and leaving.", file=sys.stderr, flush=True)
    sys.exit(128 + signum)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    signal.signal(signal.SIGTERM, stop_on_signal)  # a test's timeout still stops the server (finally blocks run)
    digits = class_digits(load_pen_digits(args.pen_digits), args.digits)
    pace = FLAT_OUT if args.flat_out else STUDENT_PACE
    timeouts = Timeouts(args.request_timeout, args.training_timeout)
    results = []
    with target_server(args) as target, sync_playwright() as playwright:
        browser = launch(playwright)
        drawing, training_setup = record(browser, target.url, digits, args.trainings, args.epochs)
        for students in args.students:
            figures = run_class(browser, target, drawing, training_setup, students, args.trainings, pace, timeouts)
            print(figures.report(), flush=True)
            results.append(figures)
        browser.close()
    if len(results) > 1:
        print(sweep_table(results))
    if args.json:
        summaries = [figures.summary() for figures in results]
        args.json.write_text(json.dumps(summaries[0] if len(summaries) == 1 else summaries, indent=2))
    passed = all(
        not figures.errors and not figures.wrong_readings and figures.light.trainings_finished == args.trainings
        for figures in results
    )
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
