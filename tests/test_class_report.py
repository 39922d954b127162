"""The Class page's numbers from a real model reading real handwriting, and fine-tuning on the class set.

The class here is made of the project's UNIPEN pen digits, each writer a student, drawn like the browser canvas
and read by the quick model, as the Draw page does.
"""

from __future__ import annotations

import dataclasses
import math

import numpy as np
import pytest

from harness.pen_class import PenGift, give_all, pen_gifts
from mnist_core import config
from mnist_core.classroom.students import TEACHER
from mnist_core.classset.drawings import ClassDrawings
from mnist_core.classset.fine_tuning import fine_tuning_settings, is_fine_tuned, newest_fine_tuned
from mnist_core.classset.report import BeforeAfter, ClassReadings, before_after, before_after_lines
from mnist_core.data.pen_digits import load_pen_digits
from mnist_core.i18n import in_language, t
from mnist_core.model.network import Network, network_of
from mnist_core.reading.predict import Predictor
from mnist_core.runs.store import RunRecord, RunStore
from mnist_core.serving.training_queue import TrainingQueue
from mnist_core.training.settings import TrainingSettings

RUN_ID = "20261201-090000-mnist-abcdef"


class CountingNetwork(Network):
    """A network that counts the images it is asked to read."""

    images_read = 0

    def probabilities(self, images):
        self.images_read += len(images)
        return super().probabilities(images)


@pytest.fixture(scope="module")
def gifts(quick_result) -> list[PenGift]:
    """60 real pen digits, read by the quick model from a canvas like the browser's."""
    return pen_gifts(load_pen_digits(config.pen_digits_path())[:60], Predictor(quick_result.model))


@pytest.fixture
def class_set(tmp_path, gifts) -> ClassDrawings:
    store = ClassDrawings(tmp_path / "class.sqlite3")
    give_all(store, gifts, RUN_ID)
    return store


def test_the_report_reads_every_drawing_as_the_draw_page_did(class_set, quick_result):
    report = ClassReadings(class_set, quick_result.model).report()
    drawings = report.drawings
    assert len(drawings) == 60
    np.testing.assert_array_equal(report.evaluation.predicted_labels, drawings.readings)  # the same model
    assert list(report.counts) == list(np.bincount(drawings.labels, minlength=10))
    assert report.accuracy == pytest.approx(np.mean(drawings.readings == drawings.labels))
    assert report.evaluation.confusion.sum() == 60


def test_a_refresh_reads_only_new_drawings_and_drops_deleted_ones(class_set, quick_result, gifts):
    quick = network_of(quick_result.model)
    model = CountingNetwork(quick.name, quick.layers)
    model.images_read = 0  # not the check it made of itself
    readings = ClassReadings(class_set, model)
    readings.report()
    assert model.images_read == 60
    readings.report()
    assert model.images_read == 60  # nothing changed: nothing read
    new_id = class_set.give("Newcomer", gifts[0].label, gifts[0].reading, gifts[0].strokes, RUN_ID)
    assert len(readings.report().drawings) == 61 and model.images_read == 61
    class_set.delete(1)
    report = readings.report()
    assert model.images_read == 61 and 1 not in report.drawings.ids and report.drawings.ids[-1] == new_id
    assert len(report.drawings) == len(report.evaluation.predicted_labels) == 60


def test_the_report_sees_approved_drawings_only_and_a_late_approval_in_its_place(tmp_path, gifts, quick_result):
    store = ClassDrawings(tmp_path / "reviewed.sqlite3")
    ids = [
        store.give(f"student {index % 3}", gift.label, gift.reading, gift.strokes, RUN_ID, approved=index % 2 == 0)
        for index, gift in enumerate(gifts[:10])
    ]
    quick = network_of(quick_result.model)
    model = CountingNetwork(quick.name, quick.layers)
    model.images_read = 0
    readings = ClassReadings(store, model)
    assert list(readings.report().drawings.ids) == ids[0::2] and model.images_read == 5  # the board's drawings
    store.approve([ids[3]])  # older than the newest approved drawing
    report = readings.report()
    assert list(report.drawings.ids) == sorted([*ids[0::2], ids[3]]) and model.images_read == 6  # one more read
    np.testing.assert_array_equal(report.evaluation.predicted_labels, report.drawings.readings)  # rows kept together
    store.reject([ids[1]])
    assert list(readings.report().drawings.ids) == sorted([*ids[0::2], ids[3]]) and model.images_read == 6


def test_the_fooled_board_and_a_cell_show_the_right_drawings(class_set, quick_result, gifts):
    one = next(gift.reading for gift in gifts if gift.label == 1 and gift.reading.predicted_label == 1)
    fooler = class_set.give("Ji-woo", 7, one, "{}", RUN_ID)  # a 1, given as the 7 it was meant to be
    report = ClassReadings(class_set, quick_result.model).report()
    fooled = report.fooled()
    assert report.drawings.ids.tolist().index(fooler) in fooled
    confidences = [report.confidence(position) for position in fooled]
    assert confidences == sorted(confidences, reverse=True)
    assert all(report.drawings.labels[fooled] != report.evaluation.predicted_labels[fooled])
    cell = report.in_cell(7, 1)
    assert report.drawings.ids[cell[0]] == fooler  # newest first
    assert all(report.drawings.labels[cell] == 7) and all(report.evaluation.predicted_labels[cell] == 1)


