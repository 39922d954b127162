"""The Train page's newer knobs under AppTest, with real trainings: a link that sets the lesson, a learning rate
that blows up (a message, not a traceback), and a run continued for more epochs."""

from __future__ import annotations

import time

import pytest

from harness.apptest import TRAIN, open_app, texts
from mnist_core import i18n
from mnist_core.runs.store import RunStatus, RunStore
from mnist_core.training.fit import train
from mnist_core.training.settings import TrainingSettings

TRAINING_SECONDS = 300  # a worker process imports TensorFlow first; the machine may be busy


def say(key: str, **values: object) -> str:
    return i18n.t(key, "en", **values)


def wait_for_the_job(at) -> None:
    """Until the session's training has ended; then the page is drawn again."""
    import ui

    job = ui.training_line().queue.get(at.session_state["train-job"])
    deadline = time.monotonic() + TRAINING_SECONDS
    while job.snapshot().active:
        assert time.monotonic() < deadline, "the training did not end"
        time.sleep(0.2)
    at.run()
    assert not at.exception


def test_a_link_sets_the_lesson_and_what_it_cannot_use_gets_a_short_notice(empty_runs):
    at = open_app(TRAIN, student="Min-jun", query={"epochs": "5", "model": "cnn", "lr": "0.01", "optimizer": "sgd"})
    assert at.number_input(key="train-epochs").value == 5
    assert at.radio(key="train-model").value == "cnn"
    assert at.selectbox(key="train-optimizer").value == "sgd"
    assert at.number_input(key="train-learning-rate").value == pytest.approx(0.01)
    assert not at.info or "left out" not in texts(at.info)

    bad = open_app(TRAIN, student="Ji-woo", query={"epochs": "5000", "model": "rnn", "lr": "fast", "batch": "-3"})
    notices = texts(bad.info)
    assert "epochs=5000" in notices and "model=rnn" in notices and "lr=fast" in notices and "batch=-3" in notices
    assert bad.number_input(key="train-epochs").value == 10  # the tutorial's, untouched by what was left out
    assert bad.radio(key="train-model").value == "mlp"
    assert not bad.exception and not bad.error


def test_a_link_over_the_caps_is_held_to_them(empty_runs):
    at = open_app(TRAIN, student="Min-jun", query={"epochs": "150"})  # the class's cap is 20 epochs
    assert at.number_input(key="train-epochs").value == 20
    assert "20" in texts(at.info)


@pytest.mark.slow
def test_sgd_at_rate_10_stops_itself_and_the_page_says_why(empty_runs, monkeypatch):
    monkeypatch.setenv("MNIST_APP_TRAIN_LIMIT", "2000")
    at = open_app(TRAIN, student="Min-jun", query={"epochs": "5", "optimizer": "sgd", "lr": "10"})
    assert "blow up" in texts(at.caption)  # said before it starts
    at.button(key="train-start").click().run()
    wait_for_the_job(at)
    shown = texts(at.error) + " " + " ".join(markdown.value for markdown in at.markdown)
    assert "the loss blew up" in shown and "too high" in shown and "Traceback" not in shown
    (record,) = RunStore(empty_runs).list()
    assert record.status == RunStatus.DIVERGED and record.settings["learning_rate"] == 10.0


@pytest.mark.slow
def test_a_run_continued_for_more_epochs_extends_its_parents_curves(empty_runs, monkeypatch):
    monkeypatch.setenv("MNIST_APP_TRAIN_LIMIT", "2000")
    store = RunStore(empty_runs)
    parent = store.save(train(TrainingSettings(epochs=2, train_limit=2000, seed=0)), owner="Min-jun")
    at = open_app(TRAIN, student="Min-jun")
    at.number_input(key="continue-epochs").set_value(2).run()
    at.button(key="continue-run").click().run()
    wait_for_the_job(at)
    assert say("train.done.finished", epochs=4) in texts(at.success)
    child = next(record for record in store.list() if record.id != parent.id)
    assert child.parent_run == parent.id and child.epochs_done == 4 and child.first_epoch == 2
    assert child.history["loss"][:2] == parent.history["loss"]
    assert child.owner == "Min-jun"
