"""The server's line of trainings: fair, capped, and honest about the wait.

- At most `max_running` jobs train at once (one training already uses every core); the rest wait in line,
  first come first served, and start by themselves.
- Each student has at most one job waiting or running, whichever tab or device asks (the teacher may line up
  several, e.g. a lesson's three runs); the line itself has a length cap. A refused request says why (Refusal).
- A student's settings must fit the teacher's caps when they join the line; a job in line keeps its settings
  when the caps change later. The teacher's own trainings are not capped.
- The wait is estimated from the line's real pace: how long trainings of each kind took per image and epoch.
"""

from __future__ import annotations

import dataclasses
import itertools
import threading
import time
from collections import deque

from mnist_core import limits
from mnist_core.classroom.caps import Caps, caps_for
from mnist_core.classroom.students import Owner
from mnist_core.errors import Refusal
from mnist_core.model.keras_model import ModelKind
from mnist_core.runs.store import RunStore
from mnist_core.serving import worker
from mnist_core.serving.jobs import JobSnapshot, JobState, TrainingJob, TrainingOutcome
from mnist_core.training.settings import TrainingSettings

# Seconds per training image per epoch, until the line has timed a training of that kind itself (measured
# here: the tutorial's network 2.6 s per epoch of 60,000 images, the CNN about 12 s, augmentation about 10%).
FIRST_GUESS_PACE = {ModelKind.MLP: 4.5e-5, ModelKind.CNN: 2.0e-4}
FIRST_GUESS_SETUP_SECONDS = 8.0  # start a worker, import TensorFlow, load the data, build the model
AUGMENT_FACTOR = 1.1
FULL_TRAINING_SET = 60_000
PACE_WEIGHT = 0.5  # how much the newest timing counts against what was known


