"""Trainings that run in the background, shared by everyone using one server.

A Streamlit script run is stopped by any click, so a training cannot live inside one. Here each training
is a job on its own thread; pages start jobs, poll `snapshot()` to draw progress, and may stop them.
At most `max_running` jobs train at once (TensorFlow already spreads one training over every core); the
rest wait in line, first come first served, and start by themselves.
"""

from __future__ import annotations

import itertools
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from enum import StrEnum

from mnist_core.runs import RunError, RunStore
from mnist_core.training import TrainingListener, TrainingResult, TrainingSettings, train


class JobState(StrEnum):
    """Where a training job is. Finished and stopped jobs are saved as runs (see RunStatus)."""

    QUEUED = "queued"  # waiting in line
    RUNNING = "running"
    FINISHED = "finished"  # every epoch done
    STOPPED = "stopped"  # stopped early; what it learned is saved
    CANCELLED = "cancelled"  # taken out of the line before it started
    FAILED = "failed"  # an error ended it; nothing saved

    @property
    def active(self) -> bool:
        return self in (JobState.QUEUED, JobState.RUNNING)


BATCH_TRACE_LIMIT = 2000  # batch-level loss points kept per job, enough for a long run's trace


@dataclass(frozen=True)
class JobSnapshot:
    """A consistent copy of a job's progress, safe to read while the job goes on."""

    id: int
    settings: TrainingSettings
    state: JobState
    queue_position: int  # 1 = next to start; 0 when not queued
    epoch: int  # epochs done, or the epoch under way while running
    batch: int
    batches_per_epoch: int
    history: dict[str, list[float]]
    batch_losses: list[tuple[float, float]]  # (epochs done as a fraction, running loss)
    elapsed_seconds: float
    run_id: str | None = None
    test_loss: float | None = None
    test_accuracy: float | None = None
    fit_seconds: float | None = None
    error: str | None = None  # what went wrong, for a person (training failed, or saving it did)

    @property
    def active(self) -> bool:
        return self.state.active

    @property
    def progress(self) -> float:
        """Fraction of all batches done, 0..1."""
        total = self.settings.epochs * max(self.batches_per_epoch, 1)
        done = max(self.epoch - 1, 0) * self.batches_per_epoch + self.batch if self.state == JobState.RUNNING else 0
        return 1.0 if self.state in (JobState.FINISHED, JobState.STOPPED) else min(done / total, 1.0)

    @property
    def seconds_left(self) -> float | None:
        """A straight-line estimate from the pace so far; None until there is a pace."""
        if self.state != JobState.RUNNING or self.progress <= 0:
            return None
        return self.elapsed_seconds * (1 - self.progress) / self.progress


@dataclass
class TrainingJob(TrainingListener):
    """One training: its settings, its live progress, and the signal that stops it."""

    id: int
    settings: TrainingSettings
    state: JobState = JobState.QUEUED
    queue_position: int = 0
    epoch: int = 0
    batch: int = 0
    batches_per_epoch: int = 0
    history: dict[str, list[float]] = field(default_factory=dict)
    batch_losses: deque = field(default_factory=lambda: deque(maxlen=BATCH_TRACE_LIMIT))
    started: float | None = None
    ended: float | None = None
    result: dict = field(default_factory=dict)
    stop_event: threading.Event = field(default_factory=threading.Event)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def stop(self) -> None:
        """Ask the training to end after the current batches; what it learned is kept and saved."""
        self.stop_event.set()

    def snapshot(self) -> JobSnapshot:
        with self.lock:
            end = self.ended or time.monotonic()
            return JobSnapshot(
                id=self.id,
                settings=self.settings,
                state=self.state,
                queue_position=self.queue_position,
                epoch=self.epoch,
                batch=self.batch,
                batches_per_epoch=self.batches_per_epoch,
                history={name: list(values) for name, values in self.history.items()},
                batch_losses=list(self.batch_losses),
                elapsed_seconds=end - self.started if self.started else 0.0,
                **self.result,
            )

    # TrainingListener: called on the job's thread.
    def on_start(self, settings: TrainingSettings, batches_per_epoch: int) -> None:
        with self.lock:
            self.batches_per_epoch = batches_per_epoch
            self.started = time.monotonic()  # the clock starts when the data and model are ready

    def on_batch(self, epoch: int, batch: int, loss: float, accuracy: float) -> None:
        with self.lock:
            self.epoch, self.batch = epoch, batch
            self.batch_losses.append((epoch - 1 + batch / self.batches_per_epoch, loss))

    def on_epoch(self, epoch: int, metrics: dict[str, float], seconds: float) -> None:
        with self.lock:
            for name, value in metrics.items():
                self.history.setdefault(name, []).append(value)

    def _finish(self, state: JobState, **result: object) -> None:
        with self.lock:
            self.state = state
            self.queue_position = 0  # an ended job is in nobody's line (a cancelled one kept its number)
            self.ended = time.monotonic()
            self.result = result


