"""Why did it answer that: where the network looked, and how little it takes to fool it (issue #32).

Both need the gradient of a class's score with respect to the 28x28 input: one backward pass through the
run's numpy Network (network.py), written here layer kind by layer kind, so no page needs TensorFlow.

Where it looked: gradient x input. Each pixel's value is (d score / d pixel) x pixel: how much that pixel's
ink adds to the score, to first order, against a blank pixel. Positive where the ink speaks for the digit,
negative where it speaks against; zero where there is no ink. Both maps (the answer's and the runner-up's) cost
one forward and one backward pass: 0.9 ms for the dense network, 1.7 ms for the CNN (bench/explain_cost.py).
Occlusion (blank a 4x4 patch at a time, watch the score fall) is here for comparison: up to 169 forward passes,
2.2 ms and 59 ms for one map, and blurrier. The sign test (blank the 10 pixels a map marks most important and
see how far the answer's probability falls, mean of 100 test images) favours gradient x input too: dense network
0.26 against occlusion's 0.18, CNN 0.14 against 0.11, 10 random ink pixels 0.008-0.009. So the page uses
gradient x input: better on the test, and cheap enough to redraw at every stroke.

Fool it: iterated FGSM (the basic iterative method): small signed steps down the gradient of the target's
cross-entropy, each image clipped to 0..1 and to a bounded change from the drawing, until the network reads
the target, or until the step bound or the time bound is reached.

Words for people come back as a catalog key and its values (Said), so each reader gets them in their own
language: mnist_core/locales.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from mnist_core.errors import Refusal, UnsupportedNetwork
from mnist_core.i18n import t
from mnist_core.model.keras_model import IMAGE_SHAPE, NUM_CLASSES
from mnist_core.model.network import Layer, Network
from mnist_core.reading.predict import Reading
from mnist_core.reading.preprocess import (
    BLANK_INK_FRACTION,
    INKED,
    MAX_INK_FRACTION,
    MIN_DIGIT_FRACTION,
    DrawingStatus,
    Prepared,
)

# Where the evidence is, relative to the ink's bounding box cut in thirds: the top row of thirds, the bottom
# row, and the middle row's left, centre and right thirds. "spread": no region holds SPREAD_BELOW of it;
# "none": nothing speaks for (or against) the digit. Catalog keys: explain.for.<region>, explain.against.<region>.
REGIONS: tuple[str, ...] = ("top", "bottom", "left", "right", "middle", "spread", "none")
SPREAD_BELOW = 0.4
FOOL_OUTCOMES: tuple[str, ...] = ("done", "gave_up", "already")  # catalog keys explain.fool.<outcome>
# Every catalog key this module gives out (in Said, built from the region or the outcome, not t("...")).
MESSAGE_KEYS: tuple[str, ...] = (
    *(f"explain.{side}.{region}" for side in ("for", "against") for region in REGIONS),
    *(f"explain.fool.{outcome}" for outcome in FOOL_OUTCOMES),
)
# Less evidence than this in total (in logit units) is none at all: float rounding, not a region's.
NOISE = 1e-6

# Fool it. Steps of two grey levels; at most 0.4 from the drawing at any pixel; at most 200 steps and 1.5 s,
# whichever comes first, whatever the drawing (a step of the CNN takes about 1 ms). Measured on 50 pen digits with
# random targets: the usual MNIST bound of 0.3 fooled the CNN 41-48 times in 50, 0.4 48-50 times; a change that
# succeeds is as small either way (it stops at the first success: median largest change 50-56 of 255).
FOOL_STEP = 2 / 255
FOOL_MAX_CHANGE = 0.4
FOOL_MAX_STEPS = 200
FOOL_SECONDS = 1.5
VISIBLE = 1 / 255  # a change smaller than one grey level of an 8-bit picture is no change to the eye

# Occlusion, for comparison only: a patch of 4x4 pixels blanked, moved 2 pixels at a time.
OCCLUSION_PATCH = 4
OCCLUSION_STRIDE = 2


@dataclass(frozen=True)
class Said:
    """Something to tell a person, as a catalog key and its values; text() in the current language."""

    key: str
    values: dict[str, Any] = field(default_factory=dict)

    def text(self, lang: str | None = None) -> str:
        return t(self.key, lang, **self.values)


@dataclass(frozen=True, eq=False)  # eq=False: arrays have no truth value
class HeatMap:
    """Where one digit's score came from, pixel by pixel: gradient x input, signed."""

    digit: int
    values: np.ndarray  # (28, 28) float32: > 0 where the ink pushes the digit's score up, < 0 where down
    probability: float  # the digit's probability for this drawing
    evidence_for: Said  # where the strongest positive evidence is, in words (explain.for.<region>)
    evidence_against: Said  # where the strongest negative evidence is (explain.against.<region>)


