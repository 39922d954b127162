"""The line of every class on a Ray cluster: one detached, named actor that owns the trainings.

Why an actor, and a detached one: a Ray task dies with the process that submitted it (its owner). If an app server
submitted its students' trainings, a crashed or restarted app server would take them along. The actor ("mnist-line"
in the namespace "mnist-classroom") lives on the cluster's head, apart from every app server: each server finds it by
name (cluster.py) and only forwards its pages' calls, so its students' trainings go on without it.

It holds one TrainingQueue for every class, the same policy as one server's (one job per student per class, the
line cap, the caps, the waits, fairness between classes), whose runner is ClusterRunner: each training is a Ray task
(cluster_task.py) that asks for CPUS_PER_TRAINING CPUs (a setting), a GPU only when the cluster has one free right
now (a `num_gpus=1` task on a cluster without one waits forever, silently), and a fresh process (`max_calls=1`: all
of TensorFlow's memory goes back when it ends). The line's places follow the cluster's CPUs, read again every
RESOURCES_SECONDS as computers join and leave.

A computer that dies mid-training: the task is resubmitted here, not retried by Ray (`max_retries=0`). Ray's own
retry would run the training again unseen: the page would show a training that jumped back to epoch 1, the
database would say "running", and every error of the process (out of memory in the middle of a lesson's wide network)
would be retried the same way. Resubmitting on NodeDiedError or WorkerCrashedError only, the line marks the job
"requeued" with its attempt count (the page and the teacher say so, the records keep it), clears its progress, and
gives up after MAX_ATTEMPTS with a message. The job keeps its place among the running: it had started.

Stopping: the cooperative stop of every training (after the current batch, the run saved as stopped) travels back on
the task's progress reports; `ray.cancel` is only the fallback for a task that has not stopped STOP_GRACE_SECONDS
after the stop (say, stuck before its first batch), which then ends as cancelled with nothing saved.

The records (database/line_records.py) give each job its id, so ids never repeat when the actor restarts; a
restarted actor takes up the jobs recorded as waiting and marks those that were training as interrupted (their
tasks, owned by the actor that died, died with it).
"""

from __future__ import annotations

import dataclasses
import itertools
import logging
import os
import threading
import time
from typing import Any

import ray
from ray.exceptions import NodeDiedError, RayTaskError, TaskCancelledError, WorkerCrashedError

from mnist_core import config
from mnist_core.classroom.caps import Caps
from mnist_core.classroom.students import Owner
from mnist_core.runs.store import RunStore
from mnist_core.serving import cluster_task
from mnist_core.serving.jobs import JobSnapshot, JobState, TrainingJob, TrainingOutcome
from mnist_core.serving.quick_training import SharedTraining
from mnist_core.serving.training_queue import TrainingQueue
from mnist_core.training.settings import TrainingSettings

NAMESPACE = "mnist-classroom"
ACTOR_NAME = "mnist-line"
MAX_CONCURRENCY = 64  # the actor's threads for calls: pages' polls and trainings' reports arrive together
MAX_ATTEMPTS = 3
RESOURCES_SECONDS = 5.0
STOP_GRACE_SECONDS = 60.0
WAIT_SECONDS = 0.2  # how often a running job's thread looks at its task
LOST = (NodeDiedError, WorkerCrashedError)
GO, STOP, GONE = "go", "stop", "gone"  # the answers to a task's report

log = logging.getLogger(__name__)


