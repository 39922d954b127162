"""Train a model on one of the data sets, as the tutorial does, with live progress and a stop button.

The tutorial's recipe: pixels scaled to 0..1, batches of 100, the test set as validation data after every
epoch, then `evaluate` on the test set. Progress goes to a listener (any object with the `on_*` methods
it wants), so the command line and the Streamlit pages can both follow along; nothing here imports Streamlit.
"""

from __future__ import annotations

import gc
import threading
import time
from dataclasses import asdict, dataclass, field, replace
from typing import TYPE_CHECKING, Any

import numpy as np

from mnist_core import datasets, limits
from mnist_core.model import MODEL_KINDS, OPTIMIZERS, build_model, compile_for_training

if TYPE_CHECKING:
    import keras

    from mnist_core.runs import RunStore

# Keras runs this many batches per call into TensorFlow: far less Python overhead per batch, while
# progress (and the stop button) still arrive several times a second.
STEPS_PER_EXECUTION = 50
EVALUATION_BATCH_SIZE = 1000  # evaluation needs no gradients: big batches are faster, results equal
# Batches prepared ahead of training, by a fixed number rather than tf.data's autotuning: its background
# tuner sometimes held up the end of a fit by 2 seconds (seen in 4 of 12 fits here), and it tunes nothing
# that matters for a pipeline this small.
PREFETCH_BATCHES = 4


@dataclass(frozen=True)
class TrainingSettings:
    """What a person chooses before training. Defaults are the tutorial's."""

    dataset: str = "mnist"
    epochs: int = limits.EPOCHS.default  # for a continued run: how many more
    batch_size: int = limits.BATCH_SIZE.default
    model_kind: str = "mlp"
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


def scale_images(images: np.ndarray) -> np.ndarray:
    """uint8 pixels 0..255 -> float32 0..1 (float32 rather than float64: half the memory, faster)."""
    return images.astype(np.float32) / np.float32(255.0)


