"""The networks a class can train: the tutorial's dense network ("mlp") and a small convolutional one ("cnn").

Every model takes a (28, 28) float32 image in 0..1 and ends in a 10-way softmax, so training, evaluation,
saving and the pages treat them alike.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from mnist_core.config import quiet_tensorflow
from mnist_core.limits import HIDDEN_UNITS

if TYPE_CHECKING:
    import keras

MODEL_KINDS: tuple[str, ...] = ("mlp", "cnn")
IMAGE_SHAPE = (28, 28)
NUM_CLASSES = 10


@dataclass(frozen=True)
class LayerRow:
    """One line of the tutorial's `model.summary()` table."""

    name: str
    kind: str
    output_shape: str
    parameters: int


def build_model(
    kind: str = "mlp",
    hidden_units: int = HIDDEN_UNITS.default,
    steps_per_execution: int = 1,
    jit_compile: bool | str = "auto",
) -> keras.Model:
    """Build and compile a model: adam, sparse categorical cross-entropy, accuracy (the tutorial's settings).

    `steps_per_execution` and `jit_compile` change only speed, not what is learned (see training.py).
    """
    if kind not in MODEL_KINDS:
        raise ValueError(f"Unknown model {kind!r}: choose one of {', '.join(MODEL_KINDS)}.")
    if hidden_units < 1:
        raise ValueError(f"Hidden units must be at least 1, not {hidden_units}.")
    quiet_tensorflow()
    import keras

    from mnist_core.optimizer import FusedAdam

    builders = {"mlp": _dense_layers, "cnn": _convolutional_layers}
    model = keras.Sequential([keras.Input(IMAGE_SHAPE), *builders[kind](hidden_units)], name=kind)
    model.compile(
        optimizer="adam",
        loss="sparse_categorical_crossentropy",
        metrics=["accuracy"],  # Keras 3 wants a list here; the tutorial's plain string raises.
        steps_per_execution=steps_per_execution,
        jit_compile=jit_compile,
    )
    # Train with the same Adam, each weight updated in one step (optimizer.py). Compile was given plain
    # "adam", so that is what a saved model names: any Keras opens it, no mnist_core needed.
    model.optimizer = FusedAdam()
    return model


def _dense_layers(hidden_units: int) -> list:
    """The tutorial's network: every pixel feeds one wide hidden layer."""
    import keras

    return [
        keras.layers.Flatten(name="flatten"),
        keras.layers.Dense(hidden_units, activation="relu", name="hidden"),
        keras.layers.Dense(NUM_CLASSES, activation="softmax", name="output"),
    ]


def _convolutional_layers(hidden_units: int) -> list:
    """Two convolution/pooling blocks learn strokes and their parts before a small dense layer decides."""
    import keras

    return [
        keras.layers.Reshape((*IMAGE_SHAPE, 1), name="add_channel"),
        keras.layers.Conv2D(32, 3, activation="relu", name="conv1"),
        keras.layers.MaxPooling2D(2, name="pool1"),
        keras.layers.Conv2D(64, 3, activation="relu", name="conv2"),
        keras.layers.MaxPooling2D(2, name="pool2"),
        keras.layers.Flatten(name="flatten"),
        keras.layers.Dropout(0.3, name="dropout"),
        keras.layers.Dense(min(hidden_units, 128), activation="relu", name="hidden"),
        keras.layers.Dense(NUM_CLASSES, activation="softmax", name="output"),
    ]


def layer_table(model: keras.Model) -> list[LayerRow]:
    """The layers with output shapes and parameter counts, as `model.summary()` prints them."""
    rows = []
    for layer in model.layers:
        shape = tuple(layer.output.shape)
        rows.append(
            LayerRow(
                name=layer.name,
                kind=type(layer).__name__,
                output_shape=str(shape).replace("None", "batch"),
                parameters=int(layer.count_params()),
            )
        )
    return rows
