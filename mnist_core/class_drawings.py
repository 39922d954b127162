"""The drawings students give to the class: one SQLite file beside the runs (MNIST_APP_CLASS_DB moves it).

After the Draw page reads a drawing, a named student may give it to the class set with the digit they meant:
one click on one of ten buttons. Kept with it: the 28x28 image exactly as the model saw it, the canvas strokes (for
replay), the student, the digit meant, the model's reading and its ten probabilities, the run that read it, and the
time. A student gives at most 60 drawings in 10 minutes (limits.py); blank and too-small drawings cannot be given.
How the file stays whole with thirty students at once, and why sqlite3: see class_db.py.
"""

from __future__ import annotations

import dataclasses
import json
import math
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from mnist_core import config, limits
from mnist_core.class_db import ClassDatabase
from mnist_core.class_split import ClassSplit, split_by_student
from mnist_core.preprocess import DrawingStatus
from mnist_core.refusal import Refusal
from mnist_core.runs import RunRecord, check_run_id
from mnist_core.students import clean_name, identity
from mnist_core.training import TrainingSettings

if TYPE_CHECKING:
    from mnist_core.predict import Reading

COLUMNS = "id, student, student_key, label, image, reading, probabilities, run_id, created"  # as in ClassSet


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
        return _class_set([])

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


class ClassDrawings:
    """The class set in one SQLite file. Safe to share between threads and processes (see the module's notes)."""

    def __init__(self, path: Path, clock: Callable[[], float] = time.time) -> None:
        self.path = Path(path)
        self.database = ClassDatabase(self.path)
        self._clock = clock

    # Giving and deleting

    def give(self, student: str, label: int, reading: Reading, strokes: str, run_id: str) -> int:
        """Add a drawing the model read, as the digit the student meant; its new id.

        Refusal for a drawing that cannot be given (blank, too small) or past the student's 60 in 10 minutes;
        the name's own Refusal for a bad name; ValueError for a bad digit or strokes, RunError for a bad run id.
        """
        name = clean_name(student)
        if isinstance(label, bool) or not isinstance(label, int | np.integer) or not 0 <= label <= 9:
            raise ValueError(f"The digit meant must be 0 to 9, not {label!r}.")
        image, probabilities, read = _readable(reading)
        _check_strokes(strokes)
        check_run_id(run_id)
        key = identity(name)
        now = self._clock()
        with self.database.transaction(write=True) as connection:
            given, oldest = connection.execute(
                "SELECT count(*), min(created) FROM drawings WHERE student_key = ? AND created > ?",
                (key, now - limits.GIFT_WINDOW_SECONDS),
            ).fetchone()
            if given >= limits.GIFTS_PER_WINDOW:
                wait = max(1, math.ceil((oldest + limits.GIFT_WINDOW_SECONDS - now) / 60))
                raise Refusal(
                    "class.give.too_many",
                    most=limits.GIFTS_PER_WINDOW,
                    minutes=limits.GIFT_WINDOW_SECONDS // 60,
                    wait=wait,
                )
            drawing_id = connection.execute(
                "INSERT INTO drawings (student, student_key, label, reading, probabilities, run_id, created)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (name, key, int(label), read, probabilities, run_id, now),
            ).lastrowid
            picture = (drawing_id, image, strokes)
            connection.execute("INSERT INTO pictures (id, image, strokes) VALUES (?, ?, ?)", picture)
            return int(drawing_id)

    def delete(self, drawing_id: int) -> bool:
        """Remove one drawing; False when there was none with that id."""
        with self.database.transaction(write=True) as connection:
            return connection.execute("DELETE FROM drawings WHERE id = ?", (int(drawing_id),)).rowcount > 0

    def delete_student(self, student: str) -> int:
        """Remove every drawing of a student (the same student however the name is spelt); how many went."""
        with self.database.transaction(write=True) as connection:
            return connection.execute("DELETE FROM drawings WHERE student_key = ?", (identity(student),)).rowcount

    # Reading

    def version(self) -> tuple[int, int]:
        """(latest id, how many drawings): it changes whenever a drawing is given or deleted, as ids never return."""
        with self.database.transaction() as connection:
            latest, count = connection.execute("SELECT coalesce(max(id), 0), count(*) FROM drawings").fetchone()
        return int(latest), int(count)

    def counts(self) -> np.ndarray:
        """How many drawings of each digit, (10,) int64."""
        counts = np.zeros(10, dtype=np.int64)
        with self.database.transaction() as connection:
            for label, count in connection.execute("SELECT label, count(*) FROM drawings GROUP BY label"):
                counts[label] = count
        return counts

    def ids(self) -> np.ndarray:
        """Every drawing's id, ascending."""
        with self.database.transaction() as connection:
            return np.array([row[0] for row in connection.execute("SELECT id FROM drawings ORDER BY id")], np.int64)

    def drawings(self, after: int = 0, up_to: int | None = None) -> ClassSet:
        """The drawings with ids above `after` and (when given) up to `up_to`, oldest first."""
        query = f"SELECT {COLUMNS} FROM drawings JOIN pictures USING (id) WHERE id > ? AND id <= ? ORDER BY id"
        with self.database.transaction() as connection:
            rows = connection.execute(query, (after, up_to if up_to is not None else 2**63 - 1)).fetchall()
        return _class_set(rows)

    def students(self) -> list[tuple[str, int]]:
        """Each student who gave drawings (their latest spelling of the name) and how many, by name."""
        # With max(), SQLite takes a bare column (student) from the row holding the maximum: the latest drawing.
        query = "SELECT student, max(id), count(*) FROM drawings GROUP BY student_key"
        with self.database.transaction() as connection:
            rows = connection.execute(query).fetchall()
        return sorted(((name, int(count)) for name, _, count in rows), key=lambda row: row[0].casefold())

    def strokes(self, drawing_id: int) -> str | None:
        """A drawing's canvas JSON, for replay; None when there is no such drawing."""
        with self.database.transaction() as connection:
            row = connection.execute("SELECT strokes FROM pictures WHERE id = ?", (int(drawing_id),)).fetchone()
        return None if row is None else row[0]

    def student_keys(self, up_to: int) -> list[str]:
        """Whose each drawing up to id `up_to` is (students.identity), without reading the pictures."""
        with self.database.transaction() as connection:
            rows = connection.execute("SELECT student_key FROM drawings WHERE id <= ? ORDER BY id", (up_to,))
            return [row[0] for row in rows]

    def training_split(self, up_to: int, seed: int) -> ClassSplit:
        """The drawings up to id `up_to`, split by student for a fine-tuning (the same split for the same arguments)."""
        return split_by_student(self.drawings(up_to=up_to), seed)

    def check(self) -> None:
        """Make the file if there is none, else make sure it is whole (class_db.ClassDatabase.check)."""
        self.database.check()


