"""The gradient of a class's score with respect to the 28x28 input, in numpy (issue #32).

Where the network looked (explain.py) and fooling it (fooling.py) both need it: one backward pass through the
run's numpy Network (network.py), written here layer kind by layer kind, so no page needs TensorFlow. The
processes that serve the pages read with network.py alone and never import TensorFlow (network.py says why);
a gradient must not be the one thing that brings it in.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from mnist_core.errors import UnsupportedNetwork
from mnist_core.model.keras_model import IMAGE_SHAPE, NUM_CLASSES
from mnist_core.model.network import Layer, Network

# One forward pass that keeps what the backward pass needs


@dataclass(eq=False)
class _Step:
    """One layer's part of a forward pass: what the backward pass needs again."""

    layer: Layer
    input_shape: tuple[int, ...]
    output: np.ndarray  # after the activation
    kernel: np.ndarray | None = None  # dense, conv: the kernel in the pass's dtype
    winners: np.ndarray | None = None  # pool: each pixel's share of its square's maximum (0, 1, 1/2, ...)
    scale: np.ndarray | None = None  # batchnorm: d output / d input, per channel


class Trace:
    """A forward pass through a Network that keeps what its backward pass needs.

    `logits` are the last layer's scores before softmax. The arithmetic is the network's own (network.py), in
    the dtype asked for: float32 for the pages, float64 for the finite-difference test.
    """

    def __init__(self, network: Network, images: np.ndarray, dtype: type = np.float32) -> None:
        x = np.asarray(images, dtype=dtype).reshape(-1, *IMAGE_SHAPE)
        self.steps: list[_Step] = []
        last = len(network.layers) - 1
        self.logits = None
        for place, layer in enumerate(network.layers):
            step = _Step(layer, x.shape, x)
            if layer.kind in ("dense", "conv"):
                kernel, bias = (w.astype(dtype, copy=False) for w in layer.weights)
                step.kernel = kernel
                z = x @ kernel + bias if layer.kind == "dense" else _convolve(x, kernel) + bias
                if place == last:
                    self.logits = z
                x = _activate(z, layer.activation)
            elif layer.kind == "pool":
                x, step.winners = _pool_forward(x, layer.shape)
            elif layer.kind in ("flatten", "reshape", "dropout"):
                x = layer.forward(x)
            elif layer.kind == "batchnorm":  # when reading: x * scale + shift, per channel (network.py)
                step.scale, shift = (w.astype(dtype, copy=False) for w in layer.weights)
                x = x * step.scale + shift
            else:
                raise UnsupportedNetwork(f"the layer {layer.name!r} ({layer.kind}) has no backward pass here")
            step.output = x
            self.steps.append(step)
        if self.logits is None:
            raise UnsupportedNetwork(f"the network {network.name!r} does not end in a dense layer")
        self.probabilities = _softmax(self.logits)

    def gradient(self, seeds: np.ndarray) -> np.ndarray:
        """d(seeds . logits) / d input, one (28, 28) map per row of `seeds`.

        `seeds` is (k, 10) for a pass over one image (k maps of that image: the rows broadcast against it) or
        (n, 10) for a pass over n images (one map each).
        """
        grad = np.asarray(seeds, dtype=self.logits.dtype)
        for place in range(len(self.steps) - 1, -1, -1):
            step = self.steps[place]
            layer = step.layer
            if layer.kind in ("dense", "conv"):
                if place != len(self.steps) - 1:  # the last layer: seeds are on its logits, before softmax
                    grad = _activation_backward(grad, step.output, layer.activation)
                if layer.kind == "dense":
                    grad = grad @ step.kernel.T
                else:
                    grad = _convolve_backward(grad, step.kernel, step.input_shape)
            elif layer.kind == "pool":
                grad = _pool_backward(grad, step.winners, step.input_shape, layer.shape)
            elif layer.kind in ("flatten", "reshape"):
                grad = grad.reshape(len(grad), *step.input_shape[1:])
            elif layer.kind == "batchnorm":
                grad = grad * step.scale
            # dropout: nothing, when reading
        return grad.reshape(len(grad), *IMAGE_SHAPE)


# One digit's gradient


def logit_gradient(network: Network, image: np.ndarray, digit: int, dtype: type = np.float32) -> np.ndarray:
    """d logit[digit] / d image, (28, 28), for one image in 0..1.

    The logit (the score before softmax), not the probability: a probability near 1 hardly moves whatever the
    pixels do (softmax saturates), so its gradient fades to nothing just when the network is surest, and it
    mixes in every other digit's score. The logit's gradient says what pushes this digit's own evidence.
    """
    trace = Trace(network, image, dtype)
    return trace.gradient(one_hot([digit], trace.logits.dtype))[0]