class TrainingQueue:
    """Runs submitted trainings, at most `max_running` at a time, and saves each one as a run."""

    def __init__(self, store: RunStore, max_running: int = 1, line_length: int = limits.LINE_LENGTH) -> None:
        self.store = store
        self.max_running = max(1, max_running)
        self.line_length = line_length
        self._jobs: dict[int, TrainingJob] = {}
        self._waiting: deque[TrainingJob] = deque()
        self._running: list[TrainingJob] = []
        self._peak_running = 0
        self._ids = itertools.count(1)
        self._lock = threading.Lock()
        self._pace = dict(FIRST_GUESS_PACE)  # seconds per image and epoch, by model kind
        self._setup_seconds = FIRST_GUESS_SETUP_SECONDS

    # Asking

    def submit(self, settings: TrainingSettings, owner: Owner | None = None, caps: Caps | None = None) -> TrainingJob:
        """Put a training in line and return its job; ValueError (often a Refusal) says why it cannot."""
        owner = owner or Owner()
        settings.validate()
        applying = caps_for(caps, owner.teacher)
        if applying is not None:
            applying.check(settings)
        with self._lock:
            if owner.identity is not None and not owner.teacher and self._active_job_of(owner) is not None:
                raise Refusal("line.one_each")
            if len(self._waiting) >= self.line_length:
                raise Refusal("line.full", length=self.line_length)
            job = TrainingJob(id=next(self._ids), settings=settings, owner=owner)
            self._jobs[job.id] = job
            self._waiting.append(job)
            self._start_waiting_jobs()
        return job

    def stop(self, job_id: int, by_teacher: bool = False) -> None:
        """Stop a running job (it is saved as stopped) or take a waiting one out of the line."""
        with self._lock:
            job = self._jobs.get(job_id)
            if job is None:
                return
            if job in self._waiting:
                self._waiting.remove(job)
                job.stopped_by_teacher = by_teacher
                job.finish(TrainingOutcome(JobState.CANCELLED))
                self._renumber_waiting()
                return
        job.stop(by_teacher=by_teacher)

    # Looking

    def get(self, job_id: int) -> TrainingJob | None:
        return self._jobs.get(job_id)

    def snapshot(self, job_id: int) -> JobSnapshot | None:
        """The job's progress, with its estimated wait when it is in line."""
        job = self._jobs.get(job_id)
        if job is None:
            return None
        snapshot = job.snapshot()
        if snapshot.state == JobState.QUEUED:
            with self._lock:
                snapshot = dataclasses.replace(snapshot, wait_seconds=self._waits().get(job.id))
        return snapshot

    def active_job_of(self, owner: Owner) -> TrainingJob | None:
        """The student's waiting or running job, from whichever tab or device it came."""
        with self._lock:
            return self._active_job_of(owner)

    def line(self) -> list[JobSnapshot]:
        """Every job running or waiting, running first, then in line order (the teacher's view)."""
        with self._lock:
            jobs = [*self._running, *self._waiting]
        return [snapshot for snapshot in (self.snapshot(job.id) for job in jobs) if snapshot is not None]

    @property
    def running_count(self) -> int:
        return len(self._running)

    @property
    def peak_running(self) -> int:
        """The most jobs that ever trained at the same time (for load tests)."""
        return self._peak_running

    def wait_all(self, timeout: float | None = None) -> bool:
        """Block until no job is waiting or running (command line and tests); False on timeout."""
        deadline = None if timeout is None else time.monotonic() + timeout
        while True:
            with self._lock:
                if not self._waiting and not self._running:
                    return True
            if deadline is not None and time.monotonic() > deadline:
                return False
            time.sleep(0.05)

    # Running (called with self._lock held unless said otherwise)

    def _active_job_of(self, owner: Owner) -> TrainingJob | None:
        return next((job for job in [*self._running, *self._waiting] if job.owner.identity == owner.identity), None)

    def _start_waiting_jobs(self) -> None:
        while self._waiting and len(self._running) < self.max_running:
            job = self._waiting.popleft()
            with job.lock:
                job.state, job.queue_position = JobState.RUNNING, 0
            self._running.append(job)
            self._peak_running = max(self._peak_running, len(self._running))
            threading.Thread(target=self._run, args=(job,), name=f"training-{job.id}", daemon=True).start()
        self._renumber_waiting()

    def _renumber_waiting(self) -> None:
        for position, job in enumerate(self._waiting, start=1):
            with job.lock:
                job.queue_position = position

    def _run(self, job: TrainingJob) -> None:
        """On the job's own thread, without the lock: the training itself, then the next in line."""
        began = time.monotonic()
        try:
            job.finish(worker.run_job(job, self.store))
        except Exception as error:  # a job must never take the server down; the person is told why
            job.finish(TrainingOutcome(JobState.FAILED, error=str(error) or type(error).__name__))
        with self._lock:
            self._learn_pace(job.snapshot(), began)
            self._running.remove(job)
            self._start_waiting_jobs()

    # The line's pace

    def _learn_pace(self, snapshot: JobSnapshot, began: float) -> None:
        epochs = snapshot.epoch if snapshot.batch >= snapshot.batches_per_epoch else snapshot.epoch - 1
        if snapshot.state.saved and epochs > 0 and snapshot.elapsed_seconds > 0:
            seconds = snapshot.elapsed_seconds / (epochs * _images(snapshot.settings) * _factor(snapshot.settings))
            kind = snapshot.settings.model_kind
            self._pace[kind] = (1 - PACE_WEIGHT) * self._pace.get(kind, seconds) + PACE_WEIGHT * seconds
            setup = max(0.0, time.monotonic() - began - snapshot.elapsed_seconds)
            self._setup_seconds = (1 - PACE_WEIGHT) * self._setup_seconds + PACE_WEIGHT * setup

    def _duration(self, settings: TrainingSettings) -> float:
        pace = self._pace.get(settings.model_kind, max(self._pace.values()))
        return self._setup_seconds + settings.epochs * _images(settings) * _factor(settings) * pace

    def _waits(self) -> dict[int, float]:
        """Seconds until each waiting job starts: the free training slots, filled in line order."""
        slots = []
        for job in self._running:
            left = job.snapshot().seconds_left
            slots.append(left if left is not None else self._duration(job.settings))
        slots += [0.0] * (self.max_running - len(slots))
        waits = {}
        for job in self._waiting:
            slots.sort()
            waits[job.id] = slots[0]
            slots[0] += self._duration(job.settings)
        return waits


def _images(settings: TrainingSettings) -> int:
    return settings.train_limit or FULL_TRAINING_SET


def _factor(settings: TrainingSettings) -> float:
    return AUGMENT_FACTOR if settings.augment else 1.0
