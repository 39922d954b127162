"""The drawings students give to the class: one SQLite file beside the runs (MNIST_APP_CLASS_DB moves it).

After the Draw page reads a drawing, a named student may give it to the class set with the digit they meant:
one click on one of ten buttons. Kept with it: the 28x28 image exactly as the model saw it, the canvas strokes (for
replay), the student, the digit meant, the model's reading and its ten probabilities, the run that read it, and the
time. A student gives at most 60 drawings in 10 minutes (limits.py); blank and too-small drawings cannot be given.
How the file stays whole with thirty students at once, and why sqlite3: see database.py. The drawings come back as
a ClassSet (class_set.py); fine-tuning on them: fine_tuning.py.

Review first (issue #33): while the teacher reviews first, a drawing is given unapproved and waits in `pending`
until the teacher approves it (`approve`) or rejects it (`reject` deletes it). Every other reading here (the
counts, the ids, the drawings, the students, the split for fine-tuning, and so the Class page, its board and the
export) sees approved drawings only: a drawing nobody has reviewed never reaches the projector or a model.
"""

from __future__ import annotations

import json
import math
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from mnist_core import limits
from mnist_core.classroom.students import clean_name, identity
from mnist_core.classset.class_set import ClassSet
from mnist_core.classset.database import ClassDatabase
from mnist_core.classset.split import ClassSplit, split_by_student
from mnist_core.errors import Refusal
from mnist_core.reading.preprocess import DrawingStatus
from mnist_core.runs.store import check_run_id

if TYPE_CHECKING:
    from mnist_core.reading.predict import Reading

COLUMNS = "id, student, student_key, label, image, reading, probabilities, run_id, created"  # as in ClassSet
PENDING_SHOWN = 48  # drawings waiting for review listed at once, oldest first: the teacher works down the list


