"""How well a model reads the test set: probabilities, predictions, mistakes and the confusion matrix; and where
two models disagree.

The tutorial takes `np.argmax(probabilities, axis=1)` for each image's prediction, collects the indices
where it differs from the label, and draws 20 of them. `random.choices` drew with replacement, so the
same image could show twice; `sample_indices` never repeats one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from mnist_core.model.keras_model import NUM_CLASSES
from mnist_core.model.network import Network, network_of

if TYPE_CHECKING:
    import keras

GALLERY_SIZE = 20  # the tutorial draws 20 misclassified images


@dataclass(frozen=True)
class Evaluation:
    """A model's answers for a set of labelled images."""

    probabilities: np.ndarray  # (n, 10) float32: the softmax output
    predicted_labels: np.ndarray  # (n,) argmax over axis 1
    true_labels: np.ndarray  # (n,)
    misclassified_indices: np.ndarray  # indices where prediction != label, ascending
    confusion: np.ndarray  # (10, 10): rows are true classes, columns predicted classes

    @property
    def total(self) -> int:
        return len(self.true_labels)

    @property
    def wrong_count(self) -> int:
        return len(self.misclassified_indices)

    @property
    def accuracy(self) -> float:
        return 1.0 - self.wrong_count / self.total if self.total else 0.0

    def confidence(self, index: int) -> float:
        """How sure the model was of its own answer for one image."""
        return float(self.probabilities[index, self.predicted_labels[index]])

    def mistakes(self, true_class: int | None = None, predicted_class: int | None = None) -> np.ndarray:
        """Misclassified indices, optionally only those of one true class and/or one predicted class."""
        indices = self.misclassified_indices
        if true_class is not None:
            indices = indices[self.true_labels[indices] == true_class]
        if predicted_class is not None:
            indices = indices[self.predicted_labels[indices] == predicted_class]
        return indices


def evaluate(model: Network | keras.Model, images: np.ndarray, labels: np.ndarray) -> Evaluation:
    """Run the model over labelled images (uint8 0..255 or float 0..1) once and collect everything the pages show."""
    return evaluation_from_probabilities(network_of(model).probabilities(images), labels)


def disagreements(evaluation_a: Evaluation, evaluation_b: Evaluation) -> tuple[np.ndarray, np.ndarray]:
    """The images two runs read differently: (indices A gets right and B wrong, indices B gets right and A
    wrong), each ascending. Both must be readings of the same images, in the same order (e.g. the test set)."""
    if not np.array_equal(evaluation_a.true_labels, evaluation_b.true_labels):
        raise ValueError("The two readings are of different images: compare runs on the same test set.")
    right_a = evaluation_a.predicted_labels == evaluation_a.true_labels
    right_b = evaluation_b.predicted_labels == evaluation_b.true_labels
    return np.flatnonzero(right_a & ~right_b), np.flatnonzero(right_b & ~right_a)


def evaluation_from_probabilities(probabilities: np.ndarray, labels: np.ndarray) -> Evaluation:
    predicted = np.argmax(probabilities, axis=1)
    labels = np.asarray(labels).astype(np.int64)
    return Evaluation(
        probabilities=probabilities,
        predicted_labels=predicted,
        true_labels=labels,
        misclassified_indices=misclassified_indices(labels, predicted),
        confusion=confusion_matrix(labels, predicted),
    )


def misclassified_indices(true_labels: np.ndarray, predicted_labels: np.ndarray) -> np.ndarray:
    return np.flatnonzero(np.asarray(true_labels) != np.asarray(predicted_labels))


def confusion_matrix(
    true_labels: np.ndarray, predicted_labels: np.ndarray, num_classes: int = NUM_CLASSES
) -> np.ndarray:
    """counts[t, p] = how many images of true class t were read as class p."""
    counts = np.zeros((num_classes, num_classes), dtype=np.int64)
    np.add.at(counts, (np.asarray(true_labels), np.asarray(predicted_labels)), 1)
    return counts


def sample_indices(indices: np.ndarray, k: int, seed: int | None = None) -> np.ndarray:
    """Up to k of `indices` at random, without repeats (all of them, shuffled, when there are fewer)."""
    rng = np.random.default_rng(seed)
    return rng.choice(np.asarray(indices), size=min(k, len(indices)), replace=False)


def cell_filters(true_class: int, predicted_class: int) -> tuple[int, int | None]:
    """The gallery's filters (true class, predicted class or None for any) for a chosen confusion-matrix cell.

    The gallery shows mistakes. An off-diagonal cell is one kind of mistake; a diagonal cell holds the class's
    right answers, which the gallery never shows, so it stands for that class's mistakes, read as anything.
    """
    return true_class, (predicted_class if predicted_class != true_class else None)


def gallery_indices(
    evaluation: Evaluation,
    true_class: int | None = None,
    predicted_class: int | None = None,
    seed: int | None = None,
    size: int = GALLERY_SIZE,
) -> tuple[np.ndarray, int]:
    """Up to `size` random mistakes matching the filters, never the same image twice, and how many match."""
    matching = evaluation.mistakes(true_class, predicted_class)
    return sample_indices(matching, size, seed), len(matching)
