"""Read one drawing fast enough to answer every pen stroke.

`model.predict` sets up a whole data pipeline on each call (tens of milliseconds); `predict_on_batch`
runs the compiled function directly (well under a millisecond for one image).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from mnist_core.preprocess import Prepared, canvas_to_mnist

if TYPE_CHECKING:
    import keras


@dataclass(frozen=True)
class Reading:
    """A drawing, the way it was prepared, and the model's answer (None when nothing readable was drawn)."""

    prepared: Prepared
    probabilities: np.ndarray | None  # (10,) float32

    @property
    def predicted_label(self) -> int | None:
        return None if self.probabilities is None else int(np.argmax(self.probabilities))

    @property
    def confidence(self) -> float | None:
        return None if self.probabilities is None else float(np.max(self.probabilities))


class Predictor:
    """One loaded model, shared by every session that reads drawings with it."""

    def __init__(self, model: keras.Model) -> None:
        self.model = model
        # Keras builds its predict function on first use; one caller at a time keeps that safe.
        self._lock = threading.Lock()
        # The first call traces the predict function (a fraction of a second): do it now, while the page says
        # "loading the model", not on a student's first stroke.
        self.probabilities(np.zeros((28, 28), dtype=np.float32))

    def probabilities(self, image: np.ndarray) -> np.ndarray:
        """The ten class probabilities for one (28, 28) float image in 0..1."""
        batch = np.asarray(image, dtype=np.float32).reshape(1, 28, 28)
        with self._lock:
            output = self.model.predict_on_batch(batch)
        return np.asarray(output, dtype=np.float32)[0]

    def read_canvas(self, rgba: np.ndarray) -> Reading:
        """Prepare a canvas image like MNIST and read it; never guesses at a blank or unreadable drawing."""
        prepared = canvas_to_mnist(rgba)
        if not prepared.ok:
            return Reading(prepared, None)
        return Reading(prepared, self.probabilities(prepared.image))