def checked_digit(digit: int) -> int:
    """`digit` as an int, or ValueError when it is not one of the ten classes (a bool is not a class)."""
    if isinstance(digit, bool) or not isinstance(digit, int | np.integer) or not 0 <= digit < NUM_CLASSES:
        raise ValueError(f"Expected a class 0..{NUM_CLASSES - 1}, not {digit!r}.")
    return int(digit)


def one_hot(digits: list[int], dtype: type) -> np.ndarray:
    """Seeds for Trace.gradient: one row per digit, 1 on that digit's logit (one map per row)."""
    seeds = np.zeros((len(digits), NUM_CLASSES), dtype=dtype)
    seeds[np.arange(len(digits)), digits] = 1
    return seeds


# The arithmetic of each layer, forward and backward


def _activate(z: np.ndarray, activation: str) -> np.ndarray:
    if activation == "relu":
        return np.maximum(z, 0)
    if activation == "softmax":
        return _softmax(z)
    if activation == "tanh":
        return np.tanh(z)
    if activation == "sigmoid":
        return 0.5 * (1 + np.tanh(0.5 * z))  # as network.py: no overflow of e^-z for very negative z
    if activation == "linear":
        return z
    raise UnsupportedNetwork(f"the activation {activation!r} has no backward pass here")


def _activation_backward(grad: np.ndarray, output: np.ndarray, activation: str) -> np.ndarray:
    """d loss / d z from d loss / d output, each activation's derivative written with its output."""
    if activation == "relu":
        return grad * (output > 0)
    if activation == "tanh":
        return grad * (1 - output * output)
    if activation == "sigmoid":
        return grad * output * (1 - output)
    if activation == "softmax":  # a softmax inside the network: its Jacobian times grad
        return output * (grad - (grad * output).sum(axis=-1, keepdims=True))
    return grad  # linear


def _softmax(z: np.ndarray) -> np.ndarray:
    exponentials = np.exp(z - z.max(axis=-1, keepdims=True))  # minus the largest: no overflow
    return exponentials / exponentials.sum(axis=-1, keepdims=True)


def _convolve(x: np.ndarray, kernel: np.ndarray) -> np.ndarray:
    """Valid convolution (as Keras's Conv2D: cross-correlation), stride 1: (n, H-h+1, W-w+1, c_out)."""
    height, width = kernel.shape[:2]
    windows = np.lib.stride_tricks.sliding_window_view(x, (height, width), axis=(1, 2))  # (n, H', W', c_in, h, w)
    return np.tensordot(windows, kernel, axes=([4, 5, 3], [0, 1, 2]))


def _convolve_backward(grad: np.ndarray, kernel: np.ndarray, input_shape: tuple[int, ...]) -> np.ndarray:
    """d / d input of a valid convolution: each kernel position sends grad back to the pixels it read.

    One small matrix product per kernel position (9 for 3x3): far cheaper than a full convolution of the gradient.
    """
    height, width = kernel.shape[:2]
    _, rows, columns, _ = grad.shape
    result = np.zeros((len(grad), *input_shape[1:]), dtype=grad.dtype)
    for row in range(height):
        for column in range(width):
            result[:, row : row + rows, column : column + columns] += grad @ kernel[row, column].T
    return result


def _pool_forward(x: np.ndarray, size: tuple[int, ...]) -> tuple[np.ndarray, np.ndarray]:
    """Max pooling over separate squares (a leftover edge dropped), and each pixel's share of its square's win.

    Only the winner passes gradient back. Ties are common, not rare: on the blank background every feature map
    holds the same value, relu(bias), so the tied winners share the gradient equally. That is the average of the
    one-sided derivatives where two tie (what a centred finite difference measures), and it does not favour the
    top left pixel of each square as "the first maximum wins" (TensorFlow's rule) would.
    """
    n, height, width, channels = x.shape
    rows, columns = height // size[0], width // size[1]
    squares = x[:, : rows * size[0], : columns * size[1]].reshape(n, rows, size[0], columns, size[1], channels)
    squares = squares.transpose(0, 1, 3, 5, 2, 4).reshape(n, rows, columns, channels, size[0] * size[1])
    largest = squares.max(axis=-1)
    winners = squares == largest[..., None]  # (n, rows, columns, channels, cells)
    return largest, winners / winners.sum(axis=-1, keepdims=True, dtype=x.dtype)


def _pool_backward(
    grad: np.ndarray, winners: np.ndarray, input_shape: tuple[int, ...], size: tuple[int, ...]
) -> np.ndarray:
    k, rows, columns, channels = grad.shape
    routed = winners * grad[..., None]  # (k, rows, columns, channels, cells)
    routed = routed.reshape(k, rows, columns, channels, size[0], size[1]).transpose(0, 1, 4, 2, 5, 3)
    result = np.zeros((k, *input_shape[1:]), dtype=grad.dtype)
    result[:, : rows * size[0], : columns * size[1]] = routed.reshape(k, rows * size[0], columns * size[1], channels)
    return result
