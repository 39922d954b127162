"""The class's runs dashboard in words: each point's label and data, who beat the tutorial, the best run of each
model, a chosen run's settings. Names only where the teacher shows them (`show_names`); the teacher's runs always
say "Teacher". The rules (which runs, which category, which is best) are in classroom/dashboard.py.
"""

from __future__ import annotations

from collections.abc import Sequence

from mnist_core import limits
from mnist_core.classroom.dashboard import (
    CUSTOM,
    TUTORIAL_ACCURACY,
    Category,
    beat_tutorial,
    best_per_model,
    best_per_trainer,
    category,
    layers_shown,
    model_kind,
    trainer_key,
)
from mnist_core.i18n import t
from mnist_core.runs.store import RunRecord
from mnist_core.text.formats import clock, percent, when
from mnist_core.text.runs import asked_epochs, learning_text, status_text


def who(record: RunRecord, show_names: bool) -> str:
    """Who trained a run as the dashboard may say it: the teacher, the student's name, or "a student"."""
    if record.teacher:
        return t("runs.owner.teacher")
    return record.owner if show_names and record.owner else t("dashboard.a_student")


def kind_name(kind: str) -> str:
    if kind == CUSTOM:
        return t("dashboard.custom")
    return t("model.cnn.short") if kind == "cnn" else t("model.mlp.short")


def category_name(chosen: Category) -> str:
    """What a colour and shape stand for in the legend, e.g. "CNN · adam"."""
    return t("dashboard.category", model=kind_name(chosen.kind), optimizer=t(f"optimizer.{chosen.optimizer}.short"))


def model_text(record: RunRecord) -> str:
    """The run's model: "CNN", "dense + augmentation", or a custom run's layers in short."""
    kind = model_kind(record)
    name = kind_name(kind)
    if kind == CUSTOM:
        name = t("dashboard.custom_layers", layers=layers_shown(record) or t("layers.display.none"))
    return t("model.with_augmentation", model=name) if record.settings.get("augment") else name


def point_label(record: RunRecord, show_names: bool) -> str:
    """One point in words: whose, which model, how it learned, how long, how good."""
    return t(
        "dashboard.point",
        who=who(record, show_names),
        model=model_text(record),
        learning=learning_text(record.settings),
        epochs=record.epochs_done,
        accuracy=percent(record.test_accuracy),
    )


def point_rows(records: Sequence[RunRecord], show_names: bool) -> list[dict[str, object]]:
    """The chart's data: one row per run. Nothing in it names a student the teacher has not chosen to show."""
    rows = []
    for record in records:
        chosen = category(record)
        rows.append(
            {
                "run": record.id,
                "epochs": record.epochs_done,
                "seconds": round(record.fit_seconds, 1),
                "accuracy": record.test_accuracy,
                "category": category_name(chosen),
                "order": chosen.index,
                "who": who(record, show_names),
                "model": model_text(record),
                "learning": learning_text(record.settings),
            }
        )
    return rows


def summary(records: Sequence[RunRecord]) -> str:
    """How many runs the chart shows, and by how many people."""
    if not records:
        return t("dashboard.none")
    people = len({trainer_key(record) for record in records})
    return t("dashboard.summary", runs=len(records), people=people, tutorial=percent(TUTORIAL_ACCURACY))


def beat_sentence(records: Sequence[RunRecord], show_names: bool) -> str:
    """Who beat the tutorial's 98.04%: by name when names are shown, else how many runs and people."""
    tutorial = percent(TUTORIAL_ACCURACY)
    winners = beat_tutorial(records)
    if not winners:
        if not records:
            return t("dashboard.none")
        best = best_per_trainer(records)[0]
        return t("dashboard.beat.none", tutorial=tutorial, best=percent(best.test_accuracy))
    people = best_per_trainer(winners)
    if show_names:
        names = ", ".join(f"{who(record, True)} ({percent(record.test_accuracy)})" for record in people)
        return t("dashboard.beat.named", tutorial=tutorial, names=names)
    best = winners[0]
    return t(
        "dashboard.beat.count",
        runs=len(winners),
        people=len(people),
        tutorial=tutorial,
        best=percent(best.test_accuracy),
        category=category_name(category(best)),
    )


def table_columns() -> list[str]:
    """The headings of best_rows and every_row, in order."""
    return [
        t("runs.col.model"),
        t("runs.col.learning"),
        t("runs.col.epochs"),
        t("runs.col.fit"),
        t("runs.col.accuracy"),
        t("runs.col.who"),
        t("dashboard.col.tutorial"),
    ]


def _row(record: RunRecord, show_names: bool) -> list[object]:
    beat = record.test_accuracy > TUTORIAL_ACCURACY
    return [
        model_text(record),
        learning_text(record.settings),
        record.epochs_done,
        clock(record.fit_seconds),
        percent(record.test_accuracy),
        who(record, show_names),
        t("dashboard.above") if beat else t("dashboard.below"),  # in words, never a colour alone
    ]


def best_rows(records: Sequence[RunRecord], show_names: bool) -> list[list[object]]:
    """The best run of each model, one row each (dense, CNN, custom), columns as table_columns."""
    return [_row(record, show_names) for record in best_per_model(records)]


def every_row(records: Sequence[RunRecord], show_names: bool) -> list[list[object]]:
    """Every point of the chart as a table row, best first: the chart for a reader who cannot see it."""
    return [_row(record, show_names) for record in sorted(records, key=lambda record: -record.test_accuracy)]


def chart_alt(records: Sequence[RunRecord], show_names: bool, by_time: bool) -> str:
    """The chart's text alternative: what it plots, then who beat the tutorial."""
    axis = t("dashboard.axis.seconds") if by_time else t("dashboard.axis.epochs")
    return t("dashboard.alt", axis=axis, tutorial=percent(TUTORIAL_ACCURACY), beat=beat_sentence(records, show_names))


def details(record: RunRecord, show_names: bool, timezone: str | None = None) -> list[tuple[str, str]]:
    """A chosen run's settings and results, as (what, value) rows."""
    settings = record.settings
    images = settings.get("train_limit") or limits.TRAIN_IMAGES.high  # none: all of them
    rows = [
        (t("runs.col.who"), who(record, show_names)),
        (t("runs.col.model"), model_text(record)),
        (t("runs.col.learning"), learning_text(settings)),
        (t("runs.col.epochs"), t("runs.epochs_of", done=record.epochs_done, asked=asked_epochs(record))),
        (t("runs.col.batch"), str(settings.get("batch_size", "?"))),
        (t("dashboard.images"), f"{int(images):,}"),
        (t("runs.col.fit"), clock(record.fit_seconds)),
        (t("runs.col.accuracy"), percent(record.test_accuracy)),
        (t("runs.col.status"), status_text(record.status)),
        (t("runs.col.when"), when(record.created, timezone)),
    ]
    if settings.get("class_drawings_up_to"):
        rows.append((t("dashboard.fine_tuned"), t("dashboard.yes")))
    return rows
