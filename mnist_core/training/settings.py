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
from mnist_core.model.keras_model import ALL_MODEL_KINDS, OPTIMIZERS, ModelKind
from mnist_core.model.layers import LayerSpec, parse_layers

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
    # Issue #31, build your own network. `layers`: a spec text in LayerSpec.text()'s form (model/layers.py), e.g.
    # "dense 256 relu; dropout 0.2; dense 128 tanh". When set, the network is built from it and model_kind is
    # "custom" whatever was passed (hidden_units then plays no part).
    layers: str | None = None
    l2: float = limits.L2.default  # weight decay: the rate of an L2 penalty on every kernel of the network
    # The initial weights: the same network and init_seed start from the same weights, whatever `seed` is (which
    # still fixes the batch order, dropout and noise). None: they come from `seed`, or at random.
    init_seed: int | None = None
    # Pixel noise: Gaussian noise with this standard deviation added to every pixel (0..1) of every training batch,
    # drawn anew each time, then clipped back to 0..1. Validation and test images are never noisy.
    noise: float = limits.NOISE.default
    # This share of the training images (the last ones of the first train_limit, before shuffling, as Keras's own
    # validation_split takes them) is held out as validation data instead of the test set. 0: the tutorial's
    # validation_data=(x_test, y_test). The test score at the end is always the test set's.
    validation_split: float = limits.VALIDATION_SPLIT.default

    def __post_init__(self) -> None:
        if self.layers is not None and self.model_kind != ModelKind.CUSTOM:
            object.__setattr__(self, "model_kind", ModelKind.CUSTOM.value)  # written layers make a custom network

    def validate(self) -> None:
        """Raise ValueError with a message a person can act on when a setting is out of range (a bad spec: its
        LayerSpecError, which names the bad part)."""
        if self.dataset not in datasets.DATASET_NAMES:
            raise ValueError(f"Unknown data set {self.dataset!r}: choose {' or '.join(datasets.DATASET_NAMES)}.")
        if self.model_kind not in ALL_MODEL_KINDS:
            raise ValueError(f"Unknown model {self.model_kind!r}: choose {' or '.join(ALL_MODEL_KINDS)}.")
        if self.model_kind == ModelKind.CUSTOM and self.layers is None:
            raise ValueError('A custom network needs its layers, e.g. "dense 256 relu; dropout 0.2".')
        if self.layers is not None and not isinstance(self.layers, str):
            raise ValueError(f"The layers must be a spec text, not {self.layers!r}.")
        self.spec()  # LayerSpecError for a spec that cannot be built
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
        limits.L2.check(self.l2)
        if self.init_seed is not None:
            limits.INIT_SEED.check(self.init_seed)
        limits.NOISE.check(self.noise)
        limits.VALIDATION_SPLIT.check(self.validation_split)
        images = self.train_limit or limits.TRAIN_IMAGES.high
        held_out = self.held_out(images)
        if self.validation_split and not 1 <= held_out < images:
            raise ValueError(
                f"A validation split of {self.validation_split:g} holds out {held_out} of {images} training "
                "images: choose a split that leaves at least one image for each."
            )

    def spec(self) -> LayerSpec | None:
        """The network the layers write, or None for a named model (mlp, cnn); LayerSpecError for a bad spec."""
        return None if self.layers is None else parse_layers(self.layers)

    def held_out(self, images: int) -> int:
        """How many of `images` training images the validation split holds out (the last ones)."""
        return round(images * self.validation_split)

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


def fewest_images(*limits: int | None) -> int | None:
    """The smallest of these training-image limits (the first N images); None, all images, when none is set."""
    given = [limit for limit in limits if limit is not None]
    return min(given) if given else None


@dataclass(frozen=True, eq=False)  # eq=False: arrays have no truth value
class TrainingInputs:
    """What a training starts from besides its settings and the data set, read by whoever runs it (the worker, the
    command line): a saved run's model and history to go on from, and extra training images (the class's drawings).
    """

    parent_model: keras.Model | None = None
    parent_history: dict[str, list[float]] = field(default_factory=dict)
    extra_images: np.ndarray | None = None  # uint8 (n, 28, 28), added after the data set's training images
    extra_labels: np.ndarray | None = None
