"""Record a real Chromium session's websocket frames, to replay them later from light clients (harness.replay).

Like shinyloadtest's recorder: a real browser does the work once, on the server under test, and every request its
page sends (a Streamlit `BackMsg`) is kept with what the server showed in answer. Widget ids are the same in every
session of one server, so a kept request replays in any new session.

- `record_drawing`: /draw with real pen digits, each drawn stroke by stroke, read and cleared.
- `record_training_setup`: /train with the epochs set, up to (not including) the press on Start.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

from playwright.sync_api import Page, WebSocket
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ClientState_pb2 import ClientState
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from harness.browser import wait_for_app
from harness.drawing import clear_canvas, draw_strokes
from harness.selectors import PREDICTION
from harness.streamlit_ws import RunOutput, key_of
from harness.train_page import EPOCHS_KEY, set_epochs
from mnist_core.data.pen_digits import PenDigit

ANSWER_TIMEOUT_S = 60
# The recording browser is a named student (?student=...): a replaying client puts its own name wherever this was.
RECORDER_NAME = "class-load-recorder"


@dataclass
class Step:
    """One request the page sent, and what the server showed in answer."""

    kind: str  # "open" (the page's first run), "stroke", "clear" or "setting"
    digit: int  # which drawn digit it belongs to (-1: none)
    request: ClientState
    shown: RunOutput = field(default_factory=RunOutput)


@dataclass
class DrawingRecording:
    """A student's session on /draw: its steps, the pen digits drawn, and the reading each showed at its end."""

    steps: list[Step]
    digits: list[PenDigit]
    readings: list[str | None]

    @property
    def strokes(self) -> int:
        return sum(step.kind == "stroke" for step in self.steps)

    @property
    def opening(self) -> list[Step]:
        """The steps that open the page."""
        return [step for step in self.steps if step.kind == "open"]

    @property
    def drawing(self) -> list[Step]:
        """The strokes and clears after it."""
        return [step for step in self.steps if step.kind != "open"]


class FrameRecorder:
    """Keeps every script-run request a page sends on its Streamlit websocket, with the answers that follow it.

    The page's timer-driven fragment reruns are left out: a replaying client runs its own timers, as the page does.
    """

    def __init__(self, page: Page) -> None:
        self.page = page
        self.steps: list[Step] = []
        self.kind, self.digit = "open", -1  # what the page is doing now: the label for the next request
        page.on("websocket", self._watch)

    def _watch(self, websocket: WebSocket) -> None:
        if websocket.url.endswith("/_stcore/stream"):
            websocket.on("framesent", self._sent)
            websocket.on("framereceived", self._received)

    def _sent(self, payload: bytes | str) -> None:
        request = BackMsg.FromString(payload)
        if request.WhichOneof("type") == "rerun_script" and not request.rerun_script.is_auto_rerun:
            self.steps.append(Step(self.kind, self.digit, request.rerun_script))

    def _received(self, payload: bytes | str) -> None:
        if self.steps:
            self.steps[-1].shown.add(ForwardMsg.FromString(payload))

    def wait_for_step(self, wanted: Callable[[Step], bool], what: str, timeout_s: float = ANSWER_TIMEOUT_S) -> None:
        """Wait until the page has sent a request that `wanted` accepts.

        The page can look idle before the run a widget asked for has even begun (wait_idle), and Playwright hands a
        sent frame over a moment later still: without this wait a recording could end without its last request.
        """
        if not self._pump_until(lambda: any(wanted(step) for step in self.steps), timeout_s):
            raise RuntimeError(f"the page sent no request for {what} within {timeout_s:.0f} s")

    def checked_steps(self, timeout_s: float = ANSWER_TIMEOUT_S) -> list[Step]:
        """The steps, once each was answered in full and showed no problem (else the recording is no reference).

        The page may look idle before its last run even began, so the answers themselves are awaited here.
        """
        self._pump_until(lambda: all(step.shown.finished for step in self.steps), timeout_s)
        for number, step in enumerate(self.steps):
            if not step.shown.finished or step.shown.problems:
                trouble = step.shown.problems or "no end of its run"
                raise RuntimeError(f"recorded request {number} ({step.kind}) was not answered cleanly: {trouble}")
        return self.steps

    def _pump_until(self, done: Callable[[], bool], timeout_s: float) -> bool:
        """Let Playwright deliver the page's frames until `done()` or the timeout; whether it got done."""
        deadline = time.monotonic() + timeout_s
        while not done():
            if time.monotonic() > deadline:
                return False
            self.page.wait_for_timeout(50)
        return True


def shown_reading(page: Page) -> str | None:
    """The Draw page's answer as the browser shows it (None: no answer, e.g. nothing drawn)."""
    values = page.locator(PREDICTION).all_inner_texts()
    return values[0].strip() if values else None


def record_drawing(page: Page, url: str, digits: list[PenDigit]) -> DrawingRecording:
    """Open /draw in a fresh page, draw each digit stroke by stroke, read it, clear the canvas."""
    recorder = FrameRecorder(page)
    page.goto(f"{url}/draw?student={RECORDER_NAME}")
    wait_for_app(page)
    readings = []
    for number, digit in enumerate(digits):
        recorder.kind, recorder.digit = "stroke", number
        for stroke in digit.strokes:
            draw_strokes(page, [stroke])  # one request per stroke: each is answered before the next
        readings.append(shown_reading(page))
        recorder.kind = "clear"
        clear_canvas(page)
    recording = DrawingRecording(recorder.checked_steps(), digits, readings)
    last_strokes = {step.digit: step for step in recording.steps if step.kind == "stroke"}
    decoded = [last_strokes[number].shown.reading for number in range(len(digits))]
    if decoded != readings:  # what the light clients will read must be what the browser showed
        raise RuntimeError(f"decoded readings {decoded} differ from the page's {readings}")
    return recording


def record_training_setup(page: Page, url: str, epochs: int) -> list[Step]:
    """Open /train in a fresh page and set the epochs; a replaying client then presses Start itself."""
    recorder = FrameRecorder(page)
    page.goto(f"{url}/train?student={RECORDER_NAME}")
    wait_for_app(page)
    recorder.kind = "setting"
    set_epochs(page, epochs)
    # A replaying client presses Start with the widget states of the last request: it must carry the epochs.
    recorder.wait_for_step(lambda step: widget_value(step.request, EPOCHS_KEY) == epochs, f"{epochs} epochs")
    return recorder.checked_steps()


def widget_value(request: ClientState, key: str) -> object:
    """The value a request sends for the widget with this key (None: it sends none)."""
    for widget in request.widget_states.widgets:
        if key_of(widget.id) == key:
            kind = widget.WhichOneof("value")
            return getattr(widget, kind) if kind else None
    return None
