"""Train a model on one of the data sets, as the tutorial does, with live progress and a stop button.

The tutorial's recipe: pixels scaled to 0..1, batches of 100, the test set as validation data after every
epoch, then `evaluate` on the test set. A run may instead hold out part of its training images as validation
data (TrainingSettings.validation_split), add noise to its training pixels, or build a network a student wrote
(TrainingSettings.layers). Progress goes to a listener (any object with the `on_*` methods
it wants), so the command line and the Streamlit pages can both follow along; nothing here imports Streamlit.
"""

from __future__ import annotations

import gc
import threading
import time
from typing import Any

import numpy as np

from mnist_core.data import datasets
from mnist_core.data.pixels import scale_images
from mnist_core.model.keras_model import build_model, build_spec_model, compile_for_training
from mnist_core.training.settings import TrainingInputs, TrainingListener, TrainingResult, TrainingSettings

# Keras runs this many batches per call into TensorFlow: far less Python overhead per batch, while
# progress (and the stop button) still arrive several times a second.
STEPS_PER_EXECUTION = 50
EVALUATION_BATCH_SIZE = 1000  # evaluation needs no gradients: big batches are faster, results equal
# Batches prepared ahead of training, by a fixed number rather than tf.data's autotuning: its background
# tuner sometimes held up the end of a fit by 2 seconds (seen in 4 of 12 fits here), and it tunes nothing
# that matters for a pipeline this small.
PREFETCH_BATCHES = 4
NOISE_STREAM = 31  # mixed with the run's seed for the noise's own random numbers, apart from augmentation's


