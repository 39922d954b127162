"""The line shared by several classes (a cluster's): fair between classes, one job per student in each class, a
line cap per class, and a pluggable way to run a job (the seam cluster.py's Ray tasks use). No Ray here: the
runner is a stand-in that waits until the test lets a job end."""

from __future__ import annotations

import threading
from collections import Counter

import pytest
from stand_ins import wait_until

from mnist_core import i18n
from mnist_core.classroom.students import Owner
from mnist_core.errors import Refusal
from mnist_core.serving.jobs import JobState, TrainingJob, TrainingOutcome
from mnist_core.serving.training_queue import TrainingQueue, next_fair
from mnist_core.text.training import progress_line
from mnist_core.training.settings import TrainingSettings

ONE = TrainingSettings(epochs=1)


class HeldRunner:
    """Runs no training: each job waits until `end(job_id)`, then finishes; remembers the order jobs started."""

    def __init__(self) -> None:
        self.started: list[int] = []
        self.ends: dict[int, threading.Event] = {}
        self.lock = threading.Lock()

    def __call__(self, job: TrainingJob, store) -> TrainingOutcome:
        with self.lock:
            self.started.append(job.id)
            event = self.ends.setdefault(job.id, threading.Event())
        event.wait(30)
        return TrainingOutcome(JobState.FINISHED, run_id=f"run-{job.id}")

    def end(self, job_id: int) -> None:
        with self.lock:
            self.ends.setdefault(job_id, threading.Event()).set()


@pytest.fixture
def runner():
    held = HeldRunner()
    yield held
    for job_id in list(held.ends):
        held.end(job_id)


def test_the_runner_seam_runs_every_job_and_the_watcher_hears_each_change(store, runner):
    heard: list[tuple[int, JobState]] = []
    ids = iter(range(100, 200))
    queue = TrainingQueue(
        store,
        max_running=1,
        runner=runner,
        new_id=lambda class_name, owner, settings: next(ids),
        watcher=lambda job: heard.append((job.id, job.state)),
    )
    first, second = queue.submit(ONE, Owner("A")), queue.submit(ONE, Owner("B"))
    assert (first.id, second.id) == (100, 101)  # the ids the line was given (a database's, on a cluster)
    wait_until(lambda: runner.started == [100])
    runner.end(100)
    wait_until(lambda: runner.started == [100, 101])
    runner.end(101)
    assert queue.wait_all(timeout=10)
    assert queue.snapshot(101).run_id == "run-101"
    assert heard == [
        (100, JobState.RUNNING),
        (100, JobState.FINISHED),
        (101, JobState.RUNNING),
        (101, JobState.FINISHED),
    ]


def test_the_next_job_comes_from_the_class_with_the_fewest_running(store, runner):
    queue = TrainingQueue(store, max_running=2, runner=runner)
    a1 = queue.submit(ONE, Owner("a1"), class_name="A")
    a2 = queue.submit(ONE, Owner("a2"), class_name="A")  # class A lined up first and took both places
    a3 = queue.submit(ONE, Owner("a3"), class_name="A")
    b1 = queue.submit(ONE, Owner("b1"), class_name="B")
    b2 = queue.submit(ONE, Owner("b2"), class_name="B")
    wait_until(lambda: len(runner.started) == 2)
    assert [queue.snapshot(job.id).queue_position for job in (b1, a3, b2)] == [1, 2, 3]
    runner.end(a1.id)  # A has one running, B none: B's first goes before A's third, who joined earlier
    wait_until(lambda: len(runner.started) == 3)
    assert runner.started[2] == b1.id
    runner.end(a2.id)  # one each running: ties go to whoever joined first
    wait_until(lambda: len(runner.started) == 4)
    assert runner.started[3] == a3.id
    assert [snapshot.id for snapshot in queue.line("B")] == [b1.id, b2.id]
    assert {snapshot.id for snapshot in queue.line()} == {b1.id, a3.id, b2.id}


def test_next_fair_picks_by_running_count_then_line_order():
    jobs = [TrainingJob(id=n, settings=ONE, class_name=name) for n, name in enumerate("AABC", start=1)]
    assert next_fair(jobs, Counter({"A": 0, "B": 1})).id == 1
    assert next_fair(jobs, Counter({"A": 2, "B": 1})).id == 4  # C runs nothing
    assert next_fair(jobs, Counter({"A": 1, "B": 1, "C": 1})).id == 1


def test_one_job_per_student_in_each_class_and_a_line_cap_per_class(store, runner):
    queue = TrainingQueue(store, max_running=1, line_length=1, runner=runner)
    queue.submit(ONE, Owner("Min-jun"), class_name="A")
    with pytest.raises(Refusal) as refused:
        queue.submit(ONE, Owner("min-jun"), class_name="A")
    assert refused.value.key == "line.one_each"
    queue.submit(ONE, Owner("Min-jun"), class_name="B")  # another class's Min-jun is another student
    with pytest.raises(Refusal) as refused:  # B's one place in line is taken
        queue.submit(ONE, Owner("Ji-woo"), class_name="B")
    assert refused.value.key == "line.full"
    queue.submit(ONE, Owner("Ji-woo"), class_name="A")  # A's line had room: its first job is running
    assert queue.active_job_of(Owner("Min-jun"), "B") is not None
    assert queue.active_job_of(Owner("Seo-yeon"), "A") is None


def test_more_places_start_waiting_jobs_and_taken_up_jobs_keep_their_ids(store, runner):
    queue = TrainingQueue(store, max_running=1, runner=runner)
    queue.submit(ONE, Owner("A"))
    taken = queue.take_up(42, ONE, Owner("B"), "class")  # from a line that restarted, under its recorded id
    assert queue.snapshot(42).state == JobState.QUEUED and taken.id == 42
    queue.set_max_running(2)  # a computer joined the cluster
    wait_until(lambda: len(runner.started) == 2)
    assert queue.snapshot(42).state == JobState.RUNNING


def test_a_requeued_job_is_active_shows_its_attempt_and_starts_over(store):
    job = TrainingJob(id=1, settings=ONE)
    job.on_start(ONE, 10, {})
    job.on_batch(1, 5, 0.5, 0.8)
    job.requeue(attempt=2)
    snapshot = job.snapshot()
    assert (snapshot.state, snapshot.attempt, snapshot.batch, snapshot.active) == (JobState.REQUEUED, 2, 0, True)
    assert snapshot.batch_losses == [] and snapshot.progress == 0.0
    assert "attempt 2" in progress_line(snapshot) and "2번째 시도" in i18n.t("train.requeued", "ko", attempt=2)
    job.on_start(ONE, 10, {})  # the new attempt began
    assert job.snapshot().state == JobState.RUNNING


def test_an_interrupted_job_is_said_to_be_unsaved():
    job = TrainingJob(id=1, settings=ONE)
    job.finish(TrainingOutcome(JobState.INTERRUPTED))
    assert not job.snapshot().active
    assert progress_line(job.snapshot()) == i18n.t("train.interrupted", "en")
