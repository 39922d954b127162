"""Trainings in trouble, seen from the pages and the line: a save that fails (a full disk, no permission),
many users starting and stopping at the same moment, two students and one place to train.

Nothing saved is lost and other users are not affected. The trainings are stand-ins (stand_ins.py): the
pages, the line and the runs folder are under test here, not TensorFlow.
"""

from __future__ import annotations

import os
import random
import re
import threading
from pathlib import Path

import pytest
from stand_ins import METRICS, StandInTraining, stand_in_result, use_stand_in_training, wait_until
from streamlit.testing.v1 import AppTest

from harness.apptest import TRAIN, open_app, texts
from mnist_core import cli, i18n
from mnist_core.runs.store import RunStore
from mnist_core.serving.jobs import JobState
from mnist_core.serving.training_queue import TrainingQueue
from mnist_core.training.settings import TrainingSettings


def say(key: str, **values: object) -> str:
    """The English text the pages show for a catalog key."""
    return i18n.t(key, "en", **values)


@pytest.fixture
def stand_in_training(monkeypatch) -> StandInTraining:
    stand_in = StandInTraining()
    use_stand_in_training(monkeypatch, stand_in)
    return stand_in


def folder_contents(root: Path) -> dict[str, bytes]:
    """Every file under `root`, by relative path, with its bytes."""
    return {str(path.relative_to(root)): path.read_bytes() for path in sorted(root.rglob("*")) if path.is_file()}


def job_of(at: AppTest):
    import ui

    return ui.training_line().queue.get(at.session_state["train-job"])


@pytest.mark.parametrize(
    "failure",
    [OSError(28, "No space left on device"), PermissionError(13, "Permission denied")],
    ids=["no-space", "no-permission"],
)
def test_a_run_that_cannot_be_saved_is_reported_on_the_page_and_earlier_runs_stay(
    empty_runs, stand_in_training, monkeypatch, failure
):
    earlier = RunStore(empty_runs).save(stand_in_result(TrainingSettings(epochs=1)))
    before = folder_contents(empty_runs)

    def write_fails(path, data):
        raise failure

    monkeypatch.setattr("mnist_core.runs.store.write_json_synced", write_fails)
    at = open_app(TRAIN, student="Min-jun")
    at.button(key="train-start").click().run()
    wait_until(lambda: not job_of(at).snapshot().active)
    at.run()
    assert not at.exception
    assert say("train.done.finished", epochs=1) in texts(at.success)  # what it learned is shown ...
    shown = texts(at.error)
    assert say("train.not_saved") in shown and failure.strerror in shown  # ... and why it is not kept
    assert "Traceback" not in shown
    assert folder_contents(empty_runs) == before  # nothing half-written, the earlier run untouched
    assert [record.id for record in RunStore(empty_runs).list()] == [earlier.id]
    at.toggle(key="runs-whole-class").set_value(True).run()  # the earlier run is nobody's: the class's list
    (table,) = [frame for frame in at.dataframe if frame.key and frame.key.startswith("runs-table")]
    assert len(table.value) == 1
    assert not at.button(key="train-start").disabled  # and the student may try again


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write to a read-only folder")
def test_a_read_only_runs_folder_is_reported_by_the_job_and_earlier_runs_stay(empty_runs, stand_in_training):
    store = RunStore(empty_runs)
    earlier = store.save(stand_in_result(TrainingSettings(epochs=1)))
    before = folder_contents(empty_runs)
    empty_runs.chmod(0o555)
    try:
        queue = TrainingQueue(store)
        job = queue.submit(TrainingSettings(epochs=1))
        assert queue.wait_all(timeout=60)
    finally:
        empty_runs.chmod(0o755)
    snapshot = job.snapshot()
    assert snapshot.state == JobState.FINISHED and snapshot.run_id is None
    assert "could not be saved" in snapshot.error and "Permission denied" in snapshot.error
    assert folder_contents(empty_runs) == before and [record.id for record in store.list()] == [earlier.id]


def test_a_runs_folder_that_cannot_be_made_is_one_line_on_the_command_line(quick_result, tmp_path, monkeypatch, capsys):
    blocker = tmp_path / "a-file"
    blocker.write_text("runs cannot live under a file")
    monkeypatch.setenv("MNIST_APP_RUNS_DIR", str(blocker / "runs"))
    monkeypatch.setattr(cli, "train", lambda settings, listener=None, stop=None, inputs=None: quick_result)
    assert cli.main(["train", "--epochs", "2"]) == 1
    error = capsys.readouterr().err
    assert error.startswith("error: The run could not be saved") and "Earlier runs are untouched" in error
    assert len(error.strip().splitlines()) == 1


# ---------------------------------------------------------------- many users starting and stopping at once

USERS = 8
ACTIONS_PER_USER = 25
LIMIT = 2


