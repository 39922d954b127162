"""The training line's jobs, recorded in the class database so that a restarted line takes up the waiting ones.

The line (serving/) calls these; the database gives each job its id, never used twice, across restarts too. A job
is "queued" when added; the line moves it through "running" (and "requeued", with the attempt count, when its node
died) to a finished state of its own naming ("done", "stopped", "failed", "interrupted"…). `unfinished` lists the
jobs still in the first three, oldest first: what a line starting up must take up or mark as interrupted.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Row, select, update

from mnist_core.config import check_class_name
from mnist_core.database.schema import line_jobs
from mnist_core.database.store import ClassDatabase

if TYPE_CHECKING:
    from mnist_core.classroom.students import Owner
    from mnist_core.training.settings import TrainingSettings

UNFINISHED_STATES = ("queued", "running", "requeued")
MOST_STATE_CHARACTERS = 40
MOST_ERROR_CHARACTERS = 4000  # an error's message is kept for the teacher, not its whole traceback


@dataclass(frozen=True)
class LineRecord:
    """One job of the line as recorded. `settings` is TrainingSettings.to_dict() (TrainingSettings.from_dict reads
    it back); `created` and `updated` are seconds since 1970 (UTC)."""

    id: int
    class_name: str
    owner_name: str
    teacher: bool
    settings: dict[str, Any]
    state: str
    attempt: int
    run_id: str | None
    error: str | None
    created: float
    updated: float


class LineRecords:
    """The line's records in one class database (a Path to an SQLite file, or a URL). Safe to share between threads
    and processes."""

    def __init__(self, database: Path | str, clock: Callable[[], float] = time.time) -> None:
        self.database = ClassDatabase(database)
        self._clock = clock

    def add(self, class_name: str, owner: Owner, settings: TrainingSettings) -> int:
        """Record a new job as "queued"; its id."""
        now = self._clock()
        row = {
            "class_name": check_class_name(class_name),
            "owner_name": owner.name,
            "teacher": bool(owner.teacher),
            "settings": json.dumps(settings.to_dict(), sort_keys=True),
            "state": "queued",
            "attempt": 0,
            "created": now,
            "updated": now,
        }
        with self.database.transaction(write=True) as connection:
            return int(connection.execute(line_jobs.insert().values(**row)).inserted_primary_key[0])

    def set_state(
        self,
        job_id: int,
        state: str,
        *,
        attempt: int | None = None,
        run_id: str | None = None,
        error: str | None = None,
    ) -> None:
        """Record a job's new state, and when given its attempt, run and error (None leaves each as it is).
        KeyError when there is no such job."""
        if not isinstance(state, str) or not 0 < len(state) <= MOST_STATE_CHARACTERS:
            raise ValueError(f"A job's state is a short word like 'running', not {state!r}.")
        values: dict[str, Any] = {"state": state, "updated": self._clock()}
        if attempt is not None:
            values["attempt"] = int(attempt)
        if run_id is not None:
            values["run_id"] = run_id
        if error is not None:
            values["error"] = error[:MOST_ERROR_CHARACTERS]
        with self.database.transaction(write=True) as connection:
            changed = connection.execute(update(line_jobs).where(line_jobs.c.id == int(job_id)).values(**values))
            if changed.rowcount == 0:
                raise KeyError(f"There is no line job {job_id}.")

    def get(self, job_id: int) -> LineRecord | None:
        """One job's record; None when there is none with that id."""
        with self.database.transaction() as connection:
            row = connection.execute(select(line_jobs).where(line_jobs.c.id == int(job_id))).first()
        return None if row is None else _record(row)

    def unfinished(self, class_name: str | None = None) -> list[LineRecord]:
        """The jobs queued, running or requeued, oldest first; of one class when `class_name` is given."""
        query = select(line_jobs).where(line_jobs.c.state.in_(UNFINISHED_STATES)).order_by(line_jobs.c.id)
        if class_name is not None:
            query = query.where(line_jobs.c.class_name == check_class_name(class_name))
        with self.database.transaction() as connection:
            return [_record(row) for row in connection.execute(query)]


def _record(row: Row) -> LineRecord:
    return LineRecord(
        id=int(row.id),
        class_name=row.class_name,
        owner_name=row.owner_name,
        teacher=bool(row.teacher),
        settings=json.loads(row.settings),
        state=row.state,
        attempt=int(row.attempt),
        run_id=row.run_id,
        error=row.error,
        created=float(row.created),
        updated=float(row.updated),
    )
