"""The Keras callback that connects `model.fit` to a TrainingListener and to the stop signal.

Kept apart from fit.py because defining a Keras callback class imports Keras (seconds).
"""

from __future__ import annotations

import math
import threading
import time

import keras
import numpy as np

from mnist_core.reading.inside import weight_snapshot
from mnist_core.training.settings import TrainingListener

# A model that guesses at random loses ln(10) ≈ 2.3 per image; a running loss 40 times that means the weights
# have blown up (SGD at rate 10 reaches tens of thousands in its first batch, then its units die for good).
DIVERGED_LOSS = 100.0


class ProgressCallback(keras.callbacks.Callback):
    """Forwards Keras's progress to a listener; ends the fit when `stop` is set or the loss has blown up.

    Epochs reach the listener counted from 1 for this training, also when it continues a run that had
    `first_epoch` epochs already (Keras counts on from those).
    """

    def __init__(self, listener: TrainingListener, stop: threading.Event, first_epoch: int = 0) -> None:
        super().__init__()
        self.listener = listener
        self.stop = stop
        self.first_epoch = first_epoch
        self.epoch = 0
        self.epoch_started = 0.0
        self.diverged = False

    def on_train_begin(self, logs: dict | None = None) -> None:
        # The first layer's weights before training: noise (a continued run: where its parent left them).
        self.listener.on_weights(self.first_epoch, weight_snapshot(self.model))

    def on_epoch_begin(self, epoch: int, logs: dict | None = None) -> None:
        self.epoch = epoch + 1 - self.first_epoch
        self.epoch_started = time.perf_counter()

    def on_train_batch_end(self, batch: int, logs: dict | None = None) -> None:
        logs = logs or {}
        loss = float(logs.get("loss", np.nan))
        accuracy = float(logs.get("accuracy", np.nan))
        self.listener.on_batch(self.epoch, batch + 1, loss, accuracy)
        # A loss that is NaN, infinite or huge never comes back: the learning rate is far too high. Stop at once
        # rather than train on for hours.
        self.diverged = self.diverged or not math.isfinite(loss) or loss > DIVERGED_LOSS
        if self.stop.is_set() or self.diverged:
            self.model.stop_training = True  # Keras checks this after every call into TensorFlow

    def on_epoch_end(self, epoch: int, logs: dict | None = None) -> None:
        metrics = {name: float(value) for name, value in (logs or {}).items()}
        self.listener.on_epoch(self.epoch, metrics, time.perf_counter() - self.epoch_started)
        self.listener.on_weights(self.first_epoch + self.epoch, weight_snapshot(self.model))
