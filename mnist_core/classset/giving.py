"""A session's give buttons: what tells one drawing from the next, and when a press would give the same drawing
twice (it would count twice in the class set, and in its accuracy).

The session keeps a LastGive between presses; the page asks it before giving and replaces it after.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from mnist_core.reading.predict import Reading


def fingerprint(reading: Reading | None) -> str | None:
    """What tells this drawing from the next: a hash of the 28x28 image the model read (None when nothing readable
    was drawn). Two strokes that end in the same image are the same drawing to the class set."""
    if reading is None or reading.probabilities is None or reading.prepared.image is None:
        return None
    return hashlib.sha256(np.ascontiguousarray(reading.prepared.image).tobytes()).hexdigest()


@dataclass(frozen=True)
class LastGive:
    """How a session's last press of a give button went.

    `drawing`: the fingerprint of the drawing last given (a refusal after it keeps it); `given`: whether that last
    press gave a drawing.
    """

    drawing: str | None = None
    given: bool = False

    def would_repeat(self, drawing: str | None) -> bool:
        """Whether giving `drawing` now repeats a give: it is the drawing last given, however many presses were
        refused since (each refusal keeps it)."""
        return drawing is not None and self.drawing == drawing

    def after(self, drawing: str | None, given: bool) -> LastGive:
        """The memory after a press: the new drawing when it was given, else still the one given before."""
        return LastGive(drawing if given else self.drawing, given)
