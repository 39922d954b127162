"""One training in the server's line: who asked, its settings, its live progress, and how it ended.

A Streamlit script run is stopped by any click, so a training cannot live inside one. A job lives in the
shared TrainingQueue (training_queue.py); pages poll `snapshot()` to draw its progress and may ask it to stop. The job
is the TrainingListener of its training, wherever that runs (worker.py).
"""

from __future__ import annotations

import dataclasses
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from enum import StrEnum

import numpy as np

from mnist_core import config
from mnist_core.classroom.students import Owner
from mnist_core.training.settings import TrainingListener, TrainingSettings

BATCH_TRACE_LIMIT = 2000  # batch-level loss points kept per job, enough for a long run's trace
DEFAULT_CLASS = config.DEFAULT_CLASS_NAME  # the class a job belongs to when nobody names one (one server, one class)


class JobState(StrEnum):
    """Where a training job is. Finished, stopped and diverged jobs are saved as runs (see RunStatus)."""

    QUEUED = "queued"  # waiting in line
    RUNNING = "running"
    REQUEUED = "requeued"  # its computer died mid-training: it starts again from scratch elsewhere (cluster.py)
    FINISHED = "finished"  # every epoch done
    STOPPED = "stopped"  # stopped early (by its student or the teacher); what it learned is saved
    DIVERGED = "diverged"  # the loss stopped being a number: it stopped itself, saved for its curves
    CANCELLED = "cancelled"  # taken out of the line before it started
    FAILED = "failed"  # an error ended it; nothing saved
    INTERRUPTED = "interrupted"  # the line itself restarted while it trained (a cluster's line): nothing saved

    @property
    def active(self) -> bool:
        return self in (JobState.QUEUED, JobState.RUNNING, JobState.REQUEUED)

    @property
    def saved(self) -> bool:
        return self in (JobState.FINISHED, JobState.STOPPED, JobState.DIVERGED)


@dataclass(frozen=True)
class TrainingOutcome:
    """How a job's training ended and what it left: the saved run and its test score, or what went wrong."""

    state: JobState
    run_id: str | None = None
    test_loss: float | None = None
    test_accuracy: float | None = None
    fit_seconds: float | None = None
    optimizer_state_carried: bool | None = None
    error: str | None = None  # what went wrong, for a person (training failed, or saving it did)

    def details(self) -> dict[str, object]:
        """Everything but the state, as a snapshot's fields."""
        return {field.name: getattr(self, field.name) for field in dataclasses.fields(self) if field.name != "state"}


@dataclass(frozen=True)
class JobSnapshot:
    """A consistent copy of a job's progress, safe to read while the job goes on."""

    id: int
    settings: TrainingSettings
    owner: Owner
    state: JobState
    queue_position: int  # 1 = next to start; 0 when not queued
    epoch: int  # epochs of this training done, or the one under way while running (from 1)
    batch: int
    batches_per_epoch: int
    history: dict[str, list[float]]  # a continued run's earlier epochs first
    batch_losses: list[tuple[float, float]]  # (epochs done as a fraction, running loss)
    weights: list[tuple[int, np.ndarray]]  # (after epoch, the first layer's weights of a few units)
    elapsed_seconds: float
    wait_seconds: float | None = None  # queued: about how long until it starts (TrainingQueue.snapshot fills it)
    stopped_by_teacher: bool = False
    stopping: bool = False  # asked to stop, ending after the current batches
    run_id: str | None = None
    test_loss: float | None = None
    test_accuracy: float | None = None
    fit_seconds: float | None = None
    optimizer_state_carried: bool | None = None
    error: str | None = None  # what went wrong, for a person (training failed, or saving it did)
    epoch_seconds: list[float] = field(default_factory=list)  # each epoch of this training, validation included
    attempt: int = 1  # 2 and on: its computer died and it started again (JobState.REQUEUED)
    class_name: str = DEFAULT_CLASS

    @property
    def active(self) -> bool:
        return self.state.active

    @property
    def progress(self) -> float:
        """Fraction of all batches done, 0..1."""
        if self.state.saved:
            return 1.0
        if self.state != JobState.RUNNING:
            return 0.0
        total = self.settings.epochs * max(self.batches_per_epoch, 1)
        done = max(self.epoch - 1, 0) * self.batches_per_epoch + self.batch
        return min(done / total, 1.0)

    @property
    def seconds_left(self) -> float | None:
        """A straight-line estimate from the pace so far; None until there is a pace."""
        if self.state != JobState.RUNNING or self.progress <= 0:
            return None
        return self.elapsed_seconds * (1 - self.progress) / self.progress