class CountingTraining:
    """A quick stand-in training that counts how many run at the same moment."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.now = self.most = 0
        self.ran: set[int] = set()  # the seeds of the trainings that started

    def __call__(self, settings, listener=None, stop=None, inputs=None):
        with self.lock:
            self.now += 1
            self.most = max(self.most, self.now)
            self.ran.add(settings.seed)
        try:
            listener.on_start(settings, 4, {})
            for batch in range(1, 5):
                listener.on_batch(1, batch, 0.5, 0.8)
                if stop.wait(0.003):
                    break
            listener.on_epoch(1, METRICS, 0.01)
            return stand_in_result(settings, stopped=stop.is_set())
        finally:
            with self.lock:
                self.now -= 1


def test_users_starting_and_stopping_trainings_at_the_same_moment(store, monkeypatch):
    counting = CountingTraining()
    use_stand_in_training(monkeypatch, counting)
    queue = TrainingQueue(store, max_running=LIMIT, line_length=USERS * ACTIONS_PER_USER)  # no full line here
    start_together = threading.Barrier(USERS)
    jobs, jobs_lock, failures = [], threading.Lock(), []

    def user(number: int) -> None:
        rng = random.Random(number)
        mine = []
        try:
            start_together.wait(timeout=30)
            for action in range(ACTIONS_PER_USER):
                if not mine or rng.random() < 0.5:
                    job = queue.submit(TrainingSettings(epochs=1, seed=number * 1000 + action))
                    mine.append(job)
                    with jobs_lock:
                        jobs.append(job)
                elif rng.random() < 0.7:
                    queue.stop(rng.choice(mine).id)  # my own training, running or waiting
                else:
                    with jobs_lock:
                        anybody = rng.choice(jobs)
                    queue.stop(anybody.id)  # another user's (a stale page, a double click)
                    queue.stop(anybody.id)
                snapshot = rng.choice(mine).snapshot()  # pages poll while all this goes on
                assert snapshot.state != JobState.FAILED, snapshot.state
                assert 0 <= snapshot.progress <= 1
        except BaseException as error:  # noqa: BLE001 - reported below, with the user's number
            failures.append(f"user {number}: {type(error).__name__}: {error}")

    threads = [threading.Thread(target=user, args=(number,)) for number in range(USERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not failures, failures
    assert queue.wait_all(timeout=120)

    assert counting.most <= LIMIT and queue.peak_running <= LIMIT
    assert queue.running_count == 0
    snapshots = [job.snapshot() for job in jobs]
    assert jobs and len({snapshot.id for snapshot in snapshots}) == len(jobs)
    ended = {JobState.FINISHED, JobState.STOPPED, JobState.CANCELLED}
    assert {snapshot.state for snapshot in snapshots} >= ended  # all three happened
    saved = set()
    for job, snapshot in zip(jobs, snapshots, strict=True):
        assert snapshot.state in ended and snapshot.queue_position == 0
        if snapshot.state == JobState.CANCELLED:
            assert job.settings.seed not in counting.ran  # taken out of line: it never trained
            assert snapshot.run_id is None
        else:
            assert job.settings.seed in counting.ran and snapshot.run_id is not None and snapshot.error is None
            assert snapshot.progress == 1.0
            saved.add(snapshot.run_id)
        if snapshot.state == JobState.STOPPED:
            assert job.stop_event.is_set()
    assert {record.id for record in store.list()} == saved
    assert {record.status for record in store.list()} <= {"finished", "stopped"}


def test_two_students_one_place_one_waits_then_trains_when_the_other_stops(empty_runs, monkeypatch):
    stand_in = StandInTraining(release_at_once=False)
    use_stand_in_training(monkeypatch, stand_in)
    monkeypatch.setenv("MNIST_APP_MAX_TRAININGS", "1")
    first, second = open_app(TRAIN, student="Min-jun"), open_app(TRAIN, student="Ji-woo")
    first.button(key="train-start").click().run()
    second.button(key="train-start").click().run()
    assert job_of(first).snapshot().state == JobState.RUNNING
    assert job_of(second).snapshot().state == JobState.QUEUED
    waiting = re.escape(say("train.queued_wait", position=1, time="@")).replace("@", r"\d+:\d\d")
    assert re.search(waiting, texts(second.info))  # its place, and a wait estimated from the line's pace
    assert not re.search(waiting, texts(first.info))

    first.button(key="train-stop").click().run()  # the first student stops: the second one's training starts
    wait_until(lambda: job_of(second).snapshot().state == JobState.RUNNING)
    stand_in.release.set()
    wait_until(lambda: not job_of(second).snapshot().active)
    first.run()
    second.run()
    assert not first.exception and not second.exception
    assert say("train.done.stopped", epochs=1) in texts(first.success)
    assert say("train.done.finished", epochs=1) in texts(second.success)
    assert sorted(record.status for record in RunStore(empty_runs).list()) == ["finished", "stopped"]
