"""Which run each page starts on, and which run counts as the default digits model, for Home and the setup alike."""

import dataclasses

from mnist_core.classroom import defaults
from mnist_core.classroom.defaults import default_run, drawing_run
from mnist_core.runs.store import RunRecord, RunStatus


def record(
    dataset="mnist", status="finished", created="2026-11-28T00:52:00+00:00", accuracy=0.9804, run_id=None, **settings
):
    return RunRecord(
        id=run_id or f"20261128-005200-{dataset}-abcdef",
        dataset=dataset,
        settings={"dataset": dataset, "epochs": 10, "batch_size": 100, "model_kind": "mlp", **settings},
        history={"loss": [0.5] * 10, "val_accuracy": [accuracy] * 10},
        fit_seconds=80.04,
        test_loss=0.07,
        test_accuracy=accuracy,
        status=status,
        created=created,
    )


def test_default_run_prefers_the_newest_finished_run_of_the_data_set():
    newest_stopped = record(
        status="stopped", created="2026-11-28T02:00:00+00:00", run_id="20261128-020000-mnist-aaaaaa"
    )
    finished = record(created="2026-11-28T01:00:00+00:00", run_id="20261128-010000-mnist-bbbbbb")
    fashion = record("fashion_mnist", created="2026-11-28T03:00:00+00:00")
    records = [fashion, newest_stopped, finished]  # newest first, as RunStore.list() gives them
    assert default_run(records, "mnist") is finished
    assert default_run([newest_stopped], "mnist") is newest_stopped
    assert default_run(records, "fashion_mnist") is fashion
    assert default_run([fashion], "mnist") is None


def test_the_draw_page_starts_on_the_run_best_for_drawing():
    plain_best = record(run_id="a", accuracy=0.99)
    augmented = record(run_id="b", accuracy=0.985, augment=True)
    fashion = record("fashion_mnist", run_id="c")
    assert drawing_run([plain_best, augmented, fashion]).id == "b"
    assert drawing_run([plain_best, record(run_id="d", accuracy=0.97), fashion]).id == "a"
    assert drawing_run([record(run_id="e", status="stopped")]).id == "e"
    assert drawing_run([fashion]) is None


def test_home_and_setup_count_only_a_finished_run_trained_like_the_default_drawing_model():
    wanted = defaults.drawing_settings().to_dict()
    like_default = record(run_id="20261128-005200-mnist-aaaaaa", accuracy=0.99, **wanted)
    better_but_dense = record(run_id="20261128-005200-mnist-bbbbbb", accuracy=0.995)
    stopped = dataclasses.replace(like_default, id="20261128-005200-mnist-cccccc", status=RunStatus.STOPPED)
    assert defaults.ready_drawing_run([better_but_dense, stopped]) is None
    assert defaults.ready_drawing_run([better_but_dense, stopped, like_default]) is like_default
    for name, other in (("model_kind", "mlp"), ("augment", False), ("dataset", "fashion_mnist")):
        assert not defaults.is_default_drawing_run(record(**{**wanted, name: other}))
    assert defaults.is_default_drawing_run(record(**{**wanted, "epochs": 3, "seed": 7}))  # epochs and seed may differ


def owned(owner=None, teacher=False, **fields):
    return dataclasses.replace(record(**fields), owner=owner, teacher=teacher)


def test_a_student_reads_with_the_offered_runs_of_the_data_set_and_the_teacher_with_every_readable_one():
    mine = owned("Min-jun", run_id="20261128-005200-mnist-aaaaaa")
    theirs = owned("Seo-yeon", run_id="20261128-005200-mnist-bbbbbb")
    pinned = owned("Ji-ho", run_id="20261128-005200-mnist-cccccc")
    teachers = owned(teacher=True, run_id="20261128-005200-mnist-dddddd")
    earlier = owned(run_id="20261128-005200-mnist-eeeeee")  # from before names: nobody's
    diverged = owned("Min-jun", run_id="20261128-005200-mnist-ffffff", status=RunStatus.DIVERGED)
    fashion = owned("Min-jun", dataset="fashion_mnist")
    records = [mine, theirs, pinned, teachers, earlier, diverged, fashion]

    student = defaults.readable_runs(records, "mnist", "min-jun", pinned.id)  # names match as the student types
    assert student == [mine, pinned, teachers, earlier]
    assert defaults.readable_runs(records, "mnist", None, None) == [teachers, earlier]  # no name yet
    every = defaults.readable_runs(records, "mnist", None, None, teacher=True)
    assert every == [mine, theirs, pinned, teachers, earlier]
    assert defaults.readable_runs(records, "fashion_mnist", "Min-jun", None) == [fashion]


def test_a_student_continues_their_own_runs_and_the_teacher_any_but_a_diverged_one():
    mine, theirs = owned("Min-jun"), owned("Seo-yeon")
    assert defaults.may_continue(mine, "Min-jun") and not defaults.may_continue(theirs, "Min-jun")
    assert not defaults.may_continue(mine, None)  # no name: nothing is mine
    assert defaults.may_continue(theirs, None, teacher=True)
    diverged = owned("Min-jun", status=RunStatus.DIVERGED)
    assert not defaults.may_continue(diverged, "Min-jun") and not defaults.may_continue(diverged, None, teacher=True)