class ClassroomLine:
    """The actor (made with ray.remote in cluster.py). Its methods are the pages' calls, by class, and `report`."""

    def __init__(self, cpus_per_training: float, environment: dict[str, str]) -> None:
        self.cpus = cpus_per_training
        self.environment = environment  # for each task: the MNIST_APP_ and AWS_ settings of the app servers
        self.records = _open_records()
        self._ids = itertools.count(int(time.time()))  # without records: still never an id used before
        self.queue = TrainingQueue(
            RunStore(config.runs_dir()),
            max_running=self._places(),
            runner=ClusterRunner(self),
            new_id=self._new_id,
            watcher=self.record,
        )
        self._quick: dict[str, SharedTraining] = {}
        self._ended: dict[int, JobSnapshot] = {}  # jobs interrupted by a restart, for pages that still poll them
        self.outcomes: dict[int, TrainingOutcome] = {}  # reported by tasks, taken by their job's thread
        self.failures: dict[int, str] = {}
        self.where: dict[int, list[str]] = {}  # each attempt's node, job by job
        self.gpus: dict[int, float] = {}  # the GPUs each job's last attempt asked for
        self._lock = threading.Lock()
        self._take_up()
        threading.Thread(target=self._follow_resources, name="resources", daemon=True).start()

    # The pages' calls (through cluster.py's ClusterLine). A refusal is returned, not raised: Ray would wrap it in a
    # RayTaskError, and the pages expect the Refusal itself (its key and text in the person's language).

    def submit(self, class_name: str, settings: TrainingSettings, owner: Owner, caps: Caps | None) -> Any:
        try:
            return self.queue.submit(settings, owner=owner, caps=caps, class_name=class_name).id
        except Exception as refusal:  # a Refusal, bad settings, or the records' database not answering
            return refusal

    def stop(self, job_id: int, by_teacher: bool = False) -> None:
        self.queue.stop(job_id, by_teacher=by_teacher)

    def snapshot(self, job_id: int) -> JobSnapshot | None:
        return self.queue.snapshot(job_id) or self._ended.get(job_id)

    def active_job_id(self, class_name: str, owner: Owner) -> int | None:
        job = self.queue.active_job_of(owner, class_name)
        return job.id if job is not None else None

    def line(self, class_name: str) -> list[JobSnapshot]:
        return [dataclasses.replace(job, weights=[], batch_losses=[]) for job in self.queue.line(class_name)]

    def estimate_epoch_seconds(self, settings: TrainingSettings) -> float:
        return self.queue.estimate_epoch_seconds(settings)

    def start_quick(self, class_name: str, settings: TrainingSettings) -> Any:
        try:
            return self._quick_of(class_name).start(settings).id
        except Exception as refusal:
            return refusal

    def quick_snapshot(self, class_name: str) -> JobSnapshot | None:
        job = self._quick_of(class_name).current()
        return job.snapshot() if job is not None else None

    def status(self) -> dict[str, Any]:
        """For tests and operators: the places, what runs, where each job trained and the GPUs it asked for."""
        return {
            "max_running": self.queue.max_running,
            "running": self.queue.running_count,
            "where": dict(self.where),
            "gpus": dict(self.gpus),
        }

    # The tasks' calls

    def report(self, job_id: int, attempt: int, messages: list[tuple]) -> str:
        """A task's progress since its last report. The answer: GO on, STOP (after this batch, saved as stopped),
        or GONE: nobody waits for this attempt (a line that restarted since), so it ends without saving."""
        job = self.queue.get(job_id)
        if job is None or job.attempt != attempt or not job.state.active:
            return GONE
        for kind, *arguments in messages:
            if kind == "node":
                self.where.setdefault(job_id, []).append(arguments[0])
            elif kind == "done":
                self.outcomes[job_id] = arguments[0]
            elif kind == "failed":
                self.failures[job_id] = arguments[0]
            else:
                getattr(job, f"on_{kind}")(*arguments)  # start, batch, epoch, weights
        return STOP if job.stop_event.is_set() else GO

    # Records, places, restarts

    def record(self, job: TrainingJob) -> None:
        """The job's state in the records (the queue's watcher; the runner's for "requeued")."""
        if self.records is None:
            return
        snapshot = job.snapshot()
        try:
            self.records.set_state(
                job.id, snapshot.state.value, attempt=snapshot.attempt, run_id=snapshot.run_id, error=snapshot.error
            )
        except Exception as error:  # the database away for a moment: the training goes on, its record lags
            log.warning("job %s: its state %s could not be recorded: %s", job.id, snapshot.state.value, error)

    def _new_id(self, class_name: str, owner: Owner, settings: TrainingSettings) -> int:
        return self.records.add(class_name, owner, settings) if self.records is not None else next(self._ids)

    def _take_up(self) -> None:
        """After a restart: the jobs recorded as waiting back in line, those that were training marked
        interrupted (their tasks died with the actor that owned them)."""
        if self.records is None:
            return
        try:
            unfinished = self.records.unfinished()
        except Exception as error:  # the database not answering: a line that starts empty beats no line
            log.warning("the line's records could not be read; waiting jobs are not taken up: %s", error)
            return
        for record in unfinished:
            owner = Owner(record.owner_name, teacher=record.teacher)
            settings = TrainingSettings.from_dict(record.settings)
            if record.state == JobState.QUEUED:
                self.queue.take_up(record.id, settings, owner, record.class_name)
                continue
            self.records.set_state(record.id, JobState.INTERRUPTED.value)
            job = TrainingJob(id=record.id, settings=settings, owner=owner, class_name=record.class_name)
            job.finish(TrainingOutcome(JobState.INTERRUPTED))
            self._ended[record.id] = job.snapshot()

    def _quick_of(self, class_name: str) -> SharedTraining:
        with self._lock:
            return self._quick.setdefault(class_name, SharedTraining(self.queue, class_name))

    def _places(self) -> int:
        """Trainings that fit the cluster's CPUs at once (at least one)."""
        return max(1, int(ray.cluster_resources().get("CPU", 0) // self.cpus))

    def _follow_resources(self) -> None:
        while True:
            time.sleep(RESOURCES_SECONDS)
            try:
                places = self._places()
            except Exception as error:  # the head busy for a moment: the line keeps its places
                log.warning("the cluster's resources could not be read: %s", error)
                continue
            if places != self.queue.max_running:
                self.queue.set_max_running(places)


class ClusterRunner:
    """Runs a job as Ray tasks until one ends it, resubmitting when its node died (see the module's docstring)."""

    def __init__(self, line: ClassroomLine) -> None:
        self.line = line
        self.task = ray.remote(max_calls=1, max_retries=0)(cluster_task.train_on_node)

    def __call__(self, job: TrainingJob, store: RunStore) -> TrainingOutcome:
        attempt = 1
        while True:
            try:
                return self._follow(job, self._submit(job, attempt))
            except LOST as lost:
                if attempt >= MAX_ATTEMPTS:
                    raise RuntimeError(f"The training's computer stopped answering {attempt} times: {lost}") from None
                log.warning("job %s: its node died (%s); attempt %s", job.id, type(lost).__name__, attempt + 1)
                attempt += 1
                job.requeue(attempt)
                self.line.record(job)

    def _submit(self, job: TrainingJob, attempt: int) -> ray.ObjectRef:
        gpus = 1 if ray.available_resources().get("GPU", 0) >= 1 else 0  # never a GPU the cluster lacks
        self.line.gpus[job.id] = gpus
        environment = {**self.line.environment, "MNIST_APP_CLASS_NAME": job.class_name}
        return self.task.options(
            num_cpus=self.line.cpus,
            num_gpus=gpus,
            runtime_env={"env_vars": environment},
            name=f"training-{job.id}-{attempt}",
        ).remote(NAMESPACE, ACTOR_NAME, job.id, attempt, job.settings, job.owner)

    def _follow(self, job: TrainingJob, task: ray.ObjectRef) -> TrainingOutcome:
        """Until the task reports its outcome or ends; cancels it when a stop goes unheeded too long."""
        stop_seen: float | None = None
        cancelled = False
        while True:
            ready, _ = ray.wait([task], timeout=WAIT_SECONDS)
            outcome = self.line.outcomes.pop(job.id, None)
            if outcome is not None:
                return outcome  # the task goes on to make the run's map
            if ready:
                return self._ended(job, task)
            if job.stop_event.is_set() and not cancelled:
                stop_seen = stop_seen or time.monotonic()
                if time.monotonic() - stop_seen > STOP_GRACE_SECONDS:
                    ray.cancel(task)
                    cancelled = True

    def _ended(self, job: TrainingJob, task: ray.ObjectRef) -> TrainingOutcome:
        try:
            return ray.get(task)
        except TaskCancelledError:
            return TrainingOutcome(JobState.CANCELLED)
        except RayTaskError as error:  # the training raised: its own message, as a local worker gives it
            raise RuntimeError(self.line.failures.pop(job.id, None) or str(error.cause)) from None


def task_environment(environ: dict[str, str] | os._Environ) -> dict[str, str]:
    """What a training on another computer needs of an app server's settings: every MNIST_APP_ setting but those
    of this server alone (its line's socket, its class: each job names its own), and S3's AWS_ variables."""
    private = {"MNIST_APP_LINE", "MNIST_APP_LINE_KEY", "MNIST_APP_CLASS_NAME", "MNIST_APP_CLUSTER"}
    return {
        name: value
        for name, value in environ.items()
        if (name.startswith("MNIST_APP_") and name not in private) or name.startswith("AWS_")
    }


def _open_records() -> Any:
    """The line's records in the class database, or None when it cannot be opened (the line then works without)."""
    try:
        from mnist_core.database.line_records import LineRecords

        return LineRecords(config.database_url())
    except Exception as error:
        log.warning("the line's records cannot be kept: %s", error)
        return None
