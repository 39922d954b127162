"""A trained network as plain numpy arrays, run forward layer by layer: how the app reads drawings.

Training needs TensorFlow; reading does not. A forward pass of these networks is a few matrix products, and
numpy does it as fast as Keras for one drawing. So the processes that serve the pages never import
TensorFlow, which saves each of them about 300 MB and several seconds at start, and a class server can run
one per core. The weights come straight from a saved run's `model.keras` (a zip of config.json and an HDF5
file of weights), or from a Keras model in memory; reading a file runs no code from it.

Only the layers this app's networks are made of can run (keras_model.py, and the networks students write,
layers.py): Flatten, Reshape, Dense and Conv2D (valid padding, stride 1) with a relu, tanh, sigmoid, linear or
softmax activation, MaxPooling2D, BatchNormalization (with the mean and variance it learned while training) and
Dropout (which does nothing when reading). Anything else raises UnsupportedNetwork, with the layer named.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from mnist_core.data.pixels import scale_images
from mnist_core.errors import UnsupportedNetwork
from mnist_core.model.keras_model import IMAGE_SHAPE, NUM_CLASSES

if TYPE_CHECKING:
    import keras

ACTIVATIONS = ("linear", "relu", "tanh", "sigmoid", "softmax")
BATCH = 256  # images per step when reading many: the CNN's first feature maps for 256 images are about 22 MB


@dataclass(frozen=True, eq=False)  # eq=False: arrays have no truth value
class Layer:
    """One layer: its name, what it does, its weights and its activation (linear, relu, tanh, sigmoid, softmax).

    Weights: (kernel, bias) for "dense" and "conv"; (scale, shift) for "batchnorm", worked out from what Keras
    keeps (gamma, beta, the moving mean and variance, epsilon) so reading is one multiply and one add.
    """

    name: str
    kind: str  # "dense", "conv", "pool", "batchnorm", "flatten", "reshape", "dropout"
    weights: tuple[np.ndarray, ...] = ()
    activation: str = "linear"
    shape: tuple[int, ...] = ()  # Reshape's target shape, MaxPooling2D's pool size

    def forward(self, x: np.ndarray) -> np.ndarray:
        """This layer's output for a batch `x` (the batch axis first)."""
        if self.kind == "dense":
            kernel, bias = self.weights
            return _activate(x @ kernel + bias, self.activation)
        if self.kind == "conv":
            kernel, bias = self.weights
            return _activate(_convolve(x, kernel) + bias, self.activation)
        if self.kind == "pool":
            return _max_pool(x, self.shape)
        if self.kind == "batchnorm":
            scale, shift = self.weights
            return x * scale + shift
        if self.kind == "flatten":
            return x.reshape(len(x), -1)
        if self.kind == "reshape":
            return x.reshape(len(x), *self.shape)
        return x  # dropout: only while training


class Network:
    """The layers of one trained network, read only: safe to share between threads and sessions."""

    def __init__(self, name: str, layers: Sequence[Layer]) -> None:
        self.name = name
        self.layers = tuple(layers)
        for layer in self.layers:
            for weights in layer.weights:
                weights.setflags(write=False)
        self.probabilities(np.zeros((1, *IMAGE_SHAPE), dtype=np.float32))  # wrong shapes fail here, not at a stroke

    def layer(self, name: str) -> Layer:
        for layer in self.layers:
            if layer.name == name:
                return layer
        raise KeyError(f"The network {self.name!r} has no layer {name!r}.")

    def outputs(self, images: np.ndarray, shown: Sequence[str] = ()) -> list[np.ndarray]:
        """One forward pass over (n, 28, 28) images in 0..1: [*the `shown` layers' outputs, the probabilities]."""
        x = np.asarray(images, dtype=np.float32)
        kept = {}
        for layer in self.layers:
            x = layer.forward(x)
            if layer.name in shown:
                kept[layer.name] = x
        return [*(kept[name] for name in shown), x]

    def probabilities(self, images: np.ndarray) -> np.ndarray:
        """The ten class probabilities of each image (float 0..1, or uint8 0..255 as MNIST's), (n, 10) float32.

        Many images are read a batch at a time.
        """
        images = np.asarray(images)
        if images.dtype == np.uint8:
            images = scale_images(images)
        parts = [self.outputs(images[start : start + BATCH])[-1] for start in range(0, len(images), BATCH)]
        return np.concatenate(parts) if parts else np.zeros((0, NUM_CLASSES), dtype=np.float32)


