"""What the pages show, as plain data and text: names, captions, tables, progress lines and pictures.

The Streamlit pages only lay these out, so everything a person reads is built (and tested) here, in
plain Python. Text goes through i18n.t, so it follows the session's language.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import numpy as np

from mnist_core import limits
from mnist_core.classroom.caps import Caps
from mnist_core.i18n import t
from mnist_core.runs.store import RunRecord
from mnist_core.serving.jobs import JobSnapshot, JobState
from mnist_core.training.evaluation import Evaluation


@dataclass(frozen=True)
class Reference:
    """A test accuracy the tutorial reports, to set beside ours."""

    dataset: str
    epochs: int
    accuracy: float


TUTORIAL_REFERENCES: tuple[Reference, ...] = (
    Reference("mnist", 10, 0.9804),
    Reference("mnist", 200, 0.9855),
    Reference("fashion_mnist", 10, 0.8896),
)


# Names


def dataset_title(dataset: str) -> str:
    """The data set's name, e.g. Digits (MNIST)."""
    return t(f"dataset.{dataset}")


def dataset_short(dataset: str) -> str:
    """A short name (Digits, Fashion) for tables and labels."""
    return t(f"dataset.{dataset}.short")


def model_title(kind: str) -> str:
    return t(f"model.{kind}")


def optimizer_title(name: str) -> str:
    return t(f"optimizer.{name}")


def learning_rate_note(rate: float, optimizer: str) -> str | None:
    """What to expect of a learning rate far from the usual: a model that crawls, or one that may blow up."""
    if rate <= limits.CRAWLING_LEARNING_RATE:
        return t("train.rate.crawl")
    if rate >= (0.1 if optimizer == "adam" else 5.0):
        return t("train.rate.too_high")
    return None


def caps_text(caps: Caps) -> str:
    """The class's caps as one line for a student, e.g. "up to 20 epochs · dense or CNN · augmentation allowed"."""
    parts = [
        t("caps.text.epochs", epochs=caps.epochs),
        t("caps.text.models", models=", ".join(t(f"model.{kind}.short") for kind in caps.models) or "–"),
        t("caps.text.augment_yes") if caps.augment else t("caps.text.augment_no"),
    ]
    if caps.train_images is not None:
        parts.append(t("caps.text.images", images=f"{caps.train_images:,}"))
    return t("caps.text", caps=" · ".join(parts))


def model_description(record: RunRecord, short: bool = False) -> str:
    """A run's model, saying whether it trained on augmented images."""
    name = t(f"model.{record.model_kind}.short") if short else model_title(record.model_kind)
    return t("model.with_augmentation", model=name) if record.settings.get("augment") else name


def class_names(dataset: str) -> list[str]:
    """The ten class names: the digits themselves, or the clothing names (translated)."""
    if dataset == "mnist":
        return [str(digit) for digit in range(10)]
    return [t(f"classes.{dataset}.{index}") for index in range(10)]


# Numbers and times


def percent(fraction: float, digits: int = 2) -> str:
    return f"{fraction * 100:.{digits}f}%"


