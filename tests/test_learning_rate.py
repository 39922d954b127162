"""The learning rate and the optimizer: the tutorial's Adam stays the default, and a rate far too high makes a
training stop itself and be saved as diverged, with a message, not a crash."""

from __future__ import annotations

import math

import pytest

from mnist_core import cli, limits
from mnist_core.runs.store import RunStatus
from mnist_core.training.fit import train
from mnist_core.training.progress import DIVERGED_LOSS
from mnist_core.training.settings import TrainingListener, TrainingSettings


def test_the_tutorials_adam_at_0_001_is_the_default():
    settings = TrainingSettings()
    assert (settings.optimizer, settings.learning_rate) == ("adam", 0.001)
    args = cli.build_parser().parse_args(["train"])
    assert (args.optimizer, args.learning_rate) == ("adam", 0.001)


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        ({"learning_rate": 0.0}, "Learning rate must be between 1e-07 and 10, not 0"),
        ({"learning_rate": 11.0}, "Learning rate must be between 1e-07 and 10, not 11"),
        ({"learning_rate": math.nan}, "Learning rate must be between"),
        ({"learning_rate": "fast"}, "Learning rate must be a number, not 'fast'"),
        ({"optimizer": "rmsprop"}, "Unknown optimizer 'rmsprop': choose adam, sgd, momentum"),
    ],
)
def test_bad_rates_and_optimizers_are_refused(settings, message):
    with pytest.raises(ValueError, match=message):
        TrainingSettings(**settings).validate()


class Recorder(TrainingListener):
    def __init__(self) -> None:
        self.losses: list[float] = []

    def on_batch(self, epoch: int, batch: int, loss: float, accuracy: float) -> None:
        self.losses.append(loss)


@pytest.mark.slow
def test_sgd_at_rate_10_diverges_stops_itself_and_is_saved_as_diverged(store):
    recorder = Recorder()
    settings = TrainingSettings(epochs=20, train_limit=3000, optimizer="sgd", learning_rate=10.0, seed=0)
    result = train(settings, listener=recorder)
    assert result.diverged and not result.stopped
    assert result.epochs_done == 1  # it stopped in its first epoch, not after 20
    assert not math.isfinite(recorder.losses[-1]) or recorder.losses[-1] > DIVERGED_LOSS
    record = store.save(result)
    assert record.status == RunStatus.DIVERGED and not record.status.can_read
    again = store.get(record.id)
    assert again.status == RunStatus.DIVERGED and again.history == record.history


def test_a_run_whose_loss_is_nan_is_saved_as_valid_json(store, quick_result):
    import dataclasses

    nan = float("nan")
    history = {**quick_result.history, "loss": [*quick_result.history["loss"][:-1], nan]}
    broken = dataclasses.replace(quick_result, history=history, test_loss=nan, diverged=True)
    record = store.save(broken)
    text = (store.root / record.id / "run.json").read_text()
    assert "NaN" not in text and "null" in text  # JSON that any tool reads
    again = store.get(record.id)  # and null reads back as NaN
    assert math.isnan(again.history["loss"][-1]) and math.isnan(again.test_loss)


@pytest.mark.slow
@pytest.mark.parametrize("optimizer", ["sgd", "momentum"])
def test_other_optimizers_learn_and_are_saved_with_their_rate(store, optimizer):
    settings = TrainingSettings(epochs=1, train_limit=3000, optimizer=optimizer, learning_rate=0.05, seed=0)
    result = train(settings)
    assert result.test_accuracy > 0.7 and not result.diverged
    record = store.save(result)
    assert (record.settings["optimizer"], record.settings["learning_rate"]) == (optimizer, 0.05)
    model = store.load_model(record.id)  # opens with Keras's own optimizer, its rate and momentum kept
    assert float(model.optimizer.learning_rate.numpy()) == pytest.approx(0.05)
    assert model.optimizer.momentum == (0.9 if optimizer == "momentum" else 0.0)


def test_a_crawling_rate_is_below_the_warning_line():
    assert limits.LEARNING_RATE.low < 1e-6 <= limits.CRAWLING_LEARNING_RATE
