"""A test image read instead of a drawing, for a student who cannot draw (issue #33): which image, and its reading.

The Draw page reads the picked MNIST test image exactly as it reads a drawing and gets the same Reading, so every
view a drawing gets (the answer, the probabilities, what the model sees, the inside of the network, the
explanations) shows it, and it can be given to the class set like a drawing. A test image is already in MNIST's
form (cropped, scaled to 20 px, padded to 28x28 and centred when MNIST was made): it skips the canvas's
preparation, so its Prepared has the image and no steps.

While a test image is picked and the canvas is empty, the page reads the test image; ink on the canvas wins
(`drew_something`). Given to the class set, its strokes are the marker {"test_image": index}: JSON like the
canvas's, it says where the image came from, and nothing replays it as a drawing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from mnist_core.data.pixels import scale_images
from mnist_core.model.keras_model import IMAGE_SHAPE, NUM_CLASSES
from mnist_core.reading.preprocess import DrawingStatus, Prepared

if TYPE_CHECKING:
    from mnist_core.reading.predict import Predictor, Reading

TEST_IMAGE_COUNT = 10_000  # MNIST's test set (datasets.py checks its files' hashes, so it is always this size)
MARKER = "test_image"  # the strokes' one key for a given test image


def pick_index(
    labels: np.ndarray, number: int | None = None, digit: int | None = None, rng: np.random.Generator | None = None
) -> int:
    """The test image to read: the one with this `number`, or a random one labelled `digit` (give exactly one).

    `labels`: the test set's labels (its length is how many images there are); `rng`: a numpy Generator (a fresh
    one by default, so each press gives another image). ValueError for a number or digit out of range.
    """
    if (number is None) == (digit is None):
        raise ValueError("Pick a test image by its number or by a digit, not both and not neither.")
    labels = np.asarray(labels)
    if number is not None:
        if isinstance(number, bool) or not isinstance(number, int | np.integer) or not 0 <= number < len(labels):
            raise ValueError(f"A test image number is 0 to {len(labels) - 1:,}, not {number!r}.")
        return int(number)
    if isinstance(digit, bool) or not isinstance(digit, int | np.integer) or not 0 <= digit < NUM_CLASSES:
        raise ValueError(f"A digit is 0 to {NUM_CLASSES - 1}, not {digit!r}.")
    candidates = np.flatnonzero(labels == digit)
    if not len(candidates):
        raise ValueError(f"The test set has no image of a {digit}.")
    generator = np.random.default_rng() if rng is None else rng
    return int(generator.choice(candidates))


def prepared_test_image(image: np.ndarray) -> Prepared:
    """A test image as the model gets it: MNIST's uint8 pixels scaled to 0..1, with no preparation steps."""
    pixels = np.asarray(image)
    if pixels.shape != IMAGE_SHAPE:
        raise ValueError(f"A test image is {IMAGE_SHAPE[0]}x{IMAGE_SHAPE[1]} pixels, not {pixels.shape}.")
    scaled = scale_images(pixels) if pixels.dtype == np.uint8 else pixels.astype(np.float32)
    return Prepared(DrawingStatus.OK, np.ascontiguousarray(scaled))


def read_test_image(predictor: Predictor, images: np.ndarray, index: int, inside: bool = False) -> Reading:
    """The model's reading of test image `index`: the same Reading a drawing gets (`inside` as for a drawing)."""
    if not 0 <= index < len(images):
        raise ValueError(f"A test image number is 0 to {len(images) - 1:,}, not {index!r}.")
    return predictor.read_prepared(prepared_test_image(images[index]), inside=inside)


def drew_something(reading: Reading | None) -> bool:
    """Whether the canvas holds ink (even too little or too much to read): then the drawing is read, not a picked
    test image, since the student has started to draw."""
    return reading is not None and reading.prepared.status != DrawingStatus.BLANK


def strokes_marker(index: int) -> dict[str, int]:
    """What a given test image keeps as its strokes: where it came from, {"test_image": index}."""
    return {MARKER: int(index)}
