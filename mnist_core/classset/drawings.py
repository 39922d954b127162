"""The drawings students give to the class: in the class database (mnist_core/database), by default one SQLite file
beside the runs (MNIST_APP_CLASS_DB moves it), or PostgreSQL (MNIST_APP_DATABASE_URL). Several classes may share one
database: every query here is of one class (its class_name), so a class never sees another's drawings.

After the Draw page reads a drawing, a named student may give it to the class set with the digit they meant:
one click on one of ten buttons. Kept with it: the 28x28 image exactly as the model saw it, the canvas strokes (for
replay), the student, the digit meant, the model's reading and its ten probabilities, the run that read it, and the
time. A student gives at most 60 drawings in 10 minutes (limits.py); blank and too-small drawings cannot be given.
How the file stays whole with thirty students at once: see mnist_core/database. The drawings come back as
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
from sqlalchemy import ColumnElement, Select, and_, delete, func, insert, select, update

from mnist_core import limits
from mnist_core.classroom.students import clean_name, identity
from mnist_core.classset.class_set import ClassSet
from mnist_core.classset.split import ClassSplit, split_by_student
from mnist_core.config import DEFAULT_CLASS_NAME, check_class_name
from mnist_core.database.engine import lock_for_writing
from mnist_core.database.schema import drawings as table
from mnist_core.database.schema import pictures
from mnist_core.database.store import ClassDatabase
from mnist_core.errors import Refusal
from mnist_core.reading.preprocess import DrawingStatus
from mnist_core.runs.store import check_run_id

if TYPE_CHECKING:
    from mnist_core.reading.predict import Reading

# As ClassSet.from_rows reads them.
COLUMNS = (
    table.c.id,
    table.c.student,
    table.c.student_key,
    table.c.label,
    pictures.c.image,
    table.c.reading,
    table.c.probabilities,
    table.c.run_id,
    table.c.created,
)
PENDING_SHOWN = 48  # drawings waiting for review listed at once, oldest first: the teacher works down the list


class ClassDrawings:
    """One class's set in the class database: `database` is a Path (an SQLite file, as before) or a URL. Safe to
    share between threads and processes (see mnist_core/database)."""

    def __init__(
        self,
        database: Path | str,
        class_name: str = DEFAULT_CLASS_NAME,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.database = ClassDatabase(database)
        self.path = self.database.path  # the SQLite file, or None on a database server
        self.class_name = check_class_name(class_name)
        self._clock = clock

    def _ours(self) -> ColumnElement[bool]:
        return table.c.class_name == self.class_name

    def _approved(self) -> ColumnElement[bool]:
        return and_(self._ours(), table.c.approved == 1)

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
            lock_for_writing(connection, self.class_name)  # the rate limit's count and the insert, one give at a time
            recent = and_(self._ours(), table.c.student_key == key, table.c.created > now - limits.GIFT_WINDOW_SECONDS)
            given, oldest = connection.execute(select(func.count(), func.min(table.c.created)).where(recent)).one()
            if given >= limits.GIFTS_PER_WINDOW:
                wait = max(1, math.ceil((oldest + limits.GIFT_WINDOW_SECONDS - now) / 60))
                raise Refusal(
                    "class.give.too_many",
                    most=limits.GIFTS_PER_WINDOW,
                    minutes=limits.GIFT_WINDOW_SECONDS // 60,
                    wait=wait,
                )
            row = {
                "student": name,
                "student_key": key,
                "label": int(label),
                "reading": read,
                "probabilities": probabilities,
                "run_id": run_id,
                "created": now,
                "approved": int(bool(approved)),
                "class_name": self.class_name,
            }
            drawing_id = int(connection.execute(insert(table).values(**row)).inserted_primary_key[0])
            connection.execute(insert(pictures).values(id=drawing_id, image=image, strokes=strokes))
            return drawing_id

    def delete(self, drawing_id: int) -> bool:
        """Remove one drawing; False when there was none with that id."""
        with self.database.transaction(write=True) as connection:
            gone = connection.execute(delete(table).where(self._ours(), table.c.id == int(drawing_id)))
            return gone.rowcount > 0

    def delete_student(self, student: str) -> int:
        """Remove every drawing of a student, waiting for review or not (the same student however the name is
        spelt); how many went."""
        with self.database.transaction(write=True) as connection:
            return connection.execute(
                delete(table).where(self._ours(), table.c.student_key == identity(student))
            ).rowcount

    # Review

    def approve(self, drawing_ids: Iterable[int]) -> int:
        """Let drawings waiting for review count everywhere; how many were waiting (others are left as they are)."""
        return self._reviewed(lambda waiting: update(table).where(waiting).values(approved=1), drawing_ids)

    def reject(self, drawing_ids: Iterable[int]) -> int:
        """Delete drawings waiting for review, pictures and all; how many went. An approved drawing is not touched:
        the teacher deletes those from the list of every drawing."""
        return self._reviewed(lambda waiting: delete(table).where(waiting), drawing_ids)

    def _reviewed(self, statement: Callable[[ColumnElement[bool]], object], drawing_ids: Iterable[int]) -> int:
        ids = sorted({int(drawing_id) for drawing_id in drawing_ids})
        if not ids:
            return 0
        waiting = and_(self._ours(), table.c.approved == 0, table.c.id.in_(ids))
        with self.database.transaction(write=True) as connection:
            # rowcount counts the drawings, and leaves out the pictures a deletion takes along.
            return connection.execute(statement(waiting)).rowcount

    def pending(self, limit: int = PENDING_SHOWN) -> ClassSet:
        """The drawings waiting for review, oldest first, at most `limit`."""
        query = self._with_pictures().where(self._ours(), table.c.approved == 0).order_by(table.c.id).limit(int(limit))
        with self.database.transaction() as connection:
            return ClassSet.from_rows(connection.execute(query).all())

    def pending_count(self) -> int:
        """How many drawings wait for review."""
        query = select(func.count()).select_from(table).where(self._ours(), table.c.approved == 0)
        with self.database.transaction() as connection:
            return int(connection.execute(query).scalar_one())

    # Reading: approved drawings only

    def version(self) -> tuple[int, int]:
        """(latest approved id, how many approved drawings): the class set's size, and what a fine-tuning reads."""
        query = select(func.coalesce(func.max(table.c.id), 0), func.count()).where(self._approved())
        with self.database.transaction() as connection:
            latest, count = connection.execute(query).one()
        return int(latest), int(count)

    def revision(self) -> tuple[int, int, int]:
        """(latest id, how many drawings, how many approved), counting those waiting for review too: it changes
        whenever the approved drawings change. A give raises the latest id for good (ids never return), a deletion
        lowers the count, an approval raises the approved count; several at once cannot cancel out all three.
        """
        query = select(
            func.coalesce(func.max(table.c.id), 0), func.count(), func.coalesce(func.sum(table.c.approved), 0)
        ).where(self._ours())
        with self.database.transaction() as connection:
            latest, count, approved = connection.execute(query).one()
        return int(latest), int(count), int(approved)

    def counts(self) -> np.ndarray:
        """How many approved drawings of each digit, (10,) int64."""
        counts = np.zeros(10, dtype=np.int64)
        query = select(table.c.label, func.count()).where(self._approved()).group_by(table.c.label)
        with self.database.transaction() as connection:
            for label, count in connection.execute(query):
                counts[label] = count
        return counts

    def ids(self) -> np.ndarray:
        """Every approved drawing's id, ascending."""
        query = select(table.c.id).where(self._approved()).order_by(table.c.id)
        with self.database.transaction() as connection:
            return np.array(connection.execute(query).scalars().all(), np.int64)

    def drawings(self, after: int = 0, up_to: int | None = None) -> ClassSet:
        """The approved drawings with ids above `after` and (when given) up to `up_to`, oldest first."""
        query = self._with_pictures().where(self._approved(), table.c.id > int(after))
        if up_to is not None:
            query = query.where(table.c.id <= int(up_to))
        with self.database.transaction() as connection:
            rows = connection.execute(query.order_by(table.c.id)).all()
        return ClassSet.from_rows(rows)

    def students(self) -> list[tuple[str, int]]:
        """Each student with approved drawings (their latest spelling of the name) and how many, by name."""
        each = (
            select(table.c.student_key, func.max(table.c.id).label("latest"), func.count().label("given"))
            .where(self._approved())
            .group_by(table.c.student_key)
            .subquery()
        )
        query = select(table.c.student, each.c.given).join(each, table.c.id == each.c.latest)
        with self.database.transaction() as connection:
            rows = connection.execute(query).all()
        return sorted(((name, int(count)) for name, count in rows), key=lambda row: row[0].casefold())

    def strokes(self, drawing_id: int) -> str | None:
        """A drawing's canvas JSON, for replay (approved or not); None when there is no such drawing."""
        query = select(pictures.c.strokes).join(table, table.c.id == pictures.c.id)
        query = query.where(self._ours(), pictures.c.id == int(drawing_id))
        with self.database.transaction() as connection:
            return connection.execute(query).scalar_one_or_none()

    def student_keys(self, up_to: int) -> list[str]:
        """Whose each approved drawing up to id `up_to` is (students.identity), without reading the pictures."""
        query = select(table.c.student_key).where(self._approved(), table.c.id <= int(up_to)).order_by(table.c.id)
        with self.database.transaction() as connection:
            return list(connection.execute(query).scalars())

    def training_split(self, up_to: int, seed: int) -> ClassSplit:
        """The approved drawings up to id `up_to`, split by student for a fine-tuning (the same split for the same
        arguments and the same approvals)."""
        return split_by_student(self.drawings(up_to=up_to), seed)

    def check(self) -> None:
        """Make the database if there is none, else make sure it is whole (mnist_core/database's ClassDatabase)."""
        self.database.check()

    @staticmethod
    def _with_pictures() -> Select:
        return select(*COLUMNS).join(pictures, pictures.c.id == table.c.id)


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
