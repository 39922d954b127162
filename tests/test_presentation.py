"""What the pages show, checked without Streamlit: names, numbers, captions, tables and pictures."""

import numpy as np
import pytest

from mnist_core import presentation as view
from mnist_core.evaluation import evaluation_from_probabilities
from mnist_core.jobs import FAILED, FINISHED, QUEUED, RUNNING, STOPPED, JobSnapshot
from mnist_core.runs import RunRecord
from mnist_core.training import TrainingSettings

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


def snapshot(state, epoch=0, batch=0, batches=600, elapsed=0.0, position=0, history=None, error=None):
    return JobSnapshot(
        id=1,
        settings=TrainingSettings(epochs=10),
        state=state,
        queue_position=position,
        epoch=epoch,
        batch=batch,
        batches_per_epoch=batches,
        history=history or {},
        batch_losses=[],
        elapsed_seconds=elapsed,
        error=error,
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


def test_default_run_prefers_the_newest_finished_run_of_the_data_set():
    newest_stopped = record(
        status="stopped", created="2026-11-28T02:00:00+00:00", run_id="20261128-020000-mnist-aaaaaa"
    )
    finished = record(created="2026-11-28T01:00:00+00:00", run_id="20261128-010000-mnist-bbbbbb")
    fashion = record("fashion_mnist", created="2026-11-28T03:00:00+00:00")
    records = [fashion, newest_stopped, finished]  # newest first, as RunStore.list() gives them
    assert view.default_run(records, "mnist") is finished
    assert view.default_run([newest_stopped], "mnist") is newest_stopped
    assert view.default_run(records, "fashion_mnist") is fashion
    assert view.default_run([fashion], "mnist") is None


def test_runs_table_rows():
    (row,) = view.runs_table([record(status="stopped", epochs=3)], "UTC")
    assert row == {
        "dataset": "Digits",
        "model": "Dense (the tutorial's)",
        "epochs": "3 of 3",
        "batch": 100,
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
    assert "number 2 in line" in view.progress_line(snapshot(QUEUED, position=2))
    assert "Getting ready" in view.progress_line(snapshot(RUNNING, batches=0))
    line = view.progress_line(snapshot(RUNNING, epoch=3, batch=300, elapsed=25.0))
    # 2.5 of 10 epochs in 25 s: 75 s to go.
    assert line == "Epoch 3 of 10 · 0:25 elapsed · about 1:15 left"
    assert "working out" in view.progress_line(snapshot(RUNNING, epoch=1, batch=0, elapsed=1.0))
    assert view.progress_line(snapshot(FINISHED, history={"loss": [1] * 10})) == "✓ Finished: 10 epochs."
    assert view.progress_line(snapshot(STOPPED, history={"loss": [1] * 4})).startswith("■ Stopped after 4 epochs")
    assert "disk full" in view.progress_line(snapshot(FAILED, error="disk full"))


def test_thin_keeps_the_ends_and_a_limit():
    points = [(i / 100, float(i)) for i in range(2000)]
    thinned = view.thin(points, limit=400)
    assert len(thinned) == 400
    assert thinned[0] == points[0] and thinned[-1] == points[-1]
    assert view.thin(points[:10]) == points[:10]


def test_enlarge_shows_every_pixel_as_a_sharp_square():
    image = np.zeros((28, 28), dtype=np.float32)
    image[3, 5] = 1.0
    big = view.enlarge(image, 112)
    assert big.shape == (112, 112) and big.dtype == np.uint8
    assert set(np.unique(big)) == {0, 255}  # no blurred in-between greys
    assert big[12:16, 20:24].min() == 255 and big[11, 20] == 0


def test_enlarge_shrinks_a_large_drawing_without_losing_thin_strokes():
    drawing = np.zeros((280, 280), dtype=np.uint8)
    drawing[:, 140:142] = 255  # a 2 px line
    small = view.enlarge(drawing, 112)
    assert small.shape == (112, 112)
    assert small.max() > 100


def test_enlarge_keeps_the_aspect_ratio():
    assert view.enlarge(np.ones((20, 16)), 112).shape == (100, 80)
    assert view.enlarge(np.ones((170, 140)), 112).shape == (112, 92)


def test_headline():
    assert view.headline(evaluation(196)) == "196 of 10,000 test images wrong (98.04% right)"


def test_gallery_indices_are_random_mistakes_without_repeats():
    answers = evaluation(196)
    picks, matching = view.gallery_indices(answers, seed=1)
    assert matching == 196 and len(picks) == 20 and len(set(picks.tolist())) == 20
    assert all(answers.true_labels[i] != answers.predicted_labels[i] for i in picks)
    again, _ = view.gallery_indices(answers, seed=1)
    assert again.tolist() == picks.tolist()
    other, _ = view.gallery_indices(answers, seed=2)
    assert other.tolist() != picks.tolist()


def test_gallery_filters():
    answers = evaluation(196)
    picks, matching = view.gallery_indices(answers, true_class=4, seed=0)
    assert matching == 20 and all(answers.true_labels[i] == 4 for i in picks)
    picks, matching = view.gallery_indices(answers, true_class=4, predicted_class=5, seed=0)
    assert matching == 20
    picks, matching = view.gallery_indices(answers, true_class=4, predicted_class=7, seed=0)
    assert matching == 0 and len(picks) == 0


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


def test_cell_classes():
    names = view.class_names("mnist")
    assert view.cell_classes((3, "5"), names) == (3, 5)
    assert view.cell_classes([2, "Bag"], FASHION) == (2, 8)
    assert view.cell_classes((3, "nope"), names) is None
    assert view.cell_classes((12, "5"), names) is None
    assert view.cell_classes((), names) is None


def test_probability_rows():
    rows = view.probability_rows(np.eye(10, dtype=np.float32)[7], view.class_names("mnist"))
    assert rows[7] == {"class": "7", "probability": 1.0} and len(rows) == 10


def test_new_seed_varies():
    assert len({view.new_seed() for _ in range(5)}) > 1


def test_the_draw_page_starts_on_the_run_best_for_drawing():
    from mnist_core.presentation import drawing_run
    from mnist_core.runs import RunRecord

    def run(run_id, dataset="mnist", accuracy=0.98, augment=False, status="finished"):
        return RunRecord(
            id=run_id,
            dataset=dataset,
            settings={"augment": augment, "model_kind": "mlp", "epochs": 1, "batch_size": 100},
            history={"loss": [0.1]},
            fit_seconds=1.0,
            test_loss=0.1,
            test_accuracy=accuracy,
            status=status,
            created="2026-11-28T00:00:00+00:00",
        )

    plain_best, augmented, fashion = (
        run("a", accuracy=0.99),
        run("b", accuracy=0.985, augment=True),
        run("c", "fashion_mnist"),
    )
    assert drawing_run([plain_best, augmented, fashion]).id == "b"
    assert drawing_run([plain_best, run("d", accuracy=0.97), fashion]).id == "a"
    assert drawing_run([run("e", status="stopped")]).id == "e"
    assert drawing_run([fashion]) is None