class ClassDrawings:
    """The class set in one SQLite file. Safe to share between threads and processes (see the module's notes)."""

    def __init__(self, path: Path, clock: Callable[[], float] = time.time) -> None:
        self.path = Path(path)
        self.database = ClassDatabase(self.path)
        self._clock = clock

    # Giving and deleting

    def give(self, student: str, label: int, reading: Reading, strokes: str, run_id: str, approved: bool = True) -> int:
        """Add a drawing the model read, as the digit the student meant; its new id. `approved=False`: it waits for
        the teacher's review (the teacher reviews first) and counts nowhere until approved.

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
                "INSERT INTO drawings (student, student_key, label, reading, probabilities, run_id, created, approved)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (name, key, int(label), read, probabilities, run_id, now, int(bool(approved))),
            ).lastrowid
            picture = (drawing_id, image, strokes)
            connection.execute("INSERT INTO pictures (id, image, strokes) VALUES (?, ?, ?)", picture)
            return int(drawing_id)

    def delete(self, drawing_id: int) -> bool:
        """Remove one drawing; False when there was none with that id."""
        with self.database.transaction(write=True) as connection:
            return connection.execute("DELETE FROM drawings WHERE id = ?", (int(drawing_id),)).rowcount > 0

    def delete_student(self, student: str) -> int:
        """Remove every drawing of a student, waiting for review or not (the same student however the name is
        spelt); how many went."""
        with self.database.transaction(write=True) as connection:
            return connection.execute("DELETE FROM drawings WHERE student_key = ?", (identity(student),)).rowcount

    # Review

    def approve(self, drawing_ids: Iterable[int]) -> int:
        """Let drawings waiting for review count everywhere; how many were waiting (others are left as they are)."""
        return self._reviewed("UPDATE drawings SET approved = 1 WHERE approved = 0 AND id = ?", drawing_ids)

    def reject(self, drawing_ids: Iterable[int]) -> int:
        """Delete drawings waiting for review, pictures and all; how many went. An approved drawing is not touched:
        the teacher deletes those from the list of every drawing."""
        return self._reviewed("DELETE FROM drawings WHERE approved = 0 AND id = ?", drawing_ids)

    def _reviewed(self, statement: str, drawing_ids: Iterable[int]) -> int:
        ids = [(int(drawing_id),) for drawing_id in drawing_ids]
        if not ids:
            return 0
        with self.database.transaction(write=True) as connection:
            # rowcount sums the rows of every id, and leaves out the pictures a deletion takes along.
            return connection.executemany(statement, ids).rowcount

    def pending(self, limit: int = PENDING_SHOWN) -> ClassSet:
        """The drawings waiting for review, oldest first, at most `limit`."""
        query = f"SELECT {COLUMNS} FROM drawings JOIN pictures USING (id) WHERE approved = 0 ORDER BY id LIMIT ?"
        with self.database.transaction() as connection:
            return ClassSet.from_rows(connection.execute(query, (int(limit),)).fetchall())

    def pending_count(self) -> int:
        """How many drawings wait for review."""
        with self.database.transaction() as connection:
            return int(connection.execute("SELECT count(*) FROM drawings WHERE approved = 0").fetchone()[0])

    # Reading

    # Reading: approved drawings only

    def version(self) -> tuple[int, int]:
        """(latest approved id, how many approved drawings): the class set's size, and what a fine-tuning reads."""
        query = "SELECT coalesce(max(id), 0), count(*) FROM drawings WHERE approved = 1"
        with self.database.transaction() as connection:
            latest, count = connection.execute(query).fetchone()
        return int(latest), int(count)

    def revision(self) -> tuple[int, int, int]:
        """(latest id, how many drawings, how many approved), counting those waiting for review too: it changes
        whenever the approved drawings change. A give raises the latest id for good (ids never return), a deletion
        lowers the count, an approval raises the approved count; several at once cannot cancel out all three.
        """
        query = "SELECT coalesce(max(id), 0), count(*), coalesce(sum(approved), 0) FROM drawings"
        with self.database.transaction() as connection:
            latest, count, approved = connection.execute(query).fetchone()
        return int(latest), int(count), int(approved)

    def counts(self) -> np.ndarray:
        """How many approved drawings of each digit, (10,) int64."""
        counts = np.zeros(10, dtype=np.int64)
        query = "SELECT label, count(*) FROM drawings WHERE approved = 1 GROUP BY label"
        with self.database.transaction() as connection:
            for label, count in connection.execute(query):
                counts[label] = count
        return counts

    def ids(self) -> np.ndarray:
        """Every approved drawing's id, ascending."""
        query = "SELECT id FROM drawings WHERE approved = 1 ORDER BY id"
        with self.database.transaction() as connection:
            return np.array([row[0] for row in connection.execute(query)], np.int64)

    def drawings(self, after: int = 0, up_to: int | None = None) -> ClassSet:
        """The approved drawings with ids above `after` and (when given) up to `up_to`, oldest first."""
        query = (
            f"SELECT {COLUMNS} FROM drawings JOIN pictures USING (id)"
            " WHERE approved = 1 AND id > ? AND id <= ? ORDER BY id"
        )
        with self.database.transaction() as connection:
            rows = connection.execute(query, (after, up_to if up_to is not None else 2**63 - 1)).fetchall()
        return ClassSet.from_rows(rows)

    def students(self) -> list[tuple[str, int]]:
        """Each student with approved drawings (their latest spelling of the name) and how many, by name."""
        # With max(), SQLite takes a bare column (student) from the row holding the maximum: the latest drawing.
        query = "SELECT student, max(id), count(*) FROM drawings WHERE approved = 1 GROUP BY student_key"
        with self.database.transaction() as connection:
            rows = connection.execute(query).fetchall()
        return sorted(((name, int(count)) for name, _, count in rows), key=lambda row: row[0].casefold())

    def strokes(self, drawing_id: int) -> str | None:
        """A drawing's canvas JSON, for replay (approved or not); None when there is no such drawing."""
        with self.database.transaction() as connection:
            row = connection.execute("SELECT strokes FROM pictures WHERE id = ?", (int(drawing_id),)).fetchone()
        return None if row is None else row[0]

    def student_keys(self, up_to: int) -> list[str]:
        """Whose each approved drawing up to id `up_to` is (students.identity), without reading the pictures."""
        query = "SELECT student_key FROM drawings WHERE approved = 1 AND id <= ? ORDER BY id"
        with self.database.transaction() as connection:
            return [row[0] for row in connection.execute(query, (up_to,))]

    def training_split(self, up_to: int, seed: int) -> ClassSplit:
        """The approved drawings up to id `up_to`, split by student for a fine-tuning (the same split for the same
        arguments and the same approvals)."""
        return split_by_student(self.drawings(up_to=up_to), seed)

    def check(self) -> None:
        """Make the file if there is none, else make sure it is whole (database.ClassDatabase.check)."""
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
