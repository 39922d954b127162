"""A class without browsers: a recorded session replayed from many light clients at once (asyncio websockets).

Each client is its own Streamlit session (harness.streamlit_ws), with its own student name in the query string.
Drawing students send the recorded Draw page requests at a student's pace (or flat out, as fast as answers come);
each answer's time is measured, its reading checked against the one the real browser showed, and its pictures
fetched as a browser would. Training students open the Train page with the recorded settings and press Start
at the same moment, then follow their training to its end the way the page does, on the page's own timer.

Everyone gets ready first (opened the page: the first visits are slow), then all start at the same moment.
"""

from __future__ import annotations

import asyncio
import random
import time
import urllib.parse
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import TypeVar

from streamlit.proto.ClientState_pb2 import ClientState
from streamlit.proto.WidgetStates_pb2 import WidgetState
from websockets.exceptions import ConnectionClosed

from harness.recording import RECORDER_NAME, DrawingRecording, Step
from harness.streamlit_ws import CookieJar, RunOutput, StreamlitSession

START_KEY = "train-start"  # the Train page's Start button
T = TypeVar("T")


@dataclass(frozen=True)
class Pace:
    """How long a student takes before each request: drawing a stroke, or reading the answer before clearing."""

    stroke_seconds: tuple[float, float]
    look_seconds: tuple[float, float]

    def pause(self, kind: str, rng: random.Random) -> float:
        low, high = self.look_seconds if kind == "clear" else self.stroke_seconds
        return rng.uniform(low, high)


# A digit is one to three strokes of about a second each; then the student reads the answer, and clears.
STUDENT_PACE = Pace(stroke_seconds=(0.5, 1.5), look_seconds=(1.5, 2.5))
FLAT_OUT = Pace(stroke_seconds=(0.0, 0.0), look_seconds=(0.0, 0.0))


@dataclass
class ReplayFigures:
    """What the light clients measured."""

    stroke_seconds: list[float] = field(default_factory=list)  # request sent -> its run over, reading shown
    first_stroke_seconds: list[float] = field(default_factory=list)  # each student's first: a burst when flat out
    readings: int = 0
    wrong_readings: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    trainings_finished: int = 0
    training_seconds: list[float] = field(default_factory=list)  # Start pressed -> "Finished" shown
    drawing_ended: float = 0.0  # time.perf_counter() when the last drawing student was done
    rejoins: list[str] = field(default_factory=list)  # sessions lost with their server and opened again


@dataclass
class Timeouts:
    request_seconds: float = 60.0  # one request answered
    training_seconds: float = 900.0  # one training finished, its wait in line included


class StartLine:
    """Every client gets ready (or fails to); then all of them start at the same moment."""

    def __init__(self, clients: int, on_start: Callable[[], None]) -> None:
        self.missing = clients
        self.on_start = on_start
        self.go = asyncio.Event()
        if clients == 0:
            self._start()

    def arrive(self) -> None:
        self.missing -= 1
        if self.missing == 0:
            self._start()

    def _start(self) -> None:
        self.on_start()
        self.go.set()


def as_student(request: ClientState, name: str) -> ClientState:
    """A recorded request, sent by another student: their name in the query string (?student=NAME) and wherever
    the page sent the recording student's name back (the name box)."""
    state = ClientState()
    state.CopyFrom(request)
    for widget in state.widget_states.widgets:
        if widget.WhichOneof("value") == "string_value" and widget.string_value == RECORDER_NAME:
            widget.string_value = name
    query = urllib.parse.urlencode({"student": name})
    state.query_string = query
    state.context_info.url = urllib.parse.urlsplit(state.context_info.url)._replace(query=query).geturl()
    state.ClearField("cached_message_hashes")  # this client caches nothing: the server sends every element in full
    return state


REJOIN_TRIES = 10  # a lost session is opened again through the door at most this often, a second apart


class Rejoined(Exception):
    """The session's server died and a new session was opened through the door: `page` is what its page showed once
    opened again. What the old session held (a half-drawn digit, the canvas's place) is gone, as in a browser."""

    def __init__(self, page: RunOutput | None) -> None:
        super().__init__("rejoined")
        self.page = page


