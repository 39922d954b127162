"""Which model trains by default, and which saved run each page starts on: every default model, in one place.

- `drawing_settings`: the digits model the setup trains once, the one that reads people's drawings best.
- `ready_drawing_run`: a finished run trained like it. The setup trains one when there is none, Home says a
  model is ready when there is one, and the benchmarks and browser tests use it.
- `offered_runs`: the runs a student may read with: the pinned class model, their own, the teacher's, and
  earlier runs that belong to nobody. `readable_runs`: those of one data set, and every readable run for the
  teacher.
- `may_continue`: whose runs a person may train on for more epochs.
- `drawing_run`: the run the Draw page starts on; `default_run`: the run the Mistakes page starts on. Both
  start on the class model the teacher pinned, when there is one.
- `quick_settings`: the one-click training the Draw page offers when no digits model exists at all.
"""

from __future__ import annotations

from collections.abc import Iterable

from mnist_core import config
from mnist_core.classroom.students import identity
from mnist_core.data.datasets import DatasetName
from mnist_core.model.keras_model import ModelKind
from mnist_core.runs.store import RunRecord, RunStatus
from mnist_core.training.settings import TrainingSettings

QUICK_EPOCHS = 2  # about half a minute here, and already about 97% right on the test set
# What makes a run "trained like the default": the same network on the same images (seed and epochs may differ).
DEFINING_SETTINGS = ("dataset", "model_kind", "augment", "train_limit")


def drawing_settings() -> TrainingSettings:
    """The setup's digits model: the small CNN on augmented images reads people's drawings best.

    Measured on 200 real pen digits (bench/handwriting.py): 98.5% against the tutorial's dense network's 95.5%.
    """
    return TrainingSettings(
        dataset=DatasetName.MNIST,
        epochs=10,
        model_kind=ModelKind.CNN,
        augment=True,
        seed=0,
        train_limit=config.train_limit(),
    )


def quick_settings(train_limit: int | None = None) -> TrainingSettings:
    """The tutorial's model and batch size, for just a couple of epochs."""
    return TrainingSettings(dataset=DatasetName.MNIST, epochs=QUICK_EPOCHS, train_limit=train_limit)


def is_default_drawing_run(record: RunRecord) -> bool:
    """A finished run trained like the setup's default digits model."""
    wanted = drawing_settings().to_dict()
    return record.status == RunStatus.FINISHED and all(
        record.settings.get(name) == wanted[name] for name in DEFINING_SETTINGS
    )


def ready_drawing_run(records: Iterable[RunRecord]) -> RunRecord | None:
    """The best finished run trained like the default digits model, or None when there is none."""
    ready = [record for record in records if is_default_drawing_run(record)]
    return max(ready, key=lambda record: record.test_accuracy, default=None)


def is_mine(record: RunRecord, student: str | None) -> bool:
    return student is not None and record.owner is not None and identity(record.owner) == identity(student)


def offered_runs(records: Iterable[RunRecord], student: str | None, pinned_run: str | None) -> list[RunRecord]:
    """The runs a student may read drawings or mistakes with, newest first; diverged runs read nothing."""
    return [
        record
        for record in records
        if record.status.can_read
        and (record.id == pinned_run or record.teacher or record.owner is None or is_mine(record, student))
    ]


def drawing_run(records: Iterable[RunRecord], pinned_run: str | None = None) -> RunRecord | None:
    """The pinned class model when it reads digits; else the digits run best for reading drawings: trained on
    augmented images first (they read people's handwriting better than MNIST-only runs), then the highest test
    accuracy; the newest run if none finished."""
    digits = [record for record in records if record.dataset == DatasetName.MNIST and record.status.can_read]
    pinned = next((record for record in digits if record.id == pinned_run), None)
    if pinned is not None:
        return pinned
    finished = [record for record in digits if record.status == RunStatus.FINISHED]
    if not finished:
        return digits[0] if digits else None
    return max(finished, key=lambda record: (bool(record.settings.get("augment")), record.test_accuracy))


def default_run(records: Iterable[RunRecord], dataset: str, pinned_run: str | None = None) -> RunRecord | None:
    """The pinned class model when it is of this data set; else the newest finished run of the data set, else
    its newest stopped one."""
    records = [record for record in records if record.dataset == dataset and record.status.can_read]
    pinned = next((record for record in records if record.id == pinned_run), None)
    finished = [record for record in records if record.status == RunStatus.FINISHED]
    return pinned or (finished or records or [None])[0]


def readable_runs(
    records: Iterable[RunRecord], dataset: str, student: str | None, pinned_run: str | None, teacher: bool = False
) -> list[RunRecord]:
    """The runs of a data set a person may read drawings or mistakes with, newest first: a student's are the offered
    runs (offered_runs); the teacher may read with every run that can read."""
    if teacher:
        offered = [record for record in records if record.status.can_read]
    else:
        offered = offered_runs(records, student, pinned_run)
    return [record for record in offered if record.dataset == dataset]


def may_continue(record: RunRecord, student: str | None, teacher: bool = False) -> bool:
    """Whether a person may train a run on for more epochs: the teacher any run, a student their own; never a run
    whose loss blew up (more epochs would go on from weights that read nothing)."""
    return (teacher or is_mine(record, student)) and record.status != RunStatus.DIVERGED