@dataclass(frozen=True, eq=False)
class WhereItLooked:
    """The answer's map and the runner-up's: "why a 3?" and "why not an 8?"."""

    image: np.ndarray  # (28, 28) float32, the drawing as the network read it
    probabilities: np.ndarray  # (10,) float32
    answer: HeatMap
    runner_up: HeatMap


@dataclass(frozen=True, eq=False)
class Fooled:
    """The result of fool(): the changed drawing, the change, and what the network reads now."""

    original: np.ndarray  # (28, 28) float32
    image: np.ndarray  # (28, 28) float32 in 0..1: the changed drawing
    change: np.ndarray  # (28, 28) float32: image - original
    target: int
    succeeded: bool  # the network reads `target` in `image`
    reading: Reading  # the changed drawing as a Reading (it can be given to the class like a drawn one)
    steps: int  # gradient steps taken
    seconds: float
    changed_pixels: int  # pixels changed by at least one grey level (1/255)
    max_change: float  # the largest change of one pixel, 0..1
    mean_change: float  # the mean change of the changed pixels, 0..1
    message: Said  # what happened, in words: explain.fool.<one of FOOL_OUTCOMES>

    @property
    def probabilities(self) -> np.ndarray:
        return self.reading.probabilities

    @property
    def predicted_label(self) -> int:
        return int(np.argmax(self.reading.probabilities))


# The drawing: a prepared 28x28 image, refused when there is nothing to explain


def drawing_image(drawing: np.ndarray | Prepared | Reading) -> np.ndarray:
    """The (28, 28) float32 image of a drawing: a Reading, a Prepared drawing, or an image in 0..1.

    Raises Refusal("draw.blank" / "draw.too_small" / "draw.too_full"), the messages the Draw page gives for such a
    canvas, when it is not a digit: a map or an attack of an empty square would only teach noise.
    """
    if isinstance(drawing, Reading):
        drawing = drawing.prepared
    if isinstance(drawing, Prepared):
        if not drawing.ok or drawing.image is None:
            _refuse(drawing.status)
        drawing = drawing.image
    image = np.asarray(drawing, dtype=np.float32)
    if image.shape != IMAGE_SHAPE:
        raise ValueError(f"Expected a 28 x 28 image, not {image.shape}.")
    if not np.isfinite(image).all() or image.min() < 0 or image.max() > 1:
        raise ValueError("Expected pixel values in 0..1.")
    # The canvas's own rules (preprocess.py), on the 28x28 image: for an image that did not come from a canvas.
    inked = image > INKED
    if image.sum() < BLANK_INK_FRACTION * image.size or not inked.any():
        _refuse(DrawingStatus.BLANK)
    if inked.mean() > MAX_INK_FRACTION:
        _refuse(DrawingStatus.TOO_FULL)
    rows, columns = np.flatnonzero(inked.any(axis=1)), np.flatnonzero(inked.any(axis=0))
    if max(rows[-1] - rows[0], columns[-1] - columns[0]) + 1 < MIN_DIGIT_FRACTION * min(IMAGE_SHAPE):
        _refuse(DrawingStatus.TOO_SMALL)
    return image


def _refuse(status: DrawingStatus) -> None:
    if status == DrawingStatus.BLANK:
        raise Refusal("draw.blank")
    raise Refusal(f"draw.{status}")  # too_small, too_full: keys the Draw page already shows


# The backward pass


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


def logit_gradient(network: Network, image: np.ndarray, digit: int, dtype: type = np.float32) -> np.ndarray:
    """d logit[digit] / d image, (28, 28), for one image in 0..1.

    The logit (the score before softmax), not the probability: a probability near 1 hardly moves whatever the
    pixels do (softmax saturates), so its gradient fades to nothing just when the network is surest, and it
    mixes in every other digit's score. The logit's gradient says what pushes this digit's own evidence.
    """
    trace = Trace(network, image, dtype)
    return trace.gradient(_one_hot([digit], trace.logits.dtype))[0]


