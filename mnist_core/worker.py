"""Where a training runs: in a worker process of its own (the server's way), or in the calling thread.

A training in the server's own process would compete with every student's script run for Python's global
lock and for the cores: each stroke of thirty students waits behind it. So the server trains in a fresh
process, started with `spawn` (forking a process that has imported TensorFlow can hang) at a lower OS
priority, which reports its progress back through a pipe and saves its run itself. When it ends, all its
memory goes back to the system. The calling thread is used by the command line and by tests that replace
the training with a stand-in.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
from pathlib import Path
from typing import TYPE_CHECKING

from mnist_core import config
from mnist_core.runs import RunError, RunStore
from mnist_core.training import TrainingListener, TrainingSettings, train

if TYPE_CHECKING:
    import threading
    from multiprocessing.connection import Connection

    import numpy as np

    from mnist_core.jobs import TrainingJob
    from mnist_core.students import Owner

# How much lower than the server a worker runs (nice, 0..19): students' strokes go first, the training
# takes what is left, which on 2 cores is most of it.
WORKER_NICENESS = 10
POLL_SECONDS = 0.1  # how often the server looks at the pipe and passes a stop request on


def train_and_save(
    settings: TrainingSettings, store: RunStore, owner: Owner, listener: TrainingListener, stop: threading.Event
) -> dict:
    """Train, save the run, and say how it went: the job's end state and result, or a save's error."""
    result = train(settings, listener=listener, stop=stop, store=store)
    state = "diverged" if result.diverged else "stopped" if result.stopped else "finished"
    outcome = {
        "state": state,
        "test_loss": result.test_loss,
        "test_accuracy": result.test_accuracy,
        "fit_seconds": result.fit_seconds,
        "optimizer_state_carried": result.optimizer_state_carried,
    }
    try:
        outcome["run_id"] = store.save(result, owner=owner.name, teacher=owner.teacher).id
    except RunError as error:
        outcome["error"] = str(error)
    return outcome


def run_job(job: TrainingJob, store: RunStore) -> dict:
    """Run a job's training where config.training_place() says; returns its outcome (raises if it failed)."""
    if config.training_place() == "thread":
        return train_and_save(job.settings, store, job.owner, job, job.stop_event)
    return _run_in_worker(job, store)


class WorkerFailed(Exception):
    """The worker process reported an error, or ended without a word (killed, out of memory)."""


def _run_in_worker(job: TrainingJob, store: RunStore) -> dict:
    context = multiprocessing.get_context("spawn")
    receiver, sender = context.Pipe(duplex=False)
    stop = context.Event()
    worker = context.Process(
        target=_worker_main,
        args=(job.settings, str(store.root), job.owner, sender, stop),
        name=f"training-{job.id}",
        daemon=True,  # a server that exits takes its trainings with it
    )
    worker.start()
    sender.close()  # the worker holds the only sending end: when it ends, reading ends too
    try:
        while True:
            if job.stop_event.is_set():
                stop.set()
            if not receiver.poll(POLL_SECONDS):
                continue
            try:
                kind, *arguments = receiver.recv()
            except EOFError:
                raise WorkerFailed(f"The training process ended unexpectedly (exit code {worker.exitcode}).") from None
            if kind == "done":
                return arguments[0]
            if kind == "failed":
                raise WorkerFailed(arguments[0])
            getattr(job, f"on_{kind}")(*arguments)  # start, batch, epoch, weights
    finally:
        receiver.close()
        worker.join(timeout=30)
        if worker.is_alive():
            worker.kill()


class _PipeListener(TrainingListener):
    """Sends every progress report to the server; raises when the server is gone (the worker then ends)."""

    def __init__(self, sender: Connection) -> None:
        self.sender = sender

    def on_start(self, settings: TrainingSettings, batches_per_epoch: int, earlier: dict[str, list[float]]) -> None:
        self.sender.send(("start", settings, batches_per_epoch, earlier))

    def on_batch(self, epoch: int, batch: int, loss: float, accuracy: float) -> None:
        self.sender.send(("batch", epoch, batch, loss, accuracy))

    def on_epoch(self, epoch: int, metrics: dict[str, float], seconds: float) -> None:
        self.sender.send(("epoch", epoch, metrics, seconds))

    def on_weights(self, epoch: int, weights: np.ndarray) -> None:
        self.sender.send(("weights", epoch, weights))


def _worker_main(settings: TrainingSettings, runs_dir: str, owner: Owner, sender: Connection, stop) -> None:
    """The worker process: train, save, report, end."""
    os.nice(WORKER_NICENESS)
    config.quiet_tensorflow()
    try:
        outcome = train_and_save(settings, RunStore(Path(runs_dir)), owner, _PipeListener(sender), stop)
    except Exception as error:  # reported to the server, which tells the person; never a silent end
        with contextlib.suppress(OSError):  # the server is gone: nobody to tell
            sender.send(("failed", str(error) or type(error).__name__))
        return
    sender.send(("done", outcome))
