import keras
import numpy as np
import pytest

from mnist_core.model.keras_model import build_model
from mnist_core.model.optimizer import FusedAdam


def _small_dense_model(optimizer: keras.optimizers.Optimizer) -> keras.Model:
    keras.utils.set_random_seed(7)  # same initial weights for every model built here
    model = keras.Sequential(
        [
            keras.Input((28, 28)),
            keras.layers.Flatten(),
            keras.layers.Dense(32, activation="relu"),
            keras.layers.Dense(10, activation="softmax"),
        ]
    )
    model.compile(optimizer=optimizer, loss="sparse_categorical_crossentropy")
    return model


def test_the_fused_adam_has_keras_adams_settings():
    fused, plain = FusedAdam().get_config(), keras.optimizers.Adam().get_config()
    assert {key: value for key, value in fused.items() if key != "name"} == {
        key: value for key, value in plain.items() if key != "name"
    }
    assert isinstance(build_model().optimizer, FusedAdam)
    assert isinstance(build_model("cnn").optimizer, FusedAdam)


def test_the_fused_adam_learns_what_keras_adam_learns():
    rng = np.random.default_rng(0)
    batches = [(rng.random((16, 28, 28), dtype=np.float32), rng.integers(0, 10, 16)) for _ in range(20)]
    fused, plain = _small_dense_model(FusedAdam()), _small_dense_model(keras.optimizers.Adam())
    start = [weights.copy() for weights in plain.get_weights()]
    for images, labels in batches:
        fused_loss = fused.train_on_batch(images, labels)
        plain_loss = plain.train_on_batch(images, labels)
        assert fused_loss == pytest.approx(plain_loss, rel=1e-5)

    for fused_weights, plain_weights, first in zip(fused.get_weights(), plain.get_weights(), start, strict=True):
        assert not np.allclose(plain_weights, first)  # the weights really moved
        np.testing.assert_allclose(fused_weights, plain_weights, rtol=1e-4, atol=1e-6)
    for fused_state, plain_state in zip(fused.optimizer.variables, plain.optimizer.variables, strict=True):
        np.testing.assert_allclose(np.asarray(fused_state), np.asarray(plain_state), rtol=1e-4, atol=1e-7)