class TrainingQueue:
    """Runs submitted trainings, at most `max_running` at a time, and saves each one as a run."""

    def __init__(self, store: RunStore, max_running: int = 1) -> None:
        self.store = store
        self.max_running = max(1, max_running)
        self._jobs: dict[int, TrainingJob] = {}
        self._waiting: deque[TrainingJob] = deque()
        self._running = 0
        self._peak_running = 0
        self._ids = itertools.count(1)
        self._lock = threading.Lock()

    def submit(self, settings: TrainingSettings) -> TrainingJob:
        """Queue a training (settings are checked first: ValueError for a person) and return its job."""
        settings.validate()
        with self._lock:
            job = TrainingJob(id=next(self._ids), settings=settings)
            self._jobs[job.id] = job
            self._waiting.append(job)
            self._start_waiting_jobs()
        return job

    def get(self, job_id: int) -> TrainingJob | None:
        return self._jobs.get(job_id)

    def stop(self, job_id: int) -> None:
        """Stop a running job (it is saved as stopped) or take a waiting one out of the line."""
        with self._lock:
            job = self._jobs.get(job_id)
            if job is None:
                return
            if job in self._waiting:
                self._waiting.remove(job)
                job._finish(JobState.CANCELLED)
                self._renumber_waiting()
                return
        job.stop()

    @property
    def running_count(self) -> int:
        return self._running

    @property
    def peak_running(self) -> int:
        """The most jobs that ever trained at the same time (for load tests)."""
        return self._peak_running

    def wait_all(self, timeout: float | None = None) -> bool:
        """Block until no job is waiting or running (command line and tests); False on timeout."""
        deadline = None if timeout is None else time.monotonic() + timeout
        while True:
            with self._lock:
                if not self._waiting and self._running == 0:
                    return True
            if deadline is not None and time.monotonic() > deadline:
                return False
            time.sleep(0.05)

    def _start_waiting_jobs(self) -> None:
        # Called with self._lock held.
        while self._waiting and self._running < self.max_running:
            job = self._waiting.popleft()
            with job.lock:
                job.state, job.queue_position = JobState.RUNNING, 0
            self._running += 1
            self._peak_running = max(self._peak_running, self._running)
            threading.Thread(target=self._run, args=(job,), name=f"training-{job.id}", daemon=True).start()
        self._renumber_waiting()

    def _renumber_waiting(self) -> None:
        for position, job in enumerate(self._waiting, start=1):
            with job.lock:
                job.queue_position = position

    def _run(self, job: TrainingJob) -> None:
        try:
            result = train(job.settings, listener=job, stop=job.stop_event)
            job._finish(JobState.STOPPED if result.stopped else JobState.FINISHED, **self._save(result))
        except Exception as error:  # a job must never take the server down; the person is told why
            job._finish(JobState.FAILED, error=str(error) or type(error).__name__)
        finally:
            with self._lock:
                self._running -= 1
                self._start_waiting_jobs()

    def _save(self, result: TrainingResult) -> dict:
        outcome = {
            "test_loss": result.test_loss,
            "test_accuracy": result.test_accuracy,
            "fit_seconds": result.fit_seconds,
        }
        try:
            outcome["run_id"] = self.store.save(result).id
        except RunError as error:
            outcome["error"] = str(error)
        return outcome
