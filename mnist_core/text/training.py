"""A training in words: a note on its learning rate and the class's caps before it starts, then where it is
(in line, running, how it ended), the teacher's row for it in the line, and its batch trace thinned for a chart."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from mnist_core import limits
from mnist_core.classroom.caps import Caps
from mnist_core.i18n import t
from mnist_core.model.keras_model import ModelKind
from mnist_core.serving.jobs import JobSnapshot, JobState
from mnist_core.text.formats import clock
from mnist_core.text.names import dataset_short, network_name
from mnist_core.text.runs import learning_text


def images_title(count: int | None) -> str:
    """How many training images a choice means: e.g. "All 60,000" or "1,000"."""
    if count is None:
        return t("train.settings.images_all", count=f"{limits.TRAIN_IMAGES.high:,}")
    return f"{count:,}"


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
    if ModelKind.CUSTOM in caps.models:  # the size caps matter to a student who writes a network
        parts.append(t("caps.text.network", parameters=f"{caps.parameters:,}", layers=caps.layers))
    return t("caps.text", caps=" · ".join(parts))


def progress_line(snapshot: JobSnapshot) -> str:
    """Where a job is: e.g. Epoch 3 of 10 · 0:24 elapsed · about 0:56 left; or queued, done, failed."""
    if snapshot.state == JobState.QUEUED and snapshot.wait_seconds is not None:
        return t("train.queued_wait", position=snapshot.queue_position, time=clock(snapshot.wait_seconds))
    if snapshot.state == JobState.QUEUED:
        return t("train.queued", position=snapshot.queue_position)
    if snapshot.state == JobState.REQUEUED:
        return t("train.requeued", attempt=snapshot.attempt)
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
    if snapshot.state == JobState.INTERRUPTED:
        return t("train.interrupted")
    return t("train.cancelled")


def line_row(snapshot: JobSnapshot) -> str:
    """One job in the teacher's view of the line: who, what, and where it is."""
    settings = snapshot.settings
    who = t("runs.owner.teacher") if snapshot.owner.teacher else snapshot.owner.name or t("runs.owner.nobody")
    what = t(
        "teacher.line.what",
        dataset=dataset_short(settings.dataset),
        model=network_name(settings.to_dict(), short=True),
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