class Student:
    """One light client: its session, its name, and the figures it adds to.

    Browser-like (several app servers behind a load balancer): it keeps the cookies the door sets, so its
    websocket and its pictures reach the server that holds its session, and when that server dies it opens a new
    session through the door, sends again what opened its page (`opening`), and raises Rejoined: the caller goes on
    from the page as it opens, as a student whose browser reconnected does.
    """

    def __init__(
        self, name: str, url: str, figures: ReplayFigures, timeouts: Timeouts, browser_like: bool = False
    ) -> None:
        self.name, self.url, self.figures, self.timeouts = name, url, figures, timeouts
        self.session: StreamlitSession | None = None
        self.jar = CookieJar() if browser_like else None
        self.opening: list[ClientState] = []  # the requests that opened the page

    async def open(self) -> None:
        """A new session. A browser-like client asks again, a second apart, while the door answers with an error (a
        server that died a moment ago, not yet out of the load balancer), as a student presses reload again."""
        tries = REJOIN_TRIES if self.jar is not None else 1
        for attempt in range(tries):
            try:
                self.session = await StreamlitSession.open(self.url, self.timeouts.request_seconds, jar=self.jar)
                return
            except (ConnectionClosed, OSError):
                if attempt == tries - 1:
                    raise
                await asyncio.sleep(1.0)

    async def send(self, request: ClientState) -> RunOutput:
        """One request: its run awaited, the page's problems noted, every picture it shows fetched."""
        try:
            output = await self.session.rerun(as_student(request, self.name), self.timeouts.request_seconds)
        except (ConnectionClosed, OSError) as error:
            if self.jar is None:
                raise
            raise Rejoined(await self.rejoin(error)) from error
        self.figures.errors += [f"{self.name}: {problem}" for problem in output.problems]
        missing = await self.session.missing_media(output.media_urls)
        self.figures.errors += [f"{self.name}: picture {picture}" for picture in missing]
        return output

    async def replay(self, step: Step) -> RunOutput:
        """A recorded step again: its reading must be the one the browser showed."""
        output = await self.send(step.request)
        self.figures.readings += 1
        if output.reading != step.shown.reading:
            self.figures.wrong_readings.append(
                f"{self.name}: {step.kind} of digit {step.digit}: read {output.reading!r}, "
                f"the browser showed {step.shown.reading!r}"
                + (f" (the page: {output.describe()})" if output.reading is None else "")
            )
        return output

    async def reopen(self) -> None:
        """A reload: the page's session is closed and a new one opened."""
        await self.session.close()
        await self.open()

    async def rejoin(self, error: BaseException) -> RunOutput | None:
        """The session's server is gone: a new session through the door (which seats it elsewhere), its page opened
        again as it was; returns what the page then shows."""
        self.figures.rejoins.append(f"{self.name}: {type(error).__name__}")
        for attempt in range(REJOIN_TRIES):
            try:
                await self.open()
                page = None
                for request in self.opening:
                    page = await self.session.rerun(as_student(request, self.name), self.timeouts.request_seconds)
                return page
            except (ConnectionClosed, OSError):
                if attempt == REJOIN_TRIES - 1:
                    raise
                await asyncio.sleep(1.0)

    async def attend(
        self, start: StartLine, get_ready: Callable[[], Awaitable[T]], work: Callable[[T], Awaitable[None]]
    ) -> None:
        """Open a session, get ready, wait for everybody, work; any failure is counted and ends this student."""
        try:
            try:
                await self.open()
                ready = await get_ready()
            finally:
                start.arrive()
            await start.go.wait()
            await work(ready)
        except Exception as error:  # one student's failure is counted; the others go on
            self.figures.errors.append(f"{self.name}: {type(error).__name__}: {error}")
        finally:
            if self.session is not None:
                await self.session.close()


async def drawing_student(
    student: Student,
    recording: DrawingRecording,
    pace: Pace,
    rng: random.Random,
    start: StartLine,
    class_goes_on: Callable[[], bool],
) -> None:
    """Open /draw as recorded; after the start, draw, read and clear every recorded digit at this pace.

    While `class_goes_on()`, the student then reloads the page (a new session) and draws the digits again.
    """
    opening, drawing = recording.opening, recording.drawing

    async def get_ready() -> None:
        student.opening = [step.request for step in opening]
        for step in opening:
            await student.replay(step)

    async def work(_: None) -> None:
        first = True
        while True:
            try:
                for step in drawing:
                    await asyncio.sleep(pace.pause(step.kind, rng))
                    output = await student.replay(step)
                    if step.kind == "stroke":
                        student.figures.stroke_seconds.append(output.seconds)
                        if first:
                            student.figures.first_stroke_seconds.append(output.seconds)
                            first = False
            except Rejoined:
                continue  # a fresh page, its canvas empty: the student draws the digits again from the first
            student.figures.drawing_ended = max(student.figures.drawing_ended, time.perf_counter())
            if not class_goes_on():
                return
            await student.reopen()
            await get_ready()

    await student.attend(start, get_ready, work)


