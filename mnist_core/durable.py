"""Writing files so that a power cut or a full disk never leaves one half written.

The one recipe, used by the runs, the class settings, the data sets' fetch and the class set: write to a temporary
file beside the target, flush it to the disk, rename it over the target, and flush the folder so the rename itself
survives. A reader sees the old file or the new one, never a mix.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any


def fsync_path(path: Path) -> None:
    """Make a file's bytes, or a folder's new entries (a rename, a link), survive a power cut."""
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def write_atomically(target: Path, write: Callable[[IO[bytes]], Any], mode: int | None = None) -> None:
    """Call `write(file)` on a temporary file beside `target`, then put it in target's place in one step.

    `mode`: the new file's permissions (temporary files start private). On any error the target is untouched and
    the temporary file is gone.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temp_name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
    try:
        with os.fdopen(descriptor, "wb") as file:
            write(file)
            file.flush()
            os.fsync(file.fileno())
        if mode is not None:
            os.chmod(temp_name, mode)
        os.replace(temp_name, target)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
    fsync_path(target.parent)


def write_json_atomically(target: Path, data: Any) -> None:
    """`data` as indented JSON in `target`, written atomically. NaN and infinity are refused (ValueError)."""
    write_atomically(target, lambda file: file.write(json.dumps(data, indent=2, allow_nan=False).encode("utf-8")))


def copy_atomically(source: IO[bytes], target: Path, mode: int | None = None) -> None:
    """The bytes of the open file `source` in `target`, written atomically."""
    write_atomically(target, lambda file: shutil.copyfileobj(source, file), mode)


def write_json_synced(path: Path, data: Any) -> None:
    """`data` as indented JSON in a new file `path`, on the disk before this returns (inside a folder that is itself
    renamed into place afterwards, as a run is)."""
    with open(path, "w", encoding="utf-8") as file:
        json.dump(data, file, indent=2, allow_nan=False)
        file.flush()
        os.fsync(file.fileno())
