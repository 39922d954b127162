"""The networks a class can train: the tutorial's dense network ("mlp"), a small convolutional one ("cnn"),
and any network a student writes as layers (layers.py, built by build_spec_model).

Every model takes a (28, 28) float32 image in 0..1 and ends in a 10-way softmax, so training, evaluation,
saving and the pages treat them alike.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

import numpy as np

from mnist_core.limits import HIDDEN_UNITS, LEARNING_RATE
from mnist_core.tuning import quiet_tensorflow

if TYPE_CHECKING:
    import keras

    from mnist_core.model.layers import LayerSpec


class ModelKind(StrEnum):
    """The networks a class can choose by name."""

    MLP = "mlp"  # the tutorial's: Flatten -> Dense(hidden, relu) -> Dense(10, softmax)
    CNN = "cnn"  # two convolutions and a dense layer: reads people's drawings best
    CUSTOM = "custom"  # a network a student wrote as layers (TrainingSettings.layers), built by build_spec_model


CNN_HIDDEN_UNITS_HIGH = 128  # the small CNN caps its dense layer here: more only slows it

# The networks build_model makes by name: what the Train page's model choice, a lesson link's `model` and the
# command line's --model offer. A custom network is chosen by writing its layers instead.
MODEL_KINDS: tuple[str, ...] = (ModelKind.MLP, ModelKind.CNN)
# Every kind a run can have: what TrainingSettings accepts and the teacher's caps may allow.
ALL_MODEL_KINDS: tuple[str, ...] = tuple(ModelKind)
# The tutorial's Adam; plain stochastic gradient descent; and SGD with momentum, which every course compares.
OPTIMIZERS: tuple[str, ...] = ("adam", "sgd", "momentum")
MOMENTUM = 0.9
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
    kind: str = ModelKind.MLP,
    hidden_units: int = HIDDEN_UNITS.default,
    steps_per_execution: int = 1,
    jit_compile: bool | str = "auto",
    optimizer: str = "adam",
    learning_rate: float = LEARNING_RATE.default,
    l2: float = 0.0,
    seed: int | None = None,
) -> keras.Model:
    """Build and compile a model: adam, sparse categorical cross-entropy, accuracy (the tutorial's settings).

    `steps_per_execution` and `jit_compile` change only speed, not what is learned (see training/fit.py).
    `l2` and `seed`: weight decay and the initial weights' seed, as build_spec_model takes them. Kernels are
    counted the same way, so "mlp" starts from the weights of the spec "dense H relu" with the same seed.
    """
    if kind not in MODEL_KINDS:
        raise ValueError(f"Unknown model {kind!r}: choose one of {', '.join(MODEL_KINDS)}.")
    if hidden_units < 1:
        raise ValueError(f"Hidden units must be at least 1, not {hidden_units}.")
    _check_weights(l2, seed)
    quiet_tensorflow()
    import keras

    regularizer = keras.regularizers.L2(l2) if l2 else None

    def weights(place: int) -> dict:
        """The `place`-th kernel's initializer and regularizer (Keras's own defaults when neither is asked for)."""
        return {"kernel_initializer": _initial_kernel(seed, place), "kernel_regularizer": regularizer}

    builders = {ModelKind.MLP: _dense_layers, ModelKind.CNN: _convolutional_layers}
    model = keras.Sequential([keras.Input(IMAGE_SHAPE), *builders[kind](hidden_units, weights)], name=str(kind))
    compile_for_training(model, optimizer, learning_rate, steps_per_execution, jit_compile)
    return model


def build_spec_model(
    spec: LayerSpec,
    l2: float = 0.0,
    seed: int | None = None,
    steps_per_execution: int = 1,
    jit_compile: bool | str = "auto",
    optimizer: str = "adam",
    learning_rate: float = LEARNING_RATE.default,
) -> keras.Model:
    """Build and compile the network a student wrote (layers.py), to train like build_model's.

    `l2`: weight decay, the rate of an L2 penalty on the kernel of every Dense and Conv2D layer (0: none).
    `seed`: the initial weights. The same spec and seed start from the same weights, whatever ran before in
    the process. Each kernel's seed counts only the Dense and Conv2D layers before it, so a spec that differs
    by an activation, a dropout or a batchnorm layer, or by the weight decay, starts from the same weights
    too: a comparison then shows that one change. None: Keras's global seed decides (keras.utils.set_random_seed).
    """
    _check_weights(l2, seed)
    quiet_tensorflow()
    import keras

    regularizer = keras.regularizers.L2(l2) if l2 else None
    built, kernels = [], 0
    for planned in spec.plan:
        layer, name = planned.layer, planned.name
        if planned.kind in ("Dense", "Conv2D"):
            kernels += 1
            weights = {"kernel_initializer": _initial_kernel(seed, kernels), "kernel_regularizer": regularizer}
        if planned.kind == "Reshape":
            built.append(keras.layers.Reshape(planned.output_shape, name=name))
        elif planned.kind == "Flatten":
            built.append(keras.layers.Flatten(name=name))
        elif planned.kind == "Dense":
            built.append(keras.layers.Dense(layer.units, activation=layer.activation, name=name, **weights))
        elif planned.kind == "Conv2D":
            built.append(
                keras.layers.Conv2D(layer.filters, layer.kernel, activation=layer.activation, name=name, **weights)
            )
        elif planned.kind == "MaxPooling2D":
            built.append(keras.layers.MaxPooling2D(layer.size, name=name))
        elif planned.kind == "Dropout":
            built.append(keras.layers.Dropout(layer.rate, name=name))
        elif planned.kind == "BatchNormalization":
            built.append(keras.layers.BatchNormalization(name=name))
        else:
            raise ValueError(f"No Keras layer for {planned.kind}.")
    model = keras.Sequential([keras.Input(IMAGE_SHAPE), *built], name="custom")
    compile_for_training(model, optimizer, learning_rate, steps_per_execution, jit_compile)
    return model


def _check_weights(l2: float, seed: int | None) -> None:
    if not (math.isfinite(l2) and l2 >= 0):
        raise ValueError(f"Weight decay must be 0 or more, not {l2}.")
    if seed is not None and seed < 0:
        raise ValueError(f"The initial weights' seed must be 0 or more, not {seed}.")


def _initial_kernel(seed: int | None, place: int) -> keras.initializers.Initializer | str:
    """Keras's default initializer (Glorot uniform) for the `place`-th kernel, seeded from the run's seed."""
    import keras

    if seed is None:
        return "glorot_uniform"
    # One well-mixed seed per kernel (with seed + place, seed 1's second kernel would be seed 2's first),
    # below 2**31: Keras hands it to TensorFlow as an int32.
    mixed = np.random.SeedSequence([seed, place]).generate_state(1)[0] >> 1
    return keras.initializers.GlorotUniform(seed=int(mixed))


def compile_for_training(
    model: keras.Model,
    optimizer: str,
    learning_rate: float,
    steps_per_execution: int = 1,
    jit_compile: bool | str = "auto",
    state_from: keras.optimizers.Optimizer | None = None,
) -> bool:
    """Compile with the tutorial's loss and metric and this optimizer, ready to train.

    Adam trains with each weight updated in one step (optimizer.py), but compile is given Keras's own Adam,
    so that is what a saved model names: any Keras opens it, no mnist_core needed. `state_from`: a trained
    optimizer (a saved run's) whose steps and moment estimates carry over; returns whether they did.
    """
    import keras

    from mnist_core.model.optimizer import FusedAdam

    plain = {
        "adam": lambda: keras.optimizers.Adam(learning_rate=learning_rate),
        "sgd": lambda: keras.optimizers.SGD(learning_rate=learning_rate),
        "momentum": lambda: keras.optimizers.SGD(learning_rate=learning_rate, momentum=MOMENTUM),
    }
    if optimizer not in plain:
        raise ValueError(f"Unknown optimizer {optimizer!r}: choose one of {', '.join(OPTIMIZERS)}.")
    model.compile(
        optimizer=plain[optimizer](),
        loss="sparse_categorical_crossentropy",
        metrics=["accuracy"],  # Keras 3 wants a list here; the tutorial's plain string raises.
        steps_per_execution=steps_per_execution,
        jit_compile=jit_compile,
    )
    if optimizer == "adam":
        model.optimizer = FusedAdam(learning_rate=learning_rate)
    return state_from is not None and _carry_state(state_from, model.optimizer, model)


def _carry_state(source: keras.optimizers.Optimizer, target: keras.optimizers.Optimizer, model: keras.Model) -> bool:
    """Copy a trained optimizer's step count and per-weight state into a new one of the same kind.

    Matched by name (e.g. "iteration", "hidden_kernel_momentum"), never the learning rate: the new one's stands.
    Nothing is copied (False) when the source never trained or keeps other state (another optimizer).
    """
    if not source.built or int(source.iterations.numpy()) == 0:
        return False
    target.build(model.trainable_variables)

    def by_name(optimizer: keras.optimizers.Optimizer) -> dict:
        return {variable.path.split("/", 1)[-1]: variable for variable in optimizer.variables}

    old, new = by_name(source), by_name(target)
    new.pop("learning_rate", None)
    if set(new) - set(old) or any(new[name].shape != old[name].shape for name in new):
        return False
    for name, variable in new.items():
        variable.assign(old[name])
    return True


def _dense_layers(hidden_units: int, weights: Callable[[int], dict]) -> list:
    """The tutorial's network: every pixel feeds one wide hidden layer."""
    import keras

    return [
        keras.layers.Flatten(name="flatten"),
        keras.layers.Dense(hidden_units, activation="relu", name="hidden", **weights(1)),
        keras.layers.Dense(NUM_CLASSES, activation="softmax", name="output", **weights(2)),
    ]


def _convolutional_layers(hidden_units: int, weights: Callable[[int], dict]) -> list:
    """Two convolution/pooling blocks learn strokes and their parts before a small dense layer decides."""
    import keras

    return [
        keras.layers.Reshape((*IMAGE_SHAPE, 1), name="add_channel"),
        keras.layers.Conv2D(32, 3, activation="relu", name="conv1", **weights(1)),
        keras.layers.MaxPooling2D(2, name="pool1"),
        keras.layers.Conv2D(64, 3, activation="relu", name="conv2", **weights(2)),
        keras.layers.MaxPooling2D(2, name="pool2"),
        keras.layers.Flatten(name="flatten"),
        keras.layers.Dropout(0.3, name="dropout"),
        keras.layers.Dense(min(hidden_units, CNN_HIDDEN_UNITS_HIGH), activation="relu", name="hidden", **weights(3)),
        keras.layers.Dense(NUM_CLASSES, activation="softmax", name="output", **weights(4)),
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
