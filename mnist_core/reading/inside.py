"""Inside the network: what its layers make of one drawing, and its first layer's weights as they form.

One forward pass gives both the answer and the layers in between (network.py keeps the outputs of the layers
asked for): the hidden layer's activations (dense network) or both convolutions' feature maps (CNN) beside the
ten probabilities. Plain numpy, no Streamlit: the pictures are made by the pages. The weight snapshots of a
training in progress are taken from its Keras model.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from mnist_core.model.keras_model import IMAGE_SHAPE, ModelKind

if TYPE_CHECKING:
    import keras

    from mnist_core.model.network import Network

UNITS_SHOWN = 16  # the hidden units that fire most for a drawing
PUSHERS_SHOWN = 5  # the units that add most to one class's score
SNAPSHOT_UNITS = 16  # the hidden units whose weights the Train page follows, epoch after epoch


@dataclass(frozen=True)
class Unit:
    """One hidden unit of the dense network: its 784 incoming weights as a 28x28 picture, and how it fired."""

    index: int
    activation: float  # relu(weights . pixels + bias), 0 when the unit is silent
    weights: np.ndarray  # (28, 28) float32: the weight from each pixel


@dataclass(frozen=True)
class Push:
    """The hidden units that push one class hardest: each adds activation x its weight to the class's score."""

    label: int
    probability: float
    units: tuple[Unit, ...]  # largest push first
    amounts: tuple[float, ...]  # activation x weight to this class, one per unit
    score: float  # the class's score before softmax: every unit's push plus the output bias


@dataclass(frozen=True)
class DenseView:
    """The dense network on one drawing: its busiest hidden units, and who pushed toward the top two answers."""

    units: tuple[Unit, ...]  # the most active first
    answer: Push
    runner_up: Push


@dataclass(frozen=True)
class ConvolutionView:
    """The CNN on one drawing: the first convolution's filters and both convolutions' feature maps."""

    filters: np.ndarray  # (32, 3, 3): conv1's kernels (one input channel)
    first_maps: np.ndarray  # (32, 26, 26): where each filter found its pattern in the drawing (relu, >= 0)
    second_maps: np.ndarray  # (64, 11, 11): conv2's maps, patterns of patterns


InsideView = DenseView | ConvolutionView


def model_kind(model: keras.Model | Network) -> str | None:
    """The model's kind, "cnn" or "mlp", by the layers this app names; None for a model built elsewhere."""
    names = {layer.name for layer in model.layers}
    if {"conv1", "conv2", "output"} <= names:
        return ModelKind.CNN
    if {"hidden", "output"} <= names:
        return ModelKind.MLP
    return None


class Inside:
    """One network's layers worth showing, and the weights the views hand out.

    Built once per loaded network and shared by every session (the Predictor holds it): nothing here
    changes after __init__, so it is safe to use from many threads.
    """

    def __init__(self, network: Network) -> None:
        self.kind = model_kind(network)
        if self.kind is None:
            raise ValueError(f"Model {network.name!r} has none of the layers the inside view shows.")
        # The layers whose outputs a forward pass keeps, in the order view() takes them.
        self.shown = ("conv1", "conv2") if self.kind == ModelKind.CNN else ("hidden",)
        if self.kind == ModelKind.CNN:
            self.filters = conv_filters(network.layer("conv1").weights[0])
            self.filters.setflags(write=False)  # the views hand it to every session
        else:  # a Network's weights are read only already
            self.hidden_kernel = network.layer("hidden").weights[0]
            self.output_kernel, self.output_bias = network.layer("output").weights

    def view(self, outputs: Sequence[np.ndarray]) -> InsideView:
        """What to show for one drawing, from the sub-model's outputs for it (batch axis removed)."""
        if self.kind == ModelKind.CNN:
            first, second, _ = outputs
            return ConvolutionView(self.filters, _channels_first(first), _channels_first(second))
        activations, probabilities = outputs
        busiest = np.argsort(-activations, kind="stable")[:UNITS_SHOWN]
        answer, runner_up = np.argsort(-probabilities, kind="stable")[:2]
        return DenseView(
            units=tuple(self._unit(index, activations) for index in busiest),
            answer=self._push(int(answer), activations, probabilities),
            runner_up=self._push(int(runner_up), activations, probabilities),
        )

    def _unit(self, index: int, activations: np.ndarray) -> Unit:
        return Unit(int(index), float(activations[index]), self.hidden_kernel[:, index].reshape(IMAGE_SHAPE))

    def _push(self, label: int, activations: np.ndarray, probabilities: np.ndarray) -> Push:
        amounts = contributions(activations, self.output_kernel, label)
        strongest = np.argsort(-amounts, kind="stable")[:PUSHERS_SHOWN]
        return Push(
            label=label,
            probability=float(probabilities[label]),
            units=tuple(self._unit(index, activations) for index in strongest),
            amounts=tuple(float(amounts[index]) for index in strongest),
            score=float(amounts.sum() + self.output_bias[label]),
        )


