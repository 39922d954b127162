"""One training line for every process of a class server: reached over its socket, it keeps the same rules as
in memory (one job per student, refusals in the person's language, stops, the one quick training)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest
from stand_ins import wait_until

from mnist_core.classroom.caps import Caps
from mnist_core.classroom.students import Owner
from mnist_core.errors import Refusal
from mnist_core.serving.jobs import JobState
from mnist_core.serving.line import TrainingLine, connect_line, serve_line
from mnist_core.serving.training_queue import TrainingQueue
from mnist_core.training.settings import TrainingSettings

KEY = os.urandom(16)


@pytest.fixture
def served(store, held) -> tuple[TrainingLine, str]:
    line = TrainingLine(TrainingQueue(store, max_running=1))
    return line, serve_line(line, KEY)


def test_a_student_is_one_student_on_every_process(served, held):
    line, address = served
    first_process, second_process = connect_line(address, KEY), connect_line(address, KEY)
    job_id = first_process.submit(TrainingSettings(epochs=1), Owner("Min-jun"))
    with pytest.raises(Refusal) as refused:  # the same student, from the other process
        second_process.submit(TrainingSettings(epochs=1), Owner(" min-jun "))
    assert refused.value.key == "line.one_each"
    assert refused.value.text() == Refusal("line.one_each").text()
    assert second_process.active_job_id(Owner("MIN-JUN")) == job_id
    waiting = second_process.submit(TrainingSettings(epochs=1), Owner("Ji-woo"))
    assert [snapshot.id for snapshot in first_process.line()] == [job_id, waiting]
    assert not any(snapshot.weights or snapshot.batch_losses for snapshot in first_process.line())  # ... the list not
    assert first_process.snapshot(waiting).queue_position == 1
    held.release.set()
    assert line.queue.wait_all(timeout=30)
    assert first_process.snapshot(job_id).state == JobState.FINISHED
    assert first_process.snapshot(job_id).batch_losses  # a training's own page gets its loss trace ...
    assert second_process.active_job_id(Owner("Min-jun")) is None


def test_caps_and_bad_settings_are_refused_across_the_socket(served):
    _, address = served
    remote = connect_line(address, KEY)
    with pytest.raises(Refusal) as refused:
        remote.submit(TrainingSettings(epochs=10), Owner("Min-jun"), caps=Caps(epochs=3))
    assert (refused.value.key, refused.value.values["cap"]) == ("caps.epochs", 3)
    with pytest.raises(ValueError, match="Epochs"):
        remote.submit(TrainingSettings(epochs=0), Owner("Min-jun"))


def test_a_stop_from_one_process_shows_on_the_other(served, held):
    line, address = served
    student, teacher = connect_line(address, KEY), connect_line(address, KEY)
    job_id = student.submit(TrainingSettings(epochs=1), Owner("Min-jun"))
    wait_until(lambda: student.snapshot(job_id).state == JobState.RUNNING)
    teacher.stop(job_id, by_teacher=True)
    assert student.snapshot(job_id).stopping
    held.release.set()
    assert line.queue.wait_all(timeout=30)
    ended = student.snapshot(job_id)
    assert (ended.state, ended.stopped_by_teacher) == (JobState.STOPPED, True)


def test_thirty_quick_trainings_asked_on_two_processes_are_one(served, held):
    line, address = served
    processes = [connect_line(address, KEY) for _ in range(2)]
    job_ids = {processes[number % 2].start_quick(TrainingSettings(epochs=1)) for number in range(30)}
    assert len(job_ids) == 1
    assert processes[1].quick_snapshot().id == job_ids.pop()
    held.release.set()
    assert line.queue.wait_all(timeout=30)
    assert processes[0].quick_snapshot().state == JobState.FINISHED


def test_another_python_without_the_key_is_turned_away(served):
    _, address = served
    script = textwrap.dedent(f"""
        from multiprocessing import AuthenticationError
        from mnist_core.serving.line import connect_line
        try:
            connect_line({address!r}, b"not the key").line()
        except AuthenticationError:
            print("refused")
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert result.stdout.strip() == "refused", result.stderr


def test_a_network_s_estimate_and_its_caps_reach_every_process(served):
    line, address = served
    remote = connect_line(address, KEY)
    network = TrainingSettings(layers="conv 16 3 relu; pool 2; dense 64 relu")
    assert remote.estimate_epoch_seconds(network) == line.queue.estimate_epoch_seconds(network) > 0
    with pytest.raises(Refusal) as refused:
        remote.submit(TrainingSettings(layers="dense 3000 relu"), Owner("Min-jun"), caps=Caps())
    assert (refused.value.key, refused.value.values["cap"]) == ("caps.parameters", 2_000_000)
    with pytest.raises(Refusal) as refused:  # a spec that cannot be built: its own refusal, named part and all
        remote.submit(TrainingSettings(layers="dense 0 relu"), Owner("Min-jun"))
    assert refused.value.key == "layers.error.units" and refused.value.values["part"] == "dense 0 relu"