def _readable(reading: Reading) -> tuple[bytes, bytes, int]:
    """The image, probabilities and reading of a drawing the model read, as stored; Refusal when there is none."""
    prepared = reading.prepared
    if prepared.status == DrawingStatus.BLANK:
        raise Refusal("class.give.blank")
    if not prepared.ok or prepared.image is None or reading.probabilities is None:
        raise Refusal("class.give.unreadable")  # too small or too full: not one digit the model could read
    image = np.asarray(prepared.image, dtype="<f4")
    probabilities = np.asarray(reading.probabilities, dtype="<f4")
    if image.shape != (28, 28) or probabilities.shape != (10,):
        raise ValueError(f"A reading has a 28x28 image and 10 probabilities, not {image.shape}, {probabilities.shape}.")
    return image.tobytes(), probabilities.tobytes(), int(np.argmax(probabilities))


def _check_strokes(strokes: str) -> None:
    if not isinstance(strokes, str) or len(strokes) > limits.GIFT_STROKES_MAX_CHARACTERS:
        raise ValueError(f"The strokes must be JSON text of at most {limits.GIFT_STROKES_MAX_CHARACTERS:,} characters.")
    json.loads(strokes)  # ValueError when it is not JSON


def _class_set(rows: list[tuple]) -> ClassSet:
    ids, students, keys, labels, images, readings, probabilities, run_ids, created = (
        zip(*rows, strict=True) if rows else ([],) * 9
    )
    return ClassSet(
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


# Fine-tuning on the class

SPLIT_SEED = 0  # the same seed keeps the same students held out, retraining after retraining
FINE_TUNING_EPOCHS = 2  # a couple of minutes of the server's line for the default CNN
# Fine-tuning goes on at a tenth of the class model's learning rate: the model adjusts to the class rather than
# relearning. Measured here (bench/class_fine_tune.py, 500 UNIPEN drawings, default CNN, 2 epochs): at the full
# rate the held-out drawings went 120/120 -> 118/120 and MNIST 99.38% -> 99.19%; at a tenth, 120/120 -> 120/120
# and 99.38% -> 99.46%.
FINE_TUNING_RATE = 0.1


def fine_tuning_settings(parent: RunRecord, up_to: int, epochs: int = FINE_TUNING_EPOCHS) -> TrainingSettings:
    """The training that fine-tunes a run on MNIST plus the class set's drawings up to id `up_to`."""
    settings = TrainingSettings.from_dict(parent.settings).continued(parent.id, epochs)
    rate = max(limits.LEARNING_RATE.low, settings.learning_rate * FINE_TUNING_RATE)
    return dataclasses.replace(settings, learning_rate=rate, class_drawings_up_to=up_to, class_split_seed=SPLIT_SEED)


def with_class_drawings(
    x_train: np.ndarray, y_train: np.ndarray, up_to: int, seed: int
) -> tuple[np.ndarray, np.ndarray]:
    """MNIST's training images followed by the training part of the class set (drawings up to id `up_to`).

    train() calls this when its settings name a class set; it reads the class drawings file of this process's
    environment (MNIST_APP_CLASS_DB), which a training worker shares with the server.
    """
    split = ClassDrawings(config.class_db_path()).training_split(up_to, seed)
    return np.concatenate([x_train, split.x_train]), np.concatenate([y_train, split.y_train])