# Reading a network: from a saved model file, or from a Keras model in memory


def read_network(path: Path) -> Network:
    """The network saved in a Keras `.keras` file, without TensorFlow. Raises UnsupportedNetwork for a model whose
    layers it cannot run, and OSError, KeyError, ValueError or zipfile.BadZipFile for a damaged file.

    Keras names each layer's weights in the file by its class and place, not by the layer's own name
    ("dense", "dense_1", ...: keras.src.saving.saving_lib), so they are matched in the same order.
    """
    import h5py  # comes with Keras; needs no TensorFlow

    with zipfile.ZipFile(path) as archive:
        config = json.loads(archive.read("config.json"))
        weights_file = io.BytesIO(archive.read("model.weights.h5"))
    if config.get("class_name") != "Sequential":
        raise UnsupportedNetwork(f"only a Sequential model can be read here, not a {config.get('class_name')}")
    layers, used_names = [], {}
    with h5py.File(weights_file, "r") as weights:
        for entry in config["config"]["layers"]:
            class_name = entry["class_name"]
            if class_name == "InputLayer":
                _check_input(entry["config"].get("batch_shape"))
                continue
            place = _snake_case(class_name)
            used_names[place] = used_names.get(place, -1) + 1
            if used_names[place]:
                place = f"{place}_{used_names[place]}"
            variables = weights.get(f"layers/{place}/vars", {})
            arrays = [np.asarray(variables[str(index)], dtype=np.float32) for index in range(len(variables))]
            layers.append(_layer(class_name, entry["config"], arrays))
    return Network(config["config"].get("name", "model"), layers)


def network_of(model: keras.Model | Network) -> Network:
    """A Keras model in memory as a Network (its weights copied out of TensorFlow); a Network as it is."""
    if isinstance(model, Network):
        return model
    _check_input(tuple(model.inputs[0].shape))
    layers = [
        _layer(type(layer).__name__, layer.get_config(), [np.asarray(w, dtype=np.float32) for w in layer.get_weights()])
        for layer in model.layers
    ]
    return Network(model.name, layers)


def _layer(class_name: str, config: dict[str, Any], weights: list[np.ndarray]) -> Layer:
    """One Keras layer, from its class name, its config and its weights, as a Layer; UnsupportedNetwork if it can't."""
    name = config.get("name", class_name)
    if class_name == "Dense":
        _expect(config.get("use_bias", True) and len(weights) == 2, name, "a kernel and a bias")
        return Layer(name, "dense", tuple(weights), _activation(config, name))
    if class_name == "Conv2D":
        plain = (
            config.get("use_bias", True)
            and len(weights) == 2
            and weights[0].ndim == 4
            and tuple(config.get("strides", (1, 1))) == (1, 1)
            and tuple(config.get("dilation_rate", (1, 1))) == (1, 1)
            and config.get("padding") == "valid"
            and config.get("groups", 1) == 1
            and config.get("data_format", "channels_last") == "channels_last"
        )
        _expect(plain, name, "a plain convolution (stride 1, no padding, a bias)")
        return Layer(name, "conv", tuple(weights), _activation(config, name))
    if class_name == "MaxPooling2D":
        size = tuple(config.get("pool_size", (2, 2)))
        plain = tuple(config.get("strides") or size) == size and config.get("padding") == "valid"
        _expect(plain, name, "pooling over separate squares, no padding")
        return Layer(name, "pool", shape=size)
    if class_name == "BatchNormalization":
        return _batch_normalization(name, config, weights)
    if class_name == "Reshape":
        return Layer(name, "reshape", shape=tuple(config["target_shape"]))
    if class_name in ("Flatten", "Dropout"):
        return Layer(name, class_name.lower())
    raise UnsupportedNetwork(f"the layer {name!r} is a {class_name}, which this app does not run")


