"""Crafted canvas messages sent straight over the websocket cannot hurt the class.

A script, not a browser, sends the Draw page's stroke request with another picture in the canvas's value: a PNG
claiming 12,000 x 12,000 pixels, a real 5,000 x 5,000 one, a truncated one, garbage, a JPEG, a 16-bit PNG; or a
value of another shape than a canvas sends (its drawing a number, its picture a number or no data URL). Each is
answered at once with a friendly word and no error, while another student draws on and reads right. The other
student's answer times are printed beside those of a quiet run (timings are for reading, never asserted).
"""

from __future__ import annotations

import asyncio
import base64
import io
import json
import statistics
import struct
import time
import zlib
from collections.abc import Callable

import pytest
from PIL import Image
from streamlit.proto.ClientState_pb2 import ClientState

from harness.recording import DrawingRecording, record_drawing
from harness.replay import as_student
from harness.server import start_app_server
from harness.streamlit_ws import RunOutput, StreamlitSession, run_apart
from mnist_core import config
from mnist_core.data.pen_digits import load_pen_digits, pick_per_label
from mnist_core.i18n import t
from mnist_core.runs.store import RunStore

TIMEOUT = 60


def png(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def claiming(data: bytes, width: int, height: int) -> bytes:
    """A PNG whose header claims another size (its checksum mended, as a careful attacker would)."""
    header = data[12:16] + struct.pack(">II", width, height) + data[24:29]
    return data[:12] + header + struct.pack(">I", zlib.crc32(header)) + data[33:]


def crafted_pictures() -> dict[str, bytes]:
    canvas = png(Image.new("RGBA", (280, 280)))
    jpeg = io.BytesIO()
    Image.new("RGB", (280, 280)).save(jpeg, format="JPEG")
    return {
        "claims 12,000 px": claiming(canvas, 12_000, 12_000),
        "5,000 px": png(Image.new("L", (5000, 5000))),
        "truncated": canvas[: len(canvas) // 2],
        "garbage": b"not a picture" * 1000,
        "jpeg": jpeg.getvalue(),
        "16-bit": png(Image.new("I;16", (280, 280))),
    }


def picture_value(picture: bytes) -> Callable[[dict], dict]:
    """The canvas's value with another picture in it."""
    data_url = "data:image/png;base64," + base64.b64encode(picture).decode()
    return lambda value: {**value, "drawing": {**value["drawing"], "data": data_url}}


def crafted_values() -> dict[str, Callable[[dict], dict]]:
    """Every crafted picture, and values of another shape than a canvas sends."""
    return {
        **{name: picture_value(picture) for name, picture in crafted_pictures().items()},
        "drawing a number": lambda value: {**value, "drawing": 5},
        "picture a number": lambda value: {**value, "drawing": {**value["drawing"], "data": 7}},
        "picture no data URL": lambda value: {**value, "drawing": {**value["drawing"], "data": "iVBORw0KGgo"}},
    }


def with_value(request: ClientState, change: Callable[[dict], dict]) -> ClientState:
    """The same stroke request with the canvas's value changed."""
    state = ClientState()
    state.CopyFrom(request)
    for widget in state.widget_states.widgets:
        if widget.WhichOneof("value") == "json_value" and '"data:image/png;base64,' in widget.json_value:
            widget.json_value = json.dumps(change(json.loads(widget.json_value)))
            return state
    raise AssertionError("the recorded stroke carries no canvas picture")


@pytest.fixture(scope="module")
def class_server(quick_result, tmp_path_factory):
    runs = tmp_path_factory.mktemp("crafted-runs")
    RunStore(runs).save(quick_result)
    server = start_app_server({"MNIST_APP_RUNS_DIR": str(runs)}, runs.parent / "crafted-server.log")
    yield server
    server.stop()


@pytest.fixture(scope="module")
def recording(class_server, browser) -> DrawingRecording:
    digits = pick_per_label(load_pen_digits(config.pen_digits_path()), 1)[:4]
    page = browser.new_page()
    try:
        return record_drawing(page, class_server.url, digits)
    finally:
        page.close()


async def opened(url: str, recording: DrawingRecording, name: str) -> StreamlitSession:
    session = await StreamlitSession.open(url)
    for step in recording.steps:
        if step.kind == "open":
            await session.rerun(as_student(step.request, name), TIMEOUT)
    return session


async def student_draws(url: str, recording: DrawingRecording, rounds: int) -> tuple[list[float], list[str]]:
    """A student replays the recorded drawing (each round on a fresh page, as its canvas numbers go on);
    returns the strokes' answer times and what went wrong."""
    seconds, problems = [], []
    for _ in range(rounds):
        session = await opened(url, recording, "drawing-student")
        try:
            for step in recording.steps:
                if step.kind == "open":
                    continue
                output = await session.rerun(as_student(step.request, "drawing-student"), TIMEOUT)
                problems += output.problems
                if step.kind == "stroke":
                    seconds.append(output.seconds)
                    if output.reading != step.shown.reading:
                        problems.append(f"read {output.reading!r}, the browser showed {step.shown.reading!r}")
        finally:
            await session.close()
    return seconds, problems


async def attacker_sends(url: str, recording: DrawingRecording, rounds: int) -> dict[str, list[RunOutput]]:
    """A script sends every crafted value in the stroke request, round after round, and then the real stroke
    (answers["the real stroke after"]: its page still reads)."""
    stroke = next(step for step in recording.steps if step.kind == "stroke")
    session, answers = await opened(url, recording, "crafty"), {}
    try:
        for _ in range(rounds):
            for name, change in crafted_values().items():
                request = with_value(as_student(stroke.request, "crafty"), change)
                answers.setdefault(name, []).append(await session.rerun(request, TIMEOUT))
        answers["the real stroke after"] = [await session.rerun(as_student(stroke.request, "crafty"), TIMEOUT)]
    finally:
        await session.close()
    return answers


@pytest.mark.slow
@pytest.mark.browser
def test_crafted_canvas_messages_get_a_friendly_word_and_the_class_draws_on(class_server, recording):
    url = class_server.url
    quiet, quiet_problems = run_apart(student_draws(url, recording, rounds=3))

    async def together():
        return await asyncio.gather(student_draws(url, recording, rounds=3), attacker_sends(url, recording, rounds=3))

    started = time.perf_counter()
    (busy, busy_problems), answers = run_apart(together())
    seconds = time.perf_counter() - started

    assert quiet_problems == [] and busy_problems == []  # every reading right, no error box, no exception
    (after,) = answers.pop("the real stroke after")
    stroke = next(step for step in recording.steps if step.kind == "stroke")
    assert after.problems == [] and after.reading == stroke.shown.reading  # the crafty page reads on
    for name, outputs in answers.items():
        for output in outputs:
            assert output.finished and output.problems == [] and output.reading is None, (name, output)
            assert output.warnings == [t("draw.unreadable", "en")], (name, output)
        print(f"\n{name}: answered in {max(output.seconds for output in outputs):.3f} s at most")
    assert class_server.tracebacks() == 0, class_server.log_tail()
    print(
        f"the other student's strokes: p50 {statistics.median(quiet):.3f} s quiet, "
        f"{statistics.median(busy):.3f} s while {sum(map(len, answers.values()))} crafted messages arrived "
        f"({seconds:.1f} s); max {max(quiet):.3f} s vs {max(busy):.3f} s"
    )


def test_the_crafted_pictures_are_what_they_claim():
    pictures = crafted_pictures()
    assert struct.unpack(">II", pictures["claims 12,000 px"][16:24]) == (12_000, 12_000)
    assert Image.open(io.BytesIO(pictures["5,000 px"])).size == (5000, 5000)
