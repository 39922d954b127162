"""Where a training runs: in a worker process of its own (the server's way), or in the calling thread.

A training in the server's own process would compete with every student's script run for Python's global lock
and for the cores: each stroke of thirty students waits behind it. So the server trains in a fresh process
(`python -c WORKER_MAIN`) at a lower OS priority, which reports its progress back and saves its run
itself. When it ends, all its memory goes back to the system. The calling thread is used by the command line
and by tests that replace the training with a stand-in.

The worker is a plain new Python started with subprocess, not multiprocessing's "spawn": spawn re-runs the
parent's main module in the child, and in a Streamlit server that is whatever page script is running at that
moment. The two talk over a socket pair, one pickled message at a time (multiprocessing's Connection).

Once the run is saved the worker reports the training done, so the student sees the result at once, and then makes
the run's map of what it learned (serving/maps.py), about 10 s on one core at the worker's low priority; the line
may start the next training meanwhile. A page that opens the run in those seconds waits for this map (maps.py's
lock) rather than make a second one. A map that cannot be made never fails the training: it is logged, and a page
asks for it again (TrainingLine.request_map). In the calling thread (tests), train_and_save makes the map before it
returns.
"""

from __future__ import annotations

import contextlib
import dataclasses
import logging
import socket
import subprocess
import sys
import threading
from multiprocessing.connection import Connection
from pathlib import Path
from typing import TYPE_CHECKING

from mnist_core import config
from mnist_core.classset.drawings import ClassDrawings
from mnist_core.errors import RunError
from mnist_core.runs.store import RunStatus, RunStore
from mnist_core.serving.jobs import JobState, TrainingOutcome
from mnist_core.serving.maps import make_map
from mnist_core.training.fit import train
from mnist_core.training.settings import TrainingInputs, TrainingListener, TrainingSettings
from mnist_core.tuning import limit_memory_arenas, quiet_tensorflow

if TYPE_CHECKING:
    import numpy as np

    from mnist_core.classroom.students import Owner
    from mnist_core.serving.jobs import TrainingJob

# How much lower than the server a worker runs (nice, 0..19): students' strokes go first, the training
# takes what is left, which on 2 cores is most of it.
WORKER_NICENESS = 19
POLL_SECONDS = 0.1  # how often the server looks for news and passes a stop request on
STOP = "stop"
# The worker's entry, run with `python -c`: `-m mnist_core.serving.worker` would run this module a second time as
# __main__, since the package's __init__ has already imported it (runpy warns of it in every worker).
WORKER_MAIN = "import sys; from mnist_core.serving.worker import main; main(int(sys.argv[1]))"


def read_inputs(settings: TrainingSettings, store: RunStore) -> TrainingInputs:
    """What a training needs beyond its settings and the data set: the parent run it goes on from, and the training
    part of the class set when it fine-tunes on the class (read from this process's class database and class name,
    config.database_url() and config.class_name(): the ones the server uses too)."""
    inputs = TrainingInputs()
    if settings.parent_run is not None:
        inputs = TrainingInputs(
            parent_model=store.load_model(settings.parent_run), parent_history=store.get(settings.parent_run).history
        )
    if settings.class_drawings_up_to is not None:
        split = ClassDrawings(config.database_url(), config.class_name()).training_split(
            settings.class_drawings_up_to, settings.class_split_seed
        )
        inputs = dataclasses.replace(inputs, extra_images=split.x_train, extra_labels=split.y_train)
    return inputs


def train_and_save(
    settings: TrainingSettings,
    store: RunStore,
    owner: Owner,
    listener: TrainingListener,
    stop: threading.Event,
    with_map: bool = True,
) -> TrainingOutcome:
    """Train, save the run (and its map, unless the caller makes it later), and say how it went: the job's end state
    and result, or a save's error."""
    result = train(settings, listener=listener, stop=stop, inputs=read_inputs(settings, store))
    run_id, error = None, None
    try:
        run_id = store.save(result, owner=owner.name, teacher=owner.teacher).id
    except RunError as save_error:
        error = str(save_error)
    outcome = TrainingOutcome(
        state=JobState(result.ending),
        run_id=run_id,
        test_loss=result.test_loss,
        test_accuracy=result.test_accuracy,
        fit_seconds=result.fit_seconds,
        optimizer_state_carried=result.optimizer_state_carried,
        error=error,
    )
    if with_map and wants_map(outcome):
        add_map(store, outcome.run_id)
    return outcome


def wants_map(outcome: TrainingOutcome) -> bool:
    """A saved run that can read gets a map; a diverged run reads nothing, so it gets none."""
    return outcome.run_id is not None and RunStatus(outcome.state).can_read


