"""Bursts: every student of a class sends the same stroke at the same instant, stroke after stroke.

The teacher says "now draw a 7", and thirty strokes reach the server together. class_load.py sees such a burst only
once per student (the first strokes, among page loads and a real browser's); this measures nothing else. One real
Chromium session on /draw is recorded (pen digits from samples/, each read and cleared); then N light clients, each
its own Streamlit session, send each recorded stroke or clear at once, and the next once all N are answered. Every
reading is checked against the one the browser showed.

--servers 2 starts two server processes on one runs folder and seats the students on them in turn: what a second
process would give a class on two cores. The app does not share its training line, caps and teacher controls
between processes yet, so this measures a plan; it is not a way to serve a class.

    .venv/bin/python bench/burst.py                          # 30 students, one server
    .venv/bin/python bench/burst.py --students 30,60 --servers 2
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import tempfile
from pathlib import Path

from class_load import class_digits, provide_drawing_model, record, student_counts
from playwright.sync_api import sync_playwright

from harness.chromium import launch
from harness.measures import PeakMemory, percentile
from harness.processes import tree_cpu_seconds
from harness.recording import DrawingRecording
from harness.replay import ReplayFigures, Student, Timeouts
from harness.server import AppServer, start_app_server
from harness.streamlit_ws import StreamlitSession
from mnist_core import config
from mnist_core.strokes import load_pen_digits

COLUMNS = ["students", "servers", "strokes", "errors", "wrong_readings", "stroke_p50_s", "stroke_p95_s", "stroke_max_s"]
COLUMNS += ["server_cpu_ms_per_stroke", "peak_rss_mb"]  # the table's, in order
SETTLE_SECONDS = 0.3  # between two bursts: the server idle again, as after a teacher's "now draw ..."


async def bursts(servers: list[AppServer], recording: DrawingRecording, students: int) -> dict:
    """Every recorded stroke and clear sent by all students at once; the strokes' times to their readings."""
    figures = ReplayFigures()
    memories = [PeakMemory(server.pid) for server in servers]
    for memory in memories:
        memory.start()
    seated = [Student(f"burst-{n}", servers[n % len(servers)].url, figures, Timeouts()) for n in range(students)]
    opening, drawing = recording.opening, recording.drawing
    try:
        for student in seated:
            student.session = await StreamlitSession.open(student.url)
            for step in opening:
                await student.replay(step)
        cpu = sum(tree_cpu_seconds(server.pid) for server in servers)
        stroke_seconds: list[float] = []
        for step in drawing:
            outputs = await asyncio.gather(*(student.replay(step) for student in seated))
            if step.kind == "stroke":
                stroke_seconds += [output.seconds for output in outputs]
            await asyncio.sleep(SETTLE_SECONDS)
        cpu = sum(tree_cpu_seconds(server.pid) for server in servers) - cpu
    finally:
        for student in seated:
            if student.session is not None:
                await student.session.close()
        peak_rss_bytes = sum(memory.stop() for memory in memories)
    return {
        "students": students,
        "servers": len(servers),
        "strokes": len(stroke_seconds),
        "errors": len(figures.errors),
        "wrong_readings": len(figures.wrong_readings),
        "stroke_p50_s": round(percentile(stroke_seconds, 0.50), 3),
        "stroke_p95_s": round(percentile(stroke_seconds, 0.95), 3),
        "stroke_max_s": round(max(stroke_seconds), 3),
        "server_cpu_ms_per_stroke": round(1000 * cpu / len(stroke_seconds), 1),  # clears included
        "peak_rss_mb": round(peak_rss_bytes / 2**20),  # the servers' peaks added up
        "problems": (figures.errors + figures.wrong_readings)[:3],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=student_counts, default=[30], help="one number, or a list: 10,30,60")
    parser.add_argument("--servers", type=int, default=1, help="server processes sharing the students (1)")
    parser.add_argument("--digits", type=int, default=10)
    parser.add_argument("--model-from", type=Path, default=config.runs_dir())
    args = parser.parse_args()

    digits = class_digits(load_pen_digits(config.pen_digits_path()), args.digits)
    scratch = Path(tempfile.mkdtemp(prefix="burst-"))
    servers: list[AppServer] = []
    try:
        runs_dir = scratch / "runs"
        provide_drawing_model(args.model_from, runs_dir)
        for number in range(args.servers):
            servers.append(start_app_server({"MNIST_APP_RUNS_DIR": str(runs_dir)}, scratch / f"server-{number}.log"))
        with sync_playwright() as playwright:  # Playwright's loop must be gone before asyncio's starts
            browser = launch(playwright)
            recording, _ = record(browser, servers[0].url, digits, trainings=0, epochs=1)
            browser.close()
        asyncio.run(bursts(servers, recording, students=len(servers)))  # every server loads its model first
        failed = False
        print(" | ".join(COLUMNS))
        for students in args.students:
            result = asyncio.run(bursts(servers, recording, students))
            failed |= bool(result["errors"] or result["wrong_readings"])
            print(" | ".join(str(result[name]) for name in COLUMNS), *result["problems"], flush=True)
        return int(failed)
    finally:
        for server in servers:
            server.stop()
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
