"""The class set split by student, for a fine-tuning: some students' drawings to learn from, the others' to test on.

Split by student, not by drawing: a model tested on drawings by students it learned from would be tested on
handwriting it already knows, and the held-out accuracy would promise more than the model can do for a newcomer.
The split is deterministic: the same students and seed give the same sides, in this process or a training worker.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from mnist_core.classset.class_set import ClassSet

HELD_OUT_SHARE = 0.25  # a quarter of the students test the fine-tuned model


@dataclass(frozen=True, eq=False)  # eq=False: arrays have no truth value
class ClassSplit:
    """The class set's two parts, as uint8 images and labels like MNIST's."""

    x_train: np.ndarray  # (n, 28, 28) uint8
    y_train: np.ndarray  # (n,) uint8
    x_held: np.ndarray
    y_held: np.ndarray
    train_students: frozenset[str]  # students.identity of each student on that side
    held_students: frozenset[str]


def held_out_students(student_keys: Iterable[str], seed: int, share: float = HELD_OUT_SHARE) -> frozenset[str]:
    """Which students are held out: about `share` of them, at least one when there are two or more, never all.

    Students are ordered by a hash of (seed, student), so the sides depend on who is in the class and the seed
    only, not on the order the drawings came in.
    """
    students = sorted(set(student_keys), key=lambda key: hashlib.sha256(f"{seed}:{key}".encode()).hexdigest())
    count = 0 if len(students) < 2 else min(len(students) - 1, max(1, round(len(students) * share)))
    return frozenset(students[:count])


@dataclass(frozen=True)
class SplitSizes:
    """How many drawings and students on each side of a split."""

    train_drawings: int
    train_students: int
    held_drawings: int
    held_students: int


def split_sizes(student_keys: Sequence[str], seed: int) -> SplitSizes:
    """The sizes of the split of drawings by these students (one key per drawing), without their pictures."""
    held = held_out_students(student_keys, seed)
    held_drawings = sum(key in held for key in student_keys)
    return SplitSizes(len(student_keys) - held_drawings, len(set(student_keys)) - len(held), held_drawings, len(held))


def split_by_student(drawings: ClassSet, seed: int) -> ClassSplit:
    """The drawings of held-out students on one side, everybody else's on the other."""
    held = held_out_students(drawings.student_keys, seed)
    is_held = np.array([key in held for key in drawings.student_keys], dtype=bool)
    images, labels = as_uint8(drawings.images), drawings.labels.astype(np.uint8)
    return ClassSplit(
        x_train=images[~is_held],
        y_train=labels[~is_held],
        x_held=images[is_held],
        y_held=labels[is_held],
        train_students=frozenset(drawings.student_keys) - held,
        held_students=held,
    )


def as_uint8(images: np.ndarray) -> np.ndarray:
    """Images in 0..1 as MNIST stores them: uint8 0..255 (the model scales them back by /255)."""
    return np.round(np.clip(images, 0.0, 1.0) * 255).astype(np.uint8).reshape(-1, 28, 28)
