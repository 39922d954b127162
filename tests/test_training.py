import threading

import numpy as np
import pytest

from mnist_core.model.keras_model import build_model, layer_table
from mnist_core.training.fit import train
from mnist_core.training.settings import TrainingListener, TrainingSettings


def test_the_tutorials_model_has_795010_parameters():
    model = build_model()
    assert model.count_params() == 795_010
    assert [(row.name, row.output_shape, row.parameters) for row in layer_table(model)] == [
        ("flatten", "(batch, 784)", 0),
        ("hidden", "(batch, 1000)", 785_000),
        ("output", "(batch, 10)", 10_010),
    ]


def test_hidden_units_and_the_cnn_are_configurable():
    assert build_model(hidden_units=10).count_params() == 784 * 10 + 10 + 10 * 10 + 10
    cnn = build_model("cnn")
    assert cnn.output_shape == (None, 10)
    with pytest.raises(ValueError, match="Unknown model"):
        build_model("transformer")


def test_training_learns_and_reports_the_tutorials_history(quick_result):
    history = quick_result.history
    assert set(history) == {"loss", "accuracy", "val_loss", "val_accuracy"}
    assert all(len(values) == 2 for values in history.values())
    assert history["loss"][1] < history["loss"][0]  # loss goes down
    assert quick_result.test_accuracy > 0.85  # 3,000 images and 2 epochs already read most digits
    assert quick_result.test_accuracy == pytest.approx(history["val_accuracy"][-1], abs=1e-6)
    assert quick_result.fit_seconds > 0
    assert not quick_result.stopped


class Recorder(TrainingListener):
    def __init__(self, stop_after_batches: int | None = None, stop: threading.Event | None = None):
        self.batches: list[tuple[int, int]] = []
        self.epochs: list[int] = []
        self.stop_after_batches, self.stop = stop_after_batches, stop

    def on_batch(self, epoch, batch, loss, accuracy):
        self.batches.append((epoch, batch))
        if self.stop_after_batches and len(self.batches) >= self.stop_after_batches:
            self.stop.set()

    def on_epoch(self, epoch, metrics, seconds):
        self.epochs.append(epoch)


def test_progress_reaches_the_listener_during_each_epoch():
    recorder = Recorder()
    train(TrainingSettings(epochs=2, train_limit=2000, seed=3), listener=recorder)
    assert recorder.epochs == [1, 2]
    # Several progress reports per epoch, ending at the epoch's last batch (2000 / 100 = 20 batches).
    first_epoch = [batch for epoch, batch in recorder.batches if epoch == 1]
    assert len(first_epoch) >= 2 and first_epoch[-1] == 20


def test_stop_ends_training_between_batches_and_keeps_what_was_learned():
    stop = threading.Event()
    recorder = Recorder(stop_after_batches=1, stop=stop)
    result = train(TrainingSettings(epochs=50, train_limit=10_000, seed=4), listener=recorder, stop=stop)
    assert result.stopped
    assert result.epochs_done == 1  # it stopped inside the first epoch, not after 50
    assert recorder.batches[-1][1] < 100  # ... before the end of that epoch (100 batches)
    assert result.test_accuracy > 0.5  # the partial epoch still learned something


def test_a_seed_makes_training_repeatable():
    settings = TrainingSettings(epochs=1, train_limit=1000, seed=7)
    first, second = train(settings), train(settings)
    assert first.history["loss"] == pytest.approx(second.history["loss"], rel=1e-5)
    images = np.random.default_rng(0).random((5, 28, 28), dtype=np.float32)
    np.testing.assert_allclose(first.model.predict_on_batch(images), second.model.predict_on_batch(images), atol=1e-5)