def train(
    settings: TrainingSettings,
    listener: TrainingListener | None = None,
    stop: threading.Event | None = None,
    store: RunStore | None = None,
) -> TrainingResult:
    """Train a fresh model, or go on training a saved run's (`settings.parent_run`, read from `store`).

    Returns early, keeping what was learned, when `stop` is set or the loss stops being a finite number.
    """
    settings.validate()
    listener = listener or TrainingListener()
    stop = stop or threading.Event()
    # Free what an earlier training in this process left: a Keras model and its traced graphs are reference
    # cycles, which Python frees only in its rare full collections.
    gc.collect()

    # Step 1: the data.
    data = datasets.load(settings.dataset)
    x_train, y_train = data.x_train, data.y_train
    if settings.train_limit is not None:
        x_train, y_train = x_train[: settings.train_limit], y_train[: settings.train_limit]
    if settings.class_drawings_up_to is not None:  # issue #16: fine-tuning on the class's drawings too
        from mnist_core.class_drawings import with_class_drawings

        x_train, y_train = with_class_drawings(
            x_train, y_train, settings.class_drawings_up_to, settings.class_split_seed
        )

    # Step 2: the model: a fresh one (the seed fixes its initial weights and the batch order), or the parent's.
    if settings.seed is not None:
        import keras

        keras.utils.set_random_seed(settings.seed)
    batches_per_epoch = -(-len(x_train) // settings.batch_size)
    speed = {
        # At least four progress reports per epoch, even for small demo runs.
        "steps_per_execution": max(1, min(STEPS_PER_EXECUTION, batches_per_epoch // 4)),
        # No XLA, as Keras itself chooses on a machine without a GPU. On the CPU, XLA's convolutions are
        # about 10x slower than TensorFlow's own; for the dense network it saves a little time per epoch but
        # compiles for a second or two first, and TensorFlow keeps every compiled program for good.
        "jit_compile": False,
    }
    earlier: dict[str, list[float]] = {}
    state_carried = None
    if settings.parent_run is None:
        model = build_model(
            settings.model_kind, settings.hidden_units, optimizer=settings.optimizer,
            learning_rate=settings.learning_rate, **speed,
        )  # fmt: skip
    else:
        if store is None:
            raise ValueError("Continuing a run needs the runs folder it is in.")
        earlier = store.get(settings.parent_run).history
        model = store.load_model(settings.parent_run)
        state_carried = compile_for_training(
            model, settings.optimizer, settings.learning_rate, state_from=model.optimizer, **speed
        )
    first_epoch = len(earlier.get("loss", []))

    # Step 3: fit on batches scaled to 0..1 as the tutorial does, with the test set as validation data,
    # reporting to the listener.
    from mnist_core.progress import ProgressCallback  # imports keras: only when training

    if settings.augment:
        train_batches = _augmented_batches(scale_images(x_train), y_train, settings.batch_size, settings.seed)
    else:
        train_batches = _batches(x_train, y_train, settings.batch_size, shuffle=True, seed=settings.seed)
    test_batches = _batches(data.x_test, data.y_test, EVALUATION_BATCH_SIZE)

    listener.on_start(settings, batches_per_epoch, earlier)
    progress = ProgressCallback(listener, stop, first_epoch)
    started = time.perf_counter()
    history = model.fit(
        train_batches,
        shuffle=False,  # the pipeline shuffles itself; Keras's shuffle does not apply to a tf.data.Dataset
        validation_data=test_batches,
        initial_epoch=first_epoch,
        epochs=first_epoch + settings.epochs,
        callbacks=[progress],
        verbose=0,
    )
    fit_seconds = time.perf_counter() - started

    # Step 4: the test score, as the tutorial's `model.evaluate(x_test, y_test)`. Keras validates after the
    # last epoch, even one cut short by the stop button, so the last validation already is that evaluation
    # (same weights, same images): no need to wait for it twice.
    new = {name: [float(v) for v in values] for name, values in history.history.items()}
    return TrainingResult(
        settings=settings,
        history={name: earlier.get(name, []) + values for name, values in new.items()},
        fit_seconds=fit_seconds,
        test_loss=new["val_loss"][-1],
        test_accuracy=new["val_accuracy"][-1],
        model=model,
        stopped=stop.is_set() and not progress.diverged,
        diverged=progress.diverged,
        optimizer_state_carried=state_carried,
        first_epoch=first_epoch,
    )


def _fixed_pipeline_options():
    import tensorflow as tf

    options = tf.data.Options()
    options.autotune.enabled = False
    return options


def _batches(images: np.ndarray, labels: np.ndarray, batch_size: int, shuffle: bool = False, seed: int | None = None):
    """(float32 images in 0..1, labels) batches as a tf.data pipeline; in a new random order every epoch if asked.

    The images stay uint8 (MNIST's training set: 47 MB rather than 188 MB as float32, and no float copy per
    training); each batch is scaled exactly as `scale_images` does, on tf.data's thread while the previous
    batches train. Shuffling indices rather than images keeps the shuffle buffer small.
    """
    import tensorflow as tf

    images, labels = tf.constant(images), tf.constant(labels)
    order = tf.data.Dataset.range(len(labels))
    if shuffle:
        order = order.shuffle(len(labels), seed=seed, reshuffle_each_iteration=True)

    def take(indices):
        return tf.cast(tf.gather(images, indices), tf.float32) / 255.0, tf.gather(labels, indices)

    return order.batch(batch_size).map(take).prefetch(PREFETCH_BATCHES).with_options(_fixed_pipeline_options())


def _augmented_batches(images: np.ndarray, labels: np.ndarray, batch_size: int, seed: int | None) -> Any:
    """Shuffled batches, each changed at random anew every epoch."""
    import tensorflow as tf

    from mnist_core.augment import make_augmenter

    return (
        tf.data.Dataset.from_tensor_slices((images, labels))
        .shuffle(len(images), seed=seed, reshuffle_each_iteration=True)
        .batch(batch_size)
        .map(make_augmenter(seed), num_parallel_calls=2)  # the 2 cores of a small server
        .prefetch(PREFETCH_BATCHES)
        .with_options(_fixed_pipeline_options())
    )
