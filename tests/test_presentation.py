"""What the pages show, checked without Streamlit: names, numbers, captions, tables and pictures."""

import numpy as np
import pytest

from mnist_core.classroom.caps import Caps
from mnist_core.classroom.students import Owner
from mnist_core.runs.store import RunRecord
from mnist_core.serving.jobs import JobSnapshot, JobState
from mnist_core.text import presentation as view
from mnist_core.training.evaluation import evaluation_from_probabilities
from mnist_core.training.settings import TrainingSettings

FASHION = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"]


def record(
    dataset="mnist", status="finished", created="2026-11-28T00:52:00+00:00", accuracy=0.9804, epochs=10, run_id=None
):
    return RunRecord(
        id=run_id or f"20261128-005200-{dataset}-abcdef",
        dataset=dataset,
        settings={"dataset": dataset, "epochs": epochs, "batch_size": 100, "model_kind": "mlp"},
        history={"loss": [0.5] * epochs, "val_accuracy": [accuracy] * epochs},
        fit_seconds=80.04,
        test_loss=0.07,
        test_accuracy=accuracy,
        status=status,
        created=created,
    )


def snapshot(state, epoch=0, batch=0, batches=600, elapsed=0.0, position=0, history=None, error=None, **more):
    return JobSnapshot(
        id=1,
        settings=TrainingSettings(epochs=10),
        owner=Owner("Min-jun"),
        state=state,
        queue_position=position,
        epoch=epoch,
        batch=batch,
        batches_per_epoch=batches,
        history=history or {},
        batch_losses=[],
        weights=[],
        elapsed_seconds=elapsed,
        error=error,
        **more,
    )


def evaluation(n_wrong=196, total=10_000):
    """A made-up set of answers: the first n_wrong images are read as the next class."""
    labels = np.arange(total) % 10
    predicted = labels.copy()
    predicted[:n_wrong] = (labels[:n_wrong] + 1) % 10
    probabilities = np.full((total, 10), 0.01, dtype=np.float32)
    probabilities[np.arange(total), predicted] = 0.91
    return evaluation_from_probabilities(probabilities, labels)


def test_names():
    assert view.dataset_title("mnist") == "Digits (MNIST)"
    assert view.dataset_short("fashion_mnist") == "Fashion"
    assert view.class_names("mnist") == [str(digit) for digit in range(10)]
    assert view.class_names("fashion_mnist") == FASHION
    assert view.model_title("mlp") == "Dense (the tutorial's)"


@pytest.mark.parametrize(
    ("seconds", "text"), [(0, "0:00"), (7.4, "0:07"), (65, "1:05"), (3725, "1:02:05"), (-3, "0:00")]
)
def test_clock(seconds, text):
    assert view.clock(seconds) == text


def test_percent():
    assert view.percent(0.9804) == "98.04%"
    assert view.percent(0.87, 0) == "87%"


def test_when_uses_the_viewers_time_zone_when_known():
    assert view.when("2026-11-28T00:52:00+00:00", "Asia/Seoul") == "2026-11-28 09:52"
    assert view.when("2026-11-28T00:52:00+00:00", None) == "2026-11-28 00:52 UTC"
    assert view.when("2026-11-28T00:52:00+00:00", "Not/AZone") == "2026-11-28 00:52 UTC"


def test_runs_table_rows():
    (row,) = view.runs_table([record(status="stopped", epochs=3)], "UTC")
    assert row == {
        "who": "earlier run",  # saved before runs had owners
        "dataset": "Digits",
        "model": "Dense (the tutorial's)",
        "epochs": "3 of 3",
        "batch": 100,
        "learning": "adam 0.001",  # the tutorial's, for runs saved before the choice
        "accuracy": 98.04,
        "fit": 80.0,
        "when": "2026-11-28 00:52",
        "status": "■ stopped early",
    }


def test_run_labels_say_right_or_stopped_in_words():
    label = view.run_label(record(), "UTC")
    assert "98.04% right" in label and "✓ finished" in label
    assert view.run_short_label(record(), "UTC") == "Digits · dense · 10 epochs · 2026-11-28 00:52"


def test_references():
    assert [r.accuracy for r in view.references_for(["mnist"])] == [0.9804, 0.9855]
    assert [r.accuracy for r in view.references_for(["fashion_mnist", "mnist"])] == [0.9804, 0.9855, 0.8896]
    assert view.closest_reference("mnist", 150).epochs == 200
    assert view.closest_reference("mnist", 3).epochs == 10
    assert view.closest_reference("fashion_mnist", 200).accuracy == 0.8896
    assert "0.9804" in view.reference_label(view.TUTORIAL_REFERENCES[0])


