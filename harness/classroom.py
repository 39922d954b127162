"""One class on one server: light students replaying a recorded session, some pressing Start on /train, and one
real Chromium student drawing beside them; measured from the moment they all start.

The light clients' event loop (harness.replay) runs in its own thread, because the Chromium student is driven by
Playwright's sync API from the calling thread.
"""

from __future__ import annotations

import asyncio
import os
import threading
import time
from dataclasses import dataclass
from typing import NamedTuple

from playwright.sync_api import Browser

from harness.browser_student import BrowserStudent
from harness.measures import PeakMemory, percentile
from harness.processes import tree_cpu_seconds
from harness.recording import DrawingRecording, Step
from harness.replay import FLAT_OUT, Pace, ReplayFigures, Timeouts, replay_class
from harness.server import AppServer


@dataclass
class Target:
    """The server under test."""

    url: str
    pid: int | None  # for its memory and CPU time (None: not found on this machine)
    server: AppServer | None = None  # when started by us: its log is read, and it is our child process


@dataclass
class ClassFigures:
    """What one class measured."""

    students: int
    pace: Pace
    trainings_requested: int
    recorded_strokes: int  # in the session each light student replays
    light: ReplayFigures
    browser_stroke_seconds: list[float]
    browser_strokes_during_replay: int
    errors: list[str]
    wrong_readings: list[str]
    readings: int
    peak_rss_bytes: int | None  # the server's processes' resident memory, added up
    peak_pss_bytes: int | None  # the same with shared pages (libraries) counted once
    server_cpu_seconds: float | None
    tool_cpu_seconds: float  # this process with its Chromium: the load's own cost, on the same cores
    clients_cpu_seconds: float  # this process alone, mostly the light clients
    seconds: float

    @property
    def strokes(self) -> int:
        return len(self.light.stroke_seconds) + len(self.browser_stroke_seconds)

    @property
    def server_cpu_ms_per_stroke(self) -> float | None:
        """The server's CPU time while the class ran, per stroke drawn (clears, pictures, trainings included)."""
        if self.server_cpu_seconds is None or not self.strokes:
            return None
        return 1000 * self.server_cpu_seconds / self.strokes

    def summary(self) -> dict:
        """The figures as JSON-ready data: the issue's named ones first, then the rest. Times in seconds."""
        strokes = self.light.stroke_seconds
        return {
            "students": self.students,
            "errors": len(self.errors),
            "wrong_readings": len(self.wrong_readings),
            "stroke_p50_s": rounded(percentile(strokes, 0.50), 4),
            "stroke_p95_s": rounded(percentile(strokes, 0.95), 4),
            "browser_p95_s": rounded(percentile(self.browser_stroke_seconds, 0.95), 4),
            "trainings_requested": self.trainings_requested,
            "trainings_finished": self.light.trainings_finished,
            "peak_rss_mb": megabytes(self.peak_rss_bytes),
            "server_cpu_ms_per_stroke": rounded(self.server_cpu_ms_per_stroke, 1),
            "peak_pss_mb": megabytes(self.peak_pss_bytes),
            "flat_out": self.pace == FLAT_OUT,
            "recorded_strokes": self.recorded_strokes,
            "strokes": len(strokes),
            "stroke_max_s": rounded(max(strokes, default=None), 4),
            "burst_p95_s": rounded(percentile(self.light.first_stroke_seconds, 0.95), 4),  # each one's first stroke
            "browser_strokes": len(self.browser_stroke_seconds),
            "browser_p50_s": rounded(percentile(self.browser_stroke_seconds, 0.50), 4),
            "browser_stroke_s": [rounded(value, 3) for value in self.browser_stroke_seconds],  # in drawing order
            "browser_strokes_during_replay": self.browser_strokes_during_replay,
            "readings": self.readings,
            "training_s": [rounded(value, 1) for value in self.light.training_seconds],
            "server_cpu_s": rounded(self.server_cpu_seconds, 1),
            "load_tool_cpu_s": rounded(self.tool_cpu_seconds, 1),
            "light_clients_cpu_s": rounded(self.clients_cpu_seconds, 1),
            "seconds": rounded(self.seconds, 1),
            "error_messages": self.errors[:50],
            "wrong_reading_messages": self.wrong_readings[:50],
        }

    def report(self) -> str:
        figures = self.summary()
        pace = "flat out" if self.pace == FLAT_OUT else "at a student's pace"
        times = ", ".join(f"{value} s" for value in figures["training_s"])
        lines = [
            f"{self.students} students drawing {pace}, {self.trainings_requested} more pressing Start at once",
            f"  errors: {len(self.errors)}",
            f"  readings: {self.readings} checked, {len(self.wrong_readings)} differ from the recording",
            f"  stroke to reading, light clients: {figures['strokes']} strokes, p50 {seconds(figures['stroke_p50_s'])}"
            f", p95 {seconds(figures['stroke_p95_s'])}, max {seconds(figures['stroke_max_s'])}; "
            f"each student's first stroke: p95 {seconds(figures['burst_p95_s'])}",
            f"  stroke to reading, Chromium student: {figures['browser_strokes']} strokes, "
            f"p50 {seconds(figures['browser_p50_s'])}, p95 {seconds(figures['browser_p95_s'])}, "
            f"{self.browser_strokes_during_replay} of them while the light clients drew (from releasing the mouse: "
            "the canvas waits about 0.2 s before it sends)",
            f"  trainings: {self.light.trainings_finished} of {self.trainings_requested} finished"
            + (f", in {times}" if times else ""),
            f"  server: peak RSS {figures['peak_rss_mb']} MB (PSS {figures['peak_pss_mb']} MB); "
            f"CPU {figures['server_cpu_s']} s, "
            f"{figures['server_cpu_ms_per_stroke']} ms per stroke (clears, pictures and trainings included)",
            f"  this command: CPU {figures['load_tool_cpu_s']} s, of which the light clients' process "
            f"{figures['light_clients_cpu_s']} s and Chromium the rest; took {figures['seconds']} s; "
            f"load average now {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores",
        ]
        lines += [f"  error: {message}" for message in self.errors[:20]]
        lines += [f"  wrong: {message}" for message in self.wrong_readings[:20]]
        return "\n".join(lines)


