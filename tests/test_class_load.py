"""A small class in the suite: bench/class_load.py replays a real Chromium session from 8 light students on /draw
(about 30 s at a student's pace, no trainings), with one Chromium student beside them, on a real server.

It runs the command as a user would (its own server, its own Chromium) and checks what must hold whatever the
machine's speed: no errors (page exceptions, pictures that fail to load, timeouts, tracebacks) and every reading
the one the real browser showed. The timings are printed, never checked: they belong to the benchmark. Below it, what
a light client decodes from a page, so that a failure it reports says what the page showed.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from streamlit.proto.Alert_pb2 import Alert
from streamlit.proto.ClientState_pb2 import ClientState
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState

from harness.recording import FrameRecorder, Step, widget_value
from harness.streamlit_ws import TEXT_CHARS, RunOutput
from harness.train_page import EPOCHS_KEY
from mnist_core.runs.store import RunStore

ROOT = Path(__file__).resolve().parent.parent
STUDENTS = 8
TIMEOUT_S = 600  # the whole command: server start, recording, the class


def run_class_load(args: list[str]) -> str:
    """Run bench/class_load.py in its own process group; on a timeout, SIGTERM lets it stop its server first."""
    process = subprocess.Popen(
        [sys.executable, "bench/class_load.py", *args],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    try:
        output, _ = process.communicate(timeout=TIMEOUT_S)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            output, _ = process.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            output, _ = process.communicate()
        pytest.fail(f"bench/class_load.py did not end within {TIMEOUT_S} s:\n{output[-3000:]}")
    return f"{output}\n(bench/class_load.py exit code {process.returncode})"


@pytest.mark.slow
@pytest.mark.browser
def test_eight_students_replaying_a_real_session_see_no_errors_and_the_right_readings(quick_result, tmp_path):
    model_from = tmp_path / "runs"
    RunStore(model_from).save(quick_result)  # the Draw page's model: a quick one is enough to compare readings
    figures_path = tmp_path / "class.json"
    options = {"--students": STUDENTS, "--trainings": 0, "--model-from": model_from, "--json": figures_path}
    output = run_class_load([str(part) for option in options.items() for part in option])
    print(output)
    assert figures_path.is_file(), output[-3000:]
    figures = json.loads(figures_path.read_text())
    assert figures["errors"] == 0, figures["error_messages"]
    assert figures["wrong_readings"] == 0, figures["wrong_reading_messages"]
    assert figures["strokes"] >= STUDENTS * figures["recorded_strokes"]  # each replayed the whole session at least
    assert figures["browser_strokes"] > 0
    assert figures["trainings_requested"] == figures["trainings_finished"] == 0


def test_a_run_output_keeps_the_boxes_texts_and_runs_a_failed_follow_would_need():
    """What a light client tells about a page it did not expect: its blue boxes, short texts and script runs."""

    def message(run_id: str, fragments: tuple[str, ...] = ()) -> ForwardMsg:
        sent = ForwardMsg()
        sent.metadata.run.script_run_id = run_id
        sent.metadata.run.fragment_ids.extend(fragments)
        return sent

    output = RunOutput()
    rerun = message("run-1", ("panel",))
    rerun.script_finished = ForwardMsg.FINISHED_EARLY_FOR_RERUN  # the fragment's st.rerun(): the page follows
    output.add(rerun)
    assert not output.finished
    heading, info, progress, caption = (message("run-2") for _ in range(4))
    heading.delta.new_element.heading.body = "Training: MNIST"
    info.delta.new_element.alert.body = "Taken out of the line"
    info.delta.new_element.alert.format = Alert.INFO
    progress.delta.new_element.progress.value = 40
    progress.delta.new_element.progress.text = "Epoch 1 of 2"
    caption.delta.new_element.markdown.body = "x" * 200
    caption.delta.new_element.markdown.element_type = caption.delta.new_element.markdown.CAPTION
    done = message("run-2")
    done.script_finished = ForwardMsg.FINISHED_SUCCESSFULLY
    for sent in (heading, info, progress, caption, done):
        output.add(sent)
    assert output.full_run
    assert output.infos == ["Taken out of the line"]
    assert output.texts[:2] == ["Training: MNIST", "progress 40%: Epoch 1 of 2"]
    assert len(output.texts[2]) == TEXT_CHARS and output.texts[2].endswith("...")
    assert output.runs == ["fragment panel: FINISHED_EARLY_FOR_RERUN", "page: FINISHED_SUCCESSFULLY"]
    described = output.describe()
    assert "Taken out of the line" in described and "fragment panel" in described and "Epoch 1 of 2" in described


class LatePage:
    """A page whose request reaches the recorder only at its third wait: Playwright can hand a sent frame over after
    the page already looks idle, which once left a recorded Train page without its epochs (the replaying students
    then trained 10 epochs and followed the Home page)."""

    def __init__(self, late: list[Step]) -> None:
        self.late, self.waits = late, 0
        self.recorder: FrameRecorder | None = None

    def on(self, event: str, handler: object) -> None:
        pass

    def wait_for_timeout(self, milliseconds: float) -> None:
        self.waits += 1
        if self.waits == 3:
            self.recorder.steps += self.late


def epochs_request(epochs: int) -> ClientState:
    request = ClientState()
    request.widget_states.widgets.append(WidgetState(id=f"$$ID-0123abcd-{EPOCHS_KEY}", int_value=epochs))
    return request


def test_a_recording_waits_for_the_request_that_carries_the_setting():
    page = LatePage([Step("setting", -1, epochs_request(2))])
    recorder = page.recorder = FrameRecorder(page)
    recorder.steps.append(Step("open", -1, ClientState()))  # the page's first run, recorded in time

    recorder.wait_for_step(lambda step: widget_value(step.request, EPOCHS_KEY) == 2, "2 epochs", timeout_s=5)

    assert [step.kind for step in recorder.steps] == ["open", "setting"]
    assert widget_value(recorder.steps[-1].request, EPOCHS_KEY) == 2
    assert widget_value(recorder.steps[0].request, EPOCHS_KEY) is None


def test_a_recording_without_the_setting_says_so_instead_of_replaying_the_defaults():
    page = LatePage([Step("setting", -1, epochs_request(10))])  # the wrong value: still not what was set
    recorder = page.recorder = FrameRecorder(page)
    with pytest.raises(RuntimeError, match="no request for 2 epochs"):
        recorder.wait_for_step(lambda step: widget_value(step.request, EPOCHS_KEY) == 2, "2 epochs", timeout_s=0.2)
