"""What the teacher has set for the class: the caps on students' trainings, the pinned class model, whether the
Class page shows names, and whether given drawings wait for the teacher's review. Kept so it survives a restart.

Where it is kept:
- With a class database named (MNIST_APP_DATABASE_URL, so several app servers share the class): its class's row of
  `class_settings` (mnist_core/database), keyed by the class name, the settings as JSON text. A class with no row
  yet takes the `class-settings.json` beside the runs, once, when there is a readable one: the class's settings
  from before the database come along.
- Otherwise (one machine, the default): that small JSON file beside the runs, written the way runs are: to a
  temporary file in the same folder, flushed to disk, then renamed over the old one in one step, so a crash leaves
  the old settings or the new, never half of either.

Either way the values are read through the same checks: a damaged or forged file or row reads as the defaults.
"""

from __future__ import annotations

import dataclasses
import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select, update

from mnist_core.classroom.caps import Caps
from mnist_core.config import DEFAULT_CLASS_NAME, check_class_name
from mnist_core.database.engine import lock_for_writing
from mnist_core.database.schema import class_settings
from mnist_core.database.store import ClassDatabase
from mnist_core.durable import write_json_atomically
from mnist_core.runs.store import RunError, RunStore, check_run_id

SETTINGS_FILE = "class-settings.json"


@dataclass(frozen=True)
class ClassSettings:
    caps: Caps = field(default_factory=Caps)
    pinned_run: str | None = None  # the class model: Draw and Mistakes start on it for everyone
    show_names: bool = False  # the Class page (on the projector) shows who drew what
    review_first: bool = False  # a given drawing waits for the teacher's approval before it counts anywhere


class ClassSettingsStore:
    """The class settings of one class: beside the runs in `root`, or in `database` (a Path to an SQLite file or a
    URL) under `class_name`. Reads are fresh every time: the teacher may have changed them."""

    def __init__(
        self,
        root: Path,
        database: Path | str | None = None,
        class_name: str = DEFAULT_CLASS_NAME,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.path = Path(root) / SETTINGS_FILE
        self.database = None if database is None else ClassDatabase(database)
        self.class_name = check_class_name(class_name)
        self._clock = clock

    def load(self) -> ClassSettings:
        """The saved settings; the defaults when there are none, or when they cannot be read.

        ClassSetError when the class database cannot be used: the defaults would quietly lift the caps and the
        review, so a page says so instead.
        """
        if self.database is None:
            return _settings(self._read_file())
        query = select(class_settings.c.settings).where(class_settings.c.class_name == self.class_name)
        with self.database.transaction() as connection:
            text = connection.execute(query).scalar_one_or_none()
        if text is not None:
            return _settings(_parsed(text))
        return self._import_file()

    def save(self, settings: ClassSettings) -> None:
        """Keep the settings: the class's row in one transaction (ClassSetError when the database cannot be used),
        or the file atomically (OSError when the folder cannot be written)."""
        data = _data(settings)
        if self.database is None:
            write_json_atomically(self.path, data)
            return
        self._write_row(data, replace=True)

    def _read_file(self) -> Any:
        try:
            return json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    def _import_file(self) -> ClassSettings:
        """The class has no row: a readable file beside the runs becomes its row, once (as checked: a forged value
        reads as the defaults). Without one the defaults, and still no row: the first save makes it."""
        data = self._read_file()
        settings = _settings(data)
        if data is not None:
            self._write_row(_data(settings), replace=False)
        return settings

    def _write_row(self, data: dict[str, Any], replace: bool) -> None:
        text = json.dumps(data, sort_keys=True)
        row = class_settings.c.class_name == self.class_name
        with self.database.transaction(write=True) as connection:  # type: ignore[union-attr]
            lock_for_writing(connection, self.class_name)  # two first saves never both insert
            if connection.execute(select(class_settings.c.class_name).where(row)).first() is None:
                values = {"class_name": self.class_name, "settings": text, "updated": self._clock()}
                connection.execute(insert(class_settings).values(**values))
            elif replace:
                connection.execute(update(class_settings).where(row).values(settings=text, updated=self._clock()))


def _parsed(text: str) -> Any:
    try:
        return json.loads(text)
    except ValueError:
        return None


def _settings(data: Any) -> ClassSettings:
    """Settings from their JSON data, checked; the defaults when anything in it is not as saved."""
    try:
        pinned = data.get("pinned_run")
        return ClassSettings(
            caps=Caps.from_dict(data.get("caps", {})),
            pinned_run=None if pinned is None else check_run_id(pinned),
            show_names=bool(data.get("show_names", False)),
            review_first=bool(data.get("review_first", False)),
        )
    except (ValueError, TypeError, AttributeError, RunError):
        return ClassSettings()


def _data(settings: ClassSettings) -> dict[str, Any]:
    return {
        "caps": settings.caps.to_dict(),
        "pinned_run": settings.pinned_run,
        "show_names": settings.show_names,
        "review_first": settings.review_first,
    }


def delete_run(runs: RunStore, settings: ClassSettingsStore, run_id: str) -> None:
    """Delete a run for good; when it was the pinned class model, unpin it too.

    A pin left on a deleted run would name a class model nobody can load: unpinned, Draw and Mistakes go back
    to choosing the best run by themselves. RunError when the run cannot be deleted (then nothing changes);
    OSError or ClassSetError when the settings cannot be written.
    """
    runs.delete(run_id)
    current = settings.load()
    if current.pinned_run == run_id:
        settings.save(dataclasses.replace(current, pinned_run=None))
