"""A training in words: where a job is, the teacher's line row, notes on the settings, the thinned trace."""

from mnist_core.classroom.caps import Caps
from mnist_core.classroom.students import Owner
from mnist_core.serving.jobs import JobSnapshot, JobState
from mnist_core.text.training import caps_text, learning_rate_note, line_row, progress_line, thin
from mnist_core.training.settings import TrainingSettings


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


def test_progress_lines():
    assert "number 2 in line" in progress_line(snapshot(JobState.QUEUED, position=2))
    assert "Getting ready" in progress_line(snapshot(JobState.RUNNING, batches=0))
    line = progress_line(snapshot(JobState.RUNNING, epoch=3, batch=300, elapsed=25.0))
    # 2.5 of 10 epochs in 25 s: 75 s to go.
    assert line == "Epoch 3 of 10 · 0:25 elapsed · about 1:15 left"
    assert "working out" in progress_line(snapshot(JobState.RUNNING, epoch=1, batch=0, elapsed=1.0))
    assert progress_line(snapshot(JobState.FINISHED, history={"loss": [1] * 10})) == "✓ Finished: 10 epochs."
    stopped = snapshot(JobState.STOPPED, history={"loss": [1] * 4})
    assert progress_line(stopped).startswith("■ Stopped after 4 epochs")
    assert "disk full" in progress_line(snapshot(JobState.FAILED, error="disk full"))


def test_progress_lines_in_a_class():
    waiting = snapshot(JobState.QUEUED, position=3, wait_seconds=95.0)
    assert progress_line(waiting) == "Waiting in line: you are number 3. It starts by itself in about 1:35."
    stopped = snapshot(JobState.STOPPED, history={"loss": [1] * 4}, stopped_by_teacher=True)
    assert progress_line(stopped).startswith("■ The teacher stopped this training after 4 epochs")
    removed = snapshot(JobState.CANCELLED, stopped_by_teacher=True)
    assert "teacher took this training out of the line" in progress_line(removed)
    diverged = snapshot(JobState.DIVERGED, history={"loss": [1]})
    assert "loss blew up" in progress_line(diverged)
    assert line_row(waiting).startswith("Min-jun · Digits, dense, 10 epochs, adam 0.001 · Waiting in line")


def test_learning_rate_notes_and_caps_for_students():
    assert "crawl" in learning_rate_note(0.000001, "sgd")
    assert learning_rate_note(0.001, "adam") is None and learning_rate_note(1.0, "sgd") is None
    assert "blow up" in learning_rate_note(10.0, "sgd") and "blow up" in learning_rate_note(1.0, "adam")
    assert caps_text(Caps(epochs=3, models=("mlp",), augment=False, train_images=6000)) == (
        "This class's caps (set by the teacher): up to 3 epochs · models: dense · no augmentation · "
        "6,000 training images."
    )


def test_thin_keeps_the_ends_and_a_limit():
    points = [(i / 100, float(i)) for i in range(2000)]
    thinned = thin(points, limit=400)
    assert len(thinned) == 400
    assert thinned[0] == points[0] and thinned[-1] == points[-1]
    assert thin(points[:10]) == points[:10]


def test_a_class_that_allows_written_networks_is_told_their_size_caps():
    assert caps_text(Caps(epochs=3, models=("mlp", "custom"), augment=False, parameters=500_000, layers=6)) == (
        "This class's caps (set by the teacher): up to 3 epochs · models: dense, own network · no augmentation · "
        "networks up to 500,000 parameters and 6 layers."
    )