def _checked_digit(digit: int) -> int:
    if isinstance(digit, bool) or not isinstance(digit, int | np.integer) or not 0 <= digit < NUM_CLASSES:
        raise ValueError(f"Expected a class 0..{NUM_CLASSES - 1}, not {digit!r}.")
    return int(digit)


def _one_hot(digits: list[int], dtype: type) -> np.ndarray:
    seeds = np.zeros((len(digits), NUM_CLASSES), dtype=dtype)
    seeds[np.arange(len(digits)), digits] = 1
    return seeds


# Where it looked


def where_it_looked(network: Network, image: np.ndarray | Prepared | Reading, digit: int) -> HeatMap:
    """Gradient x input for one digit's score, and where its strongest evidence for and against lies, in words.

    Raises Refusal for a blank, too small or too full drawing (drawing_image).
    """
    digit = _checked_digit(digit)
    image = drawing_image(image)
    trace = Trace(network, image)
    return _heat_map(image, trace, digit, trace.gradient(_one_hot([digit], np.float32))[0])


def why_this_and_not_that(network: Network, image: np.ndarray | Prepared | Reading) -> WhereItLooked:
    """The answer's map and the runner-up's ("why not a 9?"), from one forward and one backward pass."""
    image = drawing_image(image)
    trace = Trace(network, image)
    probabilities = trace.probabilities[0]
    answer, runner_up = (int(d) for d in np.argsort(-probabilities, kind="stable")[:2])
    gradients = trace.gradient(_one_hot([answer, runner_up], np.float32))  # both maps in one pass
    return WhereItLooked(
        image=image,
        probabilities=probabilities,
        answer=_heat_map(image, trace, answer, gradients[0]),
        runner_up=_heat_map(image, trace, runner_up, gradients[1]),
    )


def _heat_map(image: np.ndarray, trace: Trace, digit: int, gradient: np.ndarray) -> HeatMap:
    values = (gradient * image).astype(np.float32)
    return HeatMap(
        digit=digit,
        values=values,
        probability=float(trace.probabilities[0, digit]),
        evidence_for=_in_words("for", digit, np.clip(values, 0, None), image),
        evidence_against=_in_words("against", digit, np.clip(-values, 0, None), image),
    )


def strongest_region(evidence: np.ndarray, image: np.ndarray) -> tuple[str, float]:
    """Where non-negative `evidence` mostly is, relative to the ink of `image`: (one of REGIONS, its share 0..1).

    The ink's bounding box (pixels above INKED) is cut in thirds each way; the top three cells are "top", the
    bottom three "bottom", and the middle row's cells "left", "middle" and "right". Relative to the ink, not the
    square, because the ink is what a student points at ("the top stroke").
    """
    total = float(evidence.sum())
    if total <= NOISE:
        return "none", 0.0
    inked = image > INKED
    rows, columns = np.flatnonzero(inked.any(axis=1)), np.flatnonzero(inked.any(axis=0))
    row_band = _thirds(np.arange(IMAGE_SHAPE[0]), rows[0], rows[-1])
    column_band = _thirds(np.arange(IMAGE_SHAPE[1]), columns[0], columns[-1])
    cells = np.zeros((3, 3))
    np.add.at(cells, (row_band[:, None], column_band[None, :]), evidence)
    shares = {
        "top": cells[0].sum(),
        "bottom": cells[2].sum(),
        "left": cells[1, 0],
        "middle": cells[1, 1],
        "right": cells[1, 2],
    }
    region = max(shares, key=shares.get)
    share = float(shares[region] / total)
    return (region, share) if share >= SPREAD_BELOW else ("spread", share)