def test_comparison_rows_put_the_tutorial_beside_our_runs():
    rows = view.comparison_rows([record(accuracy=0.97)], "UTC")
    assert [(row["source"], row["epochs"], row["accuracy"]) for row in rows] == [
        ("Tutorial", 10, 98.04),
        ("Tutorial", 200, 98.55),
        ("This app (2026-11-28 00:52)", 10, 97.0),
    ]


def test_progress_lines():
    assert "number 2 in line" in view.progress_line(snapshot(JobState.QUEUED, position=2))
    assert "Getting ready" in view.progress_line(snapshot(JobState.RUNNING, batches=0))
    line = view.progress_line(snapshot(JobState.RUNNING, epoch=3, batch=300, elapsed=25.0))
    # 2.5 of 10 epochs in 25 s: 75 s to go.
    assert line == "Epoch 3 of 10 · 0:25 elapsed · about 1:15 left"
    assert "working out" in view.progress_line(snapshot(JobState.RUNNING, epoch=1, batch=0, elapsed=1.0))
    assert view.progress_line(snapshot(JobState.FINISHED, history={"loss": [1] * 10})) == "✓ Finished: 10 epochs."
    stopped = snapshot(JobState.STOPPED, history={"loss": [1] * 4})
    assert view.progress_line(stopped).startswith("■ Stopped after 4 epochs")
    assert "disk full" in view.progress_line(snapshot(JobState.FAILED, error="disk full"))


def test_progress_lines_in_a_class():
    waiting = snapshot(JobState.QUEUED, position=3, wait_seconds=95.0)
    assert view.progress_line(waiting) == "Waiting in line: you are number 3. It starts by itself in about 1:35."
    stopped = snapshot(JobState.STOPPED, history={"loss": [1] * 4}, stopped_by_teacher=True)
    assert view.progress_line(stopped).startswith("■ The teacher stopped this training after 4 epochs")
    removed = snapshot(JobState.CANCELLED, stopped_by_teacher=True)
    assert "teacher took this training out of the line" in view.progress_line(removed)
    diverged = snapshot(JobState.DIVERGED, history={"loss": [1]})
    assert "loss blew up" in view.progress_line(diverged)
    assert view.line_row(waiting).startswith("Min-jun · Digits, dense, 10 epochs, adam 0.001 · Waiting in line")


def test_learning_rate_notes_and_caps_for_students():
    assert "crawl" in view.learning_rate_note(0.000001, "sgd")
    assert view.learning_rate_note(0.001, "adam") is None and view.learning_rate_note(1.0, "sgd") is None
    assert "blow up" in view.learning_rate_note(10.0, "sgd") and "blow up" in view.learning_rate_note(1.0, "adam")
    assert view.caps_text(Caps(epochs=3, models=("mlp",), augment=False, train_images=6000)) == (
        "This class's caps (set by the teacher): up to 3 epochs · models: dense · no augmentation · "
        "6,000 training images."
    )


def test_thin_keeps_the_ends_and_a_limit():
    points = [(i / 100, float(i)) for i in range(2000)]
    thinned = view.thin(points, limit=400)
    assert len(thinned) == 400
    assert thinned[0] == points[0] and thinned[-1] == points[-1]
    assert view.thin(points[:10]) == points[:10]


def test_headline():
    assert view.headline(evaluation(196)) == "196 of 10,000 test images wrong (98.04% right)"


def test_mistake_caption_is_the_tutorials_title_with_confidence():
    answers = evaluation(196)
    assert view.mistake_caption(answers, 0, view.class_names("mnist")) == "✗ Label: 0 · Predict: 1 · 91%"
    assert view.mistake_caption(answers, 4, FASHION) == "✗ Label: Coat · Predict: Sandal · 91%"
    assert view.mistake_caption(answers, 500, view.class_names("mnist")).startswith("✓")


def test_filter_summary():
    names = view.class_names("mnist")
    assert view.filter_summary(20, 1234, None, None, names) == "Showing 20 of 1,234 mistakes."
    assert view.filter_summary(3, 3, 4, 9, names) == "Showing 3 of 3 mistakes with label 4, read as 9."
    assert "read as any" in view.filter_summary(3, 3, 4, None, names)


def test_confusion_rows_mark_right_answers():
    rows = view.confusion_rows(evaluation(196).confusion, FASHION)
    assert rows[0]["T-shirt/top"] == "✓ 980" and rows[0]["Trouser"] == "20"
    assert list(rows[0]) == FASHION


def test_probability_rows():
    rows = view.probability_rows(np.eye(10, dtype=np.float32)[7], view.class_names("mnist"))
    assert rows[7] == {"class": "7", "probability": 1.0} and len(rows) == 10