async def training_student(student: Student, setup: list[Step], start: StartLine) -> None:
    """Open /train with the recorded settings; after the start, press Start and follow the training to its end."""
    settings = setup[-1].request  # every widget's state after the last setting, as the page sends them

    async def get_ready() -> str:
        student.opening = [step.request for step in setup]
        outputs = [await student.send(step.request) for step in setup]
        start_id = outputs[-1].widget_ids.get(START_KEY)
        if start_id is None or START_KEY in outputs[-1].disabled:
            raise RuntimeError("the Train page shows no Start button that can be pressed")
        return start_id

    async def work(start_id: str) -> None:
        press = ClientState()
        press.CopyFrom(settings)
        press.widget_states.widgets.append(WidgetState(id=start_id, trigger_value=True))
        pressed = time.perf_counter()
        output = await student.send(press)
        timers: dict[str, float] = {}  # the page's fragments that rerun on a timer while the training runs
        deadline = pressed + student.timeouts.training_seconds
        earlier, polls = output, 0  # the answer before the last, and how many polls: for a message
        while not output.successes:
            if output.problems:
                return  # counted by send(): the training failed or was refused
            timers = {**({} if output.full_run else timers), **output.auto_reruns}
            for fragment_id in output.stopped_auto_reruns:
                timers.pop(fragment_id, None)
            if not timers:
                when = f"{time.perf_counter() - pressed:.1f} s after Start"
                shown = f"the answer to the press: {output.describe()}"
                if polls:
                    when += f", at poll {polls}"
                    shown = f"its last answer: {output.describe()}; the one before: {earlier.describe()}"
                raise RuntimeError(f"the Train page shows neither a training going on nor its result {when} ({shown})")
            if time.perf_counter() > deadline:
                raise TimeoutError(f"the training did not finish within {student.timeouts.training_seconds:.0f} s")
            fragment_id, interval = next(iter(timers.items()))
            await asyncio.sleep(interval)
            poll = ClientState()
            poll.CopyFrom(settings)
            poll.fragment_id, poll.is_auto_rerun = fragment_id, True
            try:
                earlier, output = output, await student.send(poll)
            except Rejoined as rejoined:  # the page opened again elsewhere: it shows the training going on
                earlier, output = output, rejoined.page or RunOutput()
            polls += 1
        student.figures.trainings_finished += 1
        student.figures.training_seconds.append(time.perf_counter() - pressed)

    await student.attend(start, get_ready, work)


async def replay_class(
    url: str,
    recording: DrawingRecording,
    training_setup: list[Step],
    students: int,
    trainings: int,
    pace: Pace,
    on_start: Callable[[], None],
    class_goes_on: Callable[[], bool] = lambda: False,
    timeouts: Timeouts | None = None,
    browser_like: bool = False,
    trainers_draw: bool = False,
    started: Callable[[Student], None] = lambda student: None,
) -> ReplayFigures:
    """`students` light clients drawing and `trainings` more pressing Start, all starting at once.

    `on_start` is called at the moment they start (to start a clock, or a real browser beside them). Drawing
    students replay the recording at least once, and again while `class_goes_on()` or a training goes on.
    `browser_like`: every client keeps cookies and rejoins when its server dies (Student). `trainers_draw`: the
    trainings are started by the first drawing students, in a tab of their own (their names), not by more students.
    `started(student)` is called with every client once it exists (to see where the door seated it).
    """
    figures, timeouts = ReplayFigures(), timeouts or Timeouts()
    start = StartLine(students + trainings, on_start)

    def student(name: str) -> Student:
        client = Student(name, url, figures, timeouts, browser_like)
        started(client)
        return client

    trainer_name = "load-{n}" if trainers_draw else "load-train-{n}"
    training = [
        asyncio.create_task(training_student(student(trainer_name.format(n=n)), training_setup, start))
        for n in range(1, trainings + 1)
    ]

    def goes_on() -> bool:  # trainings are measured with the class drawing all the while
        return class_goes_on() or not all(task.done() for task in training)

    drawing = [
        drawing_student(student(f"load-{n}"), recording, pace, random.Random(n), start, goes_on)
        for n in range(1, students + 1)
    ]
    await asyncio.gather(*drawing, *training)
    return figures
