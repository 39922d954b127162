"""Read one drawing fast enough to answer every pen stroke, and show what the layers inside made of it.

`model.predict` sets up a whole data pipeline on each call (tens of milliseconds); `predict_on_batch`
runs the compiled function directly (well under a millisecond for one image).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from mnist_core.inside import Inside, InsideView, model_kind
from mnist_core.preprocess import Prepared, canvas_to_mnist

if TYPE_CHECKING:
    import keras


@dataclass(frozen=True)
class Reading:
    """A drawing, the way it was prepared, and the model's answer (None when nothing readable was drawn)."""

    prepared: Prepared
    probabilities: np.ndarray | None  # (10,) float32
    inside: InsideView | None = None  # what the layers did, when asked for and the model has the layers

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
        # This app's models run as a sub-model that also returns the layers the Draw page shows: one
        # forward pass for the answer and the view, one compiled function (a model from elsewhere runs as is).
        self.inside = Inside(model) if model_kind(model) is not None else None
        self._network = self.inside.network if self.inside is not None else model
        # Keras builds its predict function on first use; one caller at a time keeps that safe.
        self._lock = threading.Lock()
        # The first call traces the predict function (a fraction of a second): do it now, while the page says
        # "loading the model", not on a student's first stroke.
        self.probabilities(np.zeros((28, 28), dtype=np.float32))

    def _outputs(self, image: np.ndarray) -> list[np.ndarray]:
        """The network's outputs for one (28, 28) image, batch axis removed: [*shown layers, probabilities]."""
        batch = np.asarray(image, dtype=np.float32).reshape(1, 28, 28)
        with self._lock:
            outputs = self._network.predict_on_batch(batch)
        outputs = outputs if isinstance(outputs, list | tuple) else [outputs]
        return [np.asarray(output, dtype=np.float32)[0] for output in outputs]

    def probabilities(self, image: np.ndarray) -> np.ndarray:
        """The ten class probabilities for one (28, 28) float image in 0..1."""
        return self._outputs(image)[-1]

    def read_canvas(self, rgba: np.ndarray, inside: bool = False) -> Reading:
        """Prepare a canvas image like MNIST and read it; never guesses at a blank or unreadable drawing.

        `inside=True` adds what the layers did (Reading.inside), from the same forward pass.
        """
        prepared = canvas_to_mnist(rgba)
        if not prepared.ok:
            return Reading(prepared, None)
        outputs = self._outputs(prepared.image)
        view = self.inside.view(outputs) if inside and self.inside is not None else None
        return Reading(prepared, outputs[-1], view)
