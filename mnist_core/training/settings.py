"""What a training is asked to do, what it reports while it runs, and what it gives back.

Plain data without TensorFlow: the pages, the line and the command line pass these around; training/fit.py does
the training itself.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from typing import TYPE_CHECKING, Any

import numpy as np

from mnist_core import limits
from mnist_core.data import datasets
from mnist_core.data.datasets import DatasetName
from mnist_core.model.keras_model import MODEL_KINDS, OPTIMIZERS, ModelKind

if TYPE_CHECKING:
    import keras


@dataclass(frozen=True)
class TrainingSettings:
    """What a person chooses before training. Defaults are the tutorial's."""

    dataset: str = DatasetName.MNIST
    epochs: int = limits.EPOCHS.default  # for a continued run: how many more
    batch_size: int = limits.BATCH_SIZE.default
    model_kind: str = ModelKind.MLP
    hidden_units: int = limits.HIDDEN_UNITS.default
    seed: int | None = None
    train_limit: int | None = None  # train on the first N images only (quick demos and tests)
    augment: bool = False  # randomly turned, scaled, shifted and thickened copies (see augment.py)
    optimizer: str = "adam"
    learning_rate: float = limits.LEARNING_RATE.default
    parent_run: str | None = None  # go on training this saved run's model instead of a fresh one
    # Issue #16, fine-tuning on the class: add the training part of the class set (the drawings with ids up to this,
    # split by student with this seed; see class_drawings.py) to the training images.
    class_drawings_up_to: int | None = None
    class_split_seed: int = 0

    def validate(self) -> None:
        """Raise ValueError with a message a person can act on when a setting is out of range."""
        if self.dataset not in datasets.DATASET_NAMES:
            raise ValueError(f"Unknown data set {self.dataset!r}: choose {' or '.join(datasets.DATASET_NAMES)}.")
        if self.model_kind not in MODEL_KINDS:
            raise ValueError(f"Unknown model {self.model_kind!r}: choose {' or '.join(MODEL_KINDS)}.")
        if self.optimizer not in OPTIMIZERS:
            raise ValueError(f"Unknown optimizer {self.optimizer!r}: choose {', '.join(OPTIMIZERS)}.")
        limits.EPOCHS.check(self.epochs)
        limits.BATCH_SIZE.check(self.batch_size)
        limits.HIDDEN_UNITS.check(self.hidden_units)
        limits.LEARNING_RATE.check(self.learning_rate)
        if self.train_limit is not None:
            limits.TRAIN_IMAGES.check(self.train_limit)
        if self.class_drawings_up_to is not None:  # issue #16
            limits.CLASS_DRAWING_ID.check(self.class_drawings_up_to)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def continued(self, parent_run: str, epochs: int) -> TrainingSettings:
        """These settings (a saved run's) for `epochs` more epochs of that run's model."""
        return replace(self, epochs=epochs, parent_run=parent_run, seed=None)

    @classmethod
    def from_dict(cls, values: dict[str, Any]) -> TrainingSettings:
        """Settings saved with a run; runs saved before a setting existed get its default."""
        known = {name: value for name, value in values.items() if name in cls.__dataclass_fields__}
        return cls(**known)


@dataclass
class TrainingResult:
    """What a training produced: the tutorial's `hist.history`, fit time and test score, and the model."""

    settings: TrainingSettings
    history: dict[str, list[float]]  # loss, accuracy, val_loss, val_accuracy: one value per epoch, parent's first
    fit_seconds: float
    test_loss: float
    test_accuracy: float
    model: keras.Model = field(repr=False)
    stopped: bool  # True when the stop signal ended it before the last epoch
    diverged: bool = False  # True when the loss blew up and the training stopped itself
    first_epoch: int = 0  # a continued run: the epochs its parent had
    optimizer_state_carried: bool | None = None  # continued runs: did the optimizer's state carry over?

    @property
    def epochs_done(self) -> int:
        return len(self.history.get("loss", []))

    @property
    def ending(self) -> str:
        """How it ended, as a run's status and a job's state name it: "diverged", "stopped" or "finished"."""
        return "diverged" if self.diverged else "stopped" if self.stopped else "finished"


class TrainingListener:
    """Progress hooks; override the ones you need. All are called on the training thread."""

    def on_start(self, settings: TrainingSettings, batches_per_epoch: int, earlier: dict[str, list[float]]) -> None:
        """Training is about to begin (the model is built). `earlier`: a continued run's history so far."""

    def on_batch(self, epoch: int, batch: int, loss: float, accuracy: float) -> None:
        """`batch` batches of epoch `epoch` (counted from 1) are done; loss/accuracy are this epoch's so far."""

    def on_epoch(self, epoch: int, metrics: dict[str, float], seconds: float) -> None:
        """Epoch `epoch` (from 1) ended; metrics has loss, accuracy, val_loss, val_accuracy."""

    def on_weights(self, epoch: int, weights: np.ndarray) -> None:
        """A small picture of the first layer's weights after `epoch` epochs (0: before training)."""


@dataclass(frozen=True, eq=False)  # eq=False: arrays have no truth value
class TrainingInputs:
    """What a training starts from besides its settings and the data set, read by whoever runs it (the worker, the
    command line): a saved run's model and history to go on from, and extra training images (the class's drawings).
    """

    parent_model: keras.Model | None = None
    parent_history: dict[str, list[float]] = field(default_factory=dict)
    extra_images: np.ndarray | None = None  # uint8 (n, 28, 28), added after the data set's training images
    extra_labels: np.ndarray | None = None
