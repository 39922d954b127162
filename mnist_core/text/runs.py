"""Saved runs in words: a run's label in a choice box, its row in the runs table, and the tutorial's figures
beside it."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from mnist_core.data.datasets import DatasetName
from mnist_core.i18n import t
from mnist_core.model.keras_model import ModelKind
from mnist_core.runs.store import RunRecord
from mnist_core.text.formats import percent, when
from mnist_core.text.names import dataset_short, model_title, network_name


@dataclass(frozen=True)
class Reference:
    """A test accuracy the tutorial reports, to set beside ours."""

    dataset: str
    epochs: int
    accuracy: float


TUTORIAL_REFERENCES: tuple[Reference, ...] = (
    Reference(DatasetName.MNIST, 10, 0.9804),
    Reference(DatasetName.MNIST, 200, 0.9855),
    Reference(DatasetName.FASHION_MNIST, 10, 0.8896),
)


def status_text(status: str) -> str:
    """Finished or stopped, in words with a symbol (never colour alone)."""
    return t(f"runs.status.{status}")


def owner_text(record: RunRecord) -> str:
    """Whose run it is: a student's name, the teacher, or an earlier run of nobody's (before names existed)."""
    if record.teacher:
        return t("runs.owner.teacher")
    return record.owner if record.owner is not None else t("runs.owner.earlier")


def model_description(record: RunRecord, short: bool = False) -> str:
    """A run's model (a written network's short form), saying whether it trained on augmented images."""
    name = network_name(record.settings, short)
    return t("model.with_augmentation", model=name) if record.settings.get("augment") else name


def learning_text(settings: dict) -> str:
    """A run's optimizer and learning rate, e.g. "adam 0.001" (runs from before the choice: the tutorial's)."""
    optimizer = str(settings.get("optimizer", "adam"))
    return f"{t(f'optimizer.{optimizer}.short')} {float(settings.get('learning_rate', 0.001)):g}"


def asked_epochs(record: RunRecord) -> int | str:
    """The epochs its training was asked for, counting a continued run's parent's."""
    asked = record.settings.get("epochs")
    return "?" if asked is None else record.first_epoch + asked


def run_label(record: RunRecord, timezone: str | None = None, pinned: bool = False) -> str:
    """One line naming a run in a choice box: whose, what, how good, when; the class model starred."""
    label = t(
        "runs.label",
        owner=owner_text(record),
        dataset=dataset_short(record.dataset),
        model=model_description(record),
        epochs=record.epochs_done,
        accuracy=percent(record.test_accuracy),
        when=when(record.created, timezone),
        status=status_text(record.status),
    )
    return t("runs.pinned", label=label) if pinned else label


def run_short_label(record: RunRecord, timezone: str | None = None) -> str:
    """A run in a chart legend: data set, model, epochs and when."""
    return t(
        "runs.short_label",
        dataset=dataset_short(record.dataset),
        model=model_description(record, short=True),
        epochs=record.epochs_done,
        when=when(record.created, timezone),
    )


def runs_table(records: Sequence[RunRecord], timezone: str | None = None) -> list[dict[str, object]]:
    """One row per run for the runs table (column names are translated by the page's column config)."""
    return [
        {
            "dataset": dataset_short(record.dataset),
            "model": model_description(record),
            "who": owner_text(record),
            "epochs": t("runs.epochs_of", done=record.epochs_done, asked=asked_epochs(record)),
            "batch": record.settings.get("batch_size"),
            "learning": learning_text(record.settings),
            "accuracy": round(record.test_accuracy * 100, 2),
            "fit": round(record.fit_seconds, 1),
            "when": when(record.created, timezone),
            "status": status_text(record.status),
        }
        for record in records
    ]


# The tutorial's figures


def references_for(datasets: Iterable[str]) -> list[Reference]:
    """The tutorial's figures for these data sets, in the tutorial's order."""
    wanted = set(datasets)
    return [reference for reference in TUTORIAL_REFERENCES if reference.dataset in wanted]


def reference_label(reference: Reference) -> str:
    """One of the tutorial's figures as a line, e.g. for a chart's reference mark."""
    return t(
        "runs.reference",
        dataset=dataset_short(reference.dataset),
        epochs=reference.epochs,
        accuracy=f"{reference.accuracy:.4f}",
    )


def closest_reference(dataset: str, epochs: int) -> Reference | None:
    """The tutorial's figure to compare a run with: same data set, nearest number of epochs."""
    candidates = references_for([dataset])
    if not candidates:
        return None
    return min(candidates, key=lambda reference: abs(reference.epochs - epochs))


def comparison_rows(records: Sequence[RunRecord], timezone: str | None = None) -> list[dict[str, object]]:
    """The tutorial's test accuracies for these runs' data sets, then the runs' own, for one small table."""
    rows: list[dict[str, object]] = [
        {
            "source": t("runs.source.tutorial"),
            "dataset": dataset_short(reference.dataset),
            "model": model_title(ModelKind.MLP),  # the tutorial trains its dense network
            "epochs": reference.epochs,
            "learning": learning_text({}),  # the tutorial's Adam at 0.001
            "accuracy": round(reference.accuracy * 100, 2),
        }
        for reference in references_for(record.dataset for record in records)
    ]
    rows += [
        {
            "source": t("runs.source.ours", when=when(record.created, timezone)),
            "dataset": dataset_short(record.dataset),
            "model": model_description(record),
            "epochs": record.epochs_done,
            "learning": learning_text(record.settings),
            "accuracy": round(record.test_accuracy * 100, 2),
        }
        for record in records
    ]
    return rows
