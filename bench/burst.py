"""Bursts: every student of a class sends the same stroke at the same instant, stroke after stroke.

The teacher says "now draw a 7", and thirty strokes reach the server together. class_load.py sees such a burst only
once per student (the first strokes, among page loads and a real browser's); this measures nothing else. One real
Chromium session on /draw is recorded (pen digits from samples/, each read and cleared); then N light clients, each
its own Streamlit session, send each recorded stroke or clear at once, and the next once all N are answered. Every
reading is checked against the one the browser showed.

The server is started as start.sh starts it: the class server, one Streamlit process per core behind the front
door (--processes N for another number; --processes 0 for one plain `streamlit run app.py`, no door).

    .venv/bin/python bench/burst.py                          # 30 students, the class server
    .venv/bin/python bench/burst.py --students 10,30,60 --processes 0
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
from harness.processes import cpu_seconds, tree_cpu_seconds
from harness.recording import DrawingRecording
from harness.replay import ReplayFigures, Student, Timeouts
from harness.server import AppServer, start_app_server, start_class_server
from harness.streamlit_ws import StreamlitSession
from mnist_core import config
from mnist_core.data.pen_digits import load_pen_digits

COLUMNS = ["students", "processes", "strokes", "errors", "wrong_readings", "stroke_p50_s", "stroke_p95_s"]
COLUMNS += ["stroke_max_s", "server_cpu_ms_per_stroke", "door_cpu_ms_per_stroke", "peak_rss_mb"]
COLUMNS += ["peak_pss_mb"]  # the table's, in order
SETTLE_SECONDS = 0.3  # between two bursts: the server idle again, as after a teacher's "now draw ..."


async def bursts(server: AppServer, processes: int, recording: DrawingRecording, students: int) -> dict:
    """Every recorded stroke and clear sent by all students at once; the strokes' times to their readings."""
    figures = ReplayFigures()
    memory = PeakMemory(server.pid)  # the server with every process it started
    memory.start()
    seated = [Student(f"burst-{n}", server.url, figures, Timeouts()) for n in range(students)]
    opening, drawing = recording.opening, recording.drawing
    try:
        for student in seated:
            student.session = await StreamlitSession.open(student.url)
            for step in opening:
                await student.replay(step)
        cpu, door_cpu = tree_cpu_seconds(server.pid), cpu_seconds(server.pid)
        stroke_seconds: list[float] = []
        for step in drawing:
            outputs = await asyncio.gather(*(student.replay(step) for student in seated))
            if step.kind == "stroke":
                stroke_seconds += [output.seconds for output in outputs]
            await asyncio.sleep(SETTLE_SECONDS)
        cpu, door_cpu = tree_cpu_seconds(server.pid) - cpu, cpu_seconds(server.pid) - door_cpu
    finally:
        for student in seated:
            if student.session is not None:
                await student.session.close()
        peak_rss_bytes = memory.stop()
    return {
        "students": students,
        "processes": processes or "1, no door",
        "strokes": len(stroke_seconds),
        "errors": len(figures.errors),
        "wrong_readings": len(figures.wrong_readings),
        "stroke_p50_s": round(percentile(stroke_seconds, 0.50), 3),
        "stroke_p95_s": round(percentile(stroke_seconds, 0.95), 3),
        "stroke_max_s": round(max(stroke_seconds), 3),
        "server_cpu_ms_per_stroke": round(1000 * cpu / len(stroke_seconds), 1),  # clears included
        # the class server's own process: the front door (and the training line, idle here); with no door, the server
        "door_cpu_ms_per_stroke": round(1000 * door_cpu / len(stroke_seconds), 1) if processes else None,
        "peak_rss_mb": round(peak_rss_bytes / 2**20),  # each process's resident memory, added up
        "peak_pss_mb": round(memory.peak_pss_bytes / 2**20),  # the shared pages (libraries) once
        "problems": (figures.errors + figures.wrong_readings)[:3],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=student_counts, default=[30], help="one number, or a list: 10,30,60")
    parser.add_argument(
        "--processes", type=int, default=config.server_processes(), help="Streamlit processes (default: one per core)"
    )
    parser.add_argument("--digits", type=int, default=10)
    parser.add_argument("--model-from", type=Path, default=config.runs_dir())
    args = parser.parse_args()

    digits = class_digits(load_pen_digits(config.pen_digits_path()), args.digits)
    scratch = Path(tempfile.mkdtemp(prefix="burst-"))
    server: AppServer | None = None
    try:
        runs_dir = scratch / "runs"
        provide_drawing_model(args.model_from, runs_dir)
        settings, log_path = {"MNIST_APP_RUNS_DIR": str(runs_dir)}, scratch / "server.log"
        if args.processes:
            server = start_class_server(settings, log_path, args.processes)
        else:
            server = start_app_server(settings, log_path)
        with sync_playwright() as playwright:  # Playwright's loop must be gone before asyncio's starts
            browser = launch(playwright)
            recording, _ = record(browser, server.url, digits, trainings=0, epochs=1)
            browser.close()
        asyncio.run(bursts(server, args.processes, recording, students=max(args.processes, 1)))  # models loaded
        failed = False
        print(" | ".join(COLUMNS))
        for students in args.students:
            result = asyncio.run(bursts(server, args.processes, recording, students))
            failed |= bool(result["errors"] or result["wrong_readings"])
            print(" | ".join(str(result[name]) for name in COLUMNS), *result["problems"], flush=True)
        return int(failed)
    finally:
        if server is not None:
            server.stop()
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
