"""One real student in Chromium beside the light clients: what a class's browser sees while the server is loaded.

The student draws the recorded pen digits with the mouse, stroke by stroke, reads each answer and clears, without
pauses of its own: driving a real page takes long enough that its strokes still come slower than the light clients'
at a student's pace, and this way most of them fall while the light clients are drawing. A stroke's time runs from
releasing the mouse to the page showing the new reading with its run over; it includes the canvas's own wait (about
0.2 s) before it sends the drawing.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field

from playwright.sync_api import Browser, Page

from harness.browser import VIEWPORT, ConsoleErrors, wait_for_app, wait_for_pictures
from harness.drawing import clear_canvas, draw_strokes
from harness.recording import DrawingRecording, shown_reading
from harness.selectors import PAGE_PROBLEMS

WHO = "Chromium student"
DIGITS = 10


@dataclass
class BrowserFigures:
    stroke_seconds: list[float] = field(default_factory=list)
    stroke_ends: list[float] = field(default_factory=list)  # time.perf_counter() when each stroke was answered
    readings: int = 0
    wrong_readings: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


class BrowserStudent:
    """A Chromium page on /draw, opened before the class starts."""

    def __init__(self, browser: Browser, url: str) -> None:
        self.context = browser.new_context(viewport=VIEWPORT, locale="en-US")
        self.page: Page = self.context.new_page()
        self.console = ConsoleErrors()
        self.console.watch(self.page, WHO)
        self.page.goto(f"{url}/draw?student=chromium")
        wait_for_app(self.page)

    def draw(self, recording: DrawingRecording, start: threading.Event) -> BrowserFigures:
        """Once the class has started, draw DIGITS of the recorded digits (again from the first when fewer)."""
        figures = BrowserFigures()
        start.wait()
        try:
            for number in range(DIGITS):
                digit = number % len(recording.digits)
                for stroke in recording.digits[digit].strokes:
                    figures.stroke_seconds.append(draw_strokes(self.page, [stroke]))
                    figures.stroke_ends.append(time.perf_counter())
                reading, expected = shown_reading(self.page), recording.readings[digit]
                figures.readings += 1
                if reading != expected:
                    figures.wrong_readings.append(f"{WHO}: digit {digit}: read {reading!r}, recorded {expected!r}")
                figures.errors += [f"{WHO}: picture did not load: {url}" for url in wait_for_pictures(self.page)]
                if self.page.locator(PAGE_PROBLEMS).count():
                    figures.errors.append(f"{WHO}: the page shows a problem after digit {digit}")
                clear_canvas(self.page)
        except Exception as error:  # a timeout: counted, and the class goes on
            figures.errors.append(f"{WHO}: {type(error).__name__}: {error}")
        figures.errors += self.console.errors
        return figures

    def close(self) -> None:
        self.context.close()