def test_before_after_of_the_same_model_changes_nothing(class_set, quick_result):
    split = class_set.training_split(class_set.version()[0], seed=0)
    result = before_after(split, quick_result.model, quick_result.model, 0.95, 0.95)
    assert result.held_before == result.held_after
    assert result.held_drawings == len(split.y_held) > 0 and result.train_students == len(split.train_students)
    expected = np.mean(np.argmax(quick_result.model.predict(split.x_held / 255.0, verbose=0), axis=1) == split.y_held)
    assert result.held_after == pytest.approx(expected)
    lines = before_after_lines(result)
    assert t("class.result.same") in lines and t("class.result.remembered") in lines


@pytest.mark.parametrize("language", ["en", "ko"])
def test_the_lesson_says_what_changed(language):
    base = BeforeAfter(150, 9, 50, 3, held_before=0.7, held_after=0.9, mnist_before=0.99, mnist_after=0.99)
    cases = [
        (base, ["class.result.better", "class.result.remembered"], "70.0% → 90.0%"),
        (
            dataclasses.replace(base, held_after=0.6, mnist_after=0.97),
            ["class.result.worse", "class.result.forgetting"],
            "70.0% → 60.0%",
        ),
        (dataclasses.replace(base, held_after=0.66), ["class.result.same"], "70.0% → 66.0%"),  # two drawings: chance
        (dataclasses.replace(base, held_before=None, held_after=None), ["class.result.no_held_out"], ""),
    ]
    with in_language(language):
        for result, keys, figures in cases:
            lines = before_after_lines(result)
            assert all(t(key) in lines for key in keys), (keys, lines)
            assert figures in lines[1]


@pytest.mark.slow
def test_a_fine_tuning_in_a_worker_process_learns_from_the_class_training_part(
    class_set, quick_result, tmp_path, monkeypatch
):
    monkeypatch.setenv("MNIST_APP_CLASS_DB", str(class_set.path))
    monkeypatch.setenv("MNIST_APP_TRAINING_IN", "process")
    store = RunStore(tmp_path / "runs")
    parent = store.save(quick_result)
    latest = class_set.version()[0]
    settings = dataclasses.replace(fine_tuning_settings(parent, latest, epochs=1), train_limit=500)
    queue = TrainingQueue(store)
    job = queue.submit(settings, owner=TEACHER)
    assert queue.wait_all(timeout=600)
    snapshot = job.snapshot()
    assert snapshot.error is None and snapshot.run_id is not None, snapshot
    split = class_set.training_split(latest, seed=0)
    # The worker re-read the same class set from the file: MNIST's 500 images and the class's training part.
    assert snapshot.batches_per_epoch == math.ceil((500 + len(split.y_train)) / settings.batch_size)
    record = store.get(snapshot.run_id)
    assert record.parent_run == parent.id
    assert record.settings["class_drawings_up_to"] == latest and record.settings["class_split_seed"] == 0


def test_a_fine_tuning_goes_on_from_the_class_model_at_a_tenth_of_its_learning_rate(quick_result, store):
    parent = store.save(quick_result)
    settings = fine_tuning_settings(parent, up_to=42)
    assert settings.parent_run == parent.id and settings.epochs == 2
    assert settings.learning_rate == pytest.approx(parent.settings["learning_rate"] / 10)
    assert settings.class_drawings_up_to == 42 and settings.class_split_seed == 0
    assert settings.model_kind == parent.settings["model_kind"]
    assert settings.train_limit == parent.settings["train_limit"]
    settings.validate()


def test_the_class_page_shows_the_newest_fine_tuned_run():
    def run(created: str, up_to: int | None, suffix: str = "abcdef") -> RunRecord:
        settings = {"dataset": "mnist", "epochs": 2}
        if up_to is not None:
            settings |= {"class_drawings_up_to": up_to, "class_split_seed": 0}
        return RunRecord(
            id=f"2026120{created[9]}-090000-mnist-{suffix}", dataset="mnist", settings=settings, history={},
            fit_seconds=1.0, test_loss=0.1, test_accuracy=0.97, status="finished", created=created,
        )  # fmt: skip

    older = run("2026-12-01T09:00:00+00:00", up_to=12)
    newer = run("2026-12-02T09:00:00+00:00", up_to=30)
    plain = run("2026-12-03T09:00:00+00:00", up_to=None)  # newest of all, but trained on MNIST only
    assert is_fine_tuned(older) and not is_fine_tuned(plain)
    assert newest_fine_tuned([plain, newer, older]) == newer
    assert newest_fine_tuned([older, plain, newer]) == newer  # whatever order the runs come in
    assert newest_fine_tuned([plain]) is None and newest_fine_tuned([]) is None
    same_time = run("2026-12-02T09:00:00+00:00", up_to=31, suffix="fedcba")
    assert newest_fine_tuned([newer, same_time]) == same_time  # a tie goes by id, as RunStore.list orders them


def test_a_class_set_setting_must_be_a_drawing_id():
    for bad in (0, -3, 2.5, "7"):
        with pytest.raises(ValueError):
            TrainingSettings(class_drawings_up_to=bad).validate()
    TrainingSettings(class_drawings_up_to=1).validate()