@dataclass
class TrainingJob(TrainingListener):
    """One training: who asked, its settings, its live progress, and the signal that stops it."""

    id: int
    settings: TrainingSettings
    owner: Owner = field(default_factory=Owner)
    state: JobState = JobState.QUEUED
    queue_position: int = 0
    epoch: int = 0
    batch: int = 0
    batches_per_epoch: int = 0
    history: dict[str, list[float]] = field(default_factory=dict)
    batch_losses: deque = field(default_factory=lambda: deque(maxlen=BATCH_TRACE_LIMIT))
    weights: list[tuple[int, np.ndarray]] = field(default_factory=list)
    epoch_seconds: list[float] = field(default_factory=list)  # the line learns its pace from these
    started: float | None = None
    ended: float | None = None
    stopped_by_teacher: bool = False
    outcome: TrainingOutcome | None = None
    class_name: str = DEFAULT_CLASS  # several classes may share one line (a cluster's): the line is fair between them
    attempt: int = 1
    stop_event: threading.Event = field(default_factory=threading.Event)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def stop(self, by_teacher: bool = False) -> None:
        """Ask the training to end after the current batches; what it learned is kept and saved."""
        with self.lock:
            self.stopped_by_teacher = self.stopped_by_teacher or by_teacher
        self.stop_event.set()

    def snapshot(self) -> JobSnapshot:
        with self.lock:
            end = self.ended or time.monotonic()
            return JobSnapshot(
                id=self.id,
                settings=self.settings,
                owner=self.owner,
                state=self.state,
                queue_position=self.queue_position,
                epoch=self.epoch,
                batch=self.batch,
                batches_per_epoch=self.batches_per_epoch,
                history={name: list(values) for name, values in self.history.items()},
                batch_losses=list(self.batch_losses),
                weights=list(self.weights),
                elapsed_seconds=end - self.started if self.started else 0.0,
                stopped_by_teacher=self.stopped_by_teacher,
                stopping=self.stop_event.is_set(),
                **(self.outcome.details() if self.outcome else {}),
                epoch_seconds=list(self.epoch_seconds),
                attempt=self.attempt,
                class_name=self.class_name,
            )

    # TrainingListener: called on the thread that follows the training.
    def on_start(self, settings: TrainingSettings, batches_per_epoch: int, earlier: dict[str, list[float]]) -> None:
        with self.lock:
            self.batches_per_epoch = batches_per_epoch
            self.history = {name: list(values) for name, values in earlier.items()}
            self.started = time.monotonic()  # the clock starts when the data and model are ready
            if self.state == JobState.REQUEUED:  # its new attempt has begun
                self.state = JobState.RUNNING

    def on_batch(self, epoch: int, batch: int, loss: float, accuracy: float) -> None:
        with self.lock:
            self.epoch, self.batch = epoch, batch
            self.batch_losses.append((epoch - 1 + batch / self.batches_per_epoch, loss))

    def on_epoch(self, epoch: int, metrics: dict[str, float], seconds: float) -> None:
        with self.lock:
            for name, value in metrics.items():
                self.history.setdefault(name, []).append(value)
            self.epoch_seconds.append(seconds)

    def on_weights(self, epoch: int, weights: np.ndarray) -> None:
        with self.lock:
            self.weights.append((epoch, weights))

    def requeue(self, attempt: int) -> None:
        """Its computer died mid-training: what it showed is gone, and it starts again as attempt `attempt`."""
        with self.lock:
            self.state, self.attempt = JobState.REQUEUED, attempt
            self.epoch = self.batch = self.batches_per_epoch = 0
            self.history, self.weights, self.epoch_seconds = {}, [], []
            self.batch_losses.clear()
            self.started = None

    def finish(self, outcome: TrainingOutcome) -> None:
        """The job has ended: how, and what it produced (run id, test score) or what went wrong."""
        with self.lock:
            self.state = outcome.state
            self.queue_position = 0  # an ended job is in nobody's line
            self.ended = time.monotonic()
            self.outcome = outcome
