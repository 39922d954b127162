"""Saved runs: every finished or stopped training, kept as a folder with the model and a JSON record.

    runs/<run id>/model.keras   the trained network (Keras format)
    runs/<run id>/run.json      data set, settings, history, fit time, test score, how it ended, when, whose
    runs/<run id>/embedding.npz the map of what it learned (reading/embedding.py), added after the run is saved

A run is written into a hidden temporary folder and then renamed into place, so a crash or a full disk
never leaves a half-written run in the list. A temporary folder left by a save that was killed is never
listed, and the next save removes it once it is an hour old (a save takes seconds). Run ids are checked
against a strict pattern before they touch the file system: nothing a user types becomes a path.

With MNIST_APP_RUNS_URL set (config.runs_url), the runs are shared between machines through runs/remote.py and this
folder is the machine's cache of them: the same methods, the same files on disk for Keras and the numpy reader.
"""

from __future__ import annotations

import json
import math
import os
import re
import secrets
import shutil
import stat
import time
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mnist_core import config
from mnist_core.durable import fsync_path, write_json_synced
from mnist_core.errors import RunError
from mnist_core.model.keras_model import ModelKind
from mnist_core.model.network import Network, read_network
from mnist_core.reading.embedding import MAP_FILE
from mnist_core.runs.remote import SharedRuns

if TYPE_CHECKING:
    import keras

    from mnist_core.training.settings import TrainingResult

RUN_ID_PATTERN = re.compile(r"^\d{8}-\d{6}-[a-z_]{1,20}-[0-9a-f]{6}$")
MODEL_FILE = "model.keras"
RECORD_FILE = "run.json"
TEMP_PREFIX = ".saving-"
# A temporary folder this old belongs to a save that was killed (a save takes seconds): it may be removed.
STALE_TEMP_SECONDS = 3600


class RunStatus(StrEnum):
    """How a saved run's training ended."""

    FINISHED = "finished"  # every epoch asked for
    STOPPED = "stopped"  # stopped early by a person; what it learned so far is saved
    DIVERGED = "diverged"  # the loss stopped being a number and the training stopped itself: nothing to read with

    @property
    def can_read(self) -> bool:
        """A diverged model's answers are not numbers: it is kept for its curves, not for reading drawings."""
        return self is not RunStatus.DIVERGED


@dataclass(frozen=True)
class RunRecord:
    """Everything about a run except the model itself."""

    id: str
    dataset: str
    settings: dict[str, Any]
    history: dict[str, list[float]]
    fit_seconds: float
    test_loss: float
    test_accuracy: float
    status: RunStatus
    created: str  # ISO 8601, UTC
    owner: str | None = None  # the student who trained it; None for the teacher's and for earlier runs
    teacher: bool = False  # trained by the teacher
    first_epoch: int = 0  # a continued run: the epochs its parent had (its history starts with them)

    def __post_init__(self) -> None:
        object.__setattr__(self, "status", RunStatus(self.status))  # ValueError for a status we never write

    @property
    def epochs_done(self) -> int:
        return len(self.history.get("loss", []))

    @property
    def model_kind(self) -> str:
        return str(self.settings.get("model_kind", ModelKind.MLP))

    @property
    def parent_run(self) -> str | None:
        """The run this one went on training from, if any."""
        return self.settings.get("parent_run")

    @property
    def created_at(self) -> datetime:
        return datetime.fromisoformat(self.created)


def check_run_id(run_id: str) -> str:
    """Return the id when it has the form this store writes; raise RunError otherwise."""
    if not isinstance(run_id, str) or not RUN_ID_PATTERN.fullmatch(run_id):
        raise RunError(f"{run_id!r} is not a run id.")
    return run_id


class _FromConfig:
    """RunStore's default remote: whatever MNIST_APP_RUNS_URL says in this process (config.runs_url)."""


FROM_CONFIG = _FromConfig()


