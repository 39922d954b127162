"""How well a model reads real people's handwriting, not just MNIST's test set.

Pen strokes recorded on tablets are drawn onto a canvas exactly as big, and with a brush exactly as wide,
as the Draw page's, then prepared and read the same way the page does it.
"""

from __future__ import annotations

from dataclasses import dataclass

from mnist_core.data.pen_digits import PEN_CANVAS, PenDigit, render_strokes
from mnist_core.limits import CANVAS_SIZE, STROKE_WIDTH
from mnist_core.reading.predict import Predictor


@dataclass(frozen=True)
class HandwritingScore:
    total: int
    correct: int
    misses: list[tuple[str, int, int | None]]  # (sample id, true label, what the model read; None if unreadable)

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0


def read_pen_digits(
    predictor: Predictor,
    digits: list[PenDigit],
    canvas_size: int = CANVAS_SIZE,
    stroke_width: float = STROKE_WIDTH,
) -> HandwritingScore:
    """Draw every digit on a fresh canvas, read it, and count the right answers."""
    misses = []
    for digit in digits:
        scale = canvas_size / PEN_CANVAS
        canvas = render_strokes(digit.strokes, size=canvas_size, stroke_width=stroke_width, scale=scale)
        answer = predictor.read_canvas(canvas).predicted_label
        if answer != digit.label:
            misses.append((digit.id, digit.label, answer))
    return HandwritingScore(total=len(digits), correct=len(digits) - len(misses), misses=misses)
