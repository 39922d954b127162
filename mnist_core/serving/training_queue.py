"""The server's line of trainings: fair, capped, and honest about the wait.

- At most `max_running` jobs train at once (one training already uses every core); the rest wait in line,
  first come first served, and start by themselves.
- Each student has at most one job waiting or running, whichever tab or device asks (the teacher may line up
  several, e.g. a lesson's three runs); the line itself has a length cap. A refused request says why (Refusal).
- A student's settings must fit the teacher's caps when they join the line; a job in line keeps its settings
  when the caps change later. The teacher's own trainings are not capped.
- Several classes may share one line (a cluster's, serving/cluster.py). Each class has its own students (one job
  each), its own line cap and its own teacher's view; when a place frees, the next job comes from the class with
  the fewest trainings running, ties going to whoever joined the line first. Without that, a class that lines up
  thirty students first would hold every place of the cluster while the next class waits for all of them.
- Where a training runs is pluggable (`runner`): a local worker process by default (worker.run_job), Ray tasks on
  a cluster (cluster.py). The policy above is the same for both.
- The wait, and the time an epoch of any network will take (estimate_epoch_seconds, for the network builder
  before a training starts), are estimated from the line's real pace on the trainings it ran.

How long an epoch takes: training/epoch_cost.py prices any network's epoch on a reference machine, and the line
learns one number, its speed: the measured epoch time over that reference cost, smoothed over the trainings it ran,
whatever their network. The first epoch's extra (tracing the graph) and the time before training starts are learned
apart.
"""

from __future__ import annotations

import dataclasses
import heapq
import itertools
import logging
import statistics
import threading
import time
from collections import Counter, deque
from collections.abc import Callable, Sequence

from mnist_core import limits
from mnist_core.classroom.caps import Caps, caps_for
from mnist_core.classroom.students import Owner
from mnist_core.errors import Refusal
from mnist_core.runs.store import RunStore
from mnist_core.serving import worker
from mnist_core.serving.jobs import DEFAULT_CLASS, JobSnapshot, JobState, TrainingJob, TrainingOutcome
from mnist_core.training.epoch_cost import epoch_cost_seconds, evaluation_cost_seconds
from mnist_core.training.settings import TrainingSettings

FIRST_GUESS_SETUP_SECONDS = 8.0  # start a worker, import TensorFlow, load the data, build the model
FIRST_GUESS_FIRST_EPOCH_EXTRA = 1.0  # the first epoch also traces the training and validation graphs
PACE_WEIGHT = 0.5  # how much the newest timing counts against what was known

# Runs one job's training to its end and says how it went (raises if it failed): worker.run_job by default.
Runner = Callable[[TrainingJob, RunStore], TrainingOutcome]
# Gives a new job its id from its class, owner and settings (a database's row id on a cluster); default 1, 2, 3 ...
NewId = Callable[[str, Owner, TrainingSettings], int]
# Told of each job whose state changed (started, ended): a cluster's line records it (cluster.py).
Watcher = Callable[[TrainingJob], None]


