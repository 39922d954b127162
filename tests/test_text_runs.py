"""Saved runs in words: labels, the runs table, and the tutorial's figures beside them."""

from mnist_core.runs.store import RunRecord
from mnist_core.text.runs import (
    TUTORIAL_REFERENCES,
    closest_reference,
    comparison_rows,
    reference_label,
    references_for,
    run_label,
    run_short_label,
    runs_table,
)


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


def test_runs_table_rows():
    (row,) = runs_table([record(status="stopped", epochs=3)], "UTC")
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
    label = run_label(record(), "UTC")
    assert "98.04% right" in label and "✓ finished" in label
    assert run_short_label(record(), "UTC") == "Digits · dense · 10 epochs · 2026-11-28 00:52"


def test_references():
    assert [r.accuracy for r in references_for(["mnist"])] == [0.9804, 0.9855]
    assert [r.accuracy for r in references_for(["fashion_mnist", "mnist"])] == [0.9804, 0.9855, 0.8896]
    assert closest_reference("mnist", 150).epochs == 200
    assert closest_reference("mnist", 3).epochs == 10
    assert closest_reference("fashion_mnist", 200).accuracy == 0.8896
    assert "0.9804" in reference_label(TUTORIAL_REFERENCES[0])


def test_comparison_rows_put_the_tutorial_beside_our_runs():
    rows = comparison_rows([record(accuracy=0.97)], "UTC")
    assert [(row["source"], row["epochs"], row["accuracy"]) for row in rows] == [
        ("Tutorial", 10, 98.04),
        ("Tutorial", 200, 98.55),
        ("This app (2026-11-28 00:52)", 10, 97.0),
    ]


def test_a_written_network_is_named_by_its_short_form_wherever_a_run_s_model_is():
    from dataclasses import replace

    from mnist_core import i18n
    from mnist_core.training.settings import TrainingSettings

    settings = TrainingSettings(layers="conv 16 3 relu; pool 2; dense 32 sigmoid; dense 32 sigmoid", l2=0.001)
    written = replace(record(), settings=settings.to_dict())
    shown = "conv 16 3×3 relu → pool 2×2 → dense 32 sigmoid ×2, weight decay 0.001"
    (row,) = runs_table([written], "UTC")
    assert row["model"] == shown
    assert [row["model"] for row in comparison_rows([written], "UTC")] == ["Dense (the tutorial's)"] * 2 + [shown]
    assert shown in run_label(written, "UTC") and shown in run_short_label(written, "UTC")
    augmented = replace(written, settings={**written.settings, "augment": True})
    assert runs_table([augmented], "UTC")[0]["model"] == f"{shown} + augmentation"
    with i18n.in_language("ko"):
        assert runs_table([written], "UTC")[0]["model"].endswith("가중치 감쇠 0.001")
    edited = replace(written, settings={**written.settings, "layers": "dense 0 relu"})  # a record edited by hand
    assert runs_table([edited], "UTC")[0]["model"] == "Your own network, weight decay 0.001"
