"""Read one drawing fast enough to answer every pen stroke, and show what the layers inside made of it.

The network runs in numpy (network.py): a fraction of a millisecond for one drawing, no TensorFlow, no lock.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from mnist_core.model.network import Network, network_of
from mnist_core.reading.inside import Inside, InsideView, model_kind
from mnist_core.reading.preprocess import Prepared, canvas_to_mnist

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
    """One loaded network, shared by every session that reads drawings with it (read only, so thread-safe)."""

    def __init__(self, model: Network | keras.Model) -> None:
        self.network = network_of(model)
        self.inside = Inside(self.network) if model_kind(self.network) is not None else None
        # One forward pass gives the answer and the layers the Draw page shows (this app's networks only).
        self._shown = self.inside.shown if self.inside is not None else ()

    def _outputs(self, image: np.ndarray) -> list[np.ndarray]:
        """The network's outputs for one (28, 28) image, batch axis removed: [*shown layers, probabilities]."""
        outputs = self.network.outputs(np.asarray(image, dtype=np.float32).reshape(1, 28, 28), self._shown)
        return [output[0] for output in outputs]

    def probabilities(self, image: np.ndarray) -> np.ndarray:
        """The ten class probabilities for one (28, 28) float image in 0..1."""
        return self._outputs(image)[-1]

    def read_canvas(self, rgba: np.ndarray, inside: bool = False) -> Reading:
        """Prepare a canvas image like MNIST and read it; never guesses at a blank or unreadable drawing.

        `inside=True` adds what the layers did (Reading.inside), from the same forward pass.
        """
        return self.read_prepared(canvas_to_mnist(rgba), inside=inside)

    def read_prepared(self, prepared: Prepared, inside: bool = False) -> Reading:
        """Read an image already in MNIST's form: a prepared drawing, or a test image (picked.py), which needs no
        preparing. Either way the same Reading, so every view of a drawing shows it."""
        if not prepared.ok:
            return Reading(prepared, None)
        outputs = self._outputs(prepared.image)
        view = self.inside.view(outputs) if inside and self.inside is not None else None
        return Reading(prepared, outputs[-1], view)
