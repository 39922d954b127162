"""The numbers a person may choose, and the drawing canvas: one table for the whole project.

The command line, the Train page, `TrainingSettings.validate`, the teacher's caps, the canvas and the
handwriting benchmark all read these, so a limit changes here and nowhere else.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Limit:
    """A whole number a person chooses: its name in messages, its range and its default."""

    label: str
    low: int
    high: int
    default: int | None = None

    def check(self, value: object) -> int:
        """The value when it is a whole number in range; ValueError with a message a person can act on."""
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValueError(f"{self.label} must be a whole number, not {value!r}.")
        if not self.low <= value <= self.high:
            raise ValueError(f"{self.label} must be between {self.low} and {self.high}, not {value}.")
        return value


# Training settings. Defaults are the tutorial's.
EPOCHS = Limit("Epochs", 1, 1000, default=10)
BATCH_SIZE = Limit("Batch size", 1, 60_000, default=100)
HIDDEN_UNITS = Limit("Hidden units", 1, 10_000, default=1000)  # the tutorial's Dense(1000, relu)
TRAIN_IMAGES = Limit("Training images", 1, 60_000)  # both data sets have 60,000 training images; default: all

# The Train page offers at most this many epochs: the tutorial's long run. Beyond it a model only overfits,
# while one training holds the server's training slot for hours (the command line still allows EPOCHS.high).
PAGE_EPOCHS_HIGH = 200

# The drawing canvas: 10 x 28 px, so a 20 px brush makes about a 2 px MNIST stroke. The canvas may be shown
# smaller on a narrow screen, but the drawing always arrives at this size, so it is read the same everywhere.
CANVAS_SIZE = 280
STROKE_WIDTH = 20
