"""The Class page's runs dashboard without the page: which runs are the class's, each point's category, colour and
shape, the best run of each model, who beat the tutorial, and the words, with names only where the teacher allows."""

from __future__ import annotations

import itertools

import pytest

from mnist_core.classroom import dashboard
from mnist_core.classroom.dashboard import (
    COLOURS,
    SHAPES,
    TUTORIAL_ACCURACY,
    Category,
    beat_tutorial,
    best_per_model,
    best_per_trainer,
    category,
    class_runs,
    layers_shown,
    model_kind,
)
from mnist_core.i18n import in_language, t
from mnist_core.model.keras_model import OPTIMIZERS
from mnist_core.runs.store import RunRecord
from mnist_core.text import dashboard as words

_serial = itertools.count()


def run(
    accuracy: float,
    owner: str | None = None,
    teacher: bool = False,
    kind: str = "mlp",
    optimizer: str | None = "adam",
    dataset: str = "mnist",
    status: str = "finished",
    layers: str | None = None,
    epochs: int = 3,
) -> RunRecord:
    number = next(_serial)
    settings: dict = {"dataset": dataset, "epochs": epochs, "model_kind": kind, "batch_size": 100}
    if optimizer is not None:
        settings |= {"optimizer": optimizer, "learning_rate": 0.001}
    if layers is not None:
        settings["layers"] = layers
    return RunRecord(
        id=f"20261201-09{number:04d}-{dataset}-abcdef", dataset=dataset, settings=settings,
        history={"loss": [0.3] * epochs, "accuracy": [0.9] * epochs, "val_loss": [0.3] * epochs,
                 "val_accuracy": [0.9] * epochs},
        fit_seconds=12.5 * epochs, test_loss=0.1, test_accuracy=accuracy, status=status,
        created=f"2026-12-01T09:{number // 60 % 60:02d}:{number % 60:02d}+00:00", owner=owner, teacher=teacher,
    )  # fmt: skip


def test_the_class_runs_are_digits_runs_of_a_student_or_the_teacher_with_a_score():
    kept = [run(0.97, owner="Min-jun"), run(0.99, teacher=True), run(0.95, owner="Seo-yeon", status="stopped")]
    left_out = [
        run(0.99),  # the setup's run: nobody's
        run(0.88, owner="Min-jun", dataset="fashion_mnist"),  # not against the digits tutorial
        run(float("nan"), owner="Min-jun", status="diverged"),  # no score to place
    ]
    assert class_runs([*kept, *left_out]) == kept


def test_each_of_the_nine_categories_has_its_own_colour_and_shape():
    categories = [Category(kind, optimizer) for kind in dashboard.KINDS for optimizer in OPTIMIZERS]
    assert sorted(category.index for category in categories) == list(range(9))
    assert len({category.colour for category in categories}) == len(COLOURS) == 9
    assert len({category.shape for category in categories}) == len(SHAPES) == 9  # never colour alone


def test_a_points_category_is_its_model_and_optimizer():
    assert category(run(0.9, kind="cnn", optimizer="momentum")) == Category("cnn", "momentum")
    assert category(run(0.9, optimizer=None)) == Category("mlp", "adam")  # from before the choice: the tutorial's
    custom = run(0.9, kind="custom", layers="conv 16 3 relu; pool 2; dense 64 relu", optimizer="sgd")
    assert category(custom) == Category("custom", "sgd")
    assert model_kind(run(0.9, kind="mlp", layers="dense 32 relu")) == "custom"  # written layers make it custom
    assert layers_shown(custom) == "conv 16 3×3 relu → pool 2×2 → dense 64 relu"
    assert layers_shown(run(0.9, kind="custom", layers="warp 9")) == "warp 9"  # a spec this version cannot read
    assert layers_shown(run(0.9)) is None


