"""Why did it answer that: where the network looked (issue #32).

Gradient x input. Each pixel's value is (d score / d pixel) x pixel: how much that pixel's ink adds to the score, to
first order, against a blank pixel. Positive where the ink speaks for the digit, negative where it speaks against;
zero where there is no ink. Both maps (the answer's and the runner-up's) cost one forward and one backward pass
(gradient.py): 0.9 ms for the dense network, 1.7 ms for the CNN (bench/explain_cost.py). Occlusion (blank a 4x4
patch at a time, watch the score fall) is here for comparison: up to 169 forward passes, 2.2 ms and 59 ms for one
map, and blurrier. The sign test (blank the 10 pixels a map marks most important and see how far the answer's
probability falls, mean of 100 test images) favours gradient x input too: dense network 0.26 against occlusion's
0.18, CNN 0.14 against 0.11, 10 random ink pixels 0.008-0.009. So the page uses gradient x input: better on the
test, and cheap enough to redraw at every stroke.

Words for people come back as a catalog key and its values (Said), so each reader gets them in their own
language: mnist_core/locales. Fooling the network is fooling.py; it shares Said and drawing_image from here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from mnist_core.errors import Refusal
from mnist_core.i18n import t
from mnist_core.model.keras_model import IMAGE_SHAPE
from mnist_core.model.network import Network
from mnist_core.reading.gradient import Trace, checked_digit, one_hot
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
# Every catalog key this module gives out (in Said, built from the region, not t("...")); fooling.py's are
# fooling.MESSAGE_KEYS.
MESSAGE_KEYS: tuple[str, ...] = tuple(f"explain.{side}.{region}" for side in ("for", "against") for region in REGIONS)
# Less evidence than this in total (in logit units) is none at all: float rounding, not a region's.
NOISE = 1e-6

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


# Where it looked


def where_it_looked(network: Network, image: np.ndarray | Prepared | Reading, digit: int) -> HeatMap:
    """Gradient x input for one digit's score, and where its strongest evidence for and against lies, in words.

    Raises Refusal for a blank, too small or too full drawing (drawing_image).
    """
    digit = checked_digit(digit)
    image = drawing_image(image)
    trace = Trace(network, image)
    return _heat_map(image, trace, digit, trace.gradient(one_hot([digit], np.float32))[0])


def why_this_and_not_that(network: Network, image: np.ndarray | Prepared | Reading) -> WhereItLooked:
    """The answer's map and the runner-up's ("why not a 9?"), from one forward and one backward pass."""
    image = drawing_image(image)
    trace = Trace(network, image)
    probabilities = trace.probabilities[0]
    answer, runner_up = (int(d) for d in np.argsort(-probabilities, kind="stable")[:2])
    gradients = trace.gradient(one_hot([answer, runner_up], np.float32))  # both maps in one pass
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


# Occlusion, for comparison only


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
    digit = checked_digit(digit)
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