def clock(seconds: float) -> str:
    """Seconds as m:ss or h:mm:ss, which reads the same in every language."""
    whole = max(0, round(seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def when(created: str, timezone: str | None = None) -> str:
    """A run's ISO time stamp (UTC) as local "YYYY-MM-DD HH:MM" in the viewer's time zone when known."""
    moment = datetime.fromisoformat(created)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    try:
        zone = ZoneInfo(timezone) if timezone else None
    except (ZoneInfoNotFoundError, ValueError):
        zone = None
    if zone is None:
        return f"{moment.astimezone(UTC):%Y-%m-%d %H:%M} UTC"
    return f"{moment.astimezone(zone):%Y-%m-%d %H:%M}"


# Errors


# Runs


def status_text(status: str) -> str:
    """Finished or stopped, in words with a symbol (never colour alone)."""
    return t(f"runs.status.{status}")


def owner_text(record: RunRecord) -> str:
    """Whose run it is: a student's name, the teacher, or an earlier run of nobody's (before names existed)."""
    if record.teacher:
        return t("runs.owner.teacher")
    return record.owner if record.owner is not None else t("runs.owner.earlier")


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


def learning_text(settings: dict) -> str:
    """A run's optimizer and learning rate, e.g. "adam 0.001" (runs from before the choice: the tutorial's)."""
    optimizer = str(settings.get("optimizer", "adam"))
    return f"{t(f'optimizer.{optimizer}.short')} {float(settings.get('learning_rate', 0.001)):g}"


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


def asked_epochs(record: RunRecord) -> int | str:
    """The epochs its training was asked for, counting a continued run's parent's."""
    asked = record.settings.get("epochs")
    return "?" if asked is None else record.first_epoch + asked


def references_for(datasets: Iterable[str]) -> list[Reference]:
    wanted = set(datasets)
    return [reference for reference in TUTORIAL_REFERENCES if reference.dataset in wanted]


def reference_label(reference: Reference) -> str:
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


# Training progress


def progress_line(snapshot: JobSnapshot) -> str:
    """Where a job is: e.g. Epoch 3 of 10 · 0:24 elapsed · about 0:56 left; or queued, done, failed."""
    if snapshot.state == JobState.QUEUED and snapshot.wait_seconds is not None:
        return t("train.queued_wait", position=snapshot.queue_position, time=clock(snapshot.wait_seconds))
    if snapshot.state == JobState.QUEUED:
        return t("train.queued", position=snapshot.queue_position)
    if snapshot.state == JobState.RUNNING and snapshot.batches_per_epoch == 0:
        return t("train.getting_ready")  # loading the data, building the model
    if snapshot.state == JobState.RUNNING:
        left = snapshot.seconds_left
        parts = [
            t("train.epoch_of", epoch=max(snapshot.epoch, 1), epochs=snapshot.settings.epochs),
            t("train.elapsed", time=clock(snapshot.elapsed_seconds)),
            t("train.left", time=clock(left)) if left is not None else t("train.left_unknown"),
        ]
        return " · ".join(parts)
    epochs = len(snapshot.history.get("loss", []))
    if snapshot.stopped_by_teacher and snapshot.state in (JobState.STOPPED, JobState.CANCELLED):
        return t(f"train.by_teacher.{snapshot.state}", epochs=epochs)
    if snapshot.state.saved:
        return t(f"train.done.{snapshot.state}", epochs=epochs)
    if snapshot.state == JobState.FAILED:
        return t("train.failed", error=snapshot.error or "?")
    return t("train.cancelled")


def line_row(snapshot: JobSnapshot) -> str:
    """One job in the teacher's view of the line: who, what, and where it is."""
    settings = snapshot.settings
    who = t("runs.owner.teacher") if snapshot.owner.teacher else snapshot.owner.name or t("runs.owner.nobody")
    what = t(
        "teacher.line.what",
        dataset=dataset_short(settings.dataset),
        model=t(f"model.{settings.model_kind}.short"),
        epochs=settings.epochs,
        learning=learning_text(settings.to_dict()),
    )
    return " · ".join([who, what, progress_line(snapshot)])


def thin(points: Sequence[tuple[float, float]], limit: int = 400) -> list[tuple[float, float]]:
    """At most `limit` evenly spread points of a long trace (charts need no more), keeping the last."""
    if len(points) <= limit:
        return list(points)
    picks = np.linspace(0, len(points) - 1, limit).round().astype(int)
    return [points[index] for index in picks]


# Mistakes


def headline(evaluation: Evaluation) -> str:
    """E.g. 196 of 10,000 test images wrong (98.04% right)."""
    return t(
        "mistakes.headline",
        wrong=evaluation.wrong_count,
        total=evaluation.total,
        right=percent(evaluation.accuracy),
    )


def mistake_caption(evaluation: Evaluation, index: int, names: Sequence[str]) -> str:
    """E.g. ✗ Label: 5 · Predict: 3 · 87%: the tutorial's title, with how sure the model was."""
    true_label, predicted = int(evaluation.true_labels[index]), int(evaluation.predicted_labels[index])
    mark = t("common.right_mark") if true_label == predicted else t("common.wrong_mark")
    return t(
        "mistakes.caption",
        mark=mark,
        label=names[true_label],
        predict=names[predicted],
        confidence=percent(evaluation.confidence(index), 0),
    )


def filter_summary(shown: int, matching: int, true_class: int | None, predicted_class: int | None, names) -> str:
    """What the gallery shows, e.g. "20 of 196 mistakes" or "3 of 3 mistakes: label 4 read as 9"."""
    if true_class is None and predicted_class is None:
        return t("mistakes.showing", shown=shown, matching=matching)
    label = names[true_class] if true_class is not None else t("mistakes.any")
    predict = names[predicted_class] if predicted_class is not None else t("mistakes.any")
    return t("mistakes.showing_filtered", shown=shown, matching=matching, label=label, predict=predict)


def confusion_rows(confusion: np.ndarray, names: Sequence[str]) -> list[dict[str, str]]:
    """The confusion matrix as table rows: one row per true class, one column per predicted class.

    Right answers (the diagonal) carry a ✓ so they read apart from mistakes without colour.
    """
    rows = []
    for true_class, counts in enumerate(confusion):
        row = {}
        for predicted, count in enumerate(counts):
            row[names[predicted]] = f"✓ {count}" if predicted == true_class else str(int(count))
        rows.append(row)
    return rows


# Drawing


def probability_rows(probabilities: np.ndarray, names: Sequence[str]) -> list[dict[str, object]]:
    """The ten class probabilities, in class order, for a bar chart."""
    return [{"class": names[index], "probability": float(p)} for index, p in enumerate(probabilities)]


def run_short_label(record: RunRecord, timezone: str | None = None) -> str:
    """A run in a chart legend: data set, model, epochs and when."""
    return t(
        "runs.short_label",
        dataset=dataset_short(record.dataset),
        model=model_description(record, short=True),
        epochs=record.epochs_done,
        when=when(record.created, timezone),
    )


def comparison_rows(records: Sequence[RunRecord], timezone: str | None = None) -> list[dict[str, object]]:
    """The tutorial's test accuracies for these runs' data sets, then the runs' own, for one small table."""
    rows: list[dict[str, object]] = [
        {
            "source": t("runs.source.tutorial"),
            "dataset": dataset_short(reference.dataset),
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
            "epochs": record.epochs_done,
            "learning": learning_text(record.settings),
            "accuracy": round(record.test_accuracy * 100, 2),
        }
        for record in records
    ]
    return rows