def test_the_best_of_each_model_and_who_beat_the_tutorial():
    dense = run(0.975, owner="Min-jun")
    dense_better = run(0.979, owner="Seo-yeon")
    cnn = run(0.991, owner="Min-jun", kind="cnn")
    cnn_teacher = run(0.989, teacher=True, kind="cnn")
    custom = run(0.9804, owner="Ha-eun", kind="custom", layers="dense 64 relu")  # equal is not beating
    records = [dense, dense_better, cnn, cnn_teacher, custom]
    assert best_per_model(records) == [dense_better, cnn, custom]  # dense, CNN, custom
    assert beat_tutorial(records) == [cnn, cnn_teacher]
    assert best_per_trainer([cnn, cnn_teacher, run(0.985, owner="MIN-JUN")]) == [cnn, cnn_teacher]  # once each
    tie = run(0.979, owner="Ji-woo")
    assert best_per_model([tie, dense_better])[0] == dense_better  # on a tie, the run that got there first


@pytest.fixture
def class_of_three() -> list[RunRecord]:
    return [
        run(0.991, owner="Min-jun", kind="cnn"),
        run(0.972, owner="Min-jun", optimizer="sgd"),
        run(0.985, owner="Seo-yeon", kind="custom", layers="dense 256 relu; dropout 0.2"),
        run(0.989, teacher=True, kind="cnn", optimizer="momentum"),
    ]


@pytest.mark.parametrize("language", ["en", "ko"])
def test_names_are_in_the_words_and_the_chart_data_only_when_shown(class_of_three, language):
    with in_language(language):
        hidden = [
            words.beat_sentence(class_of_three, False),
            words.chart_alt(class_of_three, False, by_time=False),
            *(str(value) for row in words.point_rows(class_of_three, False) for value in row.values()),
            *(str(cell) for row in words.every_row(class_of_three, False) for cell in row),
            *(value for record in class_of_three for _, value in words.details(record, False)),
        ]
        assert not [text for text in hidden if "Min-jun" in text or "Seo-yeon" in text]
        shown = words.beat_sentence(class_of_three, True)
        assert "Min-jun (99.10%)" in shown and "Seo-yeon (98.50%)" in shown and t("runs.owner.teacher") in shown
        assert [row["who"] for row in words.point_rows(class_of_three, True)] == [
            "Min-jun", "Min-jun", "Seo-yeon", t("runs.owner.teacher")
        ]  # fmt: skip
        assert words.point_rows(class_of_three, False)[0]["who"] == t("dashboard.a_student")


def test_the_words_say_how_many_beat_the_tutorial_and_the_best_of_each_model(class_of_three):
    assert words.summary(class_of_three) == t("dashboard.summary", runs=4, people=3, tutorial="98.04%")
    assert words.beat_sentence(class_of_three, False) == t(
        "dashboard.beat.count", runs=3, people=3, tutorial="98.04%", best="99.10%", category="CNN · adam"
    )
    best = words.best_rows(class_of_three, False)
    assert [row[0] for row in best] == ["dense", "CNN", "custom: dense 256 relu → dropout 0.2"]
    assert [row[-1] for row in best] == [t("dashboard.below"), t("dashboard.above"), t("dashboard.above")]
    assert len(words.table_columns()) == len(best[0])
    assert [row[4] for row in words.every_row(class_of_three, False)] == ["99.10%", "98.90%", "98.50%", "97.20%"]
    low = [run(0.95, owner="Min-jun")]
    assert words.beat_sentence(low, True) == t("dashboard.beat.none", tutorial="98.04%", best="95.00%")
    assert words.summary([]) == words.beat_sentence([], False) == t("dashboard.none")


def test_a_chosen_runs_details_and_the_points_data(class_of_three):
    custom = class_of_three[2]
    details = dict(words.details(custom, show_names=False))
    assert details[t("runs.col.who")] == t("dashboard.a_student")
    assert details[t("runs.col.model")] == "custom: dense 256 relu → dropout 0.2"
    assert details[t("runs.col.epochs")] == "3 of 3" and details[t("dashboard.images")] == "60,000"
    point = words.point_rows([custom], show_names=True)[0]
    assert point["run"] == custom.id and point["epochs"] == 3 and point["seconds"] == 37.5
    assert point["accuracy"] == custom.test_accuracy and point["category"] == "custom · adam"
    assert words.point_label(custom, True) == "Seo-yeon · custom: dense 256 relu → dropout 0.2 · adam 0.001 · " \
        "3 epochs · 98.50% right"  # fmt: skip
    assert TUTORIAL_ACCURACY == 0.9804
