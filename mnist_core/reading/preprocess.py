"""Prepare a drawing from the browser canvas the way the MNIST digits were prepared.

MNIST's authors cropped each digit to its ink, scaled it so its longest side is 20 px (keeping the
aspect ratio and anti-aliasing, hence grey levels), put it in a 28x28 field and moved it so that its
centre of mass sits at the centre. A model trained on MNIST reads a drawing much better when the
drawing goes through the same steps than when the whole canvas is simply shrunk to 28x28.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

import numpy as np
from PIL import Image

SIZE = 28  # MNIST images are 28x28 ...
BOX = 20  # ... with the digit scaled so that its longest side is 20 px.
CENTRE = 14.0  # where the centre of mass is moved to (row and column)

# A pixel counts as inked above this intensity; anti-aliased fringes below it are ignored.
INKED = 0.25
# "blank": less ink in total than 0.1% of the canvas. A 20 px brush tap on a 280x280 canvas
# leaves about 0.4%, so only stray specks count as blank; a tap is "too_small" instead.
BLANK_INK_FRACTION = 0.001
# "too_small": the inked box's longest side spans less than 15% of the canvas's shorter side
# (42 px on 280x280). A tap with a 20 px brush is 20 px; a thin "1" is tall, so it stays "ok".
MIN_DIGIT_FRACTION = 0.15
# "too_full": more than half of the canvas inked. Digits are strokes on a dark ground: a large
# "0" touching every edge of the canvas covers about a fifth of it.
MAX_INK_FRACTION = 0.5

# ITU-R BT.601 luma weights, the usual grey conversion (Pillow's "L" mode uses them too).
LUMA = np.array([0.299, 0.587, 0.114], dtype=np.float32)


class DrawingStatus(StrEnum):
    """Whether a drawing can be read, and if not, why."""

    OK = "ok"
    BLANK = "blank"  # (almost) nothing drawn
    TOO_SMALL = "too_small"  # a dot or a scribble too small to be a digit
    TOO_FULL = "too_full"  # the canvas is mostly ink


@dataclass(frozen=True)
class Prepared:
    """The result of `canvas_to_mnist`: a status, the 28x28 image when ok, and the steps on the way."""

    status: DrawingStatus
    image: np.ndarray | None  # (28, 28) float32 in 0..1 when ok, else None
    steps: dict[str, np.ndarray] = field(default_factory=dict)  # "ink", "cropped", "scaled", ...

    @property
    def ok(self) -> bool:
        return self.status == DrawingStatus.OK


def ink_from_canvas(rgba: np.ndarray) -> np.ndarray:
    """Ink intensity (H, W) float32 in 0..1 of an (H, W, 4) RGBA, (H, W, 3) RGB or (H, W) grey image.

    White ink on a black background (as MNIST and the Draw page have it) reads as its luminance times its
    opacity. On a transparent background any opaque stroke is ink, whatever its colour (the canvas
    widget's default is black ink on transparent). A light background is not inverted: a canvas
    covered in white ink must read as "too_full", not as an empty sheet of paper.
    """
    pixels = _checked(rgba)
    if pixels.ndim == 2:
        luminance = pixels / 255.0
        alpha = np.ones_like(luminance)
    else:
        luminance = pixels[..., :3] @ LUMA / 255.0
        alpha = pixels[..., 3] / 255.0 if pixels.shape[2] == 4 else np.ones_like(luminance)

    # On a transparent background opacity alone says where the ink is.
    transparent_background = np.median(_border(alpha)) < 0.5
    ink = alpha if transparent_background else luminance * alpha
    return np.clip(ink, 0.0, 1.0).astype(np.float32)


def canvas_to_mnist(rgba: np.ndarray) -> Prepared:
    """Crop to the ink, scale the longest side to 20 px, pad to 28x28 and centre the mass."""
    ink = ink_from_canvas(rgba)
    steps = {"ink": ink}
    height, width = ink.shape
    inked = ink > INKED

    if ink.sum() < BLANK_INK_FRACTION * ink.size or not inked.any():
        return Prepared(DrawingStatus.BLANK, None, steps)
    if inked.mean() > MAX_INK_FRACTION:
        return Prepared(DrawingStatus.TOO_FULL, None, steps)

    rows = np.flatnonzero(inked.any(axis=1))
    cols = np.flatnonzero(inked.any(axis=0))
    cropped = ink[rows[0] : rows[-1] + 1, cols[0] : cols[-1] + 1]
    steps["cropped"] = cropped
    if max(cropped.shape) < MIN_DIGIT_FRACTION * min(height, width):
        return Prepared(DrawingStatus.TOO_SMALL, None, steps)

    scaled = _scale_longest_side(cropped, BOX)
    steps["scaled"] = scaled

    padded = np.zeros((SIZE, SIZE), dtype=np.float32)
    top = (SIZE - scaled.shape[0]) // 2
    left = (SIZE - scaled.shape[1]) // 2
    padded[top : top + scaled.shape[0], left : left + scaled.shape[1]] = scaled
    steps["padded"] = padded

    centred = _centre_mass(padded)
    steps["centred"] = centred
    return Prepared(DrawingStatus.OK, centred, steps)


def _checked(image: np.ndarray) -> np.ndarray:
    """The image as float32 after checking its shape, type and range; ValueError if it is not an image."""
    if not isinstance(image, np.ndarray):
        raise ValueError(f"expected a numpy array, got {type(image).__name__}")
    if image.ndim not in (2, 3) or (image.ndim == 3 and image.shape[2] not in (3, 4)):
        raise ValueError(f"expected an (H, W), (H, W, 3) or (H, W, 4) image, got shape {image.shape}")
    if image.shape[0] == 0 or image.shape[1] == 0:
        raise ValueError(f"the image is empty (shape {image.shape})")
    if image.dtype == np.uint8:
        return image.astype(np.float32)
    if not (np.issubdtype(image.dtype, np.integer) or np.issubdtype(image.dtype, np.floating)):
        raise ValueError(f"expected uint8 pixel values, got dtype {image.dtype}")
    # Other number types are accepted only when they hold 0..255 values, as uint8 would.
    if not (np.isfinite(image).all() and image.min() >= 0 and image.max() <= 255):
        raise ValueError(f"pixel values must lie in 0..255, got {image.min()}..{image.max()} ({image.dtype})")
    return image.astype(np.float32)


def _border(channel: np.ndarray) -> np.ndarray:
    """The pixels along the four edges of a 2-D array."""
    return np.concatenate([channel[0], channel[-1], channel[:, 0], channel[:, -1]])


def _scale_longest_side(image: np.ndarray, longest: int) -> np.ndarray:
    """Resize so the longest side is `longest` px, keeping aspect ratio and grey levels."""
    height, width = image.shape
    factor = longest / max(height, width)
    new_width = max(1, round(width * factor))
    new_height = max(1, round(height * factor))
    # BOX on a float ("F") image makes each new pixel the mean of the canvas area it covers: anti-aliased
    # grey edges without LANCZOS's faint halo, closest to MNIST's own stroke statistics (measured).
    resized = Image.fromarray(image).resize((new_width, new_height), Image.Resampling.BOX)
    return np.clip(np.asarray(resized, dtype=np.float32), 0.0, 1.0)


def _centre_mass(image: np.ndarray) -> np.ndarray:
    """Shift by whole pixels so the centre of mass lands on (CENTRE, CENTRE); ink never wraps around."""
    total = image.sum()
    rows, cols = np.indices(image.shape)
    dy = round(CENTRE - (rows * image).sum() / total)
    dx = round(CENTRE - (cols * image).sum() / total)
    # Pad with empty margins wide enough for the shift, then cut the 28x28 window back out.
    margin = max(abs(dy), abs(dx))
    wide = np.pad(image, margin)
    height, width = image.shape
    return wide[margin - dy : margin - dy + height, margin - dx : margin - dx + width].copy()
