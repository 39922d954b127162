"""The Class page's numbers, and what a fine-tuning on the class changed: plain data and text, no Streamlit.

- ClassReadings: the class model's readings of the class set (its approved drawings), kept up to date. A refresh
  asks the file for its revision; nothing changed costs that one query, a new drawing costs reading that drawing.
- ClassReport: counts per digit, the class model's accuracy on the class's drawings, the confusion matrix and the
  drawings in each cell, and the "fooled the model" board (read wrong, most confidently).
- BeforeAfter: a fine-tuned run against its parent, on the held-out students' drawings and on MNIST's test set.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from mnist_core.classset.class_set import ClassSet
from mnist_core.classset.drawings import ClassDrawings
from mnist_core.i18n import t
from mnist_core.model.network import Network, network_of
from mnist_core.text.formats import percent
from mnist_core.training.evaluation import Evaluation, evaluation_from_probabilities

if TYPE_CHECKING:
    import keras

    from mnist_core.classset.split import ClassSplit

FOOLED_SIZE = 12  # drawings on the "fooled the model" board
CHANCE_DRAWINGS = 2  # held-out drawings read differently by this many or fewer: "hardly changed", that is chance
FORGETTING_POINTS = 0.5  # an MNIST test accuracy that fell more than this many points shows forgetting


@dataclass(frozen=True, eq=False)  # eq=False: arrays have no truth value
class ClassReport:
    """One model's answers on the class set."""

    drawings: ClassSet
    evaluation: Evaluation  # the model's answers now (the readings stored are those of the run each was drawn with)

    @property
    def counts(self) -> np.ndarray:
        """How many drawings of each digit, (10,)."""
        return np.bincount(self.drawings.labels, minlength=10)

    @property
    def accuracy(self) -> float | None:
        """The share the model reads as the digit meant; None with no drawings yet."""
        return self.evaluation.accuracy if len(self.drawings) else None

    def in_cell(self, true_class: int, predicted_class: int) -> np.ndarray:
        """Positions of the drawings of `true_class` read as `predicted_class`, newest first."""
        evaluation = self.evaluation
        matches = (evaluation.true_labels == true_class) & (evaluation.predicted_labels == predicted_class)
        return np.flatnonzero(matches)[::-1]

    def fooled(self, size: int = FOOLED_SIZE) -> np.ndarray:
        """Positions of the drawings read wrong, the most confident mistakes first (newest first on a tie)."""
        wrong = self.evaluation.misclassified_indices[::-1]
        confidence = self.evaluation.probabilities[wrong, self.evaluation.predicted_labels[wrong]]
        return wrong[np.argsort(-confidence, kind="stable")][:size]

    def confidence(self, position: int) -> float:
        return self.evaluation.confidence(position)


def report_of(drawings: ClassSet, probabilities: np.ndarray) -> ClassReport:
    return ClassReport(drawings, evaluation_from_probabilities(probabilities, drawings.labels))


class ClassReadings:
    """One model's readings of one class drawings file, brought up to date on each call. Thread-safe."""

    def __init__(self, store: ClassDrawings, model: Network | keras.Model) -> None:
        self.store = store
        self.network = network_of(model)
        self._lock = threading.Lock()
        self._report = report_of(ClassSet.empty(), np.zeros((0, 10), dtype=np.float32))
        self._revision = (0, 0, 0)  # the file's revision (ClassDrawings.revision) when _report was made

    def report(self) -> ClassReport:
        """The report on every approved drawing now in the file (raises ClassSetError when it cannot be read)."""
        with self._lock:
            revision = self.store.revision()
            if revision != self._revision:
                self._catch_up()
                # Read before catching up: if more came or went meanwhile, the next call sees a difference.
                self._revision = revision
            return self._report

    def _catch_up(self) -> None:
        """Read the drawings approved since the last look, and drop those deleted since.

        A new drawing has an id above every id read (ids are never used twice); one approved late may be older, so
        reading starts at the oldest approved id not yet read.
        """
        known = self._report.drawings
        approved = self.store.ids()
        unread = np.setdiff1d(approved, known.ids)
        new = self.store.drawings(after=int(unread[0]) - 1) if len(unread) else ClassSet.empty()
        new = new.picked(~np.isin(new.ids, known.ids))
        drawings = known.followed_by(new)
        probabilities = np.concatenate([self._report.evaluation.probabilities, self.network.probabilities(new.images)])
        order = np.argsort(drawings.ids, kind="stable")  # oldest first, a late approval in its place
        kept = order[np.isin(drawings.ids[order], approved)]
        self._report = report_of(drawings.picked(kept), probabilities[kept])


# A fine-tuning on the class: before -> after


@dataclass(frozen=True)
class BeforeAfter:
    """A run fine-tuned on the class against its parent: on the held-out students' drawings, and on MNIST's test."""

    train_drawings: int
    train_students: int
    held_drawings: int
    held_students: int
    held_before: float | None  # None: no student was held out (one student only)
    held_after: float | None
    mnist_before: float
    mnist_after: float


def accuracy_on(model: Network | keras.Model, images: np.ndarray, labels: np.ndarray) -> float | None:
    """The share of the images the model reads as labelled; None with no images."""
    if not len(images):
        return None
    return float(np.mean(np.argmax(network_of(model).probabilities(images), axis=1) == labels))


def before_after(
    split: ClassSplit,
    parent: Network | keras.Model,
    child: Network | keras.Model,
    mnist_before: float,
    mnist_after: float,
) -> BeforeAfter:
    return BeforeAfter(
        train_drawings=len(split.y_train),
        train_students=len(split.train_students),
        held_drawings=len(split.y_held),
        held_students=len(split.held_students),
        held_before=accuracy_on(parent, split.x_held, split.y_held),
        held_after=accuracy_on(child, split.x_held, split.y_held),
        mnist_before=mnist_before,
        mnist_after=mnist_after,
    )


def before_after_lines(result: BeforeAfter) -> list[str]:
    """The figures, then a short lesson on what changed and why, in the current language."""
    lines = [
        t(
            "class.result.trained_on",
            drawings=result.train_drawings,
            students=result.train_students,
        )
    ]
    if result.held_before is None or result.held_after is None:
        lines.append(t("class.result.no_held_out"))
    else:
        lines.append(
            t(
                "class.result.held",
                drawings=result.held_drawings,
                students=result.held_students,
                before=percent(result.held_before, 1),
                after=percent(result.held_after, 1),
            )
        )
    lines.append(t("class.result.mnist", before=percent(result.mnist_before), after=percent(result.mnist_after)))
    lines.append(_held_lesson(result))
    forgot = (result.mnist_before - result.mnist_after) * 100 > FORGETTING_POINTS
    lines.append(t("class.result.forgetting") if forgot else t("class.result.remembered"))
    return lines


def _held_lesson(result: BeforeAfter) -> str:
    if result.held_before is None or result.held_after is None:
        return t("class.result.why_held_out")
    gained = round((result.held_after - result.held_before) * result.held_drawings)  # drawings now read right
    if gained > CHANCE_DRAWINGS:
        return t("class.result.better")
    if gained < -CHANCE_DRAWINGS:
        return t("class.result.worse")
    return t("class.result.same")