def _thirds(positions: np.ndarray, first: int, last: int) -> np.ndarray:
    """0, 1 or 2: which third of first..last each position falls in (positions outside count as the nearest)."""
    length = last - first + 1
    return np.clip(((positions - first) * 3) // length, 0, 2)


def _in_words(side: str, digit: int, evidence: np.ndarray, image: np.ndarray) -> Said:
    region, share = strongest_region(evidence, image)
    return Said(f"explain.{side}.{region}", {"digit": digit, "share": round(100 * share)})


def occlusion_map(
    network: Network,
    image: np.ndarray | Prepared | Reading,
    digit: int,
    patch: int = OCCLUSION_PATCH,
    stride: int = OCCLUSION_STRIDE,
) -> np.ndarray:
    """For comparison with gradient x input: how much the digit's logit falls when a patch x patch square is
    blanked, averaged over the squares covering each pixel, (28, 28) float32 (> 0 where the ink speaks for it).

    Squares without ink change nothing and are not run. One batched forward pass of up to 169 images.
    """
    digit = _checked_digit(digit)
    image = drawing_image(image)
    base = Trace(network, image).logits[0, digit]
    corners = [
        (top, left)
        for top in range(0, IMAGE_SHAPE[0] - patch + 1, stride)
        for left in range(0, IMAGE_SHAPE[1] - patch + 1, stride)
        if image[top : top + patch, left : left + patch].any()
    ]
    blanked = np.repeat(image[None], len(corners), axis=0)
    for index, (top, left) in enumerate(corners):
        blanked[index, top : top + patch, left : left + patch] = 0
    drops = base - Trace(network, blanked).logits[:, digit]
    total, count = np.zeros(IMAGE_SHAPE), np.zeros(IMAGE_SHAPE)
    for (top, left), drop in zip(corners, drops, strict=True):
        total[top : top + patch, left : left + patch] += drop
        count[top : top + patch, left : left + patch] += 1
    return (total / np.maximum(count, 1)).astype(np.float32)


# Fool it


def fool(
    network: Network,
    image: np.ndarray | Prepared | Reading,
    target: int,
    step: float = FOOL_STEP,
    max_change: float = FOOL_MAX_CHANGE,
    max_steps: int = FOOL_MAX_STEPS,
    seconds: float = FOOL_SECONDS,
) -> Fooled:
    """Change the drawing in small signed gradient steps (iterated FGSM) until the network reads `target`.

    Each step lowers the target's cross-entropy: every pixel moves by `step` against the sign of its gradient,
    then the image is clipped to 0..1 and to at most `max_change` from the drawing at any pixel. Stops when the
    network reads the target, or gives up after `max_steps` steps or `seconds` of work (Fooled.succeeded False,
    and the message says so). Raises Refusal for a blank, too small or too full drawing; ValueError for a target
    that is not a class.
    """
    target = _checked_digit(target)
    original = drawing_image(image)
    started = time.perf_counter()
    low, high = np.clip(original - max_change, 0, 1), np.clip(original + max_change, 0, 1)
    seed = np.zeros((1, NUM_CLASSES), dtype=np.float32)
    changed = original.copy()
    steps = 0
    while True:
        trace = Trace(network, changed)
        probabilities = trace.probabilities[0]
        # Success is the network's own reading (network.py's forward pass, as the page reads it), not this trace's.
        if np.argmax(probabilities) == target and network.probabilities(changed[None])[0].argmax() == target:
            break
        if steps >= max_steps or time.perf_counter() - started >= seconds:
            break
        # d(cross-entropy of target)/d logits = probabilities - one_hot(target): pushes the target up, the rest down.
        seed[0] = probabilities
        seed[0, target] -= 1
        gradient = trace.gradient(seed)[0]
        changed = np.clip(changed - step * np.sign(gradient), low, high).astype(np.float32)
        steps += 1
    final = network.probabilities(changed[None])[0]
    succeeded = int(np.argmax(final)) == target
    change = changed - original
    moved = np.abs(change) >= VISIBLE * 0.999  # float rounding of a one-grey-level step
    result = {
        "changed_pixels": int(moved.sum()),
        "max_change": float(np.abs(change).max()),
        "mean_change": float(np.abs(change)[moved].mean()) if moved.any() else 0.0,
    }
    if succeeded and steps == 0:
        message = Said("explain.fool.already", {"target": target})
    elif succeeded:
        message = Said(
            "explain.fool.done",
            {
                "target": target,
                "pixels": result["changed_pixels"],
                "largest": round(255 * result["max_change"]),
                "mean": round(255 * result["mean_change"]),
            },
        )
    else:
        message = Said("explain.fool.gave_up", {"target": target, "steps": steps, "reading": int(np.argmax(final))})
    return Fooled(
        original=original,
        image=changed,
        change=change.astype(np.float32),
        target=target,
        succeeded=succeeded,
        reading=Reading(Prepared(DrawingStatus.OK, changed), final),
        steps=steps,
        seconds=time.perf_counter() - started,
        message=message,
        **result,
    )


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