def _batch_normalization(name: str, config: dict[str, Any], weights: list[np.ndarray]) -> Layer:
    """Keras normalises with the moving mean and variance when reading (training=False):
    gamma * (x - mean) / sqrt(variance + epsilon) + beta, which is x * scale + shift."""
    plain = (
        config.get("center", True)
        and config.get("scale", True)
        and config.get("axis", -1) in (-1, [-1])
        and not config.get("renorm", False)
        and len(weights) == 4
    )
    _expect(plain, name, "a batch normalization over the last axis, with a scale and a shift")
    # Keras stores the trainable weights first, then the moving ones: gamma, beta, moving mean, moving variance.
    gamma, beta, mean, variance = weights
    scale = gamma / np.sqrt(variance + np.float32(config.get("epsilon", 1e-3)))
    return Layer(name, "batchnorm", (scale, beta - mean * scale))


def _activation(config: dict[str, Any], name: str) -> str:
    activation = config.get("activation", "linear")
    _expect(activation in ACTIVATIONS, name, "a linear, relu, tanh, sigmoid or softmax activation")
    return activation


def _expect(ok: bool, name: str, what: str) -> None:
    if not ok:
        raise UnsupportedNetwork(f"the layer {name!r} is not {what}")


def _check_input(shape: Sequence[int | None] | None) -> None:
    if shape is None or tuple(shape)[1:] != IMAGE_SHAPE:
        raise UnsupportedNetwork(f"the model takes {shape}, not a batch of 28 x 28 images")


def _snake_case(class_name: str) -> str:
    """A layer class's name as Keras writes it in a weights file: "MaxPooling2D" -> "max_pooling2d"."""
    name = re.sub("(.)([A-Z][a-z]+)", r"\1_\2", class_name)
    return re.sub("([a-z])([A-Z])", r"\1_\2", name).lower()


# The arithmetic of each layer


def _activate(x: np.ndarray, activation: str) -> np.ndarray:
    """The activation, in place: x is a fresh array from the layer's own arithmetic."""
    if activation == "relu":
        return np.maximum(x, 0, out=x)
    if activation == "tanh":
        return np.tanh(x, out=x)
    if activation == "sigmoid":
        # 1 / (1 + e^-x) written with tanh, which cannot overflow for very negative x as e^-x does.
        x *= 0.5
        np.tanh(x, out=x)
        x += 1
        x *= 0.5
        return x
    if activation == "softmax":
        exponentials = np.exp(x - x.max(axis=-1, keepdims=True))  # minus the largest: no overflow
        return exponentials / exponentials.sum(axis=-1, keepdims=True)
    return x


def _convolve(x: np.ndarray, kernel: np.ndarray) -> np.ndarray:
    """Slide every (height, width, channels_in) kernel over every position of x (n, H, W, channels_in), no padding:
    (n, H - height + 1, W - width + 1, channels_out)."""
    height, width = kernel.shape[:2]
    windows = np.lib.stride_tricks.sliding_window_view(x, (height, width), axis=(1, 2))  # (n, H', W', c_in, h, w)
    return np.tensordot(windows, kernel, axes=([4, 5, 3], [0, 1, 2]))


def _max_pool(x: np.ndarray, size: tuple[int, ...]) -> np.ndarray:
    """The largest value of each separate size[0] x size[1] square; a leftover edge row or column is dropped."""
    n, height, width, channels = x.shape
    rows, columns = height // size[0], width // size[1]
    squares = x[:, : rows * size[0], : columns * size[1]].reshape(n, rows, size[0], columns, size[1], channels)
    return squares.max(axis=(2, 4))