class RunStore:
    """The runs folder. Safe to share between threads: every write lands by an atomic rename.

    `remote_url` (default: MNIST_APP_RUNS_URL) shares the runs through that fsspec URL, the folder being this
    machine's cache; None keeps them in the folder alone. Nothing is imported or reached until a run is used.
    """

    def __init__(self, root: Path, remote_url: str | None | _FromConfig = FROM_CONFIG) -> None:
        self.root = Path(root)
        url = config.runs_url() if isinstance(remote_url, _FromConfig) else remote_url
        self.shared = SharedRuns(url, self.root, RECORD_FILE, RUN_ID_PATTERN) if url else None

    def save(self, result: TrainingResult, owner: str | None = None, teacher: bool = False) -> RunRecord:
        """Save a training's model and record as a new run. Raises RunError (earlier runs untouched)."""
        self.remove_stale_temp_folders()
        now = datetime.now(UTC)
        run_id = f"{now:%Y%m%d-%H%M%S}-{result.settings.dataset}-{secrets.token_hex(3)}"
        status = RunStatus(result.ending)
        record = RunRecord(
            id=run_id,
            dataset=result.settings.dataset,
            settings=result.settings.to_dict(),
            history=result.history,
            fit_seconds=round(result.fit_seconds, 3),
            test_loss=result.test_loss,
            test_accuracy=result.test_accuracy,
            status=status,
            created=now.isoformat(timespec="seconds"),
            owner=owner,
            teacher=teacher,
            first_epoch=result.first_epoch,
        )
        temp_dir = self.root / f"{TEMP_PREFIX}{run_id}"
        try:
            temp_dir.mkdir(parents=True)
            result.model.save(temp_dir / MODEL_FILE)
            if self.shared is not None:
                self.shared.mark_pending(temp_dir)  # until run.json is in the shared store too
            write_json_synced(temp_dir / RECORD_FILE, _finite_or_none(asdict(record)))
            fsync_path(temp_dir)
            os.rename(temp_dir, self.root / run_id)
            fsync_path(self.root)
        except OSError as error:
            shutil.rmtree(temp_dir, ignore_errors=True)
            raise RunError(
                f"The run could not be saved in {self.root} ({error.strerror or error}). "
                "Earlier runs are untouched. Free some disk space or fix the folder's permissions, then train again."
            ) from error
        if self.shared is not None:  # the model first, run.json last; a failure keeps the run here (logged)
            self.shared.share(run_id, (MODEL_FILE, MAP_FILE))
        return record

    def waiting_to_share(self, run_id: str) -> bool:
        """Whether a run saved here is not in the shared store yet (its upload failed; a later listing retries it).
        A worker on another machine can say so; always False without a shared store."""
        return self.shared is not None and self.shared.waiting(check_run_id(run_id))

    def share_map(self, run_id: str) -> None:
        """Upload the run's map once it is written (make_map), so other machines need not make it again. Never
        raises: a map that stays here only is made again where it is missing. Nothing to do without a remote."""
        if self.shared is not None and self.map_path(run_id).is_file():
            self.shared.share_file(run_id, MAP_FILE)

    def list(self) -> list[RunRecord]:
        """Every readable run, newest first. Broken or half-written folders are left out, never fatal.

        With a shared store, the cache brought up to date first; when the store does not answer, the cache as it is.
        """
        if self.shared is not None:
            self.shared.sync()
        if not self.root.is_dir():
            return []
        records = []
        for folder in self.root.iterdir():
            if not RUN_ID_PATTERN.fullmatch(folder.name):
                continue
            try:
                records.append(self._read_record(folder))
            except RunError:
                continue
        return sorted(records, key=lambda record: (record.created, record.id), reverse=True)

    def exists(self, run_id: str) -> bool:
        """Whether the run is (still) there; a malformed id is simply not there."""
        try:
            if (self.root / check_run_id(run_id) / RECORD_FILE).is_file():
                return True
            return self.shared is not None and self.shared.fetch_record(run_id)
        except RunError:  # a malformed id, or the shared store not answering: not there as far as we can tell
            return False

    def get(self, run_id: str) -> RunRecord:
        folder = self.root / check_run_id(run_id)
        if self.shared is not None and not self.shared.fetch_record(run_id):  # saved elsewhere a moment ago?
            raise RunError(f"There is no run {run_id}.")
        if not folder.is_dir():
            raise RunError(f"There is no run {run_id}.")
        return self._read_record(folder)

    def latest(self, dataset: str, status: RunStatus | None = None) -> RunRecord | None:
        """The newest run of a data set (optionally only those with this status), or None."""
        for record in self.list():
            if record.dataset == dataset and (status is None or record.status == status):
                return record
        return None

    def delete(self, run_id: str) -> None:
        """Remove a run: renamed out of the list in one step first, so nobody ever sees half of it.

        With a shared store, removed there first (its run.json first); RunError when the store does not answer."""
        folder = self.root / check_run_id(run_id)
        if self.shared is not None:
            in_store = self.shared.delete(run_id)
            if not folder.is_dir() and in_store:
                return
        if not folder.is_dir():
            raise RunError(f"There is no run {run_id}.")
        doomed = self.root / f"{TEMP_PREFIX}deleted-{run_id}"
        try:
            os.rename(folder, doomed)
        except OSError as error:
            raise RunError(f"Run {run_id} could not be deleted ({error.strerror or error}).") from error
        shutil.rmtree(doomed, ignore_errors=True)

    def load_model(self, run_id: str) -> keras.Model:
        """Load a run's model into Keras (to train it further), in safe mode; a damaged file raises RunError."""
        path = self._model_path(run_id)
        import keras

        try:
            return keras.saving.load_model(path, safe_mode=True)
        except Exception as error:  # Keras raises many kinds here (zip, JSON, HDF5, value errors)
            raise self._unreadable(run_id, path, error) from error

    def load_network(self, run_id: str) -> Network:
        """A run's network for reading drawings, in numpy without TensorFlow; a damaged file raises RunError."""
        path = self._model_path(run_id)
        try:
            return read_network(path)
        except Exception as error:  # zip, JSON, HDF5, missing weights, wrong shapes, a layer it does not run
            raise self._unreadable(run_id, path, error) from error

    def map_path(self, run_id: str) -> Path:
        """Where the run's map of what it learned is (or will be): beside its model, so deleting the run deletes it.

        Not part of a save: it is written later, atomically, by serving/maps.py make_map (then share_map). With a
        shared store, a map made on another machine is fetched into the cache when it has arrived there."""
        path = self.root / check_run_id(run_id) / MAP_FILE
        if self.shared is not None and not path.is_file():
            self.shared.fetch_map(run_id, MAP_FILE)
        return path

    def _model_path(self, run_id: str) -> Path:
        path = self.root / check_run_id(run_id) / MODEL_FILE
        if self.shared is not None and not path.is_file():  # once; RunsUnreachable when the store does not answer
            if not self.shared.fetch_record(run_id):  # a model without its run.json is half a run: not there
                raise RunError(f"There is no run {run_id}.")
            self.shared.fetch_file(run_id, MODEL_FILE)
        if not path.is_file() or path.stat().st_size == 0:
            raise RunError(f"Run {run_id} has no model file (or it is empty). Train again to make a new one.")
        return path

    @staticmethod
    def _unreadable(run_id: str, path: Path, error: Exception) -> RunError:
        return RunError(
            f"Run {run_id}'s model file could not be read: it is damaged or not a Keras model. "
            f"Delete the folder {path.parent.name} or train again. ({type(error).__name__})"
        )

    def remove_stale_temp_folders(self, older_than: float = STALE_TEMP_SECONDS) -> list[str]:
        """Delete the temporary folders of saves that never finished (killed mid-save); returns their names.

        Only folders untouched for `older_than` seconds go: a younger one may be a save under way in another
        thread or process. Never raises: tidying up must not stand in the way of a save.
        """
        try:
            folders = [folder for folder in self.root.iterdir() if folder.name.startswith(TEMP_PREFIX)]
        except OSError:  # no runs folder yet, or it cannot be read
            return []
        cutoff = time.time() - older_than
        removed = []
        for folder in folders:
            try:
                status = folder.lstat()  # lstat: a symbolic link is not followed, and not removed
            except OSError:
                continue
            if stat.S_ISDIR(status.st_mode) and status.st_mtime < cutoff:
                shutil.rmtree(folder, ignore_errors=True)
                if not folder.exists():
                    removed.append(folder.name)
        return removed

    def _read_record(self, folder: Path) -> RunRecord:
        try:
            data = json.loads((folder / RECORD_FILE).read_text(encoding="utf-8"))
            record = RunRecord(
                **{
                    **data,
                    "history": {name: [_number(v) for v in values] for name, values in data["history"].items()},
                    "test_loss": _number(data["test_loss"]),
                    "test_accuracy": _number(data["test_accuracy"]),
                }
            )
        except (OSError, ValueError, TypeError) as error:
            raise RunError(f"Run {folder.name} has no readable record.") from error
        if record.id != folder.name:
            raise RunError(f"Run {folder.name}'s record names another run.")
        return record


def _number(value: float | None) -> float:
    """A saved figure; null (a diverged run's NaN, which JSON cannot hold) reads back as NaN."""
    return math.nan if value is None else float(value)


def _finite_or_none(value: Any) -> Any:
    """NaN and infinities as null, so run.json stays JSON that any tool reads."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {key: _finite_or_none(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_finite_or_none(item) for item in value]
    return value