def train(
    settings: TrainingSettings,
    listener: TrainingListener | None = None,
    stop: threading.Event | None = None,
    inputs: TrainingInputs | None = None,
) -> TrainingResult:
    """Train a fresh model, or go on training a saved run's (`settings.parent_run`: its model in `inputs`).

    Returns early, keeping what was learned, when `stop` is set or the loss stops being a finite number.
    The caller reads what the settings name beyond the data set (the parent run, the class's drawings) into
    `inputs`: serving/worker.py's read_inputs does it for the server and the command line.
    """
    settings.validate()
    listener = listener or TrainingListener()
    stop = stop or threading.Event()
    inputs = inputs or TrainingInputs()
    # Free what an earlier training in this process left: a Keras model and its traced graphs are reference
    # cycles, which Python frees only in its rare full collections.
    gc.collect()

    # Step 1: the data.
    data = datasets.load(settings.dataset)
    x_train, y_train = data.x_train, data.y_train
    if settings.train_limit is not None:
        x_train, y_train = x_train[: settings.train_limit], y_train[: settings.train_limit]
    # A validation split holds out the last images before any shuffling, as Keras's own validation_split does,
    # and before the class's drawings are added (those always train).
    x_held = y_held = None
    if settings.validation_split:
        held = settings.held_out(len(x_train))
        x_train, x_held = x_train[:-held], x_train[-held:]
        y_train, y_held = y_train[:-held], y_train[-held:]
    if inputs.extra_images is not None:  # fine-tuning on the class's drawings too
        x_train = np.concatenate([x_train, inputs.extra_images])
        y_train = np.concatenate([y_train, inputs.extra_labels])

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
        spec = settings.spec()
        recipe = {
            "optimizer": settings.optimizer,
            "learning_rate": settings.learning_rate,
            "l2": settings.l2,
            "seed": settings.init_seed,  # None: the initial weights come from `seed` above, as before
            **speed,
        }
        if spec is not None:
            model = build_spec_model(spec, **recipe)
        else:
            model = build_model(settings.model_kind, settings.hidden_units, **recipe)
    else:
        if inputs.parent_model is None:
            raise ValueError(f"Continuing run {settings.parent_run} needs its model (see serving/worker.py).")
        earlier = inputs.parent_history
        model = inputs.parent_model
        state_carried = compile_for_training(
            model, settings.optimizer, settings.learning_rate, state_from=model.optimizer, **speed
        )
    first_epoch = len(earlier.get("loss", []))

    # Step 3: fit on batches scaled to 0..1 as the tutorial does, with the test set (or the held-out images) as
    # validation data, reporting to the listener.
    from mnist_core.training.progress import ProgressCallback  # imports keras: only when training

    noise = _noise_adder(settings.noise, settings.seed) if settings.noise else None
    if settings.augment:
        train_batches = _augmented_batches(scale_images(x_train), y_train, settings.batch_size, settings.seed, noise)
    else:
        train_batches = _batches(x_train, y_train, settings.batch_size, shuffle=True, seed=settings.seed, noise=noise)
    test_batches = _batches(data.x_test, data.y_test, EVALUATION_BATCH_SIZE)
    validation_batches = test_batches if x_held is None else _batches(x_held, y_held, EVALUATION_BATCH_SIZE)

    listener.on_start(settings, batches_per_epoch, earlier)
    progress = ProgressCallback(listener, stop, first_epoch)
    started = time.perf_counter()
    history = model.fit(
        train_batches,
        shuffle=False,  # the pipeline shuffles itself; Keras's shuffle does not apply to a tf.data.Dataset
        validation_data=validation_batches,
        initial_epoch=first_epoch,
        epochs=first_epoch + settings.epochs,
        callbacks=[progress],
        verbose=0,
    )
    fit_seconds = time.perf_counter() - started

    # Step 4: the test score, as the tutorial's `model.evaluate(x_test, y_test)`. Keras validates after the
    # last epoch, even one cut short by the stop button, so with the test set as validation data the last
    # validation already is that evaluation (same weights, same images): no need to wait for it twice.
    new = {name: [float(v) for v in values] for name, values in history.history.items()}
    test_loss, test_accuracy = new["val_loss"][-1], new["val_accuracy"][-1]
    if x_held is not None:  # those were the held-out images' figures; the test set is read once, now
        scores = model.evaluate(test_batches, verbose=0, return_dict=True)
        test_loss, test_accuracy = float(scores["loss"]), float(scores["accuracy"])
    return TrainingResult(
        settings=settings,
        history={name: earlier.get(name, []) + values for name, values in new.items()},
        fit_seconds=fit_seconds,
        test_loss=test_loss,
        test_accuracy=test_accuracy,
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


def _batches(
    images: np.ndarray,
    labels: np.ndarray,
    batch_size: int,
    shuffle: bool = False,
    seed: int | None = None,
    noise: Any = None,
):
    """(float32 images in 0..1, labels) batches as a tf.data pipeline; in a new random order every epoch if asked,
    and changed by `noise` (a _noise_adder) if given.

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

    batches = order.batch(batch_size).map(take)
    if noise is not None:
        batches = batches.map(noise)
    return batches.prefetch(PREFETCH_BATCHES).with_options(_fixed_pipeline_options())


def _augmented_batches(
    images: np.ndarray, labels: np.ndarray, batch_size: int, seed: int | None, noise: Any = None
) -> Any:
    """Shuffled batches, each changed at random anew every epoch (and noise on top, if given)."""
    import tensorflow as tf

    from mnist_core.data.augment import make_augmenter

    batches = (
        tf.data.Dataset.from_tensor_slices((images, labels))
        .shuffle(len(images), seed=seed, reshuffle_each_iteration=True)
        .batch(batch_size)
        .map(make_augmenter(seed), num_parallel_calls=2)  # the 2 cores of a small server
    )
    if noise is not None:
        batches = batches.map(noise)
    return batches.prefetch(PREFETCH_BATCHES).with_options(_fixed_pipeline_options())


def _noise_adder(rate: float, seed: int | None) -> Any:
    """A tf.data step adding Gaussian noise of standard deviation `rate` to a batch of 0..1 images, clipped to
    0..1. The numbers come from a generator of their own, so every batch of every epoch gets fresh noise (an op
    seed inside a pipeline would repeat the same noise each epoch)."""
    import tensorflow as tf

    if seed is None:
        generator = tf.random.Generator.from_non_deterministic_state()
    else:
        generator = tf.random.Generator.from_seed(
            int(np.random.SeedSequence([seed, NOISE_STREAM]).generate_state(1)[0])
        )

    def add_noise(images: tf.Tensor, labels: tf.Tensor) -> tuple[tf.Tensor, tf.Tensor]:
        noisy = images + generator.normal(tf.shape(images), stddev=rate)
        return tf.clip_by_value(noisy, 0.0, 1.0), labels

    return add_noise
