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


@dataclass(frozen=True)
class RealLimit:
    """A real number a person chooses (the learning rate, a share or a rate): its range and its default."""

    label: str
    low: float
    high: float
    default: float

    def check(self, value: object) -> float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ValueError(f"{self.label} must be a number, not {value!r}.")
        if not self.low <= value <= self.high:  # NaN fails this too
            raise ValueError(f"{self.label} must be between {self.low:g} and {self.high:g}, not {value:g}.")
        return float(value)


# Training settings. Defaults are the tutorial's.
EPOCHS = Limit("Epochs", 1, 1000, default=10)
BATCH_SIZE = Limit("Batch size", 1, 60_000, default=100)
HIDDEN_UNITS = Limit("Hidden units", 1, 10_000, default=1000)  # the tutorial's Dense(1000, relu)
TRAIN_IMAGES = Limit("Training images", 1, 60_000)  # both data sets have 60,000 training images; default: all
# The Train page's choice of how many training images (the first N): None is all of them. Few images train fast and
# let a big network learn them by heart, which is the overfitting lesson (issue #31).
TRAIN_IMAGE_CHOICES: tuple[int | None, ...] = (None, 10_000, 5_000, 1_000)
# From 1e-7, where a model visibly crawls, to 10, where it diverges at once: both are lessons.
LEARNING_RATE = RealLimit("Learning rate", 1e-7, 10.0, default=0.001)  # Adam's default, which the tutorial uses
CRAWLING_LEARNING_RATE = 1e-5  # at or below this, the page warns that the model will barely move
# Issue #31, build your own network. Weight decay: the rate of the L2 penalty on every kernel; past about 0.1 a
# network learns little but small weights, and 1 is already a lesson in that.
L2 = RealLimit("Weight decay (L2)", 0.0, 1.0, default=0.0)
# Pixel noise: the spread (standard deviation) of Gaussian noise on 0..1 pixels; at 1 the digits are barely there.
NOISE = RealLimit("Pixel noise", 0.0, 1.0, default=0.0)
# The share of the training images held out as validation data; at least one in ten stays to train on.
VALIDATION_SPLIT = RealLimit("Validation split", 0.0, 0.9, default=0.0)
INIT_SEED = Limit("Initial weights seed", 0, 2**32 - 1)  # numpy's SeedSequence takes any; this fits a JSON int

# The Train page offers at most this many epochs: the tutorial's long run. Beyond it a model only overfits,
# while one training holds the server's training slot for hours (the command line still allows EPOCHS.high).
PAGE_EPOCHS_HIGH = 200

# A student's trainings, until the teacher sets other caps (the teacher's own trainings are not capped).
STUDENT_EPOCHS_CAP = 20
# A student's own network (issue #31): the most parameters (the tutorial's has 795,010; "wide" 1.8 million) and
# layers (the written ones and the output layer; the deep lesson's has 7).
STUDENT_PARAMETERS_CAP = 2_000_000
STUDENT_LAYERS_CAP = 12
PARAMETERS_CAP = Limit("Most parameters", 1, 1_000_000_000)  # what a teacher may set the cap to
LAYERS_CAP = Limit("Most layers", 1, 1000)
# Trainings waiting in the server's line at most; each student has at most one waiting or running.
LINE_LENGTH = 40

# Drawings given to the class set (classset/drawings.py): at most this many per student in this many seconds, so
# one student's clicking cannot flood the class set; and the strokes kept for replay at most this long.
GIFTS_PER_WINDOW = 60
GIFT_WINDOW_SECONDS = 600
GIFT_STROKES_MAX_CHARACTERS = 1_000_000  # a busy drawing's canvas paths are a few tens of kilobytes
CLASS_DRAWING_ID = Limit("Class drawings up to id", 1, 2**63 - 1)  # a fine-tuning's class set: ids up to this

# The drawing canvas: 10 x 28 px, so a 20 px brush makes about a 2 px MNIST stroke. The canvas may be shown
# smaller on a narrow screen, but the drawing always arrives at this size, so it is read the same everywhere.
CANVAS_SIZE = 280
STROKE_WIDTH = 20