def contributions(activations: np.ndarray, output_kernel: np.ndarray, label: int) -> np.ndarray:
    """What each hidden unit adds to class `label`'s score: its activation times its weight to that class.

    The score softmax turns into a probability is exactly their sum plus the class's bias.
    """
    return activations * output_kernel[:, label]


def _channels_first(maps: np.ndarray) -> np.ndarray:
    """(height, width, channels) as Keras gives it -> (channels, height, width), one picture per channel."""
    return np.ascontiguousarray(np.moveaxis(maps, -1, 0))


def first_layer_weights(model: keras.Model, units: int = SNAPSHOT_UNITS) -> np.ndarray:
    """The first learning layer's weights as small pictures: conv1's (32, 3, 3) filters, or the dense
    network's incoming weights of hidden units 0..units-1 as (units, 28, 28), float32. A student's network: the
    same of its first Dense or Conv2D layer.
    """
    import keras

    kind = model_kind(model)
    if kind == ModelKind.CNN:
        return conv_filters(keras.ops.convert_to_numpy(model.get_layer("conv1").kernel))
    if kind == ModelKind.MLP:
        kernel = model.get_layer("hidden").kernel  # (784, hidden units)
    else:  # a network a student wrote: its first Dense or Conv2D layer, which sees the picture itself
        first = next(layer for layer in model.layers if type(layer).__name__ in ("Dense", "Conv2D"))
        if type(first).__name__ == "Conv2D":
            return conv_filters(keras.ops.convert_to_numpy(first.kernel))
        kernel = first.kernel  # (784, units); after pooling first, (side * side, units) of a smaller picture
    columns = keras.ops.convert_to_numpy(kernel[:, :units])  # only these columns leave TensorFlow
    side = math.isqrt(columns.shape[0])
    return np.ascontiguousarray(columns.T.reshape(-1, side, side))


def conv_filters(kernel: np.ndarray) -> np.ndarray:
    """A first convolution's (3, 3, 1, filters) kernel as one (3, 3) picture per filter: (filters, 3, 3)."""
    return np.ascontiguousarray(kernel[:, :, 0, :].transpose(2, 0, 1))


def weight_snapshot(model: keras.Model) -> np.ndarray:
    """The first layer's weights now, small enough to keep one per epoch: (16, 28, 28) or (32, 3, 3), float16.

    Dense network: hidden units 0..15, always the same ones, so the Train page shows those units changing.
    Which 16 does not matter: units start alike, each from its own random weights. CNN: all 32 of conv1's
    filters. float16 is plenty for a picture and halves what a job keeps (25 KB an epoch for 16 units).
    """
    return first_layer_weights(model).astype(np.float16)


def is_unit_snapshot(weights: np.ndarray) -> bool:
    """Whether a weight snapshot holds hidden units' 28x28 weights (dense network) rather than conv1's filters."""
    return tuple(weights.shape[1:]) == IMAGE_SHAPE
