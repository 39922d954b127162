import os
import time
from pathlib import Path

import pytest

from harness.processes import process_tree
from mnist_core.runs.store import RunError
from mnist_core.serving import jobs, worker
from mnist_core.serving.training_queue import TrainingQueue
from mnist_core.training.settings import TrainingSettings

TINY = TrainingSettings(epochs=1, train_limit=500, seed=0)


def wait_for(condition, timeout=120.0):
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


def test_jobs_wait_in_line_and_never_exceed_the_limit(store):
    queue = TrainingQueue(store, max_running=1)
    first, second, third = (queue.submit(TINY) for _ in range(3))
    assert first.snapshot().state == jobs.JobState.RUNNING
    assert (second.snapshot().state, second.snapshot().queue_position) == (jobs.JobState.QUEUED, 1)
    assert third.snapshot().queue_position == 2
    assert queue.wait_all(timeout=300)
    assert queue.peak_running == 1
    snapshots = [job.snapshot() for job in (first, second, third)]
    assert [snapshot.state for snapshot in snapshots] == [jobs.JobState.FINISHED] * 3
    assert all(snapshot.queue_position == 0 and snapshot.progress == 1.0 for snapshot in snapshots)
    assert {record.id for record in store.list()} == {snapshot.run_id for snapshot in snapshots}


def test_a_snapshot_shows_live_progress_and_the_history(store):
    queue = TrainingQueue(store)
    job = queue.submit(TrainingSettings(epochs=2, train_limit=2000, seed=0))
    wait_for(lambda: job.snapshot().batch > 0)
    running = job.snapshot()
    assert running.state == jobs.JobState.RUNNING and 0 < running.progress < 1 and running.batches_per_epoch == 20
    assert queue.wait_all(timeout=300)
    done = job.snapshot()
    assert done.state == jobs.JobState.FINISHED and len(done.history["val_accuracy"]) == 2
    assert done.batch_losses and done.batch_losses[-1][0] == pytest.approx(2.0)
    assert done.test_accuracy > 0.5 and done.fit_seconds > 0 and done.error is None


def test_stopping_a_running_job_saves_it_as_stopped(store):
    queue = TrainingQueue(store)
    job = queue.submit(TrainingSettings(epochs=100, train_limit=5000, seed=0))
    wait_for(lambda: job.snapshot().batch > 0)
    queue.stop(job.id)
    assert queue.wait_all(timeout=120)
    snapshot = job.snapshot()
    assert snapshot.state == jobs.JobState.STOPPED and snapshot.epoch < 100
    assert store.get(snapshot.run_id).status == "stopped"


def test_stopping_a_waiting_job_takes_it_out_of_line(store):
    queue = TrainingQueue(store, max_running=1)
    running, waiting, last = queue.submit(TINY), queue.submit(TINY), queue.submit(TINY)
    queue.stop(waiting.id)
    assert waiting.snapshot().state == jobs.JobState.CANCELLED
    assert last.snapshot().queue_position == 1
    assert queue.wait_all(timeout=300)
    assert running.snapshot().state == last.snapshot().state == jobs.JobState.FINISHED
    assert len(store.list()) == 2


def test_bad_settings_are_refused_before_they_queue(store):
    queue = TrainingQueue(store)
    with pytest.raises(ValueError, match="Epochs"):
        queue.submit(TrainingSettings(epochs=0))
    assert queue.running_count == 0


def test_a_failing_training_is_reported_and_the_queue_goes_on(store, monkeypatch):
    monkeypatch.setenv("MNIST_APP_TRAINING_IN", "thread")  # the stand-in below lives in this process
    queue = TrainingQueue(store, max_running=1)
    real_train = worker.train

    def broken_first_time(settings, **kwargs):
        monkeypatch.setattr(worker, "train", real_train)
        raise RuntimeError("the data set went missing")

    monkeypatch.setattr(worker, "train", broken_first_time)
    failed, after = queue.submit(TINY), queue.submit(TINY)
    assert queue.wait_all(timeout=300)
    assert failed.snapshot().state == jobs.JobState.FAILED and "went missing" in failed.snapshot().error
    assert after.snapshot().state == jobs.JobState.FINISHED


def test_a_save_that_fails_is_reported_with_the_results_kept(store, monkeypatch):
    monkeypatch.setenv("MNIST_APP_TRAINING_IN", "thread")  # the failing save below lives in this process

    def full_disk(result, owner=None, teacher=False):
        raise RunError("The run could not be saved (No space left on device).")

    monkeypatch.setattr(store, "save", full_disk)
    queue = TrainingQueue(store)
    job = queue.submit(TINY)
    assert queue.wait_all(timeout=300)
    snapshot = job.snapshot()
    assert snapshot.state == jobs.JobState.FINISHED and snapshot.run_id is None
    assert "No space left" in snapshot.error and snapshot.test_accuracy > 0


def worker_thread_niceness() -> dict[int, list[int]]:
    """Each worker process this test started, with the niceness of every one of its threads (from /proc)."""
    found = {}
    for pid in process_tree(os.getpid())[1:]:
        process = Path(f"/proc/{pid}")
        try:
            if b"mnist_core.serving.worker" in (process / "cmdline").read_bytes():
                # The 17th field after the name in parentheses is the niceness.
                stats = [task.read_text().rpartition(")")[2].split() for task in (process / "task").glob("*/stat")]
                found[pid] = [int(fields[16]) for fields in stats]
        except OSError:  # the process ended meanwhile
            continue
    return found


def test_a_training_process_and_all_its_threads_run_below_the_students(store, monkeypatch):
    monkeypatch.setenv("MNIST_APP_TRAINING_IN", "process")
    queue = TrainingQueue(store)
    job = queue.submit(TrainingSettings(epochs=2, train_limit=2000, seed=0))
    wait_for(lambda: job.snapshot().batch > 0)  # TensorFlow's threads are running by now
    niceness = worker_thread_niceness()
    assert queue.wait_all(timeout=300)
    lowest = min(os.getpriority(os.PRIO_PROCESS, 0) + worker.WORKER_NICENESS, 19)
    assert len(niceness) == 1, niceness
    threads = next(iter(niceness.values()))
    assert len(threads) > 1 and set(threads) == {lowest}, threads  # the main thread and TensorFlow's


def test_a_worker_reports_the_training_done_and_then_makes_the_runs_map(store, monkeypatch):
    """The student sees the result first; the map of what the run learned follows from the same worker process."""
    monkeypatch.setenv("MNIST_APP_TRAINING_IN", "process")
    queue = TrainingQueue(store)
    job = queue.submit(TINY)
    assert queue.wait_all(timeout=300)
    snapshot = job.snapshot()
    assert snapshot.state == jobs.JobState.FINISHED
    wait_for(lambda: store.map_path(snapshot.run_id).is_file(), timeout=120)


def test_a_diverged_run_gets_no_map():
    outcome = jobs.TrainingOutcome(jobs.JobState.DIVERGED, run_id="20261204-120000-mnist-abcdef")
    assert not worker.wants_map(outcome)
    assert worker.wants_map(jobs.TrainingOutcome(jobs.JobState.STOPPED, run_id="20261204-120000-mnist-abcdef"))
    assert not worker.wants_map(jobs.TrainingOutcome(jobs.JobState.FINISHED, run_id=None))