def seconds(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f} s"


def rounded(value: float | None, digits: int) -> float | None:
    return None if value is None else round(value, digits)


def megabytes(value: int | None) -> int | None:
    return None if value is None else round(value / 2**20)


class Times(NamedTuple):
    wall: float
    server_cpu: float
    tool_cpu: float  # ours with our Chromium (the server left out when we started it)
    clients_cpu: float  # this process alone: the light clients, and Playwright's side of the real browser

    def since(self, start: Times) -> Times:
        return Times(*(now - then for now, then in zip(self, start, strict=True)))


class ClassClock:
    """Wall time and CPU times from the moment the class starts."""

    def __init__(self, target: Target) -> None:
        self.target = target
        self.started = threading.Event()
        self.at_start = self.read()

    def read(self) -> Times:
        server = tree_cpu_seconds(self.target.pid) if self.target.pid else 0.0
        ours = tree_cpu_seconds(os.getpid())  # with our children: Chromium, and the server when we started it
        return Times(time.perf_counter(), server, ours - server if self.target.server else ours, time.process_time())

    def start(self) -> None:
        self.at_start = self.read()
        self.started.set()

    def elapsed(self) -> Times:
        return self.read().since(self.at_start)


class ReplayThread(threading.Thread):
    """The light clients' event loop. Whatever happens, the clock's start is set, so the browser never waits forever."""

    def __init__(self, clock: ClassClock, **replay_arguments) -> None:
        super().__init__(name="replay", daemon=True)
        self.clock = clock
        self.arguments = replay_arguments
        self.figures: ReplayFigures | None = None
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            self.figures = asyncio.run(replay_class(**self.arguments, on_start=self.clock.start))
        except BaseException as error:  # raised again in the calling thread
            self.error = error
        finally:
            self.clock.started.set()


def run_class(
    browser: Browser,
    target: Target,
    drawing: DrawingRecording,
    training_setup: list[Step],
    students: int,
    trainings: int,
    pace: Pace,
    timeouts: Timeouts,
) -> ClassFigures:
    """`students` light clients drawing, `trainings` pressing Start, one Chromium student drawing; all at once."""
    chromium = BrowserStudent(browser, target.url)  # opened first: its page is ready when the class starts
    memory = PeakMemory(target.pid) if target.pid else None
    if memory:
        memory.start()
    tracebacks_before = target.server.tracebacks() if target.server else 0
    clock = ClassClock(target)
    browser_done = threading.Event()
    replay = ReplayThread(
        clock,
        url=target.url,
        recording=drawing,
        training_setup=training_setup,
        students=students,
        trainings=trainings,
        pace=pace,
        class_goes_on=lambda: not browser_done.is_set(),  # the light students draw on while the browser does
        timeouts=timeouts,
    )
    replay.start()
    try:
        browser_figures = chromium.draw(drawing, clock.started)
    finally:
        browser_done.set()
        replay.join()
        chromium.close()
    times = clock.elapsed()
    peak_rss = memory.stop() if memory else None
    peak_pss = memory.peak_pss_bytes if memory else None
    if replay.error is not None:
        raise replay.error
    light = replay.figures
    errors = light.errors + browser_figures.errors
    if target.server and target.server.tracebacks() > tracebacks_before:
        errors.append(f"the server log holds new tracebacks:\n{target.server.log_tail()}")
    return ClassFigures(
        students=students,
        pace=pace,
        trainings_requested=trainings,
        recorded_strokes=drawing.strokes,
        light=light,
        browser_stroke_seconds=browser_figures.stroke_seconds,
        browser_strokes_during_replay=sum(end <= light.drawing_ended for end in browser_figures.stroke_ends),
        errors=errors,
        wrong_readings=light.wrong_readings + browser_figures.wrong_readings,
        readings=light.readings + browser_figures.readings,
        peak_rss_bytes=peak_rss,
        peak_pss_bytes=peak_pss,
        server_cpu_seconds=times.server_cpu if target.pid else None,
        tool_cpu_seconds=times.tool_cpu,
        clients_cpu_seconds=times.clients_cpu,
        seconds=times.wall,
    )