class TrainingQueue:
    """Runs submitted trainings, at most `max_running` at a time, and saves each one as a run."""

    def __init__(
        self,
        store: RunStore,
        max_running: int = 1,
        line_length: int = limits.LINE_LENGTH,
        runner: Runner | None = None,
        new_id: NewId | None = None,
        watcher: Watcher | None = None,
    ) -> None:
        self.store = store
        self.max_running = max(1, max_running)
        self.line_length = line_length  # per class
        self._runner = runner
        self._watcher = watcher
        self._jobs: dict[int, TrainingJob] = {}
        self._waiting: deque[TrainingJob] = deque()
        self._running: list[TrainingJob] = []
        self._peak_running = 0
        ids = itertools.count(1)
        self._new_id: NewId = new_id or (lambda class_name, owner, settings: next(ids))
        self._lock = threading.Lock()
        self._speed = 1.0  # measured epoch seconds over the reference machine's (epoch_cost_seconds)
        self._setup_seconds = FIRST_GUESS_SETUP_SECONDS
        self._first_epoch_extra = FIRST_GUESS_FIRST_EPOCH_EXTRA

    # Asking

    def submit(
        self,
        settings: TrainingSettings,
        owner: Owner | None = None,
        caps: Caps | None = None,
        class_name: str = DEFAULT_CLASS,
    ) -> TrainingJob:
        """Put a training in line and return its job; ValueError (often a Refusal) says why it cannot."""
        owner = owner or Owner()
        settings.validate()
        applying = caps_for(caps, owner.teacher)
        if applying is not None:
            applying.check(settings)
        with self._lock:
            if owner.identity is not None and not owner.teacher and self._active_job_of(owner, class_name) is not None:
                raise Refusal("line.one_each")
            if sum(job.class_name == class_name for job in self._waiting) >= self.line_length:
                raise Refusal("line.full", length=self.line_length)
            job = TrainingJob(
                id=self._new_id(class_name, owner, settings), settings=settings, owner=owner, class_name=class_name
            )
            self._enqueue(job)
        return job

    def take_up(self, job_id: int, settings: TrainingSettings, owner: Owner, class_name: str) -> TrainingJob:
        """A job that was waiting in a line that restarted (cluster.py reads them from its records): back in line
        under its own id, without the checks it passed when it first joined."""
        job = TrainingJob(id=job_id, settings=settings, owner=owner, class_name=class_name)
        with self._lock:
            self._enqueue(job)
        return job

    def set_max_running(self, max_running: int) -> None:
        """How many may train at once from now on (a cluster's CPUs change as computers join and leave); the jobs
        training go on either way."""
        with self._lock:
            self.max_running = max(1, max_running)
            self._start_waiting_jobs()

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
            else:
                job.stop(by_teacher=by_teacher)
                return
        self._tell(job)

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

    def active_job_of(self, owner: Owner, class_name: str = DEFAULT_CLASS) -> TrainingJob | None:
        """The student's waiting or running job in their class, from whichever tab or device it came."""
        with self._lock:
            return self._active_job_of(owner, class_name)

    def line(self, class_name: str | None = None) -> list[JobSnapshot]:
        """Every job running or waiting (of one class, or all), running first, then in the order they will start
        (the teacher's view)."""
        with self._lock:
            jobs = [*self._running, *sorted(self._waiting, key=lambda job: job.queue_position)]
        jobs = [job for job in jobs if class_name is None or job.class_name == class_name]
        return [snapshot for snapshot in (self.snapshot(job.id) for job in jobs) if snapshot is not None]

    def estimate_epoch_seconds(self, settings: TrainingSettings) -> float:
        """About how long one epoch of these settings will take on this server now, validation included: the
        network's cost on the reference machine (epoch_cost_seconds) times the speed learned from earlier runs."""
        return self._speed * epoch_cost_seconds(settings)

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

    def _active_job_of(self, owner: Owner, class_name: str) -> TrainingJob | None:
        return next(
            (
                job
                for job in [*self._running, *self._waiting]
                if job.owner.identity == owner.identity and job.class_name == class_name
            ),
            None,
        )

    def _enqueue(self, job: TrainingJob) -> None:
        self._jobs[job.id] = job
        self._waiting.append(job)
        self._start_waiting_jobs()

    def _start_waiting_jobs(self) -> None:
        while self._waiting and len(self._running) < self.max_running:
            job = next_fair(self._waiting, Counter(job.class_name for job in self._running))
            self._waiting.remove(job)
            with job.lock:
                job.state, job.queue_position = JobState.RUNNING, 0
            self._running.append(job)
            self._peak_running = max(self._peak_running, len(self._running))
            threading.Thread(target=self._run, args=(job,), name=f"training-{job.id}", daemon=True).start()
            self._tell(job)
        self._renumber_waiting()

    def _renumber_waiting(self) -> None:
        """Each waiting job's place: the order the fair choice will start them in, as things stand."""
        for position, (job, _) in enumerate(self._plan(), start=1):
            with job.lock:
                job.queue_position = position

    def _tell(self, job: TrainingJob) -> None:
        """The watcher hears of a job's new state; a watcher's trouble never stops the line."""
        if self._watcher is None:
            return
        try:
            self._watcher(job)
        except Exception as error:
            logging.getLogger(__name__).warning("job %s: its change could not be recorded: %s", job.id, error)

    def _run(self, job: TrainingJob) -> None:
        """On the job's own thread, without the lock: the training itself, then the next in line."""
        began = time.monotonic()
        try:
            job.finish((self._runner or worker.run_job)(job, self.store))
        except Exception as error:  # a job must never take the server down; the person is told why
            job.finish(TrainingOutcome(JobState.FAILED, error=str(error) or type(error).__name__))
        self._tell(job)
        with self._lock:
            self._learn_pace(job.snapshot(), began)
            self._running.remove(job)
            self._start_waiting_jobs()

    # The line's pace

    def _learn_pace(self, snapshot: JobSnapshot, began: float) -> None:
        """The speed from a saved job's whole epochs (a stopped one's last epoch may be cut short): its later
        epochs when it had several, as the first also traced the graphs; then the first epoch's extra."""
        whole = snapshot.epoch if snapshot.batch >= snapshot.batches_per_epoch else snapshot.epoch - 1
        epochs = snapshot.epoch_seconds[: max(whole, 0)]
        if not (snapshot.state.saved and epochs):
            return
        cost = epoch_cost_seconds(snapshot.settings)
        if len(epochs) > 1:
            steady = statistics.median(epochs[1:])
            self._first_epoch_extra = _blend(self._first_epoch_extra, max(0.0, epochs[0] - steady))
        else:
            steady = max(epochs[0] - self._first_epoch_extra, 0.25 * epochs[0])
        self._speed = _blend(self._speed, steady / cost)
        setup = max(0.0, time.monotonic() - began - snapshot.elapsed_seconds)
        self._setup_seconds = _blend(self._setup_seconds, setup)

    def _duration(self, settings: TrainingSettings) -> float:
        """A whole job: its start, its epochs, and a held-out run's test set read once more at the end."""
        seconds = (
            self._setup_seconds + self._first_epoch_extra + settings.epochs * self.estimate_epoch_seconds(settings)
        )
        if settings.validation_split:
            seconds += self._speed * evaluation_cost_seconds(settings)
        return seconds

    def _waits(self) -> dict[int, float]:
        """Seconds until each waiting job starts."""
        return {job.id: wait for job, wait in self._plan()}

    def _plan(self) -> list[tuple[TrainingJob, float]]:
        """The waiting jobs in the order they will start, each with its wait: the training places free up as their
        jobs end (a running job's own estimate of what it has left), and each freed place goes to the fair choice
        (next_fair) given the classes still running then."""
        places: list[tuple[float, int, str | None]] = []  # (free in seconds, tie-break, the class training there)
        for order, job in enumerate(self._running):
            left = job.snapshot().seconds_left
            places.append((left if left is not None else self._duration(job.settings), order, job.class_name))
        places += [(0.0, len(places) + order, None) for order in range(self.max_running - len(places))]
        heapq.heapify(places)
        running = Counter(job.class_name for job in self._running)
        waiting, plan = list(self._waiting), []
        for order in itertools.count(len(places)):
            if not waiting or not places:
                break
            free, _, leaving = heapq.heappop(places)
            if leaving is not None:
                running[leaving] -= 1
            job = next_fair(waiting, running)
            waiting.remove(job)
            running[job.class_name] += 1
            plan.append((job, free))
            heapq.heappush(places, (free + self._duration(job.settings), order, job.class_name))
        return plan


def next_fair(waiting: Sequence[TrainingJob], running: Counter[str]) -> TrainingJob:
    """The job to start next: from the class with the fewest trainings running, the first of it in line."""
    return min(enumerate(waiting), key=lambda pair: (running[pair[1].class_name], pair[0]))[1]


def _blend(known: float, new: float) -> float:
    return (1 - PACE_WEIGHT) * known + PACE_WEIGHT * new
