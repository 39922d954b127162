"""The Keras callback that connects `model.fit` to a TrainingListener and to the stop signal.

Kept apart from training.py because defining a Keras callback class imports Keras (seconds).
"""

from __future__ import annotations

import threading
import time

import keras
import numpy as np

from mnist_core.training import TrainingListener


class ProgressCallback(keras.callbacks.Callback):
    """Forwards Keras's progress to a listener and ends the fit when `stop` is set."""

    def __init__(self, listener: TrainingListener, stop: threading.Event) -> None:
        super().__init__()
        self.listener = listener
        self.stop = stop
        self.epoch = 0
        self.epoch_started = 0.0

    def on_epoch_begin(self, epoch: int, logs: dict | None = None) -> None:
        self.epoch = epoch + 1
        self.epoch_started = time.perf_counter()

    def on_train_batch_end(self, batch: int, logs: dict | None = None) -> None:
        logs = logs or {}
        loss = float(logs.get("loss", np.nan))
        accuracy = float(logs.get("accuracy", np.nan))
        self.listener.on_batch(self.epoch, batch + 1, loss, accuracy)
        if self.stop.is_set():
            self.model.stop_training = True  # Keras checks this after every call into TensorFlow

    def on_epoch_end(self, epoch: int, logs: dict | None = None) -> None:
        metrics = {name: float(value) for name, value in (logs or {}).items()}
        self.listener.on_epoch(epoch + 1, metrics, time.perf_counter() - self.epoch_started)
