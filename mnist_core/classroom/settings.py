"""What the teacher has set for the class: the caps on students' trainings, the pinned class model, whether the
Class page shows names, and whether given drawings wait for the teacher's review. Kept in one small JSON file
beside the runs, so it survives a restart.

The file is written the way runs are: to a temporary file in the same folder, flushed to disk, then renamed
over the old one in one step, so a crash leaves the old settings or the new, never half of either.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, field
from pathlib import Path

from mnist_core.classroom.caps import Caps
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
    """The class settings of one runs folder. Reads are fresh every time: the teacher may have changed them."""

    def __init__(self, root: Path) -> None:
        self.path = Path(root) / SETTINGS_FILE

    def load(self) -> ClassSettings:
        """The saved settings; the defaults when there are none, or when the file cannot be read."""
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            pinned = data.get("pinned_run")
            return ClassSettings(
                caps=Caps.from_dict(data.get("caps", {})),
                pinned_run=None if pinned is None else check_run_id(pinned),
                show_names=bool(data.get("show_names", False)),
                review_first=bool(data.get("review_first", False)),
            )
        except (OSError, ValueError, TypeError, AttributeError, RunError):
            return ClassSettings()

    def save(self, settings: ClassSettings) -> None:
        """Write the settings atomically (OSError when the folder cannot be written)."""
        data = {
            "caps": settings.caps.to_dict(),
            "pinned_run": settings.pinned_run,
            "show_names": settings.show_names,
            "review_first": settings.review_first,
        }
        write_json_atomically(self.path, data)


def delete_run(runs: RunStore, settings: ClassSettingsStore, run_id: str) -> None:
    """Delete a run for good; when it was the pinned class model, unpin it too.

    A pin left on a deleted run would name a class model nobody can load: unpinned, Draw and Mistakes go back
    to choosing the best run by themselves. RunError when the run cannot be deleted (then nothing changes);
    OSError when the settings cannot be written.
    """
    runs.delete(run_id)
    current = settings.load()
    if current.pinned_run == run_id:
        settings.save(dataclasses.replace(current, pinned_run=None))
