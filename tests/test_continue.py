"""Continuing a run: a new run that records its parent, whose curves go on from the parent's last epoch, with
the optimizer's state carried over."""

from __future__ import annotations

import numpy as np
import pytest

from mnist_core.serving.worker import read_inputs
from mnist_core.training.fit import train
from mnist_core.training.settings import TrainingListener, TrainingSettings


class Epochs(TrainingListener):
    def __init__(self) -> None:
        self.earlier: dict = {}
        self.epochs: list[int] = []

    def on_start(self, settings, batches_per_epoch, earlier) -> None:
        self.earlier = earlier

    def on_epoch(self, epoch, metrics, seconds) -> None:
        self.epochs.append(epoch)


@pytest.mark.slow
def test_a_continued_run_extends_its_parents_history_and_keeps_adams_state(store):
    parent = store.save(train(TrainingSettings(epochs=2, train_limit=3000, seed=0)), owner="Min-jun")
    listener = Epochs()
    settings = TrainingSettings.from_dict(parent.settings).continued(parent.id, epochs=3)
    result = train(settings, listener=listener, inputs=read_inputs(settings, store))

    assert listener.earlier == parent.history and listener.epochs == [1, 2, 3]
    assert result.epochs_done == 5 and result.history["loss"][:2] == parent.history["loss"]
    assert result.optimizer_state_carried
    assert int(result.model.optimizer.iterations.numpy()) == 5 * 30  # 2 + 3 epochs of 30 batches, one count
    child = store.save(result, owner="Min-jun")
    assert child.parent_run == parent.id and child.epochs_done == 5
    assert result.history["loss"][-1] < parent.history["loss"][-1]  # it went on learning


@pytest.mark.slow
def test_without_the_parents_optimizer_state_a_fresh_one_starts_and_says_so(store):
    parent = store.save(train(TrainingSettings(epochs=1, train_limit=2000, seed=0)))
    model = store.load_model(parent.id)
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")  # a model saved without its state
    model.save(store.root / parent.id / "model.keras")
    settings = TrainingSettings.from_dict(parent.settings).continued(parent.id, epochs=1)
    with pytest.warns(UserWarning, match="Skipping variable loading for optimizer"):  # Keras says so, and we do
        result = train(settings, inputs=read_inputs(settings, store))
    assert result.optimizer_state_carried is False and result.epochs_done == 2
    assert np.isfinite(result.test_loss)
