"""Real handwriting as pen strokes, and a renderer that draws them like the browser canvas does.

The strokes come from UNIPEN (see samples/README.md): digits written by real people on pen
tablets, stored as paths on a 280x280 canvas. Replaying them gives benchmarks and tests real
handwriting without a browser.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw

from mnist_core.limits import CANVAS_SIZE, STROKE_WIDTH

PEN_CANVAS = 280  # the pen digits file's coordinates are pixels of a 280x280 canvas, whatever the app's canvas
SUPERSAMPLE = 4  # draw this many times larger, then average down: anti-aliased edges


@dataclass(frozen=True)
class PenDigit:
    """One handwritten digit: its label, who wrote it, and its strokes as (x, y) canvas points."""

    label: int
    writer: str
    id: str
    strokes: list[list[tuple[float, float]]]


def load_pen_digits(path: Path) -> list[PenDigit]:
    """Read a JSON list of {"label", "writer", "id", "strokes"} records."""
    records = json.loads(Path(path).read_text(encoding="utf-8"))
    digits = []
    for record in records:
        label = int(record["label"])
        if not 0 <= label <= 9:
            raise ValueError(f"{record['id']}: label {label} is not a digit")
        strokes = [[(float(x), float(y)) for x, y in stroke] for stroke in record["strokes"]]
        digits.append(PenDigit(label, str(record["writer"]), str(record["id"]), strokes))
    return digits


def pick_per_label(digits: list[PenDigit], per_label: int) -> list[PenDigit]:
    """The first `per_label` digits of each label, labels in order 0..9 (fewer where fewer exist)."""
    if per_label < 0:
        raise ValueError(f"per_label must be 0 or more, got {per_label}")
    picked = []
    for label in range(10):
        picked.extend([digit for digit in digits if digit.label == label][:per_label])
    return picked


def render_strokes(
    strokes: Sequence[Sequence[tuple[float, float]]],
    size: int = CANVAS_SIZE,
    stroke_width: float = STROKE_WIDTH,
    scale: float = 1.0,
) -> np.ndarray:
    """Draw strokes as white, round-capped, round-joined, anti-aliased lines on opaque black.

    Returns a (size, size, 4) uint8 RGBA array like the canvas widget's `image_data`. `scale`
    multiplies the coordinates (e.g. 400 / 280 for a 400x400 canvas); `stroke_width` is in output
    pixels, as the canvas brush is. A stroke of one point is a round dot as wide as the brush.
    """
    big = size * SUPERSAMPLE
    radius = stroke_width * SUPERSAMPLE / 2
    image = Image.new("L", (big, big), 0)
    draw = ImageDraw.Draw(image)
    for stroke in strokes:
        # Canvas point (x, y) is a position; the centre of supersampled pixel k sits at (k + 0.5) / 4.
        points = [(x * scale * SUPERSAMPLE - 0.5, y * scale * SUPERSAMPLE - 0.5) for x, y in stroke]
        if len(points) > 1:
            draw.line(points, fill=255, width=max(1, round(2 * radius)))
        # A disc at every point gives the round caps and round joins (and the dot of a one-point stroke).
        for x, y in points:
            draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=255)
    grey = np.asarray(image.reduce(SUPERSAMPLE), dtype=np.uint8)
    rgba = np.empty((size, size, 4), dtype=np.uint8)
    rgba[..., :3] = grey[..., None]
    rgba[..., 3] = 255
    return rgba
