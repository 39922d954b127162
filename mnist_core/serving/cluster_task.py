"""One training as a Ray task, on whichever computer of the cluster Ray chose (cluster_line.py submits it).

It does what a local worker process does (worker.py): train, save the run, report progress, make the run's map,
and it reports to the line's actor instead of a socket. Progress goes in batches, every REPORT_SECONDS, as one
actor call that also answers whether the training was asked to stop: one round trip a quarter second instead of
one a batch, and the cooperative stop (after the current batch, the run saved as stopped) comes back on it.

The task's process is fresh (max_calls=1) and its CPUs are what Ray assigned: Ray sets OMP_NUM_THREADS=1, but
TensorFlow's own thread pools would still take every core of the computer, beside other trainings Ray placed there,
so the pools are sized from the assigned CPUs before TensorFlow does anything.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any

import ray

from mnist_core import config
from mnist_core.runs.store import RunStore
from mnist_core.serving.worker import add_map, train_and_save, wants_map
from mnist_core.training.settings import TrainingListener, TrainingSettings
from mnist_core.tuning import limit_memory_arenas, quiet_tensorflow

if TYPE_CHECKING:
    import numpy as np

    from mnist_core.classroom.students import Owner
    from mnist_core.serving.jobs import TrainingOutcome

REPORT_SECONDS = 0.25


def train_on_node(
    namespace: str, actor_name: str, job_id: int, attempt: int, settings: TrainingSettings, owner: Owner
) -> TrainingOutcome | None:
    """The Ray task: train and save, reporting to the line's actor; returns the outcome (the line has it already
    from the last report: the run's map is made after it, while the student already sees the result)."""
    quiet_tensorflow()
    limit_memory_arenas()
    context = ray.get_runtime_context()
    size_tensorflow_threads(context.get_assigned_resources().get("CPU", 1.0))
    actor = ray.get_actor(actor_name, namespace=namespace)
    reporter = Reporter(actor, job_id, attempt)
    reporter.send("node", context.get_node_id())
    reporter.start()
    store = RunStore(config.runs_dir())  # MNIST_APP_RUNS_URL, passed in the task's environment, shares it
    try:
        outcome = train_and_save(settings, store, owner, reporter, reporter.stop, with_map=False)
    except Abandoned:
        return None
    except Exception as error:
        reporter.send("failed", str(error) or type(error).__name__)
        reporter.close()
        raise
    reporter.send("done", outcome)
    reporter.close()
    if wants_map(outcome):
        add_map(store, outcome.run_id)
    return outcome


def size_tensorflow_threads(cpus: float) -> None:
    """TensorFlow's pools from the CPUs Ray gave this task (called before TensorFlow runs anything)."""
    import tensorflow as tf

    threads = max(1, int(cpus))
    tf.config.threading.set_intra_op_parallelism_threads(threads)
    tf.config.threading.set_inter_op_parallelism_threads(min(threads, 2))


class Abandoned(Exception):
    """The line that asked for this training has restarted since and marked it interrupted."""


class Reporter(TrainingListener):
    """Collects the training's reports and sends them to the actor every REPORT_SECONDS from a thread of its own;
    the actor's answer says whether to stop (`stop` is what the training checks after each batch)."""

    def __init__(self, actor: Any, job_id: int, attempt: int) -> None:
        self.actor, self.job_id, self.attempt = actor, job_id, attempt
        self.stop = threading.Event()
        self.gone = False
        self._pending: list[tuple] = []
        self._lock = threading.Lock()
        self._closing = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="reporter", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def send(self, *message: Any) -> None:
        if self.gone:  # raised in the training's own thread: it ends without saving
            raise Abandoned("Nobody waits for this training any more (its line restarted).")
        with self._lock:
            self._pending.append(message)

    def flush(self) -> None:
        with self._lock:
            messages, self._pending = self._pending, []
        # Lost if the actor cannot take them: progress a page misses, never the outcome (the task's return has it).
        answer = ray.get(self.actor.report.remote(self.job_id, self.attempt, messages))
        if answer != "go":
            self.stop.set()
        self.gone = self.gone or answer == "gone"

    def close(self) -> None:
        """The last reports sent (the outcome among them) before the task returns."""
        self._closing.set()
        if self._thread.is_alive():
            self._thread.join()
        self.flush()

    def _loop(self) -> None:
        while not self._closing.wait(REPORT_SECONDS):
            try:
                self.flush()
            except ray.exceptions.RayError:  # the actor restarting: the reports wait for the next round
                continue

    # TrainingListener
    def on_start(self, settings: TrainingSettings, batches_per_epoch: int, earlier: dict[str, list[float]]) -> None:
        self.send("start", settings, batches_per_epoch, earlier)

    def on_batch(self, epoch: int, batch: int, loss: float, accuracy: float) -> None:
        self.send("batch", epoch, batch, loss, accuracy)

    def on_epoch(self, epoch: int, metrics: dict[str, float], seconds: float) -> None:
        self.send("epoch", epoch, metrics, seconds)

    def on_weights(self, epoch: int, weights: np.ndarray) -> None:
        self.send("weights", epoch, weights)
