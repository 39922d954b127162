"""Server CPU per stroke on the Draw page: what one stroke costs the server, measured alone.

The class load test (class_load.py) divides all the server's CPU during a class by the strokes drawn, so its
figure also holds page loads, reloads, the real browser's own session and the server's idle work. This one
isolates a stroke: it records a real Chromium session on /draw (pen digits from samples/, each read and cleared),
then one light websocket client replays its strokes and clears back to back, round after round, while the
server does nothing else. Each round is a new session (a reload): the recording's canvas ids start again only on a
fresh page, and a recorded stroke sent to a page past them is read as nothing, which costs far less. The server's
CPU time over the strokes and clears (not the page openings), less what it spends idle over as long, divided by
the requests, is the cost of one stroke (a clear costs less: it shows no reading). Every reading is checked
against the one the browser showed.

    .venv/bin/python bench/stroke_cost.py                  # its own server, 5 rounds of 10 digits
    .venv/bin/python bench/stroke_cost.py --rounds 10 --url http://127.0.0.1:8501
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import time
from pathlib import Path

from class_load import class_digits, record, target_server
from playwright.sync_api import sync_playwright

from harness.chromium import launch
from harness.processes import tree_cpu_seconds
from harness.recording import DrawingRecording
from harness.replay import ReplayFigures, Student, Timeouts
from harness.streamlit_ws import StreamlitSession
from mnist_core import config
from mnist_core.data.pen_digits import load_pen_digits

IDLE_SECONDS = 5.0
STUDENT = "stroke-cost"


async def replay(url: str, recording: DrawingRecording, rounds: int, pid: int) -> dict:
    opening, work = recording.opening, recording.drawing
    figures = ReplayFigures()  # the wrong readings and the page's problems
    student = Student(STUDENT, url, figures, Timeouts(request_seconds=120))
    student.session = await StreamlitSession.open(url)
    try:
        for step in opening + work:  # one round to warm up: the model loaded, every picture made
            await student.replay(step)

        idle_cpu, idle_started = tree_cpu_seconds(pid), time.perf_counter()
        await asyncio.sleep(IDLE_SECONDS)
        idle_rate = (tree_cpu_seconds(pid) - idle_cpu) / (time.perf_counter() - idle_started)

        used, wall, seconds = 0.0, 0.0, []
        for _ in range(rounds):
            await student.reopen()  # a fresh page, not counted
            for step in opening:
                await student.replay(step)
            cpu, started = tree_cpu_seconds(pid), time.perf_counter()
            for step in work:
                seconds.append((await student.replay(step)).seconds)
            used += tree_cpu_seconds(pid) - cpu
            wall += time.perf_counter() - started
    finally:
        await student.session.close()
    used -= idle_rate * wall
    return {
        "requests": len(seconds),
        "wrong_readings": figures.wrong_readings,
        "errors": figures.errors,
        "server_cpu_ms_per_request": round(1000 * used / len(seconds), 1),
        "idle_cpu_ms_per_second": round(1000 * idle_rate, 1),
        "answer_p50_s": round(statistics.median(seconds), 4),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5, help="times the recorded session is replayed (5)")
    parser.add_argument("--digits", type=int, default=10)
    parser.add_argument("--url", help="a running server on this machine (loopback only); default: start one")
    parser.add_argument("--model-from", type=Path, default=config.runs_dir())
    parser.add_argument("--streamlit-option", action="append", default=[], metavar="NAME=VALUE")
    parser.add_argument(
        "--processes", type=int, default=0, help="Streamlit processes behind a front door (default 0: one plain one)"
    )
    args = parser.parse_args()
    args.train_limit, args.max_trainings, args.app_setting = 6000, None, []  # what target_server reads

    digits = class_digits(load_pen_digits(config.pen_digits_path()), args.digits)
    with target_server(args) as target:
        with sync_playwright() as playwright:  # Playwright's loop must be gone before asyncio's starts
            browser = launch(playwright)
            recording, _ = record(browser, target.url, digits, trainings=0, epochs=1)
            browser.close()
        figures = asyncio.run(replay(target.url, recording, args.rounds, target.pid))
    print(
        f"{figures['requests']} strokes and clears, one after another, {len(figures['wrong_readings'])} readings "
        f"wrong, {len(figures['errors'])} errors {(figures['wrong_readings'] + figures['errors'])[:3]}: server CPU "
        f"{figures['server_cpu_ms_per_request']} ms each (idle: {figures['idle_cpu_ms_per_second']} ms/s, taken off); "
        f"answer p50 {figures['answer_p50_s']} s"
    )


if __name__ == "__main__":
    main()
