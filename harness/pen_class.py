"""A class made of real handwriting: the project's UNIPEN pen digits, each writer a student.

Each digit is drawn on a canvas like the browser's and read as the Draw page reads it, then given to the class set
with the digit it is, so tests and benchmarks fill a class drawings file the way a class would.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

from mnist_core.classroom.students import NAME_LENGTH
from mnist_core.classset.drawings import ClassDrawings
from mnist_core.data.pen_digits import PenDigit, render_strokes
from mnist_core.reading.predict import Predictor, Reading


@dataclass(frozen=True)
class PenGift:
    """One pen digit as a student gives it: who, the digit meant, the reading, the strokes as canvas JSON."""

    student: str
    label: int
    reading: Reading
    strokes: str


def student_name(writer: str) -> str:
    """A name the app accepts for a UNIPEN writer: "unipen-aga/AnnZchrl" -> "aga AnnZchrl", "ced/KNKE4574.A" ->
    "ced KNKE4574-A"."""
    return writer.removeprefix("unipen-").replace("/", " ").replace(".", "-")[:NAME_LENGTH]


def canvas_json(strokes: Sequence[Sequence[tuple[float, float]]]) -> str:
    """Strokes as the canvas widget's JSON keeps them: one path object per stroke."""
    paths = [
        {"type": "path", "path": [["M" if index == 0 else "L", round(x, 1), round(y, 1)] for index, (x, y) in
                                  enumerate(stroke)]}
        for stroke in strokes
    ]  # fmt: skip
    return json.dumps({"objects": paths})


def pen_gifts(digits: Sequence[PenDigit], predictor: Predictor) -> list[PenGift]:
    """Every pen digit read by the model; those it cannot read (blank, too small) are left out, as the page would."""
    gifts = []
    for digit in digits:
        reading = predictor.read_canvas(render_strokes(digit.strokes))
        if reading.probabilities is not None:
            gifts.append(PenGift(student_name(digit.writer), digit.label, reading, canvas_json(digit.strokes)))
    return gifts


def give_all(store: ClassDrawings, gifts: Sequence[PenGift], run_id: str) -> list[int]:
    """Give every drawing to the class set; their ids."""
    return [store.give(gift.student, gift.label, gift.reading, gift.strokes, run_id) for gift in gifts]
