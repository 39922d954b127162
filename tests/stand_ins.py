"""Trainings replaced by stand-ins, for tests of what the line and the pages do around a training.

The line, the pages and the runs folder are under test, not TensorFlow: a stand-in reports a batch and an
epoch like a training, and returns a result whose "model" saves a small file. Real trainings are tested in
test_training.py, test_jobs.py and the browser tests.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

import mnist_core.serving.worker
from mnist_core.training.settings import TrainingResult, TrainingSettings

METRICS = {"loss": 0.5, "accuracy": 0.8, "val_loss": 0.4, "val_accuracy": 0.85}


def use_stand_in_training(monkeypatch: pytest.MonkeyPatch, stand_in: Callable) -> None:
    """Trainings call `stand_in(settings, listener=, stop=, inputs=)` instead of train(), in the server's process
    (a worker process would not see the replacement)."""
    monkeypatch.setenv("MNIST_APP_TRAINING_IN", "thread")
    monkeypatch.setattr(mnist_core.serving.worker, "train", stand_in)


class StandInModel:
    """Saves a file the way a Keras model would; nothing loads it."""

    def save(self, path: Path) -> None:
        Path(path).write_bytes(b"a stand-in model")


def stand_in_result(settings: TrainingSettings, stopped: bool = False) -> TrainingResult:
    return TrainingResult(
        settings=settings,
        history={name: [value] for name, value in METRICS.items()},
        fit_seconds=0.1,
        test_loss=0.4,
        test_accuracy=0.85,
        model=StandInModel(),
        stopped=stopped,
    )


class StandInTraining:
    """Replaces train(): reports half an epoch, then waits for `release` (or a stop) and ends the epoch."""

    def __init__(self, release_at_once: bool = True) -> None:
        self.release = threading.Event()
        if release_at_once:
            self.release.set()

    def __call__(self, settings, listener=None, stop=None, inputs=None):
        listener.on_start(settings, 10, {})
        listener.on_batch(1, 5, 0.5, 0.8)
        while not (self.release.is_set() or stop.is_set()):
            time.sleep(0.01)
        listener.on_batch(1, 10, 0.5, 0.8)
        listener.on_epoch(1, METRICS, 0.1)
        return stand_in_result(settings, stopped=stop.is_set())


def wait_until(condition: Callable[[], bool], timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)