def add_map(store: RunStore, run_id: str) -> None:
    """The saved run's map of what it learned; a failure is logged, never raised (the training itself is saved)."""
    try:
        make_map(store, run_id)
    except Exception as error:  # no data set, a model the numpy reader cannot run, a full disk ...
        logging.getLogger(__name__).warning("run %s is saved, but its map could not be made: %s", run_id, error)


def run_job(job: TrainingJob, store: RunStore) -> TrainingOutcome:
    """Run a job's training where config.training_place() says; returns its outcome (raises if it failed)."""
    if config.training_place() == "thread":
        return train_and_save(job.settings, store, job.owner, job, job.stop_event)
    return _run_in_worker(job, store)


class WorkerFailed(Exception):
    """The worker process reported an error, or ended without a word (killed, out of memory)."""


def _run_in_worker(job: TrainingJob, store: RunStore) -> TrainingOutcome:
    ours, theirs = socket.socketpair()
    # Started by `nice`, so the worker runs at its low priority from its first instruction: numpy's threads,
    # which start when the package is imported, inherit it (an os.nice() in the worker would come too late).
    worker = subprocess.Popen(
        ["nice", "-n", str(WORKER_NICENESS), sys.executable, "-c", WORKER_MAIN, str(theirs.fileno())],
        pass_fds=[theirs.fileno()],
        cwd=config.PROJECT_ROOT,  # the package is found from here, installed or not
        stdin=subprocess.DEVNULL,
    )
    theirs.close()
    connection = Connection(ours.detach())
    stop_sent = done = False
    try:
        connection.send((job.settings, str(store.root), job.owner))
        while True:
            if job.stop_event.is_set() and not stop_sent:
                connection.send((STOP,))
                stop_sent = True
            if not connection.poll(POLL_SECONDS):
                continue
            try:
                kind, *arguments = connection.recv()
            except EOFError:
                code = worker.wait(timeout=30)
                raise WorkerFailed(f"The training process ended unexpectedly (exit code {code}).") from None
            if kind == "done":
                done = True
                return arguments[0]
            if kind == "failed":
                raise WorkerFailed(arguments[0])
            getattr(job, f"on_{kind}")(*arguments)  # start, batch, epoch, weights
    finally:
        connection.close()
        if done:  # the worker goes on to make the run's map (seconds): collect it when it ends, without waiting
            threading.Thread(target=worker.wait, name="worker-reaper", daemon=True).start()
        else:
            try:
                worker.wait(timeout=30)
            except subprocess.TimeoutExpired:
                worker.kill()
                worker.wait()


# The worker process


class _Reporter(TrainingListener):
    """Sends every progress report to the server; raises when the server is gone (the worker then ends)."""

    def __init__(self, connection: Connection) -> None:
        self.connection = connection

    def on_start(self, settings: TrainingSettings, batches_per_epoch: int, earlier: dict[str, list[float]]) -> None:
        self.connection.send(("start", settings, batches_per_epoch, earlier))

    def on_batch(self, epoch: int, batch: int, loss: float, accuracy: float) -> None:
        self.connection.send(("batch", epoch, batch, loss, accuracy))

    def on_epoch(self, epoch: int, metrics: dict[str, float], seconds: float) -> None:
        self.connection.send(("epoch", epoch, metrics, seconds))

    def on_weights(self, epoch: int, weights: np.ndarray) -> None:
        self.connection.send(("weights", epoch, weights))


class _StopRequest:
    """The server's stop request, read from the connection when asked (the training asks after every batch)."""

    def __init__(self, connection: Connection) -> None:
        self.connection = connection
        self.asked = False

    def is_set(self) -> bool:
        while not self.asked and self.connection.poll():
            self.asked = self.connection.recv()[0] == STOP
        return self.asked


def main(descriptor: int) -> None:
    """The worker process: train, save, report, end."""
    quiet_tensorflow()
    limit_memory_arenas()
    connection = Connection(descriptor)
    settings, runs_dir, owner = connection.recv()
    store = RunStore(Path(runs_dir))
    try:
        stop = _StopRequest(connection)
        outcome = train_and_save(settings, store, owner, _Reporter(connection), stop, with_map=False)
    except (BrokenPipeError, ConnectionResetError):  # the server is gone: nobody to tell, nothing to save
        return
    except Exception as error:  # reported to the server, which tells the person; never a silent end
        with contextlib.suppress(OSError):  # unless the server is gone
            connection.send(("failed", str(error) or type(error).__name__))
        return
    connection.send(("done", outcome))
    connection.close()  # the student sees the result now; the run's map follows here, at this process's low priority
    if wants_map(outcome):
        add_map(store, outcome.run_id)
