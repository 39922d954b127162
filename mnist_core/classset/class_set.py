"""The class set as arrays: the drawings students gave, with who gave them, the digit meant and how a model read them.

A plain value, read from the class set's file by drawings.py and passed to the report, the split and the export.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True, eq=False)  # eq=False: arrays have no truth value
class ClassSet:
    """Drawings of the class set, oldest first, as arrays."""

    ids: np.ndarray  # (n,) int64
    students: tuple[str, ...]  # names as shown
    student_keys: tuple[str, ...]  # students.identity of each name
    labels: np.ndarray  # (n,) int64: the digits meant
    images: np.ndarray  # (n, 28, 28) float32 in 0..1: the model's input
    readings: np.ndarray  # (n,) int64: what the model that read it answered
    probabilities: np.ndarray  # (n, 10) float32
    run_ids: tuple[str, ...]
    created: np.ndarray  # (n,) float64, seconds since 1970 (UTC)

    def __len__(self) -> int:
        return len(self.ids)

    @classmethod
    def empty(cls) -> ClassSet:
        return cls.from_rows([])

    def picked(self, which: np.ndarray) -> ClassSet:
        """The drawings at these positions (indices, or a boolean mask), in that order."""
        which = np.asarray(which)
        positions = np.flatnonzero(which) if which.dtype == bool else which.astype(np.int64)
        return ClassSet(
            ids=self.ids[positions],
            students=tuple(self.students[position] for position in positions),
            student_keys=tuple(self.student_keys[position] for position in positions),
            labels=self.labels[positions],
            images=self.images[positions],
            readings=self.readings[positions],
            probabilities=self.probabilities[positions],
            run_ids=tuple(self.run_ids[position] for position in positions),
            created=self.created[positions],
        )

    def followed_by(self, later: ClassSet) -> ClassSet:
        """These drawings, then `later`'s."""
        return ClassSet(
            ids=np.concatenate([self.ids, later.ids]),
            students=self.students + later.students,
            student_keys=self.student_keys + later.student_keys,
            labels=np.concatenate([self.labels, later.labels]),
            images=np.concatenate([self.images, later.images]),
            readings=np.concatenate([self.readings, later.readings]),
            probabilities=np.concatenate([self.probabilities, later.probabilities]),
            run_ids=self.run_ids + later.run_ids,
            created=np.concatenate([self.created, later.created]),
        )

    @classmethod
    def from_rows(cls, rows: list[tuple]) -> ClassSet:
        """Drawings as the class set's table stores them (columns as drawings.py's COLUMNS), oldest first."""
        ids, students, keys, labels, images, readings, probabilities, run_ids, created = (
            zip(*rows, strict=True) if rows else ([],) * 9
        )
        return cls(
            ids=np.array(ids, dtype=np.int64),
            students=tuple(students),
            student_keys=tuple(keys),
            labels=np.array(labels, dtype=np.int64),
            images=np.frombuffer(b"".join(images), dtype="<f4").astype(np.float32).reshape(-1, 28, 28),
            readings=np.array(readings, dtype=np.int64),
            probabilities=np.frombuffer(b"".join(probabilities), dtype="<f4").astype(np.float32).reshape(-1, 10),
            run_ids=tuple(run_ids),
            created=np.array(created, dtype=np.float64),
        )
